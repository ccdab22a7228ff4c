"""The message list: a QListView over the sliding-window model, paging as the operator
scrolls near either end and keeping what they look at in place when rows come in above."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QMenu, QWidget

from zapdesk.controller.conversations import MessageRow
from zapdesk.core.events import Tick
from zapdesk.ui import theme
from zapdesk.ui.failure_words import message_failure
from zapdesk.ui.message_delegate import MessageDelegate
from zapdesk.ui.message_model import LayoutArgs, MessageModel, MessageRole

Spawn = Callable[[Coroutine[Any, Any, Any]], Any]
EDGE = 400  # pixels from an end at which the next page is inserted
AHEAD = 3  # viewports before that, the page is fetched and measured in idle time
WARM_CHUNK = 10  # bubbles measured per idle turn (about 0.6 ms)


class ChatView(QListView):
    retry_requested = Signal(object)  # MessageRow of a failed message
    save_as_quick_reply = Signal(str)  # a message's text, to keep as a quick reply

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
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.menu: QMenu | None = None  # the one on screen, referenced while it shows
        self._stick_to_bottom = True
        self._anchor: tuple[QPersistentModelIndex, int] | None = None
        model.modelAboutToBeReset.connect(self.delegate.clear)
        model.modelReset.connect(self._after_reset)
        model.rowsAboutToBeInserted.connect(self._remember_anchor)
        model.rowsAboutToBeRemoved.connect(self._remember_anchor)
        model.settled.connect(self._rows_changed)
        self._warming: list[LayoutArgs] = []
        self._warm_timer = QTimer(self)  # measures fetched-ahead bubbles between frames
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_some)
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
        ahead = EDGE + AHEAD * self.viewport().height()
        if value <= EDGE and model.has_older:
            self.spawn(model.load_older())
        elif value >= bar.maximum() - EDGE and model.has_newer:
            self.spawn(model.load_newer())
        elif value <= ahead and model.has_older:
            self.spawn(self._prefetch("older"))
        elif value >= bar.maximum() - ahead and model.has_newer:
            self.spawn(self._prefetch("newer"))

    async def _prefetch(self, direction: str) -> None:
        """The next page is read and its bubbles measured before the edge is reached, so
        that inserting it costs only a layout from the cache (measuring 100 new bubbles
        was most of a page's 20 ms)."""
        args = await self.message_model.prefetch(direction)
        if args:
            self._warming = args
            self._warm_timer.start()

    def _warm_some(self) -> None:
        chunk, self._warming = self._warming[:WARM_CHUNK], self._warming[WARM_CHUNK:]
        width = self.delegate.view_width()
        for args in chunk:
            self.delegate.layout_for(args, width)
        if not self._warming:
            self._warm_timer.stop()

    # ---- actions -----------------------------------------------------------------------
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double-click acts on the bubble under the pointer. Qt's item view acts only
        when it saw the press on that same row, else it takes the double-click for a new
        press: a list refreshed between the two clicks (a status, a reset), or a synthetic
        double-click (QTest sends it alone), would do nothing."""
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index.isValid():
            event.accept()
            self._activated(index)
            return
        super().mouseDoubleClickEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        row: MessageRow | None = index.data(MessageRole.MESSAGE)
        if row is None:
            return
        if failed(row):
            self.retry_requested.emit(row)
            return
        url = media_url(row)
        if url:
            QDesktopServices.openUrl(QUrl(url))

    def _context_menu(self, point: QPoint) -> None:
        row: MessageRow | None = self.indexAt(point).data(MessageRole.MESSAGE)
        if row is None:
            return
        self.menu = self.actions_for(row)
        if not self.menu.isEmpty():
            self.menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.menu.popup(self.viewport().mapToGlobal(point))

    def actions_for(self, row: MessageRow) -> QMenu:
        """What the operator can do with one message: the double-click's action, and more."""
        translate = QCoreApplication.translate
        menu = QMenu(self)
        why = message_failure(row)
        if why is not None:  # first, why it was not sent (a line to read, not to click)
            menu.addAction(why).setEnabled(False)
            menu.addAction(translate("chat", "Send again"),
                           lambda: self.retry_requested.emit(row))
        url = media_url(row)
        if url:
            menu.addAction(translate("chat", "Open media"),
                           lambda: QDesktopServices.openUrl(QUrl(url)))
            menu.addAction(translate("chat", "Copy media address"), lambda: copy(url))
        if row.text and row.deleted_at is None:
            text = row.text
            menu.addAction(translate("chat", "Copy text"), lambda: copy(text))
            menu.addAction(translate("chat", "Save as quick reply…"),
                           lambda: self.save_as_quick_reply.emit(text))
        return menu


def failed(row: MessageRow) -> bool:
    return row.from_me and row.status == Tick.FAILED


def media_url(row: MessageRow) -> str | None:
    url = str((row.media or {}).get("url") or "")
    return url if url.startswith(("https://", "http://")) else None


def copy(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)
