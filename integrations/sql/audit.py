"""The audit trail (bot/domain/audit.py) in SQL: one row per refused staff attempt."""

from __future__ import annotations

from sqlalchemy import select

from bot.domain.audit import AuditEntry, Place, Refusal
from integrations.sql.database import Database
from integrations.sql.tables import AuditEntryRecord


class SqlAuditTrail:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def record(self, entry: AuditEntry) -> None:
        async with self.db.begin() as s:
            s.add(
                AuditEntryRecord(
                    at=entry.at,
                    user_id=entry.user_id,
                    chat_id=entry.chat_id,
                    place=entry.place.value,
                    attempt=entry.attempt,
                    refusal=entry.refusal.value,
                )
            )

    async def recent(self, limit: int = 20) -> list[AuditEntry]:
        async with self.db.session() as s:
            rows = await s.scalars(
                select(AuditEntryRecord).order_by(AuditEntryRecord.at.desc(), AuditEntryRecord.id.desc()).limit(limit)
            )
            return [_entry(r) for r in rows]


def _entry(r: AuditEntryRecord) -> AuditEntry:
    return AuditEntry(r.at, r.user_id, r.chat_id, Place(r.place), r.attempt, Refusal(r.refusal), r.id)
