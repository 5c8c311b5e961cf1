"""The estate's configuration file (TOML): estate facts, departments, routing and SLA hours.

Read once at start-up from ``ESTATEDESK_CONFIG``; without it the embedded ``config.example.toml``
(the demo estate) is used. Errors name the offending key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, time
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.domain.notices import ReminderRules
from bot.domain.routing import Department, RoutingTable, SlaHours, StaffMember
from bot.domain.surveys import SurveySettings
from bot.domain.tickets import CATEGORIES, TicketKind
from bot.errors import ConfigError
from bot.reports.figures import DigestSchedule


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EstateModel(_Model):
    # One name, or one per language: { en = "Harbour View Gardens", zh-Hant = "海景花園", zh-Hans = "海景花园" }.
    name: str | dict[Literal["en", "zh-Hant", "zh-Hans"], str] = "Estate"
    timezone: str = "Asia/Hong_Kong"
    phone_region: str = Field("HK", description="region for phone numbers written without +country code")
    emergency_phone: str
    service_desk_phone: str = ""
    staff_language: str = Field("zh-Hant", description="language of staff cards: zh-Hant, zh-Hans or en")


class StaffModel(_Model):
    user_id: int
    name: str
    role: Literal["agent", "supervisor", "manager"] = "agent"
    on_duty: bool = True


class DepartmentModel(_Model):
    name: dict[str, str]
    chat_id: int | None = None
    staff: list[StaffModel] = []
    dispatch: Literal["claim", "round_robin", "fixed"] = "claim"
    fixed: dict[str, int] = {}  # category -> staff user id, for dispatch = "fixed"
    forum: bool = False  # the group has topics enabled: one topic per ticket


class CalendarModel(_Model):
    working_days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
    ]
    opens: str = "09:00"
    closes: str = "18:00"
    holidays: list[date] = []


class DeskModel(_Model):
    name: dict[str, str] = {"en": "Service desk", "zh-Hant": "客服中心", "zh-Hans": "客服中心"}
    show_staff_names: bool = False
    reopen_days: int = Field(7, ge=0)
    duplicate_window_hours: float = Field(48, ge=0)
    remind_before: float = Field(0.25, gt=0, lt=1, description="fraction of the SLA window left at the reminder")
    escalate_every_hours: float = Field(24, gt=0)
    nudge_cooldown_hours: float = Field(4, ge=0)


class ManagerModel(_Model):
    user_id: int
    name: str


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


class SurveysModel(_Model):
    """``[surveys]``: follow-up surveys after a resolved ticket (see bot/domain/surveys.py)."""

    enabled: bool = True
    delay_hours: float = Field(24, ge=0)
    reminder_after_hours: float = Field(48, gt=0)
    phone_after_hours: float = Field(48, gt=0)
    low_score: int = Field(2, ge=0, le=5)
    on_low_score: Literal["reopen", "escalate"] = "reopen"
    comment_minutes: float = Field(30, gt=0)
    lookback_days: float = Field(14, gt=0)
    sweep_seconds: float = Field(60, gt=0)


class ReportsModel(_Model):
    """``[reports]``: the weekly digest of the desk's figures to the managers' chat (bot/reports)."""

    digest: bool = True
    digest_weekday: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = "mon"
    digest_time: str = "09:00"


class FeeRemindersModel(_Model):
    """``[fee_reminders]``: reminding residents with arrears (催繳), see bot/domain/notices.py ReminderRules."""

    enabled: bool = True
    days_after_due: list[int] = Field(default_factory=lambda: [3, 10, 20])
    max_reminders: int = Field(3, ge=0)
    quiet_start: str = "21:00"
    quiet_end: str = "09:00"
    how_to_pay: dict[str, str] = {}
    sweep_seconds: float = Field(600, gt=0)

    @field_validator("days_after_due")
    @classmethod
    def _non_negative(cls, v: list[int]) -> list[int]:
        if any(d < 0 for d in v):
            raise ValueError("days after the due date cannot be negative")
        return sorted(v)


class VoiceLanguageModel(_Model):
    say_language: str  # the provider's text-to-speech language tag
    voice: str = ""  # a provider voice name; empty: the provider's default for the language
    speech_language: str  # the provider's speech-recognition language tag


class PhoneModel(_Model):
    """``[phone]``: the hotline (bot/channels/phone). Secrets come from the environment (ESTATEDESK_TWILIO_...)."""

    enabled: bool = False
    provider: Literal["twilio"] = "twilio"
    numbers: list[str] = []  # the estate's hotline numbers (E.164), for the record and the README
    duty_phone: str = ""  # 24-hour duty line for emergencies; empty: estate.emergency_phone
    duty_phone_second: str = ""  # dialled when the duty line does not answer
    desk_phone: str = ""  # "press 0" in business hours; empty: estate.service_desk_phone
    dial_timeout_seconds: int = Field(20, ge=5, le=600)
    gather_timeout_seconds: int = Field(6, ge=1, le=60)
    recording: bool = True  # voicemail is recorded (and callers are told)
    voicemail_max_seconds: int = Field(120, ge=10, le=3600)
    sms: bool = False
    # Follow-up survey calls (回訪): how often an unanswered or busy call is tried, how long apart, and the
    # estate-local hours the desk may call in (never inside [fee_reminders] quiet hours either).
    followup_attempts: int = Field(3, ge=1, le=10)
    followup_retry_minutes: int = Field(120, ge=1, le=7 * 24 * 60)
    followup_hours: str = "09:00-20:00"
    # A speech result the provider is less sure of than this (its Confidence, 0..1) counts as not understood.
    speech_confidence: float = Field(0.4, ge=0, le=1)
    languages: dict[str, VoiceLanguageModel] = {}

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, v: dict[str, VoiceLanguageModel]) -> dict[str, VoiceLanguageModel]:
        unknown = set(v) - {"zh-Hant", "zh-Hans", "en"}
        if unknown:
            raise ValueError(f"unknown language(s) {sorted(unknown)}: use zh-Hant, zh-Hans, en")
        return v


class ConfigModel(_Model):
    estate: EstateModel
    managers_chat_id: int | None = None
    managers: list[ManagerModel] = []
    calendar: CalendarModel = CalendarModel()
    desk: DeskModel = DeskModel()
    departments: dict[str, DepartmentModel]
    routing: RoutingModel = RoutingModel()
    sla: dict[str, Any] = {}
    reports: ReportsModel = ReportsModel()
    surveys: SurveysModel = SurveysModel()
    fee_reminders: FeeRemindersModel = FeeRemindersModel()
    phone: PhoneModel = PhoneModel()

    @field_validator("departments")
    @classmethod
    def _need_departments(cls, v: dict[str, DepartmentModel]) -> dict[str, DepartmentModel]:
        if not v:
            raise ValueError("at least one department is needed")
        return v


@dataclass(frozen=True)
class Calendar:
    """The estate's working time: SLA clocks run only in it (emergencies excepted)."""

    timezone: str
    working_days: frozenset[int]  # 0 = Monday
    opens: time
    closes: time
    holidays: frozenset[date]


@dataclass(frozen=True)
class DeskSettings:
    names: dict[str, str]
    show_staff_names: bool
    reopen_days: int
    duplicate_window_hours: float
    remind_before: float
    escalate_every_hours: float
    nudge_cooldown_hours: float
    dispatch: dict[str, str]  # department -> claim | round_robin | fixed
    fixed: dict[str, dict[str, int]]  # department -> category -> user id
    forums: frozenset[str]  # departments whose group is a forum
    managers: tuple[StaffMember, ...]
    response_hours: SlaHours  # time to first response per urgency

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or "Service desk"


@dataclass(frozen=True)
class VoiceLanguage:
    say_language: str
    voice: str
    speech_language: str


# Cantonese, Mandarin and English as Twilio names them: <Say language> and <Gather language>.
DEFAULT_VOICES: dict[str, VoiceLanguage] = {
    "zh-Hant": VoiceLanguage("zh-HK", "", "yue-Hant-HK"),
    "zh-Hans": VoiceLanguage("zh-CN", "", "cmn-Hans-CN"),
    "en": VoiceLanguage("en-GB", "", "en-GB"),
}


@dataclass(frozen=True)
class PhoneSettings:
    enabled: bool = False
    provider: str = "twilio"
    numbers: tuple[str, ...] = ()
    duty_phone: str = ""
    duty_phone_second: str = ""
    desk_phone: str = ""
    dial_timeout_seconds: int = 20
    gather_timeout_seconds: int = 6
    recording: bool = True
    voicemail_max_seconds: int = 120
    sms: bool = False
    followup_attempts: int = 3
    followup_retry_minutes: int = 120
    followup_hours: tuple[time, time] = (time(9, 0), time(20, 0))
    speech_confidence: float = 0.4
    voices: dict[str, VoiceLanguage] = field(default_factory=lambda: dict(DEFAULT_VOICES))


@dataclass(frozen=True)
class EstateConfig:
    name: str
    timezone: str
    phone_region: str
    emergency_phone: str
    service_desk_phone: str
    routing: RoutingTable
    calendar: Calendar
    desk: DeskSettings
    staff_language: str = "zh-Hant"
    reports: DigestSchedule = field(default_factory=DigestSchedule)
    surveys: SurveySettings = field(default_factory=SurveySettings)
    fee_reminders: ReminderRules = field(default_factory=ReminderRules)
    names: dict[str, str] = field(default_factory=dict)  # the estate's name per language, when it has several
    phone: PhoneSettings = field(default_factory=PhoneSettings)

    def name_in(self, lang: str) -> str:
        """The estate's name as residents of ``lang`` know it; its one (or English) name otherwise."""
        return self.names.get(lang) or self.name


def _hours(key: str, raw: str) -> tuple[time, time]:
    """``"09:00-20:00"``: a span of estate-local hours (it may run past midnight, ``"22:00-06:00"``)."""
    start, sep, end = raw.partition("-")
    try:
        if not sep:
            raise ValueError("write it as 09:00-20:00")
        span = time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
    except ValueError as exc:
        raise ConfigError(f"{key}: {raw!r}: {exc}") from None
    if span[0] == span[1]:
        raise ConfigError(f"{key}: {raw!r}: the hours are empty")
    return span


def _phone(m: PhoneModel, estate: EstateModel) -> PhoneSettings:
    from bot.domain.residents import InvalidPhone, normalise_phone

    def number(key: str, raw: str) -> str:
        try:
            return normalise_phone(raw, estate.phone_region) if raw else ""
        except InvalidPhone:
            raise ConfigError(f"phone.{key}: {raw!r} is not a phone number") from None

    voices = dict(DEFAULT_VOICES)
    for code, v in m.languages.items():
        voices[code] = VoiceLanguage(v.say_language, v.voice, v.speech_language)
    return PhoneSettings(
        enabled=m.enabled,
        provider=m.provider,
        numbers=tuple(number("numbers", n) for n in m.numbers),
        duty_phone=number("duty_phone", m.duty_phone or estate.emergency_phone),
        duty_phone_second=number("duty_phone_second", m.duty_phone_second),
        desk_phone=number("desk_phone", m.desk_phone or estate.service_desk_phone),
        dial_timeout_seconds=m.dial_timeout_seconds,
        gather_timeout_seconds=m.gather_timeout_seconds,
        recording=m.recording,
        voicemail_max_seconds=m.voicemail_max_seconds,
        sms=m.sms,
        followup_attempts=m.followup_attempts,
        followup_retry_minutes=m.followup_retry_minutes,
        followup_hours=_hours("phone.followup_hours", m.followup_hours),
        speech_confidence=m.speech_confidence,
        voices=voices,
    )


def _sla_table(raw: dict[str, Any]) -> tuple[SlaHours, dict[tuple[TicketKind, str], SlaHours]]:
    default = SlaHours(**SlaModel(**raw.get("default", {})).model_dump())
    table: dict[tuple[TicketKind, str], SlaHours] = {}
    for kind_key, per_category in raw.items():
        if kind_key in ("default", "response"):
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
            staff=tuple(StaffMember(s.user_id, s.name, s.role, s.on_duty) for s in d.staff),
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
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    c = model.calendar
    try:
        calendar = Calendar(
            e.timezone,
            frozenset(days.index(d) for d in c.working_days),
            time.fromisoformat(c.opens),
            time.fromisoformat(c.closes),
            frozenset(c.holidays),
        )
    except ValueError as exc:
        raise ConfigError(f"calendar: {exc}") from None
    if calendar.opens >= calendar.closes:
        raise ConfigError("calendar: opens must be before closes")
    for key, d in model.departments.items():
        for category in d.fixed:
            if category not in CATEGORIES[TicketKind.REPAIR] + CATEGORIES[TicketKind.COMPLAINT]:
                raise ConfigError(f"departments.{key}.fixed.{category}: unknown category")
    response = SlaModel(**model.sla.get("response", {"normal": 4, "urgent": 1, "emergency": 0.25}))
    desk = DeskSettings(
        names=dict(model.desk.name),
        show_staff_names=model.desk.show_staff_names,
        reopen_days=model.desk.reopen_days,
        duplicate_window_hours=model.desk.duplicate_window_hours,
        remind_before=model.desk.remind_before,
        escalate_every_hours=model.desk.escalate_every_hours,
        nudge_cooldown_hours=model.desk.nudge_cooldown_hours,
        dispatch={k: d.dispatch for k, d in model.departments.items()},
        fixed={k: dict(d.fixed) for k, d in model.departments.items()},
        forums=frozenset(k for k, d in model.departments.items() if d.forum),
        managers=tuple(StaffMember(m.user_id, m.name, "manager") for m in model.managers),
        response_hours=SlaHours(**response.model_dump()),
    )
    try:
        digest = DigestSchedule(
            model.reports.digest, model.reports.digest_weekday, time.fromisoformat(model.reports.digest_time)
        )
    except ValueError as exc:
        raise ConfigError(f"reports.digest_time: {exc}") from None
    given = e.name if isinstance(e.name, dict) else {}
    names: dict[str, str] = {str(lang): text.strip() for lang, text in given.items() if text.strip()}
    if isinstance(e.name, dict) and not names:
        raise ConfigError("estate.name: give the name in at least one language")
    name = (names.get("en") or next(iter(names.values()))) if names else str(e.name)
    return EstateConfig(
        name,
        e.timezone,
        e.phone_region,
        e.emergency_phone,
        e.service_desk_phone,
        routing,
        calendar,
        desk,
        e.staff_language,
        reports=digest,
        surveys=SurveySettings(**model.surveys.model_dump()),
        fee_reminders=_fee_reminders(model.fee_reminders),
        names=names,
        phone=_phone(model.phone, e),
    )


def _fee_reminders(m: FeeRemindersModel) -> ReminderRules:
    try:
        quiet = time.fromisoformat(m.quiet_start), time.fromisoformat(m.quiet_end)
    except ValueError as exc:
        raise ConfigError(f"fee_reminders: quiet hours: {exc}") from None
    return ReminderRules(
        tuple(m.days_after_due), m.max_reminders, quiet[0], quiet[1], m.enabled, dict(m.how_to_pay), m.sweep_seconds
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
