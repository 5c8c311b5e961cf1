"""Scratch databases for tests: a migrated SQLite file, or a PostgreSQL schema of one's own.

Import the fixtures into a conftest (``from integrations.sql.testing import sql_database``). Tests
share one PostgreSQL server, so each gets a random schema that is dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.errors import BackendUnavailable
from integrations.sql.database import Database

POSTGRES_URL_ENV = "ESTATEDESK_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"

# Parameters for fixtures that run a test once per database.
DATABASE_KINDS = ("sqlite", pytest.param("postgres", marks=pytest.mark.postgres))


def postgres_test_url() -> str:
    return os.environ.get(POSTGRES_URL_ENV) or DEFAULT_POSTGRES_URL


@asynccontextmanager
async def scratch_sqlite(directory: Path) -> AsyncIterator[Database]:
    db = Database(f"sqlite:///{directory / 'estatedesk.sqlite3'}")
    try:
        await db.migrate()
        yield db
    finally:
        await db.dispose()


@asynccontextmanager
async def scratch_postgres() -> AsyncIterator[Database]:
    """A migrated database in a fresh schema; skipped when the default server is not running."""
    url = postgres_test_url()
    schema = f"test_{secrets.token_hex(6)}"
    db = Database(url, schema=schema)
    try:
        await db.migrate()
    except BackendUnavailable:
        await db.dispose()
        if os.environ.get(POSTGRES_URL_ENV):
            raise
        pytest.skip(f"PostgreSQL not reachable at {url} (set {POSTGRES_URL_ENV})")
    try:
        yield db
    finally:
        await db.dispose()
        admin = Database(url)
        try:
            async with admin.engine.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        finally:
            await admin.dispose()


@asynccontextmanager
async def scratch_database(kind: str, directory: Path) -> AsyncIterator[Database]:
    """``kind`` is ``"sqlite"`` or ``"postgres"``."""
    if kind == "sqlite":
        async with scratch_sqlite(directory) as db:
            yield db
    elif kind == "postgres":
        async with scratch_postgres() as db:
            yield db
    else:
        raise ValueError(f"unknown database kind {kind!r}")


@pytest.fixture(params=DATABASE_KINDS)
async def sql_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated, empty database: the test runs once on SQLite and once on PostgreSQL."""
    async with scratch_database(request.param, tmp_path) as db:
        yield db


@pytest.fixture
async def sqlite_database(tmp_path: Path) -> AsyncIterator[Database]:
    async with scratch_sqlite(tmp_path) as db:
        yield db


@pytest.fixture
async def postgres_database() -> AsyncIterator[Database]:
    async with scratch_postgres() as db:
        yield db
