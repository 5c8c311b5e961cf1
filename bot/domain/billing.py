"""What a resident may learn about a unit's bills."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Payment:
    paid_on: date
    item: str  # "property_fee", "water", "electricity", ...
    amount: Decimal
    reference: str = ""


@dataclass(frozen=True)
class BillStatement:
    unit_id: int
    currency: str
    fee_paid_until: str | None  # "2026-09": the last month the property fee covers
    amount_due: Decimal
    arrears: Decimal
    due_date: date | None
    water_balance: Decimal | None
    electricity_balance: Decimal | None
    payments: tuple[Payment, ...] = field(default_factory=tuple)

    @property
    def in_arrears(self) -> bool:
        return self.arrears > 0
