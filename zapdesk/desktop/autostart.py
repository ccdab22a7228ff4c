"""Starting zapdesk when the operator logs in, hidden in the tray: an XDG autostart entry on
Linux, the per-user Run key on Windows, a LaunchAgent on macOS. Whether it is on is the
entry itself (no copy in settings.json that could disagree with it)."""

from __future__ import annotations

import contextlib
import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from zapdesk.accounts import atomic

DESKTOP_ID = "zapdesk"  # packaging/linux/zapdesk.desktop: the same name in autostart/
LAUNCH_AGENT = "io.github.zapdesk.zapdesk"  # the app id of the metainfo and the macOS bundle
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "zapdesk"
HIDDEN = "--hidden"
# Characters the Desktop Entry spec reserves in an Exec argument (they need quoting).
RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


def launch_command(data_dir: Path | None = None) -> list[str]:
    """How this zapdesk is started again: the frozen executable, the installed ``zapdesk``
    script, or this Python with ``-m zapdesk``; hidden, with the same data folder."""
    if getattr(sys, "frozen", False):
        command = [str(Path(sys.executable).resolve())]
    else:
        script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
        if script is not None and script.name in ("zapdesk", "zapdesk.exe") and script.exists():
            command = [str(script.resolve())]
        else:  # a source checkout or python -m zapdesk
            command = [str(Path(sys.executable).absolute()), "-m", "zapdesk"]
    command.append(HIDDEN)
    if data_dir is not None:
        command += ["--data-dir", str(data_dir.resolve())]
    return command


# ---- Linux and other XDG desktops ---------------------------------------------------------
def xdg_autostart_path(environ: Mapping[str, str], home: Path) -> Path:
    config = environ.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and Path(config).is_absolute() else home / ".config"
    return base / "autostart" / f"{DESKTOP_ID}.desktop"


def _exec_argument(argument: str) -> str:
    """One argument of an Exec= line: quoted by the spec's rules when it needs it, then
    escaped as a desktop-file string (so a backslash is written four times)."""
    argument = argument.replace("%", "%%")
    if argument and not RESERVED.intersection(argument):
        return argument
    quoted = '"' + "".join("\\" + c if c in '"`$\\' else c for c in argument) + '"'
    return quoted.replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    if any("\n" in part or "\r" in part for part in command):
        raise ValueError("a line break cannot be part of an autostart command")
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Name=zapdesk",
        "Comment=Starts zapdesk in the system tray when you log in",
        "Exec=" + " ".join(_exec_argument(part) for part in command),
        f"Icon={DESKTOP_ID}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


# ---- macOS -----------------------------------------------------------------------------
def launch_agent_path(home: Path) -> Path:
    return home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT}.plist"


def launch_agent(command: list[str]) -> bytes:
    return plistlib.dumps({
        "Label": LAUNCH_AGENT,
        "ProgramArguments": command,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",  # the graphical login, not ssh sessions
    })


# ---- Windows ---------------------------------------------------------------------------
def run_key_value(command: list[str]) -> str:
    """The command line Windows runs at log-in (parsed back by CommandLineToArgvW)."""
    return subprocess.list2cmdline(command)


class Autostart:
    """The entry for this platform, under ``home`` (tests pass a temporary one)."""

    def __init__(self, command: list[str], *, platform: str = sys.platform,
                 home: Path | None = None, environ: Mapping[str, str] | None = None) -> None:
        self.command = command
        self.platform = platform
        self.home = home if home is not None else Path.home()
        self.environ = environ if environ is not None else os.environ

    @property
    def path(self) -> Path | None:
        """The file that is the entry (None on Windows: a registry value)."""
        if self.platform == "win32":
            return None
        if self.platform == "darwin":
            return launch_agent_path(self.home)
        return xdg_autostart_path(self.environ, self.home)

    def enabled(self) -> bool:
        if self.path is None:
            return _run_value() is not None
        return self.path.exists()

    def set_enabled(self, on: bool) -> None:
        """Write or remove the entry (OSError when the folder or registry refuses)."""
        path = self.path
        if path is None:
            _set_run_value(run_key_value(self.command) if on else None)
        elif not on:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            if self.platform == "darwin":
                atomic.write_text(path, launch_agent(self.command).decode("utf-8"))
            else:
                atomic.write_text(path, desktop_entry(self.command))


def _run_value() -> str | None:
    if sys.platform != "win32":
        return None
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            value, _kind = winreg.QueryValueEx(key, RUN_VALUE)
    except FileNotFoundError:
        return None
    return str(value)


def _set_run_value(value: str | None) -> None:
    if sys.platform != "win32":
        raise OSError("the Run key exists only on Windows")
    import winreg

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
        if value is None:
            with contextlib.suppress(FileNotFoundError):  # off already
                winreg.DeleteValue(key, RUN_VALUE)
        else:
            winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, value)
