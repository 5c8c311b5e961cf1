"""SLA deadlines (business hours, emergencies around the clock) and the reminder/escalation sweep.

The sweep runs against the real ticket backend (SQLite and PostgreSQL), real Redis claims and the
fake Telegram Bot API through the real sender, on a controlled clock.
"""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import redis.asyncio as aioredis
from telegram import Bot

from bot.channels.telegram.sender import TelegramSender
from bot.config import EstateConfig, load_config
from bot.domain.lifecycle import Action
from bot.domain.routing import SlaHours
from bot.domain.tickets import NewTicket, Ticket, TicketEvent, TicketKind, TicketStatus, Urgency
from bot.errors import BackendUnavailable
from bot.scheduler import SweepContext, SweepReport, claim_key, escalate_now, sweep
from bot.sla import Deadline, Due, deadlines, is_breached, next_deadline, on_reopen, owed
from dialogs.replies import Reply
from integrations.sql.database import Database
from integrations.sql.tickets import SqlTicketBackend
from integrations.state.redis import RedisStateStore
from integrations.telegram_fake import DEFAULT_TOKEN, FakeTelegram
from tests.helpers import Clock

HK = ZoneInfo("Asia/Hong_Kong")
ESTATE = load_config(None)
REDIS_URL = os.environ.get("ESTATEDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
ENGINEERING = -1001000000002
MANAGERS = -1001000000009


def hk(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=HK)


def utc_hk(t: datetime | None) -> datetime | None:
    return None if t is None else t.astimezone(HK)


# -- deadlines ---------------------------------------------------------------------------------------


def test_a_normal_repair_counts_working_hours() -> None:
    response, resolution = deadlines(ESTATE, TicketKind.REPAIR, "plumbing", Urgency.NORMAL, hk(2026, 11, 2, 10))
    assert utc_hk(response) == hk(2026, 11, 2, 14)  # 4 working hours
    # 48 working hours from Monday 10:00: 8 + 9 × 4 (Tue–Fri) = 44, then 4 on Saturday.
    assert utc_hk(resolution) == hk(2026, 11, 7, 13)


def test_a_weekend_report_waits_for_monday() -> None:
    # Urgent elevator (8 h) on Saturday 17:00: 1 h on Saturday, Sunday off, 7 h on Monday.
    response, resolution = deadlines(ESTATE, TicketKind.REPAIR, "elevator", Urgency.URGENT, hk(2026, 11, 7, 17))
    assert utc_hk(response) == hk(2026, 11, 7, 18)  # 1 h: the Saturday's last working hour
    assert utc_hk(resolution) == hk(2026, 11, 9, 16)
    response, _ = deadlines(ESTATE, TicketKind.REPAIR, "elevator", Urgency.NORMAL, hk(2026, 11, 8, 11))
    assert utc_hk(response) == hk(2026, 11, 9, 13)  # reported on Sunday: counted from Monday 09:00


def test_holidays_do_not_count() -> None:
    response, resolution = deadlines(ESTATE, TicketKind.COMPLAINT, "noise", Urgency.URGENT, hk(2026, 12, 24, 16))
    assert utc_hk(response) == hk(2026, 12, 24, 17)
    # 4 h: two on Christmas Eve, then Christmas, Boxing Day and Sunday off, two on Monday.
    assert utc_hk(resolution) == hk(2026, 12, 28, 11)


def test_emergencies_count_around_the_clock() -> None:
    sunday_night = hk(2026, 11, 8, 23, 30)
    response, resolution = deadlines(ESTATE, TicketKind.REPAIR, "plumbing", Urgency.EMERGENCY, sunday_night)
    assert response == sunday_night + timedelta(minutes=15)
    assert resolution == sunday_night + timedelta(hours=2)
    _, on_christmas = deadlines(ESTATE, TicketKind.REPAIR, "elevator", Urgency.EMERGENCY, hk(2026, 12, 25, 3))
    assert utc_hk(on_christmas) == hk(2026, 12, 25, 4)


def test_categories_without_their_own_row_use_the_default_and_none_means_no_limit() -> None:
    _, resolution = deadlines(ESTATE, TicketKind.REPAIR, "doors", Urgency.URGENT, hk(2026, 11, 2, 9))
    assert utc_hk(resolution) == hk(2026, 11, 4, 15)  # default urgent: 24 working hours
    routing = replace(ESTATE.routing, sla={(TicketKind.REPAIR, "doors"): SlaHours(normal=None)})
    estate = replace(ESTATE, routing=routing)
    assert deadlines(estate, TicketKind.REPAIR, "doors", Urgency.NORMAL, hk(2026, 11, 2, 9))[1] is None


def make_ticket(created: datetime, **changes: object) -> Ticket:
    response, resolution = deadlines(ESTATE, TicketKind.REPAIR, "plumbing", Urgency.NORMAL, created)
    ticket = Ticket(
        id=1,
        number="R-000001",
        kind=TicketKind.REPAIR,
        category="plumbing",
        urgency=Urgency.NORMAL,
        status=TicketStatus.NEW,
        resident_id=None,
        unit_id=None,
        place="3-502",
        description="leak",
        department="engineering",
        channel="telegram",
        created_at=created,
        updated_at=created,
        sla_due_at=resolution,
        response_due_at=response,
    )
    return replace(ticket, **changes)  # type: ignore[arg-type]


def test_what_a_ticket_is_owed_over_time() -> None:
    t = make_ticket(hk(2026, 11, 2, 10))  # response due 14:00, resolution Saturday 13:00
    assert owed(ESTATE, t, hk(2026, 11, 2, 12, 59)) == []
    reminder = Due(Deadline.RESPONSE, hk(2026, 11, 2, 14), 0)
    assert owed(ESTATE, t, hk(2026, 11, 2, 13)) == [reminder]  # a quarter of 4 h left
    level_1 = Due(Deadline.RESPONSE, hk(2026, 11, 2, 14), 1)
    assert owed(ESTATE, t, hk(2026, 11, 2, 14)) == [level_1]
    assert owed(ESTATE, t, hk(2026, 11, 4, 14, 1))[0].level == 3  # one more every 24 h
    # Logged levels are not owed again; a sweep that was down sends the current level only.
    logged = replace(t, events=(TicketEvent(hk(2026, 11, 2, 14), "system", "escalated", level_1.detail()),))
    assert owed(ESTATE, logged, hk(2026, 11, 2, 20)) == []
    assert owed(ESTATE, logged, hk(2026, 11, 3, 15))[0].level == 2
    # The first response stops the response clock; the resolution clock runs on.
    answered = replace(t, first_response_at=hk(2026, 11, 2, 11))
    assert owed(ESTATE, answered, hk(2026, 11, 2, 15)) == []
    assert [d.deadline for d in owed(ESTATE, answered, hk(2026, 11, 7, 11))] == [Deadline.RESOLUTION]
    assert owed(ESTATE, replace(t, status=TicketStatus.RESOLVED), hk(2026, 11, 9, 10)) == []


def test_a_tickets_escalations_go_together() -> None:
    """Once both deadlines are breached, each round of escalation covers both: one message, not two a day."""
    t = make_ticket(hk(2026, 11, 2, 10))  # response due Monday 14:00, resolution Saturday 13:00
    response, resolution = hk(2026, 11, 2, 14), hk(2026, 11, 7, 13)
    assert (t.response_due_at, t.sla_due_at) == (response, resolution)
    log = (
        TicketEvent(hk(2026, 11, 6, 14), "system", "escalated", Due(Deadline.RESPONSE, response, 5).detail()),
        TicketEvent(resolution, "system", "escalated", Due(Deadline.RESOLUTION, resolution, 1).detail()),
    )
    escalated = replace(t, events=log)
    # Saturday 14:01: the response's level 6 is due; the resolution's own level 2 only on Sunday 13:00.
    now = hk(2026, 11, 7, 14, 1)
    together = owed(ESTATE, escalated, now)
    assert sorted(together, key=lambda d: d.deadline) == [
        Due(Deadline.RESOLUTION, resolution, 2),
        Due(Deadline.RESPONSE, response, 6),
    ]
    sent = replace(escalated, events=log + tuple(TicketEvent(now, "system", "escalated", d.detail()) for d in together))
    assert owed(ESTATE, sent, hk(2026, 11, 8, 13, 1)) == []  # the resolution's level 2 went with the response's
    assert {d.deadline for d in owed(ESTATE, sent, hk(2026, 11, 8, 14, 1))} == {Deadline.RESPONSE, Deadline.RESOLUTION}


def test_breach_and_the_next_deadline() -> None:
    t = make_ticket(hk(2026, 11, 2, 10))
    assert next_deadline(t) == (Deadline.RESPONSE, hk(2026, 11, 2, 14))
    assert not is_breached(t, hk(2026, 11, 2, 13)) and is_breached(t, hk(2026, 11, 2, 14))
    answered = replace(t, first_response_at=hk(2026, 11, 2, 11))
    assert next_deadline(answered) == (Deadline.RESOLUTION, hk(2026, 11, 7, 13))
    assert not is_breached(answered, hk(2026, 11, 3, 10))


def test_a_reopened_ticket_gets_a_new_resolution_deadline() -> None:
    t = make_ticket(hk(2026, 11, 2, 10))
    detail = on_reopen(ESTATE, t, hk(2026, 11, 10, 10))
    assert datetime.fromisoformat(detail["sla_due_at"]) == hk(2026, 11, 16, 13)


# -- the sweep ---------------------------------------------------------------------------------------


@dataclass
class Worker:
    """One estatedesk process's view: its own database pool, Redis client and Bot."""

    ctx: SweepContext
    db: Database
    store: RedisStateStore
    bot: Bot

    async def close(self) -> None:
        await self.bot.shutdown()
        await self.store.close()
        await self.db.dispose()


@dataclass
class World:
    fake: FakeTelegram
    db: Database
    clock: Clock
    prefix: str
    workers: list[Worker]

    async def worker(self, estate: EstateConfig = ESTATE) -> Worker:
        db = Database(self.db.url, schema=self.db.schema)
        store = RedisStateStore.from_url(REDIS_URL, prefix=self.prefix)
        bot = Bot(DEFAULT_TOKEN, base_url=f"{self.fake.url}/bot", base_file_url=f"{self.fake.url}/file/bot")
        await bot.initialize()
        ctx = SweepContext(estate, SqlTicketBackend(db), store, TelegramSender(bot), self.clock)
        worker = Worker(ctx, db, store, bot)
        self.workers.append(worker)
        return worker

    async def report(self, category: str = "plumbing", urgency: Urgency = Urgency.NORMAL) -> Ticket:
        now = self.clock()
        response, resolution = deadlines(ESTATE, TicketKind.REPAIR, category, urgency, now)
        department = ESTATE.routing.route_to_department(TicketKind.REPAIR, category).key
        return await SqlTicketBackend(self.db).create(
            NewTicket(
                idempotency_key=uuid.uuid4().hex,
                kind=TicketKind.REPAIR,
                category=category,
                urgency=urgency,
                resident_id=None,
                unit_id=None,
                place="3-502",
                description="kitchen pipe leaking",
                department=department,
                channel="telegram",
                sla_due_at=resolution,
                response_due_at=response,
                created_at=now,
            )
        )

    async def sla_events(self, number: str) -> list[TicketEvent]:
        ticket = await SqlTicketBackend(self.db).get(number)
        assert ticket is not None
        return [e for e in ticket.events if e.action in (Action.REMINDED, Action.ESCALATED)]

    def texts(self, chat_id: int) -> list[str]:
        return [m.text or "" for m in self.fake.bot_messages(chat_id)]


@pytest.fixture
async def world(sql_database: Database, fake_telegram: FakeTelegram) -> AsyncIterator[World]:
    for dept in ESTATE.routing.departments.values():
        assert dept.chat_id is not None
        fake_telegram.add_group(dept.chat_id, dept.name("en"), members=[m.user_id for m in dept.staff])
    fake_telegram.add_group(MANAGERS, "Managers")
    prefix = f"test-sla-{uuid.uuid4().hex[:8]}"
    w = World(fake_telegram, sql_database, Clock(), prefix, [])
    yield w
    for worker in w.workers:
        await worker.close()
    client = aioredis.Redis.from_url(REDIS_URL)
    keys = [k async for k in client.scan_iter(match=f"{prefix}:*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


async def run(worker: Worker) -> SweepReport:
    return await sweep(worker.ctx, worker.ctx.clock())


async def test_reminder_then_escalation_then_repeated_escalation(world: World) -> None:
    a = await world.worker()
    ticket = await world.report()  # Monday 10:00 HKT: response due 14:00
    assert (await run(a)).tickets == 1
    assert world.texts(ENGINEERING) == [] and world.texts(MANAGERS) == []

    world.clock.now = hk(2026, 11, 2, 13).astimezone(UTC)  # a quarter of the 4 h left
    assert (await run(a)).reminders == 1
    (reminder,) = world.texts(ENGINEERING)
    assert reminder.startswith(f"⏰ Reminder: {ticket.number}")
    assert "First response due in 1h 0m (Nov 2 14:00)" in reminder  # on the estate's clock
    world.clock.advance(minutes=30)
    assert (await run(a)).reminders == 0  # once

    world.clock.now = hk(2026, 11, 2, 14, 5).astimezone(UTC)
    assert (await run(a)).escalations == 1
    (escalation,) = world.texts(MANAGERS)
    assert escalation.startswith(f"🔺 Escalation (level 1): {ticket.number}")
    for fact in ("No first response: overdue by 5m", "Plumbing / leak", "3-502", "Normal", "Engineering", "4h 5m"):
        assert fact in escalation
    assert (await run(a)).escalations == 0
    assert len(world.texts(MANAGERS)) == 1
    # The department's own group hears it too, not only the managers.
    overdue = world.texts(ENGINEERING)[-1]
    assert overdue.startswith(f"🔺 Overdue: {ticket.number}") and "No first response: overdue by 5m" in overdue
    assert "Escalated to the managers (level 1)." in overdue

    world.clock.now = hk(2026, 11, 3, 14, 5).astimezone(UTC)  # 24 h later, still no response
    assert (await run(a)).escalations == 1
    assert world.texts(MANAGERS)[-1].startswith(f"🔺 Escalation (level 2): {ticket.number}")
    assert [(e.action, e.detail["deadline"], e.detail["level"]) for e in await world.sla_events(ticket.number)] == [
        ("reminded", "response", 0),
        ("escalated", "response", 1),
        ("escalated", "response", 2),
    ]
    assert len(world.texts(ENGINEERING)) == 3  # the reminder and two overdue notices


async def test_a_response_stops_the_response_clock(world: World) -> None:
    a = await world.worker()
    ticket = await world.report()
    world.clock.now = hk(2026, 11, 2, 13, 30).astimezone(UTC)
    await a.ctx.tickets.append_event(ticket.number, TicketEvent(world.clock(), "staff:9102", "claimed", {"by": 9102}))
    world.clock.now = hk(2026, 11, 2, 16).astimezone(UTC)
    report = await run(a)
    assert (report.reminders, report.escalations) == (0, 0)
    # The resolution clock runs on: 48 working hours end Saturday 13:00, reminded 12 h before.
    world.clock.now = hk(2026, 11, 6, 16, 1).astimezone(UTC)
    assert (await run(a)).reminders == 1
    assert "Resolution due in" in world.texts(ENGINEERING)[-1]


async def test_two_workers_sweeping_at_once_send_everything_once(world: World) -> None:
    a, b = await world.worker(), await world.worker()
    tickets = [await world.report() for _ in range(6)]
    for moment in (hk(2026, 11, 2, 13), hk(2026, 11, 2, 14), hk(2026, 11, 3, 14), hk(2026, 11, 4, 14)):
        world.clock.now = moment.astimezone(UTC)
        await asyncio.gather(run(a), run(b), run(a), run(b))
    group = world.texts(ENGINEERING)
    reminders = "\n".join(t for t in group if t.startswith("⏰"))
    overdue = "\n".join(t for t in group if t.startswith("🔺"))
    escalations = "\n".join(world.texts(MANAGERS))
    for ticket in tickets:
        assert reminders.count(ticket.number) == 1  # one reminder, in a message or a digest line
        assert escalations.count(ticket.number) == 3  # levels 1, 2 and 3
        assert overdue.count(ticket.number) == 3  # and the group heard each of them once
        levels = [e.detail["level"] for e in await world.sla_events(ticket.number)]
        assert levels == [0, 1, 2, 3]


async def test_a_burst_of_breaches_goes_as_digests(world: World) -> None:
    a = await world.worker()
    tickets = [await world.report() for _ in range(20)]
    world.clock.now = hk(2026, 11, 2, 14, 10).astimezone(UTC)  # all twenty first responses are late
    report = await run(a)
    assert report.escalations == 20
    first, second = world.texts(MANAGERS)  # fifteen lines, then five, not twenty messages
    assert first.startswith("🔺 15 tickets past their deadlines") and len(first.splitlines()) == 1 + 15
    assert second.startswith("🔺 5 tickets past their deadlines") and len(second.splitlines()) == 1 + 5
    line = first.splitlines()[1]
    assert (
        line
        == f"🔺 {tickets[0].number} (1) · Plumbing / leak · 3-502 · Engineering · - · no first response, overdue by 10m"
    )
    for ticket in tickets:
        assert [e.detail["level"] for e in await world.sla_events(ticket.number)] == [1]
    assert (await run(a)).escalations == 0


async def test_nothing_is_lost_or_repeated_across_a_restart(world: World) -> None:
    first = await world.worker()
    ticket = await world.report()
    world.clock.now = hk(2026, 11, 2, 14).astimezone(UTC)
    assert (await run(first)).escalations == 1
    await first.close()
    world.workers.remove(first)

    restarted = await world.worker()  # new pools, new Redis client, new Bot; same database and Redis
    assert (await run(restarted)).escalations == 0
    world.clock.now = hk(2026, 11, 3, 14).astimezone(UTC)
    assert (await run(restarted)).escalations == 1
    assert len(world.texts(MANAGERS)) == 2
    assert [e.detail["level"] for e in await world.sla_events(ticket.number)] == [1, 2]


async def test_a_crash_after_sending_is_recorded_without_sending_again(world: World) -> None:
    a = await world.worker()
    ticket = await world.report()
    world.clock.now = hk(2026, 11, 2, 14).astimezone(UTC)
    # A worker sent level 1 and marked it done, then died before appending the event.
    due = Due(Deadline.RESPONSE, ticket.response_due_at, 1)
    await a.store.claim(claim_key(ticket.number, due))
    await a.store.finish(claim_key(ticket.number, due))
    report = await run(a)
    assert (report.escalations, report.recovered) == (0, 1)
    assert world.texts(MANAGERS) == []
    assert [e.detail["level"] for e in await world.sla_events(ticket.number)] == [1]


async def test_an_unreachable_chat_is_retried_until_it_works(world: World) -> None:
    a = await world.worker()
    ticket = await world.report()
    world.clock.now = hk(2026, 11, 2, 14).astimezone(UTC)
    world.fake.block(MANAGERS)  # the bot was removed from the managers' chat
    report = await run(a)
    assert (report.escalations, report.failed) == (0, 1)
    assert await world.sla_events(ticket.number) == []
    world.fake.unblock(MANAGERS)
    assert (await run(a)).escalations == 1
    assert (await run(a)).escalations == 0
    assert len(world.texts(MANAGERS)) == 1


class GroupDown:
    """The real sender, except that Telegram is down for one group (every send there fails as an outage)."""

    def __init__(self, inner: TelegramSender, chat_id: int) -> None:
        self.inner = inner
        self.chat_id = chat_id

    async def send(self, chat_id: int, reply: Reply, **kwargs: Any) -> int:
        if chat_id == self.chat_id:
            raise BackendUnavailable("telegram: timed out")
        return await self.inner.send(chat_id, reply, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


async def test_an_escalation_is_recorded_when_the_departments_copy_fails(world: World) -> None:
    """The managers got the escalation; the group's copy failing does not make it go again."""
    a = await world.worker()
    ticket = await world.report()
    assert isinstance(a.ctx.sender, TelegramSender)
    down = replace(a.ctx, sender=GroupDown(a.ctx.sender, ENGINEERING))
    world.clock.now = hk(2026, 11, 2, 14, 5).astimezone(UTC)
    assert (await sweep(down, world.clock())).escalations == 1
    assert [(e.action, e.detail["level"]) for e in await world.sla_events(ticket.number)] == [("escalated", 1)]
    assert (await sweep(down, world.clock())).escalations == 0
    assert len(world.texts(MANAGERS)) == 1


async def test_a_moved_deadline_starts_a_new_cycle(world: World) -> None:
    a = await world.worker()
    ticket = await world.report()
    await a.ctx.tickets.append_event(ticket.number, TicketEvent(world.clock(), "staff:9102", "claimed", {"by": 9102}))
    world.clock.now = hk(2026, 11, 7, 13).astimezone(UTC)
    assert (await run(a)).escalations == 1  # resolution level 1
    resolved = await a.ctx.tickets.append_event(
        ticket.number, TicketEvent(world.clock(), "staff:9102", "resolved", {"note": "pipe fixed", "by": 9102})
    )
    world.clock.now = hk(2026, 11, 9, 10).astimezone(UTC)
    detail = {"reason": "still leaking", "by": "resident", **on_reopen(ESTATE, resolved, world.clock())}
    await a.ctx.tickets.append_event(ticket.number, TicketEvent(world.clock(), "resident:1", "reopened", detail))
    assert (await run(a)).escalations == 0  # the new deadline, Saturday 13:00 (48 h), is days away
    world.clock.now = hk(2026, 11, 14, 13).astimezone(UTC)
    assert (await run(a)).escalations == 1
    events = await world.sla_events(ticket.number)
    assert [(e.detail["level"], utc_hk(datetime.fromisoformat(e.detail["due"]))) for e in events] == [
        (1, hk(2026, 11, 7, 13)),
        (1, hk(2026, 11, 14, 13)),
    ]


async def test_escalate_now_goes_to_the_managers_once_per_reading(world: World) -> None:
    a, b = await world.worker(), await world.worker()
    ticket = await world.report()
    sent = await asyncio.gather(
        escalate_now(a.ctx, ticket, "Resident chased twice"), escalate_now(b.ctx, ticket, "Resident chased twice")
    )
    assert sorted(sent) == [False, True]
    (message,) = world.texts(MANAGERS)
    assert message.startswith(f"🔺 Escalation: {ticket.number}") and "Escalated: Resident chased twice" in message
    again = await a.ctx.tickets.get(ticket.number)
    assert again is not None and await escalate_now(a.ctx, again, "Third nudge")
    events = await world.sla_events(ticket.number)
    assert [(e.detail["deadline"], e.detail["level"], e.detail["reason"]) for e in events] == [
        ("manual", 1, "Resident chased twice"),
        ("manual", 2, "Third nudge"),
    ]


async def test_a_reminder_goes_under_the_card_or_to_the_group_when_the_topic_is_gone(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.scheduler")
    a = await world.worker()
    threaded, orphan = await world.report(), await world.report()
    for ticket in (threaded, orphan):
        card_id = await a.ctx.sender.send(ENGINEERING, Reply(text="card", title=ticket.number))
        await a.ctx.tickets.set_card(ticket.number, ENGINEERING, card_id)
    await a.ctx.tickets.set_topic(orphan.number, 424242)  # a forum topic someone deleted
    world.clock.now = hk(2026, 11, 2, 13).astimezone(UTC)
    assert (await run(a)).reminders == 2
    card_1, _card_2, first, second = world.fake.bot_messages(ENGINEERING)
    assert (first.text or "").startswith(f"⏰ Reminder: {threaded.number}")
    assert first.reply_to_message_id == card_1.message_id
    assert (second.text or "").startswith(f"⏰ Reminder: {orphan.number}") and second.message_thread_id is None
    assert f"topic of {orphan.number} is gone" in caplog.text
