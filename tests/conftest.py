"""Fixtures shared by the whole test suite."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from integrations.telegram_fake import FakeTelegram

# sql_database (every test on SQLite and PostgreSQL), sqlite_database, postgres_database.
pytest_plugins = ["integrations.sql.testing"]


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A started fake Bot API server (token ``DEFAULT_TOKEN``, "123456:TEST") with quick webhook retries."""
    fake = FakeTelegram(webhook_retry_delay=0.05, webhook_max_retry_delay=0.2)
    async with fake.serve():
        yield fake
