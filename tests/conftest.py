"""Suite-wide strictness: an exception nobody awaited fails the test that produced it."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest_asyncio.fixture
async def loop_errors() -> AsyncIterator[list[dict[str, Any]]]:
    """Collects what the running loop would only have logged (task exceptions, callbacks)."""
    loop = asyncio.get_running_loop()
    seen: list[dict[str, Any]] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: seen.append(context))
    yield seen
    loop.set_exception_handler(previous)
    assert not seen, f"unhandled exceptions on the loop: {seen}"
