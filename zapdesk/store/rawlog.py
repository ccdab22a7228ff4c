"""Keeping the raw event log bounded: by age and by total size, both settable."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class RawLogLimits:
    days: float = 30.0
    megabytes: float = 200.0


def prune(conn: sqlite3.Connection, limits: RawLogLimits, now: float | None = None) -> int:
    """Delete the oldest raw events beyond the limits; returns how many went.

    Conversations and messages stay: only the raw copy of old payloads is dropped.
    """
    now = time.time() if now is None else now
    removed = conn.execute("DELETE FROM raw_events WHERE received_at < ?",
                           (now - limits.days * 86400,)).rowcount
    budget = int(limits.megabytes * 1_000_000)
    total = conn.execute("SELECT coalesce(sum(length(body)), 0) FROM raw_events").fetchone()[0]
    if total > budget:
        # Walk from the newest back; everything past the budget goes.
        cutoff = conn.execute(
            "SELECT id FROM (SELECT id, sum(length(body)) OVER (ORDER BY id DESC) AS kept "
            "FROM raw_events) WHERE kept > ? ORDER BY id DESC LIMIT 1", (budget,)).fetchone()
        if cutoff is not None:
            removed += conn.execute("DELETE FROM raw_events WHERE id <= ?",
                                    (cutoff[0],)).rowcount
    return removed
