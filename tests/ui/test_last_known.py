"""A restart that cannot ask the server: without a keyring the password was never kept,
so the account says exactly that (whole, wrapped) and shows the instances it had, greyed
and marked as not current, without a single call to the server. Signing in again makes
the list current in place. And the plan: shown wherever ZapFlare says it (a password
sign-in's answer, remembered across a restart that reuses the session); an API-key
session is never told it, so such an account says "N instances" and the pane says why.

The real non-demo path: a sandbox started on its own, a real sign-in over HTTP, then a
second AppController and Console over the same data directory."""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from tests.accounts.backends import MemoryKeyring
from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.test_console_accounts import fill_and_submit
from zapdesk.accounts.keychain import SecretStore
from zapdesk.controller.account import AccountState
from zapdesk.controller.app import AppController
from zapdesk.core import errors
from zapdesk.ui.console import Console
from zapdesk.ui.dialogs import SignInDialog
from zapdesk.ui.instance_delegate import account_state_text, account_summary
from zapdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.asyncio
EMAIL, PASSWORD = "ana@example.test", "pw-123456"


@asynccontextmanager
async def restarted(env: Env, qtbot: QtBot, tmp_path: Path, backend: KeyringBackend
                    ) -> AsyncIterator[tuple[AppController, Console, MainWindow]]:
    """zapdesk started again over the same data directory, against the same sandbox."""
    loop = asyncio.get_running_loop()
    seen: list[dict[str, Any]] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: seen.append(context))
    app = AppController(tmp_path, secrets=SecretStore(backend), refresh_interval=0.2,
                        clock=env.sandbox.clock.now, retry_backoff=0.01,
                        listen=("127.0.0.1", 0))
    window = MainWindow()
    qtbot.addWidget(window)
    console = Console(window, app, poll_interval=0.05)
    window.resize(1024, 640)
    window.show()
    try:
        yield app, console, window
    finally:
        await console.shutdown()
        await app.close()
        await asyncio.sleep(0.05)
        loop.set_exception_handler(previous)
    gc.collect()
    assert app.bugs == [] and not seen, (app.bugs, seen)


async def first_run(env: Env, *, remember: bool, api_key: str | None = None) -> None:
    """Sign in over HTTP, make two instances (one linked), and let the list be seen."""
    await env.app.load()
    account = await env.app.sign_in(display_name="Loja Centro", base_url=env.sandbox.url,
                                    email=None if api_key else EMAIL,
                                    password=None if api_key else PASSWORD,
                                    api_key=api_key, remember=remember)
    linked = await account.create("Vendas", None)
    await account.create("Suporte", None)
    await env.advance(2)
    await env.phone(linked.id, "scan", code=await env.qr_code(linked.id), phone="+5511987654321")
    account.refresh_now()
    kept = env.app.snapshots.directory / f"{account.profile.id}.json"
    await until(lambda: kept.exists() and '"connected"' in kept.read_text(),
                what="the list kept for the next start")
    await account.stop_refresh()  # this run is over


async def test_without_a_keyring_a_restart_says_why_and_shows_the_last_known_list(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    no_keyring = keyring.backends.fail.Keyring()
    async with console_env(qtbot, tmp_path) as env:
        env.app.secrets = env.app.manager.secrets = SecretStore(no_keyring)
        await env.tenant(EMAIL)
        await first_run(env, remember=False)
        [first] = env.app.accounts
        kept_text = "".join(p.read_text() for p in env.app.snapshots.directory.iterdir())
        for secret in (PASSWORD, "hooks/", first.client.session_cookie or "?"):  # type: ignore[union-attr]
            assert secret not in kept_text  # names, ids, statuses, numbers; nothing secret
        assert json.loads(kept_text)["plan"] == "pro"
        # Nothing may reach the server during the restart: any call would use up this fault.
        await env.control.post("/_sandbox/faults", json={"path": "/*", "status": 500,
                                                         "count": 1000})
        sessions = len(env.sandbox.world.sessions)
        async with restarted(env, qtbot, tmp_path, no_keyring) as (app, console, window):
            await app.load()
            await until(console.loaded, what="the stored account opened")
            [account] = app.accounts
            assert account.state == AccountState.SIGN_IN
            assert isinstance(account.error, errors.PasswordNotSaved)
            assert account.stale and sorted(i.name for i in account.instances) == [
                "Suporte", "Vendas"]
            assert {i.name: i.status for i in account.instances}["Vendas"] == "connected"
            assert account_summary(account) == QCoreApplication.translate(
                "list", "{count} of {limit} instances · {plan}").format(count=2, limit=5,
                                                                        plan="Pro")
            # The list: the short state (the sentence does not fit a row), greyed rows.
            assert account_state_text(account) == QCoreApplication.translate(
                "list", "Sign in again")
            top = console.tree.model().index(0, 0)
            row = console.tree.model().index(0, 0, top)
            not_current = QCoreApplication.translate("list", "{instance}, last known, not "
                                                             "current").split("}")[1]
            assert not_current in row.data(Qt.ItemDataRole.AccessibleTextRole)
            # The pane: the whole sentence, wrapped, never cut off; the list marked.
            console.select(account)
            pane = console.account_pane
            await until(pane.isVisible)
            sentence = QCoreApplication.translate("errors", errors.PasswordNotSaved.template)
            assert pane.state.text() == sentence
            assert "no passwo…" not in pane.state.text()
            label = pane.state.sentence
            assert label.wordWrap() and label.height() >= label.heightForWidth(label.width())
            assert pane.last_known.isVisible() and pane.sign_in.isVisible()
            assert pane.state.toggle.isVisible()  # why: under Details, in plain English
            assert "no keyring backend" in pane.state.details.text()
            shot(window, f"last-known-account-{look}")
            # A stale instance: shown, but nothing can be done with it now.
            console.select(account, next(i.id for i in account.instances
                                         if i.name == "Suporte"))
            ipane = console.instance_pane
            console.instance_tabs.setCurrentWidget(ipane)
            await until(lambda: ipane.instance is not None
                        and ipane.connection.currentWidget() is ipane.unknown)
            assert ipane.unknown.body.text() == QCoreApplication.translate(
                "detail", "Last known, not current: zapdesk cannot ask the server about this "
                          "instance now. Select its account to sign in again.")
            assert not ipane.qr.isVisible()  # no live QR to offer
            assert not ipane.delete_button.isEnabled() and not ipane.edit_button.isEnabled()
            shot(window, f"last-known-instance-{look}")
            assert env.sandbox.faults._faults[0].remaining == 1000  # the server never asked
            assert len(env.sandbox.world.sessions) == sessions
            await env.control.delete("/_sandbox/faults")
            # Signing in again: the list becomes current in place.
            console.select(account)
            pane.sign_in.click()
            dialog = window.findChildren(SignInDialog)[-1]
            fill_and_submit(dialog, env.sandbox.url, EMAIL, PASSWORD)
            await until(lambda: account.state == AccountState.READY and not account.stale,
                        what="current again")
            assert not pane.last_known.isVisible()
            assert pane.state.text() == QCoreApplication.translate("detail", "Up to date.")
            model = console.tree.model()
            assert [model.index(r, 0, top).data() for r in range(model.rowCount(top))] == [
                "Suporte", "Vendas"]


async def test_the_plan_is_shown_wherever_it_is_known(qtbot: QtBot, tmp_path: Path) -> None:
    keyring = MemoryKeyring()
    async with console_env(qtbot, tmp_path) as env:
        env.app.secrets = env.app.manager.secrets = SecretStore(keyring)
        await env.tenant(EMAIL)
        r = await env.control.post("/_sandbox/tenants", json={
            "email": "chave@example.test", "password": PASSWORD, "plan": "starter"})
        api_key = r.json()["data"]["apiKey"]
        await first_run(env, remember=True)
        by_key = await env.app.sign_in(display_name="Por chave", base_url=env.sandbox.url,
                                       email=None, password=None, api_key=api_key,
                                       remember=True)
        await until(lambda: by_key.loaded)
        [by_password, _] = env.app.accounts
        assert account_summary(by_password) == "2 of 5 instances · Pro"
        assert account_summary(by_key) == "0 instances"  # no call tells an API key its plan
        await by_key.stop_refresh()
        # After a restart the password account reuses its session: no login answer, yet
        # the plan it was told before is still known.
        async with restarted(env, qtbot, tmp_path, keyring) as (app, console, window):
            await app.load()
            await until(lambda: all(a.loaded for a in app.accounts), what="both lists")
            password_account, key_account = app.accounts
            assert password_account.client.plan == "pro"  # type: ignore[union-attr]
            assert account_summary(password_account) == "2 of 5 instances · Pro"
            assert account_summary(key_account) == "0 instances"
            console.select(key_account)
            assert "not known" in console.account_pane.details.text()
            shot(window, "plan-api-key-account")
            console.select(password_account)
            assert "not known" not in console.account_pane.details.text()


async def test_a_start_while_the_server_fails_shows_the_last_list_and_retries(
        qtbot: QtBot, tmp_path: Path) -> None:
    """The password is kept, but the server fails the login at start: the account shows
    its last-known list and why it waits, and "Retry now" (or its backoff) gets it back."""
    keyring = MemoryKeyring()
    async with console_env(qtbot, tmp_path) as env:
        env.app.secrets = env.app.manager.secrets = SecretStore(keyring)
        await env.tenant(EMAIL)
        await first_run(env, remember=True)
        for key in [k for k in keyring.items if k[1].endswith("/session")]:
            del keyring.items[key]  # the session is gone: the start must log in
        await env.control.post("/_sandbox/faults", json={"path": "/auth/sessions",
                                                         "method": "POST", "status": 503,
                                                         "count": 2})  # at start, and once more
        async with restarted(env, qtbot, tmp_path, keyring) as (app, console, _window):
            await app.load()
            [account] = app.accounts
            await until(lambda: account.state == AccountState.RETRYING, what="waiting")
            assert account.stale and sorted(i.name for i in account.instances) == [
                "Suporte", "Vendas"]
            assert isinstance(account.error, errors.ServerError)
            console.select(account)
            pane = console.account_pane
            assert pane.retry.isVisible() and not pane.sign_in.isVisible()
            pane.retry.click()
            await until(lambda: account.state == AccountState.READY and not account.stale,
                        what="back, and current")
