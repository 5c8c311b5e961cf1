"""Dead letters in SQL: one row per dead update, the newest ``max_rows`` kept (older ones dropped)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from integrations.deadletters import DeadLetter, DeadReason
from integrations.sql.database import Database
from integrations.sql.tables import DeadLetterRecord

R = DeadLetterRecord
MAX_ROWS = 1000
# An error's text is a diagnosis, not a log: its first lines are what an operator needs.
MAX_ERROR_CHARS = 4000


def _utcnow() -> datetime:
    return datetime.now(UTC)


class SqlDeadLetters:
    def __init__(self, db: Database, *, max_rows: int = MAX_ROWS, clock: Callable[[], datetime] = _utcnow) -> None:
        if max_rows < 1:
            raise ValueError("max_rows must be at least 1")
        self.db = db
        self.max_rows = max_rows
        self.clock = clock

    async def add(
        self, *, update_id: int | None, reason: DeadReason, payload: bytes, error: str, attempts: int
    ) -> None:
        error = error[:MAX_ERROR_CHARS]
        attempts = max(attempts, 1)
        now = self.clock()
        for _ in range(3):  # another worker may insert the same update between our update and insert
            try:
                async with self.db.begin() as session:
                    if update_id is not None:
                        # One statement, so concurrent workers add up their attempts instead of losing some.
                        counted = await session.execute(
                            update(R)
                            .where(R.update_id == update_id)
                            .values(reason=reason.value, error=error, last_seen=now, attempts=R.attempts + attempts)
                        )
                        if cast(CursorResult[Any], counted).rowcount:
                            return
                    session.add(
                        R(
                            update_id=update_id,
                            reason=reason.value,
                            payload=payload,
                            error=error,
                            attempts=attempts,
                            first_seen=now,
                            last_seen=now,
                        )
                    )
                    await session.flush()
                    # Bounded: keep the newest max_rows rows.
                    cutoff = (
                        await session.execute(select(R.id).order_by(R.id.desc()).offset(self.max_rows).limit(1))
                    ).scalar_one_or_none()
                    if cutoff is not None:
                        await session.execute(delete(R).where(R.id <= cutoff))
                return
            except IntegrityError:
                continue
        raise RuntimeError(f"could not store dead update {update_id}")

    async def recent(self, limit: int = 50) -> list[DeadLetter]:
        async with self.db.session() as session:
            rows = (await session.execute(select(R).order_by(R.id.desc()).limit(limit))).scalars().all()
        return [
            DeadLetter(
                r.id, r.update_id, DeadReason(r.reason), r.payload, r.error, r.attempts, r.first_seen, r.last_seen
            )
            for r in rows
        ]

    async def count(self) -> int:
        async with self.db.session() as session:
            return int((await session.execute(select(func.count()).select_from(R))).scalar_one())
