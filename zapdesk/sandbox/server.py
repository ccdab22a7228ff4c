"""Running the sandbox: in-process on any loop (tests, the app's demo mode) or alone."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from types import TracebackType

from aiohttp import web

from zapdesk.sandbox import api, control
from zapdesk.sandbox.clock import SandboxClock
from zapdesk.sandbox.delivery import WebhookDispatcher
from zapdesk.sandbox.faults import Faults
from zapdesk.sandbox.seed import seed_demo
from zapdesk.sandbox.world import SandboxConfig, Tenant, World

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # JSON only; media travels by URL


class SandboxServer:
    """``async with SandboxServer(port=0) as server:`` then talk to ``server.url``."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: SandboxClock | None = None,
        config: SandboxConfig | None = None,
        seed: bool = False,
        tick: float = 0.025,
    ) -> None:
        self.host = host
        self.port = port
        self.clock = clock or SandboxClock()
        self.config = config or SandboxConfig()
        self.dispatcher = WebhookDispatcher(
            allow_remote=self.config.allow_remote_webhooks,
            retry_base=self.config.webhook_retry_base,
            max_attempts=self.config.webhook_max_attempts,
        )
        self.world = World(self.clock, self.dispatcher, self.config)
        self.faults = Faults()
        self.demo_tenant: Tenant | None = seed_demo(self.world) if seed else None
        self.errors: list[BaseException] = []  # bugs caught in the ticker, for tests
        self._tick = tick
        self._runner: web.AppRunner | None = None
        self._ticker: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def build_app(self) -> web.Application:
        app = web.Application(
            client_max_size=MAX_BODY,
            middlewares=[api.make_middleware(self.world, self.faults)],
        )
        app.add_routes(api.routes(self.world))
        app.add_routes(control.routes(self.world, self.faults, self.dispatcher))
        return app

    async def start(self) -> None:
        await self.dispatcher.start()
        self._runner = web.AppRunner(self.build_app(), access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        self.world.base_url = self.url
        self._ticker = asyncio.get_running_loop().create_task(self._run_ticker(),
                                                              name="sandbox-ticker")
        log.info("sandbox listening on %s", self.url)

    async def _run_ticker(self) -> None:
        while True:
            try:
                self.world.tick()
            except Exception as exc:  # a bug must not stop time; tests read self.errors
                log.exception("sandbox tick failed")
                self.errors.append(exc)
            await asyncio.sleep(self._tick)

    async def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
            self._ticker = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        await self.dispatcher.close()

    async def __aenter__(self) -> SandboxServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()
