"""The words for statuses and account states, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from zapdesk.core.errors import ZapdeskError
from zapdesk.core.models import Instance, Status
from zapdesk.core.phone import format_phone


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


def disconnected_words(inst: Instance, linked_before: bool) -> tuple[str, str]:
    """Title and text for a disconnected instance. One that no phone ever linked is not
    "no longer" linked (InstanceWatcher.linked_before tells them apart)."""
    translate = QCoreApplication.translate
    if linked_before:
        again = translate("detail", "Generate a new QR code and scan it from the phone "
                                    "to link it again.")
        lost = translate("detail", "The phone {phone} is no longer linked.").format(
            phone=format_phone(inst.phone)) if inst.phone else \
            translate("detail", "The phone is no longer linked.")
        return translate("detail", "Disconnected from WhatsApp"), f"{lost} {again}"
    return (translate("detail", "Not linked to a phone yet"),
            translate("detail", "No phone has scanned this instance's QR code yet. "
                                "Generate a new QR code and scan it from the phone."))
