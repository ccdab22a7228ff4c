"""Which number writes to the number a link named: the connected instances of every account,
the one picked last time preselected. Choosing only opens the composer; nothing is sent."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zapdesk.controller.account import AccountController
from zapdesk.core.models import Instance
from zapdesk.core.phone import format_phone

PREVIEW_CHARACTERS = 160


@dataclass(frozen=True)
class Choice:
    account: AccountController
    instance: Instance

    @property
    def key(self) -> str:
        return f"{self.account.profile.id}/{self.instance.id}"

    def label(self) -> str:
        number = format_phone(self.instance.phone) if self.instance.phone else ""
        return " · ".join(p for p in (self.instance.name, number, self.account.name) if p)


def preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARACTERS else flat[:PREVIEW_CHARACTERS - 1] + "…"


class InstancePicker(QDialog):
    def __init__(self, parent: QWidget | None, phone: str, text: str, choices: list[Choice],
                 preselected: str | None) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        self.choices = choices
        self.setWindowTitle(translate("links", "Write to {number}").format(
            number=format_phone(phone)))
        self.setMinimumWidth(440)
        intro = QLabel(translate("links", "A link asks to write to {number}. Which of your "
                                          "numbers should write?").format(
            number=format_phone(phone)), self)
        intro.setWordWrap(True)
        self.text = QLabel(translate("links", "Message: “{text}”").format(text=preview(text))
                           if text.strip() else "", self)
        self.text.setWordWrap(True)
        self.text.setVisible(bool(text.strip()))
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("links", "Instances connected to WhatsApp"))
        for choice in choices:
            item = QListWidgetItem(choice.label(), self.list)
            item.setData(Qt.ItemDataRole.UserRole, choice.key)
        keys = [c.key for c in choices]
        self.list.setCurrentRow(keys.index(preselected) if preselected in keys else 0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.setMaximumHeight(max(3, min(len(choices), 8)) * 28 + 8)
        note = QLabel(translate("links", "The message opens in the composer; nothing is sent "
                                         "until you press Send."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("links", "Open in the composer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("links", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addWidget(self.list)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> Choice | None:
        row = self.list.currentRow()
        return self.choices[row] if 0 <= row < len(self.choices) else None
