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
from bot.nlu.rules import emergency_signal, not_emergency_cue, says_complaint

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


# Look-alikes by kind: words of an emergency that do not mean one (own variants, not lines of the data sets).
LOOK_ALIKE_KINDS: list[tuple[str, str]] = [
    # Sparks between people; things other than water pouring in.
    ("idiom", "sparks flew at the owners meeting last night, is there a video"),
    ("idiom", "real sparks flying between the committee and the new manager"),
    ("idiom", "complaints keep pouring in about the new visitor rules"),
    ("idiom", "donations pouring in for the typhoon relief box, thank you all"),
    # Idioms.
    ("idiom", "真係水浸眼眉喇，聽日就要搬屋，個門鎖仲未換到"),
    ("idiom", "水浸眼眉先至通知我哋停電，下次早啲貼通告啦"),
    ("idiom", "my mailbox got flooded with flyers again, can the guard stop the leaflet people"),
    ("idiom", "our inbox is flooded with your reminders, one a month is enough"),
    ("idiom", "the owners' whatsapp group is on fire about the new car park rules"),
    ("idiom", "this new cafe in the clubhouse is fire 🔥 who runs it"),
    ("idiom", "今天热得冒烟，大堂的空调能不能开大一点"),
    ("idiom", "I feel trapped in this lease, can I end it early if I give two months notice"),
    ("idiom", "我个女被困在功课里面出不来，想问会所自修室几点开"),
    # Similes.
    ("simile", "樓上淋花淋到我露台好似水浸咁，可唔可以同佢講下"),
    ("simile", "洗车的把地面弄得像水浸一样，能不能管一下"),
    ("simile", "complaints came in like a flood after the water bill notice"),
    # Compound nouns that are no fire or flood.
    ("compound", "the bikes in the corridor are a fire hazard, please have them removed"),
    ("compound", "is it a fire risk to charge my scooter in the storeroom?"),
    ("compound", "the fire door on 12/F doesn't close by itself"),
    ("compound", "where is the fire assembly point for the clubhouse"),
    ("compound", "are we allowed lanterns on the balcony under the fire rules"),
    ("compound", "the fire alarm in tower 2 keeps false-triggering at night"),
    ("compound", "we are testing the fire alarm in the restaurant on friday"),
    ("compound", "消防钟误报，半夜响了两次"),
    ("compound", "when will the flood boards be put up at the car park ramp"),
    ("compound", "裝修完想裝返個煙霧警報器"),
    # Smoke or a burning smell whose harmless source is named.
    ("source", "the smoke on the podium is the residents' barbecue, they have a permit"),
    ("source", "neighbour is grilling fish on the balcony every night, smoke comes into my bedroom"),
    ("source", "隔篱屋又喺走廊燒衣，啲煙攻晒入屋"),
    ("source", "楼下在阳台熏腊肉，烟味好大，能不能劝一下"),
    ("source", "刚才楼道里的烟是我在烧艾草，没事的"),
    ("source", "the smoke in the garden is the mosquito fogging, right?"),
    ("source", "the smoke in the hall was a fog machine for the party, sorry"),
    ("source", "smoke from the restaurant's kitchen exhaust comes into my flat every evening"),
    ("source", "the burning smell in the lobby is the hungry ghost offerings outside"),
    ("source", "电梯里一股烧焦味，原来是有人带了烤红薯"),
    ("source", "the smoke from 5/F is my son's volcano science project"),
    ("source", "保安話天台啲煙係清潔姐姐燒落葉"),
    ("source", "廚房有啲煙，係我焗蛋糕焗燶咗，唔好意思"),
    # Past incidents and their aftermath.
    ("past", "since the flood the lift lobby smells of mud"),
    ("past", "after the flood in the car park my car won't start"),
    ("past", "水浸完之後地下嘅門框發晒霉"),
    ("past", "上回漏煤气的事你们有没有写报告"),
    ("past", "the lift trapped me for 5 minutes this morning, got out ok, please check it"),
    ("past", "頭先困咗喺𨋢入面，而家出咗嚟冇事喇"),
    ("past", "I'd like to complain about the lift that trapped my dad last month"),
    ("past", "上次冒烟的那个电箱，现在又不通电了"),
    ("past", "嗰次爆喉你哋即刻嚟整好咗，今次淨係個水龍頭鬆咗"),
    # Slow ordinary water.
    ("slow", "男厕的尿兜一直流水不停"),
    ("slow", "the toilet cistern keeps running, wasting water"),
    ("slow", "浴缸去水好慢，洗完澡水浸到腳眼"),
    ("slow", "天花有一块水印，颜色越来越深"),
    ("slow", "露台水管裂咗條縫，慢慢渗水"),
    ("slow", "停车场的闸杆一直升起，放不下来"),
    ("slow", "晾的衣服一直滴水，哗哗地滴到我家窗台"),
    ("slow", "停車場仲未浸，不過去水渠有啲塞"),
    # Questions and hypotheticals.
    ("question", "what should the children do if they are ever trapped in the lift"),
    ("question", "if anyone gets trapped in the service lift, can they call for help on the intercom?"),
    ("question", "请问电表箱有火花是属于谁负责维修"),
    ("question", "Is the basement going to flood again with this typhoon?"),
    ("question", "學校教困𨋢唔好撬門，想問部𨋢個警鐘駁去邊"),
    # Denials and resolutions.
    ("denial", "小朋友按咗𨋢入面個警鐘，冇事，冇被困"),
    ("denial", "燃气公司来测过了，没有泄漏，不用再派人"),
    ("denial", "已經冇再漏煤氣喇，多謝師傅"),
    ("denial", "the candle is for the festival, not a fire"),
    ("denial", "水浸完之後電錶箱濕咗，暫時冇火花"),
]

# The same words where they do mean an emergency: these still fire.
STILL_EMERGENCIES: list[tuple[str, str]] = [
    ("idiom", "sparks flying from the meter box in the corridor"),
    ("idiom", "sparks flying over the stove from the wall socket"),
    ("idiom", "water pouring in through the window frame, the floor is soaked"),
    # An emergency repair asked for now is not the story of one ("抢修爆管的时候" is).
    ("repair asked for", "水管爆了，请派人抢修"),
    ("repair asked for", "厨房水管爆裂 需要紧急抢修"),
    ("repair asked for", "burst pipe in the kitchen, need emergency repair"),
    # A leak that started days ago and has become a burst now.
    ("days ago, now", "3天前开始漏水，现在水管爆了到处喷水"),
    ("idiom", "停車場水浸呀，水浸到車轆"),
    ("idiom", "my phone is fine but the bin room is on fire"),
    ("idiom", "someone is trapped in the lift on 3/F"),
    ("idiom", "the kitchen is on fire with flames everywhere"),
    ("simile", "水好似落雨咁由天花流落嚟，成間屋水浸"),
    ("compound", "the fire door is open and there is smoke everywhere in the stairwell"),
    ("compound", "fire alarm ringing and there's a fire in the bin room"),
    ("source", "nobody is cooking but there's a strong burning smell in the corridor"),
    ("source", "冇人燒嘢，但係走廊好大陣燶味"),
    ("source", "the barbecue set the balcony on fire, flames everywhere, come now"),
    ("past", "上次水浸過，而家又水浸，水已經過咗腳眼"),
    ("past", "the flood last year was bad and now the car park is flooding again right now"),
    ("past", "去年冒过火花的插座，现在又在冒烟了"),
    ("past", "琴日已經報過，今日大堂又水浸，即刻派人嚟"),
    ("slow", "水管爆咗，水哗哗咁喷出嚟"),
    ("slow", "the toilet pipe burst and water is pouring out"),
    ("question", "請即刻派人上嚟，部𨋢困住人"),
    ("question", "help, we are stuck in the lift"),
    ("denial", "冇人受傷，但係走廊好大陣煤氣味"),
    ("denial", "有冇人知點算，好大陣煤氣味"),
]


@pytest.mark.parametrize(("why", "text"), LOOK_ALIKE_KINDS)
def test_look_alike_kinds_are_not_emergencies(why: str, text: str) -> None:
    assert emergency_signal(normalise(text)) is None, (why, text)


@pytest.mark.parametrize(("why", "text"), STILL_EMERGENCIES)
def test_same_words_in_an_emergency_still_fire(why: str, text: str) -> None:
    assert emergency_signal(normalise(text)) is not None, (why, text)


# The kinds the rules learned from the dev set's misses of the twelfth round, each in words of its own and beside
# the look-alikes that share those words (the dev lines themselves are scored by ``estatedesk nlu eval``).
MORE_KINDS: list[tuple[str, str]] = [
    # Inside a lift that does not move, said with the lift first and who is inside after.
    ("trapped", "Lift not moving. My mum is inside, Block 2"),
    ("trapped", "我同阿妈喺 lift 入面 部 lift 唔郁呀"),
    ("trapped", "我在电梯里 电梯不动了 快来人"),
    # Water shooting out of a pipe, pouring in through a door or window, running down a basement ramp.
    ("flood", "廚房條喉射水，射到成屋都係"),
    ("flood", "水龍頭甩咗 啲水標到天花"),
    ("flood", "大雨 水从窗口涌进房间 地上全湿了"),
    ("flood", "地下车库坡道 外面的水一直往下冲"),
    ("flood", "the basement flooded in 2018 and now water is gushing down the ramp again"),
    # LPG and town gas by their names.
    ("gas", "strong LPG smell in the 3/F corridor"),
    ("gas", "there's a towngas leak at the meter outside 12B"),
    # A burnt plastic or rubber smell, something smouldering, a thick cloud.
    ("fire", "burning rubber smell on the 8th floor, can't find where"),
    ("fire", "something is smouldering in the bin room, my throat hurts"),
    ("fire", "thick black fumes coming out of the electrical room"),
    # Coming down now, or about to.
    ("collapse", "the shop canopy over the bus stop has collapsed onto the pavement"),
    ("collapse", "chunks of concrete are falling from the balcony above"),
    ("collapse", "我哋露台個天花好似就快冧，一直有嘢跌落嚟"),
    ("collapse", "外墙大片瓷砖掉下楼下平台 上面还有松动的"),
    # Unconscious, unresponsive, bleeding that will not stop.
    ("injury", "保安，平台有個伯伯倒咗喺地，叫佢唔應"),
    ("injury", "电梯口有个阿姨晕倒了，没有意识"),
    ("injury", "my son cut his leg on the broken glass and we can't stop the bleeding"),
    ("injury", "an old man on the podium is unresponsive"),
]
MORE_LOOK_ALIKES: list[tuple[str, str]] = [
    ("supposed", "消防通道又俾車泊滿，萬一有火警點算？請即刻處理"),
    ("supposed", "the fire lane is blocked again, if there was a fire the engines could not get in, please act now"),
    ("story", "I reported a gas smell and the guard came an hour later. If it was a real leak we'd be dead."),
    ("over", "the burnt plastic smell was my son's toaster, sorry for calling"),
    ("one piece", "外牆有塊紙皮石跌咗落行人路，好彩冇人經過"),
    ("water gun", "啲細路喺平台玩射水槍射到周圍濕晒"),
    ("shelf", "small pieces of plaster keep coming down in the stairwell"),
    ("past", "last month the basement flooded and now I want to know about the insurance"),
    ("just a door", "knocked on 12A for ten minutes and no one answered"),
]


# The kinds behind the fourteenth round's dev misses, in words of their own.
MORE_KINDS += [
    # A lift that does not move with someone still inside; "N of us in here".
    ("trapped", "我哋部𨋢唔郁咗，入面仲有個婆婆"),
    ("trapped", "elevator jammed, three of us in here"),
    ("trapped", "lift stopped between floors, two kids in there"),
    # Flames to be seen; smoke coming out of something.
    ("fire", "the flat across the podium is ablaze"),
    ("fire", "flames coming out of 7C's window"),
    ("fire", "廁所抽氣扇有少少煙出嚟"),
    # A plug or socket hot enough to melt.
    ("electric", "拖板個插頭熱到溶咗"),
    # Water spraying "like a fountain"; water that keeps coming in, or over the doorsill.
    ("flood", "爆咗條喉，啲水好似噴泉咁"),
    ("flood", "the pipe under the sink split and water is spraying like a fountain"),
    ("flood", "rain water keeps coming in under the balcony door"),
    ("flood", "水漫过门槛流到走廊"),
    # A ceiling that came down on someone.
    ("collapse", "a piece of the ceiling fell on my dad's head"),
    ("collapse", "天花石屎跌落嚟打中我阿媽"),
    # Fainted ("昏咗過去"), or cannot be woken ("喊不醒").
    ("injury", "有個清潔姐姐喺後樓梯昏咗過去"),
    ("injury", "老人家倒在花园 喊不醒"),
]
MORE_LOOK_ALIKES += [
    ("a real fountain", "the kids were splashing in the fountain"),
    ("a real fountain", "我哋想喺花園整個噴泉"),
    ("denied", "冇煙出嚟，只係有啲味"),
    ("cooking fumes", "厨房抽油烟机有油烟出来"),
    ("paint", "the ceiling paint fell on my bed"),
    ("past", "the lift was stuck last week with three of us in here"),
    ("over", "插蘇好似溶咗少少，而家冇插喇"),
    ("a slow lift", "the lift is slow, two kids in it always press all buttons"),
]


# The kinds behind a fresh probe's misses (two writers of no other file, the fifteenth round), in words of their own.
MORE_KINDS += [
    # A new emergency after a past one, with "now." said on its own and a plea after it.
    ("gas", "smell of gas in the lobby again, like in March. now! please come"),
    # Water coming through a light fitting or a socket.
    ("flood", "reported the leak yesterday but now water is dripping out of the ceiling light in the kitchen"),
    # Still leaking though the caller already turned something off ("已经关了灶 还在漏气").
    ("gas", "我已经关了炉头 但条煤气喉仲喺度漏紧气 嘶嘶声"),
    # From the danger probe: smoke from under a door whatever alarm is beeping, a smell getting stronger after the
    # stove is off, "not a drill" after a past drill, someone lying there who does not answer.
    ("fire", "对面单位门底一直冒烟 烟感报警器响个不停 敲门没人开"),
    ("fire", "smoke is seeping under the door of 23D, their smoke alarm is going"),
    ("gas", "炉头早就熄咗 但煤气味越嚟越浓"),
    ("fire", "I know there was a drill on Monday but this is no drill, real smoke in the lobby"),
    ("injury", "阿伯躺在电梯口，叫也不应"),
]
MORE_LOOK_ALIKES += [
    ("over", "煤氣味冇咗喇，師傅弄好咗"),
    ("over", "烟味已经没了"),
    ("handled", "the ticket for the burst pipe was closed as done but the ceiling is still stained"),
    ("handled", "爆喉張單寫咗已完成，但係天花仲係爛"),
    ("asleep on duty", "大堂保安當值瞓覺，叫極都唔醒"),
    ("asleep on duty", "the night guard was sleeping again, knocked on the window and he would not wake up"),
    ("a hydrant", "a van is parked against the fire hydrant at the podium again"),
    ("cleared", "smelt gas near the meters earlier, the gas company checked and said no leak"),
    ("a neighbour smoking", "the tenant of 5C smokes on the landing and the smoke drifts into our flat"),
    ("the news", "there was a fire in an estate in Sha Tin on the news, are our hoses checked?"),
    ("toast", "that burning smell every morning is 8F burning their toast again"),
    ("fogging", "花园又在打烟雾灭蚊 到处都是白烟"),
    ("not yet", "馬桶塞咗 水未溢出嚟 麻煩嚟通"),
    ("thanks", "多謝你哋即刻派人嚟處理爆喉，而家冇事喇"),
    ("idiom", "管理费又加 我气到成个人冒烟"),
    # "At once" after a time gone by tells how fast help came then, also with the time between "you" and "at once".
    ("thanks", "你哋上個禮拜即刻派師傅嚟整好爆喉，真係要讚"),
    ("thanks", "你们昨天立即派人来处理水管爆裂，谢谢师傅"),
    ("slow", "bath drains really slow, I stand ankle deep in water after every shower"),
    ("not yet", "the balcony floor drain is gurgling, not yet overflowing but smells bad"),
]
MORE_KINDS += [
    # Handling asked for at once, in a formal letter: "请即时派员处理" is no complaint about how it was handled.
    ("flood", "致管理處：B2停車場現正嚴重入水，懇請即時派員處理"),
]
MORE_LOOK_ALIKES += [
    ("past", "the insurer needs the CCTV from the day of the fire in the bin room"),
]
# The twentieth round's probes of short English messages: abbreviations of the past, doors that "wont open" on
# people inside, a question about what will happen, and the danger going on "now" after its word.
MORE_KINDS += [
    ("trapped", "elevator doors cant open, im inside blk 2"),
    ("flood", "B1 carpark flooding now!! will the cars be ok??"),
]
MORE_LOOK_ALIKES += [
    ("past", "passed out in the gym last wk, the guard was useless"),
    ("past", "pipe burst 12C yday, all ok now thx"),
    ("question", "will the podium flood again in the black rain tmr?"),
    ("question", "if smell gas at night, call who?"),
    ("not water", "smoke pouring in from the neighbours' bbq again, is that allowed"),
    ("furniture", "the shelf on my balcony collapsed in the wind"),
]
# The twenty-first round's probes: an emergency in a helper's words on the phone, a wall coming down now; and their
# look-alikes: water that comes in only when it rains, a repair already done, compensation (赔), a fire "a while
# ago" (前阵子), incense lit, a garden sprinkler, a false fire alarm, a number saved "just in case", and a question
# about what could happen.
MORE_KINDS += [
    ("injury", "pls come my sir he faint in bathroom, he not talking, tower 3 19F"),
    ("injury", "uncle lying on the floor of the lift lobby not responding, we called 999"),
    ("collapse", "後樓梯道牆冧緊 啲石屎一嚿嚿咁跌"),
]
MORE_LOOK_ALIKES += [
    ("habit", "每逢落大雨 露台就有水灌入屋 想整下個去水"),
    ("habit", "water gushing in under the balcony door whenever it rains, can the sill be raised"),
    ("fixed", "burst pipe on the podium fixed but the planters are still soaked"),
    ("compensation", "水管爆的那家到底赔不赔我的地板"),
    ("past", "前段时间12栋起火 外墙现在还是黑的 什么时候清洗"),
    ("harmless source", "楼下阿婆每日喺门口点香 成条走廊烟雾弥漫"),
    ("harmless water", "花园的喷灌头一直喷水到人行道上，走路都湿"),
    ("false alarm", "fire alarm rang at 2am and it was false again, third time this month"),
    ("just in case", "what's the hotline to report a gas leak after office hours? asking just in case"),
    ("question", "might the car park flood when the T8 comes tomorrow? should we move the cars up"),
    ("denied", "车库的排水沟盖子裂了 暂时没进水 先报一下"),
]
# The twenty-second round's follow-ups: a danger back again after a repair or an earlier visit is happening now
# ("again", 又, someone sent for now, the family already out of the flat), whatever the past beside it; and
# look-alikes: "ytd", the night something burst as a time, a call-out fee, cigarettes and weed in words a
# non-native writer uses, a cracked pipe that seeps.
MORE_KINDS += [
    ("electric", "the switch they changed last week is sparking, send someone now"),
    ("gas", "gas smell again in the kitchen like last month, we are outside the flat, Block 2 8C"),
    ("gas", "又闻到煤气味 上星期师傅先嚟整过 而家喺楼下等紧"),
    ("flood", "the pipe the plumber fixed yesterday burst again, water spraying all over"),
]
MORE_LOOK_ALIKES += [
    ("past", "smoke from the meter room ytd, checked ok, pls confirm report"),
    ("past", "who pays for the plumber the night our pipe burst? he charged 800"),
    ("fee", "why emergency callout fee for the gas leak check, it was not my fault"),
    ("cigarettes", "uncle 12F smoke weed on the stairs every night"),
    ("cigarettes", "cleaners smoke in the bin room, whole floor smells"),
    ("seeping", "空调排水管裂了 一直往墙里渗"),
]
# The twenty-third round's probes: tiles or glass that crack (爆裂) are no burst pipe, and a fire supposed by its
# consequence ("真着火了消防车都进不来") is no fire; a fire told as it is still counts.
MORE_KINDS += [
    ("fire", "厨房真着火了 快来人"),
]
MORE_LOOK_ALIKES += [
    ("tiles", "厕所地砖爆裂翘起来了 踩上去会响"),
    ("supposed", "楼下消防通道停满电单车 真系有火警消防员都入唔到"),
]
# The twenty-fourth round: the danger over by the time the message is written (the smell gone once the window was
# opened, the water stopped at the main valve), beside the same words while it goes on.
MORE_LOOK_ALIKES += [
    ("smell gone", "下午闻到一阵煤气味 开了窗就散了 还是想请人来检查一下"),
    ("smell gone", "廚房啲煤氣味 開咗抽氣扇之後冇咗 聽日嚟睇下得唔得"),
    ("water stopped", "洗衣机的进水管爆开了 我关了总阀 已经不漏了 周末来换就行"),
    ("water stopped", "浴室條喉爆咗 閂咗總掣 而家唔漏喇 聽朝先嚟整"),
    # Nobody inside, or someone only supposed inside.
    ("nobody inside", "上星期修好的电梯又停在3楼 没人在里面 门打不开"),
    ("supposed", "if someone is stuck in the lift at night, does the bell ring in the guard room?"),
]
MORE_KINDS += [
    # Someone inside a lift now, whatever was fixed before: the past beside it does not make it over.
    ("trapped", "前几天才修好的电梯又停了 我妈在里面 门打不开"),
    ("trapped", "琴日整完部𨋢又停咗喺12樓 我個仔喺入面出唔到"),
    ("trapped", "they fixed the lift on monday, it has stopped again and my dad is stuck inside, block 3"),
    ("flood", "厨房水管爆了 关了总阀还在喷 快来人"),
    ("gas", "煤气味好大 电都没了 快点派人"),
]
# The twenty-sixth round: the danger now after a repair or an earlier report, said with "now" in its sentence or as
# something still going on (still inside, still strong, past stopping), and words the rules did not know.
MORE_KINDS += [
    ("gas", "上个月燃气公司来换过软管 现在灶台那边又有嘶嘶的声音 味道很冲"),
    ("gas", "廚房爐頭後面一路有嘶嘶聲 好驚"),
    ("trapped", "部𨋢上星期先保養完 頭先停咗喺十樓 我阿媽仲困喺入面"),
    ("trapped", "电梯昨天才修过，刚刚走到一半停了，门打不开，我们还在里面"),
    ("flood", "師傅前日先換咗個角閥 頭先突然爆開 而家水射到成廚房都係"),
    ("flood", "the plumber fitted a new valve yesterday, just now the joint burst and it's spraying everywhere"),
    ("flood", "洗手盆下面条喉爆咗 总阀都关不住 水一直喷"),
    ("gas", "阀门已经关了窗也开了 煤气味还是很浓"),
    ("collapse", "天花漏咗成個月冇人理 而家成塊天花板跌咗一大塊落嚟"),
]
MORE_LOOK_ALIKES += [
    ("cooking", "个炉头而家着火好慢 要按好耐先着"),
    ("detector", "屋企個火警感應器成晚嗶嗶聲 換咗電都冇用"),
    ("fogging", "今日小区是不是在消杀 楼下好多烟雾"),
    ("figure of speech", "the podium car park gets flooded with visitors' cars every sunday"),
    ("figure of speech", "小区门口每天被外卖电动车塞满了"),
    ("insurer", "my insurer wants a letter with the date the pipe burst in our kitchen"),
    ("compound", "why were three fire engines parked outside block 2 last night?"),
    ("compound", "we still have not been paid for our flood losses from august"),
    ("for nothing", "the smoke alarm went off twice last night for no reason, please check it"),
    ("help given", "I'd like to complain that during the flood nobody came to help us move the cars"),
    ("not gas", "後樓梯有陣臭雞蛋味 係啲垃圾嚟 唔係煤氣"),
    ("checked", "早兩日聞到煤氣味 煤氣公司睇過話冇事 想要份報告"),
    # The twenty-eighth round's look-alikes, in other words: a window rattling, a tank filling, cooking and paper
    # offerings named as the smell's source, a fire system tested, a rescue over, a stove that will not fire up,
    # gas denied with a verb of saying between, a danger feared "before someone gets trapped".
    ("rattling", "露台趟門玻璃裂咗 一落雨打風就哗哗响"),
    ("tank filling", "天台水箱个浮波坏了 半夜成日听到水声哗哗 吵到瞓唔着"),
    ("cooking", "成條走廊一陣燒焦味 原來係對面屋炸緊雞翼 佢哋唔開抽油煙機"),
    ("cooking", "楼道里有股烧焦味，问了一圈，是楼下在煎咸鱼"),
    ("offerings", "burning smell in the corridor, it's the family next door burning paper offerings for the festival"),
    ("tested", "頭先大堂有啲煙味 原來係消防公司喺度試緊消防系統"),
    ("over", "头先困人嗰单已经解决咗 人都出嚟咗 唔该晒"),
    ("stove", "there's no smell at all, the hob just won't fire up, it only clicks"),
    ("denied", "唔係講漏煤氣 係個熱水爐著唔到 冇咩味"),
    ("feared", "the lift alarm button does nothing, please fix it before somebody gets stuck"),
    # The twenty-ninth round's, in other words: an idiom, the smell gone, a rumour asked about, a false alarm,
    # a fire supposed by its consequence, no water coming up, the people out of a lift.
    ("idiom", "honestly the booking system is a complete dumpster fire, I gave up after three tries"),
    ("gone", "smelled gas near the meter room this morning but the engineer came, it's all gone now"),
    ("rumour", "街坊群组有人话五座有火警，系咪真㗎？我喺外面"),
    ("rumour", "邻居说地库进水了，真的假的？我车还停在下面"),
    ("false alarm", "火警钟半夜又响 全座人走落楼 结果又系假警报"),
    ("false alarm", "the fire alarm went off again at 2am, another false alarm, please sort it out"),
    ("supposed", "后楼梯堆满纸箱，真着火了大家都逃不出去"),
    ("no water up", "厕所地漏有臭味 冇水冒上嚟 就系臭"),
    ("out", "頭先部𨋢困人，消防到咗，佢哋已經救咗出嚟，唔該晒"),
    # The thirtieth round's: the danger's own clause in the past, whatever report is mentioned beside it; a
    # time "ago"; "nothing sparking".
    ("past clause", "上个月报修过的水管爆裂，今天师傅终于换好了，谢谢"),
    ("past clause", "之前報過升降機困人嗰單，想問下調查報告出咗未"),
    ("ago", "the ceiling collapse three months ago still has not been paid for by the insurer"),
    ("ago", "we had a gas leak two weeks ago, can you send me the engineer's report"),
    ("nothing", "water dripping near the meter box, nothing sparking yet but please check"),
    # The thirty-first round's: a storm's day and what it left, a tap running that will not close, a promise
    # that it would not happen again.
    ("storm's day", "Our car park took in water in Tuesday's black rain, when will the silt be cleaned up?"),
    ("tap", "浴室水龙头拧不紧，整晚一直哗哗流，好嘈"),
    ("promise", "after last year's pump works you said the flooding would never happen again. I want an explanation"),
    # The thirty-second round's: a suspended ceiling that sagged a little, thanks for a quick response, a gas leak
    # only "in case", the water valve shut.
    ("a little", "主卧吊顶中间往下塌了一点点，有点鼓，还没掉下来，麻烦约个时间看看"),
    ("thanks", "多谢上个礼拜吊顶掉下来时你们马上派人来，现在都弄好了"),
    ("in case", "can I get the towngas hotline number in case there's ever a gas leak at night"),
    ("valve shut", "洗碗機條入水喉爆咗，已經閂咗水掣，麻煩約個師傅上嚟"),
]
# The twenty-eighth round's emergencies the rules missed, in other words: water gushing "like a fountain" (the
# filler "like" dropped), water rushing in with the sound of it.
# The thirtieth round's emergencies after a report: the danger back or still going in its own clause, beside a
# clause that only dates an earlier report or repair ("上次你哋话整好咗", "上周刚报修过的").
# The thirty-first round's, back again after a report: English "again" after a present verb, a plea run into
# the clause before it by speech ("上个月都系咁 快啲嚟啦"), water from above "哗哗地流".
# The thirty-second round's: a suspended ceiling (吊顶) coming down, a lift stuck "with my neighbour inside" or
# "between 11 and 12" with someone in it, "it's stuck again".
MORE_KINDS += [
    ("collapse", "上次漏水泡过的那块吊顶，现在整块往下塌，砸到马桶上了"),
    ("collapse", "客厅吊顶掉下来砸到沙发，上面还有一块在晃"),
    ("trapped", "the lift at tower 3 is stuck on 9 with two of my neighbours' kids inside, please hurry"),
    ("trapped", "Lift B stopped between 14 and 15 in Block 2, my father is inside and can't open the doors"),
    ("trapped", "uh the service lift it's stuck again on G with the cleaner inside it was like this last month"),
]

MORE_KINDS += [
    ("electric", "um smoke coming from the electric room again block two same as last month please come"),
    ("flood", "water's gushing out of the light fitting again, exactly like last time"),
    ("trapped", "喂 部较又困咗人 我个仔喺入面 上次都系咁 快啲嚟呀"),
    ("flood", "楼上单位往下哗哗地流水，客厅全湿了"),
]

MORE_KINDS += [
    ("gas", "煤氣喉又有陣好勁嘅煤氣味，上個禮拜你哋話整好咗㗎，第三座"),
    ("flood", "地下停车场又进水了，一直往里灌，上个月也淹过，快派人"),
    ("gas", "厨房燃气表那里嘶嘶响，好大煤气味，前天刚报修过的"),
    ("collapse", "客厅天花一大块掉下来了，还在往下掉，就是之前报渗水那户"),
]

MORE_KINDS += [
    ("collapse", "厨房天花一直在掉水泥块，刚才又掉了一大块在灶台上"),
    ("collapse", "浴室天花仲跌緊石屎嚿 我哋已經走咗出廳"),
    ("fire", "后楼梯垃圾房有浓烟涌出来，整层都是烟"),
    ("flood", "the riser pipe by the stairs is gushing water like a fountain down to the 9th floor, come now"),
    ("flood", "地库入口有水涌入嚟 水聲哗哗咁流落去停車場 越嚟越深"),
]

# Kinds from the thirty-second round's dev set: sparks said 火星, a formal notice of someone shut in the lift car
# (困於機廂), a hose "spraying like a fountain", a strong gas smell with a fear of what may come of it.
MORE_KINDS += [
    ("electric", "拖板一開就有火星噴出嚟，啪一聲，而家唔敢用"),
    ("electric", "墙上的开关按下去火星四溅，还有股焦味"),
    ("trapped", "第二座升降機停於五樓，一名住客困於機廂之內，請速派員。"),
    ("trapped", "电梯轿厢卡在九楼，有人困在轿厢里面出不来"),
    ("flood", "the washer hose popped off and it's spurting like a fountain all over the floor"),
    ("gas", "樓下單位好大陣石油氣味，拍門冇人應，會唔會出事㗎"),
]

MORE_LOOK_ALIKES += [
    (
        "a question whether it was a test",
        "the fire bell went off last night, was it a test or a real fire? nobody told us",
    ),
    ("a simile", "我急到好似着咗火咁，張單幾時先批？"),
    ("Mars", "個仔問點解火星係紅色，佢話管理處有本書講"),
]

# Kinds from the thirty-third round's probes: a danger in a later matter of a message of several ("另外", "also,
# more urgently"), a smell "back" and "stronger now", the danger back in a clause of its own (又好大陣), the past
# that only names the thing once repaired (上次整完嗰條喉), stuck between floors without the lift named, "hurry".
MORE_KINDS += [
    (
        "gas",
        "Two things: my parking permit renewal from last month still isn't processed. Also, more urgently, "
        "the corridor outside 12F smells strongly of gas",
    ),
    ("flood", "上个月的物业费收据还没给我。另外，地下室储物间现在水漫进来了，越来越多"),
    ("electric", "that burning smell from the meter cupboard is back, same as on Sunday, and it's worse now"),
    ("gas", "上個禮拜報過嗰度，今晚廚房又好濃煤氣味，同上次一樣"),
    ("flood", "前几天换过的那条水管又爆开了，水一直往外喷"),
    ("trapped", "we're stuck between 3 and 4, three of us in here, the alarm button does nothing"),
]

MORE_LOOK_ALIKES += [
    ("a rumour asked about", "heard a rumour there was a fire in tower 6 last night? is that true, nobody told us"),
    ("no burning smell", "fridge stopped working, no burning smell, just dead. Can an electrician check the socket?"),
    ("a ceiling denied falling", "the bathroom ceiling is not collapsing, but the board is sagging a bit, pls check"),
    ("feared some day", "走廊啲電線外皮爛晒，遲早會着火，麻煩安排人整"),
    ("whenever the water is turned on", "洗手盆水喉一開水就射到周圍都係，可唔可以約師傅"),
    ("how fast help came before", "上次條煤氣喉漏氣，你哋半夜都即刻派人嚟，好多謝"),
]

# Kinds from the thirty-fourth round's probes: a lump of ceiling (成嚿, and the recogniser's 成舊), a pipe hissing
# with a smell, not daring to switch on a light; look-alikes: after the burst or the flood, weeks gone by, an RCD
# tripping (漏电开关), a lift "moving again now".
MORE_KINDS += [
    ("collapse", "露台天花一大嚿石屎跌咗落嚟，差啲掟中我阿媽"),
    ("collapse", "喂 我 廚房 天花 成 舊 石屎 跌 咗 落嚟 呀"),
    ("gas", "走廊嗰條喉一路嘶嘶聲，仲有陣怪味，12座"),
    ("gas", "一开门就闻到很重的煤气味，我们不敢开灯，全家在楼梯间等"),
]

MORE_LOOK_ALIKES += [
    ("after the flood", "地库水浸之后啲车位地台仲有泥，几时洗？"),
    ("after the burst", "水喉爆咗之後，廚房地板啲木起晒拱，保險點計？"),
    ("weeks gone by", "大堂天花塌下来那里已经三个星期了，还是用胶纸封着"),
    ("an RCD", "电箱的漏电开关一下雨就跳闸，请电工来看看"),
    ("a lift running again", "the lift got stuck for a bit with me in it but it's working again now, please check it"),
]

# Kinds from the thirty-fifth round's probes. Found: smoking now (冒緊煙), a smell of smoke growing stronger, sparks
# flying (蹦火星), rotten eggs with gas named, someone inside a lift named after its place, "stuck in the Block 7
# lift", a joint burst again (又爆返), a lobby taking in water, sewage coming out, "a big piece just came down", "I
# smell it again", a matter begun with 對了 or 仲有樣嘢, the past only compared ("same problem like two weeks ago").
# Not flagged: a fear for some day (有日, 哪天), in case of (如遇), a rumour in a chat group, over now (而家開返冇事,
# 恢復正常), moxibustion and burnt congee as sources, "there was a fire", "weeks since", "still shaken from being
# stuck", "was that a test", thanks for help already given, a bill for the burst pipe.
MORE_KINDS += [
    ("electric", "垃圾房門口個電箱冒緊煙，成條走廊都係膠味"),
    ("fire", "而家客廳有陣煙味，唔知邊度嚟，越嚟越濃"),
    ("electric", "充电的电动车那里一直蹦火星，还有焦味"),
    ("gas", "灶台那边一股烂鸡蛋的味道，是不是燃气漏了"),
    ("trapped", "我而家喺停車場嗰部𨋢入面，停咗唔郁，門開唔到"),
    ("trapped", "we're stuck in the Tower 3 service lift, it stopped and the doors won't open"),
    ("flood", "上星期先整完個水龍頭，今朝又爆返，水射到成地都係"),
    ("flood", "大堂门口开始进水了，雨水一直往里灌"),
    ("flood", "sewage coming out of the shower drain and spreading into the bedroom"),
    ("collapse", "part of the lobby ceiling fell last month, and now a big piece just came down next to the mailboxes"),
    ("gas", "There was a gas leak here in March. Now I smell it again, near the meter"),
    ("gas", "我想問管理費幾時交，對了，而家後樓梯好大陣煤氣味"),
    ("flood", "same thing as last year, the toilet is overflowing and sewage is all over the floor"),
    # Compared with "like", which the rules read as a filler.
    ("flood", "um same problem like a month ago, the toilet is overflowing and sewage is all over the floor"),
]

MORE_LOOK_ALIKES += [
    ("feared for some day", "屋企啲電線好舊，怕哪天會起火，可唔可以安排檢查"),
    ("in case of", "請問如遇火警時，行動不便嘅住戶點樣疏散？"),
    ("a rumour in a chat group", "群里有人说3号楼着火了，是真的吗？"),
    ("over now", "頭先個插蘇閃咗下火花，而家開返冇事，想搵人睇下"),
    ("a source named", "走廊有陣燶味，原來係隔籬煲燶咗飯"),
    ("there was a fire", "my neighbour says there was a fire in the bin room overnight, is the corridor safe to use?"),
    ("weeks since", "it's been two weeks since the ceiling came down in the gym and it's still taped off"),
    ("still shaken", "my son is still shaken from being stuck in the lift, can someone explain what went wrong?"),
    ("was that a test", "the fire bell rang twice this morning and stopped. was that a test?"),
    ("thanks for help given", "thanks for the quick help with the flooded car park yesterday, the guard was great"),
    ("a bill for it", "the invoice you sent for the burst pipe repair is too high, please check"),
]

# Kinds from the thirty-sixth round's probes (danger in unusual English, mainland Chinese, Cantonese mixed with
# English). Found: water spreading or reaching the next room, "squirting everywhere", a water main burst, a toilet or
# floor drain backing up into the flat, a lift that "shut people in" (关人), doors that will not open on someone
# inside, "I'm in the lift and it's not moving", stuck halfway with people inside, flames seen, a corridor full of
# smoke, a weird gas smell, a rotten-egg smell getting stronger, hissing by an LPG cylinder, "gas 味", a socket
# crackling, someone fallen and not waking, pieces of ceiling or wall coming down, "today" before the danger (今天,
# 今晚). Not flagged: a fire "waiting to happen", a video posted online, a notice about an evacuation, thanks to
# the night shift, "the time my grandpa fainted", "just got out", "stopped sparking", "probably just dust", "should I
# worry about fire", an empty car, "just steam", a coin-sized piece, cigarette ends (烟头), "冇 gas 味".
MORE_KINDS += [
    ("flood", "the washing machine outlet is pouring water and it has reached the living room rug, flat 9F"),
    ("flood", "the hose by the sink snapped and water is squirting everywhere, Block 3 15C"),
    ("flood", "卫生间马桶往上冒脏水，已经流到卧室门口了，2号楼701"),
    ("trapped", "5号楼西边电梯关人了，按铃没人应"),
    ("trapped", "im in the lift with my little sister and its not moving, the door is shut, tower 7"),
    ("trapped", "电梯卡在半截，里面有两个老人，3号楼"),
    ("fire", "I can see flames behind the bin store next to the car park entrance"),
    ("fire", "七楼走廊全是烟，什么都看不清"),
    ("gas", "the whole landing smells weird like gas and it's getting worse"),
    ("gas", "hissing from the LPG cylinder hose on the rooftop cafe, strong smell, please come"),
    ("gas", "成個廚房好大陣 gas 味，開咗窗都冇用"),
    ("electric", "the bedroom socket is hot and crackling, I switched off at the wall"),
    ("injury", "my dad fell down the stairs and he's not waking up, there is blood on his head, flat 3B"),
    ("collapse", "chunks of the bathroom ceiling fell into the basin and more plaster is hanging loose"),
    ("gas", "上礼拜报过燃气味，今天一开门又是一股很冲的煤气味"),
]

MORE_LOOK_ALIKES += [
    ("a figure of speech", "those piles of cardboard in the stairwell are a fire waiting to happen"),
    ("a video online", "someone posted a video of a flooded lobby on facebook, is that our estate? looks dry now"),
    ("a notice", "the notice about the gas leak drill was only in Chinese, please send English too"),
    ("thanks", "want to thank the night shift for handling the flood in the car park so fast"),
    ("over", "my wife got stuck in the lift earlier but she just got out, please check the lift though"),
    ("over", "the socket stopped sparking after I switched off the breaker, can someone come tomorrow"),
    ("feared", "our wiring is thirty years old, should I worry about fire?"),
    ("an empty car", "the service lift has been stuck at 3/F all morning, empty, doors open"),
    ("steam", "white smoke from the roof vent? the guard says it's just steam"),
    ("a tiny piece", "a coin-sized piece of plaster fell from the ceiling, rest looks fine"),
    ("cigarette ends", "楼道地上全是烟头，保洁好几天没来了"),
    ("no gas smell", "爐頭點唔著火，但冇 gas 味，想搵師傅睇下"),
]

# The thirty-seventh round's misses, in other words: a lift named by its number and tower, a resident who has "been
# in the lift" for a while, a matter counted off after others ("and third,") or broken off for ("hang on"), a smell
# "getting stronger", doubt that is no supposition ("not sure if it's anything"), water flowing into a lobby,
# sewage backing up over a room, a jet of water, a ceiling down onto a bed, an outside wall coming away in sheets,
# someone named by who they are collapsed, a past aside ("she fell here last month too", "一月都试过"), the date of a
# repair ("the switch they fixed yesterday is smoking"), 燶味 beside a silent smoke detector, 又被困.
MORE_KINDS += [
    ("trapped", "we've been in the lift at Block 9 for half an hour, it stopped and the doors won't open"),
    ("trapped", "right now I'm stuck inside lift 4 of Tower 2, it jerked and stopped, doors shut, three of us in here"),
    (
        "gas",
        "Hi, a few things: first the gym aircon is weak, second my parking label is wrong, and third, there is a smell"
        " of gas on our landing",
    ),
    ("gas", "there's been a slight gas smell near the stairs since lunch and it's getting much stronger"),
    ("flood", "not sure if it matters but rain water is now pouring into the Tower 5 lobby from the podium"),
    ("flood", "the guy changed our shower valve, oh wait, the fitting just blew off and water is spraying everywhere"),
    ("flood", "廁所去水位倒灌污水，浸晒成個廁所"),
    ("flood", "洗衣机地漏往上冒脏水，整个浴室都淹了"),
    ("flood", "天花突然有條水柱噴落嚟，成個廳都濕晒"),
    ("collapse", "the ceiling just fell onto my son's bed, plaster everywhere, flat 8A"),
    ("collapse", "大厦外墙大片往下掉，下面就是停车场"),
    ("injury", "my father in 3C collapsed in the lift lobby and can't talk, she fell here last year too"),
    ("injury", "阿婆喺大堂暈低咗，叫唔醒，上個月佢都喺度跌過"),
    ("flood", "屋企門口又倒灌污水，成個廳都浸，舊年十月都試過"),
    ("electric", "the switch your electrician fixed yesterday is smoking and smells hot"),
    ("fire", "我間屋有好濃燶味，唔知邊度嚟，煙霧感應器都未響"),
    ("trapped", "阿爺又被困𨋢，同上次一樣卡喺兩層中間"),
]

# Its false alarms, in other words: the week of a burst, a crack opening again, sparks once and not again, the floor
# dried, a gas smell "not a gas leak", a crack feared to fall one day, a gas test, a question whether pipes could
# burst, a report ignored, a building site's smoke, people saying, praise and a dog's barking "on fire", the fire
# alarm panel, a rumour asked about, out by oneself, 的话, a fear that no one would know.
MORE_LOOK_ALIKES += [
    ("the week of a burst", "爆喉嗰個星期嘅電費都貴咗，可唔可以減？"),
    ("the week of a burst", "could you waive the water charge for the week of the flood in our flat?"),
    ("a crack again", "客廳條裂縫補完又爆開，越嚟越長"),
    ("once", "the extension plug sparked once last night, hasn't sparked again, can someone check it"),
    ("dried", "the water in the car park has dried but the paint lines are gone"),
    ("not gas", "it is not a gas leak, the plumber says it is the sewer trap, please clean it"),
    ("feared", "worried that the loose tiles on the outside wall might fall one day"),
    ("a gas test", "we smelled gas during the gas testing this morning, is that expected?"),
    ("asked", "when you replace the risers will the pressure be too high, can the old pipes burst?"),
    ("ignored", "the guard ignored my report of the smell of gas until the gas company came, unacceptable"),
    ("a site", "smoke from the building site keeps blowing into our flat"),
    ("people saying", "people are saying there was a fire in Block 2's bin room, anything to worry about?"),
    ("praise", "the new night guard is on fire, sorted three noise cases already"),
    ("a dog", "the husky in 5F howls as if the place is on fire every evening"),
    ("a panel", "the fire alarm panel at the Tower 3 entrance shows a fault and keeps beeping"),
    ("a rumour", "群組有人話地庫就快水浸，唔知真唔真？"),
    ("out", "困咗喺𨋢十分鐘，最後係我自己撬開門出嚟嘅，你哋管唔管？"),
    ("supposed", "請問聞到煤氣味的話應該點做？"),
    ("feared", "我阿爸自己住，好怕佢暈低冇人知，可唔可以幫手留意下"),
    # The thirty-eighth round: a toilet running on after the flush.
    ("a running toilet", "坐厕冲完之后水箱一直哗哗咁流，停唔到"),
]

# Water running out of the toilet into the flat still is one.
MORE_KINDS += [("flood", "马桶的水哗哗地流到客厅了，关不住")]

# The thirty-ninth round: a fountain of water from a burst main (not the garden's fountain), and a danger told after a
# colon that ends a follow-up; its look-alikes: following up, a simile ending in 了, what to do when trapped (asked to
# teach a child), a notice of planned works, a fitting fallen from the ceiling.
MORE_KINDS += [
    ("flood", "the main pipe by the car park ramp broke, a fountain of water spraying over the cars"),
    ("flood", "Following up on my ticket from Tuesday: the washer hose just burst, water spraying all over"),
    # Water coming in now ("入紧水", "涌入") beside the flood of an earlier storm.
    ("flood", "上次落大雨入过水，而家走廊又入紧水，啲水不停涌入屋"),
]
MORE_LOOK_ALIKES += [
    ("following up", "following up on the burning smell I reported last night, did the electrician find the cause?"),
    ("a simile", "管理处催交费催得像着火了一样，可以宽限几天吗"),
    ("what to do", "困電梯嘅時候應該點做？想教下個仔"),
    ("a notice", "通知说下周二因为爆管抢修要停水两小时，会影响电梯吗"),
    ("a fitting", "the lamp cover on the kitchen ceiling fell down this morning, luckily nobody was hurt, please fix"),
]

# The fortieth round: a gas smell still there after the valve is shut; its look-alikes: a leak feared of an old
# heater, a child's joke about the lift, a burning smell from renovation cutting, an inbox "on fire", a fire alarm's
# parts and wardens, an alarm that rang and stopped, mud left after a burst pipe was fixed, a smoke detector said
# with a filler.
MORE_KINDS += [
    ("gas", "廚房煤氣味好濃，個掣已經閂咗仍然有味，點算"),
]
MORE_LOOK_ALIKES += [
    ("a leak feared", "個熱水爐用咗十幾年，係咪要換？怕佢漏煤氣"),
    ("a joke", "我女讲笑话被困电梯，其实冇事，sorry"),
    ("renovation cutting", "隔离装修成日切瓷砖，有阵烧焦味，好嘈"),
    ("renovation cutting", "burning smell from the angle grinder next door, they have been at it all day"),
    ("a figure of speech", "my phone is on fire with your reminders, please stop the SMS"),
    ("a fire alarm's parts", "the glass on the fire alarm call point by the lift is cracked"),
    ("volunteers", "are you looking for fire wardens for tower 2? happy to help"),
    ("an alarm that stopped", "火警钟响了一会儿又停了，是不是在测试？"),
    ("a repair finished", "师傅修完爆喉，走廊成地都系泥，无人抹"),
    ("a smoke detector", "我屋企个烟雾 乜嘢 感应器成日嗶嗶声"),
]

# The forty-first round: a main "gushing up like a fountain"; its look-alikes: a lift nearly trapping someone, a fire
# feared and found not to be one, herbal medicine or steam taken for smoke, toast, sparks or a gas smell not seen or
# smelt (没看到, 没闻到), a fire supposed by the question it raises, news of a fire elsewhere, fire-retardant netting,
# a gas-leak alarm as equipment, a tap or basin running on, "no smell or smoke".
MORE_KINDS += [
    ("flood", "the pipe under the podium burst, water is shooting up like a fountain by the bus stop"),
]
MORE_LOOK_ALIKES += [
    ("nearly trapped", "头先阿爷差啲俾部𨋢困住，门夹咗两次先开，请检查"),
    ("nearly trapped", "my son almost got trapped in lift B this morning, the door closed on him twice"),
    ("a fire feared", "我仲以为火警，原来系楼下烧烤，冇事"),
    ("a fire feared", "thought it was a fire but turns out it was the neighbour's smoker grill, all fine"),
    ("herbal medicine", "樓上熬中藥，成條走廊都係燶味"),
    ("steam", "洗衣房门口一直冒烟咁，其实系蒸汽，想问系咪正常"),
    ("toast", "burnt toast set off my kitchen smoke, all good now, no need to send anyone"),
    ("not seen", "插座有点松，没见到火花，就是插头老掉"),
    ("not smelt", "煤气炉点火慢，没闻到煤气味"),
    ("supposed", "消防通道堆满杂物，真失火了谁负责？"),
    ("news", "watched the news about the warehouse fire in Kwai Chung, do our fire doors close by themselves?"),
    ("compound noun", "is the new curtain in the clubhouse fire-resistant?"),
    ("equipment", "厨房的燃气泄漏探测器一直亮红灯，是不是坏了"),
    ("equipment", "do you sell gas leak detectors at the office?"),
    ("a tap", "花园个水喉坏咗，一直哗哗流"),
    ("denied with another", "the extractor fan rattles, no sparks or smoke, just loud"),
]

# The forty-second round: its look-alikes: a child out of the lift with help come (还好保安就到了 人没事, 等咗…先有
# 保安應), "thought it was a real fire", sparks from welding, cigarette ash with a fire feared, a burst joint already
# mopped dry. The same words while it lasts still fire.
MORE_LOOK_ALIKES += [
    ("help came", "我阿媽頭先困咗喺𨋢，好彩保安五分鐘就嚟咗，人冇事，但部𨋢要查"),
    ("help came", "老公被困电梯里，等了半小时才有技工来，你们的维保太慢了"),
    ("a real fire thought", "the alarm went off and we thought it was an actual fire, it was an unannounced drill"),
    ("welding", "电焊火花溅到我车上了，楼下施工的能不能盖块布"),
    ("cigarette ash", "楼上天天往下弹烟灰，我阳台晾的衣服都有洞，怕会烧起来"),
    ("mopped dry", "厨房水管接口爆了，已经擦干了，总阀也关了，明天来换就行"),
]
MORE_KINDS += [
    ("trapped", "我老公困咗喺𨋢入面，保安話十分鐘就到，快啲啦"),
    ("trapped", "电梯困人，人没事但是门打不开出不来"),
    ("electric", "插座在冒火花，旁边没有人在施工，快来"),
]


# The forty-third round (incidents told as stories, elderly callers, complaints). Found: a whole piece of ceiling
# coming down in an angry complaint (整块往下掉, 砸下来一大块), "my dad's inside", the past only compared ("same lift
# that broke last week"), 今次 as now, a burnt smell (焦糊味), smoke seen (看到一点烟), a smell growing stronger with a
# haze, sewage "coming back up", still heard after the tap is shut (闩咗掣都仲听到), someone inside a lift whose doors
# will not open (门打唔开 佢喺入面), "this is worse". Not flagged: people smoking as what they do ("and smoke in the
# lobby"), the aftermath ("after the flood", 淹完水, 爆喉之後, 冧咗之後), a yearly flood asked about, a lift moving
# again (郁返), pretending, a drama or a video, a gas smell gone, welding said 焊嘢, a fire supposed by what it would
# do, an aircon dripping, a smoke scare, toast burnt in Chinese.
MORE_KINDS += [
    ("collapse", "投诉几次都没用，现在卧室天花整块往下掉，刚才又砸下来一大块"),
    ("trapped", "the lift at Block 3 is stuck and my mum's inside, she can't reach the phone"),
    (
        "trapped",
        "my grandma's inside the lift in tower 2 and the doors won't open, same lift that broke down last month",
    ),
    ("flood", "上次漏水已经赔过了，今次水由天花好似落雨咁倒落嚟，地下浸到脚眼"),
    ("fire", "走廊一股焦糊味，到处找不到，还看到一点烟"),
    ("fire", "the smell was faint at first but it's getting stronger and now there's smoke in the stairwell"),
    ("flood", "sewage coming back up through the shower drain and spreading into the bedroom"),
    ("gas", "廚房煤氣喉嘶嘶聲，閂咗掣都仲聽到，好驚"),
    ("trapped", "部𨋢門打唔開，我阿爸喺入面，已經困咗十分鐘"),
    ("flood", "the lobby floods every time it rains, it did last week too but this is worse, water is pouring in"),
]
MORE_LOOK_ALIKES += [
    ("smoking", "the cleaners gather and smoke in the stairwell every afternoon"),
    ("aftermath", "after the flood our storeroom door won't close properly"),
    ("aftermath", "since the garage flooded the ticket machine has been broken"),
    ("aftermath", "车库淹完水以后墙上都是霉斑，什么时候重新刷"),
    ("aftermath", "爆喉之後地板起晒拱，幾時有人嚟睇"),
    ("aftermath", "大堂天花冧咗之後一直用鐵馬圍住，幾時整"),
    ("yearly", "每年雨季地库都会淹，今年有没有准备沙袋"),
    ("moving again", "部𨋢頭先停咗一陣，而家郁返喇，不過想你哋睇下"),
    ("pretending", "my son was pretending to be trapped in the lift on the intercom, sorry"),
    ("a drama", "我睇电视剧有人困电梯，想问我们电梯的紧急按钮在哪里"),
    ("gone", "the gas smell near the meters has gone now, the guard checked"),
    ("welding", "部𨋢有陣燒焦味，管理員話係師傅喺機房焊嘢"),
    ("supposed", "电动车在楼道充电，着了火我们老人家跑都跑不了"),
    ("aircon", "the air conditioner in the bedroom is dripping onto the bed, it keeps coming"),
    ("a scare", "who pays the locksmith from the smoke scare last night?"),
    ("toast", "刚才的焦糊味是我烤面包烤焦了，没事"),
]

# The forty-fourth round (one incident at different moments, an ordinary fortnight). Found: a mainland lift said
# 号梯 that "trapped people" (困人), an electrical cupboard smoking. Not flagged: "it's been a month since", "there'd
# been a fire", someone already got out with nobody named (已经救出来了), sparks no more (冇再閃火花), the
# electrician reset it, an area cordoned off, taken to hospital, cleaned out, a rumour in a group chat, the household
# whose ceiling came down (塌了那家), water damage done (水浸壞), a pipe cracked a little (裂了一道口子), a broken lift
# that keeps someone from the street (出唔到街), the smoke stopped, sparking "again when I walked past last night",
# feared "before it catches fire".
MORE_KINDS += [
    ("trapped", "3号梯困人了，里面有两个小孩，按铃没人应"),
    ("electric", "the meter room on 12/F has started smoking and the lights are flickering"),
    ("electric", "the switchboard keeps crackling and throwing sparks again when the heater is on"),
]
MORE_LOOK_ALIKES += [
    ("a month since", "it's been a month since my son was stuck in the lift and nobody has explained why"),
    ("there'd been", "nobody said there'd been a fire in the bin room until the notice went up"),
    ("got out", "我妈刚才困在电梯里，已经救出来了，就是电梯还停在那"),
    ("sparks no more", "電工嚟咗之後冇再閃火花，但係廚房冇電"),
    ("reset", "the breaker sparked but the electrician reset it and it's working, can someone check the panel?"),
    ("cordoned off", "part of the ceiling in the podium came down, it's cordoned off now, when will it be fixed?"),
    ("hospital", "the old man who collapsed in the lobby yesterday was taken to hospital, is there any news?"),
    ("a rumour", "someone in the wechat group says a fire started on 20/F, is that true?"),
    ("that household", "天花冧咗嗰戶幾時整好？佢哋仲住緊酒店"),
    ("damage done", "上面漏水浸坏了我的地毯，谁来赔"),
    ("a small crack", "厕所水管裂了一个小口，一直有点渗水"),
    ("out to the street", "部𨋢壞咗成個禮拜，我阿媽行唔到樓梯，出唔到街"),
    ("the smoke stopped", "I switched the breaker off and the smoke stopped, please replace the socket tomorrow"),
    ("last night", "the meter box was sparking again when we came home last night, quiet now"),
    ("feared", "the wiring in the corridor is exposed, please fix it before it catches fire"),
]

# Emergencies that the forty-first to forty-fourth rounds' look-alike rules must leave alone: a fire exclaimed
# (着火了), not supposed (着了火); "get out now"; smoke "from the fire"; someone who "has to be taken to hospital";
# mopping while the water keeps coming; "I think it's a real fire"; a grinding noise with sparks; out of a lift
# that stopped again with someone still inside.
MORE_KINDS += [
    ("fire", "着火了！我哋都走唔到出去，救命"),
    ("fire", "thick smoke in the lobby, get everyone out now"),
    ("fire", "smoke from the fire on 9/F is coming into our flat"),
    ("injury", "my mother collapsed and is unconscious, she needs to be taken to hospital"),
    ("flood", "已经拖干咗三次，但水仲系不停涌入嚟，停车场越嚟越深"),
    ("fire", "I think it's a real fire, there's smoke in the stairwell"),
    ("electric", "the plug makes a grinding sound and sparks are flying out"),
    ("trapped", "部𨋢郁返一陣又停咗，我同個仔仲喺入面"),
]
MORE_LOOK_ALIKES += [
    ("what the flood left", "mud from the flood is still on the car park ramp"),
    ("what the flood left", "our bikes were ruined in the basement flood, who pays?"),
    ("a compound noun", "someone keeps sleeping in the fire stairs on 5/F"),
]

# The forty-fifth round: someone who fainted "while" doing something and will not wake now; water damage done and an
# account demanded, what soaked in a flood, and a car a flood left behind are the aftermath.
MORE_KINDS += [
    ("injury", "我老婆喺大堂等𨋢嗰陣暈低咗，拍極都唔醒"),
    ("injury", "有个阿姨买菜回来的时候晕倒了，到现在还没醒"),
    # Water with sparks is the electrics' emergency: the power is cut before anyone goes near the water.
    ("electric", "the switch room in the basement is flooding and the panel is sparking"),
    ("electric", "水錶房入晒水，個電箱仲閃緊火花"),
]
MORE_LOOK_ALIKES += [
    ("damage done", "地下室被淹，我放在储物间的书全泡坏了，物业要给个说法"),
    ("an account demanded", "停车场上个礼拜水浸，我架车浸坏咗，管理處要俾個交代"),
    ("after it soaked", "电梯井泡过水之后按钮有时候不灵"),
    ("a vehicle the flood left", "there is a flooded van parked across two bays since the storm, please tow it"),
]

# The forty-sixth round: petrol leaking; someone down who does not answer or react (跌低咗 叫極都唔應, 冇反應);
# flooding as it goes on (浸緊); a fright that asks whether it is a drill. Water or fire with sparks or smoking
# electrics is the electrics' emergency, someone hurt by a shock the injury's.
MORE_KINDS += [
    ("gas", "the whole basement stinks of petrol, I think a car's fuel tank is leaking"),
    ("gas", "停車場B1好大陣汽油味，唔知邊架車漏油"),
    ("injury", "我婆婆喺廚房跌倒咗，叫佢都冇反應"),
    ("injury", "my dad fell off the ladder and he's not answering, there's blood"),
    ("flood", "地庫又淹紧水，啲車都開唔出"),
    ("fire", "Is this a drill? Our corridor is full of smoke"),
    ("electric", "the meter cupboard on 8/F is smoking and I can smell burning"),
    ("injury", "佢俾個插蘇電親，而家瞓咗喺地下唔識應"),
]
MORE_LOOK_ALIKES += [
    ("ash, not smoke", "樓上成日掉煙灰落嚟，我晾嘅衫全部都係煙灰"),
    ("a question about the habit", "Does the underground garage flood every typhoon season?"),
    ("a car's exhaust", "a van idling at the loading bay for an hour, smoke from its exhaust blowing into the lobby"),
    ("a restaurant's vent", "楼下饭店排气口一直冒油烟，熏得我们不敢开窗"),
    ("nearly brimming", "馬桶塞咗，水升到就嚟滿，唔敢再沖"),
    ("whenever someone showers", "每次冲凉浴室地下都积水，漫到门口"),
    ("once and over", "the kettle socket sparked once and then nothing, is it safe to keep using?"),
    ("a test asked about", "The alarm bells in Block 3 at noon, was that the fire alarm testing?"),
]

# The forty-seventh round: an emergency after "Actually," in a message about something else is a matter of its own;
# a long meeting "like being trapped in a lift, haha", locked outside one's building, out in the end, the doors that
# opened after a while, help that came and said it was nothing, a wheelchair user who cannot leave home are not.
MORE_KINDS += [
    ("injury", "About the parcel lockers last week. Actually, a lady just fainted at the lift lobby, please send help"),
    # A question with "do" in a panic supposes nothing: only "does" and "did", not after "what" or "how", ask about
    # a habit or a past ("Does the garage flood every typhoon season?").
    ("flood", "what do we do now the water pipe burst and it's everywhere?"),
    ("flood", "how did this happen? the basement is filling up with water"),
]
MORE_LOOK_ALIKES += [
    ("a simile, laughed at", "个会开到好似困咗喺𨋢入面咁 哈哈 几时有会议记录"),
    ("a simile, laughed at", "今天排队交费排到感觉像被困在电梯里 哈哈"),
    ("locked outside", "stuck outside the lobby again, my card won't open the door"),
    ("out in the end", "the lift stopped with us inside last night, we got out eventually, please check it"),
    ("the doors opened", "lift 2 stopped with my son in it, the doors opened after a minute, he is fine"),
    ("help came, it was nothing", "头先机房有烟，师傅来过说没事，电梯几时可以用"),
    ("cannot leave home", "我阿爸坐轮椅 部电梯坏咗 出唔到门"),
]

# The forty-eighth round: the days after an incident. In a chat message a space between Chinese phrases ends a clause,
# so the danger back now is told apart from the past beside it; the past named only to compare ("上個禮拜停電都係咁樣",
# "去年就爆過一次"), to say which thing gives way ("上次漏水泡嘅嗰塊", "the patch that got soaked in the storm") or why
# people are afraid ("上次火警之後大家都好驚") dates nothing; sewage welling out of a drain floods; a smoke alarm is no
# smoke, but thick smoke beside one going off is. Things spoilt in an incident, what it left behind, the incident
# report, a repair "修好以後" and a neighbour who will not own the damage are the aftermath.
MORE_KINDS += [
    ("collapse", "浴室天花塌咗 一大嚿跌咗落浴缸 仲喺度跌緊 就係上次漏水浸親嗰塊"),
    (
        "collapse",
        "a big piece of the kitchen ceiling just fell onto the stove and more is cracking, it is the patch that got"
        " soaked in the storm",
    ),
    ("flood", "停车场又进水了 水已经到车门了 上回淹的事还没处理完 快派人来"),
    ("flood", "厨房地漏返水 脏水一直往外冒 地上全是"),
    ("flood", "熱水喉爆咗 噴到成個廚房都係水 舊年都爆過一次 總掣喺邊"),
    ("flood", "楼上水管爆了水一直往下流 楼上那家不承认 你们快来"),
    ("fire", "走廊好大陣燶味 仲見到啲煙 上次火警之後大家都好驚 5座"),
    ("fire", "heavy smoke on the 12th floor landing and the smoke alarm is going off, can't see where it comes from"),
    ("gas", "煤气公司上个礼拜才来修过 今晚厨房又一股煤气味 比上次还重"),
    ("trapped", "喂 三座部𨋢又開唔到門 我老公喺入面 上個月停電都係咁樣"),
]
MORE_LOOK_ALIKES += [
    ("out in the end, told as a grievance", "在电梯里关了半个钟 最后是我们自己打的110 你们保安室有人吗"),
    ("spoilt in the fire", "do you sell replacement fobs? my old one melted in the fire"),
    ("spoilt in the flood", "the notice board in the lobby got soaked in the flood and fell apart, can it be replaced"),
    ("what the fire left", "the stair walls are still covered in soot from the fire, when will they be repainted"),
    ("what the burst left", "there is still mould from the burst pipe on the corridor ceiling, nobody has cleaned it"),
    ("the incident report", "When will owners get the incident report on last month's gas leak?"),
    ("after the repair", "電梯修好以後開關門好大聲 五座"),
    ("the neighbour will not own it", "楼上漏水把我家天花泡坏了 他一推二五六 物业能不能出面"),
    ("the neighbour will not own it", "樓上爆喉浸親我間屋 佢到而家都唔肯認 點算"),
]

# The forty-ninth round: a danger going on in its own clause, in the verb's aspect ("而家真係塌緊"); the past asked
# about as the cause ("係咪上次水浸整壞咗條喉") dates nothing; sewage welling out with the words the other way round; a
# room under water, water still coming in; "是不是漏气了" asks, it does not deny. A flood told only about the past is
# the background: what happens now gives the kind. The look-alikes: bay lines washed out, "none of your business", a
# meeting about the flood, mats curling "after being underwater", flood debris, the smell "finally gone", a cabinet
# soaked under a sink, neighbours who smoke all day, a car in the way out, a gas company that checked and found none.
MORE_KINDS += [
    ("collapse", "客廳天花有一大嚿石屎跌咗落嚟 上次水浸之後已經有裂痕 而家仲係冧緊 十座六樓B"),
    ("gas", "樓梯口好大陣煤氣味 係咪上次水浸整壞咗條喉 我唔敢撳門鐘"),
    ("electric", "电表房那边在冒火花 啪啪响 就是上次进水的那间"),
    ("flood", "二楼洗手间马桶往外冒脏水，越冒越多，快来处理"),
    ("flood", "洗衣機條喉甩咗 成個浴室都浸晒 仲喺度入緊水"),
    ("gas", "我家煤气味很重 是不是漏气了 窗户都开了 你们赶紧来"),
    ("injury", "有個婆婆喺平台跌低 流咗好多血 嗰度自從水浸之後一直好滑 快啲嚟"),
    ("fire", "black smoke is coming out of the flat next door, they smoke all day but this is a real fire"),
]
MORE_LOOK_ALIKES += [
    ("the bay lines washed out", "地庫車位線浸到睇唔到 成日有人亂泊"),
    ("none of your business", "你哋職員話水浸唔關你哋事 咁請你哋嚟做乜"),
    ("a meeting about the flood", "業主大會幾時講上次水浸嘅事"),
    ("after being underwater", "the gym floor tiles are lifting after being underwater, someone will trip"),
    ("flood debris", "sandbags and flood debris are still piled in the loading bay after two weeks"),
    ("the smell finally gone", "the gas smell on our floor is finally gone, thank you for sending someone"),
    ("a cabinet soaked", "廚房盆底漏水 個櫃入晒水 塊板都發脹"),
    ("they smoke all day", "the couple downstairs smoke all day on their balcony and it drifts into our bedroom"),
    ("checked, no leak", "燃氣公司嚟檢查咗話冇漏 應該係渠味 麻煩派人嚟睇下"),
    ("a guessed cause about a bill", "電費單貴咗好多 係咪因為上個月停電嗰陣部電錶爆咗"),
]

# The fiftieth round, danger in English as a second language: a lift that does not move with someone inside, a gas
# odour, a smell "more and more", dirty water everywhere or coming up, and a fountain that is no longer a reason to
# cancel a flood (it is taken out of the words instead: "lobby flooding, I think the fountain pipe"). The look-alikes:
# a lift stopped with no people inside, "in case somebody faints", "if lift stop", "how do I know if the gas is
# leaking", steam that "looks like smoke", "no need ambulance", "awake now", a door that opened by itself, "ignore my
# message before".
MORE_KINDS += [
    ("trapped", "please help, elevator not moving, my grandmother is inside alone, block 6"),
    ("gas", "strong gas odour in the corridor of 14/F, Tower 2, nobody knows where from"),
    ("gas", "the gas smell after the technician fix the stove, now more and more, flat 8D"),
    ("flood", "toilet backflow, dirty water everywhere in the bathroom, 3号楼2单元501"),
    ("flood", "the car park ramp is flooding, I think the fountain pipe broke, water going to the lifts"),
    # Things that burn outside a flat, whatever cigarette is named beside them.
    ("fire", "a van's engine is smoking badly on B1 near the lifts"),
    ("fire", "dry grass burning on the slope behind block 4, someone threw a cigarette there"),
    # Smoking named beside a fire plainly seen no longer makes the smoke the smokers'.
    ("fire", "the neighbour was smoking on his balcony and now I can see flames from the window, 22/F"),
    ("fire", "someone threw a cigarette in the bin room and black smoke is pouring out now"),
]
MORE_LOOK_ALIKES += [
    ("no people inside", "lift 3 in block 2 stopped at 9/F, no people inside, please repair"),
    ("in case somebody", "In case somebody collapse in the gym, where is the defibrillator?"),
    ("if lift stop", "if lift stop between floors which button I press, the bell or the phone?"),
    ("how to tell", "how can we tell whether the gas is leaking? we just moved in"),
    ("steam, not smoke", "white steam from the drain cover in the car park, looks like smoke, is it the hot pipe?"),
    ("no ambulance needed", "my madam feel dizzy and fall down but she is ok, no need ambulance, thank you guard"),
    ("awake now", "my father fainted at the lobby but he is awake now and resting at home, thanks to security"),
    ("the door opened by itself", "the lift door open by itself after 5 minutes, we are out, please check the lift"),
    ("a message withdrawn", "sorry please ignore my message before, the burning smell was my neighbour cooking"),
    ("people smoking", "the guards keep smoking at the loading bay, cigarette smoke comes into the lobby"),
    ("people smoking, no flames", "teenagers smoking in the stairwell again, no flames of course but it stinks"),
]

# The fifty-first round: danger written by domestic helpers in Tagalog or Indonesian mixed with English (glossed
# into English before the rules read it), a lift that "stop" with "I inside", a room "all water", water from the
# ceiling like rain, a big lump of concrete down (成大嚿). An English "no" is a word: "now all water" and "notice"
# deny nothing. The look-alikes: a relayed gas smell checked and not found, a burst taken back ("唔係爆 係漏"), a
# shower that drains slowly every time, someone fainted who is awake again and in hospital, a fire put out ("I put
# off myself already") with "help repaint" after it, a landing blocked at the lift's mouth.
MORE_KINDS += [
    ("gas", "amoy gas po dito sa kusina, malakas, 9C block 2"),
    ("gas", "Bu, bau gas kuat di kamar mandi, flat 3A"),
    ("trapped", "Pak, lift mati, anak majikan di dalam lift sendiri, tower 3"),
    ("trapped", "nasa loob ng elevator ang alaga ko, stuck na, block 5"),
    ("fire", "may sunog sa kusina ng kapitbahay, 14/F tower 1"),
    ("flood", "banjir di dapur, air masuk dari pintu belakang, flat 6B"),
    ("trapped", "lift stop between 5 and 6, i inside with my madam, please come"),
    ("flood", "water pouring through the ceiling like rain, kitchen floor now all water"),
    ("collapse", "廳個天花 一大嚿石屎跌咗落嚟 仲有啲喺度鬆緊"),
]
MORE_LOOK_ALIKES += [
    ("asap is not smoke", "pls fix the kitchen tap asap, dripping all night"),
    ("smelt for, not found", "我女儿说走廊有煤气味 我出去闻了一下 没有 可能是楼下炒菜"),
    ("a burst taken back", "後樓梯條水喉爆咗 唔係爆 係漏 滴滴聲咁"),
    ("every shower", "每次冲凉 啲水都去唔晒 浸到脚眼 应该塞咗"),
    ("awake, in hospital", "我阿媽琴晚暈低 而家醒返 救護車已經送咗佢入院 想問下要唔要填表"),
    (
        "put off already",
        "small fire on the stove last night, I put off myself already, now the hood is black, can you help repaint",
    ),
    ("a landing blocked", "搬屋公司啲箱停喺電梯口成個鐘 我架輪椅出唔到去"),
]

# The fifty-second round, danger in Chinese: sewage welling out of a drain a few words away and water flowing into a
# bedroom, a pipe burst again this morning and water spraying on and on, people shut in a lift (关里面, 困住…喺入面),
# 好臭煤氣, bleeding that does not stop, a smell stronger today than when it was reported. The look-alikes: the smell
# reported earlier with nothing said of now, no more spraying, a renovation heat gun, pesticide and fumigation,
# "thought it was a fire, nearly called 119", normal again now, "will it flood?", the fire alarm's bell, button or
# detector, a grievance at how an incident was handled, the fright it left, a flood found to be only a drip, "what
# happens in a real fire?".
MORE_KINDS += [
    ("flood", "浴室地漏同埋洗衣機去水位一齊往外冒污水 已經流進睡房 5座3樓A"),
    ("flood", "去年都爆過 今早又爆 走廊條總喉 水不停射"),
    ("trapped", "两部电梯都坏 刚才3号梯又把人关里面了 有个老人家"),
    ("trapped", "部𨋢成日壞 而家又困住我個仔喺入面 快啲嚟"),
    ("gas", "廚房好臭煤氣 我唔敢開燈 12座8樓D"),
    ("injury", "阿伯喺平台跌低 個膝頭血流唔停"),
    ("injury", "孩子在游泳池边摔倒 下巴裂开 一直流血"),
    ("gas", "上礼拜报过燃气味 说是管道的味 今天味道更浓了 就在灶台后面"),
]
MORE_LOOK_ALIKES += [
    ("the smell reported earlier", "报了煤气味 来的保安拿打火机找漏点 太危险了"),
    ("no more spraying", "師傅嚟整好咗條喉 已經冇再噴水 多謝"),
    ("a heat gun", "楼下装修用热风枪 走廊一股焦味 问了说是正常"),
    ("pesticide", "物业打药也不通知一声 楼道全是白烟 我以为着火了差点报警"),
    ("fumigation", "垃圾房頭先冒煙 原來係焗蟲 已經散晒"),
    ("normal again", "插座头先有火花 已经叫电工换咗 而家正常 想登记一下"),
    ("will it flood", "台风来了车库会进水吗 要不要把车开走"),
    ("the alarm's button", "十樓後樓梯個火警鐘玻璃俾人打爛咗"),
    ("the alarm's detector", "屋企個火警探測器成日嘀嘀聲 係咪冇電"),
    ("how it was handled", "成座停電 困𨋢嗰個婆婆等咗一個鐘 你哋應變好差"),
    ("the fright it left", "电梯把我妈关在里面半小时 吓得她现在不敢坐电梯"),
    ("only a drip", "停車場地下好多水 原來係天花條喉滴落嚟 唔係好大"),
    ("a real fire, asked", "Fire engines can't get in because of the parked cars. What happens in a real fire?"),
]

# The fifty-third round, the hotline in Mandarin and in English, the aftermath, people who are not flat owners: the
# look-alikes "if I smell gas at night, who should I call?" (after "want to know" too), a guard who "didn't even help"
# (no plea), smoke from a family's prayer candles, a lift that stopped a moment and carried on ("not stuck now"). A
# fire plainly seen ("is on fire") is not explained by a harmless source named beside it.
MORE_KINDS += [
    ("fire", "they had a barbecue on the podium and now the parasol is on fire"),
    ("trapped", "the lift stopped, then went on, then stopped again and my son is still inside, tower 4"),
    # The days after an incident, and the danger back now beside it: what is there as the resident writes ("there's a
    # fire", "there's a hissing", "it's coming down", "just dropped"), and in Chinese a danger going on in a clause
    # of its own (在冒火花, 水位一直在涨, 往车库里灌, 已经到小腿了, a lift door that will not open with someone inside).
    ("fire", "there's a fire in the bin room on 9/F, it happened last year too"),
    ("gas", "there's a hissing from the gas pipe by the meter and a strong smell, we had the same in March"),
    ("collapse", "the kitchen ceiling is sagging and bits are falling, it's coming down, we had a leak last month"),
    ("trapped", "lift just dropped and stopped with us inside, this is the lift that was fixed on Monday"),
    ("electric", "地库充电桩那边在冒火花 上个月水浸泡过嗰几个"),
    ("flood", "车库闸口那条沟塞了 雨水往车库里灌 水位一直在涨 上回也是这样淹的"),
    ("flood", "上次淹过的储物间又开始冒水了，水从墙角往外涌，已经到小腿了"),
    ("trapped", "𨋢門開唔到呀我阿爸喺入面，上個禮拜先整完"),
    ("trapped", "電梯困人以後 部電梯而家又停咗 我阿爸喺入面"),
]
MORE_LOOK_ALIKES += [
    ("if I smell gas, who", "just want to know, if we smell gas late at night, who do we call first?"),
    ("didn't even help", "my father collapsed at the gate in May and the guard didn't even help, I want to complain"),
    ("prayer candles", "smoke from the prayer candles next door keeps setting off the corridor detector"),
    ("not stuck now", "lift 2 stopped for a moment with us inside, then carried on. not stuck now, please check it"),
    # After an incident (以后, 之后), during its evacuation, the household it struck, the fear it comes again, a notice
    # about it, the place struck and patched since; in English what it was blamed on, "since the collapse",
    # incidents counted, fire-damaged things, the same lift once trapped and now running.
    ("after the entrapment", "电梯困人以后物业一句解释都没有 连个通知都不贴"),
    ("after the gas leak", "燃气泄漏以后有人上门推销报警器 你们知道吗"),
    ("during the evacuation", "疏散的时候广播听不清 老人家都不知道往哪走"),
    ("the household of the fire", "着火那户搬去哪了 我们想捐点衣服"),
    ("afraid it floods again", "一落大雨就怕车库又淹 有没有加装水泵的计划"),
    ("what the notice said", "通告话火警系住户自己责任 咁保险点计"),
    ("patched since", "天花冧咗嗰度已經補咗 但係油漆顏色唔啱"),
    ("trapped once, afraid", "我個女上次困完𨋢之後好驚 想知保養時間"),
    ("help came late", "困𨋢成個鐘先有技工到 你哋話半個鐘 呃人"),
    ("blamed on residents", "your notice said the flood was caused by residents blocking drains, that is unfair"),
    ("since the collapse", "small cracks in our ceiling since the collapse next door, could someone look"),
    ("incidents counted", "four incidents in three months, fire, flood and the lift twice, we want a meeting"),
    ("fire-damaged", "when will the fire-damaged mailboxes in Block 6 be replaced"),
]

# The fifty-fourth round: helpers' danger in Tagalog and Indonesian words the gloss now has (macet, di antara lantai,
# air masuk, mengalir deras, muncrat, berdarah banyak, bumagsak, pumutok yung tubo), and the danger back beside an
# earlier incident said as a comparison ("same as the typhoon", "same section that flooded", "上次困人也是这部"), with
# "send people now", "up to my ankle", "has stopped again with my dad inside". The look-alikes: after the gas leak,
# during the fire, the flat that caught fire, when the ceiling came down, the firemen who broke a lock, flood receipts,
# 爆水管之後, 補完天花之後, 事件后, 水浸到而家三個禮拜, 住不了, "gas smell 冇喇", "bukan kebakaran", "pag may sunog".
MORE_KINDS += [
    ("trapped", "Pak, lift macet di antara lantai, saya dengan anak majikan di dalam, tower 3"),
    ("flood", "Bu, air masuk ke lobby banyak sekali, sudah sampai lift, Blok 6"),
    ("flood", "air mengalir deras dari lampu di dapur, flat 9C"),
    ("injury", "Pak, kakek jatuh di kamar mandi, kepalanya berdarah banyak"),
    ("flood", "Pumutok po yung tubo sa kusina, bumubulwak yung tubig, 14A Tower 2"),
    ("flood", "same as the typhoon, water is pouring into the B1 car park again, please send people now"),
    ("flood", "rain again and water coming in from the ramp like last time, already up to my knees at the lift lobby"),
    ("trapped", "the lift that trapped the Chans has stopped again with my mum inside, tower 2"),
    ("trapped", "喂 我在电梯里 电梯停在半中间 门打不开 上次困人也是这部 七号楼"),
]
MORE_LOOK_ALIKES += [
    ("after the gas leak", "we could not come to pay after the gas leak, please waive the late charge, 6C"),
    ("the flat that caught fire", "I live above the flat that caught fire, my window frame is warped from the heat"),
    ("when the ceiling came down", "my scooter got scratched when the ceiling came down in the lobby, who pays"),
    ("firemen broke the lock", "the firemen broke our door lock looking for the smoke, it still won't lock"),
    ("flood receipts", "where do I send the flood receipts for the carpets?"),
    ("after the burst", "爆水管之後啲水黃黃哋 飲唔飲得"),
    ("after the patch", "補完天花之後牆身又有裂痕 幾時再嚟睇"),
    ("the incident since", "电梯困人事件后的维保报告能公开吗"),
    ("flooded for weeks", "停車場水浸到而家兩個禮拜 B2仲封住 車位費照收"),
    ("cannot live there", "我屋企火燭之後住唔到 管理費仲要交嗎"),
    ("gas smell gone", "gas smell 冇喇 now, Towngas fixed the hose, just update you"),
    ("not a fire", "Bu, asap di koridor dari tetangga masak, bukan kebakaran, cuma info"),
    ("if there is a fire", "Ano po gagawin pag may sunog at si lola lang ang kasama ko?"),
]

# The fifty-fifth round: helpers' danger in words the gloss now has (air masih naik, sampai lutut, sumisirit, umaapaw,
# naka stuck, tumigil, hangus) and in their word order ("stuck kami ... sa elevator", "spraying yung pipe"), water
# rising in a place and standing up to a knee, laundry burning, the electrics smoking as the resident writes, and the
# danger back beside its past (又在喷水, 在往下掉, 关咗总阀仲喺度嘶嘶, someone calling out inside a stopped lift,
# "ceiling's coming down", "Fire!!", "leaking again"). The look-alikes: what a place used to do, what caused an
# incident, "after it collapsed", rusted or stained from the flood, 遇过水浸, 一直不敢开火 since the leak, and the
# helpers' "nobody inside", "no smoke", "if it rains", "if there is", incense.
MORE_KINDS += [
    ("flood", "Pak, air masih naik di parkiran B2, sudah sampai lutut"),
    ("flood", "water in the car park is rising fast, already up to my knee, block 3"),
    ("flood", "sumisirit ang tubo sa ilalim ng lababo, basang basa na ang kusina"),
    ("flood", "umaapaw ang tubig sa corridor galing sa fire hose, 9/F"),
    ("trapped", "naka stuck ako sa elevator ng Tower 5, hindi bumubukas ang pinto"),
    ("trapped", "the lift stopped between floors with me, tower 6, I'm pressing the alarm"),
    ("fire", "the laundry on the balcony is burning, a cigarette fell on it from upstairs"),
    ("electric", "the plug behind the fridge is smoking, it sparked earlier too"),
    ("collapse", "the bathroom ceiling's coming down again, same spot as last year, a chunk just fell in the sink"),
    ("gas", "煤氣喉關咗總閥仲喺度嘶嘶聲，上個月都係呢條喉"),
    ("trapped", "电梯又停了，里面有个阿婆在喊救命，就是上次困人那部"),
    ("collapse", "上次天花板塌过一次，现在客厅天花板一大块在往下掉"),
    ("flood", "上个月修过的水管又在喷水，厨房地上全是水"),
    ("fire", "Fire!! the refuse room on 12/F again, same as in March, smoke everywhere"),
    ("gas", "gas hissing at the meter again, they replaced it after the leak last month and it's leaking again"),
]
MORE_LOOK_ALIKES += [
    ("used to flood", "the podium used to flood every typhoon, are the drains cleared this year?"),
    ("what caused", "what caused the fire in block 2 last night? is it safe to go back?"),
    ("after it collapsed", "the canopy you rebuilt after it collapsed is leaking rain onto the mailboxes"),
    ("rusted from the flood", "the gate hinges are rusted from the flood, it squeaks"),
    ("met once before", "聽講呢座以前遇過水浸，想問有冇做防水工程"),
    ("not daring since", "上次漏煤气之后我一直不敢开火，可以派人检查吗"),
    ("stains from the flood", "there are still stains on the lift lobby carpet from the flood water, please clean"),
    ("nobody inside", "lift blok 5 berhenti di lantai 9, tidak ada orang di dalam"),
    ("no smoke", "walang usok pero tunog ng tunog ang smoke alarm sa kusina"),
    ("if it rains", "kalau hujan air masuk sedikit dari jendela kamar"),
    ("if there is gas", "kung may amoy gas, sino ang tatawagan ko?"),
    ("incense", "bau hangus tadi dari tetangga bakar dupa, bukan kebakaran"),
]

# The fifty-sixth round: a gas smell smelt once (闻到过), the water in once (浸过水之后), a flood's cause told
# (水浸系因为); a helper's denial with its particles ("hindi naman po baha"), a hand caught in a lift door.
MORE_LOOK_ALIKES += [
    ("smelt once", "上个月停电那晚有住户话闻到过燃气味，你哋有冇派人查过啲喉"),
    ("after the water was in", "升降机槽入过水之后部𨋢成日响，可唔可以再检查"),
    ("the cause told", "聽講上次火警係因為有人喺後樓梯食煙，係咪真㗎？"),
    ("not a flood", "umaapaw ang tubig sa lababo pag naghuhugas, hindi naman po baha, barado lang"),
    ("a hand caught", "naipit po yung daliri ni baby sa pinto ng lift, okay na siya, pero ang bilis magsara"),
]

# The fifty-seventh round: smoke too thick to see or rushing down the stairs; the look-alikes of a fire's aftermath:
# the incident as a matter of its own (火灾维修费, 火灾事件, the household it struck), the firemen's water, flooded
# once, the fear of being trapped, "a meeting about the fire", "before the fire", "the fire flat", "there was smoke …
# this morning", a fire alarm and its bell, sparks from welding further off, a gas smell checked "check完 话冇漏".
MORE_KINDS += [
    ("fire", "烟很大，走廊看不清楚，好像是12楼那边"),
    ("fire", "煙由樓上衝落嚟後樓梯，好嗆"),
]
MORE_LOOK_ALIKES += [
    ("the fire's repairs", "火警維修工程幾時完？我哋層啲燈仲未整好"),
    ("the household it struck", "起火那户的窗户一直开着，下雨会不会漏到楼下"),
    ("the firemen's water", "救火的水把我家地板泡坏了，谁来赔"),
    ("flooded once", "停车场去年淹过一次，今年有没有加装挡水板？"),
    ("afraid of being trapped", "我阿媽唔敢一個人搭𨋢，驚困喺入面，有冇辦法"),
    ("a meeting about the fire", "when is the meeting about the fire? we want answers"),
    ("before the fire", "the lobby door worked fine before the fire, now it sticks"),
    ("the fire flat", "the fire flat on 18/F still smells, can it be sealed"),
    ("there was smoke", "there was smoke from the bin room this morning, guard said someone burnt paper, all ok now"),
    ("a fire alarm ringing", "the fire alarm on 9/F keeps ringing, is it a test?"),
    ("welding", "sparks flying outside my window but it's the workers welding the railings"),
    ("gas checked", "剛才聞到少少煤氣味，煤氣公司嚟check完話冇漏，唔該"),
    # What the fire left: a lingering smell of smoke, burnt rubbish, water that tastes burnt.
    ("a lingering smell", "our sofa still smells of smoke from the fire upstairs, who can clean it"),
    ("a lingering smell", "the smell of smoke is still in the lift lobby carpet, please change it"),
    ("burnt rubbish", "後樓梯仲有好多燒焦嘅雜物，幾時清？"),
    ("water that tastes burnt", "水箱啲水有阵燶味，可以验下水吗"),
]
MORE_KINDS += [
    ("fire", "the corridor still smells of smoke and now smoke is coming out under 12B's door"),
    ("fire", "the chute still smells of smoke, I can see flames in it now"),
]

# The fifty-eighth round: flames seen, a pipe that exploded in a helper's word order; the look-alikes: the fire as a
# time, a place of loss or a cause (火灾时, 火灾里, 火灾受损, 火灾刚过, 起火原因, 火警係…引起), a fire imagined
# (真系火警都走唔切), a fire once (着过一次火), the trapped let out, "weeks on", "who is paying", washed off by the
# flood, guards who stood watching, "now no smell", a detector that fell from the ceiling, a vehicle's engine
# running, a welder named in Indonesian, "if got", charging as usual after a flood.
MORE_KINDS += [
    ("fire", "visible flames on the 9th floor balcony of block C, pls send someone"),
    ("flood", "exploded the pipe under the sink ma'am, water everywhere in kitchen"),
]
MORE_LOOK_ALIKES += [
    ("the fire as a time", "火灾时消防通道被杂物堵住了，这个问题到现在都没解决"),
    ("lost in the fire", "我的护照是在火灾里烧坏的，补办要物业开什么证明？"),
    ("struck by the fire", "火灾受影响的那几层，管理费怎么算"),
    ("just after the fire", "水浸刚过，地库又有人乱泊车"),
    ("the cause", "火警嘅原因查到未？係咪電線老化"),
    ("the cause told", "聽講個火警係電單車電池引起，係咪真㗎"),
    ("a fire imagined", "后楼梯堆满纸皮，真的火灾都逃不切"),
    ("a fire once", "垃圾房烧过一次火，可以装个灭火筒吗"),
    ("let out", "头先困咗喺𨋢入面十分钟，而家已经出咗嚟，部𨋢要检查下"),
    ("weeks on", "two weeks on and the stairwell still smells of smoke, can it be cleaned"),
    ("who is paying", "the burst pipe ruined our wardrobe, who's going to pay for a new one"),
    ("washed off by the flood", "the lane markings were washed away by the flood, please repaint"),
    ("stood watching", "the guard was just standing there watching while the car park flooded last night"),
    ("stood watching", "水浸嗰陣保安企喺度睇，完全冇幫手"),
    ("now no smell", "gas smell earlier, opened windows, now no smell, but please check the meter"),
    ("a detector that fell", "the smoke detector in the lobby fell off the ceiling, hanging there"),
    ("an engine running", "the delivery van parks by the playground with its engine running, smoke everywhere"),
    ("a welder", "ada bau gosong di tangga, tapi itu tukang las yang kerja di lantai atas"),
    ("if got", "if got fire in the night, where we go? which stairs"),
    ("charging as usual", "停车场淹成咁仲照收车位费，有冇搞错"),
]

# The fifty-ninth round: smoke rushing out (煙攻出嚟) and "now it has really happened" beside a past flood; the
# look-alikes: the flood as a matter of its own (水浸責任, 水浸的调查报告), flooded once (浸過水), a fee asked to be
# waived, "flood-affected", nobody inside in Tagalog with its particles, a lift that started again by itself, a valve
# that does not leak (不漏气), a burst pipe shut off and stopped (现在不喷了).
MORE_KINDS += [
    ("fire", "垃圾房有煙攻出嚟，好大陣燶味，快啲嚟"),
    ("fire", "上次水浸之後冇人檢查過個電錶房，而家真係出事喇，有煙冒出嚟"),
]
MORE_LOOK_ALIKES += [
    ("the flood's blame", "法团几时讨论水浸责任？我哋低层要个交代"),
    ("the flood's report", "想问下今次水浸嘅调查报告有冇得睇"),
    ("flooded once", "我個儲物室浸過水，而家啲木櫃發晒霉"),
    ("a fee waived", "停车场被淹用不了，这个月车位费可不可以减？"),
    ("flood-affected", "is there a grant for flood-hit households on the low floors?"),
    ("nobody inside", "ang lift sa block 5 nakahinto sa 8/F, wala pong tao sa loob"),
    ("started again", "lift stopped with us inside for a few seconds then moved again on its own, we're ok"),
    ("no gas leak", "煤气阀好紧扭唔郁，唔漏气嘅，想搵人换个新"),
    ("stopped now", "厨房水管爆了喷了一地，总阀关了，现在不漏了，麻烦派人来换"),
]

# The sixtieth round: a strong smell of smoke from nowhere known (好勁嘅煙味); a lift stopped with someone inside
# said further apart; helpers' Indonesian ("kejebak", "di dalem", "asap banyak", "api tidak bisa mati"); the
# look-alikes: "kalo" (if), a fire alarm test, plaster falling a little, "sekarang udah gak bau", someone already out
# of the lift, water gone down, "was stuck … got out when it moved again", a fee to be cut "because of the … fire",
# "no burning smell" beside a socket, "而家冇味啦".
MORE_KINDS += [
    ("fire", "大堂有陣好濃嘅煙味，唔知邊度嚟，快啲派人睇下"),
    ("trapped", "the lift in tower 6 stopped at the 20th floor and the door won't open, my mother is inside"),
    ("trapped", "ada anak kecil kejebak di lift gedung 2, pintu gak bisa dibuka, dia nangis di dalem"),
    ("fire", "asap banyak di dapur flat sebelah, api tidak bisa mati, tolong cepat"),
]
MORE_LOOK_ALIKES += [
    ("if", "kalo ada bau gas malam2, telepon siapa pak?"),
    ("a fire alarm test", "tes alarm kebakaran minggu depan jam berapa?"),
    ("plaster falling a little", "plester dinding kamar mandi jatuh sedikit, bisa diperbaiki?"),
    ("no smell now", "tadi lift bau gosong, sekarang udah gak bau, tolong dicek aja"),
    ("already out", "tadi ada orang kejebak di lift, udah keluar sendiri, tolong dicek liftnya"),
    ("water gone down", "air dari lubang lantai tadi naik, sekarang udah surut, takut terulang"),
    ("got out", "I was stuck in lift 2 for ten minutes this morning, got out when it moved again, please check it"),
    ("a fee cut", "we had no power for days because of the meter room fire, can the management fee be reduced?"),
    ("no burning smell", "two sockets in the bedroom stopped working, no burning smell, breaker not tripped"),
    ("no smell now", "頭先廚房有陣燶味，閂咗掣，而家冇味啦，想搵人睇下"),
]

# The sixty-first round, helpers again: a pipe spraying hard (nyemprot kenceng), sewage spreading from a drain, water
# coming in and getting bigger, flooding again, a wall falling and crumbling in Tagalog; the look-alikes: "kalo
# nanti", a smell "udah ilang", sparks then "no problem", a pram caught in a lift door, thanks for a rescue "nung
# Lunes".
MORE_KINDS += [
    ("flood", "pipa di dapur bocor nyemprot kenceng, air udah ngalir ke ruang tamu"),
    ("flood", "tubig po pumapasok sa bahay galing balcony, palaki nang palaki, Tower 3 flat 8B"),
    ("collapse", "gumuguho po yung semento sa kisame ng kwarto, natatakot kami"),
]
MORE_LOOK_ALIKES += [
    ("if", "kalo nanti lift macet, sy harus pencet tombol apa?"),
    ("gone", "tadi ada bau gas dikit tapi udah ilang, petugas udah cek"),
    ("a pram caught", "naipit yung stroller sa pinto ng lift kanina, okay naman ang baby"),
    ("thanks for a past rescue", "salamat po sa guard nung nakulong si lola sa lift noong Biyernes"),
]

# The sixty-second round: helpers' Indonesian and Tagalog once more, the weeks after a gas leak and a stairwell fire.
# Found now: flooding "happening again" after last week's, a head bleeding a lot ("darahnya banyak") or "blood
# everywhere", a gas hose hissing (sumisitsit), a ceiling that "ambrol" with more about to fall. The look-alikes:
# "misalnya" (say, if), a fire put out last night, yesterday's rescue (kmrn, semalem), only a test, what was only
# thought, "dati" (before), dust after all, a neighbour who smokes outside, water in a light fitting, a cistern that
# keeps refilling, whether the stairs are safe yet, soot still on the walls, a check for peace of mind, no apology,
# a blockage unrelated to the fire, a ceiling soaked once.
MORE_KINDS += [
    ("flood", "bulan lalu kamar mandi banjir, skrg kejadian lg, air dr atas ngalir terus"),
    ("flood", "the car park flooded in May and now it's happening again, please send someone"),
    ("injury", "satpam jatuh dari tangga blok 5, darahnya banyak bgt, tolong panggil ambulans"),
    ("injury", "an old man slipped near the mailboxes, blood everywhere, he is holding his head"),
    ("gas", "may sumisitsit sa tangke ng gas sa kusina ma'am, amoy na amoy"),
    ("collapse", "plafon dapur ambrol, pecahannya jatuh ke lantai, masih ada yg mau jatoh"),
]
MORE_LOOK_ALIKES += [
    ("if", "misalnya ada kebakaran malam2, kita turun lewat tangga mana?"),
    ("put out last night", "semalem ada api kecil di tong sampah lt 3, satpam udh padamin, kapan dibersihin?"),
    ("yesterday", "kmrn bapak kejebak di lift 10 menit, untung cepet ditolong, tolong dicek liftnya"),
    ("only a test", "drill lang po ba yung alarm kanina? akala ko may sunog talaga"),
    ("only thought", "the bell rang for ten minutes and we thought there was a fire, why did it ring?"),
    ("before", "dati binaha ang banyo namin, ngayon may konting tagas lang ulit sa gripo"),
    ("dust", "amoy sunog yung heater pagbukas pero alikabok lang pala, wala nang amoy"),
    ("a smoker", "the man in 9F always smokes at the stairwell window and it drifts into our kitchen"),
    ("water in a light", "家里的吊灯进水了，开灯就跳闸"),
    ("a cistern refilling", "马桶水箱一直在响，进水停不下来，吵得睡不着"),
    ("safe yet", "Is it safe to let the kids use the stairs yet? There is still a smell of smoke"),
    ("soot still there", "後樓梯啲牆仲係黑晒，幾時油返？仲有陣燶味"),
    ("peace of mind", "上次漏煤氣之後好驚，想派人嚟檢查下喉，唔係有味，求個安心"),
    ("no apology", "the car park flooded twice and not a single apology from the office"),
    ("unrelated", "厨房下水道堵了，跟之前的火灾没关系，麻烦派人通一下"),
    ("soaked once", "睡房地板俾楼上啲水浸过，而家起晒拱，想搵人睇下"),
]

# The sixty-third round: a lift stopped "di tengah" with people "di dlm", a ceiling coming down in big pieces "hindi
# lang pintura" (not just paint); the look-alikes: a gas smell supposed ("kalo nanti kecium"), a lift stopped with
# nobody trapped ("gk ada yg kejebak"), a little water each time the washing runs, a wall tile off, an arm caught in a
# lift door, what the flood left in a stairwell, the hotline nobody answered all night.
MORE_KINDS += [
    ("trapped", "lift tower 3 berhenti tiba2 di tengah, ada 4 org di dlm, tolong cepet"),
    ("collapse", "bumabagsak na po yung kisame sa kusina, malalaking piraso, hindi lang pintura"),
    ("trapped", "部𨋢困住我哋，打咗熱線都冇人聽，快啲派人嚟"),
]
MORE_LOOK_ALIKES += [
    ("if", "kalo nanti kecium bau gas malem2, sy hrs lapor ke siapa?"),
    ("nobody trapped", "lift tower 6 td berhenti sebentar, gk ada yg kejebak, cuma mau lapor"),
    ("each time the washing runs", "setiap nyuci, lantai dapur banjir dikit, selangnya bocor"),
    ("each time the shower runs", "whenever I shower the bathroom floods a little, the drain is slow"),
    ("a wall tile", "keramik di dinding dapur copot satu, jatuh ke lantai"),
    ("an arm caught", "naipit ang braso ng bata sa pinto ng lift kanina, okay naman siya"),
    ("what the flood left", "the car park ramp is still covered in rubbish from the flood, please clean it"),
    ("the hotline all night", "打咗成晚熱線都冇人聽，我哋喺𨋢入面困咗一個鐘，你哋點解釋？"),
]

# The sixty-fourth round: a fire shouted with its letters drawn out ("KEBAKARANNN", "apinya gede"), flooding again in
# Tagalog ("ganun ulit", "lumalaki pa ang baha"), a pipe that "nag i-spray ng tubig", someone stuck in a lift in
# Bisaya ("naa tawo", "dili maabli ang pultahan"); the look-alikes: incense burnt next door ("bakar hio"), a trapping
# last week and a lift checked "sblm ada yg kejebak lg", "bau gas ora ono", paint peeling in small bits, "kalo misal",
# someone already taken to hospital, rain coming in "pag malakas ang ulan", "she is out now", a tap sputtering air
# (往外喷气), a lift pit flooded once (自从…进了水), who caused a burst disputed (唔系我哋搞出嚟), water
# pressure "弱到爆", a fall last week and the tile to be fixed "快啲整好".
MORE_KINDS += [
    ("fire", "KEBAKARANNN di dapur flat sebelah, apinya gede bgt"),
    ("flood", "noong isang buwan bumaha sa basement, ngayon ganun ulit, lumalaki pa ang baha"),
    ("flood", "yung tubo sa ilalim ng lababo nag i-spray ng tubig, basang basa na ang kusina"),
    ("trapped", "naa tawo na stuck sa lift sa Block 2, dili maabli ang pultahan"),
]
MORE_LOOK_ALIKES += [
    ("incense", "bau gosong tiap pagi krn tetangga bakar hio, asepnya masuk kamar"),
    ("last week", "minggu lalu sy kejebak di lift, skrg bunyi aneh, tolong dicek sblm ada yg kejebak lg"),
    ("no gas smell", "kompor gk mau nyala, bau gas ora ono kok"),
    ("paint peeling", "cat plafon dapur ngelupas jatuh2 kecil, gk parah"),
    ("if", "kalo misal nyium bau gas, hrs telp siapa?"),
    ("taken to hospital", "tadi ada bapak pingsan di lobby, udh dibawa ke rumah sakit, makasih satpam"),
    ("whenever it rains", "pag malakas ang ulan pumapasok ang tubig sa bintana namin, pakiayos po"),
    ("out now", "my grandma was trapped in lift 3 for ten minutes, she is out now, please check it"),
    ("a tap sputtering air", "厨房龙头一开就往外喷气，水时有时无"),
    ("a lift pit flooded once", "自从电梯坑进了水，5栋电梯经常坏，今天又停了"),
    ("who caused it", "爆喉唔係我哋搞出嚟，憑咩要我哋夾錢整大堂"),
    ("pressure", "水壓弱到爆 開盡個水喉都冇水"),
    ("a fall last week", "上個禮拜有個伯伯喺平台絆跌流咗好多血，塊地磚仲未整，快啲整好佢"),
]

# The sixty-fifth round: sewage overflowing in Bisaya ("hugaw nga tubig mi-apaw … nagkadaghan pa"), through a
# Cantonese floor drain (地台去水) to the door, a canopy shedding pieces now (in Chinese and in English); the
# look-alikes: a gas smell supposed "klo malem2", joss paper burnt next door ("kertas sembahyang", "nagsusunog ng
# papel"), a small fire last week ("minggu kmrn") and the smoke stains it left, "pas nenek pingsan" (when grandma
# fainted), cooking smoke from a dead exhaust fan, thanks for a rescue "nung isang araw", a little rain through a
# window, a trapping "gahapon" and "nakagawas na", "is that the testing", a gas smell "there was … fixed now", a
# burst left unrepaired since (爆完到而家都未整), the engineer's report on a collapse, gum stuck in a lift, 烟雾器.
MORE_KINDS += [
    ("flood", "hugaw nga tubig mi-apaw gikan sa kanal sa CR, nagkadaghan pa, palihug dali"),
    ("flood", "地台去水湧緊污水出嚟，已經浸到門口，快啲嚟"),
    ("collapse", "大堂門口個雨棚頭先又跌咗塊玻璃落嚟，仲有幾塊鬆鬆哋"),
    ("collapse", "another panel just fell off the canopy over the entrance, more look loose"),
]
MORE_LOOK_ALIKES += [
    ("if at night", "klo malem2 kecium bau gas, sy hrs hubungi siapa?"),
    ("joss paper", "tetangga bakar kertas sembahyang di depan pintu, asepnya masuk"),
    ("burning paper", "nagsusunog ng papel ang kapitbahay sa hallway, pumapasok ang usok"),
    ("last week and its stains", "minggu kmrn ada kebakaran kecil, skrg dinding kena asep, siapa yg tanggung?"),
    ("when grandma fainted", "pas nenek pingsan hari selasa satpamnya diem aja, sy kecewa"),
    ("cooking smoke", "exhaust fan rusak, asap masak kemana2 di dapur"),
    ("thanks, the other day", "salamat sa guard nung nahimatay si lola nung isang araw, ok na siya"),
    ("a little rain", "the window won't close and rain is coming in but only a little"),
    ("yesterday, out", "gahapon na-stuck ang akong amo sa lift, nakagawas na man, pa-check lang"),
    ("is that the testing", "alarm rang at 9am, is that the testing of the fire alarm?"),
    ("fixed now", "there was a gas smell on our floor this morning, the gas company fixed it, fixed now"),
    ("unrepaired since", "走廊條喉爆完到而家都未整，仲慢慢滴緊水"),
    ("the engineer's report", "when will we see the engineer's report on the canopy collapse?"),
    ("gum stuck", "the lift floor has chewing gum stuck everywhere, please clean"),
    ("a smoke detector", "廚房個煙霧器成日嗶嗶聲"),
]

# The sixty-sixth round: water "poured down like a basin" (成盘水咁倒落嚟), a ceiling board "about to fall" in a
# mainland call (石膏板要掉了), a gas smell again "worse than last week's", and the helpers' words: a flood in Bisaya
# (nagbaha, misulod ang tubig, padayon pa), a pipe burst (nibuto ang tubo, nagsirit), someone fallen and bleeding
# (natumba, daghan dugo), rain coming in and water rising (pumapasok ang ulan, tumataas ang tubig), a child in a
# stopped lift calling "dr dalem" (from inside). The look-alikes: a smoke detector misspelt and beeping, a place
# "closed for the flood" or "flooded too", a flood as the cause of a grievance (因为车场浸咗), cleaned up after
# (清完水浸), nobody told since (到现在也没人告诉), a gas smell "gk mambu" (no longer smelt) in Javanese.
MORE_KINDS += [
    ("flood", "天花板漏水呀 唔係滴呀 係成盤水咁倒落嚟 浸到張床"),
    ("collapse", "七号楼楼道里 天花板 石膏板要掉了 裂了一大道 人还在底下过"),
    ("gas", "楼道 gas smell again 比上周那次还重"),
    ("flood", "nagbaha na sa lobby!! padayon pa nga misulod ang tubig gikan sa gawas"),
    ("flood", "nibuto ang tubo sa CR, nagsirit ang tubig sa tanan dapit"),
    ("injury", "naay tigulang nga natumba sa hagdan, daghan dugo sa ulo, tawag ambulansya"),
    ("flood", "ngayon ulit pumapasok ang ulan sa bintana, tumataas na ang tubig sa sahig!!"),
    ("trapped", "anak majikan sendirian di lift, liftnya mati, dia telp aku dr dalem nangis"),
]
MORE_LOOK_ALIKES += [
    ("a smoke detector beeping", "my smoke detecter keep beeping since power came back, can some1 come check"),
    ("closed for the flood", "the lift keeps stopping at B1 even though B1 is closed for the flood"),
    ("flooded too", "Is the basement gym reopening? It was flooded too I think"),
    ("the flood as a cause", "因為車場浸咗 啲人成日泊喺門口消防通道"),
    ("cleaned up", "清潔公司嚟清完水浸 啲爛紙皮膠袋仲散晒喺B1"),
    ("nobody told since", "煤气泄漏到现在也没人告诉我们原因 就这么算了吗"),
    ("no longer smelt", "tadi pagi sempet bau gas di dapur tp skrg udh gk mambu blas, bisa dicek?"),
]

# The sixty-seventh round: a socket sparking beside a wall that "has gone black" (not a smell gone), a gas smell still
# strong after the valve was turned off, a stove's pipe hissing with no smell, water down a lift shaft and a hydrant
# left spraying, and the helpers' words: smoke in Bisaya (nag-aso, baho kaayo nasunog), someone shouting in a lift
# stopped halfway (sa sulod, mihunong sa tunga), a toilet overflowing and sewage spreading (nag-overflow, nibalik,
# nagkalapad). The look-alikes: burnt rubbish left on the podium (烧焦垃圾), a grievance asking for an account
# (给我们一个什么交代), "unrelated to the fire" (跟火灾不相干), the floor the fire struck (着火那层), a late fee
# (滞纳金) and a flood's receipts (单据), a swollen battery that does not smoke (不冒烟), someone let out by the guard
# (已经被保安放出来了), a water tank trickling (细细地流), a frying pan's smoke "walay sunog", a gas smell "wala na".
MORE_KINDS += [
    ("electric", "socket in living room sparking and the wall round it has gone black, power keeps tripping"),
    ("gas", "Smell of gas again in my kitchen. I turned off the valve but the smell is still strong."),
    ("gas", "no gas smell now but the hissing from the pipe behind my stove started again"),
    ("flood", "水顺着电梯井往下灌 1号楼 应该是楼上哪层消防栓被碰开了 一直在喷 没人关"),
    ("fire", "sir dali lang palihug, nag-aso ang corridor sa 21/F, baho kaayo nasunog"),
    ("trapped", "naa tawo sa sulod sa lift 2, mihunong sa tunga, nagsinggit sila, dali"),
    ("flood", "ang kasilyas nag-overflow ug ang hugaw nga tubig nibalik gikan sa drain, nagkalapad na sa salog"),
]
MORE_LOOK_ALIKES += [
    ("burnt rubbish", "平台啲燒焦垃圾堆喺度成個禮拜 好臭 仲招老鼠"),
    ("an account asked for", "这一个月先是电梯掉 又是着火 物业到底给我们一个什么交代"),
    ("unrelated to the fire", "厨房下水道返味 跟火灾不相干哈 就是臭"),
    ("the floor the fire struck", "着火那层的楼梯扶手烤变形了 摸着都晃 啥时候换"),
    ("a late fee", "咋连滞纳金都扣了 我是电梯停了出不去门才晚交的 能不能免了"),
    ("a flood's receipts", "我想問 水浸嗰啲單據 要交俾邊個 寄去邊度"),
    ("no smoke", "自家电瓶车电池好像有点鼓 不冒烟也不烫 我不敢充了"),
    ("let out by the guard", "刚才困电梯的是我 已经被保安放出来了 谢谢 可是这电梯得彻底查一下啊"),
    ("a trickle", "楼顶水箱那块一直往外溢水 不大 细细地流 流了两天了"),
    ("a frying pan's smoke", "nag-tingog ang smoke alarm namo kay nasunog akong gi-prito, walay sunog, ok na"),
    ("a gas smell gone", "ang amoy gas kanina sa hallway wala na po, may nag-repair lang ng stove"),
]

# The sixty-eighth round: a garage wall bulging "about to fall" with its bricks coming away (墙皮连着砖), a gas smell
# come "suddenly" as the message was being written (突然一股), and the helpers' words: water pouring in Indonesian
# (ngocor deres, air mancur dr pipa, airnya udh masuk), a fire and its smoke in Sundanese (aya seuneu, haseupna loba
# pisan), Bisaya (naay kalayo, daghan kaayo aso, nasimhot nga gas … karon, nakuyapan … wala nagmata) and Ilocano
# (adda asok a rumrumuar). The look-alikes: "真着火了消防车咋进来" and "what if sparks come out", "paano kung na-stuck",
# "klo nanti ada bau gas", a window letting in a little rain "klo ujan", a water bill up (tagihan air naik), a gas smell
# "skrg udh gk ada", a fire "daw kahapon", smoke-blackened marks (烟熏嘅黑印, "black from the smoke"), a notice called
# "insulting", and paper burnt for the dead "nagsunog … og papel".
MORE_KINDS += [
    ("collapse", "B1西头那面墙 墙皮连着砖往下掉 整面墙往外鼓 感觉要倒 下面还停着车"),
    ("gas", "本来想问问车位费退不退的事 写到一半 楼道里突然一股很重的煤气味 你们先来人看看吧"),
    ("flood", "air dr plafon dapur ngocor deres kyk keran dibuka, lampu dapur jg kena air"),
    ("flood", "air mancur dr pipa di koridor lt 10, airnya udh masuk ke bawah pintu flat2"),
    ("fire", "punten, aya seuneu di dapur flat 4C, haseupna loba pisan, tulungan!!"),
    ("fire", "Tabang! naay kalayo sa basurahan sa hagdanan, daghan kaayo aso, dali palihug"),
    ("gas", "Naa koy nasimhot nga gas sa kusina karon, kusog kaayo, palihug padala ug tawo"),
    ("injury", "nakuyapan akong amo sa may pool area, wala siya nagmata, tawag ug ambulansya"),
    ("fire", "Apo adda asok a rumrumuar iti flat 21A, awan tao idiay, pakiapura"),
]
MORE_LOOK_ALIKES += [
    ("if there really were a fire", "路边停的车把消防通道堵死了 真着火了消防车咋进来"),
    ("what if sparks", "what if sparks come out of the socket they replaced again? should i switch off the breaker?"),
    ("what if stuck", "Paano kung na-stuck ako sa lift, anong button pipindutin ko?"),
    ("if later", "klo nanti ada bau gas aku hrs telp siapa? nomor darurat management brp?"),
    ("a little rain when it rains", "jendela kamar gk bisa ditutup rapet, klo ujan air masuk dikit"),
    ("a water bill", "bulan ini tagihan air naik pdhl kita liburan 3 minggu, bisa dicek meterannya?"),
    ("gone now", "td bau gas dikit di dapur tp skrg udh gk ada, jendela udh aku buka"),
    ("a fire yesterday, heard of", "May sunog daw kahapon sa blk 4? ok na ba ang lahat?"),
    ("smoke marks", "𨋢口嗰度好多煙燻嘅黑印，𨋢入面幾粒按掣都燶咗"),
    ("black from the smoke", "T3 stairwell walls are still black from the smoke after 6 weeks, please repaint"),
    ("a notice called insulting", "the incident notice calls it a 'minor fire'. my ceiling fell in. that's insulting"),
    (
        "paper for the dead",
        "ganina naay aso sa corridor pero nagsunog ra diay ang silingan og papel para sa ilang patay",
    ),
]


# The seventieth round: the helpers' words for someone unconscious in Bisaya (nawad-an ug panimuot), bleeding that
# will not stop (berdarah bnyk bgt gk brenti2), water coming in from a lobby's door (airnya naik dr pintu), and a pipe
# dripping yesterday "now spraying hard" (English "now" before what is going on). The look-alikes: a stove that will
# not light (ayaw mag apoy), a fire "niadtong gabii" (that night) and "nung isang linggo", a fire asked about after a
# fire engine was seen, a stroller caught in a lift door "buti ok si baby", a toilet running after its flush (ngucur),
# a neighbour frying chillies (goreng2 cabe), a gas smell fixed and safe now (udh aman), a meter that smoked "bln
# lalu", "kl ada apa2", a smell gone now (而家已經冇喇), and a smell explained (其实是燃气公司在换表, 大家别紧张).
MORE_KINDS += [
    ("injury", "ser ang lola nawad-an ug panimuot sa sala, dili na mo-respond, flat 12B, dali palihug"),
    ("injury", "bapak jatuh di kamar mandi, kepalanya berdarah bnyk bgt gk brenti2, tlg panggil ambulans"),
    ("flood", "lobi tower 2 airnya naik dr pintu samping, got depan meluap, cepet ya"),
    ("flood", "the pipe under the sink that dripped yesterday is now spraying hard, water all over the kitchen floor"),
]
MORE_LOOK_ALIKES += [
    ("a stove that will not light", "ang stove namin ayaw mag apoy kahit may gas, pa check po sana"),
    ("a fire that night", "kadtong sunog sa Tower 2 niadtong gabii, naa bay nasamdan? unsa ang hinungdan?"),
    ("fainted last week", "si lolo nahimatay nung isang linggo sa garden, salamat po sa guard, ok na sya ngayon"),
    ("asked after a fire engine", "meron bang sunog kagabi? nakita ko fire engine sa harap ng blk 5"),
    ("a stroller caught", "naipit ung stroller sa pinto ng lift kanina, buti ok si baby, pakicheck po ang sensor"),
    ("a toilet running", "WC bunyi ngucur terus abis disiram, tlg kirim tukang, flat 8D"),
    ("frying next door", "asap dr dapur tetangga masuk ke rumah, pasti lg goreng2 cabe lagi, batuk semua"),
    ("a gas smell fixed", "td bau gas di dapur, tukang gas udh dtg ganti selang, skrg udh aman. makasih"),
    ("smoked last month", "panel listrik di lorong yg berasap bln lalu udh diganti blm ya?"),
    ("if anything happens", "majikan mudik seminggu, kl ada apa2 sama flat 7A tlg hubungi sy"),
    ("gone now", "頭先好似聞到少少煤氣味 而家已經冇喇 使唔使搵人睇下"),
    ("a smell explained", "大堂那股味道其实是燃气公司在检修，大家别紧张"),
]

# The seventy-first round: Javanese as helpers from Java write it (banyu mlebu saka jendela, mbah putri semaput, getih
# akeh banget, nang njero lift … lawange ora iso dibuka), Ilocano (adda danum a agayus manipud ti kisame, adda asuk …
# angot nasunog), Taglish as texted (bumubuhos n ung tubig galing s kisame), and a jet of water shooting in (水柱直射
# 入屋). The look-alikes: "nek misale ono kebakaran", "kpag nagbaha ulit", "kalau tercium bau gas", a stove that will
# not light "wla nmn amoy gas", a lift stuck and a gas smell "wingi bengi" (last night), a smell "wes ilang", burnt
# rice (nasunog ung sinaing, "I burn the rice"), a new stove's smell the first time it is used, a tap that runs and
# will not close, and a gas smell the guard "already check and ok".
MORE_KINDS += [
    ("flood", "pak banyu mlebu saka lawang balkon akeh banget, saiki wes nggenangi kamar, tulung"),
    ("injury", "mbah kakung semaput nang kamar mandi, ora iso digugah, tulung kirim wong"),
    ("injury", "bapak tibo nang tangga, getih e akeh banget nang sirahe, tulung!! blok 2 15C"),
    ("trapped", "tulung pak aku karo bocah nang njero lift blok 5, liftnya mandeg, lawange ora iso dibuka"),
    ("flood", "apo, adda danum a agayus manipud ti kisame ti kusina, dagus koma"),
    ("fire", "apo, adda asuk ditoy hagdan ti Block 3, angot nasunog, dagus koma"),
    ("flood", "sir bumubuhos n ung tubig galing s kisame ng kwarto, basa n lahat, 12F Tower 2"),
    ("flood", "樓上裝修打穿咗條水喉 水柱直射落嚟 成間廚房都係水 5座8樓C"),
]
MORE_LOOK_ALIKES += [
    ("if there is a fire", "nek misale ono kebakaran bengi, mbah ora iso mudun tangga, piye?"),
    ("if it floods again", "ano po gagawin namin kpag nagbaha ulit s B2 parking? ililipat b ung sasakyan?"),
    ("if a gas smell", "kalau tercium bau gas tengah malam, saya harus telepon nomor berapa?"),
    ("a stove that will not light", "ung stove nmin ayaw sumindi, wla nmn amoy gas, pacheck po 20B"),
    ("stuck last night", "wingi bengi lift blok 2 mandeg ono wong kejebak, saiki wes normal durung?"),
    ("a gas smell gone", "wingi bengi aku mambu gas sitik nang lorong lt 9, saiki wes ilang"),
    ("burnt rice", "pasensya po sa usok sa hallway, nasunog ung sinaing ko, wla apoy, ok na po"),
    ("burnt rice, in English", "sorry the burning smell is from my cooking, i burn the rice, no fire"),
    ("a new stove", "kompor listrik baru bau gosong dikit pas pertama dipake, normal gk?"),
    ("a tap that will not close", "kran di balkon ngocor trs gk bs ditutup rapet, tlg kirim tukang"),
    ("checked already", "about the gas smell in the lift lobby this morning, guard say already check and ok"),
]

# The seventy-second round: water pouring down from a ceiling in Cantonese (有水傾落嚟), a water heater's pipe hissing
# (嗞嗞聲) with a smell of rotten eggs, gas smelt "again" in English beside yesterday's repair, a cut hand bleeding in
# Tagalog (dugo ng dugo … hindi tumitigil). The look-alikes: a gas smell found to be herbal medicine burnt
# (聞到煤氣味 … 原來係煲中藥煲燶咗), a smell only thought to be gas (以為又係煤氣味 … 原來係茶餐廳嘅油煙), a
# lingering burnt smell to be cleaned away (除味), people let out of a lift and fine (udah dikeluarin, ga papa), no
# smell at all in the flat (ga bau apa2), a phone dropped into a lift's gap (hp saya jatuh), and a smell "not …
# again" (skrg gk bau lg).
MORE_KINDS += [
    ("flood", "5座大堂天花有水傾落嚟，地下成個水氹，好易跣親"),
    ("gas", "今次真係有：廚房熱水爐條喉嗞嗞聲，仲有陣臭雞蛋味，2座10樓C"),
    ("gas", "my kitchen smells of gas again, the gas company only fixed the pipe yesterday, we're outside now"),
    ("injury", "sir dali po dugo ng dugo ang kamay ni ma'am nabasag ang baso hindi tumitigil, 15B Tower 3"),
]
MORE_LOOK_ALIKES += [
    ("herbal medicine burnt", "阿爺話聞到煤氣味，我返屋企聞過，原來係佢煲中藥煲燶咗"),
    ("only thought to be gas", "以為又係煤氣味，行出去睇下，原來係樓下餐廳嘅油煙"),
    ("a smell to be cleaned away", "大堂到而家仲有陣燶味，可唔可以用啲除味嘢抹下"),
    ("let out and fine", "tadi ada anak kejebak di lift blok 3, skrg udah dikeluarin satpam, ga papa"),
    ("no smell at all", "ada kebocoran gas ya di gedung? satpam nanya bau gas, di rumah kami ga bau apa2"),
    ("a phone dropped", "pak hp saya jatuh di sela lift lt 9, bisa diambilin?"),
    ("not smelt again", "kmrn colokan kulkas bau gosong, udh sy cabut, skrg gk bau lg"),
]

# The seventy-third round: a pipe that burst a few words after its name (公共水管喺20楼走廊爆咗) and water flowing into
# the home, a ceiling fallen whole and plaster still coming down (天花整块跌咗落嚟 … 不停咁甩落嚟), children inside a
# stopped lift who cannot get out, and Sundanese (abdi kakurung sareng nini di jero, nini … labuh teu sadar) and more
# Javanese (kebul lan ambu gosong, ambune gas). The look-alikes: "会唔会再水浸" (will it flood again?), let out now
# (而家出咗嚟喇, 保安已經放咗佢出嚟), the gas company's "冇漏", "mum can't smell anything", a fitter who "katanya aman",
# "if grandma is trapped", a place "not cleaned for days", a slow drip, a burst whose water has stopped (水停咗), paper
# burnt for the dead (jebule … kertas sembahyangan), and a lift stuck yesterday, normal now (kamari … ayeuna tos
# normal).
MORE_KINDS += [
    ("flood", "公共水喉喺15楼走廊爆咗 啲水流晒入屋企 3座"),
    ("collapse", "廁所天花整块跌咗落嚟 仲有石膏不停咁甩落嚟 6座12樓B"),
    ("trapped", "the lift in tower 2 stopped halfway, two kids inside and they cannot get out"),
    ("trapped", "punten, lift di blok C teu tiasa dibuka, abdi kakurung sareng budak di jero"),
    ("injury", "nini abdi ujug2 labuh teu sadar di kamar mandi, tulung"),
    ("gas", "kompor ora murup tapi ambune gas nang pawon nemen tenan, tulung saiki"),
]
MORE_LOOK_ALIKES += [
    ("will it flood again", "今晚又黑雨 停車場會唔會再水浸啊 我架車仲喺B1"),
    ("out now", "部升降機今朝困咗人 而家出咗嚟喇 但係你哋要整下佢"),
    ("let out", "電梯頭先困咗人 保安已經放咗佢出嚟 你哋要檢查下部lift"),
    ("checked, no leak", "走廊好似有煤氣味 煤氣公司嚟咗檢查話冇漏 係垃圾房啲味"),
    (
        "cannot smell anything",
        "a neighbour told my dad there's a smell of gas but he can't smell anything, was it reported?",
    ),
    ("said safe", "bau gas td pagi di dapur, udh dicek tukang katanya aman, selangnya udh diganti"),
    ("if grandma is trapped", "kalo nenek kejebak di lift, tombol mana yg hrs dipencet?"),
    ("not cleaned", "the gym shower has dirty water everywhere, clearly not cleaned for days"),
    ("a slow drip", "water dripping from the lift ceiling light, slow drips, raining hard outside"),
    ("the water stopped", "條水喉頭先爆咗 保安已經幫手閂咗掣 水停咗 但係成屋都濕晒"),
    ("paper for the dead", "ono kebul seko lantai ngisor, jebule tonggo bakar kertas sembahyangan"),
    ("yesterday, normal now", "kamari lift macet, abdi kakurung 20 menit, ayeuna tos normal"),
    # Water, not the ceiling's fabric, falling without stop: a leak.
    ("water dripping without stop", "廁所天花啲水不停咁跌落嚟 我放咗個桶 6座12樓B"),
]
# The seventy-fourth round: Ilocano and Bisaya the gloss did not have (agas-asuk, naikulong … saan nga aglukat ti
# ridaw, nabettak ti tubo, natnag … agdardara, saan makasao, angot ti gas, "na trap", "nag aso", "nibuto na pud"),
# Sundanese water (cai ngabudal tina pipa peupeus), someone in a stopped lift (电梯里有人 停住不动了) and smoke out of a
# socket; and their look-alikes: gone now (wala na ngayon, ita saanen, ra kebul meneh, wis metu), in hospital already
# (naa na siya sa ospital, 救护车已经接走咗), asked what to do if (upami aya, yen mambu), someone said but nothing smelt
# (ono sing kandha … ra mambu opo2), a neighbour's cigarette (tonggo udud), how the fire started, after "that fire"
# (着火那事以后), how someone is since (后来咋样了), fire insurance, a soup burnt (炖汤糊了) and a smell a month old.
MORE_KINDS += [
    ("electric", "agas-asuk ti saksakan iti kusina, adda angot ti nasinit a plastik"),
    ("trapped", "naikulong ti lakay iti lift ti Block 3, saan nga aglukat ti ridaw"),
    ("flood", "nabettak ti tubo iti banio, nalapunosen ti salas"),
    ("injury", "natnag ni lola iti kusina, agdardara ti ulona, saan makasao"),
    ("gas", "nakaro ti angot ti gas ditoy kusina, Tower 5"),
    ("trapped", "na trap mi sa lift ni lola, ni hunong sa tunga"),
    ("electric", "nag aso ang saksakan sa kwarto ni sir!!"),
    ("flood", "gahapon naa'y leak, gi-ayo na, pero karon nibuto na pud ang tubo, ang tubig nag agas sa sala"),
    ("flood", "cai ngabudal tina pipa peupeus di dapur, caina beuki naék"),
    ("trapped", "货梯里有人 卡住不动了 按警铃没人应"),
    ("electric", "there's smoke coming out of the socket behind the tv"),
    # A cooking source does not explain flames: the kitchen on fire stays a fire.
    ("fire", "炖汤烧焦咗 厨房着咗火"),
]
MORE_LOOK_ALIKES += [
    ("gone now", "kanina may amoy gas sa kusina pero wala na ngayon, binuksan ko mga bintana"),
    ("not any more", "idi kalman nag-spark ti saksakan, ita saanen, paki-check latta"),
    ("no more smoke", "wingi ono kebul seko colokan, saiki ra kebul meneh, tulung dicek"),
    ("got out", "mbah mau kejebak ning lift, saiki wis metu, tapi lift e isih rusak"),
    ("in hospital", "si lola nakuyapan ganina pero naa na siya sa ospital, pwede makita ang cctv?"),
    ("taken away", "頭先大堂有個婆婆暈低咗，救護車已經接走咗，想問下係咪住戶"),
    ("if", "punten, upami aya bau gas, kedah ngahubungi saha?"),
    ("if", "piye carane yen mambu gas, kudu telpon sopo?"),
    ("said, nothing smelt", "ono sing kandha mambu gas ning lorong, aku ra mambu opo2, bener ora?"),
    ("a cigarette", "tonggo udud ning lorong, kebule mlebu omah terus"),
    ("how the fire started", "they still charge e-bikes in the corridor, this is exactly how the fire started"),
    ("after that fire", "能不能帮忙检查下我家电线 着火那件事以后总是不放心"),
    ("how is he since", "上次在电梯口晕倒的阿姨后来怎么样了"),
    ("fire insurance", "小区有没有买火灾保险 还是要业主自己买火灾险"),
    ("a soup burnt", "刚才报的冒烟 原来是楼下炖汤烧糊了 不好意思"),
    ("a month old", "后楼梯仲有阵烧焦味 成个月喇 几时搞掂"),
]
# The seventy-fifth round: Ilocano "naka trap … ita nga oras" and Indonesian "air nyembur" from a broken pipe;
# and the look-alikes helpers wrote: the valve closed and it stopped, "kung naay sunog" and Kapampangan "nung
# atin" (if there is), "kagahapon … ok na mi karon", "wala naman pong amoy gas", "ngayon po wala", "kaniadtong
# semana … kunoy", "na ayo na", "in case she faint", "detektor asep", Sundanese "teu aya haseup deui … panggangan
# roti"; a car-park gate that will not lift (升唔起), a tree about to fall, and a smoke detector beeping (火警钟 …
# 嘟嘟声).
MORE_KINDS += [
    ("trapped", "apo naka trap ti lakay iti elevator ita nga oras, saan nga aglukat ti ridaw"),
    ("flood", "pipa di bwh wastafel pecah air nyembur kmn2, tlg dtg skrg"),
]
MORE_LOOK_ALIKES += [
    ("valve closed", "the pipe under the sink was spraying just now, i closed the valve already and it stopped"),
    ("if there is", "unsa ang buhaton kung naay sunog sa building? asa mi moagi"),
    ("if there is", "nanu ing gawan ku nung atin amoy gas king bale?"),
    ("yesterday, fine now", "kagahapon na stuck mi sa lift sa block 2 pero ok na mi karon, salamat sa guard"),
    ("no smell of gas", "may sumisirit sa likod ng ref parang hangin lang, wala naman pong amoy gas"),
    ("none now", "may amoy gas tuwing hapon sa corridor tapos nawawala din, ngayon po wala, paki check"),
    ("last week, reportedly", "kaniadtong semana naa kunoy gas leak sa among floor, kinsa ang nag check?"),
    ("fixed", "kagabii naa daw spark sa meter pero na ayo na sa electrician karong buntag"),
    ("in case", "is there a defibrillator in the clubhouse? i want to know in case she faint again"),
    ("a smoke detector", "detektor asep nang lorong copot tiba nang lantai, sopo sing masang maneh?"),
    ("no smoke any more", "ulah hariwang, teu aya haseup deui, tadi tina panggangan roti"),
    ("a gate that will not lift", "停車場個閘一直升唔起 要人手開"),
    ("a tree", "花園果棵大樹斜咗 好似就嚟冧咁 快啲嚟睇下"),
    ("a smoke detector beeping", "嗰個火警鐘呀 即係煙霧嗰個 成晚嘟嘟聲 瞓唔到"),
]
# The seventy-sixth round: Nepali "lift ma mero chora phasyo, dhoka khuldaina", bamboo on the scaffolding burning
# (竹燒緊), water rushing down from above (水沖落嚟), water seeping in and gathering (往里渗水 … 积了一层); and the
# look-alikes: a child's hand caught (naipit ang kamot), "pag na stuck", a light blinking (kumikislap), "ok na po
# nakalabas na", a neighbour grilling (nag-iihaw), "nung pasko sa kabilang estate", the night of the fire (火警當晚),
# a fee waived for it, "scorched from the fire", no longer flowing in (冇再流入), "车库还淹不淹", "不是困人 电梯里没人",
# a ceiling sagging (有点往下塌 还没掉), "不是往屋里", "是不是漏电", aircon water, and agarbatti for a puja.
MORE_KINDS += [
    ("trapped", "hajur lift ma mero chora phasyo Tower C, dhoka khuldaina, please jaldi"),
    ("fire", "2座同3座中間嗰段棚頂有啲竹燒緊 冇人理"),
    ("flood", "樓上又有水沖落嚟 電線位都濕晒 第3座7樓A室"),
    ("flood", "我家地下那层现在往里渗水 一会儿功夫积了一层 1号楼1单元101"),
]
MORE_LOOK_ALIKES += [
    ("a hand caught", "ang pultahan sa elevator paspas mosira, naipit ang kamot sa bata pero ok ra siya"),
    ("if stuck", "ano po gagawin ko pag na stuck ako sa lift kasama alaga ko?"),
    ("a light blinking", "kumikislap kislap ung ilaw sa lift lobby ng twr 4"),
    ("already out", "kanina na stuck si baby sa lift mga 15 mins, ok na po nakalabas na"),
    ("grilling", "yung kapitbahay sa 16B nag-iihaw sa balcony, usok pumapasok sa flat"),
    ("last christmas, elsewhere", "naipit daw pinsan ko sa lift nung pasko sa kabilang estate lol"),
    ("the night of the fire", "致管理處：火警當晚消防員破門進入本人單位，請安排更換門鎖。"),
    ("a fee waived", "第三座因火警斷水斷電九日，本人要求豁免該月份管理費。"),
    ("damage from the fire", "the socket in the kitchen is scorched from the fire, not in use, please replace it"),
    ("no longer flowing in", "3座電梯大堂啲水浸咗三日都未抽乾 已經冇再流入 但好臭"),
    ("asked", "这礼拜还下不下雨了 地下车库还淹不淹"),
    ("nobody inside", "不是困人哈 电梯里没人 就是停在3楼不动了"),
    ("sagging", "卫生间吊顶有点往下塌 鼓了个包 还没掉"),
    ("not into the home", "外墙雨水管裂了 下雨就哗哗往墙上冲 不是往屋里"),
    ("asked whether", "电箱泡过水 现在摸着有点麻手 是不是漏电了"),
    ("aircon water", "aircon water is coming inside from the top of the aircon, on the wall"),
    ("incense", "burning smell in corridor again, only the agarbatti from 20C, they do puja every evening"),
    ("debris washed down", "楼道里被消防水冲下来的灰渣子堆在墙角 一个多礼拜了"),
]
# The seventy-seventh round's look-alikes: food grilled on the roof (燒嘢食), children pressing every button (每层都停),
# the smell gone "现在好像没有了", "wala na po yung amoy gas", "the flood … stop already", a Sundanese smoke alarm
# (alarm haseup), a car shut in behind a barrier, and "ngan ukur test" (only a test).
MORE_LOOK_ALIKES += [
    ("food grilled", "有人喺天台燒嘢食 成陣燶味攻入屋"),
    ("buttons pressed", "谁家小孩在电梯里乱按 每层都停 上班要迟到了"),
    ("gone now", "刚才闻到一股煤气味 我开窗通了风 现在好像没有了 你们要不要来看看"),
    ("gone", "ma'am wala na po yung amoy gas, sinara ko na po yung valve, pakicheck ang hose"),
    ("stopped already", "the flood in the corridor stop already, but the carpet is still wet"),
    ("a smoke alarm", "alarm haseup di dapur murag, teu tiasa dipasangkeun deui"),
    ("a car", "barrier ning lawang metu ora gelem munggah, mobil e madam kejebak ning parkiran"),
    ("only a test", "tadi aya sora alarm seuneu di lantai 7 tapi saur guard ngan ukur test"),
]
# The seventy-eighth round's look-alikes: a gas water heater that "每次著火" (lights each time, Cantonese), a fire of
# the past told as "冒烟那事" with no account given since (没个说法), a lift that trapped people "好几次" told as a
# grievance, a fire supposed ("真要着火了消防车咋进来") and "trapped... in this lease" said in jest.
MORE_LOOK_ALIKES += [
    ("lights each time", "熱水爐每次著火都嘭一聲先有火 個聲好大好嚇人 冇煤氣味 但係驚驚地"),
    ("that matter", "配电房冒烟那事 物业到现在都没个说法 到底咋回事 谁来负责"),
    ("time and again", "电梯困人好几次了 你们年年说换新电梯 到现在也没换 我们老年人坐着心里害怕"),
    ("supposed", "7号楼后面那个消防通道晚上停得满满当当的 真要着火了消防车咋进来"),
    ("a lease", "Mate I'm trapped... in this lease. Kidding. When does the pool reopen?"),
]
# And what stays an emergency beside those words: a water heater on fire (Mandarin 着火), trapped again now.
MORE_KINDS += [
    ("fire", "热水炉着火了 厨房全是烟"),
    ("trapped", "电梯困人好几次了 现在又困住了 我妈在里面"),
    ("trapped", "這部lift困人三次了，而家又困住個阿婆"),
    ("trapped", "I'm trapped... in the lift, block 3, it stopped between floors"),
]
# The seventy-ninth round's look-alikes: how long help took ("电梯困了我二十分钟你们才来人"), a cry of fire found to
# be a mistake (误会), a lift stopping out of level that keeps a wheelchair user from leaving the block (出唔到八座).
MORE_LOOK_ALIKES += [
    ("how long help took", "电梯困了我二十分钟你们才来人 这效率？"),
    ("a mistake", "刚才楼下有人喊着火了 后来说是误会 是烧烤的烟"),
    ("kept from the block", "我想報部lift停唔準每次停都高咗一級咁我阿爺坐輪椅出唔到八座"),
]
# And what stays one: a flood "now again" after last year's, someone still trapped after help was slow.
MORE_KINDS += [
    ("flood", "last year also like this now again!! B1 car park water rising very fast after the rain, drain choke"),
    ("trapped", "电梯困了二十分钟才来人 现在门还是开不了 我还困在里面"),
    ("trapped", "部lift停咗喺兩層中間 我阿爺坐輪椅喺入面出唔到"),
]
# The eightieth round: a fire said to burn now is one though a cigarette started it, and smoke "not from anyone's
# grill" is no barbecue's; mosaic tiles fallen with nobody passing, a bath not draining after a shower, and "will there
# be water flooding again" asked of the next typhoon are not.
MORE_KINDS += [
    ("fire", "篮球场旁边的草坪着火了，烟很大，好像有人扔了烟头"),
    ("fire", "there's smoke coming out of the bin store behind the BBQ pits and it's not from anyone's grill"),
    ("fire", "一楼信报箱那里着火了 可能有人扔了烟头 火苗窜得老高"),
]
MORE_LOOK_ALIKES += [
    ("nobody passing", "外牆啲紙皮石跌咗幾塊落平台 好彩冇人經過"),
    ("after a shower", "浴缸去水位塞咗 沖完涼啲水浸到腳眼"),
    ("asked", "will there be water flooding again in the car park when the typhoon come last year it was terrible"),
    # Cigarettes still explain the smoke beside a fire only thought of, remembered or nearly started.
    ("thought", "1203那家在门口烧纸 楼道里全是烟灰 我还以为又着火了 吓个半死 已经灭了"),
    ("the matter", "隔壁天天在楼道里抽烟，烟头扔一地，着火的事这么快就忘了吗"),
    ("nearly", "楼下有人抽烟 烟头扔下来 差点着火了"),
]
# A cancelling word told only of the past does not undo the danger told now.
MORE_KINDS += [
    ("collapse", "上個月天花批盪跌過一次，而家成塊天花板塌咗落嚟，好彩冇人喺度"),
    ("flood", "之前報過去水慢，3座702而家成個坑渠倒灌，污水湧晒出嚟廁所"),
]
MORE_LOOK_ALIKES += [
    # The same words all in the present still cancel: only plaster flaking, only a slow drain.
    ("flaking now", "而家天花啲批盪一塊塊跌落嚟，唔係好大塊"),
    ("slow now", "廁所去水慢，沖完涼水浸到腳眼先慢慢落"),
]
# Round 81: Taiwan's words (瓦斯 for gas, 偵測器 for a detector, 保全 for the guard), a gas pipe broken, a lift
# that was "fixed" yesterday, water "literally" pouring; a fluorescent tube is no pipe, a restaurant's cooking
# explains smoke.
MORE_KINDS += [
    ("gas", "裝修工人好像把瓦斯管弄破了 一直在漏 C棟1003"),
    ("gas", "樓下一整個瓦絲味 不知道是哪一戶 可以請保全上來嗎"),
    ("trapped", "the lift in Block 2 that was 'fixed' yesterday has stopped between 8 and 9 with my helper inside"),
    ("flood", "Reported a drip from the ceiling in 14C last Tuesday, nobody came. Now water is literally pouring down"),
]
MORE_LOOK_ALIKES += [
    ("battery", "A棟1507 煙霧偵測器一直逼逼叫，應該是電池沒電了，可以幫忙換嗎"),
    ("taken down", "我們這層的煙霧偵測器被裝修工人拆下來了 可以幫忙裝回去嗎"),
    ("a tube", "停车场有根灯管爆了 地上都是碎玻璃"),
    ("a tube", "走廊支光管爆咗 啲玻璃跌晒落地"),
    ("asleep", "晚上的保全每次都在睡覺 叫都叫不醒"),
    ("cooking", "頭先講有煙，原來係樓下餐廳煮嘢，唔好意思"),
    ("that month", "颱風淹水那個月的管理費能不能不要收"),
    ("its cover", "我家进户的燃气管外面那个包的东西破了 没闻到味 就是看着不放心"),
]
# Round 82: the building's network gear smoking; asking after a man who fainted before is no injury now.
MORE_KINDS += [("electric", "comms cabinet in the riser on 8F is smoking, think its the wifi gear")]
MORE_LOOK_ALIKES += [("asked after", "上次喺大堂暈低嗰位師傅而家點呀？")]
# Round 83: a hydrant knocked off and spraying; whenever it rains, a fee after the flood, a flood feared, walls that
# sweat like rain and a head that smokes from work are no emergencies.
MORE_KINDS += [("flood", "12号别墅门口的消防栓被车撞断了，水喷得比房子还高")]
MORE_LOOK_ALIKES += [
    ("whenever it rains", "围墙边的排水沟堵了，一下雨水就漫到路上"),
    ("a fee after", "车库淹了 我的月卡停车费能不能顺延一个月"),
    ("those days", "地库淹水那几天的临时停车费还收吗"),
    ("feared", "我的车位被人占了 说怕地库淹 那我停哪里"),
    ("humid season", "我屋企啲牆流汗流到好似落雨咁，係咪正常㗎"),
    ("figure of speech", "开会开到头要冒烟 回家电梯还坏了 服了 5栋2号梯 今天真的是bad day"),
]
# Round 84: a ceiling that "has actually come down"; water coming down through a ceiling is a leak, a basin full
# of water no flood, the lift named by yesterday's trapping no trapping today, a gas smell gone, a fire supposed,
# the roast-meat oven's smoke harmless (but "有陣燒味" stays a burning smell).
MORE_KINDS += [
    ("collapse", "Apologies for the fuss, but a chunk of the bathroom ceiling has actually come down. Flat 31C."),
    ("trapped", "尋日困𨋢嗰部 今日又困咗人喺入面 快啲嚟"),
    ("electric", "喂 我屋企插蘇頭 佢冒緊煙 有陣膠燒味 我已經拉咗總掣 但係仲有煙"),
    ("gas", "the gas smell hasn't gone away, it's getting stronger in the kitchen"),
    ("gas", "opened all the windows but the smell of gas has not gone"),
]
MORE_LOOK_ALIKES += [
    ("a leak", "My kitchen ceiling got water coming down, not a lot, like drip drip, I put a bucket already"),
    ("a basin", "商場公廁洗手盆塞咗，啲水浸到成盤都係"),
    ("the lift of yesterday", "尋日困𨋢嗰部 今日又係咁頓一頓 頓一頓 你哋快啲搵人睇吓啦"),
    ("gone", "the gas smell just now gone already, is ok, guard say is the restaurant downstair cooking"),
    ("supposed", "气死我了 消防通道又让人堵死了 真着了火消防车都进不来"),
    ("roast meat", "FYI the smoke from our shop is just the siu mei oven, totally normal"),
]
# Round 85: the wordings round 84's set-aside lines showed only the learned head knew (voice input's 电体 and 然气味,
# a main spraying, a radiator joint blown, a home become a river, someone down who does not speak or respond,
# water worse by the minute, electrics "出緊煙"), a carbon monoxide alarm with people dizzy, grass set alight; no
# longer alarms: a fire supposed with 烧起来, a smell said not to be 然气, "差啲燒著", tiles off a bathroom wall,
# the smell that was only the neighbour cooking, a fitting that only drips.
MORE_KINDS += [
    ("trapped", "电体关人了!我孙子在里面出不来 6号楼"),
    ("trapped", "hello? I'm inside the lift, it stop between floor, tower 5, the alarm button no one answer"),
    ("gas", "楼道里好大一股然气味儿，五楼六楼都闻着了，7栋1单元，快派人"),
    ("gas", "屋头好大股天然气味道 2栋3单元1101 快点来人哈"),
    ("gas", "我家里有股没气味 是煤气 燃气灶关了还是有味儿 赶紧来个人"),
    ("gas", "后厨好浓的煤气味，总阀已经关了还是有，3号楼底商105，师傅赶紧来"),
    ("gas", "一氧化碳报警器一直在响，家里两个人都头晕，热水器已经关了，我们现在在门口"),
    ("flood", "喂 管理處呀 四座地下G3 我屋企個總喉 噴緊水呀 止唔到"),
    ("flood", "暖器片接头那块炸了 冒热气 烫得很 屋里都成河了 九栋二单元五零一"),
    ("flood", "楼道里自来水管破了，水一个劲往下淌，都顺着楼梯流下去了"),
    ("flood", "水管子爆球了 屋头到处都是水 莫得办法关 快来救命哦"),
    ("flood", "快啲派人嚟！G08舖廚房隔油池爆咗，污水由地台渠湧上嚟，成個廚房浸緊"),
    ("flood", "停車場啲水由卸貨區一路流入嚟我哋舖，地下已經有幾吋水，仲係咁入"),
    ("flood", "the toilet dirty water come back up, overflow whole bathroom floor, very smelly, still coming out"),
    ("flood", "rather a lot of water coming through the kitchen ceiling now and it's getting worse by the minute"),
    ("injury", "老伴儿突然倒地上了 不说话 我一个人抬不动他 11号楼3单元702 救命"),
    ("injury", "An elderly gentleman has collapsed in the lobby of Block 6 and isn't responding"),
    ("injury", "my downstairs neighbour has fallen on the stairs and is bleeding quite heavily from her head"),
    ("electric", "雪櫃個插蘇燒溶咗，仲出緊煙！！"),
    ("electric", "3座地下G2舖冷氣機個掣位出緊煙，有燒電線味"),
    ("electric", "5栋一楼大厅门禁机的电源线烧起来了，一股焦糊味"),
    ("fire", "厨房排烟罩烧起来了！！灭火器喷完了还有火"),
    ("fire", "有小孩放鞭炮把楼下绿化带的枯草点着了，火还挺大，在6号楼旁边"),
]
MORE_LOOK_ALIKES += [
    ("supposed", "要是楼道里真着火了，那些堆的杂物不就全烧起来了？能不能让他们先清走"),
    ("not gas", "我家厨房有点怪味 不是然气味啊 我查了阀门没问题 应该是下水道返味"),
    ("nearly", "樓上成日喺窗口度燒炮仗，啲紙碎同火屑跌落我露台，差啲燒著我啲衫"),
    ("tiles", "bathroom wall tiles falling off, 2 tiles drop already this week"),
    ("cooking", "The burning smell in the corridor was only the neighbour cooking, sorry I already call the guard"),
    ("a drip", "Water coming through the light fitting in the hallway, just drips for now, we turned off that circuit"),
    ("a stove flame", "炉头火好大 系咪要校一校"),
    ("rubbish tipped", "倒咗啲垃圾喺走廊 佢哋都唔出声"),
    ("a group chat", "管理处群都炸了 个个都问几时有水"),
    ("the office", "the fence fell down last week and management isn't responding"),
    ("a figure of speech", "最近天气干燥 上火 火好大 喉咙痛"),
    ("the office, now", "上次水浸嘅赔偿 我哋而家喺门口管理处"),
    ("a CO alarm's battery", "一氧化碳报警器一直嘀嘀响 应该是没电了 在哪里买电池"),
]
# Round 86's probes (landlords, carers, Guangdong Cantonese, residents from abroad): what only the learned head found.
MORE_KINDS += [
    ("trapped", "I am deaf. I am inside the lift in Block 1 now, doors not opening. I cannot hear if anyone answers"),
    ("trapped", "上个礼拜先困过人，今日又困人啊！2座B梯，入面有个阿伯，拍门都冇人应"),
    ("flood", "pipe under the sink just burst, water everywhere, I can't bend down to turn the valve off"),
    ("flood", "廚房水龍頭成個甩咗出嚟，水唧到上天花！我用毛巾揸住先，快啲嚟！"),
    ("gas", "租客話廚房個煤氣喉嗦嗦聲，好大陣味，佢唔敢開燈"),
]
MORE_LOOK_ALIKES += [
    ("gone and checked", "2号楼502，燃气味已经没有了，师傅检查过了，谢谢你们"),
    ("a tingle", "16栋2003 热水器好像漏电，刚才碰了一下手麻了一下"),
    ("dull", "天天关在家里好困人，会所几时重开"),
    ("a hose, a question", "what should I do if the hose under the sink ever bursts"),
]
# Round 87's probes (night workers, net slang, owners' committees, an estate-wide outage): what the rules missed.
MORE_KINDS += [
    (
        "trapped",
        "More urgently: Lift 2 in Tower C has stopped between floors with an elderly resident inside. Nobody answers",
    ),
    ("trapped", "现紧急报告：12号楼2单元电梯停在9楼和10楼之间，里面困着我邻居和她的孩子"),
    ("trapped", "救命 电梯卡在15楼下不来了 我和室友两个人在里面 按铃没人应 5号楼"),
    ("collapse", "敬啟者：第八座地下大堂，天花批盪剛剛有大塊跌落，仍有碎塊陸續掉下，幸未有人受傷"),
    ("collapse", "楼道天花板裂开往下垂了，一大块随时会掉，墙皮已经掉了一地 14号楼9楼"),
    ("flood", "現時廁所及廚房地台去水位有污水不斷倒灌湧出，已蔓延至客廳，懇請即派水喉匠處理"),
    ("flood", "停車場B1而家水浸 水一路升緊 啲車就浸到轆 有冇人嚟處理呀"),
    ("flood", "bathroom floor drain is spewing sewage, it's over the whole floor and now coming into the hall"),
    ("flood", "12号楼门口化粪池井盖往外冒污水，流得满地都是，还在往外涌"),
    ("flood", "頭先返水嗰陣廁所條喉爆咗，水射到成地都係，我閂唔到個掣！！"),
    (
        "injury",
        "The schedule came out last week. However, her husband has collapsed in the lift lobby and is barely breathing",
    ),
]
MORE_LOOK_ALIKES += [
    ("rescued", "我阿媽頭先困咗喺𨋢入面成個鐘先救出嚟，打管理處電話一直冇人聽，咁都得？"),
    (
        "a generator",
        "Someone on 15/F is running a petrol generator on their balcony. Not smoke, it just stinks of petrol",
    ),
    ("a question", "Where can my guests park this weekend? visitor spaces still flooded?"),
    ("no pieces", "A small hairline crack in the plaster of my ceiling. No pieces falling, nothing urgent"),
    ("flaking plaster", "客廳天花有少少批盪剝落，唔係好大塊，但想搵人執執佢"),
    ("going again", "电梯今天早上又停了一下我在里面关了一会它自己又开了吓死我了"),
    ("nobody's inside", "Lift B is stuck on 14/F with the doors shut, looks like nobody's inside"),
    ("not inside", "电梯卡在15楼了 我不在里面 是邻居说的"),
]
# Round 88: smoke or a burning smell from the electrics' cupboard is the electrics' (a recogniser's "views box" too).
MORE_KINDS += [
    ("electric", "Smoke coming out of the meter cupboard on 11/F Tower 6"),
    ("electric", "Strong smell of burning plastic from the meter cupboard outside our flat on 20/F, can't see where"),
    (
        "electric",
        "hello there's smoke coming out of the the views box in the corridor on the fourteenth floor tower three",
    ),
]
MORE_LOOK_ALIKES += [
    ("the days of a flood", "水浸嗰兩日停車場封咗 月租可唔可以扣返啲"),
    ("helped home", "停車場熱到爆 頭先仲有個阿伯暈咗 保安已經扶咗佢上去 你哋可唔可以改善下"),
    ("what one should do", "被困电梯里应该怎么办 家里老人不太会用对讲"),
    ("a danger feared", "有人把电动车推到楼道里充电 还拉着线从窗户那走 这多危险啊 着火了怎么办 你们管不管"),
]
# Round 89: a fire set by sparks or a firecracker that burns on, beside offerings burned in their place; a fire feared,
# and the time a lift traps people asked about.
MORE_KINDS += [
    ("fire", "平台燒衣個鐵桶啲火星飛咗出去 燒著咗旁邊啲草同樹葉 而家仲燒緊 搵唔到保安"),
    ("fire", "楼下有人放鞭炮 把我家阳台上的纸箱点着了 现在还在烧 3号楼2单元602"),
]
MORE_LOOK_ALIKES += [
    ("offerings burned", "平台燒衣 啲煙好大 燒著咗啲衣紙"),
    ("water on the boil", "刚才煤气灶点着了 锅里还在烧水 但是火很小 是不是要换"),
    ("a fire feared", "有人把电瓶车推到楼道头充电 堵起了不说 又危险 着火了哪个负责"),
    ("asked of the time", "想问下电梯困人的时候，物业多久能到"),
]
# Round 90: a socket scorched and melting further along the sentence, a typed "fell dwn"; a faint "last Tues", a pipe
# cracked and dripping.
MORE_KINDS += [
    (
        "electric",
        "Electrician here. The socket in the common corridor outside 25B is scorched and melting, someone's heater",
    ),
    ("collapse", "ceiling fell dwn in the bathroom just now big chunk nearly hit my son 14C"),
    ("flood", "水管爆咗條縫 水射到成地都係 止唔到"),
]
MORE_LOOK_ALIKES += [
    ("last Tues", "my mum fainted in the lobby last Tues and the guard was really helpful, just wanna say thanks"),
    ("a crack, dripping", "廚房星盆下面條去水喉爆咗條縫 啲曱甴就由嗰度入 順便仲滴緊水"),
]
# Round 91: the ceiling itself down, said as news; a formal "if", a formal "no sparks seen", a fear of one day,
# "or help" as a verb, workers who smoke, a wall that cracks, a flood gone down, a barrier that will not lift, kept at
# home by a lift out of order, asking after someone who fainted.
MORE_KINDS += [
    ("collapse", "2-1101 天花板掉下来了"),
    ("flood", "the flood water hasn't gone down, still pouring into the car park"),
    ("collapse", "3座10樓走廊啲天花板跌落嚟 仲有嘢跌緊 啱啱有人行過好危險"),
]
MORE_LOOK_ALIKES += [
    ("the time it fell", "天花板掉下来那次物业来看过说没事，现在裂缝越来越大了，能不能再来看看"),
    ("dust from it", "天花板掉下来一些灰，是不是要补一下"),
    ("a formal if", "敬啟者：謹此查詢：倘若日後於家中嗅到煤氣味，應先致電管理處抑或直接聯絡煤氣公司？懇請賜示。"),
    ("no sparks seen", "敬啟者：第十二座七樓電錶房門外有一段電線外露，雖未見火花，亦無異味，懇請盡快處理。"),
    (
        "one day",
        "I pressed the lift alarm button as a test and no one answered. Given that people may one day be trapped, "
        "please repair it urgently.",
    ),
    (
        "help as a verb",
        "During the fire in Tower 6 on the night of 18 November, the guard did not sound the alarm or help residents "
        "evacuate. I wish to lodge a formal complaint.",
    ),
    ("workers who smoke", "The renovation workers next door smoke in the stairwell and the smell comes into our flat"),
    ("a wall cracked", "10B 牆身爆裂"),
    ("the flood gone down", "水浸已退"),
    ("receded", "the flood water in the car park has receded, thanks to the guards"),
    ("a barrier", "Car park exit barrier won't lift, my elderly neighbour's been stuck at it for 10 min"),
    ("kept at home", "打咗三次管理處熱線都冇人聽，阿爸困咗喺屋企因為部𨋢壞咗，你哋啲人去晒邊？"),
    ("asked after", "晕倒那个老人怎样了"),
]

# Round 92: a lift stuck "between" two floors (之间) or with the people named further on; a sprinkler knocked off, rain
# pouring in through a smashed window; tiles coming off an outside wall now; a window hanging over the street by a
# hinge; someone pinned under a shutter; a snake inside a home, wasps chasing children; a speech recogniser's 店梯 and
# 梅氣. Beside them: a shower head come off, a gutter over a path, a snake in the garden or last week, a fire corridor,
# a lock that took in water, a cracked pipe dripping, a playground's floor lifted by water.
MORE_KINDS += [
    ("trapped", "停电了，我们2号楼的电梯卡在8楼和9楼之间，里面有个老人和小孩，快来人！"),
    (
        "trapped",
        "Lift in Block 3 stopped between floors when the power went, my mum and the helper are inside pressing the "
        "alarm",
    ),
    ("trapped", "喂 喂 係咪管理處呀 我哋個店梯呀 卡咗喺十樓同十一樓中間 入面有個阿婆呀 快啲嚟呀"),
    ("gas", "喂 我聞到好大陣梅氣味呀 喺走廊 七樓走廊 係咪邊度漏呀"),
    ("flood", "消防花灑頭俾搬貨嗰個撞爆咗！水狂噴，成間髮型屋浸緊，點關水呀？？"),
    ("flood", "客廳窗玻璃俾風吹爆咗,啲雨成盤水咁倒入嚟,地下一大灘仲不停入緊水,5座1806"),
    ("collapse", "外墙一大块瓷砖连着批荡正在往下掉，刚砸到楼下的车了，下面还有人在走，太危险了 5号楼"),
    (
        "collapse",
        "The window in my bathroom is hanging by one hinge after the gusts, its swinging out over the street on 21/F",
    ),
    ("trapped", "卷閘落到一半卡死，我同事隻腳俾佢壓住拉唔出嚟呀！！商場G03快啲嚟"),
    ("trapped", "The shutter came down on a delivery guy and his arm is stuck under it, it won't go back up!!"),
    ("injury", "救命！有條蛇喺我廚房，而家捲埋喺雪櫃後面，3座1208，快啲派人嚟！！"),
    ("injury", "2号楼3单元501室，卫生间爬进来一条蛇！！就在马桶旁边，孩子吓哭了，赶紧来人"),
    ("injury", "儿童乐园滑梯旁边的马蜂窝被小孩捅了，一大群马蜂在追人，快派人来！"),
    ("injury", "There is a snake in my bathroom RIGHT NOW, Block 3 flat 14C, please send someone"),
    ("injury", "Wasp swarm at the playground, kids are getting stung, need help NOW"),
]
MORE_LOOK_ALIKES += [
    ("a shower head", "浴室個花灑頭甩咗，接口嗰度鬆咗"),
    ("a gutter over a path", "gutter on our roof came loose in the wind and is hanging over the path, house 11"),
    ("a snake in the garden", "花園有條蛇盤喺石頭度，唔知有冇毒，可唔可以叫保安嚟捉"),
    ("a snake last week", "上星期有條蛇喺我廚房，好驚，想問屋苑有冇防蛇措施"),
    ("a fire corridor", "Laundry next door stacks bags of customers' clothes in the fire corridor every day"),
    ("a lock that took in water", "露台門關唔到,個鎖頭入晒水生鏽,卡住咗。7座地下A室"),
    ("a cracked pipe dripping", "阳台下水管裂了，一直往楼下滴水，下面住户说衣服都湿了，9号楼1单元601"),
    ("a floor lifted by water", "兒童遊樂場啲地膠俾水浸到起晒,行過去會絆腳"),
    ("a shutter pinned someone last month", "上个月卷闸压住过一个送货的，脚夹住拉不出来，你们处理得很慢"),
    ("natural gas", "天然气费怎么交"),
]
# Round 93: how to get out in a fire, asked; a plug's burning smell denied; a car-park barrier stuck up; offerings
# burned in the street; a parcel shut in a locker.
MORE_LOOK_ALIKES += [
    ("how to get out, asked", "後樓梯擺晒雜物 邊個放嘅都唔知 火警點走呀 我阿爸行得好慢"),
    ("a burning smell denied", "冷氣機半夜突然冇晒電 其他電器又正常 個插頭冇燒焦味 五座十二樓D"),
    ("a barrier stuck up", "車庫閘口個閘桿壞咗，一直升住冇落嚟"),
    ("offerings burned", "聞到好大陣燶味，睇落係樓下有人燒街衣，小區容唔容許㗎？"),
]
MORE_KINDS += [
    ("flood", "地库的水一直升 已经到膝盖"),
    ("fire", "火警！走廊好大烟 点走呀"),
]
# Round 94: gas that stinks, gas smelled "a little"; water up past the ankles, said politely; water seeping in again and
# more and more after last week's flood; smoke welling out of a door gap, which is no flood.
MORE_KINDS += [
    ("gas", "Call me back?? NO. Someone needs to come NOW. The whole 9th floor corridor stinks of gas, Block C."),
    (
        "gas",
        "So sorry to bother you on a Sunday. I think I can smell a little gas in the kitchen, maybe from the stove?",
    ),
    (
        "flood",
        "Sorry to trouble you, there seems to be a little water on the car park floor at B1... it's come up past my "
        "ankles now and it seems to be rising near the drains. Probably nothing to worry about?",
    ),
    ("flood", "上個禮拜地庫水浸過，今日又開始有水滲入嚟，越嚟越多"),
    ("fire", "火呀!!!!隔籬單位冒緊黑煙,啲煙由門罅湧出嚟,成條走廊睇唔到嘢!!!"),
]
# Round 95: dangers played down, as deferential residents tell them (a little smoke, a slight smell of gas, water
# creeping, debris falling all along); smoke out of a bin room whatever cigarette is guessed; a polite "if" is no
# supposition; a strong gas smell now beside a complaint about the last check.
MORE_KINDS += [
    ("fire", "阿姐唔好意思，我哋層後樓梯有啲煙，唔係好多，不過聞落有啲燶味，唔知係咪有人燒嘢。3座18樓。"),
    ("fire", "打扰了，楼下垃圾房好像有点冒烟，可能是谁扔了烟头吧。我们是11栋。"),
    (
        "fire",
        "Hello, there seems to be a bit of smoke coming out of the rubbish room on our floor, 16/F Block 4. Could just "
        "be someone's cigarette.",
    ),
    (
        "gas",
        "I think I can smell a slight bit of gas in my kitchen, it's been there since I came back from the market. "
        "I've opened the window. Flat 7C, Block 2. If it's no trouble could someone pop by?",
    ),
    (
        "flood",
        "Water is creeping out from under the washing machine, it's halfway across the kitchen floor now and still "
        "coming.",
    ),
    (
        "flood",
        "there's quite a lot of water running down the car park ramp with this rain and it's pooling round the cars on "
        "B1, getting deeper.",
    ),
    ("collapse", "唔好意思阻你哋，大堂天花有塊嘢好似就嚟跌落嚟，一路有啲碎石跌，裂咗好大條縫。4座大堂。"),
    ("gas", "煤氣味好勁呀成條走廊都係!!二座十二樓。上次你哋話檢查過冇問題,檢查咗乜鬼?"),
]
# Round 96: a little fire in a bin room with a cigarette guessed; someone fallen "and isn't answering".
MORE_KINDS += [
    ("fire", "垃圾房門口好似有少少火，可能有人掉煙頭，啲煙都幾大下"),
    ("fire", "just a heads up, there's a small fire in the bin room on the ground floor, someone's cigarette maybe"),
    ("injury", "my dad's fallen in the bathroom and isn't answering, can someone come. Tower 5 flat 20C"),
]
MORE_LOOK_ALIKES += [
    ("a fire in the bin room, last week", "上星期垃圾房有火，好彩冇事"),
    ("a smell of smoke, a smoker named", "B座20樓F 成日有煙味由門縫入嚟 應該係隔籬食煙"),
    ("if it happens again", "if the lift stops again with my mum inside who do I call"),
    ("a little smoke from cooking", "厨房有啲烟，煎紧鱼，冇事"),
]
# Round 97 (sarcastic, formal, replying to notices, furious): a window by its last hinge or screw in Chinese, smoke
# or gas once a drill or test is over, a gate pinning a worker, a joke about gas stoves; and fires only supposed.
MORE_KINDS += [
    ("collapse", "呵，10号楼7楼那扇窗户就剩一个合页挂着了，风一吹晃来晃去，下面就是人行道"),
    ("collapse", "外牆有隻鋁窗得返一粒螺絲吊住，喺條街上面搖嚟搖去，下面係巴士站！！"),
    ("collapse", "Re the scaffolding notice: a window frame on 21/F is hanging off by one hinge, swinging in the wind"),
    ("collapse", "通知話大堂翻新完成，但係信箱區天花有一大塊石屎跌咗落嚟，仲有啲鬆鬆哋隨時再跌"),
    ("fire", "演習完咗但係後樓梯仲有煙，唔係好多……不過有陣燶味，唔知邊度嚟，C座"),
    ("gas", "收到煤氣公司測試通知，師傅走咗冇耐成條走廊都係煤氣味，好攻鼻，5座18樓"),
    ("trapped", "屋苑正門嘅電動大閘剛才夾住咗一位送貨工人嘅腳，佢而家被壓喺閘底，我哋推極都推唔開"),
    ("gas", "lovely, the 9/F corridor smells like someone left every gas stove on at once. anyone else getting this?"),
    ("fire", "垃圾房出晒煙，可能係有人掟煙頭啫，但係好大陣味，D座地下"),
]
MORE_LOOK_ALIKES += [
    ("a fire supposed", "有人把车停在消防通道上，一停就是一整天，真着火了就好看了"),
    ("a fire supposed", "有人在单元门口给电动车飞线充电，电线从五楼窗户拉下来，真着了火谁负责？"),
    ("a fire waited for", "上次火警那个烟感器到现在还没装回去，是要等下一次着火再装吗？"),
    ("a hope", "A座2號lift個警鐘對講機按落去冇人聽，希望唔好有人困喺入面啦"),
    ("a question for some day", "If residents ever smell gas in their flat at night, should they ring the guardhouse?"),
    ("not yet a flood", "舖內後面嘅地台去水渠經常倒灌出污水，雖然未至水浸，但有陣陣臭味影響生意"),
    ("a bill rushing up", "厨房水龙头一直滴，拧死了都关不紧，水费哗哗涨，报修三天没人来"),
    ("a mailbox door", "Mailbox door hanging off by one hinge, block A"),
    ("a test asked about", "火警鐘測試完咗未？仲響緊"),
]
# Round 98 (teenagers, owners abroad, anxious residents, the festivals): a snake in a lift, a loose dog that has
# bitten, wasps chasing and stinging, a fire that caught what was beside burning paper; fears, a sign asked about,
# a trapped resident out long ago, a chaser about "嗰單", a socket replaced.
MORE_KINDS += [
    ("injury", "电梯里有条蛇!!! 就盘在角落 2号楼 吓死了 谁来管管"),
    ("injury", "小区里有条大狗在追人，刚才咬了一个小孩，狗还没人牵走，在东门儿童区那边"),
    ("injury", "刚才楼下草地那边好几个小孩被马蜂追着蛰，有个孩子脸都肿了，现在还有蜂在飞"),
    ("injury", "My tenant says there is a snake in her kitchen RIGHT NOW, under the cabinets. 4B Tower 6"),
    ("fire", "kids paper lantern caught the living room curtain and it's still burning, we're throwing water on it!!"),
    ("fire", "楼道里有人烧纸，火把旁边堆的纸箱引着了，烟特别大，14号楼8层"),
    ("fire", "後樓梯有人燒衣，啲火燒咗去隔籬個垃圾桶度，成條樓梯都係煙，B座12樓"),
    # Round 99, an ordinary month: a dog off its lead attacking.
    ("injury", "A dog off its lead is attacking a kid at the playground right now, security pls!!"),
    ("injury", "a dog has attacked a child at the podium, still loose"),
]
MORE_LOOK_ALIKES += [
    ("a sign asked about", "the smoke alarm keeps chirping. does that mean there's a fire somewhere?"),
    ("a fear", "My ceiling light flickers and buzzes when I switch it on, is it going to catch fire?"),
    ("a fear", "请问小区里能不能装充电桩？我担心电动车在家里充电会着火"),
    ("a fire supposed", "对门邻居的鞋柜和快递箱堆满了楼道，我推轮椅根本过不去，着火了怎么跑"),
    ("out long ago", "电梯困人的时候打你们值班电话根本没人接 我被困了四十分钟才出来 离谱"),
    ("a chaser", "頭先lift困人嗰單搞掂未 我阿嫲要用"),
    ("a socket replaced", "Thank you, the sparking socket behind the tree was replaced this morning, all works"),
    ("a resident melting", "冷氣機冇電 遙控撳完都冇反應 插頭都插實咗 熱到溶 2座1903"),
    ("a dog with its toy", "my dog is biting his toy so hard the squeaker broke, lol"),
    ("a bite last week", "the dog next door has bitten my son last week, who do I report it to"),
]

# Round 100 (trade-savvy residents, residents who cannot name things, ramblers, an ordinary month): arcing, smoke from
# a board or from a room named by what goes in it and growing whatever cigarette is guessed, smoke drifting out of a
# bin room's door, a ceiling coming down "tonight" after a crack reported long ago; people who smoke, a nest that has
# stung nobody, a cupboard door by its last hinge.
MORE_KINDS += [
    ("electric", "Exposed live conductor in the riser on 17/F, cover plate gone, visible arcing at the busbar tap off"),
    ("electric", "the socket behind the washing machine is arcing every time the drum spins"),
    ("electric", "smoke coming out of the distribution board in the car park, smells like burning PVC"),
    (
        "fire",
        "a bit of smoke coming out of the room where we leave the rubbish bags, maybe a cigarette but it's getting "
        "thicker",
    ),
    ("fire", "見到垃圾房門縫有白煙飄出嚟，唔知係咪有人掉咗煙頭，味道好嗆"),
    ("fire", "垃圾房有黑烟冒出来，可能是烟头，我们不敢进去"),
    (
        "collapse",
        "I reported the crack in the ceiling last spring and was told not to worry. Tonight the ceiling is sagging and "
        "lumps of concrete keep dropping onto the sofa.",
    ),
]
MORE_LOOK_ALIKES += [
    ("people who smoke", "ppl smoke on the stairs and the smell comes under my door"),
    ("smoking getting worse", "the smoke from their cigarettes is getting worse every day, 12B"),
    ("a nest that stung nobody", "我家阳台外面空调架上有个马蜂窝，蜂子进进出出的，还没蛰人"),
    ("a nest that stung nobody", "冷氣機架有個黃蜂竇，暫時未叮過人，可唔可以搵人拆"),
    ("a cupboard door", "the meter cupboard door on 9/F is hanging by one hinge, please fix"),
]

# Round 101 (forwarded messages, residents in a panic, danger words without danger, an old estate): shutters come
# down on someone, a smell at the gas meter played down, things hanging outside by a corner, a dog that bit an old
# lady, a plug smelling burnt, a man down and not responding, smoke with its source only guessed, a son in a stopped
# lift "fine" but to be let out, wasps that stung and still chase; a bottle that burst, "if theres a fire", the gas
# company's all clear, a snake gone into the bushes, the fire exit's sign, a hose come off and mopped up.
MORE_KINDS += [
    ("trapped", "楼下商铺卷帘门把送货的师傅压住了，腿拔不出来"),
    ("trapped", "舖頭個閘跌落嚟壓住個伙記 地下5號舖 快啲"),
    ("trapped", "底商的卷帘门掉下来压住了一个店员 快来"),
    ("gas", "燃气表那儿有一点点味道，不是很大，应该没事吧？"),
    ("gas", "煤氣錶嗰度有啲味，唔係好勁"),
    ("collapse", "the window hinge snapped and the whole window is hanging by one corner over the street"),
    ("collapse", "阳台窗户一整扇掉了一半 挂在外面晃 下面就是小区大门口"),
    ("collapse", "露台玻璃門甩咗出嚟 吊喺出面 下面係行人路"),
    ("injury", "大堂有隻唐狗咬咗個阿婆 仲喺度吠緊撲緊人"),
    ("electric", "空调插头那里有点焦味 摸着烫手 可能没事吧"),
    ("injury", "會所健身室有個男人突然瞓低咗 冇反應"),
    ("fire", "bit of smoke in the stairwell on 15/F, probably somebody burning hell money again, anyway fyi"),
    ("fire", "楼道里有点烟，不是很多，可能是谁扔了烟头吧，你们来看看"),
    ("fire", "5楼消防楼梯里飘着烟，不大，估计谁在里面抽烟吧"),
    ("trapped", "lift 2 stopped between floors with my son inside, says he's fine, can someone come let him out"),
    ("injury", "wasps all over the playground near block 2, two kids already stung and they keep chasing people"),
]
MORE_LOOK_ALIKES += [
    ("a bottle that burst", "有人由上面掟咗個玻璃樽落嚟 啱啱喺我身邊爆開 好彩冇掟中"),
    ("a fire supposed", "bikes all over the staircase on 5th floor. if theres a fire we're dead"),
    ("cleared, the report withdrawn", "the gas smell this morning was the Towngas guys purging a pipe, all clear now"),
    ("a snake gone", "在小区花园看见一条蛇，已经钻到草丛里了，注意一下小孩"),
    ("the fire exit's sign", "停車場個火警出口指示燈唔著，黑麻麻"),
    (
        "mopped up",
        "upstairs' washing machine hose came off, they turned it off and mopped up, now a wet patch on my ceiling",
    ),
    ("a plug that does not smell", "冷氣機半夜突然冇晒電 個插頭冇燒焦味"),
    ("a fly screen", "卧室那个纱窗掉下来了 连框一起 挂在外面晃 我够不着"),
    ("smoke from a cigarette, no guess", "楼下有人抽烟，烟飘上来我家阳台"),
]

# Round 102 (at night, the hotline in the first breath, neighbours, a private estate): a snake come into the home,
# someone heard inside a lift, a lift transcribed "left" or 电题, a slight bit of gas, smoke with a haze, smoke with its
# source guessed, a window on one hinge, a dog biting now; incense burning found, the blood left uncleaned, and a
# source seen with the smoke only guessed harmless.
MORE_KINDS += [
    ("injury", "家里进蛇了 钻到床底下了 孩子吓哭了 怎么办啊"),
    ("trapped", "lift alarm ringing in block 4 lift A for like 10 min, someone shouting inside"),
    ("trapped", "yeah hi the left is stuck the left in tower B and there are kids inside we can hear them crying"),
    ("trapped", "喂 电题 电题停了 我闺女在里面 门打不开 一号楼的"),
    ("gas", "I think there's a slight bit of gas a slight smell on our floor not sure maybe it's nothing"),
    ("fire", "十四樓垃圾房門口有陣陣煙味 唔算好濃 可能有人食煙啩 但係我行過都覺得有少少朦"),
    ("fire", "楼到里有烟 一点点啊 不是很多 可能是谁扔了烟头吧 但是味道挺大的 七楼"),
    ("collapse", "阳台的窗户整扇就挂在一个合页上 晃来晃去 下面就是人行道"),
    ("injury", "嗯 有隻狗冇拉繩 喺停車場咬緊人呀 咬住個姐姐唔放"),
]
MORE_LOOK_ALIKES += [
    ("incense found burning", "頭先有陣燶味 原來係隔籬燒緊香 冇事喇"),
    ("blood left uncleaned", "頭先有人喺電梯大堂暈低 救護車已經送走咗 但係地下仲有血 冇人清"),
    ("a source seen", "睇到樓下有煙 望落去係個燒衣桶喺度燒 應該冇事掛 想問下今日係咪准燒"),
    ("a gas bill", "there's a slight bit of gas bill left to pay from last month"),
    ("a dog with its ball", "隻狗喺公園咬住個波唔放，好得意"),
]

# Round 103 (health workers, floor representatives, English as a second language, a mainland compound): bleeding in a
# paramedic's words, a seizure and no response to voice, a dog attacking with its "is" left out or going for a kid,
# a shutter "come down on" a worker, water rising on the floor; nobody "关在里面", rain coming in by a window.
MORE_KINDS += [
    ("injury", "deep lac to L forearm, looks arterial, direct pressure not controlling it, need a guard NOW"),
    ("injury", "Resident seizing on the podium, now post-ictal and not responding to voice"),
    ("injury", "Dog off the lead attacking people at the Phase 2 playground right now"),
    ("injury", "A dog just went for a kid by the playground, owner can't hold it back"),
    ("trapped", "rolling shutter of my shop come down on my worker leg he cannot get out. shop G8"),
    ("flood", "樓上漏水交關厲害 水從燈那裏一直落 地下水越來越多"),
]
MORE_LOOK_ALIKES += [
    ("nobody inside", "电梯坏脱了 没人关在里面 2号楼 要爬18楼"),
    ("rain by a window", "主人房窗鉸鬆咗，關唔埋，落雨入晒水。1座8樓D室"),
    ("a seizure once", "my son had a seizure last year, is there an AED in the clubhouse?"),
]

# Round 104 (a holiday weekend, children writing for their parents, fire and smoke, water): smoke "還沒散" or
# "攻晒上嚟", a bin on fire beside a guessed cigarette, a little smoke far from its guessed cigarette, water poured
# in, pouring down, a hose that will not shut, a bucket filled in minutes; the fire alarm's ringing, panel and assembly
# point,
# "in a fire", evacuation asked of, a fire feared, a guard who came late, no gas smell at all, a guard quoted, things
# soaked before.
MORE_KINDS += [
    ("fire", "我姥姥说楼道里有点烟，不太多，她觉得是有人在楼梯间抽烟，可半天了还没散"),
    ("fire", "樓下好似有人燒嘢，啲煙攻晒上嚟我屋企，唔知係咪火燭"),
    ("fire", "bin outside the clubhouse is on fire, someone chucked a cigarette in it I think"),
    (
        "fire",
        "There's a little bit of smoke in the back staircase around the 9th floor, not much, probably just someone's "
        "cigarette",
    ),
    ("flood", "一楼商铺S20后门往里灌水，货都泡了"),
    ("flood", "楼上地暖管漏了，水从我家顶上一直往下淌，他家没人"),
    ("flood", "洗衣機條喉甩咗，水好大閂唔到，第三座十七樓B室"),
    (
        "flood",
        "just a slight drip from the ceiling... actually it's more like a stream now, filled a bucket in ten minutes",
    ),
    # (A socket crackling, as the English rule had it; until now the learned test's wording.)
    ("electric", "插座發黑仲有啪啪聲"),
]
MORE_LOOK_ALIKES += [
    ("the assembly point", "火警集合點喺邊度"),
    ("the assembly point", "火灾疏散集合点在哪里？"),
    ("the alarm panel", "大堂個火警控制板閃黃燈，嘟咗兩日"),
    ("the alarm rang", "半夜火警响，打物业值班电话没人接"),
    ("in a fire", "My dad is on oxygen. Does the estate keep a list of who needs help evacuating in a fire?"),
    ("in a fire", "Bikes and a pram blocking the fire escape stairs on 7/F, nobody could get past in a fire"),
    ("evacuation asked of", "我妈行动不便，着火了有人帮忙疏散吗"),
    ("a fire feared", "对门邻居在楼道里堆了一堆纸箱和旧家具，我妈推助行器过不去，还怕着火"),
    ("a guard who came late", "星期五我阿爸困𨋢，保安等咗四十分鐘先嚟，咁樣點得㗎"),
    ("no gas smell at all", "我妈说早上燃气灶打不着火，一点燃气味都没有，就是点不着"),
    ("a guard quoted", "夜更嗰個保安話「水浸唔關我事」，叫我自己搞掂"),
    ("things soaked before", "地下室泡水的东西要拍照登记吗？找谁登记"),
    ("a pothole", "pothole on the ramp down to B2, getting deeper every week"),
    ("no crackle", "插座冇啪啪聲，只係鬆咗"),
]


# Round 105 (gas and electricity, people at risk, money without a bill word, complaints at their borders): a window
# hanging by its other hinge, a shutter holding someone's leg, a gas smell placed at the cooker or typed "gsa", someone
# who "isn't waking up" or on the floor and "won't talk", a dog biting an old woman, a lift heard as 粒較; a guard
# asleep whom nobody could wake stays a complaint.
MORE_KINDS += [
    ("collapse", "我間房隻窗個鉸甩咗一邊，成隻窗吊喺度咁，下面係行人路 C座12樓A室"),
    ("trapped", "捲閘落咗一半卡住，個保安阿叔隻腳俾佢壓住咗"),
    ("gas", "it's definitely like rotten eggs near the cooker, stronger at the pipe behind it. Tower 2, 16/F, Flat E"),
    ("gas", "gsa smell in 4B kitchen, hose looks cracked"),
    ("injury", "help my dad isnt waking up. block three, twenty two A"),
    (
        "injury",
        "she didn't answer so I used her key and she's on the kitchen floor, eyes open but she won't talk to me",
    ),
    ("injury", "有隻狗喺大堂咬住個婆婆唔放，主人唔知去咗邊，第七座"),
    ("trapped", "hello hello 我係十二座嘅 我困咗喺粒較度呀 好熱呀 冇人聽電話㗎"),
]
MORE_LOOK_ALIKES += [
    ("a guard asleep", "Night-shift guard in the Tower 3 lobby was asleep at the desk at 2am, couldn't wake him"),
]

# Round 106 (the fabric and things that fall, the hotline as transcribed, short messages, a mixed-use estate): things
# hanging outside by their last hold in more words and more kinds (a frame "hanging outside by the last hinge", a
# signboard "by one bracket", scaffolding "by one tie", a balustrade "held by the last clamp"; 外機 "挂在一根螺丝上",
# 簷篷 "得返一粒螺絲吊住", 鋼板 "就靠一个扣件挂着", 栏杆 "只剩一个焊点连着"), a shutter that "dropped on" someone; a
# ceiling only feared down is no emergency.
MORE_KINDS += [
    ("collapse", "The window frame came loose in the wind and is hanging outside by the last hinge, over the road"),
    ("collapse", "corridor window on 16/F Tower A is swinging outside on one hinge, right above the entrance"),
    ("collapse", "Our signboard is hanging off the facade by one bracket over the pavement"),
    ("collapse", "Scaffolding board has come loose and is hanging by one tie over the pavement at the bus stop"),
    ("collapse", "the glass balustrade has one panel leaning out over the edge held by the last clamp"),
    ("collapse", "空调外机支架锈断了 外机就挂在一根螺丝上 下面是人行道 我家7栋1803"),
    ("collapse", "大廈門口個簷篷甩咗一邊 得返一粒螺絲吊住 啲人照行 好危險 第二座"),
    ("collapse", "楼下商铺的招牌掉了一半 就剩一个角的螺丝挂着 下面是人行道"),
    ("collapse", "外墙脚手架有块钢板松了 就靠一个扣件挂着 下面就是小学生放学走的路"),
    ("collapse", "天台女儿墙的铁栏杆断了一截 吊在外面只剩一个焊点连着 下面是小区大门"),
    ("collapse", "窗鉸甩咗 成隻窗吊住出街 得返粒螺絲"),
    ("trapped", "the roller shutter at shop G3 dropped on a delivery guy hes stuck under it screaming"),
]
MORE_LOOK_ALIKES += [
    ("a ceiling feared down", "樓上成晚拖椅 仲有嘢跌落地 嘭一聲 嚇到我以為天花塌 佢哋係14B"),
    ("a fitting indoors", "the disabled toilet in the clubhouse - the grab bar is hanging off the wall by one screw"),
]

# Round 107 (mainland newcomers, pedants, residents in a hurry, a heavy month), read at the next stop: plaster down in a
# large piece and more to come, the verb first; a tripped switch whose cause the resident knows (leakage to earth, not
# sparks); water through the ceiling on a date, told as a claim.
MORE_KINDS += [
    ("collapse", "天花批盪甩咗一大塊落地，睇落隨時再跌"),
]
MORE_LOOK_ALIKES += [
    ("leakage known", "總掣跳咗，我知係漏電，可唔可以派電工嚟睇睇"),
]

# Round 108 (smoke and smells with their sources, after the fact, addresses every way, not what it looks like): the
# aftermath told as a grievance, a fee or a claim (trapped for forty minutes and laughed at, trapped three times, after
# the fire, closed for half a month, the water a burst wasted, losses from the flood); and what happens now beside a
# past (smoke from the flat that burned last week, wasps back though their nest was removed, a dog that bit a child and
# is still loose, a faint smell of smoke that does not clear, whatever cigarette is guessed).
MORE_KINDS += [
    (
        "fire",
        "There's smoke coming out of the flat that had the fire last week, 9/F. Could be nothing but nobody's home.",
    ),
    (
        "injury",
        "wasps again!! the nest you said was removed last month, theyre chasing the kids at the playground and two "
        "got stung",
    ),
    ("injury", "頭先喺會所門口俾隻狗撲過嚟咬咗我個女，隻狗而家仲喺度，冇人拉住"),
    ("fire", "请问一下，我家楼下好像有一点点烟味，不是很重，可能是谁扔了烟头吧，但是一直没散。7号楼2单元"),
    ("trapped", "my mum was trapped in the lift and she is still inside"),
    ("trapped", "电梯困了我十分钟了，仲未有人嚟！"),
]
MORE_LOOK_ALIKES += [
    ("no apology", "樓下爆水喉搞到我哋成層停水兩日，一句道歉都冇"),
    ("after the trapping", "电梯困人以后说要请第三方检测出报告，到现在一个字都没有，物业就是在糊弄业主"),
    ("trapped, and out", "电梯困了我四十分钟，出来还被保安说“又没受伤，急什么”"),
    ("trapped three times", "电梯困人已经发生三次了，物业每次都说是偶发事件，我们业主不接受这个说法"),
    ("after the fire", "着火后楼道消防门一直用灭火器顶着开着，外人随便进出，你们保安看不见吗"),
    ("closed for weeks", "地下车库泡水封了半个月，这期间车位管理费怎么算？"),
    ("water wasted", "公共水管爆裂浪费的水费，是不是要分摊到每户头上？"),
    (
        "trapped, told after",
        "I was trapped in the lift for half an hour and when I pressed the alarm the man on the intercom laughed and "
        "told me to be patient",
    ),
    (
        "flooded again, counted",
        "Frankly appalled. Our storeroom has flooded for the second time this year and the only response I've had is "
        "a form letter. I'd like a proper explanation and an offer, not another form.",
    ),
    ("losses", "Is there a deadline to register losses from the basement flood?"),
    ("smoke smell for weeks", "七座走廊嗰陣煙味已經三個禮拜都未散，一出門口就想嘔，可唔可以搵人洗下啲牆同地氈？"),
    ("a piece down and over", "廚房天花啲批盪甩咗一大嚿落嚟 好彩冇人喺度"),
]

# Round 109 (which trade, which complaint, money in every form, a busy week): an aircon's water spread across the floor
# and still coming, a hand caught under a shutter, a loose dog snapping at people that has bitten a child; an aircon
# only dripping stays calm.
MORE_KINDS += [
    ("flood", "空调漏水一开始就一点点，现在顺着墙往下淌，地板都泡了，还在流"),
    (
        "flood",
        "So the aircon was dripping a bit this morning and I put a towel under it, but now the water is running down "
        "the wall and creeping halfway across the living room floor and it's still coming.",
    ),
    ("trapped", "mans hand caught under the roller shutter at the car park entrance he cant pull it out"),
    ("injury", "There's a dog loose in the Block D lobby snapping at people, it already bit a kid on the leg"),
]
MORE_LOOK_ALIKES += [
    ("an aircon dripping", "空调滴水，滴在窗台上，滴答滴答一整晚睡不着"),
    ("an aircon dripping", "the aircon in the bedroom is dripping onto the sofa again, can someone look at it"),
    ("a dog that bit, told after", "the dog that bit a kid in Block D last week is still not on a lead"),
]

# Round 110 (the elderly by phone, two matters in one message, a mainland gated community, the loud and the quiet):
# understatement ("I'm in the lift … doors shut and it hasn't moved for a while", "Yes, she's on the floor. No, she's
# not answering", a door that will not open with mum inside "佢話冇事 … 不過都困咗半個鐘", "a snake curled up in the
# lift", "一点点烟 … 可能是谁在抽烟吧"), a flood after a complaint begun ("but hang on, water is now pouring out of our
# ceiling", the aircon's drip named before it); and loud look-alikes: a flood taken back and mopped up, a nest where
# nobody is stung yet, smokers in the stairwell, a lift feared to trap someone some day, a tripped switch asked about.
MORE_KINDS += [
    (
        "trapped",
        "Evening. Slightly awkward one — I'm in the lift at Tower C with the doors shut and it hasn't moved for a "
        "while. Pressed the bell, nothing.",
    ),
    ("injury", "Yes, she's on the floor. No, she's not answering. Flat G... ground floor, flat B. Block 4."),
    ("trapped", "部𨋢門開唔到，我阿媽喺入面，佢話冇事嘅，叫我唔好煩你哋，不過都困咗半個鐘。第三座。"),
    ("injury", "Hi! Quick one — there's a snake curled up in the lift in Block B. Nobody's been bitten."),
    ("fire", "不好意思麻烦一下，楼道里好像有一点点烟，不多，可能是谁在抽烟吧。6号楼。"),
    (
        "flood",
        "I was going to write to complain about the upstairs flat again, their aircon drips on our window all day - "
        "but hang on, water is now pouring out of our ceiling by the window and running down the wall",
    ),
]
MORE_LOOK_ALIKES += [
    (
        "taken back",
        "THE WHOLE KITCHEN IS FLOODED!!!! well ok not really, the dishwasher hose leaked about a cup of water and I "
        "mopped it up",
    ),
    ("smokers", "Smokers in the stairwell every night, the smoke comes under our door. Block 4, 10th floor."),
    ("feared some day", "報咗三次話個𨋢成日停 都冇人理 你哋係咪要等到有人困死喺入面先至理"),
    ("asked about", "家里突然跳闸了，合上又跳，是不是哪个电器漏电？"),
    ("the place flooded before", "上次水浸嗰度，啲牆而家發晒霉，有陣霉味"),
]

# Round 111 (South and Southeast Asian residents, a heavy month, an ordinary month, voice input), scored with the
# final model of its stop: smoke with its cigarette guessed in the next sentence, smoke growing (愈嚟愈多), a burning
# smell whose source was looked for and not found; "no help at all" is no call for help now.
MORE_KINDS += [
    (
        "fire",
        "Hi, not sure if this is anything, but there's a bit of smoke drifting out of the back staircase around 20/F. "
        "Could be someone having a sneaky cigarette I guess",
    ),
    ("fire", "七座後樓梯啲煙愈嚟愈多，應該係有人亂掉煙頭啩，不過都係嚟睇下好"),
    ("electric", "刚才停车的时候地库里有一股焦味，转了一圈也没找到是哪里来的，你们派人看看吧"),
]
MORE_LOOK_ALIKES += [
    ("no help, last Friday", "Last Friday my Ma'am fainted in the lift lobby and the guard just stand there, no help"),
    ("a source found", "厨房一股焦味 原来是我自己锅忘关了 不好意思刚才那条不用管了"),
]

# Round 112 (young professionals, retired civil servants, parents of small children, night-shift workers), scored with
# the final model of its stop: a lift stopped with someone in it however fine they say they are, a child run into a
# lift that stopped; a smoke detector fallen from the ceiling, a nest with wasps "not chasing anyone", a letter saying
# "no one has been trapped" are calm. (A lift that "got stuck with my son inside last night" stays the past.)
MORE_KINDS += [
    (
        "trapped",
        "hi sorry to bother you, the lift seems to have stopped with my wife and the pram in it. she says she's fine, "
        "it's just dark and the baby is asleep. block 2",
    ),
    ("trapped", "喂，二座升降機呀，我個仔三歲，佢自己衝咗入去，門閂埋咗而家停咗喺度冇郁過，我喺大堂聽到佢喊"),
]
MORE_LOOK_ALIKES += [
    ("a fitting fallen", "烟感从天花板掉下来了 lol 谁来装回去 1403"),
    ("not chasing", "wasps nest on my balcony not chasing anyone just there. pls remove. 20B"),
    ("no one trapped", "On two occasions it paused before continuing. It has not stopped and no one has been trapped."),
    ("the past", "last night the lift stuck with my friend inside for twenty minutes, why so slow"),
]

# Rounds 113 and 114 (new flats, leaks between flats, the clubhouse, major works; the security desk, an old block,
# Kongish, owners and money), scored with the final model of stop 50: someone struggling at the pool's deep end,
# sewage up through a floor drain and over the room, concrete hanging by its last wire, a large piece of plaster
# hanging and swinging, water coming down hard, pooled centimetres deep, a corridor under water and flowing into flats;
# calm: the scaffolding coming down at the end of works, a new oven burning off its factory oil, a toilet's cistern
# that keeps running, mailboxes rusted by a flood, "不是爆管", a fire in another tower charged for.
MORE_KINDS += [
    (
        "injury",
        "sorry to bother, probably nothing, but the boy at the deep end looks like he's struggling and there's no "
        "lifeguard on the chair. my husband's gone in after him. could someone come down",
    ),
    ("injury", "救命 有小朋友遇溺 喺深水嗰邊 冇救生員"),
    ("injury", "quick someone is drowning in the pool"),
    ("flood", "污水从地漏反上来了 满卫生间都是 说是今天换排水管 12-2-301"),
    ("collapse", "外牆有塊石屎鬆咗吊喺度，得返一條鐵線扎住，下面就係巴士站，啲人企喺度等車 7座"),
    (
        "collapse",
        "唔好意思打擾你哋，我諗可能唔係好緊要嘅，不過天花嗰笪水漬而家開始裂開，有一大塊批盪吊住喺度搖搖下，下面就係我個仔張床",
    ),
    ("flood", "我幫我阿嫲打嚟，佢話天花有水好大力落緊，屋主電話打唔通，地址係K座21樓D室"),
    ("flood", "14樓走廊消防喉轆漏水，成條走廊浸晒，水流緊入啲單位"),
    ("flood", "12栋1单元大堂天花板哗啦啦漏水，地上已经积了好几厘米"),
    ("flood", "我在公司 监控看到家里天花板在大量漏水 地板全是水 家里没人 麻烦物业先去关阀门 10号楼1103"),
]
MORE_LOOK_ALIKES += [
    ("the scaffolding removed", "when is the scaffolding coming down. it's been 11 months"),
    (
        "a new oven's factory oil",
        "廚房頭先冒煙，原來係新焗爐第一次用燒緊出廠嘅油，開咗窗已經散晒，冇事呀，保安唔使上嚟喇",
    ),
    ("a running cistern", "马桶一直漏水 冲完水箱响个不停 一晚上哗哗的睡不着 7-1-1101"),
    ("a running cistern", "马桶冲水按钮坏了水一直哗哗流 水费要爆了 21栋1105"),
    ("rusted by a flood", "大堂啲信箱俾水浸到生鏽，開唔到"),
    ("a heavy leak, no flood", "停車場大量漏水"),
    ("no burst", "水龙头出黄水 不是爆管 就是锈 已经三天了 402室"),
    (
        "a fire elsewhere, charged for",
        "Why is there a 'fire incident cost recovery' item on our Q2 statement? "
        "The fire was in Tower 6, we're Tower 4.",
    ),
    (
        "drowning in homework",
        "My daughter's drowning in homework and wants to use the study room - does it need booking?",
    ),
    ("a lifeguard who might miss it", "泳池救生員成日坐喺度玩手機，有小朋友遇溺點算？"),
]


# Round 115 (bot users, families, speech recognisers' transcripts, a storm week), scored with the final model of stop
# 51 and read at stop 52: water to the ankles and rising, coming in faster, a room all water, a waterfall down the back
# stairs, a lift shaft pouring; a lift stopped between floors with children heard inside, a lift stuck with a cry for
# help, people shut in; a dog biting, bleeding that will not stop, someone lying still, a head split open; a foot or an
# arm caught by a gate; a window hanging off one hinge over a drop, a sign or an air conditioner hanging over the
# pavement, ceiling boards down with more swinging; a snake in a kitchen or a lift. Calm: an alarm ringing with no
# smoke to be seen, a flying lead that "will catch fire", flood receipts, a burst pipe that is fixed, rusty water asked
# about as the flood's, mud from the flood mopped up, and a toilet's running water however loud.
MORE_KINDS += [
    ("flood", "Is it normal for the G/F lift lobby to have water up to my ankles? It's still rising. Tower 4"),
    (
        "flood",
        "Shop G08 here - water coming under our shutter from the street, we put cardboard down but it's coming in "
        "faster now",
    ),
    ("flood", "喂 我哋間屋入水呀 由窗邊入嘅 而家成個客廳都係水 第二座 十五樓 G 呀"),
    ("flood", "後樓梯有水由天台成條瀑布咁沖落嚟，廿八樓到廿五樓都濕晒，仲沖緊 第八座"),
    ("flood", "電梯槽有水 由天台漏落去 嘩啦嘩啦咁 二號梯 六座"),
    ("flood", "there's water coming out the pipe under the sink like spraying every where all over the kitchen"),
    (
        "trapped",
        "Lift B in Tower 6 stopped between floors with the school kids coming home, I can hear them banging on the "
        "door",
    ),
    ("trapped", "the left is stock between floors and my mother is inside she's eighty two please hurry"),
    ("trapped", "救命 电梯卡住了 门打不开 8栋"),
    ("trapped", "电梯里关着人！7号楼东边那部，里面有小孩在哭"),
    ("trapped", "我個仔畀卷閘夾住咗隻腳 喺G15舖門口 快啲嚟人"),
    ("trapped", "5座大堂個電閘夾住咗個細路隻手臂 佢阿媽拉唔開 快啲嚟人"),
    ("trapped", "小区北门那个电动伸缩门把孩子的脚卷进去了 卡住出不来 快来人"),
    (
        "trapped",
        "my daughter's fingers are caught in the hinge side, the gate sprang shut on them and we cannot get it open",
    ),
    ("injury", "9栋楼下有只大狗在咬人！一个小孩被咬了 快派保安过来"),
    ("injury", "Big dog off its leash outside Block 10 just went for a kid's leg, the owner can't hold it back"),
    ("injury", "孩子在滑板场摔了 下巴磕开一个大口子 血流得止不住 在3号楼后面"),
    ("injury", "有個伯伯喺會所泳池邊瞓低咗 唔郁 救生員又唔喺度"),
    ("injury", "有個外賣仔喺平台樓梯跌落嚟 個頭爆咗 好多血 三座嗰邊"),
    ("injury", "SNAKE in our kitchen!!! came in from the balcony drain I think. kids locked in the bedroom"),
    ("injury", "有條蛇喺5座升降機入面!!!有個阿媽推住BB車喺入面"),
    (
        "collapse",
        "the stairwell window on 19/F Tower 7 got ripped by the wind, it's hanging off one hinge right over the "
        "drop-off",
    ),
    ("collapse", "商铺招牌被风吹歪了，只剩一边挂着，下面就是人行道 L1-12号铺"),
    ("collapse", "外牆部冷氣機個架甩咗一邊 成部機吊咗喺半空 下面係巴士站呀 七座嗰邊"),
    ("collapse", "天花幾塊板跌咗落嚟 仲有幾塊喺度擰緊 冇人受傷 十三座 零七零三"),
]
MORE_LOOK_ALIKES += [
    ("an alarm, no smoke", "Fire alarm's ringing in Block 11, is it real? I can't smell or see any smoke"),
    ("a warning", "楼道里有人给电动车充电 飞线从窗户拉下来 太危险了 会着火的"),
    ("flood receipts", "I have the receipts from the basement flooding who should I send it to"),
    ("fixed", "fyi the burst pipe at the children's pool from this morning is fixed, kids are back in the water"),
    (
        "the flood's aftermath",
        "hot water's been rusty brown since tuesday. is that from the flood? is it safe to shower?",
    ),
    ("mud mopped", "啲清潔工拖完水浸啲泥 就咁將個拖把擺喺𨋢入面 成部𨋢臭到想嘔"),
    ("a running toilet", "喂 我屋企個廁所 一直有水聲 嘩啦嘩啦咁 撳極都停唔到 我住 五座 二十樓 D 呀"),
    ("steam", "廁所抽氣扇唔轉 沖完涼成間廁所都係水汽 鏡都矇晒"),
    ("a slow drain", "shower drain in 11G super slow, water up to my ankles every time"),
]


# Round 116 (a hillside estate, the estate's own staff relaying, the podium's kindergarten, clinic and shops, long and
# very short messages), scored with the final model of rounds 115's rules: a wild boar charging, a monkey in a home or
# attacking, stray dogs biting, wasps chasing children to sting; a roof tank overflowing down the stairs, a hose reel
# burst, water welling up faster and faster; a lift's door closed on someone, a guard's "B梯困咗個阿伯", a child's
# hand caught in an automatic door, a tree down on a taxi with the driver inside; the fabric falling in pieces and
# still cracking; a snake in a lift as a transcript writes 𨋢. Calm: "I'm shocked" at a fee, a lift that stopped and
# restarted, a crack widening alone, a sink backing up with dirty water, a roof tank's seep down the stairs.
MORE_KINDS += [
    (
        "injury",
        "wild boar just charged at a kid near the playground by block 1, it's still there pls send security NOW",
    ),
    ("injury", "有头野猪冲进了4栋大堂,大家都堵在电梯口不敢出去"),
    ("injury", "野豬衝咗入平台花園追住啲細路,就喺1座門口,快啲派保安嚟!!"),
    ("injury", "猴子闯进我家了,抓伤了我老公的手,现在还在翻冰箱,1栋2单元1801"),
    ("injury", "有隻馬騮入咗我屋企客廳搶嘢食,仲撲埋嚟想咬我個女,6座23樓D室"),
    (
        "injury",
        "a monkey got in through the kitchen window, 11F flat B tower 5, it's scratching my grandma, she can't get "
        "away",
    ),
    ("injury", "一群野狗在小区门口咬人,送外卖的小哥被咬了,狗还没走"),
    ("injury", "pack of stray dogs chasing my helper up the hill road near Block 8, one bit her leg"),
    ("injury", "平台花园有一窝马蜂，现在追着放学的小朋友蛰，已经有两个孩子被蛰了！快来人"),
    ("injury", "花王報 4座後面草叢有蜂竇 啲蜂追住啲細路叮 有兩個小朋友俾叮咗 喊緊"),
    ("injury", "𨋢入面有條蛇!!"),
    ("injury", "遊樂場有條蛇爬咗入幼稚園課室！！啲小朋友仲喺入面，快啲派人嚟"),
    ("flood", "5座天台水缸溢水 啲水沿住樓梯一路流落嚟"),
    (
        "flood",
        "the roof water tank overflow on Tower 6 is pouring down the stairwell, top floor stairs are like a river",
    ),
    ("flood", "E座20樓走廊消防喉轆爆咗 噴到成地都係水"),
    ("flood", "放学时候1号楼门口地面突然往上冒水，越冒越大，人都过不去了"),
    ("trapped", "喂 呀我係三座夜更保安 B梯困咗個阿伯 困咗成十分鐘 佢撳緊警鐘 快啲叫電梯公司嚟"),
    ("trapped", "电梯门夹住人了 打不开 6栋1单元 快"),
    ("trapped", "唔該！幼稚園門口部自動門夾住個小朋友隻手，道門卡死咗郁唔到"),
    ("trapped", "屋苑入口有棵大樹冧咗壓住架的士,司機仲困喺車入面出唔到嚟"),
    ("trapped", "5号楼一楼商铺的卷帘门掉下来压住一个快递员的腿"),
    ("collapse", "诊所隔壁的墙一大块一大块往下掉，中间鼓起来还在裂，感觉要塌了"),
    ("collapse", "那个 我家 七号楼三单元六零二 天花板在往下掉 一大块一大块的 还在响"),
    ("collapse", "10座外牆有舊石屎跌咗落行人路 上面仲有舊鬆鬆哋 要封路"),
]
MORE_LOOK_ALIKES += [
    (
        "shocked at a fee",
        "Honestly I'm shocked. The swimming pool has been closed for 'maintenance' since June, and the clubhouse fee "
        "is still charged in full every month.",
    ),
    (
        "stopped and restarted",
        "The lift at Tower 4 stopped on the way up with me inside this morning, restarted after a minute and I'm fine, "
        "but someone should check it",
    ),
    ("a crack widening", "喂 我 廳 嘅 天花 有 裂痕 越嚟越大"),
    ("a crack widening", "3号楼2单元802的业主让我转达：客厅天花裂缝越来越大，偶尔掉点墙皮"),
    (
        "a sink backing up",
        "the kitchen sink is backing up with dirty water from the neighbour side every time they drain",
    ),
    ("a seep down the stairs", "天台水缸好似漏水 啲水沿住樓梯流落嚟 唔算好多但成日濕"),
    ("a dog bite reported", "客服电话打了十几次 狗咬人的事没人接"),
]


# Round 117 (a university's staff quarters, an estate beside a building site and a highway, the kitchens of a
# commercial block, a northern winter), scored with the model of rounds 115 and 116: a flue spitting flames, a hood
# "著咗火" in a roast-meat shop (著 as well as 着 names a fire its source does not explain), water rushing into a lobby
# or down a lift shaft, a gate fallen on the dishwasher's foot, "流緊好多血", a window hanging by one side over the
# pavement in formal Chinese, glass left loose over it. Calm: a fire only thought of, smoke in scare quotes, "a
# fire-safety concern", cold air "pouring in".
MORE_KINDS += [
    ("fire", "喂 你好 我喺三座八樓B室 樓下啲餐廳煙囪噴緊火 我望到火舌呀 好驚"),
    ("fire", "喂 你好呀 我哋係地下十二號舖燒味舖 個 hood 著咗火呀 啲火沿住煙管上咗去 你哋快啲嚟啦"),
    ("flood", "外面修路把自来水总管挖断了,水直接冲进3栋一楼大堂,越来越多"),
    ("flood", "楼顶水箱间的管子冻爆了，水顺着电梯井往下流，电梯还在运行！2号楼"),
    ("trapped", "喂 救命呀 個閘跌落嚟壓住我哋洗碗阿姐隻腳 拉唔起呀 G十五"),
    ("injury", "阿婆喺停車場斜路跣低咗，流緊好多血，起唔到身，快啲嚟，5座出口"),
    ("injury", "切菜师傅一刀切到手指 流了一地血 按着也止不住 S16 快来人"),
    ("collapse", "第八座五樓E室露台玻璃窗鉸鏈斷裂，窗扇僅靠一邊懸掛，下方為行人路，隨時墮下。"),
    ("collapse", "楼道窗户玻璃碎了一块，碎片掉到楼下人行道上，剩下的也松了随时会掉，8号楼六楼。"),
    ("collapse", "11号楼北面外墙一大块保温层被风吹翻起来了，就挂在那晃，眼看要掉，底下是小区主路"),
]
MORE_LOOK_ALIKES += [
    ("only thought a fire", "刚才以为着火了，出去一看是热水器排气口冒的白气，冬天看着跟烟似的。不过那根排气管好像歪了"),
    (
        "smoke in scare quotes",
        "Just a heads up, the 'smoke' on the roof of Building 4 is steam from the heating vent, nothing's on fire",
    ),
    (
        "a fire-safety concern",
        "The emergency light on the B1 staircase of Block 3 stays permanently off. A fire-safety concern.",
    ),
    ("cold air", "my bedroom window won't latch shut, cold air pouring in all night. 6-1-1703"),
]


# Round 118 (a public rental estate, a luxury estate, a typhoon night, a translation app), read at stop 53: a window
# hanging outside by its last screw as a caller tells it, a lift stopped "between floor" with someone inside, a tree
# down on a car with its driver inside or on someone's legs, a gate "砸下来" on a courier, a snake coiled in a
# kitchen or crawled into a living room, wasps "going after people", someone fallen who does not answer when called,
# sewage that keeps coming, water "still rising", wires burning in a wall, a thing "smoking" beside a burnt smell,
# sparks "after the power came back", a ceiling "马上要塌". Calm: a burst pipe "已經整好咗" today, a towel's worth
# of water, cars moved into
# the fire lane out of a flooded car park, a flood feared tonight, a guard rude "before the flooding".
MORE_KINDS += [
    (
        "collapse",
        "er hello the the window in my flat the frame come loose it hanging outside only one screw left block four "
        "room two one zero eight",
    ),
    ("collapse", "屋企個窗鉸斷咗,成扇窗吊住喺出面得返粒螺絲頂住,風咁大隨時跌落街,5座26樓F室"),
    ("collapse", "我家天花板在渗水而且一大块石膏板往下垂,感觉马上要塌,人都不敢站下面,4栋2单元1503"),
    (
        "trapped",
        "Hello po ma'am, lift in Block 5 is stop between floor, me and my alaga lola inside already 15 minutes",
    ),
    (
        "trapped",
        "hello yes i am the helper for mister wong block twelve the lift stop and he is inside cannot open the door",
    ),
    ("trapped", "Lift in Tower C stuck at 8/F with the doors shut, the delivery guy is inside I can hear him shouting"),
    ("trapped", "C座個𨋢停咗 門打唔開 入面有個婆婆 佢撳咗警鐘都冇人應"),
    ("trapped", "𨋢門夾住個婆婆隻手 拎唔出嚟 1座大堂部𨋢"),
    ("trapped", "停車場斜路有棵樹冧落嚟壓住咗架車,司機仲喺車入面出唔到嚟,好似受咗傷,十座"),
    ("trapped", "小区东门那边有人被倒下的树压住了,腿动不了,快叫人"),
    ("trapped", "车库入口卷闸门砸下来压住了一个送外卖的小哥，人卡在下面！"),
    ("injury", "后厨米袋后面盘着一条蛇！S04 没人敢进去"),
    ("injury", "有一条蛇从阳台爬进了客厅!!! 小孩在家 1号楼2单元301 请快派保安来"),
    (
        "injury",
        "Wasps all over the kids' pool at the clubhouse, two children stung already and they're going after people.",
    ),
    ("injury", "阿姐 我老細跌咗落浴缸 叫佢唔應 唔醒 第6座 18樓B室 點算 救命"),
    (
        "flood",
        "the floor drain in the kitchen is backing up, dirty water and grease all over the floor and still rising",
    ),
    ("flood", "water coming up from floor drain in bathroom, dirty water keep coming out, Blk 4 Rm 0916"),
    (
        "flood",
        "the toilet water coming back up from the floor drain, dirty water overflow into bedroom, flat 6C block 10",
    ),
    ("flood", "樓上漏水漏到成個天花都係，而家水仲不停咁射落嚟，地下已經成條河 33B"),
    ("flood", "すみません 3座27樓B室 浴室天花大量漏水 一直流 止まらない 請快啲嚟"),
    (
        "flood",
        "hi ah yes the water is coming down from the ceiling in my flat twelve B like a tap open um the floor all wet",
    ),
    ("electric", "你好 我是巴基斯坦人 我的房子 电线 在墙里面 燃烧 黑色的烟 20号楼 1单元 1101 快快"),
    (
        "electric",
        "Sparks coming from the meter box in the corridor outside 9A after the power came back!! burning plastic smell",
    ),
    (
        "fire",
        "um hi yeah the smart home panel in the hallway is smoking theres a burnt smell and smoke coming out of it",
    ),
    ("gas", "Good evening. I am smelling very strong the gas in kitchen of 18C, Tower 3. Please come."),
    (
        "collapse",
        "Ceiling in our master bath just came down in chunks and more is sagging. Send engineering now, this is "
        "unacceptable.",
    ),
]
MORE_LOOK_ALIKES += [
    ("a burst pipe fixed today", "今朝爆喉 師傅已經整好咗 多謝晒你哋"),
    (
        "a towel's worth",
        "Water seeping in along the bottom of the living room window, a couple of damp towels' worth, I think the "
        "window seal has gone.",
    ),
    (
        "cars in the fire lane",
        "People from the flooded basement have moved their cars into the fire lane and the drop-off point, I can't get "
        "out of my space.",
    ),
    ("cars in the fire lane", "有人將車泊咗喺消防通道,話地庫浸水,但係擋住晒救護車位,B座"),
    ("cars in the fire lane", "有人把车停在消防通道上,说地下车库淹了没地方停,堵得救护车都进不来,2号楼前面"),
    ("a flood feared", "請問管理處有冇沙包派?我住地下,驚今晚水浸"),
    (
        "before the flooding",
        "The security guy at the car park entrance was really rude when I asked where to move my car before the "
        "flooding",
    ),
    ("a car under a tree", "打風果陣我架車俾樹壓到 車位B2-18 要搵邊個"),
    ("not about to collapse", "墙上的裂缝这几周好像还在变长。倒不是马上要塌，但我们心里不踏实。"),
]


# Round 119 (a mainland resettlement community, a seaside estate, what residents see from their windows, the month
# after a new management company took over), read at stop 53: water all over a ceiling ("成個天花板都係水"), pouring
# from a light fitting, the sea backing up through a drain, sewage into the hallway or the living room, a ramp "a
# river going into B1", water "rising fast"; a snake that slid into a lift or is in "my parents' bathroom", wasps or a
# dog "going after" people, a dog bite that bled; someone lying still who does not move when called, a head split
# open; boxes set alight by burning offerings, a little smoke drifting in a fire stair; a shutter pressing on
# someone, a lift stopped with people "stuck inside 10 mins"; concrete still falling in pieces, a window on one hinge
# over the road; a fire told after "oh and while I am typing this". Calm: "Not trapped", a flood "才退干净", "is there
# a gas leak?" asked, a spark "was that ever sorted?", smokers named by their flat, a guard who does not answer.
MORE_KINDS += [
    ("flood", "喂 喂 物業呀 我間屋 天花有水 唔係滴 係一路落 成個天花板都係水 電燈嗰度都流緊"),
    ("flood", "急！！卫生间顶灯那里在往下灌水！！1号楼2单元1602，楼上敲门没人"),
    ("flood", "我们店门口的下水道在往外冒水 海水倒灌进来了 已经进店里了"),
    ("flood", "我家卫生间那个下水道往上冒水 冒的是脏水 臭的 已经流到客厅了 怎么办啊"),
    (
        "flood",
        "there's water coming up out of the floor drain in the bathroom and it's sewage it's all over the floor and "
        "going into the hallway",
    ),
    ("flood", "water coming up through the drain in car park B2 and it's rising fast, already over the kerb"),
    ("flood", "is it normal for water to be pouring down the car park ramp at Block 4? Its like a river going into B1"),
    ("flood", "there's a lot of water coming through my living room ceiling like a lot it's pouring on the tv"),
    ("injury", "SNAKE in Block 9 G/F lift lobby, it just slid into the lift car, people screaming"),
    ("injury", "A snake! In the lift of Block 4! It's on the floor of the car, doors open on the ground floor"),
    ("injury", "there's a snake in my parents' bathroom!! Bldg 2 1-101. Mum is standing on the bed. please hurry"),
    ("injury", "Wasps everywhere by the playground, they're going after the kids, two stung on the face already"),
    (
        "injury",
        "Big dog loose in the garden by building 9, it just bit an old man on the arm and is still going after people",
    ),
    ("injury", "有人喺單元門口畀隻狗咬到成腳血 隻狗仲喺度吠緊 唔肯走 11號樓"),
    ("injury", "有冇人可以嚟睇吓？一座二十樓後樓梯有個男人瞓喺度，周圍都係嘔吐物，叫佢佢都唔郁"),
    ("injury", "有個阿伯喺海堤釣魚跌落啲石度，頭爆晒血，流咗好多，叫佢都唔應，快啲嚟！"),
    ("fire", "快来人！6号楼一单元楼道里烧纸把人家门口堆的纸箱子点着了 火挺大 烟呛得下不了楼"),
    ("fire", "消防通道里飘着一点烟，估计是谁家小孩玩火柴吧，不知道要不要紧，11栋15楼附近"),
    (
        "fire",
        "the treadmill in the gym is still out of order since last month. Oh and while I am typing this there is an "
        "orange glow and smoke coming from a balcony in Block 7",
    ),
    ("trapped", "车库卷帘门压住一个人了！！1号楼地下车库入口"),
    (
        "trapped",
        "Someone's pinned under the car park shutter at the B2 exit, it came down on his leg, we can't lift it",
    ),
    (
        "trapped",
        "is the lift in Tower 2 meant to stop between floors? me and my son were going up to 31B, been stuck inside 10 "
        "mins",
    ),
    ("collapse", "我们家天花板在往下掉东西 一大块一大块的水泥 现在还在掉 孩子都吓哭了"),
    ("collapse", "客厅天花板往下掉，一大块已经塌下来了，还有一块裂着往下垂，正好在沙发上面"),
    ("collapse", "對面D座十八樓E室有扇窗得返一個鉸吊住，喺馬路正上面搖嚟搖去，好危險！"),
]
MORE_LOOK_ALIKES += [
    ("not trapped", "the Tower 6 lift has stopped at 20/F and refused to go down. Not trapped, doors open, just dead."),
    ("a flood gone", "今天早上涨潮停车场又淹了，十点才退干净，今年第三次了！排水的问题你们到底有没有在解决？"),
    ("a gas leak asked about", "Is there a gas leak in Tower 6? Saw a Towngas van and guys in the lobby. Just curious"),
    (
        "a spark asked after",
        "the sparking lamp post near the clubhouse, was that ever sorted? haven't seen anyone on it",
    ),
    ("smokers by their flat", "The people in 17E smoke on their balcony and it all comes into our bedroom. Block 2."),
    ("a guard who does not answer", "你哋個保安成日坐喺度打機 叫佢都唔應"),
    ("a parcel stuck", "parcel locker won't open, screen's dead. my tenant's parcel has been stuck in there 3 days"),
]


# Round 120 (subdivided flats, short-stay guests and their hosts, a care home and a kindergarten on the podium,
# residents typing in a hurry), scored blind with the model of rounds 118 and 119 and read at stop 53: the lift as a
# keyboard writes it (店体, "left"), 煤氣味 as one guesses it (没气味 "好大"), "smell has in the kitchen"; a ceiling
# dropping a big piece and more coming, a wall "好似成幅要塌", a window on one hinge swinging; a roof tank flowing down
# the stairs into a flooded corridor, water "getting higher", "is pouring now", hot water sprayed over a floor, a
# radiator pipe burst; a fuse box scorched and smelling burnt; a snake under a bed, into a lift or a classroom; a dog
# bite that drew blood; someone down and not moving. Calm: wasps "not seen chasing anyone yet", "is the alarm any use
# if one is really trapped?", plaster falling in bits, breakers tripped with "no burning smell".
MORE_KINDS += [
    ("trapped", "救命 店體卡住咗 喺8樓同9樓中間 我同個女喺入面 第三座"),
    ("trapped", "店体卡在12楼和13楼中间了 我老公在里面 3号楼2单元 快来人"),
    ("trapped", "left stuck between 14 n 15 my mum inside!!! blk 3 pls hurry"),
    ("trapped", "is it normal for the left to stop with doors shut n not move? been inside 5 min now tower B"),
    ("gas", "厨房没气味好大 是不是漏了 5号楼1单元302室"),
    ("gas", "好大陣沒氣味 廚房 開咗窗 係咪要走 12樓B室 5座"),
    ("trapped", "嗯 我喺部𨋢度呀 佢停咗好耐都唔郁 門又開唔到 呀我喺一座 琴日都係咁 今日又係"),
    ("gas", "smell has in the kitchen v strong opened windows already flay 12B tower 2"),
    ("gas", "喂 喂 物业吗 我们这个二号楼的天然气好像漏了 楼道里一股味 大家都在往外跑"),
    ("collapse", "天花板掉了一大块水泥下来，差点砸到我，上面还有一块在往下掉渣，裂得很厉害 10栋601"),
    ("collapse", "请问屋顶往下掉灰块是正常的吗？刚才掉了一块巴掌大的，砸到桌子上，现在还在掉渣"),
    ("collapse", "喂 我家 嗯 天花板在往下掉东西 哗哗的 一大块一大块的 还有水 是不是要塌了"),
    ("collapse", "我屋企廳嗰幅牆裂開咗，啲批盪同磚一舊舊跌落嚟，好似成幅要塌咁，七座十九樓D"),
    ("collapse", "10号楼有扇窗户整个掉出来了只挂着一个合页，在晃，下面就是幼儿园接孩子的路"),
    ("flood", "聽唔聽到呀 天台個水缸呀 溢緊水呀 啲水由樓梯一路流落嚟 我哋十四樓走廊已經浸咗 仲係咁流"),
    ("flood", "the water in the lobby of block 4 is getting higher, it was a puddle an hour ago. probably nothing?"),
    ("flood", "water from the bathroom ceiling is pouring now like a tap, floor all wet and still coming"),
    ("flood", "三是 我家暖气片的管子刚刚爆了 热水喷了一地 我先拿盆接着 11号楼1单元1202"),
    ("flood", "天花板啲水好似瀑布咁射落嚟 樓水樓水!!! 18D 第四座"),
    ("electric", "The fuse box in my flat is buzzing and there's a brown scorch mark spreading on the cover"),
    ("fire", "楼道里好大的烟！看不清楚，不知道哪里来的，火警铃也没响 11栋"),
    ("injury", "我房间床底下有条蛇！！！我不敢动 在6栋201"),
    ("injury", "救命啊有条蛇爬进电梯了，7号楼，电梯里还有个阿姨吓得不敢动"),
    ("injury", "有條蛇喺幼稚園課室入面！！！喺書櫃後面，啲小朋友喺隔籬房，快啲嚟人"),
    ("injury", "隔壁短租的客人带了条大狗 在电梯口咬我女儿 咬出血了 狗还在那没人管"),
    ("injury", "楼下草坪那边有人倒地上了，一动不动，头旁边有血 就在7号楼旁边"),
]
MORE_LOOK_ALIKES += [
    ("wasps not chasing yet", "幼稚園外牆有個黃蜂竇，暫時未見佢哋追人，但啲家長好驚，可唔可以盡快拆咗佢"),
    ("an alarm's use asked", "升降機個緊急對講機我試咗撳，完全冇人應，即係真係困𨋢都冇用？"),
    ("plaster in bits", "三座二十二樓E室 浴室天花啲批盪一舊舊跌落嚟 有少少裂"),
    ("no burning smell", "water heater in flat 10A tripped the switch, no burning smell, just won't turn on"),
    ("no smell", "煤气公司来过了，现在没气味了"),
]


# Round 121 (village houses, a sports centre and a pool, children overseas and smart-home alerts, lift modernisation),
# scored blind with stop 53's final model and read at stop 54: a hill fire close to the houses; a smoke alarm going off
# on an app with a grey camera or nobody answering; chlorine from a pool's plant room and people coughing; a child
# pulled from the pool not breathing, someone on a camera face down or fallen and not moving; wasps that have stung and
# keep coming; a snake into a home; a limb caught in a lift's door, someone else waiting in a lift that will not open,
# a lift stuck with a child inside; water into a house from a stream, down a ceiling without stop, into a lift's pit, a
# leak sensor ringing with the water still running; a ceiling dropping large pieces. Calm: a snake crossing the garden
# of house no. 11, a slow shower "up to her ankles by the end", "是不是电梯又困人了 … 没有人啊 那就好", wasps' nests
# where nobody has been stung yet.
MORE_KINDS += [
    ("fire", "後山燒山呀！！火頭好近上村尾嗰排村屋，啲煙吹晒過嚟，睇唔到對面"),
    ("fire", "家里烟雾报警器在APP上一直报警，摄像头画面灰蒙蒙的看不清，我妈电话不接！！求求你们马上派人去看看"),
    (
        "fire",
        "my mum's in block five flat ten C the smoke alarm's going off on my app and there's sort of a haze in the "
        "room",
    ),
    ("gas", "Mum says there's 'a little gas smell' near the water heater. She's fine otherwise. Would someone check?"),
    ("gas", "泳池機房好大陣氯氣味，更衣室啲人咳到停唔到，救生員叫晒大家走出嚟"),
    ("gas", "Strong chlorine smell coming out of the pool plant room, my eyes are burning and the kids are coughing."),
    ("injury", "喂 喂 泳池有個細路 沉咗落水 撈返上嚟唔郁呀 唔識呼吸呀 救生員做緊急救 快啲叫白車"),
    ("injury", "我在日本出差，刚看家里监控，我爸倒在卫生间门口一动不动，叫他没反应！！！"),
    ("injury", "我刚在监控里看到我妈摔在阳台上，脸朝下趴着，一直没动，我在法国打她电话没人接"),
    ("injury", "快来人 快来人 有个工人从脚手架上摔下来了 头上全是血 不动了 就在四号楼北面"),
    ("injury", "HELP wasps all over the kids pool, my son got stung 4 times and they keep coming at us"),
    ("injury", "bees!! there's a swarm by the Block 2 playground stinging kids, nobody's doing anything"),
    ("injury", "救命！！條蛇入咗屋企廚房，縮咗喺雪櫃後面，好長㗎，12號屋地下B，快啲派人嚟呀"),
    ("injury", "A pack of wild dogs is going after an old man on the village path near the minibus stop"),
    ("trapped", "救命 啊 那个 电梯 门 夹 住 我 妈 的 手 了 门 打 不 开 拔 不 出来 就 在 三 号 楼 一 楼 快 点"),
    ("trapped", "救命呀 𨋢門開開下突然閂埋，我老公隻腳夾咗喺度拎唔出嚟，九座地下"),
    ("trapped", "唔知係咪我諗多咗，老豆send voice話佢喺部𨋢度等咗成十分鐘，門開唔到，佢話冇事慢慢等"),
    ("trapped", "hello?? lift stuck, T5 the only one working, my son (7) is inside alone, he's crying, I'm on 20/F"),
    ("flood", "管理處呀 係呀 嗯 我哋村 條坑啲水好大 浸咗入屋啦 嗯 而家去到腳眼 仲係升緊"),
    ("flood", "后面那条小溪涨水了，水已经漫过小路冲进院子，门口开始进水，越来越多 19号村屋"),
    (
        "flood",
        "the stream behind our place has come over the path and water is getting in under the front door, about an "
        "inch now and still coming",
    ),
    ("flood", "水一直从天花板往下灌，客厅已经淹了，楼上没人在家，2号楼3单元1302"),
    ("flood", "唔知係咪我大驚小怪，啲水由天花板滴落嚟越嚟越多，而家成個客廳地下都係水，仲係咁流"),
    ("flood", "阿媽話大堂啲水流晒入𨋢槽，部𨋢已經停咗，仲有水不斷咁流落去，第十六座"),
    ("flood", "阿媽屋企漏水感應器一直響，佢話浴室啲水漫咗出嚟廳，仲不停咁流，佢搵唔到個總掣喺邊"),
    (
        "flood",
        "there's water coming through my kitchen ceiling a lot of water it's pouring down and the ceiling is bulging",
    ),
    ("collapse", "我妈说卫生间天花板在往下掉大块的，刚刚砸下来一块，还有咔咔的声音，她吓坏了"),
    ("collapse", "A座二十三樓C室，我哋𨋢口個天花啲石膏板成塊吊咗落嚟，仲一路跌緊碎片，啱啱差啲打中我個仔！！"),
]
MORE_LOOK_ALIKES += [
    ("a snake gone from a garden", "今朝見到條蛇喺11號屋地下A個花園草地度爬過，而家唔見咗，可唔可以搵人嚟捉"),
    ("a slow shower", "mums shower drains super slow, water up to her ankles by the end and she's scared of slipping"),
    ("nobody in the lift", "呃 我 想 问 一下 刚才 是不是 电梯 又 困人 了 我 看 消防车 来 了 哦 没有 人 啊 那 就好"),
    (
        "a nest, nobody stung",
        "wasp nest under the covered walkway to block 2, big as a football. nobody's been stung yet",
    ),
    ("a dryer's lint", "The neighbour's dryer vent smells like something burning, it's their lint, every night."),
    ("a smoke alarm's battery", "家里烟感一直响，应该是电池没电了，我妈又不接电话，能不能帮忙换一下"),
]


# Round 122 (electric vehicles and e-bikes, carers of old people living alone, external-wall works and scaffolding, a
# black-rainstorm night on a hillside), scored blind with this stop's first model and read at stop 54: someone fallen
# who cannot get up, a worker hanging in the air from a gondola or a harness, fallen and not moving, a head bleeding, a
# shutter pinning someone; 媒氣味 and "a smell of guess"; a battery that burst into flames or swells and smokes, a pot
# left on burning to smoke, incense that set a curtain alight; a bath overflowing into the living room, furniture
# afloat, someone caught by water in a car park, sewage from a floor drain that cannot be stopped; a slope or a
# retaining wall giving way, a wall leaning out, boards hanging by one wire or rope over a path, scaffolding down,
# bamboo falling without stop. Calm: "放唔到水浸身", "车库被淹那几天能不能不收", a metal grille (no grill), a landslide
# last year, white smoke from a boiler room's exhaust.
MORE_KINDS += [
    ("injury", "我阿媽一個人住5座23樓C室，佢啱啱打電話話跌咗喺廁所起唔到身，我喺公司趕唔切返嚟"),
    ("injury", "我妈一个人住5号楼1单元802，刚打电话说在卫生间滑倒了爬不起来，我在上班赶不回去"),
    ("injury", "喂 嗯 我外公 那个 在楼梯上摔了一跤 腿好像断了 动不了 十四号楼后楼梯五楼"),
    (
        "injury",
        "My mum lives alone in Block 5. She just called me saying she slipped in the bathroom and can't get up.",
    ),
    ("injury", "喂 即係呀 吊船呀 吊船打側咗呀 有個師傅吊住喺半空 喺四座嗰邊 快啲啦"),
    ("injury", "gondola outside 2/F of Block 9 has tilted and one worker is hanging from his harness!!"),
    ("injury", "喂 那个 就是 有个工人 从脚手架上摔下来了 在 在4号楼后面 一动不动"),
    ("injury", "小区门口脚手架上掉砖头下来，刚刚砸到一个外卖小哥，头在流血"),
    ("injury", "喂 无业吗 车库卷帘门 把人压住了 快来人啊"),
    ("injury", "An elderly man slipped on the wet stairs in the Block 5 lobby, he's not moving. Please send someone"),
    ("injury", "有條蛇遊咗入我屋企廚房 應該係大雨由山上走落嚟 11座3樓A室 好驚呀"),
    ("injury", "有黃蜂喺我阿媽窗口入咗屋，叮咗佢幾下，佢而家匿咗喺廁所，4座2210"),
    ("gas", "喂 我阿媽屋企有陣媒氣味 佢話 嗯 好似係爐頭嗰度 十三座 一六零九"),
    ("gas", "hello my nan says there's a smell of guess in her kitchen um block thirteen sixteen oh nine"),
    ("fire", "喂 我係十座嘅 樓梯 樓梯間有部電單車 個電池嘭咗一聲 而家出緊火呀"),
    ("fire", "喂 我家电动车电池 那个 在阳台 鼓起来了 现在在冒白烟 怎么办啊 十六栋八零三"),
    ("fire", "阿爸又唔記得熄爐，我開cam見到個煲燒到出晒煙，屋企得佢一個，3座1608，快啲！！"),
    ("fire", "阿媽拜神啲香燒著咗窗簾，佢話有火，我叫咗佢出門口，14座1106，唔該即刻上去"),
    ("flood", "喂你好 我係七座一八零二嗰家人 我阿媽浴缸啲水滿瀉咗呀 而家流緊出廳 佢唔識閂 唔該叫人上去"),
    ("flood", "喂 我係十座地下C室呀 成屋都係水 啲傢俬浮晒起嚟 我同老公企咗上張檯度 快啲呀"),
    ("flood", "喂 那个 车库里面有人被水困住了 就是 水好深 他车开不出来 人还在车里 在负二层"),
    ("flood", "卫生间地漏往上返水 全是污水 根本止不住 4号楼3单元201室"),
    ("flood", "喂 楼上漏水 跟下雨一样 客厅都积水了 还在往下流 九号楼一单元六零二"),
    ("collapse", "後山個斜坡啲泥同石仔一路瀉落嚟 就快冲到落車路 啱啱仲有架巴士經過 好危險 快啲封路呀"),
    ("collapse", "小区后面山坡在塌方!泥巴和石头往下冲 马上冲到马路上了 下面还有车在走"),
    ("collapse", "喂 呀 六座後面個擋土牆好似郁緊 啲石一粒粒碌落嚟 行人路度有人行緊呀 快啲嚟睇下"),
    (
        "collapse",
        "The slope behind Block 6 is giving way, mud and rocks sliding onto the road and cars are still driving past",
    ),
    ("collapse", "retaining wall by the bus stop has a big crack and rocks are dropping onto the pavement"),
    ("collapse", "小学门口那段围墙在往外倒 墙根都被冲空了 一直在掉砖"),
    ("collapse", "B座12樓外面有塊棚板吊住得一條繩 風一吹就搖 下面係行人路 好危險 快啲派人嚟"),
    ("collapse", "5栋18楼外面有块木板只剩一根铁丝挂着，风一吹晃得厉害，下面是幼儿园门口"),
    ("collapse", "There's a plank on the scaffold at Tower B swinging by one rope right over the walkway"),
    (
        "collapse",
        "The metal grille on gran's window has come loose and is hanging over the podium where kids play, only one "
        "bolt left. Block 14 flat 9E",
    ),
    ("collapse", "喂 呀 嗰個 三座對出 棚架 棚架塌咗一截落平台呀 仲有幾支竹吊住 下面有人"),
    ("collapse", "平台停車場入口啲竹枝一直跌落嚟 有架車啱啱俾佢砸中 仲有人行緊過"),
]
MORE_LOOK_ALIKES += [
    ("a bath to soak in", "婆婆浴缸個塞甩咗，放唔到水浸身，7座0805"),
    ("a fee for the flooded days", "喂 那个 我想问一下 就是 车位费 嗯 车库被淹那几天能不能不收"),
    ("a landslide last year", "琴年斜坡山泥傾瀉，今年有冇做過加固?"),
    ("a boiler room's exhaust", "喂 那个 就是 我 看到 对面 楼顶 在 冒 白 烟 问 了 保安 说 是 锅炉 房 排 气 这 正常 吗"),
    ("a grille to install", "Do I need permission to install a window grille?"),
]


# Round 123 (owners renovating while away and their contractors, beside a metro station's building site, residents
# writing at awkward moments, the festival nights of a year), scored blind with this stop's final model and read at the
# same stop: a fire growing, not put out or "still smoking"; a switch smelling burnt and hot; a pipe shooting water,
# rain down a lift shaft, a drain rising, a ceiling pouring; "stuck in the left"; someone pinned, stuck under a
# shutter, burnt with the skin off, bitten by a dog chasing children, down and no longer moving, a wrist broken in a
# fall; wasps chasing the workers; a crane swinging a load over people, boards and lanterns held by one clip or rope, a
# frame on one hinge over the street, pieces cracked and hanging, a ceiling about to come down. Calm: a slide hot enough
# to blister, a mailbox door on one hinge, a crane's load over an empty pool asked about.
MORE_KINDS += [
    ("fire", "3座podium啲蠟燭燒到棵樹啲乾葉，而家有火，啲火越嚟越大"),
    ("fire", "E座2304門口個香爐啲香跌咗落地氈度，地氈燒緊！！我撲唔熄"),
    ("fire", "5号楼1单元602室阳台被烟花掉进来点着了衣服，火已经烧到窗帘了"),
    ("fire", "the welding set a pile of carton on fire on the balcony, we put most of it out but its still smoking"),
    ("electric", "房燈掣有燶味 摸落熱辣辣 邊位黑咗 唔敢開 A座12樓F室"),
    ("flood", "er 喂 我喺十一座停車場B2呀 牆度有條喉 嗯 射緊水出嚟呀 好大力 成地都係"),
    ("flood", "Rain pouring down the lift shaft from the roof in this storm, water all over the lift floor, Block 1"),
    ("flood", "er hi water's coming up out of the er floor drain in the bathroom it's er rising and it smells"),
    (
        "flood",
        "this is block seven flat twelve oh three there's water coming through the bathroom ceiling it's pouring",
    ),
    ("trapped", "hello someone's stuck in left two of block five between nine and ten they're banging on the door"),
    ("injury", "地盤圍板冧咗落行人路，壓住咗個伯伯，佢起唔到身，快啲嚟！"),
    ("trapped", "A roller shutter came down on one of our labourers' legs, he's stuck under it, can't lift it"),
    ("injury", "喂 快啲嚟呀 我老公喺廚房俾滾油淥親 成隻手甩晒皮 佢痛到企唔穩呀"),
    ("injury", "my kid's burned his hand badly on a candle lantern the skin's come off he won't stop screaming"),
    ("injury", "喂 喂 快啲呀 平台 平台有隻狗 追住啲細路咬呀 咬親咗一個 喊緊呀"),
    ("injury", "喂 喂 物业吗 快 快来 小区门口 有个 有个老大爷 倒在地上 不动了"),
    (
        "injury",
        "my elderly dad tripped over a lantern cable on the walkway, his wrist looks broken and he's gone very pale",
    ),
    ("injury", "wasps!! a nest fell out, they're chasing the workers down the corridor, one guy stung many times"),
    ("collapse", "吊臂吊住成扎鋼筋喺平台花園上面轉嚟轉去，下面有班細路喺度踢波，條索好似鬆鬆地"),
    ("collapse", "URGENT the crane is swinging a pallet of bricks right over the kids playground and its tilting"),
    ("collapse", "外牆棚架有塊板淨係得一個扣揸住，吹到擺嚟擺去，下面就係巴士站"),
    (
        "collapse",
        "A sheet of scaffold netting and a loose board are flapping off Block 2, held by one clip, above the door",
    ),
    ("collapse", "大堂門口嗰兩盞大燈籠得返一條繩吊住，搖吓搖吓就快跌落嚟，下面成班細路排隊攞利是！！"),
    ("collapse", "落緊雨，樓上拆咗個窗仲未裝返，而家窗框得返一邊鉸，吊喺街上面，下面有人行過"),
    ("collapse", "阳台顶上的水泥块往下掉，刚掉了一块把花盆砸碎了，上面还有一大块裂开悬着"),
    ("collapse", "9号楼2单元楼道顶棚一大块掉下来了 旁边还有一块摇摇晃晃 随时会掉"),
    (
        "collapse",
        "kitchen ceiling is bulging and cracking, bits already falling, looks like the whole thing is about to come "
        "down",
    ),
]
MORE_LOOK_ALIKES += [
    ("a slide hot in the sun", "兒童遊樂場d滑梯燒到起泡 有冇得換"),
    ("a mailbox door", "1座大堂我個信箱道門甩咗 得返一邊鉸 1座23樓B"),
    ("a crane over the pool", "吊臂吊住啲鐵喺我哋泳池上面轉嚟轉去,睇見都心驚,管理處知唔知㗎?"),
    ("left for the left side", "the car got stuck in the left lane of the ramp again, the barrier is slow"),
]
# The rules' last misses in round 123, read at stop 55: "he's stuck under" (the "'s" was read only after a non-letter),
# water "is coming out very fast", a smouldering rubbish pile with a cigarette guessed, plaster down and more bulging,
# a smell "like gas", a meter box crackling, people stuck inside "after the" lion dance.
MORE_KINDS += [
    (
        "injury",
        "A roller shutter at the loading bay of Block 1 came down on one of our labourers' legs, he's stuck under it",
    ),
    ("flood", "the pipe under the sink the worker cut it by mistake and water is coming out very fast please come"),
    ("fire", "装修垃圾堆里在冒烟，不是很大，可能是谁扔了烟头吧，就在5号楼楼下"),
    ("collapse", "頭先我屋企門口上面嗰幅批盪跌咗一大嚿落嚟，差啲掟中我個仔，仲有一大片凸咗出嚟隨時跌"),
    ("gas", "喂 我 三座 五 零 二 嘅 嗯 係呀 廚房嗰度有陣 有陣好似石油氣 嗰陣味 唔知係咪煤氣 少少啫"),
    ("electric", "there's water dripping into my electric meter box right now and it's crackling and popping"),
    ("trapped", "lift stuck between floors, 8 of us inside after the lion dance, Tower 5 lift B"),
]
MORE_LOOK_ALIKES += [
    ("after the lion dance, calm", "the lift was stuck for an hour after the lion dance last night, please check it"),
]
# Round 124 (residents with disabilities, a heatwave, flatmates, moving in and out), read at stop 55.
MORE_KINDS += [
    ("trapped", "HELP stuck on the stair lift at block 2 rear entrance, it jammed halfway up, I can't get off"),
    ("trapped", "喂 有人困咗喺十二座三號 三號升降機 係個坐輪椅嘅伯伯 佢話好熱好頭暈"),
    ("trapped", "2座貨𨋢門夾住咗搬屋師傅隻腳，道門打唔開，佢好痛呀"),
    ("trapped", "Service lift door in Block 2 has closed on a mover's leg and won't open again, he's in pain"),
    ("electric", "喂 喂 你们 快来 我家 我家插座 冒火了 有火 我 我走不了 我做轮椅的"),
    ("electric", "电线被搬家的门夹破了，铜线露在外面还在打火 3栋1单元1204"),
    ("electric", "B座地下總掣房有陣好勁嘅燶膠味，門鎖咗睇唔到入面"),
    ("electric", "the movers left bare live wires dangling at head height, my kid nearly grabbed them"),
    ("fire", "喂 一座十八樓後樓梯有火呀 燒緊啲紙皮 我坐輪椅喺一八零三 走唔到呀"),
    ("fire", "5号楼消防楼梯里冒烟了，不算大，可能是谁扔了烟头吧，但烟一直往上飘"),
    ("gas", "喂 你好 那个 燃 起 味 很 大 在 楼道 里 二 号楼 五 楼"),
    ("flood", "喂 我 喺 C 座 地 下 大 堂 呀 天 花 有 水 漏 落 嚟 成 地 都 係 水 仲 越 嚟 越 多 呀"),
    ("flood", "我屋企天花漏緊好多水 成地水啊 仲係咁流 樓上今日搬屋"),
    ("flood", "呃 那个 我家 卫生间 那个 下水道 往上 冒水 啊 冒 了 一地 还在 冒 臭死了"),
    ("flood", "washing machine drain hose popped off and water is going everywhere, it's under the front door now"),
    ("collapse", "冷氣機個鐵架生晒鏽，成部機向外傾，好似就快跌落街，下面係巴士站！"),
    ("collapse", "空调外机支架锈了，晃得厉害，随时要掉，下面就是人行道 7栋12楼"),
    ("collapse", "1座大堂天花有塊板俾搬屋手推車撞鬆咗，吊住喺度搖下搖下，下面成日有人行過，隨時跌落嚟"),
    ("injury", "那个 喂 喂 听得见吗 我 我婆婆 中暑了 倒在 电梯口 不动了 五栋 一楼 大厅"),
    ("injury", "喂 喂 我哋而家喺三座十二樓 搬屋嗰個 師傅俾個衣櫃壓住咗呀 佢郁唔到呀"),
    ("injury", "有个搬家工人被压在车库卷帘门下面了，门卡住抬不起来"),
    ("injury", "停車場B2有個細路鎖咗喺架車入面，車窗全關，細路喊到面都紅晒"),
    ("injury", "地下车库B1有辆白色SUV里面锁着个小孩，车窗关着，小孩在哭，找不到车主！"),
    ("injury", "Child locked in a car in the car park level B1, engine off, windows up, she's crying"),
]
MORE_LOOK_ALIKES += [
    ("a socket that does not spark", "插座有点松，插头插上去老掉，不冒火，就是接触不好"),
    ("wires bare but not sparking", "楼道里的插座面板被碰掉了 电线露在外面 没冒火 就是怕小孩摸 5号楼3单元"),
    ("a mailbox door on one hinge", "Mailbox for 19E in the Block 3 lobby has its door hanging by one hinge"),
    ("the fire alarm's strobe", "7座大堂個火警閃燈壞咗，唔閃㗎"),
    ("a drill, had it been real", "About the fire drill. If that had been a real fire I'd have been left behind"),
    ("angry, not burning", "物业一直不回复，我气得冒火"),
]
# Round 125 (a cold snap, hobbies that meet the building, formal letters, pets and pests), read at stop 55.
MORE_KINDS += [
    ("injury", "邻居家的狗冲出来咬住了一个小孩的腿不放，就在5栋门口，快叫保安！"),
    ("injury", "2号楼楼道里一只狗把保洁阿姨扑倒了，还在咬她的腿，狗主人拉不住"),
    ("injury", "4栋楼下有只大狗挣脱了绳子，现在在追放学的小学生，孩子们在尖叫"),
    ("injury", "喂 唔該 快啲 我喺 十八座大堂 有 有條蛇 喺部 部lift入面 lift門開咗 有個伯伯喺入面唔敢郁"),
    ("injury", "There's a cobra in the Block 2 lift, coiled in the corner, and the doors keep opening on each floor"),
    ("injury", "Monkey came into the kitchen through the window at 19/F Block 2, it bared its teeth at my daughter"),
    ("injury", "喂 我喺兒童遊樂場呀 個仔俾黃蜂叮咗 成塊面腫晒 佢話呼吸唔到 快啲叫白車呀"),
    ("injury", "物业管理处：小区东门健身广场有一位老人突然倒地，呼之不应，已拨打120。"),
    ("gas", "我阿媽沖完涼出嚟話好暈 而家坐喺地下講嘢唔清楚 個熱水爐係煤氣嘅 浴室冇窗 係咪一氧化碳呀"),
    ("fire", "廚房個抽油煙機著火呀！煮緊嘢啲油燒咗上去，而家抽氣扇入面有火，10座8樓H"),
    ("fire", "my electric blanket started smoking, unplugged it but the mattress is still smouldering"),
    ("electric", "嗯 你好 我 我是 十一栋 二单元 三零四 我那个 烤箱 烤箱的插头 冒烟了 有火星 我不敢拔"),
    ("electric", "尊敬的物业：本人家中（12栋806室）卧室插座发烫熔化，有焦味，已拉闸。请立即派电工上门。"),
    ("electric", "致管理處：第十一座三樓走廊電掣箱冒火花，仲有燒焦味，此事不宜待至辦公時間處理。"),
    ("electric", "Water is coming through the electrical riser cupboard on 9/F right now and running down the wall"),
    ("electric", "Fish tank burst, 200 litres and the water is running under the cabinet where the power strip is"),
    ("flood", "樓上滴水落嚟 越滴越多 而家變咗一條柱咁沖落嚟 天花濕晒 9座12樓E"),
    ("flood", "楼上往下灌水 水从灯口流下来 灯还亮着 5-1-303"),
    ("flood", "5号楼1单元301室，我家狗咬断了洗衣机的进水管，水在喷，地上全是水，总阀在哪？"),
    ("flood", "魚缸爆咗！成地玻璃同水，啲水流晒出走廊去咗𨋢口，6座12樓G"),
    ("flood", "um hi theres water coming up from the floor drain in the gym its er its sew age its coming up fast"),
    ("flood", "水一直从我家吊顶往下流 哗哗的 客厅已经积水了 楼上没人在家 你们能不能先把总阀关了"),
    ("collapse", "3座1502！我露台外牆花槽個大花盆底座裂咗，而家斜緊出去，下面就係大廈入口，隨時跌落去"),
    ("collapse", "我家阳台那个大陶盆被风吹到栏杆边上了，一半已经悬在外面，下面就是小区正门，人来人往的"),
    ("collapse", "C座三樓平台有個冷氣機架甩咗一邊，成部冷氣機吊住喺街上面，好似就快跌落嚟"),
    ("collapse", "喂 我们 那个 天台上那个 晾衣架 铁的 整个 被风吹歪了 快掉下去了 下面 下面是 停车场出口 十栋"),
    ("collapse", "有无人机撞到B座8楼的窗户上了，玻璃裂了一大块，碎片正在往下掉，下面就是儿童游乐场！"),
    ("collapse", "敬啟者：第十五座十八樓外牆有一扇鋁窗只剩一邊鉸位連住，正在風中搖晃，下方正是大門入口，隨時墮下。"),
    ("collapse", "a giant pot on the window ledge and the wind is tipping it right over, people underneath"),
    ("collapse", "My planter box has cracked off its bracket and is hanging over the car park entrance by one bolt"),
]
MORE_LOOK_ALIKES += [
    ("rubbish room sewage", "垃圾房啲污水流晒出走廊，臭到頂唔順，清潔好耐都冇嚟過"),
    ("a socket a little melted, found after", "我個電飯煲插住嗰個插蘇好似溶咗少少，黑咗一笪，煮完飯先見到，而家冇插"),
    ("a dog that jumped up", "遛狗不拴绳 大金毛扑过来把我家孩子吓哭了 还在草坪上拉屎也不捡"),
    ("a branch hanging, for pruning", "大树被台风刮断了一根大枝，还挂在半空，下面就是人行道，请尽快修剪。"),
    ("a hood's smell gone when off", "廚房抽油煙機個摩打有陣燶味，閂咗之後就冇，我兩日冇用過，想搵人睇下"),
    ("if a fire ever broke out", "消防通道上长期停放私家车，一旦发生火灾消防车根本进不来。请立即清理并张贴禁停标识。"),
    ("a snake in the garden last week", "上星期花園有條蛇，而家見唔到喇，想問有冇人捉咗"),
]


def test_a_thing_shut_in_is_a_not_emergency_cue() -> None:
    assert not_emergency_cue(normalise("快遞櫃嘅門開唔到，我個件困咗喺入面"))
    assert not not_emergency_cue(normalise("電梯門開唔到，我個仔困咗喺入面"))


def test_a_burning_smell_alone_leaves_its_category_to_the_model() -> None:
    """A burning smell with nothing electric named is a fire's `other` (the conventions and 81 labelled lines); the
    model keeps `electrical` where the message names electrics. The signal itself carries no category."""
    smell = emergency_signal(normalise("走廊有陣燒焦味 唔知邊度嚟"))
    assert smell is not None and smell.kind == "electric" and smell.category is None
    sparks = emergency_signal(normalise("插座冒火花了还有烧焦味"))
    assert sparks is not None and sparks.category == "electrical"


DENIED_FOR_THE_SCORE_R88 = [
    "你好 我们家进户的水管冻裂了 刚才在往外呲 我把总阀关了 关了以后就不呲了 十四号楼一单元一零一",
    "總掣已經閂咗 水冇再射 但係成個廚房都係水 麻煩搵人上嚟睇下條喉 3座1903",
]
STILL_GOING_R88 = ["水管爆了！卫生间墙里的管子在往外喷水，总阀关了也没用，7栋2单元302"]


@pytest.mark.parametrize("text", DENIED_FOR_THE_SCORE_R88)
def test_the_valve_shut_and_the_water_stopped_is_a_cue(text: str) -> None:
    assert not_emergency_cue(normalise(text)), text


@pytest.mark.parametrize("text", STILL_GOING_R88)
def test_the_valve_shut_to_no_avail_is_no_cue(text: str) -> None:
    assert not not_emergency_cue(normalise(text)), text
    assert emergency_signal(normalise(text)) is not None, text


# "Unacceptable" and "not acceptable" say a complaint (a grievance at how a danger was handled is no emergency).
UNACCEPTABLE = [
    "lift stuck this morning with my alaga inside almost 40 mins, the technician come so late. this is not acceptable",
    "the guard took 45 minutes to come when my husband was trapped in the lift last night. unacceptable.",
]


@pytest.mark.parametrize("text", UNACCEPTABLE)
def test_unacceptable_is_a_complaint_not_an_emergency(text: str) -> None:
    assert says_complaint(normalise(text))
    assert emergency_signal(normalise(text)) is None


# What the learned score alone flagged in the eighteenth round's probe: the danger denied in words the denials did
# not hold ("no people inside", "not overflowing", "入面冇人").
DENIED_FOR_THE_SCORE = [
    "lift 3 stopped between floors with no people inside, please fix",
    "the floor drain bubbles up when they shower upstairs, not overflowing though",
    "nobody was trapped but the lift door keeps jamming",
    "2號𨋢停咗喺9樓 入面冇人 麻煩整整",
    "电梯卡在五楼了 里面没人 麻烦派人修",
    # A tap that will not close is ordinary water (the rules still flag it when the water overflows).
    "洗手盆水龙头拧不紧，一直在流水",
    "the bath tap won't turn off properly, it keeps running",
    "something in the ceiling above the stove is leaking, not much water, just a few drops a minute",
    # Only supposed: once the "if" clause is set aside, nothing of a danger is left.
    "if the lift stops between floors with my mum inside, who answers the alarm bell?",
    "要是燃气报警器响了 应该先做什么",
    # An empty car, nothing coming up.
    "lift 2 is stuck at the 8th floor with its doors half open, the car is empty",
    "kitchen sink gurgles when next door drains, nothing coming up though",
    # A lamp blown, paint peeling.
    "地庫B1電梯口個光管爆咗，好黑",
    "客廳天花啲油漆甩晒，一塊塊咁跌落地",
]
# The forty-second round: an aircon's tray overflowing, everyone out of the lift once its doors opened.
DENIED_FOR_THE_SCORE += [
    "a/c drip tray overflowing again, water running down the wall under the unit",
    "冷气机滴水盘满了，水一直滴到窗台",
    "电梯突然停了一下，门开了我们都出来了，现在还在用，请检查",
]
# The seventy-eighth round: other homes' cooking down the flue (the learned score alone flagged it).
DENIED_FOR_THE_SCORE += ["厨房烟道往我家倒灌 别人家做饭的味儿全进来了 8栋1单元1502"]
# The seventy-ninth round: the garden's watering hose; a fallen smoke alarm to "please come put back" (a request, not a
# plea for help now).
DENIED_FOR_THE_SCORE += [
    "东门草坪那的浇水管子破了 水一直流到人行道上 走路都绕着走",
    "smoke alarm fall down from ceiling, please come put back. 20/F Flat B",
]
# The ninety-first round: a water stain, however large.
DENIED_FOR_THE_SCORE += ["楼上老太太家好像漏水，我家天花板有一大块水印，去敲她门没人应，6栋1702"]

# A day of the past named by its date ("on 4 August", "on Aug 4") is a cue against the learned score too.
DENIED_FOR_THE_SCORE += ["On 4 August water was pouring through my ceiling from the flat above"]
# Nobody stung yet, however loud: a nest to remove.
DENIED_FOR_THE_SCORE += ["天哪！！！阳台上有个马蜂窝！！！！好大一个！！！赶紧来人摘掉！！！还没人被蛰，就是吓人！！"]


@pytest.mark.parametrize("text", DENIED_FOR_THE_SCORE)
def test_danger_denied_is_a_cue_against_the_learned_score(text: str) -> None:
    assert not_emergency_cue(normalise(text)), text


@pytest.mark.parametrize(("kind", "text"), MORE_KINDS)
def test_more_kinds_of_emergency_are_flagged(kind: str, text: str) -> None:
    signal = emergency_signal(normalise(text))
    assert signal is not None, (kind, text)
    assert signal.kind == kind, (signal, text)


@pytest.mark.parametrize(("why", "text"), MORE_LOOK_ALIKES)
def test_their_look_alikes_are_not_emergencies(why: str, text: str) -> None:
    assert emergency_signal(normalise(text)) is None, (why, text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("please fix the tap asap", "asap"),
        ("the air con in the bedroom is noisy", "air con"),
        ("kung hei fat choi to all the guards", "kung hei"),
        ("our helper only speaks Hindi, please send someone who can", "hindi"),
        ("the api of the booking app is down", "api"),
        ("is there a kung fu class in the clubhouse?", "kung fu"),
        ("kung pao chicken smell from 3B again", "kung pao"),
        ("Mr Ng and Mrs Yung in 12A", "mr ng and mrs yung"),
        ("the sofa in the lobby is torn", "sofa"),
        ("Aman from 5B will collect the parcel", "aman"),
        ("please tell Susi in 12A her key is here", "susi"),
        ("dr lee's clinic on the podium is closed", "dr lee"),
    ],
)
def test_the_gloss_leaves_english_words_alone(text: str, kept: str) -> None:
    assert kept in normalise(text)


def test_the_gloss_reads_helpers_words() -> None:
    assert normalise("amoy gas po, hindi ko alam") == "smell gas po, not ko alam"
    assert normalise("tidak ada orang di dalam lift") == "nobody inside lift"
    assert normalise("walang usok, salamat po") == "no smoke, thank you po"
    assert normalise("tetangga lantai atas berisik terus") == "neighbour floor atas noise non-stop"
    assert normalise("magkano po ang bayad sa parking?") == "how much po ang pay sa parking?"


@pytest.mark.parametrize(
    ("heard", "meant"),
    [
        ("我哋個店梯卡咗", "我哋个电梯卡咗"),
        ("好大陣梅氣味", "好大阵煤气味"),
        ("好像有然气味", "好像有燃气味"),
        ("天然气费怎么交", "天然气费怎么交"),  # natural gas stays itself
        ("梅花气味好香", "梅花气味好香"),
    ],
)
def test_words_a_speech_recogniser_mishears_are_read_as_meant(heard: str, meant: str) -> None:
    assert normalise(heard) == meant
