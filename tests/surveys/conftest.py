"""Fixtures for the survey tests: a scratch database on SQLite and PostgreSQL."""

from integrations.sql.testing import sql_database, sqlite_database

__all__ = ["sql_database", "sqlite_database"]
