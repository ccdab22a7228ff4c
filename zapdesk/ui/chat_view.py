"""The message list: a QListView over the sliding-window model, paging as the operator
scrolls near either end and keeping what they look at in place when rows come in above."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QWidget

from zapdesk.controller.conversations import MessageRow
from zapdesk.core.events import Tick
from zapdesk.ui import theme
from zapdesk.ui.message_delegate import MessageDelegate
from zapdesk.ui.message_model import MessageModel, MessageRole

Spawn = Callable[[Coroutine[Any, Any, Any]], Any]
EDGE = 400  # pixels from an end at which the next page is asked for


class ChatView(QListView):
    retry_requested = Signal(object)  # MessageRow of a failed message

    def __init__(self, model: MessageModel, spawn: Spawn, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.spawn = spawn
        self.setModel(model)
        self.message_model = model
        self.delegate = MessageDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.verticalScrollBar().setSingleStep(24)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.doubleClicked.connect(self._activated)
        self._stick_to_bottom = True
        self._anchor: tuple[QPersistentModelIndex, int] | None = None
        model.modelAboutToBeReset.connect(self.delegate.clear)
        model.modelReset.connect(self._after_reset)
        model.rowsAboutToBeInserted.connect(self._remember_anchor)
        model.rowsAboutToBeRemoved.connect(self._remember_anchor)
        model.settled.connect(self._rows_changed)
        self._apply_palette()

    def _apply_palette(self) -> None:
        background = theme.pick(theme.CHAT_BACKGROUND, self.palette()).name()
        self.setStyleSheet(f"QListView {{ background: {background}; }}")

    # ---- keeping the view steady ------------------------------------------------------
    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _remember_anchor(self, *_: Any) -> None:
        """Before rows change, note the first visible row and where it sits on screen."""
        if self._anchor is not None:
            return  # the first of several changes in one step is what the operator saw
        self._stick_to_bottom = self._at_bottom()
        top = self.indexAt(self.viewport().rect().topLeft())
        if top.isValid():
            self._anchor = (QPersistentModelIndex(top), self.visualRect(top).top())

    def _rows_changed(self, *_: Any) -> None:
        self.doItemsLayout()
        if self._stick_to_bottom:
            self.scrollToBottom()
        elif self._anchor is not None and self._anchor[0].isValid():
            index = self.message_model.index(self._anchor[0].row())
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - self._anchor[1])
        self._anchor = None

    def _after_reset(self) -> None:
        self._anchor = None
        focus = self.message_model.focus
        self._stick_to_bottom = focus is None
        if focus is None:
            QTimer.singleShot(0, self.scrollToBottom)
        else:
            QTimer.singleShot(0, lambda: self.scrollTo(
                self.message_model.index(focus), QAbstractItemView.ScrollHint.PositionAtCenter))

    def _scrolled(self, value: int) -> None:
        model = self.message_model
        if model.busy:
            return
        bar = self.verticalScrollBar()
        if value <= EDGE and model.has_older:
            self.spawn(model.load_older())
        elif value >= bar.maximum() - EDGE and model.has_newer:
            self.spawn(model.load_newer())

    # ---- actions -----------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        row: MessageRow | None = index.data(MessageRole.MESSAGE)
        if row is None:
            return
        if row.from_me and row.status == Tick.FAILED:
            self.retry_requested.emit(row)
            return
        url = (row.media or {}).get("url")
        if url and str(url).startswith(("https://", "http://")):
            QDesktopServices.openUrl(QUrl(str(url)))
