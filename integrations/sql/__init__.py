"""The built-in SQL store (SQLite or PostgreSQL): tickets, the resident registry and billing."""
