"""Find the building and unit a resident names ("3棟502", "Block 3 #05-02", "flat 12B") as a registry holds them.

Decisions, so that callers know what to expect:

* A floor without a flat ("Tower B 12F", "B座12樓", "15/F") is not a unit: the building is kept, unit is None.
  A floor with a flat letter ("12樓B室", "12/F flat B") is the unit "12B".
* Bare numbers are not units by themselves: a 3–4 digit number counts right after a building ("3棟502"), in
  building-unit form ("3-502"), after a marker ("unit 1708", "502室"), as a floor+letter flat ("12B", "19G"),
  or where the words around it say it is a home ("我家是1902", "隔壁1602", "1502嗰個門", "我是一二零三的") or the
  place a smell, noise or water comes from or one goes to ("从502传出来的", "502传来的", "402家里传出来", "去502";
  the rule is written at ``_HOME_NUMBER``). So phone numbers, amounts, dates, times, car spaces ("车位B-218"),
  meter readings and counts are left alone.
* A car space, locker or number plate is no unit however its number is said ("space b one two b twelve",
  "parking space one two", "車位B12", "车位号B-12", "locker 12b"; see ``_CAR_SPACE_NUMBER``).
* "12F" alone is a floor (no unit); "19F flat A" is "19A"; other letters after a floor number are flats
  ("Tower 8 19G", "4G") unless a measure or network word follows ("5G signal").
* English ordinals name buildings ("second block", "the third tower" are 2 and 3) and, before a flat word, floors
  ("fifteenth floor flat e" is 15E, "the twenty-third floor, flat c" 23C); see ``_EN_ORDINAL``.
* Letters said as words name buildings and flats ("tower bee", "block ay"); a flat said right after a lettered
  building needs no "flat" ("tower bee twenty one see" is B, 21C; see ``_EN_FLAT_AFTER_LETTER_BUILDING``).
* A resident correcting themselves ("block three no sorry block five", "flat eight a no sorry eight b", "3座，唔係，
  5座", "二零二 不对 二零一", "十二樓A室 唔係 B室") is taken at the correction; a false start said again on the phone
  ("五 五号楼", "一五 一五零八", "三栋 三栋五零一", "twelve er twelve d") is dropped, also with pauses between the
  parts of a flat ("A座…十…十樓…D" is A, 10D; see ``_FLOOR_LETTER_APART``).
* In English a bare 3–4 digit number is a flat only where the words around say it is a home ("smoke from 2203",
  "the guy in 1906"); years, times, amounts, phone numbers and references are not (the rule is written above
  ``_EN_HOME_PREPOSITION``).
* A ground-floor shop number where a shop word is near ("Shop G08", "the shop tenant at G12") is the unit "G08";
  "24h" is hours where the words around say so ("24h有人看着", "7*24h"), and digits named as the end of a phone or
  parcel number ("单号后四位3381", "尾号6620", "一三九 嗯 后面我念给你") are no unit.
* Only the first building and the first unit are returned; messages rarely name two. Two buildings named as the
  place between them ("3号楼和5号楼中间那条小路") name no building (see ``_BETWEEN_BUILDINGS``).
* Mainland addresses name an entrance (单元) between building and flat: 2号楼3单元501室, "8-2-1503", "six dash
  one dash fifteen oh three". The unit is entrance and flat, "3-501", as the registry holds such estates' flats;
  where a registry holds the flat alone, a resident naming it is still matched (``bot.domain.residents.Unit.named_by``).
  A flat said as its floor and then digit by digit ("十二零三") is 1203.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain
from typing import NamedTuple

from bot.nlu.normalise import normalise
from bot.nlu.patterns import compile_led, compile_plain


class UnitMention(NamedTuple):
    """A building and a unit as the registry stores them (``("3", "502")``); either may be None."""

    building: str | None
    unit: str | None


_CN_NUM = "[一二三四五六七八九十两〇零]{1,3}"
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")

# Chinese buildings: 3栋, 2号楼, a座, 第三座, 七栋, and the mainland shorthand 3#楼 (matched on Simplified,
# lower-case text).
# A house on an estate of houses is a building without flats: "12號屋", "8号别墅", a village's "19号村屋" (not
# "3号屋苑", an estate); its floors' flats ("3号村屋2楼B室") are read as a block's.
# "13#2单元" is building 13, entrance 2. Some Hong Kong estates number their blocks "1號座".
# (In Shanghai a building is its lane number, 号, before the flat and its 室: "28号1003室" is building 28.)
_ZH_BUILDING_WORD = (
    r"(?:栋|座|幢|号楼|号大楼|号座|号屋(?!苑|企)|号村屋|号别墅|#楼|#(?=\s?\d{1,2}\s?单元)|号(?=\s?\d{3,4}\s?室))"
)
# A letter and number name one building on many mainland estates ("B2栋1203", "A1栋2单元501"); T and a number is
# the tower ("T2栋" is building 2, as "T3" is Tower 3).
_BUILDING_ZH = compile_plain(
    rf"(?<![a-z0-9])第?(?P<b>\d{{1,2}}|{_CN_NUM}|[a-z]|[a-su-z]\d{{1,2}})\s*{_ZH_BUILDING_WORD}(?!位)"
)
# Two buildings named as the place between them ("3号楼和5号楼中间那条小路", "3栋与5栋之间", "between Block 3 and
# Block 5", "between towers 1 and 2"). Decision: such a place belongs to neither building (it is the estate's own
# ground, a clerk files it under no building), so neither is the building and the building is None; a building named
# elsewhere in the message still counts ("我住7栋，3号楼和5号楼中间的路灯坏了" is building 7).
_ZH_BUILDING_REF = rf"第?(?:\d{{1,2}}|{_CN_NUM}|[a-z])\s*(?:{_ZH_BUILDING_WORD}|号)?"
_EN_BUILDING_REF = r"(?:the\s+)?(?:block|blk|tower|twr|building|bldg)s?\s*\.?\s*(?:no\.?\s*)?"
_BETWEEN_BUILDINGS = compile_led(
    rf"(?<![a-z0-9]){_ZH_BUILDING_REF}\s*(?:和|与|跟|同|及|、|到|,)\s*{_ZH_BUILDING_REF}\s*(?:的\s*)?(?:中间|之间|当中|间|夹)"
    # The stretch from one building to another: "从3号楼到5号楼那一段", "就在7号楼到9号楼那段".
    rf"|从\s*{_ZH_BUILDING_REF}\s*(?:到|至)\s*{_ZH_BUILDING_REF}"
    rf"|{_ZH_BUILDING_REF}\s*(?:到|至)\s*{_ZH_BUILDING_REF}\s*(?:的\s*|嘅\s*)?(?:那|这|嗰|呢)?\s*(?:一)?段"
    # "两座之间" (two said as a number by then, "2座之间"): between the two buildings, not building 2.
    r"|(?<![0-9a-z])[2两]\s*(?:座|栋|幢)\s*(?:楼\s*)?(?:的\s*|嘅\s*)?之间"
    rf"|(?<![a-z])between\s+{_EN_BUILDING_REF}[a-z0-9]{{1,2}}\s*(?:and|&|,)\s*(?:{_EN_BUILDING_REF})?[a-z0-9]{{1,2}}(?![a-z0-9])"
)
# English buildings: Block 3, Blk 3, Tower B (or a letter doubled, "Block AA", as estates of more than 26 blocks name
# them; round 124), Building 2, and T3 for Tower 3 as estates write it ("T5-2808",
# "T2 18-03", "the T3 lobby"), and the mainland English "No.7 building".
# "T1", "T3", "T8", "T9" and "T10" are also typhoon signals: with no flat after them, _find_building drops them where
# the message speaks of a typhoon ("pool open during T3?", "T8 is up"). A block of three digits is one where a
# "#floor-flat" unit follows it, within a street name ("Blk 231 #05-112", "Blk 231 Ang Mo Kio Ave 3 #05-112":
# Singapore's notation); otherwise "block 502" names no building.
_BUILDING_EN = compile_plain(
    r"(?<![a-z0-9])(?:(?:block|blk|blok|tower|twr)(?:\s*\.?\s*(?:no\.?\s*)?"
    r"(?P<b>\d{1,2}(?!\s*/\s*f(?![a-z]))|\d{3}(?=[^#.!?。!?]{0,40}#\s*\d{1,2}-\d{2,4}(?![\d-])))|\.?\s+(?P<bl>(?P<bl_twice>[a-z])(?P=bl_twice)?))"
    # (Not a tube's size: "the T5 fluorescent luminaire", "T8 tubes".)
    r"|(?:building|bldg)\s*\.?\s*(?:no\.?\s*)?(?P<b2>\d{1,2})"
    r"|t(?P<b3>\d{1,2})(?!\s*(?:fluorescent|tubes?|lamps?|led|fittings?|battens?|luminaires?|lights?|bulbs?)(?![a-z]))"
    # A house on an estate of houses ("House 12", "Villa 8"), not a count or a time after it ("house 2 years ago").
    r"|(?:house|villa)\s*(?:no\.?\s*)?(?P<b5>\d{1,2})(?!\s*(?:years?|yrs?|months?|weeks?|days?|hours?|times|people|kids))"
    # A lettered building ("in Building C", "Bldg A"), but not "building a new gate": A only where nothing follows.
    r"|(?:building\s+(?P<bl3>[b-h]|a(?=\s*(?:[,.!?;)]|$)))|bldg\s*\.?\s*(?P<bl4>[a-h]))"
    # "No.7 building", but not "lift no.2 Tower 3", where the tower has its own number.
    # (Nor "Lift no.2 Tower A": a lettered tower after it.)
    r"|no\.?\s*(?P<b4>\d{1,2})\s*(?:building|bldg|block|tower)"
    r"(?!\s*\.?\s*(?:no\.?\s*)?(?:\d{1,2}(?![\d/]|\s?(?:楼|层|f(?![a-z])))|[a-h](?![a-z0-9])))"
    # The letter before its word, as Hong Kong says it ("the B block staircase", "sa C tower"), not before a number of
    # its own ("flat b block 12") nor "a block of flats".
    r"|(?P<bl2>[b-h])\s+(?:block|blk|tower)(?!\s*\.?\s*(?:no\.?\s*)?(?:\d{1,2}(?!\d|\s*/\s*f|\s*f(?![a-z]))|[a-z](?![a-z]))))"
    r"(?![a-z0-9])"
)
_TYPHOON_SIGNALS = frozenset({"1", "3", "8", "9", "10"})
_TYPHOON = compile_plain(
    r"typhoon|signal|hoist|rainstorm|风球|打风|台风|挂\s*(?:t\s*)?(?:\d|[一三八九十])"
    r"|(?<![a-z])(?:during|under|until|till|yesterday|last night|since|after)\s*(?:the\s+)?t\d"
    # "shut for the T8", "hammering at 11pm. in a T8" (not "in the T3 lobby", a tower).
    r"|(?<![a-z])(?:for the|in a|because of (?:the|a)|due to (?:the|a))\s+t\d"
    # Heard of ("T8 daw mamaya", a T8 later, they say).
    r"|t\d{1,2}\s*(?:daw|raw|katanya|kata)(?![a-z])"
    r"|t\d{1,2}\s*(?:is|was|has been|will be|gets?|goes|going|went|comes?|coming)?"
    r"\s*(?:up|raised|down|lowered|cancell?ed)(?![a-z])"
    r"|t\d{1,2}\s*(?:tonight|today|tomorrow|this (?:morning|afternoon|evening)|later|coming|expected|warning|soon)"
)
# "个" counts, but not before the person it names ("隔籬2305個阿伯" is the old man of 2305).
_COUNTED = r"个(?!阿|老|男|女|细路|后生|伯|婆|师奶|住户|租客|业主)"
# What a unit number must not be followed by: floors, money, dates (not the month's end or start after it, "一八零三
# 月尾就搬走", round 124), times, counts, measures (点 is no hour in 点解,
# "why"; 部 no count before the appliance it names, "1610 部冷气"; 次 no count in 次卧, the second bedroom).
_NOT_AFTER_NUMBER = (
    r"(?!\s*(?:楼(?![上下道梯])|层(?![楼])|/f|f(?![a-z])|号(?!房|室)|元|块|蚊|月(?!尾|头|底)|日(?!日)|年|点(?!解|样|算|办|知|换)|分"
    r"|部(?!\s*(?:冷气|空调|洗衣机|雪柜|冰箱|电视|热水炉|热水器|抽油烟机|抽湿机|门铃|电话|䢂|较|发电机))|"
    + _COUNTED
    + r"|天(?!天|花|台|井|桥)|次(?!卧)|米|度|%|:\s*\d|"
    r"am|pm|hk|dollars?|days?|hours?|hrs?|mins?|minutes?|years?|months?|weeks?|floor|fl(?![a-z])))"
)


def _floor_flat(prefix: str = "") -> str:
    """ "12樓B室", "12/F flat B", "23rd floor flat C", "20楼嗰个F室", "3F-A"; a bare "19F" names the floor only when a
    flat word or a dash follows ("19F flat A", "23F, Flat C", "12F-C"), since "12F" alone is a floor and "10F a lot
    of noise" is no flat A. A filler or a pause between a Chinese floor and its flat ("二十楼 嗰个F室", "十二樓…呃…C室")
    needs the 室 after the letter. Letters past H ("十樓J室", "12/F flat K") count after a flat word or before 室. A
    letter alone after a bare floor counts where the clause ends with it ("tower 1 22F A")."""
    return (
        rf"(?P<{prefix}floor>\d{{1,2}})\s*"
        r"(?:(?:楼|层|/f|(?:st|nd|rd|th)?\s*(?:floor|fl)(?![a-z]))\s*[,-]?\s*(?:flat|unit|室|单位)?"
        r"|(?:楼|层)[\s.,]*(?:(?:嗰个|那个|呃|嗯)[\s.,]*)?(?=[a-z]\s*室)"
        rf"|f\s*(?:,?\s*(?:flat|unit|rm|room)|-)"
        # A lone letter closing the clause after a bare floor: "tower 1 22F A", "22F B." (not "10F a lot of noise").
        r"|f\s+(?=[a-h]\s*(?:[,.!?;)]|$)"
        # Right after a building, B to H (words, not the article) count before more words too ("Tower 2 20F B no
        # water"); with no building before it, "20F B" is as often the 20th floor of block B, and is left unread.
        + (r"|[b-h]\s+(?!(?:block|blk|tower|bldg|building|wing|座|栋|幢|期|号楼)(?![a-z]))" if not prefix else "")
        + r"))\s*"
        # ("the 1/F flats" is no flat S, "between 5/F and 6/F a few minutes ago" no flat A.)
        rf"(?P<{prefix}flat>[b-h]|a(?!\s+(?:few|lot|bit|little|couple|while|week|day|month|year|minute|night)(?![a-z]))"
        r"|(?:(?<=flat)|(?<=unit)|(?<=room))\s[i-z]|(?<=室)\s?[i-z]|[i-z](?=\s*室))(?![a-z0-9])"
        # ("十二樓，A座" is the floor of building A, no flat A.)
        r"(?!\s*(?:座|栋|幢|期|号楼))"
    )


_FLOOR_FLAT = _floor_flat()
# A flat letter after a bare floor number ("19G", "4G", "12B"). F is left out: "12F" alone is a floor, so
# "Tower B 12F" is no unit; letters past K are measures ("10m", "5s", "60w", "2l"), and "5G signal" is a network.
# K counts only right after a building ("Tower 3 22K"): on its own "8k" is money.
_BARE_FLAT_LETTER = "[a-eg-hj]"
_FLAT_LETTER_AFTER_BUILDING = "[a-eg-hjk]"
# Nor an electrical rating: "a 13A socket", "a 13A twin socket outlet", "a 60A supply", "16A的插座", "from 30A to
# 60A" are amperes.
_NOT_AFTER_FLAT = (
    r"(?!\s*(?:signal|network|data|coverage|sim|wi-?fi|信号|网络|讯号|dollars?|hkd|蚊|元|块"
    r"|(?:amps?|sockets?|plugs?|fuses?|supply|mcb|rcd|rcbo|elcb|breakers?|circuits?|isolators?|cables?|rating)(?![a-z])"
    r"|(?:twin|double|single|switched|unswitched|fused)\s+(?:sockets?|plugs?|outlets?|spurs?)(?![a-z])"
    # A rating's range: "from 30A to 60A".
    r"|(?:to|or|至|到)\s*\d{2,3}a(?![a-z0-9])"
    r"|(?:的|嘅)?(?:插座|插苏|插头|空开|空气开关|漏电|电流|保险丝|总掣|电线|线)))"
)
_SG_UNIT = r"(?P<sg>\d{1,2}-\d{2,4})(?![\d-])"
# Right after a building, "个" is Cantonese "the" ("3座1208個廁所"), not a count.
_NUM_UNIT = rf"(?P<num>\d{{3,4}}[a-h]?)(?![a-z0-9]){_NOT_AFTER_NUMBER.replace(_COUNTED + '|', '')}"
# The mainland entrance written in English: "Building 5 Unit 2 Room 1101", "Bldg 12, unit 4, room 603". "Unit" is
# the entrance only when a room follows it; "unit 1708" on its own is the flat.
# ("Building 6, unit 2, 1402": the room word may be left out before the room's number.)
_EN_ENTRANCE = (
    r"(?:unit|entrance)\s*\.?\s*(?P<en_entrance>\d{1,2})"
    r"(?:[\s,;:-]*(?:room|rm)\s*\.?\s*(?:no\.?\s*)?#?\s*|\s*,\s*(?=\d{3,4}(?![\d/a-z-])))"
)
# A floor said before a flat number that repeats it ("六座 一樓一零八", "3号楼12层1203"): the flat number is the unit.
_FLOOR_BEFORE_NUM = r"(?:(?P<fl>\d{1,2})\s*(?:楼|层|/f)\s*,?\s*(?=(?P=fl)\d{2}(?!\d)))?"
# A unit right after a building: "3栋502室", "block 3 #05-02", "3座12楼b室", "5栋1单元1203" (entrance 1); a caller's
# filler may come between ("12 栋 那个 405").
_UNIT_AFTER_BUILDING = compile_led(
    # (A number said alone after them keeps its mark, \ue000: "16号楼的，3单元，三零幺"; "blok E no. 15-C".)
    # (The top floor said before its flat: "18号楼顶层2601".)
    # (An elder's pauses, written as ellipses: "十二号楼…一单元…一零零三".)
    rf"(?:[\s,:#\ue000-]|\.{{2,3}}|那个|嗰个|就是|即系|呃|嗯|的|嘅|顶层|顶楼|no\.)*(?:(?P<entrance>\d{{1,2}})\s*单元"
    rf"(?:[\s,:#\ue000-]|\.{{2,3}}|那个|嗰个|就是|即系|呃|嗯|啊)*"
    rf"|{_EN_ENTRANCE})?"
    rf"(?:{_FLOOR_FLAT}|{_SG_UNIT}|{_FLOOR_BEFORE_NUM}{_NUM_UNIT}"
    rf"|(?P<bflat>\d{{1,2}}(?: ?- ?| ?){_FLAT_LETTER_AFTER_BUILDING})(?![a-z0-9]){_NOT_AFTER_FLAT})"
)
# A building and entrance with the flat said elsewhere ("在1号楼2单元，……我家住1101"; in English after the room,
# "Rm 903, Bldg 12 Unit 2"): the entrance is kept for it.
_ENTRANCE_AFTER_BUILDING = compile_plain(
    r"[\s,:#-]*(?:(?P<entrance>\d{1,2})\s*单元"
    r"|(?:unit|entrance)\s*\.?\s*(?:no\.?\s*)?(?P<en_entrance>\d{1,2})(?![\d/a-z.:-])" + _NOT_AFTER_NUMBER + ")"
)
# Mainland shorthand building-entrance-flat: "8-2-1503", also after a label ("房号：20-1-601"; not after a time).
_BUILDING_ENTRANCE_FLAT = compile_plain(
    # (A colon may close it, "re 10-1-1201: no gas smell anymore", round 119, but not open a time.)
    r"(?<![a-z0-9$/#-])(?<!\d:)(?<!\d[.,])(?P<b>\d{1,2})-(?P<e>\d{1,2})-(?P<u>\d{3,4})(?![a-z0-9-])(?!:\d)"
)
# The mainland shorthand building#flat: "8#1503" (as "3#楼" is building 3), and with its entrance, "8#1-302".
_BUILDING_HASH_FLAT = compile_plain(r"(?<![a-z0-9$#/:-])(?P<b>\d{1,2})#(?:(?P<e>\d{1,2})-)?(?P<u>\d{3,4})(?![\d-])")
# "3-502", "a-1203", "5-23c", "5-14-A": building-unit with a hyphen (the Hong Kong flat as floor and letter, but not
# F: "7-8F" is floors 7 to 8); the lookbehind keeps dates and phone numbers out. A comma or full stop after a digit is
# part of a number ("$1,650"); after a word it is punctuation ("喊緊，15樓B室").
_HYPHEN = compile_plain(
    rf"(?<![a-z0-9$:/#-])(?<!\d[.,])(?P<b>\d{{1,2}}|[a-h])\s?-\s?(?P<u>\d{{3,4}}[a-h]?|\d{{1,2}}-?[a-eg-h])(?![a-z0-9:-])"
    rf"{_NOT_AFTER_NUMBER}"
)
# Building/floor and letter with a slash, as a clerk writes them: "7/27D", "7/27 D" (two digits of floor before a spaced
# letter, so that "1/2 a day" is half a day), "7/28F, flat A" (28/F, flat A). F alone is a floor ("7/28F"), as above.
_SLASH_FLAT = compile_plain(
    r"(?<![a-z0-9$:/#.-])(?P<b>\d{1,2})/(?:(?P<floor>\d{1,2})\s?/?f\s*,?\s*(?:flat|unit|rm|room)\s*(?P<letter>[a-h])"
    r"|(?P<u>\d{1,2}[a-eg-h]|\d{2}\s[a-eg-h](?=\s*(?:[,.!?;)]|$)))"
    # A building and its flat's number: "7/2207" (a floor and a flat, see _flat_number; never a date).
    r"|(?P<u4>\d{3,4})(?=\s|[\u3400-\u9fff,.!?;)]|$))(?![a-z0-9/:-])"
)
# "24h" is hours, not flat 24H, where the words around say so: a round-the-clock or duration word after it
# ("24h有人看着", "24h监控", "24h on duty", "48h以内") or before it ("7*24h", "全天24h", "超过24h", "within 48h").
# Without them an "h" after a number stays a flat ("12h 厨房漏水", "the ppl in 3h"): H is a common flat letter.
_HOURS_AFTER = compile_led(
    r"\s?(?:有(?:人|保安|门卫|监控|热水)|值班|值守|监控|营业|服务|开放|开着|在线|不间断|不停|以内|之内|内(?![墙门部侧里])|以后|之后|左右|轮班|巡逻|"
    r"看守|看着|守着|供应|供水|供电|热水|客服|热线|保安|安保|门卫|维修|师傅|技工|on\s+duty|security|service|open|a\s+day|guard|hotline|"
    r"technicians?|engineers?|repairs?|maintenance|support|staff|emergenc|on\s+call|vets?|clinics?|pharmac|"
    r"ago|later|straight|non-?stop|a\s+week|number|phone|line|helpline|duty|"
    # (and what or who is there round the clock: "the 24h store", "a 24h plumber's number", "24小时便利店")
    r"stores?|shops?|convenience|supermarket|mart|gym|plumbers?|electricians?|locksmiths?|doctors?|nurses?"
    r"|便利店|商店|超市|药房|餐厅)"
)
_HOURS_BEFORE = compile_plain(
    r"(?:[x*×]|全天|全日|全年|超过|过了|等了|停了|足足|整整|最少|最多|至少|起码|提前|within|over|than|past|last|next|every|"
    r"open|round\s+the\s+clock)\s*$"
)


# Where at a building: "十栋楼下" (below building 10), "五栋楼道".
_BUILDING_SIDE = compile_plain(r"楼(?:下|上|前|后|底|道|梯|门口|顶)")

# "3号楼，119已经打了": an emergency number called, not flat 119 after its building.
_CALLED_AFTER = compile_plain(r"\s?(?:已经|已|都|也|我)?\s?(?:打|报|拨|call|dial|叫)")


def _called(m: re.Match[str]) -> bool:
    number = m.group("num")
    return number in _EMERGENCY_NUMBERS and _CALLED_AFTER.match(m.string, m.end("num")) is not None


def _hours(m: re.Match[str], group: str) -> bool:
    """Whether the flat in ``group`` of ``m`` ("24h") is a number of hours by the rule above _HOURS_AFTER."""
    flat = m.group(group)
    if not flat or not flat.endswith("h"):
        return False
    s, start = m.string, m.start(group)
    return bool(_HOURS_AFTER.match(s, m.end(group)) or _HOURS_BEFORE.search(s, max(0, start - 12), start))


# Shops: a ground-floor shop number ("Shop G08", "the shop tenant at G12", "地铺G12", "G03号铺", "S11店里") is
# filed as the unit, where a shop word is near it (40 characters either side); without one "G12" is a gate, a car
# space or a grade, and no unit. A car-space word just before it wins ("parking G12"). A mall's shop code by its
# level, "L2-08", is a shop wherever it is written (a car space so numbered follows its car-space word).
_SHOP_UNIT = compile_led(
    r"(?<![a-z0-9$:/#.-])(?:(?P<shop>[gs]\d{1,3}[a-h]?)(?![a-z0-9/-])|(?P<level>l\d{1,2}-\d{1,3})(?![a-z0-9/-]))"
)
# (And the trades that rent them, their customers, their shutters and their grease traps: "我哋G35鐵閘", "G19油煙大
# … 住戶投訴", "G12個卷閘", "grease trap at G12".)
_SHOP_WORD = compile_led(
    r"(?<![a-z])(?:shops?|shopfront|store|tenants?|arcade|podium|mall|kiosk|boutique|clinic|restaurant|salon|cafe"
    r"|customers?|shutters?|grease\s+traps?"
    # The podium's trades by name, and what only a shop keeps (round 116: "the pharmacy … G14", "我们药房的防盗门 …
    # G15", "我哋凍櫃啲嘢全部壞晒 … G2").
    r"|pharmac(?:y|ies)|supermarkets?|bakery|florist|our\s+stock)(?![a-z])"
    r"|商?[铺舖]|店|商场|档口|门市|门面|商户|底商|诊所|餐厅|餐馆|茶餐厅|酒楼|食肆|客人|顾客|铁闸|卷闸|卷帘|隔油"
    r"|药房|超市|冻柜|雪柜|货仓"
)
# A shop's number said rather than written: "G一二" and "S二十" (digit by digit, or as a number), "shop G 1 9".
_SHOP_SAID = compile_led(
    r"(?<![a-z])(?P<letter>[gsl])\s?(?P<said>[〇零一二三四五六七八九十幺]{1,3})(?![〇零一二三四五六七八九十幺])"
    # A ground-floor shop's number said in words: "喺地下三號舖門口" is 地下3號舖, G3.
    r"|地下\s?(?P<ground_said>[一二三四五六七八九十]{1,3})(?=\s*号\s*商?[铺舖])"
)
_SHOP_SPACED = compile_plain(r"(?<![a-z])shop\s+(?P<letter>[gs])\s?(?P<digits>\d(?:\s\d){1,2})(?![\d])")
# A mall's code said with its dash ("shop L1 dash 05", as a recogniser writes it) (round 116).
_SHOP_DASH_SAID = compile_plain(r"(?<![a-z])l\s?(?P<level>\d{1,2})\s+dash\s+(?P<number>\d{1,3})(?![\d])")


def _shop_said(m: re.Match[str]) -> str:
    if m.group("ground_said"):
        number = _chinese_number(m.group("ground_said"))
        return f"地下{number}" if number is not None else m.group(0)
    return m.group("letter") + _digits(m.group("said").replace("幺", "一"))


# A shop named by its number with the shop word: "平台18号铺", "我们是3号铺", "shop 12", "shop no. 7"; a podium shop
# numbered with its P or another letter, the shop word right beside it ("平台P20铺", "楼下S05号商铺", "Shop P12";
# without one "P2" is a car park's level).
_SHOP_NUMBER = compile_led(
    # The ground floor's shops numbered on it: "地下5號舖" and "G/F Shop 9" are G5 and G9.
    # ("ground floor shop number 9" too, as the hotline's transcript has it.)
    r"(?:地下|(?<![a-z])g/f)\s*(?P<ground>\d{1,3})\s*号\s*商?[铺舖]"
    r"|(?<![a-z])(?:g/f|ground floor)\s*,?\s*shop\s*(?:no\.?\s*|number\s*|#\s*)?(?P<ground_en>\d{1,3})(?![\d/:-])"
    r"|(?<![a-z\d.$:/-])(?P<shop>\d{1,3})\s*号\s*商?[铺舖]"
    # Three digits right before 商铺, as said digit by digit: "一楼一零五商铺" is shop 105 (round 116).
    r"|(?<![a-z\d.$:/-])(?<!有)(?<!共)(?<!约)(?<!近)(?<!过)(?P<shop_said>\d{3})\s*商[铺舖]"
    # Or the floor said after: "Shop 2 on the G/F", "shop 9, g/f".
    r"|(?<![a-z])shop\s*(?:no\.?\s*|#\s*)?(?P<ground_after>\d{1,3})\s*(?:,\s*|(?:on|at) (?:the )?)"
    r"(?:g/f|ground floor)(?![a-z])"
    r"|(?<![a-z])shop\s*(?:no\.?\s*|number\s*|#\s*)?(?P<shop_no>[pb]?\d{1,3})(?![\d/:-]|\.\d)"
    r"|(?<![a-z\d.$:/-])(?P<shop_letter>[a-z]\d{1,3})\s*(?:号\s*)?商?[铺舖]"
    # A mainland shop's code after its shop word: "底商S108", "首层商铺S03" (a letter and its number, as numbered),
    # or a mall's by its level, "商铺L2-12".
    r"|(?:底商|商[铺舖]|[铺舖]位)\s*(?:编?号\s*)?(?P<shop_code>[a-z]\d{1,3}(?:-\d{1,3})?)(?![a-z\d-])"
    # Or its number alone after 底商 or 商铺, the ground-floor shops of a mainland block ("12栋底商103", "一楼商铺101被
    # 淹"), not a count.
    r"|(?:底商|商[铺舖])\s*(?:编?号\s*)?(?P<shop_ground>\d{2,4})(?![\d.:/-]|\s*(?:间|个|家|户|平|米|㎡|元|块|号楼|栋|幢|座))"
    # An office numbered as a flat is ("Office 1203 on the podium office floor"), not its hours.
    r"|(?<![a-z])office\s*(?:no\.?\s*|#\s*)?(?P<office>\d{3,4}[a-z]?)(?![\d/:.-]|[a-z]|\s*(?:am|pm|hours?|hrs?|h)(?![a-z]))"
)


def _shop_unit(s: str) -> str | None:
    """The first shop number ``s`` names, by the rules above _SHOP_UNIT and _SHOP_NUMBER."""
    if not s.isascii():
        s = _SHOP_SAID.sub(_shop_said, s)
    if "dash" in s:
        s = _SHOP_DASH_SAID.sub(lambda m: f"l{m.group('level')}-{m.group('number')}", s)
    if "shop" in s:
        s = _EN_SHOP_NUMBER_SAID.sub(lambda m: m.group("pre") + _en_number(m.group("words").split()), s)
        s = _SHOP_SPACED.sub(lambda m: f"shop {m.group('letter')}{m.group('digits').replace(' ', '')}", s)
    if "号" in s or "shop" in s or "铺" in s or "舖" in s or "底商" in s or "office" in s:
        numbered = _SHOP_NUMBER.search(s)
        if numbered is not None:
            ground = numbered.group("ground") or numbered.group("ground_en") or numbered.group("ground_after")
            return f"g{ground}" if ground else next(number for number in numbered.groups() if number)
    for m in _SHOP_UNIT.finditer(s):
        start, end = m.span()
        if _SPACE_OR_REFERENCE_BEFORE.search(s, max(0, start - 12), start):
            continue
        if m.group("level") or _SHOP_WORD.search(s, max(0, start - 40), min(len(s), end + 40)):
            return m.group("shop") or m.group("level")
        # (A level's code returned above: what is left is a shop's.)
        signed = (_SIGNED.fullmatch(s, 0, start) and _CHINESE_AFTER.match(s, end)) or _SIGNED_OFF.fullmatch(s, end)
        if signed and not _NOT_A_SHOP_AFTER.match(s, end):
            return m.group("shop")
    return None


# A shop's code closing the message, or opening a Chinese one, as a tenant signs it ("… 冷库老跳闸 S24",
# "S10后厨排风机没电了", "G8 茶記後廚勁大煤氣味呀!!") (round 117: a commercial block's kitchens); "G12 is broken again"
# says no more than a code. A gate, a car space or a grade is named with its word, which _NOT_A_SHOP_AFTER,
# _SPACE_OR_REFERENCE_BEFORE and the patterns for car spaces read.
_SIGNED = compile_plain(r"\s*(?:(?:hi|hello|喂|你好|您好|唔该)[\s,!]*)?")
_SIGNED_OFF = compile_plain(r"[\s.!?。~]*(?:\S{1,4}[\s.!?。~]*)?")
_CHINESE_AFTER = compile_plain(r"\s?[\u3400-\u9fff]")
_NOT_A_SHOP_AFTER = compile_plain(r"\s?(?:gate|door|exit|entrance|grade|level|闸|门|出口|入口|车位|层)")


# "车位B-218", "parking lot C-075": a car space, not building B flat 218.
_SPACE_OR_REFERENCE_BEFORE = compile_plain(
    r"(?:车位|车库|停车|泊车|car\s?park|parking|space|lot|bay"
    # (Nor a reference number: "my complaint ref C-2291".)
    r"|(?<![a-z])(?:ref|reference|case|ticket|complaint)\.?\s*(?:no\.?|number|#)?"
    # (or a ticket's in Chinese: "维修单号是23-0551").
    r"|单号|工单|编号|单号码|参考号|个案)[\s:：#号]*(?:是|系|为)?\s?$"
)
# A unit on its own, introduced by a marker or shaped like a flat.
_UNIT_ALONE = compile_led(
    rf"(?:(?<![a-z]){_EN_ENTRANCE.replace('en_entrance', 'a_en_entrance')}(?P<a_en_flat>\d{{3,4}})(?![a-z0-9])"
    # "Flat A, 23/F": the flat letter before its floor.
    # (Letters past H too where the floor follows: "Flat K, 19/F", round 119.)
    r"|(?<![a-z])(?:flat|unit|rm|room)\s+(?P<lf_flat>[a-h]|[j-m](?=\s*,?\s*\d{1,2}\s*/f))\s*,?\s*(?:on\s+(?:the\s+)?)?"
    r"(?P<lf_floor>\d{1,2})\s*"
    r"(?:/f|f|(?:st|nd|rd|th)?\s*(?:floor|fl))(?![a-z0-9])"
    # ("My flat is 15F": the flat word makes it a flat, not the floor.)
    r"|(?<![a-z])(?:flat|unit|rm|room|apt|apartment)\s*\.?\s*(?:is\s+)?(?:no\.?\s*)?#?\s*"
    rf"(?:{_SG_UNIT.replace('sg', 'm_sg')}|(?P<m_num>\d{{1,2}}\s?-\s?[a-h](?![a-z0-9])|\d{{2,4}}[a-z]?|\d[a-z])"
    rf"(?![a-z0-9]){_NOT_AFTER_NUMBER})"
    r"|(?<![a-z0-9$:/#-])(?<!\d[.,])(?P<entrance>\d{1,2})\s*单元(?:\s|那个|嗰个|就是|呃|嗯|啊)*"
    r"\ue000?(?P<entrance_flat>\d{3,4})(?![a-z0-9])"  # (\ue000: _SAID, a number said on its own)
    r"|(?:单位\s*[:：]?|单元|室)\s*(?P<zh_num>\d{3,4}[a-h]?)(?![a-z0-9])"
    r"|#\s*(?P<hash_sg>\d{1,2}-\d{2,4})(?![\d-])"
    r"|(?<![a-z0-9$:/#-])(?<!\d[.,])(?P<zh_room>\d{3,4})\s*(?:室|号房|房)"
    rf"|(?<![a-z0-9$/#-])(?<!\d:)(?<!\d[.,]){_floor_flat('a_')}"
    rf"|(?<![a-z0-9$:/#-])(?<!\d[.,])(?<!no )(?<!\da to )(?<!section )(?P<flat_letter>\d{{1,2}}{_BARE_FLAT_LETTER}"
    # K right before its building ("pintunya miring 15K blok 1"); alone, "8k" is money.
    r"|\d{1,2}k(?=\s*,?\s*(?:in\s+|of\s+)?(?:block|blk|tower|twr|座|栋)))(?![a-z0-9])"
    rf"{_NOT_AFTER_FLAT}"
    r")"
)


# Bare flat numbers said as a home (Chinese messages, where "flat" is rarely written): "我家是1902", "我家住1101",
# "隔壁1602", "我楼上那家 二零零一", "1502嗰个门", "1501的小孩", "我是一二零三的", a message that opens with
# "1508成晚唱K" or ends with "... 1702", a place a smell, noise or water comes from ("从502传出来的",
# "402家里传出来", "1203滴水"), a flat one goes to ("去502睇下"), or a 3–4 digit number said digit by digit on its
# own ("一五零八 我够不着").
# The rule: a 3–4 digit number is a flat only in one of these places AND when nothing around it says it is
# something else: no measure, money, date or time word after it (_NOT_AFTER_HOME), no car-space, phone, meter,
# ticket or payment word just before it (_NOT_HOME_BEFORE), no leading zero ("0800" is a time), and not an
# emergency number (999, 110, 119, 120). Phone numbers said in words run to 8 digits and are never one number.
_SAID = "\ue000"  # marks a number said digit by digit on its own (see _zh_spoken); stripped from input first
_NOT_AFTER_HOME = (
    r"(?!\s*(?:多|几|万|千|百|左右|到|至|~|-|开始|起|之前|之后|以前|以后|前后|人|只(?!狗|猫|雀|鸟)|条|件|张|平|尺|呎|斤|秒|钟|小时|毫|号码|位|辆|台|户|间|包|箱|"
    r"公里|公斤|克|升|块|路|km|kg|ml|sq|ft|cm|mm))"
)
# A date written on a label: "張標籤寫2021", "張紙寫住二零二一" (a fire extinguisher's, round 118).
_DATE_LABEL = r"写(?:住|着|明)?|标签|日期|期限|有效期|年份|过期"
_NOT_HOME_BEFORE = compile_led(
    r"(?:车位|车库|停车|车牌|电话|传真|手机号?|号码|编号|单号|工单|密码|验证码|读数|电表|水表|燃气表|煤气表|度数|金额|费用?|钱|笔|"
    r"(?:交|付|缴|收|充|买|花|欠|扣|退|赔|转|打|拨|俾|畀)(?:了|咗|过|咗钱)?|充值|余额|\$|call|phone|tel|ticket|ref|code|pin|number|no\.|meter|reading|parking|"
    r"lot|bay|paid|pay|cost|balance|since|in|from|until|by|year|"
    # Parcels and phone numbers named by their last digits: "单号后四位3381", "尾号是6620", "取件码 4471".
    r"尾号|尾数|(?:后|末|最后)[一二三四五六两\d]位|取件码|取货码|提货码|运单号?|新号|账号|帐号"
    rf"|{_DATE_LABEL})(?:是|系|为)?[\s:：#]*$"
)
_HOME_NUMBER = compile_led(
    rf"{_SAID}(?P<said>\d{{2,4}}[a-z]?)(?![a-z0-9])"
    r"|(?:我家|我屋企|(?<![记忍顶抵挡按撑握抱捉拿扣揸拉锁关停卡困撞压])住|住在|我是|我系|我在|我喺|隔壁|隔篱|对面|对门|斜对面|信箱"
    r"|楼上|楼下)(?:的|嘅)?"
    # ("對面屋3107": the home across, 屋 or 家 after the place word.)
    # (In brackets too: "我家(301)漏水了".)
    r"(?:屋企|屋|那家|嗰家|那户|嗰户|那个|嗰个|个)?(?:是|系|住|在|住在)?\s?\(?(?P<after_home>[1-9]\d{2,3})(?![a-z0-9])"
    r"|(?<![a-z0-9$:/#-])(?<!\d[.,])(?P<before_home>[1-9]\d{2,3})(?=\s?(?:嗰个|嗰家|嗰户|那个|那家|那户|个门|"
    r"(?:的|嘅)?(?:门口|门前|门外)|(?:的|嘅)门(?!诊|卡|禁|铃|票|槛)|"
    r"(?:的|嘅)(?:小孩|孩子|细路|小朋友|人|住户|业主|租客|邻居|屋主|家|狗|猫)|(?:的|嘅)(?=$|[\s,.!?;])"
    # ("1205個伯伯成個禮拜冇見過佢": 个 before a person is "the", as after a building.)
    r"|个(?:伯伯|婆婆|阿伯|阿婆|老人家|老人|伯|婆|细路|小朋友|住户|业主|租客|男人|女人|阿姨|叔叔|后生仔)"
    # ("新搬来的1203邻居", "502邻居家爆管", "我是1203业主": the household named without 的.)
    r"|邻居|业主|租客))"
    # "602家搬进来", "1501家的狗", "803家天天装修": the household of a flat, where what follows 家 is its people, its
    # doings or 的; "300家商户" and "有200家搬进来" are counts (see _home_number).
    r"|(?<![a-z0-9$:/#-])(?<!\d[.,])(?P<family>[1-9]\d{2,3})(?=\s?家(?:的|嘅|搬|装修|天天|每天|成日|经常|总是|老是|一直|"
    r"又|在|喺|把|将|放|堆|养|人|老人|孩子|小孩|细路|小朋友|狗|猫|那|嗰))"
    # "从502传出来的", "502传来的", "从402家里传出来", "1203漏水到我家": the place a smell, noise, smoke or water comes
    # from, where a word for its spreading follows (传真 and 传单 are a fax and a leaflet; "流量" is data).
    r"|(?<![a-z0-9$:/#-])(?<!\d[.,])(?P<source>[1-9]\d{2,3})(?=\s?(?:家里?|屋企?里?|屋里|那边|嗰边|那里|嗰度|里面?|度)?"
    r"(?:传(?!真|单|票)|飘|渗|漏|滴|冒|溢|流出|流下|流到|发出|散发|嘈|吵))"
    # "去502睇下", "上去1203看看": a flat one goes to ("过去" and "失去" are the past and a loss).
    r"|(?<![过失回花用减])去(?P<visit>[1-9]\d{2,3})(?![a-z0-9])"
    r"|^(?:(?:喂|你好|您好|hello|hi|唔该|请问)[\s,]*)*(?P<opening>[1-9]\d{2,3})(?=[\u4e00-\u9fff])"
    r"|(?<=[\u4e00-\u9fff。,!?])(?<!\d[.,])\s?(?P<closing>[1-9]\d{2,3})[\s.!?。]*"
    # (and a plea after it: "成个厅湿晒 1502 快啲").
    r"(?:(?:快啲|快点|快d|快来|快嚟|唔该|谢谢|麻烦晒|麻烦你|救命)[\s.!?。~]*)?$"
)
_NOT_AFTER_HOME_RE = compile_plain(_NOT_AFTER_NUMBER + _NOT_AFTER_HOME)
# A count before a number of households: "有200家", "一共300家", "大约150家".
_COUNT_BEFORE = compile_plain(r"(?:有|共|约|近|超过|差不多|多少)\s?$")
# A phone number read out in parts: "一三九 嗯 后面我念给你", "1390 后面几位我等下发给你".
_READ_OUT_AFTER = compile_plain(
    r"[\s,]*(?:(?:嗯|呃|啊|那个)[\s,]*)?(?:后面|剩下|其余)的?(?:几位|四位|号码?|数字|是|我|再|等下|一会)"
)
_EMERGENCY_NUMBERS = frozenset({"110", "112", "119", "120", "122", "911", "999"})


def _home_number(s: str) -> str | None:
    """The first bare number ``s`` says is a home, by the rule above _NOT_AFTER_HOME; None if there is none."""
    for m in _HOME_NUMBER.finditer(s):
        key, number = next((k, v) for k, v in m.groupdict().items() if v)
        if number in _EMERGENCY_NUMBERS:
            continue
        if key == "said":
            if _SAID_NOT_HOME_BEFORE.search(s, max(0, m.start() - 10), m.start()):
                continue
        elif _NOT_HOME_BEFORE.search(s, max(0, m.start(key) - 8), m.start(key)):
            continue
        if key in ("opening", "closing", "family", "source", "visit") and number.endswith("00"):
            continue  # with nothing but its place to go by, "1400" is a time or an amount, not a flat
        if key in ("family", "source", "before_home") and _COUNT_BEFORE.search(
            s, max(0, m.start(key) - 4), m.start(key)
        ):
            continue
        if _READ_OUT_AFTER.match(s, m.end(key), m.end(key) + 12):  # "一三九 嗯 后面我念给你"
            continue
        if _NOT_AFTER_HOME_RE.match(s, m.end(key)) is None:
            continue
        return number
    return None


# Bare flat numbers in English ("smoke every night from 2203", "the guy in 1906", "... pls hurry 2801"). The rule,
# as a clerk would file them:
# * shape: a flat number is floor and flat, 3 digits floor 1-9 or 4 digits floor 10-80, and the flat 01-20; so
#   "1998", "1930", "1250" and "1400" are never flats;
# * place: right after a place preposition (in, inside, into, from, of, above, below, under, beneath, opposite,
#   beside, near, next to, outside, across from; fillers may come between), or as the last word of the message
#   ("water everywhere pls hurry 2801"); "at", "by", "until", "since" and "for" are time and money words;
# * nothing says it is something else: no measure, money, time or count word after it, not one group of a phone
#   number or a range ("from 1205 to 1210"), and the word before the preposition, or before a closing number, is
#   no money, reference, car-space, meter or time word ("a fee of 1205", "parked in 1205", "ticket 1205");
# * a number that reads as a year (4 digits from 19 or 20, here 1901-1920 and 2001-2020) counts only where the
#   preposition does not open the sentence ("In 2005 we bought ...") and no year word (since, bought, moved, built,
#   renovated, year, ago, when, was, old, a month ...) is in its sentence close by, no comma follows it ("in 2019,
#   mgmt said") and the word before the preposition is no home ("my flat in 2019" has its home already): "the
#   guy in 1906" is a flat, "we bought the flat in 2005" a year; "I moved into 2005 last month" cannot be told
#   from a year and stays no unit.
# Where one lives and whose flat it is: "I live 1504", "my neighbour 2204 kitchen", "upstairs 1903 装修". After these
# a number that could be a year ("1903", "2015") is a flat.
_EN_LIVES = compile_plain(r"live|living|stay|staying|neighbou?rs?|upstairs|downstairs|next\s+door")
# (With Tagalog's and Bisaya's "sa", at or in, as helpers write it: "may sunog po sa 2305", "management fee sa 2305".)
# Someone named by where they live: "my neighbour at 2215", "the old lady at 905".
_EN_HOME_PREPOSITION = (
    r"(?:in|inside|into|from|of|above|below|under|beneath|opposite|beside|near|next\s+to|outside|across\s+from|sa"
    r"|(?:neighbou?rs?|lady|man|woman|uncle|auntie|aunty|family|tenants?|owners?|couple|guy)\s+at"
    rf"|own|owns|{_EN_LIVES.pattern})"
)
# Fillers said inside a number ("flat um one seven zero two", "block nine um four oh eight") are dropped; before
# a bare flat number "like" and "you know" are fillers too.
_EN_FILLERS = ("erm", "um", "uh", "er", "ah")
_EN_FILLER_WORD = "|".join(_EN_FILLERS)
_EN_FILLER = rf"(?:{_EN_FILLER_WORD}|like|you\s+know)"
_EN_HOME_NUMBER = compile_plain(
    rf"(?<![a-z])(?P<prep>{_EN_HOME_PREPOSITION})(?:\s+(?:us|me),)?\s+(?:{_EN_FILLER}\s+)*(?P<n>[1-9]\d{{2,3}})"
    rf"|(?<=[a-z!?.,])\s+(?:{_EN_FILLER}\s+)*(?P<paren>\()?(?P<last>[1-9]\d{{2,3}})(?(paren)\))"
    rf"(?=(?:\s+{_EN_FILLER})*[\s.!?]*$)"
)
_EN_NOT_AFTER_HOME = compile_led(
    r"\d|[.,:/-]\d|\s\d|[a-z'$%]|\s*(?:(?:to|till|until|through|-|–)\s*\d|%|am|pm|hrs?|hours?|h|mins?|minutes?|"
    r"secs?|seconds?|days?|weeks?|months?|years?|yrs?|dollars?|bucks|hkd|hk\$|rmb|usd|cents?|k|sq|sqft|square|feet|"
    r"pesos?|php|piso|rupiah|rp|ribu|rb|"
    r"ft|m2|kwh|units|degrees?|people|persons|residents|households|families|flats|homes|owners|tenants|signatures|"
    r"votes|calls|times|pieces|items|cars|cases|steps|pages|words)(?![a-z])"
)
_EN_NOT_HOME_WORD = compile_plain(
    r"(?:^|[^a-z])(?:fee|fees|cost|costs|charge|charged|charges|total|sum|amount|price|deposit|fine|payment|paid|pay|"
    r"balance|refund|rent|rate|salary|budget|quote|quoted|invoice|increase|decrease|discount|owe|owed|bill|hk\$|\$|"
    r"ref|reference|ticket|case|order|receipt|job|number|no|code|pin|password|otp|account|acct|card|cheque|"
    r"space|lot|bay|slot|park|parked|parking|car|plate|bus|route|flight|train|page|line|model|version|size|item|"
    r"meter|reading|readings|reads|read|shows|showing|says|said|temperature|temp|speed|weight|height|length|area|"
    r"count|out|one|call|called|phone|tel|mobile|whatsapp|fax|dial|ext|extension|text|year|years|class|"
    r"ends|ending|digits|tracking|waybill|error|err|status)[.:#]?\s*$"
)
# Before a number that closes the message, also no verb "to be", article or time, range or list word.
_EN_NOT_LAST_WORD = compile_plain(
    r"(?:^|[^a-z])(?:is|was|are|were|be|been|am|the|a|an|at|by|until|till|since|before|after|around|about|approx|"
    r"to|and|or|between|than|over|only|just|for|of|in|from|on)[.:#]?\s*$"
)
_EN_YEAR_WORD = compile_led(
    r"(?<![a-z])(?:since|years?|yrs?|ago|born|built|bought|buy|purchased|moved|renovat\w*|decorat\w*|refurbish\w*|"
    r"founded|established|opened|completed|graduat\w*|married|century|decade|back|summer|winter|spring|autumn|"
    r"was|were|when|old|older|new|newer|original|age|aged|christmas|january|february|march|april|june|july|"
    r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"again|happened|typhoon|storm|during"
    # An incident had then ("we had that gas leak in 2019"), not a word had with someone ("I had a word with 1905").
    r"|(?:we|i|they) had (?:that|the|a|an|this|our|my)(?: [\w-]+){0,2} (?:leaks?|floods?|fires?|outages?|blackouts?"
    r"|bursts?|incidents?|problems?|issues?|renovations?|works))(?![a-z])"
)
_EN_HOME_BEFORE = compile_plain(r"(?<![a-z])(?:flat|home|unit|apartment|house|place|here|there)\s*$")
_SENTENCE_END = compile_plain(r"[.!?;\n]")


def _flat_number(number: str) -> bool:
    """Whether three or four digits can be a floor (up to 80) and a flat on it (01 to 20)."""
    return 1 <= int(number[-2:]) <= 20 and int(number[:-2]) <= 80


def _en_home_number(s: str) -> str | None:
    """The first bare number an English message says is a home, by the rule above _EN_HOME_PREPOSITION."""
    for m in _EN_HOME_NUMBER.finditer(s):
        key = "n" if m.group("n") else "last"
        number, start, end = m.group(key), m.start(key), m.end(key)
        if not _flat_number(number) or s[start - 1 : start] in ("$", "#"):
            continue
        if _EN_NOT_AFTER_HOME.match(s, end):
            continue
        cue = m.start("prep") if key == "n" else m.start()
        if _EN_NOT_HOME_WORD.search(s, max(0, cue - 16), cue) or (
            key == "last" and _EN_NOT_LAST_WORD.search(s, max(0, cue - 16), cue)
        ):
            continue
        lives = key == "n" and _EN_LIVES.fullmatch(m.group("prep"))
        if len(number) == 4 and number[:2] in ("19", "20") and not lives:
            opening = max(0, cue - 50)
            opening = max((e.end() for e in _SENTENCE_END.finditer(s, opening, cue)), default=opening)
            closing = _SENTENCE_END.search(s, end, end + 30)
            if (
                not s[opening:cue].strip(" ,")
                or s[end : end + 1] == ","
                or _EN_HOME_BEFORE.search(s, max(0, cue - 12), cue)
                or _EN_YEAR_WORD.search(s, opening, closing.start() if closing else min(len(s), end + 30))
            ):
                continue
        return number
    return None


# A flat written after "#" with no building before it ("#1501 keep their rubbish at the door", "drum practice in
# #1108 Blk 2"): a floor and a flat (_flat_number), unless a reference, money or car-space word comes before the
# "#" ("ticket #1205", "order #1203", "车位#1203"); with a building before it the patterns above have it already.
_HASH_FLAT = compile_plain(r"(?<![a-z0-9&#])#\s?(?P<n>[1-9]\d{2,3})(?P<letter>[a-h])?(?![a-z0-9-])")


_HASH_NOT_BEFORE = compile_plain(r"(?:车位|车库|停车|车牌|单号|工单|订单|编号|号码|票|案|账号|帐号)\s*$")


def _hash_flat(s: str) -> str | None:
    for m in _HASH_FLAT.finditer(s):
        before = max(0, m.start() - 16)
        if not _flat_number(m.group("n")) or _EN_NOT_HOME_WORD.search(s, before, m.start()):
            continue
        if _HASH_NOT_BEFORE.search(s, max(0, m.start() - 8), m.start()):
            continue
        return m.group("n") + (m.group("letter") or "")
    return None


def _digits(text: str) -> str:
    """Chinese numerals to Arabic digits: "七" -> "7", "十二" -> "12", "七零二" -> "702"."""
    if not text or text.isascii():
        return text
    if re.fullmatch("[〇零一二三四五六七八九]+", text) and len(text) > 1:
        return text.translate(_CN_DIGITS)
    value = _chinese_number(text)
    if value is None and _FLOOR_THEN_FLAT.fullmatch(text):
        return _floor_then_flat(text)
    return text if value is None else str(value)


# A flat said as its floor with 十 and then its flat digit by digit: "十二零三" (twelve, oh three) is 1203, "十零一" is
# 1001, "十一零二" is 1102. No number is written that way (cn2an refuses them), so the reading is not in doubt.
_FLOOR_THEN_FLAT = compile_plain("[一二三四五六七八九幺两]?十[〇零一二三四五六七八九幺两]{2,3}")


def _floor_then_flat(said: str) -> str:
    """ "十二零三" -> "1203", "十零一" -> "1001": the floor read as a number, the digits after it as they are said."""
    said = said.replace("幺", "一").replace("两", "二")
    tens, _, rest = said.partition("十")
    floor = int(tens.translate(_CN_DIGITS) or 1) * 10
    if rest[:1] not in ("", "零", "〇"):
        floor, rest = floor + int(rest[0].translate(_CN_DIGITS)), rest[1:]
    return f"{floor}{rest.translate(_CN_DIGITS)}"


def _chinese_number(text: str) -> int | None:
    """ "十二" -> 12, "二十三" -> 23, "一百零二" -> 102; None for anything else.

    cn2an is imported on first use: its import alone is a fifth of the understander's start-up, and a numeral
    with 十 or 百 in a unit is rare."""
    import cn2an

    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, TypeError, KeyError):
        return None


def normalise_building(value: str | None) -> str | None:
    """A building as the registry stores it: "03" -> "3", "七" -> "7", "b" -> "B"; blank -> None."""
    if value is None:
        return None
    s = unicodedata.normalize("NFKC", value).strip().lstrip("#").strip()
    if not s:
        return None
    s = _digits(s)
    return str(int(s)) if s.isdecimal() else s.upper()  # isdigit() passes "𐩀", which int() refuses


_FLOOR_DASH_LETTER = compile_plain(r"^(\d{1,2})-([a-hA-H])$")
_ZERO_FLOOR_LETTER = compile_plain(r"^0(\d[a-hA-H])$")


def normalise_unit(value: str | None) -> str | None:
    """A unit as the registry stores it: "#05-02" -> "05-02", "12b" -> "12B"; blank -> None."""
    if value is None:
        return None
    s = unicodedata.normalize("NFKC", value).strip().lstrip("#").replace(" ", "")
    if not s:
        return None
    s = _FLOOR_DASH_LETTER.sub(r"\1\2", s)  # "17-B" is flat 17B ("3-501", entrance and flat, keeps its dash)
    s = _ZERO_FLOOR_LETTER.sub(r"\1", s)  # "07F" (a floor said "零七") is flat 7F
    return _digits(s).upper()


# A flat number said just before its building ("1903 Tower 6", "we're 1506, Block 9", "2808 Tower 4"); as with a
# bare number after "in" or "at" (_en_home_number), it must read as a floor and a flat (_flat_number).
# A year is no flat where the word before it says so ("in 2015 tower 3 was repainted"; but "renovating at 1903
# Tower 6" is a flat).
_FLAT_BEFORE_BUILDING = compile_plain(r"(?<![\d$#:/.,-])(?P<num>\d{3,4})(?![\d-])\s*,?\s*(?:of\s+|in\s+)?$")
_YEAR_BEFORE = compile_plain(r"(?<![a-z])(?:in|since|from|by|until|till|before|after|year|of)\s*$")


_ENTRANCE_BEFORE_FLAT = compile_plain(r"(?<![\d.])(?P<e>\d{1,2})\s*单元[\s,]*$")


def _flat_before_building(s: str, number: str, start: int) -> bool:
    if not _flat_number(number):
        return False
    return number[:2] not in ("19", "20") or not _YEAR_BEFORE.search(s, max(0, start - 8), start)


# A building named as the mistake on a bill or a notice ("管理費單寫錯咗做第三座，我係住第五座"): not the resident's.
_WRONGLY_NAMED = compile_plain(r"(?:错(?:咗|了)?(?:做|成|为)|写(?:成|做)|打成|印成)(?:了|咗)?\s*$")


def _building_said(building: re.Match[str]) -> str:
    """The building as a match of _BUILDING_ZH or _BUILDING_EN said it ("3", "十二", "b")."""
    return next(v for v in building.groupdict().values() if v)


def _find_building(s: str) -> tuple[str, int, int] | None:
    """The first building named in ``s``, and where its match starts and ends (not one named as a mistake); the
    resident's own where another is named first ("after Block 7 I'm terrified of lifts. Ours in Block 5 …")."""
    between = (
        [b.span() for b in _BETWEEN_BUILDINGS.finditer(s)]
        if "间" in s or "当中" in s or "夹" in s or "从" in s or "段" in s or "between" in s
        else []
    )
    named = [
        m for pattern in (_BUILDING_ZH, _BUILDING_EN) for m in pattern.finditer(s) if _names_building(s, m, between)
    ]
    if not named:
        return None
    own = [m for m in named if _OWN_BUILDING_BEFORE.search(s, max(0, m.start() - 14), m.start())]
    first = min(own or named, key=lambda m: m.start())
    return _building_said(first), first.start(), first.end()


def _names_building(s: str, m: re.Match[str], between: list[tuple[int, int]]) -> bool:
    raw = _building_said(m)
    # "一栋楼" is "a whole building", not building 1; but "十栋楼下" is below building 10.
    if (
        not raw.isascii()
        and s[m.end() : m.end() + 1] == "楼"
        and not (raw != "一" and _BUILDING_SIDE.match(s, m.end()))
    ):
        return False
    if raw in ("一", "1") and s[max(0, m.start() - 1) : m.start()] in ("这", "那", "呢", "嗰", "哪", "边"):
        return False  # "我们这一栋" is this building, "是哪一栋" which one, not building 1
    if any(start <= m.start() < end for start, end in between):
        return False  # the place between two buildings (see _BETWEEN_BUILDINGS)
    if _WRONGLY_NAMED.search(s, max(0, m.start() - 6), m.start()):
        return False
    if m.re is _BUILDING_EN and m.group("b3") in _TYPHOON_SIGNALS and _TYPHOON.search(s):
        return _UNIT_AFTER_BUILDING.match(s, m.end()) is not None  # "during T8" is a typhoon signal, not Tower 8
    return True


# The resident's own building, said as such: "我们4栋的电梯", "我哋8座", "ours in Block 5", "we're in tower 3".
_OWN_BUILDING_BEFORE = compile_plain(
    r"(?:我们|我哋|我家|我屋企|我住(?:喺|在)?|(?<![a-z])(?:ours?|we(?:'re| are)|i(?:'m| am)|i live|we live)"
    r"(?: (?:is|are))?(?: in| at)?)\s*(?:的|嘅)?\s*(?:the\s+)?$"
)


def _unit_from(m: re.Match[str], *, prefix: str = "") -> str:
    groups = {k: v for k, v in m.groupdict().items() if v}
    if "entrance_flat" in groups:
        return f"{groups['entrance']}-{groups['entrance_flat']}"
    if "a_en_flat" in groups:
        return f"{groups['a_en_entrance']}-{groups['a_en_flat']}"
    entrance = groups.get("entrance") or groups.get("en_entrance")
    if entrance:
        return f"{entrance}-{_unit_from_groups(groups, prefix)}"
    return _unit_from_groups(groups, prefix)


def _unit_from_groups(groups: dict[str, str], prefix: str) -> str:
    if f"{prefix}floor" in groups:
        return groups[f"{prefix}floor"] + groups[f"{prefix}flat"]
    if "lf_floor" in groups:
        return groups["lf_floor"] + groups["lf_flat"]
    for key in ("sg", "num", "bflat", "m_sg", "m_num", "zh_num", "hash_sg", "zh_room", "flat_letter"):
        if key in groups:
            return groups[key]
    raise AssertionError(f"unit pattern matched without a unit group: {groups!r}")


# Numbers said rather than written (phone transcripts, older residents): "三座五零二", "二十三樓C室",
# "flat one two bee". They become digits only next to a building, floor or flat word, so "三日", "一棟樓"
# ("a whole building") and "two lifts" stay as they are.
_ZH_NUMERAL = "〇零一二三四五六七八九十两幺"
# (The day of a week is no part of a number: "下礼拜六三座停水" is building 3 on Saturday, "下周二五号楼" building 5.)
# (Nor is the 一 of 一直, 一下, 一样 after a flat: "一单元九零一 一直空着" is 901.)
_ZH_SPOKEN = compile_led(
    rf"(?:(?<=第)|(?<=座|栋|幢|楼)\s?|(?<=单元)\s?)?(?!(?:(?<=礼拜)|(?<=星期)|(?<=周))[一二三四五六])"
    rf"(?P<n>[{_ZH_NUMERAL}](?:\s?(?!一(?:直|下|样|些|定|共|般|切|阵))[{_ZH_NUMERAL}])*)"
    r"(?=\s?(?P<after>(?:座|栋|幢)(?!楼)|号楼|号大楼|号座|楼|层|室|号房|单元|[a-h](?![a-z]))?)"
)
_EN_DIGITS = {
    "zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "ninteen": 19,
}  # fmt: skip
# (With the misspellings a recogniser never makes and residents do: "ninteen", "fourty".)
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60}
_EN_LETTERS = {
    "ay": "a", "bee": "b", "cee": "c", "see": "c", "dee": "d", "ee": "e", "eff": "f", "gee": "g", "aitch": "h",
    "haitch": "h", "jay": "j", "kay": "k",
}  # fmt: skip
_EN_WORD = "|".join(["double", *_EN_TENS, *sorted(_EN_DIGITS, key=len, reverse=True), r"\d"])
# The number words without "o", which on its own is too often a letter or a word.
_EN_NUMBER_WORD = "|".join(["double", *_EN_TENS, *sorted((w for w in _EN_DIGITS if w != "o"), key=len, reverse=True)])
_EN_COUNTED = r"(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|times)(?![a-z])"
_EN_SPOKEN = compile_plain(
    r"(?<![a-z])(?P<marker>flat|unit|room|rm|apt|apartment|block|blk|tower|building|floor)\s+"
    # (A number word before a count's unit counts that, not the flat: "room nine oh one five days ago", round 119.)
    rf"(?P<words>(?:(?:(?:{_EN_WORD})(?!\s+{_EN_COUNTED})|(?:{_EN_FILLER_WORD})(?=\s+(?:{_EN_WORD})(?![a-z])))"
    r"(?:\s+|(?![a-z])))+)"
    rf"(?P<letter>(?:{'|'.join(_EN_LETTERS)}|[a-h])(?![a-z]))?"
)


# "Twenty-one" is "twenty one".
_EN_TENS_HYPHEN = compile_plain(
    r"(?<![a-z])(?P<tens>twenty|thirty|forty|fifty|sixty)-(?=(?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))"
)
# Digits said one by one with hyphens between ("flat two-two-D", "one-five-b"): "two two d". "Two-way" stays.
# (A floor said as one number before "oh" is one of them too: "unit twelve-oh-eight" is 1208.)
_EN_DIGIT_HYPHEN = compile_plain(
    r"(?<![a-z])(?P<digit>zero|oh|one|two|three|four|five|six|seven|eight|nine"
    r"|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
    r"|sixty)(?=-(?:oh|zero)(?![a-z])))-"
    r"(?=(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|[a-h])(?![a-z]))"
)


# Building, entrance and flat said in English with "dash" ("six dash one dash fifteen oh three" is 6-1-1503,
# "three dash five oh two" is 3-502): the numbers are written as digits with hyphens, and read as written ones.
_EN_DASH_PART = rf"(?:{_EN_NUMBER_WORD}|\d{{1,4}})(?![a-z0-9])(?:\s+(?:{_EN_NUMBER_WORD}|\d{{1,4}})(?![a-z0-9]))*"
_EN_DASH = rf"\s+(?:(?:{_EN_FILLER_WORD})\s+)*(?:dash|hyphen)\s+(?:(?:{_EN_FILLER_WORD})\s+)*"
_EN_DASHED = compile_plain(rf"(?<![a-z0-9-]){_EN_DASH_PART}(?:{_EN_DASH}{_EN_DASH_PART})+")


def _en_dashed(m: re.Match[str]) -> str:
    """ "six dash one dash fifteen oh three" -> "6-1-1503"."""
    return "-".join(_en_number(part.split()) for part in re.split(_EN_DASH, m.group(0)))


# A building named by a spoken letter: "tower ay", "block bee" ("see" is left out: "block see" is no building).
_EN_SPOKEN_BUILDING = compile_plain(
    r"(?<![a-z])(?P<marker>block|blk|tower|twr)\s+(?P<letter>ay|bee|cee|dee|ee|eff|gee|aitch|haitch|jay|kay"
    # ("Block see twenty second floor", not "the tower see you there".)
    r"|see(?! (?:you|u|ya|the|it|them|if|what|that|how|why))"
    r")(?![a-z])"
)
# A flat said right after a building named by a letter, with no "flat" word: "tower bee twenty one see", "block ay
# twelve d", "tower b twelve oh three". Right after the building "see" is the flat letter C, unless "you" follows
# ("tower bee twenty see you"); "a" before a count or a measure is the article ("block b twenty a month"). The floor
# must be one or two digits before a letter and the flat three or four digits without one.
_EN_FLAT_AFTER_LETTER_BUILDING = compile_plain(
    r"(?<![a-z])(?P<building>(?:block|blk|tower|twr)\s+[a-k])\s+"
    rf"(?P<words>(?:{_EN_NUMBER_WORD})(?:\s+(?:(?:{_EN_FILLER_WORD})\s+)*(?:{_EN_NUMBER_WORD}))*)(?![a-z0-9'-])"
    rf"(?:\s+(?P<letter>{'|'.join(_EN_LETTERS)}|[a-hjk])(?![a-z0-9'-]))?"
)
_SEE_YOU = compile_plain(r"\s+you(?![a-z])")


def _en_flat_after_letter_building(m: re.Match[str]) -> str:
    words = [w for w in m.group("words").split() if w not in _EN_FILLERS]
    said = m.group("letter")
    if said is None:
        flat = _en_number(words)
        return f"{m.group('building')} {flat}" if 3 <= len(flat) <= 4 else m.group(0)
    floor, letter = _en_number(_floor_once(words)), _EN_LETTERS.get(said, said)
    if (
        not 1 <= len(floor) <= 2
        or (said in ("see", "c") and _SEE_YOU.match(m.string, m.end()))
        or (letter == "a" and _ARTICLE_A.match(m.string, m.end()))
    ):
        return m.group(0)
    return f"{m.group('building')} {floor}{letter}"


# Buildings and floors said as English ordinals: "second block", "the third tower", "2nd block" are block 2 and
# tower 3; "fifteenth floor flat e", "the twenty-third floor, flat c" are 15/F and 23/F. "Block" after an ordinal
# is a verb or a lump where an object or "of" follows ("first block the door", "the second block of ice", but "the
# second block of flats" is block 2); a floor becomes digits only where a flat word follows (a floor alone is no
# unit, and "23rd floor a lot of noise" no flat).
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
}  # fmt: skip
_EN_ORDINAL = (
    rf"(?:(?P<tens>{'|'.join(_EN_TENS)})[\s-]+)?(?P<ordinal>{'|'.join(_EN_ORDINALS)})"
    r"|(?P<nth>\d{1,2})(?:st|nd|rd|th)"
)
_EN_ORDINAL_BUILDING = compile_led(
    # (Not a date: "moving in on the fifteenth tower three".)
    rf"(?<![a-z0-9])(?<!on )(?<!on the )(?:the\s+)?(?:{_EN_ORDINAL})\s+(?P<marker>block|blk|tower|twr)(?![a-z])"
    r"(?!\s+(?:of(?!\s+flats)|the|a|an|it|off|them|this|that|these|those|my|our|your|his|her|their|me|us|him)(?![a-z]))"
)
# A floor becomes digits only where a flat word follows it, also with its building between ("the fifteenth floor,
# block 1 flat a"); a floor alone is no unit.
_FLAT_WORD_AHEAD = (
    r"(?=\s*,?\s*(?:(?:block|blk|tower|twr|building)\s+(?:\d{1,2}|[a-h])\s*,?\s*)?(?:flat|unit|rm|room)(?![a-z]))"
)
_EN_ORDINAL_FLOOR = compile_plain(rf"(?<![a-z0-9])(?:{_EN_ORDINAL})\s+(?:floor|fl){_FLAT_WORD_AHEAD}")
# A floor said in number words before its floor word and a flat word: "twenty two f flat d", "fifteen floor unit b"
# are 22/F and 15/F (after a building the building's words already made them digits).
_EN_CARDINAL_FLOOR = compile_plain(
    rf"(?<![a-z0-9])(?P<words>(?:{_EN_NUMBER_WORD})(?:\s+(?:{_EN_NUMBER_WORD}))*)\s+(?:floor|fl|f|/f)"
    rf"{_FLAT_WORD_AHEAD}"
)


def _en_cardinal_floor(m: re.Match[str]) -> str:
    floor = _en_number(m.group("words").split())
    return f"{floor}/f" if 1 <= len(floor) <= 2 else m.group(0)


# The floor word before its number, next to a flat word: "block 3 floor 16 flat a", "floor 16, flat a, block 3",
# "flat a on floor 16", "level 16 unit a" (and Indonesian "lantai 16 unit a", as helpers write; "flr 20 flat h", as
# they shorten it) are 16/F (the floor alone, "floor 3 lobby", stays no unit).
_EN_FLOOR_FIRST = compile_plain(
    rf"(?<![a-z0-9])(?:floor|flr|fl|level|lvl|lantai)\.?\s*(?:no\.?\s*)?(?P<n>\d{{1,2}})(?![\d/a-z]){_FLAT_WORD_AHEAD}"
    r"|(?P<flat>(?<![a-z])(?:flat|unit|rm|room)\s+[a-h]\s*,?\s*(?:on\s+(?:the\s+)?)?)(?:floor|flr|fl|level|lvl|lantai)\.?"
    r"\s*(?P<n2>\d{1,2})(?![\d/a-z])"
)


def _en_floor_first(m: re.Match[str]) -> str:
    """ "floor 16" -> "16/f", "flat a on floor 16" -> "flat a on 16/f" (see _EN_FLOOR_FIRST)."""
    return f"{m.group('n')}/f" if m.group("n") else f"{m.group('flat')}{m.group('n2')}/f"


def _en_ordinal(m: re.Match[str]) -> int:
    """The number an ordinal matched by _EN_ORDINAL says: "second" -> 2, "twenty-third" -> 23, "15th" -> 15."""
    if m.group("nth"):
        return int(m.group("nth"))
    return _EN_TENS.get(m.group("tens") or "", 0) + _EN_ORDINALS[m.group("ordinal")]


# A resident correcting themselves: "block three no sorry block five", "flat twenty sorry flat two one bee",
# "3座，唔係，5座". The first mention is dropped when the same kind of place follows the correction word, so the
# correction wins; a building corrected by a flat ("block 3 no flat 5") is no correction. A flat is often corrected
# without its word said again ("flat eight eight er sorry eighteen g", "flat eight a no sorry eight b", "unit
# twelve oh one I mean twelve oh two"): the flat word is kept for the number after the correction, where that
# number is shaped like a flat (a floor of one or two digits and a letter, or three or four digits); "flat 12b no
# one came" and "unit 5 sorry 2 days" are no correction.
_CORRECTION_WORD = (
    r"(?:no\s+sorry|sorry\s+no|no\s+no|no\s+wait|sorry|i\s+mean|i\s+meant|actually|oops|no|"
    r"唔系|唔啱|唔好意思|不好意思|讲错咗|讲错|说错了|说错|不是|不对|不不|错咗|错了|其实(?:是|系)|实际(?:上)?是)"
)
_FILLER = r"(?:\s*(?:,|\.|er|um|uh|ah|呃|嗯|啊|呀|哦)\b)*"
_EN_SAID_NUMBER = rf"(?:(?:{_EN_NUMBER_WORD})(?![a-z])|\d{{1,4}}(?!\d))"
_EN_FLAT_SAID_AGAIN = (
    rf"(?P<again>{_EN_SAID_NUMBER}(?:\s+{_EN_SAID_NUMBER})*)"
    rf"(?:\s*(?P<again_letter>[a-h]|bee|cee|dee|eff|gee|aitch)(?![a-z0-9]))?{_NOT_AFTER_NUMBER}"
)
_EN_CORRECTED = compile_plain(
    r"(?<![a-z])(?:(?P<b>block|blk|tower|twr|building)|(?P<f>flat|unit|room|rm|apt))(?:\s+[a-z0-9]+){1,5}?"
    rf"{_FILLER}(?:\s*(?:,|\.{{1,3}}|…)?\s*{_CORRECTION_WORD}{_FILLER})+[\s,]*"
    rf"(?=(?(b)(?:block|blk|tower|twr|building)\b|(?:(?:flat|unit|room|rm|apt)\b|{_EN_FLAT_SAID_AGAIN})))"
)

# A flat said digit by digit straight after its building, corrected without its word: "tower five two zero zero
# sorry two zero zero one" is tower 5, flat 2001 (the building stays; the flat said first is dropped).
_EN_FLAT_AFTER_BUILDING_CORRECTED = compile_plain(
    rf"(?P<building>(?<![a-z])(?:block|blk|tower|twr|building)\s+(?:{_EN_SAID_NUMBER}|[a-h](?![a-z])))"
    rf"(?:\s+(?:{_EN_NUMBER_WORD})(?![a-z])){{1,4}}(?:\s+[a-h](?![a-z]))?"
    rf"{_FILLER}(?:\s*(?:,|\.{{1,3}}|…)?\s*{_CORRECTION_WORD}{_FILLER})+[\s,]*(?={_EN_FLAT_SAID_AGAIN})"
)


# A flat said again whole after a pause, with no correction word: "flat ten... ten C", "flat two one... twenty one K",
# "flat eight... eight B". The first is dropped (the flat word kept for the second) when the number said again
# begins with it and is shaped like a flat; "flat 12... 1203" is a flat too, "flat 8... 9 people" is not.
_EN_RESTARTED = compile_plain(
    rf"(?<![a-z])(?P<f>flat|unit|room|rm|apt)\s+(?P<first>{_EN_SAID_NUMBER}(?:\s+{_EN_SAID_NUMBER})*)"
    rf"\s*(?:\.{{2,3}}|…)\s*(?=(?P<again>{_EN_SAID_NUMBER}(?:\s+{_EN_SAID_NUMBER})*)"
    r"(?:\s*(?P<again_letter>[a-eg-hjk]|bee|cee|dee|gee|aitch|jay|kay)(?![a-z0-9]))?)"
)


def _en_restart(m: re.Match[str]) -> str:
    """Drops a flat said first when it is said again, whole, after a pause (see _EN_RESTARTED)."""
    first, again = _en_number(m.group("first").split()), _en_number(m.group("again").split())
    if first and again.startswith(first) and _said_again_is_a_flat(m):
        return f"{m.group('f')} "
    return m.group(0)


def _said_again_is_a_flat(m: re.Match[str]) -> bool:
    """Whether the number said after a correction (_EN_FLAT_SAID_AGAIN) is shaped like a flat: a floor of one or two
    digits and a letter, or three or four digits."""
    number = _en_number(m.group("again").split())
    return 1 <= len(number) <= 2 if m.group("again_letter") else 3 <= len(number) <= 4


def _en_flat_correction(m: re.Match[str]) -> str:
    """Drops the flat said first after its building (see above) when what follows the correction is a flat."""
    return f"{m.group('building')} " if _said_again_is_a_flat(m) else m.group(0)


def _en_correction(m: re.Match[str]) -> str:
    """Drops a place the resident corrected; a flat said again without its word keeps the word (see above)."""
    if m.group("again") is None:
        return ""
    return f"{m.group('f')} " if _said_again_is_a_flat(m) else m.group(0)


# Chinese corrections may have fillers around the correction word ("五座 呃唔系 六座", "二号楼 不不 三号楼").
# "是3栋不是5栋" is building 3, said in contrast: 是/系 (but not 唔系/不是) before the first and 不是/唔系 as the
# correction word is no correction (see _correction); "我是二号楼 不不 三号楼" is one.
_ZH_FILLER = "(?:呃|嗯|啊|呀|哦|额|唉|那个|嗰个)"
_ZH_CORRECTION = (
    rf"[\s,]*(?:{_ZH_FILLER}[\s,]*)*(?:我?{_CORRECTION_WORD}[\s,]*)+(?:{_ZH_FILLER}[\s,]*)*"
    r"(?:我?(?:系|是|住|喺|在))?[\s,]*"
)
# A building as the corrections read it, its numerals not yet digits ("二号楼", "第五座", "a座").
_ZH_BUILDING_SAID = rf"第?(?:\d{{1,2}}|[{_ZH_NUMERAL}]{{1,3}}|[a-z])\s*{_ZH_BUILDING_WORD}"
_ZH_CORRECTED = compile_plain(rf"{_ZH_BUILDING_SAID}(?P<corr>{_ZH_CORRECTION})(?={_ZH_BUILDING_SAID})")
# An entrance corrected the same way: "三单元 呃 不对 四单元" is entrance 4; "2单元不是3单元", said in one breath, is
# entrance 2 in contrast (_entrance_correction).
_ZH_ENTRANCE_CORRECTED = compile_plain(
    rf"(?:\d{{1,2}}|[{_ZH_NUMERAL}]{{1,3}})\s*单元(?P<corr>{_ZH_CORRECTION})(?=(?:\d{{1,2}}|[{_ZH_NUMERAL}]{{1,3}})\s*单元)"
)
# A flat corrected the same way, read once its numerals are digits: "二零二 不对 二零一", "1203室 唔系 1302室",
# "12b 唔系 12c", "十二樓A室 唔係 十二樓B室". The last one said is kept, and a flat confirmed ("二三零一 呃
# 二三零二没错") wins over the one before it. A number said alone keeps its mark (_SAID) for the home rule.
_ZH_FLAT = r"(?:\d{3,4}|\d{1,2}(?:楼|层)?[a-h])"
# (A round thousand is a false start corrected: "一千 唔係 一零零三" is 1003.)
_UNIT_CORRECTED = compile_led(
    rf"(?<![\d$:/#.,-]){_SAID}?(?:{_ZH_FLAT}|\d千)(?:室|号房)?(?:(?P<corr>{_ZH_CORRECTION})(?={_SAID}?{_ZH_FLAT}(?![a-z0-9]))"
    rf"|[\s,]*(?:{_ZH_FILLER}[\s,]*)*(?={_SAID}?{_ZH_FLAT}(?:室|号房)?\s*(?:没错|冇错|才对|先啱|就对了|对了|啱了)))"
)
# A building-flat pair corrected whole: "3-1502 sorry 3-1503", "5-1203 唔系 5-1302". The last one said is kept.
_DASHED = r"(?:\d{1,2}|[a-h])\s?-\s?\d{3,4}[a-h]?(?![a-z0-9:-])"
_DASHED_CORRECTED = compile_plain(
    rf"(?<![a-z0-9$:/#.,-]){_DASHED}(?:{_FILLER}|\s*{_ZH_FILLER})*(?:\s*,?\s*{_CORRECTION_WORD}{_FILLER})+[\s,]*"
    rf"(?={_DASHED})"
)
_DENIAL = compile_plain(r"不是|唔系|不系")
_CONTRAST = compile_plain(rf"[\s,]*(?:{_DENIAL.pattern})")
# "我系6座 唔系唔好意思 系8座": an apology after 唔系 makes it a correction, not a contrast.
_SORRY = compile_plain(r"唔好意思|不好意思|sorry|讲错|说错|错咗|错了")
# A flat corrected by its letter alone, the floor staying: "十二樓A室 唔係 B室" is 12B (often said whole again
# after it: "... 唔係 B室 十二樓B室").
_FLAT_LETTER_CORRECTED = compile_plain(
    rf"(?<![\d$:/#.,-])(?P<floor>\d{{1,2}}\s?(?:楼|层))\s?[a-h]\s?室?(?P<corr>{_ZH_CORRECTION})(?=[a-h]\s?室)"
)


# What says the first place is the one meant: 是/系 (not 唔系/不是) before it, or "I said", "I meant"
# ("我係話3座唔係8座" is building 3: what was said was 3, not 8).
_SAID_BEFORE_CONTRAST = compile_plain(
    # (Also "应该系" before the building: "应该系3座1105唔系1150" is 1105.)
    rf"(?:(?<![唔不])[是系]|系话|是说|我话|我说|我讲|意思[是系])$|应该?[是系]\s*{_ZH_BUILDING_SAID}\s*$"
)
# The building denied before it is named, and the right one after: "不是 不是 四号楼 是 十四号楼" is 14.
_DENIED_FIRST = compile_plain(
    rf"(?:(?:不是|唔系)[\s,]*)+{_ZH_BUILDING_SAID}[\s,]*(?:而)?(?:是|系)[\s,]*(?={_ZH_BUILDING_SAID})"
)
# (Not when a building was said just before the denial: "一座 唔係 B座 係B座" is B, the first corrected and the
# second affirmed, which _ZH_CORRECTED reads.)
_BUILDING_JUST_SAID = compile_plain(rf"{_ZH_BUILDING_SAID}[\s,]*$")


def _denied_first(m: re.Match[str]) -> str:
    """Drops the building denied before it is named (see _DENIED_FIRST), unless it corrects one said just before."""
    return m.group(0) if _BUILDING_JUST_SAID.search(m.string, max(0, m.start() - 8), m.start()) else ""


# Where one lives, denied in one breath against another flat: "我住23D唔係23B" is 23D. Said with pauses around the
# denial ("我住十二B 唔係 十二C"), it is a correction on the phone.
_LIVES_BEFORE = compile_plain(r"我住(?:喺|在|系|是)?$")
# "唔係 係六座": the denial is of what was said first, and what follows is affirmed: a correction.
_DENIED_THEN_AFFIRMED = compile_plain(r"(?:唔系|不是|不系)[\s,]*我?(?:系|是)[\s,]*$")


def _correction(m: re.Match[str]) -> str:
    """Drops a place the resident corrected, unless it was said in contrast ("是3栋不是5栋"). Said in contrast
    means 是/系 before the first and 不是/唔系 after it; but "我係五座 唔係 係六座" (affirmed again after the denial)
    and "我係二十座 唔係 十二座 十二座六樓A" (the second said again) are corrections."""
    corr = m.group("corr")
    said_in_contrast = _SAID_BEFORE_CONTRAST.search(m.string, max(0, m.start() - 10), m.start()) is not None or (
        corr is not None
        and corr == corr.strip()
        and _LIVES_BEFORE.search(m.string, max(0, m.start() - 10), m.start()) is not None
    )
    # (A denial said twice, "我係二座 唔係 唔係 六座", is a correction.)
    doubled = corr is not None and len(_DENIAL.findall(corr)) > 1
    if said_in_contrast and corr is not None and _CONTRAST.match(corr) and not _SORRY.search(corr) and not doubled:
        second = _BUILDING_ZH.match(m.string, m.end())
        said_again = second is not None and m.string[second.end() :].lstrip(" ,").startswith(second.group(0))
        if not _DENIED_THEN_AFFIRMED.search(corr) and not said_again:
            return m.group(0)
    # A flat said on its own hands its mark on to the one that corrects it ("二零二 不对 是二零一").
    return _SAID if m.group(0).startswith(_SAID) and not m.string.startswith(_SAID, m.end()) else ""


def _entrance_correction(m: re.Match[str]) -> str:
    """Drops an entrance the resident corrected (see _ZH_ENTRANCE_CORRECTED), unless said in contrast."""
    if _CONTRAST.fullmatch(m.group("corr")):
        return m.group(0)
    return _correction(m)


def _letter_correction(m: re.Match[str]) -> str:
    """Keeps the floor of a flat whose letter the resident corrected (see _FLAT_LETTER_CORRECTED)."""
    return m.group(0) if _correction(m) == m.group(0) else m.group("floor")


# Stutters on the phone, a number begun and said again: "五 五号楼", "十二 十二栋", "二 二十号楼",
# "七座二十 二十楼b", "一五 一五零八". The false start is dropped when the number said again begins with it and
# goes on to a building, floor or entrance word, or, for a start of two numerals or more, runs on longer. A
# single numeral joined to the word before it is a false start only when the number said again is longer ("我是二
# 二十号楼"): "我係一 一座" and "七座一 一零三室" can be a recogniser's split of 一一座 (11) and 一一零三. Digits said
# one by one are kept ("一 一 零 三", "一五 一五": the same length is no false start).
# Three more, with a single numeral said again:
# * before 单元 it is a false start ("十五栋一 一单元" is entrance 1): entrances are numbered from 1 to a handful;
# * where the place word is spaced off too ("六 座 一 一 樓 D 室"), the recogniser spaced every syllable and the
#   numerals are digits said one by one (floor 11);
# * before a flat that is whole without it, it is a false start when keeping it would make no flat: more than four
#   digits, or a floor above _HIGHEST_SPLIT_FLOOR ("四号楼五 五零三" is 503, not 5503); "三座一 一零六" stays 1106.
_STUTTER = compile_plain(
    rf"(?<![{_ZH_NUMERAL}\d])(?P<n>[{_ZH_NUMERAL}]{{1,4}}|\d{{1,4}})\s+"
    rf"(?=(?P=n)(?P<rest>[{_ZH_NUMERAL}\d]*)(?P<gap>\s?)(?P<place>{_ZH_BUILDING_WORD}|楼|层|单元)?)"
)
# Towers above 40 floors are rare, and a floor of 44, 55, ... 99 read from a numeral said twice is a stutter far more
# often than a flat.
_HIGHEST_SPLIT_FLOOR = 40
_ZH_DIGIT = "〇零一二三四五六七八九幺两"
# A ten said on its own before another number with a ten in it is a false start: "七座 十 十 二十 二十樓 F" is the
# 20th floor (two tens never follow each other in one number).
_TEN_FALSE_START = compile_plain(rf"(?<![{_ZH_NUMERAL}\d])十\s+(?=[{_ZH_DIGIT}]?十)")


_EN_BUILDING_WORD_BEFORE = compile_plain(rf"(?<![a-z]){_EN_BUILDING_REF}$")


def _stutter(m: re.Match[str]) -> str:
    n, rest, place = m.group("n"), m.group("rest"), m.group("place")
    before = m.string[m.start() - 1 : m.start()] if m.start() else " "
    if len(n) == 1 and not rest and place:
        if place == "单元":
            return ""
        if m.group("gap"):
            return m.group(0)
    if len(n) == 1 and not place and 2 <= len(rest) <= 3 and all(c in _ZH_DIGIT for c in n + rest):
        joined = (n + n + rest).replace("幺", "一").replace("两", "二").translate(_CN_DIGITS)
        if len(joined) > 4 or int(joined[:2]) > _HIGHEST_SPLIT_FLOOR:
            return ""
    if len(n) == 1 and not before.isspace() and (not rest or before in "第座栋幢楼层元室号"):
        return m.group(0)
    if _EN_BUILDING_WORD_BEFORE.search(m.string, max(0, m.start() - 10), m.start()):
        return m.group(0)  # a building's number, then its floor: "Tower 2 22樓" (round 118), not "二 二十二樓"
    if place or (len(n) >= 2 and rest):
        return ""
    return m.group(0)


# A flat said first as a number with 十 and then digit by digit: "二单元 十零一 一零零一" (ten-oh-one, then
# one-oh-oh-one), "十一零二 一一零二", "十二 一二零三" (the floor, then the flat). The first reading is dropped when it
# begins the flat said after it, so the flat is read once; "二十 一二零三" (two numbers) is left as it is.
_SAID_TWICE = compile_plain(
    rf"(?<![{_ZH_NUMERAL}\d])(?P<said>[{_ZH_DIGIT}]?十[{_ZH_DIGIT}]*)\s+"
    rf"(?=(?P<flat>[{_ZH_DIGIT}]{{3,4}})(?![{_ZH_NUMERAL}\d]))"
)


def _said_twice(m: re.Match[str]) -> str:
    flat = m.group("flat").replace("幺", "一").replace("两", "二").translate(_CN_DIGITS)
    return "" if flat.startswith(_floor_then_flat(m.group("said"))) else m.group(0)


# A building said again with what follows it: "三栋 三栋五零一的", "九号楼的 九号楼 一单元", "block 5 er block 5
# 12d". The first is dropped, so that the flat is read right after the building (read once numbers are digits).
_BUILDING_SAID_AGAIN = compile_plain(
    rf"(?<![a-z0-9])(?P<b>第?(?:\d{{1,2}}|[a-z])\s*{_ZH_BUILDING_WORD}"
    r"|(?:block|blk|tower|twr|building)(?:\s*\d{1,2}|\s+[a-z])(?![a-z0-9]))"
    rf"(?:的|嘅)?(?:[\s,]*(?:{_ZH_FILLER}|(?:{_EN_FILLER_WORD})(?![a-z])))*[\s,]*"
    r"(?=(?P=b)(?!(?<=\d)\d)(?!(?<=[a-z])[a-z]))"
)


# A flat said as an amount right after its building: "七座两千零一" is flat 2001, "一座一千五百零三" 1503; not a sum
# ("七座两千五百蚊") nor a number that reads as no floor and flat (_flat_number).
_ZH_THOUSANDS_FLAT = compile_plain(
    # (After 号楼 too: "我是八号楼 两千零三", round 119.)
    r"(?:(?<=座|栋|幢)|(?<=单元)|(?<=号楼))(?P<gap>[\s,]?)(?P<n>[一二两三四五六七八九]\s?千(?:\s?[零〇一二两三四五六七八九十百]){1,6})"
    r"(?!\s?(?:[零〇一二两三四五六七八九十百千万]|蚊|元|块|文|港币|多|几|hkd|\$))"
)


def _zh_thousands_flat(m: re.Match[str]) -> str:
    number = _chinese_number(m.group("n").replace(" ", "").replace("两", "二"))
    if number is None or not 1000 < number < 10000 or not _flat_number(str(number)):
        return m.group(0)
    return f"{m.group('gap')}{number}"


def _zh_spoken(m: re.Match[str]) -> str:
    raw = m.group("n")
    before = m.string[max(0, m.start() - 2) : m.start()].strip()
    before_word = m.string[max(0, m.start() - 6) : m.start()].rstrip()
    said = raw.replace(" ", "").replace("幺", "一").replace("两", "二")
    if "十" not in said and 2 <= len(said) <= 4:
        # Said digit by digit ("一二零三"): a label or a year, not an amount (一千二百零三); made digits here
        # and left to the home rule (_home_number) and the measure words after it to decide.
        digits = said.translate(_CN_DIGITS)
        if len(said) >= 3 and not m.group("after"):
            return m.string[m.start() : m.start("n")] + digits
    if _FLOOR_THEN_FLAT.fullmatch(said) and not m.group("after"):
        # A floor and then its flat digit by digit ("十二零三") names a flat wherever it is said; like a number said
        # digit by digit, it is left to the rules after it.
        return m.string[m.start() : m.start("n")] + _floor_then_flat(said)
    if not (
        m.group("after")
        or before.endswith(("第", "座", "栋", "幢", "楼", "单元"))
        or before_word.endswith(("flat", "unit", "room", "rm"))
    ):
        return m.group(0)
    digits = raw.replace(" ", "").replace("幺", "一")
    if "十" in digits:
        return _digits(digits)
    return digits.replace("两", "二").translate(_CN_DIGITS)


def _en_number(words: list[str]) -> str:
    """ "five oh two" -> "502", "twenty three" -> "23", "double one oh three" -> "1103", "twenty oh three" -> "2003"."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word == "double" and i + 1 < len(words) and words[i + 1] in _EN_DIGITS:
            out.append(str(_EN_DIGITS[words[i + 1]]) * 2)
            i += 2
            continue
        if word in _EN_TENS:
            value = _EN_TENS[word]
            # (A zero after the tens is a digit of its own: "twenty oh three" is 2003, not 203.)
            if i + 1 < len(words) and 0 < _EN_DIGITS.get(words[i + 1], 10) < 10:
                value += _EN_DIGITS[words[i + 1]]
                i += 1
            out.append(str(value))
        elif word in _EN_DIGITS:
            out.append(str(_EN_DIGITS[word]))
        elif word.isdigit():
            out.append(word)
        i += 1
    return "".join(out)


def _floor_once(words: list[str]) -> list[str]:
    """A floor said twice before its flat letter, said once: "twelve er twelve d" is 12D. A flat with a letter has a
    floor of one or two digits, so "1212D" is no flat; "one one b" is 11B, a floor said digit by digit."""
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:] and len(_en_number(words)) > 2:
        return words[:half]
    return words


_FLAT_MARKERS = frozenset({"flat", "unit", "room", "rm", "apt", "apartment"})


_FLAT_WORD_AFTER = compile_plain(rf"\s*,?\s*(?:{'|'.join(sorted(_FLAT_MARKERS))})(?![a-z])")


def _en_spoken(m: re.Match[str]) -> str:
    said = m.group("words").split()
    words = [w for w in said if w not in _EN_FILLERS]
    letter = m.group("letter") or ""
    if words == ["o"] or (all(w.isdigit() for w in words) and len(words) == len(said)):
        if letter in _EN_LETTERS and letter != "see" and m.group("marker") in _FLAT_MARKERS:
            return f"{m.group('marker')} {''.join(words)}{_EN_LETTERS[letter]}"  # "flat 12 bee" is 12B ("see you")
        return m.group(0)  # "flat 3 oh 2" is spoken; "flat 302" is written as it stands
    space = " " if m.group("words").endswith(" ") and not letter else ""
    flat = ""
    if m.group("marker") in ("block", "blk", "tower", "building") and len(words) > 1:
        # "tower three fifteen oh two": one number names the building, the rest is the flat; but two digits with the
        # flat's own word after them are the building said digit by digit ("building one five unit three room one one
        # zero two" is building 15, round 119).
        digits = len(words) == 2 and all(_EN_DIGITS.get(w, 10) < 10 for w in words)
        size = 2 if words[0] in _EN_TENS and _EN_DIGITS.get(words[1], 10) < 10 else 1
        size = 2 if digits and not letter and _FLAT_WORD_AFTER.match(m.string, m.end()) else size
        words, rest = words[:size], words[size:]
        flat = f" {_en_number(_floor_once(rest) if letter else rest)}" if rest else ""
    elif letter and m.group("marker") != "floor":
        words = _floor_once(words)
    return f"{m.group('marker')} {_en_number(words)}{flat}{_EN_LETTERS.get(letter, letter)}{space}"


# A flat said with no marker: "um two two d", "twenty one b", and before a building "nine a block four". Without a
# building after it the floor must be said in two words or more ("one five a", "twenty two d") or as one word of
# ten or more ("twelve b"): "one a" or "two b" alone is too often something else. The letter is A–H but not F
# (a floor: "twenty two f" is 22/F) and not "see" ("two two see you"); "a" before a count or a measure is the
# article ("twenty a day", "two two a week"), and "c" after "set to", "at" is a temperature ("twenty two c").
_EN_SPOKEN_FLAT = compile_plain(
    rf"(?<![a-z0-9'])(?P<words>(?:{_EN_NUMBER_WORD})(?:\s+(?:{_EN_NUMBER_WORD}))*)\s+"
    r"(?P<letter>[a-eg-h]|bee|cee|dee|gee|aitch)(?![a-z0-9'-])"
    r"(?P<block>(?=,?\s+(?:block|blk|tower|twr|building)(?![a-z])))?"
)
_ARTICLE_A = compile_plain(
    r"\s+(?:day|week|month|year|night|time|hour|minute|second|piece|pop|head|go|side|lot|bit|few|couple|person|"
    r"box|pack|bottle|dozen|half|quarter|kilo|pound|litre|liter|meter|metre|little|bunch|while|cent|dollar|buck|"
    r"new|big|small|good|bad|long|short|single|very|more|most)(?![a-z])"
)
_TEMPERATURE_BEFORE = compile_plain(r"(?:to|at|set|around|about|only|reads|shows|temperature|temp|is)\s+$")
# Where the resident says they live, a floor of one word is enough: "I'm in five E" is 5E (round 116); so where they
# say who lives there ("the old lady in eight E", round 122), or whose it is ("I'm the owner of four B", round 123).
_LIVES_IN = (
    r"(?<![a-z])(?:(?:i'?m|i am|we'?re|we are|i live|we live|living|staying|neighbou?rs?|lady|man|woman|family|couple"
    r"|tenants?|owners?|people|guy|auntie|uncle) in|(?:owners?|tenants?|landlord|landlady) of)\s+"
)
_LIVES_IN_BEFORE = compile_plain(rf"{_LIVES_IN}$")
# A flat said in number words where someone lives: "the neighbour in eleven oh four", "I'm in twelve oh three".
_EN_LIVES_IN_NUMBER = compile_plain(
    rf"(?P<before>{_LIVES_IN})(?P<words>(?:{_EN_NUMBER_WORD})(?:\s+(?:{_EN_NUMBER_WORD})){{1,3}})(?![a-z0-9'-])"
    rf"(?!\s+{_EN_COUNTED})"
)


def _en_lives_in_number(m: re.Match[str]) -> str:
    number = _en_number(m.group("words").split())
    return f"{m.group('before')}{number}" if 3 <= len(number) <= 4 else m.group(0)


# A flat letter said apart from its floor right after a flat word: "flat eleven k" is "flat 11 k" once the number is
# digits, and flat 11K ("i" is the pronoun, and "a" before a count or measure the article: "flat 12 a month").
_FLAT_LETTER_APART = compile_plain(
    rf"(?<![a-z])(?P<marker>flat|unit|rm|room|apt)\s+(?P<floor>\d{{1,2}})\s+(?P<letter>[a-hjk])(?![a-z0-9'-])"
    rf"(?!{_ARTICLE_A.pattern})"
)


# A house said in words where nothing but its floor, its flat or the clause's end follows ("house one nine",
# "house three one ground floor flat A", round 121): the whole number names the house, no flat is split off it.
_EN_HOUSE_SAID = compile_plain(
    rf"(?<![a-z])(?P<marker>house|villa)\s+(?P<words>(?:{_EN_NUMBER_WORD})(?:\s+(?:{_EN_NUMBER_WORD}))?)"
    r"(?=\s*(?:[,.!?;]|$|\d{1,2}\s?/\s?f|(?:ground|g/f|first|second|third|top|upstairs|downstairs|flat|unit)(?![a-z])))"
)
# A village house named before its number: "村屋3號地下" is house 3.
_ZH_HOUSE_AFTER = compile_plain(r"村屋\s?(?P<b>\d{1,2})\s?号(?![楼屋村])")


def _en_spoken_flat(m: re.Match[str]) -> str:
    words = _floor_once(m.group("words").split())
    letter = _EN_LETTERS.get(m.group("letter"), m.group("letter"))
    floor = _en_number(words)
    said_as_floor = len(words) >= 2 or words[0] in _EN_TENS or _EN_DIGITS.get(words[0], 0) >= 10
    if (
        words[0] in ("oh", "zero")
        or not 1 <= len(floor) <= 2
        or not (
            said_as_floor
            or m.group("block") is not None
            or _LIVES_IN_BEFORE.search(m.string, max(0, m.start() - 16), m.start())
        )
        or (letter == "a" and _ARTICLE_A.match(m.string, m.end()))
        or (letter == "c" and _TEMPERATURE_BEFORE.search(m.string, max(0, m.start() - 16), m.start()))
    ):
        return m.group(0)
    return f"{floor}{letter}"


# A number said digit by digit as a word of its own ("应该是没电了 一五零八 我够不着"): marked before the blanks
# around it are closed up. A phone number said in groups ("九一二三 四五六七") has a numeral word beside it.
# A numeral word before a building or floor word ("二十三 栋") is that building or floor, not a number on its own.
_SAID_ALONE = compile_plain(
    rf"(?:^|(?<=[\s,.!?。])(?<![{_ZH_NUMERAL}]\s))(?=[{_ZH_NUMERAL}]{{3,4}}(?:[\s,.!?。]|$)"
    rf"(?!\s?[{_ZH_NUMERAL}])(?!\s?(?:座|栋|幢|号楼|#楼|楼|层|单元)))"
)

# After a place word the number is read as any other ("一单元 八零二", "flat 一 四 零 五").
_SAID_AFTER_PLACE = compile_plain(rf"(?P<place>单元|座|栋|幢|楼|室|号|flat|unit|room|rm)(?P<gap>\s?){_SAID}")
# Money or a number plate said just before a number said alone: "$三 就是 八零零", "车牌 好似系 HK 三三八".
# A phone number or a parcel named by its last digits said alone: "换了个新号 你记一下 一三九", "尾号 三三八一".
_SAID_NOT_HOME_BEFORE = compile_plain(
    rf"\$|蚊|(?<!单)元|块|钱|车牌|车位|电话|手机|号码|新号|尾号|单号|取件码|后[一二三四五六两\d]位|hk|{_DATE_LABEL}"
)

# Speech recognisers put a space between Chinese words and syllables ("三 号 楼 二 单元 一 八 零 六", "九 b");
# within Chinese they carry no meaning, so they are closed up before numbers are read.
_CJK_GAP = compile_plain(
    rf"(?<=[\u3400-\u9fff\U00020000-\U0002ffff])\s+(?=[\u3400-\u9fff\U00020000-\U0002ffff])"
    rf"|(?<=[{_ZH_NUMERAL}])\s+(?=[a-h](?![a-z]))"
)

# A flat said as one word and then its building ("一二零三 五座", "幺五零二 十二栋", also after other words:
# "冇声 一零零三 六座") keeps the gap between them as a comma: closed up it would read as building 12035.
_FLAT_THEN_BUILDING = compile_led(
    rf"(?:(?<=(?<![{_ZH_NUMERAL}])(?<![{_ZH_NUMERAL}]\s)[{_ZH_NUMERAL}]{{3}})"
    rf"|(?<=(?<![{_ZH_NUMERAL}])(?<![{_ZH_NUMERAL}]\s)[{_ZH_NUMERAL}]{{4}}))"
    rf"\s+(?=[{_ZH_NUMERAL}]{{1,3}}\s?(?:座|栋|幢|号楼|号大楼))"
)

# Digits a speech recogniser wrote one by one, with a space between ("5 号 楼 2 单元 1 1 0 2", "flat 1 2 0 3"):
# three or more are one number said digit by digit; two only after a flat word or before a building, floor or
# flat word ("1 2 栋" is building 12, "flat 1 2 b" flat 12B), since "2 3 days" is two numbers, "block 7 3a"
# building 7 and flat 3A, and "5 5号楼" a stutter.
# (A full stop after them ends the sentence: "Toilet flush broken. Flat 2 0 3."; not a decimal point.)
_SPACED_DIGITS = compile_plain(r"(?<![\d.,:/-])(?<![\d.,:/-] )\d(?: \d)+(?! ?[\d,:/])(?! ?\.\d)")
_FLAT_BEFORE = compile_plain(r"(?:flat|unit|room|rm|#)\s?$")
_PLACE_AFTER = compile_plain(r"\s?(?:栋|座|幢|号楼|号|楼|层|单元|室|/f|floor)")


# A building word just before a pair of digits: "blk 2 6楼d" is block 2, 6/F, flat D (not block 26).
_BUILDING_BEFORE = compile_plain(r"(?<![a-z])(?:blk|block|tower|bldg|building|座|栋|幢)\s?$")


def _spaced_digits(m: re.Match[str]) -> str:
    run = m.group(0)
    if len(run) >= 5:
        return run.replace(" ", "")
    if len(run) == 3 and _BUILDING_BEFORE.search(m.string, max(0, m.start() - 10), m.start()):
        return run
    if run[0] == run[2] and not _FLAT_BEFORE.search(m.string, 0, m.start()):
        return run  # "5 5号楼" is a stutter (see _STUTTER), not building 55
    if _PLACE_AFTER.match(m.string, m.end()) or _FLAT_BEFORE.search(m.string, 0, m.start()):
        return run.replace(" ", "")
    return run


# Three or four digits said one by one after a word for where a home is ("the corridor outside two zero seven",
# "water coming from one one oh three"): a flat number, written as digits for the home rule (_EN_HOME_NUMBER).
_EN_DIGIT_WORD = "(?:" + "|".join(sorted((w for w, n in _EN_DIGITS.items() if n < 10), key=len, reverse=True)) + ")"
_EN_SAID_AFTER_PLACE = compile_plain(
    rf"(?<![a-z])(?P<prep>{_EN_HOME_PREPOSITION})\s+(?P<words>(?:{_EN_DIGIT_WORD}\s+){{2,3}}{_EN_DIGIT_WORD})(?![a-z])"
)


def _en_said_after_place(m: re.Match[str]) -> str:
    return f"{m.group('prep')} {_en_number(m.group('words').split())}"


# A number word said again after a filler is a false start: "flat twenty er twenty two g" is 22G, "flat nine er nine
# e" 9E (not 2022G and 99E).
_EN_STUTTER = compile_plain(rf"(?<![a-z])(?P<w>{_EN_NUMBER_WORD})\s+(?:{_EN_FILLER_WORD})\s+(?=(?P=w)(?![a-z]))")


# What a speech recogniser writes for a number said next to a place word ("tower to", "flat ate d", "in for oh two",
# 第八坐, 二单圆, 二单远): the number, so the place is read as a clerk hears it.
_EN_SOUNDS_LIKE = {
    "to": "two",
    "too": "two",
    "for": "four",
    "ate": "eight",
    "won": "one",
    "tour": "tower",
    "towel": "tower",
    "blog": "block",
}
_EN_HOMOPHONE = compile_led(
    r"(?<![a-z])(?P<before>(?:tower|block|blk|building|bldg|flat|unit|room|rm) )(?P<word>to|too|ate|won)(?![a-z'])"
    rf"|(?<![a-z])(?P<word2>to|too|for|ate)(?= (?:oh|zero) (?:{'|'.join(_EN_DIGITS)})(?![a-z]))"
    # "The twenty for floor of tour six": four after a tens word before a floor word, a tower before its number.
    r"|(?:(?<=twenty )|(?<=thirty )|(?<=forty )|(?<=fifty )|(?<=sixty ))(?P<word3>for)(?= (?:floor|fl|/f|f)(?![a-z]))"
    # A recogniser's "blog seven" for block 7 (not "my blog"), "twelve e towel c" for tower C (after a flat's letter
    # only: "a towel a day" is a towel) (round 115).
    # (Or before a building's letter: "by the ramp at blog w", round 124.)
    rf"|(?<![a-z])(?P<word4>tour|(?<!my )(?<!our )(?<!a )(?<!his )(?<!her )(?<!their )blog)"
    rf"(?= (?:\d|{'|'.join(_EN_DIGITS)})(?![a-z])| [b-hj-z](?![a-z'0-9]))"
    rf"|(?:(?<=\s[b-h]\s)|(?<=\d[a-h]\s))(?P<word6>towel)"
    rf"(?= [a-h](?![a-z0-9'])| (?:\d|{'|'.join(_EN_DIGITS)})(?![a-z]))"
    # "Tower for flat eight zero two" (not "waiting at the block for an hour", "the whole block for 9 hours").
    # (Or closing the message: "eleventh floor block for", round 125.)
    r"|(?<![a-z])(?P<before5>(?:tower|block|blk|building|bldg) )(?P<word5>for)"
    r"(?=,? (?:flat|unit|room|rm)(?![a-z])|[\s.!]*$)"
)
_ZH_SOUNDS_LIKE = {
    "坐": "座",
    "单圆": "单元",
    "单远": "单元",
    "单原": "单元",
    "好楼": "号楼",
    "耗楼": "号楼",
    "浩楼": "号楼",
    "担元": "单元",
    "单员": "单元",
    "做": "座",
    "洞": "栋",
}
# (Not 坐 as sitting: "一坐就往下滑", as soon as one sits.)
_ZH_HOMOPHONE = compile_plain(
    r"(?<=[一二三四五六七八九十\d])(?:坐(?!就|下|低|落|着|住|在|喺|上|满|返|翻|咗|了|过|车|船|电梯|䢂|𨋢|lift)|单圆|单远|单原|担元"
    # A recogniser's 好楼 for 号楼: "七好楼".
    r"|(?:好|耗|浩)楼"
    # Round 123: 做 for 座 before a flat's digits ("十三做 零九一二", "九做 一 二 零 八"; not a count of years or
    # times: "一做三年"), 洞 for 栋 before an entrance ("四洞 二单员 六零三"), 单员 for 单元.
    r"|单员|做(?=\s?[零〇一二三四五六七八九十两幺\d])(?!\s?[零〇一二三四五六七八九十两幺\d]{1,2}\s?(?:年|个|日|天|次|点|钟|分))"
    r"|洞(?=\s?[一二三四五六七八九十\d]\s?(?:单元|单员|单圆|单远|单原|担元)))"
)

# The building and the flat words as a recogniser may hear them together: "black four flight eleven d" is block 4,
# flat 11D (round 123). Only as a pair, a number between and one after: "a black four by four" is a car.
_EN_BLOCK_FLAT_MISHEARD = compile_plain(
    rf"(?<![a-z])(?:black|blog|block) (?P<n>(?:{_EN_NUMBER_WORD}|\d{{1,2}})(?![a-z])) (?:flight|flat)"
    rf"(?= (?:{_EN_NUMBER_WORD}|\d)(?![a-z]))"
)


def _en_homophone(m: re.Match[str]) -> str:
    if m.group("word") is not None:
        return m.group("before") + _EN_SOUNDS_LIKE[m.group("word")]
    if m.group("word5") is not None:
        return m.group("before5") + "four"
    return _EN_SOUNDS_LIKE[m.group("word2") or m.group("word3") or m.group("word4") or m.group("word6")]


# A flat put right by saying which it is not: "系14f 唔系14e", "是1406不是1405", "it's 14f not 14e". The one said
# first stands (the other way round, "14e, no sorry, 14f", is _EN_CORRECTED's and _UNIT_CORRECTED's).
_RIGHT_NOT_WRONG = compile_plain(
    r"(?<![\d-])(?P<right>\d{3,4}|\d{1,2}[a-h])(?![\d-])\s*,?\s*(?:不是|唔系|not)\s*(?:\d{3,4}|\d{1,2}[a-h])(?![\da-z-])"
)
# A flat said, taken back by saying it again, and put right: "二零一 不是二零一 是二零二" is 202.
_TAKEN_BACK = compile_plain(
    r"(?<![\d-])(?P<n>\d{3,4}|\d{1,2}[a-h])\s*[,，]?\s*(?:不是|唔系)\s*(?P=n)\s*[,，]?\s*(?:是|系)\s*(?=\d)"
)


# A flat said digit by digit as a phrase of its own, between pauses ("block two, one five oh two.", "one-nine-oh-six,
# tower five", "nine oh four. nine-zero-four."): three or four digit words and nothing else between the pauses.
_EN_DIGITS_ALONE = compile_plain(
    rf"(?:(?<=^)|(?<=[,.!?;:] )|(?<=[,.!?;:]))\s*(?P<words>(?:{_EN_DIGIT_WORD}\s+){{2,3}}{_EN_DIGIT_WORD})"
    r"(?=\s*(?:[,.!?;:]|$))"
)
# A flat said in words right before its building, with no flat word: "nine c in block two", "two oh three building
# seven", "twelve b, tower one". A floor and a letter, or three or four digits; a lone number stays ("two in block 3").
_EN_FLAT_BEFORE_BUILDING = compile_plain(
    rf"(?<![a-z0-9-])(?P<words>(?:{_EN_NUMBER_WORD})(?:\s+(?:{_EN_NUMBER_WORD})){{0,3}})"
    r"(?:\s+(?P<letter>[a-eg-h]|bee|cee|dee|gee|aitch))?(?![a-z0-9'-])"
    r"(?=\s*,?\s*(?:in\s+|of\s+|at\s+)?(?:block|blk|tower|twr|building|bldg)(?![a-z]))"
)


def _en_flat_before_building(m: re.Match[str]) -> str:
    number = _en_number(m.group("words").split())
    said = m.group("letter")
    if said is not None:
        return f"{number}{_EN_LETTERS.get(said, said)}" if 1 <= len(number) <= 2 else m.group(0)
    return number if 3 <= len(number) <= 4 else m.group(0)


# A flat in digits and a letter said apart before its building, as voice input writes it: "15 a tower 3", "for 21 a
# block 9" are flats 15A and 21A.
_EN_DIGITS_LETTER_BEFORE_BUILDING = compile_plain(
    r"(?<![a-z0-9/.:$-])(?P<floor>\d{1,2}) (?P<letter>[a-h])"
    r"(?=\s*,?\s*(?:in\s+|of\s+|at\s+)?(?:block|blk|tower|twr|building|bldg)\s?[a-z0-9](?![a-z]{2}))"
)
# A pause between a flat word and its number: "flat, um, one two zero three" is "flat one two zero three".
_EN_FLAT_PAUSE = compile_plain(
    rf"(?<![a-z])(?P<marker>flat|unit|room|rm|apt)(?:\s*,\s*(?:(?:{_EN_FILLER_WORD})\s*,?\s*)*"
    rf"|\s+(?:(?:{_EN_FILLER_WORD})\s*,?\s*)+)(?=(?:{_EN_WORD})(?![a-z]))"
)
# "double-one b" is "double one b".
_EN_DOUBLE_HYPHEN = compile_plain(r"(?<![a-z])double-(?=[a-z])")
# A building or flat word run into the number before it: "tower2flat9d".
_WORD_RUN_ON = compile_plain(r"(?<=\d)(?=(?:flat|unit|room|tower|block|blk)(?![a-z]))")
# Chinese digits said one by one with hyphens between ("幺-零-零-二"): one number.
_ZH_DIGIT = "[〇零一二三四五六七八九两幺]"
_ZH_DIGITS_HYPHENED = compile_plain(rf"(?<!{_ZH_DIGIT})(?<!-){_ZH_DIGIT}(?:-{_ZH_DIGIT}){{2,3}}(?!-?{_ZH_DIGIT})")


# A shop said in words: "G十五號舖", "shop G twelve", "shop unit G fifteen" are shops G15 and G12.
_ZH_SPOKEN_SHOP = compile_plain(r"(?<![a-z0-9])g\s?(?P<n>[〇零一二三四五六七八九十两]{1,4})(?=\s?(?:号|铺|舖))")
# A shop's number in words where the words can only be its number: on the ground floor ("ground floor shop nine") or
# after "number" ("shop number nine"); not "the shop one day".
_EN_SHOP_NUMBER_SAID = compile_plain(
    rf"(?<![a-z])(?P<pre>(?:(?:g/f|ground floor)\s*,?\s*shop\s*(?:no\.?\s*|number\s*|#\s*)?)"
    rf"|shop\s+(?:no\.?|number)\s+)"
    rf"(?P<words>(?:{_EN_NUMBER_WORD})(?:\s+(?:{_EN_NUMBER_WORD}))*)(?![a-z])"
)
_EN_SPOKEN_SHOP = compile_plain(
    # (A ground-floor flat said so too: "flat G two tower six" is G2, round 119.)
    rf"(?<![a-z])(?P<pre>(?:shop|store|flat|unit|apt)(?: unit| no\.?| number)?\s+)(?:g|gee)\s+"
    rf"(?P<words>(?:{_EN_NUMBER_WORD})(?:\s+(?:{_EN_NUMBER_WORD}))*)(?![a-z])"
)


def _may_correct(s: str) -> bool:
    """Whether ``s`` has an English correction word at all (the correction patterns are costly to run)."""
    return "sorry" in s or "no " in s or "mean" in s or "actually" in s or "oops" in s


def _en_digits_alone(m: re.Match[str]) -> str:
    return m.group(0)[: m.start("words") - m.start()] + _en_number(m.group("words").split())


def spoken_to_digits(normalised: str) -> str:
    """Numbers said in words, next to a building, floor or flat word, written as digits."""
    s = normalised.replace(_SAID, "")
    if "-" in s:
        s = _EN_DOUBLE_HYPHEN.sub("double ", _ZH_DIGITS_HYPHENED.sub(lambda m: m.group(0).replace("-", ""), s))
    s = _WORD_RUN_ON.sub(" ", s)
    if "g" in s:
        s = _ZH_SPOKEN_SHOP.sub(lambda m: f"g{_digits(m.group('n'))}", s)
        s = _EN_SPOKEN_SHOP.sub(lambda m: f"{m.group('pre')}g{_en_number(m.group('words').split())}", s)
    s = _EN_FLAT_PAUSE.sub(r"\g<marker> ", s)
    if "flight" in s or "black" in s:
        s = _EN_BLOCK_FLAT_MISHEARD.sub(r"block \g<n> flat", s)
    s = _EN_HOMOPHONE.sub(_en_homophone, s)
    if any(word in s for word in _ZH_SOUNDS_LIKE):
        s = _ZH_HOMOPHONE.sub(lambda m: _ZH_SOUNDS_LIKE[m.group(0)], s)
    if "廿" in s or "卅" in s:
        s = s.replace("廿", "二十").replace("卅", "三十")  # "廿一楼" is the 21st floor, "卅二楼" the 32nd
    if " " in s:
        s = _SPACED_DIGITS.sub(_spaced_digits, s)
    if "十" in s:
        s = _TEN_FALSE_START.sub("", s)
    for _ in range(3):  # a false start said twice over: "二 二零 二零零五", "二 二十 二十五樓"
        stuttered = _STUTTER.sub(_stutter, s)
        if stuttered == s:
            break
        s = stuttered
    if " er " in s or " um " in s or " uh " in s or " erm " in s or " ah " in s:
        s = _EN_STUTTER.sub("", s)
    if "十" in s:
        s = _SAID_TWICE.sub(_said_twice, s)
    if " " in s:
        s = _FLAT_THEN_BUILDING.sub(",", s)
    s = _CJK_GAP.sub("", _SAID_ALONE.sub(_SAID, s))
    if "ty-" in s:
        s = _EN_TENS_HYPHEN.sub(r"\g<tens> ", s)
    if "-" in s:
        s = _EN_DIGIT_HYPHEN.sub(r"\g<digit> ", _EN_DIGIT_HYPHEN.sub(r"\g<digit> ", s))  # overlapping pairs
    if "dash" in s or "hyphen" in s:
        s = _EN_DASHED.sub(_en_dashed, s)
    if _may_correct(s):
        s = _EN_CORRECTED.sub(_en_correction, _EN_FLAT_AFTER_BUILDING_CORRECTED.sub(_en_flat_correction, s))
    if ".." in s or "…" in s:
        s = _EN_RESTARTED.sub(_en_restart, s)
    if "-" in s:
        s = _DASHED_CORRECTED.sub("", s)
    if "不是" in s or "唔系" in s:
        s = _DENIED_FIRST.sub(_denied_first, s)
    s = _ZH_CORRECTED.sub(_correction, s)
    s = _ZH_ENTRANCE_CORRECTED.sub(_entrance_correction, s)
    if "千" in s:
        s = _ZH_THOUSANDS_FLAT.sub(_zh_thousands_flat, s)
    s = _ZH_SPOKEN.sub(_zh_spoken, s)
    if "村屋" in s:
        s = _ZH_HOUSE_AFTER.sub(r"\g<b>号屋", s)
    if "不是" in s or "唔系" in s:
        s = _TAKEN_BACK.sub("", s)
    s = _UNIT_CORRECTED.sub(_correction, s)
    s = _FLAT_LETTER_CORRECTED.sub(_letter_correction, s)
    if _SAID in s:
        s = _SAID_AFTER_PLACE.sub(r"\g<place>\g<gap>", s)
    s = _EN_ORDINAL_BUILDING.sub(lambda m: f"{m.group('marker')} {_en_ordinal(m)}", s)
    s = _EN_ORDINAL_FLOOR.sub(lambda m: f"{_en_ordinal(m)}/f", s)
    s = _EN_CARDINAL_FLOOR.sub(_en_cardinal_floor, s)
    s = _EN_SPOKEN_BUILDING.sub(lambda m: f"{m.group('marker')} {_EN_LETTERS[m.group('letter')]}", s)
    s = _EN_FLAT_AFTER_LETTER_BUILDING.sub(_en_flat_after_letter_building, s)
    if "house" in s or "villa" in s:
        s = _EN_HOUSE_SAID.sub(lambda m: f"{m.group('marker')} {_en_number(m.group('words').split())}", s)
    if " in " in s or " of " in s:
        s = _EN_LIVES_IN_NUMBER.sub(_en_lives_in_number, s)
    s = _EN_SPOKEN_FLAT.sub(_en_spoken_flat, _EN_SPOKEN.sub(_en_spoken, s))
    s = _EN_SAID_AFTER_PLACE.sub(_en_said_after_place, s)
    s = _EN_DIGITS_ALONE.sub(_en_digits_alone, s)
    if "block" in s or "tower" in s or "building" in s or "blk" in s or "twr" in s or "bldg" in s:
        s = _EN_FLAT_BEFORE_BUILDING.sub(_en_flat_before_building, s)
        s = _EN_DIGITS_LETTER_BEFORE_BUILDING.sub(r"\g<floor>\g<letter>", s)
    if _may_correct(s):
        s = _UNIT_CORRECTED.sub(_correction, s)  # a flat said in words and corrected: "twelve c, sorry, twelve d"
    s = _FLAT_LETTER_APART.sub(r"\g<marker> \g<floor>\g<letter>", s)
    if "fl" in s or "level" in s or "lvl" in s or "lantai" in s:
        s = _EN_FLOOR_FIRST.sub(_en_floor_first, s)
    if "不是" in s or "唔系" in s or "not" in s:
        s = _RIGHT_NOT_WRONG.sub(r"\g<right>", s)
    return _BUILDING_SAID_AGAIN.sub("", s)


# A car space, a locker or a number plate named by what follows its word: "space b one two b twelve", "parking space
# one two", "车位B12", "车位号B-12", "locker 12b", "车牌粤B12345". The letters, digits and numbers said after the word
# are its number, no unit, and are blanked before units are looked for ("a lot" is no car lot). A building or floor
# word after them ends the number before them ("车位在3号楼", "车位3号楼502" keep their building and flat).
_SPACE_WORD = (
    r"(?<![a-z])(?:car\s?park|parking|space|spot|(?<!a\s)lot|bay|slot|locker|plate)(?![a-z])"
    r"|停车位|泊车位|车位|车库|车牌|储物柜|柜号"
)
_SPACE_NUMBER_PART = (
    rf"(?:{_SAID}?[a-z]{{0,2}}\d{{1,6}}[a-z]?(?![a-z])|[a-z](?![a-z'])|(?:{_EN_NUMBER_WORD})(?![a-z])|[{_ZH_NUMERAL}]+)"
)
_CAR_SPACE_NUMBER = compile_plain(
    rf"(?P<word>{_SPACE_WORD})(?:\s*(?:号码?|编号|是|系|number|no\.?|is|#|:|：))*\s*"
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳]?\s*"
    rf"{_SPACE_NUMBER_PART}(?:(?:\s+|\s?-\s?)(?:(?:{_EN_FILLER_WORD})\s+)*{_SPACE_NUMBER_PART})*"
    r"(?!\s?(?:栋|座|幢|号楼|#楼|楼|层|单元|/f|f(?![a-z])|block|blk|tower|twr|floor)|[a-z0-9])"
)


# An emergency number called ("已经打了119", "we've called 999", "打咗999") is no flat, wherever it stands.
_EMERGENCY_NUMBER_CALLED = compile_plain(
    r"(?:打|拨|拨打|call(?:ed)?|dial(?:l?ed)?|rang|ring|报)(?:了|咗|左|过)?\s?(?:the )?"
    r"(?:999|119|110|120|112|911)(?!\d)"
)


# A floor and its flat letter named apart, a building between them ("26F Tower 3, flat F", "Flat B, 30樓, 15座"):
# one floor and one flat letter, close together, make the unit. Adjacent forms are _floor_flat's and "lf_" above.
_FLOOR_APART = compile_plain(
    r"(?<![a-z0-9$:/#.-])(?P<floor>\d{1,2})\s*(?:/f|f(?![a-z0-9])|楼|层|(?:st|nd|rd|th)?\s*(?:floor|flr|fl)(?![a-z]))"
    # The floor word first, as helpers say it ("floor 20, block 8, flat E", from "lantai dua puluh").
    r"|(?<![a-z])(?:floor|flr|level)\s*(?P<floor_after>\d{1,2})(?![\d/a-z])"
)
_LETTER_APART = compile_plain(
    r"(?<![a-z])(?:flat|unit|rm|room)\s*(?P<letter>[b-h]|a(?!\s+[a-z]))(?![a-z0-9])|(?<![a-z0-9])(?P<zh>[a-h])\s*室"
)
_APART_AT_MOST = 24


def _floor_and_letter_apart(s: str) -> str | None:
    floors = list(_FLOOR_APART.finditer(s))
    letters = list(_LETTER_APART.finditer(s))
    if len(floors) != 1 or len(letters) != 1:
        return None
    floor, letter = floors[0], letters[0]
    gap = letter.start() - floor.end() if floor.start() < letter.start() else floor.start() - letter.end()
    # A pause is no sentence's end: "28th floor, block 5... flat G", "二十八樓 ... 係 G 室".
    between = s[min(floor.end(), letter.end()) : max(floor.start(), letter.start())]
    between = between.replace("...", " ").replace("…", " ")
    if not 0 <= gap <= _APART_AT_MOST or _SENTENCE_END.search(between):
        return None
    return (floor.group("floor") or floor.group("floor_after")) + (letter.group("letter") or letter.group("zh"))


# The floor word before its number and a lone letter closing the clause, as helpers give it ("T1 lt 33 A", "blok 3 lt
# 11 D", glossed "floor 33 a"): the floor and its flat.
# (Also with "no" before the letter, and a building after it: "lt 11 no D Tower 2", "lt 20 A Blok 7".)
_FLOOR_WORD_THEN_LETTER = compile_plain(
    r"(?<![a-z])(?:floor|flr|level|lvl)\s*(?P<floor>\d{1,2})\s+(?:no\.?\s*)?(?P<letter>[a-h])"
    r"(?=\s*(?:[,.!?;)]|$|(?:block|blk|tower|twr|building|bldg)(?![a-z])))"
)


# A floor and a two-digit room after it, as the mainland numbers a flat ("七栋二十二楼01", "C座零九楼零三室"): the floor
# and the room together ("2201", "903"). A room from 10 up needs its 室 ("12楼15室"); "12楼15" may be a count.
_FLOOR_THEN_ROOM = compile_plain(
    r"(?<![\d/-])(?P<floor>\d{1,2})\s*(?:楼|层)\s*(?P<room>0\d(?!\d)|\d{2}(?=\s*(?:室|号房)))(?:\s*(?:室|号房))?"
)


# A ground-floor flat numbered with its G ("D座地下G3", "E座G5", "Tower E, G/F Flat G3", "flat G2, Tower D"): right
# after a building, a ground-floor word or a flat word (shops are _shop_unit's, by their own words).
_GROUND_FLOOR_FLAT = compile_led(
    r"(?:(?:座|栋|幢|号楼)\s*(?:地下|地面)?\s*|地下\s*|(?<![a-z])(?:ground floor|g/f)\s*,?\s*(?:flat\s*|unit\s*)?"
    r"|(?<![a-z])(?:flat|unit|rm|room)\s*|(?<![a-z])(?:tower|block|blk)\s+[a-z0-9]{1,2}\s*,?\s*)"
    r"(?P<g>g\d{1,2})(?![a-z0-9/-])"
)


# A ground-floor flat named by its letter ("6座地下A室", "G/F Flat B, Block 6", "ground floor Blk 6 Flat H", "Flat C on
# the G/F"): the ground floor as G and the letter, "GA", as "15/F Flat A" is 15A (not "地下A座", a building).
_GROUND_FLOOR_LETTER = compile_led(
    r"(?:地下|地面)\s*(?P<zh>[a-h])(?:\s*室|(?![a-z0-9]))(?!\s*(?:座|栋|幢|号楼|期|/\s*f))"
    r"|(?<![a-z])(?:g/f|g floor|ground floor)\s*,?\s*(?:(?:tower|block|blk)\s+[a-z0-9]{1,2}\s*,?\s*)?"
    r"(?:flat|unit|rm|room)\s*(?P<en>[a-h])(?![a-z0-9])"
    r"|(?<![a-z])(?:flat|unit|rm|room)\s*(?P<before>[a-h])\s*,?\s*(?:on\s+(?:the\s+)?)?(?:g/f|ground floor)(?![a-z])"
    # "unit G/F A", "地下G/F A室".
    r"|(?<![a-z])(?:flat|unit|rm|room)\s*(?:g/f|ground floor)\s*,?\s*(?P<after>[a-h])(?![a-z0-9])"
    r"|(?<![a-z])g/f\s*(?P<zh_room>[a-h])\s*室"
    # "2座 G/F C": the letter alone after the ground floor, closing the clause ("g/f d umiilaw" is Taglish "not").
    r"|(?<![a-z])g/f\s+(?P<bare>[a-h])(?=\s*(?:[,.!?;)]|$))"
)


# Its number said: "三座地下G三" is G3 (not the ground floor's G and a letter G).
_G_SAID = compile_plain(r"(?<![a-z])g\s?(?P<said>[〇零一二三四五六七八九十幺]{1,3})(?![〇零一二三四五六七八九十幺])")


def _ground_floor_flat(s: str) -> str | None:
    if "g" in s and not s.isascii():
        s = _G_SAID.sub(lambda said: "g" + _digits(said.group("said").replace("幺", "一")), s)
    m = _GROUND_FLOOR_FLAT.search(s) if "g" in s else None
    if m:
        return m.group("g")
    if "地下" in s or "地面" in s or "g/f" in s or "ground floor" in s or "g floor" in s:
        lettered = _GROUND_FLOOR_LETTER.search(s)
        if lettered:
            return "g" + next(v for v in lettered.group("zh", "en", "before", "after", "zh_room", "bare") if v)
    return None


# A flat as the whole of the last sentence, after the matter is told: "… masih ada yg retak mau jatoh. 7K".
# ("The fee is too high. 8k" is money.)
_FLAT_SAID_LAST = compile_plain(r"(?:^|[.!?。!?]\s*)(?P<flat>\d{1,2}[a-hjk])\s*[.!。!]?\s*$")
_MONEY = compile_plain(
    r"\$|(?<![a-z])(?:dollars?|hkd|rmb|fees?|bills?|pay|paid|costs?|price|rent|salary|quot\w*|expensive|cheap"
    r"|charged?)(?![a-z])|蚊|元|块|钱|费|租"
)


# A floor and its letter apart, on their own, as helpers type them ("tonggo 15 B", "di 12 B,", "smoke detector … 12 D",
# "lt 21 C cpt dtg"): the flat, where nothing else names one. Not after a building, a lift, "no" or "between" ("Block
# 7 A lift", "between 3 and 4 a few minutes"), nor an "a" before a word ("5 a day", "1 a.m."), nor a letter that is a
# building ("12 C座").
_FLAT_LETTER_SPACED = compile_plain(
    r"(?<![a-z0-9$:/#.,-])(?<!block )(?<!tower )(?<!blk )(?<!building )(?<!lift )(?<!no )(?<!and )(?<!between )"
    r"(?P<flat>[1-9]\d?) (?P<letter>[b-h]|a(?=\s*(?:[,.!?;)]|$)))(?![a-z0-9'/]|\.[a-z0-9])"
    r"(?!\s*(?:座|栋|幢|期|号楼))"
)


def _flat_letter_spaced(s: str) -> str | None:
    m = _FLAT_LETTER_SPACED.search(s)
    return None if m is None else m.group("flat") + m.group("letter")


# A flat number that opens a message with nothing before it, as residents who know their desk write it: "1705 电闸又跳了
# 今天第四次" is flat 1705. Four digits only, a floor of 10 to 69 and a flat of 01 to 30: three would take the
# emergency numbers ("120已经打了", "119 到咗", "911"). Not a year (1950 to 2039), nor an amount, a count or a time
# ("1200蚊", "1128 a month", "1030 前").
_LEADING_FLAT = compile_plain(
    r"^(?!(?:19[5-9]\d|20[0-3]\d)(?!\d))(?P<flat>[1-6]\d(?:0[1-9]|[12]\d|30))(?=[\s,:\u4e00-\u9fff])"
    + _NOT_AFTER_NUMBER
    + r"(?!\s*(?:文|人|位|张|平|呎|尺|前|后|之前|以前|一个月|每月|每个月"
    r"|(?:yuan|pax)(?![a-z])|(?:a|per|each|every)(?:\s|$)|/))"
)


def _leading_flat(s: str) -> str | None:
    m = _LEADING_FLAT.match(s)
    if m is None or _EN_NOT_AFTER_HOME.match(s, m.end()):  # "1128 a month", "1203 people"
        return None
    return m.group("flat")


def _flat_said_last(s: str) -> str | None:
    m = _FLAT_SAID_LAST.search(s)
    if m is None or (m.group("flat").endswith("k") and _MONEY.search(s)):
        return None
    return m.group("flat")


# A flat number said in two parts after its word, floor then flat ("Unit 12 03", "flat 8 05, Tower 1"): one number.
_FLAT_IN_TWO = compile_plain(
    r"(?<![a-z])(?P<word>unit|flat|room|rm|apartment|apt)\.?\s?#?(?P<floor>\d{1,2}) (?P<flat>\d{2})(?![\d:./a-z%])"
)
# Or digit by digit: "Block 3 flat 1 5 0 2".
_FLAT_DIGIT_BY_DIGIT = compile_plain(
    r"(?<![a-z])(?P<word>unit|flat|apartment|apt)\.?\s?#?(?P<digits>\d(?: \d){2,3})(?![\d:./])"
)
# A basement level and its zone ("负一层C区", "负二楼B区", "地下二层A区"): a place in the car park, no floor and flat
# ("落地下 九樓H室", onto the floor, is left alone).
_BASEMENT_LEVEL = compile_plain(r"负\s?(?:[一二三四五]|\d)\s?(?:层|楼)|地下(?:[一二三四五]|\d)层")
# "Unit" after a building in mainland English is the entrance: "bldg 4 unit 3-702" is building 4, unit "3-702".
_ENTRANCE_WORD_BEFORE = compile_plain(r"(?<![a-z])unit\s?$")


def _entrance_and_room(hyphen: re.Match[str], building: str | None) -> bool:
    """Whether "2-802" beside a building named by its word as another number ("Building 15 … 2-802", "Apt 1-1901,
    Bldg 4") is the mainland entrance and room, not building 2's flat 802."""
    b, u = hyphen.group("b"), hyphen.group("u")
    return b.isdecimal() and b != building and u.isdecimal() and len(u) >= 3


# A flat corrected as it is said: "三座十二樓B，唔係，打錯，係十三樓B", "flat thirteen C, tower nine, no sorry,
# fourteen C". What follows the correction is the flat meant; the building may have been said only before it.
# "唔係" and "不是" count here only when what follows is affirmed ("唔係，係十三樓B"); said alone between two flats they
# are spoken_to_digits' to judge (a correction, or a contrast: "是1406不是1405").
_CORRECTED = compile_plain(
    r"(?:^|[,.!?;:\s])(?:(?:唔系|不是)[,.!?;:\s]+(?:打错(?:咗|了)?[,.!?;:\s]+)?(?:系|是)"
    r"|(?:不对|唔啱|打错|讲错|说错|no,? sorry|sorry,? no|no wait|sorry,? i mean|i mean)"
    r"[,.!?;:\s]+(?:打错(?:咗|了)?[,.!?;:\s]+)?(?:系|是)?)"
)
# The resident's own flat named after another one: "佢系12樓F 我系12樓E", "it says twelve C but I'm twelve D". The
# flat after it is the one meant, and only when a flat was named before it (one flat alone is taken wherever it is).
_MINE = compile_plain(
    r"(?:(?:我|我们|我哋)(?:系|是|住(?:喺|在)?)|我屋企(?:系|是)|我家(?:系|是|在))(?=\s?(?:第|[\d一二三四五六七八九十两幺]|[a-z]\s?座))"
    r"|(?<![a-z])(?:i'?m|i am|we'?re|we are|mine is|(?:my|our) (?:flat|unit|home)(?: is)?|(?:i|we) live in)\s"
    r"(?:in |at |from )?"
    r"(?:flat |unit |room )?"
    r"(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|block|tower|blk)(?![a-z]))"
)
_ENTRANCE_SAID = compile_plain(r"(\d{1,2})\s*单元")
# The mainland's 号楼 said in English with the number first, as the Chinese has it: "27 building, unit 1-1004", "22 bldg
# unit 3 room 704", and "28 building 1 unit 1201" (28号楼1单元1201, the entrance before "unit"). Read as the Chinese.
_EN_BUILDING_AFTER_NUMBER = compile_plain(
    r"(?<![a-z0-9.,:/#$-])(?P<b>\d{1,2})\s*(?:building|bldg)\.?\s*,?\s*"
    r"(?:(?P<e>\d{1,2})\s*unit\s*,?\s*(?:room\s*|rm\s*)?(?P<r>\d{3,4})(?![\d-])"
    r"|(?=(?:unit|room|rm|flat|entrance)(?![a-z])))"
)


_GF_SPOKEN = compile_plain(r"(?<![a-z])g f(?=\s*,?\s*(?:flat|shop|unit)(?![a-z]))")


def _en_building_after_number(m: re.Match[str]) -> str:
    if m.group("e"):
        return f"{m.group('b')}号楼{m.group('e')}单元{m.group('r')}"
    return f"{m.group('b')}号楼 "


# A form filled in: "座數：2 單位：9樓F" names building 2.
_BUILDING_FIELD = compile_plain(r"(?:座数|座号|楼栋|栋号|楼号)\s?[:：]\s?(?P<b>\d{1,2}|[a-z])(?![a-z0-9])")


# A wing of an older Hong Kong block between the block and the flat ("11座A翼1502"): the registry files the flat
# under the block, so the wing is dropped.
_WING = compile_plain(r"(?<=座)\s?[a-h一二三四五六七八九十东南西北]翼\s?")


def extract_unit(text: str, *, normalised: bool = False) -> UnitMention:
    """The building and unit named in a resident's message, as the registry holds them.

    ``normalised=True`` says ``text`` is already the output of :func:`bot.nlu.normalise.normalise`.
    """
    s = text if normalised else normalise(text)
    if "翼" in s:
        s = _WING.sub("", s)
    if "|" in s:  # lines typed in a burst and joined ("hi | 6栋 | 1104 | 漏水"): each a clause of its own
        s = s.replace("|", ",")
    for corrected in reversed(list(_CORRECTED.finditer(s))):
        meant = _extract_unit(s[corrected.end() :])
        if meant.unit is not None:
            said = _extract_unit(s[: corrected.start()])
            if meant.building is None and said.building is not None:
                # The building said before the correction, with what follows: "九号楼 三单元 不对 四单元 的 一零零一";
                # and its entrance, unless one follows too ("十八号楼，三单元，零幺，不是，是九零幺" is 3-901).
                entrances = _ENTRANCE_SAID.findall(spoken_to_digits(s[: corrected.start()]))
                lead = f"{said.building}号楼"
                if entrances and "单元" not in s[corrected.end() :]:
                    lead += f"{entrances[-1]}单元"
                again = _extract_unit(f"{lead} {s[corrected.end() :]}")
                meant = again if again.unit is not None else meant
            # "一单元三零一 不对 是四零一": entrance 1, flat 401.
            return UnitMention(meant.building or said.building, _with_entrance(meant.unit or "", said.unit))
        if meant.building is not None:
            # The building corrected, with no flat after it: "4栋 不对 是5栋 大堂门禁坏了" is building 5 (and the flat
            # said before the correction, if any).
            said = _extract_unit(s[: corrected.start()])
            if said.building is not None and said.building != meant.building:
                return UnitMention(meant.building, said.unit)
    for mine in reversed(list(_MINE.finditer(s))):
        said = _extract_unit(s[: mine.start()])
        meant = _extract_unit(s[mine.start() :])
        if said.unit is not None and meant.unit is not None and meant.unit != said.unit:
            # "5栋2单元1702 … 我是1602的": entrance 2, flat 1602.
            return UnitMention(meant.building or said.building, _with_entrance(meant.unit, said.unit))
    return _extract_unit(s)


def _building_said_again(m: re.Match[str], building: str | None) -> str | None:
    """The flat of a building-flat pair said after a Hong Kong block's word: "二座2-0907" is building 2, flat 0907
    (not floor 2, flat 0907 as Singapore writes it; a mainland "Building 2, 2-802" stays entrance 2, flat 802)."""
    sg = m.group("sg")
    if sg is None or building is None:
        return None
    first, _, flat = sg.partition("-")
    return flat if first.lstrip("0") == building.lstrip("0") and len(flat) >= 3 else None


def _with_entrance(meant: str, said: str | None) -> str:
    """``meant``, a bare flat number, with the entrance of the flat ``said`` before it ("1-301", "401" -> "1-401")."""
    if meant.isdecimal() and said is not None and "-" in said:
        return f"{said.split('-', 1)[0]}-{meant}"
    return meant


# A flat said one digit at a time with a pause between, as a speech transcript writes it after the building: "三座，
# 二、四、零、五" is 2405 and "四座，九，樓，D" 9/F D. Only right after a building word, where a list ("问题一、二、三")
# cannot be.
_SAID_APART = compile_plain(
    r"(?P<b>座|栋|号楼)[,、\s]*(?P<seq>[〇零一二三四五六七八九十](?:\s*[,、]\s*[〇零一二三四五六七八九十楼层a-h](?![a-z])){1,5})"
    # (With the pauses written "…", three or four single digits: "三座…二…八…零…四".)
    r"|(?P<b2>座|栋|号楼)(?:\s|\.{3})*(?P<seq2>[〇零一二三四五六七八九](?:\s*\.{3}\s*[〇零一二三四五六七八九]){2,3})"
    r"(?![〇零一二三四五六七八九十])"
)


def _said_together(m: re.Match[str]) -> str:
    return (m.group("b") or m.group("b2")) + re.sub(r"\s*(?:[,、]|\.{3})\s*", "", m.group("seq") or m.group("seq2"))


# A floor and its flat letter said apart after the building, a pause between each part and perhaps a false start, as
# an elder says it and a transcript writes it: "A座…十…十樓…D" is A, 10D, "一座，三十二，D" 1, 32D. The pauses become
# spaces, where the stutter and floor-letter rules read them; only right after a building word and ending in a single
# letter, so a list ("三座，一、二、三號升降機") is left alone.
_FLOOR_LETTER_APART = compile_plain(
    rf"(?P<b>座|栋|幢|号楼)(?P<parts>(?:\s*(?:\.{{3}}|,|、)\s*[{_ZH_NUMERAL}]{{1,3}}(?:楼|层)?){{1,3}})"
    r"\s*(?:\.{3}|,|、)\s*(?P<letter>[a-h])(?![a-z0-9])"
)


def _floor_letter_apart(m: re.Match[str]) -> str:
    parts = re.sub(r"\s*(?:\.{3}|,|、)\s*", " ", m.group("parts"))
    return f"{m.group('b')}{parts} {m.group('letter')}"


# A floor and flat run into the building after them: "十九樓A五座" is building 5, 19A (not building A5), as a
# transcript runs "十九樓A，五座" together. Rewritten in the usual order; not where a building comes before the floor
# ("六座三樓A 六座三樓A", said twice).
_FLOOR_FLAT_THEN_BUILDING = compile_plain(
    r"(?<![\d/-])(?<![座栋幢])(?<![座栋幢]\s)(?P<floor>\d{1,2})\s?(?:楼|层)\s?(?P<letter>[a-h])(?P<b>\d{1,2})\s?(?P<word>座|栋|幢)"
)


# Mainland residents typing pinyin ("6 hao lou 2 danyuan 1102"): the building and entrance words as characters.
_PINYIN_PLACE = compile_plain(r"(?<![a-z0-9])(?P<n>\d{1,2})\s?(?:(?P<b>hao\s?lou)|dan\s?yuan)(?![a-z])")
# A ground-floor flat written with its G before the letter: "Flat GA" is G/F Flat A, "GA" (see the conventions).
# Said with a space too: "flat G A block twelve" (round 119).
_FLAT_G_LETTER = compile_plain(
    r"(?<![a-z])(?P<word>flat|unit|apt)\.?\s?g\s?(?P<letter>[a-h])(?![a-z0-9'])"
    r"(?!\s+(?:lot|bit|few|little|couple|while|day|week|month|year)(?![a-z]))"
)


def _extract_unit(s: str) -> UnitMention:
    """:func:`extract_unit` of a normalised message, once any correction in it is dealt with."""
    if "hao" in s or "dan" in s:
        s = _PINYIN_PLACE.sub(lambda m: m.group("n") + ("号楼" if m.group("b") else "单元"), s)
    if "g" in s:
        s = _FLAT_G_LETTER.sub(r"g/f \g<word> \g<letter>", s)
    s = _BUILDING_FIELD.sub(r"\g<b>座 ", s) if ":" in s or "：" in s else s
    if "、" in s or "," in s or "..." in s:
        s = _SAID_APART.sub(_said_together, s)
        s = _FLOOR_LETTER_APART.sub(_floor_letter_apart, s)
    s = _CAR_SPACE_NUMBER.sub(r"\g<word> ", spoken_to_digits(s))
    if "楼" in s or "层" in s:
        s = _FLOOR_FLAT_THEN_BUILDING.sub(r"\g<b>\g<word> \g<floor>楼\g<letter>", s)
    if "building" in s or "bldg" in s:
        s = _EN_BUILDING_AFTER_NUMBER.sub(_en_building_after_number, s)
    if "g f" in s:  # the ground floor as speech-to-text writes it: "G F flat A block eight"
        s = _GF_SPOKEN.sub("g/f", s)
    if "fl" in s or "level" in s or "lvl" in s:  # ("fl" is in "floor" and "flr")
        s = _FLOOR_WORD_THEN_LETTER.sub(r"\g<floor>/f flat \g<letter>", s)
    if "楼" in s or "层" in s:
        s = _FLOOR_THEN_ROOM.sub(lambda m: f"{int(m.group('floor'))}{m.group('room')}室", s)
    s = _FLAT_IN_TWO.sub(r"\g<word> \g<floor>\g<flat>", s)
    if "flat" in s or "unit" in s or "apt" in s:
        s = _FLAT_DIGIT_BY_DIGIT.sub(lambda m: f"{m.group('word')} {m.group('digits').replace(' ', '')}", s)
    if "负" in s or "地下" in s:
        s = _BASEMENT_LEVEL.sub(" ", s)
    if "1" in s or "9" in s:
        s = _EMERGENCY_NUMBER_CALLED.sub(" ", s)
    building = _find_building(s)
    entrance = None
    if building is not None:
        raw, start, end = building
        # The flat right after the building, or after the same building said again ("我係五座嘅 即係五座一三零八").
        name = normalise_building(raw)
        again = (a.end() for a in _BUILDING_ZH.finditer(s, end) if normalise_building(_building_said(a)) == name)
        for at in chain((end,), again):  # lazily: the building said again is looked for only when needed
            m = _UNIT_AFTER_BUILDING.match(s, at)
            if m is not None and not _hours(m, "bflat") and not _called(m):
                repeated = _building_said_again(m, name) if "座" in s[max(0, at - 2) : at] else None
                return UnitMention(name, normalise_unit(repeated or _unit_from(m)))
        named = _ENTRANCE_AFTER_BUILDING.match(s, end)
        entrance = (named.group("entrance") or named.group("en_entrance")) if named else None
        before = _FLAT_BEFORE_BUILDING.search(s, max(0, start - 12), start)
        if before is not None and _flat_before_building(s, before.group("num"), before.start()):
            flat = before.group("num")
            # Its entrance said before it too: "一单元七零三 二十六号楼" is 1-703.
            first = None if entrance else _ENTRANCE_BEFORE_FLAT.search(s, max(0, before.start() - 8), before.start())
            entrance = first.group("e") if first else entrance
            return UnitMention(normalise_building(raw), f"{entrance}-{flat}" if entrance else normalise_unit(flat))
    slashed = _SLASH_FLAT.search(s) if "/" in s else None
    if slashed is not None and slashed.group("u4") and not _flat_number(slashed.group("u4")):
        slashed = None  # "3/1000", "1/100": a ratio or a count, no floor and flat
    if slashed is not None and (building is None or normalise_building(building[0]) == slashed.group("b")):
        flat = slashed.group("u") or slashed.group("u4") or slashed.group("floor") + slashed.group("letter")
        return UnitMention(slashed.group("b"), normalise_unit(flat.replace(" ", "")))
    hashed = _BUILDING_HASH_FLAT.search(s) if "#" in s else None
    if hashed is not None:
        entrance = f"{hashed.group('e')}-" if hashed.group("e") else ""
        return UnitMention(normalise_building(hashed.group("b")), normalise_unit(entrance + hashed.group("u")))
    three = _BUILDING_ENTRANCE_FLAT.search(s)
    if three is not None:
        return UnitMention(normalise_building(three.group("b")), f"{three.group('e')}-{three.group('u')}")
    for hyphen in _HYPHEN.finditer(s):
        if not _SPACE_OR_REFERENCE_BEFORE.search(s, max(0, hyphen.start() - 12), hyphen.start()):
            if building is not None and (
                _ENTRANCE_WORD_BEFORE.search(s, max(0, hyphen.start() - 6), hyphen.start())
                or _entrance_and_room(hyphen, normalise_building(building[0]))
            ):
                return UnitMention(normalise_building(building[0]), f"{hyphen.group('b')}-{hyphen.group('u')}")
            return UnitMention(normalise_building(hyphen.group("b")), normalise_unit(hyphen.group("u")))
    shop = (
        _shop_unit(s)
        if "g" in s or "s" in s or "l" in s or "铺" in s or "舖" in s or "底商" in s or "office" in s
        else None
    )
    alone = None if shop else next((a for a in _UNIT_ALONE.finditer(s) if not _hours(a, "flat_letter")), None)
    if alone is not None:
        unit = normalise_unit(_unit_from(alone, prefix="a_"))
    else:
        unit = normalise_unit(
            shop
            or _home_number(s)
            or _hash_flat(s)
            or _en_home_number(s)
            or _floor_and_letter_apart(s)
            or _ground_floor_flat(s)
            or _flat_said_last(s)
            or _flat_letter_spaced(s)
            or _leading_flat(s)
        )
    if entrance is not None and unit is not None and unit.isdecimal() and len(unit) >= 3:
        unit = f"{entrance}-{unit}"  # "1号楼2单元 …… 我家住1101" is entrance 2, flat 1101
    return UnitMention(normalise_building(building[0]) if building else None, unit)
