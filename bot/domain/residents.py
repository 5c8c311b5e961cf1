"""Residents, the units they are linked to, and phone numbers in E.164."""

from __future__ import annotations

import re
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


# A mainland flat behind an entrance: "3-501" (entrance 3, flat 501). Singapore-style "05-02" is a floor and
# a flat of two digits, so it never matches.
_ENTRANCE_FLAT = re.compile(r"(?P<entrance>\d{1,2})-(?P<flat>\d{3,4}[A-H]?)")


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

    def named_by(self, building: str | None, unit: str) -> bool:
        """Whether a resident who says ``building``/``unit`` (as :mod:`bot.nlu.units` writes them) means this unit.

        Mainland flats sit behind an entrance (单元): some registries hold them as "3-501", others as "501"
        within the building. Either way round the flat matches when the entrance is left out on one side;
        two different entrances never match.
        """
        if building is not None and building.upper() != self.building.upper():
            return False
        mine, said = self.unit.upper(), unit.upper()
        if mine == said:
            return True
        mine_parts, said_parts = _ENTRANCE_FLAT.fullmatch(mine), _ENTRANCE_FLAT.fullmatch(said)
        if mine_parts and not said_parts:
            return mine_parts.group("flat") == said
        if said_parts and not mine_parts:
            return said_parts.group("flat") == mine
        return False


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
