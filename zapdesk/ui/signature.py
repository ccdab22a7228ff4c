"""The composer's "Sign" toggle: puts ``*Ana:*`` and a line break above what is sent (a
text, a media caption, a quick reply), remembered per instance in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QWidget

from zapdesk.core.operator import signed
from zapdesk.ui.dialogs import Spawn

if TYPE_CHECKING:
    from zapdesk.controller.preferences import Preferences


class SignatureToggle(QCheckBox):
    def __init__(self, spawn: Spawn, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sign"), parent)
        self.spawn = spawn
        self.preferences: Preferences | None = None  # set by the chat page
        self.instance: tuple[str, str] | None = None  # (account id, instance id) shown
        self.toggled.connect(self._toggled)
        self._explain()

    def name(self) -> str:
        return self.preferences.operator_name if self.preferences is not None else ""

    def show_for(self, account_id: str | None, instance_id: str | None) -> None:
        """The toggle as it was left on this instance."""
        self.instance = (account_id, instance_id) if account_id and instance_id else None
        on = self.instance is not None and self.preferences is not None \
            and self.preferences.signs(*self.instance)
        self.blockSignals(True)
        self.setChecked(on)
        self.blockSignals(False)
        self._explain()

    def applied(self, text: str | None) -> str | None:
        """What is sent: signed while the toggle is on (a caption may be None)."""
        if not self.isChecked() or not self.name():
            return text
        return signed(text, self.name())

    def _toggled(self, on: bool) -> None:
        self._explain()
        if self.instance is not None and self.preferences is not None:
            self.spawn(self.preferences.set_signing(*self.instance, on))

    def _explain(self) -> None:
        self.setToolTip(self.tr("Put “*{name}:*” and a line break above each message and "
                                "caption sent from this instance (change the name in "
                                "Preferences)").format(name=self.name() or "…"))
