"""Find the building and unit a resident names ("3棟502", "Block 3 #05-02", "flat 12B") as a registry holds them.

Decisions, so that callers know what to expect:

* A floor without a flat ("Tower B 12F", "B座12樓", "15/F") is not a unit: the building is kept, unit is None.
  A floor with a flat letter ("12樓B室", "12/F flat B") is the unit "12B".
* Bare numbers are never units on their own: a 3–4 digit number counts only right after a building
  ("3棟502"), in building-unit form ("3-502"), after a marker ("unit 1708", "502室") or as a floor+letter
  flat ("12B"). So phone numbers, amounts, dates, times and counts are left alone.
* Only the first building and the first unit are returned; messages rarely name two.
* Mainland addresses name an entrance (单元) between building and flat: 2号楼3单元501室, "8-2-1503". The unit
  is entrance and flat, "3-501", as the registry holds such estates' flats; where a registry holds the flat
  alone, a resident naming it is still matched (``bot.domain.residents.Unit.named_by``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from bot.nlu.normalise import normalise


class UnitMention(NamedTuple):
    """A building and a unit as the registry stores them (``("3", "502")``); either may be None."""

    building: str | None
    unit: str | None


_CN_NUM = "[一二三四五六七八九十两〇零]{1,3}"
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")

# Chinese buildings: 3栋, 2号楼, a座, 第三座, 七栋 (matched on Simplified, lower-case text).
_BUILDING_ZH = re.compile(rf"(?<![a-z0-9])第?(?P<b>\d{{1,2}}|{_CN_NUM}|[a-z])\s*(?:栋|座|幢|号楼|号大楼)(?!位)")
# English buildings: Block 3, Blk 3, Tower B, Building 2 ("building a ..." is English, so no letter there).
_BUILDING_EN = re.compile(
    r"(?<![a-z0-9])(?:(?:block|blk|tower|twr)(?:\s*\.?\s*(?:no\.?\s*)?(?P<b>\d{1,2})|\.?\s+(?P<bl>[a-z]))"
    r"|(?:building|bldg)\s*\.?\s*(?:no\.?\s*)?(?P<b2>\d{1,2}))(?![a-z0-9])"
)
# What a unit number must not be followed by: floors, money, dates, times, counts, measures.
_NOT_AFTER_NUMBER = (
    r"(?!\s*(?:楼|层|/f|f(?![a-z])|号(?!房|室)|元|块|蚊|月|日|年|点|分|部|个|天|次|米|度|%|:|"
    r"am|pm|hk|dollars?|days?|hours?|hrs?|mins?|minutes?|years?|months?|weeks?))"
)
_FLOOR_FLAT = (
    r"(?P<floor>\d{1,2})\s*(?:楼|层|/f|(?:st|nd|rd|th)?\s*(?:floor|fl)(?![a-z]))\s*,?\s*(?:flat|unit|室)?\s*"
    r"(?P<flat>[a-h])(?![a-z0-9])"
)
_SG_UNIT = r"(?P<sg>\d{1,2}-\d{2,4})(?![\d-])"
# Right after a building, "个" is Cantonese "the" ("3座1208個廁所"), not a count.
_NUM_UNIT = rf"(?P<num>\d{{3,4}}[a-h]?)(?![a-z0-9]){_NOT_AFTER_NUMBER.replace('个|', '')}"
# A unit right after a building: "3栋502室", "block 3 #05-02", "3座12楼b室", "5栋1单元1203" (entrance 1).
_UNIT_AFTER_BUILDING = re.compile(
    rf"[\s,:#-]*(?:(?P<entrance>\d{{1,2}})\s*单元[\s,:#-]*)?(?:{_FLOOR_FLAT}|{_SG_UNIT}|{_NUM_UNIT})"
)
# Mainland shorthand building-entrance-flat: "8-2-1503".
_BUILDING_ENTRANCE_FLAT = re.compile(r"(?<![a-z0-9$.,:/#-])(?P<b>\d{1,2})-(?P<e>\d{1,2})-(?P<u>\d{3,4})(?![a-z0-9:-])")
# "3-502", "a-1203": building-unit with a hyphen; the lookbehind keeps dates and phone numbers out.
_HYPHEN = re.compile(
    rf"(?<![a-z0-9$.,:/#-])(?P<b>\d{{1,2}}|[a-h])\s?-\s?(?P<u>\d{{3,4}}[a-h]?)(?![a-z0-9:-]){_NOT_AFTER_NUMBER}"
)
# A unit on its own, introduced by a marker or shaped like a flat.
_UNIT_ALONE = re.compile(
    r"(?:(?<![a-z])(?:flat|unit|rm|room|apt|apartment)\s*\.?\s*(?:no\.?\s*)?#?\s*"
    rf"(?:{_SG_UNIT.replace('sg', 'm_sg')}|(?P<m_num>\d{{2,4}}[a-h]?|\d[a-h])(?![a-z0-9]){_NOT_AFTER_NUMBER})"
    r"|(?<![a-z0-9$.,:/#-])(?P<entrance>\d{1,2})\s*单元\s*(?P<entrance_flat>\d{3,4})(?![a-z0-9])"
    r"|(?:单位|单元|室)\s*(?P<zh_num>\d{3,4}[a-h]?)(?![a-z0-9])"
    r"|#\s*(?P<hash_sg>\d{1,2}-\d{2,4})(?![\d-])"
    r"|(?<![a-z0-9$.,:/#-])(?P<zh_room>\d{3,4})\s*(?:室|号房|房)"
    rf"|(?<![a-z0-9$.,:/#-]){_FLOOR_FLAT.replace('floor', 'a_floor').replace('flat>', 'a_flat>')}"
    r"|(?<![a-z0-9$.,:/#-])(?P<flat_letter>\d{1,2}[a-eh])(?![a-z0-9])"
    r")"
)


def _digits(text: str) -> str:
    """Chinese numerals to Arabic digits: "七" -> "7", "十二" -> "12", "七零二" -> "702"."""
    if not text or text.isascii():
        return text
    if re.fullmatch("[〇零一二三四五六七八九]+", text) and len(text) > 1:
        return text.translate(_CN_DIGITS)
    value = _chinese_number(text)
    return text if value is None else str(value)


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


def normalise_unit(value: str | None) -> str | None:
    """A unit as the registry stores it: "#05-02" -> "05-02", "12b" -> "12B"; blank -> None."""
    if value is None:
        return None
    s = unicodedata.normalize("NFKC", value).strip().lstrip("#").replace(" ", "")
    if not s:
        return None
    return _digits(s).upper()


def _find_building(s: str) -> tuple[str, int] | None:
    """The first building named in ``s`` and where its match ends."""
    best: tuple[int, str, int] | None = None
    for pattern in (_BUILDING_ZH, _BUILDING_EN):
        for m in pattern.finditer(s):
            raw = next(v for k, v in m.groupdict().items() if v)
            # "一栋楼" is "a whole building", not building 1.
            if not raw.isascii() and s[m.end() : m.end() + 1] == "楼":
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), raw, m.end())
            break
    return None if best is None else (best[1], best[2])


def _unit_from(m: re.Match[str], *, prefix: str = "") -> str:
    groups = {k: v for k, v in m.groupdict().items() if v}
    if "entrance_flat" in groups:
        return f"{groups['entrance']}-{groups['entrance_flat']}"
    if "entrance" in groups:
        return f"{groups['entrance']}-{_unit_from_groups(groups, prefix)}"
    return _unit_from_groups(groups, prefix)


def _unit_from_groups(groups: dict[str, str], prefix: str) -> str:
    if f"{prefix}floor" in groups:
        return groups[f"{prefix}floor"] + groups[f"{prefix}flat"]
    for key in ("sg", "num", "m_sg", "m_num", "zh_num", "hash_sg", "zh_room", "flat_letter"):
        if key in groups:
            return groups[key]
    raise AssertionError(f"unit pattern matched without a unit group: {groups!r}")


# Numbers said rather than written (phone transcripts, older residents): "三座五零二", "二十三樓C室",
# "flat one two bee". They become digits only next to a building, floor or flat word, so "三日", "一棟樓"
# ("a whole building") and "two lifts" stay as they are.
_ZH_NUMERAL = "〇零一二三四五六七八九十两幺"
_ZH_SPOKEN = re.compile(
    rf"(?:(?<=第)|(?<=座|栋|幢|楼)\s?|(?<=单元)\s?)?(?P<n>[{_ZH_NUMERAL}](?:\s?[{_ZH_NUMERAL}])*)"
    r"(?=\s?(?P<after>(?:座|栋|幢)(?!楼)|号楼|号大楼|楼|层|室|号房|单元|[a-h](?![a-z]))?)"
)
_EN_DIGITS = {
    "zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_EN_LETTERS = {"ay": "a", "bee": "b", "cee": "c", "see": "c", "dee": "d", "ee": "e", "eff": "f", "gee": "g"}
_EN_WORD = "|".join(["double", *_EN_TENS, *sorted(_EN_DIGITS, key=len, reverse=True), r"\d"])
_EN_SPOKEN = re.compile(
    r"(?<![a-z])(?P<marker>flat|unit|room|rm|apt|apartment|block|blk|tower|building|floor)\s+"
    rf"(?P<words>(?:(?:{_EN_WORD})(?:\s+|(?![a-z])))+)"
    rf"(?P<letter>(?:{'|'.join(_EN_LETTERS)}|[a-h])(?![a-z]))?"
)


def _zh_spoken(m: re.Match[str]) -> str:
    raw = m.group("n")
    before = m.string[max(0, m.start() - 2) : m.start()].strip()
    before_word = m.string[max(0, m.start() - 6) : m.start()].rstrip()
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
    """ "five oh two" -> "502", "twenty three" -> "23", "double one oh three" -> "1103"."""
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
            if i + 1 < len(words) and _EN_DIGITS.get(words[i + 1], 10) < 10:
                value += _EN_DIGITS[words[i + 1]]
                i += 1
            out.append(str(value))
        elif word in _EN_DIGITS:
            out.append(str(_EN_DIGITS[word]))
        elif word.isdigit():
            out.append(word)
        i += 1
    return "".join(out)


def _en_spoken(m: re.Match[str]) -> str:
    words = m.group("words").split()
    if words == ["o"] or all(w.isdigit() for w in words):
        return m.group(0)  # "flat 3 oh 2" is spoken; "flat 302" is written as it stands
    letter = m.group("letter") or ""
    space = " " if m.group("words").endswith(" ") and not letter else ""
    flat = ""
    if m.group("marker") in ("block", "blk", "tower", "building") and len(words) > 1:
        # "tower three fifteen oh two": one number names the building, the rest is the flat.
        size = 2 if words[0] in _EN_TENS and _EN_DIGITS.get(words[1], 10) < 10 else 1
        words, rest = words[:size], words[size:]
        flat = f" {_en_number(rest)}" if rest else ""
    return f"{m.group('marker')} {_en_number(words)}{flat}{_EN_LETTERS.get(letter, letter)}{space}"


# Speech recognisers put a space between Chinese words and syllables ("三 号 楼 二 单元 一 八 零 六", "九 b");
# within Chinese they carry no meaning, so they are closed up before numbers are read.
_CJK_GAP = re.compile(
    rf"(?<=[\u3400-\u9fff\U00020000-\U0002ffff])\s+(?=[\u3400-\u9fff\U00020000-\U0002ffff])"
    rf"|(?<=[{_ZH_NUMERAL}])\s+(?=[a-h](?![a-z]))"
)


def spoken_to_digits(normalised: str) -> str:
    """Numbers said in words, next to a building, floor or flat word, written as digits."""
    s = _ZH_SPOKEN.sub(_zh_spoken, _CJK_GAP.sub("", normalised))
    return _EN_SPOKEN.sub(_en_spoken, s)


def extract_unit(text: str, *, normalised: bool = False) -> UnitMention:
    """The building and unit named in a resident's message, as the registry holds them.

    ``normalised=True`` says ``text`` is already the output of :func:`bot.nlu.normalise.normalise`.
    """
    s = spoken_to_digits(text if normalised else normalise(text))
    building = _find_building(s)
    if building is not None:
        raw, end = building
        m = _UNIT_AFTER_BUILDING.match(s, end)
        if m is not None:
            return UnitMention(normalise_building(raw), normalise_unit(_unit_from(m)))
    three = _BUILDING_ENTRANCE_FLAT.search(s)
    if three is not None:
        return UnitMention(normalise_building(three.group("b")), f"{three.group('e')}-{three.group('u')}")
    hyphen = _HYPHEN.search(s)
    if hyphen is not None:
        return UnitMention(normalise_building(hyphen.group("b")), normalise_unit(hyphen.group("u")))
    alone = _UNIT_ALONE.search(s)
    unit = normalise_unit(_unit_from(alone, prefix="a_")) if alone is not None else None
    return UnitMention(normalise_building(building[0]) if building else None, unit)
