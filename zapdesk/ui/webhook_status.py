"""Where an instance's webhooks go, and how receiving is doing for an account."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimeZone
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from zapdesk.controller.account import AccountController
from zapdesk.controller.app import AppController
from zapdesk.core.models import Instance, Status
from zapdesk.core.validation import is_loopback_url
from zapdesk.ui import theme

Spawn = Callable[[Coroutine[Any, Any, None]], Any]


def receiving_lines(app: AppController, account: AccountController,
                    now: float | None = None) -> tuple[list[str], list[str]]:
    """(information, warnings) about this account's webhooks, translated."""
    translate = QCoreApplication.translate
    receiver = app.receiver
    if not receiver.listening:
        reason = receiver.error or translate("webhooks", "the listener is not running")
        return [], [translate("webhooks", "Messages are not being received: {reason}")
                    .format(reason=reason)]
    info = [translate("webhooks", "Webhook URL: {url}").format(
        url=receiver.url_for(account.profile.id) or "—")]
    warnings = []
    health = receiver.health(account.profile.id)
    if health is not None:
        if health.last_event_at is None:
            last = translate("webhooks", "none yet")
        else:
            moment = QDateTime.fromSecsSinceEpoch(int(health.last_event_at),
                                                  QTimeZone.systemTimeZone())
            last = QLocale().toString(moment, QLocale.FormatType.ShortFormat)
        info.append(translate("webhooks", "Events received since start: {count} · last event: "
                                          "{last}").format(count=health.received, last=last))
        if health.refused:
            warnings.append(
                translate("webhooks", "1 malformed request was refused (see the log).")
                if health.refused == 1 else
                translate("webhooks", "{count} malformed requests were refused (see the log).")
                .format(count=health.refused))
    connected = any(i.known_status == Status.CONNECTED for i in account.instances)
    quiet = receiver.quiet_minutes(account.profile.id, connected, now)
    if quiet is not None:
        warnings.append(translate("webhooks", "No events for {minutes} minutes while instances "
                                              "are connected: check that their webhook points "
                                              "here.").format(minutes=int(quiet)))
    if account.profile.id in receiver.temporary and not account.demo:
        warnings.append(translate("webhooks", "This URL lasts only until zapdesk closes: no "
                                              "keyring is available to keep its secret."))
    if not is_loopback_url(account.profile.base_url) and \
            is_loopback_url(receiver.url_for(account.profile.id)):
        warnings.append(translate("webhooks", "The server cannot reach this computer's "
                                              "loopback address. Set the public address of "
                                              "a forwarded port or a tunnel in Preferences "
                                              "(Ctrl+,), and test it there."))
    return info, warnings


class WebhookStatus(QWidget):
    """The instance's webhook URL, whether it reaches zapdesk, and a way to make it so."""

    def __init__(self, app: AppController, spawn: Spawn, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.app = app
        self.spawn = spawn
        self.account: AccountController | None = None
        self.instance: Instance | None = None
        self.url = QLabel(self)
        self.url.setWordWrap(True)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.clicked.connect(self._receive_here)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.url)
        layout.addWidget(self.note)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.confirm: QMessageBox | None = None

    def show_instance(self, account: AccountController, instance: Instance) -> None:
        self.account, self.instance = account, instance
        translate = QCoreApplication.translate
        current = instance.webhook_url
        self.url.setText(current or translate("webhooks", "Not set"))
        ours = self.app.webhook_url(account)
        warning = f"color: {theme.pick(theme.WARNING, self.palette()).name()}"
        if ours is None:
            self.note.setText(translate("webhooks", "zapdesk is not receiving webhooks right "
                                                    "now (see the account)."))
            self.note.setStyleSheet(warning)
            self.button.hide()
        elif self.app.receiver.owns(current):
            self.note.setText(translate("webhooks", "Messages arrive in zapdesk on this "
                                                    "computer."))
            self.note.setStyleSheet("")
            self.button.hide()
        else:
            self.note.setText(
                translate("webhooks", "zapdesk receives no messages from this instance.")
                if not current else
                translate("webhooks", "Points to another system: messages go there, not to "
                                      "zapdesk."))
            self.note.setStyleSheet(warning)
            self.button.setText(translate("webhooks", "Receive in zapdesk") if not current
                                else translate("webhooks", "Receive in zapdesk instead…"))
            self.button.show()

    def _receive_here(self) -> None:
        if self.account is None or self.instance is None:
            return
        if not self.instance.webhook_url:
            self._replace()
            return
        translate = QCoreApplication.translate
        box = QMessageBox(QMessageBox.Icon.Question, translate("webhooks", "Replace the webhook?"),
                          translate("webhooks", "“{name}” now sends its events to:\n{url}\n\n"
                                                "Another system may depend on them; after the "
                                                "change it receives nothing from this "
                                                "instance.").format(name=self.instance.name,
                                                                    url=self.instance.webhook_url),
                          QMessageBox.StandardButton.Cancel, self)
        replace = box.addButton(translate("webhooks", "Replace"),
                                QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_code: int) -> None:
            if box.clickedButton() is replace:
                self._replace()

        box.finished.connect(answered)
        self.confirm = box
        box.open()  # never exec(): the loop keeps running

    def _replace(self) -> None:
        account, instance = self.account, self.instance
        url = self.app.webhook_url(account) if account else None
        if account is None or instance is None or url is None:
            return
        self.button.setEnabled(False)

        async def update() -> None:
            try:
                await account.update(instance.id, instance.name, url)
            finally:
                self.button.setEnabled(True)

        self.spawn(update())
