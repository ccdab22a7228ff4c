"""Suite-wide strictness: an exception nobody awaited fails the test that produced it."""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import pytest_asyncio

from tests.accounts.backends import secret_service
from tests.sandbox.helpers import Listener, Sandbox
from zapdesk.sandbox import SandboxClock, SandboxConfig, SandboxServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def secret_service_bus() -> Iterator[str | None]:
    """A private gnome-keyring Secret Service for the session, or None where none can run."""
    with secret_service() as address:
        yield address


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


@pytest_asyncio.fixture
async def sandbox(loop_errors: list[dict[str, Any]]) -> AsyncIterator[Sandbox]:
    """A sandbox on 127.0.0.1:0 with a frozen clock: tests move time explicitly."""
    config = SandboxConfig(auto_reply=False, webhook_retry_base=0.05)
    async with SandboxServer(clock=SandboxClock(scale=0), config=config) as server, \
            httpx.AsyncClient(base_url=server.url, timeout=10) as control:
        sandbox = Sandbox(server, control)
        yield sandbox
        await sandbox.aclose()
    gc.collect()  # a socket this test left open is reported here, not in a later test
    assert not server.errors


@pytest_asyncio.fixture
async def listener(loop_errors: list[dict[str, Any]]) -> AsyncIterator[Listener]:
    async with Listener() as hooks:
        yield hooks
