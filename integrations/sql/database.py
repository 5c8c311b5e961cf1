"""One SQL database (SQLite or PostgreSQL): the engine, sessions, migrations and error translation.

Every repository goes through :meth:`Database.session` or :meth:`Database.begin`, which turn a
lost connection into :class:`bot.errors.BackendUnavailable` (see :func:`translate_errors`).
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.util import await_

from bot.errors import BackendUnavailable
from integrations.sql.sqlite_inline import InlineSqliteConnection, inline_sqlite_creator

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

# SQLSTATE classes that mean "the server cannot serve us now": connection exception (08),
# insufficient resources such as too many connections (53), operator intervention such as a
# shutdown or a server still starting (57P).
_UNAVAILABLE_SQLSTATES = ("08", "53", "57P")

# SQLite reports a missing table or a syntax error as OperationalError with the generic
# SQLITE_ERROR code: that is a bug or a missing migration, and retrying will not help.
_SQLITE_PROGRAMMING_CODES = frozenset({sqlite3.SQLITE_ERROR})

# Bound parameters per IN (...) query: far below SQLite's and PostgreSQL's limits.
CHUNK = 500

# Connections kept open per process, and opened beyond them at a peak. A connection past the pool is closed
# when it is handed back, so a pool smaller than the turns that run at once opens and closes a PostgreSQL
# connection (a server process, TLS negotiation, a cold statement cache) for most turns. bench/inbound.py spent
# 11.3 ms of CPU per update with 5 kept and 8.6 ms with 20 (and the group queue made cheap, bench/README.md
# "Figures"). Settings may size them (bot.startup.open_database). A process holds at most 30, so three
# workers stay within PostgreSQL's default max_connections (100) with room for the command line; the README
# says how to size them for more (ESTATEDESK_DATABASE_POOL_SIZE, ESTATEDESK_DATABASE_MAX_OVERFLOW).
POOL_SIZE = 20
MAX_OVERFLOW = 10

# A pooled PostgreSQL connection idle this long is pinged before use (see _ping_when_idle).
PING_AFTER_IDLE_S = 10.0
_USED = "estatedesk_last_used"

T = TypeVar("T")


def chunked(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``size``, for IN (...) lists and batched writes."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def is_unavailable(exc: BaseException) -> bool:
    """True when ``exc`` means the database cannot be reached or is too busy, not that the query is wrong."""
    if isinstance(exc, BackendUnavailable):
        return True
    if isinstance(exc, OSError | TimeoutError | sa_exc.TimeoutError):
        return True  # refused, reset, DNS, connect timeout, pool exhausted
    if not isinstance(exc, sa_exc.DBAPIError):
        return False
    if exc.connection_invalidated or isinstance(exc, sa_exc.InterfaceError):
        return True
    orig = exc.orig
    if isinstance(orig, OSError | TimeoutError):
        return True
    sqlstate = getattr(orig, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate.startswith(_UNAVAILABLE_SQLSTATES):
        return True
    if isinstance(exc, sa_exc.OperationalError):
        code = getattr(orig, "sqlite_errorcode", None)
        return code not in _SQLITE_PROGRAMMING_CODES
    return False


@contextmanager
def translate_errors(what: str) -> Iterator[None]:
    """Re-raise connection failures inside the block as :class:`BackendUnavailable`; let the rest through."""
    try:
        yield
    except BackendUnavailable:
        raise
    except Exception as exc:
        if not is_unavailable(exc):
            raise
        log.warning("database unavailable during %s: %s: %s", what, type(exc).__name__, exc)
        raise BackendUnavailable(f"database unavailable ({what}): {type(exc).__name__}") from exc


def async_url(url: str | URL) -> URL:
    """The URL with the asyncio driver: ``sqlite`` → ``sqlite+aiosqlite``, ``postgresql`` → ``+asyncpg``."""
    u = make_url(url) if isinstance(url, str) else url
    backend = u.get_backend_name()
    if backend == "sqlite":
        return u.set(drivername="sqlite+aiosqlite")
    if backend in ("postgresql", "postgres"):
        return u.set(drivername="postgresql+asyncpg")
    raise ValueError(f"unsupported database URL scheme {u.drivername!r}: use sqlite:/// or postgresql://")


class Database:
    """An async engine for one database plus the helpers every SQL repository uses.

    ``schema`` (PostgreSQL only) puts every table in that schema by setting ``search_path``; tests
    use it to isolate themselves on a shared server.
    """

    def __init__(
        self,
        url: str | URL,
        *,
        schema: str | None = None,
        echo: bool = False,
        connect_timeout: float = 5.0,
        command_timeout: float | None = 30.0,
        busy_timeout_ms: int = 10_000,
        pool_size: int = POOL_SIZE,
        max_overflow: int = MAX_OVERFLOW,
    ) -> None:
        self.url = async_url(url)
        self.dialect = self.url.get_backend_name()
        if schema is not None:
            if self.dialect != "postgresql":
                raise ValueError("a schema can only be set for PostgreSQL")
            if not _SCHEMA_NAME.match(schema):
                raise ValueError(f"schema name must match {_SCHEMA_NAME.pattern}: {schema!r}")
        self.schema = schema
        connect_args: dict[str, Any] = {}
        if self.dialect == "postgresql":
            connect_args["timeout"] = connect_timeout
            # A statement stuck behind a lock must not hold a resident's update forever.
            connect_args["command_timeout"] = command_timeout
            if schema:
                connect_args["server_settings"] = {"search_path": schema}
        elif self.url.database in (None, "", ":memory:"):
            raise ValueError("in-memory SQLite is not supported (each connection would get its own); use a file")
        engine_args: dict[str, Any] = {}
        if self.dialect == "sqlite":
            # SQLite calls that cannot wait run inline, the rest in a thread (see sqlite_inline).
            engine_args["async_creator"] = inline_sqlite_creator(str(self.url.database))
            # Connections are cheap to keep and, beyond the pool size, were opened and closed per use.
            pool_size, max_overflow = pool_size + max_overflow, max_overflow
        self.engine: AsyncEngine = create_async_engine(
            self.url,
            echo=echo,
            connect_args=connect_args,
            pool_size=pool_size,
            max_overflow=max_overflow,
            **engine_args,
        )
        # Reads on PostgreSQL run without BEGIN and ROLLBACK around them (autocommit): one statement, one
        # round trip. Each statement sees what was committed when it started, as it would in a transaction
        # at PostgreSQL's default READ COMMITTED level. Writes still go through transactions.
        self._reads: AsyncEngine = self.engine
        self._writes: AsyncEngine = self.engine
        if self.dialect == "sqlite":
            _configure_sqlite(self.engine, busy_timeout_ms)
            # Core write transactions begin IMMEDIATE: set once here, not per transaction (a greenlet switch each).
            self._writes = self.engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
        else:
            _ping_when_idle(self.engine, PING_AFTER_IDLE_S)
            self._reads = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        self._write_lock: asyncio.Lock | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def __repr__(self) -> str:
        return f"Database({self.url.render_as_string(hide_password=True)!r}, schema={self.schema!r})"

    @asynccontextmanager
    async def session(self, *, scan: bool = False) -> AsyncIterator[AsyncSession]:
        """A session for reads; whatever it began is rolled back when the block ends.

        ``scan=True`` for reads that may take long (reports over many tickets): on SQLite its calls
        run in the connection's thread rather than inline, so the event loop keeps serving residents.
        """
        with translate_errors("read"):
            async with self._sessions() as session:
                if scan and self.is_sqlite:
                    await session.connection(execution_options={_SCAN_OPTION: True})
                yield session

    @asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncSession]:
        """A session inside one write transaction, committed when the block ends without an error.

        On SQLite the transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock at once
        (waiting up to the busy timeout) instead of failing with "database is locked" when a read
        transaction later tries to write.
        """
        if not self.is_sqlite:
            with translate_errors("write"):
                async with self._sessions() as session, session.begin():
                    yield session
            return
        async with self._one_writer():
            with translate_errors("write"):
                async with self._sessions() as session, session.begin():
                    await session.connection(execution_options={_BEGIN_OPTION: "IMMEDIATE"})
                    yield session

    @asynccontextmanager
    async def _one_writer(self) -> AsyncIterator[None]:
        """SQLite has one writer at a time. Writers of this process queue here, in order, instead of
        in SQLite's busy handler, which sleeps and retries: under load that alone cut throughput
        several-fold. Other processes still meet the busy timeout."""
        if self._write_lock is None:
            self._write_lock = asyncio.Lock()
        async with self._write_lock:
            yield

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[AsyncConnection]:
        """A Core connection for reads (no ORM session): for queries that run on every message."""
        with translate_errors("read"):
            async with self._reads.connect() as conn:
                yield conn

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """Like :meth:`begin`, for Core statements only: one write transaction on a connection, no ORM session."""
        if not self.is_sqlite:
            with translate_errors("write"):
                async with self.engine.begin() as conn:
                    yield conn
            return
        async with self._one_writer():
            with translate_errors("write"):
                async with self._writes.begin() as conn:
                    yield conn

    @asynccontextmanager
    async def one_statement(self) -> AsyncIterator[AsyncConnection]:
        """For a write that is one statement: on PostgreSQL in autocommit (the statement is its own
        transaction: no BEGIN and COMMIT round trips), on SQLite a :meth:`transaction`."""
        if self.is_sqlite:
            async with self.transaction() as conn:
                yield conn
            return
        with translate_errors("write"):
            async with self._reads.connect() as conn:
                yield conn

    async def ping(self) -> None:
        """Raise :class:`BackendUnavailable` unless the database answers a trivial query."""
        with translate_errors("ping"):
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))

    async def migrate(self, revision: str = "head") -> None:
        """Bring the schema to ``revision`` with Alembic (creating the PostgreSQL schema if needed)."""
        with translate_errors("migrate"):
            async with self.engine.begin() as conn:
                if self.engine.dialect.name == "postgresql":
                    # Several workers starting at once migrate one after the other (the lock is held until
                    # this transaction ends): the later ones find the schema there and at head.
                    await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
                if self.schema:
                    await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"'))
                await conn.run_sync(self._upgrade, revision)
        log.info("database migrated to %s", revision)

    def _upgrade(self, connection: Connection, revision: str) -> None:
        cfg = alembic_config()
        cfg.attributes["connection"] = connection
        cfg.attributes["schema"] = self.schema
        command.upgrade(cfg, revision)

    async def dispose(self) -> None:
        """Close every pooled connection. The engine opens new ones if it is used again."""
        await self.engine.dispose()


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration built in code: no alembic.ini is needed at run time."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


# The PostgreSQL advisory lock that serialises migrations ("estdesk" in ASCII, as a 64-bit key).
MIGRATION_LOCK = 0x65737464_65736B

_BEGIN_OPTION = "estatedesk_sqlite_begin"
_SCAN_OPTION = "estatedesk_sqlite_scan"


def _ping_when_idle(engine: AsyncEngine, idle_s: float) -> None:
    """SQLAlchemy's ``pool_pre_ping``, for connections that sat idle ``idle_s`` or longer only.

    The pre-ping costs three round trips on asyncpg (BEGIN, an empty query, ROLLBACK) at every checkout,
    which on a busy desk is most of the SQL work of a turn. A connection used a moment ago is only
    checked locally: one the server closed (a restart, ``pg_terminate_backend``) is replaced before
    use. If it went away without a word meanwhile, its first statement fails as a disconnect:
    SQLAlchemy drops every pooled connection and the caller gets BackendUnavailable, as for any
    outage (Telegram delivers the update again). An idle connection is pinged; a dead one is replaced.
    """
    pool = engine.sync_engine.pool
    dialect = engine.sync_engine.dialect

    @event.listens_for(pool, "connect")
    def fresh(dbapi_connection: Any, record: Any) -> None:
        record.info[_USED] = time.monotonic()

    @event.listens_for(pool, "checkin")
    def returned(dbapi_connection: Any, record: Any) -> None:
        record.info[_USED] = time.monotonic()

    @event.listens_for(pool, "checkout")
    def taken(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        used = record.info.get(_USED)
        if used is not None and time.monotonic() - used < idle_s:
            # SQLAlchemy's own disconnect test for asyncpg reads the same flag (the driver's connection).
            driver = getattr(dbapi_connection, "_connection", None)
            if driver is not None and driver.is_closed():
                raise sa_exc.DisconnectionError("the server closed the connection")
            return
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as exc:
            if isinstance(exc, OSError) or (
                isinstance(exc, dialect.loaded_dbapi.Error) and dialect.is_disconnect(exc, dbapi_connection, None)
            ):
                # The pool discards this connection and checks out another (a new one if need be).
                raise sa_exc.DisconnectionError(str(exc)) from exc
            raise


def _configure_sqlite(engine: AsyncEngine, busy_timeout_ms: int) -> None:
    # The sqlite3 driver's own transaction handling skips BEGIN for SELECT and DDL; we emit BEGIN
    # ourselves so reads are repeatable and migrations are transactional (SQLAlchemy's recipe).
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # The WAL is synced at every commit: a report the resident was told is stored survives a power cut.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Connection) -> None:
        options = conn.get_execution_options()
        mode = options.get(_BEGIN_OPTION, "")
        driver = conn.connection.driver_connection
        if isinstance(driver, InlineSqliteConnection):
            # Every session begins so: straight to the driver, not through SQLAlchemy's statement
            # pipeline, which costs more than SQLite's work for a BEGIN.
            try:
                await_(driver.begin(mode, scan=bool(options.get(_SCAN_OPTION))))
            except sqlite3.Error as exc:  # as SQLAlchemy would have wrapped it (translate_errors reads that)
                raise sa_exc.DBAPIError.instance(
                    f"BEGIN {mode}".strip(), None, exc, sqlite3.Error, dialect=conn.dialect
                ) from exc
        else:
            conn.exec_driver_sql(f"BEGIN {mode}".strip())
