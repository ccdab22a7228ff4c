"""One zapdesk per data folder, over the real local socket, with real second processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QDir
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from zapdesk.desktop.single_instance import LOCK_NAME, SingleInstance, server_name

LINK = "https://wa.me/5511988887777?text=Ol%C3%A1"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def launch(data_dir: Path, *links: str) -> subprocess.Popen[str]:
    """``zapdesk --data-dir DIR LINK…`` as a person (or their browser) starts it."""
    return subprocess.Popen([sys.executable, "-m", "zapdesk", "--data-dir", str(data_dir),
                             *links], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=ENV)


def finished(qtbot: QtBot, proc: subprocess.Popen[str], seconds: float = 30
             ) -> tuple[int, str]:
    """Wait while this process's loop runs (the first instance answers from it)."""
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=int(seconds * 1000))
    _out, err = proc.communicate()
    return proc.returncode, err


@pytest.fixture
def first(qapp: QApplication, tmp_path: Path) -> Iterator[tuple[SingleInstance, list[list[str]]]]:
    instance = SingleInstance(tmp_path / "data")
    assert instance.claim()
    assert instance.listen()
    received: list[list[str]] = []
    instance.received.connect(received.append)
    yield instance, received
    instance.close()


def test_a_second_launch_hands_over_its_link_and_exits_0(
        qtbot: QtBot, tmp_path: Path, first: tuple[SingleInstance, list[list[str]]]) -> None:
    _instance, received = first
    code, err = finished(qtbot, launch(tmp_path / "data", LINK))
    assert code == 0, err
    assert received == [[LINK]]
    code, err = finished(qtbot, launch(tmp_path / "data"))  # a plain second start
    assert code == 0, err
    assert received == [[LINK], []]  # nothing to open: the window just comes forward
    assert "Traceback" not in err


def test_the_same_folder_spelled_another_way_is_the_same_zapdesk(
        qtbot: QtBot, tmp_path: Path, first: tuple[SingleInstance, list[list[str]]]) -> None:
    _instance, received = first
    (tmp_path / "link").symlink_to(tmp_path / "data")
    assert server_name(tmp_path / "link") == server_name(tmp_path / "data")
    assert server_name(tmp_path / "data" / ".." / "data") == server_name(tmp_path / "data")
    assert not SingleInstance(tmp_path / "link").claim()  # the same store: never twice
    code, err = finished(qtbot, launch(tmp_path / "link", LINK))
    assert code == 0, err
    assert received == [[LINK]]


def test_two_data_folders_run_side_by_side(
        qtbot: QtBot, tmp_path: Path, first: tuple[SingleInstance, list[list[str]]]) -> None:
    _instance, received = first
    other = SingleInstance(tmp_path / "other")
    assert server_name(tmp_path / "other") != server_name(tmp_path / "data")
    assert other.claim() and other.listen()
    got: list[list[str]] = []
    other.received.connect(got.append)
    try:
        code, err = finished(qtbot, launch(tmp_path / "other", "tel:+5511988887777"))
        assert code == 0, err
        assert got == [["tel:+5511988887777"]] and received == []
    finally:
        other.close()


def test_the_name_belongs_to_the_user_too(tmp_path: Path) -> None:
    assert server_name(tmp_path, "ana") != server_name(tmp_path, "bia")
    assert len(server_name(tmp_path)) < 40  # a Unix socket path has about 100 bytes


def test_a_crashed_instance_leaves_nothing_in_the_way(qtbot: QtBot, qapp: QApplication,
                                                      tmp_path: Path) -> None:
    """Killed with SIGKILL: its lock file and socket stay behind; the next start takes
    both over, and later launches reach it."""
    script = ("import sys; from pathlib import Path; from PySide6.QtCore import "
              "QCoreApplication; from zapdesk.desktop.single_instance import SingleInstance; "
              "app = QCoreApplication([]); s = SingleInstance(Path(sys.argv[1])); "
              "assert s.claim() and s.listen(); print('ready', flush=True); app.exec()")
    crashing = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "data")],
                                stdout=subprocess.PIPE, text=True, env=ENV)
    assert crashing.stdout is not None and crashing.stdout.readline() == "ready\n"
    assert not SingleInstance(tmp_path / "data").claim()  # it is alive: it has the folder
    crashing.send_signal(signal.SIGKILL)
    crashing.wait(10)
    crashing.stdout.close()
    name = server_name(tmp_path / "data")
    assert (tmp_path / "data" / LOCK_NAME).exists()
    assert (Path(QDir.tempPath()) / name).exists()
    stale = QLocalSocket()
    stale.connectToServer(name)
    assert not stale.waitForConnected(500)  # the socket file is there; nobody answers
    after = SingleInstance(tmp_path / "data")
    assert after.claim()
    assert after.listen()
    received: list[list[str]] = []
    after.received.connect(received.append)
    try:
        code, err = finished(qtbot, launch(tmp_path / "data", LINK))
        assert code == 0, err
        assert received == [[LINK]]
    finally:
        after.close()
    assert not (tmp_path / "data" / LOCK_NAME).exists()  # a clean end leaves nothing


def test_something_else_on_the_socket_is_refused_and_ignored(
        qtbot: QtBot, first: tuple[SingleInstance, list[list[str]]]) -> None:
    instance, received = first
    for junk in (b"GET / HTTP/1.1\n", b"zapdesk-1 {\"links\": [3]}\n", b"zapdesk-1 [\n"):
        socket = QLocalSocket()
        socket.connectToServer(instance.name)
        assert socket.waitForConnected(1000)
        socket.write(QByteArray(junk))
        qtbot.waitUntil(lambda s=socket: s.bytesAvailable() > 0 or s.state() ==
                        QLocalSocket.LocalSocketState.UnconnectedState, timeout=5000)
        answer = bytes(socket.readAll().data())
        assert answer == b"no\n"
        socket.abort()
    assert received == []


def test_a_zapdesk_that_does_not_answer_is_said_plainly(tmp_path: Path,
                                                        qapp: QApplication) -> None:
    """The folder is held but nothing listens (hung): the launch says so and exits 1,
    rather than starting a second zapdesk on the same store."""
    holder = SingleInstance(tmp_path / "data")
    assert holder.claim()  # held, never listening
    try:
        done = subprocess.run([sys.executable, "-m", "zapdesk", "--data-dir",
                               str(tmp_path / "data"), LINK], capture_output=True, text=True,
                              timeout=60, env=ENV)
    finally:
        holder.close()
    assert done.returncode == 1
    assert "already running" in done.stderr and str(os.getpid()) in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "data" / "logs").exists()  # it never started: no log of its own
