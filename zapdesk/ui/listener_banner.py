"""When zapdesk cannot receive messages: a banner that stays where the conversations would
be, with the reason in plain words and a way to pick another port (saved, applied now)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zapdesk.accounts import settings as rules
from zapdesk.controller.app import AppController
from zapdesk.controller.preferences import free_port
from zapdesk.core import errors
from zapdesk.ui import theme
from zapdesk.ui.dialogs import Field, FormDialog, Spawn
from zapdesk.ui.status import error_text

# (light theme, dark theme): a calm red behind text in the palette's own colour
BANNER_BACKGROUND = ("#fdecea", "#3c2322")


class ListenerBanner(QFrame):
    """Shown while the listener is off, hidden as soon as it runs (in place)."""

    def __init__(self, app: AppController, spawn: Spawn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        self.app = app
        self.spawn = spawn
        self.setObjectName("listenerBanner")
        self.title = QLabel(translate("banner", "Messages are not being received"), self)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setAccessibleName(self.title.text())
        self.button = QPushButton(translate("banner", "Choose another port…"), self)
        self.button.clicked.connect(self.choose_port)
        self.button.setAccessibleDescription(translate(
            "banner", "Pick the port zapdesk receives messages on; it is saved and used at "
                      "once"))
        self.dialog: PortDialog | None = None
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.reason)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(words, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(self.title.text())
        self._restyle()
        app.receiver.health_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        receiver = self.app.receiver
        failure = receiver.failure
        off = not receiver.listening and failure is not None
        if off:
            self.reason.setText(error_text(failure) if failure else receiver.error or "")
            self.setAccessibleDescription(self.reason.text())
            self.button.setVisible(isinstance(failure, errors.ListenerError))
        self.setVisible(off)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed while running
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        palette = QApplication.palette()  # the theme's, not the one this sheet changes
        sheet = (f"#listenerBanner {{ background: {theme.pick(BANNER_BACKGROUND, palette).name()};"
                 f" border: 1px solid {theme.pick(theme.WARNING, palette).name()};"
                 " border-radius: 6px; }")
        if sheet != self.styleSheet():  # setting it changes the palette: once is enough
            self.setStyleSheet(sheet)

    def choose_port(self) -> None:
        dialog = PortDialog(self.window(), self.app, self.spawn)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()  # never exec(): the loop keeps running


class PortDialog(FormDialog):
    """One field: the port. OK moves the listener there and saves it; a port that cannot
    be had is said in the dialog, which stays open."""

    def __init__(self, parent: QWidget | None, app: AppController, spawn: Spawn) -> None:
        super().__init__(parent, spawn, self.tr("Receive messages on another port"),
                         self.tr("Use this port"))
        self.app = app
        host = app.receiver.listener.host
        self.port = Field(self, lambda text: rules.whole(_number(text), "listen_port",
                                                         1, 65535))
        self.port.edit.setText(str(free_port(host)))
        self.port.edit.setAccessibleName(self.tr("Port"))
        explain = QLabel(self.tr(
            "zapdesk receives messages from ZapFlare on this computer, at {host}, on the port "
            "you choose. It is saved, and your instances are told the new address.")
            .format(host=host), self)
        explain.setWordWrap(True)
        self.form.addRow(explain)
        self.form.addRow(self.tr("Port"), self.port)
        self.port.edit.textChanged.connect(self.revalidate)
        self.port.edit.selectAll()
        self.revalidate()

    def is_valid(self) -> bool:
        return self.port.validate(quiet_when_empty=False)

    async def run(self) -> None:
        preferences = self.app.preferences
        listener = self.app.receiver.listener
        await preferences.apply(replace(preferences.settings, listen_host=listener.host,
                                        listen_port=int(self.port.text().strip()),
                                        public_base_url=listener.public_base_url))


def _number(text: str) -> object:
    """The typed text as a number when it is one, else as typed (for the message)."""
    stripped = text.strip()
    return int(stripped) if stripped.isdigit() else stripped
