"""Translations from Babel gettext catalogs (``bot/i18n/locales``), loaded once.

Message ids are the English text. Each language has its own complete catalog: Simplified Chinese is
written for mainland readers (什么, 绑定, 记录, 小区, 谢谢), not converted from the Hong Kong Traditional
text, and ``tests/test_i18n.py`` checks that every catalog has every message, Chinese punctuation is
full-width, and no Hong-Kong-only word slips into the Simplified one.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import DateTimePattern, match_skeleton, parse_pattern
from babel.messages.pofile import read_po
from babel.numbers import format_currency

from bot.domain.residents import Language

_CATALOG_DIRS = {Language.EN: "en", Language.ZH_HANT: "zh_Hant", Language.ZH_HANS: "zh_Hans"}
# Babel (CLDR) locales for dates and times: Hong Kong's Traditional, mainland China's Simplified.
_DATE_LOCALES = {Language.EN: "en", Language.ZH_HANT: "zh_Hant_HK", Language.ZH_HANS: "zh_Hans_CN"}


def N_(msgid: str) -> str:
    """Mark a string for extraction without translating it now (it is translated where shown)."""
    return msgid


def _read(dirname: str) -> dict[str, str]:
    path = resources.files("bot.i18n").joinpath("locales", dirname, "LC_MESSAGES", "estatedesk.po")
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        catalog = read_po(fh)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


@cache
def catalog(language: Language) -> dict[str, str]:
    return _read(_CATALOG_DIRS[language])


def translate(language: Language | str, msgid: str, /, **params: Any) -> str:
    """The text of ``msgid`` in ``language``, with ``{name}`` placeholders filled."""
    lang = language if isinstance(language, Language) else Language.from_code(language)
    text = catalog(lang).get(msgid, msgid)
    return text.format(**params) if params else text


def format_when(at: datetime, zone: str, language: Language, *, year: bool = False, time: bool = True) -> str:
    """A moment as people of ``language`` write it, on the estate's clock (``zone``): "Dec 2 03:20", "12月2日 03:20".

    Every date or time a person sees goes through here, so none is shown in UTC by mistake.
    """
    local = at.astimezone(ZoneInfo(zone))
    locale, day_pattern = _date_pattern(language, "yMMMd" if year else "MMMd")
    day = day_pattern.apply(local, locale)
    return f"{day} {_date_pattern(language, 'Hm')[1].apply(local, locale)}" if time else day


@cache
def _date_pattern(language: Language, skeleton: str) -> tuple[Locale, DateTimePattern]:
    """What babel's ``format_skeleton`` looks up on every call (the locale, the skeleton's closest pattern, the
    pattern parsed), once per language and skeleton: every card and receipt formats a date or two."""
    locale = Locale.parse(_DATE_LOCALES[language])
    if skeleton not in locale.datetime_skeletons:
        skeleton = match_skeleton(skeleton, locale.datetime_skeletons) or skeleton
    return locale, parse_pattern(locale.datetime_skeletons[skeleton])


class Translator:
    """Bound to one language: ``_ = Translator(lang); _("Hello {name}", name=...)``."""

    @staticmethod
    def language_of(code: str) -> Language:
        return Language.from_code(code)

    def __init__(self, language: Language) -> None:
        self.language = language
        self._catalog = catalog(language)

    def __call__(self, msgid: str, /, **params: Any) -> str:
        text = self._catalog.get(msgid, msgid)
        return text.format(**params) if params else text

    def when(self, at: datetime, zone: str, *, year: bool = False, time: bool = True) -> str:
        """:func:`format_when` in this translator's language."""
        return format_when(at, zone, self.language, year=year, time=time)


@cache
def babel_locale(language: Language, region: str = "HK") -> Locale:
    """The CLDR locale of a resident's language in the estate's region: zh-Hant + HK -> zh_Hant_HK."""
    base = {Language.EN: "en", Language.ZH_HANT: "zh_Hant", Language.ZH_HANS: "zh_Hans"}[language]
    try:
        return Locale.parse(f"{base}_{region.upper()}")
    except (UnknownLocaleError, ValueError):
        return Locale.parse(base)


def format_money(language: Language, amount: Decimal, currency: str, region: str = "HK") -> str:
    """An amount as a reader of ``language`` writes it (CLDR, by Babel): "HK$1,234.50"; a negative one with
    a true minus sign, "−HK$35.00", as people write it rather than a hyphen glued to the symbol."""
    text = format_currency(amount, currency, locale=babel_locale(language, region))
    return "\u2212" + text[1:] if text.startswith("-") else text
