"""Every button parser reads any string without raising, and accepts only what a builder can make."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.callback_data import (
    MAX_ID,
    PARSERS,
    StaffButton,
    choice_id,
    db_id,
    dialog_data,
    notice_data,
    parse,
    parse_dialog,
    parse_notice,
    parse_questionnaire,
    parse_resident,
    parse_staff,
    parse_survey,
    prefix_of,
    questionnaire_data,
    resident_data,
    staff_data,
    survey_data,
)

# Any code point, surrogates and other scripts' digits ("²", "٣", "５") included.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=80)
PIECES = st.sampled_from(
    ["t", "r", "s", "q", "n", "f", "d", "x", ":", "1", "0", "²", "٣", "５", "-1", "+1", "9223372036854775808",
     "9223372036854775807", "99999999999999999999", "claim", "assign", "merge", "xfer", "msg", "go", "stop", "nf",
     "skip", "5", " ", "\n", "\x00", "\ud800", "abc"]
)  # fmt: skip
# Strings that look like button data: well-known pieces joined, so the parsers' every branch is reached.
LOOKALIKE = st.lists(PIECES, max_size=8).map("".join)
IDS = st.integers(1, MAX_ID)


def rebuilt(prefix: str, value: object) -> str:
    """The data a builder makes for what a parser read."""
    if prefix == "d":
        token, choice = value  # type: ignore[misc]
        return dialog_data(token, choice)
    if prefix == "t":
        assert isinstance(value, StaffButton)
        return staff_data(value.ticket_id, value.action, value.arg or None)
    if prefix == "r":
        return resident_data(*value)  # type: ignore[misc]
    if prefix == "s":
        return survey_data(*value)  # type: ignore[misc]
    if prefix == "q":
        return questionnaire_data(*value)  # type: ignore[misc]
    if prefix == "n":
        return notice_data(*value)  # type: ignore[misc]
    assert prefix == "f"
    return str(value)


@settings(max_examples=600, deadline=None)
@given(st.one_of(ANY_TEXT, LOOKALIKE))
def test_every_parser_reads_anything_without_raising(data: str) -> None:
    results = {prefix: parser(data) for prefix, parser in PARSERS.items()}
    prefix_of(data)
    found = parse(data)
    if found is None:
        return
    prefix, value = found
    assert results[prefix] == value
    # What a parser accepts is exactly what the builder makes: ids in range, ASCII digits, known words.
    assert rebuilt(prefix, value) == data
    assert len(data.encode()) <= 64


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY_TEXT, LOOKALIKE, st.integers().map(str)))
def test_ids_are_ascii_digits_within_64_bits(text: str) -> None:
    value = db_id(text)
    if value is not None:
        assert 1 <= value <= MAX_ID and str(value) == text and text.isascii()
    choice = choice_id(f"unit:{text}", "unit")
    assert choice == value


@settings(max_examples=200, deadline=None)
@given(IDS, IDS, st.sampled_from(["reopen", "nudge", "msg"]), st.integers(0, 19), st.sampled_from("12345"))
def test_what_the_builders_make_reads_back(ticket: int, other: int, action: str, position: int, answer: str) -> None:
    assert parse_staff(staff_data(ticket, "claim")) == StaffButton(ticket, "claim")
    assert parse_staff(staff_data(ticket, "assign", other)) == StaffButton(ticket, "assign", str(other))
    assert parse_staff(staff_data(ticket, "merge", other)) == StaffButton(ticket, "merge", str(other))
    assert parse_staff(staff_data(ticket, "xfer", "security")) == StaffButton(ticket, "xfer", "security")
    assert parse_resident(resident_data(ticket, action)) == (ticket, action)
    assert parse_survey(survey_data(ticket, "nf")) == (ticket, "nf")
    assert parse_questionnaire(questionnaire_data(ticket, position, answer)) == (ticket, position, answer)
    assert parse_notice(notice_data(ticket, "go")) == (ticket, "go")


@pytest.mark.parametrize(
    "data",
    [
        "r:²:msg",  # "²".isdigit() is True, int("²") raises
        "r:٣:msg",  # Arabic-Indic three: int() reads it as 3
        "r:9223372036854775808:msg",  # one past BIGINT: the driver raises DataError
        "r:99999999999999999999:reopen",
        "r:0:msg",
        "r:007:msg",
        "r:-1:msg",
        "r:1:msg:extra",
        "r:1:delete",
        "t:²:claim",
        "t:1:assign:²",
        "t:1:assign:99999999999999999999",
        "t:1:merge:-5",
        "t:1:claim:1",
        "t:1:xfer:a b",
        "t:1:nothing",
        "t:1",
        "s:²:5",
        "s:1:6",
        "q:1:²:1",
        "q:1:20:1",
        "q:1:0:99",
        "n:²:go",
        "n:1:yes",
        "f:stop:now",
        "d:ABC:x",
        "d:abc:",
        "d:abc:\n",
        "x:1:2",
        "",
        ":",
        "t:1:claim\x00",
        "r:1:msg\ud800",
        "t:" + "1" * 70 + ":claim",
    ],
)
def test_forged_data_reads_as_nothing(data: str) -> None:
    assert parse(data) is None
    assert all(parser(data) is None for parser in PARSERS.values())


def test_each_prefix_reads_its_own_buttons() -> None:
    assert parse("t:12:claim") == ("t", StaffButton(12, "claim"))
    assert parse("d:a1:menu:repair") == ("d", ("a1", "menu:repair"))
    assert parse_dialog("d:a1:unit:12") == ("a1", "unit:12")
    assert parse("f:stop") == ("f", "f:stop")
    assert parse("q:5:0:3") == ("q", (5, 0, "3"))
    assert choice_id("unit:12", "unit") == 12 and choice_id("unit:²", "unit") is None
    with pytest.raises(ValueError):
        staff_data(1, "xfer", "x" * 70)
