"""What the chat widgets ask for: conversation lists, pages of messages, search, unread
counts, sending and retrying. Every read is awaited off the GUI thread; news of changes
comes as one coalesced signal from the listener and the outbox together."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, Signal

from zapdesk.controller.app import AppController
from zapdesk.controller.outbox import Outbox
from zapdesk.controller.quick_replies import QuickReplies
from zapdesk.controller.receiving import Changes
from zapdesk.core import errors
from zapdesk.store import gaps, identity, outbox, queries
from zapdesk.store.gaps import Gap
from zapdesk.store.outbox import OutboxItem
from zapdesk.store.queries import ConversationRow, DraftKey, MessageRow, Position
from zapdesk.store.store import Store


class Conversations(QObject):
    changed = Signal(object)  # Changes: {account: {instance: {chat jid}}}
    gaps_changed = Signal()  # a span when messages may be missing began or ended
    send_failed = Signal(str, object)  # (recipient's digits, SendFailure): say it at once

    def __init__(self, app: AppController) -> None:
        super().__init__()
        self.app = app
        app.receiver.stored.connect(self.changed)
        app.receiver.gap_watch.changed.connect(self.gaps_changed)
        self._outbox_connected = False
        self.quick_replies = QuickReplies(self._store)

    def _store(self) -> Store:
        if not self.app.receiver.store_open:
            raise errors.StoreError("the message store is not open")
        return self.app.receiver.store

    def _watch_outbox(self) -> None:
        if not self._outbox_connected and self.app.outbox is not None:
            self.app.outbox.changed.connect(self.changed)
            self.app.outbox.failed.connect(self._failed)
            self._outbox_connected = True

    def _failed(self, item: OutboxItem) -> None:
        if item.failure is not None:
            self.send_failed.emit(item.recipient, item.failure)

    # ---- reading -------------------------------------------------------------------
    async def of_instance(self, account_id: str, instance_id: str) -> list[ConversationRow]:
        self._watch_outbox()
        return await self._store().read(
            lambda c: queries.conversations(c, account_id=account_id, instances=[instance_id]))

    async def needs_reply(self) -> list[ConversationRow]:
        return await self._store().read(queries.needs_reply)

    async def search(self, text: str) -> list[MessageRow]:
        return await self._store().read(
            lambda c: queries.search(c, text))

    async def search_in_chats(self, text: str) -> list[tuple[ConversationRow, MessageRow]]:
        """The messages that match, each with its conversation (its name, its instance)."""
        def read(c: Any) -> list[tuple[ConversationRow, MessageRow]]:
            chats: dict[int, ConversationRow | None] = {}
            out = []
            for hit in queries.search(c, text):
                if hit.conversation_id not in chats:
                    chats[hit.conversation_id] = queries.conversation(c, hit.conversation_id)
                chat = chats[hit.conversation_id]
                if chat is not None:
                    out.append((chat, hit))
            return out
        return await self._store().read(read)

    async def page(self, conversation_id: int, *, before: Position | None = None,
                   after: Position | None = None, limit: int = 200) -> list[MessageRow]:
        return await self._store().read(
            lambda c: queries.messages_page(c, conversation_id, before=before, after=after,
                                            limit=limit))

    async def conversation(self, conversation_id: int) -> ConversationRow | None:
        return await self._store().read(lambda c: queries.conversation(c, conversation_id))

    async def gaps(self, account_id: str) -> tuple[Gap, ...]:
        """When messages of this account may be missing (zapdesk closed, quiet spans)."""
        return await self._store().read(lambda c: gaps.for_account(c, account_id))

    async def successor(self, row: ConversationRow) -> ConversationRow | None:
        """The conversation a ``@lid`` one was joined with, once its number is known."""
        def read(c: Any) -> ConversationRow | None:
            phone = identity.phone_for(c, row.account_id, row.jid)
            found = c.execute("SELECT id FROM conversations WHERE account_id = ? AND "
                              "instance = ? AND jid = ?", (row.account_id, row.instance,
                                                           identity.phone_jid(phone or ""))
                              ).fetchone()
            return queries.conversation(c, int(found[0])) if phone and found else None
        return await self._store().read(read)

    async def presence(self, row: ConversationRow) -> tuple[str, float] | None:
        return await self._store().read(
            lambda c: queries.presence(c, row.account_id, row.instance, row.jid))

    async def last_message_id(self) -> int:
        return await self._store().read(queries.last_message_id)

    async def incoming_since(self, after_id: int, received_after: float = 0.0
                             ) -> list[MessageRow]:
        return await self._store().read(lambda c: queries.incoming_since(
            c, after_id, received_after=received_after))

    async def unread_counts(self) -> dict[tuple[str, str], int]:
        """Unread messages per (account id, instance id); absent means none."""
        return await self._store().read(queries.unread_by_instance)

    async def drafts(self) -> dict[DraftKey, str]:
        return await self._store().read(queries.drafts)

    async def save_draft(self, key: DraftKey, text: str) -> None:
        now = time.time()
        await self._store().write(lambda c: queries.save_draft(c, key, text, now))

    async def mark_read(self, row: ConversationRow) -> None:
        if await self._store().write(lambda c: queries.mark_read(c, row.id)):
            self.changed.emit({row.account_id: {row.instance: {row.jid}}})  # counts moved

    # ---- sending -------------------------------------------------------------------
    def _outbox(self) -> Outbox:
        if self.app.outbox is None:
            raise errors.StoreError("the message store is not open")
        self._watch_outbox()
        return self.app.outbox

    async def send_text(self, account_id: str, instance_id: str, to: str, text: str
                        ) -> OutboxItem:
        return await self._outbox().send_text(
            account_id, instance_id, to, text, operator=self.app.preferences.operator_name)

    async def send_media(self, account_id: str, instance_id: str, to: str, url: str,
                         kind: str | None, caption: str | None) -> OutboxItem:
        return await self._outbox().send_media(
            account_id, instance_id, to, url, kind, caption,
            operator=self.app.preferences.operator_name)

    async def retry(self, message: MessageRow, account_id: str, *, confirmed: bool = False
                    ) -> None:
        item = await self._store().read(
            lambda c: outbox.by_local_id(c, account_id, message.message_id))
        if item is not None:
            await self._outbox().retry(item.id, confirmed=confirmed)


# The rows the chat widgets read, offered here: the UI talks to the controller only.
__all__ = ["Changes", "ConversationRow", "Conversations", "DraftKey", "Gap", "MessageRow",
           "Position"]
