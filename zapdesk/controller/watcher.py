"""The instance on screen: polled while it is pairing, and its QR series as the operator
should see it. A code is shown as valid only while its own countdown runs; at zero it is
greyed out until the next one arrives, and after the last attempt the series is over."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from zapdesk.controller.account import AccountController
from zapdesk.controller.tasks import finish, wait_woken
from zapdesk.core import errors
from zapdesk.core.models import QR_ATTEMPTS, QR_LIFETIME, Instance, QrCode, Status

log = logging.getLogger(__name__)

POLLED = (Status.CREATED.value, Status.QR.value)


class QrPhase(StrEnum):
    NONE = "none"  # nothing to pair (connected, banned, disconnected before any series)
    WAITING = "waiting"  # created; the first code is on its way
    LIVE = "live"  # a valid code with time left
    STALE = "stale"  # its time is up; the next code is on its way
    EXPIRED = "expired"  # the series is over; regenerate to start again


@dataclass(frozen=True)
class QrView:
    phase: QrPhase
    code: QrCode | None  # the picture to show (greyed unless LIVE)
    remaining: float  # seconds left on the code
    lifetime: float
    attempt: int | None
    attempts: int = QR_ATTEMPTS

    @property
    def fraction(self) -> float:
        return max(0.0, min(1.0, self.remaining / self.lifetime)) if self.lifetime else 0.0


class InstanceWatcher(QObject):
    changed = Signal()  # the instance or its QR view changed

    def __init__(self, account: AccountController, instance: Instance, *,
                 poll_interval: float = 2.5, clock: Callable[[], float] = time.monotonic
                 ) -> None:
        super().__init__()
        self.account = account
        self.instance = instance
        self.poll_interval = poll_interval
        self.clock = clock
        self.problem: errors.ZapdeskError | None = None
        self._code: QrCode | None = None
        self._arrived = 0.0
        self._lifetime = QR_LIFETIME
        self._series_seen = False
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._stopping = False
        self._details_due = True  # the list lacks some fields: fetch them once on screen
        self._seen_connected = False
        self._reported: str | None = None  # the bug last reported, until a poll succeeds
        account.changed.connect(self._account_changed)
        self._listening = True
        self._take(instance)

    # ---- lifecycle ---------------------------------------------------------------------
    def start(self) -> None:
        if self._task is None:
            self.account.follow(self.stop)
            self._task = asyncio.get_running_loop().create_task(
                self._poll_loop(), name=f"watch-{self.instance.id}")

    async def stop(self) -> None:
        if self._listening:  # stopped by its pane and again by its account: disconnect once
            self._listening = False
            with contextlib.suppress(RuntimeError, TypeError):  # already gone with its account
                self.account.changed.disconnect(self._account_changed)
        try:
            if self._task is not None:
                self._stopping = True
                await finish(self._task, self._wake)  # a second caller waits for it too
                self._task = None
        finally:
            # Only once it has ended (not when this stop is cancelled, as quitting cancels
            # background work): an account closing meanwhile must still stop it first.
            if self._task is None or self._task.done():
                self.account.unfollow(self.stop)

    # ---- the QR as the operator sees it ------------------------------------------------
    def qr_view(self) -> QrView:
        status = self.instance.status
        code = self._code
        if code is not None and status in POLLED:
            remaining = max(0.0, self._lifetime - (self.clock() - self._arrived))
            if remaining > 0:
                phase = QrPhase.LIVE
            elif code.attempt is not None and code.attempt >= QR_ATTEMPTS:
                phase = QrPhase.EXPIRED  # the last code ran out: the series is over
            else:
                phase = QrPhase.STALE
            return QrView(phase, code, remaining, self._lifetime, code.attempt)
        if status == Status.CREATED.value or (status == Status.QR.value and code is None):
            return QrView(QrPhase.WAITING, None, 0.0, self._lifetime, None)
        if status == Status.DISCONNECTED.value and self._series_seen:
            attempt = code.attempt if code else None
            return QrView(QrPhase.EXPIRED, code, 0.0, self._lifetime, attempt)
        return QrView(QrPhase.NONE, None, 0.0, self._lifetime, None)

    @property
    def linked_before(self) -> bool:
        """Whether a phone was ever linked: ZapFlare fills ``phone`` when one scans (and
        keeps it after a disconnect), or this session saw the instance connected."""
        return self._seen_connected or bool(self.instance.phone)

    # ---- updates -----------------------------------------------------------------------
    def _account_changed(self) -> None:
        latest = self.account.instance(self.instance.id)
        if latest is not None and latest != self.instance:
            self._take(latest)

    def _take(self, inst: Instance) -> None:
        previous_status = self.instance.status
        self.instance = inst
        qr = inst.qr
        if qr is not None and (self._code is None or qr.attempt_id != self._code.attempt_id):
            self._code = qr
            self._arrived = self.clock()
            self._lifetime = qr.expiry or QR_LIFETIME
            self._series_seen = True
        if inst.status == Status.CONNECTED.value:
            self._code, self._series_seen = None, False
            self._seen_connected = True
        if inst.status != previous_status:
            self._details_due = True  # e.g. connected: the phone and picture are new
            self._wake.set()
        self.changed.emit()

    def poll_now(self) -> None:
        self._wake.set()

    async def regenerate(self) -> None:
        """Start a new series (also the "reconnect" of a disconnected instance)."""
        self._code, self._series_seen = None, False
        inst = await self.account.regenerate_qr(self.instance.id)
        if inst is not None:
            self._take(inst)
        self._wake.set()

    async def _poll_loop(self) -> None:
        while not self._stopping:
            if self.instance.status in POLLED or self._details_due:
                self._details_due = False
                try:
                    inst = await self.account.get(self.instance.id)
                except errors.NotFound:
                    self.account.forget(self.instance.id)
                    return
                except errors.ZapdeskError as exc:
                    # Shown beside the code; the next poll tries again.
                    self.problem = exc
                    self.changed.emit()
                except Exception as exc:  # a bug: reported once, shown, and polled again
                    said = f"{type(exc).__name__}: {exc}"
                    if said != self._reported:
                        self._reported = said
                        self.account.report(exc)
                    self.problem = errors.UpdateFailed(said)
                    self.changed.emit()
                else:
                    self.problem, self._reported = None, None
                    if inst is not None and not self._stopping:
                        self._take(inst)
            self._wake.clear()
            if not self._stopping:
                await wait_woken(self._wake, self.poll_interval)
