"""The built-in billing source: unit accounts and payments in SQL, filled by ``estatedesk billing import``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, update

from bot.domain.billing import BillStatement, Payment
from integrations.registry.base import ImportReport
from integrations.sql.database import Database, chunked
from integrations.sql.tables import BillingAccountRecord, BillingPaymentRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AccountRow:
    """A unit's account as the billing file states it; amounts already parsed to two decimals."""

    unit_id: int
    currency: str
    fee_paid_until: str | None  # "YYYY-MM"
    amount_due: Decimal
    arrears: Decimal
    due_date: date | None
    water_balance: Decimal | None
    electricity_balance: Decimal | None


@dataclass(frozen=True)
class PaymentRow:
    """One payment; (unit_id, paid_on, item, reference) identifies it across re-imports."""

    unit_id: int
    paid_on: date
    item: str
    amount: Decimal
    reference: str = ""


_ACCOUNT_FIELDS = (
    "currency",
    "fee_paid_until",
    "amount_due",
    "arrears",
    "due_date",
    "water_balance",
    "electricity_balance",
)

PaymentKey = tuple[int, date, str, str]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class SqlBillingSource:
    """:class:`integrations.billing.base.BillingSource` on SQLite or PostgreSQL, plus the import's upserts."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = _utcnow) -> None:
        self._db = db
        self._clock = clock

    async def statement(self, unit_id: int, *, payments: int = 5) -> BillStatement | None:
        """The unit's account and its last ``payments`` payments (newest first); None without an account."""
        async with self._db.session() as session:
            account = await session.get(BillingAccountRecord, unit_id)
            if account is None:
                return None
            recent = (
                await session.scalars(
                    select(BillingPaymentRecord)
                    .where(BillingPaymentRecord.unit_id == unit_id)
                    .order_by(BillingPaymentRecord.paid_on.desc(), BillingPaymentRecord.id.desc())
                    .limit(max(payments, 0))
                )
            ).all()
        return BillStatement(
            unit_id=unit_id,
            currency=account.currency,
            fee_paid_until=account.fee_paid_until,
            amount_due=account.amount_due,
            arrears=account.arrears,
            due_date=account.due_date,
            water_balance=account.water_balance,
            electricity_balance=account.electricity_balance,
            payments=tuple(Payment(p.paid_on, p.item, p.amount, p.reference) for p in recent),
        )

    async def upsert_accounts(self, rows: list[AccountRow]) -> ImportReport:
        """Create or replace unit accounts in one transaction; a unit given twice ends with its last row."""
        report = ImportReport()
        if not rows:
            return report
        now = self._clock()
        async with self._db.begin() as session:
            current: dict[int, dict[str, Any]] = {}
            for chunk in chunked(sorted({r.unit_id for r in rows})):
                for a in await session.scalars(
                    select(BillingAccountRecord).where(BillingAccountRecord.unit_id.in_(chunk))
                ):
                    current[a.unit_id] = {f: getattr(a, f) for f in _ACCOUNT_FIELDS}
            new: dict[int, dict[str, Any]] = {}
            changed: dict[int, dict[str, Any]] = {}
            for row in rows:
                values = {f: getattr(row, f) for f in _ACCOUNT_FIELDS}
                before = current.get(row.unit_id)
                if before is None:
                    new[row.unit_id] = values
                    report.created += 1
                elif before != values:
                    (new if row.unit_id in new else changed)[row.unit_id] = values
                    report.updated += 1
                else:
                    report.unchanged += 1
                current[row.unit_id] = values
            if new:
                await session.execute(
                    insert(BillingAccountRecord),
                    [{"unit_id": u, **v, "updated_at": now} for u, v in new.items()],
                )
            if changed:
                await session.execute(
                    update(BillingAccountRecord),
                    [{"unit_id": u, **v, "updated_at": now} for u, v in changed.items()],
                )
        log.info("billing accounts: %d created, %d updated", report.created, report.updated)
        return report

    async def upsert_payments(self, rows: list[PaymentRow]) -> ImportReport:
        """Add payments not seen before; a known payment with a new amount is corrected, never doubled."""
        report = ImportReport()
        if not rows:
            return report
        async with self._db.begin() as session:
            current: dict[PaymentKey, tuple[int | None, Decimal]] = {}
            for chunk in chunked(sorted({r.unit_id for r in rows})):
                for p in await session.scalars(
                    select(BillingPaymentRecord).where(BillingPaymentRecord.unit_id.in_(chunk))
                ):
                    current[(p.unit_id, p.paid_on, p.item, p.reference)] = (p.id, p.amount)
            new: dict[PaymentKey, Decimal] = {}
            changed: dict[int, Decimal] = {}
            for row in rows:
                key = (row.unit_id, row.paid_on, row.item, row.reference)
                known = current.get(key)
                if known is None:
                    new[key] = row.amount
                    report.created += 1
                elif known[1] != row.amount:
                    payment_id = known[0]
                    if payment_id is None:
                        new[key] = row.amount
                    else:
                        changed[payment_id] = row.amount
                    report.updated += 1
                else:
                    report.unchanged += 1
                current[key] = (known[0] if known else None, row.amount)
            if new:
                await session.execute(
                    insert(BillingPaymentRecord),
                    [
                        {"unit_id": u, "paid_on": d, "item": i, "reference": ref, "amount": amount}
                        for (u, d, i, ref), amount in new.items()
                    ],
                )
            if changed:
                await session.execute(
                    update(BillingPaymentRecord),
                    [{"id": pid, "amount": amount} for pid, amount in changed.items()],
                )
        log.info("billing payments: %d created, %d updated", report.created, report.updated)
        return report
