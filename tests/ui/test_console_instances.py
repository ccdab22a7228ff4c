"""Creating, editing, deleting and disconnecting instances, and the whole QR flow."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TypeVar

import pytest
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from pytestqt.qtbot import QtBot

from tests.sandbox.helpers import read_qr
from tests.ui.conftest import Env, console_env, shot, until
from zapdesk.controller.account import AccountController
from zapdesk.ui.dialogs import DeleteDialog, InstanceDialog
from zapdesk.ui.instance_model import Role

pytestmark = pytest.mark.asyncio


async def shown(env: Env, instance_id: str) -> None:
    pane = env.console.instance_pane
    await until(lambda: pane.instance is not None and pane.instance.id == instance_id,
                what="the instance in the detail pane")


def names(account: AccountController) -> list[str]:
    return sorted(i.name for i in account.instances)


T = TypeVar("T")


def dialog_of(env: Env, kind: type[T]) -> T:
    found = env.window.findChildren(kind)
    assert found, kind
    return found[-1]


async def test_create_validates_as_you_type_and_explains_refusals(
        qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in(plan="starter")
        env.console.select(account)
        env.console.open_create()
        dialog = dialog_of(env, InstanceDialog)
        assert not dialog.ok.isEnabled()  # nothing typed yet, and no message shouted
        assert not dialog.name.problem.isVisible()
        dialog.name.edit.setText("ab")
        assert not dialog.ok.isEnabled()
        assert "3 to 50" in dialog.name.problem.text() and dialog.name.problem.isVisible()
        dialog.name.edit.setText("Vendas")
        dialog.webhook.edit.setText("ftp://hooks.example.test")
        assert not dialog.ok.isEnabled() and dialog.webhook.problem.isVisible()
        shot(dialog, "create-invalid-webhook")
        dialog.webhook.edit.setText("")
        assert dialog.ok.isEnabled()
        dialog.ok.click()
        await until(lambda: not env.window.findChildren(InstanceDialog), what="created")
        assert names(account) == ["Vendas"]
        pane = env.console.instance_pane
        await until(lambda: pane.instance is not None and pane.instance.name == "Vendas",
                    what="the new instance selected")
        # A duplicate and the plan's limit: the dialog stays, says why, keeps the text.
        env.console.open_create()
        dialog = dialog_of(env, InstanceDialog)
        dialog.name.edit.setText("VENDAS")
        dialog.ok.click()
        await until(dialog.error.isVisible, what="the conflict")
        assert "already exists" in dialog.error.text()
        dialog.name.edit.setText("Suporte")
        dialog.ok.click()
        await until(lambda: "limit" in dialog.error.text(), what="the plan limit")
        assert "Starter plan allows 1 instance" in dialog.error.text()
        assert "Delete an instance or upgrade the plan" in dialog.error.text()
        assert dialog.isVisible() and dialog.name.text() == "Suporte"
        dialog.reject()
        assert names(account) == ["Vendas"]


async def test_edit_name_and_webhook(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Vendas", None)
        await until(lambda: names(account) == ["Vendas"])
        env.console.select(account, created.id)
        env.console.open_edit()
        dialog = dialog_of(env, InstanceDialog)
        assert dialog.name.text() == "Vendas" and dialog.ok.text() == "Save"
        dialog.webhook.edit.setText("not a url")
        assert not dialog.ok.isEnabled()
        dialog.webhook.edit.setText("http://127.0.0.1:9911/hooks/abc")
        dialog.name.edit.setText("Vendas SP")
        dialog.ok.click()
        await until(lambda: not env.window.findChildren(InstanceDialog), what="saved")
        pane = env.console.instance_pane
        await until(lambda: pane.webhook.url.text() == "http://127.0.0.1:9911/hooks/abc")
        assert pane.title.text() == "Vendas SP" and names(account) == ["Vendas SP"]
        assert env.console.tree.currentIndex().data() == "Vendas SP"  # still selected


async def test_delete_asks_for_the_name(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Vendas", None)
        await account.create("Suporte", None)
        await until(lambda: len(account.instances) == 2)
        env.console.select(account, created.id)
        env.console.open_delete()
        dialog = dialog_of(env, DeleteDialog)
        assert "cannot be undone" in dialog.warning.text()
        assert not dialog.ok.isEnabled()
        dialog.confirm.edit.setText("vendas")  # close is not enough
        assert not dialog.ok.isEnabled()
        dialog.confirm.edit.setText("Vendas")
        assert dialog.ok.isEnabled()
        shot(dialog, "delete-dialog")
        dialog.ok.click()
        await until(lambda: not env.window.findChildren(DeleteDialog), what="deleted")
        assert names(account) == ["Suporte"]
        assert [i.name for i in env.sandbox.world.instances.values()] == ["Suporte"]
        await until(lambda: env.console.instance_pane.instance is None
                    or env.console.instance_pane.instance.name != "Vendas")


def grab_text(widget: object) -> list[str]:
    """Decode the QR code from a picture of the widget itself, as a phone camera would."""
    image = widget.grab().toImage()  # type: ignore[attr-defined]
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return read_qr(Image.open(io.BytesIO(bytes(buffer.data()))))


async def test_the_whole_qr_flow(qtbot: QtBot, tmp_path: Path, theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Financeiro", None)
        env.console.select(account, created.id)
        pane = env.console.instance_pane
        qr = pane.qr
        await shown(env, created.id)
        await until(lambda: pane.connection.currentWidget() is qr, what="the QR panel")
        assert qr.canvas.caption == "Preparing the QR code…" and not qr.canvas.live
        await env.advance(2)
        seen: list[str] = []
        for attempt in range(1, 7):
            await until(lambda a=attempt: qr.attempt.text() == f"Attempt {a} of 6",
                        what=f"attempt {attempt}")
            await until(lambda: qr.ring.seconds == 20, what="a full countdown")
            assert qr.canvas.live and qr.canvas.caption == ""
            await env.advance(10)
            await until(lambda: qr.ring.seconds == 10, what="the countdown at 10")
            [text] = grab_text(qr.canvas)  # what is on screen scans
            assert text == await env.qr_code(created.id)
            seen.append(text)
            if attempt == 1:
                shot(env.window, f"qr-countdown-{theme}")
            await env.advance(10)
        assert len(set(seen)) == 6
        await until(lambda: qr.canvas.caption == "QR code expired", what="the expiry")
        await until(lambda: qr.regenerate.isVisible(), what="the regenerate button")
        assert not qr.canvas.live and grab_text(qr.canvas) in ([], [seen[-1]])
        assert "expired before a phone scanned" in qr.state.text() and qr.attempt.text() == ""
        shot(env.window, f"qr-expired-{theme}")
        qr.regenerate.click()
        await until(lambda: qr.canvas.live and qr.attempt.text() == "Attempt 1 of 6",
                    what="a new series")
        [text] = grab_text(qr.canvas)
        r = await env.phone(created.id, "scan", code=text)  # the phone scans the screen
        assert r.status_code == 200
        await until(lambda: pane.connection.currentWidget() is pane.connected,
                    what="the connected card")
        assert pane.connected.title.text().startswith("Connected as +55 11 ")
        await until(lambda: pane.fields["phone"].text().startswith("+55"))
        shot(env.window, f"qr-connected-{theme}")


async def test_a_stale_code_is_never_shown_as_valid(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Financeiro", None)
        await env.advance(2)
        pane = env.console.instance_pane
        pane.poll_interval = 3600  # no polling: only the countdown moves
        env.console.select(account, created.id)
        qr = pane.qr
        await until(lambda: qr.attempt.text() == "Attempt 1 of 6", what="the first code")
        await env.advance(20)
        await until(lambda: not qr.canvas.live, what="the code greyed out")
        assert qr.canvas.caption == "Getting a new code…"
        assert pane.watcher is not None
        pane.watcher.poll_now()
        await until(lambda: qr.canvas.live and qr.attempt.text() == "Attempt 2 of 6",
                    what="the second code")


async def test_disconnect_reconnect_and_banned(qtbot: QtBot, tmp_path: Path, theme: str
                                               ) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Vendas", None)
        await env.advance(2)
        await env.phone(created.id, "scan", code=await env.qr_code(created.id))
        env.console.select(account, created.id)
        pane = env.console.instance_pane
        await until(lambda: pane.connection.currentWidget() is pane.connected)
        assert pane.disconnect_button.isEnabled()
        pane.disconnect_button.click()
        await until(lambda: pane.connection.currentWidget() is pane.disconnected,
                    what="disconnected")
        assert pane.disconnected.button.isVisible()
        assert env.sandbox.world.instances[created.id].status == "disconnected"
        pane.disconnected.button.click()  # reconnect: a new QR series
        await until(lambda: pane.connection.currentWidget() is pane.qr and
                    pane.qr.attempt.text() == "Attempt 1 of 6", what="a new series")
        await env.phone(created.id, "ban")
        account.refresh_now()
        await until(lambda: pane.connection.currentWidget() is pane.banned, what="banned")
        assert "banned by WhatsApp" in pane.banned.title.text()
        assert not pane.disconnect_button.isVisible()
        assert pane.delete_button.isVisible()
        shot(env.window, f"banned-{theme}")


async def test_an_unknown_status_is_shown_as_it_is(qtbot: QtBot, tmp_path: Path) -> None:
    import dataclasses

    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Vendas", None)
        env.console.select(account, created.id)
        await shown(env, created.id)
        pane = env.console.instance_pane
        account.refresh_interval = 3600  # keep the list from overwriting our odd status
        await env.advance(0)
        odd = dataclasses.replace(account.instance(created.id), status="pairing_magic")
        account.apply(odd, started=10**9)
        await until(lambda: pane.connection.currentWidget() is pane.unknown, what="unknown")
        assert pane.unknown.title.text() == "Status: pairing_magic"
        assert "pairing_magic" in pane.fields["status"].text()
        [row] = [env.console.tree.model().index(0, 0, env.console.tree.model().index(0, 0))]
        assert row.data(Role.INSTANCE).status == "pairing_magic"
        assert pane.edit_button.isEnabled() and pane.delete_button.isEnabled()
