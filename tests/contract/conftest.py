"""Contract-test fixtures: each protocol's implementations, each on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from integrations.registry.base import ResidentRegistry
from integrations.sql.billing import SqlBillingSource
from integrations.sql.database import Database
from integrations.sql.registry import SqlResidentRegistry
from integrations.sql.testing import DATABASE_KINDS, scratch_database, scratch_postgres
from integrations.sql.tickets import SqlTicketBackend
from integrations.tickets.base import TicketBackend


@pytest.fixture(params=DATABASE_KINDS)
async def sql_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated, empty database: each test runs on SQLite and on PostgreSQL (own schema, dropped after)."""
    async with scratch_database(request.param, tmp_path) as db:
        yield db


@pytest.fixture
async def postgres_database() -> AsyncIterator[Database]:
    async with scratch_postgres() as db:
        yield db


# Each implementation is built on a migrated database; a helpdesk adapter would add an entry here.
TICKET_BACKENDS: dict[str, Callable[[Database], TicketBackend]] = {"sql": SqlTicketBackend}
REGISTRIES: dict[str, Callable[[Database], ResidentRegistry]] = {"sql": SqlResidentRegistry}
# Billing's contract includes the upserts its import uses.
BILLING_SOURCES: dict[str, Callable[[Database], SqlBillingSource]] = {"sql": SqlBillingSource}


@pytest.fixture(params=sorted(TICKET_BACKENDS))
def ticket_backend(request: pytest.FixtureRequest, sql_database: Database) -> TicketBackend:
    return TICKET_BACKENDS[request.param](sql_database)


@pytest.fixture(params=sorted(REGISTRIES))
def registry(request: pytest.FixtureRequest, sql_database: Database) -> ResidentRegistry:
    return REGISTRIES[request.param](sql_database)


@pytest.fixture(params=sorted(BILLING_SOURCES))
def billing(request: pytest.FixtureRequest, sql_database: Database) -> SqlBillingSource:
    return BILLING_SOURCES[request.param](sql_database)


def closed_port() -> int:
    """A local TCP port nobody listens on (it was free a moment ago)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


@pytest.fixture(params=["sqlite", "postgres"])
async def unreachable_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A database that cannot be reached: a SQLite file in a missing folder, PostgreSQL on a closed port."""
    threads_before = set(threading.enumerate())
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'missing' / 'db.sqlite3'}")
    else:
        db = Database(f"postgresql://postgres@127.0.0.1:{closed_port()}/test", connect_timeout=2)
    yield db
    await db.dispose()
    # The worker thread of a failed connect must finish while this test's event loop is still
    # open, or it reports to a closed loop.
    deadline = asyncio.get_running_loop().time() + 5
    while any(t.is_alive() for t in set(threading.enumerate()) - threads_before):
        assert asyncio.get_running_loop().time() < deadline, "aiosqlite worker threads did not stop"
        await asyncio.sleep(0.01)
