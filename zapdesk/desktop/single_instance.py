"""One zapdesk per data folder: a second launch hands its links to the first and exits.

The first launch holds a lock file in the data folder (so the store and the webhook
listener are never opened twice) and listens on a local socket (a Unix socket or a named
pipe) whose name comes from the user and the resolved data folder, so two ``--data-dir``
folders run side by side. A later launch finds the lock held, connects, sends one line
and waits for "ok". Only QtCore and QtNetwork are imported here: the check runs before
the window's imports, and a second launch never pays for them.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MAGIC = b"zapdesk-1 "  # first bytes of every hand-over: a different program is ignored
LONGEST = 64 * 1024
LOCK_NAME = "zapdesk.lock"
ANSWER_SECONDS = 5.0  # a running zapdesk that has not answered by then is not answering
# Forwarded so the running window may take the focus on Wayland (xdg-activation).
ACTIVATION_ENV = "XDG_ACTIVATION_TOKEN"


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(data_dir: Path, user: str | None = None) -> str:
    """Short (a Unix socket path has ~100 bytes) and the same for every launch that would
    use the same folder, whichever way the path was spelled."""
    key = f"{user if user is not None else _user()}\0{data_dir.resolve()}"
    return "zapdesk-" + hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:24]


class SingleInstance(QObject):
    """``claim()`` first; then either ``hand_over(links)`` (another zapdesk runs) or, once
    the QApplication exists, ``listen()`` and receive ``received(links)``."""

    received = Signal(list)  # the links a later launch handed over ([] : just come forward)

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        data_dir.mkdir(parents=True, exist_ok=True)
        self.name = server_name(data_dir)
        self.lock = QLockFile(str(data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def claim(self) -> bool:
        """True: this is the only zapdesk on the folder (a crashed one's lock is taken
        over). False: another one holds it."""
        if self.lock.tryLock(0):
            return True
        if self.lock.error() == QLockFile.LockError.LockFailedError:
            return False
        # No lock can be written there (a read-only folder): start anyway; the store says
        # what is wrong with the folder better than a refusal here could.
        log.warning("no lock file in the data folder (%s); not checking for another zapdesk",
                    self.lock.error())
        return True

    def holder(self) -> int | None:
        """The process id of the zapdesk holding the folder, if known."""
        info = self.lock.getLockInfo()
        pid = info[0] if isinstance(info, tuple) and info else None  # (pid, host, app)
        return pid if isinstance(pid, int) and pid > 0 else None

    # ---- the first launch ------------------------------------------------------------
    def listen(self) -> bool:
        """Accept hand-overs. Needs the QApplication (its event dispatcher)."""
        if self.lock.isLocked():
            # Holding the lock, a socket of that name is a crashed instance's leftover.
            QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("no single-instance socket %s (%s): later launches cannot hand "
                        "over their links", self.name, server.errorString())
            return False
        server.newConnection.connect(self._accept)
        self.server = server
        log.info("single-instance socket %s", server.fullServerName())
        return True

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))
            QTimer.singleShot(int(ANSWER_SECONDS * 1000), socket, socket.abort)
            self._read(socket)

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > LONGEST:
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        del self._buffers[socket]
        line = data.split(b"\n", 1)[0]
        links = _decode(line)
        socket.write(QByteArray(b"ok\n" if links is not None else b"no\n"))
        socket.flush()
        socket.disconnectFromServer()
        if links is None:
            log.warning("ignored a malformed hand-over on %s", self.name)
            return
        log.info("a later launch handed over %d link(s)", len(links[0]))
        if links[1]:
            os.environ[ACTIVATION_ENV] = links[1]
        self.received.emit(links[0])

    # ---- a later launch --------------------------------------------------------------
    def hand_over(self, links: list[str], seconds: float = ANSWER_SECONDS) -> bool:
        """Give the running zapdesk these links and ask it to come forward; True once it
        said it has them. Retries while the first one is still starting up."""
        message = MAGIC + json.dumps(
            {"links": links, "activation": os.environ.get(ACTIVATION_ENV, "")}).encode() + b"\n"
        deadline = time.monotonic() + seconds
        _let_it_take_the_focus(self.holder())
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(500):
                socket.write(QByteArray(message))
                socket.waitForBytesWritten(1000)
                answer = b""
                while b"\n" not in answer and time.monotonic() < deadline:
                    if not socket.waitForReadyRead(200) and \
                            socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                        break
                    answer += bytes(socket.readAll().data())
                socket.abort()
                if answer.startswith(b"ok\n"):
                    return True
                if answer:
                    return False  # it answered, and refused
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)


def _let_it_take_the_focus(pid: int | None) -> None:
    """Windows lets only the foreground process hand the focus on; this launch is it."""
    if sys.platform == "win32" and pid:
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(pid)


def _decode(line: bytes) -> tuple[list[str], str] | None:
    if not line.startswith(MAGIC):
        return None
    try:
        body = json.loads(line[len(MAGIC):])
    except ValueError:
        return None
    links = body.get("links") if isinstance(body, dict) else None
    activation = body.get("activation", "") if isinstance(body, dict) else ""
    if not isinstance(links, list) or not all(isinstance(x, str) for x in links) \
            or not isinstance(activation, str):
        return None
    return links, activation
