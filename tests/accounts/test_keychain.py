from __future__ import annotations

import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from tests.accounts.backends import FailingKeyring, MemoryKeyring
from zapdesk.accounts.keychain import SERVICE, SecretKind, SecretStore, unusable_reason
from zapdesk.core.errors import KeyringUnavailable


def test_secrets_are_stored_read_and_deleted(backend: KeyringBackend) -> None:
    store = SecretStore(backend)
    assert store.available
    store.set("acc_1", SecretKind.PASSWORD, "pässwörd-1")
    store.set("acc_1", SecretKind.SESSION, "cookie-1")
    store.set("acc_2", SecretKind.PASSWORD, "other")
    assert store.get("acc_1", SecretKind.PASSWORD) == "pässwörd-1"
    assert backend.get_password(SERVICE, "acc_1/password") == "pässwörd-1"
    # A second store over the same backend (the next start of the app) sees them.
    assert SecretStore(backend).get("acc_1", SecretKind.SESSION) == "cookie-1"
    store.delete_all("acc_1")
    assert store.get("acc_1", SecretKind.PASSWORD) is None
    assert store.get("acc_1", SecretKind.SESSION) is None
    assert store.get("acc_2", SecretKind.PASSWORD) == "other"
    store.delete_all("acc_2")
    store.delete_all("acc_2")  # deleting what is not there is fine


class PlainFileKeyring(MemoryKeyring):
    pass


PlainFileKeyring.__module__ = "keyrings.alt.file"  # what keyrings.alt's backends look like


class EmptyChain(keyring.backends.chainer.ChainerBackend):
    backends: list[KeyringBackend] = []  # noqa: RUF012 - discovery is process-wide; pin it


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring(),
                                     keyring.backends.null.Keyring(), PlainFileKeyring(),
                                     EmptyChain()],
                         ids=["fail", "null", "keyrings.alt", "empty-chain"])
def test_no_usable_keyring_is_said_plainly(backend: KeyringBackend) -> None:
    store = SecretStore(backend)
    assert not store.available and unusable_reason(backend)
    with pytest.raises(KeyringUnavailable) as caught:
        store.set("acc", SecretKind.PASSWORD, "pw")
    assert "keyring" in str(caught.value)
    # The operator may keep it for this session only; nothing reaches the backend.
    store.set("acc", SecretKind.PASSWORD, "pw", session_only=True)
    assert store.get("acc", SecretKind.PASSWORD) == "pw"
    if isinstance(backend, MemoryKeyring):
        assert backend.items == {}
    assert SecretStore(backend).get("acc", SecretKind.PASSWORD) is None  # gone at next start


def test_plain_file_backends_are_refused_by_name() -> None:
    assert "plain file" in (unusable_reason(PlainFileKeyring()) or "")


def test_session_only_replaces_a_stored_secret() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    store.set("acc", SecretKind.PASSWORD, "old")
    store.set("acc", SecretKind.PASSWORD, "new", session_only=True)
    assert store.get("acc", SecretKind.PASSWORD) == "new" and backend.items == {}


def dbus_error(name: str, text: str) -> Exception:
    from jeepney import DBusAddress, new_error, new_method_call
    from jeepney.wrappers import DBusErrorResponse

    call = new_method_call(DBusAddress("/org/freedesktop/secrets",
                                       bus_name="org.freedesktop.secrets",
                                       interface="org.freedesktop.Secret.Item"), "GetSecret")
    return DBusErrorResponse(new_error(call, name, "s", (text,)))


def backend_errors() -> list[Exception]:
    """What real backends raise besides keyring's own errors (seen in the field)."""
    import secretstorage.exceptions

    return [
        secretstorage.exceptions.ItemNotFoundException(
            "Object does not exist at path “/org/freedesktop/secrets/collection/login/7”"),
        secretstorage.exceptions.LockedException("Item is locked!"),
        secretstorage.exceptions.PromptDismissedException("Prompt dismissed."),
        dbus_error("org.freedesktop.DBus.Error.UnknownObject", "No such object path"),
        dbus_error("org.freedesktop.DBus.Error.NoReply", "Did not receive a reply"),
        ConnectionResetError(104, "Connection reset by peer"),
        OSError(24, "Too many open files"),
        keyring.errors.KeyringLocked("Failed to unlock the collection!"),
        RuntimeError("a backend bug"),
    ]


@pytest.mark.parametrize("error", backend_errors(), ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("first", ["read", "write", "delete"])
def test_any_backend_failure_means_no_keyring_with_its_reason(error: Exception, first: str,
                                                              caplog: pytest.LogCaptureFixture
                                                              ) -> None:
    backend = FailingKeyring(error)
    store = SecretStore(backend)
    assert store.available
    if first == "read":
        with pytest.raises(KeyringUnavailable) as caught:
            store.get("acc", SecretKind.PASSWORD)
        # Our sentence for the operator; the backend's words go to Details and the log.
        assert caught.value.message() == KeyringUnavailable().message()
        assert type(error).__name__ in caught.value.details()
    elif first == "write":
        with pytest.raises(KeyringUnavailable) as caught:
            store.set("acc", SecretKind.PASSWORD, "pw")
        # Our sentence for the operator; the backend's words go to Details and the log.
        assert caught.value.message() == KeyringUnavailable().message()
        assert type(error).__name__ in caught.value.details()
    else:
        store.delete_all("acc")  # removing an account still works, leaving the secret
    # From then on: the existing no-keyring state, saying why, without asking again.
    assert not store.available
    assert type(error).__name__ in (store.unavailable_reason or "")
    assert "keyring failed" in caplog.text and type(error).__name__ in caplog.text
    calls = backend.calls
    with pytest.raises(KeyringUnavailable):
        store.set("acc", SecretKind.API_KEY, "key")
    with pytest.raises(KeyringUnavailable):  # it may be stored: not "no password"
        store.get("acc", SecretKind.API_KEY)
    store.delete("acc", SecretKind.API_KEY)
    assert backend.calls == calls
    # The operator may still keep a secret for this session.
    store.set("acc", SecretKind.PASSWORD, "pw", session_only=True)
    assert store.get("acc", SecretKind.PASSWORD) == "pw"


def test_a_failing_keyring_discovery_is_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    import secretstorage.exceptions

    def broken() -> KeyringBackend:
        raise secretstorage.exceptions.SecretServiceNotAvailableException("no bus")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    store = SecretStore()
    assert not store.available and "no bus" in (store.unavailable_reason or "")
    assert store.get("acc", SecretKind.PASSWORD) is None  # nothing was ever stored here
    with pytest.raises(KeyringUnavailable):
        store.set("acc", SecretKind.PASSWORD, "pw")
