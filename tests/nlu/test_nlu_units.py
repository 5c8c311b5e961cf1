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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare flat (floor digits and a letter) after a building, at the end, after a marker with any letter.
        ("Block 4 22H toilet cistern keeps running", ("4", "22H")),
        ("Tower 2 31K no hot water since morning", ("2", "31K")),
        ("the extractor fan is dead. 11J", (None, "11J")),
        ("Unit 28M front door lock jammed", (None, "28M")),
        ("flat 6k, the tap drips", (None, "6K")),
        # A floor with "F" and then the flat: the flat letter is the unit.
        ("new owner at 27F flat D, Block 3, how do I get a car park card", ("3", "27D")),
        ("renovation next door (14F, Unit E) since Monday", (None, "14E")),
        # A floor alone stays no unit, however written.
        ("Tower C 16F the bin room smells", ("C", None)),
        ("the lights on 8/F are off", (None, None)),
        ("the 5th floor corridor is dark", (None, None)),
        ("7樓走廊好暗", (None, None)),
        ("someone on 21F keeps smoking in the stairs", (None, None)),
        # Chinese: a bare flat number said as a home, written or said digit by digit.
        ("我家住2207 卫生间下水很慢", (None, "2207")),
        ("您好，我家是1806。热水器打不着火", (None, "1806")),
        ("隔壁2304每晚都好嘈", (None, "2304")),
        ("对面1109门口堆满纸箱", (None, "1109")),
        ("我楼上那家 一四零六 天天拖椅子", (None, "1406")),
        ("2506嗰個信箱鎖壞咗", (None, "2506")),
        ("1904的狗成日喺走廊屙尿", (None, "1904")),
        ("1707成日喺後樓梯食煙", (None, "1707")),
        ("喂 我係二三零八嘅 冇熱水呀", (None, "2308")),
        ("客厅的灯不亮了 麻烦派人看看 2109", (None, "2109")),
        ("漏水好严重 一直往下滴 一六零四 快点来", (None, "1604")),
        ("我二一H 個雪櫃掣冒煙", (None, "21H")),
        ("喂 七座 二二零一 嘅 抽氣扇唔轉", ("7", "2201")),
        ("6座大堂信箱，2203嗰個冇咗門", ("6", "2203")),
        # Mainland building and entrance, with the flat said later in the message.
        ("在4号楼3单元，电梯卡在十楼。我家住1502，家里老人在里面", ("4", "3-1502")),
        # Spoken English letters and self-corrections: the correction wins.
        ("I live in block dee and the lobby light is broken", ("D", None)),
        ("tower gee the lift is making a noise", ("G", None)),
        ("flat three aitch the fridge socket sparks", (None, "3H")),
        ("flat sixteen jay is very noisy", (None, "16J")),
        ("er block two sorry block four flat eleven cee", ("4", "11C")),
        ("flat thirty one no no flat thirteen dee tower bee", ("B", "13D")),
        ("tower six i mean tower eight the gate is stuck", ("8", None)),
        ("第二座 唔係 第四座 1107 冇水", ("4", "1107")),
        ("是3栋不是5栋，电梯坏了", ("3", None)),
    ],
)
def test_bare_flats_homes_and_corrections(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Amounts, written or said.
        "上个月交了2600管理费",
        "我充了四零零 电表还是显示欠费",
        "維修費要3400蚊咁貴",
        "the bill says $2,340 but I paid $1,980",
        "paid 9k deposit already",
        # Times and years.
        "0930到1130停水",
        "2018年装修的 地板起鼓",
        "二零二三 年交的楼",
        "1400开始停电到1700",
        # Phone numbers, written or said in groups.
        "我电话 6123 4567 有事打给我",
        "电话 九八七六 五四三二",
        # Car spaces and number plates.
        "我的车位D-317被人占了",
        "停车位 A-142 顶上漏水",
        "车牌 好似系 HK 四四七",
        # Meter readings, counts, emergency numbers, networks and measures.
        "电表读数4512对不上",
        "水表 读数 2288 太高",
        "已經打咗九九九",
        "打了119 消防快到了",
        "lift lobby has no 5G signal",
        "Block 7 4G signal is weak in the lift",
        "the new bulb is 40w",
        "有300多人签名反对",
        "the people above us on 17F keep dragging chairs",
    ],
)
def test_numbers_that_are_not_homes(text: str) -> None:
    assert extract_unit(text).unit is None
