"""The main window. For now it only shows where the demo server runs; the console
(instances, QR, chats) replaces this placeholder in the next issues."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget


class MainWindow(QMainWindow):
    close_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("zapdesk"))
        self.resize(960, 640)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = QLabel(self.tr("Starting…"), body)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.headline.setFont(font)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = QLabel(body)
        self.details.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        self.setCentralWidget(body)

    def show_sandbox(self, url: str, email: str, password: str) -> None:
        self.headline.setText(self.tr("Demo mode: a local ZapFlare sandbox is running"))
        self.details.setText(
            self.tr("Server: {url}\nDemo login: {email} / {password}\n\n"
                    "The instance console arrives in the next version.")
            .format(url=url, email=email, password=password))

    def show_error(self, message: str) -> None:
        self.headline.setText(self.tr("zapdesk could not start"))
        self.details.setText(message)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Quitting goes through one path (the main coroutine), never straight to app.quit().
        event.ignore()
        self.close_requested.emit()
