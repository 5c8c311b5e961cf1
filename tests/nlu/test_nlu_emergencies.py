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


# Written for the second round of rules: car parks taking in water, lifts stopped with people inside,
# and the look-alikes (questions about "if", tests, drills, rescues already over, small amounts of water).
MORE_CLEAR = [
    "我喺部lift入面出唔到呀 快啲叫人",
    "地下室进水了 水还在往里灌",
    "喉管爆咗 水一直往外喷",
    "厨房着咗火呀",
    "kitchen 煤氣 smell 好勁",
    "天花啲水好似落雨咁漏落嚟 快啲嚟",
    "地庫B1停車場水浸緊，水已經淹到腳眼",
    "地下停车场在灌水，好多车泡在水里",
    "car park level B2 is flooding, water coming down the ramp",
    "the basement is flooding right now",
    "喂 地庫停車場啲水越嚟越高",
    "车库里全是水，还在往里灌",
    "部較困住咗兩個人",
    "我被困在电梯里面了 救命",
    "there are two kids stuck in the lift on floor 12",
    "lift stopped between floors with my dad inside",
    "電梯停咗喺半路，入面有人",
    "廚房煤氣喉漏氣，好大陣味",
    "有股好浓的煤气味 从隔壁传过来",
    "strong smell of gas on the 8th floor landing",
    "垃圾房著火呀快啲嚟",
    "楼道里冒黑烟",
    "there is a fire in the bin room",
    "smoke is pouring out of flat 12B",
    "電錶箱冒煙同埋有火花",
    "the switchboard is sparking",
    "插座冒火花 还有烧焦味",
    "爆喉呀 水射到成屋都係",
    "水管爆裂 水一直喷",
    "a pipe burst in the ceiling, water pouring down",
    "天花漏水漏到好似落雨咁，水一直湧落嚟",
    "有人觸電",
]

MORE_NOT_EMERGENCIES = [
    "尋晚有人困𨋢 想知發生咩事",
    "前晚火警鐘原來係誤鳴",
    "琴晚啲煙霧而家冇事啦",
    "the pipe under the sink is leaking a bit, not flooding",
    "re the flood in june, when is the owners meeting",
    "the burst pipe was fixed last friday but the paint is peeling",
    "走廊堆滿紙皮 恐生火警 請清理",
    "那次电梯困人你们来得太慢了",
    "上星期地庫水浸嘅賠償幾時有",
    "尋日部較困人，今日仲未整好",
    "之前停车场淹水的损失谁来赔",
    "last month's flood in the car park, who pays for my car",
    "thank you for rescuing my mum from the lift last night",
    "多謝你哋琴晚救咗我哋出𨋢",
    "下星期二火警演習幾點開始",
    "is there a fire drill this week",
    "what should I do if there is a gas leak",
    "如果有煤氣味應該打去邊度",
    "我要投訴上次火警處理得好慢",
    "the way you handled the lift entrapment was a disgrace",
    "上次水浸之後停車場牆身一直有水漬",
    "停车场上周进水的事情，物业到现在都没有说法",
    "the burst pipe last week damaged my ceiling, can someone assess it",
    "is the car park open again after the flood",
    "lift test on Monday, people may be stuck for a few minutes?",
    "消防演習時會唔會困𨋢",
    "煮飯有啲油煙 抽油煙機唔夠力",
    "smoke alarm beeps when I cook",
    "電錶箱有嗡嗡聲 但冇煙冇火",
    "the light switch sparked once last week",
    "水龍頭有啲滴水",
    "地庫停車場啲燈唔著",
    "停车场积水一点点，地面湿滑，麻烦清理一下",
    "basement car park is dirty",
    "the flood insurance claim form where do I get it",
    "我屋企個魚缸爆咗，啲水濕晒地板",
]


@pytest.mark.parametrize("text", CLEAR + MORE_CLEAR)
def test_clear_emergencies_are_flagged(text: str) -> None:
    assert emergency_signal(normalise(text)) is not None
    assert looks_like_emergency(text)


@pytest.mark.parametrize("text", NOT_EMERGENCIES + MORE_NOT_EMERGENCIES)
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
        "喂 廚房 就是 好大陣 煤氣 那个 味",
        "電箱啲電線燒著咗",
    ],
)
def test_emergencies_in_speech_transcripts(text: str) -> None:
    assert emergency_signal(normalise(text)) is not None


@pytest.mark.parametrize(
    "text",
    ["er the you know fire lane is blocked by a lorry", "uh the fire you know door on my floor won't close"],
)
def test_fillers_do_not_make_an_emergency(text: str) -> None:
    assert emergency_signal(normalise(text)) is None
