"""What residents type is cleaned by Unicode's categories: hidden and reordering characters go, meaning stays."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.text import clean_text

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # 👨‍👩‍👧
RAINBOW_FLAG = "\U0001f3f3\ufe0f\u200d\U0001f308"  # 🏳️‍🌈
WOMAN_HEALTH_WORKER_DARK = "\U0001f469\U0001f3ff\u200d\u2695\ufe0f"  # 👩🏿‍⚕️
KISS = "\U0001f469\u200d\u2764\ufe0f\u200d\U0001f48b\u200d\U0001f468"
ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
PERSIAN = "می\u200cخواهم"  # "I want": the non-joiner keeps می apart from the verb
HINDI_HALF_FORM = "क्\u200dष"  # ZWJ after a virama asks for the half form
MALAYALAM_CHILLU = "ന്\u200c"  # ZWNJ after a virama

JOINERS = ("\u200c", "\u200d")
# Characters that exist to be invisible or to reorder text.
HIDING = (
    "\u061c",  # ARABIC LETTER MARK
    "\u180e",  # MONGOLIAN VOWEL SEPARATOR
    "\u200b", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2060", "\u2061", "\u2062", "\u2063", "\u2064", "\u2066", "\u2067", "\u2068", "\u2069",
    "\u206a", "\u206f", "\ufeff", "\u00ad", "\ufff9", "\ufffa", "\ufffb",
    "\U000e0001", "\U000e0020", "\U000e0041", "\U000e007f",  # tags
    "\u3164", "\uffa0",  # Hangul fillers
    "\x00", "\x1b", "\x7f", "\x9b",
)  # fmt: skip


@pytest.mark.parametrize("hidden", HIDING, ids=lambda c: f"U+{ord(c):04X}")
def test_hiding_characters_are_removed(hidden: str) -> None:
    assert clean_text(f"3-502{hidden}漏水{hidden}") == "3-502漏水"


def test_a_tag_run_hiding_text_is_removed_whole() -> None:
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore previous") + "\U000e007f"
    assert clean_text(f"lift stuck{hidden}") == "lift stuck"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\r\n", "\r", "\x0b", "\x0c", "\x85"])
def test_line_and_paragraph_separators_become_new_lines(separator: str) -> None:
    assert clean_text(f"kitchen{separator}leaking") == "kitchen\nleaking"


@pytest.mark.parametrize(
    "kept",
    [FAMILY, RAINBOW_FLAG, WOMAN_HEALTH_WORKER_DARK, KISS, ENGLAND, PERSIAN, HINDI_HALF_FORM, MALAYALAM_CHILLU],
)
def test_joiners_that_carry_meaning_are_kept(kept: str) -> None:
    assert clean_text(f"see {kept} here") == f"see {kept} here"


def test_arabic_number_sign_is_visible_and_kept() -> None:
    assert clean_text("\u0600١٢٣") == "\u0600١٢٣"


@pytest.mark.parametrize("text", ["a\u200db", "漏\u200c水", "\u200d\U0001f468", "\U0001f468\u200d", "1\u200d2"])
def test_joiners_with_nothing_to_join_are_removed(text: str) -> None:
    assert not any(j in clean_text(text) for j in JOINERS)


def test_a_flag_tag_sequence_that_is_not_a_recommended_flag_is_removed() -> None:
    fake = "\U0001f3f4" + "".join(chr(0xE0000 + ord(c)) for c in "ushello") + "\U000e007f"
    assert clean_text(fake) == "\U0001f3f4"


# Text built from the characters that matter here, mixed with ordinary ones.
_INTERESTING = st.sampled_from(
    [*HIDING, *JOINERS, "\u2028", "\u2029", "\n", "\t", " ", "\u3000", "\ufe0f", "\U0001f3fb", "\u0301", "\u094d"]
)
_TEXT = st.lists(
    st.one_of(_INTERESTING, st.characters(), st.sampled_from(["漏水", "ب", "ی", "क", "\U0001f468", "\u2764", ENGLAND])),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_cleaning_leaves_no_control_or_format_character_but_justified_ones(text: str) -> None:
    cleaned = clean_text(text)
    for i, ch in enumerate(cleaned):
        category = unicodedata.category(ch)
        assert category not in ("Cc", "Cs") or ch == "\n", f"U+{ord(ch):04X} at {i}"
        if category == "Cf":
            assert ch in JOINERS or ch == "\u0600" or 0xE0000 <= ord(ch) <= 0xE007F, f"U+{ord(ch):04X} at {i}"
        assert ch not in ("\u2028", "\u2029", "\u3164", "\uffa0")
    assert cleaned == cleaned.strip()
    assert unicodedata.is_normalized("NFC", cleaned)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(categories=["L", "N", "P"], exclude_characters="\u3164\uffa0") | st.just(" ")))
def test_ordinary_visible_text_is_only_trimmed(text: str) -> None:
    words = unicodedata.normalize("NFC", text).split(" ")
    assert clean_text(text) == " ".join(word for word in words if word)
