"""The console under test: real widgets offscreen, the real controller, the real sandbox,
all on one qasync loop. Time in the sandbox stands still until a test moves it, and the
console reads the same clock, so countdowns are exact."""

from __future__ import annotations

import asyncio
import gc
import os
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.accounts.backends import MemoryKeyring
from tests.ui.language import speaking
from zapdesk.accounts.keychain import SecretStore
from zapdesk.controller.account import AccountController
from zapdesk.controller.app import AppController
from zapdesk.event_loop import new_loop
from zapdesk.sandbox import SandboxClock, SandboxConfig, SandboxServer
from zapdesk.ui.console import Console
from zapdesk.ui.main_window import MainWindow
from zapdesk.ui.theme import apply_theme

SHOTS = Path(os.environ.get("ZAPDESK_SHOTS", Path(__file__).parents[2] / "artifacts" / "shots"))


def qt_loop() -> asyncio.AbstractEventLoop:
    app = QApplication.instance() or QApplication([])
    loop: asyncio.AbstractEventLoop = new_loop(app)  # the app's own loop, as main() makes it
    return loop


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item
                                  ) -> dict[str, Callable[[], asyncio.AbstractEventLoop]]:
    """Every async test under tests/ui runs on a qasync loop, as the app does."""
    return {"qt": qt_loop}


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_theme(qapp, request.param)
    yield str(request.param)
    apply_theme(qapp, "light")


@pytest.fixture(params=["light", "dark", "pt_BR"])
def look(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Light and dark in English, and Brazilian Portuguese (dark): for what a person sees."""
    apply_theme(qapp, "light" if request.param == "light" else "dark")
    with speaking("pt_BR" if request.param == "pt_BR" else "en"):
        yield str(request.param)
    apply_theme(qapp, "light")


async def until(condition: Callable[[], Any], seconds: float = 5.0, what: str = "") -> None:
    """Let the loop run until ``condition()`` holds (never qtbot.wait inside a coroutine)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await asyncio.sleep(0.02)


def shot(widget: Any, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path)), path
    return path


@dataclass
class Env:
    sandbox: SandboxServer
    control: httpx.AsyncClient
    app: AppController
    window: MainWindow
    console: Console
    keyring: MemoryKeyring

    async def advance(self, seconds: float) -> None:
        self.sandbox.clock.advance(seconds)
        self.sandbox.world.tick()

    async def tenant(self, email: str, plan: str = "pro", password: str = "pw-123456") -> None:
        r = await self.control.post("/_sandbox/tenants",
                                    json={"email": email, "password": password, "plan": plan})
        assert r.status_code == 201, r.text

    async def signed_in(self, email: str = "ana@example.test", name: str = "Loja Centro",
                        plan: str = "pro") -> AccountController:
        """A tenant in the sandbox, and the console signed in to it."""
        await self.tenant(email, plan=plan)
        return await self.app.sign_in(display_name=name, base_url=self.sandbox.url, email=email,
                                      password="pw-123456", api_key=None, remember=True)

    async def phone(self, instance_id: str, action: str, **body: Any) -> httpx.Response:
        return await self.control.post(f"/_sandbox/instances/{instance_id}/{action}",
                                       json=body)

    async def qr_code(self, instance_id: str) -> str:
        r = await self.control.get(f"/_sandbox/instances/{instance_id}")
        code: str = r.json()["data"]["qr"]["code"]
        return code


@asynccontextmanager
async def console_env(qtbot: QtBot, tmp_path: Path,
                      listen: tuple[str, int] = ("127.0.0.1", 0)) -> AsyncIterator[Env]:
    """Everything a console test needs, started and stopped within the test's own loop run.

    Not an async fixture on purpose: pytest-qt processes Qt events between a test and its
    fixtures' teardown, which on a qasync loop would run asyncio callbacks with no loop
    running. Here every task, server and client is finished before the test returns.
    """
    loop = asyncio.get_running_loop()
    seen: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: seen.append(context))
    clock = SandboxClock(scale=0)
    config = SandboxConfig(auto_reply=False, webhook_retry_base=0.05)
    keyring = MemoryKeyring()
    async with SandboxServer(clock=clock, config=config) as sandbox, \
            httpx.AsyncClient(base_url=sandbox.url, timeout=10) as control:
        app = AppController(tmp_path, secrets=SecretStore(keyring), refresh_interval=0.2,
                            clock=clock.now, retry_backoff=0.01,
                            sandbox_options={"clock": clock, "config": config},
                            listen=listen)
        window = MainWindow()
        qtbot.addWidget(window)
        console = Console(window, app, poll_interval=0.05)
        window.show()
        try:
            yield Env(sandbox, control, app, window, console, keyring)
        finally:
            await console.shutdown()
            await app.close()
            await asyncio.sleep(0.05)  # let cancelled tasks and closed sockets settle
    gc.collect()  # a socket this test left open is reported here, not in a later test
    assert app.bugs == [], app.bugs
    assert sandbox.errors == []
    assert not seen, f"unhandled exceptions on the loop: {seen}"
