"""A watcher on screen polls through its account's client: signing out or quitting stops it
before that client closes, so it never asks a closed client (which failed it with "Cannot
send a request, as the client has been closed" instead of just stopping)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import console_env, until
from zapdesk.controller.watcher import InstanceWatcher

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize("how", ["sign_out", "quit"])
async def test_a_polling_watcher_stops_before_its_client_closes(qtbot: QtBot, tmp_path: Path,
                                                               how: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Vendas", None)  # "created": polled for its QR
        polls: list[str] = []
        details = env.sandbox.world.instance_json

        def spy(inst: object, *, detail: bool) -> object:
            if detail:
                polls.append(getattr(inst, "id", ""))
            return details(inst, detail=detail)  # type: ignore[arg-type]

        env.sandbox.world.instance_json = spy  # type: ignore[method-assign]
        # Not released by any pane first: nothing but the account itself can stop it.
        watcher = InstanceWatcher(account, created, poll_interval=0.05)
        watcher.start()
        await until(lambda: len(polls) >= 2, what="polling")
        if how == "sign_out":
            await env.app.sign_out(account)
        else:
            await account.close()
        assert watcher._task is None  # stopped (before the fix: still polling)
        seen = len(polls)
        await asyncio.sleep(0.3)  # six poll intervals: a live watcher would ask again
        assert len(polls) == seen
        assert watcher.problem is None
        await watcher.stop()


@pytest.mark.parametrize("background", ["running", "cancelled"])
async def test_quitting_waits_for_a_watcher_its_pane_is_still_stopping(
        qtbot: QtBot, tmp_path: Path, background: str) -> None:
    """A delete deselects the instance (its pane stops the watcher in the background) and
    the app quits at once, while that watcher's last poll is still on the wire. Quitting
    first cancels background work, that stop included ("cancelled")."""
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Vendas", None)
        watcher = InstanceWatcher(account, created, poll_interval=0.05)
        on_wire = asyncio.Event()
        answer = asyncio.Event()
        ask = account.get

        async def slow_get(instance_id: str) -> object:
            on_wire.set()
            await answer.wait()  # the server takes its time
            return await ask(instance_id)

        account.get = slow_get  # type: ignore[method-assign,assignment]
        watcher.start()
        await until(on_wire.is_set, what="a poll on the wire")
        released = asyncio.get_running_loop().create_task(watcher.stop())  # by the pane
        await asyncio.sleep(0.05)
        if background == "cancelled":
            released.cancel()
            with pytest.raises(asyncio.CancelledError):
                await released
        quitting = asyncio.get_running_loop().create_task(account.close())
        await asyncio.sleep(0.05)
        assert not quitting.done()  # the client stays open while that poll is out
        answer.set()
        await quitting
        if background == "running":
            await released  # before the fix: "the client has been closed"
        assert watcher._task is None and watcher.problem is None
