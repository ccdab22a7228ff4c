from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend

from tests.accounts.backends import MemoryKeyring


@pytest.fixture
def real_keyring(secret_service_bus: str | None, monkeypatch: pytest.MonkeyPatch
                 ) -> KeyringBackend:
    """gnome-keyring over a private D-Bus; skipped (saying why) where it cannot run."""
    if secret_service_bus is None:
        pytest.skip("no dbus-daemon/gnome-keyring-daemon here (packaging/dev/setup installs "
                    "them on Debian)")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service_bus)
    from keyring.backends.SecretService import Keyring

    backend = Keyring()
    assert backend.priority > 0
    return backend


@pytest.fixture(params=["memory", "secret-service"])
def backend(request: pytest.FixtureRequest) -> KeyringBackend:
    if request.param == "memory":
        return MemoryKeyring()
    real: KeyringBackend = request.getfixturevalue("real_keyring")
    return real
