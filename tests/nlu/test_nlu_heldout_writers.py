"""The writers' held-out set: written apart from every other labelled file, and shares no message with them."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.domain.tickets import COMPLAINT_CATEGORIES, REPAIR_CATEGORIES
from bot.nlu.dataset import Example
from bot.nlu.evaluate import language_of
from dialogs.understanding import Intent
from tests.nlu.test_nlu_heldout_residents import _key, _load

OTHER_FILES = ("train.jsonl", "written.jsonl", "dev.jsonl", "heldout.jsonl", "heldout_residents.jsonl")


@pytest.fixture(scope="module")
def writers() -> list[Example]:
    return _load("heldout_writers.jsonl")


def test_the_file_parses_and_every_message_is_unique(writers: list[Example]) -> None:
    assert len(writers) >= 320
    assert len({_key(e.text) for e in writers}) == len(writers), "a message is written twice"


def test_it_covers_the_three_languages(writers: list[Example]) -> None:
    languages = Counter(language_of(e.text) for e in writers)
    for language in ("zh-Hant", "zh-Hans", "en"):
        assert languages[language] >= 90, languages


def test_it_covers_every_intent_and_category(writers: list[Example]) -> None:
    intents = Counter(e.intent for e in writers)
    assert set(intents) == set(Intent)
    assert intents[Intent.REPAIR] == max(intents.values()), intents
    for intent, categories in ((Intent.REPAIR, REPAIR_CATEGORIES), (Intent.COMPLAINT, COMPLAINT_CATEGORIES)):
        seen = Counter(e.category for e in writers if e.intent is intent)
        assert all(seen[c] >= 6 for c in categories), (intent, seen)
    # Bill and other lines name no category.
    assert all(e.category is None for e in writers if e.intent in (Intent.BILL, Intent.OTHER))


def test_it_has_clear_emergencies_in_every_language(writers: list[Example]) -> None:
    emergencies = [e for e in writers if e.emergency]
    assert len(emergencies) >= 45
    assert {e.intent for e in emergencies} == {Intent.REPAIR}
    languages = Counter(language_of(e.text) for e in emergencies)
    assert all(languages[language] >= 10 for language in ("zh-Hant", "zh-Hans", "en")), languages


def test_units_are_in_many_notations(writers: list[Example]) -> None:
    with_unit = [e for e in writers if e.unit is not None]
    assert len(with_unit) >= 40
    assert any(e.building is not None and e.unit is None for e in writers)
    texts = " ".join(e.text for e in with_unit)
    for notation in ("樓", "室", "单元", "Flat", "/F", "#", "五零二", "three oh", "one two bee"):
        assert notation in texts, notation


@pytest.mark.parametrize("name", OTHER_FILES)
def test_no_message_is_shared_with_another_labelled_file(writers: list[Example], name: str) -> None:
    other = {_key(e.text) for e in _load(name)}
    assert [e.text for e in writers if _key(e.text) in other] == []
