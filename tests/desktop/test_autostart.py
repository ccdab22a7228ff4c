"""Start on login: the entry each OS reads, written into a temporary home and removed."""

from __future__ import annotations

import configparser
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zapdesk.desktop.autostart import (
    Autostart,
    desktop_entry,
    launch_command,
    run_key_value,
)

COMMAND = ["/opt/zapdesk/zapdesk", "--hidden"]


def split_exec(value: str) -> list[str]:
    """An Exec value as the Desktop Entry spec reads it: the string's escapes first, then
    its quoting (inside double quotes a backslash takes the next character literally), and
    %% is one percent sign."""
    text, i = "", 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            text += {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(value[i + 1], value[i + 1])
            i += 2
        else:
            text += value[i]
            i += 1
    parts: list[str] = []
    current, quoted, started, i = "", False, False, 0
    while i < len(text):
        ch = text[i]
        if quoted and ch == "\\":
            current, i = current + text[i + 1], i + 2
            continue
        if ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if current or started:
                parts.append(current)
            current, started = "", False
        else:
            current += ch
        i += 1
    if current or started:
        parts.append(current)
    return [part.replace("%%", "%") for part in parts]


def exec_line(path: Path) -> str:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(path, encoding="utf-8")
    return entry["Desktop Entry"]["Exec"]


def test_xdg_autostart_written_and_removed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    autostart = Autostart(COMMAND, platform="linux", home=home, environ={})
    assert not autostart.enabled()  # off by default
    autostart.set_enabled(True)
    path = home / ".config" / "autostart" / "zapdesk.desktop"
    assert autostart.path == path and path.exists() and autostart.enabled()
    assert exec_line(path) == "/opt/zapdesk/zapdesk --hidden"
    text = path.read_text(encoding="utf-8")
    assert "Type=Application" in text and "Icon=zapdesk" in text
    autostart.set_enabled(True)  # again: still one entry, unchanged
    assert sorted(p.name for p in path.parent.iterdir()) == ["zapdesk.desktop"]
    autostart.set_enabled(False)
    assert not path.exists() and not autostart.enabled()
    autostart.set_enabled(False)  # off already: nothing to do, no error


def test_xdg_config_home_is_honoured(tmp_path: Path) -> None:
    config = tmp_path / "elsewhere"
    autostart = Autostart(COMMAND, platform="linux", home=tmp_path / "home",
                          environ={"XDG_CONFIG_HOME": str(config)})
    autostart.set_enabled(True)
    assert (config / "autostart" / "zapdesk.desktop").exists()
    assert not (tmp_path / "home").exists()
    # A relative XDG_CONFIG_HOME is invalid by the spec: the default is used.
    relative = Autostart(COMMAND, platform="linux", home=tmp_path / "home",
                         environ={"XDG_CONFIG_HOME": "relative/dir"})
    assert relative.path == tmp_path / "home" / ".config" / "autostart" / "zapdesk.desktop"


@pytest.mark.parametrize("awkward", [
    "/home/ana maria/zapdesk data",  # spaces
    "/srv/it's \"quoted\" $HOME `cmd` 100%",  # the characters the spec reserves
    "/srv/back\\slash",
])
def test_exec_quoting_survives_awkward_paths(tmp_path: Path, awkward: str) -> None:
    command = ["/usr/bin/python3", "-m", "zapdesk", "--hidden", "--data-dir", awkward]
    path = tmp_path / "zapdesk.desktop"
    path.write_text(desktop_entry(command), encoding="utf-8")
    assert split_exec(exec_line(path)) == command
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run([validator, str(path)], capture_output=True, text=True,
                              timeout=30)
        assert done.returncode == 0 and "error" not in done.stdout, done.stdout


def test_a_line_break_is_never_written_into_the_entry() -> None:
    with pytest.raises(ValueError, match="line break"):
        desktop_entry(["/opt/zapdesk/zapdesk", "--data-dir", "/srv/a\nExec=rm -rf ~"])


def test_launch_agent_written_and_removed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    command = ["/Applications/zapdesk.app/Contents/MacOS/zapdesk", "--hidden"]
    autostart = Autostart(command, platform="darwin", home=home)
    assert not autostart.enabled()
    autostart.set_enabled(True)
    path = home / "Library" / "LaunchAgents" / "io.github.zapdesk.zapdesk.plist"
    assert autostart.path == path and autostart.enabled()
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == "io.github.zapdesk.zapdesk"
    assert agent["ProgramArguments"] == command
    assert agent["RunAtLoad"] is True
    autostart.set_enabled(False)
    assert not path.exists() and not autostart.enabled()


def test_the_run_key_command_line() -> None:
    """What Windows runs at log-in; CommandLineToArgvW splits it back into the list."""
    assert run_key_value([r"C:\Program Files\zapdesk\zapdesk.exe", "--hidden"]) == \
        r'"C:\Program Files\zapdesk\zapdesk.exe" --hidden'
    assert run_key_value([r"C:\Users\Ana\AppData\Local\Programs\zapdesk\zapdesk.exe",
                          "--hidden", "--data-dir", r"D:\dados zapdesk"]) == \
        (r"C:\Users\Ana\AppData\Local\Programs\zapdesk\zapdesk.exe --hidden --data-dir "
         r'"D:\dados zapdesk"')


def test_the_command_starts_this_zapdesk_hidden_with_its_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["/no/such/zapdesk"])
    assert launch_command() == [str(Path(sys.executable).absolute()), "-m", "zapdesk",
                                "--hidden"]
    assert launch_command(tmp_path / "a" / ".." / "data")[-2:] == \
        ["--data-dir", str((tmp_path / "data").resolve())]
    script = tmp_path / "bin" / "zapdesk"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "argv", [str(script)])  # the installed entry point
    assert launch_command() == [str(script.resolve()), "--hidden"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # the PyInstaller bundle
    assert launch_command() == [str(Path(sys.executable).resolve()), "--hidden"]


def test_the_written_entry_starts_zapdesk_hidden(tmp_path: Path) -> None:
    """The Exec line, split as a desktop would, runs zapdesk with --hidden (asked only for
    its help here, so nothing starts)."""
    autostart = Autostart(launch_command(tmp_path / "data"), platform="linux",
                          home=tmp_path / "home", environ={})
    autostart.set_enabled(True)
    assert autostart.path is not None
    argv = split_exec(exec_line(autostart.path))
    assert "--hidden" in argv
    done = subprocess.run([*argv, "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "--hidden" in done.stdout
