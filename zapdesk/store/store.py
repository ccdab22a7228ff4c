"""The store as the app uses it: one writer thread, one read connection, both async."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TypeVar

from zapdesk.core.events import Parsed
from zapdesk.store import identity, rawlog
from zapdesk.store.database import connect, database_path
from zapdesk.store.ingest import Outcome, ingest
from zapdesk.store.rawlog import RawLogLimits
from zapdesk.store.writer import StoreWriter

T = TypeVar("T")


class Store:
    def __init__(self, directory: Path, *, raw_limits: RawLogLimits | None = None) -> None:
        self.path = database_path(directory)
        self.raw_limits = raw_limits or RawLogLimits()
        self.writer = StoreWriter(self.path, maintenance=self._maintain)
        self._reader: sqlite3.Connection | None = None
        self._read_lock = threading.Lock()

    async def open(self) -> None:
        await self.writer.start()  # creates and migrates the file
        self._reader = await asyncio.to_thread(connect, self.path, readonly=True)

    async def close(self) -> None:
        # The reader first: SQLite checkpoints the WAL into the database and deletes the
        # -wal file when the last connection closes, and a read-only one cannot do that.
        if self._reader is not None:
            reader, self._reader = self._reader, None
            await asyncio.to_thread(self._close_reader, reader)
        await self.writer.close()

    def _close_reader(self, reader: sqlite3.Connection) -> None:
        with self._read_lock:
            reader.close()

    def _maintain(self, conn: sqlite3.Connection) -> None:
        rawlog.prune(conn, self.raw_limits)

    # ---- writing --------------------------------------------------------------------
    async def receive(self, account_id: str, payload: object, parsed: Parsed,
                      received_at: float | None = None) -> Outcome:
        """Store one webhook payload; returns once it is durably on disk."""
        at = time.time() if received_at is None else received_at
        return await self.writer.run(partial(ingest, account_id=account_id, payload=payload,
                                             parsed=parsed, received_at=at))

    async def remember_instances(self, account_id: str,
                                 instances: Iterable[tuple[str, str]]) -> identity.Changed:
        """Instance ids and names from the API, so name-only webhooks file correctly; what
        was filed under a name before moves to its id. Returns the conversations moved."""
        pairs = list(instances)

        def write(conn: sqlite3.Connection) -> identity.Changed:
            changed: identity.Changed = {}
            for instance_id, name in pairs:
                for key, chats in identity.learn_instance(conn, account_id, instance_id,
                                                          name).items():
                    changed.setdefault(key, set()).update(chats)
            return changed

        return await self.writer.run(write)

    async def forget(self, account_id: str) -> None:
        def delete(conn: sqlite3.Connection) -> None:
            for table in _ACCOUNT_TABLES:
                conn.execute(f"DELETE FROM {table} WHERE account_id = ?",  # noqa: S608
                             (account_id,))

        await self.writer.run(delete)

    async def write(self, job: Callable[[sqlite3.Connection], T]) -> T:
        return await self.writer.run(job)

    # ---- reading --------------------------------------------------------------------
    async def read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        return await asyncio.to_thread(self._read, query)

    def _read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        with self._read_lock:
            if self._reader is None:
                raise RuntimeError("the store is closed")
            return query(self._reader)


# Every table with an account_id column; messages go before their conversations.
_ACCOUNT_TABLES = ("messages", "conversations", "statuses", "edits", "revocations",
                   "reactions", "presence", "contacts", "instances", "raw_events", "outbox",
                   "drafts", "lids", "gaps")

