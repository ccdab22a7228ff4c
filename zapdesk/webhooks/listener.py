"""The embedded webhook listener: aiohttp on the app's loop, one secret URL per account.

Every refusal is a 4xx and one log line, and the listener stays up. An event is answered
2xx only after the store has committed it, so what ZapFlare saw acknowledged is on disk.
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import importlib
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiohttp import web

from zapdesk.core.errors import (
    AddressNotAvailable,
    ListenerError,
    PortInUse,
    PortNotAllowed,
    StoreError,
)
from zapdesk.store.ingest import Outcome
from zapdesk.store.store import Store
from zapdesk.webhooks.parser import parse

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 28787  # the same as zapdesk.accounts.settings.DEFAULT_PORT
MAX_BODY = 16 * 1024 * 1024  # media arrive as URLs; base64 previews stay far below this
PREFIX = "/hooks/"
# Preferences' "Test" posts here through the public address; under /hooks/ so a proxy or
# tunnel that forwards only the hooks forwards it too. A token never contains "/".
PROBE_PREFIX = PREFIX + "_probe/"
# What a token looks like (``secrets.token_urlsafe``): an unknown one of this shape may be
# an account's whose token is not read yet, and is told to come back (503), not refused.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,128}")
RETRY_AFTER = "5"  # seconds, for a sender told to come back
_BIND_ERRORS: dict[int, type[ListenerError]] = {
    errno.EADDRINUSE: PortInUse, errno.EACCES: PortNotAllowed,
    errno.EADDRNOTAVAIL: AddressNotAvailable,
}

OnStored = Callable[[str, Outcome], None]


@dataclass
class Health:
    """What an operator asks when messages stop arriving."""

    received: int = 0  # payloads accepted since the app started
    duplicates: int = 0
    unsupported: int = 0
    refused: int = 0  # malformed or oversize payloads sent to this account's URL
    last_event_at: float | None = None  # wall-clock time of the last accepted payload

    def silent_for(self, now: float | None = None) -> float | None:
        if self.last_event_at is None:
            return None
        return (time.time() if now is None else now) - self.last_event_at


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


class WebhookListener:
    def __init__(self, store: Store, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 public_base_url: str | None = None, max_body: int = MAX_BODY,
                 on_stored: OnStored | None = None) -> None:
        self.store = store
        self.host = host
        self.port = port
        self.public_base_url = public_base_url.rstrip("/") if public_base_url else None
        self.max_body = max_body
        self.on_stored = on_stored
        self.health: dict[str, Health] = {}
        self.refused_unknown = 0  # refusals no account's token matched
        self._tokens: dict[str, str] = {}  # account id -> token
        # Accounts whose token is not known yet (the keyring is slow or failing): while any
        # is, an unknown token may be one of theirs, and a 404 would lose the event for good.
        self.unresolved: set[str] = set()
        self.deferred = 0  # events told to come back (503) for that reason
        self._probes: dict[str, bool] = {}  # expected probe nonce -> arrived
        self._runner: web.AppRunner | None = None
        self._web: Any = None  # aiohttp.web, imported in a thread when starting (~110 ms)

    # ---- accounts ------------------------------------------------------------------
    def register(self, account_id: str, token: str, *, last_event_at: float | None = None
                 ) -> None:
        if len(token) < 16:
            raise ValueError("a webhook token needs at least 16 characters")
        self._tokens[account_id] = token
        health = self.health.setdefault(account_id, Health())
        if health.last_event_at is None:
            health.last_event_at = last_event_at

    def unregister(self, account_id: str) -> None:
        self._tokens.pop(account_id, None)
        self.unresolved.discard(account_id)
        self.health.pop(account_id, None)

    @property
    def base_url(self) -> str:
        return self.public_base_url or f"http://{url_host(self.host)}:{self.port}"

    def url_for(self, account_id: str) -> str | None:
        token = self._tokens.get(account_id)
        return f"{self.base_url}{PREFIX}{token}" if token else None

    def owns(self, url: str | None) -> bool:
        """Whether ``url`` is one of this listener's account URLs (any of its bases)."""
        if not url:
            return False
        tail = url.rstrip("/").rsplit(PREFIX, 1)
        return len(tail) == 2 and self._match(tail[1]) is not None

    def _match(self, token: str) -> str | None:
        """The account whose token this is, comparing against every token in constant time
        (no early exit), so response timing says nothing about how close a guess came."""
        given = token.encode("utf-8", "surrogateescape")
        found = None
        for account_id, expected in self._tokens.items():
            if hmac.compare_digest(given, expected.encode()):
                found = account_id
        return found

    # ---- life ----------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._runner is not None

    async def start(self) -> None:
        self._runner = await self._bind(self.host, self.port)
        log.info("webhook listener on %s", self.base_url)

    async def move(self, host: str, port: int) -> None:
        """Listen on another address. If it cannot be had, the listener keeps listening
        where it was and the reason is raised."""
        old = self._runner
        try:
            runner = await self._bind(host, port)
        except PortInUse:
            if old is None or port != self.port:
                raise
            # The same port on another address of this computer: let go of it first.
            self._runner = None
            await old.cleanup()
            try:
                runner = await self._bind(host, port)
            except ListenerError:
                self._runner = await self._bind(self.host, self.port)
                raise
            old = None
        self.host, self._runner = host, runner
        if old is not None:
            await old.cleanup()
        log.info("webhook listener moved to %s", self.base_url)

    async def _bind(self, host: str, port: int) -> web.AppRunner:
        """A running site on ``host:port`` (``self.port`` becomes the real port), or the
        reason it cannot listen there in the operator's words."""
        if self._web is None:
            self._web = await asyncio.to_thread(importlib.import_module, "aiohttp.web")
        module = self._web
        app = module.Application(client_max_size=self.max_body)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner: web.AppRunner = module.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        site = module.TCPSite(runner, host, port, reuse_address=True)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            kind = _BIND_ERRORS.get(exc.errno or 0, ListenerError)
            log.error("webhook listener cannot bind %s:%d: %s", host, port, exc)
            raise kind(str(exc.strerror or exc), address=f"{url_host(host)}:{port}",
                       host=host, port=port) from exc
        self.port = int(runner.addresses[0][1])  # the real one when 0 asked for any free port
        return runner

    async def stop(self) -> None:
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    # ---- the "does it arrive?" test ---------------------------------------------
    def expect_probe(self, nonce: str) -> str:
        """The path a probe with this nonce must be posted to; see ``probe_arrived``."""
        self._probes[nonce] = False
        return PROBE_PREFIX + nonce

    def probe_arrived(self, nonce: str) -> bool:
        """Whether the probe reached this listener; it is forgotten after asking."""
        return self._probes.pop(nonce, False)

    # ---- requests ------------------------------------------------------------------
    def _refuse(self, request: web.Request, status: int, reason: str,
                account_id: str | None = None, **headers: str) -> web.Response:
        if account_id is not None:
            self.health[account_id].refused += 1
        else:
            self.refused_unknown += 1
        # The path is not logged: it may be a token, right or nearly right.
        log.warning("webhook refused (%d %s) from %s: %s %s", status, reason,
                    request.remote, request.method, "a /hooks/ URL"
                    if request.path.startswith(PREFIX) else "another path")
        return self._answer({"ok": False, "error": reason}, status, headers or None)

    def _defer(self) -> web.Response:
        """503 with Retry-After: senders retry it (Evolution does not retry a 404)."""
        if not self.deferred:
            log.info("webhooks for a token not read yet are answered 503 until it is")
        self.deferred += 1
        return self._answer({"ok": False, "error": "starting, try again"}, 503,
                            {"Retry-After": RETRY_AFTER})

    def _answer(self, body: dict[str, object], status: int = 200,
                headers: dict[str, str] | None = None) -> web.Response:
        response: web.Response = self._web.json_response(body, status=status, headers=headers)
        return response

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.path.startswith(PROBE_PREFIX):
            nonce = request.path[len(PROBE_PREFIX):]
            if request.method != "POST" or self._probes.get(nonce) is not False:
                return self._refuse(request, 404, "not found")  # only a probe we await
            self._probes[nonce] = True
            log.info("the listener's test request arrived")
            return self._answer({"ok": True, "probe": nonce})
        if not request.path.startswith(PREFIX):
            return self._refuse(request, 404, "not found")
        token = request.path[len(PREFIX):]
        account_id = self._match(token)
        if account_id is None:
            if self.unresolved and TOKEN_SHAPE.fullmatch(token):
                return self._defer()
            return self._refuse(request, 404, "not found")
        if request.method != "POST":
            return self._refuse(request, 405, "method not allowed", account_id, Allow="POST")
        if (request.content_length or 0) > self.max_body:
            return self._refuse(request, 413, "payload too large", account_id)
        try:
            body = await request.read()
        except self._web.HTTPRequestEntityTooLarge:
            return self._refuse(request, 413, "payload too large", account_id)
        try:
            payload = json.loads(body)
        except (ValueError, RecursionError):
            return self._refuse(request, 400, "not JSON", account_id)
        if not isinstance(payload, dict):
            return self._refuse(request, 400, "not a JSON object", account_id)
        parsed = parse(payload)
        try:
            outcome = await self.store.receive(account_id, payload, parsed)
        except StoreError as exc:  # not acknowledged: the provider will deliver it again
            log.error("webhook not stored, answered 503: %s", exc)
            return self._answer({"ok": False, "error": "storage unavailable"}, 503)
        health = self.health[account_id]
        health.last_event_at = time.time()
        if outcome.outcome == "duplicate":
            health.duplicates += 1
        else:
            health.received += 1
            if outcome.outcome == "unsupported":
                health.unsupported += 1
        if self.on_stored is not None:
            try:
                self.on_stored(account_id, outcome)
            except Exception:  # the event is stored; a UI hiccup must not refuse it
                log.exception("webhook stored, but updating the window failed")
        return self._answer({"ok": True, "outcome": outcome.outcome})
