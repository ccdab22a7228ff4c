"""Details and New instance speak plainly: the instance ID, the provider's integration name
and the webhook address with zapdesk's secret in it wait under a closed "Advanced"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import console_env, shot, until
from tests.ui.test_chat_page import connected
from zapdesk.ui.dialogs import InstanceDialog

pytestmark = pytest.mark.asyncio


def on_screen(widget: QWidget) -> str:
    """Every text a person can see in ``widget``."""
    texts = [w.text() for w in widget.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in widget.findChildren(QLineEdit) if w.isVisible()]
    texts += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisible()]
    return "\n".join(texts)


async def test_details_keep_the_plumbing_under_advanced(qtbot: QtBot, tmp_path: Path,
                                                        look: str) -> None:
    translate = QCoreApplication.translate
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        instance_id = await connected(env, account, "Vendas")  # its webhook: ours, secret
        url = env.app.webhook_url(account)
        assert url is not None
        secret = url.rsplit("/", 1)[1]
        env.window.resize(1200, 800)
        env.console.select(account, instance_id)
        pane = env.console.instance_pane
        env.console.instance_tabs.setCurrentWidget(pane)
        await until(lambda: pane.instance is not None and pane.instance.integration,
                    what="the details fetched")
        seen = on_screen(pane)
        for plumbing in (instance_id, "WHATSAPP-BAILEYS", secret, "127.0.0.1"):
            assert plumbing not in seen, plumbing
        assert translate("webhooks", "Messages arrive in zapdesk on this computer.") in seen
        assert not pane.details.advanced.is_open
        shot(env.window, f"polish-details-{look}")
        pane.details.advanced.button.click()
        seen = on_screen(pane)
        assert instance_id in seen and url in seen
        assert translate("detail", "WhatsApp Web (a linked device)") in seen
        assert "WHATSAPP-BAILEYS" not in seen  # the provider's word, said plainly
        pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())
        shot(env.window, f"polish-details-advanced-{look}")


async def test_new_instance_keeps_the_webhook_under_advanced(qtbot: QtBot, tmp_path: Path,
                                                             look: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in()
        env.console.select(account)
        env.console.open_create()
        dialog = env.window.findChildren(InstanceDialog)[-1]
        url = env.app.webhook_url(account)
        assert url is not None and dialog.webhook.text() == url  # still filled in for them
        assert url not in on_screen(dialog) and not dialog.webhook.edit.isVisible()
        assert not dialog.advanced.is_open
        shot(dialog, f"polish-new-instance-{look}")
        dialog.advanced.button.click()
        assert dialog.webhook.edit.isVisible() and url in on_screen(dialog)
        shot(dialog, f"polish-new-instance-advanced-{look}")
        dialog.advanced.button.click()
        height = dialog.height()
        assert not dialog.webhook.edit.isVisible()
        dialog.webhook.edit.setText("ftp://elsewhere")  # refused: the reason is never hidden
        assert dialog.advanced.is_open and dialog.webhook.problem.isVisible()
        assert not dialog.ok.isEnabled() and dialog.height() > height
        dialog.reject()
