"""Injected failures: the next N matching calls answer an error or hang, then all is normal."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.sandbox.helpers import Sandbox

pytestmark = pytest.mark.asyncio


async def test_the_next_n_matching_calls_fail(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    r = await sandbox.control.post("/_sandbox/faults", json={
        "path": "/whatsapp/instances", "method": "GET", "count": 2, "status": 503})
    assert r.status_code == 201
    codes = [(await tenant.http.get("/whatsapp/instances")).status_code for _ in range(3)]
    assert codes == [503, 503, 200]
    # Only the matching method and path were affected.
    await sandbox.control.post("/_sandbox/faults", json={"path": "/whatsapp/instances/*/send-*",
                                                         "status": 500})
    assert (await tenant.http.get("/whatsapp/instances")).status_code == 200
    r = await tenant.http.post("/whatsapp/instances/inst_x/send-text", json={})
    assert r.status_code == 500 and r.json()["error"]["code"] == "internal_error"
    assert "X-RateLimit-Limit" in r.headers


async def test_a_call_can_hang(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    await sandbox.control.post("/_sandbox/faults", json={"path": "/whatsapp/instances",
                                                         "delay": 2})
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        await tenant.http.get("/whatsapp/instances", timeout=0.3)
    assert time.monotonic() - started < 1.5
    # Hanging and failing combine: slow, then an error.
    await sandbox.control.post("/_sandbox/faults", json={"path": "/whatsapp/instances",
                                                         "delay": 0.3, "status": 502})
    started = time.monotonic()
    r = await tenant.http.get("/whatsapp/instances")
    assert r.status_code == 502 and time.monotonic() - started >= 0.3


async def test_faults_can_be_cleared_and_are_validated(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    await sandbox.control.post("/_sandbox/faults", json={"path": "/*", "count": 99,
                                                         "status": 500})
    assert (await sandbox.control.delete("/_sandbox/faults")).status_code == 200
    assert (await tenant.http.get("/whatsapp/instances")).status_code == 200
    for bad in [{"path": "nope", "status": 500}, {"path": "/x"}, {"path": "/x", "status": 200},
                {"path": "/x", "status": 500, "count": 0}, {"path": "/x", "delay": -1}]:
        r = await sandbox.control.post("/_sandbox/faults", json=bad)
        assert r.status_code == 400, bad


async def test_a_rate_limit_fault_can_ask_for_a_long_wait(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    r = await sandbox.control.post("/_sandbox/faults", json={
        "path": "/whatsapp/instances", "status": 429, "retryAfter": 3600})
    assert r.status_code == 201, r.text
    r = await tenant.http.get("/whatsapp/instances")
    assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limit_exceeded"
    assert 3590 <= int(r.headers["Retry-After"]) <= 3601  # whole seconds, rounded up
    assert 3590 <= int(r.headers["X-RateLimit-Reset"]) - time.time() <= 3601
    for wrong in ({"status": 500, "retryAfter": 60}, {"status": 429, "retryAfter": 0}):
        r = await sandbox.control.post("/_sandbox/faults", json={
            "path": "/whatsapp/instances", **wrong})
        assert r.status_code == 400 and r.json()["error"]["field"] == "retryAfter"
