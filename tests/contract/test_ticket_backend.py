"""The TicketBackend contract, run against every backend on every database."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from bot.domain.residents import Language, Role
from bot.domain.tickets import NewTicket, TicketEvent, TicketKind, TicketStatus, Urgency, format_number
from bot.errors import BackendUnavailable
from integrations.registry.base import ResidentRow
from integrations.sql.database import Database
from integrations.sql.registry import SqlResidentRegistry
from integrations.sql.tickets import SqlTicketBackend
from integrations.tickets.base import TicketBackend

HK = ZoneInfo("Asia/Hong_Kong")
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=HK)


def new_ticket(key: str, kind: TicketKind = TicketKind.REPAIR, **overrides: object) -> NewTicket:
    values: dict[str, object] = {
        "idempotency_key": key,
        "kind": kind,
        "category": {TicketKind.REPAIR: "plumbing", TicketKind.COMPLAINT: "noise"}.get(kind, "general"),
        "urgency": Urgency.NORMAL,
        "resident_id": None,
        "unit_id": None,
        "place": "kitchen",
        "description": "廚房漏水",
        "department": "engineering",
        "channel": "telegram",
        "sla_due_at": T0 + timedelta(hours=48),
        "created_at": T0,
    }
    values.update(overrides)
    return NewTicket(**values)  # type: ignore[arg-type]


@pytest.fixture
async def residents(sql_database: Database) -> tuple[int, int, int]:
    """Two residents and the unit of the first: (resident_a, resident_b, unit_id)."""
    registry = SqlResidentRegistry(sql_database)
    await registry.upsert(
        [
            ResidentRow("3", "502", "陳太太 Mrs Chan", "+85291234567", Role.OWNER, Language.ZH_HANT),
            ResidentRow("A", "1203", "Peter Wong", "+85261230001", Role.OWNER, Language.EN),
        ]
    )
    a = await registry.by_phone("+85291234567")
    b = await registry.by_phone("+85261230001")
    assert a is not None and b is not None
    return a.id, b.id, a.units[0].unit.id


async def test_create_then_get_keeps_every_field(ticket_backend: TicketBackend, residents: tuple[int, int, int]):
    resident_id, _, unit_id = residents
    new = new_ticket(
        "tg:1:100",
        resident_id=resident_id,
        unit_id=unit_id,
        urgency=Urgency.URGENT,
        attachments=("photo-b", "photo-a", "photo-c"),
        actor=f"resident:{resident_id}",
        contact_phone="+85291234567",
    )
    created = await ticket_backend.create(new)

    assert created.number == "R-000001"
    assert created.status is TicketStatus.NEW and created.is_open
    assert created.attachments == ("photo-b", "photo-a", "photo-c")
    assert [(e.action, e.actor) for e in created.events] == [("created", f"resident:{resident_id}")]
    fetched = await ticket_backend.get("R-000001")
    assert fetched == created
    assert (fetched.kind, fetched.category, fetched.urgency) == (TicketKind.REPAIR, "plumbing", Urgency.URGENT)
    assert (fetched.resident_id, fetched.unit_id, fetched.place) == (resident_id, unit_id, "kitchen")
    assert (fetched.description, fetched.department, fetched.channel) == ("廚房漏水", "engineering", "telegram")
    assert fetched.contact_phone == "+85291234567"
    assert fetched.card_chat_id is None and fetched.card_message_id is None
    # Times come back as the same instants, in UTC, whatever zone they went in with.
    assert fetched.created_at == T0 and fetched.created_at.tzinfo is not None
    assert fetched.created_at.utcoffset() == timedelta(0)
    assert fetched.updated_at == T0
    assert fetched.sla_due_at == T0 + timedelta(hours=48)


async def test_get_unknown_or_malformed_number_is_none(ticket_backend: TicketBackend):
    await ticket_backend.create(new_ticket("k1"))
    assert await ticket_backend.get("R-000002") is None
    assert await ticket_backend.get("C-000001") is None
    assert await ticket_backend.get("not a number") is None
    found = await ticket_backend.get(" r-1 ")
    assert found is not None and found.number == "R-000001"


async def test_numbers_count_per_kind(ticket_backend: TicketBackend):
    numbers = [
        (await ticket_backend.create(new_ticket(f"k{i}", kind))).number
        for i, kind in enumerate(
            [TicketKind.REPAIR, TicketKind.COMPLAINT, TicketKind.REPAIR, TicketKind.ENQUIRY, TicketKind.COMPLAINT]
        )
    ]
    assert numbers == ["R-000001", "C-000001", "R-000002", "Q-000001", "C-000002"]


async def test_numbers_past_six_digits_keep_counting(sql_database: Database):
    """The number is written as Python writes it (``R-000123``), also where SQL forms it in the insert."""
    backend = SqlTicketBackend(sql_database)
    async with sql_database.transaction() as conn:
        await conn.execute(
            text("INSERT INTO ticket_counters (kind, value) VALUES (:kind, 999998)"), {"kind": TicketKind.REPAIR.value}
        )
    numbers = [(await backend.create(new_ticket(f"k{i}"))).number for i in range(2)]
    assert numbers == ["R-999999", "R-1000000"] == [format_number(TicketKind.REPAIR, n) for n in (999999, 1000000)]
    assert [t.number for t in await backend.open_tickets(with_events=False)] == numbers
    stored = await backend.get("R-1000000")
    assert stored is not None and stored.number == "R-1000000" and [e.action for e in stored.events] == ["created"]


async def test_a_photo_report_retried_is_stored_once_with_its_photos(ticket_backend: TicketBackend):
    first = await ticket_backend.create(new_ticket("tg:8:1", attachments=("photo-a", "photo-b")))
    again = await ticket_backend.create(new_ticket("tg:8:1", attachments=("photo-c",)))
    assert again == first
    stored = await ticket_backend.get(first.number)
    assert stored is not None and stored.attachments == ("photo-a", "photo-b") and len(stored.events) == 1
    assert (await ticket_backend.create(new_ticket("tg:8:2"))).number == "R-000002"


async def test_concurrent_creates_get_distinct_numbers_without_gaps(ticket_backend: TicketBackend):
    kinds = [TicketKind.REPAIR] * 14 + [TicketKind.COMPLAINT] * 6
    tickets = await asyncio.gather(*(ticket_backend.create(new_ticket(f"c{i}", k)) for i, k in enumerate(kinds)))

    numbers = sorted(t.number for t in tickets)
    assert numbers == sorted([f"R-{n:06d}" for n in range(1, 15)] + [f"C-{n:06d}" for n in range(1, 7)])
    assert len({t.id for t in tickets}) == 20


async def test_create_is_idempotent(ticket_backend: TicketBackend):
    first = await ticket_backend.create(new_ticket("tg:7:1", description="first"))
    again = await ticket_backend.create(new_ticket("tg:7:1", description="a retry says something else"))

    assert again == first
    assert again.description == "first"
    # The retry consumed no number.
    assert (await ticket_backend.create(new_ticket("tg:7:2"))).number == "R-000002"


async def test_concurrent_creates_with_one_key_make_one_ticket(ticket_backend: TicketBackend):
    tickets = await asyncio.gather(*(ticket_backend.create(new_ticket("tg:9:1")) for _ in range(6)))

    assert {t.number for t in tickets} == {"R-000001"}
    assert len({t.id for t in tickets}) == 1
    assert (await ticket_backend.create(new_ticket("tg:9:2"))).number == "R-000002"


async def test_events_are_appended_and_status_follows_the_log(ticket_backend: TicketBackend):
    created = await ticket_backend.create(new_ticket("k"))
    assign_at = T0 + timedelta(minutes=5)

    assigned = await ticket_backend.append_event(
        created.number, TicketEvent(assign_at, "staff:9101", "assigned", {"status": "assigned", "to": 9101})
    )
    noted = await ticket_backend.append_event(
        created.number, TicketEvent(assign_at + timedelta(minutes=1), "staff:9101", "note", {"text": "on my way"})
    )
    # An event stamped earlier than the last one still goes at the end; updated_at never goes back.
    resolved = await ticket_backend.append_event(
        created.number, TicketEvent(T0 + timedelta(minutes=1), "staff:9101", "resolved", {"status": "resolved"})
    )

    assert assigned.status is TicketStatus.ASSIGNED and assigned.updated_at == assign_at
    # Every event is a change: updated_at is the time of the latest one.
    assert noted.status is TicketStatus.ASSIGNED and noted.updated_at == assign_at + timedelta(minutes=1)
    assert resolved.status is TicketStatus.RESOLVED and not resolved.is_open
    assert resolved.updated_at == assign_at + timedelta(minutes=1)
    assert resolved.version == 3 and resolved.assignee == 9101
    assert [e.action for e in resolved.events] == ["created", "assigned", "note", "resolved"]
    assert resolved.events[:3] == noted.events
    assert resolved.events[1].detail == {"status": "assigned", "to": 9101}
    assert resolved.events[1].at == assign_at
    assert await ticket_backend.get(created.number) == resolved


async def test_append_event_refuses_unknown_status_and_ticket(ticket_backend: TicketBackend):
    created = await ticket_backend.create(new_ticket("k"))

    with pytest.raises(ValueError):
        await ticket_backend.append_event(created.number, TicketEvent(T0, "system", "x", {"status": "lost"}))
    with pytest.raises(LookupError):
        await ticket_backend.append_event("R-000099", TicketEvent(T0, "system", "note"))
    stored = await ticket_backend.get(created.number)
    assert stored is not None and [e.action for e in stored.events] == ["created"]


async def test_list_for_resident_newest_first(ticket_backend: TicketBackend, residents: tuple[int, int, int]):
    a, b, unit_id = residents
    old = await ticket_backend.create(new_ticket("1", resident_id=a, unit_id=unit_id, created_at=T0))
    mid = await ticket_backend.create(
        new_ticket("2", TicketKind.COMPLAINT, resident_id=a, created_at=T0 + timedelta(hours=1))
    )
    new = await ticket_backend.create(new_ticket("3", resident_id=a, created_at=T0 + timedelta(hours=2)))
    await ticket_backend.create(new_ticket("4", resident_id=b, created_at=T0 + timedelta(hours=3)))
    await ticket_backend.append_event(mid.number, TicketEvent(T0, "staff:1", "cancelled", {"status": "cancelled"}))

    open_numbers = [t.number for t in await ticket_backend.list_for_resident(a)]
    all_numbers = [t.number for t in await ticket_backend.list_for_resident(a, open_only=False)]

    assert open_numbers == [new.number, old.number]
    assert all_numbers == [new.number, mid.number, old.number]
    assert await ticket_backend.list_for_resident(a + b + 1000) == []


async def test_list_for_resident_narrowed_to_statuses(ticket_backend: TicketBackend, residents: tuple[int, int, int]):
    a, b, unit_id = residents
    asked = await ticket_backend.create(new_ticket("1", resident_id=a, unit_id=unit_id, created_at=T0))
    await ticket_backend.create(new_ticket("2", resident_id=a, created_at=T0 + timedelta(hours=1)))
    closed = await ticket_backend.create(new_ticket("3", resident_id=a, created_at=T0 + timedelta(hours=2)))
    other = await ticket_backend.create(new_ticket("4", resident_id=b, created_at=T0 + timedelta(hours=3)))
    for ticket in (asked, closed, other):
        await ticket_backend.append_event(
            ticket.number, TicketEvent(T0, "staff:1", "need_info", {"question": "Which?"})
        )
    await ticket_backend.append_event(closed.number, TicketEvent(T0, "staff:1", "cancelled", {"status": "cancelled"}))

    waiting = await ticket_backend.list_for_resident(a, statuses=(TicketStatus.NEED_INFO,))
    cancelled_open = await ticket_backend.list_for_resident(a, statuses=(TicketStatus.CANCELLED,))
    cancelled = await ticket_backend.list_for_resident(a, open_only=False, statuses=(TicketStatus.CANCELLED,))

    assert [(t.number, t.status) for t in waiting] == [(asked.number, TicketStatus.NEED_INFO)]
    assert cancelled_open == []  # open_only still holds: a closed status asked for among open tickets
    assert [t.number for t in cancelled] == [closed.number]


async def test_cards(ticket_backend: TicketBackend):
    first = await ticket_backend.create(new_ticket("1", created_at=T0))
    second = await ticket_backend.create(new_ticket("2", created_at=T0 + timedelta(minutes=1)))
    third = await ticket_backend.create(new_ticket("3", created_at=T0 + timedelta(minutes=2)))

    later = T0 + timedelta(hours=1)
    assert [t.number for t in await ticket_backend.without_card(later)] == [
        first.number,
        second.number,
        third.number,
    ]
    assert [t.number for t in await ticket_backend.without_card(later, limit=2)] == [first.number, second.number]
    assert [t.number for t in await ticket_backend.without_card(T0 + timedelta(seconds=90))] == [
        first.number,
        second.number,
    ]

    await ticket_backend.set_card(second.number, -1001000000002, 42)

    assert [t.number for t in await ticket_backend.without_card(later)] == [first.number, third.number]
    carded = await ticket_backend.get(second.number)
    assert carded is not None and (carded.card_chat_id, carded.card_message_id) == (-1001000000002, 42)
    with pytest.raises(LookupError):
        await ticket_backend.set_card("R-000099", 1, 1)


async def test_created_at_may_be_given_in_any_zone(ticket_backend: TicketBackend):
    created = await ticket_backend.create(new_ticket("utc", created_at=datetime(2026, 1, 1, 0, 0, tzinfo=UTC)))
    assert created.created_at == datetime(2026, 1, 1, 8, 0, tzinfo=HK)
    assert (await ticket_backend.without_card(datetime(2026, 1, 1, 8, 0, 1, tzinfo=HK))) == [created]


async def test_unreachable_database_raises_backend_unavailable(unreachable_database: Database):
    backend = SqlTicketBackend(unreachable_database)
    calls = [
        backend.create(new_ticket("k")),
        backend.get("R-000001"),
        backend.list_for_resident(1),
        backend.append_event("R-000001", TicketEvent(T0, "system", "note")),
        backend.set_card("R-000001", 1, 2),
        backend.without_card(T0),
    ]
    for call in calls:
        with pytest.raises(BackendUnavailable):
            await call
    await backend.close()
