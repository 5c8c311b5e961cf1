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
        ("對門1805成日放垃圾出走廊", (None, "1805")),
        ("对门300米有个超市", (None, None)),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Phone-call stutters: a number begun and said again before a building, floor or flat.
        ("喂 三 三号楼 一单元 二零一 停电了", ("3", "1-201")),
        ("我哋喺 八 八座 十樓 冇水", ("8", None)),
        ("我是十一 十一栋二单元 五零三", ("11", "2-503")),
        ("我是三 三十号楼", ("30", None)),
        ("喂 九座十五 十五樓A 有煙", ("9", "15A")),
        ("係C座三十 三十一樓D 個掣冒火", ("C", "31D")),
        ("二十 二十五樓E 冇電", (None, "25E")),
        ("我哋喺九座 一二 一二零五 冇水", ("9", "1205")),
        ("5 5号楼 电梯停了", ("5", None)),
    ],
)
def test_stutters(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Digits said one by one, and a recogniser's split of one number, are no stutter.
        ("七座 一 一 零 三 冇水", ("7", "1103")),
        ("我係一 一座住戶", ("11", None)),
        ("我家一 一号楼 二单元 一七零一", ("11", "2-1701")),
        ("我住 一五 一五 冇熱水", (None, "1515")),
        ("电话 九八 九八七六五四三二", (None, None)),
        ("我就是那个 二十三 栋的 我们这层全是烟", ("23", None)),
    ],
)
def test_no_stutter(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Chinese self-corrections of a building or a flat: the last one said wins.
        ("我住二座 嗯 唔係 三座 十五樓A室", ("3", "15A")),
        ("五号楼 说错了 六号楼 二单元 五零一", ("6", "2-501")),
        ("我是四号楼 不不 五号楼 一单元", ("5", None)),
        ("我係一二零一 唔啱 一二零二 冇熱水", (None, "1202")),
        ("三座 一二零一 呃 唔係 一二零二", ("3", "1202")),
        ("1203室 不对 1302室 下水道堵了", (None, "1302")),
        ("我住十二B 唔係 十二C", (None, "12C")),
        ("二零二 不对 是二零一", (None, "201")),
        ("我住2302 不是 2301 呃 2302没错", (None, "2302")),
        # A building before 楼下 ("below building 10"), but ten buildings counted stay none; "24h" before "number".
        ("十栋楼下的垃圾桶满了", ("10", None)),
        ("小区十栋楼都停电了", (None, None)),
        ("what's the use of a 24h number nobody answers", (None, None)),
        # A flat said as an amount after its building, but not a sum; a floor said with its zero ("零七樓").
        ("八座 一千二百零六 冇熱水", ("8", "1206")),
        ("三栋两千零三的窗户关不上", ("3", "2003")),
        ("九座三千蚊管理費點解咁貴", ("9", None)),
        ("四座 零 九 樓 B 廁所漏水", ("4", "9B")),
        # An entrance corrected.
        ("十号楼 二单元 呃 不对 三单元 七零二", ("10", "3-702")),
        ("6号楼1单元，说错了，2单元1102 厕所漏水", ("6", "2-1102")),
        # Said in contrast, not corrected: the first stays.
        ("我系3座唔系5座", ("3", None)),
        ("我是1203不是1302", (None, "1203")),
        # A floor said before a flat number that repeats it.
        ("7座 二樓二零五 漏水", ("7", "205")),
        ("8座 12楼1203 漏水", ("8", "1203")),
        ("我係三座二十樓 嗰個D室", ("3", "20D")),
    ],
)
def test_chinese_corrections(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The mainland form written in English: building, entrance ("unit") and room.
        ("Building 3, Unit 2, Room 501 water leaking from the ceiling", ("3", "2-501")),
        ("bldg 8 entrance 1 rm 1203 no hot water", ("8", "1-1203")),
        ("Bldg. 11 Unit 3 Room 1802", ("11", "3-1802")),
        ("unit 2 room 501 no water", (None, "2-501")),
        ("building five unit two room one one oh one", ("5", "2-1101")),
        # A unit alone is still the flat.
        ("Building 3 unit 1708 no water", ("3", "1708")),
        ("Block 2 Unit 12 no water", ("2", "12")),
    ],
)
def test_mainland_form_in_english(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The flat letter before the floor.
        ("Unit C, 8/F, Tower 1 the buzzer is broken", ("1", "8C")),
        ("my mother lives in Flat B on the 12th floor", (None, "12B")),
        ("Flat D 31F Block 2", ("2", "31D")),
        ("23rd floor flat C no water", (None, "23C")),
        # Flats said in English in other orders, with fillers.
        ("I'm in twelve c block three no water", ("3", "12C")),
        ("she is in six b tower two", ("2", "6B")),
        ("tower two uh one one oh five no power", ("2", "1105")),
        ("block seven er twenty one oh three the lift", ("7", "2103")),
        ("flat er two oh one leaking", (None, "201")),
        ("unit um twelve dee", (None, "12D")),
        ("the water is from upstairs uh one five a", (None, "15A")),
        ("twenty two b kitchen tap leaking", (None, "22B")),
        ("flat uh three three d three three d", (None, "33D")),
        # The mainland shorthand 3#楼.
        ("5#楼2单元1201 漏水", ("5", "2-1201")),
        ("12#楼电梯坏了", ("12", None)),
    ],
)
def test_english_flats_in_other_orders(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Spoken numbers with a letter that are no flat.
        "it happens twenty a day",
        "two two a week is too many",
        "set the aircon to twenty two c",
        "two two see you later",
        "I have two b",
        "one a day",
        "twenty two f is dark",
        "block five um two people stuck",
    ],
)
def test_spoken_letters_that_are_not_flats(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare flat number in English, where the words around say it is a home.
        ("water is coming from 1805 above us", "1805"),
        ("the lady in 2306 has a dog that barks all night", "2306"),
        ("noise from 905 every night", "905"),
        ("someone in 1910 is smoking in the corridor", "1910"),
        ("the kids in 2012 run around at midnight", "2012"),
        ("rubbish bags outside 1203 for days", "1203"),
        ("the door of 2708 is blocked by shoes", "2708"),
        ("the family opposite 1502 keeps shouting", "1502"),
        ("I live in 1203 and my toilet is blocked", "1203"),
        ("In 3203 the toilet is blocked", "3203"),
        ("leak through the ceiling, please send someone 1605", "1605"),
        ("help please 3102!", "3102"),
        ("the smell from um 2204 is terrible", "2204"),
    ],
)
def test_english_bare_flats(text: str, expected: str) -> None:
    assert extract_unit(text) == (None, expected)


@pytest.mark.parametrize(
    "text",
    [
        # Years.
        "In 2005 we bought the flat and the pipes are original",
        "we bought the flat in 2005 and the pipes leak",
        "the building was renovated in 2015 but the lift is old",
        "lived here since 1998",
        "lived here since 2010",
        "in 2019, the ceiling fell",
        "When the ceiling fell in my flat in 2019, mgmt said they would pay",
        "back in 2012 the lobby flooded",
        "the lift from 2008 is old",
        "the lift was installed in 2003",
        "since march 2012 no one fixed it",
        # Times, ranges, minutes.
        "the meeting is at 1930 in the clubroom",
        "water off from 0930 to 1130",
        "water off from 1005 to 1110",
        "around 1205 the water stopped",
        "waited 1205 minutes",
        # Amounts.
        "I paid 1205 dollars for the repair",
        "a fee of 1205 was charged",
        "the bill came to 1210",
        "the total was 1205",
        # Phone numbers, car spaces, references, readings, counts.
        "call me on 2801 2345",
        "call me 2801-2345",
        "my car is parked in 1205 of the car park",
        "parking space 1205 is flooded",
        "ticket 1205 still open",
        "ref no. 1205",
        "my reference number is 1205",
        "the code is 1205",
        "the meter reads 1205",
        "there were 1205 complaints",
        "out of 1205 flats",
        # Not shaped like a flat.
        "the guy from 1998 called",
        "noise from 1250 is loud",
    ],
)
def test_english_numbers_that_are_not_homes(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ground-floor shop numbers, with a shop word near them, are filed as units.
        ("Shop G3 roller shutter won't go up", (None, "G3")),
        ("we're the florist in shop no. G15, the drain smells", (None, "G15")),
        ("tenant of G07 here, our aircon drips on customers", (None, "G07")),
        ("Tower 2 shop G05 ceiling leaking", ("2", "G05")),
        ("地舖G12嘅捲閘壞咗", (None, "G12")),
        ("G03號舖門口有積水", (None, "G03")),
    ],
)
def test_shop_units(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A G-number with no shop word, or a car space, is no shop; a shop on the ground floor has no number.
        "my car is in parking G12",
        "gate G12 is stuck",
        "G12 is broken again",
        "the shop has no 5G signal",
        "the shop on G/F is flooded",
    ],
)
def test_not_shop_units(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Every syllable spaced by the recogniser: numerals said twice before a spaced floor word are digits.
        ("七 座 二 二 樓 A 室 冇電", ("7", "22A")),
        ("我係 九 座 一 一 層 B 室", ("9", "11B")),
        ("五 號 樓 三 三 層 走廊好暗", ("5", None)),
        # A stutter joined to its building or floor word is still a stutter.
        ("喂 三 三座 十二樓B", ("3", "12B")),
    ],
)
def test_floors_said_digit_by_digit(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A numeral said again before a flat that would make no flat with it (floor above 40, five digits).
        ("我是七号楼六 六零二的 楼上漏水", ("7", "602")),
        ("三号楼 九 九零一 漏水", ("3", "901")),
        ("喂 我住 四 四零五 冇熱水", (None, "405")),
        ("五座一 一二零三 冇電", ("5", "1203")),
        # A numeral said again before 单元: entrances are small numbers.
        ("她住十二栋二 二单元五零一", ("12", "2-501")),
        ("喂 九号楼 三 三单元 七零一 停水", ("9", "3-701")),
        # A flat said as a number with 十 and then digit by digit: the digits are the flat.
        ("我是三单元 十零二 一零零二", (None, "3-1002")),
        ("五号楼一单元 十一零三 一一零三 停水了", ("5", "1-1103")),
        ("九座 十二 一二零五 冇水", ("9", "1205")),
    ],
)
def test_more_stutters(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A recogniser's split of a flat with a plausible floor is no stutter.
        ("五座一 一零九 個窗關唔到", ("5", "1109")),
        ("我係二座三 三零八", ("2", "3308")),
        # Two different numbers are left alone.
        ("七座二十 二零零五", ("7", "2005")),
    ],
)
def test_splits_that_are_no_stutter(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A flat number and 家, where what follows says it is a household.
        ("1203家的小孩天天在走廊踢球", (None, "1203")),
        ("楼上1805家天天装修", (None, "1805")),
        ("对门1502家把鞋柜放楼道里了", (None, "1502")),
        ("六零三家的狗又在叫", (None, "603")),
    ],
)
def test_flat_and_household(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Counts of households or shops.
        "小区有300家商户",
        "有600家搬进来了",
        "附近1200家店都停电了",
        "整栋楼200家的水费都算错了",
    ],
)
def test_household_counts_are_not_units(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    "text",
    [
        # Hours.
        "保安不是24h值班吗",
        "7*24h 有保安巡逻",
        "超过48h还没人来修",
        "48h以内回复",
        "3栋24h有保安吗",
        "the guard is 24h on duty",
        "please reply within 48h",
        "24小时有人值班",
        "7x24 有人值班吗",
        "7×24小时客服",
        # Phone numbers read out, or named by their last digits.
        "我手机号1390 后面的我再发",
        "手机号是一三八 后面几位我等下发给你",
        "电话 一八六 嗯 剩下的我再说",
        "我换了新号 你记下 一五九",
        "手机尾号 一二零八",
        # Parcels named by their tracking number.
        "快递尾号3381到了吗",
        "取件码 4471",
        "麻烦查一下快递单号后四位 五五二零",
        "快递单号3381",
        "my parcel tracking number ends in 1205",
        "the last four digits 1108",
    ],
)
def test_hours_phones_and_parcels_are_not_units(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An "h" flat with no hours word, and a home beside a phone or parcel number, stay units.
        ("9h 洗手間去水好慢", (None, "9H")),
        ("Block 4 24H toilet leaks", ("4", "24H")),
        ("flat 24h no hot water", (None, "24H")),
        ("我住1203 尾号3381的快递到了吗", (None, "1203")),
        ("喂 一五零八 后面的楼梯灯坏了", (None, "1508")),
    ],
)
def test_units_beside_hours_and_phone_numbers(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The place between two buildings names neither (decision in units.py, at _BETWEEN_BUILDINGS).
        ("三号楼和五号楼中间的路灯坏了", (None, None)),
        ("3栋与5栋之间的草地有积水", (None, None)),
        ("3、5号楼之间有积水", (None, None)),
        ("the path between Block 3 and Block 5 is dark", (None, None)),
        ("between towers 1 and 2 there's a fallen tree", (None, None)),
        # A building named elsewhere still counts, and two buildings not named as a place keep the first.
        ("我住7栋，3号楼和5号楼中间的路灯坏了", ("7", None)),
        ("3号楼和5号楼的电梯都坏了", ("3", None)),
        ("the lights between the lifts of Block 3 are off", ("3", None)),
    ],
)
def test_between_two_buildings(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An English flat corrected without its word said again: the corrected flat wins.
        ("flat er eight eight er sorry eighteen G", (None, "18G")),
        ("um flat eight A no sorry eight B block seven", ("7", "8B")),
        ("unit twelve oh one I mean twelve oh two", (None, "1202")),
        ("flat 12b sorry 12c no hot water", (None, "12C")),
        ("rm er three oh five er sorry three oh six block two", ("2", "306")),
        # What follows the correction word is no flat: the flat stays.
        ("flat 12b no one came to fix it", (None, "12B")),
        ("unit 1708 sorry 2 days no water", (None, "1708")),
        ("flat 5a sorry one more thing", (None, "5A")),
    ],
)
def test_english_flat_corrected_without_its_word(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Chinese flat corrected by its letter, or said whole again after the correction.
        ("十二樓A室 唔係 B室 十二樓B室", (None, "12B")),
        ("十二樓A室 唔係 B室 冇熱水", (None, "12B")),
        ("十二樓A室 唔係 十二樓B室", (None, "12B")),
        ("三座八樓C室 講錯 D室 八樓D室", ("3", "8D")),
        ("12楼a室 不对 b室", (None, "12B")),
        # Said in contrast, not corrected: the first stays.
        ("我系十二樓A室 唔系B室", (None, "12A")),
    ],
)
def test_chinese_flat_letter_corrected(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A flat said as its floor with 十 and then digit by digit ("twelve, oh three").
        ("九号楼 一单元 十二零三 不对 一二零三 我想问下欠费", ("9", "1-1203")),
        ("一单元 十二零三 厕所漏水", (None, "1-1203")),
        ("五号楼二单元十一零二", ("5", "2-1102")),
        ("三栋十零一 漏水", ("3", "1001")),
        ("我家是 十二零三", (None, "1203")),
        ("十二零三 不对 十二零四", (None, "1204")),
        # A time said with 点 is no flat.
        ("今日十二点零三分", (None, None)),
    ],
)
def test_floor_then_flat_digits(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Building, entrance and flat, or building and flat, said in English with "dash".
        ("er six dash one dash fifteen oh three", ("6", "1-1503")),
        ("eight dash two dash twelve oh one no hot water", ("8", "2-1201")),
        ("three dash five oh two no water", ("3", "502")),
        ("er two dash er twelve oh three", ("2", "1203")),
        # A phone number or two small numbers are no flat.
        ("call me nine one two three dash four five six seven", (None, None)),
        ("five dash three", (None, None)),
    ],
)
def test_dashed_address_in_english_words(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A building said again with the flat after it.
        ("我是 那个 三栋 三栋五零一的 我想问问", ("3", "501")),
        ("九号楼的 九号楼 一单元 八零二", ("9", "1-802")),
        ("a座 呃 a座1203", ("A", "1203")),
        ("block five er block five twelve d", ("5", "12D")),
        ("tower 3 tower 3 1502", ("3", "1502")),
        # A floor said twice before its flat letter is said once; a floor said digit by digit is kept.
        ("management fee er block five er twelve er twelve D", ("5", "12D")),
        ("flat twenty two twenty two b", (None, "22B")),
        ("um fifteen fifteen a leaking", (None, "15A")),
        ("flat one one b", (None, "11B")),
        ("flat twelve twelve", (None, "1212")),
    ],
)
def test_building_and_floor_said_twice(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Buildings said as English ordinals, also after Chinese text.
        ("有人困咗喺lift入面呀 快啲 second block", ("2", None)),
        ("the third tower lift is broken", ("3", None)),
        ("2nd block no water since morning", ("2", None)),
        ("second block twelve oh three no power", ("2", "1203")),
        ("the second block of flats by the gate", ("2", None)),
        # "Block" as a verb or a lump, and an ordinal before another word, name no building.
        ("please first block the door with something", (None, None)),
        ("the second block of ice melted in the lobby", (None, None)),
        ("this is the second time the tower lift broke", (None, None)),
    ],
)
def test_english_ordinal_buildings(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Floors said as English ordinals before a flat word.
        ("block two uh fifteenth floor flat e please send someone quick", ("2", "15E")),
        ("the 15th floor flat e", (None, "15E")),
        ("block two, the twenty-third floor, flat c", ("2", "23C")),
        ("block 3 twenty first floor unit b no water", ("3", "21B")),
        # Without a flat word a floor is no unit, and "a lot" is no flat A.
        ("fifteenth floor lights out", (None, None)),
        ("twenty-third floor a lot of noise", (None, None)),
        ("the second floor corridor is dark", (None, None)),
    ],
)
def test_english_ordinal_floors(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The floor word before its number, next to a flat word, wherever the building is said.
        ("block 3 floor 16 flat A the sink is blocked", ("3", "16A")),
        ("floor 16, flat A, block 3 no hot water", ("3", "16A")),
        ("flat a on floor 16, block 3", ("3", "16A")),
        ("Flat C, Floor 9 - the window won't close", (None, "9C")),
        ("floor sixteen flat a", (None, "16A")),
        ("fl. 12 unit c", (None, "12C")),
        # A floor alone, or a floor word that is a floor to mop, is no unit.
        ("floor 3 lobby is dirty", (None, None)),
        ("the cleaner mopped the floor 3 times, flat a still smells", (None, None)),
    ],
)
def test_english_floor_before_its_number(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Singapore's notation: a three-digit block with its "#floor-flat", a street name between or not.
        ("Blk 231 #05-112 toilet leaking", ("231", "05-112")),
        ("blk 231 ang mo kio ave 3 #05-112 no water since morning", ("231", "05-112")),
        ("Block 12 #05-02", ("12", "05-02")),
        # Without the "#" unit a three-digit block is no building: "block 502" is a flat number said oddly.
        ("block 502 lift broken", (None, None)),
        ("paid 231 dollars for #05-112", (None, "05-112")),
    ],
)
def test_three_digit_block_with_its_hash_unit(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A colon after a flat number ends a heading, not a time; a flat letter said apart after a flat word.
        ("Tower 7, Flat 2512: half the sockets have no power", ("7", "2512")),
        ("did you get my fps transfer flat eleven k", (None, "11K")),
        ("flat 11 k please", (None, "11K")),
        # A floor said in number words before its floor word and a flat word.
        ("the switch trips every time twenty two f flat d block six", ("6", "22D")),
        ("fifteen floor unit b", (None, "15B")),
        ("i have two floor mats, flat a is mine", (None, None)),
        # A time is still no flat; the pronoun and the article are no flat letter.
        ("flat 1230:45", (None, None)),
        ("flat 11 i think", (None, "11")),
        ("unit 5 a lot of noise", (None, None)),
    ],
)
def test_a_colon_after_a_flat_and_a_letter_said_apart(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A flat said right after a building named by a spoken letter, without "flat".
        ("it's for tower bee twenty one see", ("B", "21C")),
        ("block ay twelve d no hot water", ("A", "12D")),
        ("tower bee twelve oh three", ("B", "1203")),
        # "see you", the article "a" and a count are no flat letter and no flat.
        ("tower bee two two see you there", ("B", None)),
        ("tower b twenty a month is too much", ("B", None)),
        ("tower b two days no water", ("B", None)),
    ],
)
def test_flat_after_a_lettered_building(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The place a smell, noise or water comes from, or a flat one goes to.
        ("喂 我在楼道里闻到很大的煤气味 五楼 好像是从502传出来的", (None, "502")),
        ("好像是从402家里传出来的，敲门没人应。11号楼。", ("11", "402")),
        ("成晚都係1203傳來嘅音樂聲", (None, "1203")),
        ("樓上1805滴水落我冷氣機", (None, "1805")),
        ("你哋派人去1502睇下啦", (None, "1502")),
        ("好大煙味 係1603嗰度飄過嚟", (None, "1603")),
        # Bus routes, amounts, the past, counts, fax numbers and round numbers are no flat.
        ("請問去502路巴士站點行", (None, None)),
        ("管理費從1200加到1500", (None, None)),
        ("过去1200年都冇人理", (None, None)),
        ("有300家传出噪音投诉", (None, None)),
        ("传真1503收到未", (None, None)),
        ("1500传出来的声音好大", (None, None)),
    ],
)
def test_flat_a_nuisance_comes_from(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Car spaces, lockers and number plates, however said, are no unit.
        ("it's space b one two b twelve like every weekend", (None, None)),
        ("someone parked in parking space one two", (None, None)),
        ("space b12 taken again", (None, None)),
        ("車位B12又俾人泊咗", (None, None)),
        ("车位号B-12被占了", (None, None)),
        ("locker 12b won't open", (None, None)),
        ("储物柜12B打唔开", (None, None)),
        ("车牌粤B12345的车停在消防通道", (None, None)),
        # A flat named beside them still counts; "a lot" is no car lot.
        ("my parking space is b12 but i live in flat 12b", (None, "12B")),
        ("車位B12俾人泊咗 我住3座1203", ("3", "1203")),
        ("车位3号楼502", ("3", "502")),
        ("thanks a lot 12b here", (None, "12B")),
    ],
)
def test_car_spaces_lockers_and_plates(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A recogniser that writes each digit of a number said digit by digit on its own.
        ("我 是 5 号 楼 2 单元 1 1 0 2 的 就是 我家 水管 那个 水压 特别小", ("5", "2-1102")),
        ("喂 物业 啊 我 是 15 号 楼 6 0 1 的 热水器 一 开 就 跳闸", ("15", "601")),
        ("我 是 3 号 楼 1 单元 1 0 1 的 就是 下水道 反 水 了", ("3", "1-101")),
        ("喂 我 係 5 座 1 2 0 3 嘅 廁所 漏水", ("5", "1203")),
        ("喂 物业吗 我 1 2 栋 阳台门 关不上", ("12", None)),
        ("um tower 2 flat 1 2 0 3 the aircon er leaking", ("2", "1203")),
        ("i live in block 3 flat 1 2 b the toilet is blocked", ("3", "12B")),
        # A caller's filler between the building and the flat, and a self-correction.
        ("喂 物业吗 我 1 2 栋 那个 三 零 五 不对 是 四 零 五 啊 阳台门 关不上", ("12", "405")),
        # Digits said one by one after a word for where a home is.
        ("my neighbour fainted in the corridor outside two zero seven", (None, "207")),
        ("water coming from one one oh three above us", (None, "1103")),
        # The flat's letter said apart from its floor, after the building.
        ("喂 你好 我哋廚房抽氣扇唔轉 麻煩整吓 十座 6 A", ("10", "6A")),
        ("tower 5 12 b the toilet is blocked", ("5", "12B")),
        ("flat thirty-two C the shower has no hot water", (None, "32C")),
        # A flat said as one word before its building.
        ("我住一八零六 七座 冷氣滴水", ("7", "1806")),
        ("喂 我系幺二零一 十一栋的 楼道灯不亮", ("11", "1201")),
    ],
)
def test_digits_written_one_by_one(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("leaking for 2 3 days now in 12B", (None, "12B")),  # two numbers, not one
        ("smoke detector needs putting back. Block 7 3A", ("7", "3A")),  # a building, then a flat
        ("5 5号楼 电梯停了", ("5", None)),  # a stutter
        ("call me back on 9 1 2 3 4 5 6 7 about the lift", (None, None)),  # a phone number
        ("will the car park flood again like in 2008, asking for my dad", (None, None)),  # a year
    ],
)
def test_digits_apart_that_stay_apart(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "T" for tower, with the flat right after it in any of the notations.
        ("T7-1905 the bathroom fan is dead", ("7", "1905")),
        ("T3 22-01 water dripping from the ceiling", ("3", "22-01")),
        ("住T6 9C 門鐘壞咗", ("6", "9C")),
        ("t11, 30/F flat D, lift lobby light out", ("11", "30D")),
        ("the bins in the T4 podium stink", ("4", None)),
        ("14C T9, shower drain blocked", ("9", "14C")),
        # "T8" or "T1" where the message speaks of a typhoon is the signal.
        ("is the shuttle bus running during T8 tomorrow", (None, None)),
        ("掛T3仲使唔使交場地費", (None, None)),
        ("T1 is up, will the pool close?", (None, None)),
        ("typhoon coming, T8 tonight, pls check the podium drains", (None, None)),
        ("T3 later today? then the clubhouse closes I guess", (None, None)),
        # The flat said just before its building.
        ("the bathroom fan at 1604 Tower 7 is rattling", ("7", "1604")),
        ("we're 0812, Block 2 and the hallway smells of gas", ("2", "0812")),
        ("in 2019 block 6 had the same leak again", ("6", None)),  # a year
        ("paid 1500 tower 3 parking", ("3", None)),  # no flat ends in 00
        # Shops by their number, and the mainland shorthand building#flat.
        ("商场二楼15号铺门口的灯不亮", (None, "15")),
        ("shop no. 9 on the podium, the shutter is stuck", (None, "9")),
        ("报修 卫生间漏水 12#1802", ("12", "1802")),
        # 廿 is twenty.
        ("我住三座廿二樓B 冇熱水", ("3", "22B")),
        # Mainland English: the number before "building".
        ("the No. 12 building lift is stuck at 9 floor", ("12", None)),
    ],
)
def test_towers_written_as_t_and_a_number(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A building-flat pair corrected whole: the last one said wins.
        ("A-0908 oops I mean A-0809, kitchen sink blocked", ("A", "0809")),
        ("2-1711 no sorry 2-1117 the doorbell is dead", ("2", "1117")),
        ("7-2305 嗯 唔係 7-2503 冇熱水", ("7", "2503")),
        ("6-0602 不对 6-0603 楼上漏水", ("6", "0603")),
        # No correction: what follows the correction word is no building-flat pair.
        ("4-1901 no one answered the hotline", ("4", "1901")),
        ("4-1901, no light in the corridor, 4-1902 has none either", ("4", "1901")),
        # 單位 between the floor and its flat letter.
        ("九座廿樓單位E 窗門鎖唔到", ("9", "20E")),
        ("十六樓 單位G 洗手盆塞咗", (None, "16G")),
    ],
)
def test_dashed_flats_corrected_and_the_flat_word_after_a_floor(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Building#entrance, the mainland shorthand with no flat.
        ("5#3单元楼下的信报箱门掉了", ("5", None)),
        # A flat's doorway.
        ("有人把纸箱堆在802门口 堵住了走廊", (None, "802")),
        ("2103嘅门口成日有烟头", (None, "2103")),
        # 唔系 followed by an apology corrects; alone after 系 it contrasts.
        ("我係二座 唔係唔好意思 係三座十樓A 冇熱水", ("3", "10A")),
        ("我系4栋 不是不好意思 是5栋 电梯坏了", ("5", None)),
        ("我系4座唔系6座 个信箱坏咗", ("4", None)),
    ],
)
def test_building_hash_entrance_a_flats_doorway_and_an_apology_that_corrects(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A flat said digit by digit after the entrance: 单元 is no money word (元).
        ("喂 你好 九号楼三单元 嗯 一二零四 厨房水管漏了", ("9", "3-1204")),
        # The stretch from one building to another belongs to neither.
        ("从2栋到6栋那条路的井盖松了", (None, None)),
        ("我住9栋 从2栋到6栋那条路的井盖松了", ("9", None)),
        # 从 alone still names its building.
        ("从8号楼1503传来很大的音乐声", ("8", "1503")),
    ],
)
def test_a_flat_said_after_its_entrance_and_the_stretch_between_buildings(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 次卧 is the second bedroom, not "1203 times"; 点解 is "why", not an hour; 部 before the appliance it
        # counts is no count of the flat.
        ("12号楼1203 次卧的窗户关不上", ("12", "1203")),
        ("五座1807 點解今個月收咁多錢", ("5", "1807")),
        ("8座2211 部洗衣機入唔到水", ("8", "2211")),
        ("买了1203部手机", (None, None)),
        # The floor word before its number in other words ("level", Indonesian "lantai"), and "blok" for block.
        ("tower 7 level 21 unit C aircon leaking", ("7", "21C")),
        ("Blok 2 lantai 9 unit B lampu mati, light not working", ("2", "9B")),
        ("the water level 3 cm in the car park", (None, None)),
        # A home one owns is a home: "I own 2106".
        ("I own 2106 and my tenant says the boiler is dead", (None, "2106")),
        # A flat said digit by digit after its building, corrected without the flat word.
        ("er it's block six one five zero two sorry one five zero three the sink", ("6", "1503")),
        ("tower b two one a no sorry two one c", ("B", "21C")),
        ("block 3 one two zero three sorry no one came", ("3", "1203")),
        # A number word said again after a filler is a false start.
        ("no hot water flat thirty er thirty one c tower two", ("2", "31C")),
        ("block four flat eight um eight d the door lock", ("4", "8D")),
    ],
)
def test_count_words_that_name_no_count_and_floor_words_of_other_languages(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A flat after "#" with no building before it; not a ticket, an order or a car space.
        ("#2207 leaves shoes and trolleys in the lift lobby", (None, "2207")),
        ("karaoke till 2am from #903 again, Blk 5", ("5", "903")),
        ("the smoke is from #1815 tower 1, they burn paper", ("1", "1815")),
        ("case #1203 still no reply", (None, None)),
        ("my order #1410 went to the wrong block", (None, None)),
        ("停车位#1102被人占了", (None, None)),
        # The flat letter after a dash.
        ("Flat 9-C Block 4 ceiling damp", ("4", "9C")),
        ("unit 3-501 kitchen tap", ("3", "501")),
        # A lift's number is no building when a tower with its own number follows; "No.7 building" still is.
        ("the lift no. 3 Block 6 stopped at 11/F", ("6", None)),
        ("No.5 building 803 no water", ("5", "803")),
        # An emergency number called, after its building, and a sum of money counted with 笔.
        ("5座，999已經打咗，好大煙", ("5", None)),
        ("两笔钱，一笔580一笔1203，扣错了", (None, None)),
        # Digits said with hyphens between them; "two-way" is no number.
        ("um tower three flat one-seven-c the intercom", ("3", "17C")),
        ("the two-way switch in 9D stopped working", (None, "9D")),
        # Between the two buildings is neither of them ("两座之间"); the middle lift of block 2 is block 2's.
        ("两栋之间那条小路的路灯全黑", (None, None)),
        ("2座中間嗰部𨋢又壞", ("2", None)),
        # Building, entrance and flat after a label; a time before the dashes is no building.
        ("房号：12-3-1102 热水器打不着", ("12", "3-1102")),
        ("预约 10:20-1-601 不对吧", (None, None)),
    ],
)
def test_flats_after_a_hash_a_dashed_letter_and_numbers_that_are_no_flat(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A number as a speech recogniser writes it beside a place word: "tower to", "flat ate", "for oh", 坐 and 单圆.
        ("hello i live in tower to flat nine F the bathroom fan is dead", ("2", "9F")),
        ("flat ate B block three no hot water since morning", ("3", "8B")),
        ("we are in for oh seven tower twelve and the corridor light is off", ("12", "407")),
        ("喂 我係第五坐十二樓A 個水錶好似壞咗", ("5", "12A")),
        ("我是六号楼三单圆幺零零二的 马桶堵了", ("6", "3-1002")),
        # Not numbers: "to" and "for" elsewhere, a seat (坐) that is no building.
        ("i want to talk to the manager about block C", ("C", None)),
        ("waiting for a plumber since Monday, flat 3D", (None, "3D")),
        ("大堂冇位坐，可唔可以加張櫈", (None, None)),
        # A flat said as one word and then its building, after other words ("冇声 一零零三 六座").
        ("門鐘唔響 試咗幾次 二零零五 八座", ("8", "2005")),
        # A building's number and then a floor, a space apart ("Blk 2 6樓D" is not block 26), and an emergency
        # number called, before the building ("已经打了119，4号楼") or after it.
        ("冷氣滴水 Tower 3 9樓B", ("3", "9B")),
        ("走廊好大烟，打咗999喇，7座", ("7", None)),
        ("we have dialled 119 already, building 6 entrance 2", ("6", None)),
        # A Hong Kong flat after its building and a hyphen ("5-23C"; "7-8F" is floors), and 卅 for thirty.
        ("3-17A 冷氣機漏水", ("3", "17A")),
        ("the stairs 10-11F smell of smoke from cigarettes", (None, None)),
        ("第二座卅三樓B室 洗手盆塞咗", ("2", "33B")),
        # The flat put right by saying which it is not: the one said first stands.
        ("头先报修讲错房号 系 二 零 零 八 唔系 二 零 零 九", (None, "2008")),
        ("我家是1702不是1703，刚才说错了", (None, "1702")),
    ],
)
def test_numbers_as_a_recogniser_writes_them_and_a_flat_before_its_building(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A floor and its flat letter named apart, a building between them, in either order.
        ("Kitchen sink blocked. 18/F Block 2, flat C", ("2", "18C")),
        ("Flat D, 7樓, 第3座 個門鐘壞咗", ("3", "7D")),
        ("九樓 第二座 E室 熱水爐冇火", ("2", "9E")),
        # Not one unit: a flat "a" that is an article, two floors, a sentence between them.
        ("the flat a bit damp since 12/F pipe work", (None, None)),
        ("Tower 6 3F and 5F lobby, flat B has no water", ("6", None)),
        ("Tower 3 26F. Flat F also leaking", ("3", None)),
        # The mainland entrance said in English after the building, the room first: "Rm 903, Bldg 12 Unit 2".
        ("Room 1101 Building 4 Unit 3, the stair light is out", ("4", "3-1101")),
        ("1203 tower 5 unit 2 floors below is noisy", ("5", "1203")),
        # A correction after a pause written as dots: "flat two three... sorry three two D".
        ("calling from tower eleven flat two three... sorry three two D the toilet is blocked", ("11", "32D")),
        # A flat put right by "其实是" (actually it is); "其实是租的" after a flat corrects nothing.
        ("备注写成了3-1802，其实是3-1803，麻烦核对", ("3", "1803")),
        ("我住1203，其实是租的，业主在国外", (None, "1203")),
        # A floor said with "flat" before it is still a floor: "flat 22 floor" names no flat.
        ("my helper say water come from flat nineteen floor tower eight", ("8", None)),
    ],
)
def test_a_floor_and_its_flat_letter_apart(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A floor and flat after a label's colon ("保安：十八樓C室"); a time's colon is no label.
        ("管理員記錄：十八樓C室住客話門鐘冇聲", (None, "18C")),
        ("booked for 10:30, flat unchanged", (None, None)),
        # Letters past H after a flat word or before 室; "flat is" is no flat I.
        ("三座九樓K室 窗鉸甩咗", ("3", "9K")),
        ("Block 6, 21/F Flat J, intercom dead", ("6", "21J")),
        ("the 12/F flat is too hot since the aircon broke", (None, None)),
        # A floor and its flat joined by a dash ("Blk 8 7F-B"), and a pause between floor and flat.
        ("Blk 8 7F-B toilet cistern keeps running", ("8", "7B")),
        ("我住七座…十五樓…嗯…D室 冇熱水", ("7", "15D")),
        # Block named first in Chinese numerals, "upstairs" after it, the flat later.
        ("七座 樓上成日拖櫈 我住十一樓E", ("7", "11E")),
        # A flat said again whole after a pause: "flat ten... ten C"; "flat 8... 9 people" is no flat.
        ("tower three flat fifteen... fifteen D, the buzzer is dead", ("3", "15D")),
        ("flat 8... 9 people came to the party upstairs", (None, None)),
        # A building named as the mistake on a bill is not the resident's.
        ("收据上写错成7号楼了，我是8号楼1203", ("8", "1203")),
        ("差餉單印成第二座，我住第六座 1805", ("6", "1805")),
        ("通知书写做8号楼，我是9号楼1202", ("9", "1202")),
        # A building corrected after 係 when the second is affirmed or said again; "是3栋不是5栋" stays a contrast.
        ("我係七座 唔係 係九座 九座三樓B", ("9", "3B")),
        ("我係十座 唔係 八座 八座十二樓C", ("8", "12C")),
        ("二号楼 哦不对 我说错了 是三号楼 1502", ("3", "1502")),
        ("是3栋不是5栋，1203", ("3", "1203")),
        # The same building said again with its flat.
        ("我係八座嘅，即係八座二零一五，門鐘壞咗", ("8", "2015")),
    ],
)
def test_labels_dashes_pauses_late_letters_restarts_and_mistakes(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A flat number read out in two parts after its word, floor then flat.
        ("Flat 17 02 has no hot water since Monday", (None, "1702")),
        ("rm 9 06, block 4, the door closer is broken", ("4", "906")),
        # Not one number: a time or a share after the flat.
        ("Flat 12 10am is the visit time, Block 2", ("2", "12")),
        ("unit 5 20% rent increase is too much", (None, None)),
    ],
)
def test_a_flat_number_in_two_parts(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A basement level and its zone is a place in the car park, not floor 2 flat B.
        ("负二层B区有个灯管一直闪", (None, None)),
        ("地下二层A区的排水沟堵了", (None, None)),
        # "Unit" after a building in mainland English is the entrance.
        ("Building 9 unit 2-1101, the intercom does not ring", ("9", "2-1101")),
        # A floor said after "onto the floor" (落地下) stays a floor and flat.
        ("啲水滴到落地下 十二樓C室", (None, "12C")),
    ],
)
def test_basement_levels_and_entrances_in_english(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A flat letter said as a word after written digits; "see you" is no flat C.
        ("the ceiling of flat 7 dee is leaking", (None, "7D")),
        ("ok flat 12 see you tomorrow", (None, "12")),
        # "flr" is a floor.
        ("blk 5 12th flr flat B, no water", ("5", "12B")),
    ],
)
def test_letter_words_and_floor_abbreviations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A flat corrected as it is said: what follows the correction is the flat meant, in the building said before.
        ("我住五座八樓C，唔係，係九樓C，廚房水喉漏水", ("5", "9C")),
        ("this is flat ten B, block two, sorry I mean eleven B, the intercom is dead", ("2", "11B")),
        ("我是三号楼二单元五零一 呃 不对 是六零一 暖气不热", ("3", "2-601")),
        ("七号楼 一单元 不对 二单元 的 一三零二 门口的灯坏了", ("7", "2-1302")),
        # A form filled in names the building by its field.
        ("座號：8 單位：21樓D 問題：窗鉸甩咗", ("8", "21D")),
    ],
)
def test_corrections_and_form_fields(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 单远 and 单原, what a recogniser writes for 单元.
        ("嗯 三号楼 四单远 一零零二 暖气片漏水", ("3", "4-1002")),
        ("五号楼二单原七零三 门锁坏了", ("5", "2-703")),
    ],
)
def test_entrance_homophones(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Where one lives and whose flat it is, with a bare number after it.
        ("I live 1607, the bathroom fan is noisy", (None, "1607")),
        ("upstairs 2003 dragging furniture every night", (None, "2003")),
        ("my neighbour 1911 leave rubbish outside", (None, "1911")),
        # A flat number closing the message in brackets.
        ("bedroom window cannot lock (2108)", (None, "2108")),
        # False starts said on the hotline: a ten on its own, a number begun twice.
        ("喂 我係 九座 十 十 三十 三十樓 B 個門鐘壞咗", ("9", "30B")),
        ("五座 一 一五 一五零二 廚房漏水", ("5", "1502")),
        ("八座 三 三十 三十一樓 A 冇電", ("8", "31A")),
    ],
)
def test_where_one_lives_and_false_starts(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The resident's own flat after another one named: the one meant.
        ("張單寫咗我係8樓C 錯咗 佢係8樓C 我係8樓D", (None, "8D")),
        ("the letter was for fifteen A but I'm fifteen B, tower two", ("2", "15B")),
        ("樓上1606漏水落嚟 我住1506", (None, "1506")),
        # One flat alone is taken wherever the resident's words are.
        ("我系3座9樓A 隔籬9樓B成日嘈", ("3", "9A")),
        # "On the fifteenth" is a date, not the fifteenth tower.
        ("we move in on the twelfth tower six flat nine B, can we book the lift", ("6", "9B")),
        # A flat after "above us,", and after a form's field with its colon.
        ("the flat above us, 2204, has a dog barking all night", (None, "2204")),
        ("座數:4 單位:1207 問題:門鐘壞", ("4", "1207")),
    ],
)
def test_the_residents_own_flat_and_field_colons(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A caller's filler between the entrance and the flat.
        ("喂 我是5号楼 嗯 3单元 呃 1502的", ("5", "3-1502")),
        ("二单元 那个 六零三 暖气不热", (None, "2-603")),
    ],
)
def test_fillers_between_entrance_and_flat(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A flat said digit by digit as a phrase of its own, also with hyphens, beside its building.
        ("block four, two two oh one. the tap is dripping", ("4", "2201")),
        ("three-oh-eight, tower two, the door bell is dead", ("2", "308")),
        # A pause between the flat word and its number; "double-two".
        ("tower five, flat, er, one one zero two, no hot water", ("5", "1102")),
        ("flat double-two C, tower one", ("1", "22C")),
        # A flat said in words and corrected without its word; one run into its building.
        ("it's nine A, sorry, nine B, block three", ("3", "9B")),
        ("block3flat12a no hot water", ("3", "12A")),
        # Chinese digits with hyphens, and a flat after 的 or 嘅.
        ("喂我五号楼的，幺-二-零-三，没有热水", ("5", "1203")),
        ("第七座嘅十二樓B室，冷氣漏水", ("7", "12B")),
    ],
)
def test_flats_said_as_a_phrase_of_their_own(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我係G十二號舖嘅租客，鐵閘拉唔落", (None, "G12")),
        ("this is shop G nine on the podium, our sink is blocked", (None, "G9")),
        ("calling from shop unit G twenty one about the invoice", (None, "G21")),
    ],
)
def test_a_shop_said_in_words(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Helpers' numbers in Indonesian and Tagalog.
        ("ma'am flat tiga belas D blok dua, the shower no hot water", ("2", "13D")),
        ("ako po yung helper sa flat dalawampu't isa B tower apat, barado ang lababo", ("4", "21B")),
        ("helper dari lantai sembilan belas block enam flat C, lampu kamar mati", ("6", "19C")),
        ("Blk 5 lt 22 flat A, keran bocor", ("5", "22A")),
        ("sir my employer ask, gedung tujuh, how much the parking", ("7", None)),
        # A floor and its flat letter apart, with a building or a pause between.
        ("floor 31, tower 2, flat H, the intercom is dead", ("2", "31H")),
        ("喂 八座 呃 十五樓 ... 係 D 室 冇熱水", ("8", "15D")),
        # A flat corrected with F as its letter; a misspelt teen.
        ("flat twelve no sorry fourteen F, tower six, the gate lock is stuck", ("6", "14F")),
        ("unit ninteen C block one the bell is broken", ("1", "19C")),
        # A flat in words before its building.
        ("six d in tower three, the kitchen light is out", ("3", "6D")),
        ("one one oh two building four, the window won't close", ("4", "1102")),
        # Building/floor and letter with a slash; floor-dash-letter after a building.
        ("the lock is jammed, 5/31C", ("5", "31C")),
        ("We're at 9/12F, flat B, the bell is broken", ("9", "12B")),
        ("Block 4, 16-A, no water since morning", ("4", "16A")),
        # A round thousand corrected; a day of the week before a building; a flat before 天花.
        ("我住三座 二千 唔係 二零零五 水喉漏水", ("3", "2005")),
        ("礼拜四二座停电几点开始", ("2", None)),
        ("我家1602天花板滴水", (None, "1602")),
    ],
)
def test_round_58_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1/2 a day without water, please explain",
        "there are two in block 3 who keep parking there",
        "I have been here twenty years in block three",
        "礼拜六下午三点开会",
    ],
)
def test_round_58_look_alikes_name_no_flat(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Tagalog's Spanish numbers after a place word; Cantonese romanised; the Tagalog ordinal of a floor.
        ("Tower Singko 9/F flat D po, sira ang doorbell", ("5", "9D")),
        ("gau joh 21B, the aircon leaking water ma'am", ("9", "21B")),
        ("Blk 2, ika-7 palapag, unit H, walang tubig", ("2", "7H")),
        ("blok C no. 8-A, lampu dapur mati", ("C", "8A")),
        # The mainland entrance and room beside a building named by its word.
        ("Building 11, apt 3-702, the radiator is cold", ("11", "3-702")),
        ("Room 2-1103, Bldg 6: the hallway light is out", ("6", "2-1103")),
        # A flat said alone after an entrance; a correction that keeps its entrance; an amount after an entrance.
        ("我是八号楼的，二单元，五零二，厨房漏水", ("8", "2-502")),
        ("七号楼，一单元，三零二，不对，是四零二，门锁坏了", ("7", "1-402")),
        ("十号楼，二单元，一千零三，没热水", ("10", "2-1003")),
    ],
)
def test_round_59_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "noise from the 3/F flats every night",
        "the lift got stuck between 9/F and 10/F a while ago, nobody inside",
        "lift sei jor again in Block 6, I walk up",
        "gym rules: the dos and don'ts are on the notice board",
    ],
)
def test_round_59_look_alikes_name_no_flat(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Tagalog's Spanish teens after a place word; a Tagalog ordinal in words.
        ("Tower dos, flat katorse B po, sira ang gripo", ("2", "14B")),
        ("Tower pito, ika-labing-isa na palapag, flat E, walang kuryente", ("7", "11E")),
        # A flat before the person it names, and before 日日 (every day).
        ("對面1507個阿婆成日喺走廊燒嘢", (None, "1507")),
        ("楼上1203日日半夜拖凳", (None, "1203")),
    ],
)
def test_round_60_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


def test_a_tagalog_ordinal_of_ten_is_the_tenth_floor() -> None:
    # "ika-sampu" once fell through to a default and was read as the seventeenth.
    assert extract_unit("Block 2, ika-sampu na palapag, flat C, walang ilaw") == ("2", "10C")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lone letter closing the clause after a bare floor; a flat as the whole last sentence; a recogniser's
        # "tour" for tower and "for" for four before a floor.
        ("no hot water since morning, block 4 17F C", ("4", "17C")),
        ("tower 2 9F D, the door lock is stuck", ("2", "9D")),
        ("kran dapur bocor terus dari pagi. 11J", (None, "11J")),
        ("er the lobby light on the thirty for floor of tour two keeps flickering", ("2", None)),
        ("tour eight flat nine b the toilet is blocked", ("8", "9B")),
    ],
)
def test_round_62_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "block 3 10F a lot of noise from the gym",
        "the quote was too expensive. 9k",
        "we went on a tour of the new clubhouse",
        "I paid twenty for the parking last night",
    ],
)
def test_round_62_look_alikes_name_no_flat(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The floor word before its number and a lone letter closing the clause; K right before its building; the
        # letter before "block".
        ("aircon bocor, T3 lt 20 B", ("3", "20B")),
        ("blok 5 lantai 9 E, kran dapur rusak", ("5", "9E")),
        ("engsel pintu copot 12K blok 4", ("4", "12K")),
        ("the corridor lights of the D block 7/F are out", ("D", None)),
    ],
)
def test_round_63_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on floor 3 a man is shouting at the guard", (None, None)),
        ("a block of flats is going up next door, the noise is terrible", (None, None)),
        ("the deposit was 15k", (None, None)),
    ],
)
def test_round_63_look_alikes(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A floor and a two-digit room; a flat put right by saying it again; "tower for flat"; a shop "gee"; 底商;
        # "block see"; the flat word before a bare-F floor; the resident's own building after another.
        ("三栋十八楼02，厕所漏水", ("3", "1802")),
        ("B座零七樓零五室 想問管理費", ("B", "705")),
        ("五号楼 二单元 三零一 不是三零一 是三零二 门锁坏了", ("5", "2-302")),
        ("hello tower for flat nine zero one no water", ("4", "901")),
        ("shop number gee eight the shutter is stuck", (None, "G8")),
        ("底商G11的门关不上", (None, "G11")),
        ("block see nineteenth floor the corridor light is out", ("C", None)),
        ("my flat is 12F tower 3, the toilet is blocked", ("3", "12F")),
        ("after the Block 7 accident I'm scared. Ours in Block 2 shakes at every stop", ("2", None)),
        ("7座出事之後，我哋3座部𨋢都成日震", ("3", None)),
    ],
)
def test_round_64_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I waited at the tower for an hour", (None, None)),
        ("they shut the water for the whole block for 9 hours", (None, None)),
        ("3号楼12楼 15个人在排队", ("3", None)),
        ("the flat is 20 years old and the pipes leak", (None, None)),
        ("see you at the tower", (None, None)),
    ],
)
def test_round_64_look_alikes(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A ground-floor flat numbered with its G, after a building, a ground-floor word or a flat word.
        ("B座地下G4 廁所去水好慢", ("B", "G4")),
        ("F座G7 電錶箱有啪啪聲", ("F", "G7")),
        ("Tower A, G/F Flat G2, the floor drain smells", ("A", "G2")),
        ("mould on the wall again, Flat G6, Tower B", ("B", "G6")),
    ],
)
def test_round_65_ground_floor_flats(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    ["someone parked in G12 again", "B2 G3 exit barrier broken", "3座G/F大堂燈唔著"],
)
def test_round_65_look_alikes_name_no_flat(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "flr", the helpers' short floor word, before its number and a flat word.
        ("pwede pa-print ulit ang bill? bldg 2 flr 20 flat H", ("2", "20H")),
        ("blk 3 flr 7 unit b, sira ang ilaw", ("3", "7B")),
        ("flat b on flr 7, blk 3", ("3", "7B")),
    ],
)
def test_round_66_floor_word_shortened(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


def test_round_66_the_shortened_floor_alone_names_no_flat() -> None:
    assert extract_unit("flr 20 lobby bldg 2") == ("2", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A podium shop numbered with its P, the shop word right beside it.
        ("我係平台P20舖 平台封咗成個月做唔到生意", (None, "P20")),
        ("Shop P12 here. Our shutter was damaged by the blast", (None, "P12")),
        ("我係平台P15舖嘅租戶 想問幾時可以入返去", (None, "P15")),
    ],
)
def test_round_67_podium_shops(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize("text", ["car park P2 is flooded near the shops", "P3 level exit near the mall is blocked"])
def test_round_67_a_car_park_level_is_no_shop(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare flat after Tagalog's and Bisaya's "sa" (at, in), as "in 2305" is read.
        ("Maam may sunog po sa 2305!! lumalaki na apoy sa sala", (None, "2305")),
        ("may dumating po bang malaking kahon para sa 2305? HKTVmall", (None, "2305")),
        ("sa 1203 tower 5 po, sira ang gripo", ("5", "1203")),
    ],
)
def test_round_67_a_flat_after_sa(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    ["magkano ang bayad sa 2024?", "sa 2024 pa ito sira", "nagbayad ako sa 205 pesos", "management fee sa 1205 po"],
)
def test_round_67_years_money_and_fees_after_sa_are_no_flat(text: str) -> None:
    assert extract_unit(text).unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A flat said one digit at a time with pauses, after the building, as a speech transcript writes it.
        ("喂，我想報漏水呀，廁所天花仲係滴緊。我係三座，二、四、零、五", ("3", "2405")),
        ("喂，救命呀，我個雪櫃後面冒煙呀，係，四座，九，樓，D", ("4", "9D")),
        ("我聞到好大陣煤氣味呀，二座，二、十、一、樓、A", ("2", "21A")),
    ],
)
def test_round_68_a_flat_said_apart(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


def test_round_68_a_list_is_no_flat_said_apart() -> None:
    assert extract_unit("问题一、二、三都未解决").unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A ground-floor flat named by its letter: the ground floor as G, as "15/F Flat A" is 15A.
        ("又落大雨，水由後面山坡沖落嚟，而家入緊我屋企，6座地下A室，快啲嚟！", ("6", "GA")),
        ("mould on the lower part of my walls, G/F Flat B, Block 6", ("6", "GB")),
        ("can the management lend us sandbags? ground floor Blk 6 Flat H", ("6", "GH")),
        ("Flat C on the G/F, Tower 2, the drain smells", ("2", "GC")),
    ],
)
def test_stop_37_ground_floor_flats_by_letter(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize("text", ["地下A座大堂啲燈壞咗", "6座地下大堂好臭", "G/F lobby of Block 6 is flooded"])
def test_stop_37_a_ground_floor_place_is_no_flat(text: str) -> None:
    assert extract_unit(text).unit is None


def test_stop_38_building_floor_and_letter_all_hyphenated() -> None:
    assert extract_unit("5-14-A 廁所塞咗 唔該派人嚟") == ("5", "14A")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "I said 3, not 8": the first building is the one meant, as after 是/系.
        ("我係話3座唔係8座 1203室", ("3", "1203")),
        ("我是说5栋不是6栋 1101", ("5", "1101")),
        # A correction still keeps the last: "三座唔係八座" said in one breath is 3, no, 8.
        ("三座唔係八座 1203", ("8", "1203")),
    ],
)
def test_stop_38_the_building_meant_said_first(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The stretch from one building to another belongs to neither (as "从3号楼到5号楼那一段").
        ("小区主干道的路灯有三盏不亮，就在7号楼到9号楼那段", (None, None)),
        ("我住2号楼，7号楼到9号楼那段路灯坏了", ("2", None)),
    ],
)
def test_stop_38_the_stretch_between_two_buildings(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A typhoon signal heard of or gone by is no tower: "T8 daw mamaya" (a T8 later, they say), "yesterday T8".
        ("ung bintana sa sala na-stuck d maisara, T8 daw mamaya, 28/F Flat A", (None, "28A")),
        ("kemarin T8 kaca jendela kamar retak kena angin, bs diganti?", (None, None)),
        # "24h duty line" is the hours of a line, not flat 24H.
        ("Hi, which number is the 24h duty line? want to save it", (None, None)),
    ],
)
def test_stop_38_signals_and_hours_are_no_address(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The mainland building#entrance-flat: "8#1-302" is building 8, entrance 1, flat 302.
        ("楼上漏水了 敲楼上门没人 8#1-302", ("8", "1-302")),
        # The entrance in English with the room word left out, after a comma.
        ("our radiator is barely warm. Building 6, unit 2, 1402. could someone come", ("6", "2-1402")),
        ("unit 1505, the bathroom ceiling drips", (None, "1505")),
        # A ground-floor flat as "unit G/F A"; a shop as Indonesian "toko G12"; a flat as "rmh C" (rumah).
        ("kran di halaman depan unit G/F A blok 8 gk bs ditutup", ("8", "GA")),
        ("toko G12 di bwh blok 1 numpuk kardus di depan lift", ("1", "G12")),
        ("wc mampet gk bs disiram, blok 5 lt 8 rmh C", ("5", "8C")),
        ("kecoa banyak bgt di ruang sampah lt 12, smp masuk2 ke rmh", (None, None)),
        # Taglish "d" (hindi, not) after a floor is no flat D.
        ("ang drilling sa 23/F d tumitigil kahit lunch time", (None, None)),
        ("stuck s lift ng block 1 between 7 and 8 floor, d bumubukas ung pinto", ("1", None)),
    ],
)
def test_stop_38_round_71_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A denial said twice corrects: "我係二座 唔係 唔係 六座" is 6 (said once it is a contrast: 2).
        ("喂 你好 我係 二座 唔係 唔係 六座 呀 一五零三", ("6", "1503")),
        ("我係二座 唔係 六座 1503", ("2", "1503")),
        # The building denied before it is named: "不是 不是 四号楼 是 十四号楼" is 14.
        ("就是 那个 不是 不是 四号楼 是 十四号楼 一单元 八零一 卫生间 堵了", ("14", "1-801")),
        # "This building" is none by number.
        ("说好的每周消杀一次，我们这一栋一个月都没见人来", (None, None)),
        # The floor word, then "no" and the letter, then the building ("lt 11 no D Tower 2", "lt 20 A Blok 7").
        ("plafon kamar mandi ada jamur. lt 11 no D Tower 2", ("2", "11D")),
        ("asap tipis dikit di langit2. lt 20 A Blok 7 tolong", ("7", "20A")),
    ],
)
def test_stop_38_round_72_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


def test_stop_38_a_reference_number_is_no_address() -> None:
    assert extract_unit("Kindly update me on my complaint ref C-2291 about the seepage from 16/F") == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A mainland shop's code after its shop word.
        ("我是3号楼底商S108的，卷帘门坏了拉不下来", ("3", "S108")),
        ("首层商铺S03的招牌灯晚上一直亮", (None, "S03")),
        # The resident's own flat after a neighbour's, said "we're in" / "我们住".
        ("the bass comes from above, I think it's 21B. We're in 20B, Tower 6.", ("6", "20B")),
        ("楼上1303又漏水 我们住1203", (None, "1203")),
        # Floors and flats in Javanese, Sundanese, Ilocano and Bisaya numbers, and their floor words.
        ("colokan metu kebul!!! blok telu lantai wolulas flat D", ("3", "18D")),
        ("kran pawon netes terus. Blok papat lantai patbelas flat A", ("4", "14A")),
        ("plafon kamar mandi jamuran. Blok sepuluh lantai songo flat F", ("10", "9F")),
        ("bau kaduruk di kamar mandi. flat sabelas F Blok salapan", ("9", "11F")),
        ("pipa peupeus. lantai tujuh belas blok genep flat E", ("6", "17E")),
        ("keran ngeclak wae. Blok hiji lantai salapan flat A", ("1", "9A")),
        ("bel pintu gk bunyi. tower 8 lt sembilan belas flat A", ("8", "19A")),
        ("agayus ti danum. maika-sangapulo ket lima a kadsaaran, Block 1 flat A", ("1", "15A")),
        ("Mano ti management fee ti sangapulo ket siam G ita a bulan?", (None, "19G")),
        ("naay baho sa gas. ika-baynte tres nga andana flat E, block kwatro", ("4", "23E")),
        ("pila ang management fee sa beinte uno C karong bulana?", (None, "21C")),
        # A floor in words with the building between it and the flat.
        ("water coming through the ceiling, fifteenth floor, block 2 flat C", ("2", "15C")),
        # Javanese "loro" is also ill: no number.
        ("mbah loro wis telung dina, lift e rusak", (None, None)),
    ],
)
def test_stop_39_round_74_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A floor and its letter apart, on their own.
        ("smoke detector in kitchen keep beeping low battery, can someone change? 12 D", (None, "12D")),
        ("tonggo 15 B muter musik banter bgt tengah wengi", (None, "15B")),
        ("tlg!!! nenek kejebak di lift, blok 3 lt 21 C cpt dtg pls", ("3", "21C")),
        ("wis ra mambu gas, tp tulung selang gas e dicek yo, 18 E blok 4", ("4", "18E")),
        # ... but not after a building or a lift, nor an "a" before a word, nor a letter that is a building.
        ("when will Block 7 A lift be fixed", ("7", None)),
        ("please stop sending me 5 a day", (None, None)),
        ("走廊好大陣煤氣味，十二樓，A座", ("A", None)),
        # A ground floor written twice: "地下G/F A室" is GA.
        ("地下G/F A室 大門鎖壞咗，入唔到屋", (None, "GA")),
        # Spanish numbers before a flat's letter, thirty, "tore" for tower, "letra" between, "kundi" correcting.
        ("yung aso ng kapitbahay sa dyes B tahol ng tahol", (None, "10B")),
        ("sa kapitbahay sa taas sa disinuebe D na wag magsampay", (None, "19D")),
        ("tore dos po ito flat trentay uno E, walang kuryente", ("2", "31E")),
        ("amoy gas po dito sa kusina, flat 7 letra D block uno", ("1", "7D")),
        ("mali po yung flat ko, hindi po 12A kundi 12H yung may leak", (None, "12H")),
        ("paki check ang drain sa beinte C", (None, "20C")),
        ("tres a day ang brownout dito", (None, None)),
    ],
)
def test_stop_39_round_75_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Taglish "d" (not) after a floor.
        ("ang pinto ng fire exit sa 20/F d na nagsasara ng kusa", (None, None)),
        # "ika-sampung palapag" is the tenth floor.
        ("pumutok tubo sa ilalim ng lababo, blk uno ika-sampung palapag unit B", ("1", "10B")),
        # Digits said apart with the pauses written "…".
        ("呃…我係…即係…三座…二…八…零…四…我個仔喺外國", ("3", "2804")),
        ("喂…二座,十...十四楼b,佢哋日日打麻雀", ("2", "14B")),
        # "应该系" the first, not the second.
        ("收據寫錯單位 應該係3座1105唔係1150", ("3", "1105")),
        # The ground floor's letter alone, and "G floor".
        ("Sewage coming up from the floor drain!! 2座 G/F C", ("2", "GC")),
        ("helper of G floor flat B, block nine, the water bill is so high", ("9", "GB")),
        ("elevator button sa g/f d umiilaw", (None, None)),
    ],
)
def test_stop_39_round_76_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Indonesian "lantai dasar" is the ground floor.
        ("bel pintu gak bunyi lagi, lantai dasar flat A blok 4", ("4", "GA")),
        # The own flat after a neighbour's keeps the entrance said before.
        ("5栋2单元1702有人在家吗 你家水管漏到我家了 我是1602的", ("5", "2-1602")),
    ],
)
def test_stop_39_round_77_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Round 78. A typhoon signal said to go up is no tower; a tower with its flat beside it still is.
        ("Will the car park flood again if the T8 goes up tomorrow? Should I move the car out?", (None, None)),
        ("T8 went up, water in the lobby", (None, None)),
        ("T8 going up soon, T2 flat 7C window cracked", ("2", "7C")),
        # Round 79. A mainland block's ground-floor shop by its number after 底商; a count or an area after it is none.
        ("1号楼底商105 商铺的物业费标准和住宅一样吗", ("1", "105")),
        ("我司租用12栋底商103作为办公用房，烦请开具发票", ("12", "103")),
        ("底商一共有20间", (None, None)),
        ("底商50平米的物业费怎么算", (None, None)),
        # Round 80. A wing between the block and the flat is dropped; a wing alone names nothing.
        ("11座A翼1502 樓上晾衫唔扭乾 啲水滴晒落我啲衫度", ("11", "1502")),
        ("3座B翼十二樓C室漏水", ("3", "12C")),
        ("A翼走廊燈壞咗", (None, None)),
    ],
)
def test_stop_40_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A mainland building of a letter and a number; "T2" stays Tower 2.
        ("B2栋1203漏水", ("B2", "1203")),
        ("我住A1栋2单元501，楼道灯不亮", ("A1", "2-501")),
        ("A3棟 五零一 想問還欠多少管理費", ("A3", "501")),
        ("T2栋1501", ("2", "1501")),
        # A lettered building in English; "building a" only where nothing follows the letter.
        ("Stuck in the lift in Building C with my dog, doors won't open", ("C", None)),
        ("There's a strong gas smell in the stairwell on 10F, building B", ("B", None)),
        ("Hi, Bldg A 7/F corridor light is out", ("A", None)),
        ("they are building a new gate at the car park", (None, None)),
        # "24h" before a repairer is hours, not flat 24H.
        ("is there a 24h technician on call if the lift breaks down at night?", (None, None)),
        ("My dog collapsed on our walk, where's the nearest 24h vet?", (None, None)),
        # Round 82. 坐 after a number is 座 misheard, but not sitting ("一坐就往下滑").
        ("小区健身房那个推胸的器械坐垫掉了 一坐就往下滑", (None, None)),
        ("第八坐十二楼A室", ("8", "12A")),
        # Round 83. A house on an estate of houses is a building without flats.
        ("Garage roller shutter at Villa 8 stuck halfway", ("8", None)),
        ("burst pipe in the garden, water gushing up by the gate of House 5", ("5", None)),
        ("12號屋廚房好大陣煤氣味", ("12", None)),
        ("15號屋地下A室廁所塞咗", ("15", "GA")),
        ("16号别墅报修的下水道，师傅今天几点来", ("16", None)),
        ("we bought the house 2 years ago and the roof leaks", (None, None)),
        ("3号屋苑的管理费比我们贵", (None, None)),
        # A typhoon signal "for the T8", "in a T8"; "哪一栋" asks which building.
        ("there's a late fee because your office was shut for the T8. Block 5, 12D", ("5", "12D")),
        ("flat above us is hammering at 11pm. in a T8. seriously", (None, None)),
        ("今天早上电梯困人了? 群里说的 是哪一栋", (None, None)),
        # Round 84. A shop number at a sentence's end; the trades that rent shops and their customers name a shop.
        ("Clinic receptionist collapsed behind the counter. 1/F Shop 112. Ambulance on the way", (None, "112")),
        ("G22門口條去水渠淤塞咗，一落雨就積水，客人要跳入嚟", (None, "G22")),
        ("尋晚有人撬我哋G35鐵閘，想睇返CCTV，點申請？", (None, "G35")),
        ("the lift lobby gate G2 is stuck open", (None, None)),
        # Round 85. A flat in digits and its letter said apart before the building, as voice input writes it.
        ("ceiling coming down big pieces fell on the stove 15 a tower 3", ("3", "15A")),
        ("pay six months management fee in advance for 21 a block 9 can I do it by bank transfer", ("9", "21A")),
        ("waited 15 a tower crane blocked the gate", (None, None)),
        ("the shop is 2 a block away from the gate", (None, None)),
        # A flat number that opens the message; not a year, an amount, a count or a time.
        ("1705 电闸又跳了 今天第四次 隔壁一开电锯就跳", (None, "1705")),
        ("1203, kitchen sink blocked again", (None, "1203")),
        ("2024 management fee statement is wrong", (None, None)),
        ("1200蚊 係咪太貴", (None, None)),
        ("300 people at the clubhouse party last night, so noisy", (None, None)),
        ("830 am the drilling starts every day", (None, None)),
        ("120已经打了 快来人", (None, None)),
        ("119 到咗未", (None, None)),
        ("1128 a month for parking is too much", (None, None)),
        ("1130 每月 係咪收多咗", (None, None)),
        # Stop 43. After a building, a bare floor and the flat's letter with more words after; alone, "20F B" may be
        # block B's floor and stays unread.
        ("Tower 2 20F B no water since this morning", ("2", "20B")),
        ("20F B toilet leaking since this morning", (None, None)),
        ("20F B tower lobby light broken", ("B", None)),
        ("10F a lot of noise tonight", (None, None)),
        # Round 86: 住 alone before the flat, a plea after a closing flat, a dog next door (no count of dogs), the top
        # floor before the flat, and a ticket number that looks like building-flat.
        ("3号楼电梯停了 我妈88岁坐轮椅住1402 下不了楼 麻烦尽快修一下", ("3", "1402")),
        ("楼上爆水管！！水由我天花一直射落嚟 成个厅湿晒 1502 快啲", (None, "1502")),
        ("隔篱1906只狗成晚吠 我听日仲要返工啊", (None, "1906")),
        ("我住18号楼顶层2601，每次下雨天花都渗水", ("18", "2601")),
        ("你好，我报的窗户维修单号是23-0551，已经十天了，请问什么时候可以修？", (None, None)),
        ("记住 抓住1203号车位", (None, None)),
        ("我哋养咗300只猫", (None, None)),
        # Round 87: the door of a flat knocked on, a mailbox's flat, a generator counted by 部.
        ("5号楼3单元楼道里燃气味非常重，我敲了402的门没人应", ("5", "3-402")),
        ("13座信箱1507嘅锁畀人撬咗", ("13", "1507")),
        ("隔籬1808部發電機由朝嘈到晚", (None, "1808")),
        # Round 88: the 一 of 一直 after a spoken flat, a recogniser's 好楼 for 号楼, where one lives said in contrast.
        ("我们一号楼一单元九零一 一直空着", ("1", "1-901")),
        ("一号楼一单元九零一 一下就好", ("1", "1-901")),
        ("三号楼十一楼", ("3", None)),
        ("喂喂喂 电体卡住了 里面有人 七好楼 七好楼 你们快点来人啊", ("7", None)),
        ("追款信寄錯咗呀，我住23D唔係23B，我冇欠錢", (None, "23D")),
        # Round 89: a Shanghai lane number (号) before the flat and its 室 is the building.
        ("墙壁上发霉 一块一块黑额 23号601室", ("23", "601")),
        ("物业费是按季度交还是按年交额 侬帮我查查伐 我是6号101室", ("6", "101")),
        ("3号楼5号502室", ("3", "502")),
        # Stop 45: blocks numbered "1號座", and an entrance and flat said before their building.
        ("我住1號座1203 冇水", ("1", "1203")),
        ("住喺十號座 lift又壞", ("10", None)),
        ("我座位號係3號座位", (None, None)),
        ("一单元七零三 二十六号楼 厕所漏水", ("26", "1-703")),
        ("2单元 1101, 7号楼", ("7", "2-1101")),
        ("新搬来的1203邻居在走廊里放了个大鞋柜", (None, "1203")),
        ("昨天502邻居家爆管已经修好了", (None, "502")),
        ("全小区共有800业主", (None, None)),
        ("楼下S05号商铺为餐饮店，油烟直排，3号楼低层住户无法开窗", ("3", "S05")),
        ("S05号商铺油烟很大", (None, "S05")),
        # Stop 46: a ground-floor shop by its number on the floor, a mall's shop code by its level, a shop's number
        # said, shop letters other than G, what is open 24 hours.
        ("上次水浸停咗三日業，今個月管理費可唔可以減免？地下5號舖", (None, "G5")),
        ("gas hose behind our wok range is hissing!! G/F Shop 9", (None, "G9")),
        ("天花個消防花灑頭滴緊水，一滴一滴咁，下面啱啱係收銀位。2樓 L2-08", (None, "L2-08")),
        ("二楼商铺L2-12的玻璃门合页掉了，门关不上", (None, "L2-12")),
        ("车位L2-08被人占了", (None, None)),
        ("我哋舖嘅冷氣機滴水滴落行人路，舖位係G一二", (None, "G12")),
        ("商铺S二十后门的门禁刷卡没反应", (None, "S20")),
        ("Shop G 1 9 here again, the intercom at the back service door doesn't ring", (None, "G19")),
        ("预交的电费用完了，S11店里断电了，在哪里充值？", (None, "S11")),
        ("Grease trap at G12 blocked again, kitchen floor drain barely moving", (None, "G12")),
        ("我之前報咗G12個卷閘壞，單號係幾多？", (None, "G12")),
        ("The 24h store has a speaker at its door playing promos all night", (None, None)),
        ("my son wears size s12 shoes", (None, None)),
        ("do you have a 24h plumber's number?", (None, None)),
        # Lines typed in a burst and joined with "|"; a building corrected with no flat after it; a flat's digits
        # spaced out.
        ("你好 | 隔壁一直有小孩哭 | 好像没大人 | 6栋 | 1104", ("6", "1104")),
        ("你好 | 4栋 | 不对 | 是5栋 | 大堂门禁 | 刷卡没反应", ("5", None)),
        ("4栋1203 不对 是5栋", ("5", "1203")),
        ("我住6座 唔係7座", ("6", None)),
        ("Block 3 flat 1 5 0 2, I see a late fee this month", ("3", "1502")),
        # Stop 47: a shop's ground floor said after its number.
        ("Shop 2 on the G/F here. Your invoice has my area as 800 sq ft.", (None, "G2")),
        ("shop 9, G/F: the shutter is stuck half way", (None, "G9")),
        ("shop 12 please send the invoice again", (None, "12")),
        ("我係G/F 5號舖嘅租客，想問下舖位管理費係點計", (None, "G5")),
        # Stop 48: the mainland's 号楼 said in English with its number first; amperes; a year an incident was had.
        ("any update on my ticket? 22 bldg unit 3 room 704", ("22", "3-704")),
        ("Power out in just my flat. 27 building, unit 1-1004", ("27", "1-1004")),
        ("balance of prepaid electricity for 28 building 1 unit 1201", ("28", "1-1201")),
        ("the 2 building managers never answer", (None, None)),
        ("I need the rating before I apply for a 60A supply upgrade", (None, None)),
        ("a 13A socket in the kitchen is loose", (None, None)),
        ("16A的插座配的是1.5平方的线", (None, None)),
        ("32A MCB keeps tripping", (None, None)),
        ("flat 13A, the socket is loose", (None, "13A")),
        ("Block 3 flat 16A, the socket sparks", ("3", "16A")),
        ("We had that gas leak in 2019. Has the riser been tested since?", (None, None)),
        ("I had a word with the man in 1905 about the noise", (None, "1905")),
        ("對面屋3107成日好嘈，半夜都唔停", (None, "3107")),
        ("隔壁屋企1502成晚唱K", (None, "1502")),
        ("隔篱屋200蚊一个月租车位", (None, None)),
        ("Lift no.2 Tower A doors keep opening and closing at every floor", ("A", None)),
        ("1205個伯伯成個禮拜冇見過佢，門口啲單張堆晒", (None, "1205")),
        ("有1205个人签名", (None, None)),
        ("喺地下三號舖門口，個閘壓住咗人", (None, "G3")),
        ("地下十二號舖冷氣滴水", (None, "G12")),
        ("overflowing into the hall G F flat A block eight", ("8", "GA")),
        ("the g f is wet after the rain", (None, None)),
        # Round 106: a ground-floor flat's number said, the ground-floor shop in English, a rating's range.
        ("我屋企個水錶 嗰度漏水 地下濕咗一灘 三座地下G三", ("3", "G3")),
        ("地下G十二嘅信箱爛咗", (None, "G12")),
        ("I'm the tenant in the ground floor shop 9, the grease trap is blocked", (None, "G9")),
        ("shop 12 on the ground floor has its shutter stuck", (None, "G12")),
        ("How much would it cost to upgrade the power supply to my flat from 30A to 60A?", (None, None)),
        ("next to 12A the corridor light is out", (None, "12A")),
        # Round 107's careful writers: a tube's size is no tower, a socket's rating no flat, a section no flat.
        ("The T5 fluorescent luminaire outside the lift lobby on 14/F Tower 3 flickers", ("3", None)),
        ("T5 lobby light out", ("5", None)),
        ("the 13A twin socket outlet is smoking, Flat 9F, Block 1.", ("1", "9F")),
        ("Is this the special fund under section 20A of the Building Management Ordinance?", (None, None)),
        # Round 108: a mainland shop by its number after 商铺; an office numbered as a flat, not its hours.
        ("一楼商铺101被淹，损失货物两万多，物业必须给个说法", (None, "101")),
        ("商铺20间全部被淹", (None, None)),
        ("Hi, I own Office 1203 on the podium office floor. Could you send me the breakdown?", (None, "1203")),
        ("Is the management office open 0900-1800 on Saturdays?", (None, None)),
        ("the office 2 hours ago said someone would come", (None, None)),
        # Round 110: digits said one by one before a full stop; an elder's pauses written as ellipses.
        ("Toilet flush broken. Flat 2 0 3.", (None, "203")),
        ("flat 2 0 3.5", (None, None)),
        ("嗯…物业费…我老伴交了没有…十二号楼…一单元…一零零三", ("12", "1-1003")),
        # A floor said as one number before "oh"; a shop's number in words where it can only be its number.
        ("Hi, when will the deposit be returned? Unit twelve-oh-eight, building three.", ("3", "1208")),
        ("she can't get out, ground floor shop nine", (None, "G9")),
        ("shop number 12 has no power", (None, "12")),
        ("I went to the shop one day and the lift was broken", (None, None)),
        ("a two-way radio for the guards", (None, None)),
        # An elder's pauses between a floor and its letter, with a false start; a floor and flat run into the building.
        ("喂 A座…十…十樓…D 冇水呀", ("A", "10D")),
        ("一座，三十二，D，廚房漏水", ("1", "32D")),
        ("二座…十…十二樓…C 冷氣滴水", ("2", "12C")),
        ("三座，一、二、三號升降機都壞咗", ("3", None)),
        ("十九樓A五座 冇電", ("5", "19A")),
        ("我係六座三樓A 六座三樓A 快啲嚟", ("6", "3A")),
        # Pinyin place words, a ground-floor flat with its G, a Hong Kong block said again before its flat, an error
        # code.
        ("wo jia toilet lou shui le, 6 hao lou 2 danyuan 1102, pls send shifu", ("6", "2-1102")),
        ("wuye fei zenme jiao? WeChat Pay ok ma? 8 hao lou", ("8", None)),
        ("Who pays for the floorboards? Flat GA", (None, "GA")),
        ("請告知補領住戶證所需費用及手續。二座2-0907", ("2", "0907")),
        ("Can you tell me how much I owe on the management fee? Building 2, 2-802", ("2", "2-802")),
        ("The parcel locker #3 won't open, screen says error 502", (None, None)),
        # Round 115: a recogniser's "blog" for block and "towel" for tower, 担元 for 单元; someone named by their flat
        # ("my neighbour at 2215"). Not a blog of one's own, nor a towel.
        ("my mother is inside she's eighty two blog five please hurry", ("5", None)),
        ("big pieces just came down almost hit my son twenty one oh three blog seven", ("7", "2103")),
        ("I can see flames from the balcony we're twelve E towel C", ("C", "12E")),
        ("厨房一股很大的没气味 我把窗户开了 十二号楼一担元幺零二 快点来人", ("12", "1-102")),
        ("My neighbour at 2215 hasn't opened her door since Tuesday's storm. Tower 1", ("1", "2215")),
        ("the old lady at 905 hasn't collected her post for a week", (None, "905")),
        ("I posted about the lobby on my blog 5 times", (None, None)),
        ("Could the gym have a towel a day for each of us", (None, None)),
        ("meet me at 905 tomorrow", (None, None)),
        # Round 116: a shop by what only a shop is (a pharmacy, a freezer's stock), a mall's code said with its dash,
        # a shop's number said digit by digit before 商铺 (not a count of shops), a one-word floor where one lives.
        ("我们药房的防盗门锁芯坏了，钥匙插不进去，G15", (None, "G15")),
        ("停電嗰日我哋凍櫃啲嘢全部壞晒，電費可唔可以減免返？G2", (None, "G2")),
        ("hi I'm calling from the clinic on the podium level shop L1 dash 05 a patient collapsed", (None, "L1-05")),
        ("卷帘门砸下来压住人了 一楼一零五商铺 人出不来", (None, "105")),
        ("我们小区有120商铺吗", (None, None)),
        ("laundry dripping on my balcony again I'm in five E", (None, "5E")),
        ("sorry we are in a hurry", (None, None)),
        ("G15 gate is broken", (None, None)),
        # Round 117: a shop's code opening or closing a tenant's message, as it signs it; not a gate's or a grade.
        ("S10后厨排风机没电了，一上午都不转，麻烦派电工来看一下", (None, "S10")),
        ("G8 茶記後廚勁大煤氣味呀!! 啲伙記已經走晒出嚟 快啲派人嚟睇", (None, "G8")),
        ("周一停电六小时 冷库里的货全坏了 物业得赔 S18", (None, "S18")),
        ("鋅盤去水好慢 應該積晒油 聽朝十點前可唔可以嚟通 G23 車仔麵", (None, "G23")),
        ("one power socket in our prep area is dead, the others work fine. G17", (None, "G17")),
        ("The bins behind Block C are overflowing and the smell reaches my ground-floor flat, G2.", ("C", "G2")),
        ("G12 gate won't close again", (None, None)),
        ("my son got a G5 grade in the exam", (None, None)),
        # From stop 51's list: a building and its flat's number with a slash, a home's number in brackets; not a
        # ratio or a count.
        ("7/2207 厨房漏水", ("7", "2207")),
        ("我家(301)漏水了", (None, "301")),
        ("only 3/1000 people voted", (None, None)),
        ("打九折 1/2000", (None, None)),
        # Round 118: a tower's number before its floor is no stutter; a typhoon signal "because of the T8" is no tower.
        ("有人半夜試我哋門把手, Tower 2 22樓, 好驚", ("2", None)),
        ("Block 3 33樓走廊燈壞咗", ("3", None)),
        ("二 二十三樓走廊燈壞咗", (None, None)),
        ("Office was closed because of the T8, will I get a late charge? 12C Tower 1", ("1", "12C")),
        ("closed due to the T8 yesterday, flat 5A", (None, "5A")),
        # Round 119 and stop 51's list: a date on a label is no flat; a number word before a count's unit counts it;
        # a flat's letter past H before its floor.
        ("走廊嗰個滅火筒過咗期，張標籤寫2021", (None, None)),
        ("走廊個滅火筒過咗期 張紙寫住二零二一", (None, None)),
        ("寫字樓1203漏水", (None, "1203")),
        ("building fifteen unit four room nine oh one five days ago", ("15", "4-901")),
        ("Reported the broken stair railing in Bldg 18 unit 2 three times. Nobody cares.", ("18", None)),
        ("block seven people are stuck in the lobby", ("7", None)),
        ("flat one two three four", (None, "1234")),
        ("the video door phone has no picture. Flat K, 19/F, Tower 6", ("6", "19K")),
        # A flat said in thousands after 号楼, a ground-floor flat said "G two" or "G A".
        ("我是八号楼 两千零三 嗯", ("8", "2003")),
        ("八号楼两千块", ("8", None)),
        ("er i'm calling from flat G two tower six the ground floor", ("6", "G2")),
        ("uh yeah hi its flat G A block twelve um the ground floor one", ("12", "GA")),
        ("the flat g a lot of noise upstairs", (None, None)),
        ("re 10-1-1201: no gas smell anymore", ("10", "1-1201")),
        ("they live in building one five unit three room one one zero two", ("15", "3-1102")),
        ("there's a fire in the bin room block five seven floor smoke everywhere", ("5", None)),
        ("water pressure very low since morning block seven six eff flat d uh", ("7", "6D")),
        # Village houses (round 121): 号村屋 and 村屋 before its number, a house said in words, its floor's flat.
        ("我们在3号村屋2楼B室，快来人", ("3", "2B")),
        ("越来越多 19号村屋", ("19", None)),
        ("樓上啲衫成日滴水落我個花園，村屋3號地下", ("3", None)),
        ("就 我 家 没有 十 二 号 村屋 二 楼 A", ("12", "2A")),
        ("it's overflowing everywhere um house one nine", ("19", None)),
        ("the kitchen sink is blocked er house three one ground floor flat A", ("31", "GA")),
        ("it's every night I'm house four two first floor flat A", ("42", "1A")),
        ("the plumber came to my house one of the days last week", (None, None)),
        ("the house two doors down is renovating", (None, None)),
        # Who lives in a flat said in words (round 122).
        ("the old lady in eight E she hasn't taken her milk in for three days", (None, "8E")),
        ("the neighbour in eleven oh four left a note on her door", (None, "1104")),
        ("we're in two three days late with it", (None, None)),
        # The recogniser's 做 for 座, 洞 for 栋 and 单员 for 单元 (round 123).
        ("滴到成地都係 十三做 零九一二", ("13", "0912")),
        ("我 九做 一 二 零 八 個 洗手盆 塞咗", ("9", "1208")),
        ("喂 你好 我是 四洞 二单员 六零三 的 我家 楼水", ("4", "2-603")),
        ("我一做三年都冇投訴過", (None, None)),
        ("牆身有三个洞", (None, None)),
        # Round 123, read at stop 55: a building and flat both misheard, whose flat it is, a building corrected and
        # affirmed ("一座 唔係 B座 係B座").
        ("I'm calling from black four flight eleven D the toilet is leaking", ("4", "11D")),
        ("a black four by four is parked in my space", (None, None)),
        ("hello I'm the owner of four B I paid the debris fee twice", (None, "4B")),
        ("the tenant of twelve oh three is noisy", (None, "1203")),
        ("I'm the owner of two bikes in the rack", (None, None)),
        ("個lift困咗人呀 一座 唔係 B座 係B座", ("B", None)),
        ("不是 不是 四号楼 是 十四号楼", ("14", None)),
        # Round 124: a building named by a doubled letter, "blog" before a letter, "twenty oh three", a flat before
        # the month's end (月尾) said after it.
        ("Why was I charged for the key card? Block HH 10C", ("HH", "10C")),
        ("Block KK 3F Flat A, the plug is melting", ("KK", "3A")),
        ("the block is closed for cleaning", (None, None)),
        ("a man fell down the steps by the ramp at blog w he's not moving", ("W", None)),
        ("my blog w is down", (None, None)),
        ("it's er block eleven twenty oh three just got the keys", ("11", "2003")),
        ("flat twenty zero one", (None, "2001")),
        ("我係B座一八零三 月尾就搬走喇", ("B", "1803")),
        ("3月尾交咗管理費", (None, None)),
        # Round 125: 點 as "how" after a flat, "block for" closing a message, "block won", a basement shop.
        ("個煙霧感應器成日嘀嘀聲 3座1808 點換電池?", ("3", "1808")),
        ("sparks coming out of the meter box in the corridor eleventh floor block for", ("4", None)),
        ("the flat above me flat er twenty six D block won plays the piano", ("1", "26D")),
        ("I won the raffle at the block party", (None, None)),
        ("Flooding NOW in the basement pet grooming salon, Shop B03 - water pouring up", (None, "B03")),
    ],
)
def test_stop_41_notations(text: str, expected: tuple[str | None, str | None]) -> None:
    assert extract_unit(text) == expected
