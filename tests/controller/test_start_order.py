"""Events redelivered the moment zapdesk starts are never refused: the listener opens only
once the stored accounts' webhook tokens are registered, and while a slow or failing keyring
still holds one back, an unknown token is told to come back (503), not refused (404).
Evolution does not retry a 404 (its non-retryable list is 400, 401, 403, 404, 422:
eltonciatto/evolution-api, src/api/integrations/event/webhook/webhook.controller.ts,
``retryWebhookRequest``), so a 404 at start loses exactly the events queued while zapdesk
was closed."""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.accounts.backends import FailingKeyring, MemoryKeyring
from tests.sandbox.helpers import closed_port
from tests.webhooks.burst import event
from zapdesk.accounts.keychain import SERVICE, SecretKind, SecretStore
from zapdesk.accounts.profiles import AccountProfile, ProfileStore
from zapdesk.controller import app as app_module
from zapdesk.controller.app import AppController
from zapdesk.sandbox import SandboxClock, SandboxServer

pytestmark = pytest.mark.asyncio
TOKEN = "kept-token-from-the-last-run-0123456789"


class SlowKeyring(MemoryKeyring):
    """A Secret Service that answers after ``delay`` seconds (D-Bus under load, a keyring
    being unlocked); ``webhook_delay`` for the webhook tokens, when given."""

    def __init__(self, delay: float, webhook_delay: float | None = None) -> None:
        super().__init__()
        self.delay = delay
        self.webhook_delay = delay if webhook_delay is None else webhook_delay

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(self.webhook_delay if username.endswith(SecretKind.WEBHOOK.value)
                   else self.delay)
        return super().get_password(service, username)


@dataclass
class Sender:
    """Posts valid events to one URL without pause from before the port opens, as a
    provider redelivering its queue does; connection errors are retried at once."""

    url: str
    answers: Counter[int] = field(default_factory=Counter)
    retry_after: set[str] = field(default_factory=set)
    stop: bool = False

    async def run(self) -> None:
        number = 0
        async with httpx.AsyncClient(timeout=5) as client:
            while not self.stop:
                try:
                    r = await client.post(self.url, content=json.dumps(event(number)),
                                          headers={"content-type": "application/json"})
                except httpx.TransportError:
                    await asyncio.sleep(0.005)
                    continue
                self.answers[r.status_code] += 1
                if r.status_code == 503:
                    self.retry_after.add(r.headers.get("Retry-After", ""))
                number += 1
                await asyncio.sleep(0.002)

    async def until_stored(self, count: int, seconds: float = 10) -> None:
        deadline = time.monotonic() + seconds
        while self.answers[200] < count:
            assert time.monotonic() < deadline, f"only {self.answers} after {seconds} s"
            await asyncio.sleep(0.02)


@asynccontextmanager
async def restarting(tmp_path: Path, keyring: MemoryKeyring) -> AsyncIterator[
        tuple[AppController, Sender]]:
    """Ana's account as an earlier run left it (profile, password, webhook token), a new
    zapdesk about to load it on a fixed port, and a sender already posting to her URL."""
    async with SandboxServer(clock=SandboxClock(scale=0)) as sandbox, \
            httpx.AsyncClient(base_url=sandbox.url) as control:
        r = await control.post("/_sandbox/tenants", json={
            "email": "ana@example.test", "password": "pw-123456", "plan": "pro"})
        assert r.status_code == 201, r.text
        ProfileStore(tmp_path).add(AccountProfile("acc_ana", "Loja Centro", sandbox.url,
                                                  "password", "ana@example.test"))
        keyring.items[(SERVICE, "acc_ana/password")] = "pw-123456"
        keyring.items[(SERVICE, "acc_ana/webhook_token")] = TOKEN
        port = closed_port()
        app = AppController(tmp_path, secrets=SecretStore(keyring), listen=("127.0.0.1", port))
        sender = Sender(f"http://127.0.0.1:{port}/hooks/{TOKEN}")
        sending = asyncio.ensure_future(sender.run())
        try:
            yield app, sender
        finally:
            sender.stop = True
            await sending
            await app.close()


async def test_no_event_is_refused_while_the_accounts_load(tmp_path: Path) -> None:
    # Each keyring read takes 0.2 s: opening the account (password, session) takes longer
    # than opening the store, which is when the old start order began to listen.
    async with restarting(tmp_path, SlowKeyring(0.2)) as (app, sender):
        await asyncio.sleep(0.1)  # the sender is knocking before zapdesk starts
        await app.load()
        await sender.until_stored(20)
        assert app.receiver.url_for("acc_ana") == sender.url
        assert app.receiver.temporary == set()
    assert sender.answers[404] == 0, sender.answers
    assert set(sender.answers) == {200}, sender.answers  # the tokens came first: no 503


async def test_a_slow_keyring_delays_events_but_loses_none(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    # The keyring takes longer than the listener waits for it (it may be asking the
    # person to unlock it): the port opens, and her events are told to come back.
    monkeypatch.setattr(app_module, "TOKEN_WAIT", 0.2)
    async with restarting(tmp_path, SlowKeyring(0.0, webhook_delay=2.0)) as (app, sender):
        loading = asyncio.ensure_future(app.load())
        deadline = time.monotonic() + 1.8
        while not sender.answers[503]:  # the port opened, not held closed by the keyring
            assert time.monotonic() < deadline, sender.answers
            await asyncio.sleep(0.01)
        assert sender.answers[200] == 0, sender.answers  # her token is not known yet
        assert sender.retry_after == {"5"}
        await loading
        await sender.until_stored(20)
        async with httpx.AsyncClient() as client:  # all tokens known: a wrong one is refused
            wrong = sender.url.replace(TOKEN, "x" * len(TOKEN))
            r = await client.post(wrong, json=event(0))
            assert r.status_code == 404
    assert sender.answers[404] == 0, sender.answers


async def test_an_unreadable_keyring_keeps_unknown_tokens_retrying(tmp_path: Path) -> None:
    # The kept token cannot be read at all: events sent to it cannot be filed now, but a
    # 404 would lose them; 503 keeps them at the sender until the keyring is back.
    keyring = FailingKeyring(OSError("org.freedesktop.DBus.Error.NoReply"))
    async with restarting(tmp_path, keyring) as (app, sender):
        await app.load()
        assert "acc_ana" in app.receiver.temporary  # a URL for this session only
        assert app.receiver.listening
        await asyncio.sleep(0.3)
        async with httpx.AsyncClient() as client:
            malformed = sender.url.replace(TOKEN, "short")
            assert (await client.post(malformed, json=event(0))).status_code == 404
    assert sender.answers[503] > 0, sender.answers
    assert sender.answers[404] == 0 and sender.answers[200] == 0, sender.answers
