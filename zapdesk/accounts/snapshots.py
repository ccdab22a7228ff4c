"""The last instance list each account showed, kept beside ``accounts.json`` so that a
restart that cannot ask the server (no keyring, offline) still shows what was there,
marked as not current.

Only what the list shows is kept: ids, names, statuses, numbers, and the plan. Never a
secret: the webhook URL is left out (zapdesk's own carries the listener's secret token).
A file that cannot be read is ignored (said in the log): it is a convenience, not data.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from zapdesk.accounts import atomic
from zapdesk.core.models import Instance

log = logging.getLogger(__name__)

DIR_NAME = "last_known_instances"
VERSION = 1
_SAFE_ID = re.compile(r"[A-Za-z0-9_.-]{1,80}")


@dataclass(frozen=True)
class Snapshot:
    instances: list[Instance]
    plan: str | None
    saved_at: datetime


def _row(inst: Instance) -> dict[str, Any]:
    return {"id": inst.id, "name": inst.name, "status": inst.status, "phone": inst.phone,
            "active": inst.active,
            "created_at": inst.created_at.isoformat() if inst.created_at else None}


def _instance(row: dict[str, Any]) -> Instance:
    created = row.get("created_at")
    return Instance(id=str(row["id"]), name=str(row["name"]), status=str(row["status"]),
                    phone=str(row["phone"]) if row.get("phone") else None,
                    active=row["active"] if isinstance(row.get("active"), bool) else None,
                    created_at=datetime.fromisoformat(created) if created else None)


class SnapshotStore:
    def __init__(self, directory: Path) -> None:
        self.directory = directory / DIR_NAME

    def _path(self, account_id: str) -> Path:
        if not _SAFE_ID.fullmatch(account_id):
            raise ValueError(f"not an account id: {account_id!r}")
        return self.directory / f"{account_id}.json"

    def load(self, account_id: str) -> Snapshot | None:
        path = self._path(account_id)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            instances = [_instance(row) for row in document["instances"]]
            plan = document.get("plan")
            saved = datetime.fromisoformat(document["saved_at"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("%s cannot be read (%s); no last-known instances", path, exc)
            return None
        return Snapshot(instances, plan if isinstance(plan, str) else None, saved)

    def save(self, account_id: str, instances: list[Instance], plan: str | None) -> None:
        document = {"version": VERSION, "saved_at": datetime.now(UTC).isoformat(),
                    "plan": plan, "instances": [_row(i) for i in instances]}
        atomic.write_text(self._path(account_id),
                          json.dumps(document, indent=2, ensure_ascii=False) + "\n")

    def remove(self, account_id: str) -> None:
        self._path(account_id).unlink(missing_ok=True)
