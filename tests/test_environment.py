"""What zapdesk does with the environment it starts in: children get it back without a
frozen bundle's library paths, and a stale SSL_CERT_FILE is ignored and reported."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import certifi
import pytest
from PySide6.QtCore import QProcess

from zapdesk import __version__, environment


def test_children_get_the_environment_from_before_the_bundle(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    bundle = tmp_path / "zapdesk" / "_internal"
    bundle.mkdir(parents=True)
    # What PyInstaller's bootloader and its Qt runtime hook leave behind.
    monkeypatch.setenv("LD_LIBRARY_PATH", f"{bundle}")
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/opt/vendor/lib")
    monkeypatch.setenv("QT_PLUGIN_PATH", f"{bundle}/PySide6/Qt/plugins")
    monkeypatch.setenv("PATH", f"{bundle}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv("QML2_IMPORT_PATH", raising=False)
    changed = environment.restore_for_children(str(bundle))
    assert changed["LD_LIBRARY_PATH"] == "/opt/vendor/lib"
    assert changed["QT_PLUGIN_PATH"] is None
    assert "LD_LIBRARY_PATH_ORIG" not in os.environ
    # A child started the way Qt starts xdg-open (QProcess) sees the original values.
    child = QProcess()
    child.start("env", [])
    assert child.waitForFinished(10_000)
    seen = dict(line.split("=", 1) for line in
                bytes(child.readAllStandardOutput().data()).decode().splitlines()
                if "=" in line)
    assert seen["LD_LIBRARY_PATH"] == "/opt/vendor/lib"
    assert "QT_PLUGIN_PATH" not in seen
    assert str(bundle) not in seen["PATH"] and seen["PATH"]


def test_from_source_nothing_is_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/vendor/lib")
    assert environment.restore_for_children() == {}  # not frozen: no bundle to undo
    assert os.environ["LD_LIBRARY_PATH"] == "/opt/vendor/lib"


def test_a_usable_certificate_file_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())
    assert environment.drop_unusable_cert_file() is None
    assert os.environ["SSL_CERT_FILE"] == certifi.where()


@pytest.mark.parametrize("content", [None, "not a certificate"], ids=["missing", "junk"])
def test_an_unusable_certificate_file_is_dropped(tmp_path: Path, content: str | None,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ca.pem"
    if content is not None:
        path.write_text(content)
    monkeypatch.setenv("SSL_CERT_FILE", str(path))
    assert environment.drop_unusable_cert_file() == str(path)
    assert "SSL_CERT_FILE" not in os.environ


def app(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "zapdesk", *args], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env})


def test_the_demo_starts_despite_a_stale_certificate_file(tmp_path: Path) -> None:
    gone = tmp_path / "gone.pem"
    done = app("--sandbox", "--screenshot", str(tmp_path / "shot.png"), "--lang", "pt_BR",
               "--data-dir", str(tmp_path / "data"), tmp_path=tmp_path,
               SSL_CERT_FILE=str(gone))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    log = (tmp_path / "data" / "logs" / "zapdesk.log").read_text(encoding="utf-8")
    assert f"SSL_CERT_FILE={gone} is unusable" in log
    assert re.search(r"account \S+ \(sandbox\): 4 instances", log)


def test_version_prints_and_exits_without_a_window(tmp_path: Path) -> None:
    done = app("--version", tmp_path=tmp_path, QT_QPA_PLATFORM="none-such")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"zapdesk {__version__}\n"
