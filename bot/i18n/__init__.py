"""Translations from Babel gettext catalogs (``bot/i18n/locales``), loaded once.

Message ids are the English text. Simplified Chinese falls back to the Traditional Chinese
catalog converted with OpenCC, so ``zh_Hans`` lists only what must read differently.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton
from babel.messages.pofile import read_po

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
    own = _read(_CATALOG_DIRS[language])
    if language is not Language.ZH_HANS:
        return own
    import opencc  # only Simplified needs the converter

    to_simplified = opencc.OpenCC("t2s")
    converted = {k: to_simplified.convert(v) for k, v in catalog(Language.ZH_HANT).items()}
    converted.update(own)
    return converted


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
    locale = _DATE_LOCALES[language]
    day = format_skeleton("yMMMd" if year else "MMMd", local, locale=locale)
    return f"{day} {format_skeleton('Hm', local, locale=locale)}" if time else day


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
