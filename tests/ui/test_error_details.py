"""Where errors appear (the create and edit dialogs, sign-in, the account pane, an
instance's actions) they say our one sentence, in the operator's language, and keep what
the server or the library said under a "Details" disclosure, collapsed at first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from tests.sandbox.helpers import closed_port
from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.test_console_accounts import fill_and_submit, sign_in_dialog
from tests.ui.test_console_instances import dialog_of
from zapdesk.controller.account import AccountState
from zapdesk.core import errors
from zapdesk.ui.dialogs import InstanceDialog
from zapdesk.ui.error_notice import ErrorNotice

pytestmark = pytest.mark.asyncio


def ours(kind: type[errors.ZapdeskError], look: str) -> str:
    """The sentence of ``kind`` as the window must say it (params-free templates)."""
    sentence = QCoreApplication.translate("errors", kind.template)
    if look == "pt_BR":
        assert sentence != kind.template, f"untranslated: {kind.template}"
    return sentence


async def disclosed(notice: ErrorNotice, server_words: str) -> None:
    """Details start collapsed and hold the server's words; the sentence never does."""
    assert notice.isVisible() and notice.toggle.isVisible()
    assert not notice.details.isVisible()
    assert server_words not in notice.sentence.text()
    assert server_words in notice.details.text()
    notice.toggle.click()
    await until(notice.details.isVisible, what="the details shown")
    notice.toggle.click()
    assert not notice.details.isVisible()


async def test_dialogs_panes_and_actions_say_our_sentence_with_details(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await sign_in_refusals(env, look)
        account = await env.signed_in("bia@example.test", plan="starter")
        env.console.select(account)
        # Create: a duplicate name (409), then the plan's limit (403).
        first = await account.create("Vendas", None)
        env.console.open_create()
        dialog = dialog_of(env, InstanceDialog)
        dialog.name.edit.setText("VENDAS")
        dialog.ok.click()
        await until(dialog.error.isVisible, what="the conflict")
        assert dialog.error.text() == ours(errors.NameTaken, look)
        await disclosed(dialog.error, "an instance named 'Vendas' already exists")
        shot(dialog, f"errors-create-collapsed-{look}")
        dialog.error.toggle.click()
        await until(dialog.error.details.isVisible)
        assert dialog.height() >= dialog.sizeHint().height() - 2  # grown, nothing cut
        shot(dialog, f"errors-create-expanded-{look}")
        dialog.reject()
        # Edit: renaming onto a name in use (injected 409 on the PUT).
        await env.control.post("/_sandbox/faults", json={
            "path": f"/whatsapp/instances/{first.id}", "method": "PUT", "status": 409})
        env.console.select(account, first.id)
        env.console.open_edit()
        dialog = dialog_of(env, InstanceDialog)
        dialog.name.edit.setText("Suporte")
        dialog.ok.click()
        await until(dialog.error.isVisible, what="the refused rename")
        assert dialog.error.text() == ours(errors.NameTaken, look)
        await disclosed(dialog.error, "injected fault (409)")
        dialog.reject()
        # An instance's action: reconnecting fails on the server's side.
        await instance_action_fails(env, first.id, look)
        # The account pane: the list call failing.
        await env.control.post("/_sandbox/faults", json={
            "path": "/whatsapp/instances", "method": "GET", "status": 503, "count": 1000})
        account.refresh_now()
        await until(lambda: account.state == AccountState.RETRYING, what="retrying")
        env.console.select(account)
        state = env.console.account_pane.state
        await until(state.toggle.isVisible, what="the account's details")
        assert ours(errors.ServerError, look) in state.text()
        await disclosed(state, "injected fault (503)")
        state.toggle.click()
        env.console._tick()  # the countdown repaints every second: Details stay open
        assert state.details.isVisible()
        shot(env.window, f"errors-account-pane-{look}")
        await env.control.delete("/_sandbox/faults")


async def sign_in_refusals(env: Env, look: str) -> None:
    await env.tenant("ana@example.test")
    await env.app.load()
    dialog = sign_in_dialog(env)
    fill_and_submit(dialog, f"http://127.0.0.1:{closed_port()}", "ana@example.test", "pw")
    await until(dialog.error.isVisible, what="the refused connection")
    assert dialog.error.text() == ours(errors.ConnectionRefused, look)
    await disclosed(dialog.error, "All connection attempts failed")
    shot(dialog, f"errors-sign-in-collapsed-{look}")
    dialog.error.toggle.click()
    shot(dialog, f"errors-sign-in-expanded-{look}")
    fill_and_submit(dialog, env.sandbox.url, "ana@example.test", "wrong")
    await until(lambda: "HTTP 401" in dialog.error.details.text(), what="the wrong password")
    assert dialog.error.text() == QCoreApplication.translate("SignInDialog",
                                                             "Wrong email or password.")
    await disclosed(dialog.error, "invalid email or password")
    dialog.reject()


async def instance_action_fails(env: Env, instance_id: str, look: str) -> None:
    pane = env.console.instance_pane
    await until(lambda: pane.instance is not None and pane.instance.id == instance_id)
    await env.control.post("/_sandbox/faults", json={
        "path": f"/whatsapp/instances/{instance_id}/regenerate-qr", "status": 500})
    env.console.instance_tabs.setCurrentWidget(pane)
    pane._regenerate()
    await until(pane.message.isVisible, what="the failed action")
    assert pane.message.text() == ours(errors.ServerError, look)
    await disclosed(pane.message, "injected fault (500)")
    shot(env.window, f"errors-instance-action-{look}")
