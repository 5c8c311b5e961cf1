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


def test_build_keeps_each_message_and_its_variant_on_one_side() -> None:
    written: list[dict[str, object]] = [
        {
            "text": f"{n}座{n}02室冇電",
            "intent": "repair",
            "category": "electrical",
            "building": str(n),
            "unit": f"{n}02",
        }
        for n in range(1, 10)
    ]
    train, dev = build(written, 0.2, seed=3)
    assert len(dev) == 4 and len(train) == 14
    for side in (train, dev):
        originals = {r["building"] for r in side if "source" not in r}
        assert {r["building"] for r in side if r.get("source") == "transcript"} == originals
        assert all(extract_unit(str(r["text"])) == (r["building"], r["unit"]) for r in side)
