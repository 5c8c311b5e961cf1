"""The trained-weights file: read when it holds this very training, silently retrained over otherwise."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from bot.nlu import cache
from bot.nlu import model as model_module
from bot.nlu.dataset import Example
from bot.nlu.model import BuiltinUnderstander, ModelSettings, load_or_train
from dialogs.understanding import Intent

SMALL = [
    Example("toilet blocked", Intent.REPAIR, "plumbing", None, None),
    Example("廁所塞咗", Intent.REPAIR, "plumbing", None, None),
    Example("light broken", Intent.REPAIR, "electrical", None, None),
    Example("部較壞咗", Intent.REPAIR, "elevator", None, None),
    Example("too noisy upstairs", Intent.COMPLAINT, "noise", None, None),
    Example("the guard was rude", Intent.COMPLAINT, "staff", None, None),
    Example("has my FPS payment arrived", Intent.BILL, None, None, None),
    Example("唔該晒", Intent.OTHER, None, None, None),
]
PROBES = ["the toilet is blocked again", "部較又壞", "upstairs so noisy", "管理費入咗數未", "thanks"]


@pytest.fixture
def trainings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The shipped data replaced by a small set (fast to train); counts every training."""
    data = "".join(
        json.dumps({"text": e.text, "intent": e.intent.value, "category": e.category}) + "\n" for e in SMALL
    ).encode()
    monkeypatch.setattr(cache, "shipped_training_bytes", lambda: data)
    monkeypatch.setattr(model_module, "shipped_training_data", lambda: list(SMALL))
    count: list[int] = []
    original = BuiltinUnderstander.__init__

    def counting(self: BuiltinUnderstander, *args: object, **kwargs: object) -> None:
        count.append(1)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(BuiltinUnderstander, "__init__", counting)
    return count


def _answers(model: BuiltinUnderstander) -> list[object]:
    return [model.understand_now(text) for text in PROBES]


def test_the_first_start_writes_the_file_and_the_next_reads_it(tmp_path: Path, trainings: list[int]) -> None:
    path = tmp_path / "state" / "nlu.npz"
    trained = load_or_train(path)
    assert path.is_file() and len(trainings) == 1
    read = load_or_train(path)
    assert len(trainings) == 1  # not trained again
    assert _answers(read) == _answers(trained)


def test_a_stale_file_is_retrained_and_rewritten(tmp_path: Path, trainings: list[int]) -> None:
    path = tmp_path / "nlu.npz"
    load_or_train(path)
    before = path.read_bytes()
    corrected = load_or_train(path, [Example("天台水箱蓋爛咗", Intent.REPAIR, "common_area", None, None)])
    assert len(trainings) == 2 and path.read_bytes() != before
    other_settings = load_or_train(path, settings=ModelSettings(lexicon_weight=4.5))
    assert len(trainings) == 3
    assert other_settings.settings.lexicon_weight == 4.5 and corrected.settings.lexicon_weight != 4.5


def test_the_key_follows_data_corrections_settings_and_code(monkeypatch: pytest.MonkeyPatch) -> None:
    base = cache.training_key(b"a", [], ModelSettings())
    assert base == cache.training_key(b"a", [], ModelSettings())
    assert base != cache.training_key(b"b", [], ModelSettings())
    assert base != cache.training_key(b"a", [SMALL[0]], ModelSettings())
    assert base != cache.training_key(b"a", [], ModelSettings(c=10.0))
    # The thresholds and temperatures only reading uses are refitted without training again.
    refitted = ModelSettings(ask_below=0.1, category_ask_below=0.2, intent_temperature=2.0, emergency_threshold=0.9)
    assert base == cache.training_key(b"a", [], refitted)
    assert set(ModelSettings().training_settings()) < set(asdict(ModelSettings()))
    monkeypatch.setattr(cache, "_CODE", (*cache._CODE, "units.py"))
    monkeypatch.setattr(cache, "_code", None)  # computed once per process: as if this one had just started
    assert base != cache.training_key(b"a", [], ModelSettings())


def test_a_reading_only_default_in_the_code_is_no_part_of_the_key() -> None:
    code = b"class ModelSettings:\n    c: float = 100.0\n    ask_below: float = 0.7\n"
    fields = ("ModelSettings", frozenset({"ask_below"}))
    assert cache.code_fingerprint(code, fields) == cache.code_fingerprint(code.replace(b"0.7", b"0.5"), fields)
    assert cache.code_fingerprint(code, fields) != cache.code_fingerprint(code.replace(b"100.0", b"10.0"), fields)
    assert cache.code_fingerprint(code) != cache.code_fingerprint(code.replace(b"0.7", b"0.5"))


def test_the_code_counts_by_what_it_does_not_by_its_comments_and_docstrings() -> None:
    code = b"def f(x):\n    return x + 1\n"
    noted = b'"""A module."""\n\n\ndef f(x):  # one more\n    """Add one."""\n    # why\n    return (x + 1)\n'
    assert cache.code_fingerprint(code) == cache.code_fingerprint(noted)
    assert cache.code_fingerprint(code) != cache.code_fingerprint(code.replace(b"1", b"2"))
    assert cache.code_fingerprint(b'def f():\n    """Only a docstring."""\n') == cache.code_fingerprint(
        b"def f():\n    pass\n"
    )


@pytest.mark.parametrize("damage", [b"", b"not a zip file", b"PK\x03\x04 truncated"])
def test_a_corrupt_file_is_retrained_over(tmp_path: Path, trainings: list[int], damage: bytes) -> None:
    path = tmp_path / "nlu.npz"
    good = _answers(load_or_train(path))
    path.write_bytes(damage)
    assert _answers(load_or_train(path)) == good
    assert len(trainings) == 2
    load_or_train(path)  # rewritten: read again
    assert len(trainings) == 2


def test_a_file_whose_arrays_do_not_fit_is_retrained_over(tmp_path: Path, trainings: list[int]) -> None:
    path = tmp_path / "nlu.npz"
    trained = load_or_train(path)
    arrays, meta = trained.export()
    arrays["idf"] = arrays["idf"][:-1]
    key = cache.training_key(cache.shipped_training_bytes(), [], ModelSettings())
    cache.save(path, key, arrays, meta)
    assert _answers(load_or_train(path)) == _answers(trained)
    assert len(trainings) == 2


def test_an_unwritable_place_never_stops_start_up(tmp_path: Path, trainings: list[int]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    model = load_or_train(blocker / "nlu.npz")
    assert model.understand_now("toilet blocked").intent is Intent.REPAIR


def test_the_train_command_writes_the_file_the_next_start_reads(
    tmp_path: Path, trainings: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main

    path = tmp_path / "nlu.npz"
    assert main(["nlu", "train", "--shipped-only", "--cache", str(path)]) == 0
    assert path.is_file() and len(trainings) == 1
    assert "0 reviewed correction(s)" in capsys.readouterr().out
    model_module._SHIPPED.clear()
    try:
        model_module.shipped_understander(cache=path)
        assert len(trainings) == 1  # read, not trained
    finally:
        model_module._SHIPPED.clear()


def test_processes_starting_together_train_once_and_the_others_read_its_file(
    tmp_path: Path, trainings: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "nlu.npz"
    reads: list[int] = []
    original_load = cache.load

    def counting_load(*args: Any) -> Any:
        reads.append(1)
        return original_load(*args)

    monkeypatch.setattr(cache, "load", counting_load)
    with ThreadPoolExecutor(3) as pool:
        with cache.training_lock(path):  # as if a fourth desk were training right now
            starts = [pool.submit(load_or_train, path) for _ in range(3)]
            deadline = time.monotonic() + 60
            while len(reads) < 3:  # all three found no file and wait for the lock
                for start in starts:
                    if start.done():  # a start that failed before waiting: its error, not an endless wait
                        start.result()
                        pytest.fail("a start finished while another held the training lock")
                assert time.monotonic() < deadline, f"{len(reads)} of 3 starts looked for the file in 60 s"
                time.sleep(0.01)
            assert trainings == []
        models = [start.result(timeout=30) for start in starts]
    assert len(trainings) == 1  # the first to get the lock trained; the other two read its file
    assert len(reads) == 6 and path.is_file()
    assert _answers(models[1]) == _answers(models[0]) == _answers(models[2])


def test_a_directory_without_room_for_the_lock_still_trains(tmp_path: Path, trainings: list[int]) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the weights' directory should be")
    model = load_or_train(blocked / "nlu.npz")
    assert len(trainings) == 1 and _answers(model)


def test_nlu_eval_scores_the_model_of_the_weights_file_without_training(
    tmp_path: Path, trainings: list[int], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.cli import main

    path = tmp_path / "nlu.npz"
    labelled = tmp_path / "set.jsonl"
    labelled.write_text(
        "".join(
            json.dumps({"text": t, "intent": i, "category": c}) + "\n"
            for t, i, c in [
                ("the toilet is blocked again", "repair", "plumbing"),
                ("thanks", "other", None),
            ]
        ),
        encoding="utf-8",
    )
    assert main(["nlu", "train", "--shipped-only", "--cache", str(path)]) == 0
    assert len(trainings) == 1
    monkeypatch.setenv("ESTATEDESK_NLU_CACHE", str(path))
    model_module._SHIPPED.clear()
    try:
        capsys.readouterr()
        assert main(["nlu", "eval", "--figures-only", str(labelled)]) == 0
        out = capsys.readouterr().out
        assert len(trainings) == 1  # the file's weights, not a second training
        assert "n=2" in out and "thanks" not in out  # figures only: no line of the set is shown
    finally:
        model_module._SHIPPED.clear()
