"""The receiving side as the window sees it: the store, the listener, and batched news.

Webhooks can arrive by the thousand; the window hears about them at most every 50 ms, as
one summary of what changed, because per-event repaints are what starve the GUI thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from zapdesk.accounts.settings import Settings
from zapdesk.controller.gaps import GapWatch
from zapdesk.core import errors
from zapdesk.store import queries
from zapdesk.store.ingest import Outcome
from zapdesk.store.rawlog import RawLogLimits
from zapdesk.store.store import Store
from zapdesk.webhooks.listener import Health, WebhookListener

log = logging.getLogger(__name__)

BATCH_MS = 50

# account id -> instance key -> JIDs of the conversations that changed
Changes = dict[str, dict[str, set[str]]]


class Receiver(QObject):
    stored = Signal(object)  # Changes, at most every BATCH_MS
    health_changed = Signal()  # counters, the listener's state or an account's URL

    def __init__(self, data_dir: Path, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.store = Store(data_dir, raw_limits=RawLogLimits(settings.raw_log_days,
                                                             settings.raw_log_megabytes))
        self.listener = WebhookListener(self.store, host=settings.listen_host,
                                        port=settings.listen_port,
                                        public_base_url=settings.public_base_url,
                                        on_stored=self._stored)
        self.error: str | None = None  # why receiving is off, translated
        self.failure: errors.ZapdeskError | None = None  # the same, as the error itself
        self.temporary: set[str] = set()  # accounts whose URL lasts for this session only
        self._started = False
        self._store_open = False
        self._closed = False
        self._pending: Changes = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BATCH_MS)
        self._timer.timeout.connect(self._flush)
        self._instances: dict[str, frozenset[tuple[str, str]]] = {}
        # whether an account has a connected instance (the quiet warning needs it)
        self.connected: Callable[[str], bool] = lambda _account: False
        self.gap_watch = GapWatch(
            self.store, lambda account, now: self.quiet_minutes(account,
                                                                self.connected(account), now),
            lambda: [(a, h.last_event_at) for a, h in self.listener.health.items()])

    # ---- life ----------------------------------------------------------------------
    async def start(self, before_listening: Callable[[], Awaitable[None]] | None = None
                    ) -> None:
        """Open the store, run ``before_listening`` (the stored accounts' tokens are
        registered there, so the port never opens to a sender it would refuse), then
        listen; each failure is said once and the app goes on."""
        if self._started:
            return
        self._started = True
        try:
            await self.store.open()
            self._store_open = True
            if before_listening is not None:
                await before_listening()
            await self.listener.start()
            await self.gap_watch.started()
        except errors.ZapdeskError as exc:
            self._failed(exc)
            raise
        finally:
            self.health_changed.emit()

    def _failed(self, exc: errors.ZapdeskError) -> None:
        self.failure = exc
        self.error = exc.message(QCoreApplication.translate)
        log.error("receiving webhooks is off: %s", exc)

    async def move(self, host: str, port: int, public_base_url: str | None) -> None:
        """Listen on another address (or start listening there after a failure). Raises
        the reason when it cannot; a running listener then stays where it was."""
        try:
            if self.listener.running:
                if (host, port) != (self.listener.host, self.listener.port):
                    await self.listener.move(host, port)
            elif self._store_open:  # without the store there is nothing to receive into
                self.listener.host, self.listener.port = host, port
                await self.listener.start()
                await self.gap_watch.started()
                self.failure = self.error = None
        except errors.ListenerError as exc:
            if not self.listener.running:
                self._failed(exc)
            raise
        else:
            self.listener.public_base_url = public_base_url
            self.settings = replace(self.settings, listen_host=host,
                                    listen_port=self.listener.port if self.listening else port,
                                    public_base_url=public_base_url)
        finally:
            self.health_changed.emit()

    def apply(self, settings: Settings) -> None:
        """The limits and the quiet warning, from now on (the listener moves by itself)."""
        self.settings = replace(settings, listen_host=self.settings.listen_host,
                                listen_port=self.settings.listen_port,
                                public_base_url=self.settings.public_base_url)
        self.store.raw_limits = RawLogLimits(settings.raw_log_days, settings.raw_log_megabytes)
        self.health_changed.emit()

    async def close(self) -> None:
        # The listener first: stopping it lets requests in flight finish, and each stored
        # one would start the batch timer again, whose news would then reach a window whose
        # loop has stopped.
        self._closed = True
        await self.listener.stop()
        self._timer.stop()
        self._pending = {}
        try:
            if self._store_open:
                await self.gap_watch.stopped()
        finally:
            if self._started:  # also when quitting interrupted the opening: its writer runs
                self._store_open = False
                await self.store.close()

    @property
    def store_open(self) -> bool:
        return self._store_open

    @property
    def listening(self) -> bool:
        return self.listener.running

    # ---- accounts ------------------------------------------------------------------
    def expect(self, account_ids: Iterable[str]) -> None:
        """Stored accounts whose tokens are about to be read: until each is registered
        with its kept token, an unknown token is answered "try again" (503), not 404."""
        self.listener.unresolved.update(account_ids)

    async def register(self, account_id: str, token: str, *, kept: bool) -> None:
        last = None
        if self._store_open:
            last = (await self.store.read(lambda c: queries.event_counts(c, account_id))).last_at
        self.listener.register(account_id, token, last_event_at=last)
        if kept:
            self.temporary.discard(account_id)
            self.listener.unresolved.discard(account_id)
        else:
            # Its kept token, if any, could not be read: it stays unresolved (see expect).
            self.temporary.add(account_id)
        self.health_changed.emit()

    def unregister(self, account_id: str) -> None:
        self.listener.unregister(account_id)
        self.temporary.discard(account_id)
        self._instances.pop(account_id, None)
        self.health_changed.emit()

    def url_for(self, account_id: str) -> str | None:
        return self.listener.url_for(account_id)

    def owns(self, url: str | None) -> bool:
        return self.listener.owns(url)

    def health(self, account_id: str) -> Health | None:
        return self.listener.health.get(account_id)

    def quiet_minutes(self, account_id: str, connected: bool, now: float | None = None
                      ) -> float | None:
        """Minutes without events while instances are connected, once past the setting's
        threshold; None while all is well (or nothing is connected to send any)."""
        health = self.health(account_id)
        if not connected or health is None or not self.listening:
            return None
        silent = health.silent_for(now)
        if silent is None:
            return None
        minutes = silent / 60
        return minutes if minutes >= self.settings.quiet_minutes else None

    async def forget(self, account_id: str) -> None:
        """Drop everything stored for an account (the demo's, whose sandbox is new)."""
        if self._store_open:
            await self.store.forget(account_id)

    async def remember_instances(self, account_id: str,
                                 instances: Iterable[tuple[str, str]]) -> None:
        """Tell the store which names are which ids, only when that changed."""
        known = frozenset(instances)
        if not self._store_open or self._instances.get(account_id) == known:
            return
        self._instances[account_id] = known
        moved = await self.store.remember_instances(account_id, known)
        if moved:  # conversations filed under a name joined their instance: show them
            self._note(account_id, moved)

    # ---- news ----------------------------------------------------------------------
    def _stored(self, account_id: str, outcome: Outcome) -> None:
        self.gap_watch.heard(account_id, time.time())
        changed = dict(outcome.others)
        if outcome.instance is not None and outcome.chats:
            changed[outcome.instance] = outcome.chats
        self._note(account_id, changed)

    def _note(self, account_id: str, changed: dict[str, set[str]]) -> None:
        for instance, chats in changed.items():
            if chats:
                self._pending.setdefault(account_id, {}).setdefault(instance, set()).update(
                    chats)
        if not self._timer.isActive() and not self._closed:
            self._timer.start()

    def _flush(self) -> None:
        changes, self._pending = self._pending, {}
        self.health_changed.emit()
        if changes:
            self.stored.emit(changes)
