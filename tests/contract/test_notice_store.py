"""The notice store on SQLite and PostgreSQL: audiences, leased claims that never overlap, at-most-once recovery."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.domain.notices import Audience, DeliveryState, ReminderRules
from integrations.sql.database import Database
from integrations.sql.notices import SqlNoticeStore
from integrations.sql.testing import DATABASE_KINDS, scratch_database
from tests.helpers import Clock, load_demo_estate


@pytest.fixture(params=DATABASE_KINDS)
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    async with scratch_database(request.param, tmp_path) as database:
        registry = await load_demo_estate(database)
        for n, phone in enumerate(("+85291234567", "+85261230001", "+85251230002")):
            resident = await registry.by_phone(phone)
            assert resident is not None
            await registry.link_telegram(resident.id, 5000 + n)
        yield database


async def test_building_audience_and_no_overlapping_claims(db: Database) -> None:
    clock = Clock()
    store = SqlNoticeStore(db, clock=clock)
    assert await store.count(Audience.parse("building:3")) == 1
    assert await store.count(Audience.parse("everyone")) == 3
    assert await store.count(Audience.parse("arrears")) == 1
    notice = await store.create("Water off", Audience.parse("everyone"))
    _, confirmed = await store.confirm(notice.id)
    assert confirmed and not (await store.confirm(notice.id))[1]
    claims = await asyncio.gather(*(store.claim(notice.id, limit=2, lease=timedelta(seconds=30)) for _ in range(3)))
    ids = [d.id for batch in claims for d in batch]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 3


async def test_a_send_cut_short_becomes_unknown_and_is_never_claimed_again(db: Database) -> None:
    clock = Clock()
    store = SqlNoticeStore(db, clock=clock)
    notice = await store.create("Lift maintenance", Audience.parse("everyone"))
    await store.confirm(notice.id)
    await store.start(notice.id)
    first, second, third = await store.claim(notice.id, limit=3, lease=timedelta(seconds=5))
    assert await store.mark_sending(first, lease=timedelta(seconds=5))
    await store.settle(second, DeliveryState.SENT, message_id=1)
    clock.advance(seconds=6)  # the worker died: its leases lapse
    assert await store.recover(notice.id) == 1
    again = await store.claim(notice.id, limit=10, lease=timedelta(seconds=5))
    assert [d.id for d in again] == [third.id]
    assert not await store.mark_sending(third, lease=timedelta(seconds=5))  # the old claim is void
    await store.settle(again[0], DeliveryState.SENT, message_id=2)
    progress = await store.progress(notice.id)
    assert (progress.sent, progress.count(DeliveryState.UNKNOWN), progress.done) == (2, 1, True)
    assert await store.finish(notice.id)


async def test_reminders_are_recorded_once_and_opt_out_is_honoured(db: Database) -> None:
    store = SqlNoticeStore(db, clock=Clock())
    (debtor,) = await store.debtors()
    assert await store.record_reminder(debtor, seq=1, actor="schedule") is not None
    assert await store.record_reminder(debtor, seq=1, actor="schedule") is None  # another worker had it
    assert await store.reminders_sent(debtor.resident_id, debtor.unit_id, debtor.due_date) == 1
    await store.opt_out(debtor.resident_id)
    await store.opt_out(debtor.resident_id)
    assert await store.debtors() == []


def test_reminder_rules_quiet_hours_and_at_most_n() -> None:
    from datetime import date, time

    rules = ReminderRules(days_after_due=(3, 10), max_reminders=2, quiet_start=time(21), quiet_end=time(9))
    assert rules.quiet(time(22, 30)) and rules.quiet(time(8, 59)) and not rules.quiet(time(9))
    due = date(2026, 10, 31)
    assert not rules.due(date(2026, 11, 2), due, 0)
    assert rules.due(date(2026, 11, 3), due, 0)
    assert not rules.due(date(2026, 11, 5), due, 1)
    assert rules.due(date(2026, 11, 12), due, 1)
    assert not rules.due(date(2027, 1, 1), due, 2)
