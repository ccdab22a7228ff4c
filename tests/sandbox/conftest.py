from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest_asyncio

from tests.sandbox.helpers import Listener, Sandbox
from zapdesk.sandbox import SandboxClock, SandboxConfig, SandboxServer


@pytest_asyncio.fixture
async def sandbox(loop_errors: list[dict[str, Any]]) -> AsyncIterator[Sandbox]:
    """A sandbox on 127.0.0.1:0 with a frozen clock: tests move time explicitly."""
    config = SandboxConfig(auto_reply=False, webhook_retry_base=0.05)
    async with SandboxServer(clock=SandboxClock(scale=0), config=config) as server, \
            httpx.AsyncClient(base_url=server.url, timeout=10) as control:
        sandbox = Sandbox(server, control)
        yield sandbox
        await sandbox.aclose()
    assert not server.errors


@pytest_asyncio.fixture
async def listener(loop_errors: list[dict[str, Any]]) -> AsyncIterator[Listener]:
    async with Listener() as hooks:
        yield hooks
