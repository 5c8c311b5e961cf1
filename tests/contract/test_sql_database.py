"""The SQL layer's own promises: URLs, migrations that match the tables, SQLite settings, error translation."""

from __future__ import annotations

import asyncio
import sqlite3
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from bot.domain.residents import Language, Role
from bot.domain.tickets import TicketEvent
from bot.errors import BackendUnavailable
from integrations.registry.base import ResidentRow
from integrations.sql.database import PING_AFTER_IDLE_S, Database, alembic_config, async_url
from integrations.sql.registry import SqlResidentRegistry
from integrations.sql.surveys import SqlSurveys
from integrations.sql.tables import Base
from integrations.sql.testing import postgres_test_url
from integrations.sql.tickets import SqlTicketBackend
from tests.contract.test_ticket_backend import T0, new_ticket


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("sqlite:///var/estatedesk.sqlite3", "sqlite+aiosqlite"),
        ("sqlite+aiosqlite:////srv/estatedesk.sqlite3", "sqlite+aiosqlite"),
        ("postgresql://desk:secret@db:5432/estatedesk", "postgresql+asyncpg"),
        ("postgresql+asyncpg://desk@db/estatedesk", "postgresql+asyncpg"),
        ("postgres://desk@db/estatedesk", "postgresql+asyncpg"),
    ],
)
def test_urls_get_the_async_driver(url: str, driver: str):
    rewritten = async_url(url)
    assert rewritten.drivername == driver
    assert rewritten.database == url.rsplit("/", 1)[1] or rewritten.database.endswith("estatedesk.sqlite3")


def test_unsupported_databases_and_bad_schemas_are_refused():
    with pytest.raises(ValueError, match="unsupported database URL"):
        Database("mysql://desk@db/estatedesk")
    with pytest.raises(ValueError, match="in-memory SQLite"):
        Database("sqlite://")
    with pytest.raises(ValueError, match="only be set for PostgreSQL"):
        Database("sqlite:///x.sqlite3", schema="desk")
    with pytest.raises(ValueError, match="schema name"):
        Database("postgresql://postgres@127.0.0.1/test", schema='x"; DROP TABLE tickets; --')


def test_password_is_not_shown():
    assert "secret" not in repr(Database("postgresql://desk:secret@db/estatedesk"))


async def test_migrations_create_exactly_the_tables(sql_database: Database):
    await sql_database.migrate()  # a second run is a no-op

    async with sql_database.engine.connect() as conn:
        diff = await conn.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync, opts={"compare_type": True}), Base.metadata)
        )
        version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar_one()

    assert diff == []
    assert version == ScriptDirectory.from_config(alembic_config()).get_current_head()
    await sql_database.ping()


async def test_sqlite_runs_with_wal_full_sync_foreign_keys_and_a_busy_timeout(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'settings.sqlite3'}", busy_timeout_ms=7000)
    try:
        async with db.engine.connect() as conn:
            pragmas = [
                (await conn.exec_driver_sql(f"PRAGMA {name}")).scalar_one()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            ]
    finally:
        await db.dispose()
    assert pragmas == ["wal", 2, 1, 7000]  # synchronous 2 is FULL


async def test_sqlite_write_transactions_take_the_write_lock_at_begin(tmp_path):
    """Core and ORM write transactions begin IMMEDIATE: another writer is locked out before the first statement,
    and a plain read does not lock."""
    path = tmp_path / "lock.sqlite3"
    db = Database(f"sqlite:///{path}")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        await db.migrate()

        def can_write() -> bool:
            try:
                other.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                assert "locked" in str(exc)
                return False
            other.execute("ROLLBACK")
            return True

        for begun in (db.transaction, db.begin):
            async with begun() as held:
                if not hasattr(held, "exec_driver_sql"):
                    await held.connection()  # a session begins with its first use
                assert not can_write(), begun
            assert can_write()
        async with db.connect() as conn:
            await conn.execute(text("SELECT 1"))
            assert can_write()
    finally:
        other.close()
        await db.dispose()


async def test_naive_datetimes_are_refused(sql_database: Database):
    backend = SqlTicketBackend(sql_database)
    with pytest.raises(ValueError, match="created_at must be timezone-aware"):
        await backend.create(new_ticket("naive", created_at=datetime(2026, 3, 2, 9, 30)))
    created = await backend.create(new_ticket("aware"))
    with pytest.raises(ValueError, match="at must be timezone-aware"):
        await backend.append_event(created.number, TicketEvent(datetime(2026, 3, 2), "system", "note"))
    with pytest.raises(ValueError, match="created_before must be timezone-aware"):
        await backend.without_card(datetime(2026, 3, 2))
    assert await backend.without_card(T0.replace(year=2027)) == [created]


async def test_a_missing_table_is_a_bug_not_an_outage(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'unmigrated.sqlite3'}")
    try:
        with pytest.raises(OperationalError, match="no such table"):
            await SqlResidentRegistry(db).get(1)
    finally:
        await db.dispose()


async def test_ping_on_an_unreachable_database(unreachable_database: Database):
    with pytest.raises(BackendUnavailable):
        await unreachable_database.ping()
    with pytest.raises(BackendUnavailable):
        await unreachable_database.migrate()


@pytest.mark.postgres
async def test_a_dropped_postgres_connection_is_replaced(postgres_database: Database):
    registry = SqlResidentRegistry(postgres_database)
    async with postgres_database.engine.connect() as conn:
        pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    admin = Database(postgres_database.url)
    try:
        async with admin.engine.connect() as conn:
            # Waits until the server process is gone (its socket closed).
            await conn.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
    finally:
        await admin.dispose()
    await asyncio.sleep(0.2)  # the closed socket reaches the driver

    # The pool checks connections before use (a connection used a moment ago only for being closed, see
    # integrations.sql.database._ping_when_idle), so the killed one is replaced, not reported.
    assert await registry.get(1) is None


@pytest.mark.postgres
async def test_postgres_reads_are_one_round_trip_and_busy_connections_are_not_pinged(
    postgres_database: Database, monkeypatch: pytest.MonkeyPatch
):
    """A read is its statement alone (no BEGIN/ROLLBACK), a write BEGIN, statement, COMMIT; a connection
    used a moment ago is not pinged (three round trips each time), one idle for a while is."""
    sent: list[str] = []  # what the server is asked: pings, transactions begun, statements

    import asyncpg
    from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_connection

    ping, transaction = AsyncAdapt_asyncpg_connection.ping, asyncpg.Connection.transaction

    def pinged(self: Any) -> None:
        sent.append("PING")
        ping(self)

    def begun(self: Any, *args: Any, **kwargs: Any) -> Any:
        sent.append("BEGIN")
        return transaction(self, *args, **kwargs)

    monkeypatch.setattr(AsyncAdapt_asyncpg_connection, "ping", pinged)
    monkeypatch.setattr(asyncpg.Connection, "transaction", begun)

    @event.listens_for(postgres_database.engine.sync_engine, "before_cursor_execute")
    def statement(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        sent.append(sql)

    await postgres_database.dispose()
    async with postgres_database.connect() as conn:
        await conn.execute(text("SELECT 1"))  # opens the connection
    sent.clear()
    for _ in range(3):
        async with postgres_database.connect() as conn:
            assert (await conn.execute(text("SELECT 2"))).scalar_one() == 2
    assert sent == ["SELECT 2"] * 3
    sent.clear()
    async with postgres_database.transaction() as conn:
        await conn.execute(text("SELECT 3"))
    assert sorted(sent) == ["BEGIN", "SELECT 3"]  # BEGIN goes with the first statement, COMMIT at the end
    sent.clear()
    async with postgres_database.one_statement() as conn:
        await conn.execute(text("CREATE TEMPORARY TABLE one (n int)"))
    assert sent == ["CREATE TEMPORARY TABLE one (n int)"]  # its own transaction
    # Idle for longer than PING_AFTER_IDLE_S: pinged before use.
    real = time.monotonic
    monkeypatch.setattr(time, "monotonic", lambda: real() + PING_AFTER_IDLE_S + 1)
    sent.clear()
    async with postgres_database.connect() as conn:
        await conn.execute(text("SELECT 4"))
    assert sent == ["PING", "BEGIN", "SELECT 4"]  # asyncpg's ping: BEGIN, an empty query, ROLLBACK
    assert postgres_database.engine.sync_engine.pool.checkedout() == 0


@pytest.mark.postgres
async def test_turns_running_at_once_keep_their_postgres_connections(postgres_database: Database):
    """Up to the pool's size, connections outlive the statements that used them: turns running at once do not
    each open and close a PostgreSQL connection (a server process and a cold statement cache each time)."""
    db = Database(postgres_database.url, schema=postgres_database.schema, pool_size=8, max_overflow=4)
    opened = 0

    @event.listens_for(db.engine.sync_engine.pool, "connect")
    def connected(*_: Any) -> None:
        nonlocal opened
        opened += 1

    async def statement() -> None:
        async with db.connect() as conn:
            await conn.execute(text("SELECT pg_sleep(0.01)"))

    try:
        for _ in range(5):
            await asyncio.gather(*(statement() for _ in range(8)))
        assert 1 <= opened <= 8  # at most the pool, opened once; 40 if each had been opened for its statement
        assert db.engine.sync_engine.pool.checkedin() == opened
        await asyncio.gather(*(statement() for _ in range(12)))  # a peak: the overflow opens, then closes
        assert db.engine.sync_engine.pool.checkedin() <= 8
    finally:
        await db.dispose()


async def test_the_desks_pool_is_sized_by_the_settings(monkeypatch: pytest.MonkeyPatch):
    """``open_database`` (what the desk and its start-up checks open) sizes PostgreSQL's pool from the settings,
    and falls back to the database's own defaults."""
    from bot.settings import Settings
    from bot.startup import open_database
    from integrations.sql.database import MAX_OVERFLOW, POOL_SIZE

    url = postgres_test_url()
    monkeypatch.setenv("ESTATEDESK_DATABASE_URL", url)
    for env, expected in (({}, (POOL_SIZE, MAX_OVERFLOW)), ({"POOL_SIZE": "12", "MAX_OVERFLOW": "0"}, (12, 0))):
        for name, value in env.items():
            monkeypatch.setenv(f"ESTATEDESK_DATABASE_{name}", value)
        db = open_database(Settings())
        try:
            pool: Any = db.engine.sync_engine.pool
            assert (pool.size(), pool._max_overflow) == expected
        finally:
            await db.dispose()
    monkeypatch.setenv("ESTATEDESK_DATABASE_POOL_SIZE", "0")
    with pytest.raises(ValueError):
        Settings()


def naive_utc(at: datetime) -> datetime:
    """As SQLite keeps times (see UtcDateTime): naive UTC."""
    return at.astimezone(UTC).replace(tzinfo=None)


async def test_answers_stored_before_0007_count_as_acted_on(tmp_path):
    """Migration 0007 marks the answers it finds as followed: they were acted on when given."""
    db = Database(f"sqlite:///{tmp_path / 'upgrade.sqlite3'}")
    try:
        await db.migrate("0006")
        registry = SqlResidentRegistry(db)
        await registry.upsert([ResidentRow("3", "502", "陳太太", "+85291234567", Role.OWNER, Language.ZH_HANT)])
        resident = await registry.by_phone("+85291234567")
        assert resident is not None
        async with db.begin() as session:
            # Tickets as the 0006 schema holds them: today's ticket backend writes columns added since.
            ids = {}
            for seq, key in enumerate(("answered", "waiting"), start=1):
                ids[key] = await session.scalar(
                    text(
                        "INSERT INTO tickets (number, kind, seq, category, urgency, status, resident_id, place,"
                        " description, department, channel, created_at, updated_at, idempotency_key)"
                        " VALUES (:number, 'repair', :seq, 'plumbing', 'normal', 'new', :r, '', '', 'engineering',"
                        " 'telegram', :at, :at, :key) RETURNING id"
                    ),
                    {"number": f"R-{seq:06d}", "seq": seq, "r": resident.id, "at": naive_utc(T0), "key": key},
                )
            for ticket_id, answered_at in ((ids["answered"], T0), (ids["waiting"], None)):
                await session.execute(
                    text(
                        "INSERT INTO surveys (ticket_id, resident_id, status, due_at, answered_at, rating, not_fixed)"
                        " VALUES (:t, :r, :s, :due, :at, :rating, false)"
                    ),
                    {
                        "t": ticket_id,
                        "r": resident.id,
                        "s": "answered" if answered_at else "sent",
                        "due": naive_utc(T0),
                        "at": naive_utc(answered_at) if answered_at else None,
                        "rating": 2 if answered_at else None,
                    },
                )
        await db.migrate()
        surveys = SqlSurveys(db)
        done, open_ = await surveys.for_ticket(ids["answered"]), await surveys.for_ticket(ids["waiting"])
        assert done is not None and done.followed_at == T0
        assert open_ is not None and open_.followed_at is None
        assert await surveys.unfollowed(T0.replace(year=2030)) == []
    finally:
        await db.dispose()


@pytest.mark.postgres
async def test_workers_starting_at_once_migrate_one_after_the_other():
    """Several workers migrating one fresh PostgreSQL schema at the same moment all start (none fails on the
    schema or a table another created meanwhile) and leave it at head."""
    schema = f"race_{uuid.uuid4().hex[:8]}"
    workers = [Database(postgres_test_url(), schema=schema) for _ in range(4)]
    try:
        await asyncio.gather(*(db.migrate() for db in workers))
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        async with workers[0].engine.connect() as conn:
            version = (await conn.execute(text(f'SELECT version_num FROM "{schema}".alembic_version'))).scalar_one()
        assert version == head
    finally:
        async with workers[0].engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        for db in workers:
            await db.dispose()
