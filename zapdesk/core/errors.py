"""Every failure zapdesk knows how to explain, in one hierarchy.

Each error carries an English ``template`` marked for translation (context ``errors``)
and the ``params`` that fill it, so the window can show it in the operator's language
while logs and ``str()`` stay English. Server-supplied text (``detail``) is shown as is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from zapdesk.core.text import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]


class ZapdeskError(Exception):
    template: ClassVar[str] = QT_TRANSLATE_NOOP("errors", "Something went wrong: {detail}")

    def __init__(self, detail: str = "", **params: Any) -> None:
        self.detail = detail
        self.params: dict[str, Any] = {"detail": detail, **params}
        super().__init__(self.message())

    def message(self, translate: Translate | None = None) -> str:
        template = translate("errors", self.template) if translate else self.template
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
            return self.template.format(**self.params)


# ---- the server said no -----------------------------------------------------------
class ApiError(ZapdeskError):
    """An answer from the server that is not a success."""

    template = QT_TRANSLATE_NOOP("errors", "The server refused the request: {detail}")

    def __init__(self, detail: str = "", *, status: int | None = None, code: str | None = None,
                 **params: Any) -> None:
        self.status = status
        self.code = code
        super().__init__(detail, status=status, code=code, **params)


class NotAuthenticated(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "Sign in again: the server did not accept the "
                                           "credentials ({detail}).")


class Forbidden(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "Not allowed: {detail}")


class PlanLimitReached(Forbidden):
    template = QT_TRANSLATE_NOOP("errors", "Your plan's instance limit is reached: {detail}. "
                                           "Delete an instance or upgrade the plan.")


class InvalidInput(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "The server refused {field}: {detail}")

    def __init__(self, detail: str = "", *, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(detail, field=field or "the request", **params)


class NotFound(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "Not found: it may have been deleted ({detail}).")


class Conflict(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "Conflict: {detail}")


class RateLimited(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "Too many requests: try again in {retry_after} s.")

    def __init__(self, detail: str = "", *, retry_after: float, **params: Any) -> None:
        self.retry_after = retry_after  # seconds from when the answer arrived
        super().__init__(detail, retry_after=max(1, round(retry_after)), **params)


class ServerError(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "The server failed (HTTP {status}): {detail}")


class UnexpectedResponse(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "The server sent an answer zapdesk does not "
                                           "understand: {detail}")


# ---- the network failed -------------------------------------------------------------
class NetworkError(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "Cannot reach the server: {detail}")


class ConnectionRefused(NetworkError):
    template = QT_TRANSLATE_NOOP("errors", "The server refused the connection ({detail}). "
                                           "Check the server address.")


class Timeout(NetworkError):
    template = QT_TRANSLATE_NOOP("errors", "The server did not answer in time ({detail}).")


class CertificateError(NetworkError):
    template = QT_TRANSLATE_NOOP("errors", "The server's certificate is not trusted "
                                           "({detail}).")


# ---- what the operator typed ------------------------------------------------------
class InvalidName(InvalidInput):
    template = QT_TRANSLATE_NOOP("errors", "The name must have {min} to {max} characters "
                                           "(it has {length}).")


class InvalidUrl(InvalidInput):
    template = QT_TRANSLATE_NOOP("errors", "This is not a full http:// or https:// address: "
                                           "{detail}")


class InvalidPhoneNumber(InvalidInput):
    template = QT_TRANSLATE_NOOP("errors", "“{number}” is not a valid phone number. Type it "
                                           "with the area code, e.g. (11) 99999-9999, or with "
                                           "the country code, e.g. +55 11 99999-9999.")


class InvalidMessage(InvalidInput):
    template = QT_TRANSLATE_NOOP("errors", "The message must not be empty and may have up to "
                                           "{max} characters (it has {length}).")


class AutostartNotChanged(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "zapdesk could not change whether it starts when "
                                           "you log in: {detail}")


class InvalidLink(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "“{link}” is not a link zapdesk can open. It opens "
                                           "whatsapp://send?phone=…, https://wa.me/… and tel: "
                                           "links.")


class LinkWithoutNumber(InvalidLink):
    template = QT_TRANSLATE_NOOP("errors", "The link “{link}” does not say which number to "
                                           "write to.")


class LinkNumberInvalid(InvalidLink):
    template = QT_TRANSLATE_NOOP("errors", "The link’s number “{number}” is not a valid phone "
                                           "number.")


# ---- the workstation ----------------------------------------------------------------
class KeyringUnavailable(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "No secure password storage (keyring) is available "
                                           "on this computer: {detail}")


class AccountError(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "Account problem: {detail}")


class StoreError(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "The message database cannot be used: {detail}")


class StoreTooNew(StoreError):
    template = QT_TRANSLATE_NOOP("errors", "The message database was written by a newer "
                                           "zapdesk (version {found}); this one knows version "
                                           "{known}. Update zapdesk to open it.")


class ListenerError(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "zapdesk cannot receive messages on {address} "
                                           "(the log has the details). Choose another port.")


class PortInUse(ListenerError):
    template = QT_TRANSLATE_NOOP("errors", "Another program is already using port {port} on "
                                           "this computer, so zapdesk cannot receive messages "
                                           "there. Choose another port.")


class PortNotAllowed(ListenerError):
    template = QT_TRANSLATE_NOOP("errors", "This computer does not let zapdesk use port "
                                           "{port} (ports below 1024 need administrator "
                                           "rights). Choose a port from 1024 to 65535.")


class AddressNotAvailable(ListenerError):
    template = QT_TRANSLATE_NOOP("errors", "{host} is not an address of this computer, so "
                                           "zapdesk cannot receive messages on it. Use "
                                           "127.0.0.1, or an address this computer has.")


class UncertainRetry(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "This message may have been sent already (the "
                                           "server did not answer in time). Check the "
                                           "conversation on the phone, and retry only if it "
                                           "is missing.")
