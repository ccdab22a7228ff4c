"""Issue 11, item 6: a port another program holds. The conversations' place says so and
why, until the operator picks another port; then the instances call the new one."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.language import speaking
from tests.ui.test_console_instances import dialog_of
from tests.ui.test_receiving import connected_instance
from zapdesk.accounts.settings import DEFAULT_PORT
from zapdesk.controller.app import DEMO_ACCOUNT
from zapdesk.core.models import Status
from zapdesk.sandbox.seed import DEMO_EMAIL
from zapdesk.store import queries
from zapdesk.ui.listener_banner import PortDialog
from zapdesk.webhooks.listener import DEFAULT_PORT as LISTENER_DEFAULT


@contextmanager
def held_port() -> Iterator[int]:
    """Another program listening on a loopback port, for as long as the block lasts."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


def test_the_listener_and_the_sandbox_example_do_not_share_a_port() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert DEFAULT_PORT == LISTENER_DEFAULT
    assert f"127.0.0.1:{DEFAULT_PORT}" in readme  # the listener's default, documented
    assert "zapdesk-sandbox --port 8787" in readme and DEFAULT_PORT != 8787


async def pick_port(env: Env) -> int:
    banner = env.console.chat_page.banner
    banner.button.click()
    dialog = dialog_of(env, PortDialog)
    port = int(dialog.port.text())
    dialog.port.edit.setText("70000")
    assert not dialog.ok.isEnabled()
    assert "65535" in dialog.port.problem.text() and "70000" in dialog.port.problem.text()
    shot(dialog, "prefs-port-dialog-refused")
    dialog.port.edit.setText(str(port))
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    await until(lambda: banner.dialog is None, what="the port dialog closes")
    return port


IN_USE = {"en": "Another program is already using port {port}",
          "pt_BR": "Outro programa já está usando a porta {port}"}


@pytest.mark.asyncio
@pytest.mark.parametrize("language", ["en", "pt_BR"])
async def test_a_held_port_shows_a_banner_until_another_port_is_chosen(
        qtbot: QtBot, tmp_path: Path, theme: str, language: str) -> None:
    with held_port() as taken, speaking(language):
        async with console_env(qtbot, tmp_path, listen=("127.0.0.1", taken)) as env:
            account = await env.signed_in()
            await env.app.start_receiving()
            assert not env.app.receiver.listening
            # Its instances were set to call this app at that port on an earlier day.
            old_url = env.app.receiver.url_for(account.profile.id)
            assert old_url is not None and f":{taken}/" in old_url
            instance_id = await connected_instance(env, account, None)
            await account.update(instance_id, "Vendas", old_url)
            await until(lambda: account.instance(instance_id) is not None and
                        account.instance(instance_id).status == Status.CONNECTED)
            env.console.select(account, instance_id)
            env.console.instance_tabs.setCurrentWidget(env.console.chat_page)
            banner = env.console.chat_page.banner
            await until(banner.isVisible, what="the banner")
            assert banner.reason.text().startswith(IN_USE[language].format(port=taken))
            assert banner.button.isVisible()
            env.window.resize(1180, 760)
            shot(env.window, f"prefs-banner-{theme}-{language}")
            await env.advance(30)  # long after a status-bar message would have gone
            assert banner.isVisible()

            port = await pick_port(env)
            assert port != taken
            await until(lambda: not banner.isVisible(), what="the banner goes")
            assert env.app.receiver.listening and env.app.receiver.listener.port == port
            saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
            assert saved["listen_port"] == port
            new_url = env.app.webhook_url(account)
            assert new_url is not None and f":{port}/" in new_url
            await until(lambda: account.instance(instance_id).webhook_url == new_url,
                        what="the instance points at the new port")
            r = await env.phone(instance_id, "incoming", **{"from": "5511987654321",
                                                            "text": "Chegou?",
                                                            "pushName": "Maria"})
            assert r.status_code == 201, r.text

            async def arrived() -> bool:
                rows = await env.app.receiver.store.read(queries.conversations)
                return any(row.last_text == "Chegou?" for row in rows)

            await until_async(arrived, "the event posted to the new port is stored")


async def until_async(check: Callable[[], Awaitable[bool]], what: str) -> None:
    deadline = time.monotonic() + 10
    while not await check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


@pytest.mark.asyncio
async def test_the_demo_on_a_held_port_starts_receiving_once_another_is_chosen(
        qtbot: QtBot, tmp_path: Path) -> None:
    with held_port() as taken:
        async with console_env(qtbot, tmp_path, listen=("127.0.0.1", taken)) as env:
            env.console.start_demo()
            await until(lambda: env.app.accounts and not env.console.starting_demo,
                        seconds=20, what="the demo")
            demo = env.app.accounts[0]
            assert demo.profile.email == DEMO_EMAIL
            await until(lambda: demo.loaded)
            connected = next(i for i in demo.instances if i.status == Status.CONNECTED)
            env.console.select(demo, connected.id)
            env.console.instance_tabs.setCurrentWidget(env.console.chat_page)
            assert env.console.chat_page.banner.isVisible()
            await pick_port(env)

            async def conversations() -> bool:
                rows = await env.app.receiver.store.read(
                    lambda c: queries.conversations(c, account_id=DEMO_ACCOUNT))
                return len(rows) > 0

            await until_async(conversations, "the demo's first conversations")
            assert not env.console.chat_page.banner.isVisible()
