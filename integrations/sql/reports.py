"""The desk's figures from the SQL event log: aggregated in PostgreSQL, folded in Python on SQLite.

Both paths implement the definitions in :mod:`bot.reports.figures` and must give the same numbers
(tests/reports checks them against one hand-worked fixture on each database).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, text

from bot.domain.lifecycle import RESPONSES
from bot.reports.figures import (
    NO_BUILDING,
    SATISFIED_FROM,
    GroupBy,
    GroupFigures,
    NoticeFigures,
    Period,
    Report,
    TicketFacts,
    aggregate,
    weeks_of,
)
from integrations.sql.database import Database, chunked
from integrations.sql.tables import TicketEventRecord, TicketRecord, UnitRecord

log = logging.getLogger(__name__)

RESPONSE_ACTIONS = tuple(sorted(a.value for a in RESPONSES))
# Actions a report reads; every other event (cards, notes, reminders) is skipped by the index.
READ_ACTIONS = (*RESPONSE_ACTIONS, "created", "transferred", "reopened", "merged", "survey_sent", "survey_answered")

_GROUP_SQL = {
    GroupBy.DEPARTMENT: "coalesce(e.moved_to, e.created_in, c.department)",
    GroupBy.BUILDING: f"CASE WHEN c.building = '' THEN '{NO_BUILDING}' ELSE c.building END",
    GroupBy.CATEGORY: "c.kind || '/' || c.category",
}

_RATINGS = frozenset("12345")
_RESPONSES_IN = ", ".join(f"'{a}'" for a in RESPONSE_ACTIONS)

# One statement: per-ticket facts from the log (FILTERed aggregates), then every figure the report
# needs as tagged rows of one UNION ALL, so the facts are computed once (MATERIALIZED).
_POSTGRES_REPORT = """
WITH c AS (
    SELECT t.id, t.kind, t.category, t.department, t.created_at, t.sla_due_at,
           coalesce(nullif(t.building, ''), u.building, '') AS building
    FROM tickets t LEFT JOIN units u ON u.id = t.unit_id
    WHERE t.created_at >= :start AND t.created_at < :end
),
f AS MATERIALIZED (
    SELECT c.kind, c.category, c.created_at, e.responded_at, e.resolved_at,
        coalesce(e.created_due::timestamptz, c.sla_due_at) AS sla_due_at,
        coalesce(e.reopened, false) AS reopened,
        coalesce(e.surveyed, false) AS surveyed,
        coalesce(e.merged, false) AS merged,
        CASE WHEN e.rating ~ '^[1-5]$' THEN e.rating::int END AS rating,
        {group} AS grp
    FROM c CROSS JOIN LATERAL (
        -- Per ticket, through the (ticket_id, id) index: a month's tickets are a small part of the log.
        SELECT
            min(ev.at) FILTER (WHERE ev.action IN ({responses})) AS responded_at,
            min(ev.at) FILTER (WHERE ev.action = 'resolved') AS resolved_at,
            bool_or(ev.action = 'reopened') AS reopened,
            bool_or(ev.action = 'survey_sent') AS surveyed,
            bool_or(ev.action = 'merged') AS merged,
            (array_agg(ev.detail->>'rating' ORDER BY ev.id)
                FILTER (WHERE ev.action = 'survey_answered'))[1] AS rating,
            (array_agg(ev.detail->>'to' ORDER BY ev.id DESC) FILTER (WHERE ev.action = 'transferred'))[1] AS moved_to,
            (array_agg(ev.detail->>'department' ORDER BY ev.id) FILTER (WHERE ev.action = 'created'))[1] AS created_in,
            (array_agg(ev.detail->>'sla_due_at' ORDER BY ev.id) FILTER (WHERE ev.action = 'created'))[1] AS created_due
        FROM ticket_events ev
        WHERE ev.ticket_id = c.id AND ev.at < :end
    ) e
),
g AS (SELECT * FROM f WHERE NOT merged)
SELECT 'group' AS part, CASE WHEN GROUPING(grp) = 1 THEN NULL ELSE grp END AS key,
    count(*) AS received,
    count(*) FILTER (WHERE resolved_at IS NOT NULL) AS completed,
    count(*) FILTER (WHERE resolved_at IS NOT NULL AND (sla_due_at IS NULL OR resolved_at <= sla_due_at)) AS on_time,
    count(*) FILTER (WHERE resolved_at IS NOT NULL AND reopened) AS reopened,
    count(*) FILTER (WHERE resolved_at IS NOT NULL AND surveyed) AS surveyed,
    count(*) FILTER (WHERE resolved_at IS NOT NULL AND rating IS NOT NULL) AS answered,
    count(*) FILTER (WHERE resolved_at IS NOT NULL AND rating >= {satisfied}) AS satisfied,
    coalesce(sum(rating) FILTER (WHERE resolved_at IS NOT NULL), 0) AS rating_sum,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM responded_at - created_at)) AS med_response,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at)) AS med_resolution
FROM g GROUP BY GROUPING SETS ((grp), ())
UNION ALL
SELECT 'received_week', to_char(date_trunc('week', created_at AT TIME ZONE :tz), 'YYYY-MM-DD'), count(*),
    0, 0, 0, 0, 0, 0, 0, NULL, NULL
FROM g GROUP BY 2
UNION ALL
SELECT 'completed_week', to_char(date_trunc('week', resolved_at AT TIME ZONE :tz), 'YYYY-MM-DD'), count(*),
    0, 0, 0, 0, 0, 0, 0, NULL, NULL
FROM g WHERE resolved_at IS NOT NULL GROUP BY 2
UNION ALL
SELECT 'rating', rating::text, count(*), 0, 0, 0, 0, 0, 0, 0, NULL, NULL
FROM g WHERE resolved_at IS NOT NULL AND rating IS NOT NULL GROUP BY 2
UNION ALL
SELECT 'complaint', category, count(*), 0, 0, 0, 0, 0, 0, 0, NULL, NULL
FROM g WHERE kind = 'complaint' GROUP BY 2
UNION ALL
SELECT 'duplicates', NULL, count(*), 0, 0, 0, 0, 0, 0, 0, NULL, NULL FROM f WHERE merged
"""


class SqlReports:
    """Reads the figures of a period from the database (see :mod:`bot.reports.figures` for definitions)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def report(self, period: Period, by: GroupBy | str = GroupBy.DEPARTMENT) -> Report:
        group_by = GroupBy(by)
        resolved = await self.resolutions(period)
        notices = await self.notices(period)
        if self._db.is_sqlite:
            facts = await self.facts(period)
            return aggregate(facts, period, group_by, resolved_in_period=resolved, notices=notices)
        return await self._postgres_report(period, group_by, resolved, notices)

    async def resolutions(self, period: Period) -> int:
        """``resolved`` events in the period, whatever the ticket's age."""
        e = TicketEventRecord
        async with self._db.session(scan=True) as session:
            count = await session.scalar(
                select(func.count())
                .select_from(e)
                .where(e.action == "resolved", e.at >= period.start, e.at < period.end)
            )
        return int(count or 0)

    async def facts(self, period: Period) -> list[TicketFacts]:
        """Each ticket received in ``period``, folded from its log up to the period's end (the Python path)."""
        t, u, e = TicketRecord, UnitRecord, TicketEventRecord
        async with self._db.session(scan=True) as session:
            tickets = (
                await session.execute(
                    select(
                        t.id,
                        t.kind,
                        t.category,
                        t.department,
                        t.created_at,
                        t.sla_due_at,
                        func.coalesce(func.nullif(t.building, ""), u.building).label("building"),
                    )
                    .outerjoin(u, u.id == t.unit_id)
                    .where(t.created_at >= period.start, t.created_at < period.end)
                    .order_by(t.id)
                )
            ).all()
            events: dict[int, list[tuple[datetime, str, dict[str, Any]]]] = defaultdict(list)
            for chunk in chunked([row.id for row in tickets]):
                rows = await session.execute(
                    select(e.ticket_id, e.at, e.action, e.detail)
                    .where(e.ticket_id.in_(chunk), e.at < period.end, e.action.in_(READ_ACTIONS))
                    .order_by(e.ticket_id, e.id)
                )
                for ticket_id, at, action, detail in rows:
                    events[ticket_id].append((at, action, detail or {}))
        return [_fold(row, events.get(row.id, [])) for row in tickets]

    async def notices(self, period: Period) -> NoticeFigures:
        """Notices sent in the period and their reach; zeros while the notice tables do not exist."""
        async with self._db.session(scan=True) as session:
            exists = (
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notice_deliveries'"
                if self._db.is_sqlite
                else "SELECT to_regclass('notice_deliveries') IS NOT NULL"
            )
            if not await session.scalar(text(exists)):
                return NoticeFigures()
            row = (
                await session.execute(
                    text(
                        "SELECT count(DISTINCT d.notice_id) AS notices, count(*) AS deliveries,"
                        " coalesce(sum(CASE WHEN d.state = 'sent' THEN 1 ELSE 0 END), 0) AS reached"
                        " FROM notice_deliveries d WHERE d.notice_id IN ("
                        "  SELECT notice_id FROM notice_deliveries"
                        "  WHERE state = 'sent' AND sent_at >= :start AND sent_at < :end)"
                    ),
                    _bounds(period, sqlite=self._db.is_sqlite),
                )
            ).one()
        return NoticeFigures(int(row.notices), int(row.deliveries), int(row.reached))

    async def _postgres_report(self, period: Period, by: GroupBy, resolved: int, notices: NoticeFigures) -> Report:
        sql = _POSTGRES_REPORT.format(responses=_RESPONSES_IN, group=_GROUP_SQL[by], satisfied=SATISFIED_FROM)
        params = {"start": period.start, "end": period.end, "tz": period.timezone}
        async with self._db.session(scan=True) as session:
            # The plan's cost estimate triggers JIT compilation, which takes longer than the query.
            await session.execute(text("SET LOCAL jit = off"))
            rows = (await session.execute(text(sql), params)).all()
        groups: list[GroupFigures] = []
        total = GroupFigures("")
        received_weeks: dict[date, int] = {}
        completed_weeks: dict[date, int] = {}
        ratings = dict.fromkeys(range(1, 6), 0)
        complaints: dict[str, int] = {}
        duplicates = 0
        for row in rows:
            if row.part == "group":
                figures = GroupFigures(
                    row.key or "",
                    row.received,
                    row.completed,
                    row.on_time,
                    row.reopened,
                    row.surveyed,
                    row.answered,
                    row.satisfied,
                    int(row.rating_sum),
                    _seconds(row.med_response),
                    _seconds(row.med_resolution),
                )
                if row.key is None:
                    total = figures
                else:
                    groups.append(figures)
            elif row.part == "received_week":
                received_weeks[date.fromisoformat(row.key)] = row.received
            elif row.part == "completed_week":
                completed_weeks[date.fromisoformat(row.key)] = row.received
            elif row.part == "rating":
                ratings[int(row.key)] = row.received
            elif row.part == "complaint":
                complaints[row.key] = row.received
            elif row.part == "duplicates":
                duplicates = row.received
        return Report(
            period,
            by,
            sorted(groups, key=lambda g: (-g.received, g.key)),
            total,
            resolved_in_period=resolved,
            duplicates=duplicates,
            complaints=dict(sorted(complaints.items(), key=lambda kv: (-kv[1], kv[0]))),
            weeks=weeks_of(period, received_weeks, completed_weeks),
            ratings=ratings,
            notices=notices,
        )


def _fold(row: Any, events: list[tuple[datetime, str, dict[str, Any]]]) -> TicketFacts:
    responded = resolved = None
    reopened = surveyed = merged = False
    rating: int | None = None
    department = row.department
    due = row.sla_due_at
    for at, action, detail in events:
        if action in RESPONSE_ACTIONS and responded is None:
            responded = at
        if action == "created":
            department = str(detail.get("department") or department)
            due = _due_in(detail) or due
        elif action == "transferred" and detail.get("to"):
            department = str(detail["to"])
        elif action == "resolved" and resolved is None:
            resolved = at
        elif action == "reopened":
            reopened = True
        elif action == "survey_sent":
            surveyed = True
        elif action == "merged":
            merged = True
        elif action == "survey_answered" and rating is None and str(detail.get("rating")) in _RATINGS:
            rating = int(detail["rating"])
    return TicketFacts(
        ticket_id=row.id,
        kind=row.kind,
        category=row.category,
        department=department,
        building=row.building or "",
        created_at=row.created_at,
        sla_due_at=due,
        responded_at=responded,
        resolved_at=resolved,
        reopened=reopened,
        surveyed=surveyed,
        rating=rating,
        merged=merged,
    )


def _due_in(detail: dict[str, Any]) -> datetime | None:
    # The deadline set at intake, when the created event records it: a reopen later overwrites the
    # ticket's sla_due_at column, and a past period's on-time figure must not move with it.
    value = detail.get("sla_due_at")
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _bounds(period: Period, *, sqlite: bool) -> dict[str, Any]:
    if sqlite:
        # Raw SQL skips UtcDateTime: SQLite stores naive UTC text, compared as text.
        return {
            "start": period.start.replace(tzinfo=None).isoformat(sep=" "),
            "end": period.end.replace(tzinfo=None).isoformat(sep=" "),
        }
    return {"start": period.start, "end": period.end}


def _seconds(value: Any) -> float | None:
    return None if value is None else float(value)
