"""The keyboard model: each key of the shortcut map pressed (QTest key events on the real
window's focused widgets) where it applies and where it must not, Tab leaving the message
box, and the cheat sheet drawn from the same map."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.language import speaking
from tests.ui.test_chat_page import CUSTOMER, ready
from zapdesk.ui.cheat_sheet import CheatSheet, show_cheat_sheet
from zapdesk.ui.dialogs import DeleteDialog, InstanceDialog
from zapdesk.ui.shortcuts import SHORTCUTS, Area, command_for, keys_text

pytestmark = pytest.mark.asyncio
Key, Mod = Qt.Key, Qt.KeyboardModifier


async def active(env: Env) -> None:
    env.window.activateWindow()
    await until(env.window.isActiveWindow, what="the main window active")


def focus(widget: QWidget) -> QWidget:
    widget.setFocus()
    assert QApplication.focusWidget() is widget, QApplication.focusWidget()
    return widget


def press(key: Key, modifiers: Mod = Mod.NoModifier) -> None:
    """A key as the operator types it: sent to whatever has the focus now."""
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, key, modifiers)


def dialogs(env: Env, kind: type[QWidget]) -> list[QWidget]:
    return [d for d in env.window.findChildren(kind) if d.isVisible()]


async def close_all(env: Env, kind: type[QWidget]) -> None:
    for dialog in dialogs(env, kind):
        dialog.close()
    await until(lambda: not dialogs(env, kind), what=f"{kind.__name__} closed")
    await active(env)


async def chatting(env: Env) -> None:
    """A connected instance with one conversation, open."""
    _account, instance_id = await ready(env)
    page = env.console.chat_page
    r = await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                                    "text": "Oi! Tudo bem?"})
    assert r.status_code == 201
    await until(lambda: page.list_model.rowCount() == 1, what="the conversation listed")
    page.list.setCurrentIndex(page.list_model.index(0))
    page.list.activated.emit(page.list_model.index(0))
    await until(lambda: page.open_row is not None and page.messages.rowCount() == 1,
                what="the conversation open")
    await active(env)


async def test_tab_leaves_the_message_box(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await chatting(env)
        page = env.console.chat_page
        edit = focus(page.composer.edit)
        QTest.keyClicks(edit, "Oi, tudo bem")
        press(Key.Key_Tab)
        assert QApplication.focusWidget() is page.composer.send_button
        assert page.composer.edit.toPlainText() == "Oi, tudo bem"  # no tab typed into the message
        press(Key.Key_Backtab, Mod.ShiftModifier)
        assert QApplication.focusWidget() is edit
        press(Key.Key_Backtab, Mod.ShiftModifier)  # backwards out of the box too
        assert QApplication.focusWidget() not in (edit, None)
        focus(edit)
        press(Key.Key_Tab, Mod.ControlModifier)  # Ctrl+Tab: the next tab (Details)
        assert env.console.instance_tabs.currentWidget() is env.console.instance_pane
        assert page.composer.edit.toPlainText() == "Oi, tudo bem"


async def test_each_key_where_it_applies_and_where_it_must_not(qtbot: QtBot, tmp_path: Path
                                                              ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await chatting(env)
        console, page = env.console, env.console.chat_page
        tree, edit = console.tree, page.composer.edit
        # Ctrl+F: in a chat the message search; in the instance list the instance filter.
        for where in (edit, page.list):
            focus(where)
            press(Key.Key_F, Mod.ControlModifier)
            assert QApplication.focusWidget() is page.search, where
        focus(tree)
        press(Key.Key_F, Mod.ControlModifier)
        assert QApplication.focusWidget() is console.filter
        # Del: in the conversation list and the message box it deletes no instance.
        focus(page.list)
        press(Key.Key_Delete)
        edit.setPlainText("abc")
        edit.moveCursor(QTextCursor.MoveOperation.Start)
        focus(edit)
        press(Key.Key_Delete)
        assert edit.toPlainText() == "bc"  # the key reached the box
        await until(lambda: True)
        assert not dialogs(env, DeleteDialog)
        # … in the instance list it asks to delete the selected instance.
        focus(tree)
        press(Key.Key_Delete)
        await until(lambda: dialogs(env, DeleteDialog), what="Delete instance")
        assert dialogs(env, DeleteDialog)[0].instance.name == "Vendas"  # type: ignore[attr-defined]
        await close_all(env, DeleteDialog)
        # Ctrl+N: in a chat a new conversation (as in WhatsApp Desktop), not a new instance.
        focus(edit)
        press(Key.Key_N, Mod.ControlModifier)
        assert not dialogs(env, InstanceDialog)
        assert page.open_row is None and page.chat_side.currentWidget() is page.conversation
        assert page.composer.recipient.isVisible()
        assert QApplication.focusWidget() is page.composer.recipient.edit
        focus(page.list)
        press(Key.Key_N, Mod.ControlModifier)
        assert not dialogs(env, InstanceDialog)
        # … in the instance list, a new instance.
        focus(tree)
        press(Key.Key_N, Mod.ControlModifier)
        await until(lambda: dialogs(env, InstanceDialog), what="New instance")
        assert dialogs(env, InstanceDialog)[0].windowTitle() == "New instance"
        await close_all(env, InstanceDialog)
        # F2 edits the selected instance from its list and details, not from the message box.
        focus(edit)
        press(Key.Key_F2)
        assert not dialogs(env, InstanceDialog)
        focus(tree)
        press(Key.Key_F2)
        await until(lambda: dialogs(env, InstanceDialog), what="Edit instance")
        assert dialogs(env, InstanceDialog)[0].windowTitle() == "Edit instance"
        await close_all(env, InstanceDialog)
        # F1 and Ctrl+/ show the cheat sheet from anywhere, the message box included.
        for where, key, modifiers in ((edit, Key.Key_F1, Mod.NoModifier),
                                      (tree, Key.Key_Slash, Mod.ControlModifier)):
            focus(where)
            press(key, modifiers)
            await until(lambda: dialogs(env, CheatSheet), what="the cheat sheet")
            await close_all(env, CheatSheet)
        # The keys the menus show are the map's, and never fire from the wrong place.
        assert console.new_action.shortcut().toString() == "Ctrl+N"
        assert console.delete_action.shortcut().toString() == "Del"


async def test_the_cheat_sheet_lists_the_map(qtbot: QtBot, tmp_path: Path, theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.signed_in()
        assert env.console.keys.shortcuts_action in env.console.help.menu.actions()
        env.console.keys.shortcuts_action.trigger()  # Help ▸ Keyboard shortcuts
        sheet = env.window.findChild(CheatSheet)
        assert sheet is not None and sheet.isVisible()
        assert len(sheet.rows) == len(SHORTCUTS)
        for shortcut in SHORTCUTS:
            assert (keys_text(shortcut), shortcut.what) in sheet.rows
        assert show_cheat_sheet(env.window) is sheet  # asked again: the same one, raised
        shot(sheet, f"keys-cheat-sheet-{theme}")
        sheet.close()
        with speaking("pt_BR"):
            portuguese = CheatSheet(env.window)
            portuguese.show()
            assert portuguese.windowTitle() == "Atalhos de teclado"
            assert ("Ctrl+N", "Nova conversa") in portuguese.rows
            shot(portuguese, f"keys-cheat-sheet-{theme}-pt_BR")
            portuguese.close()


async def test_the_map_gives_each_key_one_meaning_per_area() -> None:
    assert command_for("Ctrl+N", Area.INSTANCE_LIST) == "new_instance"
    assert command_for("Ctrl+N", Area.MESSAGE_BOX) == "new_conversation"
    assert command_for("Ctrl+F", Area.MESSAGE_BOX) == "search_messages"
    assert command_for("Ctrl+F", Area.INSTANCES) == "filter_instances"
    assert command_for("Del", Area.CONVERSATIONS) is None
    assert command_for("Del", Area.INSTANCES) is None  # the details pane's buttons: no
    assert command_for("F1", Area.MESSAGE_BOX) == "cheat_sheet"
    for area in Area:
        bound = [(key, s.command) for s in SHORTCUTS if s.area == area and s.command
                 for key in s.keys]
        assert len({key for key, _ in bound}) == len(bound), area  # no key twice in an area


async def test_conversations_open_on_select_a_conversation(qtbot: QtBot, tmp_path: Path,
                                                          theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await ready(env)
        page = env.console.chat_page
        assert env.console.instance_tabs.currentWidget() is page
        await until(lambda: page.isVisible())
        assert page.chat_side.currentWidget() is page.nothing
        assert page.nothing.title.text() == "Select a conversation"
        assert not page.composer.isVisible() and not page.composer.recipient.isVisible()
        shot(env.window, f"keys-select-a-conversation-{theme}")
        page.nothing.new_button.click()  # on demand: the new-chat form
        assert page.chat_side.currentWidget() is page.conversation
        assert page.composer.recipient.isVisible() and page.header.text() == "New conversation"
        page.new_button.click()  # the list's button does the same
        assert page.composer.recipient.isVisible()
        # Another instance: the chat side is back on "Select a conversation".
        account = env.console.target_account()
        assert account is not None
        other = await account.create("Suporte", None)
        await until(lambda: account.instance(other.id) is not None)
        env.console.select(account, other.id)
        env.console.instance_tabs.setCurrentWidget(page)
        await until(lambda: page.instance is not None and page.instance.id == other.id)
        assert page.chat_side.currentWidget() is page.nothing
