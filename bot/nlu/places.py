"""Find the common area a resident names ("the lift in block A", "2座大堂", "停車場閘口") in their message.

Decisions, so that callers know what to expect:

* A common area is a shared part of the estate that no resident owns: lifts, lobbies, corridors, car
  parks, stairwells, gardens, the club house, gates, roofs, refuse rooms, podiums, playgrounds, pools,
  gyms, mailboxes, fire exits, or "the common area" in so many words. The key names it
  (:data:`AREAS`); the dialog words it in the resident's language.
* A possessive right before the word ("my garden", "我家走廊", "屋企花園") means a part of a home, not
  a common area.
* The first area in the message wins, a longer name over a shorter one at the same place ("lift
  lobby" is the lobby, "電梯大堂" too).

Patterns run on :func:`bot.nlu.normalise.normalise` output (Simplified Chinese, lower case), so one
Simplified form covers the Traditional and Cantonese spellings.
"""

from __future__ import annotations

from bot.nlu.normalise import normalise
from bot.nlu.patterns import compile_led, compile_plain

_EN = r"(?<![a-z])(?:{})(?![a-z])"

# key -> (Chinese words, English words). Order matters only for equal starts: longer names first.
AREAS: dict[str, tuple[str, str]] = {
    "lobby": (
        r"电梯大堂|升降机大堂|大堂|门厅|入口大堂",
        r"lift lobby|elevator lobby|lobby|foyer|entrance hall",
    ),
    "lift": (r"电梯|升降机|䢂|𨋢", r"lifts?|elevators?"),  # 𨋢 (Cantonese "lift") is 䢂 after t2s
    "car_park": (
        r"停车场|车场|停车库|地下车库|车库|车位区",
        r"car ?parks?|parking (?:lot|garage|area|deck)|garage",
    ),
    "refuse_room": (
        r"垃圾房|垃圾站|垃圾收集站|垃圾收集房|垃圾间|垃圾槽",
        r"refuse (?:room|chamber|collection point)|bin room|rubbish room|garbage room|trash room|rubbish chute",
    ),
    "stairwell": (
        r"后楼梯|楼梯间|楼梯|梯间|走火通道|逃生梯|消防楼梯|消防通道",
        r"stair ?wells?|stair ?cases?|stairs|fire (?:exit|escape|stairs?)|emergency exit",
    ),
    "corridor": (r"走廊|走道|过道|楼道|通道", r"corridors?|hallways?|passageways?"),
    "clubhouse": (r"会所|住客会所|康乐中心", r"club ?house|residents'? club"),
    "garden": (r"平台花园|花园|园景|绿化带|草地|草坪", r"gardens?|lawns?|landscap\w*"),
    "podium": (r"平台(?!花园)", r"podium"),
    "playground": (r"游乐场|儿童乐园|儿童游乐", r"playgrounds?|play area"),
    "pool": (r"游泳池|泳池", r"swimming pool|pool"),
    "gym": (r"健身室|健身房|健身中心", r"gym|fitness (?:room|centre|center)"),
    "gate": (
        r"大闸|闸口|正门|屋苑大门|小区大门|保安亭|门岗|停车场闸|车闸",
        r"main gate|gates?|main entrance|estate entrance|guard ?house|barrier",
    ),
    "roof": (r"天台|屋顶|楼顶", r"roof ?tops?|roofs?"),
    "mailbox": (r"信箱", r"mail ?box(?:es)?|letter ?box(?:es)?"),
    "common_area": (
        r"公共地方|公共区域|公用地方|公共部分|公众地方|公共空间",
        r"common (?:area|part)s?|public area|shared area",
    ),
}

_PATTERNS = {
    key: compile_plain("|".join(p for p in (zh, _EN.format(en) if en else "") if p)) for key, (zh, en) in AREAS.items()
}
# "my garden", "our corridor", "我家花园", "我屋企走廊", "自己的车位": a part of someone's home.
_POSSESSIVE = compile_plain(
    r"(?:(?<![a-z])(?:my|our)\s+(?:own\s+|private\s+|little\s+)?|我家(?:的)?|我屋企(?:的|嘅)?|屋企(?:的|嘅)?"
    r"|家里(?:的)?|自己(?:的|嘅)?|私人|我的)$"
)


# Words that put a matter inside the resident's own home, whatever building it names ("3座 我家廚房漏水").
_OWN_HOME = compile_led(
    r"我家|我屋企|屋企|家里|家中|我单位|我的单位|我个单位|我住|室内|厨房|厕所|浴室|卫生间|洗手间|睡房|卧室|客厅|露台"
    r"|(?<![a-z])(?:my|our) (?:flat|unit|home|apartment|place|house|kitchen|bathroom|toilet|bedroom|living room"
    r"|balcony)"
    r"|(?<![a-z])(?:at|in) home(?![a-z])|(?<![a-z])i live"
)


def says_own_home(text: str, *, normalised: bool = False) -> bool:
    """True when the message places the matter in a home ("我家廚房", "my flat"), not a shared place."""
    return bool(_OWN_HOME.search(text if normalised else normalise(text)))


def find_common_area(text: str, *, normalised: bool = False) -> str | None:
    """The key of the first common area named in ``text`` (see :data:`AREAS`), or None."""
    s = text if normalised else normalise(text)
    best: tuple[int, int, str] | None = None  # (start, -length, key)
    for key, pattern in _PATTERNS.items():
        for m in pattern.finditer(s):
            if _POSSESSIVE.search(s[max(0, m.start() - 16) : m.start()]):
                continue
            candidate = (m.start(), -(m.end() - m.start()), key)
            if best is None or candidate < best:
                best = candidate
            break
    return None if best is None else best[2]
