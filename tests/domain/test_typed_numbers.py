"""Numbers people type (ticket numbers, buildings) are read without ever raising, whatever the script."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.tickets import TicketKind, format_number, parse_number
from bot.nlu.units import normalise_building

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.one_of(ANY_TEXT, ANY_TEXT.map(lambda t: "R-" + t)))
def test_ticket_numbers_read_anything_without_raising(text: str) -> None:
    parsed = parse_number(text)
    if parsed is not None:
        kind, seq = parsed
        assert 0 <= seq < 2**63 and parse_number(format_number(kind, seq)) == parsed


@pytest.mark.parametrize("text", ["R-²", "R-٣", "R-①", "R-𐩀", "R-99999999999999999999", "R-", "R--1", "R-1 2"])
def test_what_is_no_ticket_number(text: str) -> None:
    assert parse_number(text) is None


def test_ticket_numbers_as_typed() -> None:
    assert parse_number(" r-123 ") == (TicketKind.REPAIR, 123)
    assert parse_number("C-000045") == (TicketKind.COMPLAINT, 45)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_buildings_read_anything_without_raising(text: str) -> None:
    normalise_building(text)


def test_a_digit_int_refuses_is_kept_as_written() -> None:
    assert normalise_building("𐩀") == "𐩀"  # Kharosthi one: str.isdigit() says yes, int() says no
    assert normalise_building("03") == "3" and normalise_building("٣") == "3"
