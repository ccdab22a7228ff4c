"""Where each part of a message bubble goes, for a given width: one computation serves
both the height the view asks for and the painting, so they cannot disagree."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QRect, Qt, QTimeZone
from PySide6.QtGui import QFont, QFontMetrics

from zapdesk.controller.conversations import MessageRow
from zapdesk.core.phone import format_phone

PAD = 8  # inside the bubble
GAP = 3  # between lines of different kinds
MARGIN = 10  # bubble to the view's edges
DAY_HEIGHT = 30
REACTION_HEIGHT = 22
THUMB_WIDTH = 220
MAX_BUBBLE = 560
WRAP = Qt.TextFlag.TextWordWrap
WRAP_CENTRE = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter
GAP_PAD = 6  # around and inside a "messages may be missing" note


def when(seconds: int, fmt: str = "HH:mm") -> str:
    moment = QDateTime.fromSecsSinceEpoch(seconds, QTimeZone.systemTimeZone())
    return QLocale().toString(moment, fmt)


def day_label(seconds: int) -> str:
    moment = QDateTime.fromSecsSinceEpoch(seconds, QTimeZone.systemTimeZone())
    return QLocale().toString(moment.date(), QLocale.FormatType.LongFormat)


def file_size(size: int | None) -> str:
    if not size:
        return ""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def _duration(seconds: int | None) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds else ""


def content_lines(row: MessageRow) -> list[tuple[str, str]]:
    """What a non-text message says, as (style, text) lines: style "icon", "plain",
    "muted" or "italic". Media captions come after, as the body."""
    translate = QCoreApplication.translate
    media, extra = row.media or {}, row.extra or {}
    if row.deleted_at is not None:
        return [("italic", translate("chat", "🚫 This message was deleted"))]
    if row.kind == "image":
        return [("icon", translate("chat", "🖼 Photo"))] if not media.get("thumbnail") else []
    if row.kind == "sticker":
        return [("icon", translate("chat", "🏷 Sticker"))] if not media.get("thumbnail") else []
    if row.kind == "video":
        return [("icon", translate("chat", "🎬 Video {duration}").format(
            duration=_duration(media.get("seconds"))).strip())]
    if row.kind == "audio":
        word = translate("chat", "🎤 Voice message {duration}") if media.get("voice") else \
            translate("chat", "🎵 Audio {duration}")
        return [("icon", word.format(duration=_duration(media.get("seconds"))).strip())]
    if row.kind == "document":
        name = media.get("file_name") or translate("chat", "Document")
        size = file_size(media.get("size"))
        return [("icon", f"📄 {name}")] + ([("muted", size)] if size else [])
    if row.kind == "location":
        place = extra.get("location") or {}
        lines = [("icon", "📍 " + (place.get("name") or translate("chat", "Location")))]
        if place.get("address"):
            lines.append(("plain", place["address"]))
        lines.append(("muted", f"{place.get('latitude', 0):.5f}, "
                               f"{place.get('longitude', 0):.5f}"))
        if place.get("live"):
            lines.append(("muted", translate("chat", "Live location")))
        return lines
    if row.kind == "contact":
        lines = []
        for card in extra.get("contacts") or []:
            lines.append(("icon", "👤 " + (card.get("name") or translate("chat", "Contact"))))
            if card.get("phone"):
                lines.append(("muted", format_phone(card["phone"])))
        return lines or [("icon", translate("chat", "👤 Contact"))]
    if row.kind == "poll":
        poll = extra.get("poll") or {}
        return [("icon", "📊 " + (poll.get("question") or ""))] + \
            [("plain", f"○ {option}") for option in poll.get("options") or []]
    if row.kind == "unsupported":
        return [("italic", translate("chat", "Unsupported message ({what})").format(
            what=extra.get("unsupported") or row.kind))]
    return []


def body_text(row: MessageRow) -> str | None:
    if row.deleted_at is not None or row.kind in ("location", "contact", "poll", "unsupported"):
        return None
    return row.text or None


def reactions_text(row: MessageRow) -> str:
    counts = Counter(emoji for _, emoji in row.reactions)
    return "  ".join(f"{emoji} {n}" if n > 1 else emoji for emoji, n in counts.items())


@dataclass
class BubbleLayout:
    height: int
    bubble: QRect
    day: QRect | None = None
    sender: QRect | None = None
    quote: QRect | None = None
    thumbnail: QRect | None = None
    lines: list[tuple[QRect, str, str]] = field(default_factory=list)
    body: QRect | None = None
    footer: QRect | None = None
    reactions: QRect | None = None
    gap_above: QRect | None = None  # "messages may be missing" before this message
    gap_below: QRect | None = None  # ... after it (the newest message)
    gap_texts: tuple[str | None, str | None] = (None, None)


class Fonts:
    """The bubble's fonts and their metrics, made once per base font (making them for every
    message measured cost more than the measuring)."""

    def __init__(self, base: QFont) -> None:
        bold, italic, small = QFont(base), QFont(base), QFont(base)
        bold.setBold(True)
        italic.setItalic(True)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.82))
        self.base = QFont(base)
        self.fonts = {"plain": base, "icon": base, "bold": bold, "italic": italic,
                      "muted": small, "small": small}
        self.metrics = {k: QFontMetrics(v) for k, v in self.fonts.items()}

    def __getitem__(self, style: str) -> QFont:
        return self.fonts[style]


def gap_rect(text: str, width: int, y: int, fonts: Fonts) -> QRect:
    """A centred note across the timeline, wrapped to at most the widest bubble."""
    room = max(80, min(width - 2 * MARGIN, MAX_BUBBLE + 80) - 2 * GAP_PAD)
    bound = fonts.metrics["small"].boundingRect(QRect(0, 0, room, 100_000), WRAP_CENTRE, text)
    w, h = bound.width() + 2 * GAP_PAD + 1, bound.height() + 2 * GAP_PAD
    return QRect((width - w) // 2, y + GAP_PAD, w, h)


def layout(row: MessageRow, width: int, fonts: Fonts, *, day_break: bool, show_sender: bool,
           thumb_size: tuple[int, int] | None, footer: str,
           gaps: tuple[str | None, str | None] = (None, None)) -> BubbleLayout:
    metrics = fonts.metrics
    inner_max = min(int(width * 0.72), MAX_BUBBLE) - 2 * PAD
    y = GAP
    above = None
    if gaps[0]:
        above = gap_rect(gaps[0], width, y, fonts)
        y = above.bottom() + 1 + GAP_PAD
    day = None
    if day_break:
        day = QRect(0, y, width, DAY_HEIGHT)
        y += DAY_HEIGHT
    parts: list[tuple[str, QRect, str, str]] = []  # (kind, rect relative to content, style, text)
    cy = 0
    content_width = 0

    def add(kind: str, style: str, text: str, rect_width: int | None = None,
            height: int | None = None) -> None:
        nonlocal cy, content_width
        if height is None:
            bound = metrics[style].boundingRect(QRect(0, 0, inner_max, 100_000), WRAP, text)
            rect_width, height = bound.width() + 1, bound.height()
        assert rect_width is not None
        parts.append((kind, QRect(0, cy, rect_width, height), style, text))
        cy += height + GAP
        content_width = max(content_width, rect_width)

    if show_sender:
        add("sender", "bold", row.sender_name or format_phone(row.sender_phone or "") or
            (row.sender_jid or ""))
    if row.quote_id and row.deleted_at is None:
        quoted = row.quote_text or QCoreApplication.translate("chat", "(earlier message)")
        bound = metrics["small"].boundingRect(QRect(0, 0, inner_max - 12, 100_000), WRAP,
                                              quoted)
        height = min(bound.height(), metrics["small"].lineSpacing() * 2) + 8
        add("quote", "small", quoted, min(inner_max, bound.width() + 20), height)
    if thumb_size and row.deleted_at is None:
        w = min(THUMB_WIDTH, inner_max)
        h = max(40, min(320, int(w * thumb_size[1] / max(1, thumb_size[0]))))
        add("thumbnail", "plain", "", w, h)
    for style, line in content_lines(row):
        add("line", style, line)
    body = body_text(row)
    if body:
        add("body", "plain", body)
    footer_width = metrics["small"].horizontalAdvance(footer) + (22 if row.from_me else 0)
    content_width = max(content_width, footer_width)
    footer_height = metrics["small"].height()
    inner_height = cy + footer_height
    bubble_width = content_width + 2 * PAD
    x = width - MARGIN - bubble_width if row.from_me else MARGIN
    bubble = QRect(x, y, bubble_width, inner_height + 2 * PAD)
    result = BubbleLayout(0, bubble, day, gap_above=above, gap_texts=gaps)
    for kind, rect, style, said in parts:
        placed = rect.translated(x + PAD, y + PAD)
        if kind == "sender":
            result.sender = placed
        elif kind == "quote":
            result.quote = QRect(placed.x(), placed.y(), content_width, placed.height())
            result.lines.append((placed.adjusted(10, 4, -4, -4), style, said))
        elif kind == "thumbnail":
            result.thumbnail = placed
        elif kind == "body":
            result.body = placed
        else:
            result.lines.append((placed, style, said))
    result.footer = QRect(x + PAD, y + PAD + cy, content_width, footer_height)
    y = bubble.bottom() + 1
    if row.reactions:
        reaction_width = metrics["plain"].horizontalAdvance(reactions_text(row)) + 16
        rx = bubble.right() - reaction_width - 6 if row.from_me else bubble.left() + 6
        result.reactions = QRect(rx, y - 4, reaction_width, REACTION_HEIGHT)
        y += REACTION_HEIGHT - 2
    if gaps[1]:
        result.gap_below = gap_rect(gaps[1], width, y, fonts)
        y = result.gap_below.bottom() + 1 + GAP_PAD
    result.height = y + GAP
    return result
