"""The right-hand side: an instance's details, actions and connection, or an account's."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zapdesk.controller.account import AccountController, AccountState
from zapdesk.controller.app import AppController
from zapdesk.controller.watcher import InstanceWatcher, QrPhase
from zapdesk.core import errors
from zapdesk.core.models import Instance, Status
from zapdesk.core.phone import format_phone
from zapdesk.ui import theme
from zapdesk.ui.instance_delegate import account_status_line, account_summary
from zapdesk.ui.instance_details import InstanceDetails
from zapdesk.ui.qr_widget import QrPanel
from zapdesk.ui.status import disconnected_words, error_text, status_word
from zapdesk.ui.webhook_status import receiving_lines

AVATAR = 56


def avatar_pixmap(name: str, colour: QColor, picture: bytes | None) -> QPixmap:
    pixmap = QPixmap(AVATAR, AVATAR)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    image = QImage.fromData(picture) if picture else QImage()
    if not image.isNull():
        scaled = image.scaled(AVATAR, AVATAR, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                              Qt.TransformationMode.SmoothTransformation)
        painter.setBrush(scaled)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(0, 0, AVATAR, AVATAR)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(0, 0, AVATAR, AVATAR)
        font = QFont()
        font.setPixelSize(AVATAR // 2)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, (name[:1] or "?").upper())
    painter.end()
    return pixmap


class Card(QFrame):
    """A framed message with an optional action, for the non-QR connection states."""

    def __init__(self, parent: QWidget, button_text: str | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.button = QPushButton(button_text or "", self)
        self.button.setVisible(button_text is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def set(self, title: str, body: str, colour: QColor | None = None) -> None:
        self.title.setText(title)
        self.title.setStyleSheet(f"color: {colour.name()}" if colour else "")
        self.body.setText(body)


class OnePage(QWidget):
    """Shows one of its pages. Unlike QStackedWidget, hidden pages take no room, so a short
    card is never stretched to the tallest page's height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:
        self._pages.append(page)
        self._layout.addWidget(page)
        page.setVisible(self._current is None)
        self._current = self._current or page

    def currentWidget(self) -> QWidget | None:
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:
        if page is self._current:
            return
        self._current = page
        for candidate in self._pages:
            candidate.setVisible(candidate is page)


class InstancePane(QScrollArea):
    edit_requested = Signal()
    delete_requested = Signal()

    def __init__(self, app: AppController, parent: QWidget | None = None, *,
                 poll_interval: float = 2.5) -> None:
        super().__init__(parent)
        self.app = app
        self.poll_interval = poll_interval
        self.account: AccountController | None = None
        self.watcher: InstanceWatcher | None = None
        self._pictures: dict[str, bytes] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        # header
        self.avatar = QLabel(body)
        self.avatar.setFixedSize(AVATAR, AVATAR)
        self.title = QLabel(body)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(body)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.status)
        header = QHBoxLayout()
        header.addWidget(self.avatar)
        header.addLayout(heading, 1)
        # actions
        self.edit_button = QPushButton(self.tr("Edit…"), body)
        self.disconnect_button = QPushButton(self.tr("Disconnect"), body)
        self.delete_button = QPushButton(self.tr("Delete…"), body)
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.disconnect_button.clicked.connect(self._disconnect)
        actions = QHBoxLayout()
        # Linking again is offered once, where the connection is shown (QR or card).
        for button in (self.edit_button, self.disconnect_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        self.message = QLabel(body)
        self.message.setWordWrap(True)
        self.message.hide()
        # connection area
        self.qr = QrPanel(body)
        self.qr.regenerate_requested.connect(self._regenerate)
        self.connected = Card(body)
        self.disconnected = Card(body, self.tr("Generate new QR code"))
        self.disconnected.button.clicked.connect(self._regenerate)
        self.banned = Card(body)
        self.unknown = Card(body)
        self.connection = OnePage(body)
        for page in (self.qr, self.connected, self.disconnected, self.banned, self.unknown):
            self.connection.addWidget(page)
        # details: plain words first, the plumbing under "Advanced"
        self.details = InstanceDetails(app, self._spawn, body)
        self.fields, self.webhook = self.details.fields, self.details.webhook
        self.copy_id = self.details.copy_id
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.connection)
        layout.addWidget(self.details)
        layout.addStretch(1)

    # ---- following the instance ---------------------------------------------------------
    @property
    def instance(self) -> Instance | None:
        return self.watcher.instance if self.watcher else None

    async def show_instance(self, account: AccountController, instance: Instance) -> None:
        if self.watcher is not None and self.watcher.instance.id == instance.id \
                and self.account is account:
            return
        await self.release()
        self.account = account
        self.message.hide()
        self.watcher = InstanceWatcher(account, instance, poll_interval=self.poll_interval,
                                       clock=self.app.clock)
        self.watcher.changed.connect(self.refresh)
        self.qr.watch(self.watcher)
        self.watcher.start()
        self.refresh()

    async def release(self) -> None:
        """Stop following the current instance (its polling stops with it)."""
        if self.watcher is not None:
            watcher, self.watcher = self.watcher, None
            watcher.changed.disconnect(self.refresh)
            self.qr.watch(None)
            await watcher.stop()
        self.account = None

    def refresh(self) -> None:
        inst = self.instance
        if inst is None:
            return
        translate = QCoreApplication.translate
        colour = theme.status_color(inst.status, self.palette())
        self.avatar.setPixmap(avatar_pixmap(inst.name, colour,
                                            self._pictures.get(inst.profile_pic_url or "")))
        self.title.setText(inst.name)
        self.status.setText(f"● {status_word(inst.status)}")
        self.status.setStyleSheet(f"color: {colour.name()}; font-weight: bold")
        self.details.show_instance(self.account, inst)
        status = inst.known_status
        in_series = self.watcher is not None and self.watcher.qr_view().phase != QrPhase.NONE
        self.disconnect_button.setEnabled(status in (Status.CONNECTED, Status.QR,
                                                     Status.CREATED))
        self.disconnect_button.setVisible(status != Status.BANNED)
        if status in (Status.CREATED, Status.QR) or (status == Status.DISCONNECTED
                                                       and in_series):
            self.connection.setCurrentWidget(self.qr)
        elif status == Status.CONNECTED:
            self.connected.set(
                translate("detail", "Connected as {phone}").format(
                    phone=format_phone(inst.phone) if inst.phone
                    else translate("detail", "(no number)")),
                translate("detail", "This instance is linked to WhatsApp and ready to send "
                                    "and receive messages."),
                theme.status_color("connected", self.palette()))
            self.connection.setCurrentWidget(self.connected)
        elif status == Status.DISCONNECTED:
            linked = self.watcher is not None and self.watcher.linked_before
            self.disconnected.set(*disconnected_words(inst, linked),
                                  theme.status_color("disconnected", self.palette()))
            self.connection.setCurrentWidget(self.disconnected)
        elif status == Status.BANNED:
            self.banned.set(
                translate("detail", "This number is banned by WhatsApp"),
                translate("detail", "It cannot be connected and cannot send messages. "
                                    "Contact WhatsApp support about the number, or delete "
                                    "this instance."),
                theme.pick(theme.WARNING, self.palette()))
            self.connection.setCurrentWidget(self.banned)
        else:
            self.unknown.set(
                translate("detail", "Status: {status}").format(status=inst.status),
                translate("detail", "The server reported a status zapdesk does not know. It "
                                    "is shown as it was sent; the other actions stay "
                                    "available."))
            self.connection.setCurrentWidget(self.unknown)
        if inst.profile_pic_url and inst.profile_pic_url not in self._pictures:
            self._pictures[inst.profile_pic_url] = b""  # ask once
            self._spawn(self._load_picture(inst.profile_pic_url))

    # ---- actions -------------------------------------------------------------------------
    def _spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[Any]:
        return self.app.tasks.spawn(self._reporting(coro))

    async def _reporting(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            await coro
        except errors.ZapdeskError as exc:
            self.show_message(error_text(exc))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {theme.pick(theme.WARNING, self.palette()).name()}")
        self.message.setVisible(bool(text))

    async def _load_picture(self, url: str) -> None:
        if self.account is None:
            return
        try:
            self._pictures[url] = await self.account.picture(url)
        except errors.ZapdeskError:
            return  # the initials stay; a missing picture is not worth a message
        self.refresh()

    def _disconnect(self) -> None:
        if self.account is not None and self.instance is not None:
            self.message.hide()
            self._spawn(self.account.disconnect_instance(self.instance.id))

    def _regenerate(self) -> None:
        if self.watcher is not None:
            self.message.hide()
            self._spawn(self.watcher.regenerate())


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
        self.state = QLabel(self)
        self.state.setWordWrap(True)
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
        for widget in (self.title, self.summary, self.details, self.state, self.receiving,
                       self.receiving_warning):
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
        self.details.setText(translate("detail", "Server: {url}\nSigned in as: {who}").format(
            url=account.profile.base_url, who=who))
        self.state.setText(account_status_line(account) or translate("detail", "Up to date."))
        self.state.setStyleSheet(
            f"color: {theme.pick(theme.WARNING, self.palette()).name()}"
            if account.state in (AccountState.RETRYING, AccountState.SIGN_IN) else "")
        self.sign_in.setVisible(account.state == AccountState.SIGN_IN and not account.demo)
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
