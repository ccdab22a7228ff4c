from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest_asyncio

from zapdesk.store.ingest import Outcome
from zapdesk.store.store import Store
from zapdesk.webhooks.listener import WebhookListener

ACCOUNT = "acc_test"


@dataclass
class Receiving:
    store: Store
    listener: WebhookListener
    http: httpx.AsyncClient
    token: str
    stored: list[Outcome] = field(default_factory=list)

    @property
    def url(self) -> str:
        url = self.listener.url_for(ACCOUNT)
        assert url is not None
        return url

    async def post(self, payload: Any, **options: Any) -> httpx.Response:
        return await self.http.post(self.url, json=payload, **options)

    async def count(self, table: str = "messages") -> int:
        return int(await self.store.read(
            lambda c: c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]))  # noqa: S608


@pytest_asyncio.fixture
async def receiving(tmp_path: Path, loop_errors: list[dict[str, Any]]
                    ) -> AsyncIterator[Receiving]:
    store = Store(tmp_path)
    await store.open()
    stored: list[Outcome] = []
    listener = WebhookListener(store, port=0, max_body=64 * 1024,
                               on_stored=lambda _account, outcome: stored.append(outcome))
    token = secrets.token_urlsafe(24)
    listener.register(ACCOUNT, token)
    await listener.start()
    async with httpx.AsyncClient(timeout=10) as http:
        yield Receiving(store, listener, http, token, stored)
    await listener.stop()
    await store.close()
