"""Sending: what the operator sends is stored first, then sent per instance at most 5 per
second; the outbox row records what the API accepted, so nothing is sent twice."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from zapdesk.api.client import ZapFlareClient
from zapdesk.controller.tasks import TaskSet
from zapdesk.core import errors, validation
from zapdesk.core.phone import normalize_phone
from zapdesk.core.send_failure import classify
from zapdesk.store import outbox
from zapdesk.store.outbox import OutboxItem
from zapdesk.store.store import Store

log = logging.getLogger(__name__)

PACE = 0.2  # seconds between two sends of one instance: the API's 5 messages per second
# A 429 asking to wait longer than this fails the message, saying until when, instead of
# leaving it "pending" for many minutes without a word (a short wait is simply honoured).
LONGEST_WAIT = 60.0
ClientFor = Callable[[str], ZapFlareClient | None]


class Outbox(QObject):
    changed = Signal(object)  # {account: {instance: {chat jid}}}, like Receiver.stored
    failed = Signal(object)  # the OutboxItem that just failed, with its reason

    def __init__(self, store: Store, client_for: ClientFor, *, pace: float = PACE,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.store = store
        self.client_for = client_for
        self.pace = pace
        self.clock = clock
        self.tasks = TaskSet(lambda error: log.error("outbox task failed", exc_info=error))
        self._workers: dict[tuple[str, str], asyncio.Task[None]] = {}
        self._last_send: dict[tuple[str, str], float] = {}
        # Woken while its worker ran: the worker looks again before it ends, or a message
        # stored (or an account opened) just as it found nothing to do would wait forever.
        self._rewake: set[tuple[str, str]] = set()
        self._closing = False

    async def start(self) -> None:
        """Messages caught mid-send by a stop become uncertain; queued ones go out now."""
        recovered = await self.store.write(outbox.recover)
        if recovered:
            log.warning("%d message(s) were being sent when zapdesk stopped; marked failed "
                        "for the operator to check", recovered)
        await self.resume()

    async def close(self) -> None:
        self._closing = True
        await self.tasks.cancel_all()

    # ---- what the composer calls ---------------------------------------------------
    async def send_text(self, account_id: str, instance_id: str, to: str, text: str, *,
                        operator: str | None = None) -> OutboxItem:
        recipient = normalize_phone(to)  # refused here, before anything is stored
        body = validation.message_text(text)
        return await self._enqueue(account_id, instance_id, recipient, "text", body, None,
                                   operator)

    async def send_media(self, account_id: str, instance_id: str, to: str, url: str,
                         kind: str | None = None, caption: str | None = None, *,
                         operator: str | None = None) -> OutboxItem:
        recipient = normalize_phone(to)
        checked = validation.http_url(url, field="mediaUrl")
        chosen = validation.media_type(kind) if kind else validation.media_type_for(checked)
        return await self._enqueue(account_id, instance_id, recipient, chosen,
                                   caption or None, checked, operator)

    async def retry(self, item_id: int, *, confirmed: bool = False) -> OutboxItem | None:
        """Queue a failed message again. One that may have reached the API needs the
        operator's ``confirmed``; one already sent is left alone (None)."""
        item = await self.store.read(lambda c: outbox.get(c, item_id))
        if item is None or item.state != outbox.FAILED:
            return None
        if item.uncertain and not confirmed:
            raise errors.UncertainRetry(f"outbox item {item_id} may have been accepted")
        again = await self.store.write(lambda c: outbox.retry(c, item_id))
        if again is not None:
            self._changed(again)
            self._wake(again.account_id, again.instance)
        return again

    async def resume(self) -> None:
        # A worker busy at this moment holds its item as "sending", so the query below
        # misses it, and it may be about to find no client and stop: it looks once more.
        self._rewake.update(key for key, worker in self._workers.items() if not worker.done())
        for account_id, instance in await self.store.read(outbox.waiting):
            self._wake(account_id, instance)

    # ---- sending -------------------------------------------------------------------
    async def _enqueue(self, account_id: str, instance_id: str, recipient: str, kind: str,
                       body: str | None, media_url: str | None, operator: str | None = None
                       ) -> OutboxItem:
        now = time.time()
        item = await self.store.write(lambda c: outbox.enqueue(
            c, account_id=account_id, instance=instance_id, recipient=recipient, kind=kind,
            body=body, media_url=media_url, now=now, operator=operator))
        self._changed(item)
        self._wake(account_id, instance_id)
        return item

    def _changed(self, item: OutboxItem) -> None:
        self.changed.emit({item.account_id: {item.instance: {item.chat_jid}}})

    def _wake(self, account_id: str, instance: str) -> None:
        key = (account_id, instance)
        if self._closing:
            return
        worker = self._workers.get(key)
        if worker is not None and not worker.done():
            self._rewake.add(key)
            return
        self._workers[key] = self.tasks.spawn(self._work(key), name=f"outbox-{instance}")

    async def _work(self, key: tuple[str, str]) -> None:
        account_id, instance = key
        while not self._closing:
            self._rewake.discard(key)  # what woke us before this point, take() will see
            wait = self._last_send.get(key, -self.pace) + self.pace - self.clock()
            if wait > 0:
                await asyncio.sleep(wait)
            item = await self.store.write(lambda c: outbox.take(c, account_id, instance))
            if item is not None:
                self._last_send[key] = self.clock()
                delay = await self._send(item)
                self._changed(item)
                if delay is not None:
                    if delay:
                        await asyncio.sleep(delay)
                    continue
            # Nothing to send now (the queue is empty, or its account is not open yet and
            # resume() wakes this again): done, unless a wake came meanwhile.
            if key not in self._rewake:
                return

    async def _send(self, item: OutboxItem) -> float | None:
        """Send one item and record the outcome; returns seconds to wait before the next,
        or None when its account has no client yet (at start-up, or signed out): the
        message waits in the queue, still shown as pending."""
        client = self.client_for(item.account_id)
        if client is None:
            await self.store.write(lambda c: outbox.requeue(c, item.id))
            return None
        try:
            if item.kind == "text":
                answer = await client.send_text(item.instance, item.recipient, item.body or "")
            else:
                assert item.media_url is not None
                answer = await client.send_media(item.instance, item.recipient, item.media_url,
                                                 item.kind, item.body)
        except errors.RateLimited as exc:  # not accepted; wait as asked, then send it
            if exc.retry_after > LONGEST_WAIT:
                await self._failed(item, exc, uncertain=False)
                return 0.0
            await self.store.write(lambda c: outbox.requeue(c, item.id))
            return max(exc.retry_after, self.pace)
        except errors.UnexpectedResponse:  # a 2xx whose body we cannot read: accepted
            await self.store.write(lambda c: outbox.sent(c, item.id, None, time.time()))
            return 0.0
        except (errors.ApiError, errors.NetworkError) as exc:
            await self._failed(item, exc, uncertain=may_have_been_accepted(exc))
            return 0.0
        await self.store.write(lambda c: outbox.sent(c, item.id, answer.id, time.time()))
        return 0.0

    async def _failed(self, item: OutboxItem, exc: errors.ApiError | errors.NetworkError, *,
                      uncertain: bool) -> None:
        failure = classify(exc, uncertain=uncertain, now=time.time())
        log.info("message %d not sent (%s): %s", item.id, failure.reason.value, exc)
        await self.store.write(lambda c: outbox.failed(c, item.id, failure, str(exc)))
        stored = await self.store.read(lambda c: outbox.get(c, item.id))
        if stored is not None:
            self.failed.emit(stored)


def may_have_been_accepted(exc: errors.ApiError | errors.NetworkError) -> bool:
    """Whether a failed send may still have reached the API, so that retrying it could
    send twice: a timeout or a cut after sending, or a 502/504 from a gateway in between
    (the API may have taken it before the answer was lost). The API's own refusals and
    500/503, a refused connection and a bad certificate mean it was certainly not sent."""
    if isinstance(exc, errors.ServerError):
        return exc.status in (502, 504)
    if isinstance(exc, errors.ApiError):
        return False
    return not isinstance(exc, errors.ConnectionRefused | errors.CertificateError)
