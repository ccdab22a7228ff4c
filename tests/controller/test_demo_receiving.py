"""The demo receives its sandbox's webhooks: a contact's message lands in the store."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from tests.accounts.backends import MemoryKeyring
from zapdesk.accounts.keychain import SecretStore
from zapdesk.controller.app import DEMO_ACCOUNT, AppController
from zapdesk.sandbox import SandboxClock, SandboxConfig
from zapdesk.store import queries

pytestmark = pytest.mark.asyncio


async def eventually(check: Any, seconds: float = 5.0) -> Any:
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        found = await check()
        if found:
            return found
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def test_demo_messages_arrive_in_the_store(tmp_path: Path) -> None:
    config = SandboxConfig(auto_reply=False, webhook_retry_base=0.05)
    app = AppController(tmp_path, secrets=SecretStore(MemoryKeyring()),
                        sandbox_options={"clock": SandboxClock(scale=0), "config": config},
                        listen=("127.0.0.1", 0))
    try:
        demo = await app.start_demo()
        url = app.webhook_url(demo)
        assert url is not None and demo.profile.id == DEMO_ACCOUNT
        world = app.sandbox.world
        main = next(i for i in world.instances.values() if i.name == "Atendimento Principal")
        assert main.webhook_url == url  # the demo's instances call this app back
        world.incoming(main.id, {"from": "5511912345678", "text": "Bom dia, demo!",
                                 "pushName": "Carla"})

        async def carla() -> list[queries.ConversationRow]:
            rows = await app.receiver.store.read(
                lambda c: queries.conversations(c, account_id=DEMO_ACCOUNT))
            return [r for r in rows if r.name == "Carla"]

        (found,) = await eventually(carla)
        others = await app.receiver.store.read(
            lambda c: queries.conversations(c, account_id=DEMO_ACCOUNT))
        assert len(others) > 1  # the demo starts with a few conversations to try
        assert (found.name, found.last_text, found.instance_name) == \
            ("Carla", "Bom dia, demo!", "Atendimento Principal")
        await app.receiver.store.write(lambda c: queries.save_draft(
            c, (DEMO_ACCOUNT, main.id, found.jid), "Oi Carla, um momento", 1.0))
    finally:
        await app.close()
    # A new demo starts from a clean slate: its sandbox is new, old conversations would lie.
    again = AppController(tmp_path, secrets=SecretStore(MemoryKeyring()),
                          sandbox_options={"clock": SandboxClock(scale=0), "config": config},
                          listen=("127.0.0.1", 0))
    try:
        await again.start_demo()
        left = await again.receiver.store.read(
            lambda c: queries.conversations(c, account_id=DEMO_ACCOUNT))
        assert "Carla" not in {r.name for r in left}
        assert await again.receiver.store.read(queries.drafts) == {}  # nor its drafts
    finally:
        await again.close()
