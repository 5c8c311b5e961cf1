"""The residents' held-out set (written apart from the training data) and the figures the evaluator reports on it."""

from __future__ import annotations

import io
import json
import unicodedata
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from bot.domain.tickets import COMPLAINT_CATEGORIES, REPAIR_CATEGORIES
from bot.nlu.dataset import Example, load_examples, shipped_training_data
from bot.nlu.evaluate import language_of, run_eval
from dialogs.understanding import Intent, Understanding
from tests.nlu.test_nlu_evaluate import Scripted

DATA = resources.files("bot.nlu").joinpath("data")


def _load(name: str) -> list[Example]:
    with resources.as_file(DATA.joinpath(name)) as path:
        return load_examples(path)


@pytest.fixture(scope="module")
def residents() -> list[Example]:
    return _load("heldout_residents.jsonl")


def _key(text: str) -> str:
    """A message with case, width, blanks, punctuation and symbols taken out: what makes two messages "the same"."""
    s = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in s if unicodedata.category(ch)[0] not in "PSZC")


def test_the_file_parses_and_is_large_enough(residents: list[Example]) -> None:
    assert len(residents) >= 300
    assert len({_key(e.text) for e in residents}) == len(residents), "a message is written twice"


def test_it_covers_the_three_languages(residents: list[Example]) -> None:
    languages = Counter(language_of(e.text) for e in residents)
    for language in ("zh-Hant", "zh-Hans", "en"):
        assert languages[language] >= 60, languages


def test_it_covers_every_intent_and_category(residents: list[Example]) -> None:
    intents = Counter(e.intent for e in residents)
    assert set(intents) == set(Intent)
    assert all(count >= 30 for count in intents.values()), intents
    # A real desk sees repairs most.
    assert intents[Intent.REPAIR] == max(intents.values())
    for intent, categories in ((Intent.REPAIR, REPAIR_CATEGORIES), (Intent.COMPLAINT, COMPLAINT_CATEGORIES)):
        seen = Counter(e.category for e in residents if e.intent is intent)
        assert all(seen[c] >= 5 for c in categories), (intent, seen)


def test_it_has_clear_emergencies_and_look_alikes(residents: list[Example]) -> None:
    emergencies = [e for e in residents if e.emergency]
    assert len(emergencies) >= 30
    # Every emergency needs someone on site: it is a repair, in every language.
    assert {e.intent for e in emergencies} == {Intent.REPAIR}
    assert {language_of(e.text) for e in emergencies} >= {"zh-Hant", "zh-Hans", "en"}
    # Look-alikes: messages about floods, fire alarms and trapped lifts that are not emergencies.
    words = ("水浸", "透水", "火警", "困", "flood", "fire", "trapped", "stuck", "消防")
    look_alikes = [e for e in residents if not e.emergency and any(w in e.text.lower() for w in words)]
    assert len(look_alikes) >= 20


def test_units_are_in_many_notations(residents: list[Example]) -> None:
    with_unit = [e for e in residents if e.unit is not None]
    assert len(with_unit) >= 40
    assert any(e.building is not None and e.unit is None for e in residents)
    texts = " ".join(e.text for e in with_unit)
    for notation in ("樓", "单元", "Flat", "#", "五零二", "three"):
        assert notation in texts, notation


def test_no_message_is_shared_with_the_training_file(residents: list[Example]) -> None:
    training = {_key(e.text) for e in shipped_training_data()}
    shared = [e.text for e in residents if _key(e.text) in training]
    assert shared == []


def test_no_message_is_shared_with_the_older_held_out_file(residents: list[Example]) -> None:
    older = {_key(e.text) for e in _load("heldout.jsonl")}
    assert [e.text for e in residents if _key(e.text) in older] == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("3棟502廚房漏水", "zh-Hant"),
        ("lift又壞咗", "zh-Hant"),
        ("啲垃圾冇人執", "zh-Hant"),  # the same in both scripts, but written Cantonese
        ("电梯又坏了", "zh-Hans"),
        ("2号楼3单元501室 卫生间地漏返水", "zh-Hans"),
        ("water leaking from ceiling in 12B", "en"),
        ("ok 收到", "zh"),
    ],
)
def test_language_of(text: str, language: str) -> None:
    assert language_of(text) == language


LINES = [
    (
        {"text": "困咗喺𨋢入面", "intent": "repair", "category": "elevator", "emergency": True},
        Understanding(Intent.REPAIR, "elevator", emergency=True),
    ),
    (
        {"text": "地库进水了 水越来越深", "intent": "repair", "category": "plumbing", "emergency": True},
        Understanding(Intent.COMPLAINT, "parking"),
    ),
    (
        {"text": "smoke in the corridor", "intent": "repair", "category": "other", "emergency": True},
        Understanding(Intent.REPAIR, "other", emergency=True),
    ),
    (
        {"text": "上個月水浸處理得好差", "intent": "complaint", "category": "other"},
        Understanding(Intent.REPAIR, "plumbing", emergency=True),
    ),
    ({"text": "fire drill next week?", "intent": "other", "category": None}, Understanding(Intent.OTHER)),
    ({"text": "thanks", "intent": "other", "category": None}, Understanding(Intent.OTHER)),
    ({"text": "物业费交了吗", "intent": "bill", "category": None}, Understanding(Intent.BILL)),
]


@pytest.fixture
def scripted_file(tmp_path: Path) -> Path:
    path = tmp_path / "emergencies.jsonl"
    path.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record, _ in LINES) + "\n", encoding="utf-8")
    return path


async def test_report_gives_emergency_recall_and_false_alarm_rate(scripted_file: Path) -> None:
    out = io.StringIO()
    assert await run_eval(str(scripted_file), out, Scripted({r["text"]: got for r, got in LINES})) == 0
    # 2 of 3 emergencies flagged; 1 false alarm among 4 non-emergency lines.
    assert "recall=0.667, false-alarm rate=0.250 of 4 non-emergency" in out.getvalue()


async def test_report_breaks_down_by_language(scripted_file: Path) -> None:
    out = io.StringIO()
    await run_eval(str(scripted_file), out, Scripted({r["text"]: got for r, got in LINES}))
    rows = {line.split()[0]: line.split()[1:] for line in out.getvalue().splitlines() if line.split()}
    # language: n, intent, category, unit, emergencies flagged/expected, false alarms/non-emergency lines
    assert rows["zh-Hant"] == ["2", "0.500", "0.500", "1.000", "1/1", "1/1"]
    assert rows["zh-Hans"] == ["2", "0.500", "0.500", "1.000", "0/1", "0/1"]
    assert rows["en"] == ["3", "1.000", "1.000", "1.000", "1/1", "0/2"]


async def test_report_says_when_no_line_is_an_emergency(tmp_path: Path) -> None:
    path = tmp_path / "calm.jsonl"
    path.write_text(json.dumps({"text": "thanks", "intent": "other", "category": None}) + "\n", encoding="utf-8")
    out = io.StringIO()
    await run_eval(str(path), out, Scripted({"thanks": Understanding(Intent.OTHER)}))
    assert "recall=n/a, false-alarm rate=0.000 of 1 non-emergency" in out.getvalue()
