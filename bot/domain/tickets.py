"""Tickets: the matters residents bring to the desk, with their append-only event log."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class TicketKind(StrEnum):
    REPAIR = "repair"
    COMPLAINT = "complaint"
    ENQUIRY = "enquiry"
    VERIFICATION = "verification"

    @property
    def prefix(self) -> str:
        return _PREFIX[self]


_PREFIX = {
    TicketKind.REPAIR: "R",
    TicketKind.COMPLAINT: "C",
    TicketKind.ENQUIRY: "Q",
    TicketKind.VERIFICATION: "V",
}

# Category keys are shared by code, data and configuration; never translate or rename them.
REPAIR_CATEGORIES: tuple[str, ...] = ("plumbing", "electrical", "elevator", "doors", "common_area", "other")
COMPLAINT_CATEGORIES: tuple[str, ...] = (
    "noise",
    "neighbour",
    "staff",
    "cleanliness",
    "security",
    "parking",
    "other",
)
CATEGORIES: dict[TicketKind, tuple[str, ...]] = {
    TicketKind.REPAIR: REPAIR_CATEGORIES,
    TicketKind.COMPLAINT: COMPLAINT_CATEGORIES,
    TicketKind.ENQUIRY: ("general",),
    TicketKind.VERIFICATION: ("phone",),
}


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"
    EMERGENCY = "emergency"


class TicketStatus(StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    NEED_INFO = "need_info"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self not in (TicketStatus.RESOLVED, TicketStatus.CLOSED, TicketStatus.CANCELLED)


OPEN_STATUSES: tuple[TicketStatus, ...] = tuple(s for s in TicketStatus if s.is_open)

MAX_PHOTOS = 5


_NUMBER = re.compile(r"[A-Z]-[0-9]{1,18}")


def format_number(kind: TicketKind, seq: int) -> str:
    """The public ticket number residents and staff quote: ``R-000123``."""
    return f"{kind.prefix}-{seq:06d}"


def parse_number(text: str) -> tuple[TicketKind, int] | None:
    """(kind, sequence) of ``R-000123`` as people type it; None for anything else, never an error.

    Only ASCII digits, at most 18 of them: ``str.isdigit()`` also passes "²", which ``int()`` refuses."""
    text = text.strip().upper()
    if _NUMBER.fullmatch(text) is None:
        return None
    for kind, prefix in _PREFIX.items():
        if text[0] == prefix:
            return kind, int(text[2:])
    return None


@dataclass(frozen=True)
class TicketEvent:
    """One entry of a ticket's log: who did what, when, from where."""

    at: datetime
    actor: str  # "resident:12", "staff:1001", "system"
    action: str  # "created", "card_posted", ...
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NewTicket:
    """What intake hands to a ticket backend. ``idempotency_key`` makes a retried create return the same ticket."""

    idempotency_key: str
    kind: TicketKind
    category: str
    urgency: Urgency
    resident_id: int | None
    unit_id: int | None
    place: str
    description: str
    department: str
    channel: str
    sla_due_at: datetime | None
    created_at: datetime
    attachments: tuple[str, ...] = ()
    actor: str = "system"
    contact_phone: str | None = None  # for verification requests from unknown numbers
    response_due_at: datetime | None = None
    building: str = ""  # as the registry holds it ("3", "A"): the unit's, or the common area's; "" unknown

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES[self.kind]:
            raise ValueError(f"unknown {self.kind} category {self.category!r}")
        if len(self.attachments) > MAX_PHOTOS:
            raise ValueError(f"at most {MAX_PHOTOS} attachments")


@dataclass(frozen=True)
class Ticket:
    id: int
    number: str
    kind: TicketKind
    category: str
    urgency: Urgency
    status: TicketStatus
    resident_id: int | None
    unit_id: int | None
    place: str
    description: str
    department: str
    channel: str
    created_at: datetime
    updated_at: datetime
    sla_due_at: datetime | None
    attachments: tuple[str, ...] = ()
    contact_phone: str | None = None
    card_chat_id: int | None = None
    card_message_id: int | None = None
    events: tuple[TicketEvent, ...] = ()
    assignee: int | None = None  # staff user id
    version: int = 0  # number of events after "created": the optimistic-concurrency token
    response_due_at: datetime | None = None
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    merged_into: str | None = None
    incident: str | None = None
    topic_id: int | None = None  # the forum topic of this ticket in its department's group
    reopen_count: int = 0
    resolution_note: str = ""
    building: str = ""  # the unit's building, or the building a common-area report names; "" unknown

    @property
    def is_open(self) -> bool:
        return self.status.is_open


@dataclass(frozen=True)
class Incident:
    """One cause behind many reports (a burst pipe, a building-wide power cut)."""

    number: str  # "I-0007"
    title: str
    department: str
    status: str  # "open" | "resolved"
    created_at: datetime
    resolved_at: datetime | None = None
    building: str = ""
    category: str = ""


@dataclass(frozen=True)
class Report:
    """A resident's confirmed report, before routing: what a dialog hands to the desk."""

    idempotency_key: str
    kind: TicketKind
    category: str
    urgency: Urgency
    resident_id: int | None
    unit_id: int | None
    place: str
    description: str
    channel: str
    attachments: tuple[str, ...] = ()
    contact_phone: str | None = None
    building: str = ""  # the unit's building, or the building a common-area report names; "" unknown
