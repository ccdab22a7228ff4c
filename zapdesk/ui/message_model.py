"""A conversation's messages as a sliding window: only a few hundred rows are in the model
at once, paged in by keyset as the operator scrolls, so a 100,000-message conversation opens
and scrolls like a short one."""

from __future__ import annotations

import time
from datetime import datetime
from enum import IntEnum
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from zapdesk.controller.conversations import Conversations, Gap, MessageRow
from zapdesk.ui.failure_words import failure_tooltip
from zapdesk.ui.gap_marks import NO_MARKS, GapIndex, Marks

Index = QModelIndex | QPersistentModelIndex


class MessageRole(IntEnum):
    MESSAGE = Qt.ItemDataRole.UserRole + 1  # the MessageRow
    DAY_BREAK = Qt.ItemDataRole.UserRole + 2  # first message of its day: a date separator
    SHOW_SENDER = Qt.ItemDataRole.UserRole + 3  # a group message from a new author
    LAYOUT = Qt.ItemDataRole.UserRole + 4  # (row, DAY_BREAK, SHOW_SENDER, gap marks): one call


@lru_cache(maxsize=4096)
def day(seconds: int) -> tuple[int, int, int]:
    moment = datetime.fromtimestamp(seconds)
    return moment.year, moment.month, moment.day


LayoutArgs = tuple[MessageRow, bool, bool, Marks]  # (row, day break, show sender, gap marks)


def layout_args(previous: MessageRow | None, row: MessageRow, is_group: bool,
                gap_marks: Marks = NO_MARKS) -> LayoutArgs:
    """What decides a bubble's shape besides the row: a date separator when the day changes
    (or at the top of the window), the sender's name in groups once per run of one author,
    and where messages may be missing (``gap_marks``)."""
    day_break = previous is None or day(previous.at) != day(row.at)
    show_sender = is_group and not row.from_me and (
        previous is None or previous.from_me or previous.sender_jid != row.sender_jid
        or day_break)
    return row, day_break, show_sender, gap_marks


class MessageModel(QAbstractListModel):
    PAGE = 100
    WINDOW = 400  # rows kept; beyond it, the far end is dropped (and paged in again later)
    settled = Signal()  # rows came or went; the view lays out once, not per change

    def __init__(self, conversations: Conversations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.conversations = conversations
        self.rows: list[MessageRow] = []
        self.conversation_id: int | None = None
        self.account_id: str | None = None
        self.gaps: tuple[Gap, ...] = ()  # when this account's messages may be missing
        self._gap_index = GapIndex()
        self.is_group = False
        self.has_older = False
        self.has_newer = False
        self.busy = False
        self.last_load_ms = 0.0
        self.focus: int | None = None  # the row to show after opening (a search hit)
        # A page fetched ahead of need, with the edge row it continues from:
        # {"older"|"newer": (edge row, page)}. Used only while that row is still the edge.
        self._ahead: dict[str, tuple[MessageRow, list[MessageRow]]] = {}
        self._prefetching = False

    # ---- Qt ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == MessageRole.MESSAGE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text or ""
        if role in (MessageRole.LAYOUT, MessageRole.DAY_BREAK, MessageRole.SHOW_SENDER):
            position = index.row()
            previous = self.rows[position - 1] if position else None
            last = position == len(self.rows) - 1 and not self.has_newer
            args = layout_args(previous, row, self.is_group, self._gap_index.marks(
                previous.at if previous else None, row.at, last))
            if role == MessageRole.LAYOUT:
                return args
            _row, day_break, show_sender, _marks = args
            return day_break if role == MessageRole.DAY_BREAK else show_sender
        if role == Qt.ItemDataRole.ToolTipRole:
            # Why a failed message was not sent (first: it matters most); who sent it.
            said = [failure_tooltip(row), QCoreApplication.translate(
                "chat", "Sent by {name}").format(name=row.operator)
                if row.from_me and row.operator else None]
            return "\n".join(t for t in said if t) or None
        return None

    # ---- paging --------------------------------------------------------------------
    async def open(self, conversation_id: int, *, is_group: bool,
                   around: MessageRow | None = None, account_id: str | None = None) -> None:
        """The newest page, or the messages around ``around`` (a search hit)."""
        started = time.perf_counter()
        self.busy = True
        half = self.PAGE // 2
        try:
            found_gaps = await self.conversations.gaps(account_id) if account_id else ()
            if around is None:
                rows = await self.conversations.page(conversation_id, limit=self.PAGE)
                older, newer = len(rows) == self.PAGE, False
            else:
                before = await self.conversations.page(
                    conversation_id, before=(around.at, around.id + 1), limit=half)
                after = await self.conversations.page(
                    conversation_id, after=(around.at, around.id), limit=half)
                rows = before + after
                older, newer = len(before) == half, len(after) == half
        finally:
            self.busy = False
        self.beginResetModel()
        self._ahead.clear()
        self.conversation_id, self.is_group = conversation_id, is_group
        self.account_id, self.gaps = account_id, found_gaps
        self._gap_index = GapIndex(found_gaps)
        self.rows = rows
        self.has_older, self.has_newer = older, newer
        self.focus = next((n for n, r in enumerate(rows) if around and r.id == around.id), None)
        self.endResetModel()
        self.last_load_ms = (time.perf_counter() - started) * 1000

    def close(self) -> None:
        self.beginResetModel()
        self._ahead.clear()
        self.rows, self.conversation_id = [], None
        self.has_older = self.has_newer = False
        self.endResetModel()

    async def prefetch(self, direction: str) -> list[LayoutArgs]:
        """Fetch the next page towards ``direction`` ("older" or "newer") before the view
        needs it, so that reaching the edge costs no query; returns its rows with their
        layout arguments as they will stand once inserted (for the delegate to measure in
        idle time), or nothing when there is nothing to fetch or it is already fetched."""
        more = self.has_older if direction == "older" else self.has_newer
        if self.busy or self._prefetching or not more or not self.rows or \
                self.conversation_id is None:
            return []
        edge = self.rows[0] if direction == "older" else self.rows[-1]
        if direction in self._ahead and self._ahead[direction][0] == edge:
            return []
        conversation = self.conversation_id
        self._prefetching = True
        try:
            page = await self._fetch(conversation, direction, edge)
        finally:
            self._prefetching = False
        edge_now = (self.rows[0] if direction == "older" else self.rows[-1]) if self.rows \
            else None
        if conversation != self.conversation_id or edge_now != edge or not page:
            return []
        self._ahead[direction] = (edge, page)
        previous: MessageRow | None = None if direction == "older" else edge
        args = []
        for row in page:
            args.append(layout_args(previous, row, self.is_group))
            previous = row
        return args

    async def _fetch(self, conversation: int, direction: str, edge: MessageRow
                     ) -> list[MessageRow]:
        """The page beyond ``edge``: the one fetched ahead when it is still current."""
        ahead = self._ahead.pop(direction, None)
        if ahead is not None and ahead[0] == edge:
            return ahead[1]
        if direction == "older":
            return await self.conversations.page(conversation, before=(edge.at, edge.id),
                                                 limit=self.PAGE)
        return await self.conversations.page(conversation, after=(edge.at, edge.id),
                                             limit=self.PAGE)

    async def load_older(self) -> int:
        """Page in older messages at the top; returns how many came."""
        if self.busy or not self.has_older or not self.rows or self.conversation_id is None:
            return 0
        self.busy = True
        conversation, first = self.conversation_id, self.rows[0]
        try:
            older = await self._fetch(conversation, "older", first)
        finally:
            self.busy = False
        if conversation != self.conversation_id or not self.rows or self.rows[0] != first:
            return 0  # the conversation changed meanwhile: a late answer is dropped
        self.has_older = len(older) == self.PAGE
        if older:
            self.beginInsertRows(QModelIndex(), 0, len(older) - 1)
            self.rows[:0] = older
            self.endInsertRows()
            self._trim(keep_top=True)
            self.settled.emit()
        return len(older)

    async def load_newer(self) -> int:
        if self.busy or not self.has_newer or not self.rows or self.conversation_id is None:
            return 0
        self.busy = True
        conversation, last = self.conversation_id, self.rows[-1]
        try:
            newer = await self._fetch(conversation, "newer", last)
        finally:
            self.busy = False
        if conversation != self.conversation_id or not self.rows or self.rows[-1] != last:
            return 0
        self.has_newer = len(newer) == self.PAGE
        if newer:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(newer) - 1)
            self.rows.extend(newer)
            self.endInsertRows()
            self._trim(keep_top=False)
            self.settled.emit()
        return len(newer)

    def _trim(self, *, keep_top: bool) -> None:
        extra = len(self.rows) - self.WINDOW
        if extra <= 0:
            return
        if keep_top:  # drop the newest
            self.beginRemoveRows(QModelIndex(), self.WINDOW, len(self.rows) - 1)
            del self.rows[self.WINDOW:]
            self.endRemoveRows()
            self.has_newer = True
        else:  # drop the oldest
            self.beginRemoveRows(QModelIndex(), 0, extra - 1)
            del self.rows[:extra]
            self.endRemoveRows()
            self.has_older = True

    async def refresh(self) -> None:
        """Something in this conversation changed: statuses, edits, reactions, new messages.
        Re-read the window (and what follows it when it ends at the newest message)."""
        if self.busy or self.conversation_id is None:
            return
        self._ahead.clear()  # what was fetched ahead may be as stale as the window
        if not self.rows:
            await self.open(self.conversation_id, is_group=self.is_group)
            return
        conversation, first = self.conversation_id, self.rows[0]
        self.busy = True
        try:
            found_gaps = await self.conversations.gaps(self.account_id) if self.account_id \
                else ()
            fresh = await self.conversations.page(
                conversation, after=(first.at, first.id - 1),
                limit=len(self.rows) + (0 if self.has_newer else self.PAGE))
        finally:
            self.busy = False
        if conversation != self.conversation_id:
            return
        known = [r.id for r in self.rows]
        if [r.id for r in fresh[:len(known)]] != known or found_gaps != self.gaps:
            # a message was replaced (merged), or markers of missing messages moved
            self.beginResetModel()
            self.rows, self.gaps = fresh, found_gaps
            self._gap_index = GapIndex(found_gaps)
            self.endResetModel()
            return
        for position, (old, new) in enumerate(zip(self.rows, fresh, strict=False)):
            if old != new:
                self.rows[position] = new
                index = self.index(position)
                self.dataChanged.emit(index, index)
        extra = fresh[len(known):]
        if extra:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(extra) - 1)
            self.rows.extend(extra)
            self.endInsertRows()
            self._trim(keep_top=False)
            self.settled.emit()
