"""The console: welcome screen, the instance list with its filter, the detail pane, menus.

It talks only to the controller layer; every request runs as a task on the loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from zapdesk.controller.account import AccountController, AccountState
from zapdesk.controller.app import AppController
from zapdesk.controller.conversations import Conversations
from zapdesk.core.models import Instance, Status
from zapdesk.ui import console_keys
from zapdesk.ui.account_pane import AccountPane
from zapdesk.ui.attention import Attention, TrayNotifier
from zapdesk.ui.chat_page import ChatPage
from zapdesk.ui.console_names import name_console
from zapdesk.ui.detail_pane import InstancePane
from zapdesk.ui.dialogs import DeleteDialog, InstanceDialog, SignInDialog
from zapdesk.ui.disconnect_dialog import DisconnectDialog
from zapdesk.ui.help_menu import HelpMenu
from zapdesk.ui.instance_delegate import InstanceDelegate
from zapdesk.ui.instance_model import InstanceFilter, InstanceTreeModel, Role
from zapdesk.ui.main_window import MainWindow
from zapdesk.ui.panes import Panes


class WelcomePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to zapdesk"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr(
            "Manage every WhatsApp number of your ZapFlare accounts in one window: see their "
            "status live, connect new numbers with a QR code, and answer conversations."), self)
        intro.setWordWrap(True)
        self.sign_in = QPushButton(self.tr("Sign in to ZapFlare"), self)
        self.demo = QPushButton(self.tr("Try the demo"), self)
        for button in (self.sign_in, self.demo):
            button.setMinimumHeight(44)
            button.setMinimumWidth(220)
        self.sign_in.setDefault(True)
        demo_note = QLabel(self.tr(
            "The demo runs a built-in ZapFlare sandbox on this computer, with simulated "
            "phones and contacts. No account needed; nothing leaves this machine."), self)
        demo_note.setWordWrap(True)
        small = QFont(demo_note.font())
        small.setPointSizeF(small.pointSizeF() * 0.92)
        demo_note.setFont(small)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in)
        buttons.addSpacing(12)
        buttons.addWidget(self.demo)
        buttons.addStretch(1)
        # A fixed-width column: wrapped labels get their full height only when their width
        # is known, which per-item alignment in the outer layout would take away.
        column = QWidget(self)
        column.setMaximumWidth(600)
        inner = QVBoxLayout(column)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(24)
        inner.addLayout(buttons)
        inner.addSpacing(12)
        inner.addWidget(demo_note)
        inner.addWidget(self.problem)
        for label in (title, intro, demo_note, self.problem):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)


class Console:
    """Builds the console into ``window`` and wires it to ``app``."""

    def __init__(self, window: MainWindow, app: AppController, *,
                 poll_interval: float = 2.5) -> None:
        self.window = window
        self.app = app
        self.starting_demo = False
        translate = QCoreApplication.translate
        # pages
        self.welcome = WelcomePage(window.pages)
        self.welcome.sign_in.clicked.connect(self.open_sign_in)
        self.welcome.demo.clicked.connect(self.start_demo)
        self.page = QWidget(window.pages)
        window.pages.addWidget(self.welcome)
        window.pages.addWidget(self.page)
        # the list
        self.model = InstanceTreeModel(app, self.page)
        # Before the filter connects: its slot would already move the selection away.
        self.model.rowsAboutToBeRemoved.connect(self._rows_going)
        self.filter_model = InstanceFilter(self.page)
        self.filter_model.setSourceModel(self.model)
        self.filter = QLineEdit(self.page)
        self.filter.setPlaceholderText(
            translate("console", "Filter by name, number or status (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.tree = QTreeView(self.page)
        self.tree.setModel(self.filter_model)
        self.tree.setItemDelegate(InstanceDelegate(self.tree))
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(translate("console", "Instances of every account"))
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        for signal in (self.filter_model.rowsInserted, self.filter_model.modelReset,
                       self.filter_model.layoutChanged):
            signal.connect(self.tree.expandAll)
        self.new_button = QPushButton(translate("console", "New instance"), self.page)
        self.new_button.clicked.connect(self.open_create)
        left = QWidget(self.page)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        self.filter_row = QHBoxLayout()
        self.filter_row.addWidget(self.filter, 1)
        left_layout.addLayout(self.filter_row)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.new_button)
        # the right side
        self.placeholder = QLabel(translate("console", "Select an instance to see its details."),
                                  self.page)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.instance_pane = InstancePane(app, self.page, poll_interval=poll_interval)
        self.instance_pane.edit_requested.connect(self.open_edit)
        self.instance_pane.delete_requested.connect(self.open_delete)
        self.instance_pane.disconnect_requested.connect(self.open_disconnect)
        self.conversations = Conversations(app)
        self.chat_page = ChatPage(self.conversations, self.spawn, self.page)
        self.chat_page.select_requested.connect(self._open_elsewhere)
        self.chat_page.status_message.connect(self.notify)
        self.instance_tabs = QTabWidget(self.page)
        self.instance_tabs.setDocumentMode(True)
        self.instance_tabs.addTab(self.chat_page, translate("console", "Conversations"))
        self.instance_tabs.addTab(self.instance_pane, translate("console", "Details"))
        self.tray = TrayNotifier(window, self.spawn)
        self.spawn(self.tray.attach_desktop())
        self.tray.clicked.connect(self._notification_clicked)
        settings = app.receiver.settings
        self.attention = Attention(self.conversations, self.tray, self.spawn,
                                   focused=window.isActiveWindow,
                                   previews=settings.notification_previews,
                                   sound=settings.notification_sound)
        self.attention.unread_changed.connect(self.model.set_unread)
        self.account_pane = AccountPane(app, self.page)
        self.account_pane.sign_out_requested.connect(self.sign_out)
        self.account_pane.sign_in_requested.connect(self.open_sign_in_again)
        self.right = QStackedWidget(self.page)
        for widget in (self.placeholder, self.instance_tabs, self.account_pane):
            self.right.addWidget(widget)
        splitter = QSplitter(self.page)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        # Sized in proportion to the window, the instance column foldable, both remembered.
        self.panes = Panes(window, app.config_dir, splitter,
                           [self.filter, self.tree, self.new_button], self.chat_page.splitter)
        self.filter_row.insertWidget(0, self.panes.toggle, 0, Qt.AlignmentFlag.AlignTop)
        layout = QHBoxLayout(self.page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._menus()
        name_console(self)  # for screen readers, where a widget's text does not say it
        # the list's "retrying in N s" counts down; repaint it while any account waits
        self.ticker = QTimer(self.page)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        app.accounts_changed.connect(self.update_page)
        app.notice.connect(self.notify)
        app.bug.connect(self.report_bug)
        self.update_page()

    # ---- pages -------------------------------------------------------------------------
    def update_page(self) -> None:
        pages = self.window.pages
        if self.app.loading or self.starting_demo:
            self.window.loading.label.setText(
                QCoreApplication.translate("console", "Starting the demo…")
                if self.starting_demo else
                QCoreApplication.translate("console", "Loading your accounts…"))
            pages.setCurrentWidget(self.window.loading)
        elif not self.app.accounts:
            pages.setCurrentWidget(self.welcome)
        else:
            pages.setCurrentWidget(self.page)
            self.tree.expandAll()
        self._update_actions()

    def loaded(self) -> bool:
        """True when every account has answered once (or failed) and none is loading."""
        return not self.app.loading and all(
            a.state != AccountState.LOADING for a in self.app.accounts)

    # ---- menus ---------------------------------------------------------------------------
    def _menus(self) -> None:
        translate = QCoreApplication.translate
        bar = self.window.menuBar()
        account_menu = bar.addMenu(translate("console", "&Account"))
        self.sign_in_action = self._action(
            account_menu, translate("console", "&Sign in to an account…"), self.open_sign_in,
            "Ctrl+Shift+N")
        self.demo_action = self._action(account_menu, translate("console", "Try the &demo"),
                                        self.start_demo)
        self.sign_out_action = self._action(account_menu, translate("console", "Sign &out"),
                                            self.sign_out)
        account_menu.addSeparator()
        self.quit_action = self._action(
            account_menu, translate("console", "&Quit"), self.window.close_requested.emit,
            QKeySequence.StandardKey.Quit)
        instance_menu = bar.addMenu(translate("console", "&Instance"))
        self.new_action = self._action(
            instance_menu, translate("console", "&New instance…"), self.open_create,
            QKeySequence.StandardKey.New)
        self.edit_action = self._action(
            instance_menu, translate("console", "&Edit…"), self.open_edit, "F2")
        self.delete_action = self._action(instance_menu, translate("console", "&Delete…"),
                                          self.open_delete, QKeySequence.StandardKey.Delete)
        instance_menu.addSeparator()
        self.refresh_action = self._action(
            instance_menu, translate("console", "&Refresh"), self.refresh_all,
            QKeySequence.StandardKey.Refresh)
        self.filter_action = self._action(
            instance_menu, translate("console", "&Filter"), self.focus_filter,
            QKeySequence.StandardKey.Find)
        # Keys are dispatched by where the focus is (one map, zapdesk/ui/shortcuts.py).
        self.keys = console_keys.attach(self)
        self.help = HelpMenu(self)  # Preferences (in the Account menu) and Help

    def _action(self, menu: Any, text: str, slot: Any,
                shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _update_actions(self) -> None:
        account, inst = self.selection()
        has_account = account is not None or len(self.app.accounts) == 1
        self.new_action.setEnabled(has_account)
        self.new_button.setEnabled(has_account)
        self.edit_action.setEnabled(inst is not None)
        self.delete_action.setEnabled(inst is not None)
        self.sign_out_action.setEnabled(account is not None)

    # ---- selection -------------------------------------------------------------------------
    def selection(self) -> tuple[AccountController | None, Instance | None]:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None, None
        return index.data(Role.ACCOUNT), index.data(Role.INSTANCE)

    def target_account(self) -> AccountController | None:
        account, _ = self.selection()
        if account is None and len(self.app.accounts) == 1:
            return self.app.accounts[0]
        return account

    def select(self, account: AccountController, instance_id: str | None = None) -> None:
        source = (self.model.instance_index(account, instance_id) if instance_id
                  else self.model.account_index(account))
        index = self.filter_model.mapFromSource(source)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tree.scrollTo(index)

    def _current_changed(self, current: QModelIndex | QPersistentModelIndex,
                         _previous: object = None) -> None:
        kind = current.data(Role.KIND) if current.isValid() else None
        if kind == "instance":
            self.account_pane.release()
            account, instance = current.data(Role.ACCOUNT), current.data(Role.INSTANCE)
            previous = self.instance_pane.instance
            if previous is None or previous.id != instance.id:
                # Connected numbers open on their conversations; others on what to do next.
                self.instance_tabs.setCurrentWidget(
                    self.chat_page if instance.known_status == Status.CONNECTED
                    else self.instance_pane)
            self.right.setCurrentWidget(self.instance_tabs)
            self.chat_page.show_instance(account, instance)
            self.spawn(self.instance_pane.show_instance(account, instance))
        else:
            self.chat_page.release()
            self.spawn(self.instance_pane.release())
            if kind == "account":
                self.account_pane.show_account(current.data(Role.ACCOUNT))
                self.right.setCurrentWidget(self.account_pane)
            else:
                self.account_pane.release()
                self.right.setCurrentWidget(self.placeholder)
        self._update_actions()

    def _open_elsewhere(self, account_id: str, instance_id: str, conversation_id: int) -> None:
        """A "needs reply" or search result of another instance: go there, then open it."""
        account = next((a for a in self.app.accounts if a.profile.id == account_id), None)
        if account is None or account.instance(instance_id) is None:
            self.notify(QCoreApplication.translate(
                "console", "That conversation belongs to an instance that is not listed."))
            return
        self.select(account, instance_id)
        self.instance_tabs.setCurrentWidget(self.chat_page)
        self.chat_page.open_later(conversation_id)

    async def shutdown(self) -> None:
        """Before the loop stops: no timer of the window may start work after it."""
        self.panes.save()
        self.ticker.stop()
        await self.chat_page.save_drafts_now()
        self.chat_page.release()
        await self.instance_pane.release()
        await self.tray.close()

    def _notification_clicked(self, conversation: Any) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        if conversation is not None:
            self._open_elsewhere(conversation.account_id, conversation.instance,
                                 conversation.id)

    def _filter_changed(self, text: str) -> None:
        self.filter_model.setFilterFixedString(text)
        self.tree.expandAll()

    def focus_filter(self) -> None:
        self.panes.set_hidden(False)
        self.filter.setFocus()
        self.filter.selectAll()

    def _tick(self) -> None:
        if any(a.state == AccountState.RETRYING for a in self.app.accounts):
            self.tree.viewport().update()
            if self.right.currentWidget() is self.account_pane:
                self.account_pane.refresh()  # its "retrying in N s" counts down too

    # ---- actions -------------------------------------------------------------------------
    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        return self.app.tasks.spawn(coro)

    def notify(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15_000)
        if not self.app.accounts:
            self.welcome.problem.setText(text)
            self.welcome.problem.show()

    def report_bug(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QCoreApplication.translate("console", "zapdesk ran into a bug"),
                          QCoreApplication.translate(
                              "console", "Something unexpected happened: {what}\n\nDetails "
                                         "are in the log: {log}").format(
                              what=text, log=self.window.property("log_path") or "—"),
                          QMessageBox.StandardButton.Close, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def refresh_all(self) -> None:
        for account in self.app.accounts:
            account.refresh_now()
        if self.instance_pane.watcher is not None:
            self.instance_pane.watcher.poll_now()

    @staticmethod
    def _open(dialog: QDialog) -> None:
        # open(), never exec(): a nested event loop would stall every other task.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_sign_in(self) -> None:
        self._open(SignInDialog(self.window, self.app, self.spawn))

    def open_sign_in_again(self) -> None:
        account = self.account_pane.account
        if account is not None:
            self._open(SignInDialog(self.window, self.app, self.spawn, account))

    def start_demo(self) -> None:
        self.starting_demo = True
        self.update_page()
        self.spawn(self._start_demo())

    async def _start_demo(self) -> None:
        try:
            account = await self.app.start_demo()
        finally:
            self.starting_demo = False
            self.update_page()
        self.select(account)

    def sign_out(self) -> None:
        account = self.target_account()
        if account is not None:
            self.spawn(self.app.sign_out(account))

    def open_create(self) -> None:
        account = self.target_account()
        if account is None:
            self.notify(QCoreApplication.translate(
                "console", "Select the account the new instance belongs to."))
            return
        dialog = InstanceDialog(self.window, account, self.spawn,
                                suggested_webhook=self.app.webhook_url(account))

        def created() -> None:
            if dialog.created is not None:
                self.select(account, dialog.created.id)

        dialog.accepted.connect(created)
        self._open(dialog)

    def open_edit(self) -> None:
        account, inst = self.selection()
        if account is None or inst is None:
            return
        dialog = InstanceDialog(self.window, account, self.spawn, inst)
        dialog.accepted.connect(lambda: self.confirm(QCoreApplication.translate(
            "console", "Saved “{name}”").format(name=dialog.name.text().strip())))
        self._open(dialog)

    def open_delete(self) -> None:
        account, inst = self.selection()
        if account is None or inst is None:
            return
        dialog = DeleteDialog(self.window, account, self.spawn, inst)
        dialog.accepted.connect(lambda: self.confirm(QCoreApplication.translate(
            "console", "Deleted “{name}”").format(name=inst.name)))
        self._open(dialog)

    def confirm(self, text: str) -> None:
        """A short word that an action went through (the status bar, for a few seconds)."""
        self.window.statusBar().showMessage(text, 6000)

    def open_disconnect(self) -> None:
        account, inst = self.instance_pane.account, self.instance_pane.instance
        if account is None or inst is None:
            return
        dialog = DisconnectDialog(self.window, account, self.spawn, inst)
        dialog.accepted.connect(lambda: self.confirm(QCoreApplication.translate(
            "console", "Disconnected “{name}”").format(name=inst.name)))
        self._open(dialog)

    def _rows_going(self, parent: QModelIndex | QPersistentModelIndex, first: int,
                    last: int) -> None:
        """The selected row (or its account) is about to go: select nothing, rather than let
        the selection slide to a neighbour and start showing it (its QR series with it)."""
        index = self.filter_model.mapToSource(self.tree.currentIndex())
        while index.isValid():
            if index.parent() == parent and first <= index.row() <= last:
                self.tree.selectionModel().setCurrentIndex(
                    QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
                return
            index = index.parent()
