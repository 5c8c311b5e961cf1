"""End-to-end fixtures: estatedesk running against the fake Telegram, on SQLite and PostgreSQL, state in Redis."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from bot.demo.harness import Harness, running
from dialogs.understanding import Understander
from integrations.sql.testing import DATABASE_KINDS, scratch_database
from tests.helpers import Clock

REDIS_URL = os.environ.get("ESTATEDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


async def drop_redis_prefix(prefix: str) -> None:
    client = aioredis.Redis.from_url(REDIS_URL)
    keys = [k async for k in client.scan_iter(match=f"{prefix}:*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=DATABASE_KINDS)
async def harness(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> AsyncIterator[Harness]:
    """estatedesk polling the fake Telegram; the demo estate loaded; Redis state under a fresh prefix."""
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    understander: Understander | None = getattr(request, "param_understander", None)
    async with scratch_database(request.param, tmp_path) as db:
        async with running(
            database=db, redis_url=REDIS_URL, redis_prefix=prefix, clock=clock, understander=understander
        ) as h:
            yield h
    await drop_redis_prefix(prefix)


@pytest.fixture
async def sqlite_harness(tmp_path: Path, clock: Clock) -> AsyncIterator[Harness]:
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    async with scratch_database("sqlite", tmp_path) as db:
        async with running(database=db, redis_url=REDIS_URL, redis_prefix=prefix, clock=clock) as h:
            yield h
    await drop_redis_prefix(prefix)
