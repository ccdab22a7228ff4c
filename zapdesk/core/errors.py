"""Every failure zapdesk knows how to explain, in one hierarchy.

Each error says ONE sentence of our own: an English ``template`` marked for translation
(context ``errors``), filled only with ``params`` zapdesk controls (numbers, names the
operator typed, words we translate). What the server or a library said (``detail``) never
goes into that sentence: it goes to the log and to ``details()``, which the window shows
under a "Details" disclosure. ``str()`` (what the log shows) is the English sentence with
the details in brackets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from zapdesk.core.text import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]

# The request fields a refusal can name, as words the sentence can hold (with their article,
# so a translation can agree in gender). An unknown field reads "the request".
FIELD_WORDS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("errors", "the name"),
    "webhookUrl": QT_TRANSLATE_NOOP("errors", "the webhook URL"),
    "to": QT_TRANSLATE_NOOP("errors", "the phone number"),
    "message": QT_TRANSLATE_NOOP("errors", "the message"),
    "mediaUrl": QT_TRANSLATE_NOOP("errors", "the media address"),
    "mediaType": QT_TRANSLATE_NOOP("errors", "the media type"),
    "caption": QT_TRANSLATE_NOOP("errors", "the caption"),
    "email": QT_TRANSLATE_NOOP("errors", "the email"),
    "password": QT_TRANSLATE_NOOP("errors", "the password"),
    "server": QT_TRANSLATE_NOOP("errors", "the server address"),
    "listen_host": QT_TRANSLATE_NOOP("errors", "the listener address"),
    "listen_port": QT_TRANSLATE_NOOP("errors", "the listener port"),
    "listen": QT_TRANSLATE_NOOP("errors", "the listener address"),
    "public_base_url": QT_TRANSLATE_NOOP("errors", "the public address"),
}
REQUEST_WORD = QT_TRANSLATE_NOOP("errors", "what you typed")


class ZapdeskError(Exception):
    template: ClassVar[str] = QT_TRANSLATE_NOOP("errors", "Something went wrong.")
    words: ClassVar[tuple[str, ...]] = ()  # params whose values are translated words

    def __init__(self, detail: str = "", **params: Any) -> None:
        self.detail = detail
        self.params: dict[str, Any] = params
        super().__init__(self.message())

    def message(self, translate: Translate | None = None) -> str:
        """The sentence, in the operator's language when ``translate`` is given."""
        params = dict(self.params)
        if translate is not None:
            for key in self.words:
                if isinstance(params.get(key), str):
                    params[key] = translate("errors", params[key])
        template = translate("errors", self.template) if translate else self.template
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
            # (an old-style template naming {detail} still reads, if in English)
            return self.template.format(**{"detail": self.detail, **self.params})

    def details(self) -> str:
        """What the server or the library said, for the log and the "Details" disclosure."""
        return self.detail

    def __str__(self) -> str:
        details = self.details()
        return f"{self.message()} [{details}]" if details else self.message()


# ---- the server said no -----------------------------------------------------------
class ApiError(ZapdeskError):
    """An answer from the server that is not a success."""

    template = QT_TRANSLATE_NOOP("errors", "The server refused the request.")

    def __init__(self, detail: str = "", *, status: int | None = None, code: str | None = None,
                 **params: Any) -> None:
        self.status = status
        self.code = code
        super().__init__(detail, **params)

    def details(self) -> str:
        parts = [f"HTTP {self.status}" if self.status is not None else "", self.code or "",
                 self.detail]
        return " · ".join(p for p in parts if p)


class NotAuthenticated(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "The server did not accept the email and password. "
                                           "Sign in again.")


class InvalidApiKey(NotAuthenticated):
    template = QT_TRANSLATE_NOOP("errors", "The server did not accept the API key. Sign in "
                                           "again with a valid key.")


class SessionExpired(NotAuthenticated):
    template = QT_TRANSLATE_NOOP("errors", "The session has ended and no password is kept to "
                                           "renew it. Sign in again.")


class PasswordNotSaved(NotAuthenticated):
    """Nothing was asked of the server: this computer has no secret to ask with."""

    template = QT_TRANSLATE_NOOP("errors", "Your password was not saved on this computer "
                                           "(no keyring). Sign in again.")


class ApiKeyNotSaved(NotAuthenticated):
    template = QT_TRANSLATE_NOOP("errors", "Your API key was not saved on this computer "
                                           "(no keyring). Sign in again.")


class PasswordMissing(NotAuthenticated):
    template = QT_TRANSLATE_NOOP("errors", "No password is stored for this account on this "
                                           "computer. Sign in again.")


class ApiKeyMissing(NotAuthenticated):
    template = QT_TRANSLATE_NOOP("errors", "No API key is stored for this account on this "
                                           "computer. Sign in again.")


class NotSignedIn(NotAuthenticated):
    template = QT_TRANSLATE_NOOP("errors", "This account is not signed in. Sign in again.")


class Forbidden(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "The server does not allow this for your account.")


class PlanLimitReached(Forbidden):
    template = QT_TRANSLATE_NOOP("errors", "Your plan's instance limit is reached. Delete an "
                                           "instance or upgrade the plan.")


class PlanLimitOf(PlanLimitReached):
    """The same, when the plan is known: the limit is said once, by us."""

    template = QT_TRANSLATE_NOOP("errors", "All the instances your {plan} plan allows are in "
                                           "use ({limit} of {limit}). Delete an instance or "
                                           "upgrade the plan.")


class InvalidInput(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "Check {field}: the value was not accepted.")
    words = ("field",)

    def __init__(self, detail: str = "", *, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(detail, field=FIELD_WORDS.get(field or "", REQUEST_WORD), **params)


class InvalidRequest(InvalidInput):
    """A 400 that names no field we know."""

    template = QT_TRANSLATE_NOOP("errors", "The server did not accept the request. Check what "
                                           "you typed and try again.")


class NotFound(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "The server no longer has this instance; it may "
                                           "have been deleted elsewhere.")


class Conflict(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "The server refused: the instance changed "
                                           "meanwhile. Refresh and try again.")


class NameTaken(Conflict):
    template = QT_TRANSLATE_NOOP("errors", "An instance with this name already exists in this "
                                           "account. Choose another name.")


class NotConnected(Conflict):
    template = QT_TRANSLATE_NOOP("errors", "This instance is not connected to WhatsApp. "
                                           "Connect it first.")


class RateLimited(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "Too many requests. Try again in {retry_after} s.")

    def __init__(self, detail: str = "", *, retry_after: float, **params: Any) -> None:
        self.retry_after = retry_after  # seconds from when the answer arrived
        super().__init__(detail, retry_after=max(1, round(retry_after)), **params)


class ServerError(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "The server ran into a problem. Try again in a "
                                           "moment.")


class UnexpectedResponse(ApiError):
    template = QT_TRANSLATE_NOOP("errors", "The server sent an answer zapdesk does not "
                                           "understand.")


class UpdateFailed(ZapdeskError):
    """A background update (an account's list, the instance on screen) raised what no error
    here names: a bug, reported as such, while the account says this and retries."""

    template = QT_TRANSLATE_NOOP("errors", "Something went wrong in zapdesk while updating "
                                           "from the server (the log has the details). It "
                                           "tries again by itself.")


# ---- the network failed -------------------------------------------------------------
class NetworkError(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "Cannot reach the server. Check the internet "
                                           "connection and try again.")


class ConnectionRefused(NetworkError):
    template = QT_TRANSLATE_NOOP("errors", "The server refused the connection. Check the "
                                           "server address, or try again later.")


class HostNotFound(NetworkError):
    template = QT_TRANSLATE_NOOP("errors", "The server's name was not found. Check the server "
                                           "address and the internet connection.")


class Timeout(NetworkError):
    template = QT_TRANSLATE_NOOP("errors", "The server did not answer in time. Try again in a "
                                           "moment.")


class SecureConnectionFailed(NetworkError):
    template = QT_TRANSLATE_NOOP("errors", "A secure connection to the server could not be "
                                           "made.")


class CertificateError(SecureConnectionFailed):
    template = QT_TRANSLATE_NOOP("errors", "The server's certificate is not trusted, so "
                                           "zapdesk did not connect.")


class ConnectionReset(NetworkError):
    template = QT_TRANSLATE_NOOP("errors", "The connection to the server was interrupted. Try "
                                           "again.")


class Redirected(NetworkError):
    template = QT_TRANSLATE_NOOP("errors", "The server sends this request elsewhere. Check "
                                           "the server address (https:// or the path).")


class BadResponse(NetworkError):
    template = QT_TRANSLATE_NOOP("errors", "The server's answer was broken or incomplete. Try "
                                           "again.")


# ---- what the operator typed ------------------------------------------------------
class InvalidName(InvalidInput):
    template = QT_TRANSLATE_NOOP("errors", "The name must have {min} to {max} characters "
                                           "(it has {length}).")


class InvalidUrl(InvalidInput):
    template = QT_TRANSLATE_NOOP("errors", "Type a full address that starts with http:// or "
                                           "https://.")


class InvalidListenAddress(InvalidInput):
    template = QT_TRANSLATE_NOOP("errors", "Type the listener's address as HOST:PORT with an "
                                           "IP address, e.g. 127.0.0.1:{port}.")


class InvalidPhoneNumber(InvalidInput):
    template = QT_TRANSLATE_NOOP("errors", "“{number}” is not a valid phone number. Type it "
                                           "with the area code, e.g. (11) 99999-9999, or with "
                                           "the country code, e.g. +55 11 99999-9999.")


class InvalidMessage(InvalidInput):
    template = QT_TRANSLATE_NOOP("errors", "The message must not be empty and may have up to "
                                           "{max} characters (it has {length}).")


class AutostartNotChanged(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "zapdesk could not change whether it starts when "
                                           "you log in.")


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
                                           "on this computer.")


class AccountError(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "The list of accounts could not be read; the file "
                                           "was left as it is.")


class StoreError(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "The message database cannot be used.")


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


class Abandoned(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "Cancelled.")


class UncertainRetry(ZapdeskError):
    template = QT_TRANSLATE_NOOP("errors", "This message may have been sent already (the "
                                           "server did not answer in time). Check the "
                                           "conversation on the phone, and retry only if it "
                                           "is missing.")
