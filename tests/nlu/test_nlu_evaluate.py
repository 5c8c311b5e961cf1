"""Scoring a labelled file: exact figures with a stub understander whose answers the test controls."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.nlu.dataset import Example, load_examples
from bot.nlu.errors import NluDataError
from bot.nlu.evaluate import evaluate, run_eval
from dialogs.understanding import Intent, Understanding


class Scripted:
    """Answers from a table: text -> Understanding (the test decides every answer)."""

    def __init__(self, answers: dict[str, Understanding]) -> None:
        self.answers = answers

    async def understand(self, text: str, language: str | None = None) -> Understanding:
        return self.answers[text]


LINES = [
    {"text": "a", "intent": "repair", "category": "plumbing", "building": "3", "unit": "502"},
    {"text": "b", "intent": "repair", "category": "elevator", "building": None, "unit": None, "emergency": True},
    {"text": "c", "intent": "bill", "category": None, "building": "七", "unit": "#05-02"},
    {"text": "d", "intent": "complaint", "category": "noise", "building": None, "unit": "12b"},
    {"text": "e", "intent": "other", "category": None, "building": None, "unit": None},
    {"text": "f", "intent": "complaint", "category": None, "building": "A", "unit": "1203"},
    {"text": "g", "intent": "other", "category": None, "building": None, "unit": None},
    {"text": "h", "intent": "repair", "category": "doors", "building": "2", "unit": None},
]

ANSWERS = {
    # right on everything
    "a": Understanding(Intent.REPAIR, "plumbing", "3", "502"),
    # right, but the emergency is missed
    "b": Understanding(Intent.REPAIR, "elevator"),
    # unit right only after normalising ("7" == "七", "05-02" == "#05-02")
    "c": Understanding(Intent.BILL, None, "7", "05-02"),
    # category wrong
    "d": Understanding(Intent.COMPLAINT, "neighbour", None, "12B"),
    # intent wrong, and a category where none is expected
    "e": Understanding(Intent.REPAIR, "other"),
    # building wrong, so the unit counts as wrong
    "f": Understanding(Intent.COMPLAINT, None, "B", "1203"),
    # all right
    "g": Understanding(Intent.OTHER),
    # intent right, category null where one is expected, a unit the text does not have
    "h": Understanding(Intent.REPAIR, None, "2", "201"),
}


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in LINES) + "\n\n", encoding="utf-8")
    return path


async def test_run_eval_prints_the_exact_summary_last(labelled: Path) -> None:
    out = io.StringIO()
    code = await run_eval(str(labelled), out, Scripted(ANSWERS))
    assert code == 0
    lines = out.getvalue().splitlines()
    # intent: all but e = 7/8; category: a b c f g = 5/8; unit: a b c d e g = 6/8
    assert lines[-1] == "intent=0.875 category=0.625 unit=0.750 n=8"


async def test_run_eval_breaks_down_by_intent_and_lists_misses(labelled: Path) -> None:
    out = io.StringIO()
    await run_eval(str(labelled), out, Scripted(ANSWERS))
    text = out.getvalue()
    assert "repair        3   1.000     0.667  0.667" in text
    assert "emergency: 0/1 flagged, 0 false alarm(s), accuracy=0.875" in text
    missed_lines = [line.split(":")[0].strip() for line in text.splitlines() if line.startswith("  ")]
    assert missed_lines == ["2", "4", "5", "6", "8"]


async def test_figures_only_leaves_out_the_misclassified_lines(labelled: Path) -> None:
    """A held-out set is scored without reading its mistakes: the figures and the count, not the lines."""
    out = io.StringIO()
    assert await run_eval(str(labelled), out, Scripted(ANSWERS), figures_only=True) == 0
    text = out.getvalue()
    assert "misclassified (5)" in text and "emergency: 0/1 flagged" in text
    assert [line for line in text.splitlines() if line.startswith("  ")] == []
    assert text.splitlines()[-1] == "intent=0.875 category=0.625 unit=0.750 n=8"


async def test_evaluate_returns_counts(labelled: Path) -> None:
    scores = await evaluate(Scripted(ANSWERS), labelled)
    assert (scores.n, scores.intent, scores.category, scores.unit) == (8, 7, 5, 6)
    assert scores.per_intent[Intent.COMPLAINT].n == 2


async def test_run_eval_missing_file(tmp_path: Path) -> None:
    out = io.StringIO()
    assert await run_eval(str(tmp_path / "nope.jsonl"), out, Scripted({})) == 2
    assert out.getvalue().startswith("error:") and "nope.jsonl" in out.getvalue()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"text": "a", "intent": "repair"}\nnot json\n', ":2: not valid JSON"),
        ('{"text": "a", "intent": "fix"}\n', "'intent' must be one of"),
        ('{"text": "a", "intent": "bill", "category": "noise"}\n', "not a bill category"),
        ('{"text": "", "intent": "other"}\n', "'text' must be a non-empty string"),
        ('["a"]\n', "expected a JSON object"),
        ("\n\n", "no examples"),
        ('{"text": "a", "intent": "other", "unit": 502}\n', "'unit' must be a string or null"),
    ],
)
async def test_run_eval_invalid_file(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    out = io.StringIO()
    assert await run_eval(str(path), out, Scripted({})) == 2
    assert reason in out.getvalue()


def test_undecodable_file_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"text": "caf\xe9", "intent": "other"}\n')
    with pytest.raises(NluDataError, match="cannot read"):
        load_examples(path)


def test_a_transcript_variant_belongs_to_the_message_before_it(tmp_path: Path) -> None:
    from bot.nlu.evaluate import transcript_groups

    lines = [
        {"text": "3座502漏水", "intent": "repair"},
        {"text": "喂 三座五零二 漏水", "intent": "repair", "source": "transcript"},
        {"text": "thanks", "intent": "other"},
        {"text": "管理費幾錢", "intent": "bill"},
        {"text": "嗯 管理費 幾錢", "intent": "bill", "source": "transcript"},
    ]
    path = tmp_path / "written.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    assert transcript_groups(path) == [0, 0, 2, 3, 3]


async def test_cross_validation_keeps_a_group_on_one_side() -> None:
    """Twins in one group are never split: a twin-only vocabulary is never seen in training."""
    from bot.nlu.evaluate import cross_validate

    examples = [
        Example(text, intent, None, None, None)
        for text, intent in [("zq", Intent.REPAIR), ("zq", Intent.REPAIR), ("xv", Intent.BILL), ("xv", Intent.BILL)]
    ] + [Example(f"hello {i}", Intent.OTHER, None, None, None) for i in range(6)]
    grouped = await cross_validate(examples, folds=2, groups=[0, 0, 1, 1, *range(2, 8)])
    split = await cross_validate(examples, folds=2, seed=3)
    assert grouped.per_intent[Intent.REPAIR].intent + grouped.per_intent[Intent.BILL].intent == 0
    assert split.per_intent[Intent.REPAIR].intent + split.per_intent[Intent.BILL].intent > 0
    with pytest.raises(ValueError):
        await cross_validate(examples, groups=[0])


def test_out_of_fold_calibration_scores_every_line_with_a_model_that_did_not_train_on_it() -> None:
    """Each fold's model trains on the rest, a message and its transcript stay on one side, and the fitted
    settings come from the grids the dev-set calibration uses."""
    from bot.nlu.evaluate import _TEMPERATURES, _THRESHOLDS, calibrate_out_of_fold, transcript_groups
    from bot.nlu.model import BuiltinUnderstander

    path = Path(__file__).resolve().parents[2] / "bot" / "nlu" / "data" / "train.jsonl"
    examples = load_examples(path)[:300]
    groups = transcript_groups(path)[:300]
    trained: list[list[Example]] = []

    def train(lines: list[Example]) -> BuiltinUnderstander:
        trained.append(lines)
        return BuiltinUnderstander(lines)

    fitted = calibrate_out_of_fold(examples, folds=3, groups=groups, train=train)

    assert len(trained) == 3
    left_out = [[i for i, e in enumerate(examples) if not any(e is t for t in lines)] for lines in trained]
    assert sorted(i for fold in left_out for i in fold) == list(range(len(examples)))  # each line left out once
    for fold in left_out:
        assert {groups[i] for i in fold}.isdisjoint(groups[i] for i in range(len(examples)) if i not in fold)
    assert fitted.intent_temperature in _TEMPERATURES and fitted.category_temperature in _TEMPERATURES
    assert fitted.ask_below in _THRESHOLDS and fitted.category_ask_below in _THRESHOLDS
    for rate in (fitted.ask_rate, fitted.wrong_without_asking):
        assert round(rate * len(examples), 6).is_integer()  # a share of the lines scored, every one of them
