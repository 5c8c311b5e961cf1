"""The dead-letter table on SQLite and PostgreSQL: kept whole, one row per update, bounded."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from integrations.deadletters import DeadLetters, DeadReason
from integrations.sql.database import Database
from integrations.sql.deadletters import SqlDeadLetters
from integrations.sql.testing import DATABASE_KINDS, scratch_database


@pytest.fixture(params=DATABASE_KINDS)
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    async with scratch_database(request.param, tmp_path) as database:
        yield database


class Ticking:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


async def test_kept_whole_and_counted_once_per_update(db: Database) -> None:
    clock = Ticking()
    store = SqlDeadLetters(db, clock=clock)
    assert isinstance(store, DeadLetters)
    payload = '{"update_id": 7, "message": {"text": "漏水 \\u0000 <b>"}}'.encode() + b"\xff"  # not even UTF-8
    await store.add(update_id=7, reason=DeadReason.UNPARSABLE, payload=payload, error="TypeError: x", attempts=1)
    await store.add(update_id=7, reason=DeadReason.FAILED, payload=payload, error="KeyError: y", attempts=3)
    await store.add(update_id=None, reason=DeadReason.UNPARSABLE, payload=b"junk", error="not JSON", attempts=1)
    await store.add(update_id=None, reason=DeadReason.UNPARSABLE, payload=b"junk", error="not JSON", attempts=1)
    letters = await store.recent()
    assert await store.count() == 3
    assert [(x.update_id, x.payload) for x in letters] == [(None, b"junk"), (None, b"junk"), (7, payload)]
    seven = letters[-1]
    assert (seven.reason, seven.error, seven.attempts) == (DeadReason.FAILED, "KeyError: y", 4)
    assert seven.last_seen - seven.first_seen == timedelta(seconds=1)


async def test_the_table_keeps_only_the_newest_rows(db: Database) -> None:
    store = SqlDeadLetters(db, max_rows=5)
    for n in range(12):
        await store.add(update_id=n, reason=DeadReason.FAILED, payload=b"{}", error="e" * 10_000, attempts=3)
    letters = await store.recent()
    assert [x.update_id for x in letters] == [11, 10, 9, 8, 7]
    assert all(len(x.error) <= 4000 for x in letters)


async def test_two_workers_setting_aside_one_update_make_one_row(db: Database) -> None:
    store = SqlDeadLetters(db)
    await asyncio.gather(
        *(store.add(update_id=99, reason=DeadReason.FAILED, payload=b"{}", error="e", attempts=1) for _ in range(4))
    )
    letters = await store.recent()
    assert [(x.update_id, x.attempts) for x in letters] == [(99, 4)]
