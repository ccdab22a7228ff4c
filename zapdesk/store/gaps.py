"""Spans when messages may be missing: zapdesk was closed (or not listening), or an account
stayed quiet past its warning while its instances were connected.

``alive`` holds the last moment this computer was known to be receiving (written at start,
every little while, and at a clean stop), so a crash leaves a gap that starts a little
early rather than one that is missing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

CLOSED = "closed"  # zapdesk was not running or not listening (every account)
QUIET = "quiet"  # no event for one account past the quiet warning


@dataclass(frozen=True)
class Gap:
    started_at: float
    ended_at: float | None  # None: still going on
    reason: str


def started(conn: sqlite3.Connection, now: float) -> Gap | None:
    """Receiving started at ``now``: the span since the last moment alive is a gap, and
    quiet spans a crash left open end there. Returns the gap recorded, if any."""
    row = conn.execute("SELECT at FROM alive WHERE id = 1").fetchone()
    gap = None
    if row is not None:
        last = float(row[0])
        conn.execute("UPDATE gaps SET ended_at = ? WHERE ended_at IS NULL", (last,))
        if now > last:
            conn.execute("INSERT INTO gaps (account_id, started_at, ended_at, reason) "
                         "VALUES (NULL, ?, ?, ?)", (last, now, CLOSED))
            gap = Gap(last, now, CLOSED)
    alive(conn, now)
    return gap


def alive(conn: sqlite3.Connection, now: float) -> None:
    conn.execute("INSERT INTO alive VALUES (1, ?) ON CONFLICT DO UPDATE SET at = excluded.at",
                 (now,))


def stopped(conn: sqlite3.Connection, now: float) -> None:
    """A clean stop: alive until now; a quiet span still open ends here (the closed gap
    that follows starts here)."""
    conn.execute("UPDATE gaps SET ended_at = ? WHERE ended_at IS NULL", (now,))
    alive(conn, now)


def open_quiet(conn: sqlite3.Connection, account_id: str, since: float) -> bool:
    """The account went quiet at ``since`` (its last event); False when already recorded."""
    if conn.execute("SELECT 1 FROM gaps WHERE account_id = ? AND ended_at IS NULL",
                    (account_id,)).fetchone():
        return False
    conn.execute("INSERT INTO gaps (account_id, started_at, ended_at, reason) "
                 "VALUES (?, ?, NULL, ?)", (account_id, since, QUIET))
    return True


def close_quiet(conn: sqlite3.Connection, account_id: str, at: float) -> bool:
    return conn.execute("UPDATE gaps SET ended_at = ? WHERE account_id = ? AND "
                        "ended_at IS NULL", (at, account_id)).rowcount > 0


def for_account(conn: sqlite3.Connection, account_id: str) -> tuple[Gap, ...]:
    """Every gap that concerns ``account_id`` (its own and every account's), oldest first."""
    rows = conn.execute("SELECT started_at, ended_at, reason FROM gaps WHERE account_id IS "
                        "NULL OR account_id = ? ORDER BY started_at", (account_id,))
    return tuple(Gap(float(a), None if b is None else float(b), str(r)) for a, b, r in rows)
