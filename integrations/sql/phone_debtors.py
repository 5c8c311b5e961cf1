"""Residents in arrears whom the chat cannot remind: no Telegram, or a Telegram that refuses the bot.

They are reminded by phone (``bot/channels/phone/fee_reminders.py``) under the same rules as chat reminders;
residents who opted out of fee reminders are never listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import or_

from integrations.sql.database import Database
from integrations.sql.notices import Debtor, arrears_query
from integrations.sql.tables import (
    ResidentRecord,
)


@dataclass(frozen=True)
class PhoneDebtor:
    resident_id: int
    phone: str  # E.164
    language: str
    unit_id: int
    unit_label: str
    amount: Decimal
    currency: str
    due_date: date | None

    def as_debtor(self) -> Debtor:
        """The same debtor as the reminder records know it (no chat)."""
        return Debtor(
            self.resident_id, 0, self.language, self.unit_id, self.unit_label, self.amount, self.currency, self.due_date
        )


async def phone_debtors(db: Database) -> list[PhoneDebtor]:
    """Residents with arrears on a unit, with a phone, without a chat that reaches them, not opted out."""
    q = arrears_query(
        ResidentRecord.phone,
        ResidentRecord.phone != "",
        or_(ResidentRecord.telegram_user_id.is_(None), ResidentRecord.reachable.is_(False)),
    )
    async with db.session() as s:
        rows = await s.execute(q)
        return [
            PhoneDebtor(rid, phone, lang, uid, f"{b}-{u}" if b else u, amount, cur, due)
            for rid, phone, lang, uid, b, u, amount, cur, due in rows
        ]
