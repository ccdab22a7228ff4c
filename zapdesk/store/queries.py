"""Reading the store: conversations, messages, search, per-account counts."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from zapdesk.core.events import Tick
from zapdesk.core.send_failure import SendFailure
from zapdesk.store import outbox


@dataclass(frozen=True)
class ConversationRow:
    id: int
    account_id: str
    instance: str
    instance_name: str | None
    jid: str
    name: str | None
    phone: str | None
    last_at: int
    last_text: str | None
    last_kind: str | None
    unread: int


@dataclass(frozen=True)
class MessageRow:
    id: int
    conversation_id: int
    message_id: str
    from_me: bool
    sender_jid: str | None
    sender_phone: str | None
    sender_name: str | None
    at: int
    kind: str
    text: str | None
    media: dict[str, Any] | None
    extra: dict[str, Any] | None
    quote_id: str | None
    quote_sender: str | None
    quote_text: str | None
    status: int | None
    forwarded: bool
    view_once: bool
    edited_at: int | None
    deleted_at: int | None
    reactions: tuple[tuple[str, str], ...]  # (sender jid, emoji)
    received_at: float = 0.0  # when this computer stored it
    failure: SendFailure | None = None  # why it was not sent (ours, failed)


_CONVERSATIONS = """
SELECT c.id, c.account_id, c.instance, i.name AS instance_name, c.jid, k.name, k.phone,
       c.last_at, CASE WHEN m.deleted_at IS NULL THEN m.body END AS last_text,
       CASE WHEN m.deleted_at IS NULL THEN m.kind ELSE 'deleted' END AS last_kind,
       (SELECT count(*) FROM messages u WHERE u.conversation_id = c.id AND u.from_me = 0
          AND u.id > c.read_upto) AS unread
FROM conversations c
LEFT JOIN instances i ON i.account_id = c.account_id AND i.instance_id = c.instance
LEFT JOIN contacts k ON k.account_id = c.account_id AND k.instance = c.instance
     AND k.jid = c.jid
LEFT JOIN messages m ON m.id = c.last_message
WHERE (? IS NULL OR c.account_id = ?)
  AND (? IS NULL OR c.instance IN (SELECT value FROM json_each(?)))
  AND (? IS NULL OR c.id = ?)
ORDER BY c.last_at DESC, c.id DESC
"""


def instance_keys(conn: sqlite3.Connection, account_id: str | None, wanted: str) -> list[str]:
    """The instance keys an operator's ``--instance`` means: an id or a name."""
    found = [str(r[0]) for r in conn.execute(
        "SELECT instance_id FROM instances WHERE (instance_id = ? OR name = ?) "
        "AND (? IS NULL OR account_id = ?)", (wanted, wanted, account_id, account_id))]
    return found or [wanted, f"name:{wanted}"]


def conversations(conn: sqlite3.Connection, *, account_id: str | None = None,
                  instances: list[str] | None = None) -> list[ConversationRow]:
    chosen = json.dumps(instances) if instances is not None else None
    rows = conn.execute(_CONVERSATIONS, (account_id, account_id, chosen, chosen, None, None))
    return [ConversationRow(*row) for row in rows]


def conversation(conn: sqlite3.Connection, conversation_id: int) -> ConversationRow | None:
    row = conn.execute(_CONVERSATIONS, (None, None, None, None, conversation_id,
                                        conversation_id)).fetchone()
    return ConversationRow(*row) if row else None


def presence(conn: sqlite3.Connection, account_id: str, instance: str, chat_jid: str
             ) -> tuple[str, float] | None:
    """The latest presence anyone showed in this chat: (word, when it was received)."""
    row = conn.execute("SELECT presence, at FROM presence WHERE account_id = ? AND "
                       "instance = ? AND chat_jid = ? ORDER BY at DESC LIMIT 1",
                       (account_id, instance, chat_jid)).fetchone()
    return (str(row[0]), float(row[1])) if row else None


def last_message_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0])


def incoming_since(conn: sqlite3.Connection, after_id: int, limit: int = 50, *,
                   received_after: float = 0.0) -> list[MessageRow]:
    """Messages from contacts stored after ``after_id`` and ``received_after`` (for
    notifications)."""
    rows = conn.execute("SELECT * FROM messages WHERE id > ? AND received_at > ? AND "
                        "from_me = 0 ORDER BY id LIMIT ?",
                        (after_id, received_after, limit)).fetchall()
    return [_message(r, ()) for r in rows]


def _message(row: sqlite3.Row, reactions: tuple[tuple[str, str], ...],
             failure: SendFailure | None = None) -> MessageRow:
    return MessageRow(
        row["id"], row["conversation_id"], row["message_id"], bool(row["from_me"]),
        row["sender_jid"], row["sender_phone"], row["sender_name"], row["at"], row["kind"],
        row["body"], json.loads(row["media"]) if row["media"] else None,
        json.loads(row["extra"]) if row["extra"] else None, row["quote_id"],
        row["quote_sender"], row["quote_text"], row["status"], bool(row["forwarded"]),
        bool(row["view_once"]), row["edited_at"], row["deleted_at"], reactions,
        row["received_at"], failure)


def messages(conn: sqlite3.Connection, conversation_id: int, *, limit: int = -1,
             offset: int = 0) -> list[MessageRow]:
    """A conversation's messages, oldest first (the export reads them all)."""
    rows = conn.execute("SELECT * FROM messages WHERE conversation_id = ? ORDER BY at, id "
                        "LIMIT ? OFFSET ?", (conversation_id, limit, offset)).fetchall()
    return _with_reactions(conn, rows)


def fts_query(text: str) -> str:
    """What the operator typed → an FTS5 query: every word must appear, the last as a
    prefix (so results come while typing); quotes keep FTS syntax out of their hands."""
    words = [w.replace('"', '""') for w in text.split() if w.strip('"')]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(conn: sqlite3.Connection, text: str, *, account_id: str | None = None,
           limit: int = 200) -> list[MessageRow]:
    query = fts_query(text)
    if not query:
        return []
    rows = conn.execute(
        "SELECT m.* FROM messages_fts f JOIN messages m ON m.id = f.rowid "
        "WHERE messages_fts MATCH ? AND (? IS NULL OR m.account_id = ?) "
        "AND m.deleted_at IS NULL "
        "ORDER BY m.at DESC LIMIT ?", (query, account_id, account_id, limit)).fetchall()
    return [_message(r, ()) for r in rows]


@dataclass(frozen=True)
class EventCounts:
    received: int
    last_at: float | None
    unsupported: int


def event_counts(conn: sqlite3.Connection, account_id: str) -> EventCounts:
    row = conn.execute("SELECT count(*), max(received_at), "
                       "coalesce(sum(outcome = 'unsupported'), 0) FROM raw_events "
                       "WHERE account_id = ?", (account_id,)).fetchone()
    return EventCounts(int(row[0]), row[1], int(row[2]))


def unread_by_instance(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """Unread messages per (account, instance), for every instance that has any."""
    rows = conn.execute(
        "SELECT c.account_id, c.instance, count(*) FROM conversations c JOIN messages u "
        "ON u.conversation_id = c.id AND u.from_me = 0 AND u.id > c.read_upto "
        "GROUP BY c.account_id, c.instance")
    return {(str(a), str(i)): int(n) for a, i, n in rows}


DraftKey = tuple[str, str, str | None]  # account, instance, chat JID (None: a new conversation)


def drafts(conn: sqlite3.Connection) -> dict[DraftKey, str]:
    return {(str(a), str(i), str(j) or None): str(b) for a, i, j, b in conn.execute(
        "SELECT account_id, instance, chat_jid, body FROM drafts")}


def save_draft(conn: sqlite3.Connection, key: DraftKey, body: str, now: float) -> None:
    """Keep ``body`` as the draft of ``key``; a blank one removes it."""
    account_id, instance, jid = key
    if body.strip():
        conn.execute("INSERT INTO drafts (account_id, instance, chat_jid, body, updated_at) "
                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, instance, chat_jid) "
                     "DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                     (account_id, instance, jid or "", body, now))
    else:
        conn.execute("DELETE FROM drafts WHERE account_id = ? AND instance = ? AND "
                     "chat_jid = ?", (account_id, instance, jid or ""))


def mark_read(conn: sqlite3.Connection, conversation_id: int) -> bool:
    """Everything in the conversation up to now counts as read (a write: run it on the
    writer). Unread counts are derived from this mark, so they survive restarts. True when
    something was unread."""
    latest = conn.execute("SELECT coalesce(max(id), 0) FROM messages WHERE "
                          "conversation_id = ?", (conversation_id,)).fetchone()[0]
    return conn.execute("UPDATE conversations SET read_upto = ? WHERE id = ? AND "
                        "read_upto < ?", (latest, conversation_id, latest)).rowcount > 0


def needs_reply(conn: sqlite3.Connection) -> list[ConversationRow]:
    """Across every account and instance: conversations whose last message came from the
    contact, oldest wait first."""
    last_from_contact = {int(r[0]) for r in conn.execute(
        "SELECT c.id FROM conversations c JOIN messages m ON m.id = c.last_message "
        "WHERE m.from_me = 0 AND m.deleted_at IS NULL")}
    return sorted((c for c in conversations(conn) if c.id in last_from_contact),
                  key=lambda c: c.last_at)


Position = tuple[int, int]  # (at, row id): where a message sits in its conversation


def messages_page(conn: sqlite3.Connection, conversation_id: int, *,
                  before: Position | None = None, after: Position | None = None,
                  limit: int = 200) -> list[MessageRow]:
    """Up to ``limit`` messages just before ``before`` or just after ``after`` (the newest
    ones when neither), oldest first. Keyset paging: as fast at the 100,000th message as at
    the first, where OFFSET would read every row it skips."""
    if after is not None:
        rows = conn.execute("SELECT * FROM messages WHERE conversation_id = ? AND (at, id) > "
                            "(?, ?) ORDER BY at, id LIMIT ?",
                            (conversation_id, after[0], after[1], limit)).fetchall()
    else:
        edge = before or (2**62, 2**62)
        rows = conn.execute("SELECT * FROM messages WHERE conversation_id = ? AND (at, id) < "
                            "(?, ?) ORDER BY at DESC, id DESC LIMIT ?",
                            (conversation_id, edge[0], edge[1], limit)).fetchall()[::-1]
    return _with_reactions(conn, rows)


def _with_reactions(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[MessageRow]:
    if not rows:
        return []
    ids = json.dumps([r["message_id"] for r in rows])
    reactions: dict[str, list[tuple[str, str]]] = {}
    for message_id, sender, emoji in conn.execute(
            "SELECT message_id, sender_jid, emoji FROM reactions WHERE account_id = ? AND "
            "instance = ? AND message_id IN (SELECT value FROM json_each(?)) AND emoji != '' "
            "ORDER BY at",
            (rows[0]["account_id"], rows[0]["instance"], ids)):
        reactions.setdefault(message_id, []).append((sender, emoji))
    failed = [r["message_id"] for r in rows if r["from_me"] and r["status"] == Tick.FAILED]
    why = outbox.failures(conn, rows[0]["account_id"], rows[0]["instance"], failed) \
        if failed else {}
    return [_message(r, tuple(reactions.get(r["message_id"], ())), why.get(r["message_id"]))
            for r in rows]
