"""The unread-count badge, drawn alike in the instance list and the conversation list."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette

from zapdesk.ui import theme

# WhatsApp's green, with text that keeps a contrast of 4.5:1 or more in either theme
# (white on the dark theme's lighter green was under 2:1).
FILL = ("#1e8e3e", "#00a884")
TEXT = ("#ffffff", "#0b141a")


def label(count: int) -> str:
    return str(count) if count < 1000 else "999+"


def width(metrics: QFontMetrics, count: int, minimum: int) -> int:
    return max(minimum, metrics.horizontalAdvance(label(count)) + 12)


def draw(painter: QPainter, rect: QRect, count: int, palette: QPalette) -> None:
    """A rounded badge with ``count``, in the painter's current font."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.pick(FILL, palette))
    radius = rect.height() / 2
    painter.drawRoundedRect(rect, radius, radius)
    painter.setPen(theme.pick(TEXT, palette))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label(count))
    painter.restore()
