"""Why a message failed is kept with its outbox row, and a store written before that was
kept learns the reasons its failures' English text tells."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from zapdesk.core.events import Tick
from zapdesk.core.send_failure import Reason, SendFailure
from zapdesk.store import outbox, queries
from zapdesk.store.database import database_path
from zapdesk.store.schema import MIGRATIONS, VERSION
from zapdesk.store.store import Store

pytestmark = pytest.mark.asyncio
ACCOUNT, INSTANCE = "acc_1", "inst_abc123"
OLD_TEXTS = {  # what zapdesk with schema 4 stored (English templates), and what they mean
    "zapdesk stopped while sending": (Reason.STOPPED, None),
    "The server failed (HTTP 500): internal error": (Reason.SERVER_ERROR, 500),
    "The server did not answer in time (ReadTimeout).": (Reason.TIMEOUT, None),
    "The server refused the connection (All connection attempts failed). Check the server "
    "address.": (Reason.NETWORK, None),
    "Conflict: the instance is disconnected; it must be connected": (Reason.DISCONNECTED, None),
    "The server refused to: not a WhatsApp number": (Reason.INVALID_NUMBER, None),
    "O servidor falhou (HTTP 500): erro": (Reason.UNKNOWN, None),  # a translated one
}


def schema_4_store(directory: Path) -> Path:
    """A store as zapdesk with schema 4 left it: failed messages with their sentence."""
    path = database_path(directory)
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:4]):
        conn.executescript(f"BEGIN; {script} PRAGMA user_version = {number + 1}; COMMIT;")
    for n, text in enumerate(OLD_TEXTS):
        chat, local = f"55119876543{n:02d}@s.whatsapp.net", f"local-{n}"
        conn.execute("INSERT INTO conversations (account_id, instance, jid) VALUES (?, ?, ?)",
                     (ACCOUNT, INSTANCE, chat))
        conn.execute("INSERT INTO messages (conversation_id, account_id, instance, message_id,"
                     " from_me, at, kind, body, status, received_at) VALUES ((SELECT id FROM "
                     "conversations WHERE jid = ?), ?, ?, ?, 1, ?, 'text', ?, ?, 0)",
                     (chat, ACCOUNT, INSTANCE, local, 1_700_000_000 + n, f"m{n}",
                      int(Tick.FAILED)))
        conn.execute("INSERT INTO outbox (account_id, instance, chat_jid, recipient, kind, body,"
                     " state, uncertain, attempts, error, local_id, created_at) VALUES "
                     "(?, ?, ?, ?, 'text', ?, 'failed', ?, 1, ?, ?, ?)",
                     (ACCOUNT, INSTANCE, chat, chat.split("@")[0], f"m{n}", int(n == 0), text,
                      local, 1_700_000_000.0 + n))
    conn.commit()
    conn.close()
    return path


async def test_an_older_store_gets_the_reasons_of_its_failures(tmp_path: Path) -> None:
    path = schema_4_store(tmp_path)
    store = Store(tmp_path)
    await store.open()
    try:
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
        conn.close()
        items = [await store.read(lambda c, i=i: outbox.get(c, i))
                 for i in range(1, len(OLD_TEXTS) + 1)]
        found = {item.error: (item.failure.reason, item.failure.status)  # type: ignore
                 for item in items if item is not None}
        assert found == OLD_TEXTS
        assert items[0] is not None and items[0].failure == SendFailure(Reason.STOPPED, True)
        # The conversation's bubble carries it.
        conversations = await store.read(queries.conversations)
        server = next(c for c in conversations if c.jid.startswith("5511987654301"))
        [row] = await store.read(lambda c: queries.messages_page(c, server.id))
        assert row.failure == SendFailure(Reason.SERVER_ERROR, False, None, 500)
    finally:
        await store.close()


async def test_a_failure_is_kept_with_its_reason_and_cleared_by_a_retry(tmp_path: Path
                                                                        ) -> None:
    store = Store(tmp_path)
    await store.open()
    try:
        item = await store.write(lambda c: outbox.enqueue(
            c, account_id=ACCOUNT, instance=INSTANCE, recipient="5511987654321", kind="text",
            body="oi", media_url=None, now=1_700_000_000.0))
        await store.write(lambda c: outbox.take(c, ACCOUNT, INSTANCE))
        failure = SendFailure(Reason.RATE_LIMITED, False, 1_700_003_600.0, 429)
        await store.write(lambda c: outbox.failed(c, item.id, failure, "Too many requests"))
        kept = await store.read(lambda c: outbox.get(c, item.id))
        assert kept is not None and kept.failure == failure
        assert kept.error == "Too many requests"
        again = await store.write(lambda c: outbox.retry(c, item.id))
        assert again is not None and again.failure is None
        assert (again.reason, again.retry_at, again.http_status, again.error) == (
            None, None, None, None)
    finally:
        await store.close()
