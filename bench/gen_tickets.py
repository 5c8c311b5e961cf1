"""Generate a large estate in a scratch PostgreSQL schema: residents, units, tickets and their event logs.

Run ``.venv/bin/python bench/gen_tickets.py [--tickets 1000000] [--residents 100000] [--schema bench_reports]``.
Everything is generated inside PostgreSQL (``INSERT ... SELECT generate_series``), so a million tickets
and their ~6 million events take a minute or two. The data spans 24 months up to 1 December 2026 with
realistic shapes: ticket ids follow creation time, repairs outnumber complaints, most tickets get a
response within hours and a resolution within days, some are transferred, reopened or merged, most
resolved ones are surveyed and many surveys answered (ratings skewed high).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from integrations.sql.database import Database  # noqa: E402
from integrations.sql.testing import postgres_test_url  # noqa: E402

DEFAULT_SCHEMA = "bench_reports"
END = datetime(
    2026, 12, 1, tzinfo=timezone(timedelta(hours=8))
)  # the data ends here; 24 months before it is where it starts
BUILDINGS = 40

# One statement per step; :n is the number of tickets, :r of residents. setseed makes reruns equal.
STEPS: list[tuple[str, str]] = [
    (
        "units",
        f"""
        INSERT INTO units (id, estate, building, unit)
        SELECT i, 'Bench Estate', ((i - 1) % {BUILDINGS} + 1)::text, (1000 + (i - 1) / {BUILDINGS})::text
        FROM generate_series(1, :r) AS i""",
    ),
    (
        "residents",
        """
        INSERT INTO residents (id, name, phone, language, telegram_user_id, reachable, created_at, updated_at)
        SELECT i, 'Resident ' || i, '+8529' || lpad(i::text, 7, '0'),
               (ARRAY['zh-Hant', 'zh-Hant', 'zh-Hans', 'en'])[1 + i % 4], 5000000000 + i, i % 50 <> 0,
               CAST(:end AS timestamptz) - interval '800 days', CAST(:end AS timestamptz) - interval '800 days'
        FROM generate_series(1, :r) AS i""",
    ),
    (
        "resident_units",
        """
        INSERT INTO resident_units (resident_id, unit_id, role)
        SELECT i, i, CASE WHEN i % 5 = 0 THEN 'tenant' ELSE 'owner' END FROM generate_series(1, :r) AS i""",
    ),
    # Per-ticket draws, kept in a table so every event of one ticket agrees with the others.
    (
        "draws",
        """
        CREATE UNLOGGED TABLE bench_draws AS
        SELECT i AS id,
            CAST(:end AS timestamptz) - interval '730 days' + (i - 1) * (interval '730 days' / CAST(:n AS int))
                + random() * interval '20 minutes' AS created_at,
            random() AS kind_d, random() AS cat_d, random() AS urg_d, random() AS unit_d,
            -random() * ln(random() + 1e-9) AS resp_h,   -- skewed: most within an hour or two
            2 + 70 * power(random(), 2) AS res_h,        -- resolution after 2 h to 3 days, mostly quick
            random() AS fate_d, random() AS survey_d, random() AS rating_d, random() AS move_d
        FROM generate_series(1, :n) AS i""",
    ),
    (
        "tickets",
        """
        INSERT INTO tickets (id, number, kind, seq, category, urgency, status, resident_id, unit_id, place,
                             description, department, channel, created_at, updated_at, sla_due_at,
                             idempotency_key, version, reopen_count, resolution_note)
        SELECT d.id, 'B-' || lpad(d.id::text, 7, '0'), kk.kind, d.id, k.category,
            CASE WHEN d.urg_d < 0.03 THEN 'emergency' WHEN d.urg_d < 0.2 THEN 'urgent' ELSE 'normal' END,
            CASE WHEN d.fate_d < 0.9 THEN 'resolved' ELSE 'assigned' END,
            CASE WHEN k.category = 'common_area' THEN NULL ELSE 1 + (d.unit_d * (:r - 1))::int END,
            CASE WHEN k.category = 'common_area' THEN NULL ELSE 1 + (d.unit_d * (:r - 1))::int END,
            '', 'generated', k.department, 'telegram', d.created_at, d.created_at,
            d.created_at + CASE WHEN d.urg_d < 0.03 THEN interval '4 hours' WHEN d.urg_d < 0.2
                THEN interval '24 hours' ELSE interval '72 hours' END,
            'bench:' || d.id, 0, 0, ''
        FROM bench_draws d
        CROSS JOIN LATERAL (
            SELECT (ARRAY['repair', 'complaint', 'enquiry'])[CASE WHEN d.kind_d < 0.6 THEN 1
                       WHEN d.kind_d < 0.85 THEN 2 ELSE 3 END] AS kind
        ) kk
        CROSS JOIN LATERAL (
            SELECT c.category, c.department FROM (VALUES
                ('repair', 0, 'plumbing', 'engineering'), ('repair', 1, 'electrical', 'engineering'),
                ('repair', 2, 'elevator', 'engineering'), ('repair', 3, 'doors', 'engineering'),
                ('repair', 4, 'common_area', 'cleaning'), ('repair', 5, 'plumbing', 'engineering'),
                ('complaint', 0, 'noise', 'security'), ('complaint', 1, 'parking', 'security'),
                ('complaint', 2, 'cleanliness', 'cleaning'), ('complaint', 3, 'neighbour', 'service_desk'),
                ('complaint', 4, 'staff', 'service_desk'), ('complaint', 5, 'noise', 'security'),
                ('enquiry', 0, 'general', 'service_desk'), ('enquiry', 1, 'general', 'service_desk'),
                ('enquiry', 2, 'general', 'service_desk'), ('enquiry', 3, 'general', 'service_desk'),
                ('enquiry', 4, 'general', 'service_desk'), ('enquiry', 5, 'general', 'service_desk')
            ) AS c(kind, slot, category, department)
            WHERE c.kind = kk.kind AND c.slot = floor(d.cat_d * 6)::int
        ) k""",
    ),
    # The log, one event kind at a time, in ticket order (as a live desk writes them, roughly).
    (
        "events",
        """
        INSERT INTO ticket_events (ticket_id, at, actor, action, detail)
        SELECT id, at, actor, action, detail::json FROM (
            SELECT d.id, d.created_at AS at, 'resident:1' AS actor, 'created' AS action,
                   json_build_object('status', 'new', 'department', t.department)::text AS detail, 0 AS ord
            FROM bench_draws d JOIN tickets t ON t.id = d.id
            UNION ALL
            SELECT d.id, d.created_at + interval '5 seconds', 'system', 'card_posted',
                   '{"chat_id": -100, "message_id": 1}', 1 FROM bench_draws d
            UNION ALL
            SELECT d.id, d.created_at + interval '10 minutes', 'staff:9001', 'transferred',
                   '{"from": "service_desk", "to": "engineering", "by": 9001}', 2
            FROM bench_draws d WHERE d.move_d < 0.05
            UNION ALL
            SELECT d.id, d.created_at + d.resp_h * interval '1 hour' + interval '15 minutes', 'staff:9101',
                   'claimed', '{"by": 9101}', 3
            FROM bench_draws d WHERE d.fate_d < 0.97
            UNION ALL
            SELECT d.id, d.created_at + d.res_h * interval '1 hour' + interval '1 hour', 'staff:9101', 'resolved',
                   '{"note": "done", "by": 9101}', 4
            FROM bench_draws d WHERE d.fate_d < 0.9
            UNION ALL
            SELECT d.id, d.created_at + d.res_h * interval '1 hour' + interval '2 days', 'system', 'survey_sent',
                   '{}', 5
            FROM bench_draws d WHERE d.fate_d < 0.9 AND d.survey_d < 0.8
            UNION ALL
            SELECT d.id, d.created_at + d.res_h * interval '1 hour' + interval '2 days 3 hours', 'resident:1',
                   'survey_answered',
                   json_build_object('rating', CASE WHEN d.rating_d < 0.05 THEN 1 WHEN d.rating_d < 0.12 THEN 2
                       WHEN d.rating_d < 0.25 THEN 3 WHEN d.rating_d < 0.55 THEN 4 ELSE 5 END)::text, 6
            FROM bench_draws d WHERE d.fate_d < 0.9 AND d.survey_d < 0.5
            UNION ALL
            SELECT d.id, d.created_at + d.res_h * interval '1 hour' + interval '3 days', 'resident:1', 'reopened',
                   '{"reason": "not fixed", "by": 0}', 7
            FROM bench_draws d WHERE d.fate_d < 0.04
            UNION ALL
            SELECT d.id, d.created_at + d.res_h * interval '1 hour' + interval '4 days', 'staff:9101', 'resolved',
                   '{"note": "fixed again", "by": 9101}', 8
            FROM bench_draws d WHERE d.fate_d < 0.04
        ) e ORDER BY id, ord""",
    ),
    ("tidy", "DROP TABLE bench_draws"),
    ("analyze", "ANALYZE"),
]


async def count_tickets(db: Database) -> int:
    """Tickets in the schema, or -1 when it has no ticket table yet."""
    async with db.engine.connect() as conn:
        exists = await conn.scalar(text("SELECT to_regclass('tickets') IS NOT NULL"))
        if not exists:
            return -1
        return int(await conn.scalar(text("SELECT count(*) FROM tickets")) or 0)


async def drop_schema(url: str, schema: str) -> None:
    admin = Database(url)
    try:
        async with admin.engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        await admin.dispose()


async def generate(url: str, schema: str, tickets: int, residents: int, *, reuse: bool, quiet: bool = False) -> float:
    """Fill ``schema`` (recreated unless ``reuse`` finds it full already); returns the seconds it took."""
    db = Database(url, schema=schema, command_timeout=None)
    try:
        if reuse and await count_tickets(db) == tickets:
            if not quiet:
                print(f"reusing schema {schema}: {tickets:,} tickets already there")
            return 0.0
    finally:
        await db.dispose()
    await drop_schema(url, schema)
    db = Database(url, schema=schema, command_timeout=None)
    began = time.perf_counter()
    try:
        await db.migrate()
        params = {"n": tickets, "r": residents, "end": END}
        async with db.engine.begin() as conn:
            await conn.execute(text("SELECT setseed(0.42)"))
            for name, sql in STEPS:
                step = time.perf_counter()
                used = {k: v for k, v in params.items() if f":{k}" in sql}
                await conn.execute(text(sql), used)
                if not quiet:
                    print(f"  {name:<15} {time.perf_counter() - step:6.1f} s", flush=True)
    finally:
        await db.dispose()
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--schema", default=DEFAULT_SCHEMA, help="scratch schema (dropped and recreated)")
    parser.add_argument("--database", default=None, help="PostgreSQL URL (default: the test server)")
    parser.add_argument("--reuse", action="store_true", help="keep the schema if it already holds --tickets tickets")
    args = parser.parse_args()
    url = args.database or postgres_test_url()
    seconds = asyncio.run(generate(url, args.schema, args.tickets, args.residents, reuse=args.reuse))
    print(f"generated_s={seconds:.1f} tickets={args.tickets}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
