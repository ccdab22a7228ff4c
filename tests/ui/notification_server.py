"""A stand-in for the desktop's notification daemon (none runs headless): it owns
org.freedesktop.Notifications on a private D-Bus, records what zapdesk asks, and can
"click" a notification the way a person would."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class FakeNotificationServer:
    def __init__(self, address: str) -> None:
        self.address = address
        self.shown: dict[int, tuple[str, str]] = {}  # id -> (summary, body)
        self.closed: list[int] = []
        self._next = 1
        self._stop = threading.Event()
        self._clicks: list[int] = []
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()
        assert self._ready.wait(10), "the fake notification server did not start"

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def click(self, notification_id: int) -> None:
        with self._lock:
            self._clicks.append(notification_id)

    def _run(self) -> None:
        conn = open_dbus_connection(bus=self.address)
        try:
            conn.send_and_get_reply(message_bus.RequestName(NAME))
            self._ready.set()
            emitter = DBusAddress(PATH, interface=NAME)
            while not self._stop.is_set():
                with self._lock:
                    clicks, self._clicks = self._clicks, []
                for notification_id in clicks:
                    conn.send(new_signal(emitter, "ActionInvoked", "us",
                                         (notification_id, "default")))
                try:
                    message = conn.receive(timeout=0.05)
                except TimeoutError:
                    continue
                if message.header.message_type != MessageType.method_call:
                    continue
                self._answer(conn, message, emitter)
        finally:
            conn.close()

    def _answer(self, conn: Any, message: Any, emitter: DBusAddress) -> None:
        member = message.header.fields.get(HeaderFields.member)
        if member == "GetServerInformation":
            conn.send(new_method_return(message, "ssss", ("fake", "zapdesk-tests", "1",
                                                          "1.2")))
        elif member == "Notify":
            _app, _replaces, _icon, summary, body, _actions, _hints, _timeout = message.body
            notification_id = self._next
            self._next += 1
            self.shown[notification_id] = (summary, body)
            conn.send(new_method_return(message, "u", (notification_id,)))
        elif member == "CloseNotification":
            (notification_id,) = message.body
            self.closed.append(int(notification_id))
            conn.send(new_method_return(message))
            conn.send(new_signal(emitter, "NotificationClosed", "uu", (notification_id, 3)))
        else:
            conn.send(new_method_return(message))


@contextmanager
def notification_bus() -> Iterator[FakeNotificationServer | None]:
    """A private session bus with the fake daemon on it; None where dbus-daemon is missing."""
    if not shutil.which("dbus-daemon"):
        yield None
        return
    out = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1",
                          "--print-pid=1"], capture_output=True, text=True, check=True,
                         timeout=10).stdout.split()
    address, pid = out[0], int(out[1])
    server = FakeNotificationServer(address)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        os.kill(pid, signal.SIGTERM)
