"""Events POSTed by the sandbox to a real receiver: shapes, order, retries, isolation."""

from __future__ import annotations

import base64
import time
from typing import Any

import pytest

from tests.sandbox.helpers import Listener, Sandbox, Tenant, closed_port, connect

pytestmark = pytest.mark.asyncio

CONTACT = "5511988887777"
JID = f"{CONTACT}@s.whatsapp.net"


async def paired(sandbox: Sandbox, listener: Listener, name: str = "Vendas"
                 ) -> tuple[Tenant, str]:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create(name, webhook=listener.url)
    await connect(sandbox, tenant, instance_id)
    await listener.wait_for(lambda got: any(
        e["event"] == "connection.update" and e["data"]["status"] == "connected"
        and e["instance"]["instanceId"] == instance_id for e in got))
    return tenant, instance_id


def count(listener: Listener, event: str, n: int) -> Any:
    return lambda got: len(listener.events(event)) >= n


async def test_the_connection_flow_in_order(sandbox: Sandbox, listener: Listener) -> None:
    tenant, instance_id = await paired(sandbox, listener)
    flow = [(e["event"], e["data"].get("status") or e["data"]["qrcode"]["attemptId"])
            for e in listener.received]
    assert flow == [("connection.update", "created"), ("connection.update", "qr"),
                    ("qrcode.updated", "qr_attempt_1"), ("connection.update", "connected")]
    first = listener.received[0]
    assert first["instance"] == {"instanceName": "Vendas", "instanceId": instance_id}
    done = listener.received[-1]["data"]
    detail = await tenant.get(instance_id)
    assert done["state"] == "open" and done["wuid"] == detail["phone"][1:] + "@s.whatsapp.net"


async def test_each_qr_attempt_and_the_expiry_are_announced(sandbox: Sandbox,
                                                            listener: Listener) -> None:
    tenant = await sandbox.tenant()
    await tenant.create("Vendas", webhook=listener.url)
    for _ in range(7):
        await sandbox.advance(20)
    await listener.wait_for(lambda got: got[-1]["data"].get("status") == "disconnected")
    attempts = [e["data"]["qrcode"]["attemptId"] for e in listener.events("qrcode.updated")]
    assert attempts == [f"qr_attempt_{n}" for n in range(1, 7)]
    closed = listener.received[-1]["data"]
    assert closed["state"] == "close" and closed["statusReason"] == 408


async def test_a_contacts_text_message(sandbox: Sandbox, listener: Listener) -> None:
    _, instance_id = await paired(sandbox, listener)
    r = await sandbox.phone(instance_id, "incoming", **{"from": CONTACT, "pushName": "João Silva",
                                                        "text": "Olá!"})
    assert r.status_code == 201
    await listener.wait_for(count(listener, "messages.upsert", 1))
    contact = listener.events("contacts.update")[0]["data"]
    assert contact == [{"id": JID, "notify": "João Silva"}]
    data = listener.events("messages.upsert")[0]["data"]
    assert data["key"] == {"remoteJid": JID, "fromMe": False, "id": r.json()["data"]["messageId"]}
    assert data["message"] == {"conversation": "Olá!"}
    assert data["messageType"] == "conversation" and data["pushName"] == "João Silva"
    assert isinstance(data["messageTimestamp"], int)
    assert abs(data["messageTimestamp"] - sandbox.server.clock.now()) < 2


@pytest.mark.parametrize(("kind", "key", "mime"), [
    ("image", "imageMessage", "image/jpeg"), ("video", "videoMessage", "video/mp4"),
    ("audio", "audioMessage", "audio/ogg"), ("document", "documentMessage", "application/pdf")])
async def test_a_contacts_media_message(sandbox: Sandbox, listener: Listener, kind: str,
                                        key: str, mime: str) -> None:
    _, instance_id = await paired(sandbox, listener)
    ext = {"image": "jpg", "video": "mp4", "audio": "ogg", "document": "pdf"}[kind]
    url = f"https://cdn.example.test/arquivo.{ext}"
    await sandbox.phone(instance_id, "incoming", **{"from": CONTACT, "mediaType": kind,
                                                    "mediaUrl": url, "caption": "veja"})
    await listener.wait_for(count(listener, "messages.upsert", 1))
    data = listener.events("messages.upsert")[0]["data"]
    assert data["messageType"] == key
    body = data["message"][key]
    assert body["url"] == url and body["mimetype"] == mime and body["caption"] == "veja"
    if kind == "image":
        assert base64.b64decode(body["jpegThumbnail"]).startswith(b"\xff\xd8")
    if kind == "document":
        assert body["fileName"] == "arquivo.pdf"
    if kind == "audio":
        assert body["ptt"] is True and body["seconds"] > 0


async def test_a_sent_message_is_echoed_then_delivered_then_read(sandbox: Sandbox,
                                                                 listener: Listener) -> None:
    tenant, instance_id = await paired(sandbox, listener)
    r = await tenant.http.post(f"/whatsapp/instances/{instance_id}/send-text",
                               json={"to": CONTACT, "message": "Bom dia!"})
    message_id = r.json()["data"]["id"]
    await listener.wait_for(count(listener, "messages.upsert", 1))
    echo = listener.events("messages.upsert")[0]["data"]
    assert echo["key"] == {"remoteJid": JID, "fromMe": True, "id": message_id}
    assert echo["message"] == {"extendedTextMessage": {"text": "Bom dia!"}}
    await sandbox.advance(1)
    await listener.wait_for(count(listener, "messages.update", 1))
    await sandbox.advance(1.5)
    await listener.wait_for(count(listener, "messages.update", 2))
    updates = [(u["data"]["key"]["id"], u["data"]["status"], u["data"]["update"]["status"])
               for u in listener.events("messages.update")]
    assert updates == [(message_id, "DELIVERY_ACK", 3), (message_id, "READ", 4)]


async def test_simulated_contacts_answer(sandbox: Sandbox, listener: Listener) -> None:
    tenant, instance_id = await paired(sandbox, listener)
    assert (await sandbox.control.post("/_sandbox/config", json={"autoReply": True})).json()[
        "data"] == {"autoReply": True}
    await tenant.http.post(f"/whatsapp/instances/{instance_id}/send-text",
                           json={"to": CONTACT, "message": "Seu pedido saiu para entrega"})
    await sandbox.advance(5)
    await listener.wait_for(count(listener, "messages.upsert", 2))
    presences = [e["data"]["presences"][JID]["lastKnownPresence"]
                 for e in listener.events("presence.update")]
    assert presences == ["composing", "paused"]
    reply = listener.events("messages.upsert")[1]["data"]
    assert reply["key"]["fromMe"] is False and reply["key"]["remoteJid"] == JID
    assert "Seu pedido saiu para entrega" in reply["message"]["conversation"]
    assert reply["pushName"]  # the contact has a name


async def test_typing_groups_and_revokes(sandbox: Sandbox, listener: Listener) -> None:
    _, instance_id = await paired(sandbox, listener)
    await sandbox.phone(instance_id, "typing", **{"from": CONTACT})
    r = await sandbox.phone(instance_id, "groups", subject="Equipe SP",
                            members=[CONTACT, "5511977776666"])
    assert r.status_code == 201
    group = r.json()["data"]["id"]
    assert group.endswith("@g.us")
    r = await sandbox.control.put(f"/_sandbox/instances/{instance_id}/groups/{group}",
                                  json={"subject": "Equipe São Paulo"})
    assert r.status_code == 200
    r = await sandbox.phone(instance_id, "incoming", **{"from": CONTACT, "text": "Bom dia, time",
                                                        "group": group})
    message_id = r.json()["data"]["messageId"]
    r = await sandbox.phone(instance_id, "revoke", messageId=message_id)
    assert r.status_code == 200
    await listener.wait_for(count(listener, "messages.delete", 1))
    names = [e["event"] for e in listener.received[4:]]
    assert names == ["presence.update", "groups.upsert", "groups.update", "contacts.update",
                     "messages.upsert", "messages.delete"]
    typing = listener.events("presence.update")[0]["data"]
    assert typing == {"id": JID, "presences": {JID: {"lastKnownPresence": "composing"}}}
    upsert = listener.events("groups.upsert")[0]["data"][0]
    assert upsert["id"] == group and upsert["subject"] == "Equipe SP" and upsert["size"] == 3
    assert {p["id"] for p in upsert["participants"]} >= {JID, "5511977776666@s.whatsapp.net"}
    assert listener.events("groups.update")[0]["data"] == [{"id": group,
                                                            "subject": "Equipe São Paulo"}]
    key = listener.events("messages.upsert")[0]["data"]["key"]
    assert key == {"remoteJid": group, "fromMe": False, "id": message_id, "participant": JID}
    assert listener.events("messages.delete")[0]["data"] == key


async def test_a_failing_receiver_gets_retries_and_order_is_kept(sandbox: Sandbox,
                                                                 listener: Listener) -> None:
    _, instance_id = await paired(sandbox, listener)
    before = len(listener.received)
    listener.fail_next(3, status=503)
    for n in range(20):
        await sandbox.phone(instance_id, "incoming", **{"from": CONTACT, "text": f"msg {n}"})
    await listener.wait_for(count(listener, "messages.upsert", 20))
    texts = [e["data"]["message"]["conversation"] for e in listener.events("messages.upsert")]
    assert texts == [f"msg {n}" for n in range(20)]
    assert listener.refused == 3
    mine = (await sandbox.control.get("/_sandbox/deliveries",
                                      params={"instance": instance_id})).json()["data"]
    retried = mine[before]  # contacts.update came first and took the three refusals
    assert retried["state"] == "delivered" and retried["attempts"] == 4
    assert all(d["state"] == "delivered" for d in mine)



async def test_a_dead_receiver_blocks_neither_the_api_nor_other_instances(
        sandbox: Sandbox, listener: Listener) -> None:
    sandbox.server.dispatcher.max_attempts = 3
    tenant = await sandbox.tenant()
    dead = await tenant.create("Morta", webhook=f"http://127.0.0.1:{closed_port()}/hook")
    alive = await tenant.create("Viva", webhook=listener.url)
    started = time.monotonic()
    for _ in range(20):
        await tenant.http.put(f"/whatsapp/instances/{dead}", json={"name": "Morta"})
        await sandbox.advance(20)  # each step emits QR events for both instances
    assert time.monotonic() - started < 5
    await listener.wait_for(lambda got: any(e["data"].get("status") == "disconnected"
                                            for e in got))
    assert {e["instance"]["instanceId"] for e in listener.received} == {alive}
    await sandbox.server.dispatcher.settle()
    dead_log = (await sandbox.control.get("/_sandbox/deliveries",
                                          params={"instance": dead})).json()["data"]
    assert dead_log and all(d["state"] == "failed" and d["attempts"] == 3 for d in dead_log)
    assert "ClientConnectorError" in dead_log[0]["lastError"]


async def test_only_loopback_receivers_are_contacted(sandbox: Sandbox) -> None:
    tenant = await sandbox.tenant()
    instance_id = await tenant.create("Externa", webhook="https://hooks.example.com/zap")
    log = (await sandbox.control.get("/_sandbox/deliveries",
                                     params={"instance": instance_id})).json()["data"]
    assert [(d["event"], d["state"], d["lastError"]) for d in log] == [
        ("connection.update", "skipped", "not a loopback address")]
