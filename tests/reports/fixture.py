"""A hand-checked month of tickets (November 2026, Hong Kong time) for the report tests.

Every ticket, its events and what it contributes to the figures is written out below; the expected
numbers in tests/reports/test_figures.py are worked out by hand from this list.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.tickets import NewTicket, TicketEvent, TicketKind, Urgency
from bot.reports.figures import Period
from integrations.sql.database import Database
from integrations.sql.registry import SqlResidentRegistry
from integrations.sql.tickets import SqlTicketBackend
from tests.helpers import load_demo_estate

HK = ZoneInfo("Asia/Hong_Kong")
NOVEMBER = Period.month_of(datetime(2026, 11, 15).date(), "Asia/Hong_Kong")


def hk(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=HK).astimezone(UTC)


def staff(action: str, at: datetime, **detail: Any) -> TicketEvent:
    return TicketEvent(at, "staff:9101", action, {"by": 9101, **detail})


def system(action: str, at: datetime, **detail: Any) -> TicketEvent:
    return TicketEvent(at, "system", action, detail)


# fmt: off
# name: (kind, category, department at intake, unit "building-unit" or None, created, SLA due, events)
TICKETS: dict[str, tuple[str, str, str, str | None, datetime, datetime | None, list[TicketEvent]]] = {
    # Responded 1 h, resolved 24 h (on time), surveyed, rated 5.
    "T1": ("repair", "plumbing", "engineering", "3-502", hk(11, 2), hk(11, 4), [
        staff("claimed", hk(11, 2, 11)),
        staff("resolved", hk(11, 3), note="fixed"),
        system("survey_sent", hk(11, 4)),
        system("survey_answered", hk(11, 4, 12), rating=5),
    ]),
    # Responded 0.5 h, first resolution 24 h (late: due 17:00 the same day), rated 2, then reopened.
    "T2": ("repair", "electrical", "engineering", "A-1203", hk(11, 3, 9), hk(11, 3, 17), [
        staff("started", hk(11, 3, 9, 30)),
        staff("resolved", hk(11, 4, 9), note="fixed"),
        system("survey_sent", hk(11, 4, 12)),
        system("survey_answered", hk(11, 4, 13), rating=2),
        staff("reopened", hk(11, 5), reason="not fixed"),
        staff("resolved", hk(11, 6), note="fixed again"),
    ]),
    # Responded 4 h, never resolved.
    "T3": ("repair", "elevator", "engineering", "1-1001", hk(11, 10), hk(11, 11), [
        staff("claimed", hk(11, 10, 14)),
    ]),
    # Responded 2 h; resolved on 2 December: not completed in November. No deadline.
    "T4": ("repair", "plumbing", "engineering", "2-301", hk(11, 28), None, [
        staff("claimed", hk(11, 28, 12)),
        staff("resolved", hk(12, 2), note="fixed"),
    ]),
    # Responded 1 h (a relayed message), resolved 12 h (on time), surveyed, rated 4.
    "T5": ("complaint", "noise", "security", "3-502", hk(11, 5, 22), hk(11, 6, 22), [
        staff("relayed_out", hk(11, 5, 23), text="on our way"),
        staff("resolved", hk(11, 6), note="spoke to the neighbour"),
        system("survey_sent", hk(11, 7)),
        system("survey_answered", hk(11, 7, 9), rating=4),
    ]),
    # No unit; resolved straight away after 24 h: the resolution is also the first response. No survey.
    "T6": ("complaint", "parking", "security", None, hk(11, 12), hk(11, 15), [
        staff("resolved", hk(11, 13), note="car moved"),
    ]),
    # Transferred from security to the service desk (not a response), asked for info at 2 h,
    # resolved at 48 h (late), surveyed, never answered. Counted under service_desk.
    "T7": ("complaint", "noise", "security", "1-1001", hk(11, 6), hk(11, 7), [
        staff("transferred", hk(11, 6, 11), to="service_desk", **{"from": "security"}),
        staff("need_info", hk(11, 6, 12), question="which floor?"),
        staff("resolved", hk(11, 8), note="done"),
        system("survey_sent", hk(11, 9)),
    ]),
    # Responded 0.5 h, resolved 24 h (on time), surveyed; answered on 1 December: no rating in November.
    "T8": ("repair", "common_area", "cleaning", "3-502", hk(11, 20), hk(11, 23), [
        staff("claimed", hk(11, 20, 10, 30)),
        staff("resolved", hk(11, 21), note="cleaned"),
        system("survey_sent", hk(11, 22)),
        system("survey_answered", hk(12, 1, 9), rating=3),
    ]),
    # Created at the very first instant of the period; responded 10 min, resolved 1 h (no deadline),
    # rated 5, reopened and resolved again.
    "T9": ("enquiry", "general", "service_desk", "A-1203", hk(11, 1, 0), None, [
        staff("relayed_out", hk(11, 1, 0, 10), text="answer"),
        staff("resolved", hk(11, 1, 1), note="answered"),
        system("survey_sent", hk(11, 1, 2)),
        system("survey_answered", hk(11, 1, 3), rating=5),
        staff("reopened", hk(11, 16), reason="more questions"),
        staff("resolved", hk(11, 16, 12), note="answered again"),
    ]),
    # Created in October: not received in November, but its resolution counts among November's resolutions.
    "T10": ("repair", "plumbing", "engineering", "3-502", hk(10, 30), hk(11, 1), [
        staff("resolved", hk(11, 2, 9), note="fixed"),
    ]),
    # Created at the first instant after the period: not received.
    "T11": ("repair", "doors", "engineering", "1-1001", hk(12, 1, 0), hk(12, 2), []),
    # A duplicate of T1, merged into it: left out of every count.
    "T12": ("repair", "plumbing", "engineering", "3-502", hk(11, 2, 10, 30), hk(11, 4), [
        staff("merged", hk(11, 2, 11), into="R-000001"),
    ]),
    # Created half an hour before the period ends; nothing else happened.
    "T13": ("repair", "other", "service_desk", "2-301", hk(11, 30, 23, 30), hk(12, 3), []),
}
# fmt: on


async def load_fixture(db: Database, *, estate: bool = True) -> None:
    """The tickets above; ``estate=False`` when the demo units are loaded already (a running harness)."""
    registry = await load_demo_estate(db) if estate else SqlResidentRegistry(db)
    tickets = SqlTicketBackend(db)
    for name, (kind, category, department, unit_name, created, due, events) in TICKETS.items():
        unit_id = None
        if unit_name is not None:
            building, number = unit_name.split("-")
            unit = await registry.find_unit(building, number)
            assert unit is not None
            unit_id = unit.id
        ticket = await tickets.create(
            NewTicket(
                idempotency_key=f"report-fixture:{name}",
                kind=TicketKind(kind),
                category=category,
                urgency=Urgency.NORMAL,
                resident_id=None,
                unit_id=unit_id,
                place="",
                description=name,
                department=department,
                channel="telegram",
                sla_due_at=due,
                created_at=created,
            )
        )
        for event in events:
            await tickets.append_event(ticket.number, event)


HOUR = timedelta(hours=1).total_seconds()
