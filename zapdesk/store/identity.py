"""One instance, one person: joining what was filed under two names for the same thing.

An instance arrives as an id or only as its name (Evolution's envelope without
``data.instanceId``); a person arrives as a phone JID or only as a ``@lid``. Until the pair
is known each half is filed under its own key; the moment any payload (or the API's list)
shows the pair, what was filed under the other key is re-homed: messages, conversations
(with their unread counts), statuses, edits, deletions, reactions, presence, contacts,
drafts. Re-homing is idempotent and gives the same store whichever half came first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import replace

from zapdesk.core.events import (
    ContactName,
    Event,
    IdentityPair,
    Message,
    Presence,
    Reaction,
    StatusChange,
)

Changed = dict[str, set[str]]  # instance key -> JIDs of conversations that changed

# Tables re-homed by hand (their rows point at each other); every other table with both
# an ``account_id`` and an ``instance`` column is moved generically, so tables added later
# (by another migration) follow without changes here.
_BY_HAND = frozenset({"conversations", "messages", "instances"})
# Where two rows meet, the newer wins, except here: the first deletion time told stands.
_EARLIER_WINS = frozenset({"revocations"})


def phone_jid(phone: str) -> str:
    return f"{phone}@s.whatsapp.net"


# ---- instances ---------------------------------------------------------------------------
def name_key(name: str) -> str:
    """The key a name-only payload is filed under while its instance id is unknown."""
    return f"name:{name}"


def learn_instance(conn: sqlite3.Connection, account: str, instance_id: str, name: str
                   ) -> Changed:
    """Record that ``name`` is ``instance_id``; re-home what was filed under the name."""
    cursor = conn.execute(
        "INSERT INTO instances VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET name = excluded.name "
        "WHERE name IS NOT excluded.name", (account, instance_id, name))
    if cursor.rowcount == 0:
        return {}  # known already: nothing can have been filed under the name since
    return rehome_instance(conn, account, name_key(name), instance_id)


def rehome_instance(conn: sqlite3.Connection, account: str, old: str, new: str) -> Changed:
    """Move everything filed under instance key ``old`` to ``new``."""
    if old == new:
        return {}
    moved_ids = [str(r[0]) for r in conn.execute(
        "SELECT message_id FROM messages WHERE account_id = ? AND instance = ?", (account, old))]
    chats: set[str] = set()
    for conversation_id, jid in conn.execute(
            "SELECT id, jid FROM conversations WHERE account_id = ? AND instance = ?",
            (account, old)).fetchall():
        chats.add(str(jid))
        target = _conversation_id(conn, account, new, str(jid))
        if target is None:
            conn.execute("UPDATE conversations SET instance = ? WHERE id = ?",
                         (new, conversation_id))
        else:
            merge_conversations(conn, int(conversation_id), target)
    # The same message delivered under both keys: the copy under the id stays.
    conn.execute("DELETE FROM messages WHERE account_id = ? AND instance = ? AND message_id IN "
                 "(SELECT message_id FROM messages WHERE account_id = ? AND instance = ?)",
                 (account, old, account, new))
    conn.execute("UPDATE messages SET instance = ? WHERE account_id = ? AND instance = ?",
                 (new, account, old))
    fact_ids: set[str] = set()
    for table in _instance_tables(conn):
        if "message_id" in _columns(conn, table):
            fact_ids.update(str(r[0]) for r in conn.execute(
                f"SELECT message_id FROM {table} WHERE account_id = ? AND instance = ?",  # noqa: S608
                (account, old)))
        _move_rows(conn, table, ("account_id", account), "instance", old, new)
    chats |= _refresh(conn, account, new, set(moved_ids) | fact_ids)
    return {new: chats} if chats else {}


def _instance_tables(conn: sqlite3.Connection) -> list[str]:
    names = [str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'messages_fts%'")]
    return [t for t in names if t not in _BY_HAND and {"account_id", "instance"}
            <= set(_columns(conn, t))]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _primary_key(conn: sqlite3.Connection, table: str) -> list[str]:
    rows = sorted((int(r[5]), str(r[1])) for r in conn.execute(f"PRAGMA table_info({table})")
                  if int(r[5]) > 0)
    return [name for _, name in rows]


def _move_rows(conn: sqlite3.Connection, table: str, scope: tuple[str, str], column: str,
               old: str, new: str) -> None:
    """Set ``column`` from ``old`` to ``new`` in ``table`` (within ``scope``). Where both
    keys hold a row for the same thing, the newer one (by ``at``/``updated_at``) wins (the
    earlier in ``_EARLIER_WINS``), and the row under ``new`` when neither says when."""
    columns = _columns(conn, table)
    when = next((c for c in ("at", "updated_at") if c in columns), None)
    others = [c for c in _primary_key(conn, table) if c not in (scope[0], column)]
    if when is not None and others:
        same = " AND ".join(f"o.{c} IS n.{c}" for c in others)
        wins = "<" if table in _EARLIER_WINS else ">"
        conn.execute(
            f"DELETE FROM {table} AS n WHERE n.{scope[0]} = ? AND n.{column} = ? AND EXISTS "  # noqa: S608
            f"(SELECT 1 FROM {table} o WHERE o.{scope[0]} = n.{scope[0]} AND o.{column} = ? "
            f"AND {same} AND o.{when} {wins} n.{when})", (scope[1], new, old))
    conn.execute(f"UPDATE OR IGNORE {table} SET {column} = ? "  # noqa: S608
                 f"WHERE {scope[0]} = ? AND {column} = ?", (new, scope[1], old))
    conn.execute(f"DELETE FROM {table} WHERE {scope[0]} = ? AND {column} = ?",  # noqa: S608
                 (scope[1], old))


def _refresh(conn: sqlite3.Connection, account: str, instance: str,
             message_ids: Iterable[str]) -> set[str]:
    """Apply every fact now filed beside its message (a status that met its message only
    through the re-homing). Returns the conversations touched."""
    from zapdesk.store.ingest import refresh_marks  # ingest calls into this module

    chats = set()
    for message_id in message_ids:
        chat = refresh_marks(conn, account, instance, message_id)
        if chat is not None:
            chats.add(chat)
    return chats


# ---- conversations -----------------------------------------------------------------------
def _conversation_id(conn: sqlite3.Connection, account: str, instance: str, jid: str
                     ) -> int | None:
    row = conn.execute("SELECT id FROM conversations WHERE account_id = ? AND instance = ? "
                       "AND jid = ?", (account, instance, jid)).fetchone()
    return int(row[0]) if row else None


def merge_conversations(conn: sqlite3.Connection, source: int, target: int) -> None:
    """Move ``source``'s messages into ``target`` and drop ``source``.

    Unread counts are "incoming messages after read_upto", one threshold per conversation:
    the merged one counts from the oldest message unread in either, so nothing unread
    becomes read (a read message newer than it may count again: the safe side)."""
    first_unread = conn.execute(
        "SELECT min(m.id) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "WHERE c.id IN (?, ?) AND m.from_me = 0 AND m.id > c.read_upto",
        (source, target)).fetchone()[0]
    if first_unread is None:
        read_upto = conn.execute("SELECT max(read_upto) FROM conversations WHERE id IN (?, ?)",
                                 (source, target)).fetchone()[0]
    else:
        read_upto = int(first_unread) - 1
    conn.execute("UPDATE messages SET conversation_id = ? WHERE conversation_id = ?",
                 (target, source))
    conn.execute("DELETE FROM conversations WHERE id = ?", (source,))
    last = conn.execute("SELECT at, id FROM messages WHERE conversation_id = ? "
                        "ORDER BY at DESC, id DESC LIMIT 1", (target,)).fetchone()
    conn.execute("UPDATE conversations SET read_upto = ?, last_at = ?, last_message = ? "
                 "WHERE id = ?", (read_upto, last[0] if last else 0, last[1] if last else None,
                                  target))


# ---- people: @lid and phone numbers -----------------------------------------------------
def phone_for(conn: sqlite3.Connection, account: str, lid: str) -> str | None:
    row = conn.execute("SELECT phone FROM lids WHERE account_id = ? AND lid = ?",
                       (account, lid)).fetchone()
    return str(row[0]) if row else None


def learn_lid(conn: sqlite3.Connection, account: str, pair: IdentityPair) -> Changed:
    """Record that ``pair.lid`` is the number ``pair.phone``; join its threads (in every
    instance of the account: a LID names the person, not the conversation)."""
    cursor = conn.execute("INSERT INTO lids VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET "
                          "phone = excluded.phone WHERE phone IS NOT excluded.phone",
                          (account, pair.lid, pair.phone))
    if cursor.rowcount == 0:
        return {}
    number = phone_jid(pair.phone)
    changed: Changed = {}
    for conversation_id, instance in conn.execute(
            "SELECT id, instance FROM conversations WHERE account_id = ? AND jid = ?",
            (account, pair.lid)).fetchall():
        target = _conversation_id(conn, account, str(instance), number)
        if target is None:  # renamed in place: its id (open on screen, maybe) stays
            conn.execute("UPDATE conversations SET jid = ? WHERE id = ?",
                         (number, conversation_id))
        else:
            merge_conversations(conn, int(conversation_id), target)
        changed.setdefault(str(instance), set()).update({pair.lid, number})
    for instance in _instances_with(conn, account, pair.lid):
        _move_person(conn, account, instance, pair.lid, number)
        changed.setdefault(instance, set()).update({pair.lid, number})
    conn.execute("UPDATE messages SET sender_phone = ? WHERE account_id = ? AND sender_jid = ? "
                 "AND sender_phone IS NULL", (pair.phone, account, pair.lid))
    return changed


def _instances_with(conn: sqlite3.Connection, account: str, jid: str) -> set[str]:
    found: set[str] = set()
    for table, column in (("contacts", "jid"), ("presence", "chat_jid"),
                          ("drafts", "chat_jid")):
        found.update(str(r[0]) for r in conn.execute(
            f"SELECT DISTINCT instance FROM {table} WHERE account_id = ? AND {column} = ?",  # noqa: S608
            (account, jid)))
    return found


def _move_person(conn: sqlite3.Connection, account: str, instance: str, lid: str,
                 number: str) -> None:
    # The name known under the LID names the number too, unless it has its own.
    conn.execute(
        "INSERT INTO contacts (account_id, instance, jid, name, phone, updated_at) "
        "SELECT account_id, instance, ?, name, ?, updated_at FROM contacts "
        "WHERE account_id = ? AND instance = ? AND jid = ? AND true ON CONFLICT DO UPDATE SET "
        "name = coalesce(name, excluded.name), phone = coalesce(phone, excluded.phone)",
        (number, number.split("@", 1)[0], account, instance, lid))
    conn.execute("UPDATE presence SET chat_jid = ? WHERE account_id = ? AND instance = ? AND "
                 "chat_jid = ? AND NOT EXISTS (SELECT 1 FROM presence p WHERE "
                 "p.account_id = presence.account_id AND p.instance = presence.instance AND "
                 "p.chat_jid = ? AND p.participant_jid = presence.participant_jid)",
                 (number, account, instance, lid, number))
    conn.execute("DELETE FROM presence WHERE account_id = ? AND instance = ? AND chat_jid = ?",
                 (account, instance, lid))
    # A half-written answer is never lost: two drafts become one, the number's first.
    conn.execute(
        "INSERT INTO drafts SELECT account_id, instance, ?, body, updated_at FROM drafts "
        "WHERE account_id = ? AND instance = ? AND chat_jid = ? AND true ON CONFLICT DO UPDATE "
        "SET body = body || char(10) || char(10) || excluded.body, "
        "updated_at = max(updated_at, excluded.updated_at)",
        (number, account, instance, lid))
    conn.execute("DELETE FROM drafts WHERE account_id = ? AND instance = ? AND chat_jid = ?",
                 (account, instance, lid))


def resolved(conn: sqlite3.Connection, account: str, event: Event) -> Event:
    """The event with a ``@lid`` conversation replaced by its number, once known."""
    if isinstance(event, Message | Reaction | Presence) and event.chat_jid.endswith("@lid"):
        phone = phone_for(conn, account, event.chat_jid)
        if phone is not None:
            if isinstance(event, Message) and event.sender_jid == event.chat_jid:
                # the author of a 1:1 message is its chat: named by the number too, as
                # when the payload itself gives the number (so the contact's name is found)
                event = replace(event, sender_jid=phone_jid(phone),
                                sender_phone=event.sender_phone or phone)
            return replace(event, chat_jid=phone_jid(phone))
    elif isinstance(event, StatusChange) and event.chat_jid and event.chat_jid.endswith("@lid"):
        phone = phone_for(conn, account, event.chat_jid)
        if phone is not None:
            return replace(event, chat_jid=phone_jid(phone))
    elif isinstance(event, ContactName) and event.jid.endswith("@lid"):
        phone = phone_for(conn, account, event.jid)
        if phone is not None:
            return replace(event, jid=phone_jid(phone), phone=event.phone or phone)
    return event
