"""The right-hand side: an instance's details, actions and connection, or an account's."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
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

from zapdesk.controller.account import AccountController
from zapdesk.controller.app import AppController
from zapdesk.controller.watcher import InstanceWatcher, QrPhase
from zapdesk.core import errors
from zapdesk.core.models import Instance, Status
from zapdesk.core.phone import format_phone
from zapdesk.ui import theme
from zapdesk.ui.error_notice import ErrorNotice
from zapdesk.ui.instance_details import InstanceDetails
from zapdesk.ui.qr_widget import QrPanel
from zapdesk.ui.status import disconnected_words, status_word

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
    disconnect_requested = Signal()  # asked first: only the phone can link the number again

    def __init__(self, app: AppController, parent: QWidget | None = None, *,
                 poll_interval: float = 2.5) -> None:
        super().__init__(parent)
        self.app = app
        self.poll_interval = poll_interval
        self.account: AccountController | None = None
        self.watcher: InstanceWatcher | None = None
        self._stopping: set[asyncio.Task[None]] = set()  # released watchers still ending
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
        self.disconnect_button.clicked.connect(self.disconnect_requested)
        actions = QHBoxLayout()
        # Linking again is offered once, where the connection is shown (QR or card).
        for button in (self.edit_button, self.disconnect_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        self.message = ErrorNotice(body)  # what an action's failure was, with its details
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
        account.changed.connect(self.refresh)  # e.g. its list becomes current
        self.message.clear()
        self.watcher = InstanceWatcher(account, instance, poll_interval=self.poll_interval,
                                       clock=self.app.clock)
        self.watcher.changed.connect(self.refresh)
        self.qr.watch(self.watcher)
        self.watcher.start()
        self.refresh()

    async def release(self) -> None:
        """Stop following the current instance (its polling stops with it). A second call
        while the first still waits for the polling to end waits for it too, so that
        quitting right after a deselection never closes the client under a poll."""
        if self.watcher is not None:
            watcher, self.watcher = self.watcher, None
            watcher.changed.disconnect(self.refresh)
            self.qr.watch(None)
            stop = asyncio.get_running_loop().create_task(watcher.stop())
            self._stopping.add(stop)
            stop.add_done_callback(self._stopping.discard)
        # One released a moment ago (say, by a delete) may still be polling: a release at
        # quit waits for it too, or it would ask a client that is about to be closed.
        for stopping in list(self._stopping):
            await asyncio.shield(stopping)
        if self.account is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # gone with its account
                self.account.changed.disconnect(self.refresh)
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
        stale = self.account is not None and self.account.stale
        self.disconnect_button.setEnabled(not stale and status in (
            Status.CONNECTED, Status.QR, Status.CREATED))
        self.disconnect_button.setVisible(status != Status.BANNED)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(not stale)
        if self.message.error is None:
            self.message.clear()  # a failure stays until the next action
        if stale:  # no live QR or state: what the server said last time, greyed
            muted = self.palette().color(self.foregroundRole())
            muted.setAlphaF(0.6)
            self.status.setStyleSheet(f"color: {muted.name(QColor.NameFormat.HexArgb)}")
            self.unknown.set(
                translate("detail", "Last known: {status}").format(
                    status=status_word(inst.status)),
                translate("detail", "Last known, not current: zapdesk cannot ask the server "
                                    "about this instance now. Select its account to sign in "
                                    "again."))
            self.connection.setCurrentWidget(self.unknown)
        elif status in (Status.CREATED, Status.QR) or (status == Status.DISCONNECTED
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
            self.message.show_error(exc)

    async def _load_picture(self, url: str) -> None:
        if self.account is None:
            return
        try:
            self._pictures[url] = await self.account.picture(url)
        except errors.ZapdeskError:
            return  # the initials stay; a missing picture is not worth a message
        self.refresh()

    def _regenerate(self) -> None:
        if self.watcher is not None:
            self.message.clear()
            self._spawn(self.watcher.regenerate())
