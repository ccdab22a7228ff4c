"""Writing: Enter sends, Shift+Enter breaks the line; media by URL through a small form.
What the operator typed is only cleared once the message is safely in the outbox."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zapdesk.controller.conversations import DraftKey
from zapdesk.core import errors, validation
from zapdesk.core.phone import normalize_phone
from zapdesk.ui import theme
from zapdesk.ui.dialogs import Field, FormDialog, Spawn
from zapdesk.ui.signature import SignatureToggle
from zapdesk.ui.status import error_text

SendText = Callable[[str, str], Awaitable[Any]]  # (to, text)
SendMedia = Callable[[str, str, str | None, str | None], Awaitable[Any]]  # to, url, kind, caption
Prepare = Callable[[str], Awaitable[str]]  # the text as sent: its variables filled in
DRAFT_SAVE_MS = 800  # typing pauses this long: the draft is written to the store


class MessageEdit(QPlainTextEdit):
    send_requested = Signal()
    # Sees each key first (Tab too) and may take it: the quick replies' list while it is open.
    intercept: Callable[[QKeyEvent], bool] | None = None

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and self.intercept is not None and self.intercept(event):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.send_requested.emit()
            return
        super().keyPressEvent(event)


class MediaDialog(FormDialog):
    """A picture, video, audio or document by its URL, with a caption."""

    def __init__(self, parent: QWidget, spawn: Spawn, send: SendMedia, to: str) -> None:
        translate = QCoreApplication.translate
        super().__init__(parent, spawn, translate("chat", "Send media"), translate("chat", "Send"))
        self.send, self.to = send, to
        self.url = Field(self, lambda v: validation.http_url(v, field="mediaUrl"),
                         placeholder="https://…/foto.jpg", description=translate(
                             "chat", "The address of the picture, video, audio or document"))
        self.kind = QComboBox(self)
        self.kinds = {"image": translate("chat", "Image"), "video": translate("chat", "Video"),
                      "audio": translate("chat", "Audio"),
                      "document": translate("chat", "Document")}
        self.kind.addItem(translate("chat", "From the address"), None)
        for value, label in self.kinds.items():
            self.kind.addItem(label, value)
        self.caption = Field(self, placeholder=translate("chat", "Optional"),
                             description=translate("chat", "Text sent with it (optional)"))
        self.form.addRow(translate("chat", "Address (URL)"), self.url)
        self.form.addRow(translate("chat", "Type"), self.kind)
        self.form.addRow(translate("chat", "Caption"), self.caption)
        self.url.edit.textChanged.connect(self._url_changed)
        self.revalidate()

    def _url_changed(self) -> None:
        self.url.validate()
        self.revalidate()
        # Say what "from the address" will send, so a wrong guess can be overridden.
        url = self.url.text().strip()
        guessed = self.kinds[validation.media_type_for(url)] if url else None
        self.kind.setItemText(0, QCoreApplication.translate(
            "chat", "From the address ({kind})").format(kind=guessed) if guessed else
            QCoreApplication.translate("chat", "From the address"))

    def is_valid(self) -> bool:
        return bool(self.url.text().strip()) and self.url.validate()

    async def run(self) -> None:
        await self.send(self.to, self.url.text().strip(), self.kind.currentData(),
                        self.caption.text().strip() or None)


class Composer(QWidget):
    draft_changed = Signal(object, str)  # (DraftKey, text): keep it ("" forgets it)

    def __init__(self, spawn: Spawn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        self.spawn = spawn
        self.send_text: SendText | None = None
        self.send_media: SendMedia | None = None
        self.prepare: Prepare | None = None
        self.to: str | None = None  # digits of the open conversation; None: a new one
        # What was typed and not sent, per conversation, as last handed to the store:
        # switching never carries a text to another contact, and coming back (or the next
        # run) finds it again. The box holds the current conversation's, maybe newer.
        self.key: DraftKey | None = None
        self.drafts: dict[DraftKey, str] = {}
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_SAVE_MS)
        self._draft_timer.timeout.connect(self.flush_draft)
        self.recipient = Field(self, lambda v: normalize_phone(v, field="to"),
                               placeholder=translate("chat", "Number, e.g. (11) 99999-9999"))
        self.edit = MessageEdit(self)
        self.edit.setPlaceholderText(translate("chat", "Type a message (Enter sends, "
                                                       "Shift+Enter for a new line)"))
        self.edit.setFixedHeight(72)
        self.edit.setTabChangesFocus(True)  # Tab leaves the box; a tab is never typed
        self.edit.send_requested.connect(self.submit)
        self.edit.textChanged.connect(self._typed)
        self.send_button = QPushButton(translate("chat", "Send"), self)
        self.send_button.clicked.connect(self.submit)
        self.media_button = QPushButton(translate("chat", "Media…"), self)
        self.media_button.clicked.connect(self.open_media)
        self.signature = SignatureToggle(spawn, self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.hide()
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.media_button)
        buttons.addWidget(self.signature)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.reason)
        layout.addWidget(self.recipient)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.dialog: MediaDialog | None = None

    def set_target(self, to: str | None, key: DraftKey | None = None) -> None:
        """The open conversation's number, or None to start a new one by typing a number;
        ``key`` names the conversation whose draft the box shows."""
        if key != self.key:
            self.flush_draft()
            self.key = key
            self.edit.setPlainText(self.drafts.get(key, "") if key is not None else "")
            self._draft_timer.stop()  # what was just put in the box is stored already
        self.to = to
        self.signature.show_for(*(key[:2] if key is not None else (None, None)))
        self.recipient.setVisible(to is None)
        self.problem.hide()

    def follow(self, to: str | None, key: DraftKey) -> None:
        """The open conversation is now known under ``key`` (its number became known):
        what the box holds stays in it, after any draft the number's conversation had."""
        if key != self.key:
            text, kept = self.edit.toPlainText(), self.drafts.get(key, "")
            if self.key is not None:
                self.drafts.pop(self.key, None)  # the store moved it with the conversation
            self.key = key
            joined = f"{kept}\n\n{text}" if kept.strip() and text.strip() and kept != text \
                else (kept if kept.strip() else text)
            self.edit.setPlainText(joined)
            self.flush_draft()
        self.to = to
        self.recipient.setVisible(to is None)

    def set_blocked(self, reason: str | None, *, info: bool = False) -> None:
        """Disabled, saying why (not connected, banned), or enabled again with None.
        ``info``: a fact rather than a problem (a group), said in the ordinary text colour."""
        for widget in (self.edit, self.send_button, self.media_button, self.recipient):
            widget.setEnabled(reason is None)
        self.reason.setText(reason or "")
        self.reason.setStyleSheet(
            "" if info else f"color: {theme.pick(theme.WARNING, self.palette()).name()}")
        self.reason.setVisible(reason is not None)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setStyleSheet(f"color: {theme.pick(theme.WARNING, self.palette()).name()}")
        self.problem.setVisible(bool(text))

    def target(self) -> str | None:
        """The recipient: the open conversation, or the number typed (refused if invalid)."""
        if self.to is not None:
            return self.to
        try:
            return normalize_phone(self.recipient.text(), field="to")
        except errors.InvalidPhoneNumber as exc:
            self.show_problem(error_text(exc))
            self.recipient.edit.setFocus()
            return None

    def submit(self) -> None:
        text = self.edit.toPlainText()
        if not text.strip() or self.send_text is None:
            return
        to = self.target()
        if to is None:
            return
        self.spawn(self._send(to, text, self.key))

    async def _send(self, to: str, text: str, key: DraftKey | None) -> None:
        assert self.send_text is not None
        try:
            ready = await self.prepare(text) if self.prepare is not None else text
            await self.send_text(to, self.signature.applied(ready) or ready)
        except errors.ZapdeskError as exc:
            self.show_problem(error_text(exc))  # the text stays in the box
            return
        # Sent: that text is no longer a draft, wherever the operator went meanwhile.
        if key == self.key and self.edit.toPlainText() == text:
            self.edit.clear()
            self.flush_draft()
        elif key is not None and self.drafts.get(key) == text:
            self._keep(key, "")
        self.problem.hide()

    # ---- drafts --------------------------------------------------------------------
    def load_drafts(self, found: dict[DraftKey, str]) -> None:
        """Drafts kept from an earlier run: the open conversation's goes into the box
        unless something is typed there already."""
        for key, text in found.items():
            self.drafts.setdefault(key, text)
            if key == self.key and not self.edit.toPlainText().strip():
                self.edit.setPlainText(text)
                self._draft_timer.stop()

    def _typed(self) -> None:
        if self.key is not None:
            self._draft_timer.start()

    def flush_draft(self) -> None:
        """Store what the box holds now, if it differs from what is stored."""
        unsaved = self.unsaved_draft()
        if unsaved is not None:
            self.draft_changed.emit(*unsaved)

    def unsaved_draft(self) -> tuple[DraftKey, str] | None:
        """The box's text when the store does not have it yet (taken as stored now)."""
        self._draft_timer.stop()
        if self.key is None or not self._changed(self.key, self.edit.toPlainText()):
            return None
        return self.key, self.drafts.get(self.key, "")

    def _keep(self, key: DraftKey, text: str) -> None:
        if self._changed(key, text):
            self.draft_changed.emit(key, self.drafts.get(key, ""))

    def _changed(self, key: DraftKey, text: str) -> bool:
        """Record ``text`` as the draft of ``key``; whether that changed anything."""
        text = text if text.strip() else ""
        if self.drafts.get(key, "") == text:
            return False
        if text:
            self.drafts[key] = text
        else:
            self.drafts.pop(key, None)
        return True

    def open_media(self) -> None:
        to = self.target()
        if to is None or self.send_media is None:
            return
        self.dialog = MediaDialog(self.window(), self.spawn, self._send_media, to)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()

    async def _send_media(self, to: str, url: str, kind: str | None, caption: str | None
                          ) -> Any:
        assert self.send_media is not None
        return await self.send_media(to, url, kind, self.signature.applied(caption))
