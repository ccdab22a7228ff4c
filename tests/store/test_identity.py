"""One instance, one person, whatever order the halves arrive in: a real SQLite file fed
payloads as Evolution and Baileys send them, in every order, duplicated, interleaved with
an unrelated instance; the final store must be the same."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.webhooks import identity_payloads as ip
from zapdesk.store import identity, queries
from zapdesk.store.database import connect, database_path
from zapdesk.store.ingest import ingest
from zapdesk.webhooks.parser import parse

ACCOUNT = "acc_1"
API = "api list"  # a step: the API's instance list arrives (it names both instances)
OTHER_LID = "99887766554433@lid"


class Db:
    def __init__(self, directory: Path) -> None:
        self.conn = connect(database_path(directory))
        self.clock = 1767225600.0

    def close(self) -> None:
        self.conn.close()

    def step(self, item: Any) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        if item == API:
            for instance_id, name in ((ip.INSTANCE_ID, ip.NAME), (ip.OTHER_ID, ip.OTHER_NAME)):
                identity.learn_instance(self.conn, ACCOUNT, instance_id, name)
        else:
            self.clock += 1
            ingest(self.conn, ACCOUNT, item, parse(item), self.clock)
        self.conn.execute("COMMIT")

    def state(self) -> dict[str, Any]:
        """What an operator could see: conversations (with unread counts) and messages,
        by WhatsApp's keys (row ids and arrival times differ by order)."""
        chats = {(r.instance, r.jid): r.unread for r in queries.conversations(self.conn)}
        messages = {}
        for row in self.conn.execute(
                "SELECT m.instance, c.jid, m.message_id, m.body, m.status, m.deleted_at, "
                "m.sender_phone FROM messages m JOIN conversations c ON c.id = m.conversation_id"):
            messages[(row[0], row[2])] = (row[1], row[3], row[4], row[5] is not None, row[6])
        leftovers = 0
        for (table,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            columns = [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]
            if "instance" in columns:
                leftovers += self.conn.execute(
                    f"SELECT count(*) FROM {table} WHERE instance LIKE 'name:%'").fetchone()[0]  # noqa: S608
        lids = set(self.conn.execute("SELECT lid, phone FROM lids").fetchall())
        return {"chats": chats, "messages": messages, "name_keys_left": leftovers,
                "lids": {tuple(x) for x in lids}}


@contextmanager
def fresh_db() -> Iterator[Db]:
    with tempfile.TemporaryDirectory() as directory:
        db = Db(Path(directory))
        try:
            yield db
        finally:
            db.close()


def run(steps: list[Any]) -> dict[str, Any]:
    with fresh_db() as db:
        for item in steps:
            db.step(item)
        return db.state()


def shuffled(events: list[Any]) -> st.SearchStrategy[list[Any]]:
    """Every order, some events delivered twice (a redelivery lands anywhere)."""
    return st.lists(st.sampled_from(events), max_size=4).flatmap(
        lambda again: st.permutations(events + again))


# ---- instances ---------------------------------------------------------------------------
# M1 arrives with data.instanceId; M3, a status, an edit and the deletions without
# (Evolution's MESSAGES_DELETE never carries it); the other instance's are interleaved.
INSTANCE_EVENTS: list[Any] = [
    ip.message("M1", "Oi, quero um orçamento"),
    ip.message("M2", "Claro! Qual produto?", from_me=True),
    ip.status("M2", "READ", instance_id=None),
    ip.deletion("M1"),
    ip.message("M3", "O de 2 metros", instance_id=None, at=1767225700),
    ip.status("M2", "DELIVERY_ACK"),
    ip.edit("M3", "O de 3 metros", instance_id=None),
    ip.message("O1", "outra loja", instance_id=ip.OTHER_ID, name=ip.OTHER_NAME),
    ip.deletion("O1", name=ip.OTHER_NAME),
    API,
]


def test_the_instance_facts_in_their_natural_order() -> None:
    state = run([API, *INSTANCE_EVENTS[:-1]])
    assert state["messages"] == {
        (ip.INSTANCE_ID, "M1"): (ip.PHONE_JID, "Oi, quero um orçamento", 3, True, ip.PHONE),
        (ip.INSTANCE_ID, "M2"): (ip.PHONE_JID, "Claro! Qual produto?", 4, False, None),
        (ip.INSTANCE_ID, "M3"): (ip.PHONE_JID, "O de 3 metros", 3, False, ip.PHONE),
        (ip.OTHER_ID, "O1"): (ip.PHONE_JID, "outra loja", 3, True, ip.PHONE)}
    assert state["chats"] == {(ip.INSTANCE_ID, ip.PHONE_JID): 2, (ip.OTHER_ID, ip.PHONE_JID): 1}
    assert state["name_keys_left"] == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shuffled(INSTANCE_EVENTS))
def test_the_instance_facts_in_any_order_end_the_same(order: list[Any]) -> None:
    assert run(order) == run([API, *INSTANCE_EVENTS[:-1]])


def test_payloads_alone_reveal_the_instance_without_the_api_list() -> None:
    """The deletion came first, name-only: it was filed under the name; M1 with its id
    and name re-homes it, and it meets its message."""
    state = run([ip.deletion("M1"), ip.status("M1", "READ", instance_id=None),
                 ip.message("M1", "Oi")])
    assert state["messages"] == {(ip.INSTANCE_ID, "M1"): (ip.PHONE_JID, "Oi", 4, True, ip.PHONE)}
    assert state["name_keys_left"] == 0


def test_a_conversation_under_both_keys_keeps_what_was_read(tmp_path: Path) -> None:
    db = Db(tmp_path)
    try:
        db.step(API)  # the name is known: M1 is filed under the id at once
        db.step(ip.message("M1", "lida"))
        db.conn.execute("BEGIN IMMEDIATE")
        conversation = queries.conversations(db.conn)[0].id
        queries.mark_read(db.conn, conversation)
        db.conn.execute("COMMIT")
        # A second database saw M2 under the name only; merging it into the read
        # conversation leaves exactly one unread.
        db.conn.execute("BEGIN IMMEDIATE")
        db.conn.execute("DELETE FROM instances")
        db.conn.execute("COMMIT")
        db.step(ip.message("M2", "nova", instance_id=None, at=1767225900))
        assert {r.instance for r in queries.conversations(db.conn)} == \
            {ip.INSTANCE_ID, identity.name_key(ip.NAME)}
        db.step(API)
        rows = queries.conversations(db.conn)
        assert [(r.instance, r.jid, r.unread, r.last_text) for r in rows] == \
            [(ip.INSTANCE_ID, ip.PHONE_JID, 1, "nova")]
    finally:
        db.close()


# ---- people: @lid and numbers -------------------------------------------------------------
LID_EVENTS: list[Any] = [
    API,
    ip.message("L1", "oi, sou a Maria", remote=ip.LID),  # LID only: no number yet
    ip.message("L2", "tudo bem?", remote=ip.LID, alt=ip.PHONE_JID, mode="lid", at=1767225610),
    ip.message("P1", "alô", remote=ip.PHONE_JID, alt=ip.LID, mode="pn", at=1767225620),
    ip.message("O1", "Olá Maria!", from_me=True, at=1767225630),
    ip.status("O1", "READ"),
    ip.deletion("L1", remote=ip.LID),
    ip.contact(ip.LID, jid=ip.PHONE_JID),
    ip.chats_set(ip.PHONE_JID, ip.LID),
    ip.message("G1", "no grupo", remote=ip.GROUP, participant=ip.LID,
               participant_alt=ip.PHONE_JID, at=1767225640),
    ip.message("X1", "outra pessoa", remote=OTHER_LID, at=1767225650),  # stays a LID
    ip.message("N1", "outra loja", remote=ip.LID, instance_id=ip.OTHER_ID,
               name=ip.OTHER_NAME, at=1767225660),
]


def test_the_lid_facts_in_their_natural_order() -> None:
    state = run(LID_EVENTS)
    messages = state["messages"]
    assert {k: v[0] for k, v in messages.items()} == {
        (ip.INSTANCE_ID, "L1"): ip.PHONE_JID, (ip.INSTANCE_ID, "L2"): ip.PHONE_JID,
        (ip.INSTANCE_ID, "P1"): ip.PHONE_JID, (ip.INSTANCE_ID, "O1"): ip.PHONE_JID,
        (ip.INSTANCE_ID, "G1"): ip.GROUP, (ip.INSTANCE_ID, "X1"): OTHER_LID,
        (ip.OTHER_ID, "N1"): ip.PHONE_JID}  # the person is joined in every instance
    assert messages[(ip.INSTANCE_ID, "L1")][3] is True  # the deletion met its message
    assert messages[(ip.INSTANCE_ID, "O1")][2] == 4  # READ
    assert messages[(ip.INSTANCE_ID, "G1")][4] == ip.PHONE
    assert state["chats"] == {(ip.INSTANCE_ID, ip.PHONE_JID): 3, (ip.INSTANCE_ID, ip.GROUP): 1,
                              (ip.INSTANCE_ID, OTHER_LID): 1, (ip.OTHER_ID, ip.PHONE_JID): 1}
    assert state["lids"] == {(ip.LID, ip.PHONE)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shuffled(LID_EVENTS))
def test_the_lid_facts_in_any_order_end_the_same(order: list[Any]) -> None:
    assert run(order) == run(LID_EVENTS)


@given(st.sampled_from([ip.contact(ip.LID, jid=ip.PHONE_JID),
                        ip.contact(ip.LID, phoneNumber=ip.PHONE_JID),
                        ip.contact(ip.PHONE_JID, lid=ip.LID),
                        ip.chats_set(ip.PHONE_JID, ip.LID),
                        ip.phone_number_share(ip.LID, ip.PHONE_JID),
                        ip.message("P9", "x", remote=ip.PHONE_JID, alt=ip.LID, mode="pn"),
                        ip.message("P9", "x", remote=ip.LID, alt=ip.PHONE_JID, mode="lid"),
                        ip.message("P9", "x", remote=ip.GROUP, participant=ip.LID,
                                   participant_alt=ip.PHONE_JID)]))
@settings(max_examples=20, deadline=None)
def test_every_field_that_tells_the_number_joins_the_threads(revealer: dict[str, Any]) -> None:
    state = run([API, ip.message("L1", "oi", remote=ip.LID), revealer])
    assert state["messages"][(ip.INSTANCE_ID, "L1")][0] == ip.PHONE_JID
    assert state["lids"] == {(ip.LID, ip.PHONE)}


@pytest.mark.parametrize("payload", [ip.chats_set(ip.PHONE_JID, ip.LID),
                                     ip.phone_number_share(ip.LID, ip.PHONE_JID)])
def test_identity_only_events_are_understood(payload: dict[str, Any]) -> None:
    assert parse(payload).unsupported is False


def test_a_lid_message_after_the_pair_is_known_is_named_by_its_contact(tmp_path: Path
                                                                     ) -> None:
    db = Db(tmp_path)
    try:
        db.step(API)
        db.step(ip.chats_set(ip.PHONE_JID, ip.LID))  # the pair, before any message
        db.step(ip.message("L1", "oi", remote=ip.LID))
        [row] = queries.conversations(db.conn)
        assert (row.jid, row.name, row.phone) == (ip.PHONE_JID, "Maria Souza", ip.PHONE)
    finally:
        db.close()


def test_merging_keeps_unread_messages_unread(tmp_path: Path) -> None:
    """The number's thread was read, the LID's has one new message: after the merge one
    is unread, not none (the LID's) and not two (the read one again)."""
    db = Db(tmp_path)
    try:
        db.step(API)
        db.step(ip.message("P0", "lida", at=1767225000))
        db.conn.execute("BEGIN IMMEDIATE")
        queries.mark_read(db.conn, queries.conversations(db.conn)[0].id)
        db.conn.execute("COMMIT")
        db.step(ip.message("L1", "nova", remote=ip.LID, at=1767225500))
        db.step(ip.contact(ip.LID, jid=ip.PHONE_JID))
        rows = queries.conversations(db.conn)
        assert [(r.jid, r.unread, r.last_text) for r in rows] == [(ip.PHONE_JID, 1, "nova")]
    finally:
        db.close()


def test_a_draft_typed_to_the_lid_is_kept_with_the_number(tmp_path: Path) -> None:
    db = Db(tmp_path)
    try:
        db.step(API)
        db.step(ip.message("L1", "oi", remote=ip.LID))
        db.conn.execute("BEGIN IMMEDIATE")
        queries.save_draft(db.conn, (ACCOUNT, ip.INSTANCE_ID, ip.LID), "já respondo", 1.0)
        queries.save_draft(db.conn, (ACCOUNT, ip.INSTANCE_ID, ip.PHONE_JID), "Oi!", 2.0)
        db.conn.execute("COMMIT")
        db.step(ip.contact(ip.LID, jid=ip.PHONE_JID))
        assert queries.drafts(db.conn) == {(ACCOUNT, ip.INSTANCE_ID, ip.PHONE_JID):
                                           "Oi!\n\njá respondo"}
    finally:
        db.close()


def test_the_same_pair_again_changes_nothing(tmp_path: Path) -> None:
    db = Db(tmp_path)
    try:
        db.step(API)
        db.step(ip.message("L1", "oi", remote=ip.LID))
        db.step(ip.contact(ip.LID, jid=ip.PHONE_JID))
        before = db.state()
        payload = ip.contact(ip.LID, jid=ip.PHONE_JID)
        payload["date_time"] = "2026-01-02T00:00:00.000Z"  # a new payload, same pair
        db.conn.execute("BEGIN IMMEDIATE")
        outcome = ingest(db.conn, ACCOUNT, payload, parse(payload), 2e9)
        db.conn.execute("COMMIT")
        assert outcome.others == {} and db.state() == before
    finally:
        db.close()


def test_a_version_6_file_is_migrated_keeping_what_was_filed_under_a_name(
        tmp_path: Path) -> None:
    import sqlite3

    from zapdesk.store.schema import MIGRATIONS

    path = database_path(tmp_path)
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:6]):  # as zapdesk with schema 6 left it
        conn.executescript(f"BEGIN; {script} PRAGMA user_version = {number + 1}; COMMIT;")
    conn.close()
    db = Db(tmp_path)  # opens and migrates
    try:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        db.step(ip.message("M3", "sem id", instance_id=None))
        db.step(ip.message("L1", "oi", remote=ip.LID))
        db.step(ip.contact(ip.LID, jid=ip.PHONE_JID))
        db.step(API)
        assert {(r.instance, r.jid) for r in queries.conversations(db.conn)} == \
            {(ip.INSTANCE_ID, ip.PHONE_JID)}
    finally:
        db.close()


def test_the_file_stays_consistent_after_rehoming() -> None:
    with fresh_db() as db:
        for item in [*INSTANCE_EVENTS[:-1], *LID_EVENTS[1:], API]:
            db.step(item)
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # full-text search follows the messages that moved
        assert [m.message_id for m in queries.search(db.conn, "metros")] == ["M3"]
