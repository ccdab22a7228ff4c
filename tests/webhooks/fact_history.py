"""Every kind of fact about a message, in the shapes real senders emit (see payloads.py),
for two instances that share message ids; and the one final state they must leave in the
store whatever order they arrive in."""

from __future__ import annotations

import sqlite3
from typing import Any

from tests.webhooks import payloads as p
from zapdesk.core.events import Tick
from zapdesk.store import queries

T = 1704456789  # the Evolution envelope's date_time is this second too
A, A_NAME = "inst_A", "Loja A"
B, B_NAME = "inst_B", "Loja B"
INSTANCES = ((A, A_NAME), (B, B_NAME))


def _doc(event: str, data: Any, instance: str = A, name: str = A_NAME) -> dict[str, Any]:
    return p.documented(event, data, instance_id=instance, name=name)


def _evo(event: str, data: Any, name: str = A_NAME) -> dict[str, Any]:
    return p.evolution(event, data, name=name)


def _up(content: dict[str, Any], message_id: str, at: int, instance: str = A,
        name: str = A_NAME, **options: Any) -> dict[str, Any]:
    return _doc("messages.upsert", p.upsert(content, message_id=message_id, timestamp=at,
                                            **options), instance, name)


def _status(message_id: str, status: Any) -> dict[str, Any]:
    return _evo("messages.update", {"keyId": message_id, "remoteJid": p.JID, "fromMe": True,
                                    "status": status, "instanceId": A})


def _react(target: str, emoji: str, second: int, *, mine: bool = False, instance: str = A,
           name: str = A_NAME) -> dict[str, Any]:
    return _up(p.reaction(target, emoji, at_ms=second * 1000 + 123), f"RX{instance}{second}",
               second, instance, name, from_me=mine, push_name=None if mine else "João Silva")


def history() -> list[tuple[str, dict[str, Any]]]:
    """(label, payload) in the order the facts happened on the phones."""
    return [
        ("M", _up({"conversation": "texto original"}, "M", T)),
        ("D", _up({"conversation": "vou apagar"}, "D", T + 10)),
        ("O", _up({"conversation": "pedido enviado"}, "O", T + 20, from_me=True,
                  push_name=None, status="SERVER_ACK")),
        ("M in B", _up({"conversation": "outra instância"}, "M", T + 5, B, B_NAME)),
        ("O delivered", _status("O", "DELIVERY_ACK")),
        ("O read", _doc("messages.update", [{"key": {"remoteJid": p.JID, "fromMe": True,
                                                     "id": "O"}, "update": {"status": 4}}])),
        ("contact 👍", _react("O", "👍", T + 30)),
        ("mine ❤️", _react("O", "❤️", T + 31, mine=True)),
        ("contact removes", _react("O", "", T + 40)),
        ("mine removed", _react("O", "", T + 41, mine=True)),
        ("contact 😂", _react("O", "😂", T + 50)),
        ("B: contact 👀", _react("M", "👀", T + 30, instance=B, name=B_NAME)),
        ("B: O delivered", _doc("messages.update", [{"key": {"remoteJid": p.JID,
                                                             "fromMe": True, "id": "O"},
                                                     "update": {"status": 3}}], B, B_NAME)),
        ("M edited", _evo("messages.edited", p.evolution_edited(
            "M", "primeira correção", at_ms=(T + 100) * 1000 + 5))),
        ("M edited again", _doc("messages.update", p.baileys_edit_update(
            "M", "segunda correção", at=T + 200))),
        ("D revoked (edited event)", _evo("messages.edited", p.evolution_revoked("D"))),
        ("D revoked (delete event)", _evo("messages.delete", p.evolution_delete("D"))),
        ("D revoked (upsert)", _up(p.revoke("D"), "X1", T + 300)),
    ]


# (instance, message id) → (text, edited_at, deleted_at, status, reactions)
EXPECTED: dict[tuple[str, str], tuple[Any, ...]] = {
    (A, "M"): ("segunda correção", T + 200, None, None, ()),
    (A, "D"): ("vou apagar", None, T, None, ()),
    (A, "O"): ("pedido enviado", None, None, Tick.READ, ((p.JID, "😂"),)),
    (B, "M"): ("outra instância", None, None, None, ((p.JID, "👀"),)),
}


def seed_instances(conn: sqlite3.Connection, account: str) -> None:
    """What the API's instance list tells before any webhook (names ↔ ids)."""
    conn.executemany("INSERT OR REPLACE INTO instances VALUES (?, ?, ?)",
                     [(account, i, n) for i, n in INSTANCES])


def snapshot(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[Any, ...]]:
    """The final state as the chat view reads it."""
    found: dict[tuple[str, str], tuple[Any, ...]] = {}
    for conversation in queries.conversations(conn):
        for m in queries.messages(conn, conversation.id):
            found[(conversation.instance, m.message_id)] = (
                m.text, m.edited_at, m.deleted_at, m.status, tuple(sorted(m.reactions)))
    return found
