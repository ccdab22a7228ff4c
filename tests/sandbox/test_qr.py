"""The QR series exactly as documented: 6 codes of 20 s, then regenerate; scan to connect."""

from __future__ import annotations

import asyncio

import pytest

from tests.sandbox.helpers import Sandbox, connect, decode_qr_data_url
from zapdesk.sandbox import SandboxClock, SandboxConfig, SandboxServer

pytestmark = pytest.mark.asyncio


async def test_a_series_runs_six_attempts_then_expires(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    assert (await tenant.get(instance_id))["status"] == "created"
    await sandbox.advance(2)  # the first code is ready shortly after creation
    seen: list[str] = []
    for attempt in range(1, 7):
        detail = await tenant.get(instance_id)
        assert detail["status"] == "qr"
        qr = detail["qrCode"]
        assert qr["attemptId"] == f"qr_attempt_{attempt}"
        assert qr["expiry"] == 20
        text = decode_qr_data_url(qr["base64"])
        assert text == (await sandbox.state(instance_id))["qr"]["code"]
        seen.append(text)
        await sandbox.advance(10)
        half = await tenant.get(instance_id)
        assert half["qrCode"]["attemptId"] == qr["attemptId"] and half["qrCode"]["expiry"] == 10
        assert half["qrCode"]["base64"] == qr["base64"]  # the same code until it expires
        await sandbox.advance(10)
    assert len(set(seen)) == 6  # every attempt shows new content
    detail = await tenant.get(instance_id)
    assert detail["status"] == "disconnected" and "qrCode" not in detail
    listed = (await tenant.http.get("/whatsapp/instances")).json()["data"][0]
    assert listed["status"] == "disconnected"


async def test_regenerate_starts_a_new_series(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    await sandbox.advance(2 + 6 * 20)
    old = (await sandbox.state(instance_id))
    assert old["status"] == "disconnected" and old["qr"] is None
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/regenerate-qr")
    assert r.status_code == 200
    data = r.json()["data"]
    assert data["status"] == "qr" and data["qrCode"]["attemptId"] == "qr_attempt_1"
    assert data["qrCode"]["expiry"] == 20
    await sandbox.advance(5 * 20)
    assert (await tenant.get(instance_id))["qrCode"]["attemptId"] == "qr_attempt_6"


async def test_scanning_the_current_code_connects(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    detail = await connect(sandbox, tenant, instance_id)
    assert detail["status"] == "connected" and "qrCode" not in detail
    assert detail["phone"].startswith("+55") and detail["phone"][1:].isdigit()
    assert detail["profilePicUrl"].startswith(sandbox.url)
    picture = await tenant.http.get(detail["profilePicUrl"])
    assert picture.status_code == 200 and picture.content.startswith(b"\x89PNG")
    # A connected number cannot be paired again without disconnecting first.
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/regenerate-qr")
    assert r.status_code == 409


async def test_a_stale_or_wrong_code_is_refused_like_a_phone_would(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    await sandbox.advance(2)
    first = decode_qr_data_url((await tenant.get(instance_id))["qrCode"]["base64"])
    await sandbox.advance(20)
    r = await sandbox.phone(instance_id, "scan", code=first)
    assert r.status_code == 400 and "expired" in r.json()["error"]["message"]
    r = await sandbox.phone(instance_id, "scan", code="2@not-this-one")
    assert r.status_code == 400 and r.json()["error"]["code"] == "qr_code_invalid"
    assert (await tenant.get(instance_id))["status"] == "qr"
    await sandbox.advance(5 * 20)
    r = await sandbox.phone(instance_id, "scan", code=first)
    assert r.status_code == 409  # nothing on screen to scan


async def test_scan_may_choose_the_phone_number(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    await sandbox.advance(2)
    code = (await sandbox.state(instance_id))["qr"]["code"]
    r = await sandbox.phone(instance_id, "scan", code=code, phone="+5521988887777")
    assert r.status_code == 200
    assert (await tenant.get(instance_id))["phone"] == "+5521988887777"


async def test_disconnect_phone_disconnect_and_ban(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    await connect(sandbox, tenant, instance_id)
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/disconnect")
    assert r.status_code == 200 and r.json()["data"]["status"] == "disconnected"
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/regenerate-qr")
    assert r.json()["data"]["status"] == "qr"  # reconnecting is a new pairing
    code = (await sandbox.state(instance_id))["qr"]["code"]
    assert (await sandbox.phone(instance_id, "scan", code=code)).status_code == 200
    assert (await sandbox.phone(instance_id, "phone-disconnect")).status_code == 200
    assert (await tenant.get(instance_id))["status"] == "disconnected"
    assert (await sandbox.phone(instance_id, "ban")).status_code == 200
    assert (await tenant.get(instance_id))["status"] == "banned"
    for action in ("regenerate-qr", "disconnect"):
        r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/{action}")
        assert r.status_code == 409 and "banned" in r.json()["error"]["message"]


async def test_disconnect_during_the_series_stops_it(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    await sandbox.advance(2)
    await tenant.http.post(f"/whatsapp/instances/{instance_id}/disconnect")
    detail = await tenant.get(instance_id)
    assert detail["status"] == "disconnected" and "qrCode" not in detail


async def test_a_sped_up_clock_runs_the_series_in_real_time(loop_errors: object) -> None:
    # 50x: each 20-second code lasts 0.4 real seconds, the whole series 2.4 s.
    async with SandboxServer(clock=SandboxClock(scale=50), config=SandboxConfig()) as server:
        world = server.world
        tenant = world.create_tenant("fast@example.test", "pw", "pro")
        inst = world.create_instance(tenant, {"name": "Rápida"})
        seen = []
        for _ in range(1000):
            world.sync(inst)
            attempt = world.current_attempt(inst)
            if attempt and attempt not in seen:
                seen.append(attempt)
            if inst.status == "disconnected":
                break
            await asyncio.sleep(0.01)
        assert seen == [1, 2, 3, 4, 5, 6] and inst.status == "disconnected"
