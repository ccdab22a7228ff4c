"""The quick replies of an account (Account ▸ Quick replies…): create, edit, delete,
reorder, and import or export them as JSON. Not modal: the chat stays usable beside it."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zapdesk.controller.quick_replies import (
    LONGEST_BODY,
    LONGEST_SHORTCUT,
    NotQuickReplies,
    QuickReplies,
    QuickReply,
    clean_shortcut,
)
from zapdesk.core import errors
from zapdesk.ui import theme
from zapdesk.ui.dialogs import Spawn
from zapdesk.ui.status import error_text

log = logging.getLogger(__name__)


class QuickReplyManager(QDialog):
    def __init__(self, parent: QWidget | None, spawn: Spawn, store: QuickReplies,
                 account_id: str, account_name: str) -> None:
        super().__init__(parent)
        self.spawn, self.store, self.account_id = spawn, store, account_id
        self.setWindowTitle(self.tr("Quick replies — {account}").format(account=account_name))
        self.resize(760, 460)
        self.replies: list[QuickReply] = []
        self.editing: int | None = None  # the id shown in the form; None: a new one
        intro = QLabel(self.tr("Type / in the message box to put one in a message. They are "
                               "kept on this computer for this account."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Quick replies"))
        self.list.currentRowChanged.connect(self._picked)
        self.new_button = QPushButton(self.tr("New"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.new_button.clicked.connect(lambda: self.new())
        self.delete_button.clicked.connect(lambda: self.spawn(self.delete()))
        self.up_button.clicked.connect(lambda: self.spawn(self.move_reply(-1)))
        self.down_button.clicked.connect(lambda: self.spawn(self.move_reply(1)))
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.delete_button, self.up_button, self.down_button):
            list_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(list_buttons)
        self.shortcut = QLineEdit(self)
        self.shortcut.setMaxLength(LONGEST_SHORTCUT)
        self.shortcut.setPlaceholderText(self.tr("e.g. ola"))
        self.shortcut.setAccessibleName(self.tr("Shortcut"))
        self.body = QPlainTextEdit(self)
        self.body.setAccessibleName(self.tr("Text"))
        self.body.setPlaceholderText(self.tr("Olá, {{nome}}! {{saudacao}}…"))
        variables = QLabel(self.tr(
            "Variables: {{nome}} the contact's name, {{primeiro_nome}} their first name, "
            "{{saudacao}} bom dia / boa tarde / boa noite, {{atendente}} your name, "
            "{{instancia}} the number's name, {{data}}, {{hora}}, {{protocolo}} a protocol "
            "number for the conversation."), self)
        variables.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(lambda: self.spawn(self.save()))
        form = QFormLayout()
        form.addRow(self.tr("Shortcut (after /)"), self.shortcut)
        form.addRow(self.tr("Text"), self.body)
        form.addRow("", variables)
        form.addRow("", self.problem)
        form.addRow("", self.save_button)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(form, 3)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.import_button.clicked.connect(lambda: self._ask_file(save=False))
        self.export_button.clicked.connect(lambda: self._ask_file(save=True))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)
        self.file_dialog: QFileDialog | None = None
        store.changed.connect(self._changed)
        self.spawn(self.reload())

    # ---- the list ----------------------------------------------------------------------
    def _changed(self, account_id: str) -> None:
        if account_id == self.account_id:
            self.spawn(self.reload())

    async def reload(self) -> None:
        try:
            self.replies = await self.store.listed(self.account_id)
        except errors.ZapdeskError as exc:
            self._say(error_text(exc))
            return
        keep = self.editing
        self.list.blockSignals(True)
        self.list.clear()
        for reply in self.replies:
            item = QListWidgetItem(f"/{reply.shortcut}  ·  {' '.join(reply.body.split())}",
                                   self.list)
            item.setData(Qt.ItemDataRole.UserRole, reply.id)
        row = next((n for n, r in enumerate(self.replies) if r.id == keep), None)
        if row is not None:
            self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        if row is None and self.replies and self.editing is None \
                and not self.shortcut.text() and not self.body.toPlainText():
            self.list.setCurrentRow(0)
        self._buttons()

    def _picked(self, row: int) -> None:
        if 0 <= row < len(self.replies):
            reply = self.replies[row]
            self.editing = reply.id
            self.shortcut.setText(reply.shortcut)
            self.body.setPlainText(reply.body)
            self._say("")
        self._buttons()

    def _buttons(self) -> None:
        row = self.list.currentRow() if self.editing is not None else -1
        self.delete_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self.replies) - 1)

    def new(self, body: str = "") -> None:
        """An empty form (or one holding ``body``, from a message) for a new reply."""
        self.editing = None
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.shortcut.clear()
        self.body.setPlainText(body)
        self._say("")
        self._buttons()
        self.shortcut.setFocus()

    # ---- changes -----------------------------------------------------------------------
    async def save(self) -> None:
        shortcut, body = clean_shortcut(self.shortcut.text()), self.body.toPlainText().strip()
        if not shortcut or not body:
            self._say(self.tr("A quick reply needs a shortcut and a text."))
            return
        if len(body) > LONGEST_BODY:
            self._say(self.tr("The text is too long: at most {count} characters.").format(
                count=LONGEST_BODY))
            return
        if any(r.shortcut == shortcut and r.id != self.editing for r in self.replies):
            self._say(self.tr("Another quick reply already uses /{shortcut}.").format(
                shortcut=shortcut))
            return
        try:
            self.editing = await self.store.save(self.account_id, shortcut, body, self.editing)
        except errors.ZapdeskError as exc:
            self._say(error_text(exc))
            return
        self.shortcut.setText(shortcut)
        self._say("")

    async def delete(self) -> None:
        if self.editing is None:
            return
        gone, self.editing = self.editing, None
        self.shortcut.clear()
        self.body.clear()
        await self.store.delete(self.account_id, gone)

    async def move_reply(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if self.editing is None or not 0 <= row < len(self.replies) \
                or not 0 <= to < len(self.replies):
            return
        ids = [r.id for r in self.replies]
        ids[row], ids[to] = ids[to], ids[row]
        await self.store.reorder(self.account_id, ids)

    # ---- files -------------------------------------------------------------------------
    def _ask_file(self, *, save: bool) -> None:
        title = self.tr("Export quick replies") if save else self.tr("Import quick replies")
        dialog = QFileDialog(self, title, "", self.tr("Quick replies (*.json)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save
                             else QFileDialog.AcceptMode.AcceptOpen)
        dialog.setDefaultSuffix("json")
        dialog.fileSelected.connect(lambda path: self.spawn(
            self.export_to(Path(path)) if save else self.import_from(Path(path))))
        self.file_dialog = dialog
        dialog.open()  # never exec(): the loop keeps running

    async def import_from(self, path: Path) -> None:
        try:
            text = await asyncio.to_thread(path.read_text, encoding="utf-8")
            count = await self.store.import_json(self.account_id, text)
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("cannot read %s: %s", path, exc)
            self._say(self.tr("{path} cannot be read.").format(path=path))
        except NotQuickReplies as exc:
            log.warning("not quick replies: %s: %s", path, exc.detail)
            self._say(self.tr("{path} is not an export of quick replies: nothing was "
                              "imported.").format(path=path))
        else:
            self._say(self.tr("Quick replies imported: {count}.").format(count=count), ok=True)

    async def export_to(self, path: Path) -> None:
        text = await self.store.export_json(self.account_id)
        try:
            await asyncio.to_thread(path.write_text, text + "\n", encoding="utf-8")
        except OSError as exc:
            log.warning("cannot write %s: %s", path, exc)
            self._say(self.tr("{path} cannot be written.").format(path=path))
        else:
            self._say(self.tr("Exported to {path}.").format(path=path), ok=True)

    def _say(self, text: str, *, ok: bool = False) -> None:
        colour = theme.status_color("connected", self.palette()) if ok \
            else theme.pick(theme.WARNING, self.palette())
        self.problem.setStyleSheet(f"color: {colour.name()}")
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
