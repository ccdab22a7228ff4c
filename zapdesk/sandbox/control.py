"""The control prefix: the simulated phone, tenants, clock and faults.

Tests and the demo drive the WhatsApp side through these calls; the zapdesk client never
uses them (a real ZapFlare has nothing like them).
"""

from __future__ import annotations

from aiohttp import web

from zapdesk.sandbox.delivery import WebhookDispatcher
from zapdesk.sandbox.errors import invalid
from zapdesk.sandbox.faults import Faults
from zapdesk.sandbox.http import json_object, ok
from zapdesk.sandbox.world import World


def routes(world: World, faults: Faults, dispatcher: WebhookDispatcher) -> web.RouteTableDef:
    r = web.RouteTableDef()
    p = "/_sandbox"

    @r.post(f"{p}/tenants")
    async def tenants(request: web.Request) -> web.Response:
        body = await json_object(request)
        tenant = world.create_tenant(body.get("email"), body.get("password"),
                                     body.get("plan", "starter"))
        return ok({"tenantId": tenant.id, "email": tenant.email, "plan": tenant.plan,
                   "apiKey": tenant.api_key}, status=201)

    @r.get(p + "/instances/{id}")
    async def instance(request: web.Request) -> web.Response:
        return ok(world.control_json(world.existing(request.match_info["id"])))

    @r.post(p + "/instances/{id}/scan")
    async def scan(request: web.Request) -> web.Response:
        body = await json_object(request)
        inst = world.scan(request.match_info["id"], body.get("code"), body.get("phone"))
        return ok(world.control_json(inst))

    @r.post(p + "/instances/{id}/phone-disconnect")
    async def phone_disconnect(request: web.Request) -> web.Response:
        return ok(world.control_json(world.phone_disconnect(request.match_info["id"])))

    @r.post(p + "/instances/{id}/ban")
    async def ban(request: web.Request) -> web.Response:
        return ok(world.control_json(world.ban(request.match_info["id"])))

    @r.post(p + "/instances/{id}/incoming")
    async def incoming(request: web.Request) -> web.Response:
        key = world.incoming(request.match_info["id"], await json_object(request))
        return ok({"messageId": key["id"], "key": key}, status=201)

    @r.post(p + "/instances/{id}/typing")
    async def typing(request: web.Request) -> web.Response:
        world.typing(request.match_info["id"], await json_object(request))
        return ok({})

    @r.post(p + "/instances/{id}/groups")
    async def create_group(request: web.Request) -> web.Response:
        group = world.create_group(request.match_info["id"], await json_object(request))
        return ok({"id": group.jid, "subject": group.subject, "members": group.members},
                  status=201)

    @r.put(p + "/instances/{id}/groups/{group}")
    async def update_group(request: web.Request) -> web.Response:
        group = world.update_group(request.match_info["id"], request.match_info["group"],
                                   await json_object(request))
        return ok({"id": group.jid, "subject": group.subject, "members": group.members})

    @r.post(p + "/instances/{id}/revoke")
    async def revoke(request: web.Request) -> web.Response:
        return ok({"key": world.revoke(request.match_info["id"], await json_object(request))})

    @r.post(f"{p}/sessions/expire")
    async def expire(request: web.Request) -> web.Response:
        return ok({"expired": world.expire_sessions()})

    @r.post(f"{p}/faults")
    async def add_fault(request: web.Request) -> web.Response:
        fault = faults.add(await json_object(request))
        return ok({"path": fault.path, "method": fault.method, "count": fault.remaining,
                   "status": fault.status, "delay": fault.delay}, status=201)

    @r.delete(f"{p}/faults")
    async def clear_faults(request: web.Request) -> web.Response:
        faults.clear()
        return ok({})

    @r.post(f"{p}/clock/advance")
    async def advance(request: web.Request) -> web.Response:
        seconds = (await json_object(request)).get("seconds")
        if not isinstance(seconds, int | float) or seconds < 0:
            raise invalid("seconds", "seconds must be a number of seconds, zero or more")
        world.clock.advance(float(seconds))
        world.tick()
        return ok({"now": world.now()})

    @r.post(f"{p}/config")
    async def config(request: web.Request) -> web.Response:
        body = await json_object(request)
        if "autoReply" in body:
            if not isinstance(body["autoReply"], bool):
                raise invalid("autoReply", "autoReply must be true or false")
            world.config.auto_reply = body["autoReply"]
        return ok({"autoReply": world.config.auto_reply})

    @r.get(f"{p}/deliveries")
    async def deliveries(request: web.Request) -> web.Response:
        wanted = request.query.get("instance")
        return ok([d.summary() for d in dispatcher.history
                   if wanted is None or d.instance_id == wanted])

    return r

