"""Disconnecting asks first, like deleting, and names what it costs: the number is unlinked
and only the phone can link it again by scanning a new QR code. The sandbox is asked over
HTTP whether the number is still linked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from tests.ui.test_console_instances import dialog_of
from zapdesk.ui.disconnect_dialog import DisconnectDialog

pytestmark = pytest.mark.asyncio


async def status_on_server(env: Env, instance_id: str) -> str:
    r = await env.control.get(f"/_sandbox/instances/{instance_id}")
    assert r.status_code == 200, r.text
    status: str = r.json()["data"]["status"]
    return status


async def test_disconnect_asks_first_and_cancel_keeps_the_number_linked(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        created = await account.create("Vendas", None)
        await env.advance(2)
        await env.phone(created.id, "scan", code=await env.qr_code(created.id),
                        phone="+5511987654321")
        env.console.select(account, created.id)
        pane = env.console.instance_pane
        env.console.instance_tabs.setCurrentWidget(pane)
        await until(lambda: pane.connection.currentWidget() is pane.connected, what="connected")
        pane.disconnect_button.click()
        dialog = dialog_of(env, DisconnectDialog)
        assert dialog.isVisible()
        said = dialog.warning.text()
        assert "Vendas" in said and "+55 11 98765-4321" in said  # which number goes
        if look != "pt_BR":
            assert "Only the phone itself can link it again" in said
            assert "new QR code" in said
        else:
            assert "Só o próprio celular poderá vinculá-lo de novo" in said
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.isDefault() and not dialog.ok.isDefault()  # Enter does not unlink
        assert dialog.ok.text() == QCoreApplication.translate("DisconnectDialog", "Disconnect")
        shot(dialog, f"disconnect-confirm-{look}")
        shot(env.window, f"disconnect-confirm-window-{look}")
        cancel.click()
        await until(lambda: not dialog.isVisible(), what="the dialog closed")
        await env.advance(0)
        assert await status_on_server(env, created.id) == "connected"
        assert pane.connection.currentWidget() is pane.connected
        # Asked again and confirmed: now it goes.
        pane.disconnect_button.click()
        dialog = dialog_of(env, DisconnectDialog)
        dialog.ok.click()
        await until(lambda: pane.connection.currentWidget() is pane.disconnected,
                    what="disconnected in the pane")
        assert await status_on_server(env, created.id) == "disconnected"
        assert not env.window.findChildren(DisconnectDialog) or not dialog.isVisible()
