"""Common areas and buildings named in residents' messages, in the three languages and usual notations."""

from __future__ import annotations

import itertools

import pytest

from bot.nlu.model import BuiltinUnderstander
from bot.nlu.places import find_common_area, says_own_home

AREAS = [
    ("the lift is stuck", "lift"),
    ("elevator not working", "lift"),
    ("升降機壞咗", "lift"),
    ("电梯坏了", "lift"),
    ("𨋢壞咗", "lift"),
    ("lobby light is off", "lobby"),
    ("大堂好黑", "lobby"),
    ("電梯大堂漏水", "lobby"),
    ("lift lobby door broken", "lobby"),
    ("corridor light flickering", "corridor"),
    ("走廊燈壞", "corridor"),
    ("楼道的灯不亮", "corridor"),
    ("car park gate stuck", "car_park"),
    ("carpark B1 flooded", "car_park"),
    ("停車場好多水", "car_park"),
    ("地下车库漏水", "car_park"),
    ("stairwell light broken", "stairwell"),
    ("後樓梯好臭", "stairwell"),
    ("楼梯间的灯坏了", "stairwell"),
    ("garden sprinkler broken", "garden"),
    ("花園啲樹冧咗", "garden"),
    ("club house aircon not working", "clubhouse"),
    ("會所冷氣壞咗", "clubhouse"),
    ("clubhouse toilet blocked", "clubhouse"),
    ("main gate won't open", "gate"),
    ("大閘開唔到", "gate"),
    ("roof leaking", "roof"),
    ("天台水箱漏水", "roof"),
    ("refuse room smells", "refuse_room"),
    ("垃圾房好臭", "refuse_room"),
    ("垃圾站很脏", "refuse_room"),
    ("podium tiles cracked", "podium"),
    ("playground swing broken", "playground"),
    ("泳池水好污糟", "pool"),
    ("gym treadmill broken", "gym"),
    ("信箱壞咗", "mailbox"),
    ("公共地方燈壞", "common_area"),
    ("common area light broken", "common_area"),
]

NOT_AREAS = [
    "kitchen tap dripping",
    "廚房水喉漏水",
    "my garden tap leaking",
    "我家花園水喉漏水",
    "屋企走廊燈壞",  # a home's own hallway
    "toilet blocked in 3-502",
    "我交咗管理費未",
    "the lifting handle of my window is loose",
    "elevated water bill",
]

# A building in every notation residents use, and what the registry holds.
BUILDINGS = [
    ("block A", "A"),
    ("Block 3", "3"),
    ("blk 3", "3"),
    ("Tower 2", "2"),
    ("tower B", "B"),
    ("Building 5", "5"),
    ("2座", "2"),
    ("第二座", "2"),
    ("二座", "2"),
    ("2棟", "2"),
    ("2栋", "2"),
    ("2號樓", "2"),
    ("2号楼", "2"),
    ("B座", "B"),
    ("十二座", "12"),
    ("第3座", "3"),
]
AREA_WORDS = {"en": ("lift", "lobby", "car park", "refuse room"), "zh": ("升降機", "大堂", "停車場", "垃圾房")}
AREA_KEYS = {"lift": "lift", "lobby": "lobby", "car park": "car_park", "refuse room": "refuse_room",
             "升降機": "lift", "大堂": "lobby", "停車場": "car_park", "垃圾房": "refuse_room"}  # fmt: skip


@pytest.mark.parametrize(("text", "area"), AREAS)
def test_common_areas_are_found(text: str, area: str) -> None:
    assert find_common_area(text) == area


@pytest.mark.parametrize("text", NOT_AREAS)
def test_places_in_a_home_and_other_words_are_not_common_areas(text: str) -> None:
    assert find_common_area(text) is None


@pytest.mark.parametrize(("text", "own"), [
    ("3座 我家廚房漏水", True), ("my flat has no power", True), ("Block 3 no power", False), ("3座冇電", False),
])  # fmt: skip
def test_own_home_words(text: str, own: bool) -> None:
    assert says_own_home(text) is own


def _combinations() -> list[tuple[str, str, str]]:
    cases = []
    for (building, expected), kind in itertools.product(BUILDINGS, ("en", "zh")):
        for word in AREA_WORDS[kind]:
            if kind == "en":
                text = f"the {word} in {building} is broken"
            else:
                text = f"{building}{'的' if building.isascii() else ''}{word}壞咗"
            cases.append((text, expected, AREA_KEYS[word]))
    return cases


@pytest.mark.parametrize(("text", "building", "area"), _combinations())
def test_a_common_area_and_its_building_are_understood_together(
    model: BuiltinUnderstander, text: str, building: str, area: str
) -> None:
    got = model.understand_now(text)
    assert (got.building, got.unit, got.common_area) == (building, None, area)
