"""A unit a resident names is matched against their registry units whatever the notation."""

from __future__ import annotations

import pytest

from bot.domain.residents import Unit, own_unit, unit_key
from bot.nlu.units import extract_unit

MAINLAND = Unit(1, "2", "3-501")
PLAIN = Unit(2, "2", "501")
HK = Unit(3, "5", "23C")


@pytest.mark.parametrize(
    ("text", "units", "expected"),
    [
        ("2号楼3单元501室 卫生间漏水", [MAINLAND], MAINLAND),
        ("3单元501 厨房堵了", [MAINLAND], MAINLAND),
        ("501室 厨房堵了", [MAINLAND], MAINLAND),  # the entrance left out: the resident's only such flat
        ("501室 厨房堵了", [PLAIN], PLAIN),
        ("2号楼3单元501室", [PLAIN], PLAIN),  # the registry files no entrance
        ("第五座二十三樓C室冇電", [HK], HK),
        ("23樓C室冇電", [HK], HK),
    ],
)
def test_a_resident_is_matched_whatever_the_notation(text: str, units: list[Unit], expected: Unit) -> None:
    building, unit = extract_unit(text)
    assert own_unit(units, building, unit) == expected


@pytest.mark.parametrize(
    ("building", "unit", "units"),
    [
        ("2", "4-501", [MAINLAND]),  # another entrance's flat 501
        ("3", "3-501", [MAINLAND]),  # another building
        (None, "501", [MAINLAND, Unit(4, "2", "4-501")]),  # which of two? the dialog asks
        (None, "502", [PLAIN]),
        (None, None, [PLAIN]),
    ],
)
def test_someone_elses_or_an_ambiguous_unit_is_not_matched(
    building: str | None, unit: str | None, units: list[Unit]
) -> None:
    assert own_unit(units, building, unit) is None


@pytest.mark.parametrize(
    ("raw", "key"), [("3单元501室", "3-501"), ("3單元501", "3-501"), ("#05-02", "05-02"), ("flat 12b", "12B")]
)
def test_unit_key(raw: str, key: str) -> None:
    assert unit_key(raw) == key
