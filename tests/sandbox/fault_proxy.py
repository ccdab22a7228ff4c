"""A loopback proxy in front of the sandbox that answers chosen requests the way broken
servers and middleboxes do (the sandbox's own faults give only JSON error statuses), and
forwards everything else unchanged, so the rest of the conversation stays real."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

import httpx
from aiohttp import web
from multidict import CIMultiDict


def _json(status: int, body: object) -> web.Response:
    return web.Response(status=status, body=json.dumps(body).encode(),
                        content_type="application/json")


def _broken_gzip() -> web.Response:
    packed = gzip.compress(json.dumps({"success": True, "data": []}).encode())
    # A proxy that mangled the stream: the gzip header is right, the deflate data is not
    # (0xFF starts a block of the reserved type 3, "invalid block type" for zlib).
    broken = packed[:10] + b"\xff" * 32
    return web.Response(status=200, body=broken, headers={
        "Content-Type": "application/json", "Content-Encoding": "gzip"})


# Each shape: a name the tests use, and the answer given instead of the real one.
SHAPES: dict[str, Callable[[], web.Response]] = {
    # A 200 whose envelope says it failed (what some gateways and plans answer).
    "success-false": lambda: _json(200, {"success": False, "error": {
        "code": "request_failed", "message": "Could not list instances"}}),
    "suspended": lambda: _json(403, {"success": False, "error": {
        "code": "account_suspended", "message": "This account is suspended"}}),
    # A captive portal or a moved host: a redirect to a login page.
    "redirect": lambda: web.Response(status=302, text="<html>Login</html>",
                                     content_type="text/html",
                                     headers={"Location": "http://127.0.0.1:9/portal"}),
    "broken-gzip": _broken_gzip,
    # 100,000 levels: more than Python's JSON parser can recurse into.
    "deep-json": lambda: web.Response(status=200, body=b"[" * 100_000 + b"]" * 100_000,
                                      content_type="application/json"),
}
_DROPPED = {"host", "content-length", "transfer-encoding", "content-encoding", "connection"}


@dataclass
class Armed:
    shape: str
    method: str
    path: str
    remaining: int


class FaultProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.armed: Armed | None = None
        self.hits = 0  # broken answers given
        self._runner: web.AppRunner | None = None
        self._http = httpx.AsyncClient(base_url=upstream, timeout=10)
        self.url = ""

    def arm(self, shape: str, *, method: str = "GET", path: str = "/whatsapp/instances",
            count: int = 1_000_000) -> None:
        assert shape in SHAPES, shape
        self.armed = Armed(shape, method, path, count)

    def disarm(self) -> None:
        self.armed = None

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        armed = self.armed
        if armed is not None and armed.remaining > 0 and request.method == armed.method \
                and request.path == armed.path:
            armed.remaining -= 1
            self.hits += 1
            return SHAPES[armed.shape]()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _DROPPED}
        answer = await self._http.request(request.method, request.path_qs,
                                          content=await request.read(), headers=headers)
        out: CIMultiDict[str] = CIMultiDict()
        for key, value in answer.headers.multi_items():
            if key.lower() not in _DROPPED:
                out.add(key, value)
        return web.Response(status=answer.status_code, body=answer.content, headers=out)

    async def __aenter__(self) -> FaultProxy:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        tb: TracebackType | None) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        await self._http.aclose()
