"""zapdesk keeps receiving while its window is closed: with a system tray, closing the window
hides it (said once), the tray's menu has Show and Quit, and the operator may have zapdesk
start on login, hidden in the tray. Without a tray, closing quits as it always did."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QSystemTrayIcon

from zapdesk.accounts.settings import SettingsStore
from zapdesk.desktop.autostart import Autostart, launch_command
from zapdesk.ui.main_window import MainWindow, bring_to_front

if TYPE_CHECKING:
    from zapdesk.ui.console import Console

log = logging.getLogger(__name__)


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Background(QObject):
    def __init__(self, window: MainWindow, console: Console, data_dir: Path | None, *,
                 autostart: Autostart | None = None,
                 has_tray: Callable[[], bool] | None = None) -> None:
        super().__init__(window)
        translate = QCoreApplication.translate
        self.window = window
        self.console = console
        self.settings = SettingsStore(console.app.config_dir)
        self.autostart = autostart if autostart is not None else \
            Autostart(launch_command(data_dir))
        # The desktop's tray is the one part no test machine has: tests pass their own.
        self.has_tray = has_tray if has_tray is not None else \
            (lambda: console.tray.tray is not None and tray_available())
        self.menu = QMenu(window)
        self.show_action = self.menu.addAction(translate("tray", "Show zapdesk"))
        self.show_action.triggered.connect(lambda: bring_to_front(window))
        self.start_on_login = QAction(
            translate("tray", "Start on login, in the tray"), window)
        self.start_on_login.setCheckable(True)
        self.start_on_login.setChecked(self.autostart.enabled())
        self.start_on_login.setToolTip(translate(
            "tray", "Start zapdesk when you log in to this computer, hidden in the tray, so "
                    "it receives messages from the start"))
        self.start_on_login.toggled.connect(self._set_start_on_login)
        self.menu.addAction(self.start_on_login)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(translate("tray", "Quit"))
        # The one way out: the main coroutine's quit path, as the menu bar's Quit.
        self.quit_action.triggered.connect(window.close_requested.emit)
        self._offer_in_menu_bar()
        if console.tray.tray is not None:
            console.tray.tray.setContextMenu(self.menu)
        window.close_to_tray = self.close_to_tray
        self.problem: QMessageBox | None = None

    def _offer_in_menu_bar(self) -> None:
        """Start on login also in the window's first menu, just above Quit."""
        menus = [m for m in (a.menu() for a in self.window.menuBar().actions())
                 if isinstance(m, QMenu)]
        if not menus:
            return
        separators = [a for a in menus[0].actions() if a.isSeparator()]
        if separators:
            menus[0].insertAction(separators[-1], self.start_on_login)
        else:
            menus[0].addAction(self.start_on_login)

    def close_to_tray(self) -> bool:
        """The window is being closed: True keeps zapdesk running in the tray."""
        if not self.has_tray():
            return False
        try:
            told = self.settings.load().tray_hint_shown
            if not told:
                self.settings.update(tray_hint_shown=True)
        except OSError as exc:  # unsaved: said again next time, which is harmless
            log.warning("could not remember that the tray was explained: %s", exc)
            told = False
        if not told:
            from zapdesk.ui.attention import Notice

            translate = QCoreApplication.translate
            self.console.tray.notify(Notice(
                translate("tray", "zapdesk is still running"),
                translate("tray", "It keeps receiving messages in the tray. To quit, choose "
                                  "Quit in the tray icon's menu."), None))
        log.info("window closed: running in the tray")
        return True

    def _set_start_on_login(self, on: bool) -> None:
        try:
            self.autostart.set_enabled(on)
        except OSError as exc:
            log.warning("start on login not changed: %s", exc)
            self.start_on_login.blockSignals(True)
            self.start_on_login.setChecked(not on)
            self.start_on_login.blockSignals(False)
            translate = QCoreApplication.translate
            box = QMessageBox(QMessageBox.Icon.Warning,
                              translate("tray", "Start on login"),
                              translate("tray", "zapdesk could not change whether it starts "
                                                "on login: {reason}").format(reason=exc),
                              QMessageBox.StandardButton.Close, self.window)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.problem = box
            box.open()
            return
        log.info("start on login %s (%s)", "on" if on else "off",
                 self.autostart.path or "Run key")
