"""The listener over real HTTP on loopback, writing to a real SQLite file."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import sys
from pathlib import Path

import httpx
import pytest

from tests.webhooks import payloads as p
from tests.webhooks.conftest import ACCOUNT, Receiving
from zapdesk.core.errors import AddressNotAvailable, ListenerError, PortInUse, PortNotAllowed
from zapdesk.store.store import Store
from zapdesk.webhooks.listener import WebhookListener

pytestmark = pytest.mark.asyncio
ROOT = Path(__file__).resolve().parents[2]


def message(message_id: str, text: str = "Olá!") -> dict[str, object]:
    return p.documented("messages.upsert", p.upsert({"conversation": text},
                                                    message_id=message_id))


async def test_an_event_is_stored_before_it_is_acknowledged(receiving: Receiving) -> None:
    assert receiving.url.startswith("http://127.0.0.1:")
    assert receiving.url.endswith(f"/hooks/{receiving.token}")
    response = await receiving.post(message("M1"))
    assert response.status_code == 200 and response.json()["outcome"] == "stored"
    # Read through a separate connection: the commit was done before the answer.
    assert await receiving.count() == 1
    health = receiving.listener.health[ACCOUNT]
    assert health.received == 1 and health.last_event_at is not None


async def test_a_redelivered_event_is_acknowledged_and_not_stored_twice(
        receiving: Receiving) -> None:
    for _ in range(3):
        response = await receiving.post(message("M1"))
        assert response.status_code == 200
    assert [o.outcome for o in receiving.stored] == ["stored", "duplicate", "duplicate"]
    assert await receiving.count() == 1 and await receiving.count("raw_events") == 1
    assert receiving.listener.health[ACCOUNT].duplicates == 2


async def test_every_refusal_is_a_4xx_logged_once_and_the_listener_stays_up(
        receiving: Receiving, caplog: pytest.LogCaptureFixture) -> None:
    base = receiving.listener.base_url
    wrong_token = receiving.token[:-1] + ("A" if receiving.token[-1] != "A" else "B")
    big = {"event": "x", "data": "y" * (70 * 1024)}

    async def chunked() -> object:
        yield b'{"event": "messages.upsert", "data": "'
        for _ in range(80):
            yield b"z" * 1024
        yield b'"}'

    cases = [
        (receiving.http.post(f"{base}/hooks/{wrong_token}", json=message("W")), 404),
        (receiving.http.post(f"{base}/hooks/", json=message("W")), 404),
        (receiving.http.post(f"{base}/elsewhere", json=message("W")), 404),
        (receiving.http.get(receiving.url), 405),
        (receiving.http.put(receiving.url, json=message("W")), 405),
        (receiving.http.post(receiving.url, json=big), 413),
        (receiving.http.post(receiving.url, content=chunked()), 413),
        (receiving.http.post(receiving.url, content=b"{not json"), 400),
        (receiving.http.post(receiving.url, content=b"\xff\xfe"), 400),
        (receiving.http.post(receiving.url, json=[message("A")]), 400),
        (receiving.http.post(receiving.url, json="just a string"), 400),
        (receiving.http.post(receiving.url, content=b"[" * 100_00 + b"]" * 100_00), 400),
    ]
    with caplog.at_level(logging.INFO, logger="zapdesk.webhooks"):
        for request, expected in cases:
            response = await request
            assert response.status_code == expected, (expected, response.text)
            if expected == 405:
                assert response.headers["Allow"] == "POST"
    refusals = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == len(cases)
    assert receiving.token not in caplog.text and wrong_token not in caplog.text
    assert await receiving.count("raw_events") == 0
    ok = await receiving.post(message("AFTER"))
    assert ok.status_code == 200 and await receiving.count() == 1
    assert receiving.listener.health[ACCOUNT].refused == 9  # the others named no account
    assert receiving.listener.refused_unknown == 3


async def test_unsupported_payloads_are_acknowledged_and_kept(receiving: Receiving) -> None:
    response = await receiving.post({"event": "something.new", "data": {"x": 1}})
    assert response.status_code == 200 and response.json()["outcome"] == "unsupported"
    assert await receiving.count("raw_events") == 1
    assert receiving.listener.health[ACCOUNT].unsupported == 1


async def test_storage_failure_is_not_acknowledged(receiving: Receiving) -> None:
    await receiving.store.writer.close()
    response = await receiving.post(message("LOST"))
    assert response.status_code == 503  # the provider delivers it again later


async def test_the_token_is_compared_whatever_its_length(receiving: Receiving) -> None:
    base = receiving.listener.base_url
    for guess in ["", "a", receiving.token * 2, "%00" * 30, "ção" * 10]:
        response = await receiving.http.post(f"{base}/hooks/{guess}", json=message("G"))
        assert response.status_code == 404
    assert receiving.listener.owns(receiving.url)
    assert not receiving.listener.owns(f"{base}/hooks/{'x' * 32}")
    assert not receiving.listener.owns("https://example.com/webhook")


async def test_a_busy_port_is_a_clear_error(receiving: Receiving, tmp_path: Path) -> None:
    store = Store(tmp_path / "other")
    await store.open()
    other = WebhookListener(store, port=receiving.listener.port)
    with pytest.raises(PortInUse) as raised:
        await other.start()
    assert raised.value.message().startswith(
        f"Another program is already using port {receiving.listener.port} on this computer")
    assert not other.running
    await store.close()


async def test_an_address_this_computer_lacks_is_said_plainly(tmp_path: Path) -> None:
    store = Store(tmp_path)
    await store.open()
    other = WebhookListener(store, host="192.0.2.1", port=0)  # TEST-NET-1: nobody's address
    with pytest.raises(AddressNotAvailable) as raised:
        await other.start()
    assert raised.value.message().startswith("192.0.2.1 is not an address of this computer")
    await store.close()


async def test_a_privileged_port_is_said_plainly(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may listen on any port")
    store = Store(tmp_path)
    await store.open()
    other = WebhookListener(store, port=1)
    with pytest.raises(PortNotAllowed) as raised:
        await other.start()
    assert "ports below 1024 need administrator rights" in raised.value.message()
    await store.close()


async def test_moving_to_a_taken_port_keeps_listening_where_it_was(
        receiving: Receiving) -> None:
    before = receiving.listener.port
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        with pytest.raises(PortInUse):
            await receiving.listener.move("127.0.0.1", holder.getsockname()[1])
    assert receiving.listener.running and receiving.listener.port == before
    assert (await receiving.post(message("STILL"))).status_code == 200
    await receiving.listener.move("127.0.0.1", 0)  # any free port: the URL follows
    assert receiving.listener.port != before and f":{receiving.listener.port}/" in receiving.url
    assert (await receiving.post(message("MOVED"))).status_code == 200
    assert await receiving.count() == 2
    async with httpx.AsyncClient() as http:  # the old address is let go
        with pytest.raises(httpx.ConnectError):
            await http.post(f"http://127.0.0.1:{before}/hooks/x", json={})


async def test_a_probe_arrives_once_and_only_when_awaited(receiving: Receiving) -> None:
    listener = receiving.listener
    base = listener.base_url
    assert (await receiving.http.post(f"{base}/hooks/_probe/unasked", json={})).status_code \
        == 404
    path = listener.expect_probe("n" * 24)
    assert (await receiving.http.get(f"{base}{path}")).status_code == 404  # POST only
    assert (await receiving.http.post(f"{base}{path}", json={})).status_code == 200
    assert listener.probe_arrived("n" * 24)
    assert not listener.probe_arrived("n" * 24)  # forgotten once asked
    assert (await receiving.http.post(f"{base}{path}", json={})).status_code == 404
    assert await receiving.count("raw_events") == 0  # nothing stored


async def test_a_burst_from_another_process_is_stored_whole(receiving: Receiving) -> None:
    count = 3000
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.webhooks.burst", receiving.url, str(count), "32",
        cwd=ROOT, stdout=asyncio.subprocess.PIPE)
    out, _ = await process.communicate()
    answered, seconds = out.split()
    assert int(answered) == count, out
    assert await receiving.count() == count
    ids = await receiving.store.read(lambda c: {r[0] for r in c.execute(
        "SELECT message_id FROM messages")})
    assert ids == {f"BURST{n:07d}" for n in range(count)}
    conversations = await receiving.count("conversations")
    assert conversations == 50
    assert receiving.store.writer.commits < count  # bursts share commits
    print(f"{count} events from another process in {float(seconds):.2f} s "
          f"({count / float(seconds):.0f}/s), {receiving.store.writer.commits} commits")


async def test_ipv6_loopback(tmp_path: Path) -> None:
    store = Store(tmp_path)
    await store.open()
    listener = WebhookListener(store, host="::1", port=0)
    listener.register(ACCOUNT, "t" * 32)
    try:
        await listener.start()
    except ListenerError:
        await store.close()
        pytest.skip("no IPv6 loopback on this machine")
    url = listener.url_for(ACCOUNT)
    assert url is not None and url.startswith("http://[::1]:")
    async with httpx.AsyncClient() as http:
        assert (await http.post(url, json=message("V6"))).status_code == 200
    await listener.stop()
    await store.close()
