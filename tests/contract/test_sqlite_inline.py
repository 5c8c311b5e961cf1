"""SQLite calls run inline on the event loop only where they cannot wait: locks and fsyncs go to a thread.

Another process's write lock is simulated by a second ``sqlite3`` connection holding ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.errors import BackendUnavailable
from integrations.sql.database import Database


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'inline.sqlite3'}", busy_timeout_ms=3000)
    async with database.begin() as session:
        await session.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"))
        await session.execute(text("INSERT INTO notes (body) VALUES ('first')"))
    try:
        yield database
    finally:
        await database.dispose()


def holder(db: Database) -> sqlite3.Connection:
    """Another connection that takes the write lock, as another process would."""
    assert db.url.database is not None
    conn = sqlite3.connect(db.url.database, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO notes (body) VALUES ('theirs')")
    return conn


HOLD = 1.0  # seconds the other connection keeps the write lock


async def longest_stall_during(
    coro: asyncio.Future[object] | asyncio.Task[object], release: sqlite3.Connection
) -> float:
    """The longest the loop went without running a 10 ms ticker while ``coro`` waited for the lock ``release`` holds.

    The lock is freed after ``HOLD`` seconds. A write that waited for it inline would stall the loop for all of
    that; a loaded machine delays single ticks by a fraction of it, which is why the stall is measured, not the
    number of ticks."""
    loop = asyncio.get_running_loop()
    loop.call_later(HOLD, release.commit)
    started = last = loop.time()
    longest = 0.0
    while not coro.done():
        await asyncio.sleep(0.01)
        now = loop.time()
        longest, last = max(longest, now - last), now
    await coro
    assert last - started >= HOLD * 0.9, "the write did not wait for the lock"
    return longest


async def test_a_writer_waiting_for_another_process_does_not_block_the_loop(db: Database):
    other = holder(db)

    async def write() -> None:
        async with db.begin() as session:
            await session.execute(text("INSERT INTO notes (body) VALUES ('ours')"))

    try:
        stall = await longest_stall_during(asyncio.ensure_future(write()), other)
    finally:
        other.close()
    assert stall < HOLD / 2  # the loop kept running while the lock was held
    async with db.session() as session:
        bodies = (await session.execute(text("SELECT body FROM notes ORDER BY id"))).scalars().all()
    assert bodies == ["first", "theirs", "ours"]


async def test_a_write_outside_an_immediate_transaction_goes_to_the_thread_too(db: Database):
    other = holder(db)

    async def write() -> None:
        async with db.engine.begin() as conn:  # a deferred transaction: the INSERT takes the lock
            await conn.execute(text("INSERT INTO notes (body) VALUES ('deferred')"))

    try:
        stall = await longest_stall_during(asyncio.ensure_future(write()), other)
    finally:
        other.close()
    assert stall < HOLD / 2
    async with db.session() as session:
        count = (await session.execute(text("SELECT count(*) FROM notes"))).scalar_one()
    assert count == 3


async def test_readers_do_not_wait_for_a_writer(db: Database):
    other = holder(db)
    try:
        async with db.session() as session:
            bodies = (await session.execute(text("SELECT body FROM notes"))).scalars().all()
    finally:
        other.rollback()
        other.close()
    assert bodies == ["first"]  # the other side's insert is not committed


async def test_a_lock_held_past_the_busy_timeout_is_an_outage(tmp_path: Path):
    db = Database(f"sqlite:///{tmp_path / 'busy.sqlite3'}", busy_timeout_ms=200)
    try:
        async with db.begin() as session:
            await session.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"))
        other = holder(db)
        try:
            with pytest.raises(BackendUnavailable):
                async with db.begin() as session:
                    await session.execute(text("INSERT INTO notes (body) VALUES ('late')"))
        finally:
            other.rollback()
            other.close()
        # The connection that failed is usable again.
        async with db.begin() as session:
            await session.execute(text("INSERT INTO notes (body) VALUES ('later')"))
        async with db.session() as session:
            assert (await session.execute(text("SELECT body FROM notes"))).scalars().all() == ["later"]
    finally:
        await db.dispose()


async def test_a_cancelled_writer_leaves_nothing_half_done(db: Database):
    other = holder(db)

    async def write() -> None:
        async with db.begin() as session:
            await session.execute(text("INSERT INTO notes (body) VALUES ('cancelled')"))

    task = asyncio.ensure_future(write())
    await asyncio.sleep(0.05)  # waiting for the lock in the worker thread
    task.cancel()
    # The cancelled call is still waiting in its thread; the connection is reused only after it ends.
    other.commit()
    other.close()
    with pytest.raises(asyncio.CancelledError):
        await task

    async with db.begin() as session:
        await session.execute(text("INSERT INTO notes (body) VALUES ('after')"))
    async with db.session() as session:
        bodies = (await session.execute(text("SELECT body FROM notes ORDER BY id"))).scalars().all()
    assert bodies == ["first", "theirs", "after"]


async def test_committed_writes_are_on_disk_for_other_connections(db: Database):
    async with db.begin() as session:
        await session.execute(text("INSERT INTO notes (body) VALUES ('durable')"))
    assert db.url.database is not None
    other = sqlite3.connect(db.url.database)
    try:
        rows = other.execute("SELECT body FROM notes ORDER BY id").fetchall()
    finally:
        other.close()
    assert rows == [("first",), ("durable",)]


async def test_a_scan_session_reads_in_the_thread_so_the_loop_keeps_serving(db: Database):
    """Reports ask for ``session(scan=True)``: a long query there must not stall the event loop."""
    slow = text(
        "SELECT (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000)"
        " SELECT count(*) FROM c)"
    )

    async def scan() -> int:
        async with db.session(scan=True) as session:
            return int((await session.execute(slow)).scalar_one())

    task = asyncio.ensure_future(scan())
    ticks = 0
    while not task.done():
        await asyncio.sleep(0.005)
        ticks += 1
    assert await task == 3000000
    assert ticks >= 5  # the loop ran while SQLite counted
    async with db.session() as session:  # the connection is back to inline reads
        assert (await session.execute(text("SELECT count(*) FROM notes"))).scalar_one() == 1
