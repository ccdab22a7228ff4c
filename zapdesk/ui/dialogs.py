"""Sign-in, create/edit and delete dialogs.

They are opened with ``open()`` (never ``exec()``: a nested event loop would stall the
other tasks) and run their request as a task; while it runs the dialog shows it is busy,
and a refusal is shown inside the dialog, which stays open with everything typed kept.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zapdesk.api.client import DEFAULT_BASE_URL
from zapdesk.controller.account import AccountController
from zapdesk.controller.app import AppController
from zapdesk.core import errors, validation
from zapdesk.core.models import Instance
from zapdesk.ui import theme
from zapdesk.ui.accessible import name_form
from zapdesk.ui.disclosure import Disclosure
from zapdesk.ui.error_notice import ErrorNotice
from zapdesk.ui.status import error_text

Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Task[Any]"]


def fit(window: QWidget) -> None:
    """Grow (or shrink back) so a message is never cut and leaves no gap: the layouts learn
    of the change through posted events, from the field up to the dialog one level per
    round, so deliver those first."""
    for _level in range(4):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    window.adjustSize()


class Field(QWidget):
    """A line edit with the reason it is refused right under it."""

    def __init__(self, parent: QWidget, check: Callable[[str], object] | None = None,
                 *, placeholder: str = "", secret: bool = False, hint: str = "",
                 max_length: int | None = None, description: str = "") -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        if max_length is not None:  # nothing longer can be typed or pasted
            self.edit.setMaxLength(max_length)
        # What a screen reader says about the field (its hint unless told); while it is
        # refused, the reason.
        self.description = description or hint
        self.edit.setAccessibleDescription(self.description)
        if secret:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.hint = QLabel(hint, self)  # the rule, said before it is broken
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        self.check = check
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        layout.addWidget(self.hint)

    def text(self) -> str:
        return self.edit.text()

    def validate(self, *, quiet_when_empty: bool = True) -> bool:
        """Run the rule; show its message unless the field is still untouched and empty."""
        message = ""
        if self.check is not None:
            try:
                self.check(self.edit.text())
            except errors.ZapdeskError as exc:
                message = error_text(exc)
        show = bool(message) and not (quiet_when_empty and not self.edit.text())
        self.problem.setText(message)
        self.edit.setAccessibleDescription(message if show else self.description)
        self.problem.setStyleSheet(f"color: {theme.pick(theme.WARNING).name()}")
        if show != self.problem.isVisibleTo(self):
            self.problem.setVisible(show)
            self.hint.setVisible(bool(self.hint.text()) and not show)  # one or the other
            fit(self.window())
        return not message


class FormDialog(QDialog):
    busy_text = ""  # what the request under way is doing ("Signing in…"): see _busy_words
    grace = 2.0  # seconds an abandoned request may finish by itself before it is cancelled

    def __init__(self, parent: QWidget | None, spawn: Spawn, title: str, ok_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._spawn = spawn
        self._task: asyncio.Task[Any] | None = None
        self.abandoned = asyncio.Event()  # Cancel during a request: its result is not wanted
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = ErrorNotice(self)
        self.busy = QWidget(self)  # a moving bar and what is being done, while it is
        self.busy_bar = QProgressBar(self.busy)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(96)
        self.busy_bar.setAccessibleName(self.tr("Working"))
        self.busy_label = QLabel(self.busy)
        busy_row = QHBoxLayout(self.busy)
        busy_row.setContentsMargins(0, 0, 0, 0)
        busy_row.addWidget(self.busy_bar)
        busy_row.addWidget(self.busy_label, 1)
        self.busy.hide()
        self.missing_hint = QLabel(self)  # why OK is disabled, in plain words
        self.missing_hint.setWordWrap(True)
        self.missing_hint.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.missing_hint)
        self.layout_.addWidget(self.busy)
        self.layout_.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        for form in self.findChildren(QFormLayout):  # the subclass has filled them by now
            name_form(form)
        super().showEvent(event)

    # Subclasses: what makes the form complete, and what submitting does.
    def is_valid(self) -> bool:
        return True

    async def run(self) -> None:
        raise NotImplementedError

    def describe(self, error: errors.ZapdeskError) -> str:
        return error_text(error)

    def missing(self) -> str:
        """What the form still needs before OK is enabled ("" when nothing or said
        elsewhere, e.g. under a field)."""
        return ""

    def busy_words(self) -> str:
        return self.tr("Working…")

    def revalidate(self) -> None:
        valid = self.is_valid()
        self.ok.setEnabled(self._task is None and valid)
        needed = "" if valid or self._task is not None else self.missing()
        self.missing_hint.setText(needed)
        if bool(needed) != self.missing_hint.isVisibleTo(self):
            self.missing_hint.setVisible(bool(needed))
            fit(self)

    def show_error(self, error: errors.ZapdeskError) -> None:
        """The refusal in our words, what the server said under "Details"."""
        self.error.show_error(error, self.describe(error))
        fit(self)

    def submit(self) -> None:
        if self._task is not None or not self.is_valid():
            return
        self.error.clear()
        self._task = self._spawn(self._run())
        self.revalidate()

    async def _run(self) -> None:
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.busy_label.setText(self.busy_words())
        self.busy.show()
        try:
            await self.run()
        except errors.ZapdeskError as exc:
            if self.abandoned.is_set():
                return  # closed meanwhile: nobody is waiting for this answer
            self.show_error(exc)
        else:
            if not self.abandoned.is_set():
                self.accept()
        finally:
            if not self.abandoned.is_set():  # else the widgets may be gone already
                self._task = None
                self.busy.hide()
                self.unsetCursor()
                self.revalidate()

    def reject(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            # Give up on the request under way the project's way: say it is not wanted,
            # let it end by itself for a moment, cancel only then (cancelling an httpx
            # request while it connects leaks its socket).
            self.abandoned.set()
            self._spawn(settle(task, self.grace))
        super().reject()


async def settle(task: asyncio.Task[Any], grace: float) -> None:
    """Wait ``grace`` seconds for an abandoned request, then cancel it."""
    done, _ = await asyncio.wait({task}, timeout=grace)
    if not done:
        task.cancel()
        await asyncio.wait({task})


class SignInDialog(FormDialog):
    """Sign in to a new account, or again to one whose session could not be renewed."""

    def __init__(self, parent: QWidget | None, app: AppController, spawn: Spawn,
                 account: AccountController | None = None) -> None:
        super().__init__(parent, spawn, self.tr("Sign in to ZapFlare"), self.tr("Sign in"))
        self.app = app
        self.account = account
        self.server = Field(self, lambda v: validation.http_url(v, field="server"),
                            description=self.tr("The address of the ZapFlare API"))
        self.server.edit.setText(account.profile.base_url if account else DEFAULT_BASE_URL)
        self.display_name = Field(self, placeholder=self.tr("e.g. Loja Centro (optional)"),
                                  description=self.tr("What zapdesk calls this account"))
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("Email and password"), "password")
        self.mode.addItem(self.tr("API key"), "api_key")
        self.email = Field(self, placeholder=self.tr("you@company.com"),
                           description=self.tr("The email you sign in to ZapFlare with"))
        self.password = Field(self, secret=True,
                              description=self.tr("Your ZapFlare password"))
        self.api_key = Field(self, placeholder="zpk_live_…", secret=True,
                             description=self.tr("An API key from ZapFlare, instead of an "
                                                 "email and password"))
        self.remember = QCheckBox(self.tr("Remember on this computer (in the system keyring)"),
                                  self)
        self.remember.setChecked(True)
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        if not app.secrets.available:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)  # nothing could keep it: no false promise
            self.keyring_note.setText(self.tr(
                "No secure password storage is available on this computer, so the secret "
                "will be kept only until zapdesk closes."))
        else:
            self.keyring_note.hide()
        self.form.addRow(self.tr("Server"), self.server)
        self.form.addRow(self.tr("Name in zapdesk"), self.display_name)
        self.form.addRow(self.tr("Sign in with"), self.mode)
        self.form.addRow(self.tr("Email"), self.email)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("API key"), self.api_key)
        self.form.addRow("", self.remember)
        self.form.addRow("", self.keyring_note)
        if account is not None:  # signing in again: who and where are known
            self.server.edit.setReadOnly(True)
            self.display_name.edit.setText(account.profile.display_name)
            self.display_name.edit.setReadOnly(True)
            self.mode.setCurrentIndex(self.mode.findData(account.profile.auth_mode))
            self.mode.setEnabled(False)
            self.email.edit.setText(account.profile.email or "")
            self.email.edit.setReadOnly(True)
        for field in (self.server, self.email, self.password, self.api_key):
            field.edit.textChanged.connect(self.revalidate)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()

    def _mode_changed(self) -> None:
        by_key = self.mode.currentData() == "api_key"
        for field, visible in ((self.email, not by_key), (self.password, not by_key),
                               (self.api_key, by_key)):
            field.setVisible(visible)
            self.form.labelForField(field).setVisible(visible)
        self.revalidate()

    def is_valid(self) -> bool:
        if not self.server.validate():
            return False
        if self.mode.currentData() == "api_key":
            return bool(self.api_key.text().strip())
        return "@" in self.email.text() and bool(self.password.text())

    def missing(self) -> str:
        if not self.server.text().strip():
            return self.tr("Type the server's address to sign in.")
        if not self.server.validate():
            return ""  # said under the field
        if self.mode.currentData() == "api_key":
            return self.tr("Type the API key to sign in.")
        email, password = self.email.text().strip(), self.password.text()
        if not email and not password:
            return self.tr("Type your email and password to sign in.")
        if not email:
            return self.tr("Type your email to sign in.")
        if "@" not in email:
            return self.tr("Type your whole email address, e.g. you@company.com.")
        return self.tr("Type your password to sign in.")

    async def run(self) -> None:
        by_key = self.mode.currentData() == "api_key"
        password = None if by_key else self.password.text()
        api_key = self.api_key.text().strip() if by_key else None
        if self.account is not None:
            await self.app.sign_in_again(self.account, password=password, api_key=api_key,
                                         remember=self.remember.isChecked(),
                                         abandoned=self.abandoned)
            return
        await self.app.sign_in(display_name=self.display_name.text(),
                               base_url=self.server.text().strip(),
                               email=None if by_key else self.email.text().strip(),
                               password=password, api_key=api_key,
                               remember=self.remember.isChecked(), abandoned=self.abandoned)

    def busy_words(self) -> str:
        return self.tr("Signing in…")

    def describe(self, error: errors.ZapdeskError) -> str:
        if isinstance(error, errors.KeyringUnavailable):
            self.remember.setChecked(False)
            return self.tr("{why}\nSign in again to keep it only until zapdesk closes.").format(
                why=error_text(error))
        if isinstance(error, errors.NotAuthenticated) and error.status == 401:
            if self.mode.currentData() == "api_key":
                return self.tr("The server did not accept this API key.")
            return self.tr("Wrong email or password.")
        return error_text(error)


class InstanceDialog(FormDialog):
    """Create an instance, or edit the name and webhook of one."""

    def __init__(self, parent: QWidget | None, account: AccountController, spawn: Spawn,
                 instance: Instance | None = None, suggested_webhook: str | None = None
                 ) -> None:
        editing = instance is not None
        super().__init__(parent, spawn,
                         self.tr("Edit instance") if editing else self.tr("New instance"),
                         self.tr("Save") if editing else self.tr("Create"))
        self.account = account
        self.instance = instance
        self.created: Instance | None = None
        self.name = Field(self, validation.instance_name,
                          placeholder=self.tr("e.g. Atendimento Principal"),
                          hint=self.tr("{min} to {max} characters.").format(
                              min=validation.NAME_MIN, max=validation.NAME_MAX),
                          max_length=validation.NAME_MAX)
        self.webhook = Field(self, lambda v: validation.optional_http_url(v, field="webhookUrl"),
                             placeholder="https://…")
        hint = QLabel(self.tr("Where ZapFlare sends this instance's messages. zapdesk fills "
                              "in its own address so they arrive here; change it only to "
                              "send them to another system."), self)
        hint.setWordWrap(True)
        self.webhook.description = hint.text()
        self.webhook.edit.setAccessibleDescription(hint.text())
        # The address (with zapdesk's secret in it) is plumbing: under "Advanced".
        self.advanced = Disclosure(self.tr("Advanced"), self)
        self.advanced.form.addRow(self.tr("Webhook address"), self.webhook)
        self.advanced.form.addRow("", hint)
        self.advanced.toggled.connect(lambda _open: fit(self))
        if instance is not None:
            self.name.edit.setText(instance.name)
            self.webhook.edit.setText(instance.webhook_url or "")
        elif suggested_webhook:
            self.webhook.edit.setText(suggested_webhook)
        self.form.addRow(self.tr("Account"), QLabel(account.name, self))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.advanced)
        self.name.edit.textChanged.connect(self.revalidate)
        self.webhook.edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def is_valid(self) -> bool:
        name_ok = self.name.validate()
        webhook_ok = self.webhook.validate()
        if not webhook_ok and not self.advanced.is_open:
            self.advanced.set_open(True)  # the reason is under it: never hidden
        return webhook_ok and name_ok

    def missing(self) -> str:
        return self.tr("Type a name for the instance.") if not self.name.text().strip() \
            else ""

    def busy_words(self) -> str:
        return self.tr("Creating…") if self.instance is None else self.tr("Saving…")

    async def run(self) -> None:
        webhook = validation.optional_http_url(self.webhook.text(), field="webhookUrl")
        if self.instance is None:
            self.created = await self.account.create(self.name.text(), webhook)
        else:
            await self.account.update(self.instance.id, self.name.text(), webhook)


class DeleteDialog(FormDialog):
    """Deleting is irreversible: the operator types the instance's name to confirm."""

    def __init__(self, parent: QWidget | None, account: AccountController, spawn: Spawn,
                 instance: Instance) -> None:
        super().__init__(parent, spawn, self.tr("Delete instance"), self.tr("Delete forever"))
        self.account = account
        self.instance = instance
        self.warning = warning = QLabel(self.tr(
            "<b>This cannot be undone.</b> Deleting “{name}” removes the instance and all "
            "of its data at ZapFlare; its number will have to be linked again from scratch.")
            .format(name=instance.name.replace("<", "&lt;")), self)
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.RichText)
        self.confirm = Field(self, placeholder=instance.name, description=self.tr(
            "Type the instance's name exactly to enable Delete forever"))
        self.form.addRow(warning)
        self.form.addRow(self.tr("Type the name to confirm"), self.confirm)
        self.confirm.edit.textChanged.connect(self.revalidate)
        cancel: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.revalidate()

    def is_valid(self) -> bool:
        return self.confirm.text() == self.instance.name

    def busy_words(self) -> str:
        return self.tr("Deleting…")

    async def run(self) -> None:
        await self.account.delete(self.instance.id)
