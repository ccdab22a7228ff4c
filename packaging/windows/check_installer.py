"""Windows: what the installer promised, checked on the release runner.

Installs the built setup .exe silently for this user into a temporary folder, checks the
files, the Start-menu shortcut, the whatsapp: handler and the uninstall entry, runs the
release smoke test (packaging/smoke.py) on the *installed* app, uninstalls, and checks
that the program, the shortcut, the handler and a "start on login" value are gone.

    python packaging/windows/check_installer.py dist/zapdesk-1.2.3-windows-x64-setup.exe

Runs only on Windows (winreg); it has never run on a real Windows machine from this
repository's own CI, only in the release workflow.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import smoke  # packaging/smoke.py

APP_ID = "{6B1E5C1A-3F7D-4C8E-9A52-2D4F0B7E91C3}"  # zapdesk.iss's AppId
UNINSTALL_KEY = rf"Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}_is1"
HANDLER_KEY = r"Software\Classes\whatsapp"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"  # "start on login" (the app)


def read_value(key: str, name: str = "") -> str | None:
    import winreg  # Windows only

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
            return str(winreg.QueryValueEx(handle, name)[0])
    except OSError:
        return None


def set_run_value(data: str) -> None:
    import winreg

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as handle:
        winreg.SetValueEx(handle, "zapdesk", 0, winreg.REG_SZ, data)


def start_menu_link() -> Path:
    return (Path(os.environ["APPDATA"]) / "Microsoft" / "Windows" / "Start Menu"
            / "Programs" / "zapdesk.lnk")


def expect(ok: bool, message: str, failures: list[str]) -> None:
    print(f"check_installer: {'ok' if ok else 'FAILED'}: {message}", flush=True)
    if not ok:
        failures.append(message)


def installed(target: Path, failures: list[str]) -> None:
    exe = target / "zapdesk.exe"
    expect(exe.is_file(), f"{exe} installed", failures)
    expect((target / "zapdesk-cli.exe").is_file(), "zapdesk-cli.exe installed", failures)
    expect(start_menu_link().is_file(), f"Start-menu shortcut {start_menu_link()}", failures)
    expect(read_value(HANDLER_KEY, "URL Protocol") == "",
           r"HKCU\Software\Classes\whatsapp marked as a URL protocol", failures)
    command = read_value(HANDLER_KEY + r"\shell\open\command") or ""
    # "<folder>\zapdesk.exe" "%1", the folder perhaps spelled with short (8.3) names.
    program, _, argument = command.removeprefix('"').partition('" ')
    expect(Path(program).is_file() and Path(program).samefile(exe) and argument == '"%1"',
           f"whatsapp: opens the installed app with the link ({command})", failures)
    expect(read_value(UNINSTALL_KEY, "UninstallString") is not None,
           "an uninstaller is registered for this user", failures)


def uninstall(target: Path, failures: list[str]) -> None:
    # As if the operator had turned "start on login" on: the uninstaller must remove it.
    set_run_value(f'"{target / "zapdesk.exe"}" --hidden')
    uninstaller = target / "unins000.exe"
    subprocess.run([str(uninstaller), "/VERYSILENT", "/SUPPRESSMSGBOXES",
                    "/NORESTART"], check=True, timeout=300)
    # The uninstaller hands over to a copy of itself and returns early: wait for the copy.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and ((target / "zapdesk.exe").exists()
                                           or read_value(HANDLER_KEY) is not None):
        time.sleep(1)
    expect(not (target / "zapdesk.exe").exists(), "program removed", failures)
    expect(not start_menu_link().exists(), "Start-menu shortcut removed", failures)
    expect(read_value(HANDLER_KEY) is None, "whatsapp: handler removed", failures)
    expect(read_value(UNINSTALL_KEY, "UninstallString") is None, "uninstall entry removed",
           failures)
    expect(read_value(RUN_KEY, "zapdesk") is None, "start-on-login value removed", failures)


def main(argv: list[str]) -> int:
    if sys.platform != "win32" or len(argv) != 1:
        print("usage (Windows only): check_installer.py SETUP.exe", file=sys.stderr)
        return 2
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="zapdesk-install-",
                                     ignore_cleanup_errors=True) as work:
        target = Path(work) / "zapdesk"
        log = Path(work) / "install.log"
        done = subprocess.run([argv[0], "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART",
                               f"/DIR={target}", f"/LOG={log}"], check=False, timeout=600)
        if done.returncode != 0:
            print(log.read_text(encoding="utf-8", errors="replace") if log.exists() else "")
            print(f"check_installer: the installer exited {done.returncode}", file=sys.stderr)
            return 1
        installed(target, failures)
        if smoke.main(["--app", str(target)]) != 0:
            failures.append("the smoke test of the installed app")
        uninstall(target, failures)
    if failures:
        print(f"check_installer: {len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("check_installer: installed, smoke-tested and uninstalled cleanly")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
