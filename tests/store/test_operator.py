"""Who sent each outgoing message: recorded on the outbox row and the conversation's copy
(also when the webhook's echo came first), kept through the upgrade of a store that
already holds messages, and written by ``zapdesk export``."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from tests.store.test_store import ACCOUNT, all_messages, receive, text_message
from tests.webhooks import payloads as p
from zapdesk.store import export, outbox
from zapdesk.store import quick_replies as q
from zapdesk.store.database import database_path
from zapdesk.store.schema import MIGRATIONS, VERSION
from zapdesk.store.store import Store

pytestmark = pytest.mark.asyncio
PHONE = p.JID.split("@", 1)[0]


async def test_a_store_with_messages_upgrades_and_then_records_the_operator(
        tmp_path: Path) -> None:
    path = database_path(tmp_path)
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:7]):  # as zapdesk with schema 7 left it
        conn.executescript(f"BEGIN; {script} PRAGMA user_version = {number + 1}; COMMIT;")
    conn.execute("INSERT INTO conversations (account_id, instance, jid, last_at) "
                 "VALUES (?, 'inst_abc123', ?, 1704456789)", (ACCOUNT, p.JID))
    conn.execute("INSERT INTO messages (conversation_id, account_id, instance, message_id, "
                 "from_me, at, kind, body, received_at) VALUES (1, ?, 'inst_abc123', 'IN1', 0, "
                 "1704456789, 'text', 'Oi, tudo bem?', 1704456790)", (ACCOUNT,))
    conn.commit()
    conn.close()
    store = Store(tmp_path)
    await store.open()
    try:
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
        conn.close()
        (before,) = await all_messages(store)
        assert (before.text, before.operator) == ("Oi, tudo bem?", None)
        # Sent from here: the operator is on the row at once, and after the API's answer.
        item = await store.write(lambda c: outbox.enqueue(
            c, account_id=ACCOUNT, instance="inst_abc123", recipient=PHONE, kind="text",
            body="*Ana:*\nTudo!", media_url=None, now=1704456900.0, operator="Ana Souza"))
        assert item.operator == "Ana Souza"
        mine = [m for m in await all_messages(store) if m.from_me]
        assert [(m.text, m.operator) for m in mine] == [("*Ana:*\nTudo!", "Ana Souza")]
        await store.write(lambda c: outbox.sent(c, item.id, "OUT9", 1704456901.0))
        mine = [m for m in await all_messages(store) if m.from_me]
        assert [(m.message_id, m.operator) for m in mine] == [("OUT9", "Ana Souza")]
        # The export says who sent it; the contact's message has no operator.
        out = io.StringIO()
        await store.read(lambda c: export.write_json(c, out))
        [chat] = json.loads(out.getvalue())["conversations"]
        assert [m.get("operator") for m in chat["messages"]] == [None, "Ana Souza"]
        out = io.StringIO()
        await store.read(lambda c: export.write_csv(c, out))
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert [r["operator"] for r in rows] == ["", "Ana Souza"]
    finally:
        await store.close()


async def test_the_operator_survives_the_echo_arriving_before_the_answer(store: Store
                                                                         ) -> None:
    item = await store.write(lambda c: outbox.enqueue(
        c, account_id=ACCOUNT, instance="inst_abc123", recipient=PHONE, kind="text",
        body="Pedido saiu", media_url=None, now=1704456900.0, operator="Bruno"))
    await receive(store, text_message("OUT7", "Pedido saiu", from_me=True, push_name=None))
    await store.write(lambda c: outbox.sent(c, item.id, "OUT7", 1704456901.0))
    [mine] = [m for m in await all_messages(store) if m.from_me]
    assert (mine.message_id, mine.operator) == ("OUT7", "Bruno")


async def test_quick_replies_and_protocols_per_account(store: Store) -> None:
    first = await store.write(lambda c: q.save(c, ACCOUNT, "ola", "Olá!", 1.0))
    await store.write(lambda c: q.save(c, ACCOUNT, "pix", "Chave", 1.0))
    await store.write(lambda c: q.save(c, "acc_2", "ola", "Outra conta", 1.0))
    listed = await store.read(lambda c: q.listed(c, ACCOUNT))
    assert [r.shortcut for r in listed] == ["ola", "pix"]
    await store.write(lambda c: q.reorder(c, ACCOUNT, [listed[1].id, first]))
    assert [r.shortcut for r in await store.read(lambda c: q.listed(c, ACCOUNT))] == [
        "pix", "ola"]
    assert [r.body for r in await store.read(lambda c: q.listed(c, "acc_2"))] == [
        "Outra conta"]
    await receive(store, text_message("IN1", "Oi"))
    [chat] = await store.read(lambda c: c.execute("SELECT id FROM conversations").fetchall())
    numbers = [await store.write(lambda c: q.next_protocol(c, chat[0])) for _ in range(3)]
    assert numbers == [f"{chat[0]}-1", f"{chat[0]}-2", f"{chat[0]}-3"]
