"""The writers' held-out sets: each written apart from every other labelled file, sharing no message with them.

``heldout_writers.jsonl`` was written by a writer of no other file; ``heldout_seeds.jsonl`` (the ninth round) by
another, situation by situation from the seeds, three residents each; ``heldout_month.jsonl`` (after the nineteenth
round) by two more, as an ordinary month of chat messages and hotline calls (see ``bot/nlu/data/README.md``).
"""

from __future__ import annotations

from collections import Counter

import pytest

from bot.domain.tickets import COMPLAINT_CATEGORIES, REPAIR_CATEGORIES
from bot.nlu.dataset import Example
from bot.nlu.evaluate import language_of
from dialogs.understanding import Intent
from tests.nlu.test_nlu_heldout_residents import _key, _load

LABELLED = ("train.jsonl", "written.jsonl", "dev.jsonl", "heldout.jsonl", "heldout_residents.jsonl")
SETS = ("heldout_writers.jsonl", "heldout_seeds.jsonl", "heldout_month.jsonl")
# Notations each set was written with (a spoken unit among them), so the unit figures mean something.
NOTATIONS = {
    "heldout_writers.jsonl": ("樓", "室", "单元", "Flat", "/F", "#", "五零二", "three oh", "one two bee"),
    "heldout_seeds.jsonl": ("樓", "室", "座", "单元", "号楼", "Flat", "/F", "#", "Rm"),
    "heldout_month.jsonl": ("樓", "室", "座", "单元", "号楼", "Flat", "/F", "Block", "Tower", "五零二", "oh"),
}


@pytest.fixture(scope="module", params=SETS)
def writers(request: pytest.FixtureRequest) -> list[Example]:
    return _load(request.param)


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


@pytest.mark.parametrize("name", SETS)
def test_units_are_in_many_notations(name: str) -> None:
    examples = _load(name)
    with_unit = [e for e in examples if e.unit is not None]
    assert len(with_unit) >= 40
    assert any(e.building is not None and e.unit is None for e in examples)
    texts = " ".join(e.text for e in with_unit)
    for notation in NOTATIONS[name]:
        assert notation in texts, notation


@pytest.mark.parametrize(("held", "name"), [(h, n) for h in SETS for n in (*LABELLED, *SETS) if n != h])
def test_no_message_is_shared_with_another_labelled_file(held: str, name: str) -> None:
    other = {_key(e.text) for e in _load(name)}
    assert [e.text for e in _load(held) if _key(e.text) in other] == []
