"""A failed message's reason in plain, translated words: on its bubble's tooltip, first in
its menu, and in the status bar when it fails."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication

from zapdesk.controller.conversations import MessageRow
from zapdesk.core.events import Tick
from zapdesk.core.send_failure import Reason, SendFailure


def reason_words(failure: SendFailure) -> str:
    """Why, as the end of a sentence ("the number was not connected to WhatsApp")."""
    translate = QCoreApplication.translate
    if failure.reason == Reason.RATE_LIMITED and failure.until is not None:
        return translate("sending", "ZapFlare's sending limit was reached until {time}").format(
            time=time.strftime("%H:%M", time.localtime(failure.until)))
    if failure.reason == Reason.SERVER_ERROR and failure.status is not None:
        return translate("sending", "ZapFlare's server failed (error {status})").format(
            status=failure.status)
    words = {
        Reason.DISCONNECTED: translate("sending", "the number was not connected to WhatsApp"),
        Reason.INVALID_NUMBER: translate("sending", "WhatsApp did not accept this phone "
                                                    "number"),
        Reason.INVALID_MESSAGE: translate("sending", "ZapFlare refused the message as "
                                                     "invalid"),
        Reason.RATE_LIMITED: translate("sending", "ZapFlare's sending limit was reached"),
        Reason.SERVER_ERROR: translate("sending", "ZapFlare's server failed"),
        Reason.NETWORK: translate("sending", "ZapFlare could not be reached (no network, or "
                                             "the server is down)"),
        Reason.TIMEOUT: translate("sending", "ZapFlare did not answer in time"),
        Reason.SIGNED_OUT: translate("sending", "the account must be signed in again"),
        Reason.NOT_FOUND: translate("sending", "this instance no longer exists on ZapFlare"),
        Reason.FORBIDDEN: translate("sending", "ZapFlare did not allow it for this account"),
        Reason.STOPPED: translate("sending", "zapdesk was closed while sending it"),
        Reason.UNKNOWN: translate("sending", "no reason was recorded"),
    }
    return words[failure.reason]


def failure_text(failure: SendFailure) -> str:
    """The whole explanation: why, and whether it may have arrived anyway."""
    translate = QCoreApplication.translate
    text = translate("sending", "Not sent: {reason}.").format(
        reason=reason_words(failure))
    if failure.uncertain:
        text += " " + translate("sending", "It may have arrived anyway: check on the phone "
                                           "before sending it again.")
    return text


def failure_notice(failure: SendFailure, recipient: str) -> str:
    """For the status bar, naming whom it was for."""
    return QCoreApplication.translate("sending", "Message to {recipient} not sent: {reason}."
                                      ).format(recipient=recipient,
                                               reason=reason_words(failure))


def message_failure(row: MessageRow) -> str | None:
    """Why this bubble was not sent; None when it is not a failed message of ours."""
    if not (row.from_me and row.status == Tick.FAILED):
        return None
    if row.failure is None:  # a failure WhatsApp reported, not one of our sends
        return QCoreApplication.translate("sending", "Not sent: WhatsApp reported that this "
                                                     "message failed.")
    return failure_text(row.failure)


def failure_tooltip(row: MessageRow) -> str | None:
    text = message_failure(row)
    if text is None:
        return None
    return text + "\n" + QCoreApplication.translate(
        "sending", "Double-click to send it again, or right-click for more.")
