"""From a resident's words to their registry unit: extraction and matching together, whatever the notation."""

from __future__ import annotations

import pytest

from bot.domain.residents import Unit
from bot.nlu.units import extract_unit
from dialogs.report import own_unit

MAINLAND = Unit(1, "2", "3-501")
PLAIN = Unit(2, "2", "501")
HK = Unit(3, "5", "23C")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("2号楼3单元501室 卫生间漏水", MAINLAND),
        ("3单元501 厨房堵了", MAINLAND),
        ("501室 厨房堵了", MAINLAND),  # the entrance left out
        ("501室 厨房堵了", PLAIN),
        ("2号楼3单元501室", PLAIN),  # the registry files no entrance
        ("喂 二 号 楼 三 单元 五 零 一 水管 漏水", MAINLAND),
        ("第五座二十三樓C室冇電", HK),
        ("23樓C室冇電", HK),
    ],
)
def test_a_resident_is_matched_whatever_the_notation(text: str, unit: Unit) -> None:
    building, said = extract_unit(text)
    assert own_unit([unit], building, said) == unit


@pytest.mark.parametrize(
    ("text", "unit"), [("2号楼4单元501室", MAINLAND), ("3号楼3单元501室", MAINLAND), ("502室", PLAIN)]
)
def test_someone_elses_unit_is_not_matched(text: str, unit: Unit) -> None:
    building, said = extract_unit(text)
    assert own_unit([unit], building, said) is None
