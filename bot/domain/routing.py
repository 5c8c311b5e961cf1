"""Which department owns a matter, who staffs it, and when it is due (the routing table)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.domain.tickets import TicketKind, Urgency


@dataclass(frozen=True)
class StaffMember:
    user_id: int
    name: str
    role: str = "agent"  # agent | supervisor | manager
    on_duty: bool = True


@dataclass(frozen=True)
class Department:
    key: str
    names: dict[str, str]  # language -> display name
    chat_id: int | None
    staff: tuple[StaffMember, ...] = ()

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.key


@dataclass(frozen=True)
class SlaHours:
    """Hours to resolution per urgency; None means no deadline."""

    normal: float | None = 72
    urgent: float | None = 24
    emergency: float | None = 4

    def for_urgency(self, urgency: Urgency) -> float | None:
        return {Urgency.NORMAL: self.normal, Urgency.URGENT: self.urgent, Urgency.EMERGENCY: self.emergency}[urgency]


@dataclass(frozen=True)
class RoutingTable:
    departments: dict[str, Department]
    routes: dict[TicketKind, dict[str, str]]  # kind -> category -> department key
    fallback: str
    managers_chat_id: int | None = None
    sla_default: SlaHours = field(default_factory=SlaHours)
    sla: dict[tuple[TicketKind, str], SlaHours] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.fallback not in self.departments:
            raise ValueError(f"fallback department {self.fallback!r} is not defined")
        for kind, table in self.routes.items():
            for category, dept in table.items():
                if dept not in self.departments:
                    raise ValueError(f"{kind}.{category} routes to undefined department {dept!r}")

    def route_to_department(self, kind: TicketKind, category: str) -> Department:
        """The department that owns a new matter; the service desk when nothing more specific is set."""
        key = self.routes.get(kind, {}).get(category) or self.fallback
        return self.departments[key]

    def sla_due(self, kind: TicketKind, category: str, urgency: Urgency, now: datetime) -> datetime | None:
        hours = self.sla.get((kind, category), self.sla_default).for_urgency(urgency)
        return None if hours is None else now + timedelta(hours=hours)

    def staff_member(self, user_id: int) -> tuple[Department, StaffMember] | None:
        for dept in self.departments.values():
            for member in dept.staff:
                if member.user_id == user_id:
                    return dept, member
        return None

    def department_by_chat(self, chat_id: int) -> Department | None:
        for dept in self.departments.values():
            if dept.chat_id == chat_id:
                return dept
        return None
