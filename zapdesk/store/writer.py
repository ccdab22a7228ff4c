"""The one writer: a thread that owns the write connection and commits in groups.

The loop never touches the disk. Jobs queue up; the thread takes all that are waiting,
runs each in its own savepoint inside one transaction, commits once (a durable commit costs
an fsync, so a burst of webhooks shares one), then resolves every job's future on the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from zapdesk.core.errors import StoreError
from zapdesk.store.database import connect

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = tuple[Callable[[sqlite3.Connection], Any], asyncio.Future[Any]]
_MAX_GROUP = 500  # jobs per transaction: bounds how long one commit keeps others waiting
_STOP = object()


class StoreWriter:
    def __init__(self, path: Path, *, maintenance: Callable[[sqlite3.Connection], None]
                 | None = None, maintenance_every: float = 600.0) -> None:
        self.path = path
        self._jobs: queue.SimpleQueue[Job | object] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._maintenance = maintenance
        self._maintenance_every = maintenance_every
        self.commits = 0  # transactions committed (for tests and the benchmark)

    # ---- life ----------------------------------------------------------------------
    async def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="zapdesk-store-writer",
                                        daemon=True)
        self._thread.start()
        await asyncio.to_thread(self._ready.wait)
        if self._failure is not None:
            raise self._failure

    async def close(self) -> None:
        """Finish the queued jobs, then close the connection."""
        if self._thread is None:
            return
        self._jobs.put(_STOP)
        await asyncio.to_thread(self._thread.join)
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # ---- work ----------------------------------------------------------------------
    async def run(self, job: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``job(conn)`` inside a committed transaction; its result once durable."""
        if not self.running:
            raise StoreError(f"{self.path}: the store is closed")
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._jobs.put((job, future))
        return await future

    def _run(self) -> None:
        try:
            conn = connect(self.path)
        except BaseException as exc:
            self._failure = exc
            self._ready.set()
            return
        self._ready.set()
        last_maintenance = 0.0
        try:
            while True:
                first = self._jobs.get()
                if first is _STOP:
                    return
                group: list[Job] = [first]  # type: ignore[list-item]
                stop = False
                while len(group) < _MAX_GROUP:
                    try:
                        more = self._jobs.get_nowait()
                    except queue.Empty:
                        break
                    if more is _STOP:
                        stop = True
                        break
                    group.append(more)  # type: ignore[arg-type]
                self._commit(conn, group)
                if self._maintenance and time.monotonic() - last_maintenance \
                        > self._maintenance_every:
                    last_maintenance = time.monotonic()
                    self._maintain(conn)
                if stop:
                    return
        finally:
            conn.close()

    def _commit(self, conn: sqlite3.Connection, group: list[Job]) -> None:
        results: list[tuple[asyncio.Future[Any], Any, BaseException | None]] = []
        try:
            conn.execute("BEGIN IMMEDIATE")
            for job, future in group:
                conn.execute("SAVEPOINT job")
                try:
                    value = job(conn)
                except Exception as exc:  # one bad job must not cost the others theirs
                    conn.execute("ROLLBACK TO job")
                    results.append((future, None, exc))
                else:
                    results.append((future, value, None))
                conn.execute("RELEASE job")
            conn.execute("COMMIT")
            self.commits += 1
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            failure = StoreError(f"{self.path}: {exc}")
            results = [(future, None, failure) for _, future in group]
        for future, value, error in results:
            _resolve(future, value, error)

    def _maintain(self, conn: sqlite3.Connection) -> None:
        assert self._maintenance is not None
        try:
            conn.execute("BEGIN IMMEDIATE")
            self._maintenance(conn)
            conn.execute("COMMIT")
        except sqlite3.Error:
            log.exception("store maintenance failed")
            if conn.in_transaction:
                conn.execute("ROLLBACK")


def _resolve(future: asyncio.Future[Any], value: Any, error: BaseException | None) -> None:
    def settle() -> None:
        if future.done():
            return  # the caller stopped waiting (cancelled): the write stands anyway
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)

    with contextlib.suppress(RuntimeError):  # a closed loop: nobody is waiting any more
        future.get_loop().call_soon_threadsafe(settle)
