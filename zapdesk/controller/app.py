"""The application's state: accounts, the demo sandbox, and the one way to quit."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from zapdesk.accounts import paths
from zapdesk.accounts.keychain import SecretStore
from zapdesk.accounts.manager import AccountManager
from zapdesk.accounts.profiles import AccountProfile, ProfileStore
from zapdesk.accounts.settings import SettingsStore
from zapdesk.accounts.snapshots import SnapshotStore
from zapdesk.controller.account import AccountController
from zapdesk.controller.outbox import Outbox
from zapdesk.controller.preferences import Preferences
from zapdesk.controller.receiving import Receiver
from zapdesk.controller.tasks import TaskSet
from zapdesk.core import errors
from zapdesk.core.models import Status

log = logging.getLogger(__name__)

DEMO_ACCOUNT = "acc_demo"
TOKEN_WAIT = 3.0  # seconds the listener waits for the keyring's webhook tokens before opening


class AppController(QObject):
    accounts_changed = Signal()  # an account was added, removed, or the list finished loading
    notice = Signal(str)  # a known error or an outcome to show in the window (translated)
    bug = Signal(str)  # an unexpected exception: the window offers the log

    def __init__(self, data_dir: Path | None = None, *, secrets: SecretStore | None = None,
                 refresh_interval: float = 10.0, clock: Callable[[], float] = time.monotonic,
                 sandbox_options: dict[str, Any] | None = None,
                 listen: tuple[str, int] | None = None, **client_options: Any) -> None:
        super().__init__()
        self.config_dir = paths.config_dir(data_dir)
        self.data_dir = paths.data_dir(data_dir)
        store = SettingsStore(self.config_dir)
        settings = store.load()
        self.preferences = Preferences(self, store, settings)
        if listen is not None:  # ``--listen`` for this run only
            settings = replace(settings, listen_host=listen[0], listen_port=listen[1])
        self.receiver = Receiver(self.data_dir, settings)
        self.receiver.connected = self._connected
        self.secrets = secrets if secrets is not None else SecretStore()
        self.manager = AccountManager(ProfileStore(self.config_dir), self.secrets,
                                      **client_options)
        self.snapshots = SnapshotStore(self.config_dir)  # each account's last-known list
        self.refresh_interval = refresh_interval
        self.clock = clock
        self.sandbox_options = sandbox_options or {}
        self.accounts: list[AccountController] = []
        self.loading = False
        self.sandbox: Any = None  # the demo's SandboxServer, imported only when used
        self.demo_receiving = False  # the demo's instances call the listener back
        self.bugs: list[BaseException] = []
        self.tasks = TaskSet(self._task_failed)
        self._receiving: asyncio.Task[None] | None = None
        self.outbox: Outbox | None = None  # once the store is open

    # ---- errors ------------------------------------------------------------------------
    def _task_failed(self, error: BaseException) -> None:
        if isinstance(error, errors.ZapdeskError):
            self.notice.emit(error.message(QCoreApplication.translate))
        else:
            self.report_bug(error)

    def report_bug(self, error: BaseException) -> None:
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        self.bugs.append(error)
        self.bug.emit(f"{type(error).__name__}: {error}")

    # ---- accounts -----------------------------------------------------------------------
    def _controller(self, profile: AccountProfile, client: Any, demo: bool = False
                    ) -> AccountController:
        controller = AccountController(profile, client, refresh_interval=self.refresh_interval,
                                       clock=self.clock, demo=demo,
                                       snapshots=None if demo else self.snapshots,
                                       report=self.report_bug)
        controller.changed.connect(lambda: self._instances_seen(controller))
        return controller

    def _connected(self, account_id: str) -> bool:
        return any(c.profile.id == account_id and any(
            i.known_status == Status.CONNECTED for i in c.instances) for c in self.accounts)

    def _instances_seen(self, controller: AccountController) -> None:
        """Instance names and ids go to the store, so name-only webhooks file correctly."""
        if controller.loaded and controller in self.accounts:
            self.tasks.spawn(self.receiver.remember_instances(
                controller.profile.id, [(i.id, i.name) for i in controller.instances]))

    # ---- receiving ----------------------------------------------------------------------
    async def start_receiving(self, stored: list[AccountProfile] | None = None) -> None:
        """Store and listener, started once however many callers wait for them; a failure
        is one notice, and the console works without them. ``stored``: the accounts kept
        from earlier runs, whose webhook tokens are registered before the port opens."""
        if self._receiving is None:
            self._receiving = self.tasks.spawn(self._start_receiving(stored or []),
                                               name="receiving")
            await asyncio.shield(self._receiving)
            return
        await asyncio.shield(self._receiving)
        if stored:  # receiving was started by someone else first (the demo, a sign-in)
            await self._register_stored(stored)

    async def _start_receiving(self, stored: list[AccountProfile]) -> None:
        try:
            await self.receiver.start(before_listening=lambda: self._register_stored(stored))
        except errors.ZapdeskError as exc:
            self.notice.emit(exc.message(QCoreApplication.translate))
        if self.receiver.store_open:  # when messages may be missing, kept while it runs
            self.tasks.spawn(self.receiver.gap_watch.run(), name="gaps")
        if self.receiver.store_open:  # sending needs the store, not the listener
            self.outbox = Outbox(self.receiver.store, self._client_for)
            await self.outbox.start()

    async def _register_stored(self, profiles: list[AccountProfile]) -> None:
        """Every stored account's webhook token, read before the listener answers anyone:
        a sender whose events were queued while zapdesk was closed redelivers them the
        moment the port opens, and a 404 is not retried (Evolution's non-retryable list is
        400, 401, 403, 404, 422). A keyring slower than TOKEN_WAIT does not keep the port
        closed: until its tokens arrive, unknown tokens are answered 503 (retried)."""
        if not profiles:
            return
        self.receiver.expect(p.id for p in profiles)
        reads = [self.tasks.spawn(self._listen_for(p), name=f"token-{p.id}") for p in profiles]
        _done, pending = await asyncio.wait(reads, timeout=TOKEN_WAIT)
        if pending:
            log.warning("the keyring has not given %d webhook token(s) after %.1f s; "
                        "listening anyway, answering 503 to unknown tokens until it does",
                        len(pending), TOKEN_WAIT)

    def _client_for(self, account_id: str) -> Any:
        found = next((a for a in self.accounts if a.profile.id == account_id), None)
        return found.client if found is not None else None

    async def _listen_for(self, profile: AccountProfile) -> None:
        token, kept = await self.manager.webhook_token(profile)
        await self.receiver.register(profile.id, token, kept=kept)

    def webhook_url(self, controller: AccountController) -> str | None:
        """The URL to give ZapFlare for this account's instances (None when not listening)."""
        return self.receiver.url_for(controller.profile.id) if self.receiver.listening else None

    async def load(self) -> None:
        """Open every stored account; one that fails shows its error, the others load."""
        self.loading = True
        self.accounts_changed.emit()
        try:
            profiles = await asyncio.to_thread(self.manager.accounts)
        except errors.ZapdeskError as exc:
            self.loading = False
            self.notice.emit(exc.message(QCoreApplication.translate))
            self.accounts_changed.emit()
            await self.start_receiving()
            return
        # Webhooks are received for every account, even one whose sign-in fails now; the
        # listener opens once their tokens are registered. Meanwhile, accounts open.
        receiving = self.tasks.spawn(self.start_receiving(profiles))

        async def open_one(profile: AccountProfile) -> AccountController:
            try:
                client = await self.manager.open(profile)
            except errors.ZapdeskError as exc:
                client, failure = None, exc
            last_known = await asyncio.to_thread(self.snapshots.load, profile.id)
            await asyncio.shield(receiving)
            controller = self._controller(profile, client)
            if last_known is not None:
                controller.show_last_known(last_known)
                if client is not None and client.plan is None:
                    client.plan = last_known.plan  # a reused session is not told it again
            if client is None:
                controller.fail(failure)
            else:
                controller.start()
            return controller

        opened = await asyncio.gather(*(open_one(p) for p in profiles))
        await receiving
        self.accounts.extend(opened)
        self.loading = False
        self.accounts_changed.emit()
        await self._resume_sending()

    async def sign_in(self, *, display_name: str, base_url: str, email: str | None,
                      password: str | None, api_key: str | None, remember: bool,
                      abandoned: asyncio.Event | None = None) -> AccountController:
        """``abandoned``: set when the operator stops waiting (Cancel); an answer that comes
        after it keeps nothing (see ``AccountManager.sign_in``)."""
        profile, client = await self.manager.add(
            display_name=display_name, base_url=base_url, email=email, password=password,
            api_key=api_key, remember=remember, abandoned=abandoned)
        await self.start_receiving()
        await self._listen_for(profile)
        controller = self._controller(profile, client)
        self.accounts.append(controller)
        controller.start()
        self.accounts_changed.emit()
        await self._resume_sending()
        return controller

    async def sign_in_again(self, controller: AccountController, *, password: str | None,
                            api_key: str | None, remember: bool,
                            abandoned: asyncio.Event | None = None) -> None:
        client = await self.manager.sign_in(controller.profile, password=password,
                                            api_key=api_key, remember=remember,
                                            abandoned=abandoned)
        await controller.replace_client(client)
        await self._resume_sending()

    async def _resume_sending(self) -> None:
        """Messages queued while their account had no client go out now."""
        if self.outbox is not None:
            await self.outbox.resume()

    async def sign_out(self, controller: AccountController) -> None:
        """Log out on the server, forget the secrets and the profile (the demo just stops)."""
        if controller in self.accounts:
            self.accounts.remove(controller)
        self.receiver.unregister(controller.profile.id)
        self.accounts_changed.emit()
        if controller.demo:
            await controller.close()
            await self._stop_sandbox()
            self.demo_receiving = False
            return
        await controller.stop_work()  # nothing may poll through the client it closes
        await self.manager.remove(controller.profile, controller.client)
        await asyncio.to_thread(self.snapshots.remove, controller.profile.id)

    # ---- the demo ----------------------------------------------------------------------
    async def start_demo(self) -> AccountController:
        existing = next((a for a in self.accounts if a.demo), None)
        if existing is not None:
            return existing
        from zapdesk.sandbox import SandboxClock, SandboxServer  # ~110 ms of imports
        from zapdesk.sandbox.seed import DEMO_EMAIL, DEMO_PASSWORD
        from zapdesk.sandbox.world import SandboxConfig

        options = dict(self.sandbox_options)
        clock = options.pop("clock", None) or SandboxClock()
        config = options.pop("config", None) or SandboxConfig(activity_interval=90.0)
        self.sandbox = SandboxServer(clock=clock, config=config, seed=True, **options)
        await self.sandbox.start()
        # One fixed id: the demo's stored conversations belong to this run's sandbox only.
        profile = AccountProfile(DEMO_ACCOUNT, QCoreApplication.translate("app",
                                                                          "Demo (sandbox)"),
                                 self.sandbox.url, "password", DEMO_EMAIL)
        client = await self.manager.sign_in(profile, password=DEMO_PASSWORD, remember=False)
        await self.start_receiving()
        await self.receive_demo(profile, client)
        controller = self._controller(profile, client, demo=True)
        self.accounts.append(controller)
        controller.start()
        self.accounts_changed.emit()
        return controller

    async def receive_demo(self, profile: AccountProfile, client: Any) -> None:
        """Point the demo's instances at the listener and start its first conversations,
        once the listener runs (at start, or when a port that works is chosen later)."""
        if not self.receiver.listening or self.demo_receiving:
            return
        self.demo_receiving = True
        await self.receiver.forget(DEMO_ACCOUNT)
        await self._listen_for(profile)
        url = self.receiver.url_for(DEMO_ACCOUNT)
        for instance in await client.list_instances():  # the sandbox calls us back
            await client.update_instance(instance.id, webhook_url=url)
        self.sandbox.world.demo_messages(4)  # a few first conversations to try

    async def _stop_sandbox(self) -> None:
        if self.sandbox is not None:
            await self.sandbox.stop()
            self.sandbox = None

    # ---- quitting ----------------------------------------------------------------------
    async def close(self) -> None:
        """Every step runs whatever an earlier one raised: the outbox, the listener and the
        store are closed even after a background task or an account failed to stop."""
        await self._closing("background tasks", self.tasks.cancel_all())
        for controller in self.accounts:
            await self._closing(f"account {controller.name}", controller.close())
        self.accounts.clear()
        if self.outbox is not None:
            await self._closing("outbox", self.outbox.close())
        await self._closing("receiving", self.receiver.close())
        await self._closing("demo sandbox", self._stop_sandbox())

    async def _closing(self, what: str, step: Coroutine[Any, Any, None]) -> None:
        try:
            await step
        except Exception as exc:  # a bug, but the next steps must still run
            log.error("closing the %s failed", what)
            self.report_bug(exc)

