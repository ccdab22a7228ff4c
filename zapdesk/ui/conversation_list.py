"""The conversations of an instance (or the "needs reply" list across all of them):
name, last message, time, unread count, newest first."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimeZone,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from zapdesk.controller.conversations import ConversationRow
from zapdesk.core.phone import format_phone
from zapdesk.ui import badge, theme
from zapdesk.ui.message_delegate import sender_colour

Index = QModelIndex | QPersistentModelIndex
ROW_HEIGHT = 62


class ConversationRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1


def title(row: ConversationRow) -> str:
    if row.name:
        return row.name
    user = row.jid.split("@", 1)[0]
    return format_phone(user) if row.jid.endswith("@s.whatsapp.net") else user


def snippet(row: ConversationRow) -> str:
    translate = QCoreApplication.translate
    if row.last_kind in (None, "text"):
        return (row.last_text or "").replace("\n", " ")
    words = {"image": translate("chat", "🖼 Photo"), "video": translate("chat", "🎬 Video"),
             "audio": translate("chat", "🎤 Audio"), "document": translate("chat", "📄 Document"),
             "sticker": translate("chat", "🏷 Sticker"),
             "location": translate("chat", "📍 Location"),
             "contact": translate("chat", "👤 Contact"), "poll": translate("chat", "📊 Poll"),
             "unsupported": translate("chat", "Unsupported message")}
    word = words.get(row.last_kind, row.last_kind)
    return f"{word} {row.last_text}" if row.last_text else word


def short_time(seconds: int) -> str:
    if not seconds:
        return ""
    moment = QDateTime.fromSecsSinceEpoch(seconds, QTimeZone.systemTimeZone())
    today = QDateTime.currentDateTime().date()
    if moment.date() == today:
        return QLocale().toString(moment.time(), "HH:mm")
    return QLocale().toString(moment.date(), QLocale.FormatType.ShortFormat)


class ConversationModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ConversationRow] = []

    def set_rows(self, rows: list[ConversationRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ConversationRole.ROW:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return title(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return QCoreApplication.translate("chat", "{name}, {unread} unread: {last}").format(
                name=title(row), unread=row.unread, last=snippet(row))
        return None

    def position_of(self, conversation_id: int) -> int | None:
        return next((n for n, r in enumerate(self.rows) if r.id == conversation_id), None)


class ConversationDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: ConversationRow = index.data(ConversationRole.ROW)
        rect: QRect = option.rect
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.fillRect(rect, palette.highlight())
        text = palette.highlightedText().color() if selected else palette.text().color()
        muted = text if selected else theme.pick(theme.SECONDARY_TEXT, palette)
        # avatar
        avatar = QRect(rect.x() + 10, rect.y() + 11, 40, 40)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(sender_colour(row.jid, theme.is_dark(palette)))
        painter.drawEllipse(avatar)
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("white"))
        initial = next((ch for ch in title(row) if ch.isalpha()), None) or "#"
        painter.drawText(avatar, Qt.AlignmentFlag.AlignCenter, initial.upper())
        left = avatar.right() + 10
        right = rect.right() - 10
        when = short_time(row.last_at)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.85)
        when_width = QFontMetrics(small).horizontalAdvance(when)
        painter.setPen(text)
        name_rect = QRect(left, rect.y() + 10, right - left - when_width - 8, 20)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(title(row), Qt.TextElideMode.ElideRight,
                                                       name_rect.width()))
        painter.setFont(small)
        painter.setPen(muted if not row.unread or selected
                       else theme.status_color("connected", palette))
        painter.drawText(QRect(right - when_width, rect.y() + 10, when_width, 20),
                         Qt.AlignmentFlag.AlignVCenter, when)
        badge_width = 0
        if row.unread:
            badge_width = badge.width(QFontMetrics(small), row.unread, 20)
            badge.draw(painter, QRect(right - badge_width, rect.y() + 34, badge_width, 20),
                       row.unread, palette)
        painter.setFont(base)
        painter.setPen(muted)
        last_rect = QRect(left, rect.y() + 34, right - left - badge_width - 8, 20)
        painter.drawText(last_rect, Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(base).elidedText(snippet(row), Qt.TextElideMode.ElideRight,
                                                       last_rect.width()))
        painter.restore()
