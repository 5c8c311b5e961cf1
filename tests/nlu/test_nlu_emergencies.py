"""Emergencies: every clear one is flagged, and past incidents, complaints and small matters are not.

Both checks are held to the same lists: the understander's rules (``bot.nlu.rules``) and the check the
report form runs on every description (``bot.domain.emergency``).
"""

from __future__ import annotations

import pytest

from bot.domain.emergency import looks_like_emergency
from bot.nlu.normalise import normalise
from bot.nlu.rules import emergency_signal

CLEAR = [
    # Flooded basements and car parks: the worst incident the desks have seen.
    "地庫停車場入緊水，水浸到車轆啦",
    "地库停车场进水了，水越来越深",
    "地下停車場好多水湧入嚟",
    "basement car park is filling with water",
    "the basement carpark is under water, cars are half submerged",
    "water is rising fast in the B2 car park",
    "停車場水浸呀快啲嚟",
    "喂 嗯 地庫 入晒水 啲車 浸住",
    "车库淹水了 快来人",
    "water coming into the basement very fast",
    # Bursts and pouring water.
    "爆喉呀！水一直噴出嚟",
    "水管爆了，水哗哗地流",
    "burst pipe in the kitchen, water everywhere",
    "water is pouring through the ceiling right now",
    # People trapped.
    "有人困咗喺𨋢入面",
    "电梯困人了，里面有小孩",
    "my mother is stuck in the lift",
    "someone trapped in lift 2 tower B",
    # Gas, fire, smoke, sparks.
    "廚房有好大陣煤氣味",
    "楼道里有很浓的燃气味",
    "I can smell gas in the corridor",
    "後樓梯著火呀",
    "there's smoke coming out of the meter room",
    "走廊有濃煙",
    "插蘇爆火花",
    "the socket is sparking and there's a burning smell",
]

NOT_EMERGENCIES = [
    # Past incidents and complaints about how they were handled.
    "投訴上次水浸處理得好差",
    "上星期地庫水浸，到而家都冇人跟進",
    "the flood last week was handled terribly, nobody told us anything",
    "I want to complain about how the basement flood was handled",
    "上个月车库淹水的赔偿什么时候有结果",
    "about the fire last year, is the insurance claim done",
    "去年爆喉之後天花一直有水漬",
    "after the flood in August my car park space still smells",
    "琴日𨋢困人嗰單事，你哋點解處理咁慢",
    "last time someone was stuck in the lift it took an hour, unacceptable",
    "上次火警演習好嘈",
    # Everyday matters that share a word with an emergency.
    "fire door in the stairwell doesn't close",
    "鄰居喺走廊食煙，好臭",
    "my neighbour keeps smoking on the balcony",
    "噴水池壞咗",
    "smoke detector keeps beeping, battery low",
    "水龍頭滴水",
    "the toilet cistern leaks a bit",
    "有冇緊急聯絡電話",
    "what is the emergency number for after hours",
    "fire drill next week what time",
    "天台水箱幾時清洗",
    "呀 我屋企浴缸去唔到水 浸住啲污糟水",  # water standing in a blocked bath, no flood
]


@pytest.mark.parametrize("text", CLEAR)
def test_clear_emergencies_are_flagged(text: str) -> None:
    assert emergency_signal(normalise(text)) is not None
    assert looks_like_emergency(text)


@pytest.mark.parametrize("text", NOT_EMERGENCIES)
def test_past_incidents_and_complaints_are_not_emergencies(text: str) -> None:
    assert emergency_signal(normalise(text)) is None
    assert not looks_like_emergency(text)


@pytest.mark.parametrize(
    "text",
    [
        "上次水浸已經投訴過，而家又水浸呀，快啲嚟",
        "it flooded last week and it is flooding again right now",
        "上星期爆過喉，今日又爆，水噴緊出嚟",
    ],
)
def test_a_new_emergency_beside_a_past_one_is_flagged(text: str) -> None:
    assert emergency_signal(normalise(text)) is not None
    assert looks_like_emergency(text)


@pytest.mark.parametrize(
    "text",
    [
        "uh stuck in the er lift between floors",
        "喂 插苏 烧焦 了 还 冒 火花",
        "呀 我阿媽 困咗 喺 部 lift 入面 快啲嚟",
        "嗯 地庫 入 晒 水 啲 車 浸 住",
        "er there is er a gas smell",
    ],
)
def test_emergencies_in_speech_transcripts(text: str) -> None:
    assert emergency_signal(normalise(text)) is not None
