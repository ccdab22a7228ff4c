"""Painting a message: bubble, sender, quote, picture, content, footer with ticks, reactions.
Heights are computed once per message and width, then cached: the view asks often."""

from __future__ import annotations

import base64
import io
import zlib
from collections import OrderedDict
from typing import Any

from PIL import Image
from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from zapdesk.controller.conversations import MessageRow
from zapdesk.core.events import Tick
from zapdesk.ui import theme
from zapdesk.ui.message_layout import (
    GAP_PAD,
    WRAP_CENTRE,
    BubbleLayout,
    Fonts,
    day_label,
    layout,
    reactions_text,
    when,
)
from zapdesk.ui.message_model import LayoutArgs, MessageRole

Index = QModelIndex | QPersistentModelIndex
_CACHE = 4000
_SENDER_COLOURS = ("#1f7aec", "#d9480f", "#2b8a3e", "#ae3ec9", "#c92a2a", "#0b7285",
                   "#e67700", "#5f3dc4")


def sender_colour(jid: str | None, dark: bool) -> QColor:
    # crc32, not hash(): the same person keeps the same colour from one run to the next
    colour = QColor(_SENDER_COLOURS[zlib.crc32((jid or "").encode()) % len(_SENDER_COLOURS)])
    return colour.lighter(150) if dark else colour


def footer_text(row: MessageRow) -> str:
    translate = QCoreApplication.translate
    parts = []
    if row.from_me and row.status == Tick.FAILED:
        parts.append(translate("chat", "Not sent · double-click to retry"))
    if row.edited_at is not None and row.deleted_at is None:
        parts.append(translate("chat", "edited"))
    parts.append(when(row.at))
    return " · ".join(parts)


def footer_colour(row: MessageRow, palette: QPalette) -> QColor:
    """The time (and "Not sent") under a bubble: 4.5:1 or more on that bubble's colour."""
    if row.from_me and row.status == Tick.FAILED:
        return theme.pick(theme.FOOTER_FAILED, palette)
    return theme.pick(theme.FOOTER_OUT if row.from_me else theme.FOOTER_IN, palette)


def draw_ticks(painter: QPainter, x: float, y: float, status: int | None, grey: QColor,
               blue: QColor, red: QColor) -> None:
    """Delivery state drawn as paths, crisp at any scale and independent of fonts."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if status is None or status == Tick.PENDING:
        painter.setPen(QPen(grey, 1.3))
        painter.drawEllipse(QPointF(x + 7, y), 5, 5)
        painter.drawLine(QPointF(x + 7, y), QPointF(x + 7, y - 3))
        painter.drawLine(QPointF(x + 7, y), QPointF(x + 9.5, y))
    elif status == Tick.FAILED:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(red)
        painter.drawEllipse(QPointF(x + 7, y), 6, 6)
        painter.setPen(QPen(QColor("white"), 1.8))
        painter.drawLine(QPointF(x + 7, y - 3), QPointF(x + 7, y + 1))
        painter.drawPoint(QPointF(x + 7, y + 3))
    else:
        colour = blue if status >= Tick.READ else grey
        painter.setPen(QPen(colour, 1.6))
        count = 1 if status == Tick.SENT else 2
        for n in range(count):
            path = QPainterPath(QPointF(x + n * 4, y))
            path.lineTo(QPointF(x + 3 + n * 4, y + 3))
            path.lineTo(QPointF(x + 10 + n * 4, y - 4))
            painter.drawPath(path)
    painter.restore()


def draw_gap(painter: QPainter, note: QRect, said: str, palette: QPalette, font: QFont
             ) -> None:
    """A "messages may be missing" note across the timeline, outlined in the warning
    colour (its text in the ordinary one, which reads well on both themes)."""
    painter.setPen(QPen(theme.pick(theme.WARNING, palette), 1.5))
    painter.setBrush(theme.pick(theme.BUBBLE_IN, palette))
    painter.drawRoundedRect(note, 8, 8)
    painter.setFont(font)
    painter.setPen(palette.text().color())
    painter.drawText(note.adjusted(GAP_PAD, GAP_PAD, -GAP_PAD, -GAP_PAD), WRAP_CENTRE, said)


def decode_preview(data: str) -> QImage | None:
    """A preview from base64; None when it is not a picture. Pillow checks it first: a
    truncated JPEG (they happen in real traffic) would make Qt warn on every paint."""
    try:
        with Image.open(io.BytesIO(base64.b64decode(data, validate=False))) as picture:
            picture.thumbnail((640, 640))
            png = io.BytesIO()
            picture.convert("RGBA").save(png, "PNG")
    except (OSError, ValueError, SyntaxError):
        return None
    image = QImage.fromData(png.getvalue())
    return None if image.isNull() else image


class MessageDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        self._layouts: OrderedDict[tuple[Any, ...], BubbleLayout] = OrderedDict()
        self._thumbs: OrderedDict[int, QImage | None] = OrderedDict()
        self._fonts: Fonts | None = None

    def fonts(self) -> Fonts:
        font = self.view.font()
        if self._fonts is None or self._fonts.base != font:
            self._fonts = Fonts(font)
            self._layouts.clear()
        return self._fonts

    def clear(self) -> None:
        self._layouts.clear()

    # ---- measuring -----------------------------------------------------------------
    def thumbnail(self, row: MessageRow) -> QImage | None:
        if row.id in self._thumbs:
            self._thumbs.move_to_end(row.id)
            return self._thumbs[row.id]
        data = (row.media or {}).get("thumbnail")
        image = decode_preview(data) if data and row.kind in ("image", "video", "sticker") \
            else None
        self._thumbs[row.id] = image
        if len(self._thumbs) > 300:
            self._thumbs.popitem(last=False)
        return image

    def layout_of(self, index: Index, width: int) -> BubbleLayout:
        return self.layout_for(index.data(MessageRole.LAYOUT), width)

    def view_width(self) -> int:
        return self.view.viewport().width()

    def layout_for(self, args: LayoutArgs, width: int) -> BubbleLayout:
        row, day_break, show_sender, gaps = args
        # Cheap to build, and everything that changes a bubble's size is in it (the text
        # changes only with edited_at; the footer only with the failure and the edit).
        key = (row.id, width, day_break, show_sender, row.edited_at, row.deleted_at,
               row.status == Tick.FAILED, row.reactions, row.quote_text, gaps)
        found = self._layouts.get(key)
        if found is not None:
            return found
        image = self.thumbnail(row)
        size = (image.width(), image.height()) if image is not None else None
        found = layout(row, width, self.fonts(), day_break=day_break,
                       show_sender=show_sender, thumb_size=size, footer=footer_text(row),
                       gaps=gaps)
        self._layouts[key] = found
        if len(self._layouts) > _CACHE:
            self._layouts.popitem(last=False)
        return found

    def _width(self, option: QStyleOptionViewItem) -> int:
        width = option.rect.width()
        return width if width > 0 else self.view_width()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._width(option)
        return QSize(width, self.layout_of(index, width).height)

    # ---- painting ------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: MessageRow = index.data(MessageRole.MESSAGE)
        rect: QRect = option.rect
        shape = self.layout_of(index, rect.width())
        palette = self.view.palette()
        dark = theme.is_dark(palette)
        muted = theme.pick(theme.SECONDARY_TEXT, palette)
        text_colour = palette.text().color()
        f = self.fonts()
        painter.save()
        painter.translate(rect.topLeft())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for note, said in ((shape.gap_above, shape.gap_texts[0]),
                           (shape.gap_below, shape.gap_texts[1])):
            if note is not None and said:
                draw_gap(painter, note, said, palette, f["small"])
        if shape.day is not None:
            label = day_label(row.at)
            width = painter.fontMetrics().horizontalAdvance(label) + 24
            pill = QRect(shape.day.center().x() - width // 2, shape.day.y() + 5, width, 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.pick(theme.BUBBLE_IN, palette))
            painter.drawRoundedRect(pill, 8, 8)
            painter.setPen(muted)
            painter.setFont(f["small"])
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
        bubble = theme.pick(theme.BUBBLE_OUT if row.from_me else theme.BUBBLE_IN, palette)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bubble)
        painter.drawRoundedRect(shape.bubble, 8, 8)
        if shape.sender is not None:
            painter.setFont(f["bold"])
            painter.setPen(sender_colour(row.sender_jid, dark))
            painter.drawText(shape.sender, Qt.TextFlag.TextWordWrap,
                             row.sender_name or row.sender_phone or row.sender_jid or "")
        if shape.quote is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bubble.darker(112) if not dark else bubble.lighter(125))
            painter.drawRoundedRect(shape.quote, 4, 4)
            painter.setBrush(sender_colour(row.quote_sender, dark))
            painter.drawRect(QRect(shape.quote.x(), shape.quote.y(), 3, shape.quote.height()))
        image = self.thumbnail(row) if shape.thumbnail is not None else None
        if image is not None and shape.thumbnail is not None:
            painter.drawImage(shape.thumbnail, image)
        for line_rect, style, said in shape.lines:
            painter.setFont(f[style])
            painter.setPen(muted if style in ("muted", "small", "italic") else text_colour)
            painter.drawText(line_rect, Qt.TextFlag.TextWordWrap, said)
        if shape.body is not None:
            painter.setFont(f["plain"])
            painter.setPen(text_colour)
            painter.drawText(shape.body, Qt.TextFlag.TextWordWrap, row.text or "")
        if shape.footer is not None:
            red = theme.pick(theme.WARNING, palette)  # the failed mark: a shape, 3:1 is enough
            painter.setFont(f["small"])
            painter.setPen(footer_colour(row, palette))
            footer = shape.footer.adjusted(0, 0, -22 if row.from_me else 0, 0)
            painter.drawText(footer, Qt.AlignmentFlag.AlignRight, footer_text(row))
            if row.from_me:
                draw_ticks(painter, shape.footer.right() - 16,
                           shape.footer.center().y() + 1, row.status,
                           theme.pick(theme.FOOTER_OUT, palette),
                           theme.pick(theme.TICK_READ, palette), red)
        if shape.reactions is not None:
            painter.setPen(QPen(theme.pick(theme.CHAT_BACKGROUND, palette), 2))
            painter.setBrush(theme.pick(theme.BUBBLE_IN, palette))
            painter.drawRoundedRect(shape.reactions, 10, 10)
            painter.setFont(f["plain"])
            painter.setPen(text_colour)
            painter.drawText(shape.reactions, Qt.AlignmentFlag.AlignCenter, reactions_text(row))
        painter.restore()
