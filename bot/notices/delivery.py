"""The delivery engine: claim recipients in leased batches, pace, send, and write each outcome durably.

State machine per recipient (bot.domain.notices.DeliveryState): a row is marked ``sending`` and committed
*before* the Telegram call and settled right after it. A worker killed between the two leaves the row
``sending``; when its lease runs out the row becomes ``unknown`` and is never sent again. Telegram has no
idempotency key, so this is the choice between a possible duplicate and a possible miss: we choose at most
once. The window is the rows a killed worker had marked and not yet settled: its calls in flight, up to
``concurrency``, and on a loaded machine also rows marked whose request had not left yet (measured by
bench/broadcast.py; the notice's report counts them as ``unknown``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Protocol

from bot.domain.notices import Delivery, DeliveryState, Notice, NoticeStatus, Progress
from bot.errors import BackendUnavailable, EstatedeskError
from bot.messaging import ChatUnreachable, RateLimited
from bot.notices.pacing import Pacer, Pacing
from integrations.sql.notices import Outcome, SqlNoticeStore

log = logging.getLogger(__name__)


class DeliveryUncertain(EstatedeskError):
    """The request may have reached Telegram (a read timeout): sending again could duplicate it."""


class NoticeTransport(Protocol):
    def calls(self, notice: Notice) -> int:
        """How many messages one recipient gets (text, or text and a photo): each takes a pacing slot."""
        ...

    async def deliver(self, chat_id: int, notice: Notice, language: str) -> int:
        """Send the notice to one private chat; return the message id.

        :class:`ChatUnreachable` (blocked: never retry), :class:`RateLimited` (nothing sent),
        :class:`DeliveryUncertain` (may have arrived), :class:`BackendUnavailable` (nothing sent)."""
        ...


ProgressCallback = Callable[[Notice, Progress, float], Awaitable[None]]


class Deliverer:
    """Sends one notice with any number of other Deliverers (other workers) on the same store.

    Outcomes are written in batches (``flush_every``): only the ``sending`` mark must be durable before a
    send, and each commit taken off the send path is throughput kept under the flood limit. A worker killed
    before its batch is written leaves those rows ``sending``: they become ``unknown``, never resent.
    """

    def __init__(
        self,
        store: SqlNoticeStore,
        transport: NoticeTransport,
        *,
        pacer: Pacing | None = None,
        lease: timedelta = timedelta(seconds=30),
        batch: int = 15,
        concurrency: int = 40,
        poll: float = 0.25,
        flush_every: float = 0.1,
        on_progress: ProgressCallback | None = None,
        progress_every: float = 5.0,
    ) -> None:
        self.store = store
        self.transport = transport
        self.pacer: Pacing = pacer or Pacer()
        self.lease = lease
        self.batch = batch
        self.poll = poll
        self.flush_every = flush_every
        self.on_progress = on_progress
        self.progress_every = progress_every
        self._slots = asyncio.Semaphore(concurrency)
        self._outages = 0
        self._outcomes: list[Outcome] = []
        self._recovered = float("-inf")

    async def run(
        self,
        notice_id: int,
        *,
        wait_for_others: bool = True,
        max_outages: int = 20,
        budget: float | None = None,
    ) -> bool:
        """Send a confirmed notice until no recipient is open; True when this call finished it.

        ``wait_for_others``: keep going while other workers hold recipients (their lease may run out).
        ``budget``: stop taking new recipients after this many seconds (a caller holding a lock that expires)."""
        notice = await self.store.get(notice_id)
        if notice is None or notice.status not in (NoticeStatus.SCHEDULED, NoticeStatus.SENDING):
            return False
        await self.store.start(notice_id)
        tasks: set[asyncio.Task[None]] = set()
        started = time.monotonic()
        deadline = started + budget if budget is not None else float("inf")
        last_report = started
        sent_here = 0
        self._outages = 0

        async def report(final: bool = False) -> None:
            nonlocal last_report
            if self.on_progress is None:
                return
            if not final and time.monotonic() - last_report < self.progress_every:
                return
            last_report = time.monotonic()
            rate = sent_here / max(last_report - started, 1e-6)
            try:
                await self.on_progress(notice, await self.store.progress(notice_id), rate)
            except Exception:
                log.exception("progress report of notice %s failed", notice_id)

        calls = self.transport.calls(notice)
        writer = asyncio.create_task(self._write_outcomes())
        # The next batch is claimed while this one is sent: a send never waits for the claim's commit.
        ahead: asyncio.Task[list[Delivery]] | None = None
        try:
            while self._outages < max_outages and time.monotonic() < deadline:
                batch = await (ahead or self._claim(notice_id))
                ahead = None
                if not batch:
                    if tasks:
                        await asyncio.wait(tasks)
                        await self._flush()
                        continue  # 429s give recipients back: claim again
                    await self._flush()
                    if (await self.store.progress(notice_id)).done or not wait_for_others:
                        break
                    await asyncio.sleep(self.poll)  # other workers hold the rest; their leases may lapse
                    continue
                ahead = asyncio.create_task(self._claim(notice_id))
                for delivery in batch:
                    await self._slots.acquire()
                    for _ in range(calls):
                        await self.pacer.acquire()
                    task = asyncio.create_task(self._send(notice, delivery, calls))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                    sent_here += 1
                    await report()
            if tasks:
                await asyncio.wait(tasks)
        finally:
            if ahead is not None:
                unused = await asyncio.gather(ahead, return_exceptions=True)
                if isinstance(unused[0], list):
                    await self.store.unclaim(unused[0])
            writer.cancel()
            await asyncio.gather(writer, return_exceptions=True)
            await self._flush()
        finished = await self.store.finish(notice_id)
        await report(final=True)
        return finished

    async def _claim(self, notice_id: int) -> list[Delivery]:
        now = time.monotonic()
        if now - self._recovered > self.lease.total_seconds() / 4:
            self._recovered = now
            await self.store.recover(notice_id)
        return await self.store.claim(notice_id, limit=self.batch, lease=self.lease)

    async def _write_outcomes(self) -> None:
        while True:
            await asyncio.sleep(self.flush_every)
            try:
                await self._flush()
            except BackendUnavailable as exc:
                log.warning("delivery outcomes not written yet: %s", exc)

    async def _flush(self) -> None:
        outcomes, self._outcomes = self._outcomes, []
        try:
            await self.store.settle_many(outcomes)
        except BaseException:
            self._outcomes[:0] = outcomes  # written by the next flush
            raise

    def _settle(self, delivery: Delivery, state: DeliveryState, message_id: int | None = None, error: str = "") -> None:
        self._outcomes.append(Outcome(delivery, state, message_id, error))

    async def _send(self, notice: Notice, delivery: Delivery, calls: int) -> None:
        held = True

        def free(counted: bool) -> None:
            # The slot is freed as soon as Telegram answered: the database write after it is not paced.
            nonlocal held
            if held:
                held = False
                for _ in range(calls):
                    self.pacer.release(counted=counted)

        try:
            if not await self.store.mark_sending(delivery, lease=self.lease):
                return  # the lease ran out and another worker has the row now
            try:
                message_id = await self.transport.deliver(delivery.chat_id, notice, delivery.language)
            except RateLimited as exc:
                free(False)
                self.pacer.pause(exc.retry_after)
                log.warning("notice %s: 429, everyone waits %.1f s", notice.id, exc.retry_after)
                self._settle(delivery, DeliveryState.PENDING, error="429")
            except ChatUnreachable as exc:
                free(True)
                self._settle(delivery, DeliveryState.UNREACHABLE, error=str(exc))
            except DeliveryUncertain as exc:
                free(True)
                self._settle(delivery, DeliveryState.UNKNOWN, error=str(exc))
            except BackendUnavailable as exc:
                free(False)
                self._outages += 1
                self.pacer.pause(1.0)
                self._settle(delivery, DeliveryState.PENDING, error=str(exc))
            except Exception as exc:
                free(True)
                log.exception("notice %s to chat %s failed", notice.id, delivery.chat_id)
                self._settle(delivery, DeliveryState.FAILED, error=f"{type(exc).__name__}: {exc}")
            else:
                free(True)
                self._outages = 0
                self._settle(delivery, DeliveryState.SENT, message_id=message_id)
        except BackendUnavailable as exc:
            # The database went away before the send: the row stays as it is and its lease decides.
            log.warning("notice %s: delivery %s not recorded: %s", notice.id, delivery.id, exc)
        finally:
            free(False)
            self._slots.release()
