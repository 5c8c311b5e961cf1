"""Report tests run on SQLite and on PostgreSQL (a scratch schema each)."""

from __future__ import annotations

from integrations.sql.testing import sql_database, sqlite_database

__all__ = ["sql_database", "sqlite_database"]
