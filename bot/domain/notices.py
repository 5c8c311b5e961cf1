"""Broadcast notices and fee reminders as plain values: audiences, per-recipient delivery states, reminder rules."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum


class AudienceKind(StrEnum):
    EVERYONE = "everyone"
    ESTATE = "estate"
    BUILDING = "building"
    UNIT = "unit"
    OWNERS = "owners"
    TENANTS = "tenants"
    ARREARS = "arrears"


# Kinds that need values after the colon ("building:3,5"); the others stand alone.
_WITH_VALUES = frozenset({AudienceKind.ESTATE, AudienceKind.BUILDING, AudienceKind.UNIT})
_UNIT = re.compile(r"^\s*([^-\s]+)\s*-\s*(\S+)\s*$")


class AudienceError(ValueError):
    """An audience written in a way we cannot read; the message says how to write it."""


@dataclass(frozen=True)
class Audience:
    """Who a notice goes to. Only residents linked to Telegram and still reachable ever receive it."""

    kind: AudienceKind
    values: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Audience:
        """Read ``everyone``, ``owners``, ``tenants``, ``arrears``, ``estate:NAME``, ``building:3,5``, ``unit:3-1``."""
        head, _sep, rest = text.strip().partition(":")
        try:
            kind = AudienceKind(head.strip().lower())
        except ValueError:
            raise AudienceError(
                f"unknown audience {text!r}: use everyone, owners, tenants, arrears, "
                "estate:NAME, building:3,5 or unit:3-502"
            ) from None
        values = tuple(v.strip() for v in rest.split(",") if v.strip())
        if kind in _WITH_VALUES and not values:
            raise AudienceError(f"audience {kind.value} needs values, e.g. {kind.value}:3")
        if kind not in _WITH_VALUES and values:
            raise AudienceError(f"audience {kind.value} takes no values")
        if kind is AudienceKind.UNIT:
            for v in values:
                if not _UNIT.match(v):
                    raise AudienceError(f"unit {v!r}: write building-unit, e.g. 3-502")
        return cls(kind, values)

    def units(self) -> list[tuple[str, str]]:
        """(building, unit) pairs of a unit audience."""
        pairs = []
        for v in self.values:
            m = _UNIT.match(v)
            if m:
                pairs.append((m.group(1), m.group(2)))
        return pairs

    def __str__(self) -> str:
        return f"{self.kind.value}:{','.join(self.values)}" if self.values else self.kind.value


class NoticeStatus(StrEnum):
    DRAFT = "draft"  # composed, preview shown, not confirmed: no recipients yet
    SCHEDULED = "scheduled"  # confirmed, recipients fixed, waiting for its time
    SENDING = "sending"
    DONE = "done"
    CANCELLED = "cancelled"


class DeliveryState(StrEnum):
    """One recipient of one notice.

    pending → sending (written before the Telegram call) → sent | unreachable | failed.
    A ``sending`` row whose worker died becomes ``unknown``: Telegram has no idempotency key, so the
    message may or may not have arrived, and it is never sent again (at most once).
    """

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    UNREACHABLE = "unreachable"
    FAILED = "failed"
    UNKNOWN = "unknown"


FINAL_STATES = frozenset({DeliveryState.SENT, DeliveryState.UNREACHABLE, DeliveryState.FAILED, DeliveryState.UNKNOWN})


@dataclass(frozen=True)
class Notice:
    id: int
    text: str
    audience: Audience
    emergency: bool
    status: NoticeStatus
    created_at: datetime
    created_by: int  # staff Telegram user id; 0 for the command line
    scheduled_at: datetime | None = None
    photo: str | None = None  # Telegram file id
    document: str | None = None  # Telegram file id of a PDF
    chat_id: int | None = None  # where the preview and the progress are shown
    message_id: int | None = None
    finished_at: datetime | None = None


@dataclass(frozen=True)
class Delivery:
    """A recipient claimed by one worker: ``token`` proves the claim when its state is written."""

    id: int
    notice_id: int
    resident_id: int
    chat_id: int
    language: str
    token: str


@dataclass(frozen=True)
class Progress:
    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, state: DeliveryState) -> int:
        return self.counts.get(state.value, 0)

    @property
    def sent(self) -> int:
        return self.count(DeliveryState.SENT)

    @property
    def unreachable(self) -> int:
        return self.count(DeliveryState.UNREACHABLE)

    @property
    def open(self) -> int:
        return self.count(DeliveryState.PENDING) + self.count(DeliveryState.SENDING)

    @property
    def done(self) -> bool:
        return self.open == 0

    def eta(self, per_second: float) -> timedelta:
        return timedelta(seconds=self.open / per_second if per_second > 0 else 0)


# -- fee reminders (催繳) ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderRules:
    """When residents with arrears are reminded: on these days after the due date, at most ``max_reminders``
    times per due date, never inside the quiet hours (estate local time)."""

    days_after_due: tuple[int, ...] = (3, 10, 20)
    max_reminders: int = 3
    quiet_start: time = time(21, 0)
    quiet_end: time = time(9, 0)
    enabled: bool = True
    # How to pay, per language code ("en", "zh-Hant"...); empty: the built-in sentence.
    how_to_pay: Mapping[str, str] = field(default_factory=dict)
    sweep_seconds: float = 600.0

    def payment_text(self, language: str) -> str | None:
        """The estate's own how-to-pay text in this language (English, then any, as fallbacks)."""
        return self.how_to_pay.get(language) or self.how_to_pay.get("en") or next(iter(self.how_to_pay.values()), None)

    def quiet(self, local: time) -> bool:
        if self.quiet_start == self.quiet_end:
            return False
        if self.quiet_start < self.quiet_end:
            return self.quiet_start <= local < self.quiet_end
        return local >= self.quiet_start or local < self.quiet_end

    def due(self, today: date, due_date: date, already_sent: int) -> bool:
        """Whether a reminder is owed today, given how many went out for this due date so far.

        The n-th reminder is owed from the n-th configured day on, so a day missed (quiet hours, an outage)
        is caught up on the next run, but never twice.
        """
        if already_sent >= self.max_reminders:
            return False
        days = sorted(self.days_after_due)
        if already_sent >= len(days):
            return False
        return today >= due_date + timedelta(days=days[already_sent])
