"""Preferences (Ctrl+,) in the Account menu, the Help menu (shortcuts, the log and data
folders, the user guide, About), and what the window does when preferences change or
when settings.json had values it had to refuse."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from zapdesk.accounts.settings import Settings
from zapdesk.desktop.autostart import Autostart
from zapdesk.ui.about import AboutDialog
from zapdesk.ui.folders import open_folder
from zapdesk.ui.preferences import PreferencesDialog, apply_now
from zapdesk.ui.quick_reply_manager import QuickReplyManager
from zapdesk.ui.status import error_text
from zapdesk.ui.user_guide import UserGuideDialog

if TYPE_CHECKING:
    from zapdesk.ui.console import Console


class HelpMenu:
    def __init__(self, console: Console) -> None:
        self.console = console
        translate = QCoreApplication.translate
        window = console.window
        self.dialogs: dict[str, QDialog] = {}  # one of each at a time
        self.autostart: Autostart | None = None  # start on login, where the app offers it
        self.quick_replies_action = self._action(translate("help", "&Quick replies…"),
                                                 self.open_quick_replies)
        self._put_before_quit(self.quick_replies_action)
        self.preferences_action = self._action(translate("help", "&Preferences…"),
                                               self.open_preferences)
        console.keys.keyboard.bind("preferences", self.open_preferences)  # Ctrl+, anywhere
        console.keys.keyboard.show_in_menu(self.preferences_action, "preferences")
        self._put_before_quit(self.preferences_action)
        console.chat_page.view.save_as_quick_reply.connect(self.save_as_quick_reply)
        self.menu = QMenu(translate("help", "&Help"), window)
        window.menuBar().addMenu(self.menu)
        self.menu.addAction(console.keys.shortcuts_action)  # the cheat sheet (F1, Ctrl+/)
        self.menu.addSeparator()
        self.guide_action = self._action(translate("help", "User &guide"), self.open_guide)
        self.menu.addAction(self.guide_action)
        self.logs_action = self._action(translate("help", "Open the &log folder"),
                                        lambda: open_folder(self.log_dir()))
        self.data_action = self._action(translate("help", "Open the &data folder"),
                                        lambda: open_folder(console.app.data_dir))
        self.menu.addAction(self.logs_action)
        self.menu.addAction(self.data_action)
        self.menu.addSeparator()
        self.about_action = self._action(translate("help", "&About zapdesk"), self.open_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.menu.addAction(self.about_action)
        console.app.preferences.changed.connect(self.preferences_changed)
        self.ignored_box: QMessageBox | None = None
        if console.app.preferences.ignored:
            self.say_ignored()

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.console.window)
        action.triggered.connect(slot)
        return action

    def _put_before_quit(self, action: QAction) -> None:
        """Into the first menu (Account), above its last group (Quit)."""
        bar_actions = self.console.window.menuBar().actions()
        menu = bar_actions[0].menu() if bar_actions else None
        if not isinstance(menu, QMenu):
            self.console.window.addAction(action)
            return
        separators = [a for a in menu.actions() if a.isSeparator()]
        if separators:
            menu.insertAction(separators[-1], action)
        else:
            menu.addAction(action)

    def log_dir(self) -> Path:
        logged = self.console.window.property("log_path")
        return Path(logged).parent if logged else self.console.app.data_dir / "logs"

    def _raise(self, key: str) -> bool:
        """Bring the dialog already open for ``key`` to the front; False when none is."""
        existing = self.dialogs.get(key)
        if existing is None:
            return False
        existing.raise_()
        existing.activateWindow()
        return True

    def _open(self, key: str, dialog: QDialog) -> None:
        self.dialogs[key] = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self.dialogs.pop(key, None))
        dialog.open()  # never exec(): a nested loop would stall the other tasks

    def save_as_quick_reply(self, text: str) -> None:
        """A message's text in the manager as a new quick reply, to name and save."""
        self.open_quick_replies()
        dialog = self.dialogs.get("quick_replies")
        if isinstance(dialog, QuickReplyManager):
            dialog.new(body=text)

    def open_quick_replies(self) -> None:
        """The manager for the selected account (else the first one)."""
        console = self.console
        account = console.selection()[0] or next(iter(console.app.accounts), None)
        if account is None:
            console.window.statusBar().showMessage(QCoreApplication.translate(
                "help", "Sign in or try the demo first: quick replies belong to an account."))
            return
        if self._raise("quick_replies"):
            existing = self.dialogs["quick_replies"]
            if getattr(existing, "account_id", None) == account.profile.id:
                return
            existing.close()
        dialog = QuickReplyManager(console.window, console.spawn,
                                   console.conversations.quick_replies, account.profile.id,
                                   account.profile.display_name)
        self.dialogs["quick_replies"] = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self.dialogs.pop("quick_replies", None))
        dialog.show()  # not modal: the chat stays usable beside it

    def open_preferences(self) -> None:
        console = self.console
        if not self._raise("preferences"):
            self._open("preferences", PreferencesDialog(console.window, console.app,
                                                        console.spawn,
                                                        autostart=self.autostart))

    def open_about(self) -> None:
        app = self.console.app
        if not self._raise("about"):
            self._open("about", AboutDialog(self.console.window, data_dir=app.data_dir,
                                            log_dir=self.log_dir(),
                                            settings_dir=app.config_dir))

    def open_guide(self) -> None:
        if not self._raise("guide"):
            self._open("guide", UserGuideDialog(self.console.window))

    def preferences_changed(self, settings: Settings) -> None:
        apply_now(settings, self.console.attention)
        self.console.window.statusBar().showMessage(
            QCoreApplication.translate("help", "Preferences saved."), 5000)

    def say_ignored(self) -> None:
        """settings.json had values that were refused: which, why, and what is used."""
        translate = QCoreApplication.translate
        app = self.console.app
        lines = [translate("help", "• {setting}: {reason}").format(
            setting=problem.field, reason=error_text(problem))
            for problem in app.preferences.ignored]
        box = QMessageBox(
            QMessageBox.Icon.Warning, translate("help", "Some settings were ignored"),
            translate("help", "zapdesk uses the default for each setting below, because its "
                              "value in {path} cannot be used:\n\n{lines}\n\nSaving the "
                              "Preferences writes a corrected file.").format(
                path=app.preferences.store.path, lines="\n".join(lines)),
            QMessageBox.StandardButton.Close, self.console.window)
        open_button = box.addButton(translate("help", "Open Preferences…"),
                                    QMessageBox.ButtonRole.ActionRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_code: int) -> None:
            if box.clickedButton() is open_button:
                self.open_preferences()
            self.ignored_box = None

        box.finished.connect(answered)
        self.ignored_box = box
        box.open()
