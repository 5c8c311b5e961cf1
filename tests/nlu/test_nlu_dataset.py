"""The shipped labelled data: valid, large enough, and covering what residents send."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bot.nlu.dataset import Example, load_examples, shipped_training_data
from bot.nlu.units import extract_unit, normalise_building, normalise_unit
from dialogs.understanding import Intent

DATA = Path(__file__).resolve().parents[2] / "bot" / "nlu" / "data"
HAN = re.compile(r"[\u4e00-\u9fff]")
CANTONESE = re.compile("[咗唔嘅喺冇嘢啲嚟俾佢]|屋企")


@pytest.fixture(scope="module")
def train() -> list[Example]:
    return load_examples(DATA / "train.jsonl")


@pytest.fixture(scope="module")
def heldout() -> list[Example]:
    return load_examples(DATA / "heldout.jsonl")


def test_sizes_and_split(train: list[Example], heldout: list[Example]) -> None:
    total = len(train) + len(heldout)
    assert total >= 360
    assert 0.25 <= len(heldout) / total <= 0.40
    assert not {e.text for e in train} & {e.text for e in heldout}, "a message is in both files"


@pytest.mark.parametrize("name", ["train.jsonl", "heldout.jsonl"])
def test_every_intent_language_and_shape_is_covered(name: str) -> None:
    examples = load_examples(DATA / name)
    intents = Counter(e.intent for e in examples)
    assert set(intents) == set(Intent) and min(intents.values()) >= 15
    english = [e for e in examples if not HAN.search(e.text)]
    cantonese = [e for e in examples if CANTONESE.search(e.text)]
    mixed = [e for e in examples if HAN.search(e.text) and re.search("[A-Za-z]{3,}", e.text)]
    building_only = [e for e in examples if e.building and not e.unit]
    no_unit = [e for e in examples if not e.building and not e.unit]
    emergencies = [e for e in examples if e.emergency]
    for group in (english, cantonese, mixed, building_only, no_unit, emergencies):
        assert len(group) >= 3


def test_shipped_training_data_is_the_train_file(train: list[Example]) -> None:
    assert shipped_training_data() == train


def test_labels_are_stored_as_a_registry_would(train: list[Example], heldout: list[Example]) -> None:
    for e in train + heldout:
        assert e.building == normalise_building(e.building), e.text
        assert e.unit == normalise_unit(e.unit), e.text


def test_unit_extraction_on_training_messages(train: list[Example]) -> None:
    wrong = [e.text for e in train if tuple(extract_unit(e.text)) != (e.building, e.unit)]
    assert wrong == []
