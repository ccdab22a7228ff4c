"""The operator's name and the "Sign" toggle through the real window: the name set in
Preferences, the toggle remembered per instance, and the signed text and caption as they
reach the sandbox (its webhook log over loopback); who sent each message on hover."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.test_chat_page import CUSTOMER, connected, press_enter, ready
from tests.ui.test_preferences import open_preferences, save
from zapdesk.core.events import Tick

pytestmark = pytest.mark.asyncio


def texts(value: Any) -> list[str]:
    """The texts and captions inside a WhatsApp message (any nesting)."""
    if not isinstance(value, dict):
        return []
    found = [v for k, v in value.items()
             if k in ("conversation", "text", "caption") and isinstance(v, str)]
    return found + [t for v in value.values() for t in texts(v)]


async def sent_by_sandbox(env: Env, instance_id: str) -> list[str]:
    """The texts and captions of what the instance sent, as the sandbox recorded them."""
    r = await env.control.get("/_sandbox/deliveries", params={"instance": instance_id})
    assert r.status_code == 200, r.text
    found = []
    for delivery in r.json()["data"]:
        data = delivery["payload"]["data"]
        if delivery["event"] == "messages.upsert" and data["key"]["fromMe"]:
            found += texts(data["message"])
    return found


async def sandbox_got(env: Env, instance_id: str, count: int) -> list[str]:
    """What the sandbox recorded once it has ``count`` sent messages (its webhook log is
    written as the deliveries are made)."""
    for _ in range(100):
        found = await sent_by_sandbox(env, instance_id)
        if len(found) >= count:
            return found
        await asyncio.sleep(0.05)
    return found


async def open_chat(env: Env, instance_id: str) -> None:
    page = env.console.chat_page
    await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                                "text": "Oi, o boleto?"})
    await until(lambda: page.list_model.rowCount() == 1)
    page.list.clicked.emit(page.list_model.index(0))
    await until(lambda: page.composer.to == CUSTOMER, what="Maria's conversation open")


async def test_signed_text_and_caption_reach_the_sandbox(qtbot: QtBot, tmp_path: Path
                                                         ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        dialog = open_preferences(env)
        assert dialog.operator.edit.placeholderText()  # the OS user's name, as the default
        dialog.operator.edit.setText("  Ana   Souza ")
        await save(env, dialog)
        assert env.app.preferences.operator_name == "Ana Souza"
        page = env.console.chat_page
        await open_chat(env, instance_id)
        toggle = page.composer.signature
        assert toggle.isVisible() and not toggle.isChecked()
        # Unsigned first: sent as typed, and still recorded as Ana's.
        page.composer.edit.setPlainText("Já te mando")
        press_enter(page.composer.edit)
        await until(lambda: page.messages.rows and page.messages.rows[-1].from_me,
                    what="the message shown")
        QTest.mouseClick(toggle, Qt.MouseButton.LeftButton)
        assert toggle.isChecked()
        await until(lambda: env.app.preferences.signs(account.profile.id, instance_id),
                    what="the toggle remembered for this instance")
        page.composer.edit.setPlainText("Segue o boleto")
        press_enter(page.composer.edit)
        await until(lambda: page.messages.rows
                    and page.messages.rows[-1].text == "*Ana Souza:*\nSegue o boleto",
                    what="the signed text in the bubble before it is sent")
        assert page.composer.edit.toPlainText() == ""
        page.composer.open_media()
        media = page.composer.dialog
        assert media is not None
        media.url.edit.setText("https://cdn.example.com/boleto-123.pdf")
        media.caption.edit.setText("Vence dia 10")
        media.ok.click()
        await until(lambda: page.messages.rows[-1].kind == "document", what="the document")
        assert page.messages.rows[-1].text == "*Ana Souza:*\nVence dia 10"
        await until(lambda: all(r.status is not None and r.status >= Tick.SENT
                                for r in page.messages.rows if r.from_me), what="all sent")
        assert await sandbox_got(env, instance_id, 3) == [
            "Já te mando", "*Ana Souza:*\nSegue o boleto", "*Ana Souza:*\nVence dia 10"]
        await asyncio.sleep(0.1)
        shot(env.window, "inbox-signature-sent")
        # On hover: who sent it from here.
        model = page.messages
        tip = model.index(model.rowCount() - 1).data(Qt.ItemDataRole.ToolTipRole)
        assert tip == "Sent by Ana Souza"
        assert model.index(0).data(Qt.ItemDataRole.ToolTipRole) is None  # Maria's own
        assert [r.operator for r in model.rows] == [None, "Ana Souza", "Ana Souza",
                                                    "Ana Souza"]
        # Saved with the settings: the next run finds it on for this instance.
        saved = env.app.preferences.store.load()
        assert saved.signed_instances == (f"{account.profile.id}/{instance_id}",)
        assert saved.operator_name == "Ana Souza"


async def test_the_toggle_is_remembered_per_instance(qtbot: QtBot, tmp_path: Path,
                                                     look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, first = await ready(env)
        second = await connected(env, account, "Suporte")
        page = env.console.chat_page
        await open_chat(env, first)
        port = env.app.receiver.listener.port  # given at start, not the saved one
        page.composer.signature.click()
        await until(lambda: env.app.preferences.signs(account.profile.id, first))
        # Saved alone: the listener stays where it listens (it is not "applied" again).
        await until(lambda: env.app.preferences.store.load().signed_instances ==
                    (f"{account.profile.id}/{first}",), what="saved")
        assert env.app.receiver.listener.port == port and env.app.receiver.listening
        page.composer.edit.setPlainText("Bom dia!")
        await asyncio.sleep(0.1)
        shot(env.window, f"inbox-signature-on-{look}")
        env.console.select(account, second)
        await until(lambda: page.instance is not None and page.instance.id == second)
        page.new_conversation()
        assert not page.composer.signature.isChecked()  # off where it was never turned on
        env.console.select(account, first)
        await until(lambda: page.instance is not None and page.instance.id == first)
        page.new_conversation()
        assert page.composer.signature.isChecked()
