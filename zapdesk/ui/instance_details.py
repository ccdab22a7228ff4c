"""An instance's details in plain words (name, number, status, whether its messages reach
zapdesk, when it was created), with the plumbing (its ID, the connection type, the webhook
address and its secret) under "Advanced"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimeZone
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from zapdesk.controller.account import AccountController
from zapdesk.controller.app import AppController
from zapdesk.core.models import Instance
from zapdesk.core.phone import format_phone
from zapdesk.ui.disclosure import Disclosure
from zapdesk.ui.status import status_word
from zapdesk.ui.webhook_status import Spawn, WebhookStatus

BAILEYS = "WHATSAPP-BAILEYS"  # the only kind ZapFlare offers; the list leaves it out


def when(value: datetime | None) -> str:
    if value is None:
        return "—"
    moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def connection_type(integration: str | None) -> str:
    translate = QCoreApplication.translate
    if integration is None or integration.upper() == BAILEYS:
        return translate("detail", "WhatsApp Web (a linked device)")
    return integration  # another kind: shown as the server names it


class InstanceDetails(QWidget):
    def __init__(self, app: AppController, spawn: Spawn, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.instance: Instance | None = None
        self.fields: dict[str, QLabel] = {}
        title = QLabel(self.tr("Details"), self)
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.webhook = WebhookStatus(app, spawn, self)
        self.webhook.url.hide()  # the address (and its secret) is shown under Advanced
        self.advanced = Disclosure(self.tr("Advanced"), self)
        plain = [("name", self.tr("Name")), ("phone", self.tr("Phone")),
                 ("status", self.tr("Status")), ("webhook", self.tr("Messages")),
                 ("created", self.tr("Created"))]
        plumbing = [("id", self.tr("Instance ID")), ("integration", self.tr("Connection type")),
                    ("webhook_url", self.tr("Webhook address")),
                    ("active", self.tr("Active at ZapFlare")),
                    ("picture", self.tr("Profile picture")), ("updated", self.tr("Updated"))]
        for target, rows in ((form, plain), (self.advanced.form, plumbing)):
            for key, label in rows:
                if key == "webhook":
                    target.addRow(label, self.webhook)
                    continue
                value = QLabel(self)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setWordWrap(True)
                self.fields[key] = value
                if key != "id":
                    target.addRow(label, value)
                    continue
                row = QHBoxLayout()
                row.addWidget(value, 1)
                self.copy_id = QToolButton(self)
                self.copy_id.setText(self.tr("Copy"))
                self.copy_id.setToolTip(self.tr("Copy the instance ID"))
                self.copy_id.clicked.connect(self._copy_id)
                row.addWidget(self.copy_id)
                target.addRow(label, row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.advanced)

    def show_instance(self, account: AccountController | None, inst: Instance) -> None:
        translate = QCoreApplication.translate
        self.instance = inst
        yes_no = {True: translate("detail", "Yes"), False: translate("detail", "No"), None: "—"}
        values = {
            "id": inst.id, "name": inst.name,
            "phone": format_phone(inst.phone) if inst.phone else "—",
            "status": status_word(inst.status) if inst.known_status else
            translate("detail", "{status} (not a status zapdesk knows)").format(status=inst.status),
            "integration": connection_type(inst.integration),
            "webhook_url": inst.webhook_url or translate("detail", "Not set"),
            "picture": translate("detail", "Shown above") if inst.profile_pic_url else "—",
            "active": yes_no[inst.active],
            "created": when(inst.created_at), "updated": when(inst.updated_at),
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        if account is not None:
            self.webhook.show_instance(account, inst)

    def _copy_id(self) -> None:
        if self.instance is not None:
            QGuiApplication.clipboard().setText(self.instance.id)
            self.copy_id.setText(self.tr("Copied"))
