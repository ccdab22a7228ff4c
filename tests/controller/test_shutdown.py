"""Quitting always finishes, closes everything, and leaves a tidy data folder: no -wal file
after a clean close, no news for the window after its loop stopped, and the outbox, the
listener and the store closed even when a task or an account raised while stopping."""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.accounts.backends import MemoryKeyring
from tests.webhooks.burst import event
from zapdesk.accounts.keychain import SecretStore
from zapdesk.accounts.profiles import AccountProfile
from zapdesk.controller.app import AppController
from zapdesk.store.database import database_path

pytestmark = pytest.mark.asyncio
TOKEN = "a-token-for-the-shutdown-tests-0123456789"


def app_in(tmp_path: Path) -> AppController:
    return AppController(tmp_path, secrets=SecretStore(MemoryKeyring()),
                         listen=("127.0.0.1", 0))


async def receiving(app: AppController) -> str:
    await app.start_receiving()
    await app.receiver.register("acc_1", TOKEN, kept=True)
    url = app.receiver.url_for("acc_1")
    assert url is not None
    return url


async def test_a_clean_close_leaves_no_wal_file(tmp_path: Path) -> None:
    app = app_in(tmp_path)
    url = await receiving(app)
    async with httpx.AsyncClient() as client:
        for n in range(5):
            assert (await client.post(url, json=event(n))).status_code == 200
    path = database_path(app.data_dir)

    def files() -> list[str]:
        return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))

    assert f"{path.name}-wal" in files()  # while open, WAL mode keeps one
    await app.close()
    assert files() == [path.name]  # checkpointed into the database, -wal and -shm gone


async def test_no_news_reaches_the_window_after_close(tmp_path: Path) -> None:
    # An event still being stored when quitting starts is stored and answered, and its
    # news does not arrive after the close (the window's loop has stopped by then:
    # "no running event loop" in Attention.check).
    app = app_in(tmp_path)
    url = await receiving(app)
    store = app.receiver.store
    real = store.receive

    async def slow(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(0.3)
        return await real(*args, **kwargs)

    store.receive = slow  # type: ignore[method-assign]
    news: list[float] = []
    app.receiver.stored.connect(lambda _changes: news.append(time.monotonic()))
    async with httpx.AsyncClient() as client:
        posting = asyncio.ensure_future(client.post(url, json=event(1)))
        await asyncio.sleep(0.1)  # the request is in the store's hands
        await app.close()
        closed = time.monotonic()
        answer = await posting
    assert answer.status_code == 200  # stored, then answered: nothing lost by quitting
    await asyncio.sleep(0.2)  # longer than the batch timer
    assert [t for t in news if t >= closed] == []


async def test_close_finishes_when_an_account_fails_to_stop(tmp_path: Path) -> None:
    app = app_in(tmp_path)
    await receiving(app)
    profile = AccountProfile("acc_1", "Loja", "http://127.0.0.1:9", "password", "a@b.test")
    account = app._controller(profile, None)
    app.accounts.append(account)

    async def broken_stop() -> None:
        raise RuntimeError("a follower that cannot stop")

    account.follow(broken_stop)
    assert app.outbox is not None
    async with asyncio.timeout(10):
        await app.close()  # does not raise: the error is reported, the rest closes
    assert [str(e) for e in app.bugs] == ["a follower that cannot stop"]
    assert not app.receiver.listening and not app.receiver.store_open
    assert app.outbox._closing


async def test_quitting_while_the_store_opens_still_closes_it(tmp_path: Path) -> None:
    # Quit arrives while the accounts load: the store's writer has opened the file, the
    # rest of the start has not finished. Its connection must still close (and the WAL with
    # it), not linger until the process ends.
    app = app_in(tmp_path)
    store = app.receiver.store
    opened = asyncio.Event()

    async def slow_open() -> None:
        await store.writer.start()
        opened.set()
        await asyncio.sleep(60)  # the reader is slow to open

    store.open = slow_open  # type: ignore[method-assign]
    starting = asyncio.ensure_future(app.start_receiving())
    await opened.wait()
    await app.close()
    with contextlib.suppress(asyncio.CancelledError):
        await starting
    assert not store.writer.running
    path = database_path(app.data_dir)
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) \
        == [path.name]
