"""Every documented error code and every network failure class becomes ONE sentence of our
own, in English and in Portuguese; the server's or the library's words go to the details
(and the log), never into the sentence. Provoked for real over loopback: the sandbox for
the codes, small raw servers for broken answers. Only a DNS failure is faked (resolving a
name would leave this machine)."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiohttp import web
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from tests.api.test_client_contract import PASSWORD, make_tenant, self_signed
from tests.sandbox.helpers import Sandbox, closed_port
from zapdesk.api import ZapFlareClient
from zapdesk.core import errors
from zapdesk.resources import resource_path

pytestmark = pytest.mark.asyncio


@asynccontextmanager
async def raw_server(answer: bytes | None) -> AsyncIterator[str]:
    """A loopback server that reads a request head, then writes ``answer`` (None: nothing)
    and hangs up."""
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        if answer is not None:
            writer.write(answer)
            await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()
        await server.wait_closed()


async def caught(call: Awaitable[Any]) -> errors.ZapdeskError:
    try:
        await call
    except errors.ZapdeskError as exc:
        return exc
    raise AssertionError("no error")


async def provoke_everything(sandbox: Sandbox, tmp_path: Path
                             ) -> list[tuple[str, type[errors.ZapdeskError], errors.ZapdeskError]]:
    found: list[tuple[str, type[errors.ZapdeskError], errors.ZapdeskError]] = []

    async def expect(case: str, kind: type[errors.ZapdeskError], call: Awaitable[Any]) -> None:
        error = await caught(call)
        assert type(error) is kind, (case, error)
        found.append((case, kind, error))

    async def fault(**body: Any) -> None:
        r = await sandbox.control.post("/_sandbox/faults", json={"count": 1, **body})
        assert r.status_code in (200, 201), r.text

    email, key = await make_tenant(sandbox, plan="starter")
    async with ZapFlareClient(sandbox.url, email=email, password=PASSWORD, read_retries=0,
                              retry_backoff=0.01) as api, \
            ZapFlareClient(sandbox.url, api_key=key, read_retries=0) as by_key:
        # 401 unauthorized, three ways
        async with ZapFlareClient(sandbox.url, email=email, password="wrong") as wrong:
            await expect("unauthorized", errors.NotAuthenticated, wrong.login())
        await api.login()
        async with ZapFlareClient(sandbox.url, session_cookie=api.session_cookie,
                                  read_retries=0) as reused:
            await sandbox.control.post("/_sandbox/sessions/expire")
            await expect("unauthorized (session over)", errors.SessionExpired,
                         reused.list_instances())
        await api.login()
        async with ZapFlareClient(sandbox.url, api_key="zpk_test_nope") as bad_key:
            await expect("invalid_api_key", errors.InvalidApiKey, bad_key.list_instances())
        # 403 forbidden: the plan's limit (with the plan known, and not), and plain
        first = await api.create_instance("Vendas")
        await expect("forbidden (plan limit)", errors.PlanLimitOf, api.create_instance("Mais"))
        await expect("forbidden (plan limit, API key)", errors.PlanLimitReached,
                     by_key.create_instance("Mais"))
        await fault(path="/whatsapp/instances", method="GET", status=403)
        await expect("forbidden", errors.Forbidden, api.list_instances())
        # 400 invalid_request, with a field we name and without
        await sandbox.advance(2)
        await sandbox.phone(first.id, "scan", code=(await sandbox.state(first.id))["qr"]["code"])
        await expect("invalid_request (field)", errors.InvalidInput,
                     api.send_text(first.id, "+298 201234", "oi"))
        await fault(path="/whatsapp/instances", method="GET", status=400)
        await expect("invalid_request", errors.InvalidRequest, api.list_instances())
        # 404, 409 (the name, and the state), 429, 5xx, another 4xx
        await expect("not_found", errors.NotFound, api.get_instance("inst_nope"))
        await api.disconnect(first.id)
        await expect("instance_not_connected", errors.NotConnected,
                     api.send_text(first.id, "+55 11 99999-0000", "oi"))
        await api.delete_instance(first.id)
        second = await api.create_instance("Vendas")
        await expect("conflict (create)", errors.NameTaken, api.create_instance("VENDAS"))
        await fault(path=f"/whatsapp/instances/{second.id}", method="PUT", status=409)
        await expect("conflict (rename)", errors.NameTaken,
                     api.update_instance(second.id, name="Outra"))
        await fault(path="/whatsapp/instances", method="GET", status=429)
        await expect("rate_limit_exceeded", errors.RateLimited, api.list_instances())
        for status in (500, 502, 503):
            await fault(path="/whatsapp/instances", method="GET", status=status)
            await expect(f"HTTP {status}", errors.ServerError, api.list_instances())
        await fault(path="/whatsapp/instances", method="GET", status=418)
        await expect("another refusal", errors.ApiError, api.list_instances())
    # The network: refused, timeout, TLS, untrusted certificate, reset, redirect, bad answer
    def client(url: str, **options: Any) -> ZapFlareClient:
        return ZapFlareClient(url, api_key="zpk_test_x", read_retries=0, **options)

    async with client(f"http://127.0.0.1:{closed_port()}") as api:
        await expect("refused", errors.ConnectionRefused, api.list_instances())
    async with client(sandbox.url, timeout=0.3) as api:
        await fault(path="/whatsapp/instances", method="GET", delay=1)
        await expect("timeout", errors.Timeout, api.list_instances())
    async with client(sandbox.url.replace("http://", "https://")) as api:
        await expect("TLS", errors.SecureConnectionFailed, api.list_instances())
    cert, private = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, private)
    runner = web.AppRunner(web.Application(), handle_signals=False)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0, ssl_context=context).start()
    try:
        async with client(f"https://127.0.0.1:{runner.addresses[0][1]}") as api:
            await expect("certificate", errors.CertificateError, api.list_instances())
    finally:
        await runner.cleanup()
    broken: list[tuple[str, type[errors.ZapdeskError], bytes | None]] = [
        ("reset", errors.ConnectionReset, None),
        ("redirect", errors.Redirected,
         b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/x\r\nContent-Length: 0\r\n\r\n"),
        ("bad response", errors.BadResponse, b"HELLO THERE\r\n\r\n"),
        ("not JSON", errors.UnexpectedResponse,
         b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n<html"),
    ]
    for case, kind, answer in broken:
        async with raw_server(answer) as url, client(url) as api:
            await expect(case, kind, api.list_instances())

    def no_such_host(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    async with client("https://api.zapflare.invalid",
                      transport=httpx.MockTransport(no_such_host)) as api:
        await expect("DNS", errors.HostNotFound, api.list_instances())
    return found


def sentences_say_nothing_of_the_servers(
        found: list[tuple[str, type[errors.ZapdeskError], errors.ZapdeskError]],
        translate: Callable[[str, str], str]) -> dict[str, str]:
    said = {}
    for case, _kind, error in found:
        sentence = error.message(translate)
        details = error.details()
        assert details and error.detail, case  # the server's or library's words are kept
        assert error.detail not in sentence, (case, sentence)
        for leak in ("HTTP", "injected", "Error", "error:", "failed", "{", "}"):
            assert leak not in sentence, (case, sentence)
        assert sentence.endswith("."), case
        said[case] = sentence
    return said


async def test_every_code_and_failure_class_is_one_sentence_of_ours(
        sandbox: Sandbox, tmp_path: Path, qapp: QApplication) -> None:
    found = await provoke_everything(sandbox, tmp_path)
    english = sentences_say_nothing_of_the_servers(found, QCoreApplication.translate)
    assert english["forbidden (plan limit)"] == (
        "All the instances your Starter plan allows are in use (1 of 1). Delete an instance "
        "or upgrade the plan.")  # the limit said once
    assert english["conflict (create)"] == (
        "An instance with this name already exists in this account. Choose another name.")
    assert english["refused"] == ("The server refused the connection. Check the server "
                                  "address, or try again later.")
    assert len(set(english.values())) == len({kind for _, kind, _ in found})  # one each
    translator = QTranslator()
    assert translator.load(str(resource_path("i18n", "zapdesk_pt_BR.qm")))
    qapp.installTranslator(translator)
    try:
        portuguese = sentences_say_nothing_of_the_servers(found, QCoreApplication.translate)
    finally:
        qapp.removeTranslator(translator)
    for case, sentence in portuguese.items():
        assert sentence != english[case], f"{case}: not translated: {sentence}"
    assert portuguese["conflict (create)"].startswith("Já existe uma instância com este nome")
    assert portuguese["refused"].startswith("O servidor recusou a conexão.")
    assert "(" not in portuguese["refused"]
