"""An account on the right-hand side: its plan and instance count, its state with the
reason (and the server's words under "Details"), whether its list is current, and how
its webhooks arrive."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from zapdesk.controller.account import AccountController, AccountState
from zapdesk.controller.app import AppController
from zapdesk.ui import theme
from zapdesk.ui.error_notice import ErrorNotice
from zapdesk.ui.instance_delegate import account_status_line, account_summary
from zapdesk.ui.instance_details import when
from zapdesk.ui.webhook_status import receiving_lines


class AccountPane(QWidget):
    sign_in_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, app: AppController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.account: AccountController | None = None
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.details = QLabel(self)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = ErrorNotice(self)  # the state, and why, with the server's words
        self.last_known = QLabel(self)
        self.last_known.setWordWrap(True)
        self.receiving = QLabel(self)
        self.receiving.setWordWrap(True)
        self.receiving.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receiving_warning = QLabel(self)
        self.receiving_warning.setWordWrap(True)
        app.receiver.health_changed.connect(self.refresh)
        self._quiet_timer = QTimer(self)  # "no events for N minutes" needs time to pass
        self._quiet_timer.setInterval(30_000)
        self._quiet_timer.timeout.connect(self.refresh)
        self.sign_in = QPushButton(self.tr("Sign in again…"), self)
        self.retry = QPushButton(self.tr("Retry now"), self)
        self.sign_out = QPushButton(self.tr("Sign out"), self)
        self.sign_in.clicked.connect(self.sign_in_requested)
        self.sign_out.clicked.connect(self.sign_out_requested)
        self.retry.clicked.connect(self._retry)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in)
        buttons.addWidget(self.retry)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_out)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        for widget in (self.title, self.summary, self.details, self.state, self.last_known,
                       self.receiving, self.receiving_warning):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_account(self, account: AccountController) -> None:
        if self.account is not None:
            self.account.changed.disconnect(self.refresh)
        self.account = account
        account.changed.connect(self.refresh)
        self._quiet_timer.start()
        self.refresh()

    def release(self) -> None:
        self._quiet_timer.stop()
        if self.account is not None:
            self.account.changed.disconnect(self.refresh)
            self.account = None

    def refresh(self) -> None:
        account = self.account
        if account is None:
            return
        translate = QCoreApplication.translate
        self.title.setText(account.name)
        self.summary.setText(account_summary(account))
        who = account.profile.email or translate("detail", "API key")
        details = translate("detail", "Server: {url}\nSigned in as: {who}").format(
            url=account.profile.base_url, who=who)
        if account.plan is None and account.profile.auth_mode == "api_key":
            details += "\n" + translate("detail", "Plan: not known (ZapFlare does not tell "
                                                   "API-key sign-ins which plan they are on)")
        self.details.setText(details)
        line = account_status_line(account) or translate("detail", "Up to date.")
        troubled = account.state in (AccountState.RETRYING, AccountState.SIGN_IN)
        if troubled and account.error is not None:
            self.state.show_error(account.error, line)  # the same details stay as they were
        else:
            self.state.show_text(line, warning=troubled)
        self.last_known.setVisible(account.stale)
        if account.stale and account.last_known is not None:
            self.last_known.setText(translate(
                "detail", "The instances listed are the last known ones, from {when}; they "
                          "are not current. zapdesk has not been able to ask the server "
                          "since.").format(when=when(account.last_known.saved_at)))
        self.sign_in.setVisible(account.state == AccountState.SIGN_IN and not account.demo)
        self.retry.setVisible(account.client is not None)  # without one, only sign-in helps
        self.sign_out.setText(translate("detail", "Stop the demo") if account.demo
                              else translate("detail", "Sign out"))
        info, warnings = receiving_lines(self.app, account)
        self.receiving.setText("\n".join(info))
        self.receiving_warning.setText("\n".join(warnings))
        self.receiving_warning.setStyleSheet(
            f"color: {theme.pick(theme.WARNING, self.palette()).name()}")
        self.receiving_warning.setVisible(bool(warnings))

    def _retry(self) -> None:
        if self.account is not None:
            self.account.refresh_now()
