"""Receiving in the window: the URL offered, where an instance's webhooks go, the account's
health, and a contact's message travelling sandbox → listener → store → ``zapdesk export``."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sys
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.test_console_instances import dialog_of
from zapdesk.store import queries
from zapdesk.ui.dialogs import InstanceDialog

pytestmark = pytest.mark.asyncio
ROOT = Path(__file__).resolve().parents[2]


async def connected_instance(env: Env, account: object, webhook: str | None) -> str:
    created = await env.app.accounts[-1].create("Vendas", webhook)
    await env.advance(2)
    code = await env.qr_code(created.id)
    assert (await env.phone(created.id, "scan", code=code)).status_code == 200
    return created.id


async def run_zapdesk(*args: str) -> str:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "zapdesk", *args, cwd=ROOT, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    return out.decode()


async def test_new_instances_are_offered_this_listener(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        env.console.select(account)
        env.console.open_create()
        dialog = dialog_of(env, InstanceDialog)
        url = env.app.webhook_url(account)
        assert url is not None and url.startswith("http://127.0.0.1:") and "/hooks/" in url
        assert dialog.webhook.edit.text() == url
        dialog.reject()


async def test_a_contacts_message_reaches_the_store_and_the_export(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        changes: list[object] = []
        env.app.receiver.stored.connect(changes.append)
        instance_id = await connected_instance(env, account, env.app.webhook_url(account))
        r = await env.phone(instance_id, "incoming", **{"from": "5511987654321",
                                                        "text": "Olá, quero um orçamento",
                                                        "pushName": "Maria Cliente"})
        assert r.status_code == 201, r.text
        store = env.app.receiver.store

        async def stored() -> list[queries.ConversationRow]:
            return await store.read(queries.conversations)

        deadline = asyncio.get_running_loop().time() + 5
        while not await stored():
            assert asyncio.get_running_loop().time() < deadline, "nothing stored"
            await asyncio.sleep(0.05)
        (conversation,) = await stored()
        assert (conversation.instance, conversation.instance_name, conversation.name) == \
            (instance_id, "Vendas", "Maria Cliente")
        assert conversation.last_text == "Olá, quero um orçamento" and conversation.unread == 1
        await until(lambda: changes, what="the window told of the new message")
        assert account.profile.id in changes[0]  # type: ignore[operator]
        health = env.app.receiver.health(account.profile.id)
        assert health is not None and health.received >= 2  # connection update + message
        exported = json.loads(await run_zapdesk("export", "--data-dir", str(tmp_path),
                                                "--account", "Loja Centro"))
        (only,) = exported["conversations"]
        assert only["name"] == "Maria Cliente" and only["jid"] == "5511987654321@s.whatsapp.net"
        assert [m["text"] for m in only["messages"]] == ["Olá, quero um orçamento"]
        rows = list(csv.DictReader(io.StringIO(await run_zapdesk(
            "export", "--data-dir", str(tmp_path), "--instance", "Vendas", "--format", "csv"))))
        assert [(r["sender_name"], r["text"]) for r in rows] == \
            [("Maria Cliente", "Olá, quero um orçamento")]
        none = json.loads(await run_zapdesk("export", "--data-dir", str(tmp_path),
                                            "--instance", "Suporte"))
        assert none == {"conversations": []}


async def test_a_webhook_pointing_elsewhere_is_said_and_replaced_only_after_asking(
        qtbot: QtBot, tmp_path: Path, theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        elsewhere = "http://127.0.0.1:9911/crm/webhook"
        created = await account.create("Vendas", elsewhere)
        await until(lambda: account.instances)
        env.window.resize(1100, 760)
        env.console.select(account, created.id)
        status = env.console.instance_pane.webhook
        await until(lambda: status.url.text() == elsewhere)
        assert "another system" in status.note.text() and not status.button.isHidden()
        env.console.instance_pane.ensureWidgetVisible(status)
        await asyncio.sleep(0.05)
        shot(env.window, f"webhook-elsewhere-{theme}")
        status.button.click()
        assert status.confirm is not None and elsewhere in status.confirm.text()
        status.confirm.button(QMessageBox.StandardButton.Cancel).click()
        await asyncio.sleep(0.3)
        assert account.instance(created.id).webhook_url == elsewhere  # type: ignore[union-attr]
        status.button.click()
        replace = next(b for b in status.confirm.buttons() if b.text() == "Replace")
        replace.click()
        ours = env.app.webhook_url(account)
        await until(lambda: account.instance(created.id).webhook_url == ours,  # type: ignore
                    what="webhook replaced")
        await until(lambda: "arrive in zapdesk" in status.note.text())
        assert status.button.isHidden()
        env.console.instance_pane.ensureWidgetVisible(status)
        await asyncio.sleep(0.05)
        shot(env.window, f"webhook-ours-{theme}")


async def test_the_account_pane_shows_how_receiving_goes(qtbot: QtBot, tmp_path: Path,
                                                         theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        await connected_instance(env, account, env.app.webhook_url(account))
        env.window.resize(1100, 700)
        env.console.select(account)
        pane = env.console.account_pane
        url = env.app.webhook_url(account)
        assert url is not None
        await until(lambda: url in pane.receiving.text())
        await until(lambda: "Events received since start: 0" not in pane.receiving.text(),
                    what=f"the connection event counted: {pane.receiving.text()!r}")
        assert not pane.receiving_warning.isVisible()
        shot(env.window, f"account-receiving-{theme}")
        # Quiet for longer than the setting while an instance is connected: a warning.
        health = env.app.receiver.health(account.profile.id)
        assert health is not None and health.last_event_at is not None
        await until(lambda: any(i.status == "connected" for i in account.instances))
        await asyncio.sleep(0.3)  # the pairing's webhooks have all arrived
        health.last_event_at -= 45 * 60
        pane.refresh()
        assert "No events for 45 minutes" in pane.receiving_warning.text()
        assert pane.receiving_warning.isVisible()
        shot(env.window, f"account-quiet-{theme}")
        async with httpx.AsyncClient() as client:  # a malformed delivery, then another
            for n, said in ((1, "1 malformed request was refused"),
                            (2, "2 malformed requests were refused")):
                assert (await client.post(url, content=b"{not json")).status_code == 400
                await until(lambda said=said: said in pane.receiving_warning.text(),
                            what=f"{n} refusal(s) counted: {pane.receiving_warning.text()!r}")


async def test_a_busy_listener_port_is_said_and_the_console_still_works(
        qtbot: QtBot, tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        async with console_env(qtbot, tmp_path, listen=("127.0.0.1", port)) as env:
            notices: list[str] = []
            env.app.notice.connect(notices.append)
            account = await env.signed_in()
            await env.app.start_receiving()
            await until(lambda: account.loaded)
            assert not env.app.receiver.listening and env.app.webhook_url(account) is None
            env.console.select(account)
            warning = env.console.account_pane.receiving_warning.text()
            assert f"using port {port}" in warning and "not being received" in warning


async def test_a_remote_server_with_a_loopback_url_is_warned_about(
        qtbot: QtBot, tmp_path: Path) -> None:
    from dataclasses import replace

    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        env.console.select(account)
        pane = env.console.account_pane
        assert "public address" not in pane.receiving_warning.text()  # the sandbox is local
        account.profile = replace(account.profile, base_url="https://api.zapflare.com.br")
        pane.refresh()
        assert "public address" in pane.receiving_warning.text()
        assert "in Preferences (Ctrl+,)" in pane.receiving_warning.text()
