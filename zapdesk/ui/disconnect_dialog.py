"""Asking before a disconnect: it unlinks the number, and only the phone can link it again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget

from zapdesk.controller.account import AccountController
from zapdesk.core.models import Instance
from zapdesk.core.phone import format_phone
from zapdesk.ui.dialogs import FormDialog, Spawn


class DisconnectDialog(FormDialog):
    """Disconnecting unlinks the number, and only the phone can link it again: asked first,
    like deleting, with the consequence named and Cancel as the default."""

    def __init__(self, parent: QWidget | None, account: AccountController, spawn: Spawn,
                 instance: Instance) -> None:
        super().__init__(parent, spawn, self.tr("Disconnect instance"), self.tr("Disconnect"))
        self.account = account
        self.instance = instance
        number = format_phone(instance.phone) if instance.phone else None
        name = instance.name.replace("<", "&lt;")
        self.warning = warning = QLabel((self.tr(
            "<b>Disconnect “{name}” from WhatsApp?</b> The number {number} will be unlinked. "
            "Only the phone itself can link it again, by scanning a new QR code in WhatsApp "
            "(Linked devices). Until then no message is sent or received.").format(
                name=name, number=number) if number else self.tr(
            "<b>Disconnect “{name}” from WhatsApp?</b> The linking under way stops. Only the "
            "phone itself can link a number, by scanning a new QR code in WhatsApp (Linked "
            "devices).").format(name=name)), self)
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.RichText)
        self.form.addRow(warning)
        cancel: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        cancel.setFocus()
        self.ok.setAutoDefault(False)

    def busy_words(self) -> str:
        return self.tr("Disconnecting…")

    async def run(self) -> None:
        await self.account.disconnect_instance(self.instance.id)
