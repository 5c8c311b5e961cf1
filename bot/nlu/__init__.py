"""Understanding residents' free text (zh-Hant with Cantonese, zh-Hans, English): intent, category, unit.

Heavy parts (numpy, the trained model) load only when :class:`BuiltinUnderstander` is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.nlu.errors import NluDataError, NluUnavailable

if TYPE_CHECKING:
    from bot.nlu.model import BuiltinUnderstander
    from bot.nlu.units import UnitMention, extract_unit

__all__ = ["BuiltinUnderstander", "NluDataError", "NluUnavailable", "UnitMention", "extract_unit"]


def __getattr__(name: str) -> Any:
    if name == "BuiltinUnderstander":
        from bot.nlu.model import BuiltinUnderstander

        return BuiltinUnderstander
    if name in ("UnitMention", "extract_unit"):
        from bot.nlu import units

        return getattr(units, name)
    raise AttributeError(name)
