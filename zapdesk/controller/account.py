"""One signed-in account: its client, its instances, and a refresh loop that respects the
read limits (one list call per interval) and backs off instead of hammering a failing
server."""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Awaitable, Callable
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from zapdesk.accounts.profiles import AccountProfile
from zapdesk.accounts.snapshots import Snapshot, SnapshotStore
from zapdesk.api.client import ZapFlareClient
from zapdesk.controller.tasks import finish, wait_woken
from zapdesk.core import errors
from zapdesk.core.models import PLAN_LIMITS, Instance

log = logging.getLogger(__name__)

MAX_BACKOFF = 120.0
Report = Callable[[BaseException], None]


def backoff(failures: int) -> float:
    """Seconds before the next try after ``failures`` failures in a row: 5, 10, 20 … 120."""
    return min(MAX_BACKOFF, 5.0 * 2.0 ** (min(failures, 16) - 1))


class AccountState(StrEnum):
    LOADING = "loading"
    READY = "ready"
    RETRYING = "retrying"  # offline or failing: the last known list stays visible
    SIGN_IN = "sign_in"  # the server wants a new sign-in; no automatic retry


class AccountController(QObject):
    changed = Signal()  # instances, state or error changed

    def __init__(self, profile: AccountProfile, client: ZapFlareClient | None, *,
                 refresh_interval: float = 10.0, clock: Callable[[], float] = time.monotonic,
                 demo: bool = False, snapshots: SnapshotStore | None = None,
                 report: Report | None = None) -> None:
        super().__init__()
        self.profile = profile
        # Where a bug in this account's background work goes (the app's one reporter).
        self.report: Report = report or (lambda error: log.error(
            "unexpected error", exc_info=(type(error), error, error.__traceback__)))
        self.client = client
        self.demo = demo
        self.snapshots = snapshots  # where the last list is kept across restarts (not demo)
        self.last_known: Snapshot | None = None  # shown until this run's first list
        self._saved: object = None  # what the snapshot on disk says, to write only changes
        self.refresh_interval = refresh_interval
        self.clock = clock
        self.instances: list[Instance] = []
        self.state = AccountState.LOADING if client else AccountState.SIGN_IN
        self.error: errors.ZapdeskError | None = None
        self.retry_at: float | None = None
        self.loaded = False  # True once a list call has succeeded
        self._wake = asyncio.Event()
        self._loop_task: asyncio.Task[None] | None = None
        self._stopping = False  # the refresh loop ends at its next step
        # Answers are ordered by when they were asked for (a sequence, not a clock, so a
        # coarse or frozen clock cannot make two answers look simultaneous).
        self._asked = itertools.count(1)
        self._stamps: dict[str, float] = {}
        # What else polls through this client (a watcher on screen): stopped before it closes.
        self._followers: set[Callable[[], Awaitable[None]]] = set()

    # ---- what the UI reads -----------------------------------------------------------
    @property
    def name(self) -> str:
        return self.profile.display_name

    @property
    def plan(self) -> str | None:
        """The plan's name (lower case) when the server said it, now or on an earlier run;
        API-key sessions are never told it (see ``account_summary``)."""
        if self.client is not None and self.client.plan:
            return self.client.plan
        return self.last_known.plan if self.last_known else None

    @property
    def plan_limit(self) -> int | None:
        return PLAN_LIMITS.get(self.plan) if self.plan else None

    @property
    def stale(self) -> bool:
        """The instances shown are the last known ones from an earlier run, not current."""
        return self.last_known is not None and not self.loaded

    def show_last_known(self, snapshot: Snapshot) -> None:
        """Until the server answers (or when it cannot be asked), what it said last time."""
        self.last_known = snapshot
        self._saved = self._signature(snapshot.instances, snapshot.plan)
        if not self.loaded:
            self.instances = list(snapshot.instances)
            self.changed.emit()

    def instance(self, instance_id: str) -> Instance | None:
        return next((i for i in self.instances if i.id == instance_id), None)

    # ---- the refresh loop -------------------------------------------------------------
    def start(self) -> None:
        if self.client is not None and self._loop_task is None:
            self._loop_task = asyncio.get_running_loop().create_task(
                self._refresh_loop(), name=f"refresh-{self.profile.id}")

    def refresh_now(self) -> None:
        self._wake.set()

    def fail(self, error: errors.ZapdeskError) -> None:
        """The account could not be opened at all (no secret, keyring trouble)."""
        # An unreadable keyring leaves one remedy, as a missing secret does: sign in again
        # (for this session); nothing would retry it.
        self.state = AccountState.SIGN_IN if isinstance(
            error, errors.NotAuthenticated | errors.KeyringUnavailable) else AccountState.RETRYING
        self.error = error
        self.changed.emit()

    async def _refresh_loop(self) -> None:
        """Supervised: whatever one round raises, the loop goes on. Known errors become the
        account's state with a retry; anything else is a bug, reported once (not at every
        retry) and shown as a failure that is retried too. Only cancelling ends it."""
        failures = 0
        reported: str | None = None  # the bug last reported, until a round succeeds
        while not self._stopping:
            started = next(self._asked)
            delay = self.refresh_interval
            try:
                await self._refresh_once(started)
            except errors.NotAuthenticated as exc:
                self._set_state(AccountState.SIGN_IN, exc, None)
                delay = float("inf")  # until the operator signs in again or presses F5
            except errors.RateLimited as exc:
                delay = max(1.0, exc.retry_after)
                self._set_state(AccountState.RETRYING, exc, delay)
            except errors.ZapdeskError as exc:  # the network, the server, an odd answer
                failures += 1
                delay = backoff(failures)
                self._set_state(AccountState.RETRYING, exc, delay)
            except Exception as exc:
                failures += 1
                delay = backoff(failures)
                said = f"{type(exc).__name__}: {exc}"
                if said != reported:
                    reported = said
                    self.report(exc)
                self._set_state(AccountState.RETRYING, errors.UpdateFailed(said), delay)
            else:
                failures, reported = 0, None
            await self._sleep(delay)

    async def _refresh_once(self, started: int) -> None:
        if self.client is None:
            raise errors.NotSignedIn("this account has no client")
        found = await self.client.list_instances()
        if not self.loaded:
            log.info("account %s: %d instances", self.profile.display_name, len(found))
        self._apply_list(found, started)
        self.loaded = True
        self._set_state(AccountState.READY, None, None)
        await self._keep_snapshot()

    @staticmethod
    def _signature(instances: list[Instance], plan: str | None) -> object:
        return plan, sorted((i.id, i.name, i.status, i.phone, i.active) for i in instances)

    async def _keep_snapshot(self) -> None:
        if self.snapshots is None:
            return
        instances, plan = list(self.instances), self.plan
        signature = self._signature(instances, plan)
        if signature == self._saved:
            return
        try:
            await asyncio.to_thread(self.snapshots.save, self.profile.id, instances, plan)
        except OSError as exc:  # a convenience for the next start: never worth a failure
            log.warning("could not keep the instance list of %s: %s", self.name, exc)
            return
        self._saved = signature

    async def _sleep(self, delay: float) -> None:
        self._wake.clear()
        if self._stopping:  # asked to stop during the request: do not sleep first
            return
        await wait_woken(self._wake, None if delay == float("inf") else delay)

    def _set_state(self, state: AccountState, error: errors.ZapdeskError | None,
                   retry_in: float | None) -> None:
        if error is not None and error is not self.error:
            log.info("account %s: %s", self.profile.display_name, error)
        self.state, self.error = state, error
        self.retry_at = self.clock() + retry_in if retry_in is not None else None
        self.changed.emit()

    def _apply_list(self, found: list[Instance], started: int) -> None:
        current = {i.id: i for i in self.instances}
        merged = []
        for inst in found:
            if self._stamps.get(inst.id, float("-inf")) > started:
                # Something asked for after this list knows better: keep what it said,
                # including that the instance is gone (deleted while the list was on its way).
                if inst.id in current:
                    merged.append(current[inst.id])
                continue
            merged.append(inst)
            self._stamps[inst.id] = started
        self.instances = merged

    def apply(self, inst: Instance, started: int) -> bool:
        """Take one instance's fresh details; False when a newer answer was applied already."""
        if self._stamps.get(inst.id, float("-inf")) > started:
            return False
        self._stamps[inst.id] = started
        self.instances = [inst if i.id == inst.id else i for i in self.instances]
        if all(i.id != inst.id for i in self.instances):
            self.instances.append(inst)
        self.changed.emit()
        return True

    def forget(self, instance_id: str) -> None:
        self.instances = [i for i in self.instances if i.id != instance_id]
        self._stamps[instance_id] = float("inf")  # a late list answer must not bring it back
        self.changed.emit()

    # ---- actions (each raises a ZapdeskError the UI shows) -------------------------------
    def _client(self) -> ZapFlareClient:
        if self.client is None:
            raise errors.NotSignedIn("this account has no client")
        return self.client

    async def create(self, name: str, webhook_url: str | None) -> Instance:
        started = next(self._asked)
        inst = await self._client().create_instance(name, webhook_url)
        self.apply(inst, started)
        self.refresh_now()
        return inst

    async def update(self, instance_id: str, name: str, webhook_url: str | None) -> Instance:
        started = next(self._asked)
        inst = await self._client().update_instance(instance_id, name=name,
                                                    webhook_url=webhook_url)
        self.apply(inst, started)
        return inst

    async def delete(self, instance_id: str) -> None:
        await self._client().delete_instance(instance_id)
        self.forget(instance_id)
        self.refresh_now()

    async def disconnect_instance(self, instance_id: str) -> None:
        started = next(self._asked)
        inst = await self._client().disconnect(instance_id)
        if inst is not None:
            self.apply(inst, started)
        self.refresh_now()

    async def regenerate_qr(self, instance_id: str) -> Instance | None:
        started = next(self._asked)
        inst = await self._client().regenerate_qr(instance_id)
        if inst is not None:
            self.apply(inst, started)
        return inst

    async def get(self, instance_id: str) -> Instance | None:
        """Fresh details of one instance, or None when a newer answer already came in."""
        started = next(self._asked)
        inst = await self._client().get_instance(instance_id)
        return inst if self.apply(inst, started) else None

    async def picture(self, url: str) -> bytes:
        return await self._client().fetch_picture(url)

    async def stop_refresh(self) -> None:
        if self._loop_task is not None:
            self._stopping = True
            try:
                await finish(self._loop_task, self._wake)
            finally:
                self._loop_task = None
                self._stopping = False

    def follow(self, stop: Callable[[], Awaitable[None]]) -> None:
        """Register a poller using this account's client; ``stop`` ends it."""
        self._followers.add(stop)

    def unfollow(self, stop: Callable[[], Awaitable[None]]) -> None:
        self._followers.discard(stop)

    async def stop_work(self) -> None:
        """Before the client closes (quit, sign-out): the refresh loop and every follower
        end first, or one would ask a closed client and fail instead of just stopping."""
        await self.stop_refresh()
        for stop in list(self._followers):
            await stop()

    async def close(self) -> None:
        try:
            await self.stop_work()
        finally:  # whatever a loop or a follower raised, the connections close
            if self.client is not None:
                await self.client.aclose()

    async def replace_client(self, client: ZapFlareClient) -> None:
        """After a new sign-in: same account, new client, refresh at once."""
        old = self.client
        self.client = client
        self.state, self.error = AccountState.LOADING, None
        await self.stop_refresh()  # the loop holds the old client: start it afresh
        if old is not None:
            await old.aclose()
        self.start()
        self.refresh_now()
        self.changed.emit()
