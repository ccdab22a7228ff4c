"""Every widget the keyboard can reach has a name a screen reader can say (what Qt's
accessibility interface reports: an accessible name, a form label, or a button's text
when that text means something), and every list, view and text field also says what it
is for. The walk covers the main window in each of its pages and states, and the dialogs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, until
from tests.ui.test_chat_page import CUSTOMER, connected, ready

pytestmark = pytest.mark.asyncio
Text = QAccessible.Text


def meaningful(text: str) -> bool:
    """A name says something: two letters at least (an ellipsis, a cross or an arrow do not)."""
    return sum(ch.isalpha() for ch in text.replace("&", "")) >= 2


def internal(widget: QWidget) -> bool:
    """A part of a composite Qt widget that the composite itself names."""
    parent = widget.parentWidget()
    return isinstance(parent, (QComboBox, QAbstractSpinBox))


def problems(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or internal(widget) \
                or not widget.isVisibleTo(root) or isinstance(widget, QDialog):
            continue  # not reachable by keyboard here, or a window (named by its title)
        face = QAccessible.queryAccessibleInterface(widget)
        assert face is not None
        name = face.text(Text.Name)
        what = f"{type(widget).__name__} {widget.objectName()!r} in " \
               f"{type(widget.parentWidget()).__name__}"
        if not meaningful(name):
            shown = widget.text() if isinstance(widget, QAbstractButton) else ""
            found.append(f"{what}: no name (name {name!r}, text {shown!r})")
        elif isinstance(widget, (QAbstractItemView, QLineEdit, QPlainTextEdit, QTextEdit)) \
                and not face.text(Text.Description).strip():
            found.append(f"{what} {name!r}: no description")
    return found


def walk(root: QWidget, where: str, seen: dict[str, list[str]]) -> None:
    found = problems(root)
    if found:
        seen[where] = found


def open_dialogs(env: Env) -> list[QDialog]:
    return [d for d in env.window.findChildren(QDialog) if d.isVisible()]


async def walk_dialog(env: Env, where: str, seen: dict[str, list[str]]) -> None:
    await until(lambda: open_dialogs(env), what=where)
    for dialog in open_dialogs(env):
        walk(dialog, where, seen)
        dialog.close()
    await until(lambda: not open_dialogs(env), what=f"{where} closed")


async def test_the_welcome_page(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        seen: dict[str, list[str]] = {}
        walk(env.window, "welcome", seen)
        env.console.open_sign_in()
        await walk_dialog(env, "sign in", seen)
        assert not seen, seen


async def test_every_page_of_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        seen: dict[str, list[str]] = {}
        console = env.console
        account, instance_id = await ready(env)
        page = console.chat_page
        await until(page.isVisible)
        walk(env.window, "conversations, none chosen", seen)
        await env.phone(instance_id, "incoming", **{"from": CUSTOMER, "pushName": "Maria",
                                                    "text": "Oi! Tudo bem?"})
        await until(lambda: page.list_model.rowCount() == 1)
        page.list.activated.emit(page.list_model.index(0))
        await until(lambda: page.messages.rowCount() == 1)
        walk(env.window, "a conversation open", seen)
        page.new_conversation()
        walk(env.window, "a new conversation", seen)
        page.search.setText("Tudo")
        await until(lambda: page.lists.currentWidget() is page.results)
        walk(env.window, "search results", seen)
        page.search.clear()
        console.instance_tabs.setCurrentWidget(console.instance_pane)
        walk(env.window, "details, connected", seen)
        created = await account.create("Nova", None)
        await until(lambda: account.instance(created.id) is not None)
        console.select(account, created.id)
        await until(lambda: console.instance_pane.instance is not None
                    and console.instance_pane.instance.id == created.id)
        walk(env.window, "details, pairing", seen)
        other = await connected(env, account, "Suporte")
        await env.phone(other, "phone-disconnect")
        await until(lambda: account.instance(other).status == "disconnected")  # type: ignore
        console.select(account, other)
        await until(lambda: console.instance_pane.instance is not None
                    and console.instance_pane.instance.id == other)
        walk(env.window, "details, disconnected", seen)
        console.select(account)
        walk(env.window, "an account", seen)
        console.panes.set_hidden(True)
        walk(env.window, "the instance column folded", seen)
        console.panes.set_hidden(False)
        assert not seen, seen


async def test_the_dialogs(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        seen: dict[str, list[str]] = {}
        console = env.console
        account, instance_id = await ready(env)
        console.open_create()
        await walk_dialog(env, "new instance", seen)
        console.select(account, instance_id)
        console.open_edit()
        await walk_dialog(env, "edit instance", seen)
        console.open_delete()
        await walk_dialog(env, "delete instance", seen)
        console.keys.shortcuts_action.trigger()
        await walk_dialog(env, "keyboard shortcuts", seen)
        page = console.chat_page
        page.new_conversation()
        page.composer.recipient.edit.setText("11 99999-0000")
        page.composer.open_media()
        await walk_dialog(env, "send media", seen)
        page.banner.choose_port()  # offered when the listener cannot bind its port
        await walk_dialog(env, "another port", seen)
        help_menu = getattr(console, "help", None)
        if help_menu is not None:  # Preferences, About, the user guide
            for name in ("open_preferences", "open_about", "open_guide"):
                getattr(help_menu, name)()
                await walk_dialog(env, name, seen)
        assert not seen, seen
