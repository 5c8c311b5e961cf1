"""NLU corrections in SQL (table ``nlu_corrections``, migration 0012)."""

from __future__ import annotations

import logging
from collections.abc import Collection

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError

from dialogs.understanding import Correction, Intent
from integrations.sql.database import Database
from integrations.sql.tables import NluCorrectionRecord

R = NluCorrectionRecord
log = logging.getLogger(__name__)
MAX_TEXT = 2000
_INTENTS = {i.value for i in Intent}


class SqlCorrections:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, correction: Correction) -> None:
        """Store one correction. A storage fault is logged, never raised: a correction is a by-product."""
        try:
            async with self.db.begin() as session:
                session.add(
                    R(
                        text=correction.text[:MAX_TEXT],
                        intent=correction.intent.value,
                        category=correction.category,
                        source=correction.source,
                        actor=correction.actor[:64],
                        ticket=correction.ticket[:32],
                        created_at=correction.at,
                        reviewed=correction.reviewed,
                    )
                )
        except SQLAlchemyError:
            log.exception("NLU correction for %s not stored", correction.ticket)

    async def listing(self, *, reviewed_only: bool = False) -> list[Correction]:
        """Every correction, oldest first (or only the reviewed ones)."""
        query = select(R).order_by(R.created_at, R.id)
        if reviewed_only:
            query = query.where(R.reviewed.is_(True))
        async with self.db.session() as session:
            rows = (await session.execute(query)).scalars().all()
        return [
            Correction(
                text=r.text,
                intent=Intent(r.intent) if r.intent in _INTENTS else Intent.OTHER,
                category=r.category,
                source=r.source,
                actor=r.actor,
                ticket=r.ticket,
                at=r.created_at,
                reviewed=r.reviewed,
                id=r.id,
            )
            for r in rows
        ]

    async def mark_reviewed(self, ids: Collection[int], reviewed: bool = True) -> int:
        """Mark corrections reviewed (or not); returns how many exist among ``ids``."""
        if not ids:
            return 0
        async with self.db.begin() as session:
            result = await session.execute(update(R).where(R.id.in_(list(ids))).values(reviewed=reviewed))
        return int(getattr(result, "rowcount", 0) or 0)
