"""The message view: every rendering case, light and dark, with a failed and a pending
message from the outbox; paging through a long conversation."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from tests.ui.chat_fixtures import store_every_case
from tests.ui.conftest import console_env, shot, until
from tests.webhooks import payloads as p
from zapdesk.controller.conversations import Conversations
from zapdesk.core.events import Tick
from zapdesk.store import outbox
from zapdesk.ui.chat_view import EDGE, ChatView
from zapdesk.ui.message_model import MessageModel, MessageRole
from zapdesk.webhooks.parser import parse

pytestmark = pytest.mark.asyncio


async def test_every_rendering_case(qtbot: QtBot, tmp_path: Path, theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        store = env.app.receiver.store
        await store_every_case(store, account.profile.id)
        await store.write(lambda c: outbox.enqueue(  # waiting in the outbox: pending
            c, account_id=account.profile.id, instance="inst_abc123",
            recipient="5511987654321", kind="text", body="Na fila para envio", media_url=None,
            now=1704456789 + 86500))
        conversations = Conversations(env.app)
        (conversation,) = await conversations.of_instance(account.profile.id, "inst_abc123")
        model = MessageModel(conversations)
        view = ChatView(model, env.app.tasks.spawn)
        qtbot.addWidget(view)
        view.resize(720, 1500)
        view.show()
        await model.open(conversation.id, is_group=False)
        rows = [model.index(i).data(MessageRole.MESSAGE) for i in range(model.rowCount())]
        kinds = [r.kind for r in rows]
        assert kinds.count("text") == 8 and {"image", "document", "audio", "location",
                                              "contact", "poll", "unsupported"} <= set(kinds)
        by_id = {r.message_id: r for r in rows}
        assert by_id["EDIT"].text == "texto corrigido" and by_id["EDIT"].edited_at
        assert by_id["GONE"].deleted_at is not None
        assert by_id["OUT2"].reactions == ((p.JID, "👍"),)
        assert by_id["OUT1"].status == Tick.READ
        assert rows[-1].text == "Na fila para envio" and rows[-1].status == Tick.PENDING
        breaks = [i for i in range(model.rowCount()) if model.index(i).data(MessageRole.DAY_BREAK)]
        assert breaks == [0, kinds.index("text", 9)]  # a separator for each day
        heights = [view.visualRect(model.index(i)).height() for i in range(model.rowCount())]
        assert all(h > 20 for h in heights)
        await asyncio.sleep(0.1)
        shot(view, f"chat-every-case-{theme}")


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


async def test_a_group_shows_who_wrote_and_media_opens(qtbot: QtBot, tmp_path: Path,
                                                       theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        store = env.app.receiver.store
        ana, bia = "5521912345678@s.whatsapp.net", "5531987650000@s.whatsapp.net"
        group = [
            ("G1", ana, "Ana", {"conversation": "Bom dia, equipe!"}),
            ("G2", ana, "Ana", {"conversation": "Alguém viu o pedido 88?"}),
            ("G3", bia, "Bia", p.quoted_reply("G2", "Alguém viu o pedido 88?")),
            ("G4", bia, "Bia", {"videoMessage": {"url": "https://cdn.example.com/v.mp4",
                                                 "mimetype": "video/mp4", "seconds": 75,
                                                 "caption": "Chegou assim"}}),
        ]
        for n, (message_id, sender, name, content) in enumerate(group):
            payload = p.documented("messages.upsert", p.upsert(
                content, message_id=message_id, remote=p.GROUP, participant=sender,
                push_name=name, timestamp=1704456789 + n * 60))
            await store.receive(account.profile.id, payload, parse(payload))
        subject = p.documented("groups.upsert", [{"id": p.GROUP, "subject": "Equipe SP"}])
        await store.receive(account.profile.id, subject, parse(subject))
        conversations = Conversations(env.app)
        (conversation,) = await conversations.of_instance(account.profile.id, "inst_abc123")
        assert conversation.name == "Equipe SP"
        model = MessageModel(conversations)
        view = ChatView(model, env.app.tasks.spawn)
        qtbot.addWidget(view)
        view.resize(640, 520)
        view.show()
        await model.open(conversation.id, is_group=True)
        senders = [bool(model.index(i).data(MessageRole.SHOW_SENDER)) for i in range(4)]
        assert senders == [True, False, True, False]  # once per run of one author
        catcher = UrlCatcher()
        QDesktopServices.setUrlHandler("https", catcher, "open")
        try:
            view.doubleClicked.emit(model.index(3))
            menu = view.actions_for(model.index(3).data(MessageRole.MESSAGE))
            actions = {a.text(): a for a in menu.actions()}
            assert list(actions) == ["Open media", "Copy media address", "Copy text",
                                     "Save as quick reply…"]
            menu.adjustSize()
            shot(menu, f"chat-menu-{theme}")
            actions["Open media"].trigger()
        finally:
            QDesktopServices.unsetUrlHandler("https")
        assert catcher.urls == ["https://cdn.example.com/v.mp4"] * 2
        actions["Copy media address"].trigger()
        assert QGuiApplication.clipboard().text() == "https://cdn.example.com/v.mp4"
        actions["Copy text"].trigger()
        assert QGuiApplication.clipboard().text() == "Chegou assim"  # the caption
        assert [a.text() for a in view.actions_for(
            model.index(0).data(MessageRole.MESSAGE)).actions()] == [
            "Copy text", "Save as quick reply…"]
        await asyncio.sleep(0.1)
        shot(view, f"chat-group-{theme}")


def long_conversation(conn: Any, count: int = 1050) -> int:
    """Messages M0 (oldest) … M{count-1}, one a second."""
    conn.execute("INSERT INTO conversations (account_id, instance, jid) VALUES "
                 "('a', 'i', '5511987654321@s.whatsapp.net')")
    conversation = int(conn.execute("SELECT last_insert_rowid()").fetchone()[0])
    conn.executemany(
        "INSERT INTO messages (conversation_id, account_id, instance, message_id, "
        "from_me, at, kind, body, received_at) VALUES (?, 'a', 'i', ?, 0, ?, 'text', "
        "?, 0)", [(conversation, f"M{n}", 1_700_000_000 + n, f"n{n}") for n in range(count)])
    return conversation


async def test_the_view_reads_and_measures_the_next_page_before_it_is_reached(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.signed_in()
        conversation = await env.app.receiver.store.write(long_conversation)
        model = MessageModel(Conversations(env.app))
        view = ChatView(model, env.app.tasks.spawn)
        qtbot.addWidget(view)
        view.resize(600, 400)
        view.show()
        await model.open(conversation, is_group=False)
        await until(lambda: view.verticalScrollBar().value() > 0, what="at the newest")
        bar = view.verticalScrollBar()
        first = model.rows[0]
        bar.setValue(EDGE + view.viewport().height())  # near the top, not at the edge yet
        await until(lambda: "older" in model._ahead and not view._warming,
                    what="the older page fetched and measured")
        assert model.rows[0] is first  # nothing inserted yet: what is on screen stays put
        ahead = model._ahead["older"][1]
        width = view.delegate.view_width()
        measured = {key[0] for key in view.delegate._layouts if key[1] == width}
        assert {r.id for r in ahead} <= measured
        bar.setValue(0)  # the edge: the page goes in, and the same message stays on top
        await until(lambda: model.rows[0].id == ahead[0].id, what="the page inserted")
        await until(lambda: view.indexAt(view.viewport().rect().topLeft()).data(
            MessageRole.MESSAGE).id == first.id, what="the view kept its place")
        assert bar.value() > 0  # with room above it to scroll on


async def test_paging_keeps_a_contiguous_window_from_end_to_end(qtbot: QtBot, tmp_path: Path
                                                                ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.signed_in()
        conversation = await env.app.receiver.store.write(long_conversation)
        model = MessageModel(Conversations(env.app))

        def numbers() -> list[int]:
            return [int(r.message_id[1:]) for r in model.rows]

        def contiguous() -> bool:
            found = numbers()
            return found == list(range(found[0], found[0] + len(found)))

        conversations = model.conversations
        queries: list[object] = []
        real_page = conversations.page

        async def counted_page(*args: Any, **kwargs: Any) -> Any:
            queries.append(kwargs)
            return await real_page(*args, **kwargs)

        conversations.page = counted_page  # type: ignore[method-assign]
        await model.open(conversation, is_group=False)
        assert numbers()[-1] == 1049 and model.has_older and not model.has_newer
        turn = 0
        while model.has_older:  # every other page fetched ahead, as the view does
            turn += 1
            if turn % 2:
                ahead = await model.prefetch("older")
                assert [a[0].message_id for a in ahead][-1] == f"M{numbers()[0] - 1}"
                assert ahead[0][1]  # the page's first row will top the window: a day break
                asked = len(queries)
                assert await model.load_older() > 0
                assert len(queries) == asked  # inserted from what was fetched ahead
            else:
                assert await model.load_older() > 0
            assert contiguous() and model.rowCount() <= model.WINDOW
        assert numbers()[0] == 0 and model.has_newer  # the newest were let go on the way
        assert await model.prefetch("older") == []  # nothing older to fetch
        while model.has_newer:
            assert await model.prefetch("newer") or not model.has_newer
            assert await model.load_newer() > 0
            assert contiguous() and model.rowCount() <= model.WINDOW
        assert numbers()[-1] == 1049
        # A page fetched ahead is dropped when the window is re-read (it may be stale).
        await model.load_older()
        await model.prefetch("older")
        await model.refresh()
        asked = len(queries)
        await model.load_older()
        assert len(queries) == asked + 1 and contiguous()
