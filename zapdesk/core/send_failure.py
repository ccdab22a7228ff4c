"""Why a message was not sent: a few kinds the window words in the operator's language.
The kind is stored with the outbox row, so the reason survives a restart and a change of
language; the server's own text goes to the log, never into the sentence."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from zapdesk.core import errors


class Reason(StrEnum):
    DISCONNECTED = "disconnected"  # the number was not connected to WhatsApp
    INVALID_NUMBER = "invalid_number"
    INVALID_MESSAGE = "invalid_message"  # another 400: the content was refused
    RATE_LIMITED = "rate_limited"
    SERVER_ERROR = "server_error"
    NETWORK = "network"  # unreachable, refused, a broken connection
    TIMEOUT = "timeout"
    SIGNED_OUT = "signed_out"
    NOT_FOUND = "not_found"  # the instance is gone
    FORBIDDEN = "forbidden"
    STOPPED = "stopped"  # zapdesk ended while the request was out
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, value: str | None) -> Reason:
        try:
            return cls(value or "unknown")
        except ValueError:  # written by a newer zapdesk
            return cls.UNKNOWN


@dataclass(frozen=True)
class SendFailure:
    reason: Reason
    uncertain: bool = False  # the API may have taken it: retrying could send it twice
    until: float | None = None  # rate limited: when sending may resume (epoch seconds)
    status: int | None = None  # the HTTP status of a server error


def classify(error: errors.ApiError | errors.NetworkError, *, uncertain: bool,
             now: float) -> SendFailure:
    """The kind of a failed send, from the error the client raised."""
    status = error.status if isinstance(error, errors.ApiError) else None
    if isinstance(error, errors.Timeout):
        reason = Reason.TIMEOUT
    elif isinstance(error, errors.NetworkError):
        reason = Reason.NETWORK
    elif isinstance(error, errors.RateLimited):
        return SendFailure(Reason.RATE_LIMITED, uncertain, now + error.retry_after, status)
    elif isinstance(error, errors.ServerError):
        reason = Reason.SERVER_ERROR
    elif isinstance(error, errors.NotAuthenticated):
        reason = Reason.SIGNED_OUT
    elif isinstance(error, errors.NotFound):
        reason = Reason.NOT_FOUND
    elif isinstance(error, errors.Forbidden):
        reason = Reason.FORBIDDEN
    elif isinstance(error, errors.InvalidInput):
        reason = Reason.INVALID_NUMBER if error.field == "to" else Reason.INVALID_MESSAGE
    elif "connected" in (error.code or "") or (
            error.status == 409 and "connected" in error.detail.lower()):
        reason = Reason.DISCONNECTED  # "instance_not_connected", 409
    else:
        reason = Reason.UNKNOWN
    return SendFailure(reason, uncertain, None, status)
