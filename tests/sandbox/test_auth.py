"""Sessions, API keys and expiry, over real HTTP."""

from __future__ import annotations

import httpx
import pytest

from tests.sandbox.helpers import Sandbox

pytestmark = pytest.mark.asyncio


async def test_login_sets_an_httponly_session_cookie(sandbox: Sandbox) -> None:
    await sandbox.control.post("/_sandbox/tenants",
                               json={"email": "Ana@Example.test", "password": "pw-123456"})
    async with httpx.AsyncClient(base_url=sandbox.url) as client:
        r = await client.post("/auth/sessions",
                              json={"email": "ana@example.test", "password": "pw-123456"})
        assert r.status_code == 200
        cookie = r.headers["set-cookie"]
        assert cookie.startswith("auth-session=") and "HttpOnly" in cookie
        assert r.json()["data"]["user"]["email"] == "ana@example.test"
        assert (await client.get("/whatsapp/instances")).status_code == 200


@pytest.mark.parametrize(("email", "password"), [
    ("ana@example.test", "wrong"), ("nobody@example.test", "pw-123456")])
async def test_wrong_credentials_get_401_without_telling_which(
        sandbox: Sandbox, email: str, password: str) -> None:
    await sandbox.control.post("/_sandbox/tenants",
                               json={"email": "ana@example.test", "password": "pw-123456"})
    r = await sandbox.control.post("/auth/sessions", json={"email": email, "password": password})
    assert r.status_code == 401
    assert r.json() == {"success": False, "error": {
        "code": "unauthorized", "message": "invalid email or password"}}
    assert "set-cookie" not in r.headers


@pytest.mark.parametrize("body", [{}, {"email": "a@b.test"}, {"password": "x"},
                                  {"email": 5, "password": "x"}])
async def test_login_without_fields_is_400(sandbox: Sandbox, body: dict[str, object]) -> None:
    r = await sandbox.control.post("/auth/sessions", json=body)
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/whatsapp/instances"), ("POST", "/whatsapp/instances"),
    ("GET", "/whatsapp/instances/inst_x"), ("PUT", "/whatsapp/instances/inst_x"),
    ("DELETE", "/whatsapp/instances/inst_x"),
    ("POST", "/whatsapp/instances/inst_x/regenerate-qr"),
    ("POST", "/whatsapp/instances/inst_x/disconnect"),
    ("POST", "/whatsapp/instances/inst_x/send-text"),
    ("POST", "/whatsapp/instances/inst_x/send-media"),
    ("DELETE", "/auth/sessions")])
async def test_every_call_without_a_session_is_401(sandbox: Sandbox, method: str, path: str
                                                   ) -> None:
    r = await sandbox.control.request(method, path, json={})
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthorized"
    assert "X-RateLimit-Remaining" in r.headers


async def test_logout_ends_the_session(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    cookie = tenant.http.cookies["auth-session"]
    r = await tenant.http.delete("/auth/sessions")
    assert r.status_code == 200 and r.json()["success"] is True
    # The server forgot the session: even replaying the old cookie is refused.
    async with httpx.AsyncClient(base_url=sandbox.url, cookies={"auth-session": cookie}) as c:
        assert (await c.get("/whatsapp/instances")).status_code == 401


async def test_sessions_expire_after_their_lifetime(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    await sandbox.advance(sandbox.server.config.session_lifetime - 1)
    assert (await tenant.http.get("/whatsapp/instances")).status_code == 200
    await sandbox.advance(2)
    r = await tenant.http.get("/whatsapp/instances")
    assert r.status_code == 401 and "expired" in r.json()["error"]["message"]
    # Logging in again is all it takes.
    r = await tenant.http.post("/auth/sessions",
                               json={"email": tenant.email, "password": tenant.password})
    assert r.status_code == 200
    assert (await tenant.http.get("/whatsapp/instances")).status_code == 200


async def test_control_call_expires_every_session(sandbox: Sandbox) -> None:
    first, second = await sandbox.tenant(), await sandbox.tenant()
    r = await sandbox.control.post("/_sandbox/sessions/expire")
    assert r.status_code == 200
    for tenant in (first, second):
        assert (await tenant.http.get("/whatsapp/instances")).status_code == 401


@pytest.mark.parametrize("header", ["Authorization", "X-API-Key"])
async def test_api_keys_authenticate(sandbox: Sandbox, header: str) -> None:
    r = await sandbox.control.post("/_sandbox/tenants", json={
        "email": "keys@example.test", "password": "pw-123456", "plan": "starter"})
    key = r.json()["data"]["apiKey"]
    assert key.startswith("zpk_test_")
    value = f"Bearer {key}" if header == "Authorization" else key
    r = await sandbox.control.get("/whatsapp/instances", headers={header: value})
    assert r.status_code == 200 and r.json() == {"success": True, "data": []}
    bad = "Bearer zpk_test_nope" if header == "Authorization" else "zpk_test_nope"
    r = await sandbox.control.get("/whatsapp/instances", headers={header: bad})
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_api_key"


async def test_tenant_creation_is_validated(sandbox: Sandbox) -> None:
    ok = {"email": "t@example.test", "password": "pw", "plan": "enterprise"}
    assert (await sandbox.control.post("/_sandbox/tenants", json=ok)).status_code == 201
    assert (await sandbox.control.post("/_sandbox/tenants", json=ok)).status_code == 409
    r = await sandbox.control.post("/_sandbox/tenants", json={**ok, "email": "x@y.test",
                                                              "plan": "gold"})
    assert r.status_code == 400 and r.json()["error"]["field"] == "plan"
