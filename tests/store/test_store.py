"""The store on a real SQLite file: dedupe, facts in any order, names, search, the raw log."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from tests.webhooks import payloads as p
from zapdesk.core.errors import StoreTooNew
from zapdesk.core.events import Tick
from zapdesk.store import queries
from zapdesk.store.database import connect, database_path
from zapdesk.store.rawlog import RawLogLimits, prune
from zapdesk.store.schema import MIGRATIONS, VERSION
from zapdesk.store.store import Store
from zapdesk.webhooks.parser import parse

pytestmark = pytest.mark.asyncio
ACCOUNT = "acc_1"


async def receive(store: Store, payload: dict[str, Any], account: str = ACCOUNT) -> str:
    return (await store.receive(account, payload, parse(payload))).outcome


def text_message(message_id: str, text: str, **options: Any) -> dict[str, Any]:
    return p.documented("messages.upsert", p.upsert({"conversation": text},
                                                    message_id=message_id, **options))


async def all_messages(store: Store) -> list[queries.MessageRow]:
    conversations = await store.read(queries.conversations)
    found = []
    for conversation in conversations:
        found += await store.read(lambda c, i=conversation.id: queries.messages(c, i))
    return found


async def test_fresh_database_is_wal_at_the_current_version(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


async def test_an_older_database_is_migrated_in_place_keeping_its_messages(
        tmp_path: Path) -> None:
    path = database_path(tmp_path)
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:2]):  # as zapdesk with schema 2 left it
        conn.executescript(f"BEGIN; {script} PRAGMA user_version = {number + 1}; COMMIT;")
    conn.execute("INSERT INTO conversations (account_id, instance, jid) VALUES (?, ?, ?)",
                 (ACCOUNT, "inst_abc123", "5521999990000@s.whatsapp.net"))
    conn.execute("INSERT INTO messages (conversation_id, account_id, instance, message_id, "
                 "from_me, at, kind, body, received_at) VALUES (1, ?, 'inst_abc123', 'OLD', 0, "
                 "1704456000, 'text', 'de antes', 0)", (ACCOUNT,))
    conn.commit()
    conn.close()
    store = Store(tmp_path)
    await store.open()
    try:
        await receive(store, text_message("U1", "oi"))
        assert {m.text for m in await all_messages(store)} == {"de antes", "oi"}
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
        plan = " ".join(str(r[3]) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM messages WHERE conversation_id = 1 "
            "AND from_me = 0 AND id > 0"))
        conn.close()
        assert "messages_incoming" in plan, plan  # unread counts use the new index
        assert await store.read(queries.unread_by_instance) == {(ACCOUNT, "inst_abc123"): 2}
    finally:
        await store.close()


async def test_a_database_from_a_newer_zapdesk_is_refused_untouched(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {VERSION + 1}")
    conn.close()
    with pytest.raises(StoreTooNew) as raised:
        connect(path)
    assert "newer" in raised.value.message()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION + 1
    conn.close()


async def test_a_message_is_stored_once_however_often_it_comes(store: Store) -> None:
    payload = text_message("M1", "Olá!")
    assert await receive(store, payload) == "stored"
    assert await receive(store, payload) == "duplicate"  # the same payload again
    again = p.evolution("messages.upsert", p.upsert({"conversation": "Olá!"}, message_id="M1"))
    again["data"]["instanceId"] = "inst_abc123"
    assert await receive(store, again) == "stored"  # another envelope, same message id
    found = await all_messages(store)
    assert [(m.message_id, m.text) for m in found] == [("M1", "Olá!")]
    conversation = (await store.read(queries.conversations))[0]
    assert (conversation.name, conversation.unread, conversation.last_text) == \
        ("João Silva", 1, "Olá!")


async def test_statuses_only_move_forward_and_may_come_first(store: Store) -> None:
    update = p.documented("messages.update", [
        {"key": {"remoteJid": p.JID, "fromMe": True, "id": "OUT"}, "update": {"status": 4}}])
    await receive(store, update)  # READ before the message itself
    await receive(store, text_message("OUT", "enviado", from_me=True, push_name=None,
                                      status="SERVER_ACK"))
    await receive(store, p.documented("messages.update", [
        {"key": {"remoteJid": p.JID, "fromMe": True, "id": "OUT"}, "update": {"status": 3}}]))
    (message,) = await all_messages(store)
    assert message.status == Tick.READ
    history = await store.read(lambda c: [r[0] for r in c.execute(
        "SELECT status FROM statuses ORDER BY status")])
    assert history == [Tick.SENT, Tick.DELIVERED, Tick.READ]  # the whole history is kept


async def test_edit_and_revoke_apply_in_any_order(store: Store) -> None:
    await receive(store, p.documented("messages.upsert", p.upsert(p.revoke("LATE"),
                                                                  message_id="X1")))
    await receive(store, text_message("LATE", "vai sumir"))
    await receive(store, text_message("M2", "errado"))
    await receive(store, p.evolution("messages.edited", p.evolution_edited("M2", "corrigido")))
    by_id = {m.message_id: m for m in await all_messages(store)}
    assert by_id["LATE"].deleted_at is not None
    assert by_id["M2"].text == "corrigido" and by_id["M2"].edited_at is not None
    assert set(by_id) == {"LATE", "M2"}  # edits and revokes are not messages themselves
    found = await store.read(lambda c: queries.search(c, "corrigido"))
    assert [m.message_id for m in found] == ["M2"]
    assert await store.read(lambda c: queries.search(c, "errado")) == []


async def test_reactions_and_their_removal(store: Store) -> None:
    await receive(store, text_message("OUT1", "pedido enviado", from_me=True, push_name=None))
    await receive(store, p.documented("messages.upsert", p.upsert(p.reaction("OUT1", "👍"),
                                                                  message_id="R1")))
    (message,) = await all_messages(store)
    assert message.reactions == ((p.JID, "👍"),)
    await receive(store, p.documented("messages.upsert", p.upsert(
        p.reaction("OUT1", "", at_ms=1704456999000), message_id="R2", timestamp=1704456999)))
    (message,) = await all_messages(store)
    assert message.reactions == ()


async def test_contact_names_and_group_subjects_name_conversations(store: Store) -> None:
    await receive(store, text_message("G1", "bom dia", remote=p.GROUP,
                                      participant="5521912345678@s.whatsapp.net",
                                      push_name="Ana"))
    await receive(store, text_message("C1", "oi", push_name=None))
    await receive(store, p.documented("groups.upsert", [{"id": p.GROUP,
                                                         "subject": "Vendas SP"}]))
    await receive(store, p.documented("contacts.update", [{"id": p.JID, "notify": "Zé"}]))
    names = {c.jid: c.name for c in await store.read(queries.conversations)}
    assert names == {p.GROUP: "Vendas SP", p.JID: "Zé"}
    group = next(m for m in await all_messages(store) if m.message_id == "G1")
    assert (group.sender_name, group.sender_phone) == ("Ana", "5521912345678")


async def test_every_kind_keeps_its_details(store: Store) -> None:
    contents = [c for _, c in p.MEDIA] + p.LOCATIONS + p.CONTACTS + p.POLLS + \
        [{"groupInviteMessage": {"inviteCode": "x"}}, p.quoted_reply("M0", "e aí?")]
    for number, content in enumerate(contents):
        await receive(store, p.documented("messages.upsert",
                                          p.upsert(content, message_id=f"K{number}")))
    kinds = [m.kind for m in await all_messages(store)]
    assert kinds.count("image") == 3 and "unsupported" in kinds and "poll" in kinds
    by_kind: dict[str, queries.MessageRow] = {}
    for message in await all_messages(store):
        by_kind.setdefault(message.kind, message)  # the first of each kind
    assert by_kind["document"].media is not None
    assert by_kind["document"].media["file_name"] == "contrato.pdf"
    assert by_kind["location"].extra is not None
    assert by_kind["location"].extra["location"]["name"] == "MASP"
    assert by_kind["contact"].extra is not None
    assert by_kind["unsupported"].extra is not None
    assert "inviteCode" in by_kind["unsupported"].extra["raw"]
    quoted = next(m for m in await all_messages(store) if m.quote_id)
    assert (quoted.quote_id, quoted.quote_text) == ("M0", "e aí?")


async def test_unsupported_events_are_kept_raw_and_secrets_masked(store: Store) -> None:
    payload = p.evolution("call", [{"id": "c1", "from": p.JID, "status": "offer"}])
    payload["instanceId"] = "inst_abc123"
    assert await receive(store, payload) == "unsupported"
    rows = await store.read(lambda c: c.execute(
        "SELECT outcome, body FROM raw_events").fetchall())
    assert len(rows) == 1 and rows[0][0] == "unsupported"
    body = json.loads(rows[0][1])
    assert body["data"][0]["status"] == "offer" and body["apikey"] == "***"
    assert "B6D711FCDE4D4FD5936544120E713976" not in rows[0][1]
    counts = await store.read(lambda c: queries.event_counts(c, ACCOUNT))
    assert (counts.received, counts.unsupported) == (1, 1)


async def test_search_ignores_accents_and_fts_syntax(store: Store) -> None:
    await receive(store, text_message("S1", "João pagou o boleto"))
    await receive(store, text_message("S2", "Preciso da segunda via"))
    for typed, expected in [("joao", ["S1"]), ("BOLE", ["S1"]), ("segunda via", ["S2"]),
                            ('"', []), ("AND OR (", []), ("via*", ["S2"]), ("", [])]:
        found = await store.read(lambda c, t=typed: queries.search(c, t))
        assert [m.message_id for m in found] == expected, typed


async def test_name_only_envelopes_join_their_instance_once_known(store: Store) -> None:
    evolution = p.evolution("messages.upsert", p.upsert({"conversation": "sem id"},
                                                        message_id="N1"), name="Vendas")
    await receive(store, evolution)
    assert {c.instance for c in await store.read(queries.conversations)} == {"name:Vendas"}
    moved = await store.remember_instances(ACCOUNT, [("inst_9", "Vendas")])
    assert moved == {"inst_9": {p.JID}}  # the window is told, so the list shows it at once
    assert await store.remember_instances(ACCOUNT, [("inst_9", "Vendas")]) == {}
    await receive(store, p.documented("messages.upsert", p.upsert(
        {"conversation": "com id"}, message_id="N2"), instance_id="inst_9", name="Vendas"))
    conversations = await store.read(queries.conversations)
    assert [(c.instance, c.instance_name) for c in conversations] == [("inst_9", "Vendas")]
    assert {m.message_id for m in await all_messages(store)} == {"N1", "N2"}


async def test_accounts_are_kept_apart(store: Store) -> None:
    await receive(store, text_message("A1", "conta 1"), account="acc_1")
    await receive(store, text_message("A1", "conta 2"), account="acc_2")
    assert len(await store.read(lambda c: queries.conversations(c, account_id="acc_2"))) == 1
    assert len(await all_messages(store)) == 2


async def test_a_failing_job_does_not_cost_the_others(store: Store) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO nowhere VALUES (1)")

    results = await asyncio.gather(store.write(broken),
                                   store.receive(ACCOUNT, text_message("OK", "ok"),
                                                 parse(text_message("OK", "ok"))),
                                   return_exceptions=True)
    assert isinstance(results[0], sqlite3.OperationalError)
    assert [m.message_id for m in await all_messages(store)] == ["OK"]


async def test_raw_log_is_pruned_by_age_then_size(tmp_path: Path) -> None:
    conn = connect(database_path(tmp_path))
    now = time.time()
    rows = [("a", now - 40 * 86400, "e", None, f"d{i}", "stored", "x" * 1000)
            for i in range(3)]
    rows += [("a", now - i, "e", None, f"n{i}", "stored", "y" * 100_000) for i in range(30)]
    conn.executemany("INSERT INTO raw_events (account_id, received_at, event, instance, digest,"
                     " outcome, body) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    removed = prune(conn, RawLogLimits(days=30, megabytes=1.0), now)
    left = conn.execute("SELECT count(*), sum(length(body)) FROM raw_events").fetchone()
    conn.close()
    assert removed == 3 + 20 and tuple(left) == (10, 1_000_000)


async def test_reading_clears_unread_and_needs_reply_follows_the_last_message(
        store: Store, tmp_path: Path) -> None:
    await receive(store, text_message("U1", "oi"))
    await receive(store, text_message("U2", "alguém aí?", timestamp=1704456800))
    await receive(store, text_message("O1", "oi", remote="5521999990000@s.whatsapp.net",
                                      timestamp=1704456700))
    await receive(store, text_message("O2", "respondido", remote="5521999990000@s.whatsapp.net",
                                      from_me=True, push_name=None, timestamp=1704456900))
    unread = {c.jid: c.unread for c in await store.read(queries.conversations)}
    assert unread == {p.JID: 2, "5521999990000@s.whatsapp.net": 1}
    waiting = await store.read(queries.needs_reply)
    assert [c.jid for c in waiting] == [p.JID]
    first = next(c for c in await store.read(queries.conversations) if c.jid == p.JID)
    await store.write(lambda c: queries.mark_read(c, first.id))
    await store.close()
    reopened = Store(tmp_path)  # counts come from the store, so they survive a restart
    await reopened.open()
    try:
        unread = {c.jid: c.unread for c in await reopened.read(queries.conversations)}
        assert unread[p.JID] == 0
        await receive(reopened, text_message("U3", "e agora?", timestamp=1704457000))
        unread = {c.jid: c.unread for c in await reopened.read(queries.conversations)}
        assert unread[p.JID] == 1
        assert await reopened.read(queries.unread_by_instance) == {
            (ACCOUNT, "inst_abc123"): 2}  # U3, and O1 of the other conversation
    finally:
        await reopened.close()
        await store.open()  # the fixture closes it again


async def test_reactions_stored_in_seconds_move_to_milliseconds(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:5]):  # as zapdesk with schema 5 left it
        conn.executescript(f"BEGIN; {script} PRAGMA user_version = {number + 1}; COMMIT;")
    conn.execute("INSERT INTO reactions VALUES (?, 'inst_abc123', 'OUT1', ?, '👍', 1704456800)",
                 (ACCOUNT, p.JID))
    conn.commit()
    conn.close()
    store = Store(tmp_path)
    await store.open()
    try:
        await receive(store, text_message("OUT1", "pedido", from_me=True, push_name=None))
        (message,) = await all_messages(store)
        assert message.reactions == ((p.JID, "👍"),)
        # An older change (in milliseconds now) does not replace it; a newer removal does.
        await receive(store, p.documented("messages.upsert", p.upsert(
            p.reaction("OUT1", "😂", at_ms=1704456799999), message_id="R1")))
        (message,) = await all_messages(store)
        assert message.reactions == ((p.JID, "👍"),)
        await receive(store, p.documented("messages.upsert", p.upsert(
            p.reaction("OUT1", "", at_ms=1704456800001), message_id="R2")))
        (message,) = await all_messages(store)
        assert message.reactions == ()
    finally:
        await store.close()
