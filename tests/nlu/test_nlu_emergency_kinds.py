"""Every kind of emergency, in each language residents use, and the look-alikes that are not emergencies.

The kinds (``bot/nlu/data/README.md``, labelling conventions): people trapped in a lift; a gas smell; fire,
smoke or a burning smell; flooding happening now (water rising or pouring in, a basement, car park, lobby or
lift shaft filling, sewage backing up); a burst or spraying pipe; sparks or burning electrics; a ceiling
collapsing; someone injured or unconscious. Each is written in Cantonese, formal written Chinese, mainland
Simplified and Hong Kong English, directly and indirectly, with typos, as phone transcripts (fillers, no
punctuation) and in mixed language. The same words about the past, a test or drill, a question, a complaint
about handling, compensation, a repair already done or a negation are not emergencies.
"""

from __future__ import annotations

import pytest

from bot.domain.emergency import looks_like_emergency
from bot.nlu.normalise import normalise
from bot.nlu.rules import emergency_signal

# (kind, message)
CLEAR: list[tuple[str, str]] = [
    # People trapped in a lift.
    ("trapped", "救命呀 我同個仔困喺lift度 按極個掣都冇反應"),
    ("trapped", "第二座升降機停咗喺十樓同十一樓中間，入面有位老人家"),
    ("trapped", "电梯卡住了 我们三个人在里面出不去"),
    ("trapped", "喂 嗯 部较 停咗 入面有人 拍门拍咗好耐"),
    ("trapped", "my helper is inside the lift and the door won't open, it stopped between 5 and 6"),
    ("trapped", "pls come lift stuck got ppl inside tower 3"),
    ("trapped", "er the lift is stuck and um my son is in it"),
    ("trapped", "我哋喺𨋢入面呀 啲門開唔到"),
    ("trapped", "電梯困咗人，係一個小朋友"),
    ("trapped", "老公被关在电梯里了 手机快没电"),
    ("trapped", "um stuck in like the you know lift between uh floors help"),
    # Gas.
    ("gas", "成條走廊都係煤氣味 好驚"),
    ("gas", "隔籬屋傳出陣陣石油氣味道，拍門冇人應"),
    ("gas", "闻到一股很重的煤气味 在楼梯间"),
    ("gas", "smells like gas in the lobby very strong"),
    ("gas", "gas smell from 15C, nobody answering the door"),
    ("gas", "um there's a er strong gas smell on our floor"),
    ("gas", "厨房有燃气泄漏的声音 嘶嘶响"),
    ("gas", "the gas pipe is leaking I can hear hissing"),
    ("gas", "the gas hose behind the cooker is hissing loud"),
    # Fire, smoke, burning.
    ("fire", "垃圾房有煙冒出嚟 好大陣燶味"),
    ("fire", "樓梯有陣好勁嘅燶味 唔知邊度燒緊嘢"),
    ("fire", "停车场有一辆车着火了"),
    ("fire", "楼上阳台在冒烟"),
    ("fire", "something is burning in the corridor, smoke everywhere"),
    ("fire", "a car is on fire in the carpark"),
    ("fire", "the bin chute is smoking and smells like burning plastic"),
    ("fire", "喂 後樓梯 有 煙 好濃"),
    ("fire", "the flat below is on fire"),
    ("fire", "smoke coming from the exhaust fan in the kitchen"),
    ("fire", "冇人理呀 走廊好大煙"),
    ("gas", "冇人應門 但係門口好大陣煤氣味"),
    # Flooding now.
    ("flood", "大堂入晒水 水仲不停湧入嚟"),
    ("flood", "𨋢槽入水呀 啲水一直流落去"),
    ("flood", "lift shaft is filling with water"),
    ("flood", "water is coming into the lobby from the main door, its getting deeper"),
    ("flood", "the carpark is flooding, the water is already up to the wheels"),
    ("flood", "sewage is backing up out of the floor drain and flooding the bathroom"),
    ("flood", "坑渠倒灌 污水湧晒上嚟 成個廁所都係"),
    ("flood", "下水道反水了 污水漫出来 满地都是"),
    ("flood", "地库在进水 水已经到小腿了"),
    ("flood", "大堂水浸緊 水過咗腳眼"),
    ("flood", "water keeps pouring in under my front door"),
    ("flood", "the water is rising in the basement"),
    ("flood", "喂 嗯 停車場 啲水 越浸越高 啲車 就嚟浸到"),
    ("flood", "楼道里水漫上来了 一直在涨"),
    ("flood", "一楼大堂进水了 水还在往里灌"),
    # Burst or spraying pipe.
    ("burst", "廁所條喉爆咗 水射到周圍都係"),
    ("burst", "水管裂开了 一直在喷水 关不掉"),
    ("burst", "the pipe under the sink burst, water spraying everywhere, cant find the valve"),
    ("burst", "water is shooting out of the wall pipe"),
    ("burst", "水錶位爆喉 水好大"),
    ("burst", "um the er pipe just burst in the bathroom"),
    # Sparks, burning electrics.
    ("electric", "電錶房冒煙 仲有啲啪啪聲"),
    ("electric", "冷氣機個插蘇燒燶咗 仲有火花"),
    ("electric", "配电箱冒烟 有烧焦的味道"),
    ("electric", "the socket is smoking and black"),
    ("electric", "the meter box is smoking"),
    ("electric", "the plug behind the washing machine is smoking"),
    ("electric", "sparks coming out of the light switch"),
    ("electric", "the aircon plug is melting and smells of burning"),
    ("electric", "电线在冒火花 噼里啪啦"),
    # A ceiling collapsing.
    ("collapse", "廁所天花塌咗落嚟 差啲打中人"),
    ("collapse", "天花板塌下来了 还在掉石头"),
    ("collapse", "the ceiling in the corridor just collapsed"),
    ("collapse", "part of the ceiling is falling down in the lobby, big pieces of concrete"),
    ("collapse", "天花板有一大片石屎冧咗落嚟"),
    # Someone injured or unconscious.
    ("injury", "大堂有個伯伯暈低咗 叫極都唔應"),
    ("injury", "有人喺樓梯跌低咗 流好多血"),
    ("injury", "小区门口有个老人晕倒了"),
    ("injury", "a man collapsed in the lobby and is not moving"),
    ("injury", "someone is unconscious in the lift lobby on 8/F"),
    ("injury", "my neighbour fell down the stairs and is bleeding badly"),
    ("injury", "有人在健身房昏迷了"),
    ("injury", "有个小孩从滑梯摔下来 流了很多血"),
    ("injury", "there's an old lady fainted in the clubhouse"),
]

NOT_EMERGENCIES: list[tuple[str, str]] = [
    # Past incidents.
    ("past", "上個禮拜困𨋢嗰次你哋點解咁遲先嚟"),
    ("past", "the lift was stuck on sunday, is it safe now"),
    ("past", "前排地庫水浸 我架車而家仲有異味"),
    ("past", "琴晚個電錶箱冒過煙 而家冇事 但想搵人檢查"),
    ("past", "the ceiling collapsed in 2019 and the crack is back"),
    ("past", "上次有人喺大堂暈低 保安好快處理 多謝"),
    ("past", "去年火災之後走廊仲未髹油"),
    ("past", "the gas smell this morning turned out to be from the restaurant downstairs, all fine now"),
    ("past", "前两天电梯困人那件事 物业有什么交代"),
    ("past", "地库上次进水以后排水泵修好了没有"),
    # Tests, drills, notices.
    ("drill", "下個月消防演習，住戶需要落樓嗎"),
    ("drill", "the fire alarm test is at 10am tomorrow?"),
    ("drill", "电梯年检那天会停多久"),
    ("drill", "煤氣公司幾時嚟做安全檢查"),
    # Questions.
    ("question", "if i smell gas who should i call"),
    ("question", "萬一困𨋢應該撳邊個掣"),
    ("question", "下大雨的时候地库会不会进水"),
    ("question", "where is the fire extinguisher on my floor"),
    ("question", "is there a defibrillator in the clubhouse"),
    # Complaints about handling, compensation.
    ("handling", "投訴保安處理水浸嗰陣態度好差"),
    ("handling", "the guard took 40 minutes to answer when we were stuck, this is a complaint"),
    ("handling", "水浸嘅賠償到底幾時有"),
    ("handling", "who pays for my flooded storeroom, I need to claim"),
    # Fixed.
    ("fixed", "burst pipe has been fixed thanks, can someone clean the water marks"),
    ("fixed", "爆喉已經整好 多謝師傅"),
    ("fixed", "电梯已经修好 人也出来了 谢谢"),
    # Negations and small matters.
    ("negation", "電錶箱有啲聲 但係冇煙"),
    ("negation", "there is no smoke, just a small beep from the alarm"),
    ("negation", "not leaking anymore, the plumber closed the valve"),
    ("negation", "冇漏水喇 唔使上嚟"),
    ("negation", "no gas smell now, it went away after I opened the window"),
    ("negation", "没有烟 只是有点焦味 应该是楼下煮饭"),
    ("small", "the ceiling paint is peeling in the bathroom"),
    ("small", "浴室天花有水漬"),
    ("small", "my son fell off his bike and scraped his knee, can the playground floor be softer"),
    ("small", "the lift lobby light is flickering"),
    ("small", "the fire exit sign light is broken"),
    ("small", "kitchen exhaust fan smells a bit oily"),
    ("small", "坐厕有少少倒灌 冲完又好返"),
    ("small", "gas stove won't light"),
    ("small", "煤氣爐打唔著火"),
    ("small", "我想申請裝煤氣"),
    ("small", "天花有啲石屎剝落 想搵人睇下"),
    ("small", "ceiling paint falling down in small pieces"),
    ("small", "雪櫃插頭位燶咗少少 想換個插蘇"),
    ("past", "4座部𨋢今日又停 前日先困過人 唔該整好佢"),
    ("past", "the switch sparked when I turned it on, now fine but please check"),
    ("past", "喂 上星 即係 期停車場水浸 到而家 呀 都冇人理"),
    ("past", "er the plug sparked once er now like fine"),
    ("past", "thank you to the guard who stayed with my dad when he fainted"),
    ("question", "will the basement flood again this typhoon"),
    ("handling", "who pays for the flood damage to my storeroom"),
    # Smoke from something lit on purpose, or a question about smoking.
    ("source", "next door lights incense at their door and the smoke fills our corridor, can you ask them to stop"),
    ("source", "樓下天台成晚燒烤，啲煙吹晒入我屋企"),
    ("source", "隔壁阳台点蚊香，烟都飘到我房间了"),
    ("source", "is it ok to smoke on the podium garden benches"),
    ("denial", "热水器点了几次都不着火"),
    ("denial", "插座有火花味? 冇，冇冒火花，只係鬆咗"),
    ("denial", "the bell rang by itself at 7am, no fire anywhere, please check the panel"),
    # Over, or called off, by the one who reported it.
    ("over", "the smoke was from the restaurant's exhaust, no need to send anyone"),
    ("over", "頭先困𨋢嗰個伯伯已經出咗嚟，唔使上嚟喇"),
    ("over", "刚才说的煤气味，阀门已经关了，现在没味了"),
    ("over", "water in B1 all cleared now, thanks everyone"),
    # The past said another way, a drill, news, a fear.
    ("past", "the pipe that burst on Saturday was fixed, but the wall is still damp"),
    ("past", "打風嗰晚停車場水浸，到今日都未清走啲泥"),
    ("drill", "消防演练那天电梯还能坐吗"),
    ("news", "新闻说电动车在楼道充电会起火，物业能不能管一管"),
    ("fear", "電錶轉得好快，驚係有地方漏電，想搵人嚟睇下"),
    ("bill", "why was I charged for the burst pipe repair, it was the common pipe"),
    ("bill", "what is the flood clean-up levy on my demand note"),
    # How fast help came, not a call for it; a fire bell tested; a lift back in service.
    ("past", "琴日阿爷喺平台晕低，你哋保安好快叫咗白车，多谢晒"),
    ("test", "今朝试火警钟都唔贴通告，吓到我以为有火"),
    ("over", "the lift that stopped with people inside is back in service, the technician fixed it"),
]


@pytest.mark.parametrize(("kind", "text"), CLEAR)
def test_every_kind_of_emergency_is_flagged(kind: str, text: str) -> None:
    signal = emergency_signal(normalise(text))
    assert signal is not None, (kind, text)
    assert looks_like_emergency(text)


@pytest.mark.parametrize(("why", "text"), NOT_EMERGENCIES)
def test_look_alikes_are_not_emergencies(why: str, text: str) -> None:
    assert emergency_signal(normalise(text)) is None, (why, text)
    assert not looks_like_emergency(text)


def test_every_kind_is_written_in_the_three_languages() -> None:
    from bot.nlu.evaluate import language_of

    for kind in {kind for kind, _ in CLEAR}:
        languages = {language_of(text) for k, text in CLEAR if k == kind}
        assert {"en", "zh-Hans"} <= languages and languages & {"zh-Hant", "zh"}, (kind, languages)
