"""Keeping the record of when messages may have been missed, while zapdesk receives.

Every ``interval`` seconds: this computer is alive (so a crash leaves a gap from about
then), and each account past its quiet warning opens a quiet gap from its last event; the
first event after closes it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal

from zapdesk.controller.tasks import wait_woken
from zapdesk.store import gaps
from zapdesk.store.store import Store

HEARTBEAT_SECONDS = 30.0


class GapWatch(QObject):
    changed = Signal()  # a gap was recorded or ended: timelines show it

    def __init__(self, store: Store, quiet: Callable[[str, float], float | None],
                 accounts: Callable[[], list[tuple[str, float | None]]],
                 interval: float = HEARTBEAT_SECONDS) -> None:
        """``quiet(account, now)``: minutes past the warning or None; ``accounts()``:
        (account id, its last event's time) for every account received for."""
        super().__init__()
        self.store = store
        self.quiet = quiet
        self.accounts = accounts
        self.interval = interval
        self._open: set[str] = set()  # accounts with a quiet gap open
        self._resumed: dict[str, float] = {}  # first event after one opened
        self._wake = asyncio.Event()
        self._running = False

    async def started(self, now: float | None = None) -> None:
        """Receiving has begun: the time since the last run becomes a gap."""
        at = time.time() if now is None else now
        if await self.store.write(partial(gaps.started, now=at)) is not None:
            self.changed.emit()
        self._running = True

    async def stopped(self, now: float | None = None) -> None:
        if not self._running:
            return
        self._running = False
        self._wake.set()
        await self.store.write(partial(gaps.stopped, now=time.time() if now is None else now))

    def heard(self, account_id: str, at: float) -> None:
        """An event came for ``account_id`` (the quiet gap, if open, ends at the first)."""
        if account_id in self._open:
            self._resumed.setdefault(account_id, at)
            self._wake.set()

    async def run(self) -> None:
        while self._running:
            await wait_woken(self._wake, self.interval)
            self._wake.clear()
            if self._running:
                await self.tick()

    async def tick(self, now: float | None = None) -> None:
        at = time.time() if now is None else now
        changed = False
        await self.store.write(partial(gaps.alive, now=at))
        resumed_now = set(self._resumed)
        for account_id, resumed in list(self._resumed.items()):
            self._open.discard(account_id)
            del self._resumed[account_id]
            changed |= await self.store.write(partial(gaps.close_quiet, account_id=account_id,
                                                      at=resumed))
        for account_id, last_event in self.accounts():
            if account_id in self._open or account_id in resumed_now or last_event is None \
                    or self.quiet(account_id, at) is None:
                continue
            self._open.add(account_id)
            changed |= await self.store.write(partial(gaps.open_quiet, account_id=account_id,
                                                      since=last_event))
        if changed:
            self.changed.emit()
