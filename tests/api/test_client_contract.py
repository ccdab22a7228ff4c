"""The client against the real sandbox over loopback: every call, every error class."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import ssl
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.sandbox.helpers import Sandbox, closed_port, decode_qr_data_url
from zapdesk.api import ZapFlareClient
from zapdesk.core import errors
from zapdesk.core.models import Status

pytestmark = pytest.mark.asyncio

PASSWORD = "pw-123456"


async def make_tenant(sandbox: Sandbox, plan: str = "pro") -> tuple[str, str]:
    email = f"c{len(sandbox.server.world.tenants)}@example.test"
    r = await sandbox.control.post("/_sandbox/tenants",
                                   json={"email": email, "password": PASSWORD, "plan": plan})
    assert r.status_code == 201
    return email, r.json()["data"]["apiKey"]


@pytest_asyncio.fixture
async def client(sandbox: Sandbox) -> AsyncIterator[ZapFlareClient]:
    email, _ = await make_tenant(sandbox)
    async with ZapFlareClient(sandbox.url, email=email, password=PASSWORD,
                              retry_backoff=0.01) as api:
        await api.login()
        yield api


async def test_every_documented_call(sandbox: Sandbox, client: ZapFlareClient) -> None:
    created = await client.create_instance("  Atendimento  ", webhook_url="http://127.0.0.1:9/h")
    assert (created.name, created.status) == ("Atendimento", "created")
    assert created.webhook_url == "http://127.0.0.1:9/h" and created.integration
    listed = await client.list_instances()
    assert [i.id for i in listed] == [created.id]
    await sandbox.advance(2)
    detail = await client.get_instance(created.id)
    assert detail.known_status is Status.QR and detail.qr is not None
    assert detail.qr.attempt == 1 and detail.qr.expiry == 20
    code = (await sandbox.state(created.id))["qr"]["code"]
    assert decode_qr_data_url("data:image/png;base64," +
                              __import__("base64").b64encode(detail.qr.png).decode()) == code
    updated = await client.update_instance(created.id, name="Vendas", webhook_url=None)
    assert (updated.name, updated.webhook_url) == ("Vendas", None)
    assert (await sandbox.phone(created.id, "scan", code=code)).status_code == 200
    connected = await client.get_instance(created.id)
    assert connected.known_status is Status.CONNECTED and connected.phone
    assert connected.created_at is not None and connected.profile_pic_url
    sent = await client.send_text(created.id, "(11) 98888-7777", "Olá! *Bem-vindo*")
    assert sent.status == "queued" and sent.id and sent.to == "5511988887777"
    media = await client.send_media(created.id, "+55 11 98888-7777",
                                    "https://cdn.example.test/boleto.pdf", caption="Seu boleto")
    assert media.id and media.to == "5511988887777"
    after = await client.disconnect(created.id)
    assert after is not None and after.status == "disconnected"
    again = await client.regenerate_qr(created.id)
    assert again is not None and again.qr is not None and again.qr.attempt == 1
    await client.delete_instance(created.id)
    assert await client.list_instances() == []
    assert client.rate_limit is not None and client.rate_limit.limit == 600
    assert client.rate_limit.remaining < 600 and client.rate_limit.window == 60


async def test_media_type_is_inferred_or_given(sandbox: Sandbox, client: ZapFlareClient) -> None:
    inst = await client.create_instance("Mídia")
    await sandbox.advance(2)
    await sandbox.phone(inst.id, "scan", code=(await sandbox.state(inst.id))["qr"]["code"])
    async with __import__("tests.sandbox.helpers", fromlist=["Listener"]).Listener() as hooks:
        await client.update_instance(inst.id, webhook_url=hooks.url)
        await client.send_media(inst.id, "5511988887777", "https://h.test/foto.jpeg")
        await client.send_media(inst.id, "5511988887777", "https://h.test/x.bin",
                                media_type="video")
        await hooks.wait_for(lambda got: len(hooks.events("messages.upsert")) == 2)
        kinds = [e["data"]["messageType"] for e in hooks.events("messages.upsert")]
        assert kinds == ["imageMessage", "videoMessage"]


async def test_input_is_checked_before_it_leaves(sandbox: Sandbox, client: ZapFlareClient
                                                 ) -> None:
    with pytest.raises(errors.InvalidName):
        await client.create_instance("ab")
    with pytest.raises(errors.InvalidUrl):
        await client.create_instance("Vendas", webhook_url="ftp://x")
    with pytest.raises(errors.InvalidPhoneNumber):
        await client.send_text("inst_x", "(11) 9999", "oi")
    with pytest.raises(errors.InvalidMessage):
        await client.send_text("inst_x", "11999999999", "   ")
    with pytest.raises(errors.InvalidUrl):
        await client.send_media("inst_x", "11999999999", "boleto.pdf")
    with pytest.raises(errors.InvalidInput):
        await client.send_media("inst_x", "11999999999", "https://h/a.jpg", media_type="gif")
    assert sandbox.server.world.instances == {}


async def test_wrong_password(sandbox: Sandbox) -> None:
    email, _ = await make_tenant(sandbox)
    async with ZapFlareClient(sandbox.url, email=email, password="wrong") as api:
        with pytest.raises(errors.NotAuthenticated) as caught:
            await api.login()
        assert caught.value.status == 401 and "invalid email or password" in str(caught.value)
        with pytest.raises(errors.NotAuthenticated):  # and no endless re-login loop
            await api.list_instances()


async def test_an_expired_session_recovers_by_itself(sandbox: Sandbox) -> None:
    email, _ = await make_tenant(sandbox)
    cookies: list[str | None] = []

    async def remember(cookie: str | None) -> None:
        cookies.append(cookie)

    async with ZapFlareClient(sandbox.url, email=email, password=PASSWORD,
                              on_session=remember) as api:
        await api.login()
        await api.create_instance("Vendas")
        await sandbox.control.post("/_sandbox/sessions/expire")
        # Several calls at once meet the expired session; one login serves them all.
        results = await asyncio.gather(*(api.list_instances() for _ in range(5)))
        assert all(len(r) == 1 for r in results)
        assert len(cookies) == 2 and cookies[0] != cookies[1] and api.session_cookie == cookies[1]
        # Writes recover too: a 401 means the server did nothing, so one retry is safe.
        await sandbox.control.post("/_sandbox/sessions/expire")
        await api.create_instance("Suporte")
        assert len(await api.list_instances()) == 2 and len(cookies) == 3


async def test_a_cookie_without_password_surfaces_the_401(sandbox: Sandbox,
                                                          client: ZapFlareClient) -> None:
    cookie = client.session_cookie
    assert cookie
    async with ZapFlareClient(sandbox.url, session_cookie=cookie) as reused:
        assert await reused.list_instances() == []  # the stored cookie is used as is
        await sandbox.control.post("/_sandbox/sessions/expire")
        with pytest.raises(errors.NotAuthenticated) as caught:
            await reused.list_instances()
        assert "expired" in caught.value.detail


async def test_api_keys(sandbox: Sandbox) -> None:
    _, key = await make_tenant(sandbox)
    async with ZapFlareClient(sandbox.url, api_key=key) as api:
        assert (await api.create_instance("Por chave")).name == "Por chave"
    async with ZapFlareClient(sandbox.url, api_key="zpk_test_wrong") as api:
        with pytest.raises(errors.NotAuthenticated) as caught:
            await api.list_instances()
        assert caught.value.code == "invalid_api_key"
    with pytest.raises(ValueError):
        ZapFlareClient(sandbox.url, api_key=key, email="a@b", password="x")


async def test_plan_limit_not_found_conflict(sandbox: Sandbox) -> None:
    email, _ = await make_tenant(sandbox, plan="starter")
    async with ZapFlareClient(sandbox.url, email=email, password=PASSWORD) as api:
        await api.login()
        await api.create_instance("Única")
        with pytest.raises(errors.PlanLimitReached) as limit:
            await api.create_instance("Segunda")
        assert limit.value.status == 403 and "Starter" in str(limit.value)
        with pytest.raises(errors.NotFound):
            await api.get_instance("inst_nope")
        with pytest.raises(errors.NotFound):
            await api.delete_instance("inst_nope")
        inst = (await api.list_instances())[0]
        await api.delete_instance(inst.id)
        await api.create_instance("Outra")
        with pytest.raises(errors.Conflict) as conflict:
            await api.create_instance("OUTRA")  # the name is checked before the plan limit
        assert conflict.value.status == 409 and "already exists" in str(conflict.value)


async def test_the_server_refusing_a_field(sandbox: Sandbox, client: ZapFlareClient) -> None:
    inst = await client.create_instance("Vendas")
    await sandbox.advance(2)
    await sandbox.phone(inst.id, "scan", code=(await sandbox.state(inst.id))["qr"]["code"])
    # A valid Faroese number has 6 digits: fine for phonenumbers, too short for the server.
    with pytest.raises(errors.InvalidInput) as caught:
        await client.send_text(inst.id, "+298 201234", "oi")
    assert caught.value.field == "to" and caught.value.status == 400


async def test_rate_limited_with_a_retry_time(sandbox: Sandbox, client: ZapFlareClient) -> None:
    inst = await client.create_instance("Vendas")
    await sandbox.advance(2)
    await sandbox.phone(inst.id, "scan", code=(await sandbox.state(inst.id))["qr"]["code"])
    for _ in range(5):
        await client.send_text(inst.id, "5511988887777", "oi")
    with pytest.raises(errors.RateLimited) as caught:
        await client.send_text(inst.id, "5511988887777", "oi")
    assert 0 < caught.value.retry_after <= 2
    assert client.rate_limit is not None and client.rate_limit.remaining == 0
    assert client.rate_limit.limit == 5


async def test_reads_are_retried_on_5xx_writes_are_not(sandbox: Sandbox,
                                                       client: ZapFlareClient) -> None:
    await sandbox.control.post("/_sandbox/faults", json={"path": "/whatsapp/instances",
                                                         "method": "GET", "count": 2,
                                                         "status": 503})
    assert await client.list_instances() == []  # two failures absorbed by two retries
    await sandbox.control.post("/_sandbox/faults", json={"path": "/whatsapp/instances",
                                                         "method": "GET", "count": 3,
                                                         "status": 500})
    with pytest.raises(errors.ServerError) as caught:
        await client.list_instances()
    assert caught.value.status == 500
    await sandbox.control.post("/_sandbox/faults", json={"path": "/whatsapp/instances",
                                                         "method": "POST", "count": 1,
                                                         "status": 502})
    with pytest.raises(errors.ServerError):
        await client.create_instance("Vendas")
    assert await client.list_instances() == []  # tried once, not again behind our back



async def test_a_refused_connection() -> None:
    async with ZapFlareClient(f"http://127.0.0.1:{closed_port()}", api_key="zpk_test_x",
                              retry_backoff=0.01) as api:
        with pytest.raises(errors.ConnectionRefused) as caught:
            await api.list_instances()
        assert "Check the server address" in str(caught.value)


async def test_timeouts(sandbox: Sandbox) -> None:
    email, _ = await make_tenant(sandbox)
    async with ZapFlareClient(sandbox.url, email=email, password=PASSWORD, timeout=0.3,
                              retry_backoff=0.01) as api:
        await api.login()
        await sandbox.control.post("/_sandbox/faults", json={"path": "/whatsapp/instances",
                                                             "method": "GET", "delay": 1})
        assert await api.list_instances() == []  # the hung read was retried
        await sandbox.control.post("/_sandbox/faults", json={"path": "/whatsapp/instances",
                                                             "method": "POST", "delay": 1})
        with pytest.raises(errors.Timeout):
            await api.create_instance("Lenta")


def self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


async def test_an_untrusted_certificate(tmp_path: Path, loop_errors: object) -> None:
    cert, key = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    runner = web.AppRunner(web.Application(), handle_signals=False)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0, ssl_context=context).start()
    port = runner.addresses[0][1]
    try:
        async with ZapFlareClient(f"https://127.0.0.1:{port}", api_key="zpk_test_x",
                                  read_retries=0) as api:
            with pytest.raises(errors.CertificateError) as caught:
                await api.list_instances()
            assert "not trusted" in str(caught.value)
    finally:
        await runner.cleanup()


async def test_several_accounts_at_once_keep_their_sessions_apart(sandbox: Sandbox) -> None:
    (a_mail, _), (b_mail, _) = await make_tenant(sandbox), await make_tenant(sandbox)
    async with ZapFlareClient(sandbox.url, email=a_mail, password=PASSWORD) as a, \
            ZapFlareClient(sandbox.url, email=b_mail, password=PASSWORD) as b:
        await asyncio.gather(a.login(), b.login())
        assert a.session_cookie != b.session_cookie
        await asyncio.gather(*(a.create_instance(f"A {n}") for n in range(3)),
                             *(b.create_instance(f"B {n}") for n in range(2)))
        names_a, names_b = await asyncio.gather(a.list_instances(), b.list_instances())
        assert sorted(i.name for i in names_a) == ["A 0", "A 1", "A 2"]
        assert sorted(i.name for i in names_b) == ["B 0", "B 1"]
        await a.logout()
        assert a.session_cookie is None
        assert len(await b.list_instances()) == 2  # b is untouched by a's logout
        assert len(await a.list_instances()) == 3  # a logs in again with its password


async def test_cancelling_a_call_really_cancels_it(sandbox: Sandbox) -> None:
    # httpx can report a cancelled request as a transport error; the client must not take
    # that for a network failure and retry, or a cancelled poll never ends.
    email, _ = await make_tenant(sandbox)
    async with ZapFlareClient(sandbox.url, email=email, password=PASSWORD,
                              retry_backoff=0.01) as api:
        await api.login()
        outcomes: set[str] = set()
        for step in range(60):  # land the cancellation at many points of a request
            task = asyncio.get_running_loop().create_task(api.list_instances())
            for _ in range(step % 12):
                await asyncio.sleep(0)
            task.cancel()
            try:
                await asyncio.wait_for(task, timeout=2)
            except asyncio.CancelledError:
                outcomes.add("cancelled")
            else:
                outcomes.add("finished first")  # the answer beat the cancel: fine
        assert "cancelled" in outcomes
