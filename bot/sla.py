"""SLA time limits: when a ticket's response and resolution are due, and what reminders and escalations it is owed.

Deadlines count business hours from the estate's calendar, except for emergencies, which count
around the clock. Everything here is pure; :mod:`bot.scheduler` does the sending and recording.

Decisions others rely on:

- A **transfer keeps both deadlines**: the resident's wait counts from the report, whoever holds
  it (first-contact responsibility); a late transfer is what escalation is for.
- A **reopen restarts the resolution deadline** from the reopening (:func:`on_reopen`); the
  response deadline is about the first response only and is not restarted.
- A ticket waiting for the resident (``need_info``) keeps counting: nothing is dropped silently.
- Reminders and escalations are tied to one deadline *instant*: when a deadline moves, the
  reminder and escalation cycle starts again for the new instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from bot.config import EstateConfig
from bot.domain.calendar import BusinessCalendar
from bot.domain.lifecycle import Action
from bot.domain.tickets import Ticket, TicketKind, Urgency


class Deadline(StrEnum):
    RESPONSE = "response"  # the desk's first response to the resident
    RESOLUTION = "resolution"
    MANUAL = "manual"  # not a deadline: someone asked for the supervisor (a resident's nudge)


def resolution_hours(estate: EstateConfig, kind: TicketKind, category: str, urgency: Urgency) -> float | None:
    routing = estate.routing
    return routing.sla.get((kind, category), routing.sla_default).for_urgency(urgency)


def response_hours(estate: EstateConfig, urgency: Urgency) -> float | None:
    return estate.desk.response_hours.for_urgency(urgency)


def counts_around_the_clock(urgency: Urgency) -> bool:
    return urgency is Urgency.EMERGENCY


def add_sla_hours(estate: EstateConfig, urgency: Urgency, start: datetime, hours: float) -> datetime:
    """``start`` plus ``hours`` on the SLA clock of this urgency."""
    if counts_around_the_clock(urgency):
        return start + timedelta(hours=hours)
    return BusinessCalendar(estate.calendar).add_working_hours(start, hours)


def sla_hours_between(estate: EstateConfig, urgency: Urgency, a: datetime, b: datetime) -> float:
    """Hours on the SLA clock of this urgency from ``a`` to ``b`` (negative when ``b`` is earlier)."""
    if counts_around_the_clock(urgency):
        return (b - a).total_seconds() / 3600
    return BusinessCalendar(estate.calendar).working_hours_between(a, b)


def deadlines(
    estate: EstateConfig, kind: TicketKind, category: str, urgency: Urgency, created_at: datetime
) -> tuple[datetime | None, datetime | None]:
    """(first response due, resolution due) for a matter received at ``created_at``; None = no limit."""
    response = response_hours(estate, urgency)
    resolution = resolution_hours(estate, kind, category, urgency)
    return (
        None if response is None else add_sla_hours(estate, urgency, created_at, response),
        None if resolution is None else add_sla_hours(estate, urgency, created_at, resolution),
    )


def on_reopen(estate: EstateConfig, ticket: Ticket, at: datetime) -> dict[str, Any]:
    """Event detail to merge into a ``reopened`` event: the resolution deadline restarts at ``at``.

    The SQL backend applies ``sla_due_at`` from an event's detail to the ticket.
    """
    hours = resolution_hours(estate, ticket.kind, ticket.category, ticket.urgency)
    due = None if hours is None else add_sla_hours(estate, ticket.urgency, at, hours)
    return {"sla_due_at": due.isoformat() if due else None}


@dataclass(frozen=True)
class Due:
    """One reminder (level 0) or escalation (level 1, 2, ...) a ticket is owed about one deadline."""

    deadline: Deadline
    due_at: datetime | None  # None for a manual escalation
    level: int

    @property
    def action(self) -> Action:
        return Action.REMINDED if self.level == 0 else Action.ESCALATED

    @property
    def claim_key(self) -> str:
        """The once-only key: one deadline instant and level of one ticket (the ticket number is prefixed)."""
        stamp = int(self.due_at.timestamp()) if self.due_at else 0
        return f"{self.deadline.value}:{stamp}:{self.level}"

    def detail(self) -> dict[str, Any]:
        detail: dict[str, Any] = {"deadline": self.deadline.value, "level": self.level}
        if self.due_at is not None:
            detail["due"] = self.due_at.isoformat()
        return detail


def recorded_levels(ticket: Ticket, deadline: Deadline, due_at: datetime | None) -> set[int]:
    """Levels already recorded in the ticket's log for this deadline instant (0 = the reminder)."""
    levels: set[int] = set()
    for event in ticket.events:
        if event.action not in (Action.REMINDED, Action.ESCALATED):
            continue
        d = event.detail
        if d.get("deadline") != deadline.value:
            continue
        stamp = d.get("due")
        if due_at is not None and (not stamp or datetime.fromisoformat(stamp) != due_at):
            continue
        levels.add(int(d.get("level", 1 if event.action == Action.ESCALATED else 0)))
    return levels


def is_recorded(ticket: Ticket, due: Due) -> bool:
    levels = recorded_levels(ticket, due.deadline, due.due_at)
    if due.level == 0:
        return bool(levels)  # a reminder is moot once an escalation went out
    return max(levels, default=0) >= due.level


def open_deadlines(estate: EstateConfig, ticket: Ticket) -> list[tuple[Deadline, datetime, float | None]]:
    """The deadlines still running on a ticket: (which, when, window hours for the reminder)."""
    if not ticket.is_open:
        return []
    running: list[tuple[Deadline, datetime, float | None]] = []
    if ticket.first_response_at is None and ticket.response_due_at is not None:
        running.append((Deadline.RESPONSE, ticket.response_due_at, response_hours(estate, ticket.urgency)))
    if ticket.sla_due_at is not None:
        hours = resolution_hours(estate, ticket.kind, ticket.category, ticket.urgency)
        running.append((Deadline.RESOLUTION, ticket.sla_due_at, hours))
    return running


def escalation_level(estate: EstateConfig, due_at: datetime, now: datetime) -> int:
    """1 at the deadline, and one more every ``escalate_every_hours`` (wall clock) while it stays breached."""
    every = timedelta(hours=estate.desk.escalate_every_hours)
    return 1 + int((now - due_at) / every)


def owed(estate: EstateConfig, ticket: Ticket, now: datetime) -> list[Due]:
    """What the ticket is owed now and has not had: a reminder, or the escalation of the current level.

    A sweep that was down for days sends only the current level (the message says how overdue).

    A ticket's escalations go together: when one deadline is owed an escalation, every other
    breached deadline of the ticket is escalated with it, one level up (ahead of its own clock,
    which then finds that level recorded), so the managers hear of one ticket once per round
    rather than once per deadline.
    """
    result: list[Due] = []
    breached: list[tuple[Deadline, datetime]] = []
    for deadline, due_at, window in open_deadlines(estate, ticket):
        if now >= due_at:
            due = Due(deadline, due_at, escalation_level(estate, due_at, now))
            breached.append((deadline, due_at))
        elif window and sla_hours_between(estate, ticket.urgency, now, due_at) <= estate.desk.remind_before * window:
            due = Due(deadline, due_at, 0)
        else:
            continue
        if not is_recorded(ticket, due):
            result.append(due)
    if any(due.level >= 1 for due in result):
        for deadline, due_at in breached:
            if all(due.deadline is not deadline for due in result):
                level = max(recorded_levels(ticket, deadline, due_at), default=0) + 1
                result.append(Due(deadline, due_at, level))
    return result


def is_breached(ticket: Ticket, now: datetime) -> bool:
    """Past a deadline that still runs: the resolution, or the first response when none was given."""
    if not ticket.is_open:
        return False
    if ticket.sla_due_at is not None and now >= ticket.sla_due_at:
        return True
    return ticket.first_response_at is None and ticket.response_due_at is not None and now >= ticket.response_due_at


def next_deadline(ticket: Ticket) -> tuple[Deadline, datetime] | None:
    """The earliest deadline still running (what a queue sorts by)."""
    candidates: list[tuple[datetime, Deadline]] = []
    if ticket.is_open and ticket.first_response_at is None and ticket.response_due_at is not None:
        candidates.append((ticket.response_due_at, Deadline.RESPONSE))
    if ticket.is_open and ticket.sla_due_at is not None:
        candidates.append((ticket.sla_due_at, Deadline.RESOLUTION))
    if not candidates:
        return None
    at, which = min(candidates)
    return which, at
