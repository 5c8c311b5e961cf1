"""How long a month's report takes with a million tickets in PostgreSQL, beside two baselines.

Run ``.venv/bin/python bench/report.py [--tickets 1000000] [--reuse] [--runs 5]``. It fills a scratch
schema with bench/gen_tickets.py (``--reuse`` keeps one already full), then times the report for the
last full month of the data (October 2026, by department):

- ``ours``: :class:`integrations.sql.reports.SqlReports` (one aggregating statement, migration 0005's indexes);
- ``no-indexes``: the same statement with 0005's indexes dropped (inside a transaction rolled back after);
- ``python-fold``: the SQLite path on PostgreSQL: every event of the month's tickets fetched and folded in Python.

Each figure is the median of ``--runs`` runs after one warm-up. The last line reads
``report_s=0.42 tickets=1000000`` (ours, seconds).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from bench.gen_tickets import DEFAULT_SCHEMA, generate  # noqa: E402
from bot.reports.figures import GroupBy, Period, Report, aggregate  # noqa: E402
from integrations.sql.database import Database  # noqa: E402
from integrations.sql.reports import SqlReports  # noqa: E402
from integrations.sql.testing import postgres_test_url  # noqa: E402

MONTH = Period.month_of(date(2026, 10, 1), "Asia/Hong_Kong")
OUR_INDEXES = ("ix_tickets_created_at", "ix_ticket_events_action_at")


async def timed(runs: int, job: Callable[[], Awaitable[Report]]) -> tuple[float, Report]:
    report = await job()  # warm-up: plans cached, pages in memory
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        report = await job()
        times.append(time.perf_counter() - began)
    return statistics.median(times), report


async def bench(url: str, schema: str, tickets: int, residents: int, runs: int, reuse: bool) -> int:
    generated = await generate(url, schema, tickets, residents, reuse=reuse)
    if generated:
        print(f"generated {tickets:,} tickets and {residents:,} residents in {generated:.1f} s")
    db = Database(url, schema=schema, command_timeout=None)
    try:
        reports = SqlReports(db)
        ours, report = await timed(runs, lambda: reports.report(MONTH, GroupBy.DEPARTMENT))

        async def fold() -> Report:
            facts = await reports.facts(MONTH)
            return aggregate(facts, MONTH, GroupBy.DEPARTMENT, resolved_in_period=await reports.resolutions(MONTH))

        folded_s, folded = await timed(max(1, runs // 2), fold)
        assert folded.total == report.total, (folded.total, report.total)

        # The same statement without 0005's indexes: dropped in a transaction that is rolled back.
        async with db.engine.connect() as conn:
            await conn.begin()
            for name in OUR_INDEXES:
                await conn.execute(text(f'DROP INDEX "{name}"'))
            sql_reports = _OnConnection(conn)
            bare_s, _ = await timed(max(1, runs // 2), lambda: sql_reports.report(MONTH))
            await conn.rollback()
        async with db.engine.connect() as conn:
            events = int(await conn.scalar(text("SELECT count(*) FROM ticket_events")) or 0)
    finally:
        await db.dispose()

    t = report.total
    print(f"\n{tickets:,} tickets, {events:,} events; report for {MONTH} by department, median of {runs} runs")
    print(f"  {'approach':<12} {'seconds':>8} {'vs ours':>8}")
    for name, seconds in (("ours", ours), ("no-indexes", bare_s), ("python-fold", folded_s)):
        print(f"  {name:<12} {seconds:8.3f} {seconds / ours:7.1f}x")
    print(
        f"\nOctober: received {t.received:,}, completed {t.completed:,} ({_pct(t.completion_rate)}), "
        f"on time {_pct(t.on_time_rate)}, follow-up {_pct(t.followup_rate)}, "
        f"satisfied {_pct(t.satisfaction_rate)}, reopened {_pct(t.reopen_rate)}"
    )
    print(f"report_s={ours:.2f} tickets={tickets}")
    return 0


class _OnConnection:
    """SqlReports' PostgreSQL statement run on one given connection (whose indexes were just dropped)."""

    def __init__(self, conn: object) -> None:
        self.conn = conn

    async def report(self, period: Period) -> Report:
        from integrations.sql import reports as module

        sql = module._POSTGRES_REPORT.format(
            responses=module._RESPONSES_IN, group=module._GROUP_SQL[GroupBy.DEPARTMENT], satisfied=4
        )
        params = {"start": period.start, "end": period.end, "tz": period.timezone}
        await self.conn.execute(text("SET LOCAL jit = off"))  # type: ignore[attr-defined]
        rows = (await self.conn.execute(text(sql), params)).all()  # type: ignore[attr-defined]
        await self.conn.execute(  # type: ignore[attr-defined]
            text("SELECT count(*) FROM ticket_events WHERE action = 'resolved' AND at >= :start AND at < :end"),
            {"start": period.start, "end": period.end},
        )
        return Report(period, GroupBy.DEPARTMENT, [], module.GroupFigures(str(len(rows))))


def _pct(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.1%}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--schema", default=DEFAULT_SCHEMA)
    parser.add_argument("--database", default=None, help="PostgreSQL URL (default: the test server)")
    parser.add_argument("--reuse", action="store_true", help="reuse a generated schema holding --tickets tickets")
    args = parser.parse_args()
    url = args.database or postgres_test_url()
    return asyncio.run(bench(url, args.schema, args.tickets, args.residents, args.runs, args.reuse))


if __name__ == "__main__":
    sys.exit(main())
