"""The console's columns: the instance column, the conversation list and the chat share the
window in proportion (so a wide window widens the lists, not only the wallpaper), the
instance column folds away to a thin rail, and the sizes, the fold and the window's
geometry come back on the next run.

They are kept in ``window.json`` beside ``settings.json``: it is rewritten on every quit,
so it stays apart from the operator's settings, and a missing, damaged or hand-edited
file only means the default layout (each bad value falls back on its own).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QSplitter, QToolButton, QWidget

from zapdesk.accounts import atomic

log = logging.getLogger(__name__)
FILE_NAME = "window.json"
UNLIMITED = 16_777_215  # QWIDGETSIZE_MAX
INSTANCES_MIN = 200  # the instance column, when shown
LIST_MIN = 200  # the conversation list
CHAT_MIN = 300  # the open conversation
CONSOLE_SHARES = (1, 3)  # instance column : the rest
CHAT_SHARES = (1, 2)  # conversation list : the open conversation


@dataclass(frozen=True)
class WindowState:
    geometry: str | None = None  # QWidget.saveGeometry(), base64
    instances_hidden: bool = False
    console_sizes: tuple[int, int] | None = None  # instance column (as when shown), rest
    chat_sizes: tuple[int, int] | None = None  # conversation list, open conversation


def _sizes(value: Any) -> tuple[int, int] | None:
    if isinstance(value, list) and len(value) == 2 and all(
            isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 100_000
            for v in value):
        return value[0], value[1]
    raise ValueError(f"expected two sizes in pixels, not {value!r}")


def _geometry(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not text")
    base64.b64decode(value, validate=True)
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("not true or false")
    return value


CHECKS = {"geometry": _geometry, "instances_hidden": _flag, "console_sizes": _sizes,
          "chat_sizes": _sizes}


def load_state(directory: Path) -> WindowState:
    path = directory / FILE_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return WindowState()
    except (OSError, ValueError) as exc:
        log.warning("%s cannot be read (%s): the default layout", path, exc)
        return WindowState()
    if not isinstance(raw, dict):
        log.warning("%s holds no object: the default layout", path)
        return WindowState()
    values: dict[str, Any] = {}
    for name, check in CHECKS.items():
        if name in raw and raw[name] is not None:
            try:
                values[name] = check(raw[name])
            except (ValueError, binascii.Error) as exc:
                log.warning("%s: %s ignored (%s)", path, name, exc)
    return WindowState(**values)


def save_state(directory: Path, state: WindowState) -> None:
    try:
        atomic.write_text(directory / FILE_NAME, json.dumps(asdict(state), indent=2) + "\n")
    except OSError as exc:  # a read-only folder loses the layout, nothing else
        log.warning("window layout not saved: %s", exc)


def restore_geometry(window: QWidget, directory: Path) -> bool:
    """Before the window is first shown (no jump): its size and place of the last run."""
    saved = load_state(directory).geometry
    if saved is None:
        return False
    return window.restoreGeometry(QByteArray(base64.b64decode(saved)))


class Panes(QObject):
    hidden_changed = Signal(bool)  # the instance column folded (True) or shown

    def __init__(self, window: QWidget, directory: Path, console: QSplitter,
                 column_parts: list[QWidget], chat: QSplitter) -> None:
        super().__init__(window)
        self.window, self.directory = window, directory
        self.console, self.chat, self.column_parts = console, chat, column_parts
        column, list_side, chat_side = console.widget(0), chat.widget(0), chat.widget(1)
        assert column is not None and list_side is not None and chat_side is not None
        self.column = column
        self.toggle = QToolButton(self.column)
        self.toggle.setAutoRaise(True)
        self.toggle.clicked.connect(lambda: self.set_hidden(not self.hidden))
        for splitter, shares in ((console, CONSOLE_SHARES), (chat, CHAT_SHARES)):
            splitter.setChildrenCollapsible(False)
            for index, share in enumerate(shares):
                splitter.setStretchFactor(index, share)
        list_side.setMinimumWidth(LIST_MIN)
        chat_side.setMinimumWidth(CHAT_MIN)
        state = load_state(directory)
        # Saved sizes as they were; otherwise each splitter is shared out in proportion
        # once it first has its real width (before that it has none to share).
        self._unsized: dict[QSplitter, tuple[int, int]] = {}
        for splitter, saved, shares in ((console, state.console_sizes, CONSOLE_SHARES),
                                        (chat, state.chat_sizes, CHAT_SHARES)):
            if saved is not None:
                splitter.setSizes(list(saved))
            else:
                self._unsized[splitter] = shares
                splitter.installEventFilter(self)
        self._shown_width = state.console_sizes[0] if state.console_sizes else None
        self.hidden: bool = False
        self._apply(state.instances_hidden)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and watched in self._unsized \
                and isinstance(watched, QSplitter) and watched.isVisible():
            first, second = self._unsized.pop(watched)
            watched.removeEventFilter(self)
            width = watched.width() - watched.handleWidth()
            share = width * first // (first + second)
            if watched is self.console and self.hidden:
                self._shown_width = max(share, INSTANCES_MIN)
            else:
                watched.setSizes([share, width - share])
        return False

    # ---- the instance column --------------------------------------------------------
    def set_hidden(self, hidden: bool) -> None:
        if hidden != self.hidden:
            self._apply(hidden)
            self.save()

    def _apply(self, hidden: bool) -> None:
        translate = QCoreApplication.translate
        if hidden and self.column.isVisible() and self.console.sizes()[0] >= INSTANCES_MIN:
            self._shown_width = self.console.sizes()[0]  # to unfold to, later or next run
        self.hidden = hidden
        for part in self.column_parts:
            part.setVisible(not hidden)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow if hidden else Qt.ArrowType.LeftArrow)
        name = translate("panes", "Show the instance list") if hidden else \
            translate("panes", "Hide the instance list")
        self.toggle.setAccessibleName(name)
        self.toggle.setToolTip(translate("panes", "{what} (Ctrl+B)").format(what=name))
        if hidden:
            rail = self.toggle.sizeHint().width() + 12
            self.column.setFixedWidth(rail)  # the rail cannot be dragged wider
        else:
            self.column.setMinimumWidth(INSTANCES_MIN)
            self.column.setMaximumWidth(UNLIMITED)
            if self._shown_width:
                total = sum(self.console.sizes())
                self.console.setSizes([self._shown_width, max(0, total - self._shown_width)])
        self.hidden_changed.emit(hidden)

    # ---- remembering ----------------------------------------------------------------
    def state(self) -> WindowState:
        console = self.console.sizes()
        shown = self._shown_width if self.hidden else console[0]
        return WindowState(
            geometry=base64.b64encode(bytes(self.window.saveGeometry().data())).decode(),
            instances_hidden=self.hidden,
            console_sizes=(shown, console[1]) if shown else None,
            chat_sizes=(self.chat.sizes()[0], self.chat.sizes()[1])
            if all(self.chat.sizes()) else None)

    def save(self) -> None:
        save_state(self.directory, self.state())
