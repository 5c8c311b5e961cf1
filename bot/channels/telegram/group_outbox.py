"""A per-group outbox: each staff group gets at most ``limit`` bot messages a ``window``, emergencies first,
and what cannot go out in time is batched into digest messages instead of being dropped or held back."""

from __future__ import annotations

import asyncio
import bisect
import html
import itertools
import logging
import operator
import time
from collections import deque
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.channels.telegram.render import MAX_TEXT
from bot.domain.text import shorten
from bot.errors import BackendUnavailable
from bot.messaging import ChatUnreachable, MessageGone, MessageSender, Priority, RateLimited
from dialogs.replies import Reply

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_LIMIT = 20  # Telegram's FAQ: about 20 messages a minute in one group
DEFAULT_WINDOW = 60.0
SUMMARY_LIMIT = 200  # characters of one digest line
# Room left in a digest for its title and whatever a line formatter adds ("• ", escaping slack).
DIGEST_TITLE_ROOM = 300
LINE_OVERHEAD = 8
MAX_BACKOFF = 60.0

_SEND, _EDIT, _CALL = "send", "edit", "call"


@dataclass(frozen=True)
class Delivery:
    """Where a message ended up. ``digest=True``: it is a line of the digest message ``message_id``."""

    chat_id: int
    message_id: int
    digest: bool = False


@dataclass(frozen=True)
class Unsent:
    """A queued item that was not sent when the outbox was flushed or stopped."""

    chat_id: int
    what: str  # "send", "edit" or "call"
    priority: Priority
    key: Hashable | None
    summary: str | None


class OutboxClosed(BackendUnavailable):
    """The outbox stopped before this message went out; whoever wanted it sent should retry later."""


def default_digest(lines: Sequence[str]) -> Reply:
    """The digest message: a count and one line per batched message. The desk may pass a translated one."""
    return Reply(
        title=f"📋 {len(lines)} more (sent together to stay within the group's message limit)",
        text="\n".join(f"• {line}" for line in lines),
    )


@dataclass(eq=False)
class _Job:
    seq: int
    what: str
    priority: Priority
    cost: int  # messages Telegram counts for it
    key: Hashable | None
    summary: str | None
    run: Callable[[], Awaitable[Any]]
    futures: list[asyncio.Future[Any]]
    attempts: int = 0
    announced: bool = False  # an edit already announced in a digest; it now waits behind everything

    @property
    def rank(self) -> tuple[int, int]:
        return (Priority.LOW if self.announced else self.priority), self.seq

    @property
    def batchable(self) -> bool:
        if self.summary is None or self.announced:
            return False
        if self.what == _SEND:
            return self.priority is Priority.NORMAL
        return self.what == _EDIT and self.priority is not Priority.EMERGENCY


_rank = operator.attrgetter("rank")


@dataclass(eq=False)
class _Group:
    chat_id: int
    # The queue, in rank order: its head is the first item, and a long queue costs nothing to look at.
    jobs: list[_Job] = field(default_factory=list)
    keyed: dict[tuple[str, Hashable], _Job] = field(default_factory=dict)
    cost: int = 0  # messages Telegram counts for everything queued
    sent: deque[float] = field(default_factory=deque)  # one timestamp per counted message, ascending
    paused_until: float = 0.0
    inflight: asyncio.Task[None] | None = None
    failures: int = 0

    def add(self, job: _Job) -> None:
        bisect.insort(self.jobs, job, key=_rank)
        self.cost += job.cost

    def remove(self, job: _Job) -> None:
        self.jobs.remove(job)
        self.cost -= job.cost

    def recost(self, job: _Job, cost: int) -> None:
        self.cost += cost - job.cost
        job.cost = cost

    def reorder(self) -> None:
        """After a queued job's rank changed (its priority raised, an edit announced or no longer)."""
        self.jobs.sort(key=_rank)

    def clear(self) -> None:
        self.jobs.clear()
        self.keyed.clear()
        self.cost = 0


class GroupOutbox:
    """Wraps a :class:`~bot.messaging.MessageSender` for group chats (chat id < 0); private chats go straight through.

    * Every send, edit and budgeted call (a forum-topic change) waits in its group's queue and counts
      against the group's sliding window (a send with photos counts each photo, as Telegram does).
    * The queue is served in :class:`~bot.messaging.Priority` order, then first come first served.
      ``reserve`` slots of every window are kept for emergencies: other messages use ``limit - reserve``.
    * Edits of one message (or any two items with the same ``key``) that are both still waiting
      coalesce: only the latest content goes out, and every caller gets the same result.
    * A NORMAL send that carries a ``summary`` may be batched: when it could not go out within
      ``max_wait`` seconds, it becomes one line of a digest message instead (one digest per slot, kept
      under Telegram's 4096 characters; the overflow goes into the next). Its :class:`Delivery` then has
      ``digest=True`` and the digest's message id. An edit with a ``summary`` that would wait too long is
      announced in the digest, and the edit itself stays queued (behind everything else) so the card
      still ends up right. EMERGENCY, HIGH and LOW messages, and messages without a summary, are never
      batched: they wait for their slot.
    * A 429 (:meth:`note_flood`, or :class:`~bot.messaging.RateLimited` from a call) pauses that
      group's queue for ``retry_after``; an outage (:class:`~bot.errors.BackendUnavailable`) is retried
      with back-off up to ``max_attempts``; :class:`~bot.messaging.ChatUnreachable` fails the group's queue.

    One background task schedules every group; a group has at most one request in flight, so its
    messages keep their order. ``await outbox.send(...)`` returns once the message is really sent (or
    batched into a digest); :meth:`send_nowait` returns the future at once.

    A card that went out as a digest line has no message of its own to edit. Record that (the desk:
    a ``card_digested`` event, card left unset, so the sweep still sees it) and post the card later
    with ``Priority.LOW`` and no summary: it then goes out on its own once the group has room.

    ``margin`` keeps a sent message in the window a little longer than ``window``, since Telegram
    counts it when it arrives, not when we sent it. ``clock``/``sleep`` can be replaced in tests.
    """

    def __init__(
        self,
        sender: MessageSender,
        *,
        limit: int = DEFAULT_LIMIT,
        window: float = DEFAULT_WINDOW,
        reserve: int = 2,
        max_wait: float | None = None,
        margin: float = 1.0,
        max_attempts: int = 3,
        digest: Callable[[Sequence[str]], Reply] = default_digest,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if limit < 2 or not 0 <= reserve <= limit - 2:
            raise ValueError(f"need limit >= 2 and 0 <= reserve <= limit - 2 (limit {limit}, reserve {reserve})")
        self.sender = sender
        self.limit = limit
        self.window = window
        self.reserve = reserve
        # Half a window by default: a burst's overflow is announced at once, and a message that
        # arrives while the group is busy waits at most this long for a card of its own.
        self.max_wait = window / 2 if max_wait is None else max_wait
        self.margin = margin
        self.max_attempts = max_attempts
        self._digest = digest
        self._clock = clock
        self._sleep = sleep
        self._groups: dict[int, _Group] = {}
        self._seq = itertools.count()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._closed = False
        self._deadline: float | None = None
        self._flushed = asyncio.Event()
        self.digests_sent = 0

    # -- life cycle ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._task is None:
            self._closed = False
            self._task = asyncio.create_task(self._run(), name="group outbox")

    async def flush(self, timeout: float) -> list[Unsent]:
        """Send what is queued within ``timeout`` seconds (batching more eagerly so it fits); report the rest."""
        if self._task is None or self._task.done():
            return self._unsent()
        self._deadline = self._clock() + timeout
        self._flushed.clear()
        self._wake.set()
        try:
            # The scheduler decides on its own clock; the real-time bound only guards against a stuck loop.
            await asyncio.wait_for(self._flushed.wait(), timeout + 5.0)
        except TimeoutError:
            log.warning("outbox flush did not finish in time")
        finally:
            self._deadline = None
        return self._unsent()

    async def stop(self, timeout: float = 5.0) -> list[Unsent]:
        """Refuse new messages, flush for up to ``timeout`` s, then fail what is left with :class:`OutboxClosed`."""
        self._closed = True
        if timeout > 0:
            await self.flush(timeout)
        tasks = [t for t in (self._task, *(g.inflight for g in self._groups.values())) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._task = None
        unsent = self._unsent()
        if unsent:
            log.warning("outbox stopped with %d messages unsent", len(unsent))
        for group in self._groups.values():
            group.inflight = None
            for job in group.jobs:
                _fail(job, OutboxClosed("the outbox stopped before this message was sent"))
            group.clear()
        return unsent

    # -- what callers use ----------------------------------------------------------------------
    async def send(
        self,
        chat_id: int,
        reply: Reply,
        *,
        priority: Priority = Priority.NORMAL,
        reply_to: int | None = None,
        thread_id: int | None = None,
        key: Hashable | None = None,
        summary: str | None = None,
    ) -> Delivery:
        """Send once the group's budget allows; see :meth:`send_nowait`."""
        future = self.send_nowait(
            chat_id, reply, priority=priority, reply_to=reply_to, thread_id=thread_id, key=key, summary=summary
        )
        # A caller giving up does not take the message out of the queue.
        return await asyncio.shield(future)

    def send_nowait(
        self,
        chat_id: int,
        reply: Reply,
        *,
        priority: Priority = Priority.NORMAL,
        reply_to: int | None = None,
        thread_id: int | None = None,
        key: Hashable | None = None,
        summary: str | None = None,
    ) -> asyncio.Future[Delivery]:
        """Queue a message and return the future of its :class:`Delivery`.

        ``summary`` (one line, e.g. "R-000125 plumbing 3-502") lets a NORMAL message be batched into a
        digest; without it the message always goes out on its own. ``key`` coalesces with a queued
        message of the same key (the later content wins). Raises :class:`OutboxClosed` after :meth:`stop`.
        """

        async def run() -> Delivery:
            message_id = await self.sender.send(
                chat_id, reply, reply_to=reply_to, thread_id=thread_id, priority=priority
            )
            return Delivery(chat_id, message_id)

        cost = 1 + min(len(reply.photos), 10)
        return self._submit(chat_id, _SEND, run, priority=priority, cost=cost, key=key, summary=summary)

    async def edit(
        self,
        chat_id: int,
        message_id: int,
        reply: Reply,
        *,
        key: Hashable | None = None,
        summary: str | None = None,
        priority: Priority = Priority.HIGH,
    ) -> None:
        """Edit a message once the budget allows; queued edits of one message coalesce (latest wins).

        Raises :class:`~bot.messaging.MessageGone` when the message can no longer be edited.
        """
        await asyncio.shield(self.edit_nowait(chat_id, message_id, reply, key=key, summary=summary, priority=priority))

    def edit_nowait(
        self,
        chat_id: int,
        message_id: int,
        reply: Reply,
        *,
        key: Hashable | None = None,
        summary: str | None = None,
        priority: Priority = Priority.HIGH,
    ) -> asyncio.Future[None]:
        async def run() -> None:
            await self.sender.edit(chat_id, message_id, reply)

        return self._submit(
            chat_id, _EDIT, run, priority=priority, cost=1, key=message_id if key is None else key, summary=summary
        )

    async def call(
        self,
        chat_id: int,
        make: Callable[[], Awaitable[T]],
        *,
        priority: Priority = Priority.HIGH,
        key: Hashable | None = None,
        cost: int = 1,
    ) -> T:
        """Run any request that Telegram counts against the group (a topic created or renamed) in its turn.

        With ``key``, a queued call of the same key is replaced by this one (the latest wins).
        """
        future: asyncio.Future[T] = self._submit(chat_id, _CALL, make, priority=priority, cost=cost, key=key)
        return await asyncio.shield(future)

    def note_flood(self, chat_id: int, seconds: float) -> None:
        """Telegram answered 429 for this chat: hold its queue for ``seconds`` (the sender's ``on_flood``)."""
        if chat_id >= 0:
            return
        group = self._group(chat_id)
        group.paused_until = max(group.paused_until, self._clock() + seconds)
        log.warning("group %s flood-limited by Telegram; queue paused %.1f s", chat_id, seconds)

    def backlog(self, chat_id: int) -> int:
        """Messages waiting for this group (not counting one in flight)."""
        group = self._groups.get(chat_id)
        return group.cost if group else 0

    def congested(self, chat_id: int) -> bool:
        """Whether a NORMAL message for this group would have to wait (so a forum topic for it may wait too)."""
        if chat_id >= 0:
            return False
        group = self._groups.get(chat_id)
        if group is None:
            return False
        now = self._clock()
        self._prune(group, now)
        busy = bool(group.jobs) or group.inflight is not None or now < group.paused_until
        return busy or self._earliest(list(group.sent), now, 1, self.limit - self.reserve) > now

    @property
    def as_sender(self) -> MessageSender:
        """A :class:`~bot.messaging.MessageSender` view: budgeted and ordered, never batched into a digest."""
        return OutboxSender(self)

    # -- queueing -------------------------------------------------------------------------------
    def _submit(
        self,
        chat_id: int,
        what: str,
        run: Callable[[], Awaitable[Any]],
        *,
        priority: Priority,
        cost: int,
        key: Hashable | None,
        summary: str | None = None,
    ) -> asyncio.Future[Any]:
        if self._closed:
            raise OutboxClosed("the outbox is stopping")
        if chat_id >= 0:
            # Private chats have their own, per-second limit, which the rate limiter below keeps.
            task = asyncio.ensure_future(run())
            task.add_done_callback(_retrieve)
            return task
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        future.add_done_callback(_retrieve)
        group = self._group(chat_id)
        if summary is not None:
            summary = shorten(" ".join(summary.split()), SUMMARY_LIMIT)
        coalesce_key = (what, key) if key is not None else None
        existing = group.keyed.get(coalesce_key) if coalesce_key is not None else None
        if existing is not None:
            existing.run = run
            group.recost(existing, min(cost, self.limit))
            rank = existing.rank
            existing.priority = min(existing.priority, priority)
            if summary != existing.summary:
                existing.summary = summary
                existing.announced = False
            if existing.rank != rank:
                group.reorder()
            existing.futures.append(future)
        else:
            job = _Job(next(self._seq), what, priority, min(cost, self.limit), key, summary, run, [future])
            group.add(job)
            if coalesce_key is not None:
                group.keyed[coalesce_key] = job
        self.start()
        self._wake.set()
        return future

    def _group(self, chat_id: int) -> _Group:
        group = self._groups.get(chat_id)
        if group is None:
            group = self._groups[chat_id] = _Group(chat_id)
        return group

    # -- scheduling -------------------------------------------------------------------------------
    async def _run(self) -> None:
        while True:
            self._wake.clear()
            now = self._clock()
            next_at: float | None = None
            for group in list(self._groups.values()):
                try:
                    at = self._serve(group, now)
                except Exception:
                    log.exception("outbox scheduling failed for group %s", group.chat_id)
                    at = now + 1.0
                if at is not None:
                    next_at = at if next_at is None else min(next_at, at)
            if self._deadline is not None:
                if now >= self._deadline or self._idle():
                    self._flushed.set()
                else:
                    next_at = self._deadline if next_at is None else min(next_at, self._deadline)
            if next_at is None:
                await self._wake.wait()
            else:
                await self._wait(max(0.0, next_at - now))

    async def _wait(self, seconds: float) -> None:
        """Until ``seconds`` pass on our clock or something new arrives, whichever is first."""
        timer = asyncio.ensure_future(self._sleep(seconds))
        woken = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({timer, woken}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (timer, woken):
                task.cancel()

    def _idle(self) -> bool:
        return all(not g.jobs and g.inflight is None for g in self._groups.values())

    def _serve(self, group: _Group, now: float) -> float | None:
        """Start the group's next request if its budget allows; else return when to look again."""
        if group.inflight is not None:
            return None  # its completion wakes the scheduler
        self._prune(group, now)
        if not group.jobs:
            if not group.sent and now >= group.paused_until:
                del self._groups[group.chat_id]
            return None
        if now < group.paused_until:
            return group.paused_until
        head = group.jobs[0]
        if head.priority is not Priority.EMERGENCY:
            batch = self._plan_digest(group, now)
            if len(batch) >= 2:
                at = self._earliest(list(group.sent), now, 1, self.limit - self.reserve)
                if at > now:
                    return at
                self._dispatch_digest(group, batch, now)
                return None
            if batch:
                # One message would miss its time: send it now in the slot a digest would have used.
                head = batch[0]
        cap = self.limit if head.priority is Priority.EMERGENCY else self.limit - self.reserve
        at = self._earliest(list(group.sent), now, head.cost, cap)
        if at > now:
            return at
        self._dispatch(group, head, now)
        return None

    def _prune(self, group: _Group, now: float) -> None:
        horizon = now - self.window - self.margin
        while group.sent and group.sent[0] <= horizon:
            group.sent.popleft()

    def _earliest(self, sent: list[float], start: float, cost: int, cap: int) -> float:
        """The first moment from ``start`` at which ``cost`` more messages keep the window within ``cap``."""
        allowed = cap - min(cost, cap)  # how many earlier messages may still be in the window then
        if len(sent) <= allowed:
            return start
        return max(start, sent[len(sent) - allowed - 1] + self.window + self.margin)

    def _horizon(self, now: float) -> float:
        horizon = now + self.max_wait
        if self._deadline is not None:
            horizon = min(horizon, self._deadline)
        return horizon

    def _plan_digest(self, group: _Group, now: float) -> list[_Job]:
        """The batchable jobs that would miss their time if sent one by one; [] when all make it."""
        horizon = self._horizon(now)
        cap = self.limit - self.reserve
        if len(group.sent) + group.cost <= cap:
            return []  # the window has room for everything queued: each can go now, nobody is late
        waiting = [job for job in group.jobs if job.rank[0] < Priority.LOW]
        if not any(job.batchable for job in waiting):
            return []
        timeline = list(group.sent)
        at = now
        for job in waiting:
            at = self._earliest(timeline, at, job.cost, cap)
            if at > horizon:
                break
            timeline.extend([at] * min(job.cost, cap))
        else:
            return []
        # Someone would be late. With a digest taking the next slot, who still makes it on their own?
        timeline = list(group.sent)
        at = self._earliest(timeline, now, 1, cap)
        timeline.append(at)
        batch: list[_Job] = []
        room = MAX_TEXT - DIGEST_TITLE_ROOM
        for job in waiting:
            slot = self._earliest(timeline, at, job.cost, cap)
            if slot > horizon and job.batchable:
                size = len(html.escape(job.summary or "")) + LINE_OVERHEAD
                if size <= room:
                    room -= size
                    batch.append(job)
                    continue
            at = slot
            timeline.extend([at] * min(job.cost, cap))
        return batch

    # -- delivering -----------------------------------------------------------------------------
    def _dispatch(self, group: _Group, job: _Job, now: float) -> None:
        self._take(group, job)
        group.sent.extend([now] * job.cost)
        group.inflight = asyncio.create_task(self._deliver(group, job))

    def _dispatch_digest(self, group: _Group, batch: list[_Job], now: float) -> None:
        for job in batch:
            if job.what == _SEND:
                self._take(group, job)
        group.sent.append(now)
        group.inflight = asyncio.create_task(self._deliver_digest(group, batch))

    def _take(self, group: _Group, job: _Job) -> None:
        group.remove(job)
        if job.key is not None and group.keyed.get((job.what, job.key)) is job:
            del group.keyed[(job.what, job.key)]

    async def _deliver(self, group: _Group, job: _Job) -> None:
        try:
            result = await job.run()
        except asyncio.CancelledError:
            self._requeue(group, job)
            raise
        except Exception as exc:
            self._failed(group, [job], exc)
        else:
            group.failures = 0
            for future in job.futures:
                if not future.done():
                    future.set_result(result)
        finally:
            self._finished(group, job.cost)

    async def _deliver_digest(self, group: _Group, batch: list[_Job]) -> None:
        sends = [job for job in batch if job.what == _SEND]
        reply = self._digest([job.summary or "" for job in batch])
        try:
            message_id = await self.sender.send(group.chat_id, reply, priority=Priority.HIGH)
        except asyncio.CancelledError:
            for job in sends:
                self._requeue(group, job)
            raise
        except Exception as exc:
            self._failed(group, sends, exc)
        else:
            group.failures = 0
            self.digests_sent += 1
            log.info("group %s over its message limit: %d messages sent as one digest", group.chat_id, len(batch))
            delivery = Delivery(group.chat_id, message_id, digest=True)
            for job in batch:
                if job.what == _EDIT:
                    job.announced = True
                    continue
                for future in job.futures:
                    if not future.done():
                        future.set_result(delivery)
            group.reorder()  # the announced edits now wait behind everything
        finally:
            self._finished(group, 1)

    def _finished(self, group: _Group, cost: int) -> None:
        # Telegram counted the message somewhere before the answer came: keeping the answer's time is safe.
        now = self._clock()
        for i in range(max(0, len(group.sent) - cost), len(group.sent)):
            group.sent[i] = max(group.sent[i], now)
        group.inflight = None
        self._wake.set()

    def _failed(self, group: _Group, jobs: list[_Job], exc: Exception) -> None:
        if isinstance(exc, ChatUnreachable):
            log.error("group %s refuses messages (%s): %d queued messages fail", group.chat_id, exc, len(group.jobs))
            for job in [*jobs, *group.jobs]:
                _fail(job, exc)
            group.clear()
        elif isinstance(exc, RateLimited):
            group.paused_until = max(group.paused_until, self._clock() + exc.retry_after)
            log.warning("group %s flood-limited; retrying in %.1f s", group.chat_id, exc.retry_after)
            for job in jobs:
                self._requeue(group, job)
        elif isinstance(exc, BackendUnavailable):
            group.failures += 1
            delay = min(MAX_BACKOFF, 2.0**group.failures)
            group.paused_until = max(group.paused_until, self._clock() + delay)
            for job in jobs:
                job.attempts += 1
                if job.attempts >= self.max_attempts:
                    log.warning(
                        "giving up on a message to group %s after %d attempts: %s", group.chat_id, job.attempts, exc
                    )
                    _fail(job, exc)
                else:
                    self._requeue(group, job)
        else:
            if not isinstance(exc, MessageGone):
                log.error("message to group %s failed: %r", group.chat_id, exc)
            for job in jobs:
                _fail(job, exc)

    def _requeue(self, group: _Group, job: _Job) -> None:
        """Put a job back in its place; a newer job with its key (queued meanwhile) takes over its callers."""
        if job.key is not None:
            newer = group.keyed.get((job.what, job.key))
            if newer is not None:
                newer.futures.extend(job.futures)
                return
            group.keyed[(job.what, job.key)] = job
        group.add(job)

    def _unsent(self) -> list[Unsent]:
        return [
            Unsent(group.chat_id, job.what, job.priority, job.key, job.summary)
            for group in self._groups.values()
            for job in group.jobs
        ]


class OutboxSender:
    """The outbox as a plain :class:`~bot.messaging.MessageSender` (group messages budgeted, never batched)."""

    def __init__(self, outbox: GroupOutbox) -> None:
        self.outbox = outbox

    async def send(
        self,
        chat_id: int,
        reply: Reply,
        *,
        reply_to: int | None = None,
        thread_id: int | None = None,
        priority: Priority = Priority.NORMAL,
    ) -> int:
        delivery = await self.outbox.send(chat_id, reply, priority=priority, reply_to=reply_to, thread_id=thread_id)
        return delivery.message_id

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        await self.outbox.edit(chat_id, message_id, reply)

    async def delete(self, chat_id: int, message_id: int) -> None:
        # Deleting is not a message Telegram counts against the group, so it does not wait in the queue.
        await self.outbox.sender.delete(chat_id, message_id)


def _fail(job: _Job, exc: BaseException) -> None:
    for future in job.futures:
        if not future.done():
            future.set_exception(exc)


def _retrieve(future: asyncio.Future[Any]) -> None:
    # A caller that used send_nowait and never looked should not get "exception never retrieved" noise.
    if not future.cancelled():
        future.exception()
