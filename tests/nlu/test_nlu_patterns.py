"""Patterns led by their first characters (``bot.nlu.patterns.compile_led``) match exactly as they did."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bot.nlu.places as places
import bot.nlu.rules as rules
import bot.nlu.units as units
from bot.nlu.normalise import normalise
from bot.nlu.patterns import compile_led, first_characters

DATA = Path(__file__).resolve().parents[2] / "bot" / "nlu" / "data"


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"(?<!a)bc|d+", "[bd]"),
        (r"x?y", "[xy]"),
        (r"(?:^|,)foo", "[,f]"),  # an anchor consumes nothing: the next item begins the match
        (r"(?=z)[a-c]q|(?<![a-z])\dw", r"[\da-c]"),
        (r"(?:ab|c(?:d|e))f", "[ac]"),
        (r"(?P<n>[1-9])\d?", "[1-9]"),
        (r"a*", None),  # can match nothing, so it can begin anywhere
        (r"(?:x|)y?", None),
        (r".x", None),
        (r"[^a]b", None),
        (r"(a)\1", "[a]"),
    ],
)
def test_first_characters(pattern: str, first: str | None) -> None:
    assert first_characters(pattern) == first


@pytest.mark.parametrize(
    "pattern",
    [
        r"abc|abd",  # a literal opening: the engine skips to it itself
        r"[xy]z",
        r"(?:foo|[bc]ar)",
        r"^(?!x).*y",  # anchored: tried at the start only
        r".x|(?<!a)b",  # its first characters cannot be told
    ],
)
def test_quick_or_unknowable_patterns_are_compiled_as_written(pattern: str) -> None:
    assert compile_led(pattern).pattern == pattern


def test_a_look_ahead_leads_and_flags_and_groups_are_kept() -> None:
    text = r"(?<![a-z])(?P<w>hello)|(?<!x)(\d)  # a trailing comment"
    compiled = re.compile(text, re.VERBOSE)
    led = compile_led(text, re.VERBOSE)
    assert led.pattern.startswith(r"(?=[\dh])")
    assert led.flags == compiled.flags and led.groupindex == compiled.groupindex and led.groups == compiled.groups
    assert [m.span() for m in led.finditer("say hello 4 x5 ahello")] == [(4, 9), (10, 11)]


_TRICKY = [
    re.compile(r"(?<!a)b(?:c|d)?|(?:x?y)+z|(?<![a-z])(?:ab|ba)(?![a-z])"),
    re.compile(r"(?:(?<=a)|(?<=b))c+|\d{0,2}e|(?<!c)(?:d|)a"),
    re.compile(r"(?P<one>(?<!b)a)(?P<two>[bc]?)|(?=c)c(?!a)"),
]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdexyz1 ", max_size=30), st.sampled_from(_TRICKY))
def test_led_patterns_find_the_same_matches(text: str, pattern: re.Pattern[str]) -> None:
    led = compile_led(pattern.pattern, pattern.flags)
    assert led.pattern != pattern.pattern
    assert [(m.span(), m.groups()) for m in led.finditer(text)] == [
        (m.span(), m.groups()) for m in pattern.finditer(text)
    ]
    assert led.sub("#", text) == pattern.sub("#", text)


def _unled(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as written, before :func:`compile_led` put its look-ahead in front (``(?=[…])(?:…)``)."""
    assert pattern.pattern.startswith("(?=[")
    start = pattern.pattern.index(")(?:") + len(")(?:")
    end = len(pattern.pattern) - (2 if pattern.flags & re.VERBOSE else 1)
    return re.compile(pattern.pattern[start:end], pattern.flags)


def _led_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = [
        (f"{module.__name__}.{name}", value)
        for module in (rules, units, places)
        for name, value in vars(module).items()
        if isinstance(value, re.Pattern) and value.pattern.startswith("(?=[")
    ]
    for kind, _, pattern, cancel in rules._EMERGENCIES:
        found += [(f"emergency {kind}", p) for p in (pattern, cancel) if p is not None and p.pattern.startswith("(?=[")]
    return found


def test_the_rules_lead_their_longest_alternations() -> None:
    names = {name for name, _ in _led_patterns()}
    assert {"bot.nlu.rules._PAST", "bot.nlu.rules._NOW", "bot.nlu.units._UNIT_ALONE", "emergency trapped"} <= names


def test_every_led_pattern_reads_every_held_out_message_as_before() -> None:
    texts = [
        normalise(json.loads(line)["text"])
        for path in sorted(DATA.glob("heldout*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(texts) > 2000
    for name, led in _led_patterns():
        written = _unled(led)
        for text in texts:
            got = [(m.span(), m.groups()) for m in led.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in written.finditer(text)], (name, text)


def test_a_led_pattern_is_compiled_from_one_parse_as_re_compile_would_compile_its_text() -> None:
    """compile_led parses a pattern once and compiles the parse: what it gives must be ``re.compile``'s own result
    for the same text and flags (``==`` compares the text, the flags and the compiled code)."""
    compiled = [
        (f"{module.__name__}.{name}", value)
        for module in (rules, units, places)
        for name, value in vars(module).items()
        if isinstance(value, re.Pattern)
    ]
    compiled += [
        (f"emergency {kind}", p) for kind, _, pattern, cancel in rules._EMERGENCIES for p in (pattern, cancel) if p
    ]
    assert len(compiled) > 150
    for name, pattern in compiled:
        assert pattern == re.compile(pattern.pattern, pattern.flags), name
    for text, flags in [
        (r"(?<!a)(?P<x>b)c|(?<![a-z])d", 0),
        ("(?<!a)b  # a comment\n|(?<!c)d  # another", re.VERBOSE),
        (r"(?i)(?<!a)bc|(?<!x)d", 0),  # global inline flags: compiled as written
        (r"abc|abd", re.IGNORECASE),
        (r"(?<!x)[^a]b", 0),
    ]:
        led = compile_led(text, flags)
        assert led == re.compile(led.pattern, flags), text
        assert led.pattern in (
            text,
            f"(?={first_characters(text, flags)})(?:{text}{chr(10) if flags & re.VERBOSE else ''})",
        )
