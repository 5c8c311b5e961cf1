"""bench/inbound.py runs end to end on a handful of updates and prints its table, checks and last line.

Only the format and the correctness checks are asserted, never a speed: the figures come from the full run.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from sqlalchemy import text

from bench import inbound
from integrations.sql.database import Database
from integrations.sql.testing import postgres_test_url
from integrations.telegram_fake.model import Change, ChangeKind, FakeMessage, FakeUser

pytestmark = pytest.mark.redis

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("ESTATEDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
LAST_LINE = re.compile(
    r"^ratio=(\d+\.\d{2}) ours=(\d+)/s echo=(\d+)/s p99_ms=(\d+\.\d) cpu_ratio=(\d+\.\d)"
    r"(?: workers(\d+)_speedup=(\d+\.\d{2}) workers\6_ceiling=(\d+\.\d{2}))?$"
)
ROW = re.compile(r"^(ours(?: x\d+)?|echo)\s+(aiohttp|httpx)\s+(uvloop|asyncio)\s+([\d.]+)(\s+[\d.]+){4}\s+(\d+)$")


def run_bench(*args: str) -> list[str]:
    command = [sys.executable, "bench/inbound.py", "--updates", "12", "--warmup", "3", "--concurrency", "4"]
    command += ["--redis-url", REDIS_URL, *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.splitlines()


def table(lines: list[str]) -> dict[str, re.Match[str]]:
    rows = {}
    for line in lines:
        found = ROW.match(line)
        if found:
            rows[f"{found.group(1)}-{found.group(2)}"] = found
    return rows


def redis_prefixes(lines: list[str]) -> list[str]:
    return re.findall(r"redis prefix (\S+) \(deleted\)", "\n".join(lines))


def test_all_three_configurations_on_sqlite() -> None:
    lines = run_bench()
    rows = table(lines)
    assert set(rows) == {"ours-aiohttp", "echo-httpx", "echo-aiohttp"}
    assert all(int(row.group(6)) == 0 for row in rows.values())  # no errors
    checks = [line for line in lines if line.startswith("  ours-aiohttp: ") or line.startswith("  echo-")]
    assert any("tickets in the database: 15 for 15 Confirm presses" in c and c.endswith("OK") for c in checks)
    assert any("12 of 12 timed updates got exactly one reply with a ticket number" in c for c in checks)
    carded = "  ours-aiohttp: staff cards: 15 reached the staff groups for 15 tickets"
    assert any(c.startswith(carded) and c.endswith("OK") for c in checks)
    assert sum("12 of 12 timed updates got exactly one reply echoing their text: OK" in c for c in checks) == 2
    assert not any("FAILED" in line for line in lines)

    last = LAST_LINE.match(lines[-1])
    assert last is not None, lines[-1]
    ours = float(rows["ours-aiohttp"].group(4))
    echo = max(float(rows["echo-httpx"].group(4)), float(rows["echo-aiohttp"].group(4)))
    # The table shows one decimal and the last line none: rounding twice may differ by one
    # (51.46 prints as 51.5 in the table and as 51 in the last line).
    assert abs(int(last.group(2)) - ours) <= 0.55 and abs(int(last.group(3)) - echo) <= 0.55
    assert float(last.group(1)) == pytest.approx(ours / echo, abs=0.01)

    cpu = {
        m.group(1): float(m.group(2))
        for m in (re.search(r"^  (\S+): bot process CPU: ([\d.]+) ms per update", line) for line in lines)
        if m
    }
    best_echo = max(("echo-httpx", "echo-aiohttp"), key=lambda label: float(rows[label].group(4)))
    # The CPU lines show two decimals, the ratio one, computed from the unrounded figures: it lies between
    # the ratios of the printed figures' rounding bounds (a small echo figure makes that interval wide).
    ours_cpu, echo_cpu = cpu["ours-aiohttp"], cpu[best_echo]
    low, high = (ours_cpu - 0.005) / (echo_cpu + 0.005), (ours_cpu + 0.005) / (echo_cpu - 0.005)
    assert low - 0.05 <= float(last.group(5)) <= high + 0.05
    assert last.group(6) is None  # one worker only: no speed-up to print

    prefixes = redis_prefixes(lines)
    assert len(prefixes) == 1
    client = redis.Redis.from_url(REDIS_URL)
    try:
        assert not list(client.scan_iter(match=f"{prefixes[0]}:*"))
    finally:
        client.close()


@pytest.mark.postgres
def test_two_workers_share_one_database_and_print_their_speed_up() -> None:
    lines = run_bench("--configs", "ours-aiohttp,echo-aiohttp", "--workers", "2", "--database", postgres_test_url())
    rows = table(lines)
    assert set(rows) == {"ours-aiohttp", "echo-aiohttp", "ours x2-aiohttp"}
    assert all(int(row.group(6)) == 0 for row in rows.values())
    assert not any("FAILED" in line for line in lines)
    assert sum("tickets in the database: 15 for 15 Confirm presses" in line for line in lines) == 2
    last = LAST_LINE.match(lines[-1])
    assert last is not None and last.group(6) == "2", lines[-1]
    one, two = float(rows["ours-aiohttp"].group(4)), float(rows["ours x2-aiohttp"].group(4))
    assert float(last.group(7)) == pytest.approx(two / one, rel=0.05, abs=0.02)
    # The ceiling is worked out from the one worker's figures the checks print: its CPU, and the fake Bot API's,
    # the load generator's and the servers' (PostgreSQL and Redis run on this machine in the tests).
    text = "\n".join(lines)
    bot = re.search(r"  ours-aiohttp: bot process CPU: ([\d.]+) ms", text)
    others = re.search(
        r"  ours-aiohttp: other processes' CPU: the fake Bot API ([\d.]+) ms, the load generator ([\d.]+) ms", text
    )
    servers = re.search(r"  ours-aiohttp: servers' CPU: PostgreSQL ([\d.]+) ms, Redis ([\d.]+) ms per update", text)
    assert bot is not None and others is not None and servers is not None, text
    others_ms = sum(float(g) for g in (*others.groups(), *servers.groups()))
    expected = inbound.speedup_ceiling(float(bot.group(1)), others_ms, 2, inbound.cores())
    assert float(last.group(8)) == pytest.approx(expected, abs=0.02)
    assert any(line.startswith("  2 workers on ") and line.endswith(f"{last.group(8)}x") for line in lines)


@pytest.mark.parametrize(
    ("bot_ms", "others_ms", "workers", "n_cores", "ceiling"),
    [
        # One worker bound by its own core (1000/10 = 100/s); two by the two cores, 2000/(10+5) = 133/s.
        (10.0, 5.0, 2, 2, 1.33),
        # Nothing else on the cores: two workers double one.
        (10.0, 0.0, 2, 2, 2.0),
        # Everything else as costly as the bot: the cores are full with one worker already.
        (4.0, 4.0, 2, 2, 1.0),
        # Cores to spare: three workers triple one.
        (10.0, 5.0, 3, 8, 3.0),
    ],
)
def test_speed_up_ceiling(bot_ms: float, others_ms: float, workers: int, n_cores: int, ceiling: float) -> None:
    assert inbound.speedup_ceiling(bot_ms, others_ms, workers, n_cores) == pytest.approx(ceiling, abs=0.005)


def test_server_cpu_counts_new_processes_from_zero_and_drops_ended_ones() -> None:
    before = {1: ("PostgreSQL", 2.0), 2: ("PostgreSQL", 1.0), 3: ("Redis", 5.0)}
    after = {1: ("PostgreSQL", 2.5), 3: ("Redis", 5.25), 4: ("PostgreSQL", 0.125)}
    assert inbound.server_cpu_spent(before, after) == {"PostgreSQL": 0.625, "Redis": 0.25}


def test_a_card_is_counted_by_its_ticket_and_other_group_messages_apart() -> None:
    # A card posted twice must show as such; the scheduler's weekly figures in the managers' chat (a run
    # that spans the hour they are due) are not cards. Counting every group message once took them for two.
    bot, cards, managers = FakeUser(1, "Desk", is_bot=True), -100, -200
    watch = inbound.Watch(ChangeKind.NEW_MESSAGE, card_chats={cards})

    def post(chat_id: int, text: str) -> None:
        message = FakeMessage(chat_id=chat_id, message_id=len(watch.cards) + 1, sender=bot, date=0, text=text)
        watch(Change(ChangeKind.NEW_MESSAGE, chat_id, message))

    post(cards, "R-000001\nKind: Repair")
    post(cards, "R-000002\nKind: Repair")
    post(cards, "R-000002\nKind: Repair")
    post(managers, "Weekly figures")
    assert [number for _, number in watch.cards] == ["R-000001", "R-000002", "R-000002"]
    assert len({number for _, number in watch.cards}) == 2
    assert watch.others == 1


@pytest.mark.postgres
def test_ours_on_postgresql_leaves_no_schema_behind() -> None:
    url = postgres_test_url()
    lines = run_bench("--configs", "ours-aiohttp", "--database", url)
    rows = table(lines)
    assert set(rows) == {"ours-aiohttp"} and int(rows["ours-aiohttp"].group(6)) == 0
    assert any("tickets in the database: 15 for 15 Confirm presses" in line for line in lines)
    assert not any("FAILED" in line for line in lines)
    assert not lines[-1].startswith("ratio=")  # no echo configuration ran: no comparison to print

    schemas = re.findall(r"scratch schema (\w+), dropped", "\n".join(lines))
    assert len(schemas) == 1
    assert asyncio.run(schema_count(url, schemas[0])) == 0


async def schema_count(url: str, name: str) -> int:
    db = Database(url)
    try:
        async with db.session() as session:
            found = await session.scalar(
                text("SELECT count(*) FROM information_schema.schemata WHERE schema_name = :name"), {"name": name}
            )
    finally:
        await db.dispose()
    return int(found or 0)
