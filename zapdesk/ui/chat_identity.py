"""A conversation known only by its ``@lid``: why it cannot be answered yet, and following
it in place once its number is known (renamed to the number, or joined with the number's
own conversation)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from zapdesk.controller.conversations import ConversationRow, Conversations


def only_lid(row: ConversationRow | None) -> bool:
    return row is not None and row.jid.endswith("@lid")


def lid_reason() -> str:
    return QCoreApplication.translate(
        "chat", "WhatsApp shows this contact by a private ID, without the phone number. "
                "ZapFlare sends only to phone numbers, so this conversation cannot be "
                "answered until the number is known; it becomes known when the contact "
                "writes again or updates their details, and the box unlocks by itself.")


def lid_subtitle() -> str:
    return QCoreApplication.translate("chat", "number not known yet")


async def current(conversations: Conversations, row: ConversationRow
                  ) -> ConversationRow | None:
    """What ``row`` is now: itself (perhaps renamed to its number), the number's
    conversation it was joined with, or None when it is gone."""
    fresh = await conversations.conversation(row.id)
    if fresh is not None:
        return fresh
    return await conversations.successor(row) if only_lid(row) else None
