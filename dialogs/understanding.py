"""The seam for language understanding: a message in, an intent and pre-filled fields out.

Dialogs depend only on :class:`Understander`. The built-in rules-and-classifier model, a Rasa NLU
server, or :class:`MenuOnly` (no understanding: every free text gets the main menu) plug in here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from bot.domain.emergency import looks_like_emergency
from bot.nlu.errors import NluUnavailable

log = logging.getLogger(__name__)


class Intent(StrEnum):
    REPAIR = "repair"
    BILL = "bill"
    COMPLAINT = "complaint"
    OTHER = "other"


@dataclass(frozen=True)
class Understanding:
    """What a message says. Fields the message does not state are None."""

    intent: Intent
    category: str | None = None  # a repair or complaint category key
    building: str | None = None  # as the registry holds it: "3", "A"
    unit: str | None = None  # as the registry holds it: "502", "05-02", "12B"
    emergency: bool = False
    description: str = ""  # the resident's own words, to carry into the form
    confidence: float = 0.0
    is_question: bool = False  # an "other" message that asks something (hand-off to the desk)
    common_area: str | None = None  # a shared place the message names: "lift", "lobby" (bot.nlu.places.AREAS)
    own_home: bool = False  # the message places the matter in the resident's home ("我家", "my flat")
    # The understander is not sure enough of the intent to act on it: the dialog asks (repair / bill /
    # complaint / something else) rather than guess.
    unsure: bool = False
    # When the category is too uncertain to pre-fill: the likeliest ones (best first) for the dialog to offer.
    category_choices: tuple[str, ...] = ()


@runtime_checkable
class Understander(Protocol):
    async def understand(self, text: str, language: str | None = None) -> Understanding:
        """Read one resident message. ``language`` is the resident's (``zh-Hant``, ``zh-Hans``, ``en``)."""
        ...


async def says_emergency(understander: Understander, text: str, language: str | None) -> bool:
    """Whether words a resident wrote or said tell of an emergency: the keyword rules
    (:func:`bot.domain.emergency.looks_like_emergency`), or else the understander (the built-in one adds a
    learned score that catches emergencies told only by what is seen, heard or smelt). An understander that
    cannot answer leaves the rules' word: the words are kept either way, and the caller goes on."""
    if looks_like_emergency(text):
        return True
    try:
        understood = await understander.understand(text, language)
    except NluUnavailable as exc:
        log.warning("emergency check on the keyword rules alone: %s", exc)
        return False
    return understood.emergency


@dataclass(frozen=True)
class Correction:
    """A message and the label a person gave it after the understander's guess (see ``bot.nlu.corrections``)."""

    text: str
    intent: Intent
    category: str | None
    source: str  # "transfer" (staff moved the ticket), "resident" (changed the pre-filled category)
    actor: str  # "staff:123", "resident:45"
    ticket: str
    at: datetime
    reviewed: bool = False
    id: int | None = None


@runtime_checkable
class CorrectionSink(Protocol):
    async def add(self, correction: Correction) -> None:
        """Keep one correction for review. Never raises for a storage fault (it is logged)."""
        ...


class MenuOnly:
    """No language understanding: the text is kept as a description and the resident picks from the menu."""

    async def understand(self, text: str, language: str | None = None) -> Understanding:
        return Understanding(intent=Intent.OTHER, description=text.strip())
