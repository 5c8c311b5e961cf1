"""Whether a database holds a desk to read: the command line's reading commands check before they query.

A reading command (``estatedesk report``, ``survey results``, ``notice status``...) pointed at the wrong
place must say so instead of creating a file, migrating it and printing zeros. Nothing here creates or
changes anything: a missing SQLite file is not opened (opening would create it).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, func, inspect, select

from bot.errors import EstatedeskError
from integrations.sql.database import Database, alembic_config, translate_errors
from integrations.sql.tables import NoticeRecord, QuestionnaireRecord, ResidentRecord, TicketRecord

# A database with none of these rows holds nothing a desk wrote: it was created by mistake.
_DESK_DATA = (ResidentRecord, TicketRecord, QuestionnaireRecord, NoticeRecord)

# How to point a command at the browser demo's data, shown with every refusal.
HINT = (
    "set ESTATEDESK_DATABASE_URL to the desk's database "
    "(the browser demo's is sqlite:///var/demo.sqlite3, run from the project's folder)"
)


class DatabaseNotReady(EstatedeskError):
    """The database is missing, has no estatedesk schema, an older schema, or no desk data at all."""


async def require_desk_data(db: Database, *, data: bool = True) -> None:
    """Raise :class:`DatabaseNotReady` unless ``db`` exists at the latest schema and (``data``) holds some desk
    data. Lists of what the running desk set aside (dead letters, the audit trail, NLU corrections) need only
    the first: a desk with none of those yet is not an error."""
    where = db.url.render_as_string(hide_password=True).replace("+aiosqlite", "").replace("+asyncpg", "")
    if db.is_sqlite:
        path = Path(str(db.url.database))
        if not await asyncio.to_thread(path.is_file):
            raise DatabaseNotReady(f"there is no database at {where} (a new file would be empty); {HINT}")
    with translate_errors("readiness check"):
        async with db.connect() as conn:
            state = await conn.run_sync(_state)
    revision, head, rows = state
    if revision is None:
        raise DatabaseNotReady(f"{where} has no estatedesk tables (a new or foreign database); {HINT}")
    if revision != head:
        raise DatabaseNotReady(
            f"{where} is at schema {revision}, not the latest ({head}): run `estatedesk migrate` first"
        )
    if data and not rows:
        raise DatabaseNotReady(f"{where} is empty (no residents, tickets, questionnaires or notices); {HINT}")


def _state(conn: Connection) -> tuple[str | None, str | None, int]:
    """(the database's Alembic revision or None, the code's head revision, rows of desk data)."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if not inspect(conn).has_table("alembic_version"):
        return None, head, 0
    revision = MigrationContext.configure(conn).get_current_revision()
    if revision != head:
        return revision, head, 0
    rows = sum(int(conn.execute(select(func.count()).select_from(t)).scalar_one()) for t in _DESK_DATA)
    return revision, head, rows
