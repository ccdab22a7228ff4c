"""Linking a number: an expired QR series says one thing and offers one button; a number
that was never linked is not "no longer linked"; one that was says so, with its number.
In place, through the real window against the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from zapdesk.ui.detail_pane import InstancePane

pytestmark = pytest.mark.asyncio


def link_buttons(pane: InstancePane) -> set[QPushButton]:
    """The visible buttons besides edit, disconnect, delete and the webhook's."""
    others = {pane.edit_button, pane.disconnect_button, pane.delete_button,
              pane.webhook.button}
    return {b for b in pane.findChildren(QPushButton) if b.isVisible()} - others


async def selected(env: Env, instance_id: str) -> None:
    pane = env.console.instance_pane
    await until(lambda: pane.instance is not None and pane.instance.id == instance_id,
                what="the instance on screen")


async def test_one_message_and_one_button_whether_or_not_a_phone_was_linked(
        qtbot: QtBot, tmp_path: Path, look: str) -> None:
    translate = QCoreApplication.translate
    async with console_env(qtbot, tmp_path) as env:
        env.window.resize(1200, 800)
        account = await env.signed_in()
        other = await account.create("Vendas", None)
        created = await account.create("Financeiro", None)
        env.console.select(account, created.id)
        await selected(env, created.id)
        pane, qr = env.console.instance_pane, env.console.instance_pane.qr
        await env.advance(2)
        await until(lambda: qr.attempt.text() != "" and qr.canvas.live, what="the first code")
        # The whole series runs out while the operator looks at the first code.
        await env.advance(6 * 20)
        await until(lambda: pane.instance is not None and pane.instance.status ==
                    "disconnected", what="the series over")
        await until(lambda: qr.regenerate.isVisible(), what="the expired state")
        assert qr.attempt.text() == ""  # no "attempt 1 of 6" beside "all codes expired"
        assert qr.state.text() == translate(
            "QrPanel", "The QR codes expired before a phone scanned one. Generate a new code "
                       "when the phone is at hand.")
        assert link_buttons(pane) == {qr.regenerate}
        shot(env.window, f"polish-qr-expired-{look}")
        # Back later: the instance was never linked, and says so.
        env.console.select(account, other.id)
        await selected(env, other.id)
        env.console.select(account, created.id)
        await selected(env, created.id)
        await until(lambda: pane.connection.currentWidget() is pane.disconnected)
        assert pane.disconnected.title.text() == translate("detail",
                                                           "Not linked to a phone yet")
        assert pane.disconnected.body.text() == translate(
            "detail", "No phone has scanned this instance's QR code yet. Generate a new QR "
                      "code and scan it from the phone.")
        assert link_buttons(pane) == {pane.disconnected.button}
        assert pane.disconnected.button.text() == qr.regenerate.text()  # the same words
        shot(env.window, f"polish-never-linked-{look}")
        # Linked, then the phone drops it while on screen: "no longer linked", its number.
        pane.disconnected.button.click()
        await until(lambda: pane.connection.currentWidget() is qr and qr.canvas.live,
                    what="a new series")
        assert (await env.phone(created.id, "scan",
                                code=await env.qr_code(created.id))).status_code == 200
        await until(lambda: pane.connection.currentWidget() is pane.connected)
        assert (await env.phone(created.id, "phone-disconnect")).status_code == 200
        await until(lambda: pane.connection.currentWidget() is pane.disconnected,
                    what="disconnected in place")
        phone = pane.fields["phone"].text()
        dropped = translate("detail", "The phone {phone} is no longer linked.").format(
            phone=phone)
        assert pane.disconnected.title.text() == translate("detail",
                                                           "Disconnected from WhatsApp")
        assert pane.disconnected.body.text().startswith(dropped)
        assert link_buttons(pane) == {pane.disconnected.button}
        shot(env.window, f"polish-no-longer-linked-{look}")
