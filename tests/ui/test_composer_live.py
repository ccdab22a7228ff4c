"""The composer follows the open instance's status while it is on screen: the real window,
the real sandbox over HTTP, the phone scanning or dropping the link in place."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.test_chat_page import CUSTOMER, ready, statuses
from tests.ui.test_console_instances import grab_text
from zapdesk.core.events import Tick
from zapdesk.ui.instance_model import Role

pytestmark = pytest.mark.asyncio
NOT_CONNECTED = "This instance is not connected"


def listed_status(env: Env, account: object, instance_id: str) -> str:
    index = env.console.model.instance_index(account, instance_id)  # type: ignore[arg-type]
    return str(index.data(Role.INSTANCE).status)


async def test_the_composer_unlocks_when_the_number_connects_in_place(
        qtbot: QtBot, tmp_path: Path, theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Nova", env.app.webhook_url(account))
        await until(lambda: account.instance(created.id) is not None)
        env.window.resize(1200, 800)
        env.console.select(account, created.id)
        pane, page = env.console.instance_pane, env.console.chat_page
        await env.advance(2)
        await until(lambda: pane.qr.canvas.live, what="the first QR code on screen")
        [code] = grab_text(pane.qr.canvas)  # the phone reads it off the screen
        env.console.instance_tabs.setCurrentWidget(page)  # the operator opens the chat
        assert not page.composer.send_button.isEnabled()
        assert NOT_CONNECTED in page.composer.reason.text()
        r = await env.phone(created.id, "scan", code=code)
        assert r.status_code == 200, r.text
        await until(lambda: listed_status(env, account, created.id) == "connected",
                    what="the list says Connected")
        # Still the same selection, never re-selected: the composer has followed.
        await until(lambda: page.composer.send_button.isEnabled(), what="Send enabled")
        assert page.composer.edit.isEnabled() and page.composer.media_button.isEnabled()
        assert page.composer.reason.isHidden()
        assert env.console.selection()[1].id == created.id  # type: ignore[union-attr]
        assert env.console.instance_tabs.currentWidget() is page
        await asyncio.sleep(0.1)
        shot(env.window, f"live-composer-connected-{theme}")


async def test_the_composer_locks_when_the_phone_disconnects_in_place(
        qtbot: QtBot, tmp_path: Path, theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        page = env.console.chat_page
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                                    "text": "Oi, meu pedido chegou?"})
        await until(lambda: page.list_model.rowCount() == 1)
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: page.composer.to == CUSTOMER, what="Maria's conversation open")
        assert page.composer.send_button.isEnabled()
        r = await env.phone(instance_id, "phone-disconnect")
        assert r.status_code == 200, r.text
        await until(lambda: not page.composer.send_button.isEnabled(),
                    what="the composer locked in place")
        assert not page.composer.edit.isEnabled()
        assert NOT_CONNECTED in page.composer.reason.text()
        assert page.composer.reason.isVisible()
        assert page.open_row is not None and page.open_row.name == "Maria"  # still open
        await asyncio.sleep(0.1)
        shot(env.window, f"live-composer-disconnected-{theme}")
        # The number comes back (a new series, scanned): the same chat unlocks again.
        await account.regenerate_qr(instance_id)
        await env.advance(2)
        code = await env.qr_code(instance_id)
        assert (await env.phone(instance_id, "scan", code=code)).status_code == 200
        await until(lambda: page.composer.send_button.isEnabled(), what="unlocked again")
        assert page.composer.reason.isHidden()
async def test_a_send_racing_the_disconnect_fails_saying_why(qtbot: QtBot, tmp_path: Path
                                                            ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        page = env.console.chat_page
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                                    "text": "Oi"})
        await until(lambda: page.list_model.rowCount() == 1)
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: page.composer.to == CUSTOMER)
        # The app has not heard of the disconnection yet (its reads hang a while) when the
        # operator sends: the server refuses, and the bubble says why.
        r = await env.control.post("/_sandbox/faults", json={
            "path": "/whatsapp/instances*", "method": "GET", "count": 1000, "delay": 2})
        assert r.status_code in (200, 201), r.text
        await env.phone(instance_id, "phone-disconnect")
        page.composer.edit.setPlainText("Chegou sim!")
        page.composer.submit()
        await until(lambda: statuses(env) == [("Chegou sim!", Tick.FAILED)], what="failed")
        failed = page.messages.rows[-1]
        assert failed.failure is not None and failed.failure.reason == "disconnected"
        await env.control.delete("/_sandbox/faults")
        await until(lambda: not page.composer.send_button.isEnabled(),
                    what="the composer locked")
        assert account.instance(instance_id).status == "disconnected"  # type: ignore
