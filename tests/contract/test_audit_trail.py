"""The audit trail of refused staff attempts, on SQLite and PostgreSQL: kept as given, read newest first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.audit import ATTEMPT_LIMIT, AuditEntry, Place, Refusal, attempt_text
from integrations.sql.audit import SqlAuditTrail
from integrations.sql.database import Database


async def test_entries_are_kept_and_read_newest_first(sql_database: Database) -> None:
    trail = SqlAuditTrail(sql_database)
    assert await trail.recent() == []
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    big = 2**63 - 1  # Telegram ids fit in 64 bits; the columns hold any of them
    entries = [
        AuditEntry(start, 4242, -1009999999999, Place.FOREIGN, "/queue", Refusal.WRONG_CHAT),
        AuditEntry(start + timedelta(minutes=1), big, -big, Place.DEPARTMENT, "button t:²:claim", Refusal.FORGED),
        AuditEntry(start + timedelta(minutes=2), 9101, 9101, Place.PRIVATE, "/ticket", Refusal.WRONG_CHAT),
    ]
    for entry in entries:
        await trail.record(entry)
    read = await trail.recent(2)
    assert [(e.at, e.user_id, e.chat_id, e.place, e.attempt, e.refusal) for e in read] == [
        (x.at, x.user_id, x.chat_id, x.place, x.attempt, x.refusal) for x in reversed(entries[1:])
    ]
    assert all(e.id is not None for e in read)
    assert len(await trail.recent(50)) == 3


async def test_what_was_tried_is_kept_printable_and_short(sql_database: Database) -> None:
    trail = SqlAuditTrail(sql_database)
    attempt = attempt_text("button " + "t:1:\x00\u202e" + "x" * 300)
    assert len(attempt) == ATTEMPT_LIMIT and attempt.isprintable()
    await trail.record(AuditEntry(datetime.now(UTC), 1, 2, Place.FOREIGN, attempt, Refusal.FORGED))
    (entry,) = await trail.recent()
    assert entry.attempt == attempt
