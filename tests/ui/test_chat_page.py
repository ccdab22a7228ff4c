"""The chat end to end in the window, against the sandbox, the listener and the store:
a contact writes, the operator reads and answers, ticks move, a failed send is retried."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from zapdesk.controller.account import AccountController
from zapdesk.core.events import Tick
from zapdesk.ui.instance_model import Role
from zapdesk.ui.message_model import MessageRole

pytestmark = pytest.mark.asyncio
CUSTOMER = "5511987654321"


async def connected(env: Env, account: AccountController, name: str) -> str:
    """A new instance of ``account``, paired, calling this app's listener."""
    created = await account.create(name, env.app.webhook_url(account))
    await env.advance(2)
    code = await env.qr_code(created.id)
    assert (await env.phone(created.id, "scan", code=code)).status_code == 200
    await until(lambda: account.instance(created.id) is not None
                and account.instance(created.id).status == "connected")  # type: ignore
    return created.id


async def ready(env: Env) -> tuple[AccountController, str]:
    account = await env.signed_in()
    instance_id = await connected(env, account, "Vendas")
    env.window.resize(1200, 800)
    env.console.select(account, instance_id)
    return account, instance_id


def press_enter(widget: object) -> None:
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return,  # type: ignore
                                                 Qt.KeyboardModifier.NoModifier))


def statuses(env: Env) -> list[tuple[str, int | None]]:
    model = env.console.chat_page.messages
    return [(r.text, r.status) for r in
            (model.index(i).data(MessageRole.MESSAGE) for i in range(model.rowCount()))
            if r.from_me]


async def test_read_answer_and_watch_the_ticks(qtbot: QtBot, tmp_path: Path, theme: str
                                               ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        _account, instance_id = await ready(env)
        page = env.console.chat_page
        assert env.console.instance_tabs.currentWidget() is page  # connected: conversations
        assert page.composer.edit.isEnabled()
        r = await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                                        "text": "Oi! O pedido 123 já saiu?"})
        assert r.status_code == 201
        await until(lambda: page.list_model.rowCount() == 1, what="the conversation listed")
        row = page.list_model.rows[0]
        assert (row.name, row.unread, row.last_text) == ("Maria", 1, "Oi! O pedido 123 já saiu?")
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: page.messages.rowCount() == 1, what="the conversation opened")
        assert page.header.text() == "Maria" and "+55 11 98765-4321" in page.subtitle.text()
        await until(lambda: page.list_model.rows and page.list_model.rows[0].unread == 0,
                    what="reading cleared the unread count")
        page.composer.edit.setPlainText("Saiu hoje cedo! *Código*: BR123")
        press_enter(page.composer.edit)
        await until(lambda: statuses(env), what="the message shown at once")
        assert page.composer.edit.toPlainText() == ""
        await until(lambda: statuses(env) == [("Saiu hoje cedo! *Código*: BR123", Tick.SENT)],
                    what="sent")
        for expected in (Tick.DELIVERED, Tick.READ):
            await env.advance(1.5)
            await until(lambda e=expected: statuses(env)[0][1] == e, what=f"tick {expected}")
        await env.phone(instance_id, "typing", **{"from": CUSTOMER, "state": "composing"})
        await until(lambda: "typing" in page.subtitle.text(), what="typing… in the header")
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "text": "Obrigada!"})
        await until(lambda: page.messages.rowCount() == 3, what="the reply arrived live")
        await until(lambda: "typing" not in page.subtitle.text() and "online" in
                    page.subtitle.text(), what="the message ended the typing")
        await asyncio.sleep(0.2)
        shot(env.window, f"chat-page-{theme}")


async def test_a_failed_send_is_shown_and_retried_once(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        _account, _instance_id = await ready(env)
        page = env.console.chat_page
        r = await env.control.post("/_sandbox/faults", json={
            "path": "/whatsapp/instances/*/send-text", "status": 500})
        assert r.status_code in (200, 201)
        page.new_conversation()
        page.composer.recipient.edit.setText("12")
        page.composer.edit.setPlainText("vai falhar")
        page.composer.submit()
        assert "not a valid phone number" in page.composer.problem.text()
        assert page.composer.edit.toPlainText() == "vai falhar"  # nothing lost
        page.composer.recipient.edit.setText("(11) 98765-4321")
        page.composer.submit()
        await until(lambda: statuses(env) == [("vai falhar", Tick.FAILED)], what="failed")
        assert page.header.text() == "+55 11 98765-4321"  # the new conversation opened
        shot(env.window, "chat-failed")
        index = page.messages.index(0)
        menu = page.view.actions_for(index.data(MessageRole.MESSAGE))
        assert [a.text() for a in menu.actions()] == [
            "Not sent: ZapFlare's server failed (error 500).", "Send again", "Copy text",
            "Save as quick reply…"]
        page.view.doubleClicked.emit(index)
        await until(lambda: statuses(env) == [("vai falhar", Tick.SENT)], what="retried")
        menu = page.view.actions_for(page.messages.index(0).data(MessageRole.MESSAGE))
        assert [a.text() for a in menu.actions()] == [  # sent: no retry
            "Copy text", "Save as quick reply…"]
        store = env.app.receiver.store
        count = await store.read(lambda c: c.execute(
            "SELECT count(*) FROM messages WHERE from_me = 1").fetchone()[0])
        sent = await store.read(lambda c: c.execute(
            "SELECT count(*) FROM outbox WHERE state = 'sent'").fetchone()[0])
        assert (count, sent) == (1, 1)


async def test_not_connected_disables_the_composer_with_the_reason(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Nova", None)
        await until(lambda: account.instance(created.id) is not None)
        env.console.select(account, created.id)
        page = env.console.chat_page
        assert env.console.instance_tabs.currentWidget() is env.console.instance_pane
        assert not page.composer.edit.isEnabled()
        assert "not connected" in page.composer.reason.text()


async def test_search_and_needs_reply_lead_to_the_conversation(qtbot: QtBot, tmp_path: Path
                                                               ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, first = await ready(env)
        second = await connected(env, account, "Suporte")
        await env.phone(first, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                              "text": "Quero trocar o tamanho da blusa"})
        await env.phone(second, "incoming", **{"from": "5521999990000", "pushName": "Zé",
                                                  "text": "Nota fiscal por favor"})
        page = env.console.chat_page
        await until(lambda: page.list_model.rowCount() == 1)
        env.console.select(account, second)
        await until(lambda: page.list_model.rows and page.list_model.rows[0].name == "Zé")
        page.composer.set_target(None)
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: page.open_row is not None and page.open_row.name == "Zé")
        page.composer.edit.setPlainText("Enviada por e-mail")
        page.composer.submit()
        await until(lambda: statuses(env) and statuses(env)[0][1] == Tick.SENT)
        # Needs reply: across instances, only Maria still waits.
        page.needs_reply.setChecked(True)
        await until(lambda: [r.name for r in page.list_model.rows] == ["Maria"],
                    what="needs reply lists Maria only")
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: page.instance is not None and page.instance.id == first
                    and page.open_row is not None and page.open_row.name == "Maria",
                    what="the console moved to Maria's instance")
        page.needs_reply.setChecked(False)
        # Search: accents do not matter, and a hit opens its conversation around it.
        page.search.setText("tamanho blusa")
        await until(lambda: page.lists.currentWidget() is page.results
                    and page.results_model.rowCount() == 1, what="one search hit")
        page.results.clicked.emit(page.results_model.index(0))
        await until(lambda: page.open_row is not None and page.open_row.name == "Maria")
        page.search.setText("nenhumacoisa")
        await until(lambda: page.lists.currentWidget() is page.no_match
                    and "No message matches" in page.no_match.text())


async def test_media_by_url_with_a_caption(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        _account, instance_id = await ready(env)
        page = env.console.chat_page
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "text": "Manda o boleto"})
        await until(lambda: page.list_model.rowCount() == 1)
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: page.open_row is not None)
        page.composer.open_media()
        dialog = page.composer.dialog
        assert dialog is not None and not dialog.ok.isEnabled()
        height = dialog.height()
        dialog.url.edit.setText("ftp://arquivos/boleto.pdf")
        assert not dialog.ok.isEnabled() and dialog.url.problem.text()  # says what is wrong
        assert dialog.height() > height  # grown to show the reason whole
        dialog.url.edit.setText("https://cdn.example.com/boleto-123.pdf")
        assert dialog.height() == height  # and back, leaving no gap where it was
        assert dialog.kind.itemText(0) == "From the address (Document)"
        dialog.caption.edit.setText("Vence dia 10")
        assert dialog.ok.isEnabled()
        shot(dialog, "media-dialog")
        dialog.ok.click()
        await until(lambda: page.messages.rowCount() == 2, what="the document in the chat")
        sent = page.messages.rows[-1]
        assert (sent.kind, sent.text) == ("document", "Vence dia 10")
        assert sent.media is not None and sent.media["url"].endswith("boleto-123.pdf")
        await until(lambda: page.messages.rows[-1].status == Tick.SENT, what="sent")
        # An address without a telling extension: the guess is overridden.
        page.composer.open_media()
        dialog = page.composer.dialog
        assert dialog is not None
        dialog.url.edit.setText("https://cdn.example.com/audio?id=77")
        assert dialog.kind.itemText(0) == "From the address (Document)"
        dialog.kind.setCurrentIndex(dialog.kind.findData("audio"))
        dialog.ok.click()
        await until(lambda: page.messages.rowCount() == 3, what="the audio in the chat")
        assert page.messages.rows[-1].kind == "audio"
        await until(lambda: page.messages.rows[-1].status == Tick.SENT, what="sent")


async def test_a_banned_number_cannot_send_and_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        page = env.console.chat_page
        assert page.composer.edit.isEnabled()
        assert (await env.phone(instance_id, "ban")).status_code == 200
        await until(lambda: account.instance(instance_id).status == "banned")  # type: ignore
        env.console.select(account)
        env.console.select(account, instance_id)
        await until(lambda: not page.composer.edit.isEnabled(), what="the composer disabled")
        assert "banned" in page.composer.reason.text()


async def test_pending_messages_go_out_after_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    from zapdesk.accounts.keychain import SecretStore
    from zapdesk.controller.app import AppController
    from zapdesk.store import outbox

    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        assert env.app.outbox is not None
        await env.app.outbox.close()  # zapdesk stops right after storing this one:
        await env.app.receiver.store.write(lambda c: outbox.enqueue(
            c, account_id=account.profile.id, instance=instance_id, recipient=CUSTOMER,
            kind="text", body="guardada antes de fechar", media_url=None, now=1.0))
        # A second zapdesk on the same folder stands for the restart (the first one's
        # outbox is closed, as if the process had ended).
        again = AppController(tmp_path, secrets=SecretStore(env.keyring),
                              listen=("127.0.0.1", 0), refresh_interval=0.2)
        try:
            await again.load()  # accounts open from the keyring; the outbox resumes
            store = again.receiver.store

            async def state() -> str:
                return str(await store.read(lambda c: c.execute(
                    "SELECT state FROM outbox").fetchone()[0]))

            for _ in range(100):
                if await state() == "sent":
                    break
                await asyncio.sleep(0.05)
            assert await state() == "sent"
        finally:
            await again.close()


async def test_each_instance_shows_its_unread_count(qtbot: QtBot, tmp_path: Path, theme: str
                                                    ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, first = await ready(env)
        second = await connected(env, account, "Suporte")
        model = env.console.model

        def unread(instance_id: str) -> int:
            return int(model.instance_index(account, instance_id).data(Role.UNREAD))

        await env.phone(first, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                              "text": "Oi, bom dia"})
        for text in ("Preciso da segunda via", "do boleto de novembro"):
            await env.phone(second, "incoming", **{"from": "5521999990000",
                                                      "pushName": "Zé", "text": text})
        await until(lambda: (unread(first), unread(second)) == (1, 2),
                    what="each instance counts its own unread messages")
        said = model.instance_index(account, second).data(
            Qt.ItemDataRole.AccessibleTextRole)
        assert said == "Suporte, Connected, 2 unread"
        await asyncio.sleep(0.1)
        shot(env.window, f"instance-unread-{theme}")
        env.console.select(account, second)  # reading Zé's conversation
        page = env.console.chat_page
        await until(lambda: page.list_model.rows and page.list_model.rows[0].name == "Zé")
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: (unread(first), unread(second)) == (1, 0),
                    what="reading clears only that instance's count")
        assert "1 unread" in env.window.windowTitle()


async def test_a_draft_stays_with_its_conversation(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        _account, instance_id = await ready(env)
        page = env.console.chat_page
        for sender, name in ((CUSTOMER, "Maria"), ("5521999990000", "Zé")):
            await env.phone(instance_id, "incoming", **{"from": sender, "pushName": name,
                                                        "text": f"Oi, aqui é {name}"})
        await until(lambda: page.list_model.rowCount() == 2)

        async def open_chat(name: str) -> None:
            position = next(n for n, r in enumerate(page.list_model.rows) if r.name == name)
            page.list.clicked.emit(page.list_model.index(position))
            await until(lambda: page.open_row is not None and page.open_row.name == name
                        and page.composer.to is not None, what=f"{name}'s conversation")

        await open_chat("Maria")
        page.composer.edit.setPlainText("Maria, seu pedido")  # typed, not sent
        await open_chat("Zé")
        assert page.composer.edit.toPlainText() == ""  # never carried to another contact
        page.new_conversation()
        assert page.composer.edit.toPlainText() == ""
        await open_chat("Maria")
        assert page.composer.edit.toPlainText() == "Maria, seu pedido"  # found again
        page.composer.edit.setPlainText("Maria, seu pedido saiu hoje")
        press_enter(page.composer.edit)
        await open_chat("Zé")  # while it is being sent: not pulled back to Maria
        await asyncio.sleep(0.3)
        assert page.open_row is not None and page.open_row.name == "Zé"
        await open_chat("Maria")
        await until(lambda: statuses(env) == [("Maria, seu pedido saiu hoje", Tick.SENT)],
                    what="Maria's message sent")
        assert page.composer.edit.toPlainText() == ""  # sent: no longer a draft


async def test_a_draft_survives_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    from zapdesk.controller.conversations import Conversations
    from zapdesk.store import queries
    from zapdesk.ui.chat_page import ChatPage

    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        page = env.console.chat_page
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                                    "text": "Oi, tudo bem?"})
        await until(lambda: page.list_model.rowCount() == 1)
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: page.composer.to == CUSTOMER, what="Maria's conversation")
        store = env.app.receiver.store

        async def kept() -> dict[Any, str]:
            return await store.read(queries.drafts)

        key = (account.profile.id, instance_id, f"{CUSTOMER}@s.whatsapp.net")
        page.composer.edit.setPlainText("Oi Maria, o boleto")
        for _ in range(100):  # written once typing pauses
            if (await kept()).get(key) == "Oi Maria, o boleto":
                break
            await asyncio.sleep(0.05)
        assert (await kept()) == {key: "Oi Maria, o boleto"}
        page.composer.edit.setPlainText("Oi Maria, o boleto vence dia 10")
        await page.save_drafts_now()  # quitting at once: the last words are kept too
        assert (await kept()) == {key: "Oi Maria, o boleto vence dia 10"}
        # The next run (a new page over the same store) finds it in Maria's conversation.
        later = ChatPage(Conversations(env.app), env.app.tasks.spawn)
        qtbot.addWidget(later)
        later.show_instance(account, account.instance(instance_id))  # type: ignore[arg-type]
        await until(lambda: later.list_model.rowCount() == 1)
        await later.open_conversation(later.list_model.rows[0])
        await until(lambda: later.composer.edit.toPlainText() ==
                    "Oi Maria, o boleto vence dia 10", what="the draft found again")
        later.release()
        press_enter(page.composer.edit)  # sent: the draft is gone from the store
        for _ in range(100):
            if not await kept():
                break
            await asyncio.sleep(0.05)
        assert await kept() == {}
