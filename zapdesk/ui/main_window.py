"""The main window's frame. It imports only Qt, so it can be painted at once; the console
(which pulls in httpx, keyring, aiohttp) is attached after the first paint."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from zapdesk.ui.console import Console


def bring_to_front(window: QWidget) -> None:
    """Shown, un-minimised (a maximised window stays maximised), raised, focused."""
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState((state & ~Qt.WindowState.WindowMinimized)
                              | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


class LoadingPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Loading your accounts…"), self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QProgressBar(self)
        bar.setRange(0, 0)  # busy, with no known end
        bar.setMaximumWidth(320)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    close_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("zapdesk"))
        self.resize(1180, 760)
        self.pages = QStackedWidget(self)
        self.loading = LoadingPage(self.pages)
        self.pages.addWidget(self.loading)
        self.setCentralWidget(self.pages)
        self.console: Console | None = None
        # Asked when the window is closed: True keeps zapdesk running in the tray.
        self.close_to_tray: Callable[[], bool] | None = None

    def closeEvent(self, event: QCloseEvent) -> None:
        # Quitting goes through one path (the main coroutine), never straight to app.quit().
        event.ignore()
        if self.close_to_tray is not None and self.close_to_tray():
            self.hide()
            return
        self.close_requested.emit()
