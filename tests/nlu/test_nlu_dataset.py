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
    dev = load_examples(DATA / "dev.jsonl")
    assert len(train) >= 1500
    assert 0.08 <= len(dev) / (len(train) + len(dev)) <= 0.15
    texts = [{e.text for e in part} for part in (train, dev, heldout)]
    assert not texts[0] & texts[1], "a message is in train and dev"
    assert not (texts[0] | texts[1]) & texts[2], "a message is in the training data and the held-out file"


def test_train_and_dev_are_the_written_messages_and_their_transcripts(train: list[Example]) -> None:
    written = {e.text for e in load_examples(DATA / "written.jsonl")}
    dev = load_examples(DATA / "dev.jsonl")
    assert written == {e.text for e in train + dev if e.text in written}
    transcripts = [e for e in train + dev if e.text not in written]
    assert len(transcripts) >= 0.9 * len(written)


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
    dev = load_examples(DATA / "dev.jsonl")
    wrong = [e.text for e in train + dev if tuple(extract_unit(e.text)) != (e.building, e.unit)]
    assert wrong == []
