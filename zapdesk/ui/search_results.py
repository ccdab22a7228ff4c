"""Search results drawn like the conversation list: the chat's name and the message's date,
the instance and account, and the message wrapped over a few lines with what matched
marked (without case or accents, as the index matches)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QPainter, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from zapdesk.controller.account import AccountController
from zapdesk.controller.conversations import ConversationRow, MessageRow
from zapdesk.core.match import Span, matches
from zapdesk.ui import theme
from zapdesk.ui.conversation_list import (
    Index,
    kind_text,
    paint_avatar,
    paint_heading,
    paint_where,
    row_colours,
    short_time,
    title,
)

MAX_LINES = 3
LEAD = 40  # characters kept before the first match when a long message is cut
LEFT = 60  # where the text starts: after the avatar, as in the conversation list
TOP = 10 + 20 + 18  # heading and "where" lines above the snippet


@dataclass(frozen=True)
class SearchHit:
    chat: ConversationRow
    message: MessageRow
    where: str  # "Vendas · Loja Centro"


class SearchRole:
    HIT = Qt.ItemDataRole.UserRole + 1
    SNIPPET = Qt.ItemDataRole.UserRole + 2  # the text shown under the heading
    MARKED = Qt.ItemDataRole.UserRole + 3  # [(start, length)] of SNIPPET that matched


def where_text(accounts: list[AccountController], row: ConversationRow) -> str:
    """"Vendas · Loja Centro": the instance's and the account's names as shown elsewhere."""
    account = next((a for a in accounts if a.profile.id == row.account_id), None)
    instance = account.instance(row.instance) if account is not None else None
    name = instance.name if instance is not None else row.instance_name or row.instance
    if account is None:
        return name
    return QCoreApplication.translate("chat", "{instance} · {account}").format(
        instance=name, account=account.name)


def shown_text(hit: SearchHit, query: str) -> tuple[str, list[Span]]:
    """The line under the heading ("You: …", a group member's name, or the text alone),
    cut to start near the first match, and where the query matched in it."""
    translate = QCoreApplication.translate
    message = hit.message
    body = kind_text(message.kind, message.text)
    spans = matches(body, query)
    if spans and spans[0][0] > LEAD:
        cut = body.rfind(" ", 0, spans[0][0] - LEAD // 2) + 1 or spans[0][0] - LEAD // 2
        body = "…" + body[cut:]
        spans = [(start - cut + 1, length) for start, length in spans if start >= cut]
    if message.from_me:
        who = translate("chat", "You")
    elif hit.chat.jid.endswith("@g.us"):
        who = message.sender_name or message.sender_phone or ""
    else:
        who = ""
    prefix = translate("chat", "{who}: ").format(who=who) if who else ""
    return prefix + body, [(start + len(prefix), length) for start, length in spans]


def utf16(text: str, position: int) -> int:
    """A str index as Qt counts it (UTF-16 units: an emoji takes two)."""
    return len(text[:position].encode("utf-16-le")) // 2


class SearchModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []
        self.query = ""
        self._shown: list[tuple[str, list[Span]]] = []

    def set_hits(self, hits: list[SearchHit], query: str) -> None:
        self.beginResetModel()
        self.hits, self.query = hits, query
        self._shown = [shown_text(hit, query) for hit in hits]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.hits):
            return None
        hit = self.hits[index.row()]
        text, spans = self._shown[index.row()]
        if role == SearchRole.HIT:
            return hit
        if role == SearchRole.SNIPPET:
            return text
        if role == SearchRole.MARKED:
            return spans
        if role == Qt.ItemDataRole.DisplayRole:
            return title(hit.chat)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return QCoreApplication.translate("chat", "{name}, {where}, {when}: {text}").format(
                name=title(hit.chat), where=hit.where, when=short_time(hit.message.at),
                text=text)
        return None


class SearchDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def _layout(self, index: Index, font: QFont, width: int) -> QTextLayout:
        text: str = index.data(SearchRole.SNIPPET)
        spans: list[Span] = index.data(SearchRole.MARKED)
        layout = QTextLayout(text, font)
        palette = self.view.palette()
        marked = QTextCharFormat()
        marked.setBackground(theme.pick(theme.SEARCH_MARK, palette))
        marked.setForeground(theme.pick(theme.SEARCH_MARK_TEXT, palette))
        marked.setFontWeight(QFont.Weight.Bold)
        ranges = []
        for start, length in spans:
            found = QTextLayout.FormatRange()
            found.start = utf16(text, start)
            found.length = utf16(text, start + length) - found.start
            found.format = marked
            ranges.append(found)
        layout.setFormats(ranges)
        option = layout.textOption()
        option.setWrapMode(option.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        y = 0.0
        for _n in range(MAX_LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout

    def _text_width(self) -> int:
        return self.view.viewport().width() - LEFT - 10

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        layout = self._layout(index, option.font, self._text_width())
        height = layout.boundingRect().height()
        return QSize(self.view.viewport().width(), TOP + int(height) + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit: SearchHit = index.data(SearchRole.HIT)
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.fillRect(rect, option.palette.highlight())
        text, muted = row_colours(option)
        paint_avatar(painter, QRect(rect.x() + 10, rect.y() + 11, 40, 40), hit.chat.jid,
                     title(hit.chat), option)
        left, right = rect.x() + LEFT, rect.right() - 10
        paint_heading(painter, option, left, right, rect.y() + 10, title(hit.chat),
                      short_time(hit.message.at), muted)
        paint_where(painter, option, QRect(left, rect.y() + 30, right - left, 18), hit.where)
        layout = self._layout(index, QFont(option.font), right - left)
        painter.setPen(text)
        layout.draw(painter, QPointF(left, rect.y() + TOP + 2))
        painter.restore()


def results_view(model: SearchModel, parent: QWidget) -> QListView:
    """A list of hits that wraps to its width: never a horizontal scrollbar."""
    view = QListView(parent)
    view.setModel(model)
    view.setItemDelegate(SearchDelegate(view))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setWordWrap(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return view

