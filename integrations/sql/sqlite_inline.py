"""SQLite for SQLAlchemy's asyncio engine without a thread hop per call, where no call can wait.

SQLAlchemy's ``sqlite+aiosqlite`` driver runs every DBAPI call (cursor, execute, fetch, close,
commit) in aiosqlite's thread and back: four or five hops through the event loop per statement.
Measured on a 2-core machine, that made a trivial SELECT cost ~2 ms under load, most of a webhook
turn. Yet most SQLite calls take microseconds and cannot wait on anything: in WAL mode a reader
never waits for a writer, and a statement inside a ``BEGIN IMMEDIATE`` transaction already holds
the database's single write lock.

This module gives SQLAlchemy's aiosqlite dialect (through ``create_async_engine(async_creator=...)``,
its public hook) a connection with aiosqlite's interface that runs those calls inline and hands only
the calls that *can* wait to the connection's own worker thread:

- ``BEGIN IMMEDIATE`` / ``BEGIN EXCLUSIVE`` is first tried inline without waiting (within one
  process the database's write lock is handed out in order by :meth:`Database.begin`, so it is
  almost always free); only if another process holds the lock does it go to the thread, which waits
  up to the busy timeout;
- ``COMMIT`` of a transaction that wrote (the WAL fsync, and the occasional checkpoint);
- any statement other than ``SELECT``/``BEGIN``/``ROLLBACK`` outside a write transaction (a write in
  a deferred transaction or in autocommit mode takes the write lock itself; ``PRAGMA`` and DDL);
- ``close``.

So the event loop is never blocked waiting for a lock or the disk; what runs inline is CPU work of
the same size as the hop it saves (on the project's machines a hop costs ~0.25 ms). The one case
left: a reader meeting a database that another process holds in exclusive locking mode, or WAL
recovery after a crash, waits inline in SQLite's busy handler. estatedesk never uses exclusive
locking mode.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")

# Statements that may run inline outside a write transaction: they take no lock a writer holds.
_INLINE_VERBS = frozenset({"SELECT", "BEGIN", "ROLLBACK", "SAVEPOINT", "RELEASE"})


def _verb(sql: str) -> str:
    head = sql.lstrip()[:16].split(None, 1)
    return head[0].upper() if head else ""


class InlineSqliteConnection:
    """What SQLAlchemy's aiosqlite adapter uses of ``aiosqlite.Connection``, over a ``sqlite3`` connection."""

    def __init__(self, conn: sqlite3.Connection, worker: ThreadPoolExecutor) -> None:
        self._conn: sqlite3.Connection | None = conn
        # One thread per connection, as aiosqlite has: a commit never queues behind other
        # connections' calls that are waiting for the write lock this connection holds.
        self._worker = worker
        self._writing = False  # inside BEGIN IMMEDIATE/EXCLUSIVE, or a write was sent to the thread
        self._pending: asyncio.Future[Any] | None = None
        self._busy_timeout_ms: int | None = None  # as configured (read at the first BEGIN IMMEDIATE)
        self._scan = False  # this transaction's reads may be long: run them in the thread too
        self._tx = _RunNow()  # SQLAlchemy sets isolation_level through aiosqlite's private queue

    @property
    def _connection(self) -> sqlite3.Connection | None:
        """aiosqlite's name for the underlying connection; None once closed (SQLAlchemy checks it)."""
        return self._conn

    @property
    def isolation_level(self) -> str | None:
        return self._open().isolation_level

    @isolation_level.setter
    def isolation_level(self, value: Any) -> None:
        self._open().isolation_level = value

    def _open(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError("no active connection")
        return self._conn

    async def _offload(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` in a worker thread. A cancelled caller does not leave it running under the next call."""
        await self._settle()
        future = asyncio.get_running_loop().run_in_executor(self._worker, fn)
        self._pending = future
        return await asyncio.shield(future)

    async def _settle(self) -> None:
        pending = self._pending
        if pending is not None and not pending.done():
            await asyncio.wait([pending])

    def _try_without_waiting(self, run: Callable[[], Any]) -> bool:
        """Run ``run`` inline with SQLite's busy timeout at zero; False if it met a lock (nothing was done)."""
        conn = self._open()
        if self._busy_timeout_ms is None:
            self._busy_timeout_ms = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
        conn.execute("PRAGMA busy_timeout=0")
        try:
            run()
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise
            return False
        finally:
            conn.execute(f"PRAGMA busy_timeout={self._busy_timeout_ms}")
        return True

    async def begin(self, mode: str = "", *, scan: bool = False) -> None:
        """``BEGIN [mode]`` straight to SQLite (SQLAlchemy's begin hook calls this, skipping its statement pipeline).

        ``IMMEDIATE``/``EXCLUSIVE`` take the write lock: tried inline without waiting, else in the thread.
        ``scan``: until this transaction ends every call goes to the thread (reads that may take long).
        """
        conn = self._open()
        await self._settle()
        self._scan = scan
        sql = f"BEGIN {mode}".strip()
        if mode.upper() in ("IMMEDIATE", "EXCLUSIVE"):
            if not self._try_without_waiting(partial(conn.execute, sql)):
                await self._offload(partial(conn.execute, sql))
            self._writing = True
        else:
            conn.execute(sql)

    def cursor(self) -> _CursorContext:
        return _CursorContext(self)

    async def commit(self) -> None:
        conn = self._open()
        await self._settle()
        self._scan = False
        if self._writing:
            try:
                await self._offload(conn.commit)
            finally:
                self._writing = conn.in_transaction
        else:
            conn.commit()

    async def rollback(self) -> None:
        conn = self._open()
        await self._settle()
        conn.rollback()  # discards WAL frames not yet committed and releases locks: no waiting
        self._writing = False
        self._scan = False

    async def close(self) -> None:
        conn = self._conn
        if conn is None:
            return
        await self._settle()
        self._conn = None
        try:
            await asyncio.get_running_loop().run_in_executor(self._worker, conn.close)
        finally:
            self._worker.shutdown(wait=False)

    def stop(self) -> None:
        """Close at once (SQLAlchemy's terminate, e.g. when a connection is garbage collected)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
        self._worker.shutdown(wait=False)

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._open().create_function(*args, **kwargs)


class _RunNow:
    """Stands in for aiosqlite's request queue: SQLAlchemy puts ``(future, function)`` on it."""

    def put_nowait(self, item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            result = function()
        except Exception as exc:
            future.set_exception(exc)
        else:
            future.set_result(result)


class _CursorContext:
    def __init__(self, connection: InlineSqliteConnection) -> None:
        self._connection = connection

    async def __aenter__(self) -> InlineSqliteCursor:
        return InlineSqliteCursor(self._connection, self._connection._open().cursor())

    async def __aexit__(self, *exc: object) -> None:
        return None

    def __await__(self) -> Any:
        return self.__aenter__().__await__()


class InlineSqliteCursor:
    def __init__(self, connection: InlineSqliteConnection, cursor: sqlite3.Cursor) -> None:
        self._connection = connection
        self._cursor = cursor

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineSqliteCursor:
        connection = self._connection
        await connection._settle()
        execute = self._cursor.execute
        run = partial(execute, sql) if parameters is None else partial(execute, sql, parameters)
        verb = _verb(sql)
        if verb == "BEGIN":
            await connection.begin(sql.split(None, 1)[1].strip().upper() if " " in sql.strip() else "")
        elif (connection._writing or verb in _INLINE_VERBS) and not connection._scan:
            run()
        else:
            await connection._offload(run)
            connection._writing = connection._open().in_transaction
        return self

    async def executemany(self, sql: str, seq_of_parameters: Iterable[Sequence[Any]]) -> InlineSqliteCursor:
        connection = self._connection
        await connection._settle()
        run = partial(self._cursor.executemany, sql, seq_of_parameters)
        if connection._writing:
            run()
        else:
            await connection._offload(run)
            connection._writing = connection._open().in_transaction
        return self

    async def fetchone(self) -> Any:
        if self._connection._scan:
            return await self._connection._offload(self._cursor.fetchone)
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        fetch = partial(self._cursor.fetchmany, self._cursor.arraysize if size is None else size)
        return await self._connection._offload(fetch) if self._connection._scan else fetch()

    async def fetchall(self) -> list[Any]:
        if self._connection._scan:
            return await self._connection._offload(self._cursor.fetchall)
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    async def setinputsizes(self, *sizes: Any) -> None:
        return None

    async def nextset(self) -> None:
        return None

    def __aiter__(self) -> InlineSqliteCursor:
        return self

    async def __anext__(self) -> Any:
        row = self._cursor.fetchone()
        if row is None:
            raise StopAsyncIteration
        return row


def inline_sqlite_creator(path: str) -> Callable[[], Any]:
    """``async_creator`` for ``create_async_engine``: a new inline connection to the database file."""

    async def connect() -> InlineSqliteConnection:
        worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")
        try:
            conn = await asyncio.get_running_loop().run_in_executor(
                worker, partial(sqlite3.connect, path, check_same_thread=False)
            )
        except BaseException:
            worker.shutdown(wait=False)
            raise
        return InlineSqliteConnection(conn, worker)

    return connect
