"""An account whose server answers in a way nothing foresaw keeps going: the answer becomes
the account's visible state with a retry, in place on the open console, and the refresh
loop recovers by itself once the server does (it used to die silently, leaving the account
"Loading…" forever). A real bug is reported once, not at every retry."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.sandbox.fault_proxy import FaultProxy
from tests.ui.conftest import Env, console_env, shot, until
from zapdesk.controller.account import AccountController, AccountState
from zapdesk.core import errors
from zapdesk.main import parse_args, screenshot
from zapdesk.ui.instance_delegate import account_state_text, account_status_line

pytestmark = pytest.mark.asyncio


@asynccontextmanager
async def through_proxy(qtbot: QtBot, tmp_path: Path) -> AsyncIterator[tuple[Env, FaultProxy]]:
    async with console_env(qtbot, tmp_path) as env, FaultProxy(env.sandbox.url) as proxy:
        await env.tenant("ana@example.test")
        yield env, proxy


async def sign_in(env: Env, proxy: FaultProxy) -> AccountController:
    return await env.app.sign_in(display_name="Loja Centro", base_url=proxy.url,
                                 email="ana@example.test", password="pw-123456",
                                 api_key=None, remember=True)


@pytest.mark.parametrize(("shape", "kind"), [
    ("success-false", errors.ApiError),
    ("suspended", errors.Forbidden),
    ("redirect", errors.Redirected),
    ("broken-gzip", errors.BadResponse),
    ("deep-json", errors.UnexpectedResponse),
])
async def test_an_odd_answer_shows_in_place_and_is_retried(
        qtbot: QtBot, tmp_path: Path, shape: str, kind: type[errors.ZapdeskError]) -> None:
    async with through_proxy(qtbot, tmp_path) as (env, proxy):
        account = await sign_in(env, proxy)
        await account.create("Vendas", None)
        await until(lambda: account.state == AccountState.READY and account.instances,
                    what="the list")
        env.console.select(account)
        pane = env.console.account_pane
        proxy.arm(shape)
        account.refresh_now()
        await until(lambda: account.state == AccountState.RETRYING, what="the failure shown")
        assert isinstance(account.error, kind), account.error
        assert account.retry_at is not None  # a retry is on its way
        assert [i.name for i in account.instances] == ["Vendas"]  # the list stays
        line = account_status_line(account) or ""
        assert pane.state.text() == line and "retrying in" in line
        assert pane.retry.isVisible()
        if shape != "broken-gzip":  # a cut connection is rightly called offline
            assert (account_state_text(account) or "").startswith("Not updated — retrying in")
        proxy.disarm()
        pane.retry.click()  # the operator's "Retry", without waiting for the backoff
        await until(lambda: account.state == AccountState.READY, what="recovered")
        assert pane.state.text() == "Up to date."
        assert env.app.bugs == []  # an answer the server gave is not zapdesk's bug


async def test_a_suspended_account_says_so(qtbot: QtBot, tmp_path: Path, look: str) -> None:
    async with through_proxy(qtbot, tmp_path) as (env, proxy):
        account = await sign_in(env, proxy)
        await account.create("Vendas", None)
        await until(lambda: account.state == AccountState.READY and account.instances)
        env.console.select(account)
        proxy.arm("suspended")
        account.refresh_now()
        await until(lambda: account.state == AccountState.RETRYING)
        await asyncio.sleep(0.1)
        shot(env.window, f"account-suspended-{look}")
        proxy.disarm()


async def test_a_bug_while_refreshing_is_reported_once_and_retried(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zapdesk.controller import account as account_module

    monkeypatch.setattr(account_module, "backoff", lambda failures: 0.05)
    async with through_proxy(qtbot, tmp_path) as (env, proxy):
        account = await sign_in(env, proxy)
        await until(lambda: account.state == AccountState.READY)
        assert account.client is not None
        real = account.client.list_instances
        calls = 0

        async def broken() -> list[object]:
            nonlocal calls
            calls += 1
            raise KeyError("status")  # a bug of ours in reading a list

        monkeypatch.setattr(account.client, "list_instances", broken)
        account.refresh_now()
        await until(lambda: calls >= 5, what="several retries")
        assert account.state == AccountState.RETRYING
        assert isinstance(account.error, errors.UpdateFailed)
        assert len(env.app.bugs) == 1, env.app.bugs  # one dialog, not one per retry
        monkeypatch.setattr(account.client, "list_instances", real)
        await until(lambda: account.state == AccountState.READY, what="recovered")
        env.app.bugs.clear()  # reported on purpose


async def test_screenshot_gives_up_when_the_first_list_fails(
        qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # The account's very first list is refused: --screenshot used to wait for it forever.
    async with through_proxy(qtbot, tmp_path) as (env, proxy):
        proxy.arm("suspended")
        account = await sign_in(env, proxy)
        args = parse_args(["--screenshot", str(tmp_path / "shot.png")])
        async with asyncio.timeout(10):
            code = await screenshot(env.window, env.console, args)
        assert code == 1
        assert account.state == AccountState.RETRYING
        said = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
        assert any(s.startswith("start-up failed, no screenshot: account Loja Centro: The "
                                "server does not allow this") for s in said), said
        proxy.disarm()
