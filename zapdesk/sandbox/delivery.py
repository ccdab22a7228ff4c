"""Posting events to each instance's webhook: in order per instance, retried, never blocking.

Every instance has its own queue and worker, so a receiver that is down delays only its
own instance's events and never an API answer. Only loopback receivers are contacted
unless the operator of the sandbox allows otherwise: the sandbox must not reach out.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import itertools
import logging
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiohttp

log = logging.getLogger(__name__)


@dataclass
class Delivery:
    seq: int
    instance_id: str
    event: str
    url: str | None
    payload: dict[str, Any]
    state: str = "pending"  # pending, delivered, failed, skipped
    attempts: int = 0
    last_error: str | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event, repr=False)

    def summary(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "instanceId": self.instance_id,
            "event": self.event,
            "url": self.url,
            "state": self.state,
            "attempts": self.attempts,
            "lastError": self.last_error,
            "payload": self.payload,
        }


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class WebhookDispatcher:
    def __init__(
        self,
        *,
        allow_remote: bool = False,
        retry_base: float = 1.0,
        retry_cap: float = 30.0,
        max_attempts: int = 8,
        timeout: float = 5.0,
        history: int = 2000,
    ) -> None:
        self.allow_remote = allow_remote
        self.retry_base = retry_base
        self.retry_cap = retry_cap
        self.max_attempts = max_attempts
        self.timeout = timeout
        self.history: deque[Delivery] = deque(maxlen=history)
        self._seq = itertools.count(1)
        self._queues: dict[str, asyncio.Queue[Delivery]] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=self.timeout),
            headers={"User-Agent": "ZapFlare-Sandbox/1.0"},
        )

    async def close(self) -> None:
        workers = list(self._workers.values())
        for task in workers:
            task.cancel()
        for task in workers:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._workers.clear()
        if self._session is not None:
            await self._session.close()
            self._session = None

    def submit(self, instance_id: str, url: str | None, payload: dict[str, Any]) -> Delivery:
        item = Delivery(next(self._seq), instance_id, str(payload.get("event")), url, payload)
        self.history.append(item)
        if url is None or (not self.allow_remote and not is_loopback_url(url)):
            item.state = "skipped"
            item.last_error = "no webhook URL" if url is None else "not a loopback address"
            item.done.set()
            return item
        queue = self._queues.get(instance_id)
        if queue is None:
            queue = self._queues[instance_id] = asyncio.Queue()
            self._workers[instance_id] = asyncio.get_running_loop().create_task(
                self._work(queue), name=f"webhooks-{instance_id}"
            )
        queue.put_nowait(item)
        return item

    async def _work(self, queue: asyncio.Queue[Delivery]) -> None:
        while True:
            item = await queue.get()
            await self._deliver(item)
            item.done.set()

    async def _deliver(self, item: Delivery) -> None:
        assert self._session is not None and item.url is not None
        delay = self.retry_base
        while True:
            item.attempts += 1
            try:
                async with self._session.post(item.url, json=item.payload) as response:
                    await response.read()
                    if 200 <= response.status < 300:
                        item.state = "delivered"
                        item.last_error = None
                        return
                    item.last_error = f"HTTP {response.status}"
            except (aiohttp.ClientError, TimeoutError) as exc:
                item.last_error = f"{type(exc).__name__}: {exc}"
            if item.attempts >= self.max_attempts:
                item.state = "failed"
                log.warning("webhook %s #%d gave up after %d attempts: %s",
                            item.event, item.seq, item.attempts, item.last_error)
                return
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.retry_cap)

    async def settle(self) -> None:
        """Wait until everything submitted so far is delivered, failed or skipped."""
        for item in list(self.history):
            await item.done.wait()
