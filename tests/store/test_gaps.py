"""When messages may be missing: the record of closed and quiet spans, on a real file, and
the watch that keeps it while zapdesk receives."""

from __future__ import annotations

from pathlib import Path

import pytest

from zapdesk.controller.gaps import GapWatch
from zapdesk.store import gaps
from zapdesk.store.database import connect, database_path
from zapdesk.store.gaps import CLOSED, QUIET, Gap
from zapdesk.store.store import Store

T = 1767225600.0


def test_a_first_start_is_no_gap_and_a_later_one_is(tmp_path: Path) -> None:
    conn = connect(database_path(tmp_path))
    try:
        assert gaps.started(conn, T) is None
        gaps.alive(conn, T + 30)
        gaps.stopped(conn, T + 45)  # a clean stop
        assert gaps.started(conn, T + 3600) == Gap(T + 45, T + 3600, CLOSED)
        assert gaps.for_account(conn, "acc_1") == (Gap(T + 45, T + 3600, CLOSED),)
    finally:
        conn.close()


def test_a_crash_counts_from_the_last_heartbeat_and_ends_an_open_quiet_span(
        tmp_path: Path) -> None:
    conn = connect(database_path(tmp_path))
    try:
        gaps.started(conn, T)
        assert gaps.open_quiet(conn, "acc_1", T + 10)
        assert not gaps.open_quiet(conn, "acc_1", T + 20)  # one open span per account
        gaps.alive(conn, T + 90)  # then the process died
        gaps.started(conn, T + 600)
        assert gaps.for_account(conn, "acc_1") == (Gap(T + 10, T + 90, QUIET),
                                                   Gap(T + 90, T + 600, CLOSED))
        assert gaps.for_account(conn, "acc_2") == (Gap(T + 90, T + 600, CLOSED),)
    finally:
        conn.close()


@pytest.mark.asyncio
async def test_the_watch_opens_a_quiet_span_and_the_first_event_ends_it(
        tmp_path: Path, loop_errors: list[object]) -> None:
    store = Store(tmp_path)
    await store.open()
    last_event = {"acc_1": T + 5.0}
    watch = GapWatch(store, lambda account, now: 30.0 if now - last_event[account] >= 1800
                     else None, lambda: list(last_event.items()), interval=3600)
    seen: list[None] = []
    watch.changed.connect(lambda: seen.append(None))
    try:
        await watch.started(T)
        await watch.tick(T + 60)
        assert await store.read(lambda c: gaps.for_account(c, "acc_1")) == ()
        await watch.tick(T + 1900)
        await watch.tick(T + 2000)  # still quiet: still one span
        assert await store.read(lambda c: gaps.for_account(c, "acc_1")) == \
            (Gap(T + 5, None, QUIET),)
        watch.heard("acc_1", T + 2500)
        watch.heard("acc_1", T + 2600)
        last_event["acc_1"] = T + 2600
        await watch.tick(T + 2700)
        assert await store.read(lambda c: gaps.for_account(c, "acc_1")) == \
            (Gap(T + 5, T + 2500, QUIET),)
        assert len(seen) == 2  # opened, ended: the open timeline redraws twice
    finally:
        await watch.stopped(T + 3000)
        await store.close()
