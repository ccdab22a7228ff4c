"""The console's keys: which part of the window is which area of the shortcut map, what
each command does, and the menu entries that show them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from zapdesk.ui.cheat_sheet import show_cheat_sheet
from zapdesk.ui.shortcuts import Area, Keyboard

if TYPE_CHECKING:
    from zapdesk.ui.console import Console


@dataclass
class ConsoleKeys:
    keyboard: Keyboard
    view_menu: QMenu
    shortcuts_action: QAction  # Keyboard shortcuts… (the cheat sheet)
    column_action: QAction  # the instance column shown or folded


def attach(console: Console) -> ConsoleKeys:
    window = console.window
    keyboard = Keyboard(window)
    keyboard.set_area(console.page, Area.INSTANCES)
    keyboard.set_area(console.tree, Area.INSTANCE_LIST)
    keyboard.set_area(console.chat_page, Area.CONVERSATIONS)
    keyboard.set_area(console.chat_page.composer.edit, Area.MESSAGE_BOX)
    for command, handler in {
        "cheat_sheet": lambda: show_cheat_sheet(window),
        "toggle_instances": lambda: console.panes.set_hidden(not console.panes.hidden),
        "filter_instances": console.focus_filter,
        "refresh": console.refresh_all,
        "sign_in": console.open_sign_in,
        "quit": window.close_requested.emit,
        "new_instance": console.open_create,
        "edit_instance": console.open_edit,
        "delete_instance": console.open_delete,
        "new_conversation": console.chat_page.new_conversation,
        "search_messages": console.chat_page.focus_search,
    }.items():
        keyboard.bind(command, handler)
    for action, command in ((console.sign_in_action, "sign_in"),
                            (console.quit_action, "quit"),
                            (console.new_action, "new_instance"),
                            (console.edit_action, "edit_instance"),
                            (console.delete_action, "delete_instance"),
                            (console.refresh_action, "refresh"),
                            (console.filter_action, "filter_instances")):
        keyboard.show_in_menu(action, command)
    view = window.menuBar().addMenu(QCoreApplication.translate("console", "&View"))
    column = QAction(QCoreApplication.translate("console", "&Instance column"), window)
    column.setCheckable(True)
    column.setChecked(not console.panes.hidden)
    column.toggled.connect(lambda shown: console.panes.set_hidden(not shown))
    console.panes.hidden_changed.connect(lambda hidden: column.setChecked(not hidden))
    keyboard.show_in_menu(column, "toggle_instances")
    view.addAction(column)
    sheet = QAction(QCoreApplication.translate("console", "&Keyboard shortcuts"), window)
    sheet.triggered.connect(lambda: show_cheat_sheet(window))
    keyboard.show_in_menu(sheet, "cheat_sheet")  # in the Help menu (ui/help_menu.py)
    return ConsoleKeys(keyboard, view, sheet, column)
