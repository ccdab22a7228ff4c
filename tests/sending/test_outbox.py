"""The outbox against the real sandbox and the real listener and store: pending → sent →
delivered → read, failures kept and retried without sending twice, pacing, restarts."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.sandbox.helpers import Sandbox, Tenant, closed_port, connect
from tests.ui.conftest import until
from zapdesk.api.client import ZapFlareClient
from zapdesk.controller.outbox import Outbox
from zapdesk.core import errors
from zapdesk.core.events import Tick
from zapdesk.store import outbox as rows
from zapdesk.store.store import Store
from zapdesk.webhooks.listener import WebhookListener

pytestmark = pytest.mark.asyncio
ACCOUNT = "acc_out"
CUSTOMER = "5511987654321"


@dataclass
class Sending:
    sandbox: Sandbox
    tenant: Tenant
    client: ZapFlareClient
    store: Store
    outbox: Outbox
    instance: str

    async def messages(self) -> list[Any]:
        return await self.store.read(lambda c: c.execute(
            "SELECT message_id, status, body FROM messages WHERE from_me = 1 ORDER BY id"
        ).fetchall())

    async def item(self, item_id: int) -> rows.OutboxItem:
        found = await self.store.read(lambda c: rows.get(c, item_id))
        assert found is not None
        return found

    async def until_state(self, item_id: int, state: str, seconds: float = 5) -> rows.OutboxItem:
        deadline = time.monotonic() + seconds
        while (found := await self.item(item_id)).state != state:
            assert time.monotonic() < deadline, f"still {found.state}: {found.error}"
            await asyncio.sleep(0.02)
        return found

    async def until_ticks_reach_read(self) -> None:
        """The contact's phone receives, then reads, the last message sent."""
        for status in (Tick.DELIVERED, Tick.READ):
            await self.sandbox.advance(1.5)
            deadline = time.monotonic() + 5
            while (await self.messages())[-1][1] < status:
                assert time.monotonic() < deadline, status
                await asyncio.sleep(0.02)

    async def fault(self, **body: Any) -> None:
        r = await self.sandbox.control.post("/_sandbox/faults", json=body)
        assert r.status_code in (200, 201), r.text

    async def sent_count(self) -> int:
        """Messages the sandbox's WhatsApp side received from this instance."""
        state = await self.sandbox.state(self.instance)
        return len(state.get("sent", state.get("outgoing", [])))


@asynccontextmanager
async def sending(sandbox: Sandbox, tmp_path: Path, *, timeout: float = 10.0
                  ) -> AsyncIterator[Sending]:
    tenant = await sandbox.tenant()
    client = ZapFlareClient(sandbox.url, email=tenant.email, password=tenant.password,
                            timeout=timeout, retry_backoff=0.01)
    await client.login()
    store = Store(tmp_path)
    await store.open()
    listener = WebhookListener(store, port=0)
    listener.register(ACCOUNT, "t" * 32)
    await listener.start()
    instance = await tenant.create("Vendas", listener.url_for(ACCOUNT))
    await connect(sandbox, tenant, instance)
    box = Outbox(store, lambda account: client if account == ACCOUNT else None, pace=0.05)
    await box.start()
    try:
        yield Sending(sandbox, tenant, client, store, box, instance)
    finally:
        await box.close()
        await listener.stop()
        await store.close()
        await client.aclose()


async def test_pending_then_sent_then_delivered_then_read(sandbox: Sandbox,
                                                          tmp_path: Path) -> None:
    async with sending(sandbox, tmp_path) as s:
        changed: list[object] = []
        s.outbox.changed.connect(changed.append)
        item = await s.outbox.send_text(ACCOUNT, s.instance, "(11) 98765-4321", "*Olá*, tudo bem?")
        assert item.recipient == CUSTOMER and item.state in ("queued", "sending")
        shown = await s.messages()  # stored, and visible as pending, before any answer
        assert [(m[0], m[2]) for m in shown] == [(item.local_id, "*Olá*, tudo bem?")]
        sent = await s.until_state(item.id, "sent")
        assert sent.message_id and not sent.message_id.startswith("local-")
        assert [(m[0], m[1]) for m in await s.messages()] == [(sent.message_id, Tick.SENT)]
        await s.until_ticks_reach_read()
        assert len(await s.messages()) == 1  # the webhook's echo merged, not a second copy
        assert changed and {CUSTOMER + "@s.whatsapp.net"} == \
            changed[0][ACCOUNT][s.instance]  # type: ignore[index]


async def test_media_by_url_with_the_type_inferred(sandbox: Sandbox, tmp_path: Path) -> None:
    async with sending(sandbox, tmp_path) as s:
        item = await s.outbox.send_media(ACCOUNT, s.instance, CUSTOMER,
                                         "https://cdn.example.com/nota.pdf", caption="Sua nota")
        assert item.kind == "document"
        assert (await s.until_state(item.id, "sent")).message_id
        await s.until_ticks_reach_read()
        (stored,) = await s.store.read(lambda c: c.execute(
            "SELECT kind, body, status FROM messages WHERE from_me = 1").fetchall())
        assert tuple(stored) == ("document", "Sua nota", Tick.READ)  # one copy, read


async def test_bad_input_is_refused_before_anything_is_stored(sandbox: Sandbox,
                                                               tmp_path: Path) -> None:
    async with sending(sandbox, tmp_path) as s:
        with pytest.raises(errors.InvalidPhoneNumber):
            await s.outbox.send_text(ACCOUNT, s.instance, "12345", "oi")
        with pytest.raises(errors.InvalidMessage):
            await s.outbox.send_text(ACCOUNT, s.instance, CUSTOMER, "   ")
        with pytest.raises(errors.InvalidUrl):
            await s.outbox.send_media(ACCOUNT, s.instance, CUSTOMER, "ftp://x/y.png")
        assert await s.messages() == []


async def test_a_server_failure_stays_failed_and_retry_sends_once(sandbox: Sandbox,
                                                                  tmp_path: Path) -> None:
    async with sending(sandbox, tmp_path) as s:
        await s.fault(path="/whatsapp/instances/*/send-text", status=500)
        item = await s.outbox.send_text(ACCOUNT, s.instance, CUSTOMER, "primeira tentativa")
        failed = await s.until_state(item.id, "failed")
        assert not failed.uncertain and failed.error and "500" in failed.error
        assert [m[1] for m in await s.messages()] == [Tick.FAILED]  # visible as failed
        again = await s.outbox.retry(item.id)
        assert again is not None
        sent = await s.until_state(item.id, "sent")
        assert await s.outbox.retry(item.id) is None  # sent: a retry does nothing
        messages = await s.messages()
        assert [(m[0], m[2]) for m in messages] == [(sent.message_id, "primeira tentativa")]
        assert sent.attempts == 2


async def test_a_gateway_error_is_uncertain(sandbox: Sandbox, tmp_path: Path) -> None:
    async with sending(sandbox, tmp_path) as s:
        await s.fault(path="/whatsapp/instances/*/send-text", status=504)
        item = await s.outbox.send_text(ACCOUNT, s.instance, CUSTOMER, "pelo gateway")
        failed = await s.until_state(item.id, "failed")
        assert failed.uncertain and "504" in (failed.error or "")  # the API may have it
        with pytest.raises(errors.UncertainRetry):
            await s.outbox.retry(item.id)


async def test_a_stopped_server_is_a_certain_failure(sandbox: Sandbox, tmp_path: Path
                                                     ) -> None:
    async with sending(sandbox, tmp_path) as s:
        stopped = ZapFlareClient(f"http://127.0.0.1:{closed_port()}", api_key="zpk_test_x")
        s.outbox.client_for = lambda _account: stopped
        try:
            item = await s.outbox.send_text(ACCOUNT, s.instance, CUSTOMER, "servidor fora")
            failed = await s.until_state(item.id, "failed")
        finally:
            await stopped.aclose()
        assert not failed.uncertain and "refused" in (failed.error or "")


async def test_a_timeout_is_uncertain_and_retry_needs_the_operator(
        sandbox: Sandbox, tmp_path: Path) -> None:
    async with sending(sandbox, tmp_path, timeout=0.3) as s:
        await s.fault(path="/whatsapp/instances/*/send-text", delay=1.0)
        item = await s.outbox.send_text(ACCOUNT, s.instance, CUSTOMER, "talvez enviada")
        failed = await s.until_state(item.id, "failed")
        assert failed.uncertain
        with pytest.raises(errors.UncertainRetry):
            await s.outbox.retry(item.id)
        assert (await s.item(item.id)).state == "failed"
        await s.outbox.retry(item.id, confirmed=True)
        assert (await s.until_state(item.id, "sent")).attempts == 2
        # The sandbox did go on with the timed-out request once its delay was over: this is
        # exactly why a timeout is "uncertain". Let it finish before the sandbox stops.
        await asyncio.sleep(1.0)


async def test_each_instance_is_paced(sandbox: Sandbox, tmp_path: Path) -> None:
    async with sending(sandbox, tmp_path) as s:
        s.outbox.pace = 0.2  # the real 5 per second
        started = time.monotonic()
        items = [await s.outbox.send_text(ACCOUNT, s.instance, CUSTOMER, f"n{n}")
                 for n in range(8)]
        for item in items:
            await s.until_state(item.id, "sent")
        elapsed = time.monotonic() - started
        assert elapsed >= 7 * 0.2 * 0.95, elapsed
        assert [m[2] for m in await s.messages()] == [f"n{n}" for n in range(8)]  # in order


async def test_pending_messages_survive_a_restart(sandbox: Sandbox, tmp_path: Path) -> None:
    async with sending(sandbox, tmp_path) as s:
        await s.outbox.close()  # as if zapdesk stopped right after storing these
        queued = await s.store.write(lambda c: rows.enqueue(
            c, account_id=ACCOUNT, instance=s.instance, recipient=CUSTOMER, kind="text",
            body="na fila", media_url=None, now=time.time()))
        in_flight = await s.store.write(lambda c: rows.enqueue(
            c, account_id=ACCOUNT, instance=s.instance, recipient=CUSTOMER, kind="text",
            body="no meio do envio", media_url=None, now=time.time()))
        await s.store.write(lambda c: c.execute("UPDATE outbox SET state = 'sending' "
                                                "WHERE id = ?", (in_flight.id,)))
        restarted = Outbox(s.store, lambda _a: s.client, pace=0.05)
        await restarted.start()
        try:
            assert (await s.until_state(queued.id, "sent")).message_id
            recovered = await s.item(in_flight.id)
            assert recovered.state == "failed" and recovered.uncertain
        finally:
            await restarted.close()


async def test_an_account_opening_while_its_worker_gives_up_is_not_missed(
        sandbox: Sandbox, tmp_path: Path) -> None:
    async with sending(sandbox, tmp_path) as s:
        opened = False

        def client_for(account: str) -> ZapFlareClient | None:
            nonlocal opened
            if not opened:  # not open when the worker asks; it opens right then
                opened = True
                s.outbox.client_for = lambda _a: s.client
                asyncio.get_running_loop().call_soon(s.outbox._wake, ACCOUNT, s.instance)
                return None
            return s.client

        s.outbox.client_for = client_for
        item = await s.outbox.send_text(ACCOUNT, s.instance, CUSTOMER, "na hora certa")
        assert (await s.until_state(item.id, "sent")).message_id  # not left queued


async def test_a_message_stored_as_the_worker_finds_nothing_is_not_missed(
        sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with sending(sandbox, tmp_path) as s:
        loop = asyncio.get_running_loop()
        real_take = rows.take
        late: list[rows.OutboxItem] = []

        def take(conn: Any, account_id: str, instance: str) -> rows.OutboxItem | None:
            found = real_take(conn, account_id, instance)
            if found is None and not late:  # the composer stores one just after this look
                late.append(rows.enqueue(conn, account_id=ACCOUNT, instance=s.instance,
                                         recipient=CUSTOMER, kind="text", body="logo depois",
                                         media_url=None, now=time.time()))
                loop.call_soon_threadsafe(s.outbox._wake, ACCOUNT, s.instance)
            return found

        monkeypatch.setattr(rows, "take", take)
        first = await s.outbox.send_text(ACCOUNT, s.instance, CUSTOMER, "primeira")
        await s.until_state(first.id, "sent")
        await until(lambda: bool(late), what="the worker found the queue empty")
        # Stored inside the worker's own transaction: readable once that commits.
        deadline = time.monotonic() + 5
        while await s.store.read(lambda c: rows.get(c, late[0].id)) is None:
            assert time.monotonic() < deadline, "the late message was never stored"
            await asyncio.sleep(0.02)
        assert (await s.until_state(late[0].id, "sent")).message_id  # not left queued

