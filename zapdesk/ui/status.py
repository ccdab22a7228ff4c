"""The words for statuses and account states, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from zapdesk.core.errors import ZapdeskError
from zapdesk.core.models import Status


def error_text(error: ZapdeskError) -> str:
    """A known error in the operator's language."""
    return error.message(QCoreApplication.translate)


def status_word(status: str) -> str:
    translate = QCoreApplication.translate
    words = {
        Status.CREATED.value: translate("status", "Created"),
        Status.QR.value: translate("status", "Waiting for QR scan"),
        Status.CONNECTED.value: translate("status", "Connected"),
        Status.DISCONNECTED.value: translate("status", "Disconnected"),
        Status.BANNED.value: translate("status", "Banned"),
    }
    return words.get(status, status)  # an unknown status is shown as the server said it
