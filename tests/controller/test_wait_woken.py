"""Cancelling a loop that sleeps between polls must stop it, whenever the cancel lands."""

from __future__ import annotations

import asyncio

import pytest

from zapdesk.controller.tasks import wait_woken

pytestmark = pytest.mark.asyncio


async def test_a_cancel_landing_as_the_wait_ends_is_never_lost() -> None:
    # The shape of every poll loop here: wait for a wake-up or a timeout, then go round.
    # With asyncio.wait_for on Python 3.11, a cancel arriving just as the wait ends can be
    # swallowed and the loop goes on forever; we try many landing points.
    event = asyncio.Event()
    rounds = 0
    lost = 0

    async def loop() -> None:
        nonlocal rounds
        while True:
            rounds += 1
            event.clear()
            await wait_woken(event, 0.001)

    for step in range(200):
        task = asyncio.get_running_loop().create_task(loop())
        await asyncio.sleep(0.001 * (step % 4))
        if step % 3 == 0:
            event.set()  # the wake-up and the cancel arrive together
        task.cancel()
        # asyncio.wait cancels nothing itself, so only the loop's own fate is measured.
        done, _ = await asyncio.wait({task}, timeout=1)
        if task not in done:
            lost += 1
            task.cancel()  # clean up the runaway loop
            await asyncio.wait({task}, timeout=1)
        else:
            assert task.cancelled()
    assert rounds > 0
    assert lost == 0, f"{lost} of 200 cancellations were lost"


async def test_it_wakes_on_the_event_and_on_time() -> None:
    event = asyncio.Event()
    loop = asyncio.get_running_loop()
    started = loop.time()
    await wait_woken(event, 0.05)
    assert loop.time() - started >= 0.04
    loop.call_later(0.01, event.set)
    started = loop.time()
    await wait_woken(event, None)
    assert loop.time() - started < 1
