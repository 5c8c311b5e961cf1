"""The per-group outbox on a virtual clock: limits per window, emergencies first, digests, coalescing, shutdown."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest

from bot.channels.telegram.group_outbox import Delivery, GroupOutbox, OutboxClosed
from bot.channels.telegram.render import MAX_TEXT, render_text
from bot.channels.telegram.topics import MAX_TOPIC_NAME, topic_name
from bot.errors import BackendUnavailable
from bot.messaging import ChatUnreachable, MessageGone, MessageSender, Priority, RateLimited
from dialogs.replies import Reply

T = TypeVar("T")

GROUP = -1001
OTHER_GROUP = -1002
RESIDENT = 4242
LIMIT = 20
WINDOW = 60.0
CAP = LIMIT - 2  # the default reserve keeps two slots a window for emergencies
YIELDS = 10
TIMEOUT = 5.0  # real seconds; the virtual clock makes every test finish in milliseconds


class VirtualTime:
    """A clock whose sleeps return at once, moving time forward: the outbox's only sleeper is its scheduler."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        target = self.now + seconds
        # Let what is already under way at this instant (a request in flight, the wake-up it causes)
        # finish first: the recording sender answers within one step, a wake-up takes a few more.
        for _ in range(YIELDS):
            await asyncio.sleep(0)
        self.now = max(self.now, target)


@dataclass(frozen=True)
class Request:
    what: str  # "send" or "edit"
    chat_id: int
    message_id: int
    reply: Reply
    at: float

    @property
    def cost(self) -> int:
        return 1 + min(len(self.reply.photos), 10) if self.what == "send" else 1


class RecordingSender:
    """A MessageSender that records what it is asked to do, on the virtual clock."""

    def __init__(self, clock: VirtualTime) -> None:
        self.clock = clock
        self.requests: list[Request] = []
        self.attempts = 0
        self.after: dict[int, Callable[[], None]] = {}  # run right after the n-th request (1-based)
        self.failures: dict[int, list[Exception]] = {}  # per chat: raised by its next attempts, in order
        self._ids = itertools.count(1)

    async def send(
        self,
        chat_id: int,
        reply: Reply,
        *,
        reply_to: int | None = None,
        thread_id: int | None = None,
        priority: Priority = Priority.NORMAL,
    ) -> int:
        return self._record("send", chat_id, next(self._ids), reply)

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        self._record("edit", chat_id, message_id, reply)

    def _record(self, what: str, chat_id: int, message_id: int, reply: Reply) -> int:
        self.attempts += 1
        failures = self.failures.get(chat_id)
        if failures:
            raise failures.pop(0)
        self.requests.append(Request(what, chat_id, message_id, reply, self.clock()))
        hook = self.after.pop(len(self.requests), None)
        if hook is not None:
            hook()
        return message_id

    def to(self, chat_id: int) -> list[Request]:
        return [r for r in self.requests if r.chat_id == chat_id]

    def titles(self, chat_id: int = GROUP) -> list[str | None]:
        return [r.reply.title for r in self.to(chat_id)]


def busiest_window(requests: list[Request], window: float = WINDOW) -> int:
    """The most messages Telegram would count in any window, as its sliding window does."""
    return max((sum(r.cost for r in requests if t.at - window < r.at <= t.at) for t in requests), default=0)


def card(number: int, *, photos: tuple[str, ...] = ()) -> Reply:
    return Reply(text="Kitchen ceiling leaking", title=f"R-{number:06d}", photos=photos)


def line(number: int) -> str:
    return f"R-{number:06d} plumbing 3-{500 + number}"


async def settled(awaitable: Awaitable[T]) -> T:
    return await asyncio.wait_for(awaitable, TIMEOUT)


@pytest.fixture
def clock() -> VirtualTime:
    return VirtualTime()


@pytest.fixture
def sender(clock: VirtualTime) -> RecordingSender:
    return RecordingSender(clock)


@pytest.fixture
async def outbox(sender: RecordingSender, clock: VirtualTime) -> Any:
    box = GroupOutbox(sender, limit=LIMIT, window=WINDOW, margin=0.0, clock=clock, sleep=clock.sleep)
    box.start()
    yield box
    await box.stop(timeout=0)


async def fill_window(outbox: GroupOutbox, count: int = CAP) -> None:
    await settled(
        asyncio.gather(*(outbox.send(GROUP, Reply(f"filler {i}"), priority=Priority.HIGH) for i in range(count)))
    )


async def test_a_burst_sends_emergencies_first_keeps_the_limit_and_batches_the_rest(
    outbox: GroupOutbox, sender: RecordingSender, clock: VirtualTime
) -> None:
    start = clock()
    emergencies = {10, 25, 39}
    burst: dict[int, asyncio.Future[Delivery]] = {}
    for n in range(43):
        if n in emergencies:
            burst[n] = outbox.send_nowait(GROUP, card(n), priority=Priority.EMERGENCY, summary=line(n))
        else:
            burst[n] = outbox.send_nowait(GROUP, card(n), summary=line(n))
    edits: list[asyncio.Future[None]] = []
    late: dict[int, asyncio.Future[Delivery]] = {}

    def while_the_window_is_full() -> None:
        # Staff change an older card five times and five more reports come in, all while the group is full.
        edits.extend(outbox.edit_nowait(GROUP, 7, Reply(f"R-000007 version {v}")) for v in range(1, 6))
        late.update({n: outbox.send_nowait(GROUP, card(n), summary=line(n)) for n in range(43, 48)})

    sender.after[CAP] = while_the_window_is_full
    deliveries = await settled(asyncio.gather(*burst.values()))
    await settled(asyncio.gather(*edits, *late.values()))

    requests = sender.to(GROUP)
    assert [r.reply.title for r in requests[:3]] == [f"R-{n:06d}" for n in sorted(emergencies)]
    assert busiest_window(requests) <= LIMIT
    assert all(r.at == start for r in requests[:CAP])  # the burst itself waited for nothing

    digest_ids = {d.message_id for d in deliveries if d.digest}
    digests = {r.message_id: render_text(r.reply) for r in requests if r.what == "send" and r.message_id in digest_ids}
    assert digests, "the overflow should have gone into a digest"
    individual = {r.reply.title: r for r in requests if r.what == "send" and r.message_id not in digests}
    for n, delivery in zip(burst, deliveries, strict=True):
        if delivery.digest:
            assert n not in emergencies
            assert line(n) in digests[delivery.message_id]
            assert f"R-{n:06d}" not in individual
        else:
            assert individual[f"R-{n:06d}"].message_id == delivery.message_id
    assert all(len(text) <= MAX_TEXT for text in digests.values())

    card_edits = [r for r in requests if r.what == "edit"]
    assert [(r.message_id, r.reply.text) for r in card_edits] == [(7, "R-000007 version 5")]
    assert card_edits[0].at >= start + WINDOW
    for n, future in late.items():
        delivery = future.result()
        assert not delivery.digest, "no digest could go out sooner than the cards themselves"
        assert individual[f"R-{n:06d}"].at == start + WINDOW


async def test_within_the_limit_everything_goes_at_once_in_priority_order(
    outbox: GroupOutbox, sender: RecordingSender, clock: VirtualTime
) -> None:
    start = clock()
    futures = [
        outbox.send_nowait(GROUP, Reply("catch-up"), priority=Priority.LOW),
        outbox.send_nowait(GROUP, Reply("new card"), summary="R-000001"),
        outbox.send_nowait(GROUP, Reply("prompt"), priority=Priority.HIGH),
        outbox.send_nowait(GROUP, Reply("flood"), priority=Priority.EMERGENCY),
    ]
    deliveries = await settled(asyncio.gather(*futures))
    assert [r.reply.text for r in sender.requests] == ["flood", "prompt", "new card", "catch-up"]
    assert all(r.at == start for r in sender.requests)
    assert not any(d.digest for d in deliveries)
    assert outbox.backlog(GROUP) == 0 and not outbox.congested(GROUP)


async def test_private_chats_pass_straight_through(
    outbox: GroupOutbox, sender: RecordingSender, clock: VirtualTime
) -> None:
    start = clock()
    deliveries = await settled(asyncio.gather(*(outbox.send(RESIDENT, Reply(f"step {i}")) for i in range(30))))
    assert len(sender.to(RESIDENT)) == 30
    assert all(r.at == start for r in sender.requests)
    assert [d.chat_id for d in deliveries] == [RESIDENT] * 30
    await settled(outbox.edit(RESIDENT, deliveries[0].message_id, Reply("answered")))
    assert sender.requests[-1].what == "edit"


async def test_messages_without_a_summary_are_never_batched_only_spread(
    outbox: GroupOutbox, sender: RecordingSender, clock: VirtualTime
) -> None:
    start = clock()
    plain = outbox.as_sender
    assert isinstance(plain, MessageSender)
    ids = await settled(asyncio.gather(*(plain.send(GROUP, Reply(f"notice {i}")) for i in range(30))))
    low = await settled(outbox.send(GROUP, Reply("catch-up card"), priority=Priority.LOW))
    requests = sender.to(GROUP)
    assert len(requests) == 31 and len(set(ids)) == 30 and not low.digest
    assert busiest_window(requests) <= LIMIT
    assert [r.at for r in requests].count(start) == CAP
    assert all(r.at == start + WINDOW for r in requests[CAP:])


async def test_queued_sends_with_one_key_coalesce(outbox: GroupOutbox, sender: RecordingSender) -> None:
    await fill_window(outbox)
    first = outbox.send_nowait(GROUP, Reply("R-000001 · Received"), key="card:R-000001")
    second = outbox.send_nowait(GROUP, Reply("R-000001 · Claimed by Wong"), key="card:R-000001")
    assert await settled(first) == await settled(second)
    cards = [r.reply.text for r in sender.to(GROUP) if r.reply.text.startswith("R-000001")]
    assert cards == ["R-000001 · Claimed by Wong"]


async def test_a_queued_message_raised_in_priority_moves_ahead_and_the_backlog_counts_its_latest_photos(
    outbox: GroupOutbox, sender: RecordingSender
) -> None:
    await fill_window(outbox)
    waiting = [outbox.send_nowait(GROUP, Reply(f"card {i}"), priority=Priority.LOW) for i in range(3)]
    first = outbox.send_nowait(GROUP, Reply("R-000009 · Received"), key="card:R-000009", priority=Priority.LOW)
    await asyncio.sleep(0)
    assert outbox.backlog(GROUP) == 4
    # The same card again, now an emergency with two photos: it jumps the queue and counts three messages.
    again = Reply("R-000009 · Emergency", photos=("p1", "p2"))
    second = outbox.send_nowait(GROUP, again, key="card:R-000009", priority=Priority.EMERGENCY)
    await asyncio.sleep(0)
    assert outbox.backlog(GROUP) == 6
    assert await settled(first) == await settled(second)
    await settled(asyncio.gather(*waiting))
    texts = [r.reply.text for r in sender.to(GROUP)[CAP:]]
    assert texts == ["R-000009 · Emergency", "card 0", "card 1", "card 2"]
    assert outbox.backlog(GROUP) == 0


async def test_queued_calls_with_one_key_run_the_latest_only(
    outbox: GroupOutbox, sender: RecordingSender, clock: VirtualTime
) -> None:
    await fill_window(outbox)
    names: list[str] = []

    def rename(name: str) -> Callable[[], Awaitable[str]]:
        async def run() -> str:
            names.append(name)
            return name

        return run

    results = await settled(
        asyncio.gather(
            *(outbox.call(GROUP, rename(n), key=("topic", 7)) for n in ("Received", "Claimed", "In progress"))
        )
    )
    assert names == ["In progress"]
    assert results == ["In progress"] * 3


async def test_a_long_overflow_is_split_into_digests_under_telegrams_length(
    outbox: GroupOutbox, sender: RecordingSender
) -> None:
    long_lines = {n: f"R-{n:06d} " + ("漏水 water through the ceiling & walls " * 5).strip() for n in range(100)}
    futures = {n: outbox.send_nowait(GROUP, card(n), summary=text) for n, text in long_lines.items()}
    deliveries = dict(zip(futures, await settled(asyncio.gather(*futures.values())), strict=True))
    requests = sender.to(GROUP)
    digest_ids = {d.message_id for d in deliveries.values() if d.digest}
    digests = {r.message_id: r for r in requests if r.message_id in digest_ids}
    assert len(digests) >= 2
    for request in digests.values():
        text = render_text(request.reply)
        assert len(text) <= MAX_TEXT and not text.endswith("…")
    for n, delivery in deliveries.items():
        if delivery.digest:
            assert long_lines[n].replace("&", "&amp;") in render_text(digests[delivery.message_id].reply)
    assert busiest_window(requests) <= LIMIT


async def test_photos_count_against_the_window(
    outbox: GroupOutbox, sender: RecordingSender, clock: VirtualTime
) -> None:
    start = clock()
    photos = ("p1", "p2", "p3")  # an album: Telegram counts four messages with the text
    await settled(asyncio.gather(*(outbox.send(GROUP, card(n, photos=photos)) for n in range(5))))
    assert [r.at for r in sender.to(GROUP)] == [start] * 4 + [start + WINDOW]


async def test_a_flood_wait_pauses_only_that_group(
    outbox: GroupOutbox, sender: RecordingSender, clock: VirtualTime
) -> None:
    start = clock()
    outbox.note_flood(GROUP, 30)
    await settled(asyncio.gather(outbox.send(GROUP, Reply("held")), outbox.send(OTHER_GROUP, Reply("free"))))
    at = {r.reply.text: r.at for r in sender.requests}
    assert at == {"free": start, "held": start + 30}


async def test_rate_limited_calls_are_retried_after_the_wait(outbox: GroupOutbox, clock: VirtualTime) -> None:
    start = clock()
    tries: list[float] = []

    async def create_topic() -> int:
        tries.append(clock())
        if len(tries) == 1:
            raise RateLimited("telegram: flood", 7)
        return 77

    assert await settled(outbox.call(GROUP, create_topic)) == 77
    assert tries == [start, start + 7]


async def test_a_group_that_removed_the_bot_fails_its_whole_queue(outbox: GroupOutbox, sender: RecordingSender) -> None:
    await fill_window(outbox)
    queued = [outbox.send_nowait(GROUP, Reply(f"waiting {i}"), priority=Priority.HIGH) for i in range(3)]
    sender.failures[GROUP] = [ChatUnreachable("Forbidden: bot was kicked from the supergroup chat")]
    other = await settled(outbox.send(OTHER_GROUP, Reply("still fine")))
    for future in queued:
        with pytest.raises(ChatUnreachable):
            await settled(future)
    assert not other.digest and sender.requests[-1].chat_id == OTHER_GROUP


async def test_an_outage_is_retried_with_back_off_then_given_up(
    outbox: GroupOutbox, sender: RecordingSender, clock: VirtualTime
) -> None:
    start = clock()
    sender.failures[GROUP] = [BackendUnavailable("telegram: down")] * 2
    delivered = await settled(outbox.send(GROUP, Reply("eventually")))
    assert sender.attempts == 3 and sender.requests[-1].message_id == delivered.message_id
    assert sender.requests[-1].at > start
    sender.failures[GROUP] = [BackendUnavailable("telegram: down")] * 3
    with pytest.raises(BackendUnavailable):
        await settled(outbox.send(GROUP, Reply("never")))


async def test_an_edit_of_a_message_telegram_will_not_edit_raises_message_gone(
    outbox: GroupOutbox, sender: RecordingSender
) -> None:
    sender.failures[GROUP] = [MessageGone("Bad Request: message can't be edited")]
    with pytest.raises(MessageGone):
        await settled(outbox.edit(GROUP, 7, Reply("R-000007 · Resolved")))


async def test_a_late_edit_is_announced_in_the_digest_and_applied_when_there_is_room(
    outbox: GroupOutbox, sender: RecordingSender, clock: VirtualTime
) -> None:
    start = clock()
    await fill_window(outbox, CAP - 1)
    edited = outbox.edit_nowait(GROUP, 7, Reply("R-000007 · Resolved"), summary="R-000007 · Resolved")
    new = [outbox.send_nowait(GROUP, card(n), summary=line(n)) for n in range(3)]
    deliveries = await settled(asyncio.gather(*new))
    assert {d.digest for d in deliveries} == {True}
    digest = next(r for r in sender.requests if r.message_id == deliveries[0].message_id)
    assert digest.at == start
    for text in ("R-000007 · Resolved", line(0), line(1), line(2)):
        assert text in (digest.reply.text or "")
    await settled(edited)
    edit = sender.requests[-1]
    assert (edit.what, edit.message_id, edit.at) == ("edit", 7, start + WINDOW)


async def test_flush_batches_to_meet_its_deadline_and_stop_reports_the_rest(
    sender: RecordingSender, clock: VirtualTime
) -> None:
    start = clock()
    outbox = GroupOutbox(sender, max_wait=600, margin=0.0, clock=clock, sleep=clock.sleep)
    outbox.start()
    await fill_window(outbox, 10)
    new = [outbox.send_nowait(GROUP, card(n), summary=line(n)) for n in range(20)]
    catch_up = [outbox.send_nowait(GROUP, card(100 + n), priority=Priority.LOW) for n in range(2)]

    unsent = await outbox.flush(timeout=5)

    assert {d.digest for d in await settled(asyncio.gather(*new))} == {True, False}
    assert all(r.at == start for r in sender.requests)
    assert [(u.what, u.priority) for u in unsent] == [("send", Priority.LOW)] * 2
    assert await outbox.stop(timeout=0) == unsent
    for future in catch_up:
        with pytest.raises(OutboxClosed):
            await settled(future)
    with pytest.raises(OutboxClosed):
        outbox.send_nowait(GROUP, Reply("too late"))


def test_topic_names_carry_number_status_and_place_within_telegrams_limit() -> None:
    assert topic_name("R-000123", "Received", "3-502") == "R-000123 · Received · 3-502"
    assert topic_name("R-000123", "Received", "") == "R-000123 · Received · -"
    long = topic_name("R-000123", "In progress", "Block 3 podium garden, " * 10)
    assert len(long) == MAX_TOPIC_NAME and long.startswith("R-000123 · In progress · Block 3") and long.endswith("…")


def test_limits_that_leave_no_room_are_refused(sender: RecordingSender) -> None:
    with pytest.raises(ValueError):
        GroupOutbox(sender, limit=3, reserve=2)
