"""The outbox's rows: a message is stored (and shown, as pending) before it is sent, and
the row records what the API accepted, so a retry never sends a message twice."""

from __future__ import annotations

import json
import secrets
import sqlite3
from dataclasses import dataclass

from zapdesk.core.events import Kind, Media, Message, Tick
from zapdesk.core.send_failure import Reason, SendFailure
from zapdesk.store.ingest import store_message

QUEUED, SENDING, SENT, FAILED = "queued", "sending", "sent", "failed"


@dataclass(frozen=True)
class OutboxItem:
    id: int
    account_id: str
    instance: str
    chat_jid: str
    recipient: str  # digits, as the API wants them
    kind: str  # "text" or a media kind
    body: str | None  # the text, or a media caption
    media_url: str | None
    state: str
    uncertain: bool
    attempts: int
    error: str | None  # the failure's detail, in English (for the log)
    message_id: str | None  # the id the API gave, once accepted
    local_id: str  # the message's id in the conversation until the API gives one
    reason: str | None = None  # a send_failure.Reason, while failed
    retry_at: float | None = None
    http_status: int | None = None
    operator: str | None = None  # who sent it from this workstation

    @property
    def failure(self) -> SendFailure | None:
        if self.state != FAILED:
            return None
        return SendFailure(Reason.of(self.reason), self.uncertain, self.retry_at,
                           self.http_status)


def _item(row: sqlite3.Row) -> OutboxItem:
    return OutboxItem(row["id"], row["account_id"], row["instance"], row["chat_jid"],
                      row["recipient"], row["kind"], row["body"], row["media_url"],
                      row["state"], bool(row["uncertain"]), row["attempts"], row["error"],
                      row["message_id"], row["local_id"], row["reason"], row["retry_at"],
                      row["http_status"], row["operator"])


_COLUMNS = ("id, account_id, instance, chat_jid, recipient, kind, body, media_url, state, "
            "uncertain, attempts, error, message_id, local_id, reason, retry_at, http_status, "
            "operator")


def get(conn: sqlite3.Connection, item_id: int) -> OutboxItem | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?",  # noqa: S608
                       (item_id,)).fetchone()
    return _item(row) if row else None


def enqueue(conn: sqlite3.Connection, *, account_id: str, instance: str, recipient: str,
            kind: str, body: str | None, media_url: str | None, now: float,
            operator: str | None = None) -> OutboxItem:
    local_id = f"local-{secrets.token_hex(8)}"
    chat = f"{recipient}@s.whatsapp.net"
    cursor = conn.execute(
        "INSERT INTO outbox (account_id, instance, chat_jid, recipient, kind, body, media_url,"
        " local_id, created_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (account_id, instance, chat, recipient, kind, body, media_url, local_id, now,
         operator))
    media = Media(url=media_url) if media_url else None
    # Shown after everything already in the conversation, even when the phone's clock runs
    # ahead of this computer's: the operator answers what they have seen.
    latest = conn.execute("SELECT max(last_at) FROM conversations WHERE account_id = ? AND "
                          "instance = ? AND jid = ?", (account_id, instance, chat)).fetchone()[0]
    at = max(int(now), int(latest or 0))
    store_message(conn, account_id, instance, Message(
        id=local_id, chat_jid=chat, from_me=True, timestamp=at, kind=Kind(kind),
        text=body, media=media, status=Tick.PENDING), now)
    conn.execute("UPDATE messages SET operator = ? WHERE account_id = ? AND instance = ? AND "
                 "message_id = ?", (operator, account_id, instance, local_id))
    assert cursor.lastrowid is not None
    found = get(conn, cursor.lastrowid)
    assert found is not None
    return found


def waiting(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(account, instance) pairs with queued messages."""
    return [(str(a), str(i)) for a, i in conn.execute(
        "SELECT DISTINCT account_id, instance FROM outbox WHERE state = ?", (QUEUED,))]


def take(conn: sqlite3.Connection, account_id: str, instance: str) -> OutboxItem | None:
    """The instance's oldest queued message, now marked as being sent."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM outbox WHERE state = ? AND "  # noqa: S608
                       "account_id = ? AND instance = ? ORDER BY id LIMIT 1",
                       (QUEUED, account_id, instance)).fetchone()
    if row is None:
        return None
    conn.execute("UPDATE outbox SET state = ?, attempts = attempts + 1 WHERE id = ?",
                 (SENDING, row[0]))
    return get(conn, int(row[0]))


def _local_message(conn: sqlite3.Connection, item: OutboxItem) -> int | None:
    row = conn.execute("SELECT id FROM messages WHERE account_id = ? AND instance = ? AND "
                       "message_id = ?", (item.account_id, item.instance,
                                          item.local_id)).fetchone()
    return int(row[0]) if row else None


def sent(conn: sqlite3.Connection, item_id: int, message_id: str | None, now: float) -> None:
    """The API accepted it: the conversation's copy takes the API's id (merging with the
    webhook's echo of it when that came first)."""
    item = get(conn, item_id)
    if item is None:
        return
    conn.execute("UPDATE outbox SET state = ?, message_id = ?, sent_at = ?, error = NULL, "
                 "uncertain = 0 WHERE id = ?", (SENT, message_id, now, item_id))
    local = _local_message(conn, item)
    if local is None:
        return
    echo = conn.execute("SELECT id FROM messages WHERE account_id = ? AND instance = ? AND "
                        "message_id = ?", (item.account_id, item.instance,
                                           message_id)).fetchone() if message_id else None
    if echo is not None:
        conn.execute("DELETE FROM messages WHERE id = ?", (local,))
        conn.execute("UPDATE conversations SET last_message = ? WHERE last_message = ?",
                     (echo[0], local))
        conn.execute("UPDATE messages SET status = max(coalesce(status, 0), ?), "
                     "operator = coalesce(operator, ?) WHERE id = ?",
                     (int(Tick.SENT), item.operator, echo[0]))
        return
    conn.execute("UPDATE messages SET message_id = coalesce(?, message_id), "
                 "status = max(coalesce(status, 0), ?) WHERE id = ?",
                 (message_id, int(Tick.SENT), local))
    if message_id:  # statuses that arrived for the real id before the answer did
        best = conn.execute("SELECT max(status) FROM statuses WHERE account_id = ? AND "
                            "instance = ? AND message_id = ?",
                            (item.account_id, item.instance, message_id)).fetchone()[0]
        if best is not None:
            conn.execute("UPDATE messages SET status = max(status, ?) WHERE id = ?",
                         (best, local))


def failed(conn: sqlite3.Connection, item_id: int, failure: SendFailure, detail: str) -> None:
    item = get(conn, item_id)
    if item is None:
        return
    conn.execute("UPDATE outbox SET state = ?, error = ?, uncertain = ?, reason = ?, "
                 "retry_at = ?, http_status = ? WHERE id = ?",
                 (FAILED, detail, int(failure.uncertain), failure.reason.value, failure.until,
                  failure.status, item_id))
    local = _local_message(conn, item)
    if local is not None:
        conn.execute("UPDATE messages SET status = ? WHERE id = ?", (int(Tick.FAILED), local))


def requeue(conn: sqlite3.Connection, item_id: int) -> None:
    """Back to the queue without a failure (the API asked to wait: 429)."""
    conn.execute("UPDATE outbox SET state = ? WHERE id = ? AND state = ?",
                 (QUEUED, item_id, SENDING))


def retry(conn: sqlite3.Connection, item_id: int) -> OutboxItem | None:
    """A failed message queued again; None when it is not failed (already sent, say)."""
    item = get(conn, item_id)
    if item is None or item.state != FAILED:
        return None
    conn.execute("UPDATE outbox SET state = ?, error = NULL, uncertain = 0, reason = NULL, "
                 "retry_at = NULL, http_status = NULL WHERE id = ?", (QUEUED, item_id))
    local = _local_message(conn, item)
    if local is not None:
        conn.execute("UPDATE messages SET status = ? WHERE id = ?", (int(Tick.PENDING), local))
    return get(conn, item_id)


def recover(conn: sqlite3.Connection) -> int:
    """At start: a message that was being sent when zapdesk stopped may or may not have
    reached the API, so it becomes an uncertain failure for the operator to decide on."""
    rows = [int(r[0]) for r in conn.execute("SELECT id FROM outbox WHERE state = ?",
                                            (SENDING,))]
    for item_id in rows:
        failed(conn, item_id, SendFailure(Reason.STOPPED, uncertain=True),
               "zapdesk stopped while sending")
    return len(rows)


def failures(conn: sqlite3.Connection, account_id: str, instance: str,
             local_ids: list[str]) -> dict[str, SendFailure]:
    """Why each of these messages (by their local id) failed."""
    found = {}
    for row in conn.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE account_id = ? AND instance = ? AND "  # noqa: S608
            "state = ? AND local_id IN (SELECT value FROM json_each(?))",
            (account_id, instance, FAILED, json.dumps(local_ids))):
        item = _item(row)
        assert item.failure is not None
        found[item.local_id] = item.failure
    return found


def by_local_id(conn: sqlite3.Connection, account_id: str, message_id: str) -> OutboxItem | None:
    """The outbox row behind a conversation message still known by its local id."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM outbox WHERE account_id = ? AND "  # noqa: S608
                       "(local_id = ? OR message_id = ?)",
                       (account_id, message_id, message_id)).fetchone()
    return _item(row) if row else None
