"""An :class:`~dialogs.understanding.Understander` backed by a Rasa server's ``POST /model/parse``.

Request: ``{"text": ...}``. Response (Rasa's HTTP API): ``{"text", "intent": {"name", "confidence"},
"entities": [{"entity", "value", "start", "end", "confidence_entity", "extractor"}], "intent_ranking"}``.

Mapping to :class:`~dialogs.understanding.Understanding`:

==========================  ==============================================================
Rasa                        Understanding
==========================  ==============================================================
intent ``repair``           ``Intent.REPAIR``
intent ``bill``,            ``Intent.BILL``
``bill_enquiry``
intent ``complaint``        ``Intent.COMPLAINT``
any other intent, or none   ``Intent.OTHER``; ``is_question`` when the text asks something
intent.confidence           ``confidence`` (0.0 without an intent)
entity ``category``         ``category`` if it is a category key of the mapped intent
                            (``bot.domain.tickets``), else None
entity ``building``         ``building``, normalised as a registry stores it ("七" -> "7"); without
                            building and unit entities, the building the text names (bot.nlu.units)
entity ``unit``             ``unit``, normalised ("#05-02" -> "05-02"); a "3-502" value with no
                            building entity gives both
entity ``urgency``          ``emergency`` is True when the value is ``emergency``
entity ``common_area``      ``common_area`` if it is a key of ``bot.nlu.places.AREAS``, else the
                            common area the text names (bot.nlu.places); ``own_home`` by the same rules
==========================  ==============================================================

When an entity occurs more than once, the one with the highest ``confidence_entity`` wins. Connection
errors, timeouts, non-200 answers and malformed JSON raise :class:`bot.nlu.errors.NluUnavailable`
(a :class:`bot.errors.BackendUnavailable`).
"""

from __future__ import annotations

import json
import logging
from typing import Any

import aiohttp

from bot.domain.tickets import COMPLAINT_CATEGORIES, REPAIR_CATEGORIES
from bot.nlu.errors import NluUnavailable
from bot.nlu.normalise import normalise
from bot.nlu.places import AREAS, find_common_area, says_own_home
from bot.nlu.rules import is_question
from bot.nlu.units import extract_unit, normalise_building, normalise_unit
from dialogs.understanding import Intent, Understanding

log = logging.getLogger(__name__)

INTENTS: dict[str, Intent] = {
    "repair": Intent.REPAIR,
    "bill": Intent.BILL,
    "bill_enquiry": Intent.BILL,
    "complaint": Intent.COMPLAINT,
}
_CATEGORIES: dict[Intent, tuple[str, ...]] = {
    Intent.REPAIR: REPAIR_CATEGORIES,
    Intent.COMPLAINT: COMPLAINT_CATEGORIES,
}


class RasaUnderstander:
    """Asks a Rasa NLU server. Pass ``session`` to share a connection pool; otherwise one is opened lazily
    and closed by :meth:`close`. ``token`` is Rasa's ``?token=`` auth, if the server uses it."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float = 3.0,
        session: aiohttp.ClientSession | None = None,
        token: str | None = None,
    ) -> None:
        self._endpoint = url.rstrip("/") + "/model/parse"
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session = session
        self._owns_session = session is None
        self._params = {"token": token} if token else None

    def __repr__(self) -> str:
        # The token never goes into logs.
        return f"RasaUnderstander({self._endpoint!r})"

    async def understand(self, text: str, language: str | None = None) -> Understanding:
        payload = await self._parse(text)
        return to_understanding(text, payload)

    async def close(self) -> None:
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> RasaUnderstander:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def _parse(self, text: str) -> dict[str, Any]:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        try:
            async with self._session.post(
                self._endpoint, json={"text": text}, params=self._params, timeout=self._timeout
            ) as response:
                body = await response.text()
                if response.status != 200:
                    raise NluUnavailable(f"Rasa at {self._endpoint} answered HTTP {response.status}")
        except TimeoutError:
            raise NluUnavailable(f"Rasa at {self._endpoint} did not answer within {self._timeout.total} s") from None
        except aiohttp.ClientError as exc:
            raise NluUnavailable(f"Rasa at {self._endpoint} cannot be reached: {exc}") from None
        try:
            payload = json.loads(body)
        except json.JSONDecodeError:
            raise NluUnavailable(f"Rasa at {self._endpoint} answered something that is not JSON") from None
        if not isinstance(payload, dict):
            raise NluUnavailable(f"Rasa at {self._endpoint} answered JSON that is not an object")
        return payload


def _best_entities(entities: object) -> dict[str, str]:
    """entity name -> value, keeping the most confident value of each name."""
    if entities is None:
        return {}
    if not isinstance(entities, list):
        raise NluUnavailable("Rasa answered 'entities' that is not a list")
    best: dict[str, tuple[float, str]] = {}
    for entity in entities:
        if not isinstance(entity, dict) or not isinstance(entity.get("entity"), str):
            raise NluUnavailable("Rasa answered an entity without a name")
        value = entity.get("value")
        if value is None:
            continue
        raw_confidence = entity.get("confidence_entity")
        confidence = float(raw_confidence) if isinstance(raw_confidence, int | float) else 0.0
        name = entity["entity"]
        if name not in best or confidence > best[name][0]:
            best[name] = (confidence, str(value))
    return {name: value for name, (_, value) in best.items()}


def to_understanding(text: str, payload: dict[str, Any]) -> Understanding:
    """Map one ``/model/parse`` answer (see the module docstring). Raises NluUnavailable if malformed."""
    raw_intent = payload.get("intent")
    if raw_intent is not None and not isinstance(raw_intent, dict):
        raise NluUnavailable("Rasa answered 'intent' that is not an object")
    name = raw_intent.get("name") if raw_intent else None
    intent = INTENTS.get(name, Intent.OTHER) if isinstance(name, str) else Intent.OTHER
    raw_confidence = raw_intent.get("confidence") if raw_intent else None
    confidence = float(raw_confidence) if isinstance(raw_confidence, int | float) else 0.0
    entities = _best_entities(payload.get("entities"))
    category = entities.get("category")
    if category not in _CATEGORIES.get(intent, ()):
        category = None
    building = normalise_building(entities.get("building"))
    unit_value = entities.get("unit")
    unit = normalise_unit(unit_value)
    if unit_value and building is None:
        # A unit entity written "3-502" carries its building.
        mention = extract_unit(unit_value)
        if mention.building is not None and mention.unit is not None:
            building, unit = mention.building, mention.unit
    place = entities.get("common_area")
    if building is None and unit is None:
        building = extract_unit(text).building
    return Understanding(
        intent=intent,
        category=category,
        building=building,
        unit=unit,
        emergency=entities.get("urgency", "").strip().lower() == "emergency",
        description=text.strip(),
        confidence=confidence,
        is_question=intent is Intent.OTHER and is_question(normalise(text)),
        # Where: Rasa's entities when it has them, else the same rules as the built-in understander.
        common_area=place if place in AREAS else find_common_area(text),
        own_home=says_own_home(text),
    )
