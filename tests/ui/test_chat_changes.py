"""A conversation open on screen changes in place when its messages are edited, deleted or
reacted to, in the shapes Evolution and Baileys send: sandbox → listener → store → view."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import console_env, shot, until
from tests.ui.test_attention import Recorder
from tests.ui.test_chat_page import CUSTOMER, ready
from tests.webhooks import payloads as p
from zapdesk.store.queries import MessageRow
from zapdesk.ui.conversation_list import snippet
from zapdesk.ui.message_delegate import footer_text
from zapdesk.ui.message_layout import content_lines
from zapdesk.ui.message_model import MessageModel, MessageRole

pytestmark = pytest.mark.asyncio


def deleted_text() -> str:
    """What the chat says of a deleted message, in the language of the test."""
    return QCoreApplication.translate("chat", "🚫 This message was deleted")


def shown(model: MessageModel) -> list[MessageRow]:
    return [model.index(i).data(MessageRole.MESSAGE) for i in range(model.rowCount())]


async def test_an_open_chat_shows_edits_deletions_and_reactions_in_place(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        page = env.console.chat_page
        sent: list[str] = []
        for said in ("Quero 3 caixas", "mensagem enviada por engano", "Obrigada!"):
            r = await env.phone(instance_id, "incoming", **{"from": CUSTOMER,
                                                            "pushName": "Maria", "text": said})
            assert r.status_code == 201, r.text
            sent.append(r.json()["data"]["messageId"])
        await until(lambda: page.list_model.rowCount() == 1, what="the conversation listed")
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: page.messages.rowCount() == 3, what="the conversation opened")
        before = [r.id for r in shown(page.messages)]
        url = env.app.webhook_url(account)
        assert url is not None

        async def post(payload: dict[str, Any]) -> None:
            async with httpx.AsyncClient(timeout=10) as http:
                response = await http.post(url, json=payload)
            assert response.status_code == 200 and response.json()["outcome"] == "stored", \
                response.text

        # Evolution's messages.edited: the protocolMessage, its key in the sender's terms.
        await post(p.evolution("messages.edited", p.evolution_edited(
            sent[0], "Quero 4 caixas"), name="Vendas"))
        await until(lambda: shown(page.messages)[0].text == "Quero 4 caixas",
                    what="the edit shown in the open chat")
        assert QCoreApplication.translate("chat", "edited") in footer_text(shown(page.messages)[0])
        # A deletion as the sandbox's Evolution sends it (messages.delete with the key)…
        assert (await env.phone(instance_id, "revoke", messageId=sent[1])).status_code == 200
        await until(lambda: shown(page.messages)[1].deleted_at is not None,
                    what="the deletion shown in the open chat")
        assert content_lines(shown(page.messages)[1]) == [("italic", deleted_text())]
        # …and a reaction removed before it arrives: it never shows.
        await post(p.documented("messages.upsert", p.upsert(
            p.reaction(sent[2], "", at_ms=1704456900000), message_id="RX2"),
            instance_id=instance_id, name="Vendas"))
        await post(p.documented("messages.upsert", p.upsert(
            p.reaction(sent[2], "❤️", at_ms=1704456800000), message_id="RX1"),
            instance_id=instance_id, name="Vendas"))
        await post(p.documented("messages.upsert", p.upsert(
            p.reaction(sent[0], "👍", at_ms=1704456800000), message_id="RX3"),
            instance_id=instance_id, name="Vendas"))
        await until(lambda: shown(page.messages)[0].reactions == ((p.JID, "👍"),),
                    what="a reaction shown in the open chat")
        await asyncio.sleep(0.3)
        rows = shown(page.messages)
        assert rows[2].reactions == ()  # the older ❤️ came after its removal
        assert [r.id for r in rows] == before  # changed in place: the same rows, no extra
        assert page.messages.rowCount() == 3
        shot(env.window, f"chat-changes-{look}")


async def test_a_message_deleted_before_it_arrived_never_shows_what_it_said(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        page = env.console.chat_page
        attention = env.console.attention
        recorder = Recorder()
        attention.notifier = recorder
        attention.focused = lambda: False  # the operator is in another window
        attention.check()
        await until(lambda: recorder.unread, what="the first count")
        url = env.app.webhook_url(account)
        assert url is not None
        async with httpx.AsyncClient(timeout=10) as http:
            for payload in (  # Evolution 2.3's deletion first, then the message it deletes
                    p.evolution("messages.edited", p.evolution_revoked("LATE1"), name="Vendas"),
                    p.documented("messages.upsert", p.upsert(
                        {"conversation": "segredo apagado"}, message_id="LATE1",
                        timestamp=int(time.time())), instance_id=instance_id, name="Vendas")):
                response = await http.post(url, json=payload)
                assert response.json()["outcome"] == "stored", response.text
        await until(lambda: recorder.notices, what="a notification")
        assert [n.body for n in recorder.notices] == [deleted_text()]
        await until(lambda: page.list_model.rowCount() == 1, what="the conversation listed")
        assert snippet(page.list_model.rows[0]) == deleted_text()
        assert await env.console.chat_page.conversations.search("segredo") == []
        shot(env.window, f"chat-deleted-first-{look}")
