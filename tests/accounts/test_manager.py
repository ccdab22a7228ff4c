"""Accounts end to end: the sandbox, a keyring, the profile file and the log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from tests.accounts.backends import MemoryKeyring
from tests.sandbox.helpers import Sandbox
from zapdesk.accounts.keychain import SERVICE, SecretKind, SecretStore
from zapdesk.accounts.manager import AccountManager
from zapdesk.accounts.profiles import ProfileStore
from zapdesk.core import errors
from zapdesk.core.redact import REDACTOR

pytestmark = pytest.mark.asyncio
PASSWORD = "Senha-Muito-Secreta-42"


async def tenant(sandbox: Sandbox, email: str = "op@example.test") -> str:
    r = await sandbox.control.post("/_sandbox/tenants",
                                   json={"email": email, "password": PASSWORD, "plan": "pro"})
    api_key: str = r.json()["data"]["apiKey"]
    return api_key


def manager(tmp_path: Path, backend: KeyringBackend) -> AccountManager:
    return AccountManager(ProfileStore(tmp_path), SecretStore(backend), retry_backoff=0.01)


async def test_sign_in_keeps_secrets_in_the_keyring_only(
        sandbox: Sandbox, tmp_path: Path, backend: KeyringBackend,
        caplog: pytest.LogCaptureFixture) -> None:
    api_key = await tenant(sandbox)
    caplog.handler.addFilter(REDACTOR)
    caplog.set_level(logging.DEBUG)
    accounts = manager(tmp_path, backend)
    profile, client = await accounts.add(display_name="Loja", base_url=sandbox.url,
                                         email="op@example.test", password=PASSWORD)
    await client.create_instance("Vendas")
    cookie = client.session_cookie
    assert cookie and SecretStore(backend).get(profile.id, SecretKind.SESSION) == cookie
    assert backend.get_password(SERVICE, f"{profile.id}/password") == PASSWORD
    await client.aclose()
    key_profile, key_client = await accounts.add(display_name="Chave", base_url=sandbox.url,
                                                 api_key=api_key)
    assert len(await key_client.list_instances()) == 1
    await key_client.aclose()
    logging.getLogger("zapdesk.test").info("login %s cookie=%s key %s", PASSWORD, cookie,
                                           api_key)
    stored = (tmp_path / "accounts.json").read_text()
    for secret in (PASSWORD, cookie, api_key):
        assert secret not in stored
        assert secret not in caplog.text
    assert [p.display_name for p in accounts.accounts()] == ["Loja", "Chave"]
    assert key_profile.auth_mode == "api_key"


async def test_the_stored_cookie_is_reused_then_renewed(sandbox: Sandbox, tmp_path: Path,
                                                        backend: KeyringBackend) -> None:
    await tenant(sandbox)
    first = manager(tmp_path, backend)
    profile, client = await first.add(base_url=sandbox.url, email="op@example.test",
                                      password=PASSWORD)
    await client.aclose()
    sessions = len(sandbox.server.world.sessions)
    # The next start of the app: a new manager over the same file and keyring.
    again = manager(tmp_path, backend)
    reopened = await again.open(again.accounts()[0])
    assert await reopened.list_instances() == []
    assert len(sandbox.server.world.sessions) == sessions  # no new login: the cookie served
    old_cookie = reopened.session_cookie
    await sandbox.control.post("/_sandbox/sessions/expire")
    assert await reopened.list_instances() == []  # logged in again with the stored password
    new_cookie = SecretStore(backend).get(profile.id, SecretKind.SESSION)
    assert new_cookie == reopened.session_cookie and new_cookie != old_cookie
    await again.remove(profile, reopened)
    assert again.accounts() == []
    assert SecretStore(backend).get(profile.id, SecretKind.PASSWORD) is None
    assert SecretStore(backend).get(profile.id, SecretKind.SESSION) is None


async def test_an_expired_cookie_without_password_asks_to_sign_in(sandbox: Sandbox,
                                                                  tmp_path: Path) -> None:
    await tenant(sandbox)
    backend = MemoryKeyring()
    accounts = manager(tmp_path, backend)
    profile, client = await accounts.add(base_url=sandbox.url, email="op@example.test",
                                         password=PASSWORD)
    await client.aclose()
    SecretStore(backend).delete(profile.id, SecretKind.PASSWORD)
    reopened = await accounts.open(profile)
    await sandbox.control.post("/_sandbox/sessions/expire")
    with pytest.raises(errors.NotAuthenticated):
        await reopened.list_instances()
    await reopened.aclose()
    SecretStore(backend).delete(profile.id, SecretKind.SESSION)
    with pytest.raises(errors.NotAuthenticated) as caught:
        await accounts.open(profile)
    assert caught.value.code == "no_credentials"
    renewed = await accounts.sign_in(profile, password=PASSWORD)  # the login prompt's answer
    assert await renewed.list_instances() == []
    await renewed.aclose()


async def test_wrong_password_keeps_nothing(sandbox: Sandbox, tmp_path: Path) -> None:
    await tenant(sandbox)
    backend = MemoryKeyring()
    accounts = manager(tmp_path, backend)
    with pytest.raises(errors.NotAuthenticated):
        await accounts.add(base_url=sandbox.url, email="op@example.test", password="wrong")
    assert accounts.accounts() == [] and backend.items == {}


async def test_without_a_keyring_the_choice_is_the_operators(sandbox: Sandbox,
                                                             tmp_path: Path) -> None:
    import keyring.backends.fail

    await tenant(sandbox)
    accounts = manager(tmp_path, keyring.backends.fail.Keyring())
    with pytest.raises(errors.KeyringUnavailable):
        await accounts.add(base_url=sandbox.url, email="op@example.test", password=PASSWORD)
    assert sandbox.server.world.sessions == {}  # refused before anything was sent
    profile, client = await accounts.add(base_url=sandbox.url, email="op@example.test",
                                         password=PASSWORD, remember=False)
    assert await client.list_instances() == []
    await sandbox.control.post("/_sandbox/sessions/expire")
    assert await client.list_instances() == []  # the in-memory password still renews
    await client.aclose()
    assert "Senha" not in (tmp_path / "accounts.json").read_text()
    # A later start has no secret: the operator is asked to sign in again.
    later = manager(tmp_path, keyring.backends.fail.Keyring())
    with pytest.raises(errors.NotAuthenticated):
        await later.open(profile)
