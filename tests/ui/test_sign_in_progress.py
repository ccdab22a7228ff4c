"""A slow sign-in says "Signing in…" with a moving bar, and Cancel gives up on it cleanly:
the dialog closes at once; the request may end by itself for a moment (cancelling an httpx
request while it connects leaks its socket), then is cancelled; whatever answer comes
after Cancel keeps nothing: no account, no secret, no profile."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.test_console_accounts import fill_and_submit, sign_in_dialog
from zapdesk.ui.dialogs import SignInDialog

pytestmark = pytest.mark.asyncio
EMAIL = "ana@example.test"


async def slow_logins(env: Env, seconds: float) -> None:
    r = await env.control.post("/_sandbox/faults", json={
        "path": "/auth/sessions", "method": "POST", "delay": seconds, "count": 1})
    assert r.status_code in (200, 201), r.text


def busy(dialog: SignInDialog) -> bool:
    return dialog.busy.isVisible() and dialog.busy_bar.isVisible()


def nothing_kept(env: Env) -> bool:
    return (env.app.accounts == [] and env.app.manager.accounts() == []
            and env.keyring.items == {})


async def test_a_slow_sign_in_shows_progress(qtbot: QtBot, tmp_path: Path, look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.tenant(EMAIL)
        await env.app.load()
        await slow_logins(env, 1.0)
        dialog = sign_in_dialog(env)
        assert not dialog.busy.isVisible()
        fill_and_submit(dialog, env.sandbox.url, EMAIL, "pw-123456")
        await until(lambda: busy(dialog), what="the progress")
        assert dialog.busy_label.text() == QCoreApplication.translate("SignInDialog",
                                                                      "Signing in…")
        assert (dialog.busy_bar.minimum(), dialog.busy_bar.maximum()) == (0, 0)  # moving
        assert not dialog.ok.isEnabled()
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isEnabled()
        shot(dialog, f"sign-in-progress-{look}")
        await until(lambda: len(env.app.accounts) == 1, what="signed in")
        await until(lambda: not env.window.findChildren(SignInDialog), what="the dialog gone")


async def test_cancel_gives_up_cleanly_on_a_hung_sign_in(qtbot: QtBot, tmp_path: Path
                                                         ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.tenant(EMAIL)
        await env.app.load()
        await slow_logins(env, 30)
        dialog = sign_in_dialog(env)
        dialog.grace = 0.5
        fill_and_submit(dialog, env.sandbox.url, EMAIL, "pw-123456")
        await until(lambda: busy(dialog), what="the progress")
        task = dialog._task
        assert task is not None
        started = time.monotonic()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        assert not dialog.isVisible()  # at once, not when the server answers
        await until(task.done, 5, what="the request given up after its grace")
        assert 0.4 < time.monotonic() - started < 5
        assert nothing_kept(env)
        # Nothing is stuck: signing in again works.
        dialog = sign_in_dialog(env)
        fill_and_submit(dialog, env.sandbox.url, EMAIL, "pw-123456")
        await until(lambda: len(env.app.accounts) == 1, what="signed in after all")


async def test_an_answer_after_cancel_keeps_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.tenant(EMAIL)
        await env.app.load()
        await slow_logins(env, 0.4)
        dialog = sign_in_dialog(env)
        fill_and_submit(dialog, env.sandbox.url, EMAIL, "pw-123456")
        await until(lambda: busy(dialog), what="the progress")
        task = dialog._task
        assert task is not None
        dialog.reject()
        await until(task.done, 5, what="the login's answer")
        assert not task.cancelled()  # it ended by itself, within the grace period...
        assert env.sandbox.world.sessions  # ...and the server did log it in...
        assert nothing_kept(env)  # ...but the operator had cancelled: nothing is kept
        assert not (tmp_path / "accounts.json").exists()
