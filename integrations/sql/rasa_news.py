"""The durable outbox of ticket news for Rasa conversations (table ``rasa_news``, migration 0013).

A request is stored before it is sent. Only the oldest pending request of a conversation can be claimed,
and only by one caller at a time (a lease), so a conversation's news goes out in order, whoever sends it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update

from integrations.sql.database import Database
from integrations.sql.tables import RasaNewsRecord

N = RasaNewsRecord
PENDING, SENT, DEAD = "pending", "sent", "dead"
MAX_ERROR = 200


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class QueuedNews:
    id: int
    conversation: str
    ticket: str
    body: dict[str, Any]
    attempts: int
    token: str  # the claim: only its holder settles the row


class SqlRasaNews:
    def __init__(self, db: Database, *, clock: Callable[[], datetime] = _utcnow) -> None:
        self.db = db
        self.clock = clock

    async def add(self, conversation: str, ticket: str, body: dict[str, Any]) -> int:
        now = self.clock()
        async with self.db.begin() as s:
            row = N(
                conversation=conversation,
                ticket=ticket,
                body=body,
                state=PENDING,
                attempts=0,
                created_at=now,
                next_attempt_at=now,
                error="",
            )
            s.add(row)
            await s.flush()
            return int(row.id)

    async def due_conversations(self, *, limit: int = 200) -> list[str]:
        """Conversations whose oldest pending request may be tried now."""
        now = self.clock()
        async with self.db.session() as s:
            rows = await s.execute(
                select(N.conversation, func.min(N.id).label("first"))
                .where(N.state == PENDING, N.next_attempt_at <= now)
                .group_by(N.conversation)
                .order_by("first")
                .limit(limit)
            )
            return [str(r.conversation) for r in rows]

    async def claim_head(self, conversation: str, *, lease: timedelta) -> QueuedNews | None:
        """The conversation's oldest pending request, if it is due and nobody holds it; None otherwise."""
        now = self.clock()
        async with self.db.begin() as s:
            head = (
                await s.execute(
                    select(N.id, N.ticket, N.body, N.attempts, N.next_attempt_at, N.lease_until)
                    .where(N.conversation == conversation, N.state == PENDING)
                    .order_by(N.id)
                    .limit(1)
                )
            ).first()
            if head is None:
                return None
            token = secrets.token_hex(8)
            # Conditional: another worker may have claimed or settled it since the read.
            claimed = await s.execute(
                update(N)
                .where(
                    N.id == head.id,
                    N.state == PENDING,
                    N.next_attempt_at <= now,
                    or_(N.lease_until.is_(None), N.lease_until < now),
                )
                .values(claim_token=token, lease_until=now + lease)
            )
            if not claimed.rowcount:  # type: ignore[attr-defined]
                return None
        return QueuedNews(int(head.id), conversation, str(head.ticket), dict(head.body), int(head.attempts), token)

    async def _settle(self, news: QueuedNews, **values: Any) -> bool:
        async with self.db.begin() as s:
            result = await s.execute(
                update(N)
                .where(N.id == news.id, N.claim_token == news.token, N.state == PENDING)
                .values(claim_token=None, lease_until=None, **values)
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    async def sent(self, news: QueuedNews) -> bool:
        return await self._settle(news, state=SENT, sent_at=self.clock(), attempts=news.attempts + 1)

    async def retry_at(self, news: QueuedNews, when: datetime, error: str) -> bool:
        return await self._settle(news, next_attempt_at=when, attempts=news.attempts + 1, error=error[:MAX_ERROR])

    async def dead(self, news: QueuedNews, error: str) -> bool:
        return await self._settle(news, state=DEAD, attempts=news.attempts + 1, error=error[:MAX_ERROR])

    async def states(self, conversation: str) -> list[tuple[str, str, int]]:
        """(ticket, state, attempts) of every request of the conversation, oldest first."""
        async with self.db.session() as s:
            rows = await s.execute(
                select(N.ticket, N.state, N.attempts).where(N.conversation == conversation).order_by(N.id)
            )
            return [(str(r.ticket), str(r.state), int(r.attempts)) for r in rows]
