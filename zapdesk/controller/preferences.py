"""The operator's preferences: saved in ``settings.json``, applied while the app runs.

The listener moves first: a port that cannot be had is refused before anything is saved,
and the listener keeps listening where it was. When the webhook URLs change, the
instances that pointed at zapdesk's old URL are pointed at the new one (the demo's are
all pointed here, as when it starts).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import socket
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

import httpx
from PySide6.QtCore import QCoreApplication, QObject, Signal

from zapdesk.accounts.settings import DEFAULT_PORT, Settings, SettingsStore
from zapdesk.core import errors
from zapdesk.core.operator import default_name

if TYPE_CHECKING:
    from zapdesk.controller.app import AppController

log = logging.getLogger(__name__)
PROBE_TIMEOUT = 10.0


class Probe(StrEnum):
    ARRIVED = "arrived"
    NOT_LISTENING = "not_listening"  # the listener itself is off
    UNREACHABLE = "unreachable"  # nothing answered at the address
    TIMEOUT = "timeout"
    ELSEWHERE = "elsewhere"  # something answered, but the listener never saw the request


@dataclass(frozen=True)
class ProbeResult:
    outcome: Probe
    url: str  # where the test request was posted (its nonce left out)
    status: int | None = None  # the HTTP answer, when there was one


class Preferences(QObject):
    changed = Signal(object)  # the Settings just applied and saved

    def __init__(self, app: AppController, store: SettingsStore, settings: Settings) -> None:
        super().__init__()
        self.app = app
        self.store = store
        self.settings = settings
        self.ignored = list(store.ignored)  # refused when the file was read at start-up

    async def apply(self, wanted: Settings) -> Settings:
        """Check, move the listener if its address changed, save, and tell the window.
        Raises the reason (a SettingRefused or a ListenerError) and saves nothing then."""
        new = wanted.checked()
        receiver = self.app.receiver
        listener = receiver.listener
        moved = (new.listen_host, new.listen_port, new.public_base_url) != \
            (listener.host, listener.port, listener.public_base_url) or not receiver.listening
        if moved:
            await receiver.move(new.listen_host, new.listen_port, new.public_base_url)
        try:
            await asyncio.to_thread(self.store.save, new)
        finally:  # applied even when the file cannot be written (the error says so)
            self.settings = new
            self.ignored = []
            receiver.apply(new)
            self.changed.emit(new)
            if moved:
                await self.repoint()
        return new

    @property
    def operator_name(self) -> str:
        """Who answers: the name chosen in Preferences, else the OS user's."""
        return self.settings.operator_name or default_name()

    def signs(self, account_id: str, instance_id: str) -> bool:
        return f"{account_id}/{instance_id}" in self.settings.signed_instances

    async def set_signing(self, account_id: str, instance_id: str, on: bool) -> None:
        """The composer's "Sign" toggle, remembered per instance: only that is written to
        the file (never through apply(), which could move the listener)."""
        key = f"{account_id}/{instance_id}"
        kept = tuple(k for k in self.settings.signed_instances if k != key)
        self.settings = replace(self.settings, signed_instances=kept + ((key,) if on else ()))
        try:
            await asyncio.to_thread(self.store.update,
                                    signed_instances=self.settings.signed_instances)
        except errors.ZapdeskError as exc:  # kept for this run; the log says why not saved
            log.warning("the Sign toggle is not saved: %s", exc)

    async def repoint(self) -> None:
        """Instances whose webhook is one of this app's URLs on another address get the
        current one; the demo, if it could not receive until now, starts receiving."""
        app = self.app
        for account in list(app.accounts):
            if account.demo and not app.demo_receiving:
                if account.client is not None:
                    await app.receive_demo(account.profile, account.client)
                continue
            url = app.webhook_url(account)
            if url is None:
                continue
            for instance in list(account.instances):
                if instance.webhook_url == url or not app.receiver.owns(instance.webhook_url):
                    continue
                try:
                    await account.update(instance.id, instance.name, url)
                except errors.ZapdeskError as exc:
                    log.warning("could not point %s at the new webhook URL: %s",
                                instance.id, exc)
                    app.notice.emit(exc.message(QCoreApplication.translate))
                else:
                    log.info("instance %s now posts to the new webhook URL", instance.id)

    async def probe(self, public_base_url: str | None) -> ProbeResult:
        """Post a test request to the listener through ``public_base_url`` (or the
        listener's own address) and say whether the listener saw it arrive."""
        listener = self.app.receiver.listener
        if not self.app.receiver.listening:
            return ProbeResult(Probe.NOT_LISTENING, public_base_url or "")
        base = (public_base_url or "").rstrip("/") or listener.base_url
        nonce = secrets.token_urlsafe(18)
        path = listener.expect_probe(nonce)
        shown = base + path.rsplit("/", 1)[0] + "/…"
        status = None
        try:
            async with httpx.AsyncClient(timeout=PROBE_TIMEOUT, follow_redirects=True) as http:
                status = (await http.post(base + path, json={"zapdesk": "test"})).status_code
        except httpx.TimeoutException:
            outcome = Probe.TIMEOUT
        except httpx.HTTPError as exc:
            log.info("the listener test found nothing at %s: %s", shown, exc)
            outcome = Probe.UNREACHABLE
        else:
            outcome = Probe.ELSEWHERE
        if listener.probe_arrived(nonce):
            outcome = Probe.ARRIVED
        log.info("listener test through %s: %s (HTTP %s)", shown, outcome, status)
        return ProbeResult(outcome, shown, status)



def free_port(host: str, first: int = DEFAULT_PORT, tries: int = 50) -> int:
    """A port that nothing holds on ``host`` right now, from ``first`` up (kept below the
    ephemeral range, where outgoing connections could take it later)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    for port in range(first, first + tries):
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return port
    return first
