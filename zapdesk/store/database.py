"""Opening the database: WAL, durable commits, foreign keys, the schema brought up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from zapdesk.core.errors import StoreError
from zapdesk.store.schema import migrate

FILE_NAME = "zapdesk.sqlite3"


def database_path(directory: Path) -> Path:
    return directory / FILE_NAME


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the app's pragmas; the writer also migrates the schema.

    ``synchronous=FULL`` makes every commit durable before it returns: the listener answers
    2xx only after one, so an acknowledged event survives a crash or a power cut.
    """
    try:
        if readonly:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                                   check_same_thread=False, isolation_level=None)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            migrate(conn)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    return conn
