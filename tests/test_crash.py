"""The app process killed with SIGKILL while webhooks pour in: every event it acknowledged
is in the store when it starts again. The app, the listener and the store are the real
ones, in their own process; the account's webhook secret is in a real Secret Service."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

import aiohttp
import pytest

from tests.sandbox.helpers import closed_port
from tests.webhooks.burst import event
from zapdesk.accounts.profiles import AccountProfile, ProfileStore

pytestmark = [pytest.mark.asyncio, pytest.mark.keyring_service]
ROOT = Path(__file__).resolve().parents[1]


def environment(bus: str) -> dict[str, str]:
    return {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus, "QT_QPA_PLATFORM": "offscreen",
            "ZAPDESK_DATA_DIR": ""}


async def zapdesk(env: dict[str, str], *args: str) -> str:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "zapdesk", *args, cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    return out.decode()


async def start_app(env: dict[str, str], data: Path, port: int, url: str
                    ) -> asyncio.subprocess.Process:
    app = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "zapdesk", "--data-dir", str(data), "--listen",
        f"127.0.0.1:{port}", cwd=ROOT, env=env, stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL)
    async with aiohttp.ClientSession() as session:
        for _ in range(300):  # up to 30 s for Python, Qt and the listener to start
            try:
                async with session.get(url) as response:
                    if response.status == 405:  # the listener, knowing the token
                        return app
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    app.kill()
    await app.wait()
    raise AssertionError("the app's listener did not come up")


async def test_acknowledged_events_survive_sigkill(secret_service_bus: str | None,
                                                   tmp_path: Path) -> None:
    if secret_service_bus is None:
        pytest.skip("no dbus-daemon/gnome-keyring-daemon here (packaging/dev/setup installs "
                    "them on Debian)")
    env = environment(secret_service_bus)
    # An account whose server is unreachable: receiving must not depend on signing in.
    ProfileStore(tmp_path).add(AccountProfile("acc_crash", "Loja", f"http://127.0.0.1:"
                                              f"{closed_port()}", "password", "a@b.test"))
    port = closed_port()
    listed = await zapdesk(env, "accounts", "--data-dir", str(tmp_path), "--listen",
                           f"127.0.0.1:{port}")
    url = listed.split("\t")[3].strip()
    assert url.startswith(f"http://127.0.0.1:{port}/hooks/"), listed
    assert "temporary" not in listed, listed  # the token is kept in the Secret Service
    assert await zapdesk(env, "accounts", "--data-dir", str(tmp_path)) != listed  # port
    app = await start_app(env, tmp_path, port, url)
    acknowledged: set[str] = set()
    total, kill_after = 2000, 300
    queue = list(range(total))
    killed = False
    try:
        async with aiohttp.ClientSession() as session:
            async def sender() -> None:
                nonlocal killed
                while queue:
                    payload = event(queue.pop(0))
                    try:
                        async with session.post(url, data=json.dumps(payload), headers={
                                "content-type": "application/json"}) as response:
                            await response.read()
                            if response.status == 200:
                                acknowledged.add(payload["data"]["key"]["id"])  # type: ignore
                    except aiohttp.ClientError:
                        return  # the app is gone
                    if len(acknowledged) >= kill_after and not killed:
                        # Once: Popen.send_signal polls first, and a second call could reap
                        # the dead app before asyncio's child watcher sees its status.
                        killed = True
                        app.send_signal(signal.SIGKILL)  # mid-burst, right after an answer

            await asyncio.gather(*(sender() for _ in range(16)))
    finally:
        if not killed:
            app.kill()
        await app.wait()
    assert killed and app.returncode == -signal.SIGKILL, f"the app ended: {app.returncode}"
    assert kill_after <= len(acknowledged) < total, len(acknowledged)  # died mid-burst
    app = await start_app(env, tmp_path, port, url)  # opens the database after the crash
    app.terminate()
    await app.wait()
    exported = json.loads(await zapdesk(env, "export", "--data-dir", str(tmp_path)))
    stored = {m["id"] for c in exported["conversations"] for m in c["messages"]}
    assert acknowledged <= stored, f"lost {len(acknowledged - stored)} acknowledged events"
    print(f"{len(acknowledged)} acknowledged before SIGKILL, {len(stored)} stored, none lost")
