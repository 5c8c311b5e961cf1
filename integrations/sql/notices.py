"""Notices and their per-recipient delivery state in SQL; fee reminder records and opt-outs.

Recipients are claimed in batches under a lease: PostgreSQL locks the rows it hands out with
``FOR UPDATE SKIP LOCKED``; SQLite has one writer at a time (``BEGIN IMMEDIATE``), which makes the
select-then-update of a claim atomic there too. Every later write checks the claim token, so a worker
whose lease ran out cannot overwrite what another worker did with the row since.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.notices import Audience, AudienceKind, Delivery, DeliveryState, Notice, NoticeStatus, Progress
from bot.domain.residents import Role
from integrations.sql.database import Database, chunked
from integrations.sql.registry import canonical_estate, canonical_unit_part
from integrations.sql.tables import (
    BillingAccountRecord,
    FeeReminderRecord,
    NoticeDeliveryRecord,
    NoticeRecord,
    ReminderOptOutRecord,
    ResidentRecord,
    ResidentUnitRecord,
    UnitRecord,
)

D = NoticeDeliveryRecord


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Recipient:
    resident_id: int
    chat_id: int
    language: str


@dataclass(frozen=True)
class Outcome:
    """What one send came to, waiting to be written."""

    delivery: Delivery
    state: DeliveryState
    message_id: int | None = None
    error: str = ""


@dataclass(frozen=True)
class Debtor:
    """A resident linked to Telegram with arrears on one of their units."""

    resident_id: int
    chat_id: int
    language: str
    unit_id: int
    unit_label: str
    amount: Decimal
    currency: str
    due_date: date | None


class SqlNoticeStore:
    def __init__(self, db: Database, *, clock: Callable[[], datetime] = _utcnow) -> None:
        self.db = db
        self.clock = clock

    # -- notices -------------------------------------------------------------------------------------------
    async def create(
        self,
        text: str,
        audience: Audience,
        *,
        emergency: bool = False,
        created_by: int = 0,
        scheduled_at: datetime | None = None,
        photo: str | None = None,
        document: str | None = None,
        chat_id: int | None = None,
    ) -> Notice:
        """A draft: nothing is sent and no recipient is fixed until :meth:`confirm`."""
        async with self.db.begin() as s:
            record = NoticeRecord(
                body=text,
                audience=str(audience),
                emergency=emergency,
                status=NoticeStatus.DRAFT.value,
                created_at=self.clock(),
                created_by=created_by,
                scheduled_at=scheduled_at,
                photo=photo,
                document=document,
                chat_id=chat_id,
                total=0,
            )
            s.add(record)
            await s.flush()
            return _notice(record)

    async def get(self, notice_id: int) -> Notice | None:
        async with self.db.session() as s:
            record = await s.get(NoticeRecord, notice_id)
            return _notice(record) if record is not None else None

    async def set_message(self, notice_id: int, chat_id: int, message_id: int) -> None:
        async with self.db.begin() as s:
            await s.execute(
                update(NoticeRecord).where(NoticeRecord.id == notice_id).values(chat_id=chat_id, message_id=message_id)
            )

    async def confirm(self, notice_id: int) -> tuple[Notice, bool]:
        """Fix the recipients (the audience as it is now) and schedule the notice.

        Returns the notice and whether this call confirmed it (False: confirmed or cancelled before)."""
        async with self.db.begin() as s:
            record = await s.get(NoticeRecord, notice_id)
            if record is None:
                raise KeyError(notice_id)
            if record.status != NoticeStatus.DRAFT.value:
                return _notice(record), False
            recipients = await self._recipients(s, Audience.parse(record.audience))
            for part in chunked(recipients, 1000):
                await s.execute(
                    insert(D),
                    [
                        {
                            "notice_id": notice_id,
                            "resident_id": r.resident_id,
                            "chat_id": r.chat_id,
                            "language": r.language,
                            "state": DeliveryState.PENDING.value,
                            "attempts": 0,
                        }
                        for r in part
                    ],
                )
            record.status = NoticeStatus.SCHEDULED.value
            record.total = len(recipients)
            if record.scheduled_at is None:
                record.scheduled_at = self.clock()
            await s.flush()
            return _notice(record), True

    async def cancel(self, notice_id: int) -> bool:
        """Cancel a draft or a notice not yet started."""
        async with self.db.begin() as s:
            result = await s.execute(
                update(NoticeRecord)
                .where(
                    NoticeRecord.id == notice_id,
                    NoticeRecord.status.in_([NoticeStatus.DRAFT.value, NoticeStatus.SCHEDULED.value]),
                )
                .values(status=NoticeStatus.CANCELLED.value)
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    async def due(self, now: datetime) -> list[int]:
        """Notices that should be sending now: scheduled ones whose time has come, and unfinished ones."""
        async with self.db.session() as s:
            rows = await s.execute(
                select(NoticeRecord.id)
                .where(
                    or_(
                        and_(NoticeRecord.status == NoticeStatus.SCHEDULED.value, NoticeRecord.scheduled_at <= now),
                        NoticeRecord.status == NoticeStatus.SENDING.value,
                    )
                )
                .order_by(NoticeRecord.emergency.desc(), NoticeRecord.id)
            )
            return [r for (r,) in rows]

    async def start(self, notice_id: int) -> None:
        async with self.db.begin() as s:
            await s.execute(
                update(NoticeRecord)
                .where(NoticeRecord.id == notice_id, NoticeRecord.status == NoticeStatus.SCHEDULED.value)
                .values(status=NoticeStatus.SENDING.value)
            )

    async def finish(self, notice_id: int) -> bool:
        """Mark the notice done when no recipient is open; True when this call did it (report it once)."""
        async with self.db.begin() as s:
            open_rows = exists().where(
                D.notice_id == notice_id, D.state.in_([DeliveryState.PENDING.value, DeliveryState.SENDING.value])
            )
            result = await s.execute(
                update(NoticeRecord)
                .where(
                    NoticeRecord.id == notice_id,
                    NoticeRecord.status == NoticeStatus.SENDING.value,
                    ~open_rows,
                )
                .values(status=NoticeStatus.DONE.value, finished_at=self.clock())
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    async def recent(self, buildings: Sequence[str], *, limit: int = 5) -> list[Notice]:
        """Notices sent lately to everyone, or to one of these buildings (residents' ``/notices``)."""
        async with self.db.session() as s:
            rows = (
                await s.scalars(
                    select(NoticeRecord)
                    .where(NoticeRecord.status.in_([NoticeStatus.SENDING.value, NoticeStatus.DONE.value]))
                    .order_by(NoticeRecord.scheduled_at.desc(), NoticeRecord.id.desc())
                    .limit(200)
                )
            ).all()
        wanted = {canonical_unit_part(b) for b in buildings}
        out = []
        for r in rows:
            audience = Audience.parse(r.audience)
            if audience.kind in (AudienceKind.EVERYONE, AudienceKind.ESTATE) or (
                audience.kind is AudienceKind.BUILDING and wanted & {canonical_unit_part(v) for v in audience.values}
            ):
                out.append(_notice(r))
            if len(out) >= limit:
                break
        return out

    # -- audiences -----------------------------------------------------------------------------------------
    async def count(self, audience: Audience) -> int:
        async with self.db.session() as s:
            return len(await self._recipients(s, audience))

    async def _recipients(self, s: AsyncSession, audience: Audience) -> list[Recipient]:
        q = (
            select(ResidentRecord.id, ResidentRecord.telegram_user_id, ResidentRecord.language)
            .where(ResidentRecord.telegram_user_id.is_not(None), ResidentRecord.reachable.is_(True))
            .order_by(ResidentRecord.id)
        )
        link = None
        kind = audience.kind
        if kind is AudienceKind.OWNERS or kind is AudienceKind.TENANTS:
            role = Role.OWNER if kind is AudienceKind.OWNERS else Role.TENANT
            link = ResidentUnitRecord.role == role.value
        elif kind is AudienceKind.BUILDING:
            buildings = [canonical_unit_part(v) for v in audience.values]
            link = ResidentUnitRecord.unit_id.in_(select(UnitRecord.id).where(UnitRecord.building.in_(buildings)))
        elif kind is AudienceKind.ESTATE:
            estates = [canonical_estate(v) for v in audience.values]
            link = ResidentUnitRecord.unit_id.in_(select(UnitRecord.id).where(UnitRecord.estate.in_(estates)))
        elif kind is AudienceKind.UNIT:
            pairs = [(canonical_unit_part(b), canonical_unit_part(u)) for b, u in audience.units()]
            conds: list[ColumnElement[bool]] = [and_(UnitRecord.building == b, UnitRecord.unit == u) for b, u in pairs]
            link = ResidentUnitRecord.unit_id.in_(select(UnitRecord.id).where(or_(*conds)))
        elif kind is AudienceKind.ARREARS:
            link = ResidentUnitRecord.unit_id.in_(
                select(BillingAccountRecord.unit_id).where(BillingAccountRecord.arrears > 0)
            )
        if link is not None:
            q = q.where(exists().where(ResidentUnitRecord.resident_id == ResidentRecord.id, link))
        rows = await s.execute(q)
        return [Recipient(rid, int(chat or 0), lang) for rid, chat, lang in rows]  # the query left out None

    # -- delivery ------------------------------------------------------------------------------------------
    async def claim(self, notice_id: int, *, limit: int, lease: timedelta) -> list[Delivery]:
        """Hand up to ``limit`` pending recipients to this caller, leased for ``lease``."""
        now = self.clock()
        token = secrets.token_hex(8)
        async with self.db.begin() as s:
            q = (
                select(D.id, D.resident_id, D.chat_id, D.language)
                .where(
                    D.notice_id == notice_id,
                    D.state == DeliveryState.PENDING.value,
                    or_(D.lease_until.is_(None), D.lease_until < now),
                )
                .order_by(D.id)
                .limit(limit)
            )
            if not self.db.is_sqlite:
                q = q.with_for_update(skip_locked=True)
            rows = (await s.execute(q)).all()
            if not rows:
                return []
            await s.execute(
                update(D).where(D.id.in_([r.id for r in rows])).values(claim_token=token, lease_until=now + lease)
            )
        return [Delivery(r.id, notice_id, r.resident_id, int(r.chat_id), r.language, token) for r in rows]

    async def unclaim(self, deliveries: Sequence[Delivery]) -> None:
        """Give back claimed recipients not yet marked ``sending`` (a batch fetched ahead and not needed)."""
        if not deliveries:
            return
        async with self.db.begin() as s:
            await s.execute(
                update(D)
                .where(
                    D.id.in_([d.id for d in deliveries]),
                    D.claim_token == deliveries[0].token,
                    D.state == DeliveryState.PENDING.value,
                )
                .values(claim_token=None, lease_until=None)
            )

    async def mark_sending(self, delivery: Delivery, *, lease: timedelta) -> bool:
        """Durably note that the message is about to go; False when the claim was lost (do not send)."""
        async with self.db.begin() as s:
            result = await s.execute(
                update(D)
                .where(
                    D.id == delivery.id,
                    D.claim_token == delivery.token,
                    D.state == DeliveryState.PENDING.value,
                )
                .values(
                    state=DeliveryState.SENDING.value,
                    attempts=D.attempts + 1,
                    lease_until=self.clock() + lease,
                )
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    async def settle(
        self,
        delivery: Delivery,
        state: DeliveryState,
        *,
        message_id: int | None = None,
        error: str = "",
    ) -> None:
        """Record the outcome of one send. ``PENDING`` gives the recipient back (a 429: Telegram sent nothing)."""
        await self.settle_many([Outcome(delivery, state, message_id, error)])

    async def settle_many(self, outcomes: Sequence[Outcome]) -> None:
        """Record many outcomes in one transaction: the sender batches them, one commit per ~100 ms."""
        if not outcomes:
            return
        now = self.clock()
        async with self.db.begin() as s:
            for o in outcomes:
                values: dict[str, object] = {"state": o.state.value, "error": o.error[:200]}
                if o.state is DeliveryState.SENT:
                    values.update(message_id=o.message_id, sent_at=now)
                if o.state is DeliveryState.PENDING:
                    values.update(claim_token=None, lease_until=None)
                await s.execute(
                    update(D).where(D.id == o.delivery.id, D.claim_token == o.delivery.token).values(**values)
                )
            blocked = [o.delivery.resident_id for o in outcomes if o.state is DeliveryState.UNREACHABLE]
            if blocked:
                await s.execute(
                    update(ResidentRecord).where(ResidentRecord.id.in_(blocked)).values(reachable=False, updated_at=now)
                )

    async def recover(self, notice_id: int) -> int:
        """Rows left ``sending`` by a worker that died (lease over) become ``unknown``: never sent twice."""
        async with self.db.begin() as s:
            result = await s.execute(
                update(D)
                .where(
                    D.notice_id == notice_id,
                    D.state == DeliveryState.SENDING.value,
                    D.lease_until < self.clock(),
                )
                .values(state=DeliveryState.UNKNOWN.value, error="worker stopped during the send")
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    async def progress(self, notice_id: int) -> Progress:
        async with self.db.session() as s:
            rows = await s.execute(select(D.state, func.count()).where(D.notice_id == notice_id).group_by(D.state))
            counts = {state: int(n) for state, n in rows}
        return Progress(sum(counts.values()), counts)

    async def deliveries(self, notice_id: int) -> dict[int, str]:
        """resident id → delivery state (tests, the report)."""
        async with self.db.session() as s:
            rows = await s.execute(select(D.resident_id, D.state).where(D.notice_id == notice_id))
            return {rid: state for rid, state in rows}

    # -- fee reminders ---------------------------------------------------------------------------------------
    async def debtors(self, *, resident_id: int | None = None, unit_id: int | None = None) -> list[Debtor]:
        """Residents linked to Telegram and reachable, with arrears on a unit, not opted out."""
        q = arrears_query(
            ResidentRecord.telegram_user_id,
            ResidentRecord.telegram_user_id.is_not(None),
            ResidentRecord.reachable.is_(True),
        )
        if resident_id is not None:
            q = q.where(ResidentRecord.id == resident_id)
        if unit_id is not None:
            q = q.where(UnitRecord.id == unit_id)
        async with self.db.session() as s:
            rows = await s.execute(q)
            return [
                Debtor(rid, int(chat or 0), lang, uid, f"{b}-{u}" if b else u, amount, cur, due)
                for rid, chat, lang, uid, b, u, amount, cur, due in rows
            ]

    async def reminders_sent(self, resident_id: int, unit_id: int, due_date: date | None) -> int:
        """Scheduled reminders already sent (or being sent) for this due date."""
        async with self.db.session() as s:
            n = await s.scalar(
                select(func.count()).where(
                    FeeReminderRecord.resident_id == resident_id,
                    FeeReminderRecord.unit_id == unit_id,
                    FeeReminderRecord.due_date == due_date if due_date else FeeReminderRecord.due_date.is_(None),
                    FeeReminderRecord.seq.is_not(None),
                )
            )
            return int(n or 0)

    async def record_reminder(self, debtor: Debtor, *, seq: int | None, actor: str) -> int | None:
        """Write the reminder before it is sent; None when another worker already wrote this one."""
        try:
            async with self.db.begin() as s:
                record = FeeReminderRecord(
                    resident_id=debtor.resident_id,
                    unit_id=debtor.unit_id,
                    due_date=debtor.due_date,
                    seq=seq,
                    amount=debtor.amount,
                    currency=debtor.currency,
                    actor=actor,
                    state=DeliveryState.SENDING.value,
                    sent_at=self.clock(),
                )
                s.add(record)
                await s.flush()
                return int(record.id)
        except IntegrityError:
            return None

    async def settle_reminder(self, reminder_id: int, state: DeliveryState, message_id: int | None = None) -> None:
        async with self.db.begin() as s:
            await s.execute(
                update(FeeReminderRecord)
                .where(FeeReminderRecord.id == reminder_id)
                .values(state=state.value, message_id=message_id)
            )
            if state is DeliveryState.UNREACHABLE:
                rid = await s.scalar(select(FeeReminderRecord.resident_id).where(FeeReminderRecord.id == reminder_id))
                await s.execute(update(ResidentRecord).where(ResidentRecord.id == rid).values(reachable=False))

    async def reminders(self, resident_id: int) -> list[tuple[int | None, str, datetime]]:
        """(seq, state, sent_at) of a resident's reminders, oldest first."""
        async with self.db.session() as s:
            rows = await s.execute(
                select(FeeReminderRecord.seq, FeeReminderRecord.state, FeeReminderRecord.sent_at)
                .where(FeeReminderRecord.resident_id == resident_id)
                .order_by(FeeReminderRecord.id)
            )
            return [(seq, state, at) for seq, state, at in rows]

    async def opt_out(self, resident_id: int) -> None:
        try:
            async with self.db.begin() as s:
                s.add(ReminderOptOutRecord(resident_id=resident_id, at=self.clock()))
        except IntegrityError:
            pass  # opted out before: nothing to change

    async def opted_out(self, resident_id: int) -> bool:
        async with self.db.session() as s:
            return await s.get(ReminderOptOutRecord, resident_id) is not None


def _notice(r: NoticeRecord) -> Notice:
    return Notice(
        id=r.id,
        text=r.body,
        audience=Audience.parse(r.audience),
        emergency=r.emergency,
        status=NoticeStatus(r.status),
        created_at=r.created_at,
        created_by=r.created_by,
        scheduled_at=r.scheduled_at,
        photo=r.photo,
        document=r.document,
        chat_id=r.chat_id,
        message_id=r.message_id,
        finished_at=r.finished_at,
    )


def arrears_query(contact: Any, *where: Any) -> Select[Any]:
    """Residents with arrears on a unit who have not opted out of reminders, one row per (resident, unit):
    resident id, ``contact`` (their chat, their phone...), language, unit id, building, unit, arrears, currency,
    due date; ``where`` narrows it to those the channel can reach. Fee reminders by chat and by phone share it."""
    return (
        select(
            ResidentRecord.id,
            contact,
            ResidentRecord.language,
            UnitRecord.id,
            UnitRecord.building,
            UnitRecord.unit,
            BillingAccountRecord.arrears,
            BillingAccountRecord.currency,
            BillingAccountRecord.due_date,
        )
        .join(ResidentUnitRecord, ResidentUnitRecord.resident_id == ResidentRecord.id)
        .join(UnitRecord, UnitRecord.id == ResidentUnitRecord.unit_id)
        .join(BillingAccountRecord, BillingAccountRecord.unit_id == UnitRecord.id)
        .where(
            BillingAccountRecord.arrears > 0,
            ~exists().where(ReminderOptOutRecord.resident_id == ResidentRecord.id),
            *where,
        )
        .order_by(ResidentRecord.id, UnitRecord.id)
    )
