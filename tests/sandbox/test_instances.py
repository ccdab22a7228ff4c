"""Instance CRUD, validation, tenant isolation and plan limits, over real HTTP."""

from __future__ import annotations

import pytest

from tests.sandbox.helpers import Sandbox

pytestmark = pytest.mark.asyncio


async def test_create_answers_with_the_create_variant_keys(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    r = await tenant.http.post("/whatsapp/instances",
                               json={"name": "  Atendimento  ", "webhookUrl": "https://h.test/x"})
    assert r.status_code == 201
    data = r.json()["data"]
    assert set(data) == {"instanceId", "instanceName", "status", "integration", "webhookUrl"}
    assert data["instanceName"] == "Atendimento"  # trimmed
    assert data["status"] == "created" and data["integration"] == "WHATSAPP-BAILEYS"
    assert data["webhookUrl"] == "https://h.test/x"


async def test_list_and_detail_carry_the_documented_fields(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    listed = (await tenant.http.get("/whatsapp/instances")).json()["data"]
    assert [i["id"] for i in listed] == [instance_id]
    assert set(listed[0]) == {"id", "name", "phone", "status", "webhookUrl", "createdAt", "active"}
    detail = await tenant.get(instance_id)
    assert {"integration", "profilePicUrl", "updatedAt"} <= set(detail)
    assert detail["createdAt"].endswith("Z") and detail["active"] is True
    assert detail["phone"] is None and "qrCode" not in detail  # still `created`


@pytest.mark.parametrize(("name", "why"), [
    ("ab", "3 to 50"), ("  ab  ", "3 to 50"), ("x" * 51, "3 to 50"), ("", "3 to 50"),
    (None, "required"), (42, "required")])
async def test_invalid_names_are_refused_naming_the_field(sandbox: Sandbox, name: object,
                                                          why: str) -> None:
    tenant = await sandbox.tenant()
    r = await tenant.http.post("/whatsapp/instances", json={"name": name})
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["code"] == "invalid_request" and error["field"] == "name"
    assert why in error["message"]
    assert (await tenant.http.get("/whatsapp/instances")).json()["data"] == []


@pytest.mark.parametrize("name", ["abc", "x" * 50, "Çã ✓"])
async def test_names_at_the_bounds_are_accepted(sandbox: Sandbox, name: str) -> None:
    tenant = await sandbox.tenant()
    assert (await tenant.get(await tenant.create(name)))["name"] == name


@pytest.mark.parametrize("url", ["ftp://h.test/x", "/relative", "not a url", "http://", 7,
                                 "javascript:alert(1)"])
async def test_invalid_webhook_urls_are_refused(sandbox: Sandbox, url: object) -> None:
    tenant = await sandbox.tenant()
    r = await tenant.http.post("/whatsapp/instances", json={"name": "Vendas", "webhookUrl": url})
    assert r.status_code == 400 and r.json()["error"]["field"] == "webhookUrl"


async def test_names_are_unique_per_tenant_ignoring_case(sandbox: Sandbox) -> None:
    first, second = await sandbox.tenant(), await sandbox.tenant()
    await first.create("Vendas")
    r = await first.http.post("/whatsapp/instances", json={"name": "VENDAS "})
    assert r.status_code == 409 and r.json()["error"]["code"] == "conflict"
    await second.create("Vendas")  # another tenant may use the same name


async def test_update_changes_name_and_webhook(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    other = await tenant.create("Suporte")
    r = await tenant.http.put(f"/whatsapp/instances/{instance_id}",
                              json={"name": "Vendas SP", "webhookUrl": "http://127.0.0.1:9/h"})
    assert r.status_code == 200
    assert (r.json()["data"]["name"], r.json()["data"]["webhookUrl"]) == \
        ("Vendas SP", "http://127.0.0.1:9/h")
    r = await tenant.http.put(f"/whatsapp/instances/{instance_id}", json={"webhookUrl": None})
    assert r.json()["data"]["webhookUrl"] is None and r.json()["data"]["name"] == "Vendas SP"
    r = await tenant.http.put(f"/whatsapp/instances/{other}", json={"name": "vendas sp"})
    assert r.status_code == 409
    r = await tenant.http.put(f"/whatsapp/instances/{other}", json={"name": "no"})
    assert r.status_code == 400 and r.json()["error"]["field"] == "name"
    r = await tenant.http.put(f"/whatsapp/instances/{other}", json={})
    assert r.status_code == 400
    assert (await tenant.get(other))["name"] == "Suporte"  # nothing lost on refusal


async def test_delete_is_final(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Vendas")
    r = await tenant.http.delete(f"/whatsapp/instances/{instance_id}")
    assert r.status_code == 200
    assert r.json() == {"success": True, "message": "Instance deleted successfully"}
    for method in ("GET", "PUT", "DELETE"):
        r = await tenant.http.request(method, f"/whatsapp/instances/{instance_id}",
                                      json={"name": "Vendas"})
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


async def test_a_tenant_never_sees_another_tenants_instances(sandbox: Sandbox) -> None:
    owner, stranger = await sandbox.tenant(), await sandbox.tenant()
    instance_id = await owner.create("Privada")
    assert (await stranger.http.get("/whatsapp/instances")).json()["data"] == []
    base = f"/whatsapp/instances/{instance_id}"
    attempts = [("GET", base, None), ("PUT", base, {"name": "Roubada"}),
                ("DELETE", base, None), ("POST", base + "/regenerate-qr", None),
                ("POST", base + "/disconnect", None),
                ("POST", base + "/send-text", {"to": "5511999999999", "message": "oi"}),
                ("POST", base + "/send-media", {"to": "5511999999999", "mediaType": "image",
                                                "mediaUrl": "https://h.test/a.jpg"})]
    for method, path, body in attempts:
        r = await stranger.http.request(method, path, json=body)
        assert r.status_code == 404, (method, path, r.text)
    assert (await owner.get(instance_id))["name"] == "Privada"


@pytest.mark.parametrize(("plan", "limit"), [("starter", 1), ("pro", 5), ("enterprise", 50)])
async def test_plan_limits(sandbox: Sandbox, plan: str, limit: int) -> None:
    tenant = await sandbox.tenant(plan)
    for n in range(limit):
        await tenant.create(f"Instância {n}")
    r = await tenant.http.post("/whatsapp/instances", json={"name": "Uma a mais"})
    assert r.status_code == 403
    error = r.json()["error"]
    assert error["code"] == "forbidden"
    assert plan.capitalize() in error["message"] and str(limit) in error["message"]
    # Deleting one frees the slot.
    first = (await tenant.http.get("/whatsapp/instances")).json()["data"][0]["id"]
    await tenant.http.delete(f"/whatsapp/instances/{first}")
    await tenant.create("Uma a mais")


@pytest.mark.parametrize(("content", "why"), [
    (b"{not json", "valid JSON"), (b"[1, 2]", "JSON object"), (b"\xff\xfe", "valid JSON")])
async def test_malformed_bodies_are_400(sandbox: Sandbox, content: bytes, why: str) -> None:
    tenant = await sandbox.tenant()
    r = await tenant.http.post("/whatsapp/instances", content=content,
                               headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and why in r.json()["error"]["message"]


async def test_oversize_bodies_unknown_paths_and_methods(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    r = await tenant.http.post("/whatsapp/instances", content=b"{" + b" " * 2_000_000 + b"}",
                               headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
    r = await tenant.http.get("/whatsapp/nothing-here")
    assert r.status_code == 404 and r.json()["success"] is False
    r = await tenant.http.patch("/whatsapp/instances")
    assert r.status_code == 405 and "GET" in r.headers["Allow"]
    assert (await tenant.http.get("/whatsapp/instances")).status_code == 200  # still up
