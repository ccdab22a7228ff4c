"""Keyring backends for tests: an in-memory one, and a real Secret Service started privately."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@contextmanager
def secret_service() -> Iterator[str | None]:
    """A private D-Bus session with gnome-keyring's Secret Service, unlocked.

    Yields the bus address, or None with nothing started where the programs are missing.
    """
    if not (shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon")):
        yield None
        return
    out = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1",
                          "--print-pid=1"], capture_output=True, text=True, check=True,
                         timeout=10).stdout.split()
    address, bus_pid = out[0], int(out[1])
    runtime = tempfile.mkdtemp(prefix="zapdesk-keyring-")
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "XDG_RUNTIME_DIR": runtime,
           "HOME": runtime}
    try:
        subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets",
                        "--daemonize"], input="test-unlock", capture_output=True, text=True,
                       env=env, check=True, timeout=20)
        _until_login_unlocked(address)
        yield address
    finally:
        _stop_daemons_of(runtime)
        os.kill(bus_pid, signal.SIGTERM)
        shutil.rmtree(runtime, ignore_errors=True)


def _stop_daemons_of(runtime: str) -> None:
    """End the gnome-keyring daemons started for this runtime folder. Their command line
    does not name it (a pattern on it matched nothing and daemons piled up), their
    environment does."""
    marker = f"XDG_RUNTIME_DIR={runtime}".encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if b"gnome-keyring" in (proc / "cmdline").read_bytes() \
                    and marker in (proc / "environ").read_bytes().split(b"\0"):
                os.kill(int(proc.name), signal.SIGTERM)
        except (OSError, ValueError):
            continue  # gone meanwhile, or not ours to read


def _until_login_unlocked(address: str, seconds: float = 30.0) -> None:
    """The daemon returns before its login keyring (the "default" alias) is made and
    unlocked. A test that reaches it sooner makes the keyring library create or unlock one,
    which asks gnome-keyring for a prompt; with no display to show it in, the daemon
    answers "Prompt dismissed". So wait until the login keyring is there, unlocked."""
    import secretstorage
    from jeepney.io.blocking import open_dbus_connection

    deadline = time.monotonic() + seconds
    with open_dbus_connection(bus=address) as conn:
        while True:
            try:
                if not secretstorage.Collection(conn).is_locked():
                    return
            except secretstorage.exceptions.SecretServiceNotAvailableException:
                pass  # the daemon has not taken its name on the bus yet
            except secretstorage.exceptions.ItemNotFoundException:
                pass  # no "default" alias yet: the login keyring is still being made
            if time.monotonic() > deadline:
                raise RuntimeError(f"gnome-keyring's login keyring not unlocked in {seconds} s")
            time.sleep(0.05)


class FailingKeyring(MemoryKeyring):
    """A keyring whose every call raises ``error``, as a broken Secret Service does."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error
        self.calls = 0

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        raise self.error

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        self.calls += 1
        raise self.error
