"""The built-in ticket backend: tickets, their photos and their append-only log in SQL."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    CTE,
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Row,
    Select,
    Table,
    Text,
    bindparam,
    case,
    func,
    insert,
    literal,
    null,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from bot.domain.lifecycle import TicketState, apply
from bot.domain.tickets import (
    OPEN_STATUSES,
    Incident,
    NewTicket,
    Ticket,
    TicketEvent,
    TicketKind,
    TicketStatus,
    Urgency,
    format_number,
    parse_number,
)
from bot.errors import Conflict
from integrations.sql.database import Database
from integrations.sql.tables import (
    IncidentRecord,
    TicketAttachmentRecord,
    TicketCounterRecord,
    TicketEventRecord,
    TicketMessageRecord,
    TicketRecord,
    UtcDateTime,
)

log = logging.getLogger(__name__)

# Core tables for the statements that run on every report (no ORM unit of work on that path).
_TICKETS = cast(Table, TicketRecord.__table__)
_EVENTS = cast(Table, TicketEventRecord.__table__)
_ATTACHMENTS = cast(Table, TicketAttachmentRecord.__table__)
_MESSAGES = cast(Table, TicketMessageRecord.__table__)
_COUNTERS = cast(Table, TicketCounterRecord.__table__)
_INCIDENTS = cast(Table, IncidentRecord.__table__)

# Statements built once, bound per call: building a statement and its cache key cost more than
# running it, and these run for every report.
_INSERT_TICKET = insert(_TICKETS).returning(_TICKETS.c.id)
_INSERT_EVENT = insert(_EVENTS)
_INSERT_ATTACHMENT = insert(_ATTACHMENTS)
_NEXT_SEQ = {
    name: dialect.insert(_COUNTERS)
    .values(kind=bindparam("p_kind"), value=1)
    .on_conflict_do_update(index_elements=[_COUNTERS.c.kind], set_={"value": _COUNTERS.c.value + 1})
    .returning(_COUNTERS.c.value)
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}
_LINK_MESSAGE = {
    name: dialect.insert(_MESSAGES).on_conflict_do_nothing()
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}
_RECORD_CARD = (
    update(_TICKETS)
    .where(_TICKETS.c.number == bindparam("p_number"))
    .values(
        card_chat_id=bindparam("p_chat_id"),
        card_message_id=bindparam("p_message_id"),
        version=_TICKETS.c.version + 1,
        updated_at=case(
            (_TICKETS.c.updated_at > bindparam("p_at", type_=UtcDateTime()), _TICKETS.c.updated_at),
            else_=bindparam("p_at", type_=UtcDateTime()),
        ),
    )
    .returning(_TICKETS.c.id)
)
_OPEN_STATUS_VALUES = [s.value for s in OPEN_STATUSES]


# On PostgreSQL a report is one statement (run as its own transaction): the kind's next number, the
# ticket, and its ``created`` event, in data-modifying CTEs; a card's record likewise. SQLite has no
# such CTEs: there they are three statements in one transaction.
_TICKET_PARAMS = (
    "kind", "category", "urgency", "status", "resident_id", "unit_id", "place", "building", "description",
    "department", "channel", "contact_phone", "created_at", "updated_at", "sla_due_at", "response_due_at",
    "idempotency_key",
)  # fmt: skip


def _param(table: Table, column: str, name: str | None = None) -> BindParameter[Any]:
    return bindparam(name or column, type_=table.c[column].type)


def _event_from(ticket: CTE, action: str, name: str) -> CTE:
    """The event ``action`` of the ticket in ``ticket`` (a CTE returning its ``id``), as a CTE."""
    return (
        insert(_EVENTS)
        .from_select(
            ["ticket_id", "at", "actor", "action", "detail"],
            select(
                ticket.c.id,
                _param(_EVENTS, "at", "p_at"),
                _param(_EVENTS, "actor", "p_actor"),
                literal(action),
                _param(_EVENTS, "detail", "p_detail"),
            ),
        )
        .cte(name)
    )


def _create_statement() -> Select[*tuple[Any, ...]]:
    counter = _NEXT_SEQ["postgresql"].cte("counter")
    seq = counter.c.value
    digits = sql_cast(seq, Text)
    # bot.domain.tickets.format_number in SQL ("R-000123"; more digits past 999999), so that the number is
    # written by the statement that takes it; tests/contract/test_ticket_backend.py checks the two agree.
    number = bindparam("p_prefix", type_=Text) + "-" + case((seq < 1_000_000, func.lpad(digits, 6, "0")), else_=digits)
    # Columns with a default in Python (version, reopen count...) get it as a literal: SQLAlchemy does
    # not fill such defaults in for an INSERT inside a CTE.
    defaults = {
        c.name: literal(c.default.arg, c.type)
        for c in _TICKETS.c
        if isinstance(c.default, ScalarElementColumnDefault) and c.name not in _TICKET_PARAMS
    }
    ticket = (
        insert(_TICKETS)
        .from_select(
            [*_TICKET_PARAMS, "seq", "number", *defaults],
            select(*(_param(_TICKETS, c) for c in _TICKET_PARAMS), seq, number, *defaults.values()),
            include_defaults=False,
        )
        .returning(_TICKETS.c.id, _TICKETS.c.number)
        .cte("ticket")
    )
    return select(ticket.c.id, ticket.c.number).add_cte(_event_from(ticket, "created", "created"))


def _record_card_statement() -> Select[*tuple[Any, ...]]:
    ticket = _RECORD_CARD.cte("card")
    link = (
        postgresql.insert(_MESSAGES)
        .from_select(
            ["chat_id", "message_id", "ticket_id"],
            select(
                _param(_MESSAGES, "chat_id", "p_chat_id"), _param(_MESSAGES, "message_id", "p_message_id"), ticket.c.id
            ),
        )
        .on_conflict_do_nothing()
        .cte("link")
    )
    return select(ticket.c.id).add_cte(_event_from(ticket, "card_posted", "posted"), link)


_CREATE_PG = _create_statement()
_RECORD_CARD_PG = _record_card_statement()

# A similar ticket is shown on a card by its number and place, with its state: no photos, log or keys.
_TICKET_COLUMNS = [c for c in _TICKETS.c if c.name not in ("seq", "idempotency_key")]
_INCIDENT_COLUMNS = [
    _INCIDENTS.c[n]
    for n in ("number", "title", "department", "status", "created_at", "resolved_at", "building", "category")
]
_IS_OPEN_INCIDENT = _INCIDENTS.c.status == "open"
_OPEN_INCIDENTS = select(*_INCIDENT_COLUMNS).where(_IS_OPEN_INCIDENT).order_by(_INCIDENTS.c.id)


def _similar(place: ColumnElement[bool]) -> Select[*tuple[Any, ...]]:
    return (
        select(*_TICKET_COLUMNS)
        .where(
            _TICKETS.c.status.in_(_OPEN_STATUS_VALUES),
            _TICKETS.c.kind == bindparam("p_kind"),
            _TICKETS.c.category == bindparam("p_category"),
            _TICKETS.c.created_at >= bindparam("p_since", type_=UtcDateTime()),
            place,
        )
        .order_by(_TICKETS.c.id)
        .limit(20)
    )


def _with_open_incidents(similar: Select[*tuple[Any, ...]]) -> CompoundSelect[*tuple[Any, ...]]:
    """``similar`` and the open incidents in one query: what a new report's card and incident check read.

    One row shape for both: a ticket row has no ``title``, an incident row only the incident's columns
    (the others NULL); ``src`` says which is which.
    """
    shared = {"id"} | {c.name for c in _INCIDENT_COLUMNS}
    tickets = similar.subquery()
    names = [c.name for c in _TICKET_COLUMNS]
    return union_all(
        select(
            literal("t").label("src"),
            *(tickets.c[n] for n in names),
            null().label("title"),
        ),
        select(
            literal("i").label("src"),
            *(_INCIDENTS.c[n] if n in shared else null().label(n) for n in names),
            _INCIDENTS.c.title,
        ).where(_IS_OPEN_INCIDENT),
    ).order_by(text("src DESC"), text("id"))


_SIMILAR_IN_UNIT = _similar(_TICKETS.c.unit_id == bindparam("p_unit_id"))
_SIMILAR_COMMON_AREA = _similar(_TICKETS.c.unit_id.is_(None))
_SIMILAR_IN_UNIT_AND_INCIDENTS = _with_open_incidents(_SIMILAR_IN_UNIT)
_SIMILAR_COMMON_AREA_AND_INCIDENTS = _with_open_incidents(_SIMILAR_COMMON_AREA)


class SqlTicketBackend:
    """:class:`integrations.tickets.base.TicketBackend` on SQLite or PostgreSQL.

    Unknown ticket numbers given to :meth:`append_event` or :meth:`set_card` raise ``LookupError``.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(self, new: NewTicket) -> Ticket:
        """Store ``new``; if a ticket with its idempotency key exists, return that one instead.

        The key's unique index decides (no read first: this runs on every confirmed report): a
        repeated create fails to insert, its transaction and number roll back, and the stored
        ticket is the answer.
        """
        _require_aware(created_at=new.created_at, sla_due_at=new.sla_due_at)
        # The deadlines as first set: reports judge "on time" against these, even after a reopen.
        created_detail = {
            "status": TicketStatus.NEW.value,
            "department": new.department,
            "sla_due_at": new.sla_due_at.isoformat() if new.sla_due_at else None,
            "response_due_at": new.response_due_at.isoformat() if new.response_due_at else None,
        }
        created = {"p_at": new.created_at, "p_actor": new.actor, "p_detail": created_detail}
        # On PostgreSQL a report without photos is one statement, its own transaction.
        one_statement = not self._db.is_sqlite and not new.attachments
        try:
            async with self._db.one_statement() if one_statement else self._db.transaction() as conn:
                values = _ticket_values(new)
                if self._db.is_sqlite:
                    values = _numbered(values, new.kind, await self._next_seq(conn, new.kind))
                    ticket_id, number = (await conn.execute(_INSERT_TICKET, values)).scalar_one(), values["number"]
                    await conn.execute(
                        _INSERT_EVENT, {"ticket_id": ticket_id, "at": new.created_at, "actor": new.actor,
                                        "action": "created", "detail": created_detail}
                    )  # fmt: skip
                else:
                    row = (
                        await conn.execute(_CREATE_PG, {**values, **created, "p_kind": new.kind.value,
                                                        "p_prefix": new.kind.prefix})
                    ).one()  # fmt: skip
                    ticket_id, number = row.id, row.number  # as SQL wrote it
                if new.attachments:
                    await conn.execute(
                        _INSERT_ATTACHMENT,
                        [
                            {"ticket_id": ticket_id, "position": i, "file_id": file_id}
                            for i, file_id in enumerate(new.attachments)
                        ],
                    )
                # Built from what was just written, rather than read back in three more queries.
                ticket = Ticket(
                    id=ticket_id,
                    number=number,
                    kind=new.kind,
                    category=new.category,
                    urgency=new.urgency,
                    status=TicketStatus.NEW,
                    resident_id=new.resident_id,
                    unit_id=new.unit_id,
                    place=new.place,
                    building=new.building,
                    description=new.description,
                    department=new.department,
                    channel=new.channel,
                    created_at=new.created_at,
                    updated_at=new.created_at,
                    sla_due_at=new.sla_due_at,
                    attachments=tuple(new.attachments),
                    contact_phone=new.contact_phone,
                    events=(TicketEvent(new.created_at, new.actor, "created", created_detail),),
                    response_due_at=new.response_due_at,
                )
        except IntegrityError as exc:
            # Stored before (a retried turn), or two deliveries of one update raced: the insert
            # failed, this transaction (and its number) rolled back, and the stored ticket is the answer.
            async with self._db.session() as session:
                existing = await self._fetch(session, TicketRecord.idempotency_key == new.idempotency_key)
            if existing:
                log.info("ticket %s: already stored under this key", existing[0].number)
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

    async def get_by_id(self, ticket_id: int) -> Ticket | None:
        async with self._db.session() as session:
            found = await self._fetch(session, TicketRecord.id == ticket_id)
        return found[0] if found else None

    async def merged_into(self, number: str) -> list[Ticket]:
        """Tickets merged into ``number`` (their residents hear when it is resolved)."""
        async with self._db.session() as session:
            return await self._fetch(session, TicketRecord.merged_into == number, order=(TicketRecord.id,))

    async def list_for_resident(
        self, resident_id: int, *, open_only: bool = True, statuses: Collection[TicketStatus] | None = None
    ) -> list[Ticket]:
        conditions = [TicketRecord.resident_id == resident_id]
        wanted = set(statuses) if statuses is not None else None
        if open_only:
            wanted = set(OPEN_STATUSES) if wanted is None else wanted & set(OPEN_STATUSES)
        if wanted is not None:
            conditions.append(TicketRecord.status.in_([s.value for s in wanted]))
        async with self._db.session() as session:
            return await self._fetch(
                session, *conditions, order=(TicketRecord.created_at.desc(), TicketRecord.id.desc())
            )

    async def append_event(self, number: str, event: TicketEvent, *, expected_version: int | None = None) -> Ticket:
        """Append ``event`` and fold it into the ticket's state (:func:`bot.domain.lifecycle.apply`).

        ``expected_version`` makes the append conditional: if another event was appended since the
        caller read the ticket, :class:`bot.errors.Conflict` is raised and nothing is written. An
        action not allowed in the ticket's status raises ``InvalidTransition`` and writes nothing.
        ``event.detail`` must be JSON-serialisable.
        """
        _require_aware(at=event.at)
        async with self._db.begin() as session:
            # The row lock orders concurrent appends, so the state columns match the log's last word.
            record = await session.scalar(
                select(TicketRecord).where(TicketRecord.number == _canonical_number(number)).with_for_update()
            )
            if record is None:
                raise LookupError(f"no ticket {number!r}")
            if expected_version is not None and record.version != expected_version:
                raise Conflict(f"{record.number} changed since it was read (version {record.version})")
            after = apply(_state(record), event)
            await session.execute(
                insert(TicketEventRecord).values(
                    ticket_id=record.id,
                    at=event.at,
                    actor=event.actor,
                    action=event.action,
                    detail=dict(event.detail),
                )
            )
            record.status = after.status.value
            record.department = after.department or record.department
            record.assignee = after.assignee
            record.first_response_at = after.first_response_at
            record.resolved_at = after.resolved_at
            record.merged_into = after.merged_into
            record.incident = after.incident
            record.reopen_count = after.reopen_count
            record.resolution_note = after.resolution_note
            record.version = record.version + 1
            record.updated_at = max(record.updated_at, event.at)
            for key in ("sla_due_at", "response_due_at"):
                if key in event.detail:  # a transfer or reopen sets new deadlines
                    value = event.detail[key]
                    setattr(record, key, datetime.fromisoformat(value) if value else None)
            await session.flush()
            (ticket,) = await self._fetch(session, TicketRecord.id == record.id)
        return ticket

    async def link_message(self, chat_id: int, message_id: int, number: str) -> None:
        """Remember that a message (a card, a relayed reply, a notice) is about this ticket."""
        async with self._db.begin() as session:
            ticket_id = await session.scalar(
                select(TicketRecord.id).where(TicketRecord.number == _canonical_number(number))
            )
            if ticket_id is None:
                raise LookupError(f"no ticket {number!r}")
            dialect_insert = postgresql.insert if self._db.dialect == "postgresql" else sqlite.insert
            await session.execute(
                dialect_insert(TicketMessageRecord)
                .values(chat_id=chat_id, message_id=message_id, ticket_id=ticket_id)
                .on_conflict_do_nothing()
            )

    async def by_message(self, chat_id: int, message_id: int) -> Ticket | None:
        async with self._db.session() as session:
            ticket_id = await session.scalar(
                select(TicketMessageRecord.ticket_id).where(
                    TicketMessageRecord.chat_id == chat_id, TicketMessageRecord.message_id == message_id
                )
            )
            if ticket_id is None:
                return None
            found = await self._fetch(session, TicketRecord.id == ticket_id)
        return found[0] if found else None

    async def by_topic(self, chat_id: int, topic_id: int) -> Ticket | None:
        """The ticket whose forum topic this is (its card is in that chat)."""
        async with self._db.session() as session:
            found = await self._fetch(
                session, TicketRecord.card_chat_id == chat_id, TicketRecord.topic_id == topic_id, limit=1
            )
        return found[0] if found else None

    async def open_tickets(
        self, *, department: str | None = None, assignee: int | None = None, limit: int = 200, with_events: bool = True
    ) -> list[Ticket]:
        """Open tickets, the ones due soonest first (no deadline last)."""
        conditions: list[ColumnElement[bool]] = [TicketRecord.status.in_([s.value for s in OPEN_STATUSES])]
        if department is not None:
            conditions.append(TicketRecord.department == department)
        if assignee is not None:
            conditions.append(TicketRecord.assignee == assignee)
        async with self._db.session() as session:
            return await self._fetch(
                session,
                *conditions,
                order=(TicketRecord.sla_due_at.is_(None), TicketRecord.sla_due_at, TicketRecord.id),
                limit=limit,
                details=with_events,
            )

    async def similar_open(
        self,
        *,
        kind: TicketKind,
        category: str,
        since: datetime,
        unit_id: int | None = None,
        building: str | None = None,
    ) -> list[Ticket]:
        """Open tickets that may be the same matter: same unit and category, or same building's common area."""
        query = _similar_query(kind, category, since, unit_id, building)
        if query is None:
            return []
        async with self._db.connect() as conn:
            rows = (await conn.execute(query[0], query[1])).all()
        return [_ticket(r, [], []) for r in rows]

    async def similar_and_incidents(
        self,
        *,
        kind: TicketKind,
        category: str,
        since: datetime,
        unit_id: int | None = None,
        building: str | None = None,
    ) -> tuple[list[Ticket], list[Incident]]:
        """:meth:`similar_open` and :meth:`open_incidents` in one query (read for every new report)."""
        query = _similar_query(kind, category, since, unit_id, building, with_incidents=True)
        if query is None:
            return [], await self.open_incidents()
        async with self._db.connect() as conn:
            rows = (await conn.execute(query[0], query[1])).all()
        similar = [_ticket(r, [], []) for r in rows if r.src == "t"]
        return similar, [_incident(r) for r in rows if r.src == "i"]

    async def set_topic(self, number: str, topic_id: int) -> None:
        async with self._db.begin() as session:
            record = await session.scalar(select(TicketRecord).where(TicketRecord.number == _canonical_number(number)))
            if record is None:
                raise LookupError(f"no ticket {number!r}")
            record.topic_id = topic_id

    async def in_incident(self, incident: str) -> list[Ticket]:
        async with self._db.session() as session:
            return await self._fetch(session, TicketRecord.incident == incident, order=(TicketRecord.id,))

    async def open_incident(
        self, *, title: str, department: str, at: datetime, building: str = "", category: str = ""
    ) -> Incident:
        async with self._db.begin() as session:
            seq = await self._next_seq_key(await session.connection(), "I")
            number = f"I-{seq:04d}"
            await session.execute(
                insert(IncidentRecord).values(
                    number=number,
                    title=title[:200],
                    department=department,
                    building=building,
                    category=category,
                    status="open",
                    created_at=at,
                )
            )
        return Incident(number, title[:200], department, "open", at, None, building, category)

    async def incident(self, number: str) -> Incident | None:
        async with self._db.session() as session:
            r = await session.scalar(select(IncidentRecord).where(IncidentRecord.number == number.strip().upper()))
        return None if r is None else _incident(r)

    async def open_incidents(self) -> list[Incident]:
        """Read for every new report (to attach it to an incident): one Core query."""
        async with self._db.connect() as conn:
            return [_incident(r) for r in await conn.execute(_OPEN_INCIDENTS)]

    async def resolve_incident(self, number: str, at: datetime) -> bool:
        """Mark the incident resolved; False if it already was (so its tickets are resolved once)."""
        async with self._db.begin() as session:
            r = await session.scalar(select(IncidentRecord).where(IncidentRecord.number == number).with_for_update())
            if r is None:
                raise LookupError(f"no incident {number!r}")
            if r.status == "resolved":
                return False
            r.status = "resolved"
            r.resolved_at = at
            return True

    async def set_card(self, number: str, chat_id: int, message_id: int) -> None:
        async with self._db.begin() as session:
            record = await session.scalar(select(TicketRecord).where(TicketRecord.number == _canonical_number(number)))
            if record is None:
                raise LookupError(f"no ticket {number!r}")
            record.card_chat_id = chat_id
            record.card_message_id = message_id

    async def record_card(self, number: str, chat_id: int, message_id: int, at: datetime) -> None:
        """Where the staff card went, the message link and the ``card_posted`` event: one transaction.

        One statement on PostgreSQL, three in a transaction on SQLite (it runs once per new ticket); the
        UPDATE takes the row lock that orders it with :meth:`append_event`.
        """
        _require_aware(at=at)
        params = {
            "p_number": _canonical_number(number),
            "p_chat_id": chat_id,
            "p_message_id": message_id,
            "p_at": at,
        }
        posted = {"chat_id": chat_id, "message_id": message_id}
        if not self._db.is_sqlite:
            async with self._db.one_statement() as conn:
                found = (
                    await conn.execute(_RECORD_CARD_PG, {**params, "p_actor": "system", "p_detail": posted})
                ).scalar()
            if found is None:
                raise LookupError(f"no ticket {number!r}")
            return
        async with self._db.transaction() as conn:
            ticket_id = (await conn.execute(_RECORD_CARD, params)).scalar()
            if ticket_id is None:
                raise LookupError(f"no ticket {number!r}")
            await conn.execute(
                _INSERT_EVENT,
                {"ticket_id": ticket_id, "at": at, "actor": "system", "action": "card_posted", "detail": posted},
            )
            await conn.execute(
                _LINK_MESSAGE[self._db.dialect], {"chat_id": chat_id, "message_id": message_id, "ticket_id": ticket_id}
            )

    async def clear_card(self, number: str) -> None:
        """Forget the ticket's card and topic (after a transfer), so a new one is posted."""
        async with self._db.begin() as session:
            record = await session.scalar(select(TicketRecord).where(TicketRecord.number == _canonical_number(number)))
            if record is None:
                raise LookupError(f"no ticket {number!r}")
            record.card_chat_id = None
            record.card_message_id = None
            record.topic_id = None

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

    async def _next_seq(self, conn: AsyncConnection, kind: TicketKind) -> int:
        return await self._next_seq_key(conn, kind.value)

    async def _next_seq_key(self, conn: AsyncConnection, key: str) -> int:
        """The kind's next number, taken by one atomic upsert inside the caller's transaction.

        The counter row stays locked until the create commits, and a rolled-back create gives its
        number back, so numbers have neither gaps nor clashes.
        """
        stmt = _NEXT_SEQ[self._db.dialect]
        value: int = (await conn.execute(stmt, {"p_kind": key})).scalar_one()  # an upsert always returns its row
        return value

    async def _fetch(
        self,
        session: AsyncSession,
        *where: ColumnElement[bool],
        order: Sequence[Any] = (),
        limit: int | None = None,
        details: bool = True,
    ) -> list[Ticket]:
        """Tickets matching ``where`` with their attachments and events, in three queries (one without ``details``).

        Core rows rather than ORM objects: this is every ticket read, and building ORM instances
        (identity map, instrumentation) cost more than the queries themselves.
        """
        stmt = select(_TICKETS).where(*where).order_by(*order)
        if limit is not None:
            stmt = stmt.limit(limit)
        conn = await session.connection()  # the session's transaction: sees what it flushed
        records = (await conn.execute(stmt)).all()
        if not records:
            return []
        if not details:
            return [_ticket(r, [], []) for r in records]
        ids = [r.id for r in records]
        attachments: dict[int, list[str]] = defaultdict(list)
        for a in await conn.execute(
            select(_ATTACHMENTS.c.ticket_id, _ATTACHMENTS.c.file_id)
            .where(_ATTACHMENTS.c.ticket_id.in_(ids))
            .order_by(_ATTACHMENTS.c.ticket_id, _ATTACHMENTS.c.position)
        ):
            attachments[a.ticket_id].append(a.file_id)
        events: dict[int, list[TicketEvent]] = defaultdict(list)
        for e in await conn.execute(
            select(_EVENTS.c.ticket_id, _EVENTS.c.at, _EVENTS.c.actor, _EVENTS.c.action, _EVENTS.c.detail)
            .where(_EVENTS.c.ticket_id.in_(ids))
            .order_by(_EVENTS.c.id)
        ):
            events[e.ticket_id].append(TicketEvent(at=e.at, actor=e.actor, action=e.action, detail=e.detail))
        return [_ticket(r, attachments[r.id], events[r.id]) for r in records]


def _similar_query(
    kind: TicketKind,
    category: str,
    since: datetime,
    unit_id: int | None,
    building: str | None,
    *,
    with_incidents: bool = False,
) -> tuple[Select[*tuple[Any, ...]] | CompoundSelect[*tuple[Any, ...]], dict[str, Any]] | None:
    """The prebuilt statement for similar open tickets and its parameters; None when there can be none."""
    params: dict[str, Any] = {"p_kind": kind.value, "p_category": category, "p_since": since}
    if unit_id is not None:
        params["p_unit_id"] = unit_id
        return (_SIMILAR_IN_UNIT_AND_INCIDENTS if with_incidents else _SIMILAR_IN_UNIT), params
    if building is not None:
        # Common-area reports: the place is free text, so the building is matched by the caller's
        # reading of it; here every open common-area report of the category is a candidate.
        return (_SIMILAR_COMMON_AREA_AND_INCIDENTS if with_incidents else _SIMILAR_COMMON_AREA), params
    return None


def _require_aware(**times: datetime | None) -> None:
    """Refuse naive datetimes here, with a clear message, rather than deep inside the driver."""
    for name, value in times.items():
        if value is not None and value.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware, got {value.isoformat()}")


def _canonical_number(number: str) -> str | None:
    """``r-123`` and `` R-000123 `` both name R-000123; None when ``number`` is no ticket number."""
    parsed = parse_number(number)
    return format_number(*parsed) if parsed else None


def _numbered(values: dict[str, Any], kind: TicketKind, seq: int) -> dict[str, Any]:
    return {**values, "seq": seq, "number": format_number(kind, seq)}


def _ticket_values(new: NewTicket) -> dict[str, Any]:
    """The new ticket's columns but its number (:func:`_numbered` adds it): :data:`_TICKET_PARAMS`."""
    return {
        "kind": new.kind.value,
        "category": new.category,
        "urgency": new.urgency.value,
        "status": TicketStatus.NEW.value,
        "resident_id": new.resident_id,
        "unit_id": new.unit_id,
        "place": new.place,
        "building": new.building,
        "description": new.description,
        "department": new.department,
        "channel": new.channel,
        "contact_phone": new.contact_phone,
        "created_at": new.created_at,
        "updated_at": new.created_at,
        "sla_due_at": new.sla_due_at,
        "response_due_at": new.response_due_at,
        "idempotency_key": new.idempotency_key,
    }


def _ticket(r: TicketRecord | Row[*tuple[Any, ...]], attachments: list[str], events: list[TicketEvent]) -> Ticket:
    """From a loaded record, or a row of the tickets table."""
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
        building=r.building,
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
        assignee=r.assignee,
        version=r.version,
        response_due_at=r.response_due_at,
        first_response_at=r.first_response_at,
        resolved_at=r.resolved_at,
        merged_into=r.merged_into,
        incident=r.incident,
        topic_id=r.topic_id,
        reopen_count=r.reopen_count,
        resolution_note=r.resolution_note,
    )


def _state(r: TicketRecord) -> TicketState:
    return TicketState(
        status=TicketStatus(r.status),
        department=r.department,
        assignee=r.assignee,
        first_response_at=r.first_response_at,
        resolved_at=r.resolved_at,
        merged_into=r.merged_into,
        incident=r.incident,
        reopen_count=r.reopen_count,
        resolution_note=r.resolution_note,
    )


def _incident(r: IncidentRecord | Row[*tuple[Any, ...]]) -> Incident:
    return Incident(r.number, r.title, r.department, r.status, r.created_at, r.resolved_at, r.building, r.category)
