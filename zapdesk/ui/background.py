"""zapdesk keeps receiving while its window is closed: with a system tray, closing the window
hides it (said once), and the tray's menu has Show and Quit. Starting on login (hidden in
the tray) is a checkbox in Preferences. Without a tray, closing quits as it always did."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from zapdesk.accounts.settings import SettingRefused, SettingsStore
from zapdesk.desktop.autostart import Autostart, launch_command
from zapdesk.ui.main_window import MainWindow, bring_to_front

if TYPE_CHECKING:
    from zapdesk.controller.app import AppController
    from zapdesk.ui.console import Console

log = logging.getLogger(__name__)


def remember(app: AppController, **changes: Any) -> None:
    """Keep a few settings in settings.json, and in the copy the Preferences window saves
    from (so saving preferences later does not put the old values back)."""
    preferences = app.preferences
    preferences.settings = replace(preferences.settings, **changes)
    try:
        SettingsStore(app.config_dir).update(**changes)
    except SettingRefused as exc:  # kept for this run only
        log.warning("not remembered (%s): %s", ", ".join(changes), exc)


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
        self.autostart = autostart if autostart is not None else \
            Autostart(launch_command(data_dir))
        # The desktop's tray is the one part no test machine has: tests pass their own.
        self.has_tray = has_tray if has_tray is not None else \
            (lambda: console.tray.tray is not None and tray_available())
        self.menu = QMenu(window)
        self.show_action = self.menu.addAction(translate("tray", "Show zapdesk"))
        self.show_action.triggered.connect(lambda: bring_to_front(window))
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(translate("tray", "Quit"))
        # The one way out: the main coroutine's quit path, as the menu bar's Quit.
        self.quit_action.triggered.connect(window.close_requested.emit)
        console.help.autostart = self.autostart  # the Preferences window's checkbox
        if console.tray.tray is not None:
            console.tray.tray.setContextMenu(self.menu)
        window.close_to_tray = self.close_to_tray

    def close_to_tray(self) -> bool:
        """The window is being closed: True keeps zapdesk running in the tray."""
        if not self.has_tray():
            return False
        if not self.console.app.preferences.settings.tray_hint_shown:
            remember(self.console.app, tray_hint_shown=True)
            from zapdesk.ui.attention import Notice

            translate = QCoreApplication.translate
            self.console.tray.notify(Notice(
                translate("tray", "zapdesk is still running"),
                translate("tray", "It keeps receiving messages in the tray. To quit, choose "
                                  "Quit in the tray icon's menu."), None))
        log.info("window closed: running in the tray")
        return True
