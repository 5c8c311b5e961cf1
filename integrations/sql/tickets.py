"""The built-in ticket backend: tickets, their photos and their append-only log in SQL."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.tickets import (
    OPEN_STATUSES,
    NewTicket,
    Ticket,
    TicketEvent,
    TicketKind,
    TicketStatus,
    Urgency,
    format_number,
    parse_number,
)
from integrations.sql.database import Database
from integrations.sql.tables import (
    TicketAttachmentRecord,
    TicketCounterRecord,
    TicketEventRecord,
    TicketRecord,
)

log = logging.getLogger(__name__)


class SqlTicketBackend:
    """:class:`integrations.tickets.base.TicketBackend` on SQLite or PostgreSQL.

    Unknown ticket numbers given to :meth:`append_event` or :meth:`set_card` raise ``LookupError``.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(self, new: NewTicket) -> Ticket:
        _require_aware(created_at=new.created_at, sla_due_at=new.sla_due_at)
        try:
            async with self._db.begin() as session:
                existing = await self._fetch(session, TicketRecord.idempotency_key == new.idempotency_key)
                if existing:
                    return existing[0]
                seq = await self._next_seq(session, new.kind)
                ticket_id = await session.scalar(
                    insert(TicketRecord).values(**_ticket_values(new, seq)).returning(TicketRecord.id)
                )
                if new.attachments:
                    await session.execute(
                        insert(TicketAttachmentRecord),
                        [
                            {"ticket_id": ticket_id, "position": i, "file_id": file_id}
                            for i, file_id in enumerate(new.attachments)
                        ],
                    )
                await session.execute(
                    insert(TicketEventRecord).values(
                        ticket_id=ticket_id,
                        at=new.created_at,
                        actor=new.actor,
                        action="created",
                        detail={"status": TicketStatus.NEW.value},
                    )
                )
                (ticket,) = await self._fetch(session, TicketRecord.id == ticket_id)
        except IntegrityError as exc:
            # Two deliveries of one update raced past the lookup above; the loser's transaction
            # (and its number) rolled back, and the winner's ticket is the answer.
            async with self._db.session() as session:
                existing = await self._fetch(session, TicketRecord.idempotency_key == new.idempotency_key)
            if existing:
                log.info("ticket %s: a concurrent create with the same key won", existing[0].number)
                return existing[0]
            raise ValueError(f"ticket not stored ({new.idempotency_key!r}): {exc.orig}") from exc
        log.info("ticket %s created (%s/%s)", ticket.number, ticket.department, ticket.channel)
        return ticket

    async def get(self, number: str) -> Ticket | None:
        canonical = _canonical_number(number)
        if canonical is None:
            return None
        async with self._db.session() as session:
            found = await self._fetch(session, TicketRecord.number == canonical)
        return found[0] if found else None

    async def list_for_resident(self, resident_id: int, *, open_only: bool = True) -> list[Ticket]:
        conditions = [TicketRecord.resident_id == resident_id]
        if open_only:
            conditions.append(TicketRecord.status.in_([s.value for s in OPEN_STATUSES]))
        async with self._db.session() as session:
            return await self._fetch(
                session, *conditions, order=(TicketRecord.created_at.desc(), TicketRecord.id.desc())
            )

    async def append_event(self, number: str, event: TicketEvent) -> Ticket:
        """Append ``event``; a ``"status"`` key in its detail becomes the ticket's status.

        ``event.detail`` must be JSON-serialisable. An unknown status raises ``ValueError``.
        """
        _require_aware(at=event.at)
        status = TicketStatus(event.detail["status"]) if "status" in event.detail else None
        async with self._db.begin() as session:
            # The row lock orders concurrent appends, so the status column matches the log's last word.
            record = await session.scalar(
                select(TicketRecord).where(TicketRecord.number == _canonical_number(number)).with_for_update()
            )
            if record is None:
                raise LookupError(f"no ticket {number!r}")
            await session.execute(
                insert(TicketEventRecord).values(
                    ticket_id=record.id,
                    at=event.at,
                    actor=event.actor,
                    action=event.action,
                    detail=dict(event.detail),
                )
            )
            if status is not None:
                record.status = status.value
                record.updated_at = max(record.updated_at, event.at)
                await session.flush()
            (ticket,) = await self._fetch(session, TicketRecord.id == record.id)
        return ticket

    async def set_card(self, number: str, chat_id: int, message_id: int) -> None:
        async with self._db.begin() as session:
            record = await session.scalar(select(TicketRecord).where(TicketRecord.number == _canonical_number(number)))
            if record is None:
                raise LookupError(f"no ticket {number!r}")
            record.card_chat_id = chat_id
            record.card_message_id = message_id

    async def without_card(self, created_before: datetime, limit: int = 100) -> list[Ticket]:
        _require_aware(created_before=created_before)
        async with self._db.session() as session:
            return await self._fetch(
                session,
                TicketRecord.card_message_id.is_(None),
                TicketRecord.created_at < created_before,
                order=(TicketRecord.created_at, TicketRecord.id),
                limit=limit,
            )

    async def close(self) -> None:
        # Disposing only empties the pool: other repositories sharing the Database keep working.
        await self._db.dispose()

    async def _next_seq(self, session: AsyncSession, kind: TicketKind) -> int:
        """The kind's next number, taken by one atomic upsert inside the caller's transaction.

        The counter row stays locked until the create commits, and a rolled-back create gives its
        number back, so numbers have neither gaps nor clashes.
        """
        dialect_insert = postgresql.insert if self._db.dialect == "postgresql" else sqlite.insert
        stmt = (
            dialect_insert(TicketCounterRecord)
            .values(kind=kind.value, value=1)
            .on_conflict_do_update(
                index_elements=[TicketCounterRecord.kind],
                set_={"value": TicketCounterRecord.value + 1},
            )
            .returning(TicketCounterRecord.value)
        )
        value = await session.scalar(stmt)
        assert value is not None  # RETURNING of an upsert always yields the row
        return value

    async def _fetch(
        self,
        session: AsyncSession,
        *where: ColumnElement[bool],
        order: Sequence[Any] = (),
        limit: int | None = None,
    ) -> list[Ticket]:
        """Tickets matching ``where`` with their attachments and events, in three queries."""
        stmt = select(TicketRecord).where(*where).order_by(*order)
        if limit is not None:
            stmt = stmt.limit(limit)
        records = list((await session.scalars(stmt)).all())
        if not records:
            return []
        ids = [r.id for r in records]
        attachments: dict[int, list[str]] = defaultdict(list)
        for a in await session.scalars(
            select(TicketAttachmentRecord)
            .where(TicketAttachmentRecord.ticket_id.in_(ids))
            .order_by(TicketAttachmentRecord.ticket_id, TicketAttachmentRecord.position)
        ):
            attachments[a.ticket_id].append(a.file_id)
        events: dict[int, list[TicketEvent]] = defaultdict(list)
        for e in await session.scalars(
            select(TicketEventRecord).where(TicketEventRecord.ticket_id.in_(ids)).order_by(TicketEventRecord.id)
        ):
            events[e.ticket_id].append(TicketEvent(at=e.at, actor=e.actor, action=e.action, detail=e.detail))
        return [_ticket(r, attachments[r.id], events[r.id]) for r in records]


def _require_aware(**times: datetime | None) -> None:
    """Refuse naive datetimes here, with a clear message, rather than deep inside the driver."""
    for name, value in times.items():
        if value is not None and value.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware, got {value.isoformat()}")


def _canonical_number(number: str) -> str | None:
    """``r-123`` and `` R-000123 `` both name R-000123; None when ``number`` is no ticket number."""
    parsed = parse_number(number)
    return format_number(*parsed) if parsed else None


def _ticket_values(new: NewTicket, seq: int) -> dict[str, Any]:
    return {
        "number": format_number(new.kind, seq),
        "kind": new.kind.value,
        "seq": seq,
        "category": new.category,
        "urgency": new.urgency.value,
        "status": TicketStatus.NEW.value,
        "resident_id": new.resident_id,
        "unit_id": new.unit_id,
        "place": new.place,
        "description": new.description,
        "department": new.department,
        "channel": new.channel,
        "contact_phone": new.contact_phone,
        "created_at": new.created_at,
        "updated_at": new.created_at,
        "sla_due_at": new.sla_due_at,
        "idempotency_key": new.idempotency_key,
    }


def _ticket(r: TicketRecord, attachments: list[str], events: list[TicketEvent]) -> Ticket:
    return Ticket(
        id=r.id,
        number=r.number,
        kind=TicketKind(r.kind),
        category=r.category,
        urgency=Urgency(r.urgency),
        status=TicketStatus(r.status),
        resident_id=r.resident_id,
        unit_id=r.unit_id,
        place=r.place,
        description=r.description,
        department=r.department,
        channel=r.channel,
        created_at=r.created_at,
        updated_at=r.updated_at,
        sla_due_at=r.sla_due_at,
        attachments=tuple(attachments),
        contact_phone=r.contact_phone,
        card_chat_id=r.card_chat_id,
        card_message_id=r.card_message_id,
        events=tuple(events),
    )
