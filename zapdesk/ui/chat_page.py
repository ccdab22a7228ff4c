"""An instance's conversations: the list (or search results, or "needs reply" across every
account), the open conversation with its header, and the composer."""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zapdesk.controller.account import AccountController
from zapdesk.controller.conversations import (
    Changes,
    ConversationRow,
    Conversations,
    DraftKey,
    MessageRow,
)
from zapdesk.core import errors
from zapdesk.core.models import Instance, Status
from zapdesk.core.phone import format_phone
from zapdesk.ui import chat_identity, theme
from zapdesk.ui.chat_empty import NoConversation
from zapdesk.ui.chat_view import ChatView
from zapdesk.ui.chip import Chip
from zapdesk.ui.composer import Composer
from zapdesk.ui.conversation_list import (
    ConversationDelegate,
    ConversationModel,
    ConversationRole,
    snippet,
    title,
)
from zapdesk.ui.dialogs import Spawn
from zapdesk.ui.failure_words import failure_notice
from zapdesk.ui.listener_banner import ListenerBanner
from zapdesk.ui.message_model import MessageModel
from zapdesk.ui.presence import presence_text
from zapdesk.ui.quick_replies import QuickReplyAssist
from zapdesk.ui.search_results import (
    SearchHit,
    SearchModel,
    SearchRole,
    results_view,
    where_text,
)
from zapdesk.ui.status import error_text

log = logging.getLogger(__name__)
Where = tuple[AccountController | None, str | None, int | None]


class ChatPage(QWidget):
    # (account id, instance id, conversation id): a "needs reply" row of another instance
    select_requested = Signal(str, str, int)
    status_message = Signal(str)  # for the status bar: a message just failed, and why

    def __init__(self, conversations: Conversations, spawn: Spawn,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        self.conversations = conversations
        self.spawn = spawn
        self.account: AccountController | None = None
        self.instance: Instance | None = None
        self._followed: AccountController | None = None  # whose changes update the composer
        self.open_row: ConversationRow | None = None
        self._pending_open: int | None = None
        self.confirm: QMessageBox | None = None
        # the left column
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("chat", "Search all messages"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_later)
        self.needs_reply = Chip(translate("chat", "Needs reply"), self)
        self.needs_reply.setToolTip(translate("chat", "Conversations waiting for an answer, across "
                                              "every account and instance"))
        self.needs_reply.toggled.connect(lambda _on: self.reload())
        self.list_model = ConversationModel(self)
        self.list = QListView(self)
        self.list.setModel(self.list_model)
        self.list.setItemDelegate(ConversationDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.clicked.connect(self._clicked)
        self.list.activated.connect(self._clicked)
        self.results_model = SearchModel(self)
        self.results = results_view(self.results_model, self)
        self.results.activated.connect(self._result_chosen)
        self.results.clicked.connect(self._result_chosen)
        self.no_match = QLabel(self)
        self.no_match.setWordWrap(True)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty = QLabel(translate("chat", "No conversations yet. Messages arrive here as "
                                      "ZapFlare delivers them."), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lists = QStackedWidget(self)
        for widget in (self.list, self.results, self.empty, self.no_match):
            self.lists.addWidget(widget)
        self.new_button = QPushButton(translate("chat", "New conversation"), self)
        self.new_button.clicked.connect(self.new_conversation)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.needs_reply)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.lists, 1)
        left_layout.addWidget(self.new_button)
        # the right column
        self.header = QLabel(self)
        bold = self.header.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.header.setFont(bold)
        self.subtitle = QLabel(self)
        self.messages = MessageModel(conversations, self)
        self.view = ChatView(self.messages, spawn, self)
        self.view.retry_requested.connect(self._retry)
        self.composer = Composer(spawn, self)
        self.composer.send_text = self._send_text
        self.composer.send_media = self._send_media
        self.composer.signature.preferences = conversations.app.preferences
        self.quick_replies = QuickReplyAssist(self)  # "/" in the box
        self.composer.draft_changed.connect(
            lambda key, text: self.spawn(self._save_draft(key, text)))
        self._drafts_loaded = False
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.subtitle)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.notice)
        right_layout.addWidget(self.composer)
        # Until a conversation is chosen (or a new one asked for): "Select a conversation".
        self.nothing = NoConversation(self)
        self.nothing.new_button.clicked.connect(self.new_conversation)
        self.conversation = right
        self.chat_side = QStackedWidget(self)
        self.chat_side.addWidget(self.nothing)
        self.chat_side.addWidget(right)
        self.splitter = splitter = QSplitter(self)  # sized by the console (ui/panes.py)
        splitter.addWidget(left)
        splitter.addWidget(self.chat_side)
        # Where the conversations would be: says so, and why, while none can arrive.
        self.banner = ListenerBanner(conversations.app, spawn, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self._reload_timer = QTimer(self)  # bursts of webhooks: one reload per 100 ms
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(100)
        self._reload_timer.timeout.connect(self.reload)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.reload)
        self._presence_timer = QTimer(self)  # "typing…" goes stale without any event
        self._presence_timer.setInterval(5000)
        self._presence_timer.timeout.connect(lambda: self.spawn(self._update_header()))
        conversations.changed.connect(self._changed)
        # zapdesk was closed, or an account went quiet: the open timeline marks it
        conversations.gaps_changed.connect(
            lambda: self.spawn(self._refresh_open()) if self.open_row is not None else None)
        conversations.send_failed.connect(
            lambda to, failure: self.status_message.emit(failure_notice(failure, format_phone(to))))
        # Coming back to the window reads the conversation that is open in it.
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state)
        self._show_nothing()

    # ---- what is shown --------------------------------------------------------------
    def show_instance(self, account: AccountController, instance: Instance) -> None:
        same = self.account is account and self.instance is not None \
            and self.instance.id == instance.id
        self.account, self.instance = account, instance
        self._follow(account)
        if not self._drafts_loaded:
            self._drafts_loaded = True
            self.spawn(self._load_drafts())
        self._update_blocked()
        if not same:
            self.open_row = None
            self.messages.close()
            self._show_nothing()
            self.reload()
        self._presence_timer.start()

    def _follow(self, account: AccountController | None) -> None:
        if self._followed is account:
            return
        if self._followed is not None:
            self._followed.changed.disconnect(self._account_changed)
        self._followed = account
        if account is not None:
            account.changed.connect(self._account_changed)

    def _account_changed(self) -> None:
        """The controller learned something new about the account: the open instance's
        status (a scan connected it, the phone dropped the link) unlocks or locks the
        composer while it is on screen, not only when the instance is selected again."""
        if self.account is None or self.instance is None:
            return
        fresh = self.account.instance(self.instance.id)
        if fresh is not None and fresh != self.instance:
            self.instance = fresh
            self._update_blocked()

    async def _load_drafts(self) -> None:
        try:
            self.composer.load_drafts(await self.conversations.drafts())
        except errors.ZapdeskError as exc:  # no store: drafts last for this session only
            log.warning("drafts not loaded: %s", exc)

    async def _save_draft(self, key: DraftKey, text: str) -> None:
        try:
            await self.conversations.save_draft(key, text)
        except errors.ZapdeskError as exc:
            log.warning("draft not kept: %s", exc)

    async def save_drafts_now(self) -> None:
        """Before quitting: what was typed in the last moments is kept too."""
        unsaved = self.composer.unsaved_draft()
        if unsaved is not None:
            await self._save_draft(*unsaved)

    def release(self) -> None:
        """Not shown any more: nothing of it runs until it is shown again."""
        for timer in (self._presence_timer, self._reload_timer, self._search_timer):
            timer.stop()
        self._follow(None)

    def reload(self) -> None:
        self.spawn(self._reload())

    async def _reload(self) -> None:
        account, instance = self.account, self.instance
        if account is None or instance is None:
            return
        query = self.search.text().strip()
        try:
            if query:
                self._show_results(await self.conversations.search_in_chats(query), query)
                return
            across = self.needs_reply.isChecked()
            if across:
                rows = await self.conversations.needs_reply()
            else:
                rows = await self.conversations.of_instance(account.profile.id, instance.id)
        except errors.ZapdeskError as exc:
            self._say(error_text(exc))
            return
        if account is not self.account or self.instance is None \
                or instance.id != self.instance.id:
            return  # the operator moved on meanwhile
        selected = self.open_row.id if self.open_row else self._pending_open
        self.list_model.set_rows(rows, self._place if across else None)
        self.lists.setCurrentWidget(self.list if rows else self.empty)
        position = self.list_model.position_of(selected) if selected is not None else None
        if position is not None:
            self.list.setCurrentIndex(self.list_model.index(position))
            if self._pending_open is not None:
                self._pending_open = None
                await self.open_conversation(rows[position])
            elif self.open_row is not None:
                self.open_row = rows[position]  # fresh name, unread count

    def _show_results(self, hits: list[tuple[ConversationRow, MessageRow]], query: str
                      ) -> None:
        self.results_model.set_hits([SearchHit(chat, message, self._place(chat))
                                     for chat, message in hits], query)
        self.no_match.setText(QCoreApplication.translate(
            "chat", "No message matches “{text}”.").format(text=query))
        self.lists.setCurrentWidget(self.results if hits else self.no_match)

    def _place(self, row: ConversationRow) -> str:
        return where_text(self.conversations.app.accounts, row)

    def _search_later(self) -> None:
        self._search_timer.start()

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet(f"color: {theme.pick(theme.WARNING, self.palette()).name()}")
        self.notice.setVisible(bool(text))

    # ---- opening a conversation -----------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        row: ConversationRow | None = index.data(ConversationRole.ROW)
        if row is None:
            return
        if self.instance is not None and (row.instance != self.instance.id or
                                          self.account is None or
                                          row.account_id != self.account.profile.id):
            self.select_requested.emit(row.account_id, row.instance, row.id)
            return
        self.spawn(self.open_conversation(row))

    def _result_chosen(self, index: QModelIndex) -> None:
        hit: SearchHit | None = index.data(SearchRole.HIT)
        if hit is not None:
            self.spawn(self._open_hit(hit.message))

    async def _open_hit(self, hit: MessageRow) -> None:
        row = await self.conversations.conversation(hit.conversation_id)
        if row is None:
            return
        if self.account is None or row.account_id != self.account.profile.id or \
                self.instance is None or row.instance != self.instance.id:
            self.select_requested.emit(row.account_id, row.instance, row.id)
            return
        await self.open_conversation(row, around=hit)

    def open_later(self, conversation_id: int) -> None:
        """Open this conversation once the list has loaded (after switching instance)."""
        self._pending_open = conversation_id
        self.reload()

    async def open_conversation(self, row: ConversationRow,
                                around: MessageRow | None = None) -> None:
        self.open_row = row
        self._say("")
        self.chat_side.setCurrentWidget(self.conversation)
        self._header_now(row)  # at once: the click shows whose chat it is
        # The box follows the header at once too: while the messages load, what is typed
        # (or sent) goes to this contact, never to the one open before.
        self.composer.set_target(row.jid.split("@", 1)[0]
                                 if row.jid.endswith("@s.whatsapp.net") else "",
                                 (row.account_id, row.instance, row.jid))
        self._update_blocked()
        await self.messages.open(row.id, is_group=row.jid.endswith("@g.us"), around=around,
                                 account_id=row.account_id)
        if self.open_row is None or self.open_row.id != row.id:
            return  # another conversation was opened meanwhile
        await self._update_header()
        if (self.isVisible() and self.window().isActiveWindow()) or row.unread:
            await self.mark_read()

    async def mark_read(self) -> None:
        if self.open_row is not None:
            await self.conversations.mark_read(self.open_row)

    def _show_nothing(self) -> None:
        """No conversation chosen: the chat side says so; nothing is typed to anyone."""
        self.chat_side.setCurrentWidget(self.nothing)
        self.composer.set_target(None, None)
        self._update_blocked()

    def _show_empty_conversation(self) -> None:
        translate = QCoreApplication.translate
        self.chat_side.setCurrentWidget(self.conversation)
        self.header.setText(translate("chat", "New conversation"))
        self.subtitle.setText(translate("chat", "Type the number below, then the message."))
        self.composer.set_target(None, (self.account.profile.id, self.instance.id, None)
                                 if self.account is not None and self.instance is not None
                                 else None)
        self._update_blocked()

    def new_conversation(self) -> None:
        self.open_row = None
        self.messages.close()
        self.list.clearSelection()
        self._show_empty_conversation()
        self.composer.recipient.edit.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    async def _update_header(self) -> None:
        row = self.open_row
        if row is None:
            return
        presence = await self.conversations.presence(row)
        if row is not self.open_row:
            return
        last_in = max((r.received_at for r in self.messages.rows[-20:] if not r.from_me),
                      default=0.0)
        if presence is not None and presence[0] in ("composing", "recording") \
                and last_in > presence[1]:
            presence = ("available", last_in)  # a message came after: typing is over
        self._header_now(row, presence_text(presence, time.time()))

    def _header_now(self, row: ConversationRow, presence: str = "") -> None:
        phone = row.jid.split("@", 1)[0]
        number = format_phone(phone) if row.jid.endswith("@s.whatsapp.net") else ""
        if chat_identity.only_lid(row):
            number = chat_identity.lid_subtitle()
        self.header.setText(title(row))
        parts = [p for p in (number if number != title(row) else "", presence) if p]
        self.subtitle.setText(" · ".join(parts))

    def _update_blocked(self) -> None:
        translate = QCoreApplication.translate
        inst = self.instance
        reason = None
        if inst is None:
            reason = translate("chat", "Select an instance.")
        elif inst.known_status == Status.BANNED:
            reason = translate("chat", "This number is banned by WhatsApp: it cannot send "
                                       "messages.")
        elif inst.known_status != Status.CONNECTED:
            reason = translate("chat", "This instance is not connected. Connect it (Details) "
                                       "to send messages.")
        elif chat_identity.only_lid(self.open_row):
            self.composer.set_blocked(chat_identity.lid_reason(), info=True)
            return
        elif self.open_row is not None and self.open_row.jid.endswith("@g.us"):
            self.composer.set_blocked(translate("chat", "ZapFlare's API sends to phone "
                                                        "numbers only; answer this group "
                                                        "from the phone."), info=True)
            return
        self.composer.set_blocked(reason)

    # ---- sending ---------------------------------------------------------------------
    async def _send_text(self, to: str, text: str) -> Any:
        assert self.account is not None and self.instance is not None
        started = self._where()
        item = await self.conversations.send_text(self.account.profile.id, self.instance.id,
                                                  to, text)
        await self._after_send(item.chat_jid, started)
        return item

    async def _send_media(self, to: str, url: str, kind: str | None, caption: str | None
                          ) -> Any:
        assert self.account is not None and self.instance is not None
        started = self._where()
        item = await self.conversations.send_media(self.account.profile.id, self.instance.id,
                                                   to, url, kind, caption)
        await self._after_send(item.chat_jid, started)
        return item

    def _where(self) -> Where:
        """Which account, instance and conversation are on screen (None: a new one)."""
        return (self.account, self.instance.id if self.instance else None,
                self.open_row.id if self.open_row else None)

    async def _after_send(self, chat_jid: str, started: Where) -> None:
        """A message to a new number: its conversation now exists; open it, unless the
        operator has gone elsewhere meanwhile (they are not pulled back)."""
        account, instance = self.account, self.instance
        if started[2] is not None or self._where() != started \
                or account is None or instance is None:
            return
        self._pending_open = None
        rows = await self.conversations.of_instance(account.profile.id, instance.id)
        found = next((r for r in rows if r.jid == chat_jid), None)
        if found is not None and self._where() == started:
            self.list_model.set_rows(rows)
            self.lists.setCurrentWidget(self.list)
            await self.open_conversation(found)

    def _retry(self, row: MessageRow) -> None:
        if self.account is not None:
            self.spawn(self._retry_now(row, self.account.profile.id))

    async def _retry_now(self, row: MessageRow, account_id: str) -> None:
        try:
            await self.conversations.retry(row, account_id)
        except errors.UncertainRetry as exc:
            self._confirm_retry(row, account_id, error_text(exc))

    def _confirm_retry(self, row: MessageRow, account_id: str, why: str) -> None:
        translate = QCoreApplication.translate
        box = QMessageBox(QMessageBox.Icon.Warning, translate("chat", "Send again?"), why,
                          QMessageBox.StandardButton.Cancel, self)
        again = box.addButton(translate("chat", "Send again"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_code: int) -> None:
            if box.clickedButton() is again:
                self.spawn(self.conversations.retry(row, account_id, confirmed=True))

        box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm = box
        box.open()  # never exec(): the loop keeps running

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self.open_row is not None \
                and self.isVisible():
            self.spawn(self.mark_read())

    # ---- news ----------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        if self.account is None or self.instance is None:
            return
        chats = changes.get(self.account.profile.id, {}).get(self.instance.id, set())
        if chats or self.needs_reply.isChecked():
            self._reload_timer.start()
        if self.open_row is not None and self.open_row.jid in chats:
            self.spawn(self._refresh_open())

    async def _follow_number(self, fresh: ConversationRow) -> None:
        """The open ``@lid`` conversation got its number: it stays open (or its number's
        conversation opens in its place), with what was typed, and it can be answered."""
        number = fresh.jid.split("@", 1)[0] if fresh.jid.endswith("@s.whatsapp.net") else None
        self.composer.follow(number, (fresh.account_id, fresh.instance, fresh.jid))
        if self.open_row is not None and fresh.id == self.open_row.id:
            self.open_row = fresh
            self._header_now(fresh)
            self._update_blocked()
            await self.messages.refresh()
            await self._update_header()
        else:
            await self.open_conversation(fresh)
        self._reload_timer.start()

    async def _refresh_open(self) -> None:
        row = self.open_row
        if chat_identity.only_lid(row):
            assert row is not None
            fresh = await chat_identity.current(self.conversations, row)
            if fresh is not None and fresh.jid != row.jid and self.open_row is row:
                await self._follow_number(fresh)
                return
        await self.messages.refresh()
        await self._update_header()
        if self.isVisible() and self.window().isActiveWindow():
            await self.mark_read()


__all__ = ["ChatPage", "presence_text", "snippet"]
