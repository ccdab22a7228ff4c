"""The conversations of an instance (or the "needs reply" list across all of them):
name, last message, time, unread count, newest first."""

from __future__ import annotations

from collections.abc import Callable
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
WHERE_HEIGHT = 18  # the extra line naming the instance and account


class ConversationRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1
    WHERE = Qt.ItemDataRole.UserRole + 2  # "Vendas · Loja Centro", or None


def title(row: ConversationRow) -> str:
    if row.name:
        return row.name
    user = row.jid.split("@", 1)[0]
    if row.jid.endswith("@lid"):  # digits that are not a phone number: never shown as one
        return QCoreApplication.translate("chat", "Private ID {id}").format(id=user)
    return format_phone(user) if row.jid.endswith("@s.whatsapp.net") else user


def snippet(row: ConversationRow) -> str:
    return kind_text(row.last_kind, row.last_text)


def kind_text(kind: str | None, text: str | None) -> str:
    """A message in one line: its text, or what it is (with its caption)."""
    translate = QCoreApplication.translate
    if kind in (None, "text"):
        return (text or "").replace("\n", " ")
    words = {"image": translate("chat", "🖼 Photo"), "video": translate("chat", "🎬 Video"),
             "audio": translate("chat", "🎤 Audio"), "document": translate("chat", "📄 Document"),
             "sticker": translate("chat", "🏷 Sticker"),
             "location": translate("chat", "📍 Location"),
             "contact": translate("chat", "👤 Contact"), "poll": translate("chat", "📊 Poll"),
             "unsupported": translate("chat", "Unsupported message"),
             "deleted": translate("chat", "🚫 This message was deleted")}
    word = words.get(kind, kind)
    return f"{word} {text.replace(chr(10), ' ')}" if text else word


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
        self.where: Callable[[ConversationRow], str] | None = None

    def set_rows(self, rows: list[ConversationRow],
                 where: Callable[[ConversationRow], str] | None = None) -> None:
        """``where`` names each row's instance and account (lists across instances)."""
        self.beginResetModel()
        self.rows = rows
        self.where = where
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ConversationRole.ROW:
            return row
        if role == ConversationRole.WHERE:
            return self.where(row) if self.where is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return title(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            translate = QCoreApplication.translate
            said = translate("chat", "{name}, {unread} unread: {last}").format(
                name=title(row), unread=row.unread, last=snippet(row))
            return f"{said} ({self.where(row)})" if self.where is not None else said
        return None

    def position_of(self, conversation_id: int) -> int | None:
        return next((n for n, r in enumerate(self.rows) if r.id == conversation_id), None)


# ---- the pieces of a row, shared with the search results ---------------------------
def row_colours(option: QStyleOptionViewItem) -> tuple[QColor, QColor]:
    """(text, muted) for a row, painting the selection's background when selected."""
    palette = option.palette
    if option.state & QStyle.StateFlag.State_Selected:
        return palette.highlightedText().color(), palette.highlightedText().color()
    return palette.text().color(), theme.pick(theme.SECONDARY_TEXT, palette)


def paint_avatar(painter: QPainter, rect: QRect, jid: str, name: str, option:
                 QStyleOptionViewItem) -> None:
    """The contact's coloured circle with the first letter of its name."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(sender_colour(jid, theme.is_dark(option.palette)))
    painter.drawEllipse(rect)
    bold = QFont(option.font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(QColor("white"))
    initial = next((ch for ch in name if ch.isalpha()), None) or "#"
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initial.upper())


def small_font(base: QFont) -> QFont:
    small = QFont(base)
    small.setPointSizeF(base.pointSizeF() * 0.85)
    return small


def paint_heading(painter: QPainter, option: QStyleOptionViewItem, left: int, right: int,
                  top: int, name: str, when: str, when_colour: QColor) -> None:
    """The bold name, elided, and the time on the right."""
    text, _muted = row_colours(option)
    bold = QFont(option.font)
    bold.setBold(True)
    small = small_font(option.font)
    when_width = QFontMetrics(small).horizontalAdvance(when)
    painter.setFont(bold)
    painter.setPen(text)
    name_rect = QRect(left, top, right - left - when_width - 8, 20)
    painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter,
                     QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight,
                                                   name_rect.width()))
    painter.setFont(small)
    painter.setPen(when_colour)
    painter.drawText(QRect(right - when_width, top, when_width, 20),
                     Qt.AlignmentFlag.AlignVCenter, when)


def paint_where(painter: QPainter, option: QStyleOptionViewItem, rect: QRect, where: str
                ) -> None:
    """Which instance and account a row belongs to, small and muted."""
    _text, muted = row_colours(option)
    small = small_font(option.font)
    painter.setFont(small)
    painter.setPen(muted)
    painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter,
                     QFontMetrics(small).elidedText(where, Qt.TextElideMode.ElideRight,
                                                    rect.width()))


class ConversationDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, ROW_HEIGHT + (WHERE_HEIGHT if index.data(ConversationRole.WHERE)
                                        else 0))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: ConversationRow = index.data(ConversationRole.ROW)
        where: str | None = index.data(ConversationRole.WHERE)
        rect: QRect = option.rect
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.fillRect(rect, palette.highlight())
        _text, muted = row_colours(option)
        shift = WHERE_HEIGHT if where else 0
        paint_avatar(painter, QRect(rect.x() + 10, rect.y() + 11 + shift // 2, 40, 40),
                     row.jid, title(row), option)
        left = rect.x() + 60
        right = rect.right() - 10
        paint_heading(painter, option, left, right, rect.y() + 10, title(row),
                      short_time(row.last_at), muted if not row.unread or selected
                      else theme.status_color("connected", palette))
        if where:
            paint_where(painter, option, QRect(left, rect.y() + 30, right - left, 18), where)
        small = small_font(option.font)
        badge_width = 0
        if row.unread:
            badge_width = badge.width(QFontMetrics(small), row.unread, 20)
            painter.setFont(small)
            badge.draw(painter, QRect(right - badge_width, rect.y() + 34 + shift, badge_width,
                                      20), row.unread, palette)
        base = QFont(option.font)
        painter.setFont(base)
        painter.setPen(muted)
        last_rect = QRect(left, rect.y() + 34 + shift, right - left - badge_width - 8, 20)
        painter.drawText(last_rect, Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(base).elidedText(snippet(row), Qt.TextElideMode.ElideRight,
                                                       last_rect.width()))
        painter.restore()
