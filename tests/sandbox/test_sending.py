"""send-text and send-media: validation, state, per-instance rate limits, headers."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from tests.sandbox.helpers import Sandbox, Tenant, connect
from zapdesk.sandbox import SandboxClock, SandboxConfig, SandboxServer

pytestmark = pytest.mark.asyncio


async def connected(sandbox: Sandbox) -> tuple[Tenant, str]:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    await connect(sandbox, tenant, instance_id)
    return tenant, instance_id


async def test_send_text_is_queued_with_a_message_id(sandbox: Sandbox) -> None:
    tenant, instance_id = await connected(sandbox)
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/send-text",
                               json={"to": "5511999999999", "message": "Olá! *negrito*"})
    assert r.status_code == 200
    data = r.json()["data"]
    assert data["status"] == "queued" and data["id"] == data["messageId"]
    assert data["id"].startswith("3EB0")


@pytest.mark.parametrize("kind", ["image", "video", "audio", "document"])
async def test_send_media_of_every_kind(sandbox: Sandbox, kind: str) -> None:
    tenant, instance_id = await connected(sandbox)
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/send-media", json={
        "to": "5511999999999", "mediaUrl": "https://cdn.example.test/f.bin", "mediaType": kind,
        "caption": "Segue o arquivo"})
    assert r.status_code == 200 and r.json()["data"]["status"] == "queued"


@pytest.mark.parametrize(("body", "field"), [
    ({"to": "+5511999999999", "message": "x"}, "to"),
    ({"to": "55 11 99999-9999", "message": "x"}, "to"),
    ({"to": "123456789", "message": "x"}, "to"),  # 9 digits
    ({"to": "1234567890123456", "message": "x"}, "to"),  # 16 digits
    ({"to": "011999999999", "message": "x"}, "to"),
    ({"to": 5511999999999, "message": "x"}, "to"),
    ({"message": "x"}, "to"),
    ({"to": "5511999999999", "message": ""}, "message"),
    ({"to": "5511999999999", "message": "   "}, "message"),
    ({"to": "5511999999999"}, "message"),
    ({"to": "5511999999999", "message": "x" * 65_537}, "message"),
])
async def test_send_text_validation(sandbox: Sandbox, body: dict[str, object], field: str
                                    ) -> None:
    tenant, instance_id = await connected(sandbox)
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/send-text", json=body)
    assert r.status_code == 400, r.text
    assert r.json()["error"]["field"] == field


async def test_text_at_the_limit_is_accepted(sandbox: Sandbox) -> None:
    tenant, instance_id = await connected(sandbox)
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/send-text",
                               json={"to": "5511999999999", "message": "x" * 65_536})
    assert r.status_code == 200


@pytest.mark.parametrize(("body", "field"), [
    ({"mediaType": "sticker", "mediaUrl": "https://h.test/a.webp"}, "mediaType"),
    ({"mediaUrl": "https://h.test/a.jpg"}, "mediaType"),
    ({"mediaType": "image", "mediaUrl": "file:///etc/passwd"}, "mediaUrl"),
    ({"mediaType": "image", "mediaUrl": "a.jpg"}, "mediaUrl"),
    ({"mediaType": "image"}, "mediaUrl"),
    ({"mediaType": "image", "mediaUrl": "https://h.test/a.jpg", "caption": 3}, "caption"),
])
async def test_send_media_validation(sandbox: Sandbox, body: dict[str, object], field: str
                                     ) -> None:
    tenant, instance_id = await connected(sandbox)
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/send-media",
                               json={"to": "5511999999999", **body})
    assert r.status_code == 400, r.text
    assert r.json()["error"]["field"] == field


async def test_sending_needs_a_connected_instance(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/send-text",
                               json={"to": "5511999999999", "message": "oi"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "instance_not_connected"


async def test_more_than_five_sends_a_second_per_instance_is_429(sandbox: Sandbox) -> None:
    tenant, instance_id = await connected(sandbox)
    other = await tenant.create("Suporte")
    await connect(sandbox, tenant, other)
    body = {"to": "5511999999999", "message": "oi"}
    started = time.monotonic()
    answers = [await tenant.http.post(f"/whatsapp/instances/{instance_id}/send-text", json=body)
               for _ in range(6)]
    assert time.monotonic() - started < 1.0, "the machine is too slow for this check"
    assert [a.status_code for a in answers] == [200] * 5 + [429]
    refused = answers[-1]
    assert refused.json()["error"]["code"] == "rate_limit_exceeded"
    assert refused.headers["X-RateLimit-Limit"] == "5"
    assert refused.headers["X-RateLimit-Window"] == "1"
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    assert int(refused.headers["X-RateLimit-Reset"]) >= int(time.time())
    assert 1 <= int(refused.headers["Retry-After"]) <= 2
    # The limit is per instance: another instance of the same tenant still sends.
    r = await tenant.http.post(f"/whatsapp/instances/{other}/send-text", json=body)
    assert r.status_code == 200
    # And after a second the first one may send again.
    await asyncio.sleep(max(0.0, 1.05 - (time.monotonic() - started)))
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/send-text", json=body)
    assert r.status_code == 200


async def test_every_response_carries_rate_limit_headers(sandbox: Sandbox) -> None:
    tenant, instance_id = await connected(sandbox)
    answers = [
        await tenant.http.get("/whatsapp/instances"),
        await tenant.http.get("/whatsapp/instances/inst_missing"),
        await tenant.http.post("/whatsapp/instances", json={"name": "x"}),
        await tenant.http.post(f"/whatsapp/instances/{instance_id}/send-text",
                               json={"to": "5511999999999", "message": "oi"}),
        await sandbox.control.get("/whatsapp/instances"),
        await sandbox.control.post("/auth/sessions", json={}),
        await sandbox.control.get("/nowhere"),
    ]
    for answer in answers:
        for header in ("Limit", "Remaining", "Reset", "Window"):
            assert f"X-RateLimit-{header}" in answer.headers, (answer.request.url, header)
    reads = answers[0].headers
    assert reads["X-RateLimit-Limit"] == "600" and reads["X-RateLimit-Window"] == "60"
    sends = answers[3].headers
    assert sends["X-RateLimit-Limit"] == "300"


async def test_read_limit_per_tenant(loop_errors: object) -> None:
    config = SandboxConfig(read_limit=5)
    async with SandboxServer(clock=SandboxClock(0), config=config) as server, \
            httpx.AsyncClient(base_url=server.url) as client:
        server.world.create_tenant("r@example.test", "pw", "pro")
        await client.post("/auth/sessions", json={"email": "r@example.test", "password": "pw"})
        codes = [(await client.get("/whatsapp/instances")).status_code for _ in range(6)]
        assert codes == [200] * 5 + [429]  # logging in is counted per address, not per tenant
        assert server.errors == []
