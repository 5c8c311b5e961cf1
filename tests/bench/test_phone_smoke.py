"""bench/phone.py runs whole calls end to end and prints its table, its check and its last line.

Only the format and the correctness check are asserted, never a speed: the figures come from the full run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.redis

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("ESTATEDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
LAST_LINE = re.compile(r"^p99_ms=(\d+\.\d) calls_s=(\d+) peer_p99_ms=(\d+\.\d) concurrent=3$")


def test_a_few_calls_each_hear_their_own_ticket_number() -> None:
    command = [sys.executable, "bench/phone.py", "--calls", "6", "--warmup", "1", "--concurrency", "3"]
    command += ["--think-ms", "0", "--redis-url", REDIS_URL]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert LAST_LINE.match(lines[-1]), lines[-1]
    assert any(
        line.startswith("checks: 6 distinct ticket numbers read out for 6 calls; 0 errors: OK") for line in lines
    )
    rows = [line.split()[0] for line in lines if re.match(r"^(voice|words|keys|status)\s+[\d.]+\s+[\d.]+$", line)]
    assert rows == ["voice", "words", "keys", "status"]
