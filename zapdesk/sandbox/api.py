"""The public ZapFlare API: routes, and the middleware every call goes through
(injected faults, authentication, rate limits with their headers, the error envelope)."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from zapdesk.sandbox.errors import ApiError
from zapdesk.sandbox.faults import Faults
from zapdesk.sandbox.http import json_object, ok
from zapdesk.sandbox.media import avatar_png
from zapdesk.sandbox.ratelimit import Quota, SlidingWindow
from zapdesk.sandbox.world import Tenant, World, iso

log = logging.getLogger(__name__)

CONTROL_PREFIX = "/_sandbox/"
COOKIE = "auth-session"
_PUBLIC = {("POST", "/auth/sessions")}
TENANT = web.RequestKey("tenant", Tenant)
_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def error_response(error: ApiError) -> web.Response:
    return web.json_response(error.body(), status=error.status)


def http_error(exc: web.HTTPException) -> web.Response:
    code = _HTTP_CODES.get(exc.status, "invalid_request" if exc.status < 500 else "internal_error")
    message = exc.reason if exc.status != 413 else "the request body is too large"
    response = error_response(ApiError(exc.status, code, message))
    if exc.status == 405 and "Allow" in exc.headers:
        response.headers["Allow"] = exc.headers["Allow"]
    return response


def authenticate(world: World, request: web.Request) -> Tenant:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return world.key_tenant(header[7:].strip())
    if "X-API-Key" in request.headers:
        return world.key_tenant(request.headers["X-API-Key"].strip())
    return world.session_tenant(request.cookies.get(COOKIE))


def tenant_of(request: web.Request) -> Tenant:
    return request[TENANT]


def make_middleware(world: World, faults: Faults) -> Callable[..., Awaitable[web.StreamResponse]]:
    anonymous: dict[str, SlidingWindow] = {}

    def anon_bucket(request: web.Request) -> SlidingWindow:
        key = request.remote or "?"
        if key not in anonymous:
            anonymous[key] = SlidingWindow(world.config.read_limit, 60)
        return anonymous[key]

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(CONTROL_PREFIX):
            try:
                return await handler(request)
            except ApiError as exc:
                return error_response(exc)
            except web.HTTPException as exc:
                return http_error(exc)
        quota: Quota | None = None
        try:
            await faults.apply(request.method, request.path)
            routed = request.match_info.http_exception is None
            bucket = anon_bucket(request)
            if routed and (request.method, request.path) not in _PUBLIC \
                    and not request.path.startswith("/media/"):
                tenant = authenticate(world, request)
                request[TENANT] = tenant
                sends = request.path.endswith(("/send-text", "/send-media"))
                bucket = tenant.limits["messages" if sends else "reads"]
            allowed, quota = bucket.hit()
            if not allowed:
                raise ApiError(429, "rate_limit_exceeded",
                               f"rate limit of {quota.limit} requests per {quota.window} s "
                               "exceeded", quota=quota)
            response = await handler(request)
        except ApiError as exc:
            response, quota = error_response(exc), exc.quota or quota
        except web.HTTPException as exc:
            response = http_error(exc)
        except ConnectionResetError:  # the client went away mid-request: not our bug
            log.info("client left during %s %s", request.method, request.path)
            raise
        except Exception:
            log.exception("sandbox bug answering %s %s", request.method, request.path)
            response = error_response(ApiError(500, "internal_error", "internal error"))
        quota = quota or anon_bucket(request).peek()
        response.headers.update(quota.headers())
        if response.status == 429:
            response.headers["Retry-After"] = str(max(1, quota.reset - int(time.time())))
        return response

    return middleware


def routes(world: World) -> web.RouteTableDef:
    r = web.RouteTableDef()

    @r.post("/auth/sessions")
    async def login(request: web.Request) -> web.Response:
        body = await json_object(request)
        session = world.login(body.get("email"), body.get("password"))
        tenant = world.tenants[session.tenant_id]
        response = ok({
            "user": {"email": tenant.email, "tenantId": tenant.id, "plan": tenant.plan},
            "expiresAt": iso(session.expires_at),
        })
        response.set_cookie(COOKIE, session.token, httponly=True, path="/", samesite="Lax")
        return response

    @r.delete("/auth/sessions")
    async def logout(request: web.Request) -> web.Response:
        world.logout(request.cookies.get(COOKIE))
        response = web.json_response({"success": True, "message": "Logged out"})
        response.del_cookie(COOKIE, path="/")
        return response

    @r.get("/whatsapp/instances")
    async def list_instances(request: web.Request) -> web.Response:
        found = world.list_instances(tenant_of(request))
        return ok([world.instance_json(i, detail=False) for i in found])

    @r.post("/whatsapp/instances")
    async def create(request: web.Request) -> web.Response:
        inst = world.create_instance(tenant_of(request), await json_object(request))
        return ok(world.created_json(inst), status=201)

    @r.get("/whatsapp/instances/{id}")
    async def get(request: web.Request) -> web.Response:
        inst = world.owned(tenant_of(request), request.match_info["id"])
        return ok(world.instance_json(inst, detail=True))

    @r.put("/whatsapp/instances/{id}")
    async def update(request: web.Request) -> web.Response:
        inst = world.update_instance(tenant_of(request), request.match_info["id"],
                                     await json_object(request))
        return ok(world.instance_json(inst, detail=True))

    @r.delete("/whatsapp/instances/{id}")
    async def delete(request: web.Request) -> web.Response:
        world.delete_instance(tenant_of(request), request.match_info["id"])
        return web.json_response({"success": True, "message": "Instance deleted successfully"})

    @r.post("/whatsapp/instances/{id}/regenerate-qr")
    async def regenerate(request: web.Request) -> web.Response:
        inst = world.regenerate_qr(tenant_of(request), request.match_info["id"])
        return ok(world.instance_json(inst, detail=True))

    @r.post("/whatsapp/instances/{id}/disconnect")
    async def disconnect(request: web.Request) -> web.Response:
        inst = world.disconnect(tenant_of(request), request.match_info["id"])
        return ok(world.instance_json(inst, detail=True))

    @r.post("/whatsapp/instances/{id}/send-text")
    async def send_text(request: web.Request) -> web.Response:
        return ok(world.send(tenant_of(request), request.match_info["id"],
                             await json_object(request), media=False))

    @r.post("/whatsapp/instances/{id}/send-media")
    async def send_media(request: web.Request) -> web.Response:
        return ok(world.send(tenant_of(request), request.match_info["id"],
                             await json_object(request), media=True))

    @r.get("/media/avatars/{id}.png")
    async def avatar(request: web.Request) -> web.Response:
        inst = world.instances.get(request.match_info["id"])
        if inst is None or not inst.phone:
            raise ApiError(404, "not_found", "no picture")
        return web.Response(body=avatar_png(inst.id, inst.name), content_type="image/png",
                            headers={"Cache-Control": "max-age=3600"})

    return r
