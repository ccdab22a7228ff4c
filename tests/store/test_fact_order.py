"""Statuses, edits, deletions and reactions end in one state whatever order they arrive in:
before or after their message, duplicated, interleaved with another instance's facts about
the same message ids. Real ingest into a real SQLite file, in every order hypothesis finds."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.webhooks import fact_history as h
from zapdesk.store.database import connect, database_path
from zapdesk.store.ingest import ingest
from zapdesk.webhooks.parser import parse

ACCOUNT = "acc_1"
PAYLOADS = h.history()


def final_state(order: Sequence[int]) -> dict[tuple[str, str], tuple[Any, ...]]:
    with tempfile.TemporaryDirectory() as directory:
        conn = connect(database_path(Path(directory)))
        try:
            conn.execute("PRAGMA synchronous = OFF")  # durability is not under test here
            h.seed_instances(conn, ACCOUNT)
            for number in order:
                payload = PAYLOADS[number][1]
                conn.execute("BEGIN IMMEDIATE")  # one transaction per payload, as the writer
                ingest(conn, ACCOUNT, payload, parse(payload), time.time())
                conn.execute("COMMIT")
            return h.snapshot(conn)
        finally:
            conn.close()


def test_in_the_order_they_happened() -> None:
    assert final_state(range(len(PAYLOADS))) == h.EXPECTED


def test_in_reverse_every_fact_comes_before_its_message() -> None:
    assert final_state(range(len(PAYLOADS) - 1, -1, -1)) == h.EXPECTED


@pytest.mark.parametrize(("late", "early"), [
    ("mine ❤️", "mine removed"),  # a removal before the older reaction it removes
    ("M edited", "M edited again"),  # the older edit last
    ("D", "D revoked (delete event)"),  # the deletion before its message
    ("O delivered", "O read"),  # a late "delivered"
])
def test_each_fact_overtaken_by_a_newer_one(late: str, early: str) -> None:
    labels = [label for label, _ in PAYLOADS]
    assert labels.index(late) < labels.index(early)  # as it happened
    order = [i for i in range(len(PAYLOADS)) if labels[i] != late] + [labels.index(late)]
    assert final_state(order) == h.EXPECTED  # the older fact last of all


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations(range(len(PAYLOADS))),
       again=st.lists(st.tuples(st.integers(0, len(PAYLOADS) - 1),
                                st.integers(0, len(PAYLOADS))), max_size=6))
def test_any_order_with_redeliveries(order: list[int],
                                     again: list[tuple[int, int]]) -> None:
    arrivals = list(order)
    for number, position in again:  # the same payload delivered again, anywhere
        arrivals.insert(min(position, len(arrivals)), number)
    assert final_state(arrivals) == h.EXPECTED
