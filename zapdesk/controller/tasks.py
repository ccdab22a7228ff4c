"""Background coroutines with one place where their failures go."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)


class TaskSet:
    """Tracks the tasks it starts so quitting can cancel them, and reports what they raise."""

    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        self._on_error = on_error
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str | None = None) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            self._on_error(error)

    async def cancel_all(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


async def wait_woken(event: asyncio.Event, seconds: float | None) -> None:
    """Sleep until ``event`` is set or ``seconds`` pass (None: until set).

    Not ``asyncio.wait_for``: on Python 3.11 it can swallow a cancellation that arrives as
    the wait ends, and a loop built on it then never stops. ``asyncio.timeout`` does not.
    """
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            await event.wait()


async def finish(task: asyncio.Task[Any], wake: asyncio.Event, grace: float = 2.0) -> None:
    """Let a loop that checks its own stop flag end by itself, cancelling only after
    ``grace`` seconds. Cancelling an HTTP request while its connection is being made can
    leak the socket (the pool does not own it yet), so a loop is asked before it is told."""
    wake.set()
    done, _ = await asyncio.wait({task}, timeout=grace)
    if not done:
        task.cancel()
        await asyncio.wait({task})
    if not task.cancelled() and task.exception() is not None:
        raise task.exception()  # type: ignore[misc]
