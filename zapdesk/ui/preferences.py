"""The Preferences window (Ctrl+,): the look, notifications, where webhooks are received,
and how much is kept. Saving applies everything at once except the language, which the
window's texts take at start-up (retranslating every open widget live is not done)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from zapdesk.accounts import settings as rules
from zapdesk.accounts.settings import Settings
from zapdesk.controller.app import AppController
from zapdesk.controller.preferences import Probe, ProbeResult
from zapdesk.core import errors
from zapdesk.core.operator import LONGEST_NAME, clean_name, default_name
from zapdesk.core.validation import is_loopback_url
from zapdesk.desktop.autostart import Autostart
from zapdesk.ui import theme
from zapdesk.ui.dialogs import Field, FormDialog, Spawn
from zapdesk.ui.status import error_text


def _number(text: str) -> object:
    """What was typed, as a number when it is one (else as typed, for the message)."""
    stripped = text.strip().replace(",", ".")
    try:
        return int(stripped) if stripped.isdigit() else float(stripped)
    except ValueError:
        return stripped


def _amount(value: float) -> str:
    return f"{value:g}"


class PreferencesDialog(FormDialog):
    def __init__(self, parent: QWidget | None, app: AppController, spawn: Spawn, *,
                 autostart: Autostart | None = None) -> None:
        super().__init__(parent, spawn, self.tr("Preferences"), self.tr("Save"))
        self.setMinimumWidth(620)
        self.app = app
        self.probe_task: Any = None
        current = app.preferences.settings
        listener = app.receiver.listener
        # ---- general: the look; other helpers add rows here (e.g. start on login) ----
        self.general_box = QGroupBox(self.tr("General"), self)
        self.general = QFormLayout(self.general_box)
        self.language = QComboBox(self)
        for label, code in ((self.tr("The system's language"), ""), ("English", "en"),
                            ("Português (Brasil)", "pt_BR")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.language_note = QLabel(self.tr("A new language applies when zapdesk starts "
                                            "again."), self)
        self.language_note.setWordWrap(True)
        self.language.currentIndexChanged.connect(self._language_changed)
        self._language_changed()
        self.theme = QComboBox(self)
        for label, code in ((self.tr("Follow the system"), "system"), (self.tr("Light"), "light"),
                            (self.tr("Dark"), "dark")):
            self.theme.addItem(label, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(current.theme)))
        self.general.addRow(self.tr("Language"), self.language)
        self.general.addRow("", self.language_note)
        self.general.addRow(self.tr("Theme"), self.theme)
        # Who answers: signed on messages ("Sign" in the composer) and kept on each one sent.
        self.operator = Field(self, placeholder=default_name(), max_length=LONGEST_NAME,
                              description=self.tr("Your name as customers and the export "
                                                  "see it; empty: your system user's name"))
        self.operator.edit.setText(current.operator_name or "")
        self.operator.edit.setAccessibleName(self.tr("Your name"))
        self.general.addRow(self.tr("Your name"), self.operator)
        # Starting on login: the entry itself (autostart file, Run key, LaunchAgent) is the
        # setting, so the box shows what the system will do.
        self.autostart = autostart
        self.start_on_login = QCheckBox(self.tr("Start zapdesk when I log in, hidden in "
                                                "the tray"), self)
        self.start_on_login.setToolTip(self.tr("It then receives messages from the start; "
                                               "the tray icon shows the window."))
        self.start_on_login.setChecked(autostart is not None and autostart.enabled())
        self.start_on_login.setVisible(autostart is not None)
        if autostart is not None:
            self.general.addRow("", self.start_on_login)
        # ---- notifications ----
        notify_box = QGroupBox(self.tr("Notifications"), self)
        notify = QFormLayout(notify_box)
        self.previews = QCheckBox(self.tr("Show the message's text in notifications"), self)
        self.previews.setChecked(current.notification_previews)
        self.sound = QCheckBox(self.tr("Play a sound when a message arrives"), self)
        self.sound.setChecked(current.notification_sound)
        notify.addRow(self.previews)
        notify.addRow(self.sound)
        # ---- receiving ----
        receive_box = QGroupBox(self.tr("Receiving messages (webhooks)"), self)
        receive = QFormLayout(receive_box)
        receive.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.host = Field(self, rules.listen_host, placeholder="127.0.0.1")
        self.host.edit.setText(listener.host)
        self.port = Field(self, lambda t: rules.whole(_number(t), "listen_port", 1, 65535),
                          placeholder=str(rules.DEFAULT_PORT))
        self.port.edit.setText(str(listener.port))
        self.public = Field(self, rules.public_url,
                            placeholder=self.tr("https://… (a tunnel or a forwarded port)"))
        self.public.edit.setText(listener.public_base_url or "")
        self.test_button = QPushButton(self.tr("Test"), self)
        self.test_button.setToolTip(self.tr("Send a test request to zapdesk through this "
                                            "address and see whether it arrives"))
        self.test_button.clicked.connect(self.test)
        public_row = QHBoxLayout()
        public_row.addWidget(self.public, 1)
        public_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        self.test_result = QLabel(self)
        self.test_result.setWordWrap(True)
        self.test_result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.hide()
        receive_note = QLabel(self.tr(
            "ZapFlare posts your instances' events to this computer. ZapFlare's servers "
            "cannot reach 127.0.0.1: for them, put the public address of a tunnel or a "
            "forwarded port. When the address changes, your instances are told the new "
            "one."), self)
        receive_note.setWordWrap(True)
        receive.addRow(receive_note)
        receive.addRow(self.tr("Listen on address"), self.host)
        receive.addRow(self.tr("Port"), self.port)
        receive.addRow(self.tr("Public address"), public_row)
        receive.addRow("", self.test_result)
        # ---- keeping and warning ----
        keep_box = QGroupBox(self.tr("History and warnings"), self)
        keep = QFormLayout(keep_box)
        self.raw_days = self._number_field(current.raw_log_days, "raw_log_days", 36500)
        self.raw_megabytes = self._number_field(current.raw_log_megabytes,
                                                "raw_log_megabytes", 1_000_000)
        self.quiet = self._number_field(current.quiet_minutes, "quiet_minutes", 10080)
        keep_note = QLabel(self.tr("zapdesk keeps a raw copy of each event received, for "
                                   "diagnosis; your conversations are kept whatever these "
                                   "limits are."), self)
        keep_note.setWordWrap(True)
        keep.addRow(keep_note)
        keep.addRow(self.tr("Keep raw events for (days)"), self.raw_days)
        keep.addRow(self.tr("Raw events may use up to (MB)"), self.raw_megabytes)
        keep.addRow(self.tr("Warn when no event arrives for (minutes)"), self.quiet)
        for box in (self.general_box, notify_box, receive_box, keep_box):
            self.form.addRow(box)
        self.fields = (self.host, self.port, self.public, self.raw_days, self.raw_megabytes,
                       self.quiet)
        for field in self.fields:
            field.edit.textChanged.connect(self.revalidate)
        for field, name in ((self.host, self.tr("Listen on address")), (self.port,
                            self.tr("Port")), (self.public, self.tr("Public address")),
                            (self.raw_days, self.tr("Keep raw events for (days)")),
                            (self.raw_megabytes, self.tr("Raw events may use up to (MB)")),
                            (self.quiet, self.tr("Warn when no event arrives for (minutes)"))):
            field.edit.setAccessibleName(name)
        for field, description in (
                (self.host, self.tr("Where zapdesk listens for ZapFlare's webhooks; 127.0.0.1 "
                                    "is this computer only")),
                (self.port, self.tr("The port zapdesk listens on, 1 to 65535")),
                (self.public, self.tr("How ZapFlare's servers reach this computer: a tunnel "
                                      "or a forwarded port")),
                (self.raw_days, self.tr("Raw events older than this are removed")),
                (self.raw_megabytes, self.tr("Above this size the oldest raw events are "
                                             "removed")),
                (self.quiet, self.tr("The account warns when its connected instances send "
                                     "nothing for this long"))):
            field.description = description
            field.edit.setAccessibleDescription(description)
        self.language.setAccessibleName(self.tr("Language"))
        self.theme.setAccessibleName(self.tr("Theme"))
        self.revalidate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.adjustSize()

    def adjustSize(self) -> None:
        """As tall as the wrapped texts need at this width (a window's own size hint does
        not ask its layout for a height for its width, and would cut them)."""
        layout = self.layout_
        width = max(self.width(), self.minimumWidth())
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() \
            else layout.totalSizeHint().height()
        self.setMinimumHeight(height)
        self.resize(width, height)

    def _number_field(self, value: float, name: str, high: float) -> Field:
        field = Field(self, lambda t: rules.positive(_number(t), name, high))
        field.edit.setText(_amount(value))
        return field

    def _language_changed(self) -> None:
        chosen = self.language.currentData()
        self.language_note.setVisible(chosen != self.app.preferences.settings.language)

    def is_valid(self) -> bool:
        valid = [field.validate(quiet_when_empty=field is not self.port
                                and field is not self.host)
                 for field in self.fields]
        self.test_button.setEnabled(self.public.validate() and self.probe_task is None)
        return all(valid)

    def chosen(self) -> Settings:
        """What the dialog says, checked (raises SettingRefused while a field is wrong)."""
        return replace(
            self.app.preferences.settings,
            language=self.language.currentData(), theme=self.theme.currentData(),
            operator_name=clean_name(self.operator.text()) or None,
            notification_previews=self.previews.isChecked(),
            notification_sound=self.sound.isChecked(),
            listen_host=rules.listen_host(self.host.text()),
            listen_port=rules.whole(_number(self.port.text()), "listen_port", 1, 65535),
            public_base_url=rules.public_url(self.public.text().strip()),
            raw_log_days=rules.positive(_number(self.raw_days.text()), "raw_log_days", 36500),
            raw_log_megabytes=rules.positive(_number(self.raw_megabytes.text()),
                                             "raw_log_megabytes", 1_000_000),
            quiet_minutes=rules.positive(_number(self.quiet.text()), "quiet_minutes", 10080),
        ).checked()

    async def run(self) -> None:
        await self.app.preferences.apply(self.chosen())
        wanted = self.start_on_login.isChecked()
        if self.autostart is not None and wanted != self.autostart.enabled():
            try:
                self.autostart.set_enabled(wanted)
            except OSError as exc:
                raise errors.AutostartNotChanged(str(exc)) from exc

    # ---- the Test button ------------------------------------------------------------
    def test(self) -> None:
        if self.probe_task is None and self.public.validate():
            self.test_button.setEnabled(False)
            self.test_result.setText(self.tr("Sending a test request…"))
            self.test_result.setStyleSheet("")
            self.test_result.show()
            self._grow()
            self.probe_task = self._spawn(self._test())

    async def _test(self) -> None:
        try:
            result = await self.app.preferences.probe(rules.public_url(self.public.text()))
        except errors.ZapdeskError as exc:
            self._said(error_text(exc), ok=False)
        else:
            self._said(probe_text(result, self.app), ok=result.outcome == Probe.ARRIVED)
        finally:
            self.probe_task = None
            self.revalidate()

    def _said(self, text: str, *, ok: bool) -> None:
        self.test_result.setText(text)
        colour = theme.status_color("connected" if ok else "banned", self.palette())
        self.test_result.setStyleSheet(f"color: {colour.name()}")
        self.test_result.show()
        self._grow()

    def _grow(self) -> None:
        """Fit a message that appeared or changed (its layouts learn of it one level per
        round of posted events; deliver them first)."""
        for _pass in range(2):  # the second pass measures at the widths the first gave
            for _level in range(4):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.adjustSize()


def probe_text(result: ProbeResult, app: AppController) -> str:
    translate = QCoreApplication.translate
    url = result.url
    if result.outcome == Probe.ARRIVED:
        if is_loopback_url(url):
            return translate("preferences", "It arrived. This address works only from this "
                                            "computer: ZapFlare's servers need a public "
                                            "address to reach it.")
        return translate("preferences", "It arrived: requests to {url} reach zapdesk.").format(
            url=url)
    if result.outcome == Probe.NOT_LISTENING:
        reason = app.receiver.error or translate("preferences", "it is not running")
        return translate("preferences", "zapdesk is not receiving at the moment: {reason}"
                         ).format(reason=reason)
    if result.outcome == Probe.TIMEOUT:
        return translate("preferences", "No answer from {url} within 10 seconds.").format(
            url=url)
    if result.outcome == Probe.ELSEWHERE:
        return translate("preferences", "Something answered at {url} (HTTP {status}), but "
                                        "the request never reached zapdesk: the address "
                                        "leads elsewhere.").format(url=url,
                                                                   status=result.status)
    return translate("preferences", "Nothing answered at {url}. Check the address, and that "
                                    "the tunnel or port forwarding is running.").format(url=url)


def apply_now(settings: Settings, attention: Any,
              apply_look: Callable[[QApplication, str], None] = theme.apply_theme) -> None:
    """What the window itself must change when preferences are saved (the listener and the
    limits are the controller's)."""
    attention.previews = settings.notification_previews
    attention.sound = settings.notification_sound
    app = QApplication.instance()
    if isinstance(app, QApplication) and settings.theme != theme.current():
        apply_look(app, settings.theme)
