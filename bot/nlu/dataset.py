"""Labelled resident messages (JSONL): reading and checking the files the model trains and is scored on."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from bot.domain.tickets import COMPLAINT_CATEGORIES, REPAIR_CATEGORIES
from bot.nlu.errors import NluDataError
from dialogs.understanding import Intent

_CATEGORIES: dict[Intent, tuple[str, ...]] = {
    Intent.REPAIR: REPAIR_CATEGORIES,
    Intent.COMPLAINT: COMPLAINT_CATEGORIES,
    Intent.BILL: (),
    Intent.OTHER: (),
}


@dataclass(frozen=True)
class Example:
    """One labelled message: ``{"text", "intent", "category", "building", "unit"[, "emergency"]}``."""

    text: str
    intent: Intent
    category: str | None
    building: str | None
    unit: str | None
    emergency: bool = False


def _optional_str(record: dict[str, object], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise NluDataError(f"{where}: {key!r} must be a string or null")
    return value


def parse_example(line: str, where: str) -> Example:
    """One JSONL line; ``where`` ("file:12") goes into the error message."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise NluDataError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise NluDataError(f"{where}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise NluDataError(f"{where}: 'text' must be a non-empty string")
    try:
        intent = Intent(str(record.get("intent")))
    except ValueError:
        allowed = "|".join(i.value for i in Intent)
        raise NluDataError(f"{where}: 'intent' must be one of {allowed}") from None
    category = _optional_str(record, "category", where)
    if category is not None and category not in _CATEGORIES[intent]:
        raise NluDataError(f"{where}: category {category!r} is not a {intent.value} category")
    emergency = record.get("emergency", False)
    if not isinstance(emergency, bool):
        raise NluDataError(f"{where}: 'emergency' must be true or false")
    return Example(
        text=text,
        intent=intent,
        category=category,
        building=_optional_str(record, "building", where),
        unit=_optional_str(record, "unit", where),
        emergency=emergency,
    )


def load_examples(path: str | Path) -> list[Example]:
    """Every example in a JSONL file; blank lines are skipped. Raises :class:`NluDataError`."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise NluDataError(f"{p}: cannot read ({exc})") from None
    examples = [parse_example(line, f"{p}:{no}") for no, line in enumerate(lines, 1) if line.strip()]
    if not examples:
        raise NluDataError(f"{p}: no examples")
    return examples


def shipped_training_data() -> list[Example]:
    """The training set shipped with the package (``bot/nlu/data/train.jsonl``)."""
    ref = resources.files("bot.nlu").joinpath("data").joinpath("train.jsonl")
    with resources.as_file(ref) as path:
        return load_examples(path)
