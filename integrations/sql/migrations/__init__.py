"""Alembic migrations for the SQL store; run them with ``Database.migrate()``."""
