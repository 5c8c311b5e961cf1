"""The desk's figures for a period, as pure computations over per-ticket facts read from the event log.

Definitions (the desk's usual ones; every figure is "as the log stood at the period's end", so a
past period's figures never change):

- **received**: tickets created in the period (duplicates merged into another ticket before the
  period's end are left out: one matter is counted once).
- **completed**: received tickets with a ``resolved`` event before the period's end (完成率 =
  completed / received). A ticket resolved after the end is not completed in that period.
- **on time**: completed tickets whose first resolution came at or before ``sla_due_at`` (a ticket
  without a deadline is on time).
- **first response**: the first staff response event (``bot.domain.lifecycle.RESPONSES``);
  **resolution**: the first ``resolved`` event; both timed from creation, medians over the tickets
  that have one.
- **follow-ups**: completed tickets with a ``survey_sent`` event (回訪率 = follow-ups / completed);
  **satisfaction**: the first ``survey_answered`` rating per ticket, satisfied when ≥ 4 (滿意率).
- **reopen rate**: completed tickets with a ``reopened`` event / completed.
- **resolutions in period**: ``resolved`` events in the period, whatever the ticket's age.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

SATISFIED_FROM = 4  # ratings of 4 and 5 count as satisfied
NO_BUILDING = "-"  # the group of tickets without a unit (common areas, verification requests)


class GroupBy(StrEnum):
    DEPARTMENT = "department"
    BUILDING = "building"
    CATEGORY = "category"


@dataclass(frozen=True)
class Period:
    """Whole days ``first``..``last`` (inclusive) in the estate's time zone."""

    first: date
    last: date
    timezone: str = "UTC"

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"the period ends ({self.last}) before it starts ({self.first})")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time(0), self.zone).astimezone(UTC)

    @property
    def end(self) -> datetime:
        """The first instant after the period (exclusive bound)."""
        return datetime.combine(self.last + timedelta(days=1), time(0), self.zone).astimezone(UTC)

    def __str__(self) -> str:
        return f"{self.first.isoformat()} – {self.last.isoformat()}"

    @classmethod
    def month_of(cls, day: date, timezone: str) -> Period:
        first = day.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return cls(first, nxt - timedelta(days=1), timezone)

    @classmethod
    def week_before(cls, day: date, timezone: str) -> Period:
        """The Monday-to-Sunday week before the one containing ``day``."""
        monday = day - timedelta(days=day.weekday())
        return cls(monday - timedelta(days=7), monday - timedelta(days=1), timezone)


@dataclass(frozen=True)
class TicketFacts:
    """One received ticket as its log stood at the period's end."""

    ticket_id: int
    kind: str
    category: str
    department: str  # as of the period's end: the created department, or the last transfer's target
    building: str
    created_at: datetime
    sla_due_at: datetime | None = None
    responded_at: datetime | None = None  # first staff response before the end
    resolved_at: datetime | None = None  # first resolution before the end
    reopened: bool = False
    surveyed: bool = False
    rating: int | None = None
    merged: bool = False

    def key(self, by: GroupBy) -> str:
        if by is GroupBy.DEPARTMENT:
            return self.department
        if by is GroupBy.BUILDING:
            return self.building or NO_BUILDING
        return category_key(self.kind, self.category)


def category_key(kind: str, category: str) -> str:
    return f"{kind}/{category}"


@dataclass
class GroupFigures:
    """Counts for one group (or the total); rates are derived."""

    key: str
    received: int = 0
    completed: int = 0
    on_time: int = 0
    reopened: int = 0
    surveyed: int = 0
    answered: int = 0
    satisfied: int = 0
    rating_sum: int = 0
    median_response_s: float | None = None
    median_resolution_s: float | None = None

    @property
    def completion_rate(self) -> float | None:
        return _rate(self.completed, self.received)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.on_time, self.completed)

    @property
    def followup_rate(self) -> float | None:
        return _rate(self.surveyed, self.completed)

    @property
    def satisfaction_rate(self) -> float | None:
        return _rate(self.satisfied, self.answered)

    @property
    def average_rating(self) -> float | None:
        return self.rating_sum / self.answered if self.answered else None

    @property
    def reopen_rate(self) -> float | None:
        return _rate(self.reopened, self.completed)


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class WeekFigures:
    monday: date  # the ISO week's Monday in the estate's time zone
    received: int
    completed: int  # received in the period and first resolved in this week


@dataclass(frozen=True)
class NoticeFigures:
    notices: int = 0  # notices with at least one delivery sent in the period
    deliveries: int = 0  # recipients those notices were addressed to
    reached: int = 0  # deliveries in state 'sent'

    @property
    def reach(self) -> float | None:
        return _rate(self.reached, self.deliveries)


@dataclass
class Report:
    period: Period
    by: GroupBy
    groups: list[GroupFigures]
    total: GroupFigures
    resolved_in_period: int = 0
    duplicates: int = 0  # merged into another ticket before the end, left out of every count
    complaints: dict[str, int] = field(default_factory=dict)  # complaint category -> received
    weeks: list[WeekFigures] = field(default_factory=list)
    ratings: dict[int, int] = field(default_factory=dict)  # 1..5 -> answers
    notices: NoticeFigures = field(default_factory=NoticeFigures)


def aggregate(
    facts: Iterable[TicketFacts],
    period: Period,
    by: GroupBy,
    *,
    resolved_in_period: int = 0,
    notices: NoticeFigures | None = None,
) -> Report:
    """The report over ``facts`` (each ticket received in ``period``, as its log stood at the end)."""
    groups: dict[str, GroupFigures] = {}
    total = GroupFigures("")
    responses: dict[str, list[float]] = {}
    resolutions: dict[str, list[float]] = {}
    complaints: Counter[str] = Counter()
    received_weeks: Counter[date] = Counter()
    completed_weeks: Counter[date] = Counter()
    ratings: Counter[int] = Counter()
    duplicates = 0
    zone = period.zone
    for f in facts:
        if f.merged:
            duplicates += 1
            continue
        key = f.key(by)
        group = groups.setdefault(key, GroupFigures(key))
        _count(group, f, responses.setdefault(key, []), resolutions.setdefault(key, []))
        _count(total, f, responses.setdefault("", []), resolutions.setdefault("", []))
        if f.kind == "complaint":
            complaints[f.category] += 1
        received_weeks[_monday(f.created_at, zone)] += 1
        if f.resolved_at is not None:
            completed_weeks[_monday(f.resolved_at, zone)] += 1
        if f.rating is not None and f.resolved_at is not None:
            ratings[f.rating] += 1
    for key, group in [*groups.items(), ("", total)]:
        group.median_response_s = _median(responses.get(key, []))
        group.median_resolution_s = _median(resolutions.get(key, []))
    return Report(
        period,
        by,
        sorted(groups.values(), key=lambda g: (-g.received, g.key)),
        total,
        resolved_in_period=resolved_in_period,
        duplicates=duplicates,
        complaints=dict(sorted(complaints.items(), key=lambda kv: (-kv[1], kv[0]))),
        weeks=weeks_of(period, received_weeks, completed_weeks),
        ratings={r: ratings.get(r, 0) for r in range(1, 6)},
        notices=notices or NoticeFigures(),
    )


def _count(g: GroupFigures, f: TicketFacts, responses: list[float], resolutions: list[float]) -> None:
    g.received += 1
    if f.responded_at is not None:
        responses.append((f.responded_at - f.created_at).total_seconds())
    if f.resolved_at is None:
        return
    g.completed += 1
    resolutions.append((f.resolved_at - f.created_at).total_seconds())
    if f.sla_due_at is None or f.resolved_at <= f.sla_due_at:
        g.on_time += 1
    g.reopened += f.reopened
    g.surveyed += f.surveyed
    if f.rating is not None:
        g.answered += 1
        g.rating_sum += f.rating
        g.satisfied += f.rating >= SATISFIED_FROM


def _median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def _monday(at: datetime, zone: ZoneInfo) -> date:
    day = at.astimezone(zone).date()
    return day - timedelta(days=day.weekday())


def weeks_of(period: Period, received: dict[date, int], completed: dict[date, int]) -> list[WeekFigures]:
    """Every ISO week touching the period, in order, zeros included (a chart needs the gaps)."""
    monday = period.first - timedelta(days=period.first.weekday())
    weeks = []
    while monday <= period.last:
        weeks.append(WeekFigures(monday, received.get(monday, 0), completed.get(monday, 0)))
        monday += timedelta(days=7)
    return weeks


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class DigestSchedule:
    """``[reports]`` in the estate configuration: when the weekly digest goes to the managers' chat."""

    enabled: bool = True
    weekday: str = "mon"  # mon..sun, in the estate's time zone
    at: time = time(9, 0)

    def due(self, now: datetime, timezone: str) -> tuple[datetime, str] | None:
        """This week's digest moment and its ISO-week key, when ``now`` is within a day after it."""
        if not self.enabled:
            return None
        local = now.astimezone(ZoneInfo(timezone))
        monday = local.date() - timedelta(days=local.weekday())
        moment = datetime.combine(monday + timedelta(days=WEEKDAYS.index(self.weekday)), self.at, local.tzinfo)
        if not moment <= local < moment + timedelta(days=1):
            return None
        year, week, _day = moment.isocalendar()
        return moment.astimezone(UTC), f"{year}-W{week:02d}"
