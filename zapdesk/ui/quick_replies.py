"""Quick replies in the composer: ``/`` at the start of a word lists the account's quick
replies (matched without case or accents on shortcut and text), ↑/↓ move, Enter or Tab
puts the chosen one at the cursor with its variables filled in, Esc closes the list. What
is sent is checked once more: a variable that cannot be filled in is refused, saying
which, and never sent raw."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from zapdesk.controller.quick_replies import QuickReply
from zapdesk.core import errors
from zapdesk.core.phone import format_phone
from zapdesk.core.quick_reply_match import matching
from zapdesk.core.quick_reply_vars import (
    Context,
    UnknownVariable,
    expand,
    ready_to_send,
    used,
)
from zapdesk.ui.status import error_text

if TYPE_CHECKING:
    from zapdesk.ui.chat_page import ChatPage

log = logging.getLogger(__name__)
SHOWN_ROWS = 5


class QuickReplyPopup(QListWidget):
    """The matching replies, above the message box; the box keeps the focus."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(True)
        self.setAccessibleName(self.tr("Quick replies"))
        self.hide()

    def show_replies(self, replies: list[QuickReply]) -> None:
        self.clear()
        for reply in replies:
            preview = " ".join(reply.body.split())
            item = QListWidgetItem(f"/{reply.shortcut}  ·  {preview}", self)
            item.setData(Qt.ItemDataRole.UserRole, reply)
            item.setToolTip(reply.body)
        if replies:
            self.setCurrentRow(0)
            row = self.sizeHintForRow(0)
            row = row if row > 0 else self.fontMetrics().height() + 6
            height = row * min(len(replies), SHOWN_ROWS)
            self.setFixedHeight(height + 2 * self.frameWidth() + 2)
        self.setVisible(bool(replies))

    def move_by(self, step: int) -> None:
        if self.count():
            self.setCurrentRow((self.currentRow() + step) % self.count())

    def chosen(self) -> QuickReply | None:
        item = self.currentItem()
        found = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return found if isinstance(found, QuickReply) else None


class QuickReplyAssist(QObject):
    def __init__(self, page: ChatPage) -> None:
        super().__init__(page)
        self.page = page
        self.composer = composer = page.composer
        self.store = page.conversations.quick_replies
        self.clock: Callable[[], datetime] = datetime.now  # the local clock ({{saudacao}})
        self.replies: dict[str, list[QuickReply]] = {}  # per account, in the operator's order
        self._seeded: set[str] = set()
        self._dismissed: int | None = None  # where the "/" was when Esc closed the list
        self.popup = QuickReplyPopup(composer)
        layout = composer.layout()
        if isinstance(layout, QVBoxLayout):  # above the row with the box and its buttons
            layout.insertWidget(layout.count() - 2, self.popup)
        self.popup.itemClicked.connect(lambda _item: self.choose())
        composer.edit.intercept = self.key
        composer.prepare = self.prepare
        composer.edit.textChanged.connect(self.update)
        composer.edit.cursorPositionChanged.connect(self.update)
        self.store.changed.connect(self._changed)

    def account_id(self) -> str | None:
        return self.page.account.profile.id if self.page.account is not None else None

    # ---- the list --------------------------------------------------------------------
    def token(self) -> tuple[int, int, str] | None:
        """(start, end, query) of the ``/word`` the cursor is at the end of."""
        edit = self.composer.edit
        cursor = edit.textCursor()
        if cursor.hasSelection():
            return None
        text = edit.toPlainText()
        end = min(cursor.position(), len(text))  # mid-change the cursor may lag the text
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        word = text[start:end]
        return (start, end, word[1:]) if word.startswith("/") else None

    def update(self) -> None:
        found = self.token()
        account = self.account_id()
        if found is None or account is None or found[0] == self._dismissed:
            if found is None:
                self._dismissed = None
            self.popup.hide()
            return
        if account not in self.replies:
            self.page.spawn(self._load(account))
            return
        self.popup.show_replies(matching(self.replies[account], found[2]))

    async def _load(self, account_id: str) -> None:
        try:
            account = self.page.account
            if account is not None and account.demo and account_id not in self._seeded:
                self._seeded.add(account_id)  # the demo starts with a pt_BR starter set
                await self.store.add_starters(account_id)
            self.replies[account_id] = await self.store.listed(account_id)
        except errors.ZapdeskError as exc:  # no store: no quick replies this session
            log.warning("quick replies not loaded: %s", exc)
            return
        self.update()

    def _changed(self, account_id: str) -> None:
        self.replies.pop(account_id, None)
        if self.popup.isVisible():
            self.update()

    def key(self, event: QKeyEvent) -> bool:
        """The message box's keys while the list is open: True when taken."""
        if not self.popup.isVisible() or event.type() != QKeyEvent.Type.KeyPress:
            return False
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.popup.move_by(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab) \
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.choose()
            return True
        if key == Qt.Key.Key_Escape:
            found = self.token()
            self._dismissed = found[0] if found else None
            self.popup.hide()
            return True
        return False

    # ---- putting one in the box --------------------------------------------------------
    def choose(self) -> None:
        reply, found = self.popup.chosen(), self.token()
        self.popup.hide()
        if reply is not None and found is not None:
            self.page.spawn(self._insert(reply, found[0], found[1]))

    async def _insert(self, reply: QuickReply, start: int, end: int) -> None:
        try:
            context = await self.context(reply.body)
        except errors.ZapdeskError as exc:
            self.composer.show_problem(error_text(exc))
            return
        text = expand(reply.body, context)
        edit = self.composer.edit
        cursor = edit.textCursor()
        if cursor.position() != end or not edit.toPlainText()[start:end].startswith("/"):
            start = end = cursor.position()  # the box changed meanwhile: at the cursor
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
        edit.setTextCursor(cursor)
        try:  # a variable it cannot fill in: said now, and refused if sent as it is
            ready_to_send(text, context)
        except UnknownVariable as exc:
            self.composer.show_problem(error_text(exc))

    async def context(self, text: str) -> Context:
        page = self.page
        row = page.open_row
        number = self.composer.to or ""
        name = (row.name if row is not None and row.name else "") or (
            format_phone(number) if number else "")
        protocol = ""
        if row is not None and "protocolo" in used(text):
            protocol = await self.store.next_protocol(row.id)
        preferences = page.conversations.app.preferences
        instance = page.instance.name if page.instance is not None else ""
        return Context(name, preferences.operator_name, instance, self.clock(), protocol)

    async def prepare(self, text: str) -> str:
        """What is sent for ``text``: its variables filled in, or UnknownVariable."""
        if not used(text):
            return text
        return ready_to_send(text, await self.context(text))
