"""The resident registry protocol and the row format its import takes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from bot.domain.residents import Language, Resident, Role, Unit


@dataclass(frozen=True)
class ResidentRow:
    """One line of a registry import, already validated (phone in E.164)."""

    building: str
    unit: str
    name: str
    phone: str
    role: Role
    language: Language
    estate: str = ""


@dataclass(frozen=True)
class RejectedRow:
    line: int  # 1-based line in the file, header is line 1
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return self.created + self.updated + self.unchanged


@runtime_checkable
class ResidentRegistry(Protocol):
    async def by_phone(self, e164: str) -> Resident | None: ...

    async def by_telegram(self, user_id: int) -> Resident | None: ...

    async def get(self, resident_id: int) -> Resident | None: ...

    async def link_telegram(self, resident_id: int, user_id: int) -> Resident:
        """Link a Telegram account to a resident (unlinking it from any other resident)."""
        ...

    async def set_language(self, resident_id: int, language: Language) -> None: ...

    async def upsert(self, rows: list[ResidentRow]) -> ImportReport:
        """Create or update residents, units and links. Re-running the same rows changes nothing.

        A resident is identified by phone; a unit by (estate, building, unit).
        """
        ...

    async def unit(self, unit_id: int) -> Unit | None: ...

    async def find_unit(self, building: str, unit: str) -> Unit | None: ...
