"""Patterns led by their first characters (``bot.nlu.patterns.compile_led``) match exactly as they did."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bot.nlu.model as model
import bot.nlu.normalise as normalising
import bot.nlu.patterns as patterns
import bot.nlu.places as places
import bot.nlu.rules as rules
import bot.nlu.units as units
from bot.nlu.normalise import normalise
from bot.nlu.patterns import compile_led, compile_plain, first_characters

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
        for module in (rules, units, places, normalising, model)
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


# The compiled-code cache (patterns._CompiledCache): patterns as the understander writes them, led and plain.
_LED = [
    (r"(?<!a)(?P<x>b)c|(?<![a-z])d", 0),
    ("(?<!a)b  # a comment\n|(?<!c)d  # another", re.VERBOSE),
    (r"(?i)(?<!a)bc|(?<!x)d", 0),
    (r"abc|abd", re.IGNORECASE),
    (r"(?<!没)(?:爆|裂)(?:咗|了)?(?:水喉|水管)", 0),
]
_PLAIN = [(r"[a-z]{2,}(?:'[a-z]+)?", 0), (r"(?P<block>\d+)\s*座\s*(?P<flat>\d{3,4})", 0), (r"\s+", re.ASCII)]


def _compile_all(cache: patterns._CompiledCache, monkeypatch: pytest.MonkeyPatch) -> list[re.Pattern[str]]:
    monkeypatch.setattr(patterns, "_CACHE", cache)
    return [compile_led(t, f) for t, f in _LED] + [compile_plain(t, f) for t, f in _PLAIN]


def _as_re_compiles(compiled: list[re.Pattern[str]]) -> None:
    for pattern in compiled:
        assert pattern == re.compile(pattern.pattern, pattern.flags), pattern.pattern


def test_a_second_process_compiles_nothing_its_patterns_are_read_as_the_first_compiled_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "__pycache__" / "patterns.marshal"
    first = patterns._CompiledCache(path)
    compiled = _compile_all(first, monkeypatch)
    assert (first.hits, first.missed) == (0, len(compiled))
    first.settle()
    assert path.is_file()
    written = path.read_bytes()

    second = patterns._CompiledCache(path)
    again = _compile_all(second, monkeypatch)
    assert (second.hits, second.missed) == (len(compiled), 0)
    assert again == compiled
    assert [p.groupindex for p in again] == [p.groupindex for p in compiled]
    _as_re_compiles(again)
    second.settle()
    assert path.read_bytes() == written  # nothing new: not written again

    assert compile_led(r"(?<!a)bc", 0) == re.compile(r"(?=[b])(?:(?<!a)bc)")  # settled: compiled, not looked up
    assert (second.hits, second.missed) == (len(compiled), 0)


def _rewrite(path: Path, change: object) -> None:
    stamp, digest, payload = marshal.loads(path.read_bytes())
    table = marshal.loads(payload)
    if change == "stamp":
        stamp = (*stamp[:-1], -1)
    elif change == "code":  # code the engine refuses, under a digest that matches it
        key = next(iter(table))
        text, flags, _code, groups, groupindex, indexgroup = table[key]
        table[key] = (text, flags, b"\xff\xff\x00\x00" * 4, groups, groupindex, indexgroup)
    elif change == "wrong digest":
        digest = bytes(len(digest))
    payload = marshal.dumps(table)
    if change != "wrong digest":
        digest = hashlib.blake2b(payload).digest()
    path.write_bytes(marshal.dumps((stamp, digest, payload)))


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "stamp", "wrong digest", "code"])
def test_a_damaged_stale_or_foreign_cache_is_compiled_over(
    damage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "patterns.marshal"
    first = patterns._CompiledCache(path)
    compiled = _compile_all(first, monkeypatch)
    first.settle()
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "garbage":
        path.write_bytes(os.urandom(4096))
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        _rewrite(path, damage)

    second = patterns._CompiledCache(path)
    again = _compile_all(second, monkeypatch)
    assert again == compiled
    _as_re_compiles(again)
    assert second.missed == (1 if damage == "code" else len(compiled))
    second.settle()

    third = patterns._CompiledCache(path)  # written over with what the second compiled
    _compile_all(third, monkeypatch)
    assert (third.hits, third.missed) == (len(compiled), 0)


def test_a_cache_that_cannot_be_written_costs_only_the_compiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a file").write_text("not a directory")
    cache = patterns._CompiledCache(tmp_path / "a file" / "patterns.marshal")
    _as_re_compiles(_compile_all(cache, monkeypatch))
    cache.settle()  # no exception: an install the desk's user cannot write to


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ESTATEDESK_NLU_PATTERN_CACHE", "0")
    path = tmp_path / "patterns.marshal"
    cache = patterns._CompiledCache(path)
    _as_re_compiles(_compile_all(cache, monkeypatch))
    cache.settle()
    assert (cache.hits, cache.missed) == (0, 0)
    assert not path.exists()


def test_the_understander_starts_from_the_code_its_last_start_compiled() -> None:
    """Two fresh processes importing the understander: the second compiles none of its patterns."""
    code = "import bot.nlu.model, bot.nlu.patterns as p; print(p._CACHE.hits, p._CACHE.missed)"
    env = {k: v for k, v in os.environ.items() if k != "ESTATEDESK_NLU_PATTERN_CACHE"}
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        for _ in range(2)
    ]
    hits, missed = (int(n) for n in runs[1].stdout.split())
    assert missed == 0
    assert hits > 500
