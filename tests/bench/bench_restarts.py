"""The restart campaign: the real app killed (SIGKILL) at random moments, start-up included,
while a sender in another process posts events to a stored account's URL the way Evolution
API does, and nothing may be lost.

    .venv/bin/python tests/bench/bench_restarts.py [--restarts 30] [--max-up 6.0]

Needs a Secret Service (dbus-daemon and gnome-keyring, as the suite's keyring tests): the
account's webhook token must survive restarts, as it does on a desktop. The sender retries
what Evolution retries (5xx, connection errors, timeouts, other statuses) with its
exponential backoff scaled down 100 times (5 s -> 0.05 s, doubling, capped at 3 s), without
its 10-attempt limit (how many events would have exceeded it is printed), and counts as
LOST what Evolution does not retry: 400, 401, 403, 404, 422 (eltonciatto/evolution-api,
src/api/integrations/event/webhook/webhook.controller.ts, ``retryWebhookRequest``).

At the end the last app is quit normally (SIGTERM), and the store is checked: every
accepted event stored (stored = accepted), ``PRAGMA integrity_check`` ok after every kill,
no -wal file after the clean quit. Exits 1 when any of that fails.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

NON_RETRYABLE = {400, 401, 403, 404, 422}
ACCOUNT_NAME = "Loja Centro"


# ---- the sender (its own process) -----------------------------------------------------
async def send(url: str, out: Path, concurrency: int) -> None:
    import aiohttp

    from tests.webhooks.burst import event

    stopping = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stopping.set)
    numbers = iter(range(10**9))
    accepted: list[int] = []
    lost: list[tuple[int, int]] = []
    answers: Counter[str] = Counter()
    attempts_needed: Counter[int] = Counter()
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as client:
        async def worker() -> None:
            while not stopping.is_set():
                number = next(numbers)
                body = json.dumps(event(number))
                delay, attempts = 0.05, 0
                while True:  # until settled: accepted, or refused for good
                    attempts += 1
                    try:
                        async with client.post(url, data=body, headers={
                                "content-type": "application/json"}) as response:
                            await response.read()
                            status = response.status
                    except (aiohttp.ClientError, TimeoutError) as exc:
                        answers[type(exc).__name__] += 1
                    else:
                        answers[str(status)] += 1
                        if status == 200:
                            accepted.append(number)
                            break
                        if status in NON_RETRYABLE:
                            lost.append((number, status))
                            break
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 3.0)
                attempts_needed[attempts] += 1

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    with out.open("w", encoding="utf-8") as file:  # the last thing it does
        json.dump({"accepted": accepted, "lost": lost, "answers": answers,
                   "attempts": attempts_needed}, file)


# ---- the campaign ---------------------------------------------------------------------
async def store_account(data: Path, base_url: str) -> str:
    """Ana's account as a signed-in run leaves it: profile, password and webhook token."""
    from keyring.backends.SecretService import Keyring

    from zapdesk.accounts.keychain import SecretStore
    from zapdesk.accounts.manager import AccountManager
    from zapdesk.accounts.profiles import ProfileStore

    manager = AccountManager(ProfileStore(data), SecretStore(Keyring()))
    profile, client = await manager.add(display_name=ACCOUNT_NAME, base_url=base_url,
                                        email="ana@example.test", password="pw-123456")
    await client.aclose()
    token, kept = await manager.webhook_token(profile)
    assert kept, "the keyring did not keep the webhook token"
    return token


def integrity(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def stored_ids(path: Path) -> set[int]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT message_id FROM messages").fetchall()
    return {int(r[0].removeprefix("BURST")) for r in rows if r[0].startswith("BURST")}


async def campaign(args: argparse.Namespace, bus: str, work: Path) -> int:
    import httpx

    from tests.sandbox.helpers import closed_port
    from zapdesk.sandbox import SandboxClock, SandboxServer

    data = work / "data"
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = bus
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": bus}
    port = closed_port()
    rng = random.Random(args.seed)
    async with SandboxServer(clock=SandboxClock(scale=0)) as sandbox, \
            httpx.AsyncClient(base_url=sandbox.url) as control:
        r = await control.post("/_sandbox/tenants", json={
            "email": "ana@example.test", "password": "pw-123456", "plan": "pro"})
        assert r.status_code == 201, r.text
        token = await store_account(data, sandbox.url)
        url = f"http://127.0.0.1:{port}/hooks/{token}"
        result = work / "sender.json"
        sender = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--send", url, str(result), str(args.concurrency),
            cwd=ROOT)
        app_cmd = [sys.executable, "-m", "zapdesk", "--data-dir", str(data), "--lang", "en",
                   "--listen", f"127.0.0.1:{port}"]
        broken: list[str] = []
        tracebacks = 0
        up_times: list[float] = []
        started = time.monotonic()
        for restart in range(args.restarts + 1):
            app = await asyncio.create_subprocess_exec(
                *app_cmd, env=env, cwd=ROOT, stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE)
            if restart == args.restarts:  # the last one stays up and quits normally
                break
            up = rng.uniform(0.0, args.max_up)
            up_times.append(up)
            await asyncio.sleep(up)
            app.send_signal(signal.SIGKILL)
            _out, err = await app.communicate()
            tracebacks += err.count(b"Traceback")
            path = data / "zapdesk.sqlite3"
            if path.exists():
                said = await asyncio.to_thread(integrity, path)
                if said != "ok":
                    broken.append(f"restart {restart}: {said}")
            print(f"restart {restart + 1}/{args.restarts}: killed after {up:.2f} s",
                  flush=True)
        # The last app listens (her token answers GET with 405), then the redeliveries
        # have FINAL_UP seconds to meet it.
        async with httpx.AsyncClient() as probe:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    if (await probe.get(url)).status_code == 405:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.2)
        await asyncio.sleep(args.final_up)
        sender.send_signal(signal.SIGTERM)
        await sender.wait()
        app.send_signal(signal.SIGTERM)  # a clean quit, through the app's quit path
        _out, err = await app.communicate()
        tracebacks += err.count(b"Traceback")
        took = time.monotonic() - started
    sent = json.loads(await asyncio.to_thread(result.read_text))
    path = data / "zapdesk.sqlite3"
    # Before anything here opens the file itself.
    wal_left = await asyncio.to_thread(Path(f"{path}-wal").exists)
    accepted = set(sent["accepted"])
    stored = await asyncio.to_thread(stored_ids, path)
    final = await asyncio.to_thread(integrity, path)
    missing = accepted - stored
    attempts = {int(k): v for k, v in sent["attempts"].items()}
    over_ten = sum(v for k, v in attempts.items() if k > 10)
    log = (data / "logs" / "zapdesk.log").read_text(encoding="utf-8", errors="replace")
    print(json.dumps({
        "runs_that_began_listening": log.count("webhook listener on "),
        "runs_that_loaded_the_account": log.count(f"account {ACCOUNT_NAME}: "),
        "restarts": args.restarts, "seconds": round(took, 1),
        "kill_after_s": {"min": round(min(up_times), 2), "max": round(max(up_times), 2),
                         "under_1s": sum(u < 1 for u in up_times)},
        "events_accepted": len(accepted), "events_stored": len(stored & accepted),
        "stored_not_accepted": len(stored - accepted), "missing": len(missing),
        "lost": len(sent["lost"]), "lost_statuses": Counter(s for _, s in sent["lost"]),
        "answers": sent["answers"], "events_needing_over_10_attempts": over_ten,
        "max_attempts": max(attempts, default=0),
        "integrity_check_failures": broken, "integrity_check_final": final,
        "wal_left_after_clean_quit": wal_left, "app_tracebacks": tracebacks,
        "app_exit_code_after_sigterm": app.returncode,
    }, indent=1))
    ok = not sent["lost"] and not missing and not broken and final == "ok" and not wal_left \
        and app.returncode == 0
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--restarts", type=int, default=30)
    parser.add_argument("--max-up", type=float, default=6.0,
                        help="each run is killed after a uniform 0..MAX_UP seconds")
    parser.add_argument("--final-up", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", metavar="DIR", help="work (and leave the data) in DIR")
    parser.add_argument("--send", nargs=3, metavar=("URL", "OUT", "CONCURRENCY"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.send:
        asyncio.run(send(args.send[0], Path(args.send[1]), int(args.send[2])))
        return 0
    from tests.accounts.backends import secret_service

    with secret_service() as bus, tempfile.TemporaryDirectory(prefix="zapdesk-restarts-") \
            as temporary:
        if bus is None:
            print("no dbus-daemon/gnome-keyring-daemon here: the campaign needs a keyring")
            return 2
        work = Path(args.keep) if args.keep else Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        return asyncio.run(campaign(args, bus, work))


if __name__ == "__main__":
    sys.exit(main())
