from __future__ import annotations

import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend

from tests.accounts.backends import MemoryKeyring
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
