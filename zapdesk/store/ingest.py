"""Writing one received payload: the raw log row, then what its events mean.

Runs on the writer's connection inside its transaction. Idempotent: the same payload twice
is recognised by its digest, the same message twice by (account, instance, message id),
and every fact about a message (status, edit, revoke, reaction) applies whichever arrives
first.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from zapdesk.core.events import (
    ConnectionChange,
    ContactName,
    Edit,
    Envelope,
    Event,
    GroupSubject,
    IdentityPair,
    Message,
    Parsed,
    Presence,
    Reaction,
    Revoke,
    StatusChange,
    Unsupported,
)
from zapdesk.store import identity

# Fields inside payloads that are credentials: masked before the raw log keeps them.
SECRET_FIELDS = frozenset({"apikey", "apiKey", "api_key", "token", "password"})
MASK = "***"


@dataclass
class Outcome:
    outcome: str  # "stored", "unsupported" or "duplicate"
    instance: str | None = None
    chats: set[str] = field(default_factory=set)  # conversations whose content changed
    messages: int = 0  # new messages stored
    # conversations of other instances that changed (an identity learned joins threads
    # everywhere): instance key -> JIDs
    others: dict[str, set[str]] = field(default_factory=dict)

    def add(self, changed: identity.Changed) -> None:
        for instance, chats in changed.items():
            if instance == self.instance:
                self.chats |= chats
            else:
                self.others.setdefault(instance, set()).update(chats)


def digest(payload: object) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                           default=str)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def masked(payload: Any) -> Any:
    if isinstance(payload, dict):
        return {k: MASK if k in SECRET_FIELDS and isinstance(v, str) else masked(v)
                for k, v in payload.items()}
    if isinstance(payload, list):
        return [masked(v) for v in payload]
    return payload


def instance_key(conn: sqlite3.Connection, account_id: str, envelope: Envelope) -> str | None:
    """Conversations are filed under the instance id; a name-only envelope (Evolution's)
    finds the id through the names learned from other events and from the API (until
    then it is filed under its name, re-homed by ``identity`` once the pair shows)."""
    if envelope.instance_id:
        return envelope.instance_id
    if envelope.instance_name:
        row = conn.execute("SELECT instance_id FROM instances WHERE account_id = ? AND name = ?",
                           (account_id, envelope.instance_name)).fetchone()
        return str(row[0]) if row else identity.name_key(envelope.instance_name)
    return None


def ingest(conn: sqlite3.Connection, account_id: str, payload: object, parsed: Parsed,
           received_at: float) -> Outcome:
    envelope = parsed.envelope
    rehomed: identity.Changed = {}
    if envelope.instance_id and envelope.instance_name:
        rehomed = identity.learn_instance(conn, account_id, envelope.instance_id,
                                          envelope.instance_name)
    instance = instance_key(conn, account_id, envelope)
    unsupported = parsed.unsupported or instance is None
    body = json.dumps(masked(payload), ensure_ascii=False, default=str)
    cursor = conn.execute(
        "INSERT INTO raw_events (account_id, received_at, event, instance, digest, outcome, "
        "body) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (account_id, received_at, parsed.envelope.event, instance, digest(payload),
         "unsupported" if unsupported else "stored", body))
    if cursor.rowcount == 0:
        return Outcome("duplicate", instance)
    result = Outcome("unsupported" if unsupported else "stored", instance)
    result.add(rehomed)
    if instance is None:
        return result  # no instance to file it under: the raw log keeps it
    # Identities first: a message in the same payload is then filed under the number.
    for event in sorted(parsed.events, key=lambda e: not isinstance(e, IdentityPair)):
        _apply(conn, account_id, instance, event, received_at, result)
    return result


def _apply(conn: sqlite3.Connection, account: str, instance: str, event: Event,
           now: float, result: Outcome) -> None:
    event = identity.resolved(conn, account, event)
    if isinstance(event, IdentityPair):
        result.add(identity.learn_lid(conn, account, event))
    elif isinstance(event, Message):
        if store_message(conn, account, instance, event, now):
            result.messages += 1
            result.chats.add(event.chat_jid)
    elif isinstance(event, StatusChange):
        conn.execute("INSERT INTO statuses VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                     (account, instance, event.message_id, int(event.status), now))
        chat = _refresh_marks(conn, account, instance, event.message_id)
        if chat:
            result.chats.add(chat)
    elif isinstance(event, Edit):
        conn.execute("INSERT INTO edits VALUES (?, ?, ?, ?, ?, ?)",
                     (account, instance, event.target_id, event.text, event.timestamp, now))
        chat = _refresh_marks(conn, account, instance, event.target_id)
        if chat:
            result.chats.add(chat)
    elif isinstance(event, Revoke):
        _revoke(conn, account, instance, event, now)
        chat = _refresh_marks(conn, account, instance, event.target_id)
        if chat:
            result.chats.add(chat)
    elif isinstance(event, Reaction):
        _react(conn, account, instance, event)
        result.chats.add(event.chat_jid)
    elif isinstance(event, ContactName | GroupSubject):
        name = event.name if isinstance(event, ContactName) else event.subject
        phone = event.phone if isinstance(event, ContactName) else None
        _contact(conn, account, instance, event.jid, name, phone, now)
        result.chats.add(event.jid)
    elif isinstance(event, Presence):
        conn.execute("INSERT INTO presence VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                     "presence = excluded.presence, at = excluded.at",
                     (account, instance, event.chat_jid, event.participant_jid, event.presence,
                      now))
        result.chats.add(event.chat_jid)
    elif isinstance(event, ConnectionChange | Unsupported):
        pass  # kept in the raw log; connection state comes from the API's list call


def _revoke(conn: sqlite3.Connection, account: str, instance: str, event: Revoke,
            now: float) -> None:
    """The earliest time told wins, so repeated deletions (Evolution sends one as both
    messages.edited and messages.delete) agree whatever their order."""
    conn.execute("INSERT INTO revocations VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE "
                 "SET at = excluded.at WHERE excluded.at < revocations.at",
                 (account, instance, event.target_id, event.timestamp or int(now)))


def _react(conn: sqlite3.Connection, account: str, instance: str, event: Reaction) -> None:
    """One row per (message, sender): the newest by the sender's clock (milliseconds), a
    removal kept as a tombstone (emoji "") so an older add arriving after it stays lost.
    Equal times fall to the emoji's order: still the same result in any arrival order."""
    at = event.sent_ms or event.timestamp * 1000
    conn.execute("INSERT INTO reactions VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE "
                 "SET emoji = excluded.emoji, at = excluded.at "
                 "WHERE (excluded.at, excluded.emoji) > (reactions.at, reactions.emoji)",
                 (account, instance, event.target_id, event.sender_jid, event.emoji, at))


def _contact(conn: sqlite3.Connection, account: str, instance: str, jid: str,
             name: str | None, phone: str | None, now: float) -> None:
    conn.execute("INSERT INTO contacts VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                 "name = coalesce(excluded.name, name), phone = coalesce(excluded.phone, phone),"
                 " updated_at = excluded.updated_at",
                 (account, instance, jid, name, phone, now))


def _conversation(conn: sqlite3.Connection, account: str, instance: str, jid: str) -> int:
    row = conn.execute("SELECT id FROM conversations WHERE account_id = ? AND instance = ? "
                       "AND jid = ?", (account, instance, jid)).fetchone()
    if row is not None:
        return int(row[0])
    cursor = conn.execute("INSERT INTO conversations (account_id, instance, jid) "
                          "VALUES (?, ?, ?)", (account, instance, jid))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _json(value: object) -> str | None:
    if value is None or value == ():
        return None
    return json.dumps(value, ensure_ascii=False, default=str)


def store_message(conn: sqlite3.Connection, account: str, instance: str, message: Message,
             now: float) -> bool:
    """Store a new message; a known one only moves its status forward. True when new."""
    conversation = _conversation(conn, account, instance, message.chat_jid)
    extra: dict[str, Any] = {}
    if message.location:
        extra["location"] = asdict(message.location)
    if message.contacts:
        extra["contacts"] = [asdict(c) for c in message.contacts]
    if message.poll:
        extra["poll"] = asdict(message.poll)
    if message.unsupported:
        extra["unsupported"] = message.unsupported
        extra["raw"] = message.raw
    quote = message.quote
    cursor = conn.execute(
        "INSERT INTO messages (conversation_id, account_id, instance, message_id, from_me, "
        "sender_jid, sender_phone, sender_name, at, kind, body, media, extra, quote_id, "
        "quote_sender, quote_text, status, forwarded, view_once, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        (conversation, account, instance, message.id, int(message.from_me), message.sender_jid,
         message.sender_phone, message.sender_name, message.timestamp, message.kind.value,
         message.text, _json(asdict(message.media) if message.media else None),
         _json(extra or None), quote.message_id if quote else None,
         quote.sender_jid if quote else None, quote.text if quote else None,
         int(message.status) if message.status is not None else None,
         int(message.forwarded), int(message.view_once), now))
    if message.status is not None:
        conn.execute("INSERT INTO statuses VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                     (account, instance, message.id, int(message.status), now))
    if cursor.rowcount == 0:
        _refresh_marks(conn, account, instance, message.id)
        return False
    row_id = cursor.lastrowid
    conn.execute("UPDATE conversations SET last_at = ?, last_message = ? WHERE id = ? AND "
                 "(last_at < ? OR (last_at = ? AND coalesce(last_message, 0) < ?))",
                 (message.timestamp, row_id, conversation, message.timestamp,
                  message.timestamp, row_id))
    if message.sender_name and message.sender_jid:
        _contact(conn, account, instance, message.sender_jid, message.sender_name,
                 message.sender_phone, now)
    _refresh_marks(conn, account, instance, message.id)
    return True


def _refresh_marks(conn: sqlite3.Connection, account: str, instance: str, message_id: str
                   ) -> str | None:
    """Bring a message's status, text and deletion in line with every fact known about it.

    Statuses only move forward (FAILED counts only while nothing better is known); the
    latest edit gives the text. Returns the message's conversation JID, or None when the
    message is not stored (yet).
    """
    row = conn.execute(
        "SELECT m.id, m.status, c.jid FROM messages m JOIN conversations c "
        "ON c.id = m.conversation_id WHERE m.account_id = ? AND m.instance = ? "
        "AND m.message_id = ?", (account, instance, message_id)).fetchone()
    if row is None:
        return None
    key = (account, instance, message_id)
    best = conn.execute("SELECT max(status) FROM statuses WHERE account_id = ? AND "
                        "instance = ? AND message_id = ?", key).fetchone()[0]
    status = max((s for s in (row[1], best) if s is not None), default=None)
    if status is not None and status != row[1]:
        conn.execute("UPDATE messages SET status = ? WHERE id = ?", (status, row[0]))
    # The newest edit by the sender's time; equal times by text, not by arrival.
    edit = conn.execute("SELECT body, at FROM edits WHERE account_id = ? AND instance = ? AND "
                        "message_id = ? ORDER BY at DESC, body DESC LIMIT 1", key).fetchone()
    if edit is not None:
        conn.execute("UPDATE messages SET body = ?, edited_at = ? WHERE id = ? AND "
                     "(body IS NOT ? OR edited_at IS NOT ?)",
                     (edit[0], edit[1], row[0], edit[0], edit[1]))
    revoked = conn.execute("SELECT at FROM revocations WHERE account_id = ? AND instance = ? "
                           "AND message_id = ?", key).fetchone()
    if revoked is not None:
        conn.execute("UPDATE messages SET deleted_at = ? WHERE id = ? AND "
                     "deleted_at IS NOT ?", (revoked[0], row[0], revoked[0]))
    return str(row[2])


refresh_marks = _refresh_marks  # for store.identity, after a re-homing
