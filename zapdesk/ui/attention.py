"""Being told: the unread total in the tray and the window title, a desktop notification
for each new message while the window is not focused (a click opens the conversation),
previews hidden when the operator prefers, and an optional sound."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from zapdesk.controller.conversations import ConversationRow, Conversations, MessageRow
from zapdesk.core.phone import format_phone
from zapdesk.ui.app_icon import app_icon
from zapdesk.ui.conversation_list import title
from zapdesk.ui.dialogs import Spawn
from zapdesk.ui.freedesktop import FreedesktopNotifications
from zapdesk.ui.main_window import bring_to_front
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
    def withdraw(self, conversation_id: int) -> None: ...


def tray_icon(total: int) -> QIcon:
    """The app's mark with the unread count on it."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.drawPixmap(0, 0, app_icon().pixmap(64, 64))
    font = QFont()
    font.setBold(True)
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
    """Desktop notifications (withdrawable, on Linux desktops) or the tray's balloons, the
    tray icon where there is a tray, and the count in the window title anyway."""

    clicked = Signal(object)  # the ConversationRow of the notification clicked

    def __init__(self, window: QWidget, spawn: Spawn) -> None:
        super().__init__(window)
        self.window = window
        self.spawn = spawn
        self.tray: QSystemTrayIcon | None = None
        self.desktop: FreedesktopNotifications | None = None
        self._last: ConversationRow | None = None
        self._shown: dict[int, tuple[ConversationRow, list[int]]] = {}  # by conversation
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(tray_icon(0), self)
            self.tray.messageClicked.connect(lambda: self.clicked.emit(self._last))
            self.tray.activated.connect(self._activated)
            self.tray.show()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason != QSystemTrayIcon.ActivationReason.Context:  # that one opens the menu
            bring_to_front(self.window)

    async def attach_desktop(self) -> None:
        """Use the desktop's notification service when one answers."""
        self.desktop = await FreedesktopNotifications.connect(self._desktop_clicked)

    async def close(self) -> None:
        if self.desktop is not None:
            desktop, self.desktop = self.desktop, None
            await desktop.close()

    def _desktop_clicked(self, notification_id: int) -> None:
        for conversation, ids in self._shown.values():
            if notification_id in ids:
                self.clicked.emit(conversation)
                return

    def notify(self, notice: Notice) -> None:
        self._last = notice.conversation
        if self.desktop is not None:
            self.spawn(self._notify_desktop(self.desktop, notice))
        elif self.tray is not None:
            self.tray.showMessage(notice.title, notice.body, tray_icon(0), 8000)

    async def _notify_desktop(self, desktop: FreedesktopNotifications, notice: Notice
                              ) -> None:
        notification_id = await desktop.notify(
            notice.title, notice.body, QCoreApplication.translate("attention", "Open"))
        if notice.conversation is not None:
            _row, ids = self._shown.setdefault(notice.conversation.id,
                                               (notice.conversation, []))
            ids.append(notification_id)

    def withdraw(self, conversation_id: int) -> None:
        """The conversation was read: its notifications go away."""
        _row, ids = self._shown.pop(conversation_id, (None, []))
        if self.desktop is not None:
            for notification_id in ids:
                self.spawn(self.desktop.withdraw(notification_id))

    def show_unread(self, total: int) -> None:
        translate = QCoreApplication.translate
        self.window.setWindowTitle(
            translate("attention", "zapdesk ({count} unread)").format(count=total)
            if total else translate("attention", "zapdesk"))
        if self.tray is not None:
            self.tray.setIcon(tray_icon(total))
            self.tray.setToolTip(
                translate("attention", "No unread messages") if total == 0 else
                translate("attention", "1 unread message") if total == 1 else
                translate("attention", "{count} unread messages").format(count=total))


def preview(message: MessageRow) -> str:
    if message.deleted_at is not None:  # deleted before it arrived: never what it said
        return content_lines(message)[0][1]
    if message.text and message.kind == "text":
        return message.text
    lines = content_lines(message)
    said = lines[0][1] if lines else ""
    return f"{said} {message.text}".strip() if message.text else said


class Attention(QObject):
    # {(account id, instance id): unread}, after every change: the instance list's badges
    unread_changed = Signal(object)

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
        self.unread_by_instance: dict[tuple[str, str], int] = {}
        self._seen: int | None = None  # the newest message id already considered
        self._notified: set[int] = set()  # conversations with notifications showing
        self._started = time.time()  # messages stored before this are not news
        self._checking = False
        self._again = False
        conversations.changed.connect(lambda _changes: self.check())

    @property
    def unread(self) -> int:
        return sum(self.unread_by_instance.values())

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
        if self._seen is None:  # the first pass: only what came since zapdesk started
            fresh = await self.conversations.incoming_since(0, self._started)
            self._seen = max((m.id for m in fresh), default=0) or \
                await self.conversations.last_message_id()
        else:
            fresh = await self.conversations.incoming_since(self._seen)
        if fresh:
            self._seen = max(m.id for m in fresh)
        counts = await self.conversations.unread_counts()
        changed, self.unread_by_instance = counts != self.unread_by_instance, counts
        self.notifier.show_unread(self.unread)
        if changed:
            self.unread_changed.emit(counts)
        for conversation_id in list(self._notified):  # read since: take them back
            row = await self.conversations.conversation(conversation_id)
            if row is None or row.unread == 0:
                self._notified.discard(conversation_id)
                self.notifier.withdraw(conversation_id)
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
            self._notified.add(conversation.id)
