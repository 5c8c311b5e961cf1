"""The billing source protocol. The built-in one reads SQL tables filled by ``estatedesk billing import``."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from bot.domain.billing import BillStatement


@runtime_checkable
class BillingSource(Protocol):
    async def statement(self, unit_id: int, *, payments: int = 5) -> BillStatement | None:
        """The unit's statement with its last ``payments`` payments, or None if billing has no record."""
        ...
