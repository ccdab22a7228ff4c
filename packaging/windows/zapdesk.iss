; Inno Setup 6.3+ script: the per-user Windows installer for zapdesk.
; Built by packaging/windows/build-installer after packaging/build has frozen dist\zapdesk:
;   iscc /DAppVersion=1.2.3 [/DBundleDir=...] [/DOutputDir=...] packaging\windows\zapdesk.iss
; Installs without administrator rights into %LOCALAPPDATA%\Programs\zapdesk, with a
; Start-menu shortcut, an optional desktop icon, the console companion zapdesk-cli.exe
; (a windowed .exe cannot print: `zapdesk-cli accounts`), the whatsapp: link handler
; (per user, under HKCU\Software\Classes) and an uninstaller that removes all of it.
; The user's data (settings, logs, the message store) is kept on uninstall.
; Not run on a real Windows machine from this repository's CI: see the README.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=1.2.3 zapdesk.iss
#endif
#ifndef NumericVersion
  ; VersionInfoVersion takes digits only (1.2.3, not 1.2.3rc1)
  #define NumericVersion AppVersion
#endif
; The frozen bundle (PyInstaller's one folder) and where the installer goes.
#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\zapdesk"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\..\dist"
#endif
#if !FileExists(AddBackslash(BundleDir) + "zapdesk.exe")
  #error zapdesk.exe is missing from BundleDir: run packaging/build first
#endif
#if !FileExists(AddBackslash(BundleDir) + "zapdesk-cli.exe")
  #error zapdesk-cli.exe is missing from BundleDir: the spec builds it on Windows
#endif

#define AppName "zapdesk"
#define AppExe "zapdesk.exe"

[Setup]
; The AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{6B1E5C1A-3F7D-4C8E-9A52-2D4F0B7E91C3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=zapdesk
VersionInfoVersion={#NumericVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer
; Per user, never elevated: {autopf} is then %LOCALAPPDATA%\Programs and the registry
; entries below go to HKCU.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir={#OutputDir}
OutputBaseFilename=zapdesk-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\zapdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running zapdesk is closed (and offered a restart) so its files can be replaced.
CloseApplications=yes
RestartApplications=no
; The whatsapp: handler changed: ask Explorer to reread the associations.
ChangesAssociations=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ptbr"; MessagesFile: "compiler:Languages\BrazilianPortuguese.isl"

[CustomMessages]
en.LinkHandler=Open WhatsApp links (whatsapp:) with zapdesk
ptbr.LinkHandler=Abrir links do WhatsApp (whatsapp:) com o zapdesk
en.LinkGroup=Links:
ptbr.LinkGroup=Links:

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "linkhandler"; Description: "{cm:LinkHandler}"; GroupDescription: "{cm:LinkGroup}"

[Files]
; Named one by one so that a bundle missing either executable fails the build.
Source: "{#BundleDir}\zapdesk.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\zapdesk-cli.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle whole: a library the new version dropped must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; The whatsapp: URL protocol, for this user only. The browser hands wa.me links over to it
; ("Open WhatsApp"); zapdesk receives the link as its argument ("%1").
Root: HKCU; Subkey: "Software\Classes\whatsapp"; ValueType: string; ValueName: ""; ValueData: "URL:WhatsApp link"; Flags: uninsdeletekey; Tasks: linkhandler
Root: HKCU; Subkey: "Software\Classes\whatsapp"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: linkhandler
Root: HKCU; Subkey: "Software\Classes\whatsapp\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: linkhandler
Root: HKCU; Subkey: "Software\Classes\whatsapp\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: linkhandler
; "Start on login" (a setting in the app) writes this Run value; an uninstalled zapdesk
; must not leave it behind. Nothing is written here at install time.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "zapdesk"; Flags: uninsdeletevalue dontcreatekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
