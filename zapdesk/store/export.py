"""Stored conversations as JSON or CSV, for the operator and for checks."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import UTC, datetime
from typing import Any, TextIO

from zapdesk.core.events import Tick
from zapdesk.store import queries

CSV_COLUMNS = ("account_id", "instance", "instance_name", "conversation", "conversation_name",
               "message_id", "time", "from_me", "sender", "sender_name", "kind", "text",
               "status", "media_url", "file_name", "quoted_id", "reactions", "edited",
               "deleted", "operator")


def _time(seconds: int | None) -> str | None:
    return datetime.fromtimestamp(seconds, UTC).isoformat() if seconds else None


def _status(value: int | None) -> str | None:
    return Tick(value).name.lower() if value is not None and 0 <= value <= 5 else None


def _message(row: queries.MessageRow) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": row.message_id, "time": _time(row.at), "from_me": row.from_me,
        "sender": row.sender_phone or row.sender_jid, "sender_name": row.sender_name,
        "kind": row.kind, "text": row.text, "status": _status(row.status),
    }
    optional = {"media": row.media, "quoted": {"id": row.quote_id, "text": row.quote_text}
                if row.quote_id else None,
                "reactions": [{"sender": s, "emoji": e} for s, e in row.reactions] or None,
                "edited": _time(row.edited_at), "deleted": _time(row.deleted_at),
                "forwarded": row.forwarded or None, "operator": row.operator}
    if row.extra:
        optional.update({k: v for k, v in row.extra.items() if k != "raw"})
    found.update({k: v for k, v in optional.items() if v is not None})
    return found


def conversations(conn: sqlite3.Connection, *, account_id: str | None = None,
                  instance: str | None = None) -> list[dict[str, Any]]:
    keys = queries.instance_keys(conn, account_id, instance) if instance else None
    found = []
    for conversation in queries.conversations(conn, account_id=account_id, instances=keys):
        found.append({
            "account_id": conversation.account_id, "instance": conversation.instance,
            "instance_name": conversation.instance_name, "jid": conversation.jid,
            "name": conversation.name, "phone": conversation.phone,
            "last_message_time": _time(conversation.last_at),
            "messages": [_message(m) for m in queries.messages(conn, conversation.id)],
        })
    return found


def write_json(conn: sqlite3.Connection, out: TextIO, **filters: Any) -> int:
    found = conversations(conn, **filters)
    json.dump({"conversations": found}, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return sum(len(c["messages"]) for c in found)


def write_csv(conn: sqlite3.Connection, out: TextIO, **filters: Any) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for conversation in conversations(conn, **filters):
        for message in conversation["messages"]:
            media = message.get("media") or {}
            writer.writerow([
                conversation["account_id"], conversation["instance"],
                conversation["instance_name"], conversation["jid"], conversation["name"],
                message["id"], message["time"], int(message["from_me"]), message["sender"],
                message["sender_name"], message["kind"], message["text"], message["status"],
                media.get("url"), media.get("file_name"),
                (message.get("quoted") or {}).get("id"),
                " ".join(r["emoji"] for r in message.get("reactions", [])),
                message.get("edited"), message.get("deleted"), message.get("operator")])
            count += 1
    return count
