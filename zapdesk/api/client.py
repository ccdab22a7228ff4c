"""The async ZapFlare client on httpx.

One object per account with its own connection pool and cookie jar, so accounts never
share a session. Reads are retried with backoff on network trouble and 5xx; writes never
are, because a write that may have reached the server must not happen twice. A 401 is
answered once by logging in again with the stored password, if there is one.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl
import time
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Final
from urllib.parse import quote

import httpx

from zapdesk import __version__
from zapdesk.api import parse
from zapdesk.core import errors, validation
from zapdesk.core.models import PLAN_LIMITS, Instance, RateLimit, SentMessage
from zapdesk.core.phone import normalize_phone
from zapdesk.core.redact import REDACTOR

log = logging.getLogger(__name__)

DEFAULT_BASE_URL: Final = "https://api.zapflare.io"
SESSION_COOKIE: Final = "auth-session"

SessionListener = Callable[[str | None], Awaitable[None]]


class _Unset:
    pass


UNSET: Final = _Unset()


class ZapFlareClient:
    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        email: str | None = None,
        password: str | None = None,
        api_key: str | None = None,
        session_cookie: str | None = None,
        on_session: SessionListener | None = None,
        timeout: float = 10.0,
        read_retries: int = 2,
        retry_backoff: float = 0.5,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = validation.http_url(base_url, field="server").rstrip("/")
        if api_key is not None and (email is not None or password is not None):
            raise ValueError("use either email and password or an API key, not both")
        self.email = email
        self._password = password
        self._api_key = api_key
        self._on_session = on_session
        self.read_retries = read_retries
        self.retry_backoff = retry_backoff
        self.rate_limit: RateLimit | None = None  # the latest X-RateLimit-* figures
        self.plan: str | None = None  # from the login answer, where the server says it
        self._login_lock = asyncio.Lock()
        self._session_generation = 0
        for secret in (password, api_key, session_cookie):
            REDACTOR.add(secret)
        headers = {"User-Agent": f"zapdesk/{__version__}", "Accept": "application/json"}
        if api_key is not None:
            headers["Authorization"] = f"Bearer {api_key}"
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            transport=transport,
            follow_redirects=False,
        )
        self._host = httpx.URL(self.base_url).host
        if session_cookie:
            self._set_cookie(session_cookie)

    # ---- lifecycle -------------------------------------------------------------
    async def __aenter__(self) -> ZapFlareClient:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    # ---- the session ---------------------------------------------------------------
    @property
    def session_cookie(self) -> str | None:
        for cookie in self._http.cookies.jar:
            if cookie.name == SESSION_COOKIE and cookie.value:
                return cookie.value
        return None

    @property
    def can_log_in(self) -> bool:
        return self.email is not None and self._password is not None

    def _set_cookie(self, value: str) -> None:
        self._http.cookies.set(SESSION_COOKIE, value, domain=self._host, path="/")

    async def login(self) -> None:
        if not self.can_log_in:
            raise errors.PasswordMissing("no email and password to log in with",
                                         code="no_credentials")
        self._http.cookies.clear()
        body = await self._call("POST", "/auth/sessions", read=False, authenticated=False,
                                json={"email": self.email, "password": self._password})
        self.plan = parse.plan(body.get("data")) or self.plan
        cookie = self.session_cookie
        if cookie is None:
            raise errors.UnexpectedResponse("the login answer set no session cookie")
        REDACTOR.add(cookie)
        self._session_generation += 1
        if self._on_session is not None:
            await self._on_session(cookie)

    async def logout(self) -> None:
        try:
            await self._call("DELETE", "/auth/sessions", read=False, authenticated=False)
        except errors.NotAuthenticated:
            pass  # already gone: logged out is logged out
        finally:
            self._http.cookies.clear()
            if self._on_session is not None:
                await self._on_session(None)

    async def _relogin(self, generation: int) -> None:
        async with self._login_lock:
            if generation == self._session_generation:  # nobody renewed it meanwhile
                log.info("session refused; logging in again as %s", self.email)
                await self.login()

    # ---- the documented calls --------------------------------------------------------
    async def list_instances(self) -> list[Instance]:
        return parse.instances(await self._data("GET", "/whatsapp/instances", read=True))

    async def create_instance(self, name: str, webhook_url: str | None = None) -> Instance:
        body: dict[str, Any] = {"name": validation.instance_name(name)}
        webhook = validation.optional_http_url(webhook_url, field="webhookUrl")
        if webhook is not None:
            body["webhookUrl"] = webhook
        try:
            data = await self._data("POST", "/whatsapp/instances", read=False, json=body)
        except errors.Forbidden as exc:
            raise self._plan_limit(exc) from exc
        except errors.Conflict as exc:  # documented for create: the name is used already
            raise errors.NameTaken(exc.detail, status=exc.status, code=exc.code) from exc
        return parse.instance(data)

    def _plan_limit(self, exc: errors.ApiError) -> errors.PlanLimitReached:
        limit = PLAN_LIMITS.get(self.plan or "")
        if limit is None or self.plan is None:
            return errors.PlanLimitReached(exc.detail, status=exc.status, code=exc.code)
        return errors.PlanLimitOf(exc.detail, status=exc.status, code=exc.code,
                                  plan=self.plan.capitalize(), limit=limit)

    async def get_instance(self, instance_id: str) -> Instance:
        return parse.instance(await self._data("GET", self._path(instance_id), read=True))

    async def update_instance(self, instance_id: str, *, name: str | _Unset = UNSET,
                              webhook_url: str | _Unset | None = UNSET) -> Instance:
        body: dict[str, Any] = {}
        if not isinstance(name, _Unset):
            body["name"] = validation.instance_name(name)
        if not isinstance(webhook_url, _Unset):
            body["webhookUrl"] = validation.optional_http_url(webhook_url, field="webhookUrl")
        if not body:
            raise ValueError("update_instance needs a name or a webhook_url")
        try:
            data = await self._data("PUT", self._path(instance_id), read=False, json=body)
        except errors.Conflict as exc:
            if "name" not in body or exc.code == "instance_not_connected":
                raise
            raise errors.NameTaken(exc.detail, status=exc.status, code=exc.code) from exc
        return parse.instance(data)

    async def delete_instance(self, instance_id: str) -> None:
        await self._call("DELETE", self._path(instance_id), read=False)

    async def regenerate_qr(self, instance_id: str) -> Instance | None:
        data = await self._data("POST", self._path(instance_id, "regenerate-qr"), read=False)
        return parse.instance(data) if isinstance(data, dict) and data else None

    async def disconnect(self, instance_id: str) -> Instance | None:
        data = await self._data("POST", self._path(instance_id, "disconnect"), read=False)
        return parse.instance(data) if isinstance(data, dict) and data else None

    async def send_text(self, instance_id: str, to: str, message: str) -> SentMessage:
        number = normalize_phone(to)
        body = {"to": number, "message": validation.message_text(message)}
        data = await self._data("POST", self._path(instance_id, "send-text"), read=False,
                                json=body)
        return parse.sent_message(data, number)

    async def send_media(self, instance_id: str, to: str, media_url: str,
                         media_type: str | None = None, caption: str | None = None
                         ) -> SentMessage:
        number = normalize_phone(to)
        url = validation.http_url(media_url, field="mediaUrl")
        kind = validation.media_type(media_type) if media_type else validation.media_type_for(url)
        body: dict[str, Any] = {"to": number, "mediaUrl": url, "mediaType": kind}
        if caption:
            body["caption"] = caption
        data = await self._data("POST", self._path(instance_id, "send-media"), read=False,
                                json=body)
        return parse.sent_message(data, number)

    async def fetch_picture(self, url: str, max_bytes: int = 2_000_000) -> bytes:
        """A profile picture (or other image the API links to), at most ``max_bytes``."""
        checked = validation.http_url(url, field="profilePicUrl")
        try:
            async with self._http.stream("GET", checked) as response:
                if response.status_code != 200:
                    raise errors.NotFound(f"HTTP {response.status_code}", status=404)
                data = bytearray()
                async for chunk in response.aiter_bytes():
                    data.extend(chunk)
                    if len(data) > max_bytes:
                        raise errors.UnexpectedResponse("the picture is too large")
                return bytes(data)
        except httpx.HTTPError as exc:
            raise_if_cancelled(exc)
            raise network_error(exc) from exc

    # ---- the wire ----------------------------------------------------------------------
    @staticmethod
    def _path(instance_id: str, action: str | None = None) -> str:
        path = "/whatsapp/instances/" + quote(instance_id, safe="")
        return f"{path}/{action}" if action else path

    async def _data(self, method: str, path: str, *, read: bool,
                    json: dict[str, Any] | None = None) -> Any:
        return (await self._call(method, path, read=read, json=json)).get("data")

    async def _call(self, method: str, path: str, *, read: bool, authenticated: bool = True,
                    json: dict[str, Any] | None = None) -> dict[str, Any]:
        retries_left = self.read_retries if read else 0
        delay = self.retry_backoff
        relogged = False
        while True:
            generation = self._session_generation
            try:
                response = await self._http.request(method, path, json=json)
            except httpx.HTTPError as exc:
                raise_if_cancelled(exc)
                failure = network_error(exc)
                if retries_left <= 0:
                    raise failure from exc
                log.info("%s %s failed (%s); retrying in %.1f s", method, path, failure, delay)
            else:
                log.debug("%s %s -> %d", method, path, response.status_code)
                self.rate_limit = parse.rate_limit(response.headers) or self.rate_limit
                if (response.status_code == 401 and authenticated and not relogged
                        and self.can_log_in):
                    relogged = True
                    await self._relogin(generation)
                    continue
                if response.status_code >= 500 and retries_left > 0:
                    log.info("%s %s answered %d; retrying in %.1f s", method, path,
                             response.status_code, delay)
                else:
                    return unwrap(response, api_key=self._api_key is not None,
                                  renewable=self.can_log_in or not authenticated)
            retries_left -= 1
            await asyncio.sleep(delay)
            delay *= 2


def raise_if_cancelled(exc: BaseException) -> None:
    """httpx may turn a cancellation into a transport error (encode/httpx#2381); when our
    task is being cancelled, the cancellation wins, or a cancelled poll would retry forever."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError from exc


def network_error(exc: httpx.HTTPError) -> errors.NetworkError:
    """The failure class of a request that got no usable answer; the library's own words
    become the details."""
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and len(chain) < 10:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    said: list[str] = []  # each distinct message once, outermost first
    for link in chain:
        words = f"{type(link).__name__}: {link}" if str(link) else type(link).__name__
        if not any(str(link) and str(link) in earlier for earlier in said):
            said.append(words)
    detail = " ← ".join(said)
    text = detail.lower()

    def caused_by(*kinds: type[BaseException]) -> bool:
        return any(isinstance(c, kinds) for c in chain)

    if isinstance(exc, httpx.TimeoutException):
        return errors.Timeout(detail)
    if isinstance(exc, httpx.TooManyRedirects):
        return errors.Redirected(detail)
    if caused_by(ssl.SSLCertVerificationError) or "certificate_verify_failed" in text:
        return errors.CertificateError(detail)
    if caused_by(ssl.SSLError):
        return errors.SecureConnectionFailed(detail)
    if caused_by(socket.gaierror) or "name or service not known" in text \
            or "nodename nor servname" in text or "name resolution" in text:
        return errors.HostNotFound(detail)
    if caused_by(ConnectionRefusedError) or "refused" in text:
        return errors.ConnectionRefused(detail)
    if caused_by(ConnectionResetError, BrokenPipeError, ConnectionAbortedError) \
            or "disconnected without" in text or "connection reset" in text:
        return errors.ConnectionReset(detail)
    if isinstance(exc, httpx.RemoteProtocolError | httpx.DecodingError):
        return errors.BadResponse(detail)
    return errors.NetworkError(detail)


_CODE_ERRORS: dict[str, type[errors.ApiError]] = {
    "invalid_api_key": errors.InvalidApiKey,
    "instance_not_connected": errors.NotConnected,
}
_STATUS_ERRORS: dict[int, type[errors.ApiError]] = {
    401: errors.NotAuthenticated,
    403: errors.Forbidden,
    404: errors.NotFound,
    409: errors.Conflict,
}


def unwrap(response: httpx.Response, *, api_key: bool = False, renewable: bool = True
           ) -> dict[str, Any]:
    """The body of a success, or the error that the answer means (``api_key``: the call
    was made with one; ``renewable``: a refused session could be renewed by logging in)."""
    try:
        body = response.json()
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python recurses
        body = None
    status = response.status_code
    if 200 <= status < 300 and isinstance(body, dict) and body.get("success") is not False:
        return body
    error = body.get("error") if isinstance(body, dict) else None
    error = error if isinstance(error, dict) else {}
    detail = (error.get("message") or (body.get("message") if isinstance(body, dict) else None)
              or response.reason_phrase or f"HTTP {status}")
    code = error.get("code") if isinstance(error.get("code"), str) else None
    if 300 <= status < 400:
        raise errors.Redirected(f"HTTP {status} → {response.headers.get('Location', '?')}")
    if code in _CODE_ERRORS:
        raise _CODE_ERRORS[code](str(detail), status=status, code=code)
    if status == 401:
        refused: type[errors.NotAuthenticated] = errors.InvalidApiKey if api_key else \
            errors.NotAuthenticated if renewable else errors.SessionExpired
        raise refused(str(detail), status=status, code=code)
    if 200 <= status < 300:
        if body is None or not isinstance(body, dict):
            raise errors.UnexpectedResponse(f"HTTP {status} without a JSON object", status=status)
        raise errors.ApiError(str(detail), status=status, code=code)
    if status == 400 or status == 422:
        field = error.get("field") if isinstance(error.get("field"), str) else None
        invalid = errors.InvalidInput if field in errors.FIELD_WORDS else errors.InvalidRequest
        raise invalid(str(detail), status=status, code=code, field=field)
    if status == 429:
        raise errors.RateLimited(str(detail), status=status, code=code,
                                 retry_after=parse.retry_after(response.headers, time.time()))
    if status >= 500:
        raise errors.ServerError(str(detail), status=status, code=code)
    raise _STATUS_ERRORS.get(status, errors.ApiError)(str(detail), status=status, code=code)
