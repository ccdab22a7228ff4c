"""Links given on the command line or handed over by a later launch: each opens the
composer with its number and text on the instance the operator picks. Nothing is sent.

Created before the console exists (the window shows first), so it only imports Qt; the
links wait until the accounts have loaded."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent, QTextCursor
from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon

from zapdesk.ui.main_window import MainWindow, bring_to_front

if TYPE_CHECKING:
    from zapdesk.core.links import Link
    from zapdesk.ui.console import Console
    from zapdesk.ui.instance_picker import Choice, InstancePicker

log = logging.getLogger(__name__)
WAIT_MS = 250  # how often a waiting link looks whether the accounts have loaded


class LinkOpener(QObject):
    def __init__(self, window: MainWindow, links: list[str]) -> None:
        super().__init__(window)
        self.window = window
        self.pending: list[str] = list(links)
        self.console: Console | None = None
        self.picker: InstancePicker | None = None
        self.problem: QMessageBox | None = None
        self._said_waiting = False
        self._timer = QTimer(self)
        self._timer.setInterval(WAIT_MS)
        self._timer.timeout.connect(self.next)
        # macOS gives a clicked link to the running app as an event, not as an argument.
        # (Filtering the application sees every event: only where that event exists.)
        app = QCoreApplication.instance()
        if app is not None and sys.platform == "darwin":
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.type() == QEvent.Type.FileOpen \
                and not event.url().isLocalFile():
            self.handed_over([event.url().toString()])
            return True
        return super().eventFilter(watched, event)

    def show_window(self, *, hidden: bool) -> None:
        """At start: shown, or (started on login) only in the tray, or minimised where
        there is no tray. A link always shows the window."""
        if not hidden or self.pending:
            self.window.show()
        elif not QSystemTrayIcon.isSystemTrayAvailable():
            self.window.showMinimized()

    def handed_over(self, links: list[str]) -> None:
        """A later launch: come forward, and open what it was given."""
        bring_to_front(self.window)
        self.pending.extend(links)
        self.next()

    def attach(self, console: Console) -> None:
        self.console = console
        console.app.accounts_changed.connect(self.next)
        self.next()

    # ---- one link at a time ------------------------------------------------------------
    def next(self) -> None:
        console = self.console
        if console is None or self.picker is not None:
            return
        from zapdesk.core.errors import InvalidLink
        from zapdesk.core.links import parse_link
        from zapdesk.ui.status import error_text

        while self.pending:
            try:
                link = parse_link(self.pending[0])
            except InvalidLink as exc:
                self.pending.pop(0)
                log.info("link refused: %s", exc)
                self._refuse(error_text(exc))
                continue
            if not self._ready(console):
                self._timer.start()
                return
            self._timer.stop()
            self.pending.pop(0)
            choices = self._choices(console)
            if not choices:
                self._refuse(QCoreApplication.translate(
                    "links", "No instance is connected, so none can write to this number. "
                             "Connect one (Details), then open the link again."))
                continue
            self._pick(console, link, choices)
            return
        self._timer.stop()

    def _ready(self, console: Console) -> bool:
        if console.app.loading or console.starting_demo or not console.loaded():
            return False
        if not console.app.accounts:
            if not self._said_waiting:
                self._said_waiting = True
                console.notify(QCoreApplication.translate(
                    "links", "The link opens once you sign in or start the demo."))
            return False
        return True

    @staticmethod
    def _choices(console: Console) -> list[Choice]:
        from zapdesk.core.models import Status
        from zapdesk.ui.instance_picker import Choice

        return [Choice(account, instance) for account in console.app.accounts
                for instance in account.instances
                if instance.known_status == Status.CONNECTED]

    def _pick(self, console: Console, link: Link, choices: list[Choice]) -> None:
        from zapdesk.ui.background import remember
        from zapdesk.ui.instance_picker import InstancePicker

        picker = InstancePicker(self.window, link.phone, link.text, choices,
                                console.app.preferences.settings.link_instance)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.picker = picker
        log.info("a link to %s waits for an instance to be picked", link.phone)

        def finished(result: int) -> None:
            chosen = picker.chosen() if result == picker.DialogCode.Accepted else None
            self.picker = None
            if chosen is not None:
                remember(console.app, link_instance=chosen.key)
                self._compose(console, chosen, link)
            self.next()

        picker.finished.connect(finished)
        bring_to_front(self.window)
        picker.open()  # never exec(): the loop keeps running

    def _compose(self, console: Console, chosen: Choice, link: Link) -> None:
        from zapdesk.core.phone import format_phone

        account, instance = chosen.account, chosen.instance
        if account not in console.app.accounts or account.instance(instance.id) is None:
            self._refuse(QCoreApplication.translate(
                "links", "That instance is no longer listed; open the link again."))
            return
        console.select(account, instance.id)
        page = console.chat_page
        if page.instance is None or page.instance.id != instance.id:
            console.filter.clear()  # the filter was hiding it
            console.select(account, instance.id)
        console.instance_tabs.setCurrentWidget(page)
        page.new_conversation()
        composer = page.composer
        composer.recipient.edit.setText(format_phone(link.phone))
        typed = composer.edit.toPlainText()
        if link.text and link.text != typed:
            # A draft already in the box stays; the link's text goes under it.
            composer.edit.setPlainText(f"{typed.rstrip()}\n{link.text}" if typed.strip()
                                       else link.text)
        composer.edit.moveCursor(QTextCursor.MoveOperation.End)
        composer.edit.setFocus()
        log.info("the composer of %s/%s holds a link's number", account.profile.id,
                 instance.id)

    def _refuse(self, text: str) -> None:
        bring_to_front(self.window)
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("links", "This link cannot be opened"),
                          text, QMessageBox.StandardButton.Close, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.problem = box
        box.open()
