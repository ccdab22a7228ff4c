"""Being told: the unread total in the tray and the window title, a desktop notification
for each new message while the window is not focused (a click opens the conversation),
previews hidden when the operator prefers, and an optional sound."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from zapdesk.controller.conversations import ConversationRow, Conversations, MessageRow
from zapdesk.core.phone import format_phone
from zapdesk.ui.conversation_list import title
from zapdesk.ui.dialogs import Spawn
from zapdesk.ui.message_layout import content_lines

SUMMARY_AFTER = 3  # more new messages than this at once: one summary notification


@dataclass(frozen=True)
class Notice:
    title: str
    body: str
    conversation: ConversationRow | None  # what a click opens


class Notifier(Protocol):
    def notify(self, notice: Notice) -> None: ...
    def show_unread(self, total: int) -> None: ...


def tray_icon(total: int) -> QIcon:
    """The app's mark with the unread count on it."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#1e8e3e"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(4, 4, 56, 56)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(30)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRect(4, 4, 56, 56), Qt.AlignmentFlag.AlignCenter, "Z")
    if total:
        painter.setBrush(QColor("#c5221f"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(30, 0, 34, 34)
        font.setPixelSize(18 if total < 100 else 13)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRect(30, 0, 34, 34), Qt.AlignmentFlag.AlignCenter,
                         str(total) if total < 1000 else "999+")
    painter.end()
    return QIcon(pixmap)


class TrayNotifier(QObject):
    """The system tray, where there is one (the window title shows the count anyway)."""

    clicked = Signal(object)  # the ConversationRow of the last notification

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.tray: QSystemTrayIcon | None = None
        self._last: ConversationRow | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(tray_icon(0), self)
            self.tray.messageClicked.connect(lambda: self.clicked.emit(self._last))
            self.tray.activated.connect(lambda _reason: self._raise())
            self.tray.show()

    def _raise(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def notify(self, notice: Notice) -> None:
        self._last = notice.conversation
        if self.tray is not None:
            self.tray.showMessage(notice.title, notice.body, tray_icon(0), 8000)

    def show_unread(self, total: int) -> None:
        translate = QCoreApplication.translate
        self.window.setWindowTitle(
            translate("attention", "zapdesk ({count} unread)").format(count=total)
            if total else translate("attention", "zapdesk"))
        if self.tray is not None:
            self.tray.setIcon(tray_icon(total))
            self.tray.setToolTip(translate("attention", "{count} unread messages").format(
                count=total) if total else translate("attention", "No unread messages"))


def preview(message: MessageRow) -> str:
    if message.text and message.kind == "text":
        return message.text
    lines = content_lines(message)
    said = lines[0][1] if lines else ""
    return f"{said} {message.text}".strip() if message.text else said


class Attention(QObject):
    def __init__(self, conversations: Conversations, notifier: Notifier, spawn: Spawn, *,
                 focused: Callable[[], bool], previews: bool = True, sound: bool = False
                 ) -> None:
        super().__init__()
        self.conversations = conversations
        self.notifier = notifier
        self.spawn = spawn
        self.focused = focused
        self.previews = previews
        self.sound = sound
        self.unread = 0
        self._seen: int | None = None  # the newest message id already considered
        self._checking = False
        self._again = False
        conversations.changed.connect(lambda _changes: self.check())

    def check(self) -> None:
        if self._checking:
            self._again = True  # one more pass once this one ends
            return
        self.spawn(self._check())

    async def _check(self) -> None:
        self._checking = True
        try:
            while True:
                self._again = False
                await self._pass()
                if not self._again:
                    return
        finally:
            self._checking = False

    async def _pass(self) -> None:
        if self._seen is None:  # at start: what is already stored is not news
            self._seen = await self.conversations.last_message_id()
        fresh = await self.conversations.incoming_since(self._seen)
        if fresh:
            self._seen = max(m.id for m in fresh)
        self.unread = await self.conversations.unread_total()
        self.notifier.show_unread(self.unread)
        if not fresh or self.focused():
            return
        if self.sound:
            QApplication.beep()
        if len(fresh) > SUMMARY_AFTER:
            translate = QCoreApplication.translate
            self.notifier.notify(Notice(
                translate("attention", "{count} new messages").format(count=len(fresh)),
                translate("attention", "Open zapdesk to read them."), None))
            return
        for message in fresh:
            conversation = await self.conversations.conversation(message.conversation_id)
            if conversation is None or conversation.unread == 0:
                continue  # read meanwhile: no longer news
            name = title(conversation) if conversation.name else \
                (message.sender_name or format_phone(message.sender_phone or "")
                 or title(conversation))
            body = preview(message) if self.previews else \
                QCoreApplication.translate("attention", "New message")
            self.notifier.notify(Notice(name, body, conversation))
