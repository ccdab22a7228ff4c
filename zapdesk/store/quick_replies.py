"""Quick replies per account, in the operator's order, and the protocol counters.

Import and export speak one JSON shape: ``{"quick_replies": [{"shortcut": …, "body": …}]}``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from zapdesk.core.errors import InvalidInput

LONGEST_SHORTCUT = 40
LONGEST_BODY = 4096


class NotQuickReplies(InvalidInput):
    """A file that is not an export of quick replies (the reason says what is wrong)."""


@dataclass(frozen=True)
class QuickReply:
    id: int
    account_id: str
    shortcut: str  # what follows "/" (no spaces)
    body: str


def clean_shortcut(text: str) -> str:
    """No "/" in front, no spaces (they end the word typed after "/"), lower case."""
    return "".join(text.strip().lstrip("/").split()).lower()[:LONGEST_SHORTCUT]


def listed(conn: sqlite3.Connection, account_id: str) -> list[QuickReply]:
    return [QuickReply(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in conn.execute(
        "SELECT id, account_id, shortcut, body FROM quick_replies WHERE account_id = ? "
        "ORDER BY position, id", (account_id,))]


def save(conn: sqlite3.Connection, account_id: str, shortcut: str, body: str, now: float,
         reply_id: int | None = None) -> int:
    """A new reply (last in the order), or ``reply_id`` changed; its id."""
    if reply_id is not None:
        conn.execute("UPDATE quick_replies SET shortcut = ?, body = ?, updated_at = ? "
                     "WHERE id = ? AND account_id = ?",
                     (shortcut, body, now, reply_id, account_id))
        return reply_id
    last = conn.execute("SELECT coalesce(max(position), -1) FROM quick_replies WHERE "
                        "account_id = ?", (account_id,)).fetchone()[0]
    cursor = conn.execute("INSERT INTO quick_replies (account_id, shortcut, body, position, "
                          "updated_at) VALUES (?, ?, ?, ?, ?)",
                          (account_id, shortcut, body, int(last) + 1, now))
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


def delete(conn: sqlite3.Connection, account_id: str, reply_id: int) -> None:
    conn.execute("DELETE FROM quick_replies WHERE id = ? AND account_id = ?",
                 (reply_id, account_id))


def reorder(conn: sqlite3.Connection, account_id: str, ids: list[int]) -> None:
    """The account's replies in this order (ids not listed keep theirs, after)."""
    for position, reply_id in enumerate(ids):
        conn.execute("UPDATE quick_replies SET position = ? WHERE id = ? AND account_id = ?",
                     (position, reply_id, account_id))


def export_json(replies: list[QuickReply]) -> str:
    return json.dumps({"quick_replies": [{"shortcut": r.shortcut, "body": r.body}
                                         for r in replies]}, ensure_ascii=False, indent=2)


def parse_json(text: str) -> list[tuple[str, str]]:
    """(shortcut, body) pairs from an export; NotQuickReplies saying why otherwise."""
    try:
        raw: Any = json.loads(text)
    except ValueError as exc:
        raise NotQuickReplies(f"not JSON: {exc}") from None
    items = raw.get("quick_replies") if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise NotQuickReplies("no list of quick replies")
    found = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("shortcut"), str) \
                or not isinstance(item.get("body"), str):
            raise NotQuickReplies("each quick reply needs a shortcut and a body (texts)")
        shortcut, body = clean_shortcut(item["shortcut"]), item["body"].strip()
        if not shortcut or not body or len(body) > LONGEST_BODY:
            raise NotQuickReplies(f"quick reply {item['shortcut']!r} is empty or too long")
        found.append((shortcut, body))
    return found


def import_replies(conn: sqlite3.Connection, account_id: str, pairs: list[tuple[str, str]],
                   now: float) -> int:
    """Add the pairs; one whose shortcut exists already replaces that one's text."""
    existing = {r.shortcut: r.id for r in listed(conn, account_id)}
    for shortcut, body in pairs:
        existing[shortcut] = save(conn, account_id, shortcut, body, now,
                                  existing.get(shortcut))
    return len(pairs)


def next_protocol(conn: sqlite3.Connection, conversation_id: int) -> str:
    """The conversation's next protocol number: its id and a counter ("42-3")."""
    conn.execute("INSERT INTO protocols (conversation_id, counter) VALUES (?, 1) "
                 "ON CONFLICT (conversation_id) DO UPDATE SET counter = counter + 1",
                 (conversation_id,))
    counter = conn.execute("SELECT counter FROM protocols WHERE conversation_id = ?",
                           (conversation_id,)).fetchone()[0]
    return f"{conversation_id}-{counter}"
