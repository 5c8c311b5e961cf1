"""Building and unit extraction, including what must not be taken for a unit."""

from __future__ import annotations

import pytest

from bot.nlu.units import UnitMention, extract_unit, normalise_building, normalise_unit

FOUND = [
    ("3棟502廚房漏水", ("3", "502")),
    ("3-502", ("3", "502")),
    ("3栋502室", ("3", "502")),
    ("2號樓301", ("2", "301")),
    ("2号楼301室", ("2", "301")),
    ("七棟302", ("7", "302")),
    ("十二座1503", ("12", "1503")),
    ("A座1203", ("A", "1203")),
    ("Block 3 #05-02", ("3", "05-02")),
    ("Blk 3 05-02", ("3", "05-02")),
    ("blk3 #11-05 toilet", ("3", "11-05")),
    ("Tower B 12F", ("B", None)),
    ("B座12樓", ("B", None)),
    ("3座12樓B室", ("3", "12B")),
    ("12/F flat B", (None, "12B")),
    ("12B", (None, "12B")),
    ("flat 12B", (None, "12B")),
    ("unit 12B", (None, "12B")),
    ("unit 1708 no water", (None, "1708")),
    ("rm 1203", (None, "1203")),
    ("502室冇電", (None, "502")),
    ("#05-02", (None, "05-02")),
    ("5座", ("5", None)),
    ("第三座", ("3", None)),
    ("lift in tower B", ("B", None)),
    ("我住3-502", ("3", "502")),
    ("6-1502露台", ("6", "1502")),
    ("ｂ座１２０３", ("B", "1203")),  # full-width
    ("water leaking from ceiling in 12B", (None, "12B")),
    ("Block 3 #05-02 aircon no power", ("3", "05-02")),
]

NOT_UNITS = [
    "call me on 9123 4567",
    "91234567",
    "+852 9123-4567",
    "我的手机 13812345678",
    "paid $1,200 yesterday",
    "我交咗1200蚊",
    "交咗$3,000",
    "9月嘅管理費",
    "2026-09 之前",
    "2025年12月",
    "3點嚟",
    "at 10pm",
    "10am tomorrow",
    "2部電梯都壞咗",
    "3 days no water",
    "kitchen sink blocked",
    "my neighbour blocks the corridor",
    "一棟樓都冇電",
    "12楼的感应灯不亮",
    "corridor lights on 15/F",
    "stuck between 5 and 6 floor",
    "after the 15th",
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[t for t, _ in FOUND])
def test_finds_building_and_unit(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize("text", NOT_UNITS)
def test_numbers_that_are_not_units(text: str) -> None:
    assert extract_unit(text) == UnitMention(None, None)


def test_result_is_named() -> None:
    mention = extract_unit("3棟502")
    assert (mention.building, mention.unit) == ("3", "502")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(" 3 ", "3"), ("03", "3"), ("七", "7"), ("十二", "12"), ("b", "B"), ("", None), (None, None)],
)
def test_normalise_building(raw: str | None, expected: str | None) -> None:
    assert normalise_building(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("#05-02", "05-02"), (" 12b ", "12B"), ("５０２", "502"), ("七零二", "702"), ("  ", None), (None, None)],
)
def test_normalise_unit(raw: str | None, expected: str | None) -> None:
    assert normalise_unit(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hong Kong floor-and-flat forms, with Arabic and Chinese numerals.
        ("15樓A室水喉漏", (None, "15A")),
        ("15/F Flat A 冇熱水", (None, "15A")),
        ("Flat 15A toilet blocked", (None, "15A")),
        ("第五座二十三樓C室個掣冒火花", ("5", "23C")),
        ("五座二十三樓C室", ("5", "23C")),
        ("二座十二樓B室冇電", ("2", "12B")),
        ("第二座十樓D室", ("2", "10D")),
        ("三十三樓A室漏水", (None, "33A")),
        ("Tower 2, 15/F, Flat C", ("2", "15C")),
        ("Block 3 23rd floor flat C", ("3", "23C")),
        # Mainland forms: entrance (单元) and flat, "2-502", as such estates' registries hold them.
        ("3号楼2单元502室卫生间漏水", ("3", "2-502")),
        ("三号楼二单元五零二室", ("3", "2-502")),
        ("5栋1单元1203", ("5", "1-1203")),
        ("我住3单元501 下水道堵了", (None, "3-501")),
        ("8-2-1503 洗衣机排水口往外冒水", ("8", "2-1503")),
        ("喂 那个 我 住 三 号 楼 二 单元 一 八 零 六", ("3", "2-1806")),
        ("2024-05-12 交了物业费", (None, None)),
        ("2號樓3單元501室", ("2", "3-501")),
        ("喂 三 单元 五 零 一 厕所 堵了", (None, "3-501")),
        ("2单元的电梯坏了", (None, None)),
        ("单元门禁卡刷不开", (None, None)),
        # Digits spoken one by one, as phone transcripts give them.
        ("三座五零二", ("3", "502")),
        ("喂 我係三座 五 零 二 嘅", ("3", "502")),
        ("七座一二零八 個𨋢壞咗", ("7", "1208")),
        ("幺号楼幺零幺室", ("1", "101")),
        ("喂 我係 一 二 D 嘅業主", (None, "12D")),
        ("九 B 又喺度嘈", (None, "9B")),
        ("九 座 flat 一 四 零 五 冇電", ("9", "1405")),
        ("she lives in Block 5 flat 3 oh 2", ("5", "302")),
        ("flat one two bee", (None, "12B")),
        ("er block three flat five oh two the tap is leaking", ("3", "502")),
        ("tower two flat fifteen a", ("2", "15A")),
        ("unit twelve b no hot water", (None, "12B")),
        ("block five unit double one oh three", ("5", "1103")),
    ],
)
def test_units_in_every_notation(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一棟樓都停電",  # a whole building, not building 1
        "三日冇人執垃圾",
        "第一次報修",
        "two lifts are down",
        "I waited one hour",
        "one of the lights in the lobby",
        "十二點後仲好嘈",
    ],
)
def test_spoken_numbers_that_are_not_units(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("七", "7"), ("十", "10"), ("十二", "12"), ("二十三", "23"), ("一百零二", "102"), ("两", "2"), ("七零二", "702")],
)
def test_chinese_numerals(raw: str, expected: str) -> None:
    from bot.nlu.units import _digits

    assert _digits(raw) == expected
