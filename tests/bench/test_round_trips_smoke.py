"""bench/round_trips.py measures every kind of round trip and prints its table and last line.

Only the format is asserted, never a speed: the figures come from the full run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from bench import round_trips
from integrations.sql.testing import postgres_test_url

pytestmark = [pytest.mark.redis, pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("ESTATEDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
LAST_LINE = re.compile(r"^io_floor_ms=(\d+\.\d{2}) echo_io_ms=(\d+\.\d{2}) floor_ratio=(\d+\.\d)$")


def test_every_kind_is_measured_and_the_floor_is_worked_out_from_them() -> None:
    command = [sys.executable, "bench/round_trips.py", "--calls", "20", "--concurrency", "4", "--repeat", "2"]
    command += ["--redis-url", REDIS_URL, "--database", postgres_test_url()]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    rows = {line.split()[0]: line.split()[1:] for line in lines if re.match(r"^[a-z_]+\s+\d+\.\d\s+\d+ \d+$", line)}
    assert list(rows) == ["bot_api", "bot_api_ptb", "redis", "sql", "sql_asyncpg", "de_json_confirm", "de_json_text"]
    per_call = {kind: float(values[0]) for kind, values in rows.items()}
    assert all(value > 0 for value in per_call.values())
    last = LAST_LINE.match(lines[-1])
    assert last, lines[-1]
    # The floor is the turn's counts times the medians the table printed (rounded as printed).
    floor = round_trips.cost({**round_trips.CONFIRM_TURN, "de_json_confirm": 1}, per_call)
    echo = round_trips.cost({**round_trips.ECHO_TURN, "de_json_text": 1}, per_call)
    assert float(last.group(1)) == pytest.approx(floor, abs=0.02)
    assert float(last.group(2)) == pytest.approx(echo, abs=0.02)
    # Nothing is left behind in Redis.
    client = redis.Redis.from_url(REDIS_URL)
    try:
        assert not list(client.scan_iter(match="bench-round-trips-*", count=1000))
    finally:
        client.close()


def test_the_update_it_parses_is_the_press_the_inbound_bench_times() -> None:
    from telegram import Bot, Update

    update = Update.de_json(round_trips.CONFIRM_UPDATE, Bot("1:x"))
    assert update is not None and update.callback_query is not None
    message = update.callback_query.message
    assert message is not None and message.reply_markup is not None  # type: ignore[union-attr]
    assert update.callback_query.data == "c:3:confirm"
