"""The words for statuses and account states, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from zapdesk.core.models import Status


def status_word(status: str) -> str:
    t = QCoreApplication.translate
    words = {
        Status.CREATED.value: t("status", "Created"),
        Status.QR.value: t("status", "Waiting for QR scan"),
        Status.CONNECTED.value: t("status", "Connected"),
        Status.DISCONNECTED.value: t("status", "Disconnected"),
        Status.BANNED.value: t("status", "Banned"),
    }
    return words.get(status, status)  # an unknown status is shown as the server said it
