"""The staff desk's part of the TicketBackend contract: lifecycle, conflicts, message links, queues, incidents."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.domain.lifecycle import InvalidTransition
from bot.domain.tickets import TicketEvent, TicketKind, TicketStatus
from bot.errors import Conflict
from integrations.tickets.base import TicketBackend
from tests.contract.test_ticket_backend import T0, new_ticket


def ev(action: str, minutes: int = 1, **detail: object) -> TicketEvent:
    return TicketEvent(T0 + timedelta(minutes=minutes), "staff:9101", action, dict(detail))


async def test_two_claims_at_once_one_wins(ticket_backend: TicketBackend) -> None:
    t = await ticket_backend.create(new_ticket("k"))

    async def claim(user: int) -> object:
        try:
            return await ticket_backend.append_event(t.number, ev("claimed", by=user), expected_version=t.version)
        except Conflict as exc:
            return exc

    results = await asyncio.gather(claim(9101), claim(9102))
    winners = [r for r in results if not isinstance(r, Conflict)]
    assert len(winners) == 1
    stored = await ticket_backend.get(t.number)
    assert stored is not None and stored.assignee in (9101, 9102) and stored.version == 1
    assert [e.action for e in stored.events] == ["created", "claimed"]


async def test_lifecycle_is_enforced_and_first_response_recorded(ticket_backend: TicketBackend) -> None:
    t = await ticket_backend.create(new_ticket("k"))
    with pytest.raises(InvalidTransition):
        await ticket_backend.append_event(t.number, ev("reopened"))
    t = await ticket_backend.append_event(t.number, ev("note", 1, text="internal"))
    assert t.first_response_at is None  # a note is not an answer to the resident
    t = await ticket_backend.append_event(t.number, ev("claimed", 2, by=9101))
    assert t.first_response_at == T0 + timedelta(minutes=2)
    t = await ticket_backend.append_event(t.number, ev("need_info", 3, question="Which tap?"))
    t = await ticket_backend.append_event(t.number, ev("info_received", 4, text="the kitchen one"))
    assert t.status is TicketStatus.IN_PROGRESS
    t = await ticket_backend.append_event(t.number, ev("transferred", 5, to="security", **{"from": "engineering"}))
    assert (t.status, t.department, t.assignee) == (TicketStatus.NEW, "security", None)
    t = await ticket_backend.append_event(t.number, ev("resolved", 6, note="fixed"))
    assert t.status is TicketStatus.RESOLVED and t.resolution_note == "fixed" and t.resolved_at is not None
    t = await ticket_backend.append_event(t.number, ev("reopened", 7, reason="not fixed"))
    assert t.status is TicketStatus.NEW and t.reopen_count == 1 and t.resolved_at is None
    assert t.first_response_at == T0 + timedelta(minutes=2)


async def test_messages_link_to_tickets(ticket_backend: TicketBackend) -> None:
    t = await ticket_backend.create(new_ticket("k"))
    await ticket_backend.link_message(-100, 55, t.number)
    await ticket_backend.link_message(-100, 55, t.number)  # idempotent
    found = await ticket_backend.by_message(-100, 55)
    assert found is not None and found.number == t.number
    assert await ticket_backend.by_message(-100, 56) is None
    await ticket_backend.set_card(t.number, -100, 55)
    await ticket_backend.set_topic(t.number, 77)
    in_topic = await ticket_backend.by_topic(-100, 77)
    assert in_topic is not None and in_topic.number == t.number
    assert await ticket_backend.by_topic(-100, 78) is None


async def test_queues_order_by_deadline_and_filter(ticket_backend: TicketBackend) -> None:
    late = await ticket_backend.create(new_ticket("a", sla_due_at=T0 + timedelta(hours=48)))
    soon = await ticket_backend.create(new_ticket("b", sla_due_at=T0 + timedelta(hours=2)))
    other = await ticket_backend.create(new_ticket("c", department="security"))
    done = await ticket_backend.create(new_ticket("d"))
    await ticket_backend.append_event(done.number, ev("resolved", note="ok"))
    await ticket_backend.append_event(late.number, ev("claimed", by=9101))
    queue = await ticket_backend.open_tickets(department="engineering")
    assert [t.number for t in queue] == [soon.number, late.number]
    assert [t.number for t in await ticket_backend.open_tickets(assignee=9101)] == [late.number]
    assert other.number in [t.number for t in await ticket_backend.open_tickets()]


async def test_similar_open_tickets_and_incidents(ticket_backend: TicketBackend) -> None:
    a = await ticket_backend.create(new_ticket("a", place="Common area: Block 3 lobby"))
    await ticket_backend.create(new_ticket("b", place="Common area: Block 5 lobby"))
    b = await ticket_backend.create(new_ticket("c", place="kitchen", unit_id=None, category="elevator"))
    similar = await ticket_backend.similar_open(
        kind=a.kind, category=a.category, since=T0 - timedelta(hours=1), building="3"
    )
    assert a.number in [t.number for t in similar] and b.number not in [t.number for t in similar]
    incident = await ticket_backend.open_incident(title="Burst pipe B3", department="engineering", at=T0)
    assert incident.number == "I-0001"
    await ticket_backend.append_event(a.number, ev("incident", incident=incident.number))
    assert [t.number for t in await ticket_backend.in_incident("I-0001")] == [a.number]
    assert [i.number for i in await ticket_backend.open_incidents()] == ["I-0001"]
    assert await ticket_backend.resolve_incident("I-0001", T0) is True
    assert await ticket_backend.resolve_incident("I-0001", T0) is False


async def test_similar_and_incidents_read_together_as_apart(ticket_backend: TicketBackend) -> None:
    """A new report's one query gives what :meth:`similar_open` and :meth:`open_incidents` give apart."""
    since = T0 - timedelta(hours=1)
    lobby = await ticket_backend.create(new_ticket("a", place="Common area: Block 3 lobby"))
    await ticket_backend.create(new_ticket("b", place="Common area: Block 5 lobby", category="elevator"))
    done = await ticket_backend.create(new_ticket("c", place="Common area: Block 3 gate"))
    await ticket_backend.append_event(done.number, ev("resolved", note="ok"))
    await ticket_backend.create(new_ticket("d", created_at=since - timedelta(minutes=1)))  # too old
    assert await ticket_backend.similar_and_incidents(kind=lobby.kind, category="plumbing", since=since) == (
        [],
        [],
    )  # neither a unit nor a building: no similar tickets, and no incident open yet
    first = await ticket_backend.open_incident(title="Burst pipe B3", department="engineering", at=T0, building="3")
    gone = await ticket_backend.open_incident(title="Lift", department="engineering", at=T0, category="elevator")
    await ticket_backend.resolve_incident(gone.number, T0)
    second = await ticket_backend.open_incident(title="Water off", department="engineering", at=T0)
    await ticket_backend.append_event(lobby.number, ev("incident", incident=first.number))
    for asked in (
        {"kind": lobby.kind, "category": "plumbing", "since": since, "building": "3"},
        {"kind": lobby.kind, "category": "elevator", "since": since, "building": ""},
        {"kind": TicketKind.COMPLAINT, "category": "plumbing", "since": since, "building": "3"},
    ):
        similar, incidents = await ticket_backend.similar_and_incidents(**asked)  # type: ignore[arg-type]
        assert similar == await ticket_backend.similar_open(**asked)  # type: ignore[arg-type]
        assert incidents == await ticket_backend.open_incidents()
        assert [i.number for i in incidents] == [first.number, second.number]
    similar, _ = await ticket_backend.similar_and_incidents(
        kind=lobby.kind, category="plumbing", since=since, building="3"
    )
    assert [t.number for t in similar] == [lobby.number]
    assert similar[0].incident == first.number and similar[0].place == "Common area: Block 3 lobby"
