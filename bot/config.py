"""The estate's configuration file (TOML): estate facts, departments, routing and SLA hours.

Read once at start-up from ``ESTATEDESK_CONFIG``; without it the embedded ``config.example.toml``
(the demo estate) is used. Errors name the offending key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.domain.routing import Department, RoutingTable, SlaHours, StaffMember
from bot.domain.tickets import CATEGORIES, TicketKind
from bot.errors import ConfigError


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EstateModel(_Model):
    name: str = "Estate"
    timezone: str = "Asia/Hong_Kong"
    phone_region: str = Field("HK", description="region for phone numbers written without +country code")
    emergency_phone: str
    service_desk_phone: str = ""
    staff_language: str = Field("zh-Hant", description="language of staff cards: zh-Hant, zh-Hans or en")


class StaffModel(_Model):
    user_id: int
    name: str
    role: str = "agent"


class DepartmentModel(_Model):
    name: dict[str, str]
    chat_id: int | None = None
    staff: list[StaffModel] = []


class SlaModel(_Model):
    normal: float | None = 72
    urgent: float | None = 24
    emergency: float | None = 4


class RoutingModel(_Model):
    fallback: str = "service_desk"
    repair: dict[str, str] = {}
    complaint: dict[str, str] = {}
    enquiry: dict[str, str] = {}
    verification: dict[str, str] = {}


class ConfigModel(_Model):
    estate: EstateModel
    managers_chat_id: int | None = None
    departments: dict[str, DepartmentModel]
    routing: RoutingModel = RoutingModel()
    sla: dict[str, Any] = {}

    @field_validator("departments")
    @classmethod
    def _need_departments(cls, v: dict[str, DepartmentModel]) -> dict[str, DepartmentModel]:
        if not v:
            raise ValueError("at least one department is needed")
        return v


@dataclass(frozen=True)
class EstateConfig:
    name: str
    timezone: str
    phone_region: str
    emergency_phone: str
    service_desk_phone: str
    routing: RoutingTable
    staff_language: str = "zh-Hant"


def _sla_table(raw: dict[str, Any]) -> tuple[SlaHours, dict[tuple[TicketKind, str], SlaHours]]:
    default = SlaHours(**SlaModel(**raw.get("default", {})).model_dump())
    table: dict[tuple[TicketKind, str], SlaHours] = {}
    for kind_key, per_category in raw.items():
        if kind_key == "default":
            continue
        try:
            kind = TicketKind(kind_key)
        except ValueError:
            raise ConfigError(f"sla.{kind_key}: unknown ticket kind") from None
        for category, hours in per_category.items():
            if category not in CATEGORIES[kind]:
                raise ConfigError(f"sla.{kind_key}.{category}: unknown category")
            table[(kind, category)] = SlaHours(**SlaModel(**hours).model_dump())
    return default, table


def parse_config(data: dict[str, Any]) -> EstateConfig:
    try:
        model = ConfigModel(**data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"configuration: {where}: {first['msg']}") from None
    departments = {
        key: Department(
            key=key,
            names=dict(d.name),
            chat_id=d.chat_id,
            staff=tuple(StaffMember(s.user_id, s.name, s.role) for s in d.staff),
        )
        for key, d in model.departments.items()
    }
    routes: dict[TicketKind, dict[str, str]] = {}
    for kind in TicketKind:
        table: dict[str, str] = getattr(model.routing, kind.value)
        for category in table:
            if category not in CATEGORIES[kind]:
                raise ConfigError(f"routing.{kind.value}.{category}: unknown category")
        routes[kind] = dict(table)
    default_sla, sla = _sla_table(model.sla)
    try:
        routing = RoutingTable(
            departments=departments,
            routes=routes,
            fallback=model.routing.fallback,
            managers_chat_id=model.managers_chat_id,
            sla_default=default_sla,
            sla=sla,
        )
    except ValueError as exc:
        raise ConfigError(f"routing: {exc}") from None
    e = model.estate
    return EstateConfig(
        e.name, e.timezone, e.phone_region, e.emergency_phone, e.service_desk_phone, routing, e.staff_language
    )


def embedded_config_text() -> str:
    return resources.files("bot").joinpath("config.example.toml").read_text(encoding="utf-8")


def load_config(path: str | Path | None) -> EstateConfig:
    """Load the estate configuration from ``path``, or the embedded demo estate when ``path`` is empty."""
    if path:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"configuration file not found: {p}")
        text = p.read_text(encoding="utf-8")
    else:
        text = embedded_config_text()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"configuration is not valid TOML: {exc}") from None
    return parse_config(data)
