"""The one keyboard map: which key does what, by where the focus is.

A key means different things in different places (Ctrl+N is a new instance in the
instance list and a new chat in the conversations, as in WhatsApp Desktop), so the
window owns one shortcut per key and enables it only while the focus is in an area
where the key has a command: elsewhere the key reaches the focused widget untouched
(Del still deletes text in the message box). The menus show the same keys, and the
cheat sheet is drawn from this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from zapdesk.core.text import QT_TRANSLATE_NOOP


class Area(StrEnum):
    WINDOW = "window"  # anywhere in the main window
    INSTANCES = "instances"  # the instance column, an instance's details, an account
    INSTANCE_LIST = "instance_list"  # the instance list itself
    CONVERSATIONS = "conversations"  # the conversation list, the open chat, the composer
    MESSAGE_BOX = "message_box"  # typing a message


# Where an area's keys fall back to when it has none of its own for a key.
PARENT: dict[Area, Area | None] = {
    Area.WINDOW: None,
    Area.INSTANCES: Area.WINDOW,
    Area.INSTANCE_LIST: Area.INSTANCES,
    Area.CONVERSATIONS: Area.WINDOW,
    Area.MESSAGE_BOX: Area.CONVERSATIONS,
}

AREA_TITLES: dict[Area, str] = {
    Area.WINDOW: QT_TRANSLATE_NOOP("shortcuts", "Anywhere in the window"),
    Area.INSTANCES: QT_TRANSLATE_NOOP("shortcuts", "Instances (the list and an instance's "
                                                   "details)"),
    Area.INSTANCE_LIST: QT_TRANSLATE_NOOP("shortcuts", "In the instance list"),
    Area.CONVERSATIONS: QT_TRANSLATE_NOOP("shortcuts", "Conversations (the list and the open "
                                                       "chat)"),
    Area.MESSAGE_BOX: QT_TRANSLATE_NOOP("shortcuts", "In the message box"),
}


@dataclass(frozen=True)
class Shortcut:
    command: str | None  # bound by the console; None: the widget itself handles the key
    keys: tuple[str, ...]  # portable QKeySequence text, the first one shown in menus
    area: Area
    what: str  # QT_TRANSLATE_NOOP("shortcuts", …)


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("cheat_sheet", ("F1", "Ctrl+/"), Area.WINDOW,
             QT_TRANSLATE_NOOP("shortcuts", "Show these keyboard shortcuts")),
    Shortcut("toggle_instances", ("Ctrl+B",), Area.WINDOW,
             QT_TRANSLATE_NOOP("shortcuts", "Show or hide the instance column")),
    Shortcut("filter_instances", ("Ctrl+F",), Area.WINDOW,
             QT_TRANSLATE_NOOP("shortcuts", "Filter the instances")),
    Shortcut("refresh", ("F5",), Area.WINDOW,
             QT_TRANSLATE_NOOP("shortcuts", "Refresh every account")),
    Shortcut("sign_in", ("Ctrl+Shift+N",), Area.WINDOW,
             QT_TRANSLATE_NOOP("shortcuts", "Sign in to an account")),
    Shortcut("preferences", ("Ctrl+,",), Area.WINDOW,
             QT_TRANSLATE_NOOP("shortcuts", "Preferences")),
    Shortcut("quit", ("Ctrl+Q",), Area.WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Quit")),
    Shortcut(None, ("Tab", "Shift+Tab"), Area.WINDOW,
             QT_TRANSLATE_NOOP("shortcuts", "Next or previous field, list or button")),
    Shortcut(None, ("Ctrl+Tab",), Area.WINDOW,
             QT_TRANSLATE_NOOP("shortcuts", "Switch between Conversations and Details")),
    Shortcut("new_instance", ("Ctrl+N",), Area.INSTANCES,
             QT_TRANSLATE_NOOP("shortcuts", "New instance")),
    Shortcut("edit_instance", ("F2",), Area.INSTANCES,
             QT_TRANSLATE_NOOP("shortcuts", "Edit the selected instance")),
    Shortcut("delete_instance", ("Del",), Area.INSTANCE_LIST,
             QT_TRANSLATE_NOOP("shortcuts", "Delete the selected instance")),
    Shortcut(None, ("Up", "Down"), Area.INSTANCE_LIST,
             QT_TRANSLATE_NOOP("shortcuts", "Select the previous or next instance")),
    Shortcut("new_conversation", ("Ctrl+N",), Area.CONVERSATIONS,
             QT_TRANSLATE_NOOP("shortcuts", "New conversation")),
    Shortcut("search_messages", ("Ctrl+F",), Area.CONVERSATIONS,
             QT_TRANSLATE_NOOP("shortcuts", "Search all messages")),
    Shortcut(None, ("Enter",), Area.CONVERSATIONS,
             QT_TRANSLATE_NOOP("shortcuts", "Open the selected conversation")),
    Shortcut(None, ("Enter",), Area.MESSAGE_BOX,
             QT_TRANSLATE_NOOP("shortcuts", "Send the message")),
    Shortcut(None, ("Shift+Enter",), Area.MESSAGE_BOX,
             QT_TRANSLATE_NOOP("shortcuts", "New line")),
    Shortcut(None, ("/",), Area.MESSAGE_BOX,
             QT_TRANSLATE_NOOP("shortcuts", "Quick replies: / then part of the shortcut or "
                                            "text; Up/Down choose, Enter or Tab insert, Esc "
                                            "closes")),
)


def keys_text(shortcut: Shortcut) -> str:
    """The keys as the operator reads them on this system ("Ctrl+N", "F1 or Ctrl+/")."""
    texts = [QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
             for key in shortcut.keys]
    return QCoreApplication.translate("shortcuts", " or ").join(texts)


def command_for(key: str, area: Area) -> str | None:
    """What ``key`` does with the focus in ``area`` (its own, else the nearest parent's)."""
    current: Area | None = area
    while current is not None:
        for shortcut in SHORTCUTS:
            if shortcut.area == current and key in shortcut.keys and shortcut.command:
                return shortcut.command
        current = PARENT[current]
    return None


def keys_of(command: str) -> tuple[str, ...]:
    for shortcut in SHORTCUTS:
        if shortcut.command == command:
            return shortcut.keys
    raise KeyError(command)


class Keyboard(QObject):
    """The window's shortcuts, dispatched by the area holding the focus."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.handlers: dict[str, Callable[[], object]] = {}
        self.areas: list[tuple[QWidget, Area]] = []
        self.shortcuts: dict[str, QShortcut] = {}
        for shortcut in SHORTCUTS:
            if shortcut.command is None:
                continue
            for key in shortcut.keys:
                if key not in self.shortcuts:
                    self.shortcuts[key] = made = QShortcut(QKeySequence(key), window)
                    made.setContext(Qt.ShortcutContext.WindowShortcut)
                    made.activated.connect(lambda key=key: self.pressed(key))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._arm()

    def bind(self, command: str, handler: Callable[[], object]) -> None:
        keys_of(command)  # a typo fails here, not silently at the key press
        self.handlers[command] = handler
        self._arm()

    def set_area(self, widget: QWidget, area: Area) -> None:
        """Focus inside ``widget`` (and not in a smaller registered widget) is in ``area``."""
        self.areas.append((widget, area))
        self._arm()

    def area_of(self, widget: QWidget | None) -> Area:
        found = {id(w): a for w, a in self.areas}
        while widget is not None:
            if id(widget) in found:
                return found[id(widget)]
            widget = widget.parentWidget()
        return Area.WINDOW

    def current_area(self) -> Area:
        return self.area_of(QApplication.focusWidget())

    def pressed(self, key: str) -> None:
        command = command_for(key, self.current_area())
        handler = self.handlers.get(command or "")
        if handler is not None:
            handler()

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self._arm()

    def _arm(self) -> None:
        """Only the keys that mean something where the focus is are taken from widgets."""
        area = self.current_area()
        for key, shortcut in self.shortcuts.items():
            shortcut.setEnabled(command_for(key, area) in self.handlers)

    def show_in_menu(self, action: QAction, command: str) -> None:
        """The menu shows the command's key; the key itself is dispatched here, by area (a
        menu action's own shortcut would fire everywhere in the window)."""
        action.setShortcut(QKeySequence(keys_of(command)[0]))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
