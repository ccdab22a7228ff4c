"""A Secret Service that fails in ways ``keyring`` does not wrap, at start: the console
comes up, the stored account asks to sign in again saying why, nothing crashes."""

from __future__ import annotations

from pathlib import Path

import pytest
import secretstorage.exceptions
from pytestqt.qtbot import QtBot

from tests.accounts.backends import FailingKeyring
from tests.ui.conftest import console_env, shot, until
from zapdesk.accounts.keychain import SecretStore
from zapdesk.accounts.profiles import AccountProfile, ProfileStore
from zapdesk.controller.account import AccountState
from zapdesk.ui.dialogs import SignInDialog
from zapdesk.ui.instance_delegate import account_status_line
from zapdesk.ui.status import error_text

pytestmark = pytest.mark.asyncio
GONE = "Object does not exist at path “/org/freedesktop/secrets/collection/login/7”"


async def test_an_unwrapped_secret_service_error_at_start_is_no_keyring(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.tenant("ana@example.test")
        ProfileStore(tmp_path).add(AccountProfile("acc_kept", "Loja Centro", env.sandbox.url,
                                                  "password", "ana@example.test"))
        backend = FailingKeyring(secretstorage.exceptions.ItemNotFoundException(GONE))
        env.app.secrets = env.app.manager.secrets = SecretStore(backend)
        await env.app.load()
        [account] = env.app.accounts
        assert account.state == AccountState.SIGN_IN
        line = account_status_line(account) or ""
        assert account.error is not None and line == error_text(account.error)
        assert "ItemNotFoundException" not in line  # our sentence; the reason is in Details
        details = account.error.details() if account.error is not None else ""
        assert "ItemNotFoundException" in details and "/collection/login/7" in details
        assert not env.app.secrets.available
        # Receiving still works, on a URL that says it lasts only for this session.
        assert "acc_kept" in env.app.receiver.temporary
        env.console.select(account)
        await until(lambda: env.console.account_pane.sign_in.isVisible(), what="sign in")
        shot(env.window, f"keyring-failed-{look}")
        env.console.account_pane.sign_in.click()
        dialog = env.window.findChildren(SignInDialog)[-1]
        assert not dialog.remember.isEnabled() and dialog.keyring_note.isVisible()
        dialog.password.edit.setText("pw-123456")
        dialog.ok.click()
        await until(lambda: account.state == AccountState.READY, what="signed in again")
        assert "pw-123456" not in (tmp_path / "accounts.json").read_text()
