"""The Windows installer script and the macOS bundle's Info.plist, checked as text and data.

Neither Inno Setup nor a Mac is available here: these tests read the recipes and hold
them to what the installers must do (per-user install, the console companion, the
whatsapp: handler registered and removed, the same URL schemes and id on every OS).
The release workflow builds and installs them for real on Windows and macOS runners.
"""

from __future__ import annotations

import plistlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.release.scripts import PACKAGING, TOP, load

ISS = PACKAGING / "windows" / "zapdesk.iss"
DESKTOP = PACKAGING / "linux" / "zapdesk.desktop"


def iss_sections() -> dict[str, list[str]]:
    """[Section] → its lines, without comments, blanks or preprocessor lines."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def iss_entries(section: str) -> list[dict[str, str]]:
    """`Name: "x"; Flags: a b` lines as {"Name": "x", "Flags": "a b"} (quotes removed,
    doubled quotes kept as Inno Setup reads them: "" → ")."""
    entries = []
    for line in iss_sections()[section]:
        entry = {}
        for key, value in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line):
            value = value.strip()
            if value.startswith('"'):
                value = value[1:-1].replace('""', '"')
            entry[key] = value
        entries.append(entry)
    return entries


def setup_directives() -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss_sections()["Setup"])


def test_installs_per_user_without_administrator_rights() -> None:
    setup = setup_directives()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # never an elevated variant
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs
    registry = iss_entries("Registry")
    assert registry and all(entry["Root"] == "HKCU" for entry in registry)


def test_identity_version_and_icon() -> None:
    setup = setup_directives()
    check = load("windows/check_installer.py")
    assert setup["AppId"] == "{" + check.APP_ID  # "{{" is Inno Setup's escaped brace
    assert setup["AppVersion"] == "{#AppVersion}"
    text = ISS.read_text(encoding="utf-8")
    assert "#ifndef AppVersion\n  #error" in text  # no build without the workflow's version
    assert setup["OutputBaseFilename"] == "zapdesk-{#AppVersion}-windows-x64-setup"
    icon = (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).resolve()
    assert icon == TOP / "resources" / "icons" / "zapdesk.ico"
    assert setup["UninstallDisplayIcon"] == "{app}\\{#AppExe}"


def test_ships_both_executables_and_the_bundle() -> None:
    sources = [entry["Source"] for entry in iss_entries("Files")]
    assert sources == ["{#BundleDir}\\zapdesk.exe", "{#BundleDir}\\zapdesk-cli.exe",
                       "{#BundleDir}\\_internal\\*"]
    text = ISS.read_text(encoding="utf-8")
    assert 'FileExists(AddBackslash(BundleDir) + "zapdesk-cli.exe")' in text


def test_start_menu_shortcut_and_optional_desktop_icon() -> None:
    icons = {entry["Name"]: entry for entry in iss_entries("Icons")}
    assert icons["{autoprograms}\\{#AppName}"]["Filename"] == "{app}\\{#AppExe}"
    desktop = icons["{autodesktop}\\{#AppName}"]
    tasks = {entry["Name"]: entry for entry in iss_entries("Tasks")}
    assert "unchecked" in tasks[desktop["Tasks"]]["Flags"]


def test_registers_the_whatsapp_protocol_and_removes_it_on_uninstall() -> None:
    registry = [e for e in iss_entries("Registry") if e["Subkey"].startswith(
        "Software\\Classes\\whatsapp")]
    by_value = {(e["Subkey"], e["ValueName"]): e for e in registry}
    root = by_value[("Software\\Classes\\whatsapp", "")]
    assert "uninsdeletekey" in root["Flags"].split()  # the whole key goes on uninstall
    assert ("Software\\Classes\\whatsapp", "URL Protocol") in by_value
    command = by_value[("Software\\Classes\\whatsapp\\shell\\open\\command", "")]
    assert command["ValueData"] == '"{app}\\{#AppExe}" "%1"'
    assert {e["Tasks"] for e in registry} == {"linkhandler"}
    tasks = {entry["Name"]: entry for entry in iss_entries("Tasks")}
    assert "Flags" not in tasks["linkhandler"]  # on by default
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', ISS.read_text(encoding="utf-8")))
    assert defines["AppExe"] == "zapdesk.exe"


def test_uninstall_removes_the_start_on_login_value() -> None:
    run = [e for e in iss_entries("Registry")
           if e["Subkey"] == "Software\\Microsoft\\Windows\\CurrentVersion\\Run"]
    assert len(run) == 1
    assert run[0]["ValueType"] == "none"  # nothing written at install time
    assert set(run[0]["Flags"].split()) == {"uninsdeletevalue", "dontcreatekey"}


def test_installer_speaks_english_and_brazilian_portuguese() -> None:
    languages = {e["Name"]: e["MessagesFile"] for e in iss_entries("Languages")}
    assert languages == {"en": "compiler:Default.isl",
                         "ptbr": "compiler:Languages\\BrazilianPortuguese.isl"}
    messages = [line.split("=", 1)[0] for line in iss_sections()["CustomMessages"]]
    names = {m.split(".", 1)[1] for m in messages}
    assert sorted(messages) == sorted(f"{lang}.{n}" for n in names for lang in languages)


def test_info_plist_is_a_valid_plist_with_the_url_schemes() -> None:
    info = load("macos/info_plist.py")
    data = plistlib.loads(plistlib.dumps(info.info_plist("1.2.3")))
    assert data["CFBundleShortVersionString"] == data["CFBundleVersion"] == "1.2.3"
    assert data["LSMinimumSystemVersion"] == "13.0"  # Qt 6.11's oldest macOS
    assert data["NSHighResolutionCapable"] is True
    schemes = data["CFBundleURLTypes"][0]["CFBundleURLSchemes"]
    assert "whatsapp" in schemes


def test_entitlements_are_a_valid_plist_and_only_what_python_needs() -> None:
    data = plistlib.loads((PACKAGING / "macos" / "entitlements.plist").read_bytes())
    assert data == {"com.apple.security.cs.allow-unsigned-executable-memory": True,
                    "com.apple.security.cs.disable-library-validation": True}


@pytest.mark.parametrize("script", ["windows/check_installer.py", "macos/check_dmg.py"])
def test_platform_checks_refuse_to_run_elsewhere(script: str) -> None:
    if (script.startswith("windows") and sys.platform == "win32") or \
            (script.startswith("macos") and sys.platform == "darwin"):
        pytest.skip("this is the platform it checks")
    done = subprocess.run([sys.executable, str(PACKAGING / script), "x"], capture_output=True,
                          text=True, check=False, timeout=60)
    assert done.returncode == 2 and "only" in done.stderr.lower()


def test_release_scripts_pass_ruff_and_mypy() -> None:
    scripts = [PACKAGING / p for p in ("smoke.py", "macos/info_plist.py",
                                       "windows/version_info.py", "macos/check_dmg.py",
                                       "windows/check_installer.py")]
    ruff = subprocess.run([str(Path(sys.executable).parent / "ruff"), "check", "--quiet",
                           *map(str, scripts)], capture_output=True, text=True, check=False)
    assert ruff.returncode == 0, ruff.stdout
    for platform, files in (("linux", scripts[:3]), ("darwin", [scripts[3]]),
                            ("win32", [scripts[4]])):
        mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
                               "--platform", platform, *map(str, files)],
                              capture_output=True, text=True, check=False, cwd=TOP)
        assert mypy.returncode == 0, mypy.stdout


def test_windows_version_resource_reads_back_through_pyinstaller(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pefile", reason="pefile comes with the test extras")
    compat = pytest.importorskip("PyInstaller.compat",
                                 reason="PyInstaller comes with the package extras")
    # Its version-info module wants win32api only to write into an .exe, never to read.
    monkeypatch.setattr(compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32 import versioninfo

    version_info = load("windows/version_info.py")
    assert version_info.numeric("1.2.0rc1") == (1, 2, 0, 0)
    path = version_info.write_version_file(tmp_path, "1.2.3", "zapdesk-cli",
                                           "zapdesk (terminal commands)")
    info = versioninfo.load_version_info_from_text_file(str(path))
    assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == (1 << 16 | 2, 3 << 16)
    raw = info.toRaw()
    for text in ("zapdesk-cli.exe", "1.2.3", "zapdesk (terminal commands)"):
        assert text.encode("utf-16-le") in raw
