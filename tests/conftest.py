"""Fixtures shared by the whole test suite."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from integrations.telegram_fake import FakeTelegram

# sql_database (every test on SQLite and PostgreSQL), sqlite_database, postgres_database.
pytest_plugins = ["integrations.sql.testing"]

# Every desk the suite starts, in this process or as a subprocess in a scratch directory (the demo tests), reads
# the one weights file of the built-in understander, trained once per machine under a lock, instead of
# training its own from its own working directory: about three minutes of CPU each.
os.environ.setdefault("ESTATEDESK_NLU_CACHE", str(Path(__file__).resolve().parents[1] / "var" / "nlu-model.npz"))


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A started fake Bot API server (token ``DEFAULT_TOKEN``, "123456:TEST") with quick webhook retries."""
    fake = FakeTelegram(webhook_retry_delay=0.05, webhook_max_retry_delay=0.2)
    async with fake.serve():
        yield fake
