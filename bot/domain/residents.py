"""Residents, the units they are linked to, and phone numbers in E.164."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import phonenumbers


class Role(StrEnum):
    OWNER = "owner"
    TENANT = "tenant"


class Language(StrEnum):
    """The resident's language: Traditional Chinese, Simplified Chinese or English."""

    ZH_HANT = "zh-Hant"
    ZH_HANS = "zh-Hans"
    EN = "en"

    @classmethod
    def from_code(cls, code: str | None, default: Language | None = None) -> Language:
        """Map a registry value or Telegram's ``language_code`` (zh-hk, zh-TW, zh-cn, en-GB...)."""
        fallback = default or cls.EN
        if not code:
            return fallback
        c = code.strip().replace("_", "-").lower()
        if c in ("zh-hant", "zh-tw", "zh-hk", "zh-mo", "yue", "zh-yue", "hant", "tc", "繁體", "繁"):
            return cls.ZH_HANT
        if c in ("zh-hans", "zh-cn", "zh-sg", "zh", "hans", "sc", "简体", "简"):
            return cls.ZH_HANS
        if c.startswith("zh"):
            return cls.ZH_HANS
        if c.startswith("en"):
            return cls.EN
        return fallback


@dataclass(frozen=True)
class Unit:
    id: int
    building: str
    unit: str
    estate: str = ""

    @property
    def label(self) -> str:
        """How the desk writes a unit: building and unit, e.g. ``3-502``."""
        return f"{self.building}-{self.unit}" if self.building else self.unit


_ROOM_WORDS = re.compile(r"^(?:FLAT|UNIT|RM|ROOM|APT)\.?|室$|号房$|號房$|房$")
_ENTRANCE = re.compile(r"^(\d{1,2})(?:单元|單元)")


def unit_key(unit: str) -> str:
    """How a unit is compared, whatever its notation: "3单元501室", "3-501" -> "3-501"; "#05-02" -> "05-02"."""
    s = unicodedata.normalize("NFKC", unit).strip().upper().replace(" ", "").lstrip("#")
    s = _ROOM_WORDS.sub("", _ROOM_WORDS.sub("", s))
    return _ENTRANCE.sub(r"\1-", s)


def own_unit(units: Sequence[Unit], building: str | None, unit: str | None) -> Unit | None:
    """The resident's unit that ``building``/``unit`` (as a resident names them) mean; None for anyone else's.

    Tolerant of notation: a mainland entrance (单元) may be named or left out on either side, so "3-501"
    (said "3单元501") finds a registry's "501", and "501" ("501室") finds "3-501" when the resident has
    only one such flat. A unit that is not the resident's is never used silently: callers ask or refuse."""
    if not unit:
        return None
    said = unit_key(unit)

    def same_building(candidate: Unit) -> bool:
        return building is None or unit_key(candidate.building) == unit_key(building)

    places = [u for u in units if same_building(u)]
    exact = [u for u in places if unit_key(u.unit) == said]
    if exact:
        return exact[0]
    flat = said.rsplit("-", 1)[-1]
    by_flat = [u for u in places if unit_key(u.unit).rsplit("-", 1)[-1] == flat]
    entrance_only_on_one_side = [u for u in by_flat if ("-" in unit_key(u.unit)) != ("-" in said)]
    return entrance_only_on_one_side[0] if len(by_flat) == 1 and entrance_only_on_one_side else None


@dataclass(frozen=True)
class UnitLink:
    unit: Unit
    role: Role


@dataclass(frozen=True)
class Resident:
    id: int
    name: str
    phone: str  # E.164
    language: Language
    telegram_user_id: int | None = None
    units: tuple[UnitLink, ...] = field(default_factory=tuple)
    reachable: bool = True

    def has_unit(self, unit_id: int) -> bool:
        return any(link.unit.id == unit_id for link in self.units)


class InvalidPhone(ValueError):
    pass


def normalise_phone(raw: str, region: str = "HK") -> str:
    """Return the number in E.164 (``+85291234567``) or raise :class:`InvalidPhone`.

    Telegram sends contacts without a leading ``+`` ("85291234567"); registries hold local
    numbers ("9123 4567"). Both must match the same resident.
    """
    text = (raw or "").strip()
    if not text:
        raise InvalidPhone("empty phone number")
    candidates = [text]
    digits = "".join(ch for ch in text if ch.isdigit())
    if not text.startswith("+") and digits:
        candidates.append("+" + digits)
    for candidate in candidates:
        try:
            parsed = phonenumbers.parse(candidate, None if candidate.startswith("+") else region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    raise InvalidPhone(f"not a valid phone number: {raw!r}")


def mask_phone(e164: str) -> str:
    """Show only the last four digits to people who need no more."""
    return "•••• " + e164[-4:] if len(e164) > 4 else e164
