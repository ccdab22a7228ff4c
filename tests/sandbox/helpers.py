"""Test-side peers of the sandbox: a tenant's HTTP session and a real webhook receiver."""

from __future__ import annotations

import asyncio
import base64
import io
import itertools
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import httpx
import zxingcpp
from aiohttp import web
from PIL import Image

from zapdesk.sandbox import SandboxServer

_emails = itertools.count(1)


@dataclass
class Sandbox:
    server: SandboxServer
    control: httpx.AsyncClient  # no cookies of its own: used for /_sandbox and anonymous calls
    clients: list[httpx.AsyncClient] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.server.url

    async def tenant(self, plan: str = "pro", password: str = "s3cret-pass") -> Tenant:
        email = f"op{next(_emails)}@example.test"
        r = await self.control.post("/_sandbox/tenants",
                                    json={"email": email, "password": password, "plan": plan})
        assert r.status_code == 201, r.text
        client = httpx.AsyncClient(base_url=self.url, timeout=10)
        self.clients.append(client)
        r = await client.post("/auth/sessions", json={"email": email, "password": password})
        assert r.status_code == 200, r.text
        return Tenant(email, password, r.json()["data"]["user"]["tenantId"], client)

    async def aclose(self) -> None:
        for client in self.clients:
            await client.aclose()

    async def advance(self, seconds: float) -> None:
        r = await self.control.post("/_sandbox/clock/advance", json={"seconds": seconds})
        assert r.status_code == 200, r.text

    async def phone(self, instance_id: str, action: str, **body: Any) -> httpx.Response:
        return await self.control.post(f"/_sandbox/instances/{instance_id}/{action}", json=body)

    async def state(self, instance_id: str) -> dict[str, Any]:
        r = await self.control.get(f"/_sandbox/instances/{instance_id}")
        assert r.status_code == 200, r.text
        data: dict[str, Any] = r.json()["data"]
        return data


@dataclass
class Tenant:
    email: str
    password: str
    id: str
    http: httpx.AsyncClient

    async def create(self, name: str, webhook: str | None = None) -> str:
        body: dict[str, Any] = {"name": name}
        if webhook:
            body["webhookUrl"] = webhook
        r = await self.http.post("/whatsapp/instances", json=body)
        assert r.status_code == 201, r.text
        instance_id: str = r.json()["data"]["instanceId"]
        return instance_id

    async def get(self, instance_id: str) -> dict[str, Any]:
        r = await self.http.get(f"/whatsapp/instances/{instance_id}")
        assert r.status_code == 200, r.text
        data: dict[str, Any] = r.json()["data"]
        return data


def decode_qr_data_url(data_url: str) -> str:
    prefix = "data:image/png;base64,"
    assert data_url.startswith(prefix)
    raw = base64.b64decode(data_url[len(prefix):])
    assert raw.startswith(b"\x89PNG\r\n\x1a\n")
    [text] = read_qr(Image.open(io.BytesIO(raw)))
    return text


def read_qr(image: Image.Image) -> list[str]:
    """Every QR code a camera would read in ``image``."""
    # Only QR: the QR pattern occasionally also reads as a spurious 1-D (ITF) code.
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [f.text for f in found]


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def connect(sandbox: Sandbox, tenant: Tenant, instance_id: str) -> dict[str, Any]:
    """Pair an instance the way a person does: read the QR image, scan it with the phone."""
    await sandbox.advance(2)
    code = decode_qr_data_url((await tenant.get(instance_id))["qrCode"]["base64"])
    r = await sandbox.phone(instance_id, "scan", code=code)
    assert r.status_code == 200, r.text
    return await tenant.get(instance_id)


class Listener:
    """A real HTTP webhook receiver on loopback that records what arrives, in order."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.refused = 0
        self._fail_next: list[int] = []
        self._runner: web.AppRunner | None = None
        self.url = ""

    def fail_next(self, count: int, status: int = 500) -> None:
        self._fail_next.extend([status] * count)

    async def _handle(self, request: web.Request) -> web.Response:
        if self._fail_next:
            self.refused += 1
            return web.Response(status=self._fail_next.pop(0))
        self.received.append(await request.json())
        return web.Response(text="ok")

    async def __aenter__(self) -> Listener:
        app = web.Application()
        app.router.add_post("/hook", self._handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/hook"
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        assert self._runner is not None
        await self._runner.cleanup()

    def events(self, name: str | None = None, instance_id: str | None = None
               ) -> list[dict[str, Any]]:
        return [e for e in self.received
                if (name is None or e["event"] == name)
                and (instance_id is None or e["instance"]["instanceId"] == instance_id)]

    async def wait_for(self, predicate: Callable[[list[dict[str, Any]]], bool],
                       timeout: float = 5.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while not predicate(self.received):
            if time.monotonic() > deadline:
                raise AssertionError(f"webhooks not received in {timeout}s: {self.received}")
            await asyncio.sleep(0.02)
        return self.received
