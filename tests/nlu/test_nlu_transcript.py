"""Speech-transcript variants of written messages: no punctuation, fillers, digits said one by one."""

from __future__ import annotations

import random

from bot.nlu.transcript import as_transcript, build
from bot.nlu.units import extract_unit


def test_a_transcript_says_the_unit_digit_by_digit_and_keeps_it() -> None:
    said = as_transcript("3棟502廚房漏水！", random.Random(1))
    assert "五零二" in said and "！" not in said
    assert extract_unit(said) == ("3", "502")
    english = as_transcript("Flat 12B, the toilet is blocked.", random.Random(2))
    assert "one two bee" in english and "," not in english
    assert extract_unit(english) == (None, "12B")


def _written(numbers: range) -> list[dict[str, object]]:
    return [
        {
            "text": f"{n}座{n}02室冇電",
            "intent": "repair",
            "category": "electrical",
            "building": str(n),
            "unit": f"{n}02",
        }
        for n in numbers
    ]


def test_build_keeps_each_message_and_its_variant_on_one_side() -> None:
    train, dev = build(_written(range(1, 10)), 0.3, seed=3)
    assert dev and train and len(train) + len(dev) == 18
    for side in (train, dev):
        originals = {r["building"] for r in side if "source" not in r}
        assert {r["building"] for r in side if r.get("source") == "transcript"} == originals
        assert all(extract_unit(str(r["text"])) == (r["building"], r["unit"]) for r in side)


def test_new_lines_move_no_line_already_split() -> None:
    """A round of new messages adds lines to train and dev and changes none already there."""
    before = build(_written(range(1, 10)), 0.3, seed=3)
    after = build(_written(range(1, 40)), 0.3, seed=3)
    for old, new in zip(before, after, strict=True):
        assert all(record in new for record in old)
    dev_share = sum("source" not in r for r in after[1]) / 39
    assert 0.1 < dev_share < 0.5
