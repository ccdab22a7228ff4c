"""Quick replies through the real window against the sandbox, keyboard only: "/", part of
the shortcut (accents ignored), ↑/↓, Enter inserts at the cursor with the variables filled
in, a second Enter sends; what the sandbox received is checked. The manager window creates,
edits, reorders, deletes, exports and imports them."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.test_chat_page import CUSTOMER, ready
from tests.ui.test_signature import sandbox_got
from zapdesk.ui.quick_reply_manager import QuickReplyManager

pytestmark = pytest.mark.asyncio
AFTERNOON = datetime(2026, 12, 2, 14, 30)


def manager(env: Env) -> QuickReplyManager:
    env.console.help.quick_replies_action.trigger()
    found = env.window.findChildren(QuickReplyManager)
    assert found and found[-1].isVisible()
    return found[-1]


async def create(env: Env, dialog: QuickReplyManager, shortcut: str, body: str) -> None:
    before = len(dialog.replies)
    QTest.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    QTest.keyClicks(dialog.shortcut, shortcut)
    dialog.body.setPlainText(body)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    await until(lambda: len(dialog.replies) == before + 1, what=f"/{shortcut} listed")


def key(widget: object, which: Qt.Key) -> None:
    QTest.keyClick(widget, which)  # type: ignore[call-overload]


async def chat_with_maria(env: Env, instance_id: str) -> None:
    page = env.console.chat_page
    await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "pushName": "Maria Silva",
                                                "text": "Oi, qual a chave Pix?"})
    await until(lambda: page.list_model.rowCount() == 1)
    page.list.clicked.emit(page.list_model.index(0))
    await until(lambda: page.composer.to == CUSTOMER, what="Maria's conversation open")
    page.composer.edit.setFocus()


async def test_keyboard_only_quick_replies_reach_the_sandbox_filled_in(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        prefs = env.app.preferences
        await prefs.apply(replace(prefs.settings, operator_name="Ana",
                                  listen_port=env.app.receiver.listener.port))
        dialog = manager(env)
        await create(env, dialog, "saudacao", "{{saudacao}}, {{primeiro_nome}}! Aqui é "
                     "{{atendente}}, da {{instancia}}. Protocolo {{protocolo}}.")
        await create(env, dialog, "pix", "Chave Pix: 12.345.678/0001-90")
        await create(env, dialog, "erro", "Olá {{cliente}}")
        dialog.close()
        page = env.console.chat_page
        page.quick_replies.clock = lambda: AFTERNOON
        await chat_with_maria(env, instance_id)
        edit, popup = page.composer.edit, page.quick_replies.popup
        # "/" alone lists them all, in the operator's order; ↓ and ↑ move.
        QTest.keyClicks(edit, "/")
        await until(lambda: popup.isVisible(), what="the list of quick replies")
        assert popup.count() == 3 and popup.chosen().shortcut == "saudacao"  # type: ignore
        key(edit, Qt.Key.Key_Down)
        assert popup.chosen().shortcut == "pix"  # type: ignore[union-attr]
        key(edit, Qt.Key.Key_Up)
        # Accents and case do not matter: "SAUDAÇ" finds "saudacao".
        QTest.keyClicks(edit, "SAUDAÇ")
        assert popup.count() == 1 and popup.chosen().shortcut == "saudacao"  # type: ignore
        await asyncio.sleep(0.05)
        shot(env.window, "inbox-quick-reply-popup")
        key(edit, Qt.Key.Key_Return)  # inserts
        await until(lambda: "{{" not in edit.toPlainText() and "Protocolo" in
                    edit.toPlainText(), what="the reply in the box, filled in")
        assert not popup.isVisible()
        conversation = page.open_row
        assert conversation is not None
        first = (f"boa tarde, Maria! Aqui é Ana, da Vendas. Protocolo "
                 f"{conversation.id}-1.")
        assert edit.toPlainText() == first
        key(edit, Qt.Key.Key_Return)  # sends
        assert await sandbox_got(env, instance_id, 1) == [first]
        await until(lambda: edit.toPlainText() == "", what="the box emptied")
        # Several in one message, each at the cursor; Tab inserts too.
        QTest.keyClicks(edit, "Segue: /pi")
        key(edit, Qt.Key.Key_Tab)
        await until(lambda: "Chave Pix" in edit.toPlainText())
        QTest.keyClicks(edit, " e /sauda")
        key(edit, Qt.Key.Key_Return)
        await until(lambda: edit.toPlainText().endswith(f"{conversation.id}-2."))
        key(edit, Qt.Key.Key_Return)
        got = await sandbox_got(env, instance_id, 2)
        assert got[1] == ("Segue: Chave Pix: 12.345.678/0001-90 e boa tarde, Maria! Aqui é "
                          f"Ana, da Vendas. Protocolo {conversation.id}-2.")
        # An unknown variable is said before sending, and never sent raw.
        await until(lambda: edit.toPlainText() == "", what="the box emptied")
        QTest.keyClicks(edit, "/erro")
        key(edit, Qt.Key.Key_Return)
        await until(lambda: edit.toPlainText() == "Olá {{cliente}}")
        await until(lambda: page.composer.problem.isVisible(), what="the error shown")
        assert "{{cliente}}" in page.composer.problem.text()
        key(edit, Qt.Key.Key_Return)
        await asyncio.sleep(0.3)
        assert edit.toPlainText() == "Olá {{cliente}}"  # kept, not sent
        assert "{{cliente}}" in page.composer.problem.text()
        assert len(await sandbox_got(env, instance_id, 2)) == 2
        await asyncio.sleep(0.05)
        shot(env.window, "inbox-quick-reply-unknown")
        # Signed: the quick reply carries the signature as it reaches the sandbox.
        edit.clear()
        page.composer.signature.setChecked(True)
        QTest.keyClicks(edit, "/pix")
        key(edit, Qt.Key.Key_Return)
        await until(lambda: edit.toPlainText() == "Chave Pix: 12.345.678/0001-90")
        key(edit, Qt.Key.Key_Return)
        assert (await sandbox_got(env, instance_id, 3))[2] == \
            "*Ana:*\nChave Pix: 12.345.678/0001-90"
        assert account.profile.id


async def test_esc_closes_the_list_and_the_slash_stays_text(qtbot: QtBot, tmp_path: Path
                                                           ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        await env.console.conversations.quick_replies.save(account.profile.id, "pix", "Chave")
        page = env.console.chat_page
        await chat_with_maria(env, instance_id)
        edit, popup = page.composer.edit, page.quick_replies.popup
        QTest.keyClicks(edit, "/p")
        await until(lambda: popup.isVisible())
        key(edit, Qt.Key.Key_Escape)
        assert not popup.isVisible()
        QTest.keyClicks(edit, "x")
        assert not popup.isVisible()  # closed for this word
        key(edit, Qt.Key.Key_Return)  # so Enter sends what was typed
        assert await sandbox_got(env, instance_id, 1) == ["/px"]


async def test_the_manager_edits_reorders_deletes_exports_and_imports(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        env.window.resize(1200, 800)
        env.console.select(account)
        dialog = manager(env)
        await until(lambda: dialog.isVisible())
        await create(env, dialog, "/Bom Dia", "{{saudacao}}, {{nome}}!")
        await create(env, dialog, "prazo", "Entrega em 3 a 5 dias úteis.")
        assert [r.shortcut for r in dialog.replies] == ["bomdia", "prazo"]
        # A second one with the same shortcut is refused, saying why; nothing is lost.
        QTest.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        QTest.keyClicks(dialog.shortcut, "prazo")
        dialog.body.setPlainText("Outro texto")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: dialog.problem.isVisible())
        assert "/prazo" in dialog.problem.text()
        assert len(dialog.replies) == 2
        await asyncio.sleep(0.05)
        shot(dialog, f"inbox-quick-replies-manager-refused-{look}")
        # Edit, then move up: the order is the one the popup shows.
        dialog.list.setCurrentRow(1)
        dialog.body.setPlainText("Entrega em 2 dias úteis.")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: dialog.replies[1].body == "Entrega em 2 dias úteis.")
        QTest.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
        await until(lambda: [r.shortcut for r in dialog.replies] == ["prazo", "bomdia"])
        assert dialog.list.currentRow() == 0  # the moved one stays selected
        await asyncio.sleep(0.05)
        shot(dialog, f"inbox-quick-replies-manager-{look}")
        # Export, delete everything, import back.
        exported = tmp_path / "respostas.json"
        await dialog.export_to(exported)
        assert json.loads(exported.read_text(encoding="utf-8")) == {"quick_replies": [
            {"shortcut": "prazo", "body": "Entrega em 2 dias úteis."},
            {"shortcut": "bomdia", "body": "{{saudacao}}, {{nome}}!"}]}
        for _ in range(2):
            dialog.list.setCurrentRow(0)
            QTest.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
            await asyncio.sleep(0.1)
        await until(lambda: not dialog.replies, what="both deleted")
        broken = tmp_path / "nao.json"
        broken.write_text('{"quick_replies": [{"shortcut": 3}]}', encoding="utf-8")
        await dialog.import_from(broken)
        assert (dialog.problem.isVisible() and "nothing was imported" in \
            dialog.problem.text()) or "nada foi importado" in dialog.problem.text()
        assert not dialog.replies
        await dialog.import_from(exported)
        await until(lambda: [r.shortcut for r in dialog.replies] == ["prazo", "bomdia"])
        # Stored per account: reopening the store finds them.
        again = await env.console.conversations.quick_replies.listed(account.profile.id)
        assert [r.body for r in again] == ["Entrega em 2 dias úteis.",
                                           "{{saudacao}}, {{nome}}!"]
        dialog.close()


async def test_the_demo_starts_with_a_portuguese_starter_set(qtbot: QtBot, tmp_path: Path
                                                             ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        env.console.start_demo()
        await until(lambda: env.app.accounts and not env.console.starting_demo,
                    seconds=20, what="the demo")
        demo = env.app.accounts[0]
        await until(lambda: demo.loaded)
        env.window.resize(1200, 800)
        instance = next(i for i in demo.instances if i.status == "connected")
        env.console.select(demo, instance.id)
        page = env.console.chat_page
        await until(lambda: page.list_model.rowCount() > 0, seconds=10,
                    what="the demo's conversations")
        page.list.clicked.emit(page.list_model.index(0))
        await until(lambda: page.open_row is not None)
        page.composer.edit.setFocus()
        QTest.keyClicks(page.composer.edit, "/obrig")
        await until(lambda: page.quick_replies.popup.isVisible(), what="the starter set")
        assert page.quick_replies.popup.chosen().shortcut == "obrigado"  # type: ignore


async def test_a_message_is_saved_as_a_quick_reply_from_its_menu(qtbot: QtBot,
                                                                 tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        page = env.console.chat_page
        await chat_with_maria(env, instance_id)
        await until(lambda: page.messages.rowCount() == 1)
        menu = page.view.actions_for(page.messages.rows[0])
        [save] = [a for a in menu.actions() if a.text() == "Save as quick reply…"]
        save.trigger()
        dialog = env.window.findChildren(QuickReplyManager)[-1]
        assert dialog.isVisible() and dialog.body.toPlainText() == "Oi, qual a chave Pix?"
        QTest.keyClicks(dialog.shortcut, "chave")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: [r.shortcut for r in dialog.replies] == ["chave"])
        assert (await env.console.conversations.quick_replies.listed(
            account.profile.id))[0].body == "Oi, qual a chave Pix?"
        dialog.close()


async def test_quick_reply_pictures(qtbot: QtBot, tmp_path: Path, look: str) -> None:
    """The list over the message box, and a variable that cannot be filled in, as seen."""
    async with console_env(qtbot, tmp_path) as env:
        account, instance_id = await ready(env)
        store = env.console.conversations.quick_replies
        for shortcut, body in (("ola", "Olá, {{primeiro_nome}}, {{saudacao}}!"),
                               ("pix", "Chave Pix: 12.345.678/0001-90"),
                               ("erro", "Olá {{cliente}}")):
            await store.save(account.profile.id, shortcut, body)
        page = env.console.chat_page
        await chat_with_maria(env, instance_id)
        edit, popup = page.composer.edit, page.quick_replies.popup
        QTest.keyClicks(edit, "/")
        await until(lambda: popup.isVisible() and popup.count() == 3)
        await asyncio.sleep(0.05)
        shot(env.window, f"inbox-quick-reply-list-{look}")
        QTest.keyClicks(edit, "erro")
        key(edit, Qt.Key.Key_Return)
        await until(lambda: page.composer.problem.isVisible(), what="the error shown")
        assert "{{cliente}}" in page.composer.problem.text()
        await asyncio.sleep(0.05)
        shot(env.window, f"inbox-quick-reply-error-{look}")
