"""Keyword rules, used where a fixed list is more reliable than the classifier: emergencies and questions.

Every pattern runs on :func:`bot.nlu.normalise.normalise` output (Simplified Chinese, lower case), so one
Simplified form also covers Traditional and Cantonese spellings ("爆喉", "困咗喺電梯", "煤氣味").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from bot.nlu.patterns import compile_led, compile_plain


@dataclass(frozen=True)
class EmergencySignal:
    """Why a message is an emergency, and the repair category that signal implies (None: no opinion)."""

    kind: str  # "flood", "trapped", "fire", "gas", "electric", "collapse", "injury"
    category: str | None


# 𨋢 (Cantonese "lift") is 䢂 after t2s; 较 after 部/架; 机厢 and 轿厢 are the car (formal Hong Kong, mainland).
# 电体 is how voice input writes 电梯, 粒较 how it writes 𨋢 ("我困咗喺粒較度"). (Not the verb: "the car park barrier
# won't lift, she's been stuck at it".)
_LIFT = (
    # (电题 and 电提, 电梯 as voice input writes it; 店体 as a pinyin keyboard guesses it, round 120.)
    r"(?:电梯|(?<!导)电体|电题|电提(?![供示醒交议出前高到及])|店体|升降机|䢂|𨋢|(?:部|架|粒)较|机厢|轿厢"
    r"|(?:\d{1,2}|[一二三四五六七八九十])号梯|客梯|货梯"
    r"|(?<!n't )(?<!not )(?<!wont )(?<!will )(?<!cannot )lift|elevator)"
)

# The fabric of a ceiling or wall falling without stop ("仲有石膏不停咁甩落嚟"); not water ("啲水不停咁跌落嚟" is a
# leak): a ceiling coming down, and a danger going on (_PROGRESSIVE).
_FABRIC_FALLING = (
    r"(?:石膏|石屎|批荡|灰|天花|砖|混凝土|碎石|嘢|东西)[^,.!?。!?水]{0,4}不停(?:咁|地)?(?:甩|跌|掉)(?:落|下)(?:嚟|来)"
)

# A large piece of a ceiling or wall, or more of it coming down: what flaking plaster is not.
_BIG_PIECE = (
    r"(?:一大块|大块|成块|整块|一大嚿|大嚿|成嚿|成旧|一大旧|随时(?:会|再|都会|可能)?(?:掉|跌|塌|冧)|陆续(?:掉|跌))"
)

_AT_HOME = r"[^,.!?。!?]{0,2}(?:屋企|家里|家中|屋里|在家|喺屋)"

_BASEMENT = (
    r"(?:地库|地下室|地下层|地下停车场|地下车场|停车场|车场|车库|basement|car ?park|garage"
    r"|(?:䢂|电梯|升降机|较)(?:槽|井|坑)|lift (?:shaft|pit))"
)
# Words that make "no" of what follows: "冇煙", "no gas smell", "not leaking anymore", "没看到冒火花", "没闻到燃气味",
# formally "雖未見火花" (not "从未见过咁大烟").
_NOT = (
    r"(?:(?:冇|没有?|无|(?<!从)未|(?:(?<=唔系)|(?<!系))唔系|(?:(?<=不是)|(?<!是))不是|闻唔到|闻不到)(?:晒|咗|再|了|到|(?:看|见|睇|闻|嗅|听|发现)(?:到|见)?)?"
    r"|(?<![a-z])(?:no|not|never|nothing|isn't|no more"
    r"|not any|can't smell|cannot smell|don't smell)(?![a-z'])(?: (?:more|longer|real|strong|any|visible))? ?)"
)

# Smoke or a burning smell whose harmless source the message names: a barbecue or hotpot, incense or offerings,
# cured meat or mugwort being smoked, a fog machine or sauna, mosquito fogging, a restaurant's exhaust, frying,
# burnt baking, a stove's flame, a science project, leaves burnt in the garden. Words for cooking in
# general are left out: "nobody is cooking" says there is no harmless source.
_SOURCE = (
    r"barbecu\w*|bbq|(?:just|only) (?:steam|vapou?r|mist)|cooling tower|grill(?:ing|ed)?(?!e)|satay|hot ?pot|charcoal"
    r"|incense|agarbatt?[hi]|dhoop|puja|pooja|joss|(?:paper )?offerings|hungry ghost|prayer candles?"
    r"|candles? (?:for|from|of) (?:the )?prayers?"
    r"|(?:from|for) (?:the |their |a )?prayers?"
    r"|mosquito|fogging|fog machine|dry ice|sauna|(?:restaurant|shop)[^.!?]{0,40}exhaust|kitchen exhaust"
    # A car's exhaust: "white smoke from the exhaust, it's been idling for ages" (not a bathroom's exhaust fan).
    r"|(?:car(?! ?park)|van|bus|lorry|truck|taxi|vehicle|engine)[^.!?]{0,40}exhaust(?! fan| vent)"
    r"|(?<![a-z])(?:idling|cold start)"
    # A vehicle waiting with its engine running: "taxi waiting with engine on, smoke go to the kids".
    r"|(?:car(?! ?park)|van|bus|lorry|truck|taxi|vehicle|motorbike|motorcycle)s?[^.!?]{0,40}engines? (?:on|running)"
    r"|fr(?:y|ies|ied|ying) (?:[\w-]+ ){0,3}(?:chil+i|fish|food|garlic)|science project|volcano"
    r"|burning (?:leaves|rubbish in)"
    # The cooking named as the smoke's ("exhaust fan dead, cooking smoke everywhere"); "nobody is cooking" is not.
    r"|(?:cooking|kitchen) (?:smoke|fumes)|smoke from (?:my |the |our )?cooking"
    r"|(?:construction|building) site|burning (?:rubbish|trash|garbage|leaves) (?:over there|next door|on the site)"
    r"|burn(?:t|ing|ed|s)? (?:their |the |my |his |her |our )?(?:toast|popcorn|rice|food|dinner)|toaster"
    # The smell told as the cooking's ("the burning smell is from my cooking"), a new appliance used the first time.
    r"|(?:smell|smoke) (?:is |was )?(?:all )?from (?:my |the |our |her |his |their )?cooking"
    # "The burning smell in the corridor was only the neighbour cooking".
    r"|(?<![a-z])(?:only|just) (?:the |my |our |a )?(?:neighbou?r'?s?|upstairs|downstairs|someone'?s?)?"
    r" ?cooking(?![a-z])"
    r"|(?<![a-z])(?:the )?first time (?:used|use|using|switched on|turned on)(?![a-z])"
    # The same in Chinese: a new oven burning off its factory oil ("新焗爐第一次用燒緊出廠嘅油") (round 113).
    r"|第一次(?:用|开|使用|着)|首次使用|出厂(?:嘅|的)?(?:油|涂层)|(?:保护|防锈)油"
    r"|hell (?:bank )?(?:money|notes?)|joss paper|paper (?:money|offerings)|burn(?:t|ing|ed|s)? (?:\w+ )?paper"
    # Frying or stir-frying something named: "煎咸鱼", "炒辣椒", "炸紧鸡翼".
    r"|(?:煎|炒|炸)(?:紧|咗|了|着|完)?(?:咸鱼|鱼|辣椒|虾酱|蒜|牛扒|猪扒|鸡翼|鸡|嘢|东西|菜|肉|饭|面|蛋)"
    # Roast meat ("燒臘", "叉燒", "燒味舖"; "有陣燒味" alone is a burning smell).
    r"|烧味(?:铺|舖|店|档|饭|炉)|烧腊|叉烧"
    r"|(?<![a-z])(?:siu mei|char siu|roast(?:ing)? (?:duck|goose|pork|meat))(?![a-z])"
    r"|烧嘢食|烧野食|风枪|热风枪|打药|喷药|焗虫|熏虫|烧烤|烤串|烤肉|烤红薯|烤番薯|拜神|香烛|烧(?:紧|着)?香|点(?:紧|着)?香|上香|烧(?:紧|着)?衣|烧街衣|烧(?:紧|着)?纸|蚊香|灭蚊|消杀|杀虫|打烟雾|打边炉|火锅|熏腊|腊肉|烧?艾草|艾灸|烧落叶|桑拿|雾机|干冰"
    # Renovation cutting or welding: "a burning smell from their tile cutter", "烧焦味，应该系佢哋切紧嘢".
    # Herbal medicine brewed ("煲中藥，一陣陣燶味"), steam ("說是水蒸氣"), toast ("the burning smell was my toast").
    r"|(?:煲|熬)(?:紧|着|咗|了)?中?药|水蒸气|蒸汽|(?<![a-z])(?:brew\w* (?:chinese |herbal )?(?:herbs|medicine|soup)"
    r"|herbal (?:medicine|soup)|steam (?:from|out of) (?:the |a )?(?:laundry|kitchen|boiler|vent|dryer)|toast)(?![a-z])"
    r"|(?:tile |angle |stone |concrete |disc )?(?:cutter|grinder)s?"
    r"|(?:cutting|grinding) (?:tiles?|metal|stone|concrete|pipes?)"
    # A lingering smell to be cleaned away: "走廊到而家仍然有陣燶味，清潔姐姐可唔可以用啲除味嘢抹下".
    r"|除味|辟味|去味|除臭|(?<![a-z])(?:deodori[sz]\w*|air fresheners?)(?![a-z])"
    r"|welding|welders?|焊(?:紧|咗|了|着)?(?:嘢|野|东西)|切割|(?:在|紧)切(?!断)|切(?:紧|着|咗|了)(?:嘢|东西)|切(?:紧|着|咗|了)?(?:瓷砖|砖|石|铁|钢|木板|云石|大理石)|电焊|烧焊|焊接|打磨"
    r"|(?:酒楼|酒家|餐厅|饭店|食肆|茶餐厅)[^,.!?。!?]{0,6}(?:抽气|排气)|(?:焗|煎|炒|烤|煲|煮|炖)(?:蛋糕|嘢|东西|面包|多士|吐司|汤|粥|饭)?(?:焗|煎|炒|烤|煲|煮|炖|烧)?(?:燶|㶶|糊|焦)|(?:灶|炉)(?:头)?火苗|锅底"
    # Other homes' cooking come down the flue: "厨房烟道往我家倒灌 别人家做饭的味儿全进来了".
    r"|(?:别人|人家|邻居|楼上|楼下|隔壁|隔篱)(?:家|屋|餐厅|酒楼|饭店|食肆|茶餐厅|铺头|店)?(?:的|嘅)?(?:做饭|煮饭|炒菜|煮嘢|煮食)|烟道[^,.!?。!?]{0,4}(?:倒灌|返味|回味)"
)
# The source named only to say it is not that ("唔似烧香", "not like a barbecue", "it's not from anyone's grill, nobody
# is even barbecuing today").
_NOT_THE_SOURCE_WORDS = (
    rf"(?:唔似|不像|不似|唔系|不是|(?<![a-z])(?:not|isn't|wasn't) (?:like |from )?)"
    rf"(?:a |the |anyone's |anybody's |someone's |their |our )?(?:{_SOURCE})"
    r"|(?<![a-z])(?:nobody|no one|no-one)(?:'s| is| was)?(?: even)? (?:barbecu\w*|grill\w*|cooking)(?![a-z])"
)
# Caught or spread to what was beside it, whatever was burnt on purpose: "火把旁边堆的纸箱引着了",
# "啲火燒咗去隔籬個垃圾桶度", "the paper lantern caught the living room curtain and it's still burning".
_FIRE_CAUGHT = (
    r"引着(?:了|咗)|引燃(?:了|咗)|火(?:烧|窜|烧埋)(?:咗|了)?(?:去|到|过)(?:隔篱|旁边|附近|对面)"
    r"|(?<![a-z])(?:lantern|candle|heater|incense|joss|firecracker|cigarette)s?[^.!?]{0,15}(?<![a-z])caught"
    r" (?:the |a |our |my |their )?(?:[\w-]+ ){0,2}(?:curtains?|sofa|couch|bed|carpet|rug|tree|clothes|boxes"
    r"|cardboard|rubbish|bin)(?![a-z])"
)
# Set alight and still burning ("烧著咗旁边啲草同树叶 而家仲烧紧"; not "仲烧紧水", water on the boil).
_BURNING_ON = r"(?:点|烧)(?:着|著)(?:咗|了)[^。!?]{0,20}(?:仲|还)(?:在)?烧(?:紧|着)?(?![水饭菜嘢野开香纸衣])"
# The source explains smoke and smells, not flames: "the barbecue set the balcony on fire" and "煲燶咗 厨房着咗火"
# stay fires.
# Smoke coming out of a bin room or chute is its fire, whatever cigarette is guessed at ("楼下垃圾房好像有点冒烟，可能是
# 谁扔了烟头吧", "a bit of smoke coming out of the rubbish room … could just be someone's cigarette").
_BIN_SMOKE = (
    r"(?:(?:垃圾房|垃圾站|垃圾槽|垃圾库|垃圾桶|垃圾箱|垃圾堆|杂物房)[^,.!?。!?]{0,6}"
    r"(?:冒(?:紧|着)?烟|出(?:晒|紧|好多|大)?烟|有(?:少少|啲|点|一点)?火(?!警|灾|钟)"
    # (Smoke drifting out of it: "垃圾房門縫有白煙飄出嚟".)
    r"|[白黑灰浓]?烟(?:飘|冒|喷|涌|标)?(?:出|冒)(?!去))"
    r"|(?<![a-z])(?:smoke|fire)[^.!?]{0,30}(?:rubbish|bin|refuse|garbage|trash) (?:room|chute|store)"
    # (The room named by what goes in it: "smoke coming out of the little room where we put the rubbish bags".)
    r"|(?<![a-z])smoke[^.!?]{0,40}(?:room|cupboard|place|corner) (?:where|for) [^.!?]{0,20}"
    r"(?:rubbish|garbage|trash|bins?)(?![a-z]))"
    # (Not once the source is found and the smoke gone: "垃圾房頭先冒煙 原來係焗蟲 已經散晒".)
    r"(?!.*(?:原来|散晒|散了|散咗|turned out|was only|was just|cleared))"
)
# Smoke growing as the resident watches ("maybe just someone's cigarette but it's getting thicker"): no guessed
# source explains it away.
_SMOKE_GROWING = (
    r"(?<![a-z])(?:smoke|it'?s|it is|it)(?: is| keeps)? (?:getting|growing) (?:thicker|worse|bigger|heavier|denser)"
    r"|(?<![a-z])more and more smoke|烟(?:越嚟越|越来越|愈嚟愈|愈来愈)(?:大|浓|多)"
    # A smell of smoke with a haze to be seen: "垃圾房門口有陣陣煙味 … 我行過都覺得有少少朦".
    r"|烟味[^。!?]{0,40}有(?:少少|啲|点|一点)?(?:朦|蒙)"
    # Not clearing: "可半天了还没散".
    r"|(?:还|仲)(?:没|未|冇)(?:散|停)|一直(?:都)?(?:没|未|冇|唔|不)(?:有)?散"
    # Still rising: "可能是谁扔了烟头吧，但烟一直往上飘" (round 124).
    r"|烟(?:一直|不停|仲|还)(?:在)?(?:往上|向上)(?:飘|冒|涌|标)"
)
# Smoke seen with its harmless source only guessed ("楼道里有点烟，不是很多，可能是谁扔了烟头吧", "bit of smoke in the
# stairwell, probably somebody burning hell money again"): a cause guessed is no source found (the conventions), so
# the guess does not explain the smoke away. A smell with a guessed source is left to the source words.
_SOURCE_GUESSED = (
    r"(?:有(?:啲|点|些|少少|一点点|一点|一些)?烟(?!味|头|屎|蒂|仔|灰|囱|花|瘾|感)|(?:飘|冒|出)(?:着|紧)烟|烟(?:飘|冒)(?:出|入|紧|着)"
    r"|(?<![a-z])(?:bit of|some|a little|a little bit of|light|thin|a wisp of) smoke(?! (?:alarm|detector|smell))"
    r"|(?<![a-z])smoke (?:coming|drifting|seeping) (?:out|from|in|into|under))"
    # (The guess may open the next sentence: "smoke drifting out of the back staircase around 20/F. Could be someone
    # having a sneaky cigarette I guess".)
    r"[^.!?。!?]{0,60}(?:[.。] ?)?(?:可能|估计|应该|大概|好似|好像|唔知系咪|不知道是不是|不知是不是|似乎|怀疑|觉得|以为"
    r"|(?<![a-z])(?:maybe|probably|perhaps|possibly|i guess|i think|must be|could (?:just )?be|might be))"
    # The guess names the source: "可能是谁扔了烟头", "probably somebody burning hell money" (not "應該冇事", the
    # source seen and the smoke only guessed harmless).
    rf"[^,.!?。!?]{{0,25}}(?:{_SOURCE}|烟头|烟蒂|抽烟|食烟|吸烟|cigarette|smok\w*)"
)
# A fire growing, or setting a curtain or clothes alight ("啲火越嚟越大", "拜神啲香燒著咗窗簾", rounds 122 and 123):
# the fire's own words, and what keeps a candle, incense or an offering beside them from explaining the smoke away.
_FIRE_GROWING = r"(?:火|火势)(?:越嚟越|越来越)大|(?:烧|点)(?:着|著)(?:咗|了)(?:窗帘|布|衫|纸箱|沙发|床)"
_FIRE_STATED = (
    rf"{_BIN_SMOKE}"
    r"|(?<![a-z])(?:flames?|caught fire|set [^.!?]{0,30}on fire|(?:is|are|'s) on fire|spread\w*)(?![a-z])"
    # (Not a fire denied, thought, likened or feared: "没着火", "不是着火", "我还以为着火了", "像着火一样".)
    r"|火舌|火焰|烧起来|烧着|蔓延|(?<![打点没冇无是系为像似怕会心])(?:(?:着|著)(?:咗|了)?火|起火|失火)"
    # The fire caught what was beside it, or burns on: "燒著咗旁邊啲草 … 而家仲燒緊".
    rf"|烧(?:着|著)(?:咗|了)?(?:旁边|隔篱|隔壁|附近)|{_BURNING_ON}|{_FIRE_CAUGHT}"
    # Something else set alight: "烧纸把人家门口堆的纸箱子点着了" (round 119).
    r"|把[^。!?]{0,16}点(?:着|著)(?:了|咗)"
    # Growing, not put out, spreading ("地氈燒緊 我撲唔熄", "火已经烧到窗帘了", round 123).
    rf"|{_FIRE_GROWING}|扑(?:唔|不)(?:熄|灭)|火(?:已经)?烧到"
)
_SOURCE_ONLY = rf"^(?!.*(?:{_FIRE_STATED}|{_NOT_THE_SOURCE_WORDS})).*(?:{_SOURCE})"

# Cigarettes, cooking fumes and smoke detectors (also said with a filler, "烟雾 咩嘢 感应器"): smoke words that are no
# fire, both where a fire signal is cancelled and among the harmless things of the not-emergency cue.
_SMOKE_NOT_FIRE = (
    # (Smoke denied with a plain "不": "电池有点鼓 不冒烟也不烫".)
    r"食烟|抽烟|吸烟|烟头|(?<![冒出])烟灰(?!灰|色)|二手烟|烟仔|香烟|烟蒂|油烟(?!机)|烟感|烟雾器|烟雾(?:咩嘢|乜嘢|什么|嘅|的)?(?:报警|警报|感应|探测|侦测)"
    r"|(?<![会是系要怕])不(?:再)?冒烟"
    # What smoke left: "好多烟熏嘅黑印", "walls still black from the smoke".
    r"|烟(?:熏|薰)(?:嘅|的|咗|过)?(?:黑印|黑色|痕|印|迹|渍)|(?:black|blackened|stained|sooty) from (?:the )?smoke"
    r"|烟(?:报警|警报|感应|探测|侦测)器"
    # A fire alarm or smoke detector beeping ("火警钟呀 即系烟雾嗰个 嘟嘟声").
    r"|(?:火警钟|烟雾)[^。!?]{0,12}(?:嘟嘟|哔哔|滴滴)"
)

# Smoking as people do ("cigarette", "smoking"): the smoke in the message is theirs (the first fire pattern's cancel),
# unless a fire is plainly seen beside it (_FIRE_SEEN): "someone smoking on the stairs and now smoke everywhere, I
# see flames".
_SMOKING = (
    r"(?:cigarette|smoking"
    r"|(?<![a-z])smokers?(?![a-z])"
    # Smoking as a habit: "the neighbour always smoke outside their door, the smoke goes in our flat".
    r"|(?<![a-z])(?:always|often|keeps?|they|he|she|who|neighbou?rs?|people|ppl|workers?|men|guys|tenants?|staff|guards?"
    r"|cleaners?|residents?|contractors?|builders?|kids|teens|teenagers|next door|upstairs|downstairs) smokes?"
    r"(?= (?:outside|in|on|at|near|by))"
    r")(?![^.!?]*(?<![a-z])(?<!no )(?<!not )(?<!any )"
    r"(?:(?:see|saw|seeing) (?:the )?(?:flames?|fire)|flames|on fire|(?:black|thick) smoke (?:is )?(?:pouring|billowing"
    r"|coming)"
    # A thing smoking, not a smoker: "the smart home panel … is smoking theres a burnt smell and smoke coming out of
    # it" (round 118).
    r"|smoke (?:is )?coming out of it|(?:burnt|burning) (?:plastic |rubber )?smell|smell of burning (?:plastic|rubber)"
    r")(?![a-z]))"
)

# An air conditioner, whose dripping is ordinary water, not a flood.
_AIRCON = r"(?:(?<![a-z])(?:a/?c|aircon|air ?con\w*)|冷气机?|空调)"

# A fountain is harmless water; water that sprays "like a fountain" (像喷泉, 好似喷泉咁) is a burst pipe. The rules
# read English without "like" (a filler in speech): "spraying like a fountain" is "spraying a fountain" there, and
# "gushing water like fountain" is "gushing water fountain".
_FOUNTAIN = (
    r"(?<!像)(?<!似)(?<!如)喷泉|(?<!like a )(?<!ing a )(?<!out a )(?<! up a )(?<!like )(?<!ing water )(?<!ing water a )"
    r"fountain"
    r"(?! (?:of water|shooting|spraying|spurting|gushing))"
)

# (kind, implied repair category, pattern, pattern that cancels it)
_EMERGENCIES: tuple[tuple[str, str | None, re.Pattern[str], re.Pattern[str] | None], ...] = (
    (
        "flood",
        "plumbing",
        compile_led(
            r"射(?:晒|哂)出|水(?:不停|一直|仲|还)(?:在|喺度)?(?:喷|射|标|涌)|今(?:朝|早|日|天)又再?爆|(?<!到)爆(?:过|咗|了)?(?:水)?(?:喉|管)|爆(?:咗|了)(?:条|支|根)(?:水)?(?:喉|管)|水管爆|水喉爆|(?:水管|水喉|管子|暖气管|暖气片)[^,.!?。!?]{1,10}爆(?:咗|了|开)|水流(?:晒|哂|紧|着)?(?:入|进)(?:屋企|屋|家|室内|啲单位|单位|住户)|喷水|(?:有|啲|的)水(?:一路)?倾(?:紧)?(?:落|出|入)|水柱[^,.!?。!?]{0,3}(?:射|喷|冲|标|涌)|(?<!火星)(?<!火花)(?<!烟)喷(?:紧|住)?出|射出|水涌|(?<!烟)涌(?:出|落|进|入)"
            # Water rushing ("水哗哗咁流", "哗哗地往外喷"), not glass rattling in the wind ("哗哗响") nor a tank's
            # "水声哗哗".
            r"|水(?!箱|费)[^,.!?。!?声]{0,20}哗哗(?!响|的?(?:流水)?声)|哗哗(?:地|咁|声)?(?:喷|涌|冲|灌|往|向|射|标)"
            r"|(?:往下|向下|落嚟|下来)哗哗(?:地|咁|声)?流"
            # (Not a tap sputtering air, "往外喷气", nor pressure "弱到爆" before "开尽个水喉".)
            # Water rushing down from above ("楼上又有水冲落嚟"), seeping in and gathering now ("现在往里渗水 …
            # 一会儿功夫积了一层").
            r"|水[^,.!?。!?]{0,3}(?:冲|泻|灌)(?:落|下)(?:嚟|来)(?!的|嘅)"  # (not "消防水冲下来的灰渣")
            r"|(?:往里|往屋里|往家里)(?:渗|灌|冒|涌|进)水[^。!?]{0,24}(?:积了|越来越|越嚟越|一层|漫)"
            # A main spraying ("個總喉噴緊水呀 止唔到"), a pipe or radiator joint blown ("暖器片接头那块炸了"),
            # a pipe "爆球" as said in Sichuan, a home turned into a river ("屋里都成河了").
            r"|(?:喉|管|阀|龙头|水掣)[^,.!?。!?]{0,3}喷(?:紧|住|着)水"
            r"|(?:喉|水管|暖气管|管子|管道|暖气片|暖器片|接头)[^,.!?。!?]{0,6}(?<!油)炸(?:了|咗|开|裂)|水管子[^,.!?。!?]{0,2}爆"
            r"|(?:屋|家|厅|房|厨房|厕所)(?:里|头|企|入面)?都?(?:变)?成(?:了)?(?:一条)?河(?!粉)"
            r"|水浸(?!身|住|坏|湿|烂|亲|起|到起|到成?(?:个)?(?:盘|盆|缸)|到(?:生锈|发霉|霉|坏|烂|起泡|变形)|啲(?:泥|嘢|垃圾))|淹水|往(?:里|屋里|入)(?:灌|涌|冲)水"
            # Pouring down from above, a hose come off that will not shut ("水从我家顶上一直往下淌", "洗衣機條喉甩咗，
            # 水好大閂唔到").
            r"|水(?:从|由)[^,.!?。!?]{0,8}(?:一直|不停|唔停)(?:往下|向下)?(?:淌|泻|灌)"
            r"|(?:喉|管)(?:甩|脱|爆)(?:咗|了)[^。!?]{0,12}(?:闩|关)(?:唔到|不了|不住|唔住)"
            # Deeper at every look, a bucket filled in minutes: "a bit deeper every time I check", "it's more like a
            # stream now, filled a bucket in ten minutes".
            r"|(?<![a-z])water[^.!?]{0,60}"
            r"(?:(?:deeper|higher) (?:every|each) (?:time|minute|hour)|getting deeper(?![a-z]))"
            r"|(?<![a-z])(?:filled|fills|filling) (?:a|the|one|two|my) (?:whole )?buckets? in (?:\w+ )?"
            r"(?:minutes?|mins?)"
            r"|(?<![a-z])like a stream now"
            r"|(?:地下|地上|地板|成地)水(?:越来越|越嚟越)(?:多|深|高)|往外喷(?!气)|(?<!到)爆开|(?<!墙)(?<!身)(?<!天花)(?<!板)(?<!地台)(?<!石屎)(?<!批荡)爆裂|(?:好似|似|像)(?:落雨|下雨)"
            # Water pouring down a shaft or stair ("水顺着电梯井往下灌"); a hydrant left spraying
            # ("消防栓被碰开了 一直在喷").
            r"|水(?:顺着|沿着|从)[^,.!?。!?]{0,8}(?:往下|向下)?(?:灌|冲|涌)"
            r"|(?:消防栓|消防喉|水管|水喉)[^。!?]{0,24}(?:一直|不停)(?:在|喺度)?(?:喷|射|标)(?!漆|雾)"
            # Knocked off and spraying: "消防栓被车撞断了，水喷得比房子还高".
            r"|消防栓[^,.!?。!?]{0,8}(?:撞断|撞烂|撞爆|撞甩)(?:了|咗)|水(?:喷|射|标)得(?:比|好|很|老|成|咁|几)"
            # Water pouring down as from a basin tipped over: "唔系滴呀 系成盘水咁倒落嚟".
            r"|水咁?(?:倒|泻|泼)(?:落|下|入|进)(?:嚟|来)"
            # A sprinkler head knocked off and spraying: "消防花灑頭俾人撞爆咗！水狂噴".
            r"|(?:消防花洒|sprinkler)[^,.!?。!?]{0,8}(?:爆|断|甩|burst|broke|snapped)|水狂(?:喷|射|标|涌|飙)"
            # Squirting up to the ceiling: "水龍頭成個甩咗出嚟，水唧到上天花".
            r"|水(?:唧|喷|射|标|飙)到(?:上)?(?:天花|天花板|屋顶|成屋|周围|四周|一地|成地)"
            r"|(?:pipe|喉|(?<![灯光])管)\s?爆|water spray\w*"
            r"|water(?:'s| is)?(?: (?:literally|just|really|actually|still|now))?"
            r" (?:pouring|gushing|flooding|spraying|bursting)"
            r"|(?<!smoke )(?<!smoke is )(?<!air )(?:pouring|gushing) (?:water|out|from|in)"
            r"|burst (?:pipe|water)|pipe (?:has )?burst|flood(?:ed|ing)?\b"
            r"|(?:hose|pipe|valve|connection|fitting|joint)s? (?:has |have |just |got )?burst"
            # "pipe under the sink just burst".
            r"|(?<![a-z])(?:hose|pipe)s? (?:under|behind|below|beside|above|in) (?:the |my |our )?[\w-]+(?: [\w-]+)? "
            r"(?:has |have |just |has just )burst(?![a-z])"
            # Water or sewage spreading: "squirting everywhere", "the drain is bubbling up brown water and it's all
            # over the bathroom floor", "it's spreading to the bedroom", "it has reached the sofa", "sewage 溢晒出嚟",
            # "地漏往外冒脏水……都流到客厅了", "噴晒出嚟".
            r"|(?<![a-z])(?:squirting|spraying|gushing|spurting) (?:everywhere|across|onto|into|over)(?![a-z])"
            r"|water main[^.!?]{0,30}burst"
            r"|(?<![a-z])(?:drain|toilet|sink)[^.!?]{0,20}(?:bubbling|coming) up[^.!?]{0,40}"
            r"(?:all over|spreading|everywhere)"
            r"|(?<![a-z])(?:water|sewage)[^.!?]{0,60}(?:spreading (?:to|into)|has reached|reached the|keeps coming)"
            r"|water (?:is )?coming out (?:very |so )?fast|sewage\s?(?:漫|溢)|喷(?:晒|哂)出"
            r"|(?:地漏|地台去水|去水口|去水位|马桶|坐厕|渠|排水口|下水道)[^.!?。!?]{0,30}(?:流到|浸到|漫到|流进|流入)(?:了|咗)?"
            r"(?:客厅|房间|睡房|卧室|走廊|门口|厅)"
            # A room under water, or water still coming in: "成個廚房都浸晒", "仲喺度入緊水".
            r"|成(?:个|间)?(?:厨房|厅|客厅|屋|房|洗手间|厕所|浴室|大堂)(?:都)?(?:浸|淹)(?:晒|哂|紧)"
            # Inches of water in a shop and still coming in ("地下已經有幾吋水，仲係咁入").
            r"|已经有(?:几|两|三|四|五|\d{1,2})(?:吋|寸|公分|厘米|cm) ?水"
            r"|水[^。!?]{0,30}(?:仲|还)系咁(?:入|流入|涌入|灌)"
            r"|(?:仲|还)(?:在|喺度)?(?:入|进)紧水|(?:仲|还)?(?:不停|一直)(?:咁)?(?:入|进)紧水"
            # Water seeping in again and more and more ("今日又開始有水滲入嚟，越嚟越多"); up past the ankles.
            r"|有水(?:渗|流|涌|灌)(?:入|进)(?:嚟|来)[^。!?]{0,8}(?:越嚟越|越来越)(?:多|大|深|高)"
            r"|(?<![a-z])water[^.!?]{0,100}(?<![a-z])(?:getting deeper|halfway across|still coming in|still rising)"
            r"(?![a-z])"
            # Sewage that keeps coming ("dirty water keep coming out" of a floor drain) (round 118).
            r"|(?<![a-z])(?:dirty|black|brown|filthy|smelly|sewage|toilet) water[^.!?]{0,80}(?<![a-z])"
            r"(?:keeps?|still) coming(?![a-z])"
            # Round 119: water pouring down from a light fitting ("卫生间顶灯那里在往下灌水"), the sea backing up
            # through a drain ("海水倒灌进来了"), sewage out of a floor drain into the hallway, water "rising fast", a
            # ramp "a river going into B1" (read without "like"), a ceiling pouring onto the television.
            r"|在(?:往下|向下)(?:灌|冲|泻|涌)水?|(?:海水|潮水|雨水|河水)[^。!?]{0,4}倒灌"
            r"|(?<![a-z])(?:water|sewage) coming up (?:out of|from|through) (?:the )?(?:floor )?drain[^.!?]{0,60}"
            r"(?:all over|spreading|everywhere|into the (?:hallway|corridor|living room|bedroom))"
            r"|(?<![a-z])water[^.!?]{0,100}(?<![a-z])rising (?:fast|quickly|rapidly)(?![a-z])"
            r"|(?<![a-z])a river (?:going|flowing|running|pouring) into(?![a-z])"
            # Round 120: a floor already under water and still running ("走廊已經浸咗 仲係咁流"), half the living room
            # ("已经漫到客厅一半了，还在往外流"), hot water sprayed over the floor ("热水喷了一地"); water "getting
            # higher", "is pouring now", dirty water "still coming", a bathroom overflowing into the bedroom.
            r"|浸(?:咗|了)[^。!?]{0,3}(?:仲|还)(?:系咁|一直|不停|在)(?:流|涌|入)|漫到(?:客厅|房间|厅|睡房)一半|水喷(?:了|咗)一地"
            r"|(?<![a-z])water[^.!?]{0,100}(?<![a-z])getting higher(?![a-z])"
            r"|(?<![a-z])water (?:from|through|out of) (?:the |my |our )?[\w ]{0,25}(?:is |'s )(?:now )?"
            r"(?:pouring|gushing|spraying)(?![a-z])"
            r"|(?<![a-z])overflowing the (?:bathroom|kitchen|toilet)[^.!?]{0,20}(?<![a-z])(?:going|spreading|running)"
            r" (?:in)?to the (?:bedroom|living room|hall|hallway|corridor)"
            r"|(?<![a-z])water[^.!?]{0,40}(?:ceiling|roof)[^.!?]{0,40}(?<![a-z])(?:it'?s|it is) pouring"
            r" (?:on|onto|into|over)"
            # The floor soaked and the water still running: "空调漏水…现在顺着墙往下淌，地板都泡了，还在流".
            r"|(?:地板|地下|成地|地上)(?:都)?(?:泡|浸)(?:了|咗|晒)[^。!?]{0,8}(?:还|仍|仲)(?:在|喺度)?(?:流|漏|涌)"
            r"|(?<![a-z])(?:come|came|got|gone|is|'s) up (?:past|over|above) (?:my|the|our|his|her)"
            r" (?:ankles?|knees?|shins?)"
            # Sewage backing up out of a drain ("下水道反水 污水从地漏往外冒").
            r"|(?:污水|脏水|屎水|粪水|渠水)[^,.!?。!?]{0,8}(?:往外冒|往上冒|冒出|涌出|涌上|喷出|倒灌)"
            # Round 121: water into a home from outside and rising ("浸咗入屋 … 仲係升緊", "门口开始进水,越来越多",
            # "water is getting in under the front door, about an inch now and still coming"), down from a ceiling
            # without stop ("水一直从天花板往下灌", "啲水由天花板滴落嚟越嚟越多"), a leak sensor ringing with the water
            # still running ("漏水感应器一直响 … 仲不停咁流"), water pouring into a lift's pit ("啲水流晒入𨋢槽").
            r"|浸(?:咗|了)(?:入|进)(?:屋|家)"
            # Round 122: a bath overflowing and running into the living room ("浴缸啲水滿瀉咗 而家流緊出廳"), furniture
            # afloat ("啲傢俬浮晒起嚟"), someone caught by the water in a car park ("车库里面有人被水困住了"), sewage
            # from a floor drain that will not stop ("地漏往上返水 全是污水 根本止不住").
            # Round 123: a pipe shooting water ("條喉 射緊水出嚟"), rain pouring down a lift shaft, water coming up a
            # floor drain and rising, "water coming through the bathroom ceiling … it's pouring".
            r"|射(?:紧|着)水|(?<![a-z])(?:pouring|gushing|streaming) down the (?:lift|elevator) shaft"
            r"|(?<![a-z])water(?:'s| is)? coming up (?:out of |through |from )?(?:the |our |my )?(?:floor )?drain"
            r"[^.?]{0,40}"
            r"(?<![a-z])(?:it'?s |is )?rising(?![a-z])"
            r"|(?<![a-z])water[^.!?]{0,20}(?:through|from) (?:the |my |our )?(?:\w+ )?ceiling[^.!?]{0,30}"
            r"(?:it'?s|it is)"
            r" pouring(?![a-z])(?! (?:rain|outside))"
            r"|满泻(?:咗|了)?[^。!?]{0,12}(?:流紧|流着|流(?:咗|了)?(?:出|入|进)|(?:仲|还)(?:系|在)?流)"
            r"|(?:家私|傢俬|家具|家俬|家俱)[^,.!?。!?]{0,4}(?:浮|漂)(?:晒|哂|起|了|咗|着)"
            r"|(?:积水|浸)(?:了|咗)[^。!?]{0,6}(?:还|仲)(?:在|喺度)?(?:往下)?流"
            r"|(?:有人|人)[^,.!?。!?]{0,4}(?:被|俾|畀)水困(?:住|咗|了)"
            r"|(?:返水|反水|冒水)[^。!?]{0,12}(?:止不住|止唔住|停不下来|唔停|不停)"
            # Round 124: a floor all water and still running or rising ("成地水啊 仲係咁流", "成地都係水 仲越嚟越多"),
            # sewage welled over a floor and still welling ("冒了一地 还在冒"), "water is going everywhere".
            r"|成地(?:都系|都是|都)?水[^。!?]{0,4}(?:(?:仲|还)(?:系咁|一直|不停|在)(?:流|涌|漏|冒|入)|(?:仲|还)?(?:越嚟越|越来越)"
            r"(?:多|深|大))"
            r"|冒(?:了|咗)一地[^。!?]{0,4}(?:还|仲)(?:在|喺度)?冒"
            r"|(?<![a-z])water(?:'s| is) (?:going|getting|spreading|running) everywhere(?![a-z])"
            # Round 125: a drip grown into a column ("而家變咗一條柱咁沖落嚟"), water poured down from upstairs
            # ("楼上往下灌水"), water spraying ("水在喷"), a burst tank's water run out to the lift lobby
            # ("啲水流晒出走廊去咗𨋢口"), sewage "coming up fast".
            r"|(?:条|一条)柱(?:咁|那样|一样)?(?:冲|射|喷|流|泻)|(?:往下|向下)(?:灌|冲|泻)水|水(?:在|正在|一直|还在|仲喺度)喷"
            rf"|(?<![污脏渠])水流(?:晒|哂)?(?:出|到)(?:咗)?(?:走廊|大堂|门口)[^。!?]{{0,4}}{_LIFT}"
            r"|(?<![a-z])(?:it'?s|its|is|water|sewage|sew age) coming up (?:fast|quickly)(?![a-z])"
            r"|(?:门口|门底|门缝|屋企|家里|屋里)[^,.!?。!?]{0,4}(?:开始)?(?:入|进)水[^。!?]{0,6}(?:越(?:来|嚟)越多|(?:仲|还)(?:系|在)?(?:升|涨))"
            r"|水(?:一直|不停)(?:从|由)(?:天花|天花板)[^,.!?。!?]{0,4}(?:灌|涌|喷|倒|冲)|水由天花(?:板)?[^,.!?。!?]{0,6}越(?:嚟|来)越多"
            r"|(?<![a-z])water (?:is )?(?:getting|coming|pouring|seeping) in under (?:the |our |my )?(?:front )?door"
            r"[^.?]{0,60}(?:still coming|rising|getting (?:deeper|higher|worse))"
            r"|(?:传感器|感应器|(?<![a-z])sensor)[^。!?]{0,40}(?:还在|仍然?|仲|不停|一直)[^。!?]{0,6}(?:往外)?(?:冒|流|涌)"
            r"|水(?:流|涌|灌)(?:晒|哂|紧|咗|了)?(?:入|进)(?:部|架)?(?:䢂|电梯|升降机|较)(?:槽|井|坑)"
            r"|(?<![a-z])water (?:is )?(?:coming|pouring|gushing) (?:through|from|out of) (?:my |the |our )?"
            r"(?:\w+ )?ceiling"
            r"[^.!?]{0,60}(?<![a-z])(?:bulging|sagging)(?![a-z])"
            r"|(?:地漏|渠|下水道|马桶|坐厕|化粪池|井盖|沙井|渠盖)[^,.!?。!?]{0,12}(?:往外|往上)?(?:冒|涌|喷)(?:紧|住)?(?:出)?"
            r"(?:污水|脏水|屎水|粪水|黑水|臭水)"
            # "bathroom floor drain is spewing sewage".
            r"|(?<![a-z])(?:drain|toilet|sink|manhole)s?[^.!?]{0,20}(?:spewing|gushing|pouring|spurting) (?:out )?"
            r"(?:sewage|dirty water|black water|filthy water)"
            r"|(?<![a-z])spraying (?:water|everywhere|out|all over|hard|strongly)"
            # A pipe spraying hard, or sewage spreading from a drain ("water pipe … leaking spraying hard", "overflowing
            # … from floor drain … spreading").
            r"|(?<![a-z])(?:pipe|hose|valve)[^.!?]{0,30}(?:spraying|gushing|spurting) (?:hard|strongly|non-?stop)"
            r"|(?<![a-z])(?:sewage|overflowing)[^.!?]{0,40}(?:drain|toilet)[^.!?]{0,30}spreading(?![a-z])"
            # In a helper's word order: "spraying yung pipe sa cr" (the pipe is spraying), "overflowing yung water sa
            # lobby" (water overflowing in the lobby).
            r"|(?<![a-z])(?:spraying|gushing|spurting|exploded|burst) (?:yung |ang |the )?"
            r"(?:pipe|hose|tap|valve|water pipe)(?![a-z])"
            r"|(?<![a-z])(?:overflowing[^.!?]{0,12}water|water[^.!?]{0,12}overflowing)[^.!?]{0,15}(?<![a-z])"
            r"(?:lobby|corridor|car ?park|basement|living room|bedroom|lift|hall)(?![a-z])"
            # "It's spraying again now", "water shoot up very high", "the level is rising", water seeping in under a
            # door, a basement filling up.
            r"|(?<![a-z])(?:it'?s|it is|joint|pipe|hose|tap|valve) (?:is )?(?:spraying|gushing|spurting)(?![a-z])"
            r"|(?<![a-z])water (?:shoots?|sprays?|gush(?:es)?|spurts?) (?:up|out)(?![a-z])"
            r"|(?<![a-z])(?:water )?level (?:is |keeps )?rising|water (?:is )?seeping (?:in|under)(?![a-z])"
            rf"|{_BASEMENT}[^.!?]{{0,12}}(?:is |are )?(?:filling up|flooding)(?![a-z])"
            # "spraying like a fountain" (read without "like": "spraying a fountain").
            r"|(?<![a-z])(?:spraying|spurting|squirting|gushing|shooting)(?: water| out| up)?(?: like)? (?:a )?fountain"
            # A basement or car park taking in water: the worst incident the desks have seen.
            rf"|{_BASEMENT}[^.!?。!?]{{0,12}}(?:入(?:晒|哂|咗|紧|左)?水|进(?:了)?水|灌水|在灌|往里灌|好多水|大量水|全是水"
            r"|全系水|泡(?:在)?水|积水(?:好深|很深|越来越|越嚟越)|水(?:越来越|越嚟越)?(?:深|高|多)|淹"
            # (Not "车位线浸到睇唔到", the bay lines washed out.)
            r"|浸(?!湿|到睇唔到|到看不见|到睇唔见))"
            r"|(?:(?<!柜)(?<!橱)(?<!箱)(?<!锁)(?<!锁头)(?<!锁芯)(?:入晒水|入哂水)(?!生锈)|水(?:越来越|越嚟越)(?:深|高)|浸到(?:膝头|膝盖|车轮|车辘|脚眼|半架车))"
            r"|(?:filling|filled|fills) (?:up )?with water|under ?water|submerged|knee[- ]deep|ankle[- ]deep"
            r"|water(?: (?:in|on|at) (?:the |our |my )?(?:[\w-]+ ){0,3})?(?:'s| is)? (?:still )?"
            r"(?:rising|coming in|flowing in)"
            # How deep it stands: "water still rising in the basement, already up to my knee".
            r"|(?<![a-z])water[^.!?]{0,60}(?<![a-z])(?:already|now|is|'s) up to (?:my |the |our |his |her )?"
            r"(?:ankles?|knees?|calf|calves|shins?"
            r"|waist)(?![a-z])"
            # Water or sewage spilling over and still rising; a pipe spraying.
            r"|(?:污水|粪水|屎水|渠水|水)[^,.!?。!?]{0,3}(?:漫|溢)(?:出|上|进|入|到|晒)|水位(?:一直)?(?:上升|升紧|在升)"
            r"|水?(?:一直|不停|仲|还)(?:在|喺度)?(?:涨|升)(?!起|唔起|不起|住)|(?<!色)(?:越浸越|越来越|越嚟越)(?:深|高)"
            r"|sewage (?:is )?(?:backing up|coming (?:back )?up|bubbling (?:back )?up|overflowing|pouring)"
            # "floor drain vomit water (backflow), dirty water everywhere".
            r"|(?<![a-z])(?:dirty|black|sewage|smelly) water (?:is )?"
            r"(?:everywhere|coming up|rising|spreading|overflowing|(?:come|comes|came|coming) back up)(?![a-z])"
            # Coming through and worse by the minute: "a lot of water coming through the kitchen ceiling now and it's
            # getting worse by the minute" (water coming through a ceiling alone is a leak).
            r"|(?<![a-z])water[^.!?]{0,40}(?:coming|pouring|running|dripping) (?:in|through|down)[^.!?]{0,60}"
            r"(?:getting worse|worse by the minute|worse and worse|heavier and heavier|getting heavier)(?![a-z])"
            r"|water (?:is )?(?:shooting|spurting|squirting)|(?:shooting|spurting|squirting) (?:out|water)"
            r"|水(?:还|仲)?(?:在|一直)?往(?:里|屋里|入)灌|水灌(?:进|入)"
            r"|pipe (?:has |just |have )+burst"
            r"|(?:喉|(?<![灯光])管)(?:爆|裂)(?:咗|了|开)(?!一?(?:道|条|个)?(?:缝|罅|口子|小口|裂口))"
            r"|(?:喉|管)(?:裂开|爆开)|(?:喉|管)又再?(?:爆|裂)(?:咗|了|开)|又再?爆(?:返|番)"
            # Sewage coming out, a toilet overflowing; a lobby or a home taking in water ("大堂又開始入水").
            r"|sewage (?:is )?(?:coming out|spilling)|toilet (?:is )?overflowing"
            r"|(?<![a-z])(?:toilet|drain|sink|bath)[^.!?]{0,25}(?<![a-z])(?:is|are) overflowing"
            r"|水(?:从|由)[^,.!?。!?]{0,8}往外(?:涌|冒|喷)"
            # (Not water in a fitting: "客厅吊灯进水了" is the light's.)
            r"|(?:大堂|走廊|屋企|屋入面|客厅|家里)(?:(?!灯|掣|插|电|机|箱|柜)[^,.!?。!?]){0,6}(?:(?:入|进)(?:紧|咗|了|晒)?水|水浸(?!住))(?!口|管|阀|喉|龙头)"
            # Water shooting out ("条喉射水射到对面墙", "啲水好大力咁标出嚟"); a water gun is no pipe.
            r"|(?<!玩)射水(?!枪)|(?:水|喉|管|龙头)[^,.!?。!?]{0,8}(?:标|飙|飚)(?:紧|住|咗|了)?(?:出|到)"
            # Water coming in through a door or window, or running down a basement's ramp.
            r"|水(?:从|由)[^,.!?。!?]{0,8}(?:灌|涌|冲)(?:进|入)|水(?:正|一直|一个劲儿?(?:地|的)?)?(?:往|向)(?:下|里|内)(?:淌|灌|冲)"
            r"|water (?:keeps?|kept) (?:on )?(?:coming|pouring|flowing|rushing) in"
            # Water coming through a light fitting or a socket: water and electricity together.
            r"|water (?:is |keeps? |kept )?(?:coming|pouring|dripping|running|streaming) (?:down )?(?:in )?"
            r"(?:through|out of|from) (?:the |our |my |a )?(?:[\w-]+ )?"
            r"(?:lights?|lamps?|light fittings?|sockets?|switch\w*)"
            # Water over the doorsill: "水冚过门槛流出走廊".
            r"|(?:冚|漫|浸|淹|流)过(?:咗|了)?门槛"
            # Water running into a lobby, a home or a car park ("it is now flowing into the Block D lobby"), not into a
            # sink or a drain.
            r"|(?<![a-z])(?:water|it|rain ?water|sewage)(?:'s| is)? (?:now )?"
            r"(?:flowing|pouring|running|rushing|coming|gushing)"
            r" (?:in)?to (?:the |our |my |a )?(?:[\w-]+ ){0,3}(?:lobby|flat|home|unit|lift|car ?park|basement|garage"
            r"|corridor|living room|bedroom|hall)(?! ?(?:sink|drain|basin|bucket|tank))(?![a-z])"
            # A jet of water pouring in ("成条水柱咁灌落客厅"); sewage backing up and spreading over a room
            # ("地台去水位又倒灌污水，浸满成个厕所", "地漏又往上返污水，整个卫生间都漫了").
            r"|(?:成|一)条水柱|水柱(?:咁|一样|般)?(?:灌|喷|射|冲|标)|灌落(?:客厅|屋|房|厅|地库|停车场)"
            r"|倒灌(?:污水|粪水|渠水|臭水)|(?:往上|向上)(?:返|冒|涌)(?:污水|臭水|粪水|脏水)"
            r"|(?:浸|淹|漫)(?:满|晒|哂)(?:成|整)个(?:厕所|浴室|卫生间|屋|厅|客厅|房)"
            r"|(?:成|整)个(?:卫生间|厕所|浴室|客厅|屋|厅)都(?:漫|淹|浸)"
            # The same in English: "bedroom floor now all water", water "from ceiling like rain" (read without "like").
            r"|(?<![a-z])(?:floor|room|kitchen|bedroom|bathroom|toilet|flat|house|lobby)(?: is| are)? (?:now )?"
            r"(?:all|full of) water(?![a-z])"
            # Sewage up through a floor drain and over the room ("污水从地漏反上来了 满卫生间都是"), water pooled
            # centimetres deep ("地上已经积了好几厘米"), a corridor or car park under water ("成条走廊浸晒"), water
            # coming down hard ("天花有水好大力落紧"), pouring ("哗啦啦漏水") (round 113).
            r"|(?:污水|粪水|臭水|脏水|渠水)[^,.!?。!?]{0,8}(?:反|返|冒|涌|倒灌)(?:上来|上嚟|出来|出嚟)[^。!?]{0,8}"
            r"(?:满|成个|整个|一地|成地)"
            r"|积(?:了|咗)?(?:好|有)?(?:几|两|三|四|五|\d{1,2})(?:厘米|公分|cm|寸)"
            r"|(?:成|整)(?:个|条|层)(?:走廊|大堂|停车场|地库|车库)(?:都)?(?:浸|淹|漫)(?:晒|哂|满)"
            r"|水[^,.!?。!?]{0,2}(?:好大力|大力|好犀利)(?:咁)?(?:落|喷|射|流|涌|冲|灌)(?:紧|着)"
            r"|哗啦啦(?:地|咁)?(?:漏|流|落|喷|灌)"
            # Heavy leaking with the floor under water ("天花板在大量漏水 地板全是水"), not a heavy leak alone
            # ("停車場大量漏水" is urgent, not a flood).
            r"|大量(?:漏|涌|进|灌)水[^。!?]{0,12}(?:(?:地板|地上|地下|成地|满地)(?:都|全)(?:是|系)水|积水|浸)"
            r"|(?<![a-z])(?:from|through) (?:the )?(?:ceiling|roof) (?:rain|waterfall|a waterfall)(?![a-z])"
            # Round 115: water standing to the ankles ("to have water up to my ankles? It's still rising"), coming in
            # faster ("coming under our shutter from the street … it's coming in faster now"), spraying "every where"
            # as a recogniser writes it, a room that is all water ("而家成個客廳都係水"), a waterfall down the back
            # stairs ("由天台成條瀑布咁沖落嚟"), a lift shaft pouring ("由天台漏落去 嘩啦嘩啦咁").
            r"|(?<![a-z])water (?:is |'s )?(?:already |now )?up to (?:my|the|our|his|her)"
            r" (?:ankles?|knees?|shins?|waist)"
            # (Not a slow shower's: "water up to her ankles by the end", round 121.)
            r"(?![a-z])(?! (?:every|each) time| whenever| when| by the end| after (?:a|her|his|my|the) shower)"
            r"|(?<![a-z])(?:it'?s|it is|water(?:'s| is)?) (?:now )?coming in (?:faster|quicker|harder|more and more)"
            r"(?![a-z])"
            r"|(?<![a-z])(?:spraying|squirting|gushing|spurting) every where(?![a-z])"
            r"|(?:成|整)(?:个|间)(?:客厅|厅|屋|房|房间|睡房|厨房|厕所|浴室|大堂|走廊|地库|停车场|天花板|天花)(?:都)?(?:系|是)水"
            r"(?!汽|气|蒸|渍|印)"
            r"|瀑布(?:咁|一样|般|似的)?(?:冲|流|泻|落|倒|灌|射|喷)"
            # Round 116: a roof tank overflowing down the stairs ("啲水沿住樓梯一路流落嚟", "pouring down the stairwell,
            # top floor stairs are like a river"), a hose reel burst and spraying the floor wet, water welling up from
            # the ground faster and faster ("地面突然往上冒水，越冒越大"), a drain "backing up with sewage".
            r"|(?:沿住|沿着|顺着|顺住|由)(?:楼梯|梯级|电梯井|电梯槽|井道|䢂槽)[^。!?]{0,4}(?:一路|一直|不停)?(?:往下)?"
            r"(?:流|冲|泻|灌)(?:落|下)?(?![^。!?]{0,8}(?:唔算|不算|唔系好|不是很|少少|一点点))"
            # A main dug through and the water rushing into a lobby ("水直接冲进3栋一楼大堂,越来越多") (round 117).
            r"|水(?:直接|一直)?(?:冲|涌|灌)(?:进|入)(?:了|咗)?[^。!?]{0,8}(?:大堂|屋|家|单位|地库|停车场|走廊|铺|店)"
            r"|(?<![a-z])(?:pouring|gushing|rushing|flowing|cascading) down"
            r" (?:the )?(?:stairwell|stairs|staircase|stairway|(?:car ?park )?ramp(?![a-z]))"
            r"|(?<![a-z])(?:stairs|stairwell|staircase|corridor|lobby|floor) (?:are|is) like a river(?![a-z])"
            r"|喉辘[^,.!?。!?]{0,2}爆|喷到成地都(?:系|是)水|(?:往上|向上)?冒水[^。!?]{0,6}越冒越(?:大|多|高|急)"
            # Round 118: water shooting down without a stop and the floor a river ("水仲不停咁射落嚟，地下已經成條河"),
            # a great deal leaking that keeps running ("浴室天花大量漏水 一直流"), dirty water overflowing into a room,
            # a ceiling pouring "like a tap open" (read without "like": "a tap open").
            r"|水(?:仲|还)?(?:不停|一直|唔停)(?:咁|地)(?:喷|射|标|涌|冲)|(?:地下|地上|成地|地板)(?:已经)?成(?:条|个)河"
            r"|大量漏水[^。!?]{0,4}(?:一直|不停|唔停)(?:咁)?(?:流|漏)"
            r"|(?<![a-z])overflow(?:s|ing|ed)? into (?:the |my |our )?"
            r"(?:bedroom|living room|room|corridor|hall|kitchen)"
            r"(?![a-z])"
            r"|(?<![a-z])(?:ceiling|roof)[^.!?]{0,60}(?<![a-z])a (?:tap|faucet) (?:open|on|turned on|running)(?![a-z])"
            r"|(?<![a-z])backing up with sewage(?![a-z])"
            r"|(?:漏|流|冲|灌|泻)(?:落去|落嚟|下去|下来)[^。!?]{0,2}哗啦哗啦|哗啦哗啦(?:咁|地)?(?:漏|流|落|喷|灌|冲)"
        ),
        compile_led(
            # Something thrown or popping that bursts, with no water, pipe or drain named ("有人由上面掟咗個玻璃樽落嚟
            # 啱啱喺我身邊爆開").
            r"^(?!.*(?:水|喉|管|渠|淹|浸))(?=.*(?:樽|瓶|气球|灯泡|灯胆|轮胎|车胎|爆竹|炮仗)).*爆开|"
            # A guard's words quoted ("水浸唔關我事"); things soaked before, to be listed ("泡水的东西要拍照登记吗").
            r"水浸(?:唔|不)?关(?:我|你|佢|他)(?:哋|们)?事|泡(?:过)?水(?:的|嘅)(?:东西|嘢|家具|车|物品)|"
            # A fountain, unless water sprays "like a fountain" ("水像喷泉一样").
            r"喷灌|滴灌|浇灌|(?<![a-z])(?:garden|lawn|irrigation) sprinklers?"
            r"|(?:唔系|不是|冇|没有|未至于?|未到)水浸|(?:唔系|不是)爆(?:水)?(?:管|喉)"
            # A toilet's cistern that keeps running ("马桶冲水按钮坏了水一直哗哗流"), not over the floor (round 113).
            r"|(?:马桶|水箱)[^。!?]{0,16}(?:一直|不停|个不停)[^。!?]{0,12}(?:哗哗|流)"
            r"(?![^。!?]*(?:溢|漫|满地|成地|一地|地上|地下|出来|出嚟|客厅))"
            r"|(?<![a-z])(?:not (?:like |a )?flood\w*|no flood\w*"
            r"|just a puddle|slow(?:ly)? drain\w*|drains? (?:is |are )?(?:so |very |really )?slow"
            r"|slow to (?:go down|drain|empty)|not (?:yet )?overflow\w*)"
            # Mended and quiet since: "the burst pipe … was repaired last month and has given no further trouble".
            r"|(?<![a-z])(?:given|had|caused|been) no (?:further |more )?(?:trouble|problems?|leaks?)(?![a-z])"
            # A crack in a pipe, dripping: "去水喉爆咗條縫 … 仲滴緊水".
            r"|爆(?:咗|了)(?:一)?(?:条|道)(?:缝|裂缝|裂纹|罅)"
            r"(?![^。!?]*(?:射|喷|标|涌|冲|止唔到|止不住|闩唔到|关唔到|成地|一地|好多水|大量))"
            # Asked whether a place is still under water ("Where can my guests park? visitor spaces still flooded?").
            r"|(?<![a-z])still flooded\s?\?"
            # Not flooded yet, or spared: "仲未浸", "今次冇浸亲".
            r"|(?:仲|还)?(?:未|冇|没有?)(?:有)?水?(?:浸|淹|溢|漫)|(?:未|冇|没有?)(?:有)?(?:进|入)(?:到)?水"
            # A blocked toilet or basin nearly brimming ("水浸到就嚟满"), not yet over.
            r"|(?:浸|满|升)到(?:就嚟|就快|差啲|差不多|快要)(?:满|溢)"
            r"|(?:冇|没有?|无)(?:有)?水(?:涌|喷|冒|标|射)|(?:冇|没有?|唔再|不再)(?:再)?(?:喷|涌|射|标)水"
            # No longer flowing in ("已经冇再流入"); not into the home ("不是往屋里 是外面").
            r"|(?:冇|没有?|唔|不)再(?:流入|流进|入水|进水|涌入)|(?:不是|唔系)(?:往|流|入)?(?:屋里|屋企|家里|室内|屋入面)"
            # Found to be only a drip: "見到B1好多水 … 原來係天花條喉有水滴落嚟 唔係好大".
            r"|(?:原来|只)(?:系|是)[^。!?]{0,15}(?:滴|渗)(?:落|下)?(?![^。!?]*(?:涌|喷|灌|越来越|越嚟越|漫|浸到))"
            # A burst said and taken back ("條水喉爆咗好耐 嗯 唔係爆 係漏"); a shower that drains slowly every time
            # ("每次沖涼 啲水都去唔到 浸到腳眼"); unless water pours out after all.
            r"|(?:(?:唔系|不是)爆(?:咗|了)?(?:系|是)?(?:漏|渗|滴)"
            r"|每次(?:洗|冲)(?:个)?(?:澡|凉)[^。!?]{0,12}(?:去唔到|去唔晒|去不了|排唔走|去得好?慢|流唔走|流不走))"
            r"(?![^。!?]*(?:射|喷|涌|漫|灌|标|今日|今天|而家|现在|依家))"
            # An aircon dripping ("the air conditioner is dripping water onto the sofa … keeps coming").
            rf"|{_AIRCON}[^.!?。!?]{{0,30}}(?:drip\w*|滴)"
            # (Unless the water has spread and still comes: "dripping a bit this morning … now the water is running
            # down the wall and creeping halfway across the living room floor and it's still coming".)
            r"(?![^。!?]*(?:halfway across|still coming|pouring|gushing|getting worse|地板都(?:泡|浸)"
            r"|(?:还|仲)(?:在|喺度)?(?:流|涌)))"
            # ... or its water coming in ("aircon water is coming inside from the top of aircon").
            rf"|{_AIRCON}\s+water(?! (?:is )?(?:pouring|gushing|flooding|everywhere))"
            # Slow ordinary water: a cistern or urinal running on, laundry dripping, a slow drain.
            # (Also one that keeps refilling: "马桶水箱一直在响 进水停不下来".)
            r"|(?:尿兜|尿斗|水箱|马桶|坐厕|cistern|urinal)[^,.!?。!?]{0,8}(?:流水|流(?:唔|不)停|在流|running|在响)"
            # Only a little of it, said so ("rain coming in through the window but only a little").
            r"|(?<![a-z])but (?:only )?a little(?: lang| only)?(?! (?:girl|boy|kid|child|baby))(?![a-z])"
            # "... through the light fitting, just drips for now".
            r"|(?<![a-z])(?:just|only) (?:drips?|dripping|a drip)(?![a-z])(?![^.!?]*(?:pouring|gushing|streaming))"
            # A toilet that runs on after the flush ("马桶冲完水一直哗哗地流"), not water running out of it into a room.
            r"|(?:马桶|坐厕|水箱|龙头|水喉|洗手池|洗手盆|面盆)[^,.!?。!?]{0,8}哗哗(?:地|咁)?流(?!到|进|入|出|落)"
            r"|(?:晒|晾)(?:紧|咗|了|着)?(?:的|嘅)?(?:被|衣服|衫)|去水?得?(?:好|很|太|比较|有啲|有点)?慢"
            # The water already mopped up ("接口爆裂咗 头先已经抹干 闩咗水"): over.
            r"|(?:已经|已)(?:抹|擦|拖|吸)(?:干|晒|好)(?![^。!?]*(?:仲|还|不停|继续|又|一直))"
            # A crack that seeps ("下水管裂了，往外渗水"); tiles or glass that crack ("浴室瓷砖爆裂").
            r"|(?:砖|玻璃|镜|云石|石材)(?:面)?(?:突然)?爆裂"
            # The water gone down ("水浸已退", "the flood water has receded").
            r"|(?:水浸|积水|浸水|水)(?:已经|已)(?:退|消退)|(?:水浸|积水)(?:退(?:咗|了|晒|哂)|消退)"
            # "十点才退干净" (round 119).
            r"|(?:才|已经|已|都)退(?:干净|晒|哂)"
            r"|(?<![a-z])(?:water|flood\w*)(?![^.!?]{0,40}(?:n't|not|never|yet|still))(?: [^.!?]{0,30})?"
            r" (?:has |have |had )?(?:now )?(?:receded|subsided|gone down|drained away)"
            r"(?![a-z])"
            r"|(?:喉|管)裂(?:咗|了|开)[^。!?]{0,10}(?:渗|滴)"
            # A little water, said so ("a little water coming in under the kitchen sink cabinet"), unless it spreads.
            r"|(?<![a-z])(?:a little|a bit of|a small amount of|a trickle of) water (?:is )?(?:coming|seeping|leaking"
            r"|dripping)(?![^.!?]*(?:deeper|rising|halfway|spreading|pouring|everywhere|gushing))"
            # As much as a towel or two soak up ("a couple of damp towels' worth") (round 118).
            r"|(?<![a-z])(?:a couple of|a few|one or two|two|a|one) (?:damp |wet )?towels?'?s? worth(?![a-z])"
            # Cars moved out of a flooded car park into the fire lane: the cars are the matter ("有人將車泊咗喺消防通道,
            # 話地庫浸水", "have moved their cars into the fire lane") (round 118).
            r"|(?:泊|停)(?:咗|了|在|喺)[^。!?]{0,4}(?:消防通道|消防车道)"
            # ("Fire lane" is read as a gap, a compound noun of _NOT_LITERAL: "into the " and a space.)
            r"|(?<![a-z])(?:moved|parked|parking|park) (?:their |the |all the |his |her )?(?:cars?|vans?)"
            r" (?:in|into|on) (?:the )?(?:fire lanes?(?![a-z])| )"
            # Smoke welling out, not water: "啲煙由門罅湧出嚟" is a fire's.
            r"|烟(?:由|从)?[^,.!?。!?水]{0,6}涌(?:出|落|进|入)"
            r"|(?:裂痕|裂缝|裂纹|罅)[^,.!?。!?]{0,8}爆(?:返|番|开)"
        ),
    ),
    (
        "trapped",
        "elevator",
        compile_led(
            # ("电梯停在9楼和10楼之间，里面困着我邻居").
            rf"{_LIFT}[^。!?]{{0,30}}(?:里面|入面|里头)困(?:着|住|咗|了)|"
            # Round 112: "the lift seems to have stopped with my wife and the pram in it"; a child run in alone and the
            # lift stopped ("佢自己衝咗入去，門閂埋咗而家停咗喺度冇郁過").
            r"(?<![a-z])(?:lift|elevator)[^.!?]{0,30}(?:stopped|stuck) with (?:my|our|his|her|their|a|the|two|some)"
            r" [^.!?]{0,40}(?:in it|inside|in there)(?![a-z])|"
            rf"{_LIFT}[^。!?]{{0,40}}(?:冲|行|走|跑)(?:咗|了)?(?:入去|进去)[^。!?]{{0,30}}(?:停(?:咗|了|住)|冇郁|唔郁|没动|不动)|"
            # Understated, round 110: "I'm in the lift at Tower C with the doors shut and it hasn't moved for a while".
            r"(?<![a-z])(?:i'?m|we'?re|i am|we are) (?:stuck )?(?:in|inside) the (?:lift|elevator)[^.!?]{0,60}"
            r"(?:doors? (?:shut|closed)|hasn'?t moved|isn'?t moving|not moving|won'?t open)|"
            # (Not kept at home by a lift out of order: "阿爸困咗喺屋企因為部𨋢壞咗".)
            rf"被困|困(?!{_AT_HOME})(?:咗|住|了|在|喺|于)?[^,.!?。!?]{{0,6}}{_LIFT}"
            rf"|{_LIFT}[^,.!?。!?]{{0,8}}困(?!过|扰|难|惑)(?!{_AT_HOME})"
            # Trapping people again, now: "上个礼拜先困过人，今日又困人啊！2座B梯" (困人 is what lifts do;
            # "好困人" is dull).
            r"|(?:又|而家|依家|宜家|现在)困(?:咗|住|紧|了)?人"
            # Someone heard inside: "lift alarm ringing in block 4 lift A for like 10 min, someone shouting inside".
            rf"|(?<![a-z]){_LIFT}[^.!?]{{0,60}}(?<![a-z])(?:someone|somebody|people|kids|children"
            r"|a (?:man|woman|child|kid|boy|girl|lady)|(?:my|our) \w+)(?: is| are)?"
            r" (?:shouting|screaming|crying|banging|knocking|yelling|calling for help)(?: \w+)? inside(?![a-z])"
            # A lift mis-heard as "left" by speech-to-text, stuck with people inside: "the left is stuck the left in
            # tower B and there are kids inside".
            r"|(?<![a-z])(?:the|a|our) left (?:is |was |got |has )?(?:stuck|stopped|broken down|jammed)[^.!?]{0,60}"
            r"(?<![a-z])(?:inside|in it|in there)(?![a-z])"
            # "Lift 2 in Tower C has stopped between floors with an elderly resident inside".
            rf"|(?<![a-z]){_LIFT}[^.!?]{{0,40}}(?:stopped|stuck)[^.!?]{{0,30}} with (?!no )[^,.!?]{{0,40}}"
            r"(?<![a-z])inside(?![a-z])"
            # "电梯卡在15楼下不来了 我和室友两个人在里面" (not "我不在里面").
            rf"|{_LIFT}[^。!?]{{0,20}}(?:停|卡)[^。!?]{{0,30}}(?<!冇人)(?<!没人)(?<!不)(?<!唔)(?<!冇)(?<!没)"
            r"(?:在|喺)(?:里面|入面|里头)(?!(?:没|冇)(?:有)?人)"
            # Shut in: "被关在电梯里", "焗咗喺𨋢入面".
            rf"|(?:关|锁|焗)(?:咗|了|住)?(?:在|喺)?{_LIFT}"
            # A lift stopped with people inside who cannot get out ("lift … stopped, 2 children inside cannot get out").
            rf"|(?<![a-z]){_LIFT}[^.!?]{{0,80}}(?:inside|in it|in there)[^.!?]{{0,10}}"
            r"(?:cannot|can'?t|could not|unable to) get out(?![a-z])"
            # Inside a lift that has stopped, or whose doors will not open.
            rf"|(?:喺|在)[^,.!?。!?]{{0,8}}?{_LIFT}\s?(?:入面|里面|里头|内|里)[^.!?。!?]{{0,15}}"
            r"(?:开唔到|打不开|开不了|出唔到|出不去|出不来|停|卡|不动|唔郁|冇郁|动不了|郁唔到)"
            rf"|{_LIFT}[^.!?。!?]{{0,12}}(?:停|卡|坏|唔郁|不动|冇郁|动不了)[^.!?。!?]{{0,10}}"
            r"(?:入面有人|里面有人|有人喺入面|有人在里面|有人困|入面(?:仲|还)有|里面(?:仲|还)有)"
            # Someone named inside a stopped lift whose doors will not open: "我老豆喺入面，门开唔到".
            rf"|{_LIFT}[^.!?。!?]{{0,12}}(?:停|卡)[^.!?。!?]{{0,15}}(?<!冇人)(?<!没人)(?<!没有人)(?<!无人)"
            r"(?:喺|在)(?:入面|里面|里头)[^.!?。!?]{0,6}"
            r"(?:开唔到|打不开|开不了|出唔到|出不来|出不去)"
            rf"|{_LIFT}[^?]{{0,40}}困(?:咗|住)?(?:喺|在)(?:入面|里面|里头)"
            # Someone in the lift, and it has stopped: "电梯里有人 停住不动了 按铃没反应".
            rf"|{_LIFT}(?:里|里面|入面|里头|内)有人[^.!?。!?]{{0,12}}(?:停|卡|不动|唔郁|冇郁|动不了|开唔到|打不开|开不了)"
            # Stopped with someone still inside ("部𨋢郁返一陣又停咗，我同個仔仲喺入面").
            rf"|{_LIFT}[^.!?。!?]{{0,15}}(?:停|卡)[^.!?。!?]{{0,12}}(?:仲|还)(?:喺|在)(?:入面|里面|里头)"
            rf"|{_LIFT}[^.!?。!?]{{0,20}}(?:开唔到|打唔开|打不开|开不了)[^.!?。!?]{{0,10}}(?<!冇人)(?<!没人)"
            r"(?:喺|在)(?:入面|里面|里头)"
            rf"|{_LIFT}[^?]{{0,60}}(?:停|卡)[^?]{{0,20}}(?:开不了|打不开|开唔到|打唔开)[^?。!?]{{0,10}}(?<!冇人)(?<!没人)"
            r"(?:还|仲)?(?:在|喺)(?:里面|入面|里头)"
            # "The lift ... has stopped again between floors and my mum is stuck inside".
            rf"|{_LIFT}[^?]{{0,80}}(?<![a-z])(?:is|are|am|'s|'re|'m) (?:still )?stuck (?:inside|in (?:it|there|here))"
            # "lift no move, I am inside with the dog": a lift that does not move, someone inside.
            rf"|{_LIFT}[^.!?]{{0,20}}(?<![a-z])(?:no|not|don'?t|doesn'?t|cannot|can'?t|never) (?:move|moving|go|going)"
            r"[^.!?]{0,40}(?<![a-z])(?:i am|i'm|we are|we're|he is|she is|they are|is) (?:still )?inside(?![a-z])"
            rf"|(?:inside|in) (?:the |a )?(?:[\w-]+ ){{0,2}}{_LIFT}(?! lobby| hall| button| area| door)[^.!?]{{0,60}}"
            r"(?:stuck|stopped|not moving|stops? between floors?"
            r"|won'?t open|can'?t open|not opening|can'?t get out)"
            rf"|{_LIFT}[^.!?]{{0,30}}(?:stuck|stopped|broke down|broken down)[^.!?]{{0,40}}"
            r"(?:inside|in it|(?<![a-z])ppl|people|someone|somebody)"
            # The door that will not open with someone inside ("the lift … the door won't open, my mother is inside").
            rf"|{_LIFT}[^.!?]{{0,60}}doors? (?:won'?t|will not|can'?t|cannot|not) open[^.!?]{{0,40}}"
            r"(?<!nobody )(?<!no one )(?<!nobody is )(?<!no one is )(?<!nobody's )(?<![a-z])inside(?![a-z])"
            rf"|trapped|stuck (?:in|inside) (?:the |a |our )?(?:[\w-]+ ){{0,3}}{_LIFT}"
            # Said in a helper's word order: "stuck kami ng alaga ko sa elevator" (stuck, we and my ward, in the lift);
            # a lift stopped "with me" in it.
            rf"|(?<![a-z])stuck (?:[\w-]+ ){{1,5}}(?:sa|in|inside|di) (?:the )?{_LIFT}(?! ?(?:door|lobby|hall|button))"
            rf"|{_LIFT}[^.!?]{{0,25}}(?<![a-z])(?:stopped|stuck)(?: in the middle| between floors)?,? with me(?![a-z])"
            # "the lift ... it's stuck again on the fifth floor with my neighbour inside".
            # Shut in (电梯关人了), people inside behind doors that will not open, stuck halfway with people inside.
            rf"|{_LIFT}[^,.!?。!?]{{0,4}}关(?:住)?人|{_LIFT}[^,.!?。!?]{{0,6}}困(?:咗|了)?人|{_LIFT}[^.!?。!?]{{0,10}}(?:开唔到|打不开|开不了)[^.!?。!?]{{0,6}}"
            r"(?:里面|入面|里头)(?:有|仲有|还有)"
            r"|(?:卡|停)(?:在|喺)?半(?:截|路|空)[^.!?。!?]{0,20}(?:里面|入面)(?:有|仲有|还有)?"
            r"|(?:i'?m|we'?re|i am|we are|i'?ve been|we'?ve been|i have been|we have been)"
            rf" in the {_LIFT}[^.!?]{{0,60}}"
            r"(?:not moving|stuck|stopped|door is shut"
            r"|doors? (?:won'?t|will not|can'?t) open)"
            rf"|(?<![a-z])(?:is|are|'s) (?:inside|in) (?:the )?{_LIFT}[^.!?]{{0,40}}(?:stop|stuck|not moving)"
            rf"|{_LIFT}[^.!?]{{0,50}}(?:stuck|stopped|stop)[^.!?]{{0,50}}(?<![a-z])with "
            r"(?:me|my|our|his|her|a|an|the|two|three"
            r"|some) [\w' ]{1,30}? (?:inside|in it|in there)(?![a-z])"
            rf"|{_LIFT}[^,.!?]{{0,20}}(?:people|someone) (?:stuck|inside)"
            # The doors will not open on people inside: "lift door wont open we r inside".
            rf"|{_LIFT}[^.!?]{{0,12}}(?:won'?t|will not|can'?t|cannot|not) open[^.!?]{{0,20}}"
            r"(?<![a-z])(?:we r|we'?re|we are|i'?m|i am|someone|somebody|people|ppl|kids|inside)(?![a-z])"
            # Shut in: "那部电梯刚才又把人关里面了", "而家又困住我阿媽喺入面".
            rf"|{_LIFT}[^。!?]{{0,20}}(?:关|锁|焗)(?:在|喺)?(?:里面|入面|里头)"
            # Stopped with someone inside calling out: "电梯又停了，里面有个外卖小哥在喊".
            rf"|{_LIFT}[^。!?]{{0,12}}(?:停|卡)[^。!?]{{0,12}}(?:里面|入面|里头)(?:有|仲有|还有)(?:个|人|一个|几个|两个)"
            r"[^,.!?。!?]{0,8}(?:在|喺度)?(?:喊|叫|拍门|求救|哭)"
            rf"|{_LIFT}[^。!?]{{0,30}}困(?:住|咗|了)[^,.!?。!?]{{0,6}}(?:喺|在)(?:入面|里面|里头)"
            # Someone "inside the lift" after it stopped, whoever: "lift dead, anak majikan inside lift".
            rf"|{_LIFT}[^?]{{0,25}}(?<![a-z])(?:dead|stuck|stop|stopped|jammed|not moving)(?![a-z])[^?]{{0,30}}"
            rf"(?<![a-z])(?<!nobody )(?<!no one )(?<!nothing )inside (?:the )?{_LIFT}"
            # As said in a second language too: "lift stop, I inside with the baby".
            rf"|{_LIFT}[^?]{{0,25}}(?<![a-z])(?:dead|stuck|stop|stopped|jammed|not moving|won'?t move)(?![a-z])"
            r"[^?]{0,12}"
            r"(?<![a-z])(?:we're|we are|i'm|i am|i|we|with me|with us|someone's|someone is|people are|they're|they are"
            r"|kids are"
            r"|(?:my|our) \w+(?: (?:is|are)|'s)|(?:he|she)(?: is|'s)"
            r"|(?:\d+|two|three|four|five|six|some|all|both) of us"
            r"|(?:\d+|two|three|four|five|six) (?:people|ppl|kids|children))"
            r" (?:stuck )?(?:inside|in (?:it|there|here))(?![a-z])"
            # Someone inside who cannot get out.
            # (Not a landing blocked: "將垃圾車停喺𨋢口成朝，我坐輪椅出唔到去".)
            rf"|{_LIFT}(?!\s?(?:口|门口|大堂))[^.!?。!?]{{0,20}}"
            r"(?:出唔到|出唔返|出不去|出不来|can't get out|cannot get out)"
            r"(?!街|去街|门口|门(?=\s|$|[,.!?。!?])|楼下)"
            # A lift stopped between floors with someone in it.
            rf"|{_LIFT}[^.!?。!?]{{0,25}}(?:between floors"
            r"|between (?:the )?\d{1,2}(?:/f|f|th|st|nd|rd)? and \d{1,2}"
            r"|半路|两层中间|(?:楼|层)之?中间|(?:楼|层)之间|中间停|停(?:咗|了|住)?喺?半空)"
            r"[^.!?。!?]{0,60}(?:inside|in it|in here|in there|入面|里面|里头|有人)"
            # Stuck between floors with someone in it says the lift without naming it.
            r"|(?<![a-z])(?:stuck|stock|stop|stopped) between"
            r" (?:floors?|(?:the )?\d{1,2}(?:/f|f|th|st|nd|rd)? and \d{1,2})"
            r"[^.!?]{0,45}(?<![a-z])(?:inside|in it|in here|in there)(?![a-z])"
            # Round 115: people heard inside a lift stopped between floors ("Lift B in Tower 6 stopped between floors
            # with the school kids coming home, I can hear them banging on the door"); a lift stuck whose door will
            # not open, with a cry for help ("救命 电梯卡住了 门打不开"); people shut in ("电梯里关着人").
            rf"|{_LIFT}[^.!?]{{0,25}}(?:stopped|stuck|stock) between floors[^.!?]{{0,80}}"
            r"(?<![a-z])(?:banging|knocking|shouting|screaming|crying|calling)(?![a-z])"
            rf"|救命[^。!?]{{0,4}}{_LIFT}[^。!?]{{0,4}}(?:卡住|困住|停)(?:了|咗)[^。!?]{{0,4}}门(?:打不开|开唔到|开不了|开不到)"
            rf"|{_LIFT}(?:里|里面|入面|内)(?:关|困|焗)(?:着|住|咗)(?:人|小朋友|小孩|细路|老人)"
            # Round 116: a guard's "B梯困咗個阿伯", a lift door closed on someone ("电梯门夹住人了 打不开").
            r"|梯困(?:咗|了|住)(?:个|一个|位|一位)?(?:阿伯|阿婆|伯伯|婆婆|人|老人家?|小朋友|细路|小孩|住户|街坊|工人|姐姐)"
            rf"|{_LIFT}门夹(?:住|着)(?:咗|了)?(?:个|一个|位|一位)?(?:人|小朋友|细路|小孩|老人|婆婆|阿婆|伯伯|阿伯|公公|老伯"
            r"|姐姐|住户|街坊)"
            # Round 118: stopped, the door shut, someone inside ("C座個𨋢停咗 門打唔開 入面有個婆婆"; "stuck at 8/F with
            # the doors shut, the delivery guy is inside").
            rf"|{_LIFT}[^。!?]{{0,12}}(?:停|卡)[^。!?]{{0,4}}门(?:打唔开|开唔到|打不开|开不了)[^。!?]{{0,4}}"
            r"(?:里面|入面|里头)(?:有|仲有|还有)(?:个|位|一个|一位|人)"
            rf"|{_LIFT}[^.!?]{{0,30}}(?:stuck|stopped)[^.!?]{{0,40}}(?:doors? (?:shut|closed)|won'?t open)"
            r"[^.!?]{0,40}"
            r"(?<!nobody )(?<!no one )(?<!nobody is )(?<!no one is )(?<![a-z])inside(?![a-z])"
            # Round 119: "me and my son … been stuck inside 10 mins"; a shutter pressing on someone ("车库卷帘门压住
            # 一个人了").
            rf"|{_LIFT}[^.!]{{0,120}}(?<![a-z])been stuck (?:inside|in (?:here|there|it))(?![a-z])"
            # Round 120: the lift autocorrected to "left" ("left stuck between 14 n 15 my mum inside", "is it normal
            # for the left to stop with doors shut n not move? been inside 5 min"); someone in a lift that will not move
            # or open ("我喺部𨋢度呀 佢停咗好耐都唔郁 門又開唔到").
            # Round 123: "someone's stuck in left two of block five", "someone stuck in the left in tower E".
            r"|(?<![a-z])(?:stuck|trapped) in (?:the )?left(?: (?:one|two|three|four|five|six|[1-6a-f]))?(?![a-z])"
            r"(?! (?:side|hand|lane|corner|turn))"
            r"|(?<![a-z])(?:the )?left (?:is |was |got |has )?(?:stuck|stopped|to stop)(?![a-z])[^.!]{0,60}"
            r"(?<![a-z])(?:inside|in it|in there)(?![a-z])"
            # Round 124: on a stair lift that stopped and cannot get off ("stuck on the stair lift … can't get off");
            # someone shut in a lift named after its building ("有人困咗喺十二座三號 三號升降機"); a door closed on a
            # leg or a hand and not opening ("貨𨋢門夾住咗搬屋師傅隻腳，道門打唔開", "closed on a mover's leg and
            # won't open").
            r"|(?<![a-z])stuck on (?:the |a |her |his |my )?stair ?lift"
            r"|stair ?lift[^.!?]{0,80}(?:can'?t|cannot) get off"
            rf"|(?:有人|人)困(?:咗|了|住)(?:喺|在)[^。!?]{{0,12}}{_LIFT}"
            r"|夹住(?:咗|了)[^。!?]{0,10}(?:脚|手|腿|手指)[^。?]{0,8}(?:打唔开|打不开|开唔到|开不了|拉唔出|拔不出)"
            r"|(?<![a-z])door[^.!?]{0,30}(?:closed|shut) on (?:a |the |his |her |my )?(?:\w+'s )?(?:leg|arm|hand|foot)"
            r"[^.!?]{0,30}(?:won'?t|will not|doesn'?t|can'?t) open"
            rf"|(?:我|我哋|我们)(?:喺|在)(?:部|架)?{_LIFT}(?:度|入面|里面|里)[^。!?]{{0,20}}(?:停|唔郁|不动)[^。!?]{{0,12}}"
            r"门(?:又)?(?:开唔到|打唔开|打不开|开不了)"
            # Round 121: someone else waiting in a lift whose door will not open ("老豆話佢喺部𨋢度等咗成十分鐘，
            # 門開唔到"), a lift stuck with a child inside ("lift stuck, T5 the only one working, my son (7) is inside
            # alone"), a hand or a foot caught in a lift's door that cannot be pulled out ("电梯门夹住我妈的手了 …
            # 拔不出来").
            rf"|(?:佢|他|她)(?:喺|在)(?:部|架)?{_LIFT}(?:度|入面|里面|里)[^。!?]{{0,20}}门(?:又)?(?:开唔到|打唔开|打不开|开不了)"
            rf"|(?<![a-z]){_LIFT}[^.!?]{{0,10}}(?<![a-z])stuck(?![a-z])[^.!?]{{0,80}}(?<!nobody)(?<!no one)(?<!nothing)"
            r" (?:is|are) (?:still )?inside(?![a-z])(?! the (?:lobby|flat|building|house|car))"
            rf"|{_LIFT}[^。!?]{{0,30}}夹(?:住|咗|着|到)[^。!?]{{0,16}}(?:拎|拔|拉|攞|抽)(?:唔|不)(?:出|返)"
        ),
        compile_led(
            # The people out: "人出来了", "佢哋已经救咗出嚟", "门开了我们都出来了"; help came and everyone is fine
            # ("还好保安十分钟就到了 人没事", "等咗廿分鐘先有保安應").
            r"(?:(?:人|大家|佢哋|他们|她们|我们|我哋)(?:都|已经?)*|(?:佢|他|她)已经?)(?:出|救)(?:咗|了)?出?(?:嚟|来)(?:了|咗|喇|啦)"
            # Out only after so long: "我被困了四十分钟才出来".
            r"|(?:分钟|分钟之后|个钟|个钟头|钟头|小时|个小时)才(?:出来|出嚟|被救出|救出来|放出来|有人救)"
            r"|(?:人(?:都)?(?:没事|冇事|无事|平安)(?![^,.!?。!?]{0,4}(?:但|不过|可是|可系))"
            r"|(?:郁|动)返|开返门|自己开(?:返|了|咗)?门|已经?(?:被[^,.!?。!?\s]{0,4})?(?:救|拉|放)(?:咗|了)?出(?:嚟|来)(?:了|咗|喇|啦)"
            # After being trapped once ("我個仔上次困完𨋢之後好驚"), unless it is again or now.
            rf"|困(?:完|过)(?:人|一次)?(?:{_LIFT})?[^,.!?。!?]{{0,4}}(?:之后|以后|后)(?![^。!?]*(?:又|而家|现在|依家|仲))"
            # The lift named by yesterday's trapping: "尋日困𨋢嗰部 今日又係咁頓一頓".
            rf"|(?:寻日|琴日|昨天|昨日|前日|前天|上次|上个?(?:星期|礼拜|周|月))困(?:咗|了)?(?:人|{_LIFT})?(?:嗰|那)(?:部|架|个)"
            r"(?![^。!?]*(?:又|仲|而家|现在|依家)[^。!?]{0,4}困)"
            r"|(?:(?:等|等咗|等了)[^,.!?。!?]{0,8}|(?:钟|分钟|个钟|小时|半个钟)[^,.!?。!?]{0,3})"
            r"(?:先|才)(?:有)?(?:(?:人|保安|护卫|管理员|技工|师傅|消防)(?:应|嚟|来|到)|(?:来|嚟|到)(?:人|咗|了)"
            r"|(?:嚟|来|到)(?=[,.!?。!?\s]|$))"
            r"|(?:还好|好彩|幸好|幸亏)[^,.!?。!?]{0,10}(?:就|已经)?(?:到|嚟|来)(?:了|咗))"
            # ... unless someone is still inside or the lift stopped again ("郁返又停咗，我仲喺入面").
            r"(?![^。!?]*(?:仲|还|又)(?:喺|在|困|开唔到|打唔开|打不开|出唔到|出不来))"
            # Nobody in it after all: "是不是电梯又困人了 … 哦 没有人啊 那就好" (round 121).
            r"|(?:没有人|冇人|没人)[^。!?]{0,3}(?:那|咁)就好"
            # Children pressing every button, the lift stopping at each floor ("小孩在电梯里乱按 每层都停").
            r"|每层都停|层层都停|乱按"
            # Kept from leaving the block by a lift stopping out of level ("部lift停唔準 … 坐輪椅出唔到八座").
            r"|^(?!.*困).*出(?:唔到|不去|不了)(?:[一二三四五六七八九十\d]{1,2}座|大厦|大门|屋企|街|门口)"
            r"|困难|困扰|困惑|(?:冇|没有?|无)人(?:被困|困|被关|关|喺入面|在里面)|(?:冇|没有?|无|唔系|不是)被?困(?:人)?"
            r"|(?:入面|里面|里头)(?:冇|没有?|无)人|(?:电梯|䢂|𨋢|lift)(?:里|入面)(?:冇|没有?|无)人"
            # ("nobody is answering" the alarm is no one inside.)
            r"|(?<![a-z])(?:nobody|no one|no-one)(?:'s)? (?:inside|in it|stuck|trapped|was"
            r"|is(?! answering| picking| responding))"
            # "It has not stopped altogether and no one has been trapped" (round 112).
            r"|(?<![a-z])(?:nobody|no one|no-one) (?:has|had|have) (?:ever )?(?:been|got) (?:trapped|stuck)(?![a-z])"
            r"|(?<![a-z])empty(?![a-z])"
            # The lift going again by itself ("停了一下我在里面关了一会它自己又开了"): over.
            r"|(?:它|佢)?自己(?:又)?(?:开|郁|动|行)(?:返|回)?(?:了|咗)"
            r"|(?<![a-z])no (?:people|person|passengers?|body) (?:inside|in it|in there|stuck|trapped)(?![a-z])"
            # Things stuck, not people: "the lift has chewing gum stuck all over the floor".
            r"|(?<![a-z])(?:gum|chewing gum|paper|stickers?|tape|rubbish|dirt|stuff|things?|coins?|cards?|keys?)"
            r" (?:is |are |got )?stuck(?![a-z])"
            # A car shut in behind a barrier ("barrier … ora gelem munggah, mobil e madam kejebak ning parkiran").
            r"|(?<![a-z])(?:car|mobil|vehicle|van)(?: e| nya| (?:of )?(?:madam|sir|my|the|our))*"
            r" (?:is |got )?(?:stuck|trapped)"
            # Stopped a moment and went on: "stopped for a few seconds with me inside … then carried on. Not stuck now".
            r"|(?<![a-z])(?:(?:not|no longer) stuck(?: now| anymore| any more)?"
            r"|then (?:carried|went|kept) (?:on|going)"
            r"|(?:started|moved|went) (?:again|moving again|up again|down again) (?:by itself|on its own)"
            # "stopped on the way up with me inside this morning, restarted after a minute and I'm fine" (round 116).
            r"|restarted (?:after|by itself|on its own|itself)"
            # "Not trapped, doors open, just dead" (round 119).
            r"|(?:not|nobody|no one|no-one|noone) trapped"
            r"|i'?m (?:fine|ok|okay)(?: now)? and (?:out|got out))"
            r"(?![a-z])(?![^.!?]*(?:stopped again|stuck again|still (?:stuck|inside|trapped)))"
        ),
    ),
    (
        "fire",
        None,
        compile_led(
            r"(?<![打点])(?:着|著)火|(?:着|著)(?:咗|了)火|火警|失火|起火|火灾(?!险|保险)|(?<!差啲)(?<!差点)(?<!差一点)烧(?:着|著)|(?<![冇没无])(?:有|多|大|浓|冒|出|满|黑)烟"
            # (Water that tastes burnt, "啲水有陣燶味", is no fire.)
            r"|(?:好|劲|很|非常|超)(?:劲|大|浓|重)(?:嘅|的)?烟味|浓烟味|烟雾|烟好大|(?<!水有)(?<!水)(?:好|劲|浓|大阵|阵|一阵|股)(?:㶶|燶)味|烧紧嘢|烧紧野|有嘢烧紧"
            r"|(?<![a-z])on fire"
            # Something burning now ("棚頂有啲竹燒緊 細細火").
            r"|(?:竹|棚|棚架|棚网|网|纸皮|纸箱|木|胶|垃圾|杂物)[^,.!?。!?]{0,3}(?:烧紧|着紧火|喺度烧)"
            # Set alight, or caught and the fire big: "鞭炮把楼下绿化带的枯草点着了", "电瓶车着了 … 火挺大".
            r"|(?:草|草地|草坪|绿化带|树|落叶|杂物|垃圾|纸皮|纸箱|箱|衣服|衫|窗帘|被)[^,.!?。!?]{0,3}点(?:着|著)(?:了|咗)"
            rf"|{_BURNING_ON}|{_FIRE_CAUGHT}"
            r"|(?:(?:着|著)(?:了|咗)|点(?:着|著))[^。!?]{0,20}(?<![肝心虚上胃肺])火(?:还|仲|仍然)?(?:挺|好|很|几|非常|超)大(?!气)"
            # Smoke coming out of something ("抽气扇有少少烟出嚟"); flames to be seen.
            r"|(?<!油)烟(?:冒|喷|涌|攻|冲|标|谷)?(?:出|冒)(?:紧|咗|了)?(?:嚟|来)"
            # Rushing up or in: "樓下好似有人燒嘢，啲煙攻晒上嚟我屋企".
            r"|烟(?:攻|涌|冲|灌)(?:晒|紧|咗|了)?(?:上|入|进)(?:嚟|来)"
            r"|(?<![a-z])(?:ablaze|in flames|engulfed)(?![a-z])"
            # Flames seen, a flue spitting fire ("樓下啲餐廳煙囪噴緊火 我望到火舌呀") (round 117).
            r"|(?<!没有)(?<!冇)(?<!没)火舌|(?:烟囱|烟道|烟管|排烟罩|抽油烟机|hood)[^,.!?。!?]{0,4}(?:喷|标|冒|窜)(?:紧|着|咗|了)?火"
            # Growing as the resident watches, round 111: "後樓梯啲煙愈嚟愈多".
            r"|(?<!油)烟(?:越嚟越|越来越|愈嚟愈|愈来愈)(?:大|浓|多)"
            r"|烟味[^。!?]{0,40}有(?:少少|啲|点|一点)?(?:朦|蒙)"
            # A smell of smoke, however slight, that does not clear ("有一点点烟味 … 但是一直没散"); not one left for
            # weeks by a fire ("火燭留低嗰陣煙味成個月都仲未散").
            r"|^(?!.*(?:个?月|礼拜|星期|几[日天]|[一二两三四五六七八九十\d]+[日天]|火烛|火警|火灾)).*"
            r"烟味[^。!?]{0,40}一直(?:都)?(?:没|未|冇|唔|不)(?:有)?散"
            # Smoking now ("正冒着烟"); a smell of smoke growing stronger ("有陣煙味……越嚟越濃").
            # (Also "仲出緊煙", "排烟罩烧起来了".)
            r"|(?:冒|出|飘)(?:着|紧)烟|(?<!心)(?<!火气)(?<![全都会就])烧起(?:来|嚟)(?:了|咗|喇|啦)(?![^,.!?。!?]*\?)|烟味[^.!?。!?]{0,25}(?:越嚟越|越来越)(?:浓|大|重|劲)"
            r"|(?<![a-z])flames? (?:are |is )?(?:coming|shooting|pouring|leaping)? ?(?:out|from|through)(?![a-z])"
            # A little smoke, said mildly: "後樓梯有啲煙，唔係好多"; smoke or a little fire in a bin room
            # ("垃圾房門口好似有少少火，可能有人掉煙頭").
            r"|有(?:啲|点|些|少少|一点点|一点|一些)烟(?!味|头|屎|蒂|仔|灰|囱|花|瘾)"
            rf"|{_BIN_SMOKE}"
            r"|(?<![a-z])(?:see|seeing|saw) flames(?![a-z])"
            r"|(?<![a-z])(?:flames? (?:are |is )?visible|visible flames?)(?![a-z])"
            r"|\bfire\b(?![ -](?:door|exit|escape|extinguisher|hose|drill|alarm|bell|service|lane|safety|corridor|route"
            r"|passage|stair|hazard|insurance|cert|inspection|department|station|officer|regulation|rule|code|shutter"
            r"|sprinkler))"
            # (Not what smoke left: "smoke stains", "smoke damage", "smoke marks"; nor a smoke detector, misspelt or
            # beeping.)
            r"|\bsmoke\b(?! ?(?:stain|damage|mark|detect[eo]r|sensor|vent|extract|curtain|lobby|lobbies)s?\b)"
            r"(?! alarms? (?:keeps? |is |are )?(?:beep|chirp))"
            # Smoke so thick or rushing down the stairs ("烟太大了看不见路", "烟从楼上冲下来"), not cooking fumes.
            r"|(?<!油)烟(?:太|很|非常|超|好)大|(?<!油)烟(?:从|由)[^,.!?。!?]{0,6}(?:冲|涌|灌|冒)(?:下|出|入|进|落|上)"
        ),
        compile_led(
            # (Cigarettes explain smoke, not a fire said to burn now: "草坪着火了，烟很大，好像有人扔了烟头",
            # not "起火以后", "着火的事" nor "我还以为又着火了".)
            rf"^(?!.*(?:{_BIN_SMOKE}|{_SMOKE_GROWING}|{_SOURCE_GUESSED}|火苗|火舌|火焰|烧起来|(?<!以为)(?<!以为又)(?<!差点)(?<!差啲)(?:着|著)(?:咗|了)火|"
            rf"(?<!以为)(?<!以为又)(?<!差点)(?<!差啲)(?:着|著)火了)).*(?:{_SMOKE_NOT_FIRE})"
            rf"|^(?!.*(?:{_BIN_SMOKE}|{_SMOKE_GROWING}|{_SOURCE_GUESSED}"
            r"|(?<![a-z])(?:is|are|'s) (?:on fire|ablaze)|(?<![a-z])flames(?![a-z]))).*"
            rf"(?:{_SMOKING})"
            # A smell of smoke lingering after a fire ("the chute still smells of smoke", "the smell of smoke is still
            # in the clothes"), unless smoke is seen coming now.
            r"|(?<![a-z])(?:still (?:smells?|stinks?|reeks?) of smoke|smell of smoke (?:is )?still (?:in|inside|on))"
            r"(?![^.!?]*(?:coming|pouring|billowing|(?<![a-z])see|flames?|there'?s a fire|there is a fire|on fire"
            r"|caught fire))"
            r"|second[- ]hand|(?<![a-z])smokes(?![a-z])|smoke (?:weed|pot|cigs?|cigarettes?|shisha|vape)"
            r"|(?<![a-z])(?:the )?smoke (?:has |had )?stopped"
            # Taken for a fire and found to be something else ("刚才以为着火了，出去一看是热水器排气口冒的白气"), smoke
            # in scare quotes ("the 'smoke' on the roof … is steam from the heating vent, nothing's on fire") (round
            # 117).
            r"|(?:以为|还以为|仲以为|当是|当系)(?:是|系)?(?:着火|著火|起火|火警|火烛|失火|冒烟)"
            r"|(?<![a-z])(?:'smoke'|‘smoke’|\"smoke\")|(?<![a-z])nothing(?:'s| is| was) on fire(?![a-z])"
            # An alarm heard, the smoke looked for and not found: "I can't smell or see any smoke" (round 115).
            r"|(?<![a-z])(?:can'?t|cannot|don'?t|do not|didn'?t) (?:smell|see)(?: or (?:smell|see))? (?:any )?"
            r"smoke(?![a-z])"
            r"|vap(?:e|es|ing)(?![a-z])|(?:worker|guard|cleaner|staff|guy|man|uncle|people|someone|neighbou?r|tenant)s?"
            r" smoke (?:in|at|on|inside|near|outside)"
            r"|(?<![a-z])(?:they|he|she|couple|neighbou?rs?|people|guys?|tenants?|family|upstairs|downstairs|door)"
            r" (?:smoke|smokes|keep smoking|are smoking|is smoking) (?:all|every|non-?stop)"
            r"(?![^.!?]*(?<![a-z])(?:fire|flames?|burning)(?![a-z]))"
            # Smoking as what people do ("letting their friends hang out and smoke in the lobby").
            r"|(?<![a-z])(?:and|to|who|that) smoke (?:in|at|on|inside|near|outside|around|by)(?![a-z])"
            rf"|{_NOT}(?:冒|有|出|着|著|起|a |any |\w+ (?:or|nor|and) )?"
            r"(?:smoke|烟|火(?!警|灾|钟|平)|fire(?! alarm| bell| exit| door))"
            r"|(?:打|点)(?:唔|不)(?:着|著)|(?:每次|每一次|次次)(?:打|点)?(?:着|著)火|(?:唔|不)(?:着|著)火|(?:着|著)火(?:好|很|比较|有点|有啲)?慢"
            # A fire detector beeping for its battery ("火警感应器一直哔哔响"); how to get out in a fire, asked
            # ("後樓梯擺晒雜物 … 火警點走呀").
            r"|火警(?:感应|探测|侦测)器|(?:火警|火灾|着火)(?:嘅时候|的时候|时)?(?:点|点样|怎么|怎样|要点)(?:走|逃|疏散|办|算)"
            # Smoke from something lit on purpose (a neighbour's barbecue or incense), unless only guessed, or a
            # question about smoking.
            rf"|^(?!.*(?:{_SOURCE_GUESSED}))(?:{_SOURCE_ONLY})"
            # Smokers named by their flat: "The people in 17E smoke on their balcony" (round 119).
            r"|(?<![a-z0-9])\d{1,4}[a-z]? smokes?(?= (?:outside|in|on|at|near|by))"
            r"|(?<![a-z])(?:(?:can (?:i |we |people |you )?|(?:ok|okay|allowed|permitted) to )smoke|smoking area)"
        ),
    ),
    (
        # Something burning: a bin chute, a flat, a car, its engine, dry leaves (the cigarette words do not cancel
        # these: "the dry leaves burning, somebody throw cigarette").
        "fire",
        None,
        compile_led(
            r"(?<![a-z])(?:something(?:'s| is) (?:burning|scorching|smou?ldering)"
            r"|(?:burning|burnt|burned|melting) (?:plastic|rubber)"
            r"|smell(?:s|ing)? (?:like |of )?burning|thick (?:grey |gray |black |white )?(?:cloud|fumes)"
            r"|smell(?:s|ing)? of something (?:burning|scorching)|(?<![a-z])smell something (?:burning|scorching)"
            r"|(?:全是|满是|都是|全系|都系)烟(?!味|头|屎|蒂|仔|灰)"
            # A strong burning smell, whatever the smoke detector says ("好浓㶶味 ... 烟雾感应器又未响").
            r"|(?<!水有)(?<!水)(?:好|劲|浓|大阵|一阵|股)(?:㶶|燶)味"
            # Round 119: offerings that set boxes alight ("把人家门口堆的纸箱子点着了 火挺大 烟呛得下不了楼"), a little
            # smoke drifting in a fire stair ("消防通道里飘着一点烟").
            r"|点着(?:了|咗)[^。!?]{0,6}火(?:挺|好|很|超|特别|非常)?大|烟呛得(?:下不了楼|出不去|透不过气|睁不开眼)"
            r"|飘(?:着|紧|住)(?:一点|少少|啲|一些|一阵|阵)?(?:黑|白)?烟(?!味|头|仔|灰)"
            # Round 120: "楼道里好大的烟！看不清楚", "突然聞到好勁燒燶味 … 間屋有少少矇".
            r"|(?:好|很|超|非常)大(?:的|嘅)烟(?!味|头|仔|灰)|(?:好|劲|浓)(?:劲|浓)?烧(?:㶶|燶|焦)味"
            r"|(?:chute|bin|flat|unit|room|kitchen|car|rubbish|trash|garbage|balcony|engine|bonnet|leaves|grass|bushes"
            r"|hedge|tree|laundry|clothes|curtain|mattress|sofa)s?"
            r"(?: (?:on|in|at) the [\w/-]+(?: floor)?)?"
            r" (?:is |are )?"
            r"(?:smoking|burning)"
            # Smoke coming out under a door or through a window: a flat on fire, whatever alarm is beeping.
            r"|smoke (?:is )?(?:coming|pouring|seeping|billowing) (?:out )?(?:from |under |through |of )"
            r"(?:the |their |a |his |her )?(?:[\w-]+ )?(?:door|window|gap|crack)s?)"
            r"|(?:门缝|门罅|门底|窗口|窗缝)[^,.!?。!?]{0,4}(?:往外|向外)?(?:冒|出|涌|喷)(?:紧|咗|了|出)?烟"
            # Smoke seen ("还能看到一点烟"); a smell growing stronger with a haze or an alarm going off.
            r"|(?:看到|见到|睇到|看见)(?:一点|少少|一些|啲|有)?烟(?!头|灰|蒂|仔|味|感|囱)"
            r"|(?<![a-z])(?:smell|odou?r)[^.!?]{0,50}(?:getting|growing) (?:stronger|worse)[^.!?]{0,60}"
            r"(?:haze|hazy|smoky|smoke)"
            r"|烟(?:由|从)[^,.!?。!?]{0,6}(?:门缝|门罅|门底|窗口|窗缝)[^,.!?。!?]{0,4}(?:出|冒|涌)"
            # Round 121: a hill fire close to homes ("後山燒山 … 火頭好近上村尾嗰排村屋，啲煙吹晒過嚟"); a smoke
            # alarm going off, seen on an app or a camera, with a haze or nobody answering at home ("烟雾报警器在APP上
            # 一直报警,摄像头画面灰蒙蒙的 … 我妈电话不接", "the smoke alarm's going off on my app … a haze in the room,
            # she's not answering"), not one that beeps for its battery.
            r"|(?:烧山|山火)[^。?]{0,20}(?:好近|很近|近(?:咗|了)|烧(?:紧|着)?过(?:嚟|来)|吹(?:晒|哂)?(?:过|埋)(?:嚟|来))"
            r"|(?<![a-z])(?:hill|bush|brush|grass) ?fires?(?![a-z])[^.?]{0,60}(?<![a-z])"
            r"(?:close to|near|coming|spreading|blowing|towards)(?![a-z])"
            r"|(?:烟雾报警器|烟感|烟雾感应器|烟雾探测器|火警钟|(?<![a-z])(?:detector|alarm)(?:'s)?(?![a-z]))[^?]{0,20}"
            r"(?:报警|响|鸣|going off|sounding)(?![^?]{0,80}(?:电池|没电|冇电|battery|chirp|beep))[^?]{0,80}"
            r"(?:电话不接|不接电话|唔听电话|冇人听|没人接|灰蒙蒙|矇查查|(?<![a-z])(?:haze|hazy|smoky)(?![a-z])"
            r"|(?<![a-z])(?:not|isn'?t) (?:answering|picking up))"
            # Round 122: a battery that burst and burns now ("個電池嘭咗一聲 而家出緊火"), one swollen and smoking
            # ("电池鼓起来了 现在在冒白烟"), a pot left on burning to smoke ("個煲燒到出晒煙"); round 123: a fire
            # growing or set to a curtain (_FIRE_GROWING), not put out, or still smoking after it was mostly put out
            # ("we put most of it out but its still smoking").
            r"|出(?:紧|着)火|电池[^。!?]{0,12}(?:鼓(?:起来|起嚟|胀)|胀(?:起|大))[^。!?]{0,10}(?:冒|出|喷)(?:紧|着|在)?(?:白|黑)?烟"
            r"|烧(?:到|得)(?:出晒|出哂|冒)烟"
            rf"|{_FIRE_GROWING}|烧紧[^。?]{{0,8}}扑(?:唔|不)(?:熄|灭)|火(?:已经)?烧到(?:窗帘|衫|床|沙发|屋|隔篱)"
            r"|(?<![a-z])(?:but|and) (?:it'?s|its|it is) still (?:smoking|smou?ldering|burning)(?![a-z])"
            # Round 124: a fire said to be there and burning ("有火呀 燒緊啲紙皮").
            r"|有火[^。!?]{0,4}烧(?:紧|着)"
            # Round 125: a mattress still smouldering after the blanket was unplugged.
            r"|(?<![a-z])(?:is|are|'s) (?:still )?smou?ldering(?![a-z])"
        ),
        compile_led(
            rf"{_NOT}(?:smoke|烟|burning)|{_SOURCE_ONLY}|(?<![a-z])(?:smoke|smell|burning) (?:has |had )?stopped"
        ),
    ),
    (
        "gas",
        None,
        compile_led(
            # Natural gas ("天然气味道"), or as voice input writes it ("然气味儿", "有股没气味 是煤气"); the stove
            # off and the smell still there ("燃气灶关了还是有味儿").
            r"(?:天|(?<![自忽突果居虽当显竟公依仍既燃不偶纯全固必]))然气味|股没气味"
            # Round 120: 煤氣味 as a keyboard guesses it ("厨房没气味好大", "好大陣沒氣味"), "smell has in the kitchen"
            # (gas, autocorrected), natural gas "好像漏了".
            r"|没气味(?:好|很|超|劲|非常)(?:大|浓|重|臭)|(?:好|很)大(?:阵|股)没气味"
            # Round 122: 煤 as 媒 ("有陣媒氣味"), gas heard as "guess" ("a smell of guess in her kitchen").
            r"|媒气(?:味|漏)|(?<![a-z])smell(?:s|ing)? (?:of )?(?:guess|gass)(?![a-z])"
            # Round 124: 燃氣味 as the recogniser heard it ("燃 起 味 很 大").
            r"|燃起味"
            # Round 125: dizzy or confused by a gas water heater, carbon monoxide feared ("沖完涼出嚟話好暈 …
            # 係咪一氧化碳").
            r"|晕[^。!?]{0,40}(?:一氧化碳|carbon monoxide)|(?:一氧化碳|carbon monoxide)[^。!?]{0,40}(?:晕|dizzy|faint)"
            r"|(?<![a-z])smell(?:s|ing)? (?:of )?has (?:in|at|from) (?:the|my|our)(?![a-z])"
            r"|(?:天然气|煤气|燃气|石油气)(?:好像|好似|可能|怀疑)?漏(?:了|咗)"
            r"|(?:煤气|燃气|天然气|石油气)(?:灶|炉|炉头|阀|阀门|总阀|掣)[^,.!?。!?]{0,4}(?:关|闩)(?:咗|了|埋|掉)[^,.!?。!?]{0,3}"
            r"(?:还是|仍然|依然|都仲|仲|还)(?:有|闻到|嗅到)(?:股|阵|啲)?(?:味|气味|臭味)"
            # A carbon monoxide alarm going off with people dizzy ("一氧化碳报警器一直在响，家里两个人都头晕").
            r"|(?:一氧化碳|carbon monoxide|(?<![a-z])co)[^。!?]{0,8}(?:报警|警报|探测|alarm|detector)[^。!?]{0,40}"
            r"(?:头晕|头痛|头疼|恶心|想呕|dizzy|headache|nause\w*|vomit\w*)"
            r"|煤气味|燃气味|石油气味|漏煤气|漏燃气|煤气漏|燃气漏|漏气"
            # A smell like gas, said as the kind of smell ("好似石油氣嗰陣味", "煤气那种味", round 123).
            r"|(?:煤气|燃气|石油气)(?:嗰|个|那|呢|这)(?:阵|种|股)味"
            # "好臭煤氣", "煤氣好臭".
            r"|(?:好|很|超|劲|非常)臭(?:煤气|燃气|石油气)|(?:煤气|燃气|石油气)(?:好|很|超|劲|非常)臭"
            r"|gas (?:smell|odou?r|leak(?! (?:detector|alarm|sensor)s?))"
            # Petrol or fuel leaking in a car park: as flammable as gas ("a really strong petrol smell on B2").
            r"|(?<![a-z])(?:fuel|petrol|gasoline) leak(?!s? (?:detector|alarm|sensor))|汽油(?:泄漏|漏(?:咗|了|紧)?出)"
            r"|(?<![a-z])(?:really |very |so )?(?:strong|heavy|overpowering) (?:smell of )?(?:petrol|gasoline|fuel)"
            r"|(?<![a-z])(?:stinks?|reeks?|stinking|reeking) of (?:petrol|gasoline|fuel)"
            r"|(?:fuel|petrol) tank (?:is )?leaking"
            r"|(?:好|很|非常|超|劲)(?:大|浓|重|臭)?(?:阵|股)?汽油味"
            r"|smell(?:s|ing)? (?:strongly |badly |really |heavily |very strongly )?(?:of )?gas"
            # "I am smelling very strong the gas in kitchen" (round 118).
            r"|(?<![a-z])smell(?:s|ing)? (?:very |so |really )?(?:strong|strongly|heavy|bad) (?:the |of )?gas(?![a-z])"
            # "the whole corridor stinks of gas", "I can smell a little gas in the kitchen" (put mildly, still gas).
            r"|(?<![a-z])(?:stinks?|stinking|reeks?|reeking) of gas(?![a-z])"
            r"|(?<![a-z])smell (?:a little|a bit of|a little bit of|some|a faint|faint|a slight|a slight bit of|slight)"
            r" gas(?![a-z])"
            # "I think there's a slight bit of gas a slight smell on our floor".
            r"|(?<![a-z])(?:there'?s|there is) (?:a )?(?:slight|little|faint|tiny)(?: bit)?(?: of)? gas"
            r"(?! (?:bill|meter|fee|charge|company|stove|cooker|hob|left|pressure))(?![a-z])"
            # "smells like the old town gas", "a smell like when you light the stove but nothing is on", a sulphur or
            # rotten-egg smell by the cooker.
            r"|smells?(?: like)? (?:the )?(?:old )?(?:town ?gas|lpg)"
            # Likened, with a joke: "the corridor smells like someone left every gas stove on at once".
            r"|(?<![a-z])smells? (?:like |as if )?(?:someone|somebody|everyone|a neighbour)[^.!?]{0,25}"
            r"(?<![a-z])gas (?:stoves?|cookers?|hobs?|burners?|rings?|taps?|valves?) (?:on|open|running)(?![a-z])"
            r"|smell(?:s|ing)? (?:weird|funny|strange|odd) (?:like )?gas"
            r"|(?:rotten[- ]eggs?|sul(?:ph|f)ur) smell[^.!?]{0,80}(?:getting stronger|stronger)"
            r"|(?:hissing|嘶嘶)[^.!?。!?]{0,40}(?:lpg|cylinder)|(?:gas|煤气|燃气)[^.!?。!?]{0,40}s{3,}|gas\s?味"
            r"|smell[^.!?]{0,30}(?:stove|cooker|hob)[^.!?]{0,20}(?:nothing(?:'s| is) on|(?:is|are|was) (?:off|not on))"
            r"|(?:sul(?:ph|f)ur|rotten[- ]eggs?) smell[^.!?]{0,30}(?:stove|cooker|hob|gas)"
            r"|(?:stove|cooker|hob|gas)[^.!?]{0,30}(?:sul(?:ph|f)ur|rotten[- ]eggs?) smell"
            # The smell placed at the stove: "definitely like rotten eggs near the cooker, stronger at the pipe".
            r"|(?:sul(?:ph|f)ur|rotten[- ]eggs?)[^.!?]{0,12} (?:near|by|at|around|from|behind|next to) the"
            r" (?:stove|cooker|hob|gas)"
            # Typed in a hurry: "gsa smell in 4B kitchen".
            r"|(?<![a-z])(?:gsa|gass|gaz) (?:smell|leak)"
            r"|(?:煤气|燃气|石油气) ?smell|smells? like gas|(?:煤气|燃气|石油气|天然气)[^,.!?。!?]{0,4}(?:泄漏|泄露)"
            r"(?!报警|警报|探测|感应|检测)"
            r"|石油气味|gas (?:pipe |hose |cylinder |tank |meter )?(?:is )?leak\w*(?! (?:detector|alarm|sensor)s?)"
            r"|(?:hissing|嘶嘶)[^.!?。!?]{0,20}gas"
            r"|(?<![a-z])hissing (?:from|of|in|behind|under) [^.!?]{0,30}(?:stove|cooker|hob|gas (?:pipe|meter|hose))"
            r"|(?:gas|煤气|燃气|石油气)[^.!?。!?]{0,40}(?:hissing|嘶嘶)"
            r"|(?<![a-z])(?:lpg|towngas|town gas|propane)(?: gas)? (?:smell|leak\w*)"
            r"|smell(?:s|ing)? (?:of )?(?:lpg|towngas|propane)"
            # The stove hissing: "炉头后面有嘶嘶声" (a smell of rotten eggs alone is left to the learned score).
            r"|(?:炉头|炉|灶|气喉|煤气喉|燃气管)[^.!?。!?]{0,8}(?:嘶嘶|嗞嗞|嗦嗦|咝咝|滋滋)"
            # Rotten eggs with gas named ("臭臭的像坏了的鸡蛋 妈妈说过这是煤气"); the smell back where gas was named
            # ("煤气公司嚟换咗条喉……今晚又闻到嗰阵味").
            r"|(?:臭鸡蛋|坏(?:了的|咗嘅)?鸡蛋|烂鸡蛋)[^.!?。!?]{0,20}(?:煤气|燃气|石油气)"
            r"|(?:煤气|燃气|石油气)[^.!?。!?]{0,20}(?:臭鸡蛋|坏(?:了的|咗嘅)?鸡蛋|烂鸡蛋)"
            r"|(?:煤气|燃气|石油气)[^.!?。!?]{0,40}又(?:闻到|嗅到)[^,.!?。!?]{0,6}味"
            # A pipe hissing with a smell: "条喉又嘶嘶声，好大阵味".
            r"|(?:喉|管)[^.!?。!?]{0,6}(?:嘶嘶|嗞嗞|嗦嗦|咝咝|滋滋)[^.!?。!?]{0,10}味"
            # The gas pipe broken: "装修工人好像把瓦斯管弄破了 一直在漏", "燃气喉俾人撞穿咗" (not its cover or its
            # paint, "燃气管外面包的东西破了").
            r"|(?:煤气|燃气|石油气)(?:管|喉)[^,.!?。!?外包套皮漆]{0,6}(?<!冇)(?<!没)(?<!无)(?:破|穿|断|爆|裂)(?:咗|了|开)"
            # A smell at the gas meter, pipe or valve, however slight ("燃气表那儿有一点点味道，不是很大").
            r"|(?:煤气|燃气|石油气|天然气)(?:表|錶|管|喉|阀|阀门|总阀|掣)[^,.!?。!?]{0,6}(?<!冇)(?<!没)(?<!无)(?<!唔)"
            r"(?:有|闻到|嗅到)(?:一点点|一点|啲|少少|点|股|阵|些)?(?:味|气味|臭味)"
        ),
        compile_led(
            # (Unless a hiss follows: "no gas smell now but the hissing from the pipe behind my stove".)
            rf"(?<!股)(?<!大阵)(?<!大股){_NOT}(?:gas smell|smell of gas|smell gas|煤气味|燃气味|(?:天)?然气味"
            r"|气味(?!(?:好|很|超|劲|非常)(?:大|浓|重|臭))|\s?gas\s?味)"
            r"(?![^.!?。!?]{0,60}(?:hissing|嘶嘶))"
            # Denied after it, as helpers put it: "bau gas gk ada" (smell gas no), "smell of gas none".
            r"|smell(?: of)? gas (?:no(?! ?one| ?body)|none|nothing)(?![a-z])"
            # "is there a gas leak? … in our flat no smell at all"; "mum can't smell anything"; "检查话冇漏".
            r"|(?<![a-z])no smell at all(?![a-z])|(?<![a-z])(?:can'?t|cannot|don'?t) smell anything(?![a-z])"
            r"|(?:话|讲|说)(?:系)?(?:冇|没有?)漏"
            rf"|(?<!有){_NOT}(?:话|讲|说)?(?:泄漏|泄露|漏(?:气|煤气|燃气|石油气))|(?<!股)(?<!大阵)(?<!大股)(?:冇|没有?)(?:咩|乜|什么)?(?:气)?味(?!道)(?!(?:好|很|超|劲|非常)(?:大|浓|重|臭))"
            # "关不上，不漏气": a stiff valve that does not leak.
            r"|(?<![会是系])(?:不|唔)(?:会)?漏(?:气|煤气|燃气)"
            r"|(?:冇|没有?|不再|唔再|no longer|stopped)(?:再)?\s?(?:嘶嘶|hissing)"
            r"|(?:gas smell|煤气味|燃气味)\s?(?:已经|已|都)?(?:冇|没有?)(?:喇|了|啦|咗)"
            r"|(?:煤气|燃气|石油气)味(?:都|也)(?:冇|没有?)"
            # A neighbour's petrol generator stinking ("running a petrol generator … it just stinks of petrol").
            r"|(?:generator|发电机)[^.!?。!?]{0,80}(?:petrol|gasoline|fuel|汽油)|(?:petrol|gasoline|汽油)\s?(?:generator|发电机)"
            # Gone since: "the gas smell just now gone already, is ok" (not "hasn't gone away").
            r"|(?:gas smell|smell of gas)[^.!?]{0,15}(?<![a-z])(?<!not )(?<!n't )(?<!never )"
            r"(?:gone|went away|disappeared)(?![a-z])"
            # Cleared by whoever came, the report withdrawn: "was the Towngas guys purging a pipe, they said all clear.
            # cancel my report".
            r"|(?<![a-z])(?:all clear|cancel (?:my|the|our) (?:report|call|ticket))(?![a-z])"
            # Smelt for and not found: "我下楼闻了闻 没有啊".
            r"|闻(?:了闻|咗闻|咗下|了一下|一下|下)[^,.!?。!?]{0,3}(?:没有|冇)(?!错|人|火|烟)"
            r"(?![^。!?]*(?:但|不过|可是|又|仍然|仲|还)[^。!?]{0,10}(?:煤气|燃气|气味|味))"
            r"|(?<![a-z])(?:smell|it)[^.!?]{0,40}(?:has|had|is|'s) gone(?![a-z])"
            # Said not to be gas: "臭鸡蛋味系垃圾臭，唔系煤气", "the rotten egg smell is the rubbish, not gas".
            # ("系唔系煤气", "是不是燃气漏了" ask whether it is).
            r"|(?:(?<!系)唔系|(?<!是)不是|(?<![a-z])not (?:a |an )?|(?<![a-z])isn't (?:a |an )?)"
            r"(?:煤气|燃气|石油气|gas)(?![a-z])"
        ),
    ),
    (
        # Round 121: chlorine from a pool's plant room, people coughing or their eyes burning ("泳池機房好大陣氯氣味,
        # 更衣室啲人咳到停唔到", "strong chlorine smell coming out of the pool plant room … the kids are coughing"): the
        # gas's emergency (clear the area, ventilate), not a cleaner's bleach told as a complaint.
        "gas",
        None,
        compile_led(
            r"(?:氯气|氯(?:气)?味|(?<![a-z])chlorine|(?:泳池|机房|(?<![a-z])plant room)[^。!?]{0,20}(?:消毒水|漂白))"
            r"[^。!?]{0,50}(?:咳|头晕|眼睛(?:都)?(?:睁不开|好痛|刺痛)"
            r"|(?<![a-z])(?:cough\w*|dizzy|eyes (?:are )?(?:burning|stinging|watering)|can'?t breathe))"
        ),
        None,
    ),
    (
        "electric",
        "electrical",
        compile_led(
            r"电亲|触电|漏电|电击|火花|火光|\bspark(?:s|ing|ed)?\b|electric shock"
            # Round 123: a switch or a socket smelling burnt and hot to the touch ("房燈掣有燶味 摸落熱辣辣").
            r"|(?:掣|插苏|插座|开关)[^。!?]{0,6}(?:㶶|燶|焦)味[^。!?]{0,10}(?:热辣辣|好热|烫手|好烫)"
            # Round 124: a socket or a wire on fire or arcing ("我家插座 冒火了", "铜线露在外面还在打火"; not
            # "气得冒火", anger), a switch room smelling of burnt plastic ("總掣房有陣好勁嘅燶膠味"), live wires left
            # dangling.
            # (Not denied: "插头插上去老掉，不冒火", "电线露在外面 没冒火".)
            r"|(?:插苏|插座|插头|电线|铜线|拖板|电箱|电表|掣)[^。!?]{0,10}(?<!不)(?<!没)(?<!冇)(?<!唔)(?<!未)"
            r"(?:冒火(?!花|星)|打(?:紧|着)?火(?!机)|跳火)"
            r"|(?:总掣房|电掣房|掣房|电房|电表房|电箱房|变压房)[^。!?]{0,10}(?:㶶|燶|焦)(?:胶)?味"
            r"|(?<![a-z])(?:bare|exposed|live) (?:live )?wires?[^.!?]{0,12}(?:dangling|hanging)(?![a-z])"
            # Round 125: a socket hot and melting ("插座发烫熔化"),
            # water running towards a power strip.
            r"|(?:插座|插苏|插头|拖板)[^。!?]{0,6}(?:发烫|发热|好热|烫)[^。!?]{0,4}(?:熔|溶|融)(?:化|咗|掉|了)"
            r"|(?<![a-z])water(?:'s| is)? (?:running|pouring|flowing|going|spreading|getting)"
            r" (?:under|into|towards|onto|over|near)"
            r"[^.!?]{0,40}(?:power strip|extension (?:lead|cord|board)|sockets?|plugs?|power board)"
            # (And water into the electrics' own rooms: "Water is coming through the electrical riser cupboard on 9/F
            # right now".)
            r"|(?<![a-z])water(?:'s| is)? (?:coming|running|pouring|leaking|getting|dripping) (?:through|into|in|down)"
            r"[^.!?]{0,20}(?:electrical riser|riser cupboard|meter box|switch ?room|switchboard|fuse ?box"
            r"|electrical cupboard)"
            r"|水[^。!?]{0,10}(?:入|进|流入|渗入|漏入|流进|渗进|漏进)(?:咗|了)?(?:电表房|电房|电箱|电表箱|电掣房|总掣房|电井|电线槽|强电井)"
            # ("I'm shocked", "shocked that …" is a feeling.)
            r"|(?<!i'm )(?<!i am )(?<!we're )(?<!we are )(?<!honestly )\bshocked\b(?! (?:that|to|at|how))"
            # An electrician's word for sparks: "visible arcing at the busbar", "an arc flash in the riser".
            r"|(?<![a-z])(?:arcing|arced|arc flash(?:es)?)(?![a-z])"
            # Sparks said 火星 (not the planet): from something electric, or flying out ("有啲火星弹出嚟").
            r"|(?:插苏|插座|插头|电线|电掣|开关|拖板|电箱|电表|电制|掣)[^.!?。!?]{0,12}火星|火星(?:四溅|乱飞|飞出|弹出|爆出|喷出|标出)"
            r"|(?:蹦|冒|喷|飞|闪)(?:出)?火星"
            # A socket, plug, switch or meter box smoking, melting or burning.
            # (A meter box or a switchboard too: "water dripping into my meter box … it's crackling", round 123.)
            r"|(?:socket|plug|switch|wire|wiring|outlet|meter ?box|fuse ?box|switchboard|breaker)[^.!?]{0,30}"
            r"(?<![a-z])crackling"
            # The same in Chinese: "插座發黑仲有啪啪聲".
            r"|(?:插苏|插座|插头|电掣|开关|拖板|电箱|电表箱)[^,.!?。!?]{0,8}(?<!冇)(?<!没有)(?<!没)(?:啪啪声|噼啪声|劈啪声|噼噼啪啪)"
            r"|(?:plug|socket)[^.!?]{0,20}gone soft"
            r"|(?:socket|plug|switch|meter ?box|meter|switchboard|fuse ?box|breaker|wire|wiring|cable|outlet|extension"
            r"|(?:electrical|electric|meter|switch) (?:cupboard|cabinet|room|panel|riser|closet)"
            # The building's network gear: "comms cabinet in the riser on 8F is smoking, think its the wifi gear".
            r"|(?:comms?|communications?|telecoms?|network|server|wi-?fi) (?:cupboard|cabinet|room|panel|closet|box)"
            r"|router|modem|adapter)s?[^.!?]{0,60}(?<![a-z])(?<!no )(?<!not )(?:smoking|melting|burning|on fire)"
            # Smoke or a burning smell from the electrics' cupboard ("smoke coming out of the meter cupboard", "burning
            # plastic from the meter cupboard", a recogniser's "views box" for a fuse box); not a smoke alarm in it.
            r"|(?<![a-z])(?<!no )(?:smoke(?! (?:alarm|detector))|smell of burning|burning (?:smell|plastic)"
            r"|smells? (?:of |like )?burn\w*)[^.!?]{0,30}(?<![a-z])(?:meter|fuse|views?|electrical|electric|switch)\s?"
            r"(?:box|cupboard|cabinet|room|panel|riser|closet)(?![a-z])"
            # Smoke out of one: "smoke coming out of the socket", a helper's "smoke coming out ang socket".
            r"|(?<![a-z])(?<!no )smoke (?:is )?(?:coming |pouring )?(?:out )?(?:of |from |ang |sa )"
            r"(?:the |my |a |our )?"
            r"(?:socket|plug|switch|meter ?box|fuse ?box|outlet|extension|power strip|adapter|db|db board"
            r"|distribution board|consumer unit)s?(?![a-z])"
            # (Also a light switch, a power cord, the meter itself: "燈掣出緊煙", "电源线烧起来了".)
            r"|(?:插苏|插座|插头|电箱|电表|电表箱|电表房|配电箱|电线|电源线|电掣|灯掣|(?<!水)掣位|开关|总掣|拖板)[^,.!?。!?]{0,6}"
            # (Not denied: "個插頭冇燒焦味".)
            r"(?<!冇)(?<!没)(?<!没有)(?<!无)(?<!唔)(?<!不)(?:冒烟|出烟|(?:冒|出)(?:紧|着)烟|烧焦|烧紧|熔紧|烧(?:溶|熔|融)|着火|著火|烧起(?:来|嚟))"
            # Wires burning in the wall with black smoke ("电线 在墙里面 燃烧 黑色的烟", round 118).
            r"|电线[^,.!?。!?]{0,6}(?<!冇)(?<!没)(?<!不)燃烧"
            r"|(?<![a-z])(?:fuse ?box|breaker|socket|plug|switch|meter box|consumer unit)[^.!?]{0,60}"
            r"(?<!no )(?<!not )(?<!any )(?:scorch mark|scorching|smells? burnt)(?![a-z])"
            # Hot enough to melt: "插苏好热，热到有少少溶".
            # (Not the resident melting beside a dead aircon whose plug is pushed in: "插頭都插實咗 熱到溶".)
            r"|(?:插苏|插座|插头|电线|电掣|开关|总掣|拖板)(?!都?插(?:实|好|紧))[^.!?。!?]{0,12}(?:热到|烫到)[^.!?。!?]{0,4}"
            r"(?:熔|溶|融)"
            r"|(?:插苏|插座|插头|电线|电掣|开关|拖板)[^,.!?。!?]{0,6}(?:熔|溶|融)紧"
            # A burnt smell at a plug or socket ("空调插头那里有点焦味 摸着烫手").
            r"|(?:插苏|插座|插头|电线|电掣|开关|拖板|电箱|电表箱)[^,.!?。!?冇没无唔不]{0,6}"
            r"(?:有)?(?:点|啲|少少|一点|一阵|阵|股)?(?:烧焦|焦|燶)(?:味|臭)"
        ),
        # An RCD ("漏电开关老是跳") is a device that trips, not current leaking.
        compile_led(
            rf"{_NOT}(?:冒|有|出|闪|飞|喷)?(?:smoke|spark|arc|烟|火花)|(?<![a-z])ice (?:is )?melting"
            # Sparks from welding or grinding ("welding in the car park, sparks and banging", "电焊火花溅到车上").
            r"|(?:weld\w*|(?:angle )?grinders?|电焊|烧焊|焊接|打磨|切割)[^.!?。!?]{0,30}(?:spark|火花|火星)"
            r"|(?:spark\w*|火花|火星)[^.!?。!?]{0,60}(?:weld\w*|(?:angle )?grinders?|电焊|烧焊|焊接|打磨|切割)"
            r"|漏电(?:开关|掣|保护|断路)"
            # Replaced and working since: "the sparking socket behind the tree was replaced this morning and
            # everything works now".
            r"|(?<![a-z])(?:was|were|has been|have been|got) (?:replaced|fixed|repaired|changed)(?![a-z])"
            r"(?![^.!?]{0,60}(?:but|still|again|sparking|smoking))"
            # Asked whether it leaks current ("摸着有点麻手 是不是漏电了").
            r"|(?:是不是|系唔系|系咪|会不会|会唔会)[^,.!?。!?]{0,6}漏电"
            # Only a tingle it seems ("热水器好像漏电，刚才碰了一下手麻了一下"): an electrician's job, not sparks
            # or smoke.
            r"|(?:好像|好似|似乎|怀疑)漏电"
            # The cause named by someone who knows it: "总掣跳咗，我知系漏电" (current leaking to earth, not sparks).
            r"|(?:知|估|谂|以为|相信)(?:道)?(?:系|是)漏电"
        ),
    ),
    (
        # A burning smell, unless the message names a harmless source. Its category is the model's: `electrical`
        # where something electric is named ("燒焦味 from the meter room"), `other` for a smell alone ("樓梯好勁燶味
        # 唔知邊度嚟", labelled so 81 times in the written and probe data, against the conventions' "fire or smoke
        # with nothing electric named"; stop 45).
        "electric",
        None,
        # (Also "一股焦味" whose source was looked for and not found, round 111: "地库里有一股焦味，转了一圈也没找到是
        # 哪里来的"; not "一股焦味 原来是我自己锅忘关了".)
        compile_led(
            r"烧焦|焦糊|燶(?:燶哋)?味|burning smell|smell of burning"
            r"|(?:一股|一阵|阵|股)焦味[^。!?]{0,30}(?:没找到|找不到|搵唔到|唔知|不知道?)(?:是|系)?(?:从)?(?:哪里|边度|哪儿|边)"
        ),
        compile_led(
            rf"{_NOT}(?:冒|有|出)?(?:smoke|spark|烟|火花|burning smell|smell of burning|烧焦)|{_SOURCE_ONLY}"
            # What a fire left: "到处都是烧焦的垃圾", "平台啲烧焦垃圾堆喺度成个礼拜".
            r"|烧焦(?:的|嘅|咗嘅|了的)?(?:垃圾|杂物|家具|东西|嘢|木|纸|墙|门|窗)"
            # A smell lingering for weeks is a repair, not a fire now: "楼梯仲有阵烧焦味喔 成个月喇".
            r"|(?:烧焦|burning smell)[^.!?。!?]{0,20}"
            r"(?:成个月|一个月|几个星期|几个礼拜|个几月|for (?:weeks|a month|months))"
        ),
    ),
    (
        # A ceiling or wall coming down (flaking paint or spalling plaster is an ordinary repair).
        "collapse",
        "other",
        compile_led(
            # Round 122: a slope or a retaining wall giving way onto a road or a path ("斜坡啲泥同石仔一路瀉落嚟",
            # "山坡在塌方!泥巴和石头往下冲", "擋土牆好似郁緊 啲石一粒粒碌落嚟", "the slope … is giving way, mud and
            # rocks sliding onto the road", "retaining wall … rocks are dropping onto the pavement"); a wall leaning
            # out with bricks falling ("围墙在往外倒 … 一直在掉砖"); a tree about to fall over a path ("就嚟倒").
            r"(?:山坡|斜坡|山泥|挡土墙|护土墙|山边)[^。!?]{0,12}(?:(?:在|正在)(?:塌方|倾泻)|(?:塌方|倾泻)(?:紧|中)"
            r"|(?:泻|冲|碌|滚)(?:紧|着)?(?:落|下)(?:嚟|来)"
            r"|往下(?:冲|泻|滚)|郁紧|在动)"
            r"|(?<![a-z])(?:slope|hillside|retaining wall|embankment)(?![a-z])[^.?]{0,40}(?<![a-z])"
            r"(?:giving way|sliding|slipping|collapsing|coming down"
            r"|(?:rocks|stones|mud|boulders) (?:are |is )?(?:dropping|falling|sliding|rolling))(?![a-z])"
            r"|(?:墙|围墙)[^。!?]{0,4}(?:在|正在)?往外(?:倒|倾|斜)|(?:一直|不停)(?:在)?(?:掉|跌)(?:砖|石)"
            r"|(?:树|大树)[^。!?]{0,12}(?:就嚟|就快|快要|就要)(?:倒|冧|塌)"
            # A board hanging by its last wire or rope over a path ("有塊棚板吊住得一條繩 風一吹就搖", "木板只剩一根铁丝
            # 挂着", "a plank … swinging by one rope right over the walkway", "a grille … hanging over the podium …
            # only one bolt left"); scaffolding come down ("棚架塌咗一截", "脚手架 塌了一半"); bamboo poles falling
            # without stop ("啲竹枝一直跌落嚟").
            r"|(?:木板|棚板|板|竹|铁板|招牌|铁闸|铁窗|窗花|灯笼)[^。!?]{0,10}(?:得返?|只剩下?|只靠|就靠|净系得)(?:一|1)"
            r"(?:条|根|个|粒)(?:铁线|铁丝|绳|线|扣|螺丝|钉)"
            # Round 123: a crane swinging a load over people ("吊臂吊住成扎鋼筋喺平台花園上面轉嚟轉去", "塔吊吊着一捆
            # 钢管从小区花园上空转过去", "the crane is swinging a pallet of bricks right over the kids playground");
            # netting and a board "held by one clip"; a frame on one hinge over the street ("窗框得返一邊鉸，
            # 吊喺街上面"); a piece cracked and hanging ("上面还有一大块裂开悬着"), another swaying ("旁边还有一块
            # 摇摇晃晃 随时会掉"); a ceiling "about to come down".
            r"|(?:吊臂|塔吊|吊机|天秤)[^。!?]{0,16}吊(?:住|着)[^。!?]{0,20}(?:上面|上空)[^。?]{0,30}(?:下面|底下)[^。?]{0,6}"
            r"(?:有|全是|都是|好多)"
            r"|(?<![a-z])crane(?![a-z])[^.?]{0,20}swinging[^.?]{0,40}(?<![a-z])over(?![a-z])"
            r"|(?<![a-z])held (?:on )?by (?:one|a single|just one|only one) (?:clip|bolt|screw|rope|wire)(?![a-z])"
            r"|(?:得返|只剩下?|只靠|净系得)(?:一边|一个|一只|1个)(?:铰|较|合页)[^。!?]{0,10}(?:吊|挂|悬)(?:喺|在)?[^。!?]{0,6}"
            r"(?:街|路|上面|半空)"
            r"|(?:一大块|大块|一块)[^。!?]{0,4}(?:裂开)?(?:悬|吊|挂)着|摇摇晃晃[^。!?]{0,6}随时(?:会)?(?:掉|跌)"
            r"|(?<![a-z])(?:ceiling|wall)(?![a-z])[^.?]{0,80}(?<![a-z])(?:about to|going to|gonna)"
            r" (?:come down|collapse|cave in)(?![a-z])"
            r"|(?<![a-z])(?:swinging|hanging|dangling) (?:by|from|on) (?:one|a single|its last|the last)"
            r" (?:rope|wire|bolt|screw)"
            r"|(?<![a-z])hanging over[^.?]{0,60}(?:only|just) one (?:bolt|screw|rope|wire) (?:left|holding)"
            r"|(?:棚架|脚手架|竹棚)[^。!?]{0,6}(?:塌|冧)(?:咗|了)"
            r"|(?:竹枝|竹|砖头|钢管|木板)[^。!?]{0,4}(?:一直|不停)(?:跌|掉)(?:落|下)"
            # Round 121: large pieces coming down one after another ("天花板在往下掉大块的,刚刚砸下来一块",
            # "石膏板成塊吊咗落嚟，仲一路跌緊碎片").
            r"|(?:天花|天花板|石膏板?|石屎)[^。!?]{0,10}(?:往下|向下)(?:掉|跌|甩)(?:紧|着)?(?:大块|成块|一大块)"
            r"|(?:仲|还)(?:一路|不停|在)?(?:跌|掉)(?:紧|着)(?:碎片|石屎|石膏|批荡)"
            r"|(?:天花|墙|石屎)[^,.!?。!?]{0,10}(?:塌|冧(?:咗|了|落|下|紧))|(?<!不是)(?<!唔系)(?<!不会)(?<!唔会)(?:就嚟|就快|快要|就要|随时|马上要?|眼看要?)(?:冧|塌)"
            # Concrete hanging by its last wire ("外牆有塊石屎鬆咗吊喺度，得返一條鐵線扎住"; a window or a sign so
            # is read in the next entry, with its own trade), a large piece hanging and swinging ("有一大塊批盪吊住喺度
            # 搖搖下") (round 113).
            r"|(?:石屎|批荡|纸皮石|混凝土|水泥)[^。!?]{0,20}(?:得返|只剩|只剩下|只靠|就靠|净系靠)(?:一|1)(?:条|根|粒|颗|口|个)"
            r"(?:铁线|铁丝|电线|螺丝|钉|铰|绳|线)"
            r"|(?:一大块|大块|成块|一大嚿|大嚿|成嚿)(?:批荡|石屎|天花|石膏|瓷砖)?[^,.!?。!?]{0,4}(?:吊住|吊咗|吊喺|挂住|悬)"
            r"[^。!?]{0,8}(?:摇|郁|晃|荡)"
            # The ceiling itself down, said as news ("2-1101 天花板掉下来了"); not dust or flakes from it ("天花板掉下来
            # 一些灰"), nor the time it fell ("天花板掉下来过", "天花板掉下来那次", "掉下来砸坏了电视 … 踢皮球").
            r"|天花板(?:整个|成个|都|全部)?(?:掉|跌|冧|塌)(?:咗|了)?(?:下来|落嚟|落来|下嚟)(?:了|咗|啦|喇|呀|啊|!|$|\s?仲|\s?还)"
            # A ceiling fallen whole and still coming down ("天花整块跌咗落嚟 仲有石膏不停咁甩落嚟").
            r"|天花[^,.!?。!?]{0,10}(?:整块|成块|一大块)(?:跌|掉)(?:咗|了)?(?:落|下)(?:嚟|来)"
            rf"|{_FABRIC_FALLING}"
            # An outside wall shedding its tiles or render now ("外墙一大块瓷砖连着批荡正在往下掉，刚砸到楼下的车").
            r"|(?:外墙|墙身|瓷砖|纸皮石|批荡)[^,.!?。!?]{0,12}(?:正在|不停|不断|还在|仲喺度|一直)(?:往下|向下)?(?:掉|跌|甩)(?:紧)?"
            r"(?:下来|落嚟|下去|落街)?(?!过)"
            # A wall bulging out, about to fall ("整面墙往外鼓 感觉要倒").
            r"|墙[^,.!?。!?]{0,6}(?:往外鼓|鼓出|鼓起)[^。!?]{0,8}(?:要倒|快倒|要塌|快塌)"
            # A large piece down and more coming ("天花批盪剛剛有大塊跌落，仍有碎塊陸續掉下").
            r"|(?:天花|石屎)[^,.!?。!?]{0,10}(?:一大块|大块|成块|大嚿|一大嚿)(?:跌|掉)(?:落|下)"
            # The verb first, and more to come: "天花批盪甩咗一大塊落地，睇落隨時再跌" (not "甩咗一大嚿落嚟
            # 好彩冇人喺度", a piece down and over).
            r"|(?:天花|石屎|批荡)[^,.!?。!?]{0,10}(?:甩|跌|掉)(?:咗|了)(?:一大块|大块|成块|一大嚿|大嚿|成嚿|一大旧|成旧)"
            r"(?:落地|落嚟|落来|下来)(?=[^。!?]{0,20}(?:随时|仲有|还有|再(?:跌|掉|冧)|快要|就快|就嚟))"
            r"|(?:碎块|石屎|批荡|碎片|石膏)[^,.!?。!?]{0,4}(?:陆续|不断|不停|仍然|仲|还)(?:在)?(?:掉|跌)(?:紧)?(?:下|落)"
            # "天花有塊嘢好似就嚟跌落嚟，一路有啲碎石跌".
            r"|(?:碎石|碎块|石屎|批荡|碎片)[^,.!?。!?]{0,3}(?:一路|不停|不断)(?:咁)?(?:有啲)?(?:掉|跌)|(?:一路|不停|不断)(?:咁)?有啲?(?:碎石|碎块|石屎|批荡|碎片)(?:掉|跌)"
            # A large piece about to fall ("天花板裂开往下垂了，一大块随时会掉").
            r"|(?:天花|石屎|石膏板|吊顶)[^。!?]{0,20}(?:一大块|大块|成块|整块)[^,.!?。!?]{0,2}(?:随时|快要|就快|就要)(?:会|都会)?"
            r"(?:掉|跌|塌|冧)"
            r"|(?:天花|石屎|石膏板|吊顶|扣板)[^,.!?。!?]{0,10}(?<!会不会)(?<!会唔会)(?<!会)(?:快要|就快|就要|就嚟|随时|要)"
            r"(?:掉|跌)(?:下来|落嚟|下去|了|啦|喇)"
            # "false ceiling fall down half, now hanging by wire"; a patched ceiling sagging and creaking.
            r"|(?<![a-z])ceiling[^.!?]{0,20}(?:falls? down|hanging (?:by|from|down))"
            # In a helper's word order: "falling po yung wall … collapsing pa yung concrete".
            r"|(?<![a-z])(?:falling|collapsing) (?:(?:po|na|pa) ){0,2}(?:yung |ang )(?:wall|ceiling|concrete)(?![a-z])"
            # Pieces coming down: "bits keep falling with a cracking sound", "came crashing down, a whole slab", "big
            # chunk of the bathroom ceiling just fell into the tub", "more concrete hanging loose", "ceiling 塌咗".
            r"|(?<![a-z])(?:ceiling|plaster|wall|concrete)[^.!?]{0,70}(?:came crashing down|crashing down|came off and"
            r"|bits (?:keep )?(?:falling|dropping)|(?:chunk|slab|piece)s? (?:\w+ ){0,3}fell|fell into|hanging loose)"
            r"|(?<![a-z])(?:chunk|slab|piece)s? of (?:the )?(?:[\w-]+ )?(?:ceiling|plaster|wall|concrete)[^.!?]{0,30}"
            r"(?:fell|fall|came|dropped)|ceiling\s?(?:塌|冧|跌)"
            r"|(?<![a-z])ceiling[^.!?]{0,40}(?:sagging|bulging)[^.!?]{0,60}creak"
            # "the ceiling … is sagging and bits are falling, it's coming down".
            r"|(?<![a-z])(?:ceiling|wall|plaster)[^.!?]{0,60}(?<![a-z])(?:it'?s|it is) (?:coming|falling) down(?![a-z])"
            r"|(?<![a-z])(?:ceiling|wall|canopy|awning|roof|balcony|scaffold\w*|signboard)[^,.!?。!?]{0,80}"
            # (Water coming down through a ceiling is a leak: "My kitchen ceiling got water coming down".)
            r"(?<![a-z])(?:collaps\w*|caving in|caved in|fell (?:down|dwn|in)|falling (?:down|dwn|in)"
            r"|(?<!water )came down"
            r"|(?<!water )coming down|(?:has|have) (?:actually |just |partly |now )?come down"
            r"|(?:fell|came down|come down|dropped) on (?:me|my|him|her|us|someone"
            r"|somebody|a|the))(?![a-z])"
            r"|(?:天花|石屎)[^,.!?。!?]{0,8}(?:跌|掉|冧|塌)(?:咗|了)?(?:落|下)?(?:嚟|来)?(?:打中|砸中|砸到|压住|压到|掟中)"
            # A canopy shedding pieces now ("雨棚 刚才掉下来一块铝板", "a piece of glass just fell off what's left of
            # the canopy").
            r"|(?:雨棚|雨篷|檐篷|簷篷|天幕|玻璃幕墙)[^。!?]{0,12}(?:刚才|头先|啱啱|又|正在|不停|仍然|仲|还在)[^,.!?。!?]{0,3}"
            r"(?:掉|跌|冧|塌)(?:咗|了)?[^,.!?。!?]{0,6}(?:下来|落嚟|下嚟|落来)"
            r"|(?<![a-z])(?:glass|panel|piece|sheet|chunk)s?[^.!?]{0,30}(?:just )?(?:fell|came down|dropped|crashed)"
            r"(?: off| down| from)?[^.!?]{0,30}(?:canopy|awning|cladding)"
            # A large piece named before it falls: "天花板一大块掉下来了".
            r"|(?:天花|石屎)[^,.!?。!?]{0,3}(?:一大块|大块|成块|一大片|大片|成幅|成嚿|一大嚿|大嚿|成旧|成大旧|一大旧|大旧|成大嚿)[^,.!?。!?]{0,3}"
            r"(?:跌|掉|冧|塌)(?:咗|了)?(?:落|下)(?:嚟|来)"
            # A whole piece of ceiling coming down now ("天花板整块往下掉"), a large piece already down from it
            # ("天花板……已经砸下来一大块了").
            r"|(?:天花|石屎|吊顶)[^,.!?。!?]{0,4}(?:整块|成块|一大块|大块|一大片|成片)[^,.!?。!?]{0,2}(?:往下|向下)?(?:掉|跌|塌|冧)"
            r"|(?:天花|石屎|吊顶)[^。!?]{0,40}(?:砸|跌|掉)(?:了|咗)?(?:下来|落嚟|下嚟|落来)(?:了|咗)?"
            r"(?:一大块|一大片|大块|成块|好多块|一大嚿)"
            # The whole piece collapsing ("那块吊顶，现在整块往下塌"); a suspended ceiling (吊顶) is a ceiling.
            r"|(?:整块|成块|一大块)(?:往下|向下)?(?:塌|冧)|吊顶[^,.!?。!?]{0,8}(?:塌|冧|掉下来|跌落嚟|砸到|砸中)"
            # "now a big piece just came down and more is coming loose".
            r"|(?<![a-z])(?:big|large|huge) (?:piece|chunk|lump)s?(?: of [\w ]{1,15})? (?:just |has |have )?"
            r"(?:came|come|fell|fallen|dropped) (?:down|off)(?![a-z])"
            # Lumps of concrete coming down now: "天花板在往下掉水泥块", "天花不停跌石屎嚿".
            r"|(?:天花|墙)[^,.!?。!?]{0,4}(?:在|正在|不停|一直|仲|还)(?:往下|向下)?(?:掉|跌)(?:紧)?(?:水泥|石屎|混凝土|砖)(?:块|嚿)?"
            # A large piece down, not flakes: "成块假天花跌咗一半落嚟", "天花板突然掉下来一大块".
            r"|(?:天花|石屎)[^,.!?。!?]{0,8}(?:跌|掉)(?:咗|了)?(?:(?:一半|一大块|大块|成块)(?:落|下)(?:嚟|来)"
            r"|(?:落|下)(?:嚟|来)(?:了|咗)?(?:一半|一大块|大块|成块))|(?:成块|一大块|大半块)[^,.!?。!?]{0,6}(?:天花|石屎)[^,.!?。!?]{0,6}"
            r"(?:跌|掉)(?:咗|了)?(?:一半)?(?:落|下)(?:嚟|来)"
        ),
        # "paint" (not "big pieces, not just paint"), a tile off a wall, and furniture on a roof or balcony ("the
        # drying rack on the roof has collapsed").
        compile_led(
            r"(?<!not just )(?<!not only )(?<!not lang )paint|油漆|少少|一点点"
            # The scaffolding taken down at the end of works ("when is the scaffolding coming down") (round 113).
            r"|(?<![a-z])(?:when|why|how long|until|till|before)[^.!?]{0,40}scaffold\w*[^.!?]{0,15}"
            r"(?:com\w* down|taken down|be removed|removed)|(?<![a-z])(?:take|taking|took) (?:down )?(?:the )?scaffold"
            # Plaster and the wall's skin, unless a large piece has come down or more is coming
            # ("天花批盪剛剛有大塊跌落，仍有碎塊陸續掉下"; not "唔係好大塊").
            rf"|^(?![\s\S]*(?<!唔系)(?<!唔系好)(?<!不是)(?<!不算)(?<!唔算){_BIG_PIECE})[\s\S]*?(?:批荡|墙皮(?!连着砖|连砖|带着砖))"
            r"|(?:没|冇)(?:有)?(?:掉|跌)(?:下来|落嚟|落来)|small pieces?"
            r"|(?<![a-z])tiles?(?: [\w-]+){0,8} (?:came off|popped|fell off|fell down|dropped)"
            r"|(?:fell|falls?|falling|fallen|dropp\w*|came|coming) (?:down |off )?a little"
            # A fitting that fell from the ceiling, in Chinese: "烟感从天花板掉下来了 lol 谁来装回去" (round 112).
            r"|(?:烟感|烟雾报警器|烟雾探测器|灯罩|灯|吊扇|风扇|喇叭|摄像头|花洒头|出风口|盖|罩)(?:从|由)天花(?:板)?(?:掉|跌|甩)"
            # A fitting that fell from the ceiling, not the ceiling: "the light fitting in our bathroom ceiling fell".
            r"|(?<![a-z])(?:light|lamp|fan|fitting|fixture|cover|vent|grille|detector|alarm|sensor|speaker|camera|bulb"
            r"|sprinkler(?: head)?)s?(?: fitting)?"
            r" (?:(?:in|on|from|of)|(?:fell|fallen|dropped|came) (?:off|down )?(?:from|off))"
            r" (?:the |our |my )?(?:[\w-]+ )?ceiling"
            r"|flak\w*|peel\w*"
            r"|coin[- ]sized|size of a coin|tiny"
            # Denied: "isn't falling down or anything", "未冧", "没有塌".
            r"|(?<![a-z])(?:isn'?t|is not|not|no|wasn'?t|nothing) (?:\w+ )?(?:falling|collapsing|coming down|caving)"
            r"|(?:冇|没有?|唔系|不是|未)(?:有)?(?:塌|冧)"
            # Only feared: "嘭一聲 嚇到我以為天花塌" (a neighbour's noise), "还以为天花板塌了".
            r"|(?:以为|以係|以为系)[^,.!?。!?]{0,6}(?:塌|冧)"
            # Sagging a little and not down yet ("吊顶有点往下塌 鼓了个包 还没掉").
            r"|(?:有点|有少少|有啲)(?:往下|向下)?(?:塌|冧)|(?:还|仲)(?:没|冇|未)(?:有)?(?:掉|跌|塌|冧)"
            # A tree leaning, about to fall ("大树斜咗 好似就嚟冧"): the estate's grounds, not a ceiling or wall.
            r"|(?:树|树枝)[^。!?]{0,12}(?:就嚟|就快|快要|就要|随时)(?:冧|塌|倒)"
            r"|(?<![a-z])(?:rack|shelf|shelves|table|chair|bench|tent|bed|wardrobe|cabinet|sofa|umbrella|stool|pergola)s?"
            r" (?:[\w-]+ ){0,8}(?:has |have |had )?collaps"
        ),
    ),
    (
        # The ceiling down onto a bed, a sofa or someone ("the ceiling in the bedroom broken and fall on bed, ... still
        # falling small pieces"), or an outside wall coming away in sheets ("阳台外墙整片往下掉").
        "collapse",
        "other",
        compile_led(
            r"(?<![a-z])ceiling[^.!?]{0,30}(?<![a-z])(?:fell|fall|falls|falling|fallen|came down|dropped)(?: down)?"
            r" (?:on|onto) (?:the |my |our |his |her )?(?:[\w']+ )?"
            r"(?:bed|sofa|couch|table|desk|head|me|him|her|us|someone|baby|kid)"
            r"(?![a-z])"
            r"|天花[^,.!?。!?]{0,6}(?:跌|掉|冧|塌)(?:咗|了)?(?:落|下|到)(?:张)?(?:床|梳化|沙发|枱|台|头)"
            r"|外墙[^,.!?。!?]{0,6}(?:成片|大片|整片|成块|大块)[^,.!?。!?]{0,3}(?:往下|向下)(?:掉|跌|冧|塌)"
        ),
        compile_led(r"paint|油漆|批荡|墙皮|flak\w*|peel\w*"),
    ),
    (
        # An outside wall shedding onto the street below, or pieces coming down now (plaster included).
        "collapse",
        "other",
        compile_led(
            r"外墙[^,.!?。!?]{0,6}(?:成片|大片|成幅|成块|大块|大嚿|好多|几块|几嚿|一大)[^,.!?。!?]{0,10}"
            r"(?:跌|掉|落)(?:咗|了)?(?:落|下)?(?:行人路|街|马路|路面|地面|楼下|平台|路边)"
            r"|(?<![a-z])(?<!no )(?:pieces|chunks|lumps|bricks|tiles|concrete)(?: of [\w ]{1,15})? (?:are |keep )?"
            r"(?:falling|coming down|dropping)(?! off (?:the )?(?:shelf|table))(?![a-z])"
        ),
        # (Nor pieces that fell and nobody was passing, nothing more coming: "外牆啲紙皮石跌咗幾塊落平台 好彩冇人經過".)
        compile_led(
            r"small pieces|少少|(?:好彩|幸好|还好|幸亏)(?:冇|没有?)人(?:经过|行过|喺度|在)"
            # Tiles coming off a bathroom or kitchen wall ("bathroom wall tiles falling off, 2 tiles drop already").
            r"|(?<![a-z])(?:bathroom|kitchen|toilet|shower|wall|floor) (?:wall )?tiles? (?:are |keep )?"
            r"(?:falling|dropping) off(?![^.!?]*(?:collaps|bulg|crack))"
            r"(?![^。!?]*(?:仲|还)(?:有|在)?[^,.!?。!?]{0,6}(?:跌|掉|冧|塌))"
        ),
    ),
    (
        # Someone pinned under a shutter or a gate that came down ("卷閘落到一半卡死，我同事隻腳俾佢壓住拉唔出嚟", "the
        # shutter came down on a delivery guy and his arm is stuck under it"): the category is the shutter's, for the
        # model to tell.
        "trapped",
        None,
        compile_led(
            # (An automatic door too, and the child's arm a mother cannot pull free: "幼稚園門口部自動門夾住個
            # 小朋友隻手，道門卡死咗郁唔到", "電閘夾住咗個細路隻手臂 佢阿媽拉唔開", rounds 115 and 116.)
            r"(?:卷闸|卷帘|铁闸|闸门|闸|自动门)[^。!?]{0,20}(?:压住|夹住|压着|夹着|压到|夹到)(?:咗|了)?[^。!?]{0,12}"
            r"(?:出唔到|拉唔出|出不来|拉不出|动不了|郁唔到|出唔嚟|拔(?:不|唔)出|拉唔开|拉不开|拎唔出|拿不出|卡死)"
            # Come down on someone: "舖頭個閘跌落嚟壓住個伙記", "卷帘门掉下来压住了店员".
            r"|(?:卷闸|卷帘|铁闸|闸门|闸)(?:门)?[^,.!?。!?]{0,6}(?:跌|掉|落|冚|砸)(?:咗|了)?(?:落|下)?(?:嚟|来)?(?:咗|了)?"
            r"[^,.!?。!?]{0,3}(?:压住|夹住|压着|压到|夹到)(?:咗|了)?(?:个|一个|位|一位|条|只)?[^,.!?。!?]{0,8}"
            r"(?:人|伙记|店员|师傅|工人|小朋友|细路|小孩|老人|阿伯|阿婆|同事|送货|顾客|客人|保安|清洁|脚|腿|手|快递|外卖|速递|司机"
            r"|途人|行人)"
            # "大閘夾住咗一位送貨工人嘅腳，佢而家被壓喺閘底痛到大叫 … 推極都推唔開".
            r"|(?:卷闸|卷帘|铁闸|闸门|闸)[^。!?]{0,20}(?:压住|夹住|压着|夹着|压到|夹到)(?:咗|了)?[^。!?]{0,30}"
            r"(?:(?:被|俾|畀)压(?:喺|在)[^,.!?。!?]{0,3}底|推(?:极|来推去)?(?:都|也)?推(?:唔|不)(?:开|郁|动)|痛到大叫)"
            # Someone's leg held under it now: "捲閘落咗一半卡住，個保安阿叔隻腳俾佢壓住咗".
            r"|(?:卷闸|卷帘|铁闸|闸门)[^。!?]{0,30}(?:俾|被|畀)(?:佢|它|卷闸|闸)?(?:压|夹)(?:住|着)"
            # Round 115: someone's foot caught by a gate ("我個仔畀卷閘夾住咗隻腳", "隻腳畀卷閘壓住咗呀"), a foot drawn
            # in by a sliding gate ("电动伸缩门把孩子的脚卷进去了 卡住出不来"), fingers caught in a gate shut on them.
            r"|(?:俾|被|畀)(?:个|部|道|度)?(?:卷闸|卷帘|铁闸|闸门|电闸|闸|伸缩门)(?:门)?(?:夹|压)(?:住|着|到)"
            # A tree down on a car with the driver still inside ("大樹冧咗壓住架的士,司機仲困喺車入面") (round 116).
            r"|(?:树|树枝)[^。!?]{0,4}(?:冧|倒|塌|断)(?:咗|了|落嚟|落来|下来)[^。!?]{0,3}(?:压|砸)(?:住|中|到)(?:咗|了)?"
            r"[^。!?]{0,16}"
            r"(?:困(?:喺|在)(?:车|的士)|(?:仲|还)?(?:喺|在)(?:车|的士)(?:入面|里面|里)[^。!?]{0,2}(?:出唔到|出不来|出唔嚟|出不了))"
            # Someone under a fallen tree ("有人被倒下的树压住了,腿动不了") (round 118).
            r"|(?:有人|人|阿伯|阿婆|伯伯|婆婆|小朋友|细路|小孩|老人|工人|途人|行人|司机|保安|清洁)(?:被|俾|畀)[^。!?]{0,6}"
            r"(?:树|树枝)(?:压|砸)(?:住|中|到)"
            r"|(?:闸|门)[^。!?]{0,6}把[^。!?]{0,8}(?:卷|夹|压)(?:进去|住|到|着)(?:了)?[^。!?]{0,10}"
            r"(?:卡住|出不来|拉不出|拿不出|动不了)"
            r"|(?<![a-z])(?:fingers?|hands?|arms?|legs?|foot|feet|head)(?:'s)? (?:is |are |got )?"
            r"(?:caught|stuck|trapped|jammed)[^.!?]{0,40}(?<![a-z])(?:gate|door|shutter)s?(?![a-z])[^.!?]{0,40}"
            r"(?:can'?t|cannot|can not) (?:get|pull|open)"
            r"|(?<![a-z])(?:shutter|gate)s?[^.!?]{0,30}(?:came down on|come down on|comes down on|fell on|closed on"
            r"|dropped on|dropped onto|landed on"
            r"|crushed|pinned|trapp\w*)[^.!?]{0,40}"
            r"(?<![a-z])(?:stuck|pinned|trapped|under it|(?:can'?t|cannot) (?:get|pull) (?:\w+ )?(?:out|free))(?![a-z])"
            # Round 109: "mans hand caught under the roller shutter at the car park entrance he cant pull it out".
            r"|(?<![a-z])(?:hand|arm|leg|foot|feet|fingers?|head|man|woman|kid|child|boy|girl|guy|worker|someone"
            r"|somebody)(?:'s)? (?:is |are |got |was |has been )?(?:caught|stuck|trapped|pinned|jammed|crushed)"
            r" (?:under|in|beneath) (?:the |a )?(?:[\w-]+ ){0,2}(?:shutter|gate)s?(?![a-z])"
            r"|(?:卷闸|卷帘|铁闸|闸门)(?:门)?(?:压|夹)(?:住|着)(?:了|咗)?(?:一个|个|位|一位)?人"
        ),
        None,
    ),
    (
        # Something hanging over a street or a path by its last hold, about to fall on whoever passes ("the window …
        # is hanging by one hinge … swinging out over the street"): the category is the thing's (a window is
        # `doors`, a signboard `common_area`), for the model to tell.
        "collapse",
        None,
        compile_led(
            r"(?<![a-z])(?:hanging|dangling|held) (?:on |only )?(?:by|from|on) (?:one|a single|its last|the last|a)"
            r" (?:hinge|screw|bolt|bracket|wire|cable)s?(?![a-z])"
            # Round 124: about to fall with people below ("好似就快跌落街，下面係巴士站", "感觉要掉下去，下面是儿童
            # 游乐区", "下面成日有人行過，隨時跌落嚟"), here where the category is the thing's (a window is `doors`).
            r"|(?:就快|随时|快要|感觉要|就嚟|(?<![很好])快)(?:要|会)?(?:跌|掉)[^。!?]{0,12}下面(?:就)?(?:系|是|有|成日有|人行|行人|马路|街|巴士"
            r"|儿童|停车)"
            r"|下面(?:成日|经常|好多|一直)?有人行[^。!?]{0,10}(?:随时|就快|快要)(?:会)?(?:跌|掉)"
            # Round 125: the other way round ("下面就係大廈入口，隨時跌落去"), hanging out over people ("一半已经悬在
            # 外面，下面就是小区正门", "挂在护栏外面，底下就是人行道", "吊住喺街上面"), swaying over them, large
            # pieces hanging in the air ("尚有一大片懸吊半空", "上方还有一大片悬空 … 随时可能坠落", "隨時墮下"), shards
            # still falling from a window a drone struck ("仲跌緊啲碎落街", "碎片正在往下掉"); a pot tipped over an
            # entrance with people below, a planter "hanging over the car park entrance by one bolt".
            r"|(?:下面|底下|下方)(?:就)?(?:系|是)?[^。!?]{0,12}(?:随时|就快|快要)(?:会|可能)?(?:跌|掉|坠|堕)"
            r"|(?:悬|吊|挂)(?:住)?(?:在|喺)(?:护栏|栏杆)?(?:外面|出面|外|街上面|马路上面)[^。!?]{0,24}(?:下面|底下|下方)"
            r"|吊(?:住|咗)?(?:喺|在)(?:街|马路|行人路)上面"
            r"|(?:一直|不停)(?:在)?(?:晃|摇|荡)[^。!?]{0,10}(?:下面|底下|下方)(?:就)?(?:系|是|有)?"
            r"|(?:一大块|大块|成块|一大片|大片|一大嚿)[^。!?]{0,6}悬(?:吊|挂|空)"
            r"|(?:悬空|悬吊|下垂)[^。!?]{0,16}随时(?:可能|会)?(?:坠|堕|跌|掉|塌)|随时(?:可能|会)?(?:堕|坠)(?:下|落)"
            r"|(?:跌|掉)(?:紧|着)(?:啲)?碎(?:片|玻璃)?(?:落街|落嚟|落来|下来|下去)|碎片(?:正在|一直|不停|仲)(?:往下|向下)?(?:掉|跌)"
            r"|(?<![a-z])tipping (?:it )?(?:right )?over[^.!?]{0,40}(?<![a-z])(?:people|kids|children|someone)(?![a-z])"
            r"|(?<![a-z])hanging over[^.!?]{0,60}(?<![a-z])by (?:one|a single) (?:bolt|screw|rope|wire)"
            # "Hanging off" said of what falls from a height (not a mailbox door hanging off by one hinge).
            r"|(?<![a-z])(?:window|frame|pane|glass|sign|signboard|panel|canopy|awning|aircon|air-con|cladding|grilles?)"
            r"[^.!?]{0,40}(?:hanging|dangling|held)(?: off| loose)? (?:on |only |just )?(?:by|from|on)"
            r" (?:one|a single|its last|the last|a|just one|only one)"
            r" (?:hinge|screw|bolt|bracket|wire|cable)s?(?![a-z])"
            # A few words between, and other holds: "is hanging outside by the last hinge", "swinging outside on one
            # hinge", "hanging off the facade by one bracket", "hanging by one tie", "held by the last clamp".
            r"|(?<![a-z])(?:hanging|dangling|held|swinging)(?: (?!by|on|from)[\w-]+){1,3}"
            r" (?:only |just )?(?:by|on|from) (?:one|a single|its last|the last|just one|only one)"
            r" (?:hinge|screw|bolt|bracket|tie|clamp|anchor)s?(?![a-z])"
            r"|(?<![a-z])(?:hanging|dangling|held) (?:only |just )?(?:by|on|from) (?:one|a single|its last|the last"
            r"|just one|only one) (?:tie|clamp|anchor)s?(?![a-z])"
            r"|(?<![a-z])swinging (?:out )?over the (?:street|road|pavement|path|walkway|playground|entrance|podium)"
            # Round 118: "the frame come loose it hanging outside only one screw left", "hanging with only one hinge
            # over the street".
            r"|(?<![a-z])(?:window|frame|pane|glass|sign|signboard|panel|canopy|awning|aircon|air-con)"
            r"[^.!?]{0,60}(?:hanging|dangling|swinging)[^.!?]{0,30}(?<![a-z])(?:only|just) (?:one|a single)"
            r" (?:hinge|screw|bolt|bracket)s?(?![a-z])"
            # Round 115: "hanging off one hinge right over the drop-off".
            r"|(?<![a-z])hanging off (?:by )?(?:one|a single|its last|the last|just one|only one)"
            r" (?:hinge|screw|bolt|bracket)s?"
            r"[^.!?]{0,30}(?:over|above) (?:the )?(?:drop|street|road|pavement|path|walkway|playground|entrance|people"
            r"|bus stop)"
            # A sign hanging by one side over the pavement ("招牌被风吹歪了，只剩一边挂着，下面就是人行道"), an air
            # conditioner hanging mid-air by its bracket ("個架甩咗一邊 成部機吊咗喺半空 下面係巴士站").
            r"|(?:窗|玻璃|招牌|冷气机|空调|外机|铁皮|窗框|雨棚|雨篷|簷篷|檐篷|钢板|栏杆|广告牌|保温层)[^。!?]{0,24}"
            r"(?:挂|吊|悬挂)(?:着|住|咗|了)?(?:喺|在)?[^。!?]{0,10}(?:下面|下边|底下|下底|下方)(?:就)?(?:是|系|为)?"
            r"(?:人行道|行人路|马路|街|巴士站|车站|游乐场|门口|通道|行人|(?:小区)?主路)"
            # Glass fallen onto the pavement and the rest loose ("碎片掉到楼下人行道上，剩下的也松了随时会掉")
            # (round 117).
            r"|(?:人行道|行人路|马路|主路|巴士站)[^。!?]{0,16}(?:随时|就快|眼看)(?:会|要)?(?:掉|跌|堕|坠)"
            # Round 116: falling in pieces and still cracking ("墙一大块一大块往下掉，中间鼓起来还在裂", "天花板在往下掉
            # 一大块一大块的 还在响"). (A crack that widens, alone, is a repair: "天花條裂痕越嚟越大".)
            r"|一大(?:块|嚿)一大(?:块|嚿)(?:地|的|咁)?(?:往下|向下)?(?:掉|跌|落)"
            # Round 119: "一大块一大块的水泥 现在还在掉", "一大块已经塌下来了"; a window left on one hinge over the road
            # ("有扇窗得返一個鉸吊住，喺馬路正上面搖嚟搖去"; 鉸 is read 较).
            r"|一大(?:块|嚿)一大(?:块|嚿)[^。!?]{0,8}(?:还在|仲喺度|仲)(?:掉|跌|落)|一大块(?:已经)?(?:塌|冧)(?:下来|落嚟|咗|了)"
            # Round 120: a ceiling dropping a big piece and more coming ("天花板掉了一大块水泥下来", "掉了一块巴掌大的，
            # 砸到桌子上，现在还在掉渣", "往下掉东西 哗哗的 一大块一大块的", "仲有啲沙跌緊落嚟"), a wall coming down
            # piece by piece until the whole of it may go ("啲批盪同磚一舊舊跌落嚟，好似成幅要塌咁"; plaster falling in
            # bits, alone, stays calm), "隨時成舊冧落嚟", a window "只挂着一个合页"; a fuse box scorched and smelling
            # burnt is the electrics' (below).
            r"|天花板?(?:掉|跌|冧)(?:了|咗)一大(?:块|嚿)|(?:掉|跌)(?:了|咗)(?:一)?(?:块|嚿)[^。!?]{0,10}砸(?:到|中)[^。!?]{0,12}"
            r"(?:还在|仲喺度|仲)(?:掉|跌)"
            r"|(?:往下|向下)掉东西[^。!?]{0,10}一大(?:块|嚿)|(?:仲|还)有[^。!?]{0,6}(?:跌|掉)(?:紧|着)(?:落|下)(?:嚟|来)"
            r"|成(?:幅|面)(?:墙)?要(?:塌|冧)|随时成(?:嚿|块|旧)(?:冧|塌|跌)"
            r"|只(?:挂|吊)(?:着|住)(?:一)?(?:个|粒)?(?:合页|铰|较)[^。!?]{0,4}(?:晃|摇|荡)"
            r"|(?:窗|窗框|窗门|玻璃)[^。!?]{0,8}(?:得返|只剩|只有|靠)(?:一|1)(?:个|粒|颗|只)?(?:铰|较|螺丝)[^。!?]{0,4}(?:吊|挂)"
            r"|(?:往下|向下)掉[^。!?]{0,12}(?:还在|仲喺度|仲)(?:裂|响|掉|跌)"
            # Fallen onto the pavement with more loose above ("有舊石屎跌咗落行人路 上面仲有舊鬆鬆哋").
            r"|(?:石屎|批荡|瓷砖|纸皮石|外墙)[^。!?]{0,8}(?:跌|掉)(?:咗|了)(?:落|下|到)(?:行人路|马路|街|人行道)[^。!?]{0,10}"
            r"(?:仲有|还有)[^。!?]{0,6}(?:松|裂|甩|摇)"
            # Some of the ceiling boards down and more swinging ("天花幾塊板跌咗落嚟 仲有幾塊喺度擰緊").
            r"|(?:跌|掉|塌)(?:咗|了)(?:落|下)(?:嚟|来)[^。!?]{0,12}(?:仲有|还有)[^。!?]{0,6}(?:喺度|在)?"
            r"(?:拧|摇|晃|摆|郁|荡)(?:紧|着|来晃去)"
            # By a corner, or hanging out over the street: "the whole window is hanging by one corner over the street".
            r"|(?<![a-z])(?:window|frame|pane|glass|sign|signboard|panel|canopy|awning|aircon|air-con|door)"
            r"[^.!?]{0,60}(?:hanging|dangling) (?:(?:on |only |just )?by (?:one|a single|its last|the last) corner"
            r"|(?:out )?over the (?:street|road|pavement|path|walkway|playground|entrance))"
            # Come loose and hanging outside: "阳台窗户一整扇掉了一半 挂在外面晃", "露台玻璃門甩咗出嚟 吊喺出面".
            # (Not a fly screen, "纱窗": light, and filed calm.)
            r"|(?:(?<!纱)窗|玻璃|招牌|冷气机|铁皮|窗框|雨棚)[^。!?]{0,12}(?:掉|甩|松|脱|断|跌)[^。!?]{0,8}(?:挂|吊)(?:咗|了|住|着)?(?:在|喺)"
            r"(?:外面|出面|半空|街上)"
            r"|(?:(?<!纱)窗|玻璃|招牌|冷气机|铁皮|窗框|雨棚)[^。!?]{0,12}(?:挂|吊)(?:在|喺)(?:外面|出面|半空)[^。!?]{0,3}"
            r"(?:晃|摇|揈|荡)"
            r"|(?:窗|玻璃|招牌|冷气机|铁皮|窗框|棚架|雨棚)[^。!?]{0,12}(?:摇摇欲坠|吊吊揈|吊喺半空|就快跌落街|随时跌落街)"
            # By its last hinge or screw: "窗户就剩一个合页挂着了", "只靠最後一粒螺絲吊住", "淨係得一粒螺絲吊住".
            r"|(?:窗|玻璃|招牌|冷气机|铁皮|窗框|棚架|雨棚)[^。!?]{0,20}(?:只|就|仅|净系)?(?:剩|得|靠)(?:返|下)?(?:最后)?"
            r"(?:一|1)(?:个|粒|只|口|颗|根|条)?(?:合页|铰链|窗铰|铰|螺丝钉?|螺丝|钉|螺栓)"
            # More things and holds: "外机就挂在一根螺丝上", "簷篷甩咗一邊 得返一粒螺絲吊住", "就剩一个角的螺丝挂着",
            # "脚手架有块钢板松了 就靠一个扣件挂着", "玻璃松了 … 就剩一个夹子夹着", "栏杆断了一截 … 只剩一个焊点连着",
            # "成隻窗吊住出街 得返粒螺絲".
            r"|(?:窗|玻璃|招牌|冷气机|空调|外机|铁皮|窗框|棚架|雨棚|雨篷|簷篷|檐篷|遮阳篷|脚手架|钢板|栏杆|广告牌)[^。!?]{0,20}"
            r"(?:只|就|仅|净系)?(?:剩|得|靠)(?:返|下)?(?:最后)?(?:一|1)?(?:个|粒|只|口|颗|根|条)?(?:角的|边的)?"
            r"(?:合页|铰链|窗铰|铰|螺丝钉?|螺丝|钉|螺栓|膨胀螺栓|扣件|夹子|焊点|支架)(?:吊|挂|夹|连|撑|\s*$|[\s,.!?。!?])"
            r"|(?:窗|玻璃|招牌|冷气机|空调|外机|铁皮|窗框|棚架|雨棚|雨篷|簷篷|檐篷|脚手架|钢板|栏杆|广告牌)[^。!?]{0,20}"
            r"(?:只|就|仅)(?:剩|靠)(?:最后)?(?:一|1)(?:个|粒|只|颗|根|条)(?:合页|铰链|铰|螺丝钉?|螺丝|螺栓|膨胀螺栓|扣件|夹子|焊点)"
            r"|(?:窗|玻璃|招牌|冷气机|空调|外机|铁皮|窗框|雨棚|雨篷|簷篷|檐篷|钢板|栏杆)[^。!?]{0,12}(?:挂|吊)(?:在|喺)(?:一|1)"
            r"(?:个|粒|只|颗|根)(?:合页|铰链|铰|螺丝钉?|螺丝|螺栓)"
            # One hinge off and the window hanging: "隻窗個鉸甩咗一邊，成隻窗吊喺度咁，下面係行人路".
            r"|(?<!纱)窗[^。!?]{0,8}(?:铰|合页|铰链)[^。!?]{0,3}(?:甩|断|脱|掉)(?:咗|了|埋)?(?:一边|一个|一只)[^。!?]{0,12}"
            r"(?:吊|挂)(?:喺|在|住|着)"
            # "阳台的窗户整扇就挂在一个合页上 晃来晃去".
            r"|(?:(?<!纱)窗|玻璃|招牌|冷气机|铁皮|窗框|雨棚)[^。!?]{0,12}(?:挂|吊)(?:在|喺)(?:一|1)(?:个|粒|只|颗)"
            r"(?:合页|铰链|窗铰|铰|螺丝钉?|螺丝|螺栓)"
        ),
        # A small door indoors hanging off: "Mailbox for 19E … has its door hanging by one hinge".
        compile_led(
            # (And fittings on an inside wall: "the grab bar is hanging off the wall by one screw".)
            r"(?<![a-z])(?:mail ?box|letter ?box|post ?box|cupboard|cabinet|locker|wardrobe|drawer|toilet seat"
            r"|grab ?bar|grab ?rail|towel (?:rail|bar)|shelf|shelves|mirror|curtain rail|curtain|blind)"
            r"(?:es|s)?[^.!?]{0,50}(?:hanging|dangling)"
        ),
    ),
    (
        # Someone hurt or unconscious: the duty team calls an ambulance and sends a guard.
        "injury",
        "other",
        compile_led(
            r"晕(?:低|倒|咗|了|过去)|昏迷|昏倒|昏(?:咗|了)?过去|昏(?:低|咗)|失去知觉|冇晒知觉|不省人事|唔省人事|(?:流|出)(?:了|咗)?(?:好多|很多|大量)血|流血不止"
            r"|流(?:紧|着)血|血(?:一直|不停|仲|还)(?:在|喺度)?流|(?:正在|仲|还在)?(?:抽搐|抽筋)(?:紧|着|中)|癫痫发作|发羊吊|血(?:喺度)?流(?:唔停|不停|个不停|不止)|(?:一直|不停)(?:在)?流血|流血(?:唔停|不停)"
            # Down and not answering, in the hotline's fragments: "Yes, she's on the floor. No, she's not answering."
            r"|(?<![a-z])(?:he|she|they|my \w+)(?:'s| is| are) (?:lying )?on the (?:floor|ground)(?![a-z])[^?]{0,60}"
            r"(?<![a-z])(?:not|isn'?t|won'?t|can'?t) (?:answering|responding|moving|waking|wake up|talking|breathing)"
            # Unconscious or unresponsive, someone down who does not answer, bleeding that will not stop.
            r"|(?:没有?|冇|失去|无)(?:晒)?意识|(?:叫|喊)(?:极|咗|了)?(?:不|唔)(?:醒|答应|应)"
            r"|(?:倒|晕|瞓低|瞓|躺|跌低|跌倒|摔倒|倒地)(?:咗|了|在|喺|上)[^.!?。!?]{0,10}(?:叫(?:极|佢|他|她)?(?:都|也)?(?:不|唔)(?:醒|应|答应)"
            r"|(?:唔|不)识(?:应|反应)|(?:冇|没有?)(?:反应|知觉))"
            # Down and not speaking: "突然倒地上了 不说话" (not "倒咗啲垃圾 … 都唔出声", rubbish tipped and nobody
            # saying a word).
            r"|(?:倒地|晕|跌低|跌倒|摔倒)(?:上|下)?(?:咗|了|在|喺)?[^.!?。!?]{0,10}(?:不|唔)(?:说话|讲嘢|出声)"
            r"|血止(?:不|唔)(?:住|到)|止(?:不|唔)(?:住|到)血"
            # Round 115: bleeding that will not stop ("血流得止不住"), a head split open and bleeding
            # ("個頭爆咗 好多血"), someone lying down who does not move ("喺泳池邊瞓低咗 唔郁").
            r"|血流得(?:止不住|止唔住|停不下来|好犀利|好劲|好急)|(?<![a-z])头(?:爆|穿|裂)(?:咗|了)[^。!?]{0,8}血"
            # Round 117: "流緊好多血", "流了一地血 按着也止不住".
            r"|流(?:紧|着)(?:好多|很多|大量)血|流(?:了|咗)一地(?:的)?血|(?:按|撳|压)(?:着|住)(?:也|都)止(?:不|唔)(?:住|到)"
            r"|(?:瞓低|倒地|晕低|跌低|躺)(?:咗|了)[^.!?。!?]{0,3}(?:唔|不|冇|没)(?:郁|动)(?!得|过|到|手)"
            # Fallen and not answering when called ("我老細跌咗落浴缸 叫佢唔應 唔醒") (round 118).
            r"|(?:跌|倒|晕)(?:咗|了|低|倒|落)[^。!?]{0,20}(?:叫|喊|嗌)(?:佢|他|她)?(?:都|极都|极)?(?:唔应|不应|冇反应|没反应|唔醒|不醒)"
            # Round 119: someone lying in a stairwell who does not move when called ("叫佢佢都唔郁"), a head split and
            # bleeding ("頭爆晒血").
            r"|(?:叫|喊|嗌)(?:佢|他|她)(?:佢|他|她)?(?:都|极都)(?:唔郁|不动)|头爆(?:晒|哂|咗)血"
            r"|倒(?:在)?地(?:上)?(?:了|咗)?[^。!?]{0,4}一动(?:不|唔)动"
            # Someone drowning ("the boy at the deep end looks like he's struggling", "有小朋友遇溺") (round 113).
            r"|(?:有人|有个|有小朋友|细路|小朋友|小孩|老人|阿伯|婆婆)[^,.!?。!?]{0,4}(?<!差啲)(?<!差点)(?<!差一点)"
            r"(?:遇溺|溺水)(?!点算|怎么办|点|怎|事故)"
            # Round 122: fallen and cannot get up ("跌咗喺廁所起唔到身", "在卫生间滑倒了爬不起来", "摔了一跤
            # 腿好像断了 动不了", "she slipped in the bathroom and can't get up"); a worker hanging in the air from a
            # tilted gondola or by a safety rope ("有個師傅吊住喺半空", "工人就靠安全绳挂着", "hanging from his
            # harness").
            r"|(?:跌|摔|滑|倒|瞓)(?:咗|了|倒|低|亲|一跤|咗一跤|了一跤)?[^。!?]{0,12}"
            r"(?:起唔到身|起唔到|起不来|起不了身|爬不起来|爬唔起身|站不起来|企唔起身|动不了|郁唔到)"
            r"|(?<![a-z])(?:fallen|fell|slipped|tripped|collapsed)(?![a-z])[^.?]{0,40}(?<![a-z])"
            r"(?:can'?t|cannot|unable to) (?:get up|stand up|move)(?![a-z])"
            r"|(?:师傅|工人|工友|人)[^。!?]{0,6}"
            r"(?:吊(?:住|着)喺半空|吊(?:住|着)?在半空|挂在半空|靠安全(?:绳|带)(?:挂|吊)(?:着|住))"
            r"|(?<![a-z])(?:worker|man|someone|somebody)[^.!?]{0,20}(?:hanging|dangling) (?:from|by)"
            r" (?:his|her|their|a|the) (?:harness|rope|safety (?:line|rope|harness))"
            # Fallen from a height and not moving, a head bleeding now ("从脚手架上摔下来了 … 一动不动", "砸到一个
            # 外卖小哥，头在流血"), pinned by a shutter ("卷帘门 把人压住了"), "slipped on the wet stairs … he's not
            # moving".
            r"|(?:摔|跌|掉)(?:咗|了)?(?:落|下)(?:嚟|来)(?:了|咗)?[^。!?]{0,20}一动(?:不|唔)动|(?:头|头部)(?:正在|在|喺度)(?:流|出)血"
            r"|把人压(?:住|倒)|压(?:住|倒)(?:咗|了)(?:个|一个)?人"
            # Round 123: pinned under a hoarding or a shutter ("地盤圍板冧咗落行人路，壓住咗個伯伯", "came down on one
            # of our labourers' legs, he's stuck under it"); burnt or scalded with the skin off ("俾滾油淥親
            # 成隻手甩晒皮", "burned his hand badly … the skin's come off"); a dog chasing children and biting
            # ("追住啲細路咬"); someone down who no longer moves ("倒在地上 不動了"); a wrist broken in a fall, the
            # faller pale.
            r"|压(?:住|倒)(?:咗|了)?(?:个|一个)?(?:伯伯|阿伯|婆婆|阿婆|老人|小朋友|细路|小孩|工人|师傅|途人|行人)"
            r"|(?:(?<![a-z])(?:is|are|got)|'s|'re) (?:stuck|trapped|pinned) under(?![a-z])"
            r"|(?:(?:淥|渌|烫|辣)(?:亲|伤|到|咗)|烧伤)[^。!?]{0,12}(?:甩(?:晒|哂)?皮|起(?:晒)?泡|脱皮)"
            r"|(?<![a-z])(?:burn(?:ed|t)|scald(?:ed)?)(?![a-z])[^.?]{0,60}(?<![a-z])skin(?:'s| has)?"
            r" (?:come|peel(?:ed|ing)?)(?: off)?(?![a-z])"
            r"|追(?:住|着)[^。!?]{0,6}咬"
            r"|倒(?:在)?地(?:上)?(?:了|咗)?[^。!?]{0,4}(?:不动了|唔郁|冇反应|没反应)"
            r"|(?<![a-z])(?:tripped|fell|slipped|fallen)(?![a-z])[^.?]{0,60}(?<![a-z])(?:wrist|arm|leg|ankle|hip)s?"
            r" (?:looks|is|seems|might be) broken(?![a-z])"
            # Round 124: down and not moving anywhere ("中暑了 倒在 电梯口 不动了"); pinned under something ("師傅俾個
            # 衣櫃壓住咗", "工人被压在车库卷帘门下面了"); a child locked in a car ("有个细路锁咗喺架车入面",
            # "SUV里面锁着个小孩", "Child locked in a car in the car park").
            r"|倒(?:在|喺)[^,.!?。!?]{1,8}(?:不动了|唔郁|冇反应|没反应)"
            r"|(?:被|俾|畀)[^。!?]{0,6}压(?:住|倒)(?:咗|了)|被压(?:在|喺)[^。!?]{0,12}(?:下面|底下)"
            r"|(?:细路|小孩|小朋友|孩子|婴儿|bb)[^。!?]{0,4}(?:锁|困|焗)(?:咗|着|住|了)(?:喺|在)[^。!?]{0,4}车"
            r"|(?:车|suv|mpv|van)[^。!?]{0,6}(?:锁|困|焗)(?:着|住|咗|了)(?:个|一个)?(?:细路|小孩|小朋友|孩子|婴儿|bb)"
            r"|(?<![a-z])(?:child|kid|baby|toddler|boy|girl)s? (?:is |are |got |been )?(?:locked|trapped|stuck) in"
            r" (?:a |the |his |her |their )?(?:\w+ )?car(?![a-z])"
            # Round 125: animals where people are and now: a dog biting and not letting go, bringing someone down, loose
            # and chasing children ("狗冲出来咬住了一个小孩的腿不放", "一只狗把保洁阿姨扑倒了，还在咬她的腿", "大狗
            # 挣脱了绳子，现在在追放学的小学生"); a snake in a lift, a lobby, a corridor or a home ("有條蛇 喺部lift
            # 入面", "一條蛇啱啱游咗入第三座二號升降機", "a cobra in the Block 2 lift"); a monkey inside; a sting with
            # the face swelling or breath short ("俾黃蜂叮咗 成塊面腫晒 佢話呼吸唔到"); someone down and not answering
            # ("突然倒地，呼之不应").
            # (Not a ball: "隻狗喺公園咬住個波唔放".)
            r"|狗[^。!?]{0,16}(?:咬住|咬紧|咬着|还在咬|仲咬紧)(?:了|咗)?[^。!?]{0,8}"
            r"(?:人|小孩|细路|小朋友|孩子|学生|阿姨|伯伯|婆婆|腿|脚|手|衫|我|佢|他|她)|狗[^。!?]{0,16}扑倒|狗[^。!?]{0,12}(?:挣脱|甩绳)[^。!?]{0,10}(?:追|咬|扑)"
            rf"|蛇[^。!?]{{0,20}}(?:{_LIFT}|大堂|楼道|走廊|屋企|家里|厨房|睡房|门口|信箱)"
            rf"|(?:{_LIFT}|大堂|楼道|走廊)[^。!?]{{0,10}}(?:有|发现)(?:条|一条)?[^。!?]{{0,6}}蛇"
            r"|(?<![a-z])(?:snake|cobra|python)s?[^.!?]{0,20}(?<![a-z])(?:in|inside|into) (?:the |our |my )?"
            r"(?:[\w-]+ ){0,3}"
            r"(?:lift|elevator|lobby|flat|kitchen|bedroom|bathroom|corridor|house)(?![a-z])"
            r"|(?:马骝|猴子)[^。!?]{0,12}(?:入(?:咗)?(?:屋|厨房|嚟)|进(?:了)?(?:屋|家|厨房))"
            r"|(?<![a-z])monkey[^.!?]{0,20}(?<![a-z])(?:came into|got into|inside|in the kitchen|in our)(?![a-z])"
            r"|(?:叮|螫|蜇)(?:咗|了|到|伤)[^。!?]{0,20}(?:呼吸唔到|呼吸困难|唞唔到气|透不过气|喘不过气|(?:面|脸|喉咙|嘴唇)[^。!?]{0,4}肿)"
            r"|呼之不应"
            r"|(?<![a-z])(?:slipped|fell|fallen|collapsed)(?![a-z])[^.?]{0,60}(?<![a-z])(?:he|she|they)(?:'s| is| are)"
            r" not (?:moving|responding|breathing)(?![a-z])"
            # Round 121: a child pulled from the water not moving or breathing ("沉咗落水 撈返上嚟唔郁 唔識呼吸");
            # someone seen on a camera fallen and not moving ("倒在卫生间门口一动不动", "摔在阳台上,脸朝下趴着,
            # 一直没动", "lying face down, not moving"); a worker fallen from the scaffolding, bleeding and not moving.
            r"|(?:沉|跌|掉)(?:咗|了)?(?:落|下|入|进)?(?:水|池)[^。!?]{0,16}(?:唔郁|不动|冇反应|没反应|(?:唔|不)(?:识|会)?呼吸"
            r"|(?:冇|没有?)呼吸)"
            r"|(?:倒|摔|跌|瞓|躺|趴)(?:咗|了)?(?:在|喺)[^,.!?。!?]{1,8}一动(?:不|唔)动"
            r"|(?:脸|面)(?:朝|向)下(?:趴|瞓|伏)(?:着|住|咗|了)?"
            r"|(?<![a-z])face ?down(?![a-z])[^.!?]{0,40}(?<![a-z])(?:not|isn'?t|won'?t)"
            r" (?:moving|responding|answering|move)"
            r"|(?:摔|跌|掉)(?:咗|了)?(?:落|下)(?:嚟|来)(?:了|咗)?[^。!?]{0,20}血[^。!?]{0,10}(?:不动|唔郁|冇反应|没反应)"
            r"|(?<![a-z])(?:he|she|they|someone|somebody|a (?:kid|child|boy|girl|man|woman)"
            r"|my (?:son|daughter|kid|child))"
            r"(?:'s| is| are) drowning"
            r"(?! in (?:paper\w*|bills?|debts?|work|homework|e-?mails?|notices?|letters?|parcels?|leaves|junk|flyers?))"
            r"|(?:at|in) the deep end[^.!?]{0,40}(?:struggling|going under|in trouble)"
            r"|(?:struggling|going under|in trouble) in (?:the )?(?:water|pool|deep end)"
            r"|(?<![a-z])(?:unconscious|unresponsive|fainted|passed out|not breathing"
            r"|bleeding (?:quite |very |really |so )?(?:badly|heavily|a lot)"
            r"|(?:can'?t|cannot|won'?t) stop (?:the )?bleeding|bleeding (?:won'?t|will not|doesn'?t) stop"
            r"|(?:man|woman|lady|person|someone|somebody|guy|uncle|auntie|grandpa|grandma|he|she)"
            r" (?:has |just )?collapsed"
            r"|(?:neighbou?r|father|mother|dad|mum|mom|husband|wife|son|daughter|helper|maid|resident|child|kid|boy|girl"
            r"|baby|guard|cleaner|worker|grandfather|grandmother|old (?:man|lady|woman)|lady|man)"
            r"(?: (?:in|from|at|of) [\w/-]+)? (?:has |just )?collapsed"
            r"|(?:collapsed|fell|fall down|fallen)[^.!?]{0,60}"
            r"(?:not talking|(?:cannot|can'?t) (?:speak|talk)|not waking|not answering"
            r"|eyes? clos\w*|not moving|not breathing|not responding|won'?t wake)"
            # As a helper says it on the phone: "my madam she faint on the floor she not answering me".
            r"|(?:madam|sir|mum|mom|dad|grandpa|grandma|granny|uncle|auntie|someone|somebody|he|she)"
            r" (?:just )?faint(?:s|ing)?"
            # Collapsed and "isn't responding" (not a tree that fell and the office that "isn't responding").
            r"|collapsed[^.!?]{0,60}(?:is ?n'?t|is not) (?:responding|answering|moving|breathing|waking)"
            r"|(?:fell|fallen)[^.!?]{0,60}(?<![a-z])(?:he|she)(?:'s| is) ?(?:n'?t|not) (?:responding|moving|breathing)"
            # "my dad's fallen in the bathroom and isn't answering".
            r"|(?<![a-z])(?:fell|fallen)[^.!?]{0,40}(?<![a-z])and (?:is ?n'?t|is not|not)"
            r" (?:answering|responding|moving|breathing|waking)"
            r"|not waking up|blood (?:from|on) (?:his|her) head"
            # "help my dad isnt waking up", "mum won't wake up", "I can't wake him".
            r"|(?:is ?n'?t|isnt|won'?t|wont|doesn'?t|does not|will not) (?:wake|waking) up"
            r"|(?:can'?t|cannot|couldn'?t) wake (?:him|her)"
            # As a nurse or paramedic puts it: "looks arterial, direct pressure not controlling it", "seizing …
            # post-ictal and not responding to voice".
            r"|arterial|direct pressure (?:is )?(?:not|isn'?t) (?:controlling|stopping|working)"
            r"|(?:spurting|pumping) blood|blood (?:is )?(?:spurting|pumping)"
            r"|(?:not|isn'?t) responding to (?:voice|pain|his name|her name)|unresponsive to (?:voice|pain)"
            r"|(?<![a-z])(?:is |are |'s )?(?:seizing|having a seizure|convulsing)(?![a-z])"
            # "blood everywhere on his head", "so much blood", "her head is bleeding".
            r"|blood (?:everywhere|all over|pouring|gushing)|(?:lots of|a lot of|so much|a pool of) blood"
            r"|bleeding (?:everywhere|profusely|from (?:his|her|the) head)|(?:head|face) (?:is )?bleeding"
            r"|(?:on|lying on) the (?:\w+ )?floor[^.!?]{0,30}"
            r"(?:not answering|not responding|not moving|won'?t wake|can'?t wake|won'?t (?:talk|speak|answer|respond)))"
            r"(?![a-z])"
        ),
        # A guard asleep on duty, who will not wake for a resident, is a complaint about staff:
        # "保安值班睡觉 喊都喊不醒".
        compile_led(
            # Awake again, or already taken to hospital or home: "而家醒返喇 救護車已經送咗佢去醫院",
            # "救護車已經接走咗", "保安已經扶咗佢上去".
            r"(?:(?:而家|现在|依家|已经)醒(?:返|翻|咗|了|过来)"
            # Asked after, later: "晕倒那个老人怎样了", "嗰個暈低咗嘅阿伯好返未".
            r"|(?:晕|昏)(?:倒|低|咗)[^,.!?。!?]{0,10}"
            r"(?:怎样了|怎么样了|点样(?:呀|啊|了|喇)|好(?:返|翻)(?:未|啲|咗)|好(?:点|些)(?:了|没|吗)|出(?:咗|了)?院)"
            # (白车 is Hong Kong's ambulance: "白車已經送咗佢走", round 120.)
            r"|(?:已经|救护车|白车)[^,.!?。!?]{0,4}(?:送(?:咗|了)(?:佢|他|她)?(?:去|到|入)?(?:医院|院)|送(?:咗|了)(?:佢|他|她)走"
            r"|(?:接|载|抬)走(?:咗|了)"
            r"|(?:扶|抬|背|送|带)(?:咗|了)(?:佢|他|她)(?:上去|上楼|返屋企?|回家|返去|回去|出去|落去)))"
            r"(?![^。!?]*(?:但|不过|可是|仲|还|血|晕|唔识|讲唔到|叫唔醒))"
            r"|(?:保安|保全|警卫|护卫|看更|管理员|门卫|值班|当值|夜更|更亭)[^,.!?。!?]{0,8}(?:睡|瞓)"
            # The blood left behind, not cleaned: "救護車已經送走咗 但係地下仲有血 冇人清".
            r"|(?:血|血迹|血渍)[^,.!?。!?]{0,6}(?:冇人|没人|未)(?:清|抹|擦|理|处理)"
            # "Night-shift guard in the Tower 3 lobby was asleep at the desk at 2am, couldn't wake him".
            r"|(?<![a-z])(?:guard|watchman|security)\w*[^.!?]{0,40}(?<![a-z])(?:asleep|sleeping)(?![a-z])"
        ),
    ),
    (
        # People in danger from an animal now, which the desk answers as it answers someone hurt (send someone now,
        # call for help): a snake inside a home or a lift, wasps or bees chasing and stinging people, a dog attacking.
        # A snake seen in the garden, a nest to remove or a sting last week is no emergency (decided at stop 46; the
        # conventions say so).
        "injury",
        "other",
        compile_led(
            r"蛇[^,.!?。!?]{0,4}(?:喺|在)[^,.!?。!?]{0,4}"
            # (Not the garden of "11號屋", a house's number, round 121.)
            r"(?:我|屋企|(?<!号)屋|家|厨房|厕所|洗手间|浴室|卫生间|睡房|卧室|房间|客厅|床|马桶|电梯|𨋢|䢂|升降机|幼稚园|课室|教室|学校)"
            # Into a home or a classroom ("已經由20E道門罅鑽咗入屋", "蛇爬咗入幼稚園課室") (round 116).
            # (Round 122: "遊咗入我屋企廚房", "爬咗入嚟我哋屋企".)
            r"|蛇[^。!?]{0,16}(?:钻|爬|游)(?:咗|了)?(?:入|进)(?:咗|了)?(?:嚟|来)?(?:我|我哋|我们)?"
            r"(?:屋|家|房|厨房|课室|教室|幼稚园|客厅|厅|睡房|卧室|厕所|浴室"
            rf"|洗手间|{_LIFT})"
            # Coiled behind the rice sacks in a kitchen ("后厨米袋后面盘着一条蛇") (round 118).
            r"|(?:厨房|后厨|屋|家|房|客厅|厕所|浴室)[^。!?]{0,10}(?:盘|躲|藏|卷)(?:着|住|咗|了)(?:一)?条(?:大|小)?蛇"
            r"|(?:爬|钻|游)(?:咗|了)?(?:入|进)(?:嚟|来)(?:了|咗)?(?:一)?条蛇"
            # "家里进蛇了 钻到床底下了".
            r"|(?:屋企|屋|家|厨房|厕所|洗手间|浴室|卫生间|睡房|卧室|房间|客厅)(?:里面|里|入面)?(?:进|入)(?:咗|了)?(?:一)?(?:条)?蛇"
            # "电梯里有条蛇!!!", "屋企廚房有條蛇".
            r"|(?:电梯|𨋢|䢂|lift|升降机|屋企|屋|家|厨房|厕所|洗手间|浴室|卫生间|睡房|卧室|房间|客厅)(?:里面|里|入面|度)?"
            r"(?:有|出现|发现|见到|看到)(?:咗|了)?(?:一)?条(?:大|小|好大)?蛇"
            r"|(?:黄蜂|马蜂|蜜蜂|胡蜂|虎头蜂|蜂群|啲蜂|d蜂)[^。!?]{0,24}"
            # (Not "暫時未見佢哋追人", round 120.)
            r"(?:(?<!未见佢哋)(?<!未见它们)(?<!未见)(?<!没见)(?<!冇见)(?<!未)(?<!冇)(?<!没)追(?:住|着|紧)?(?:人|啲|细路|小孩|我|我们|我哋)|追(?:住|着|紧)[^。!?]{0,8}(?:叮|蜇|蛰)|(?<![没未冇无])(?:叮(?:紧|伤)|(?:蜇|蛰)(?:伤|人)))"
            r"|(?:狗|犬)[^,.!?。!?]{0,6}(?:咬紧|正在咬|追住咬|扑(?:紧|住)人)|(?:狗|犬)[^。!?]{0,12}咬人(?!的事|嘅事|事件|的问题|嘅问题)"
            # Round 116, a hillside estate: someone bitten by a dog still about ("一群野狗在小区门口咬人,送外卖的小哥
            # 被咬了"); a wild boar charging in ("有头野猪冲进了4栋大堂", "野豬衝咗入平台花園追住啲細路"); a monkey in a
            # home or attacking ("猴子闯进我家了,抓伤了我老公的手", "有隻馬騮入咗我屋企客廳 … 仲撲埋嚟想咬我個女").
            r"|(?:野猪|山猪)[^。!?]{0,6}(?:冲|撞|闯)(?:咗|了)?(?:进|入)|(?:野猪|山猪)[^。!?]{0,16}(?:追(?:住|着|紧)|撞(?:伤|倒)|咬(?:伤|人))"
            r"|(?:马骝|猴子|猴)[^。!?]{0,4}(?:闯|走|跳|爬|钻)?(?:咗|了)?(?:进|入)(?:咗|了)?(?:我|我哋|我们)?(?:屋企|屋|家|厨房|客厅|房)"
            r"|(?:马骝|猴子|猴)[^。!?]{0,20}(?:抓伤|咬伤|咬(?:咗|了)|扑(?:埋|过|向)|袭击)"
            r"|(?<![a-z])(?:wild )?boars?(?![a-z])[^.!?]{0,40}(?<![a-z])"
            r"(?:charg(?:ed|ing)|attack(?:ed|ing)|gored|chasing|went for|going for)(?![a-z])"
            r"|(?<![a-z])monkeys?(?![a-z])[^.!?]{0,80}(?<![a-z])(?:scratch(?:ed|ing)|bit|biting|attack(?:ed|ing)|lung(?:ed|ing)"
            r"|went for|grabb(?:ed|ing) (?:at )?(?:my|a|the|her|his|our))(?![a-z])"
            # Off its lead and biting someone now: "有隻狗冇拉繩 喺停車場咬緊人呀".
            r"|(?:狗|犬)[^。!?]{0,16}咬(?:紧|住)(?:个|一个|啲)?(?:人|小朋友|细路|小孩|姐姐|阿婆|阿伯|老人|街坊|住户|婆婆|伯伯"
            r"|公公|老伯|老太|阿姨|女人|男人|保安|清洁)"
            # A dog loose that has bitten and still chases: "有条大狗在追人，刚才咬了一个小孩",
            # "一直追着人咬，已经咬伤了一个老人".
            r"|(?:狗|犬)[^。!?]{0,12}(?:追(?:住|着|紧)?人|咬(?:伤|咗|了)(?:咗|了)?(?:一个|个|好几个|两个)?"
            r"(?:人|小孩|细路|小朋友|老人|老人家|阿伯|伯伯|阿婆|婆婆|阿公|街坊|住户|保安|女仔|男仔)"
            # Someone of the resident's own ("俾隻狗撲過嚟咬咗我個女，隻狗而家仲喺度").
            r"|咬(?:伤|咗|了)(?:咗|了)?(?:我|我哋|我们|佢|他|她)(?:个|的|嘅)?(?:女儿?|仔|儿子|孙女?|老婆|老公|妈妈?|阿妈"
            r"|老豆|爸爸|工人|姐姐|细佬|妹妹|弟弟|阿嫲|阿爷|婆婆|公公))"
            # Round 115: "SNAKE in our kitchen!!!", "snake in my son's bedroom!!!".
            r"|(?<![a-z])snakes? (?:in|inside|under) (?:(?:my|our|the|her|his|their) )?(?:[a-z]+'s )?"
            r"(?:bathroom|kitchen|flat|home|bedroom|living room|toilet|bed|house|lift|sofa|apartment|elevator)(?![a-z])"
            # Round 119: "SNAKE … just slid into the lift car", "A snake! In the lift of Block 4!", "a snake in my
            # parents' bathroom"; a dog bite that bled, the dog still there ("畀隻狗咬到成腳血").
            r"|(?<![a-z])snakes?(?![a-z])!* ?(?:[^.?]{0,40}(?<![a-z])(?:slid|slithered|crawled|went|got|came) )?"
            r"(?:in|into|inside) (?:the |my |our |a )?(?:lift|elevator|flat|bathroom|kitchen|bedroom|living room|home"
            r"|house|toilet)(?! lobby| hall| door| button)(?![a-z])"
            r"|(?<![a-z])(?:there'?s|there is|a) snake in (?:my|our|his|her|the) [\w']+ "
            r"(?:bathroom|kitchen|flat|home|bedroom|living room|toilet|house|apartment)(?![a-z])"
            r"|(?:俾|畀|被)(?:只|条|个)?狗咬(?:到|伤|咗|了)[^。!?]{0,6}血|狗[^。!?]{0,20}咬出血"
            # Round 120: a snake under a bed, or crawling towards the open door (into a lift or in a classroom: above).
            r"|(?:房间|睡房|卧室|客厅|厨房|厕所|浴室|屋企|家|床底)[^。!?,]{0,6}(?:有|出现)(?:咗|了)?(?:一)?条(?:大|小)?蛇"
            r"|蛇[^。?]{0,40}往(?:我|我们|我哋)?(?:家|屋)(?:门口)?爬"
            r"|(?<![a-z])(?:there'?s|there is|a) snake (?:is )?(?:curled up |coiled up |hiding |lying )?"
            r"(?:in|inside|under|behind)"
            r" (?:(?:my|our|the|her|his|their) )?"
            r"(?:bathroom|kitchen|flat|home|bedroom|living room|toilet|bed|house|lift|sofa|apartment|elevator)"
            r"|(?<![a-z])(?:wasps?|hornets?|bees?)(?![a-z])[^.!?]{0,90}(?<![a-z])(?<!not )(?<!n't )(?<!never )"
            r"(?:stinging|getting stung|chasing|attacking"
            r"|going after (?:the |our |my )?(?:people|kids|children|us|everyone|everybody|residents))(?![a-z])"
            # Told after an exclamation: "wasps again!! … theyre chasing the kids at the playground".
            r"|(?<![a-z])(?:wasps?|hornets?|bees?)(?![a-z])[^.?]{0,120}(?<![a-z])(?<!not )(?<!n't )chasing"
            r" (?:the |my |our |some )?"
            # (The workers too: "they're chasing the workers down the corridor", round 123.)
            r"(?:kids|children|people|residents|us|me|everyone|everybody|workers|staff|cleaners|guards)(?![a-z])"
            # "A dog off its lead is attacking a kid", "the dog has bitten two people and is still loose" (not a dog
            # biting its toy).
            r"|(?<![a-z])dogs?(?![a-z])(?:[^.!?]{0,25}(?<![a-z])(?:is|are|'s|has|have))? (?:just )?(?:attacking|biting"
            r"|mauling|bitten|attacked)(?![a-z])(?! (?:a|my|the|his|her|its|their) (?:toy|ball|shoe|bone|lead|leash))"
            # Loose and snapping, having bitten: "a dog loose in the Block D lobby snapping at people, it already bit a
            # kid on the leg".
            r"|(?<![a-z])dogs?(?![a-z])[^.!?]{0,60}(?<![a-z])(?:one |it |they )?bit (?:her|his|my|our|their)"
            r" (?:leg|arm|hand|foot|ankle|calf)"
            # Round 121: wasps or bees that have stung and keep coming ("my son got stung 4 times and they keep coming
            # at us", "a swarm came in, she's been stung twice"), a swarm "stinging kids" after an exclamation; a snake
            # into a home told without a verb of motion ("條蛇入咗屋企廚房"); wild dogs going after an old man.
            r"|(?<![a-z])(?:wasps?|hornets?|bees?|swarm)(?![a-z])[^?]{0,120}(?<![a-z])"
            r"(?<!nobody's )(?<!nobody has )(?<!no one's )(?<!no one has )(?<!not )(?<!never )"
            r"(?:(?:been|got|getting|get) stung(?! yet)"
            r"|stinging (?:the |my |our |some )?(?:kids|children|people|residents|us|me|everyone|everybody))(?![a-z])"
            r"|蛇[^。!?]{0,8}(?:入|进)(?:咗|了)(?:我|我哋|我们)?(?:屋企|家|屋(?!苑)|厨房|客厅|睡房|卧室|房间|厕所|浴室)"
            r"|(?:黄蜂|马蜂|蜜蜂|胡蜂|虎头蜂|蜂群)[^。!?]{0,12}(?:入|进)(?:咗|了)(?:屋|家|房)[^。!?]{0,6}(?:叮|蜇|蛰)(?:咗|了|伤)"
            r"|(?<![a-z])dogs?(?![a-z])[^.!?]{0,40}(?<![a-z])(?:going|went) after (?:an?|the|my|our) (?:old )?"
            r"(?:man|woman|lady|kid|child|boy|girl|person|resident)(?![a-z])"
            r"|(?<![a-z])dogs?(?![a-z])[^.!?]{0,60}(?<![a-z])(?:snapping|lunging|going) (?:at|for|after)"
            r" (?:people|kids|children|residents|everyone|everybody)(?![a-z])"
            r"|(?<![a-z])dogs?(?![a-z])[^.!?]{0,60}(?<![a-z])(?:already |just )?bit (?:a|an|two|three|my|the|one|some)"
            r"(?: old)?"
            r" (?:kid|child|boy|girl|man|woman|lady|person|people|resident|guard|helper|neighbou?r|cleaner)s?(?![a-z])"
            # "Dog off the lead attacking people", "a dog just went for a kid … owner can't hold it back".
            r"|(?<![a-z])dogs?(?![a-z])[^.!?]{0,45}"
            r" (?:attacking|biting|mauling|went for|going for|lunged at|lunging at)"
            r" (?:people|kids|children|someone|somebody|(?:a|the|my|our|his|her)"
            r" (?:kid|child|boy|girl|man|woman|lady|person|resident|son|daughter|mum|mom|dad|helper|neighbou?r|grandma"
            r"|grandpa|baby|guard|cleaner))(?![a-z])"
        ),
        None,
    ),
)
# Which signal takes the place of another's when both are in one message: water or fire with sparks or smoking
# electrics ("配电房进水了，里面有电火花", "the meter box is smoking") is the electrics' emergency, since the
# electricians cut the power before anyone goes near it (a burning smell alone leaves a fire a fire); someone hurt or
# collapsed by a shock is the injury's (the desk calls an ambulance first).
_ELECTRICS_NAMED = next(i for i, (kind, *_) in enumerate(_EMERGENCIES) if kind == "electric")  # not a smell alone
_SOMEONE_HURT = next(i for i, (kind, *_) in enumerate(_EMERGENCIES) if kind == "injury")
_OUTRANKED_BY: dict[str, frozenset[int]] = {
    "flood": frozenset({_ELECTRICS_NAMED}),
    "fire": frozenset({_ELECTRICS_NAMED}),
    "electric": frozenset({_SOMEONE_HURT}),
}


# "If" after doubt is no supposition: "not sure if it's anything, but there's a smell of gas", "want to know if".
_DOUBT = "(?<!sure )(?<!know )(?<!wonder )(?<!wondering )(?<!idea )(?<!hear )(?<!see )(?<!tell )(?<!check )"
# Nor is a polite "if": "could someone pop by, if it's no trouble", "if you have a moment", "if someone is free".
_POLITE_IF = (
    r"(?! (?:it'?s|it is) (?:no |not (?:too much |a )?)(?:trouble|bother|problem)| it'?s (?:ok|okay|alright|convenient"
    r"|possible)| (?:possible|convenient)| you (?:could|can|don'?t mind|do not mind|have (?:a moment|time))"
    r"| (?:someone|somebody|anyone) (?:could|can|is free|has time))"
)


# Past incidents, tests and drills, questions about what to do "if", complaints (about how one was handled)
# and thanks for a rescue are not emergencies ("投訴上次水浸處理",
# "the flood last week") unless the message also says it is happening now ("而家又水浸", "right now").
_PAST = compile_led(
    # The days it was flooded, asked about afterwards ("车库被淹那几天能不能不收", round 122).
    r"(?:被淹|水浸|浸水|淹水)(?:咗|了)?(?:的)?(?:嗰|那)(?:几|幾)?(?:日|天|晚|次|阵)|"
    # Gone where it came from, or mopped up: "条蛇已经钻到草丛里了", "the snake went into the bushes", "we've turned it
    # off and mopped up".
    r"(?:钻|爬|游|走)(?:咗|了)?(?:返)?(?:入|进|到)(?:了|咗)?(?:草丛|草地|花丛|树丛|渠|山|草)"
    r"|(?<![a-z])(?:snake|it)[^.!?]{0,20}(?:went|gone|slithered|disappeared|crawled) (?:back )?(?:into|under)"
    r" (?:the )?(?:bushes|grass|drain|hedge|shrubs|undergrowth)(?![a-z])"
    r"|(?<![a-z])(?:turned|switched|shut) (?:it |the \w+ )?off and (?:have |'ve )?(?:mopped|cleaned|dried)(?: it)? up"
    r"|"
    # After an incident, during its evacuation, the household it struck, the fear it comes again, what the notice about
    # it said: "电梯困人以后物业只贴了张纸", "着火那回以后就不亮了", "困过一次电梯后", "疏散的时候广播听不清",
    # "着火那户现在住哪儿", "怕车库又淹", "通告话火警系住户自己责任".
    r"(?:(?:困人|困䢂|困电梯|着火|火警|火灾|失火|水浸|淹水|泄漏|泄露|疏散)(?:嗰回|那回|那次|嗰次|一次|那事|那件事|嗰件事|嗰单嘢)?(?:以后|之后|过后)"
    r"|困过(?:一次)?(?:电梯|䢂)?(?:以后|之后|后))"
    r"(?![^。!?]*(?:又|(?<!到)(?:而家|现在|依家)(?!都?(?:不敢|唔敢|怕|惊))|仲|还在))"
    r"|疏散(?:的时候|嗰阵|时|期间)"
    # Said to be unrelated to the incident ("跟那次火灾没关系"); the soot it left, still there
    # ("啲墙仲系黑晒", "墙面被熏黑了"; not "墙都熏黑了" beside sparks now); flooded once at a clause's end
    # ("天花俾洒水头啲水浸过，"); a check asked only for peace of mind ("只系求个安心").
    r"|(?:火灾|火警|火烛|水浸|淹水|爆喉|爆管|煤气|燃气|停电|事故)(?:没|冇|无)(?:有)?(?:啥|什么|乜|咩)?关系"
    r"|(?:火灾|火警|火烛|水浸|淹水|爆喉|爆管|停电|事故)无关"
    r"|(?:火灾|火警|火烛|水浸|淹水|爆喉|爆管|停电|事故|着火)(?:不相干|不相关|唔关事)"
    # Burst and left unrepaired since ("水喉爆完到而家都未整").
    r"|(?:喉|管)爆完|到(?:而家|现在|依家)(?:都|仲|还)?(?:未|没|冇)(?:有)?(?:整|修|处理|搞)"
    # Who caused it, disputed ("条总喉爆唔系我哋搞出嚟，凭咩要我哋俾").
    r"|(?:唔系|不是)(?:我|我哋|我们|住户|业主)(?:搞|弄|整)(?:出嚟|出来|坏|烂)|凭(?:咩|什么|乜)"
    # The hotline nobody answered all night, told afterwards ("你哋热线打咗成晚都冇人听"; not "打咗热线都冇人听" from
    # inside a lift now).
    r"|(?:热线|电话)[^,.!?。!?]{0,8}打(?:咗|了)(?:成晚|成夜|整晚|一整晚)[^,.!?。!?]{0,4}(?:冇人|没人|无人)(?:听|接|理)"
    r"|打(?:咗|了)(?:成晚|成夜|整晚|一整晚)(?:热线|电话)[^,.!?。!?]{0,4}(?:冇人|没人|无人)(?:听|接|理)"
    r"|(?:墙|天花|楼梯|扶手)[^,.!?。!?]{0,6}(?:仲|还|依然|仍然)(?:系|是)?黑|被(?:烟)?(?:熏|薰)(?:黑|黄)|烟渍"
    r"|(?:浸|淹)过(?=[,.!?。!?;\s]|$)|求(?:个|一个)?安心|图(?:个)?安心|买个安心|以策安全"
    # Met once before ("上手住客遇过水浸"), smelt once ("台风时好几家说闻到过煤气味"), after the water had been in
    # ("地库浸过水之后"), the cause told ("水浸系因为…").
    r"|(?:遇|试|经历|碰)(?:过|到过)(?:水浸|火警|火灾|火烛|困人|困䢂|困电梯|爆喉|爆管|淹水|煤气漏|漏煤气)"
    # The flood as the cause of a grievance ("因为车场浸咗 啲人成日泊喺消防通道"), cleaned up after
    # ("清完水浸"), and nobody told since ("煤气泄漏到现在也没人告诉我们原因").
    r"|因为[^,.!?。!?]{0,8}(?:浸|淹)(?:咗|了|过)|清(?:完|好|晒)(?:啲|的)?(?:水浸|积水)"
    r"|(?:到现在|到而家|至今)(?:都|也|还|仲)?(?:没|冇|无)(?:有)?(?:人|一个人)(?:告诉|讲|话|解释|交代|通知|理|回复|出嚟|出来)"
    r"|(?:闻|嗅)到?过[^,.!?。!?]{0,4}(?:煤气|燃气|石油气)?味|(?:浸|淹|入|进)过水(?:之后|以后|后)"
    r"|(?:水浸|淹水|火警|火灾|火烛|停电|爆喉|爆管)(?:系|是)因为"
    r"|(?:着火|失火|火警|水浸|火灾|起火)(?:那户|嗰户|那家|嗰家|那间|嗰间|那个单位|嗰个单位|那层|嗰层|那栋|嗰座|那座)"
    # The incident as a matter of its own: its repairs, costs, inquiry, report, claims, the time before it
    # ("火災維修費點分攤", "交代火災事件", "火灾之前"); the firemen's water ("救火啲水浸咗大堂信箱"); flooded once
    # (淹过一次); the fear of being trapped ("唔敢搭lift，驚困喺入面").
    r"|(?:火灾|火警|火烛|水浸|淹水|爆喉|爆管|停电)(?:事件|维修|修理|善后|调查|报告|赔偿|损失|之前|以前|期间|责任)"
    # The incident as a time, a place of loss or a cause: "火灾时大家都上不去", "卡是火灾里烧掉的", "火灾受损的住户",
    # "火灾刚过又开始堆东西", "起火原因", "今次火警係廚房電器引起", "车库进水的时候保安就站在旁边看"; a fire once
    # ("刚着过一次火"); the trapped let out ("现在已经出来了").
    r"|(?:火灾|火警|火烛|水浸|淹水|进水|入水|爆喉|爆管)(?:时(?!间|钟)|的时候|嘅时候|嗰阵|那时|里(?!面)|中(?!心)|受损|受影响)"
    r"(?![^。!?]*(?:又|(?<!到)(?:而家|现在|依家)(?!都?(?:不敢|唔敢|怕|惊))|仲|还在))"
    # The night or day of it ("火警當晚消防員破門", "水浸嗰日"), a loss because of it ("因火警断水断电九日"), a
    # fee to be waived for it ("要求豁免该月份管理费").
    r"|(?:火警|火灾|失火|火烛|水浸|淹水|停电|困人)(?:当晚|当日|当天|嗰晚|嗰日|嗰阵|那晚|那天|那时)"
    r"|因(?:为)?(?:火警|火灾|失火|火烛|水浸|淹水)|(?:豁免|减免|免除|扣减)[^,.!?。!?]{0,8}(?:费|租)"
    r"|(?:火灾|火警|水浸|淹水)刚(?:刚)?过|(?:火灾|火警|起火|着火|失火|水浸|淹水)(?:的|嘅)?(?:原因|起因|调查)|(?:火灾|火警)(?:系|是)[^,.!?。!?]{0,12}(?:引起|造成|导致)"
    r"|(?:着|烧)过(?:一次|几次|两次)?火|(?:困|关)[^。!?]{0,30}(?:已经|已)(?:被[^,.!?。!?\s]{0,4})?(?:救|放|拉)?出(?:咗|了)?(?:来|嚟)"
    r"|(?:站|企)(?:在|喺)(?:旁边|一边|度|响度)(?:看|睇)"
    # Flooded once (浸过水), a fee asked to be waived or cut ("车位管理费能不能免掉"), the valve shut and the water
    # stopped ("总阀关上了，现在不喷了").
    # "I close the valve already and it stop".
    r"|(?<![a-z])(?:close|closed|shut|turn(?:ed)? off|switch(?:ed)? off) (?:the )?(?:main )?(?:water )?"
    r"(?:valve|tap|stopcock)(?: already)?[^.!?]{0,15}(?:it|water|leak|spraying) (?:stop|stops|stopped|has stopped)"
    r"(?![a-z])"
    r"|(?:浸|淹|入|进)过水|(?:费|租|钱|金)(?:能不能|可不可以|可唔可以|可否|能否|会不会|会唔会)?(?:免|减|豁免|退|扣(?:返|番|减))"
    r"|(?:现在|而家|依家)(?:已经)?(?:不|唔|冇|没)(?:再)?(?:喷|漏|涌|射|标)(?:水)?(?:了|喇|啦|咗)"
    r"|(?:现在|而家|依家)(?:已经)?(?:冇|没有?)(?:晒)?(?:味|烟|事)(?:啦|了|喇|咗)?"
    # Gone now, said of the smell ("闻到少少似煤气味 好淡 而家已经冇喇").
    r"|(?:现在|而家|依家)(?:已经|好像|好似|应该)?(?:冇|没有?)(?:晒)?(?:喇|了|啦|咗)"
    # Explained, and calm asked for: "那股煤气味其实是燃气公司在换表 大家别紧张".
    r"|(?:气?味|味道|烟|声|声音)(?:其实|原来)(?:是|系|只是)|大家(?:别|不用|唔使|唔驶|不要|唔好)(?:紧张|惊|担心|慌|恐慌)"
    # Smelt, then found to be something else: "聞到煤氣味，我返到屋企聞過，原來係佢煲中藥煲燶咗".
    r"|(?:闻|嗅)(?:到|过)[^。!?]{0,24}原来(?:系|是)"
    r"|救火(?:啲|的|嘅)?水(?!管|喉|带|箱|泵|枪)|消防(?:啲|的|嘅)水|消防水(?=淹|浸)|(?:淹|浸)过(?:一次|一回|几次|两次)"
    r"|(?:惊|怕|担心|唔敢|不敢)[^,.!?。!?]{0,8}(?:困|被困)(?:喺|在)(?:入面|里面|里头)"
    r"|(?:怕|惊|担心)[^,.!?。!?]{0,6}又(?:淹|浸|水浸|困|着火|漏)"
    r"|(?:怕|惊|担心)(?:会)?(?:车库|地库|停车场|车场|地下室|屋企|家里)?(?:淹|浸|水浸)"
    r"|(?:通告|公告)[^,.!?。!?]{0,4}(?:话|说|讲|写)"
    # The place struck before, patched since: "天花冧咗嗰笪已經補咗".
    r"|(?:嗰笪|嗰度|那块|那里|那儿)(?:已经|都)?(?:补|整|修|换)(?:好|返|咗|了)"
    # In English: what an incident was blamed on or told to the press, incidents counted, "since the collapse".
    r"|(?<![a-z])(?:(?:was|were) caused by|announced|told the (?:newspaper|press|media|papers))(?![a-z])"
    r"|(?<![a-z])incidents? in (?:the )?(?:last |past )?(?:\w+ )?(?:days?|weeks?|months?|years?)(?![a-z])"
    r"|(?<![a-z])since the (?:[\w-]+ ){0,2}(?:collapse|fire|flood|leak|burst|blackout|evacuation|typhoon)(?![a-z])"
    # Flooded, told as what happened to a place ("is the gym reopening? it was flooded too").
    r"|(?<![a-z])(?:it|that|this|which|they|we|b\d) (?:was|were|got) (?:also |all |badly |completely )?flooded"
    r"(?: (?:too|as well|also|that night|during|in the|by the))?(?![a-z])"
    r"|(?<![a-z])(?:closed|shut|damaged|ruined|wrecked|cancelled) (?:for|because of|due to|from|by|in|during|after) the"
    r" (?:[\w-]+ ){0,2}(?:flood|flooding|fire|typhoon|storm|rainstorm|leak|blackout)(?![a-z])"
    r"|(?<![a-z])(?:after|during) (?:the )?(?:gas leak|fire|flood|typhoon|collapse|evacuation|burst|blackout)(?![a-z])"
    r"|(?<![a-z])(?:that|which) (?:caught fire|collapsed)(?![a-z])"
    r"|(?<![a-z])firem[ae]n (?:broke|forced|kicked|smashed|cut)"
    r"|(?<![a-z])when the (?:[\w-]+ ){0,3}(?:came down|collapsed|caught fire|flooded|burst)(?![a-z])"
    r"|(?<![a-z])(?:flooded|burst|collapsed|caught fire) on \d{1,2}/\d{1,2}"
    # After the burst, the patch, the incident: "爆水管之後啲水好黃", "補完天花之後", "电梯被困事件后",
    # "水浸到而家三個禮拜", "我家着火了现在住不了".
    r"|爆(?:水)?管(?:之后|以后|后)(?:停水|啲水|的水)?|爆(?:水)?管停水|(?:补|整|修)(?:完|好)[^,.!?。!?]{0,4}(?:之后|以后)"
    r"|事件(?:以后|之后|后)"
    r"|到(?:而家|现在)(?:都)?(?:成|已经)?(?:[一二三四五六七八九十两几]+|\d+)(?:个)?(?:礼拜|星期|日|天|月|周)"
    r"|住不了|住唔到|冇得住|没法住|"
    # The fright an incident left: "电梯把我儿子关在里面 吓得他现在不敢坐电梯了".
    r"吓(?:得|到|亲)(?:他|她|佢|我|我哋|我们)?(?:现在|而家)?(?:都)?(?:不敢|唔敢)|"
    # The smell reported earlier ("报了燃气味 保安过来拿打火机照着找漏点").
    r"(?<!刚)(?<!啱)报(?:了|咗|过)(?:一次)?(?:燃气|煤气|石油气)味(?![^。!?]*(?:而家|现在|依家|仲|还|越来越|越嚟越|又))"
    # Round 108, after the fact: no apology, said the other way round ("搞到成层停水两日，一句道歉都冇"); trapped for
    # a while, told once out ("电梯困了我四十分钟，出来还被保安说"); closed for weeks and what is owed for that time
    # ("车库泡水封了半个月，这期间车位管理费怎么算"); the water a burst wasted, shared out.
    r"|(?:一句)?道歉(?:都|也)(?:冇|没有?)"
    r"|困(?:了|咗)(?:我|我们|我哋|佢|他|她|人)?(?:成|足足|差不多|大概|大约|将近|接近)?(?:[一二两三四五六七八九十几半]+|\d+)"
    r"(?:个)?(?:分钟|分|个钟|钟头|小时|粒钟)(?=[^。!?]{0,8}(?:出来|出嚟|先至?(?:有人|出|救|放)|才(?:有人|出|救|放)))"
    r"(?![^。!?]*(?:又(?:困|停|坏)|(?<!到)(?:而家|现在|依家)|仲|还在|未|没人|冇人))"
    r"|(?:出来|出嚟)(?:之后|以后|后)"
    r"|封(?:咗|了)(?:成|足足|差不多)?(?:半|[一二两三四五六七八九十几]+|\d+)(?:个)?(?:月|星期|礼拜|日|天|周)"
    r"|(?:这|呢|那|嗰)(?:段)?期间|(?:浪费|嘥|白流|漏走)(?:咗|了|掉)?(?:的|嘅)?(?:水费|电费)|分摊|摊分|平摊"
    r"|上次|上一次|上个?(?:星期|礼拜|周|月)|之前|早前|早排|琴日|琴晚|寻日|寻晚|昨天|昨日|昨晚|前日|前天|前晚"
    r"|那天|那次|嗰次|嗰日|(?:嗰|那)单(?!元|位)|当时|上年|去年|旧年|演习|保险|损失|误鸣|误会|虚惊|听讲|听说|想知|发生咩事|发生什么事|已经冇事|冇事啦"
    # Money after the incident: its receipts, a late fee ("水浸嗰啲单据要交俾边个", "滞纳金都扣了").
    r"|单据|收据|滞纳金"
    r"|没事了|整好咗|修好了|恐生|恐怕|以免|怕会|前排|前两日|前两天|前几天|前几日|几天前|那件事|(?<=[^\s,，])那事|嗰单事|嗰件事"
    r"|已经?(?:整好|修好|搞掂|搞定)|修好咗|搞掂咗|搞定了|会(?:不|唔)会(?!出事|有事|有危险)|(?<!随)时会|时候会"
    r"|索偿|演练|前阵子|前一阵|前段时间|前些日子|前些天|早阵子|早段时间|早(?:两|几)(?:日|天)"
    # Compensation, 赔偿 or 赔 alone ("赔了没有", "边个赔"); not 赔罪, an apology.
    r"|(?<!包)赔(?!罪|钱货)"
    # Damage done by the water ("我的车泡坏了"), an account of it demanded ("物业必须给个说法").
    r"|(?:(?<!灯)泡|浸|淹)(?:整)?(?:坏|烂)(?:咗|了)|(?:给|俾|畀|讨|没|冇)(?:个|一个)?(?:说法|交代)"
    # Trapped time and again, told as a grievance ("电梯困人好几次了 你们年年说换新电梯").
    r"|(?:困人|困过人|困䢂|关人)(?:都|也)?(?:已经)?(?:发生|出现)?(?:咗|了|过)?(?:好|很)?(?:几|多|好多|两|三|四|五|\d)次"
    r"(?![^。!?]*(?:又|(?<!到)(?:而家|现在|依家)|仲|还在))"
    # Whenever it rains: a habit, not water pouring in now ("一下雨就哗哗往墙上冲", "每逢落雨就入水").
    r"|一(?:下|落)(?:大)?雨就|每逢(?:下|落)(?:大)?雨|每次(?:下|落)(?:大)?雨"
    # Whenever the water is turned on: "花洒驳口一开水就射水出嚟" (still spraying after it is shut is now: _NOW).
    r"|一开(?:水|水喉|水掣|花洒|龙头|热水)就"
    # Whenever someone showers: "洗个澡水就漫到脚踝" (a slow floor drain).
    r"|(?:一|每次)(?:洗|冲)(?:个)?(?:澡|凉)就|(?:洗|冲)个(?:澡|凉)水就"
    # After a shower, the water not draining away ("浴缸去水位塞咗 沖完涼啲水浸到腳眼").
    r"|(?:洗|冲)完(?:个)?(?:澡|凉)(?:啲|的|嘅)?水"
    # Once and over: "sparked once when I plugged the heater in, then nothing"; a smell asked about as a test's.
    # Out in the end, the doors opened after a while, help came and said it was nothing ("消防嚟過話冇事").
    r"|(?<![a-z])(?:got|get|were|was|we're|i'm) (?:all )?out (?:eventually|in the end|after|finally)(?![a-z])"
    r"|(?<![a-z])doors? (?:finally |eventually )?opened (?:after|by (?:itself|themselves)|on (?:its|their) own)"
    r"|(?:消防|师傅|技工|保安)[^,.!?。!?]{0,4}(?:嚟|来)过[^,.!?。!?]{0,4}(?:话|说|讲)(?:系|是)?(?:冇事|没事|没有?问题|冇问题)"
    r"|(?<![a-z])(?:sparked|smoked|flashed|crackled) once[^.!?]{0,40}(?:then nothing|and (?:then )?(?:stopped|nothing))"
    r"|(?<![a-z])(?:was|is) (?:that|it|this) (?:the |a |just |just the )?(?:[\w-]+ ){0,2}(?:test|drill)(?:ing)?"
    r"(?![a-z])"
    r"(?![^\n]*(?<![a-z])(?:now|still|again|getting)(?![a-z]))"
    r"|(?<![a-z])(?:whenever|every time|each time) it rains"
    r"|嗰晚|那晚|嗰阵(?!味|烟|气)|那阵(?!味|烟|气|子)|那时|嗰单嘢|新闻|报道|报导|惊系|怕系|虚惊一场|假警报|假火警"
    # Feared for some day: "驚遲早會起火" (not "担心会爆炸" beside a gas smell now).
    r"|迟早|有朝一日|有(?:一)?日(?!日)|哪天|某天|有一天|(?<![a-z])sooner or later(?![a-z])"
    r"|(?:惊|怕|担心)[^,.!?。!?]{0,8}又(?:要|会)"
    # In case of: "如遇火警時之疏散安排", "一旦水浸".
    r"|如遇|若遇|一旦"
    # Told in a chat group or by someone else: "有人在群里发视频说8号楼水管爆了".
    r"|(?:群|网)(?:里|上|入面)[^,.!?。!?]{0,8}(?:说|讲|话|发)|有人(?:说|讲|话|发视频)"
    # Over now: "而家開返冇事", "后来再开关就正常了", "现在好了，不用叫救护车了".
    r"|(?:而家|现在|依家)[^,.!?。!?]{0,4}(?:冇事|没事|好(?:返|了|咗))|恢复正常|(?:就|又|都)正常(?:了|返)|正常返"
    r"|(?:不用|唔使|唔驶)叫(?:救护车|白车)"
    # A rumour asked about: "群里有人说8号楼着火了，真的假的？".
    r"|真的假的|真定假|系咪真(?:㗎|嘅|架)|是真的吗"
    r"|(?<![a-z])(?:rumou?rs?|heard (?:that|a|there|the)|is (?:that|it|this) true"
    r"|(?:people|they|everyone|neighbou?rs|some(?:one|body)) (?:are|were|is|was|keeps?) saying|word is)(?![a-z])"
    r"|唔知真唔真|不知道?真不真|不知道?是不是真的|唔知系咪真"
    # The week or month of a burst or a flood: "爆喉嗰个礼拜的水费", "台风淹水那个月的管理费", "the water charges for
    # the week of the burst pipe". ("嗰个" and "那个" are fillers to the rules: "爆喉礼拜" is what they read of
    # "爆喉嗰个礼拜".)
    r"|(?:爆喉|爆管|水浸|淹水|火警|停电|困䢂|困电梯)(?:(?:嗰|那)(?:个|只|几|两|三)?(?:礼拜|星期|周|晚|日|天|阵|月)|礼拜|星期|月(?!台)"
    r"|几(?:天|日))"
    r"|(?<![a-z])(?:week|day|night|month) of the (?:[\w-]+ ){0,2}(?:burst|flood\w*|fire|leak|typhoon|storm)"
    # Once and not again: "sparked once ... hasn't happened again", "之后冇再出现".
    r"|(?<![a-z])(?:hasn'?t|has not|haven'?t|didn'?t|never) (?:happened|done it|sparked|smoked) again(?![a-z])"
    r"|(?:之后|后来)?(?:冇|没有?)再(?:出现|发生|试过)"
    # Out in the end by themselves: "最后是我自己打119出来的".
    r"|(?:最后|后来|最终)[^,.!?。!?]{0,12}(?:出来|出嚟)(?:的|咗|了|嘅)"
    # "最后是我们自己打的119": told as what was done in the end.
    r"|(?:最后|到最后|最终)(?:都|还)?(?:是|系)(?:我们|我哋|我|自己|消防|保安|邻居)[^,.!?。!?]{0,10}(?:的|嘅)"
    # A neighbour who will not own the damage ("楼上爆管把我家泡了 他现在一推二五六"): a dispute, after the water.
    r"|(?:唔肯|不肯|不愿意?|唔愿意?)(?:认|承认|赔|负责|认数|认账)|一推二五六|推卸责任|推得一干二净|唔认数|不认账|不承认"
    r"|(?<![a-z])(?:won'?t|refus\w* to|will not) (?:admit|pay for|own up|take responsibility)(?![a-z])"
    # What was underwater ("mats curling after being underwater"); an incident as a matter to discuss ("法團幾時開會講
    # 水浸同火燭嘅事"); told that it is none of the office's business ("水浸唔關你哋事").
    r"|(?<![a-z])after (?:being|getting|it was|they were|it got|they got) (?:underwater|under water|flooded|submerged"
    r"|soaked)(?![a-z])"
    r"|(?:水浸|火烛|火警|火灾|爆喉|爆管|停电|淹水)[^,.!?。!?]{0,6}(?:嘅|的)事(?!情发生)|(?:唔|不)关(?:你哋|你们|我哋|我们)(?:的)?事"
    # After the repair: "电梯井进水修好以后 电梯一开就有异响".
    r"|(?:修|整)好(?:了|咗)?(?:以后|之后|后(?!面|边|便|门|楼|座|巷|尾))"
    # Feared: "怕她晕倒没人知道", "I'm worried the crack ... will fall down one day".
    r"|(?:担心|怕)(?![到得])[^,.!?。!?]{0,12}(?:没人知|冇人知)"
    r"|(?<![a-z])worried (?:that |the |it |my |our |this )[^.!?]{0,60}(?:will|would|might|could|one day)(?![a-z])"
    # The handling told afterwards: "security ignored my report of the smell of gas", "no apology".
    r"|(?<![a-z])(?:ignored|dismissed) (?:my|our|the) (?:report|call|complaint|message)s?|no apology(?![a-z])"
    r"|(?:冇|没有?)(?:人)?(?:一句)?道歉"
    r"|(?<![a-z])(?:has|have|had) dried(?![a-z])"
    # A fire bell tested, announced or not: "今日试火警钟", "火警钟测试".
    r"|试(?:紧|下|吓)?(?:消防|火警|警钟|钟|烟感|警报)|火警钟?测试|(?:系咪|是不是|是否|是唔是)(?:在|喺度)?(?:试|测试|演习)"
    # An alarm that rang and stopped by itself ("火警钟响咗两分钟又停咗").
    r"|响(?:咗|了)[^,.!?。!?]{0,8}(?:又|就|自己)停"
    # A repair finished: "修完爆管，地上全是泥" (not "修完未", finished yet?).
    r"|(?:修|整|维修|抢修)完(?!未|冇|没|再)"
    # After an incident: "淹水后的淤泥", "水浸完之后", and the report on it.
    r"|(?:淹水|水浸|火灾|火警|爆喉|爆管)完?(?:后|之后|过后|以后)|事故报告|上回|误报|搞错(?:咗|了)"
    # After the burst or the flood ("水管爆了之后", "水淹之后"); weeks gone by ("都快两个星期了"); feared to happen
    # again.
    r"|(?:爆|裂|淹|浸|烧|着火|泡(?:过)?水)(?:咗|了|完)?(?:之后|以后|过后|后(?!面|边|便|门|楼梯|座|巷|尾))"
    r"|(?:都|已经|快)(?:快|有)?(?:一|两|三|四|五|六|几|\d{1,2})(?:个)?(?:星期|礼拜|周|个月|月|年)(?:了|喇|啦|咯)"
    r"|(?:惊|怕|担心)(?:会)?又"
    # During or after an emergency repair (but "请派人抢修" asks for one now).
    r"|抢修[^,.!?。!?]{0,8}(?:的时候|时|嗰阵|之后|以后)|(?:煤气|燃气)公司[^,.!?。!?]{0,4}(?:查|测|检查|睇|看)过"
    # Checked, and no leak found: "燃气公司上门查了说没漏".
    r"|(?:查|检查|测|睇|看|check)(?:过|了|咗|完)[^,.!?。!?]{0,4}(?:说|话|讲)(?:系|是)?(?:没|冇|无)(?:漏|事|问题)"
    r"|(?<!有)(?:冇|没)事(?:喇|啦|了|嘅|的|没事|冇事)|已经[^,.!?。!?]{0,4}(?:冇|没)(?:事|味)"
    # Whose job it is, or taught for the future: "燃气泄漏属于谁管", "学校教困𨋢唔好撬门".
    r"|(?:属于|归)[^,.!?。!?]{0,10}(?:管|负责)|(?:学校|老师)教|想教|(?:嘅|的)时候(?:应该|应当|要点|点做|怎么办|怎么做)"
    # A notice of planned works: "停水通知说明天因为爆管维修要停水".
    r"|通知(?:说|话|讲|写)"
    # Over, or called off: the one who reported it says so.
    r"|已经?出(?:咗|了)(?:嚟|来)|(?:而家|现在|依家)出(?:咗|了)(?:嚟|来)|水(?:已经)?停(?:咗|了)"
    r"|(?:已经|已)(?:救|放|拉)(?:咗|了)?(?:佢|他|她|佢哋|他们|人)?出(?:嚟|来)|已经关(?:咗|了)|(?:现在|而家|依家)(?:冇|没)(?:味|事)(?:了|喇|啦)?"
    # Resolved ("困人的事已经解决了"), or the smell gone ("关了阀门开窗后现在已经闻不到了").
    r"|解决(?:咗|了|好)|(?:已经|现在|而家|依家)[^,.!?。!?]{0,3}(?:闻不到|闻唔到|嗅唔到|嗅不到)"
    r"|唔(?:使|驶)再?(?:上嚟|嚟|派人)|不用再?(?:来|派人|过来)"
    # The smell gone, or fixed: "燃气味没了 师傅弄好了", "煤气味 开窗后散了" (not "煤气味好大 电都没了").
    r"|(?:气?味|烟)[^,.!?。!?电水灯人]{0,10}(?:冇|没|散)(?:咗|了|晒)(?!电|水|人|灯)|已经?弄好|弄好(?:了|咗)"
    # The water stopped: no longer leaking, or the main valve shut ("已经关总阀 现在不漏了", not "点关总掣?");
    # still spraying or leaking after it is happening now (_NOW).
    r"|(?:不|唔|冇|没)(?:再)?漏(?:水|气)?(?:了|喇|啦)|(?:冇|没|没有|不)再(?:射|喷|标|呲|漏)|(?:已经?关|关(?:咗|了|掉|埋|好))(?:咗|了)?总(?:阀|掣|闸|制|水阀|水掣)"
    # The water valve shut ("已经闩咗水掣"; not 闩总掣, the main switch, which does not end a gas smell or sparks).
    r"|(?:已经?(?:闩|关)|(?:闩|关)(?:咗|了|掉|埋|好))(?:咗|了)?水(?:掣|阀|制)(?!\s?(?:都|也|仍|仲|还|但))"
    # A ticket closed as done: a complaint about handling, whatever is still wrong ("the burst pipe ticket marked
    # done but the ceiling board still broken", "张单写咗已完成").
    r"|(?<![a-z])(?:ticket|job|work order|case|report|request)s?(?: [\w-]+){0,4} (?:was |got |has been |is )?"
    r"(?:marked|closed|shown)"
    r" (?:as )?(?:done|complete\w*|closed|fixed|resolved|finished)(?![a-z])"
    r"|(?:单|工单)[^,.!?。!?]{0,6}(?:写|显示|标)(?:咗|了|住|着)?(?:已经?)?(?:完成|完工|搞掂)"
    # Handling asked for ("请即时派员处理", "尽快处理") is not the story of how it was handled.
    r"|跟进|(?<!请)(?<!派员)(?<!派人)(?<!即时)(?<!立即)(?<!即刻)(?<!马上)(?<!尽快)(?<!紧急)(?<!嚟)(?<!来)(?<!匠)(?<!师傅)(?<!不太会)(?<!时间)(?<!部)(?<!安排)处理"
    r"|测试|试钟|救咗|救了|救出咗|救出(?:嚟|来)|放(?:咗|了)出(?:嚟|来)"
    r"|(?<![a-z])(?:last (?:week|month|year|time|night|weekend|wk|wks|mth|yr|nite)"
    r"|yesterday|yday|ystd|ytdy|ytd|yest"
    # "the night the pipe burst": a clause about the past; the fee for a call-out.
    r"|(?:the|that) (?:night|day|time|morning|evening|week|weekend) (?:the|our|my|his|her) (?:[\w-]+ ){0,3}"
    r"(?:burst|flooded|caught fire|broke down|got stuck)|(?:call-?out|callout|emergency) (?:fee|charge)s?"
    # (Not "after the power came back", when what follows happens now; round 118.)
    r"|previous|earlier"
    # (Nor "going after the kids", "looking after the kids": wasps chasing, a helper minding.)
    # (Nor stuck "inside after the lion dance": what follows the event happens now, round 123.)
    r"|(?<!going )(?<!went )(?<!coming )(?<!came )(?<!running )(?<!ran )(?<!looking )(?<!look )(?<!inside )(?<!stuck )"
    r"after the(?! (?:power|electricity|supply|water) (?:came|comes|come|was|is|has been) (?:back|on|restored))"
    r"|before the flood(?:ing|s)?(?![a-z])|false[- ]?trigger\w*|turns out|false alarm"
    # "the sparking lamp post near the clubhouse, was that ever sorted?" (round 119).
    r"|(?:was|were|has|have) (?:that|it|this|they) ever (?:been )?(?:sorted|fixed|repaired|resolved|looked at)"
    r"|(?:days?|weeks?|months?|years?) ago"
    # A day's storm, and what it left: "flooded in Saturday's rainstorm. Is anyone going to clean up the mud?".
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day's|clean(?:ed|ing)? up (?:the |all the )?(?:mud|mess|debris|silt)"
    # The smell gone ("they've finished now and it's gone").
    # (Not "the wall round it has gone black".)
    r"|(?:it'?s|it has|smell(?:'s| is| has)?) (?:all |finally |now )?(?:gone|cleared|went away)(?![a-z])"
    r"(?! (?:black|dark|brown|yellow|grey|gray|soft|mouldy|moldy|wet|hot|dead|crazy|off)(?![a-z]))"
    r"|(?<![a-z])(?:has|have|'s|is) (?:finally|now) (?:gone|cleared)(?![a-z])"
    r"|in the (?:[\w-]+ )?(?:typhoon|rainstorm|storm)|(?:since|during|(?:on )?the day of) the (?:[\w-]+ ){0,2}"
    r"(?:flood\w*|fire|typhoon|rainstorm|storm|leak|burst pipe)"
    # What a past flood left or cost: "is that from the flood?", "the receipts from the basement flooding"; a burst
    # pipe that "is fixed" (round 115).
    r"|(?<![a-z])(?:is|was) (?:that|this|it) (?:from|because of|caused by|due to) the (?:last |big |recent )?"
    r"(?:flood\w*|fire|burst pipe)(?![a-z])"
    r"|(?<![a-z])receipts?(?![a-z])|(?<![a-z])(?:is|are|'s|got|been) (?:all |now |finally )?fixed(?![a-z])(?! yet)"
    r"|what happened"
    r"|last (?:winter|summer|spring|autumn)|got out (?:ok|okay|fine|safely|already)"
    # Left by an incident: "rusted shut from the flood"; its cause asked ("what caused the ceiling to collapse?");
    # "after it collapsed".
    r"|(?<![a-z])(?:rusted|damaged|ruined|stained|warped|broken)(?: [\w-]+){0,2} from the "
    r"(?:[\w-]+ ){0,2}(?:flood\w*|fire|leak|burst|typhoon|storm)(?![a-z])"
    r"|(?<![a-z])(?:what|who) (?:actually |exactly |really )?caused(?![a-z])|(?<![a-z])the cause of(?![a-z])"
    r"|(?<![a-z])after (?:it|they|that) (?:collapsed|flooded|burst|caught fire|came down|fell)(?![a-z])"
    # What a place used to do: "the car park used to flood when it rained heavily".
    r"|(?<![a-z])used to (?:flood\w*|leak\w*|burst|catch fire|get stuck|spark|smoke)(?![a-z])"
    # Harmed in an incident, and what it left: "mine melted in the fire", "got wet in the flood", "soot from the
    # fire", "mould from the burst pipe", the incident report promised.
    r"|(?<![a-z])(?:melted|burnt|burned|ruined|damaged|destroyed|wet|soaked|washed (?:off|away)|lost|broke|broken"
    r"|warped|rusted) in the (?:[\w-]+ )?(?:fire|flood|blaze|blackout|power cut|outage)(?![a-z-])"
    r"|(?<![a-z])(?:soot|mou?ld|stains?|marks?|mud|silt|debris|rust|residue)(?: [\w-]+){0,5} from the (?:[\w-]+ ){0,2}"
    r"(?:burst|flood\w*|fire|leak|typhoon|storm)(?![a-z])"
    r"|(?<![a-z])(?:incident|investigation|written|engineer'?s|engineering) report(?![a-z])"
    r"|(?<![a-z])report on the (?:[\w-]+ ){0,2}(?:collapse|fire|flood\w*|leak|burst|incident|accident)(?![a-z])"
    # Told as over: "there was a fire in the rubbish room", "had water from
    # upstairs", "now dry", "3 weeks since", "since part of the ceiling fell", "still shaken from being stuck", "was
    # that a test", "twice this month", "what was the cause", thanks for help already given.
    r"|there (?:was|were|had been) (?:a |an |some )?(?:[\w-]+ )?(?:fire|flood\w*|gas leak|leak|burst|explosion|smoke"
    r"|gas smell|smell of gas|burning smell)|(?:fixed|sorted|repaired) now"
    # The incident as a topic: "a meeting about the fire", "wasn't there before the fire", "next to the fire flat".
    r"|(?<![a-z])(?:about|before|regarding) the (?:[\w-]+ )?(?:fire|flood|blackout|power cut|leak|burst pipe)(?![a-z])"
    r"|(?<![a-z])the (?:fire|flood\w*|burnt|burned) (?:flat|unit|floor|household)(?![a-z])"
    # Where it was, and what it costs now: "the fire was in Tower 6", "a 'fire incident cost recovery' item"
    # (round 114).
    r"|(?<![a-z])the (?:fire|flood|blaze|leak|burst) was (?:in|at|on) "
    r"(?:tower|block|building|another|a different|the other|\d)"
    r"|(?<![a-z])(?:fire|flood|leak) (?:incident )?(?:cost|costs|recovery|levy|surcharge)(?![a-z])"
    r"|(?:we|i|our (?:unit|flat)) had (?:water|a flood|a leak|a fire|a burst)|now dry|dry now"
    r"|dried (?:up|out)|been (?:[\w-]+ ){0,2}(?:days|weeks|months|years) since"
    # Weeks on; who is to pay; the guards who stood and watched; nothing left of it now ("now no smell").
    r"|(?:days|weeks|months|years) on|who(?:'s| is| will| would)? (?:going to |gonna )?pay(?:ing)?"
    r"|(?:flood|fire|typhoon|storm)-(?:affected|hit|damaged|related)"
    r"|(?:stood|standing|were|was) (?:there |around |at [\w ]{1,20})?(?:just )?watching"
    r"|(?:now|already)(?: already)? (?:no|not) (?:more )?(?:smell\w*|smoke|gas|leak\w*|sparks?|water|problem)"
    # Out of the lift and told after ("was stuck … got out when it moved again", "someone trapped, already got out");
    # water gone down; a fee asked to be cut for the days of an incident.
    r"|(?:i|we|he|she|they|my \w+) (?:was|were) stuck|got out when|already got out"
    r"|already (?:gone down|receded|dried|stopped)"
    r"|(?:fee|invoice|charge|bill|rent)s?[^.!?]{0,40}(?:be )?(?:reduced|waived|refunded|discounted)"
    r"|(?:because of|due to) the (?:[\w-]+ ){0,2}(?:fire|flood|blackout|outage|power cut)"
    r"|since (?:the |part of the |a |our |my )?[\w ]{0,25}(?:fell|came down|collapsed|burst|flooded|caught fire"
    r"|broke down"
    r"|got stuck)|from being (?:stuck|trapped)|still (?:shaken|upset|traumati[sz]ed)"
    r"|(?:was|is) (?:that|it|this) a (?:test|drill|false alarm)|(?:twice|three times|several times|\d+ times)"
    r" (?:this|last|a) (?:week|month|year)|what (?:was|is) the cause|what caused"
    r"|thank(?:s|\s?you|\s?u)(?: so much| very much)? for"
    r"|(?:bill|invoice|quotation|receipt)s?(?: [\w']+){0,4} for the (?:[\w-]+ ){0,2}(?:burst|flood|fire|leak)"
    # Over, told later, or about a notice, a video, thanks: "fixed the burst pipe in 15C but left", "posted a video of
    # sparks", "the notice about the gas leak", "want to thank the plumbers", "credit where due", "the time my grandpa
    # fainted", "just got out", "stopped sparking", "took 3 days to fix", "probably just dust", "should I worry about
    # fire", "notice said test", "I'm out", "damaged my bicycle".
    r"|(?:fixed|repaired|replaced) the (?:[\w-]+ ){0,2}(?:burst|leak|flood|sparking|smoking)"
    r"|posted (?:a )?(?:video|photo|pic)|on (?:facebook|whatsapp|instagram|wechat)|is that old"
    r"|(?:everything|all|it) (?:looks|seems|is) (?:normal|fine|ok|okay) now"
    r"|(?:the |your )?notice (?:about|on|for|of|regarding|said)|(?:want|wanted|like) to thank|thank (?:the|your|all)"
    r"|thank you (?:to|so much to)"
    r"|credit where|kudos|shout ?out|who came (?:about|for|to fix)|the time (?:my|our|his|her|the|when|i|we|she|he)"
    r"|just got (?:out|him out|her out|them out)|arrived in time|(?<![a-z])i'?m out(?![a-z])"
    r"|stopped (?:sparking|smoking|burning|leaking|spraying|hissing|flooding)"
    r"|took (?:[\w-]+ ){1,2}(?:days|weeks|months) to|probably (?:just )?(?:dust|steam)"
    # (A person "fine otherwise" is no incident's end: "a little gas smell … she's fine otherwise", round 121.)
    r"|(?<!she's )(?<!he's )(?<!she is )(?<!he is )fine otherwise"
    r"|(?<!nothing to )worr(?:y|ied) about|damaged my|pay for a new"
    r"|(?:in|during) the last (?:one|typhoon|storm|rainstorm)"
    r"|will (?:flood|burst|catch fire)(?: again)?"
    r"|told me (?:that )?(?:somebody|someone|a \w+) (?:fainted|collapsed|was|got)"
    r"|(?:said|says?) (?:[\w']+ ){0,3}(?:is |was |are |were )?(?:fine|ok|okay|safe|normal)"
    # Checked already: "guard say already check and ok".
    r"|already check(?:ed)?(?: it)? (?:and|,) (?:it'?s |is )?(?:ok|okay|fine|safe|no problem)"
    # Checked and cleared by whoever came: "Towngas came and said no leak".
    r"|said (?:there (?:is|was|'s) )?no (?:leak|gas|smoke|fire|danger|problem)"
    r"|(?<!same lift )(?<!same one )(?:that|which) trapped|repair (?:fee|bill|cost)s?|teach|taught|(?:on|in) the news"
    r"|news (?:said|says|reported)"
    # "he is awake now ... no need ambulance", "lift door open now by itself", "please ignore my message before".
    r"|no need (?:for )?(?:an? )?ambulance(?!\s?\?)|(?:is|are) (?:awake|conscious) now"
    # Normal again now: "我已經叫咗自己電工換咗 而家正常".
    r"|(?:而家|现在|依家)(?:已经)?(?:正常|恢复正常|好返|ok)(?:咗|了|喇|啦)?(?![^。!?]*(?:但|不过|可是|又))"
    # A fire put out: "I put off myself already".
    r"|(?<![a-z])(?:i|we|he|she|they|guard|security|my \w+) (?:already )?put (?:it |the fire )?off(?![a-z])"
    r"|(?<![a-z])put (?:it |the fire )?out (?:myself|ourselves|already)(?![a-z])"
    r"|doors? (?:is |are )?open(?:ed)? (?:now )?by (?:itself|themselves)"
    r"|ignore (?:my|the) (?:last |previous |earlier )?(?:message|msg)s?"
    r"|(?:^|[.!?] )(?:is|are|will) [^.!?]{0,40}going to (?:flood|burst|catch fire)"
    r"|anything serious|was fixed|been fixed|false alarm|already (?:fixed|repaired)|fixed (?:already|but)"
    r"|(?:was|were|is|turned out) (?:a )?false(?![a-z-])|just in case"
    r"|(?:right|correct|which|what) (?:number|hotline|line|phone)s? (?:to|for) (?:call|report|ring)"
    r"|last (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"(?![a-z])|re the|in (?:january|february|march"
    r"|april|may|june|july|august|september|october|november|december)"
    r"|drill|compensat\w*|insurance|insurers?|claims?|handled|handling|follow(?:ing|ed)?[- ]up"
    # Round 110: taken back and over ("THE WHOLE KITCHEN IS FLOODED!!!! well ok not really … I mopped it up").
    r"|(?<![a-z])(?:well,? )?ok(?:ay)?,? not really(?![a-z])"
    r"|(?<![a-z])(?:mopped|wiped) (?:it |them |that |everything )?up"
    r"(?![a-z])"
    # Round 108: trapped, told by who was ("I was trapped in the lift for half an hour and … laughed"); flooded again
    # and counted ("has flooded for the second time this year"); losses from it; a date ("on 4 August").
    r"|(?<![a-z])(?:i|we|he|she|they|my \w+) (?:was|were) trapped(?![a-z])"
    r"(?![^.!?]*(?<![a-z])(?:still|now|again|help|hurry)(?![a-z]))"
    r"|(?<![a-z])(?:has|have|had) (?:flooded|burst|leaked|caught fire|collapsed) (?:for the \w+ time|\w+ times)"
    r"|(?<![a-z])loss(?:es)? (?:from|in|during|caused by) the(?![a-z])"
    r"|(?<![a-z])on (?:the )?\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*(?![a-z])"
    r"|(?<![a-z])on (?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{1,2}(?![0-9])"
    r"|(?:alarm|lift|fire|gas) test\w*"
    r"|(?:luckily|fortunately|thankfully) (?:no ?one|nobody) (?:was |got )?(?:hurt|injured)"
    # A place left dirty ("dirty water everywhere, clearly not cleaned for days"); a slow drip.
    r"|(?<![a-z])(?:not|never|hasn'?t been|haven'?t been) (?:been )?cleaned(?![a-z])|(?<![a-z])slow drips?(?![a-z])"
    # "buti ok si baby" (luckily the baby is fine): told after the scare.
    r"|(?:luckily|fortunately|thankfully)(?: [\w']+){0,3} (?:ok|okay|fine|safe|unhurt|not hurt)(?![a-z])"
    # Asked of what was seen: "was there a fire just now? I saw a fire engine downstairs".
    r"|(?<![a-z])was there (?:a |an |any )?(?:[\w-]+ )?(?:fire|flood|gas leak|explosion)(?![a-z])"
    r"|(?<![a-z])(?:i|we) saw (?:the |a |two |some |many |lots of )?(?:fire ?(?:engines?|trucks?)|firem[ae]n"
    r"|ambulances?|police)(?![a-z])"
    # Out of it now: "she is out now but very upset".
    r"|(?:she|he|they|we|i|ma'?am|sir|grandma|grandpa)(?:'s|'re|'m| is| are| am) (?:out|safe|fine|ok|okay) now"
    # Put out already, only a test, no apology for it, the soot it left, whether it is safe yet, unrelated to it, a
    # check asked for peace of mind.
    r"|already put (?:it |the fire )?out|put (?:it |the fire )?out already|just a (?:test|drill)"
    r"|not (?:one|a single|even an?) (?:apology|sorry)"
    # Each time the washing runs ("every time washing floor flood a little"); what the flood left in a stairwell.
    r"|(?:every time|each time|whenever) (?:i |we |she |he |they |the \w+ )?(?:wash\w*|shower\w*|laundry|flush\w*)"
    r"|(?:junk|rubbish|garbage|trash|cardboard|boxes|furniture|stuff|belongings|carpets?|rugs?) from the (?:[\w-]+ )?"
    r"(?:flood\w*|typhoon|storm|fire)"
    r"|soot(?:-| )?(?:stain\w*|mark\w*|on the walls?)|smoke[- ](?:stain\w*|damage\w*)"
    r"|blackened (?:walls?|ceilings?|stair\w*)"
    r"|safe (?:to [\w ]{1,40} )?yet|nothing to do with|not related to|unrelated to|peace of mind"
    r"|for (?:nothing|no reason)"
    r"|rescu\w*|turned out|(?:all )?(?:fine|ok|good|gone) now|went away|the other day|days ago|in (?:19|20)\d\d"
    r"|(?:has|have|was|were|been|got) (?:been )?(?:fixed|repaired|sorted)"
    r"|now (?:already )?(?:fine|ok|okay|normal|all right|safe)"
    r"|(?:someone|somebody|they|you|the \w+) (?:fixed|repaired|sorted) it|(?:running|working) (?:again|now|normally)"
    r"|back (?:in service|to normal)|sorry (?:for|about) (?:calling|the (?:call|trouble|fuss|alarm)|bothering)"
    r"|damages?|who pays|will (?:it|the|there|my|our|this)"
    r"|no need to (?:send|come)|(?:you can )?cancel (?:the|my) (?:call|request|report)|(?:all )?cleared (?:now|up)"
    r"|charged (?:for|me)|levy|demand note|likely to flood|flood(?:ing)? risk"
    r"|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:wasn't|weren't|was not|were not) (?:stuck|trapped|hurt)"
    r"|(?:it'?s|it has) been (?:a |an |\w+ )(?:days?|weeks?|months?|years?) since|there'?d been|there had been"
    r"|(?:quiet|calm|dry|cooled down) now|(?:it'?s|it is|fire(?:'s| is)|flames? (?:are|is)) (?:out|stopped) now"
    r"|(?:electrician|technician|he|she|they) reset (?:it|the \w+)|(?:cordoned|taped|fenced) off"
    r"|(?:was|were|been|got) (?:taken|sent|rushed) to (?:the )?hospital|(?:went|gone) to (?:the )?hospital"
    r"|(?:already|now) (?:in|at) (?:the )?hospital|how the (?:fire|flood|blaze) started"
    # How someone is since: "那个在楼梯晕倒的大爷后来咋样了".
    r"|后来(?:咋样|怎么样|怎样|点样|点呀|如何|好返未|好了没)"
    r"|earlier today|(?:been |was |were )?cleaned (?:out|up)"
    # Stopped already, as helpers write it ("the flood in the corridor stop already").
    r"|(?:flood\w*|water|leak\w*|spraying|burst) [^.!?]{0,20}(?<![a-z])(?:stop|stopped) already(?![a-z])"
    r"|(?:whatsapp|wechat|group|chat)[^.!?]{0,20}(?:says?|said)"
    r"|(?:群里|群入面|群组|业主群|微信群|街坊群|group入面|group度)[^,.!?。!?]{0,4}(?:说|讲|话|传|发)"
    # A fee asked about after the flood: "车库淹了 我的月卡停车费能不能顺延一个月".
    r"|(?:停车费|管理费|月卡|车位费|泊车费|月票)[^,.!?。!?]{0,8}(?:顺延|减免|免收|豁免|退(?:返|还|款)?|还收|收唔收|收不收|照收)"
    r"|(?:塌|冧)(?:了|咗)(?:那|嗰)(?:家|户|间|个)|送(?:咗|了)(?:去)?医院|已经?送(?:去)?医院"
    # The aftermath ("after the flood", "since the car park flooded", "淹完水第二天", "爆喉之後", "冧咗之後"); a yearly
    # flood.
    r"|(?:after|since|during) the (?:[\w-]+ )?(?:flood|fire|blackout|burst)(?![a-z])"
    r"|(?:scorched|burnt|burned|blackened|damaged|melted|soaked|ruined) (?:\w+ )?(?:from|by|in) the (?:fire|flood)"
    r"(?![a-z])"
    r"|last christmas"
    # What a flood left behind: "mud from the flood", "soaked in the flood", "hit by debris in the flood".
    r"|(?:mud|debris|damage|mess|stains?|silt) from the flood|(?:soaked|damaged|ruined|hit|wrecked|destroyed|broken"
    r"|washed (?:off|away)|swept away|wiped out)"
    r"[^.!?]{0,30} (?:in|by) the (?:[\w-]+ )?flood(?![a-z])|(?:been|was|were) (?:pumped|drained) out"
    r"|(?:after|since) (?:the |our |upstairs |next door )?(?:[\w-]+ ){0,2}(?:flooded|burst|caught fire)"
    r"|(?:fire|smoke|gas) scare"
    r"|(?:淹|浸)完(?:水)?|(?:淹|浸|爆喉|爆管|水浸|冧|塌)(?:完|过|咗|了)?(?:水)?(?:之后|以后)"
    r"|自从[^,.!?。!?]{0,8}(?:淹|浸|爆|冧|塌|进|入)(?:过|咗|了)|每年(?:雨季|夏天|打风|落大雨|下大雨)|每逢(?:落|下)大雨"
    # "when she fainted", "when we were stuck": a clause about the past.
    r"|when (?:she|he|i|we|they|it|my \w+|the \w+|grandma|grandpa|madam|ma'?am|sir)"
    r" (?:was|were|fainted|collapsed|got|had|fell|burst|flooded))(?![a-z])"
    # A question about what to do if it ever happens.
    rf"|如果|假如|万一|(?<![a-z]){_DOUBT}"
    rf"(?:if there(?:'?s| is)|if{_POLITE_IF} (?:i|we|someone|somebody|anyone|it|real|they(?:'re| are)? ever"
    r"|you (?:see|smell|hear|notice|find))"
    r"|what (?:should|do|does|can) (?:[\w']+ ){1,3}do if|in case of"
    r"|what to do if)(?![a-z])"
    # What one should do, asked of a danger that is not said to be happening ("被困电梯里应该怎么办", not "困咗喺𨋢
    # 应该点算", someone inside now).
    r"|(?:被困|困在|困喺|着火|火警|水浸|煤气味|漏气)[^,.!?。!?了咗]{0,6}(?:应该|应当|该)(?:怎么办|怎么做|怎样做|如何处理|点做|点算)"
    # Asked of the time such a thing happens ("电梯困人的时候，物业多久能到").
    r"|(?:困人|被困|着火|火警|水浸|煤气味|漏气)(?:的|嘅)(?:时候|时)[^。!?]{0,12}(?:多久|几耐|几时|点样|怎么|怎样|会唔会|会不会)"
    # The valve shut and the water stopped, in the order it happened ("我把总阀关了 关了以后就不呲了").
    # (Not asked for: "你们能不能先把总阀关了", round 125.)
    r"|(?<!能不能先)(?<!能不能)(?<!可唔可以先)(?<!可唔可以)(?<!可不可以先)(?<!可不可以)(?<!帮我)(?<!请)(?<!先)"
    r"(?<!先把)(?<!能不能把)(?<!可唔可以把)(?<!可不可以把)(?<!帮我把)(?<!请把)把?总(?:阀|水阀|水掣)(?:已经)?(?:关|闩)(?:咗|了|掉|埋|好|上)(?!\s?(?:都|也|仍|仲|还|但))"
    r"|(?:关|闩)(?:咗|了)(?:以后|之后|后)就?(?:不|唔|冇|没)(?:再)?(?:喷|呲|滋|漏|射|标|流)(?:了|喇|啦)?"
    # A smell gone once the thing was switched off ("抽油煙機個摩打有陣燶味，閂咗之後就冇").
    r"|(?:关|闩)(?:咗|了|埋)(?:以后|之后|后)就(?:冇|没有?)(?:咗|了|晒|味)?(?=$|[,.!?。!?\s])"
)
# (Charging as usual after an incident, "淹成那样了还照收停车费", is a grievance.)
_COMPLAINT = compile_led(
    r"(?<![a-z])(?:insulting|disgraceful|outrageous|(?:is |was )?not acceptable|unacceptable)(?![a-z])"
    r"|(?:给|俾|畀)(?:我们|我哋|大家|业主|住户)?(?:一个|个)?(?:什么|乜嘢|咩|啥)?(?:交代|说法)|投诉|complain|应变(?:能力)?(?:好|很|太|十分|非常)?(?:差|慢|烂)|照(?:样|常)?收(?:足)?(?:费|钱|足|管理费|停车费)?"
)
# "At once" right after "you" or a time gone by tells how fast help came: "你哋即刻派人嚟", "你哋上个月即刻派人嚟".
_PAST_TIME_WORDS = (
    "上个月", "上个星期", "上个礼拜", "上星期", "上礼拜", "上周", "上次", "嗰次", "那次", "当时", "嗰阵", "那时",
    "之前", "昨天", "昨日", "琴日", "寻日", "昨晚", "琴晚", "前日", "前天", "去年", "上年",
)  # fmt: skip
_AT_ONCE = "(?<!哋)(?<!们)(?<!都)" + "".join(f"(?<!{word})" for word in _PAST_TIME_WORDS) + "(?:即刻|立即|即时)"
# "Sparking again when I walked past last night" tells of the past; "sparking again when the aircon runs" does not.
_NOT_AGAIN_NOW = (
    r"(?! (?:last|yesterday|this morning)| when (?:i|we|he|she|they|my \w+) (?:walked|was|were|came|passed|went))"
)
# A smell that came suddenly as the resident writes ("写到一半 楼道里突然一股很重的煤气味"), not on a day gone by.
_SUDDENLY = "".join(f"(?<!{word})" for word in _PAST_TIME_WORDS) + "突然(?:一股|有股|一阵|闻到|嗅到)"
_NOW = compile_led(
    _SUDDENLY + "|"
    # "快叫人" asks for help now; "很快叫了救护车" tells how fast help came.
    r"紧出|正在|(?<![很好咁挺蛮])(?:快啲|快d|快点|快来|快嚟|快派|快叫)(?![^,.!?。!?]{0,6}(?:检查|睇下|跟进|处理|安排|回复|覆|整|修|换|搞))|救命|请(?:你哋|你们)?(?:即刻|立即)"
    # Not daring to switch on a light or a switch: a gas smell now ("我不敢开灯", "唔敢撳掣").
    r"|(?<!一直)(?<!都)(?<!仲)(?<!还)(?:不敢|唔敢)(?:开灯|着灯|开电|撳掣|按开关|开火|点火)"
    # "马上" asks for help now; "你们马上派人来" after thanks tells how fast it came (as with 即刻 below).
    r"|(?<![们哋])马上|(?:而家|现在|依家)(?:真系|真的|真是)?出(?:咗|了)?事"
    # Once a drill or test is over, or its workers gone, what is smelled or seen is now: "演習完咗但係後樓梯仲有煙",
    # "師傅走咗冇耐成條走廊都係煤氣味", "the drill finished an hour ago and there is still smoke".
    r"|(?:演习|演练|测试|试验|检测|试气|试水)(?:都|已经|早就|早已)?(?:完(?:咗|了|晒|成)|结束|搞掂)"
    r"(?!(?:了|咗)?(?:未|吗|冇|没有?|嘛|呢))"
    r"|(?:师傅|工人|技工|佢哋|他们|她们)(?:都|已经)?走(?:咗|了)(?:冇|没|不)(?:耐|多久|一阵)"
    r"|(?<![a-z])(?:drill|test|testing)(?: is| was| has| had)?(?: been)? (?:over|finished|ended|done)(?![a-z])(?! by)"
    # "快啲嚟" is always a plea, also after a clause ending in 咁 run into it by speech ("上个月都系咁 快啲嚟啦").
    r"|快(?:啲|d|点)(?:嚟|来|派|过来|上来|落嚟|上嚟|过嚟)"
    # In English, what is there and going on as the resident writes: "there's a fire in the refuse room", "I can see
    # smoke", "it's coming down".
    # ("Last week there is a fire", as a helper's Indonesian is glossed, is the past.)
    r"|(?<![a-z])(?<!if )(?<!in case )(?<!when )(?<!last week )(?<!last night )(?<!yesterday )(?<!last month )"
    r"(?:there'?s|there is) (?!no |not )(?:a |an |some )?(?:\w+ )?"
    r"(?:fire|hissing|gas smell|smell of gas|sparks)(?![a-z])"
    r"(?! (?:drill|alarm|door|exit|escape|extinguisher|safety|test|detector|practice))"
    r"|(?<![a-z])(?:i|we) can (?:see|smell) (?:the )?(?:smoke|flames|fire|sparks|gas)(?![a-z])"
    # Round 108: smoke coming out as the resident writes, beside a past fire ("there's smoke coming out of the flat
    # that had the fire last week"); wasps chasing children now, though the nest was removed last month.
    r"|(?<![a-z])(?:there'?s|there is) (?:\w+ )?smoke (?:coming|pouring|billowing|rising|drifting) (?:out|from|up|in)"
    r"|(?<![a-z])(?:they'?re|theyre|they are|it'?s|it is) (?:still )?chasing (?:the |my |our |some |a )?"
    r"(?:kids|children|people|residents|us|me|everyone|everybody)(?![a-z])"
    r"|(?<![a-z])(?:it'?s|is|are|they'?re|(?:ceiling|wall|roof)'s) (?:still )?(?:coming down|caving in|collapsing)"
    r"(?![a-z])"
    r"|(?<![a-z])just (?:dropped|stopped|got stuck|burst|fell down|fell|caught fire|exploded)(?![a-z])"
    # "Fire!!" shouted first; the valve shut and the gas still hissing ("我已经关了总阀还在响"); someone inside the
    # lift calling out ("里面有个外卖小哥在喊").
    r"|^(?:fire|help)\s?!+"
    # The gas turned off and the smell or hiss still there ("I turned off the valve but the smell is still strong").
    r"|(?<![a-z])(?:turned|switched|shut) off (?:the )?(?:gas|valve|main|meter|stove)[^.!?]{0,40}(?:still|keeps?)"
    r"[^.!?]{0,20}(?:smell\w*|hiss\w*|strong|leak\w*)(?![a-z])"
    r"|(?<![a-z])(?:he|she|they|someone|somebody)(?:'s|'re| is| are) (?:still )?bleeding (?:a lot|badly|heavily"
    r"|from (?:his|her|their|the) head)(?![a-z])"
    # The valve will not shut ("水射到成地都係，我閂唔到個掣"); someone barely breathing, an ambulance being called.
    r"|(?:闩|关)(?:唔到|不了|不上|唔埋)(?:个|嘅|总)?(?:水)?(?:掣|阀|制)"
    r"|(?<![a-z])(?:is|are|'s) (?:barely|not|hardly) breathing"
    r"|(?<![a-z])(?:is|am|are|'m) calling (?:an |the )?ambulance"
    r"|(?:关|闩)(?:咗|了|埋|好)?(?:总)?(?:阀|掣|闸|阀门)[^,.!?。!?]{0,4}(?:还|仲|仍然?|依然)(?:在|喺度)?"
    r"(?:响|漏|嘶嘶|有味|好臭|臭)"
    r"|(?:里面|入面|里头)(?:有|仲有|还有)(?:个|人|一个|几个|两个)[^,.!?。!?]{0,8}(?:在|喺度)?(?:喊|叫|拍门|求救|哭)"
    r"(?![^。!?]*(?:出(?:咗|了)?(?:来|嚟)|开(?:咗|了)门))"
    # Something electric smoking or melting as the resident writes: "the socket is SMOKING and black already, it
    # sparked earlier".
    r"|(?<![a-z])(?:socket|plug|switch|wire|wiring|cable|outlet|adapter|meter box|fuse box|motor|charger)s?"
    r"(?: [\w-]+){0,4} (?:is|are)"
    r" (?:still )?(?:smoking|melting|burning|sparking|on fire)(?![a-z])"
    # "send people now", water "already up to my ankle", "has stopped again with my dad inside".
    r"|(?<![a-z])send (?:people|staff|guards?|security|men|the guard) (?:now|asap|quick\w*|right away)(?![a-z])"
    r"|(?<![a-z])(?:already )?up to (?:my |the |our |his |her )?(?:ankles?|knees?|calf|calves|shins?|waist)(?![a-z])"
    r"|(?<![a-z])(?:stopped|stuck|flooding|burst|broken down) again(?= with| and| now| !|!|,|$)"
    r"(?![^.!?]{0,30}(?:yesterday|last|ago|this morning))"
    # Someone to be let out: "can someone come let him out when u get a chance" (he is still inside, however fine).
    r"|(?<![a-z])(?:come|please|pls|plz|someone|somebody|can you|could you)(?: come)?(?: and)? (?:let|get)"
    r" (?:him|her|them|us|me|my \w+) out(?![a-z])"
    # "即刻派人" asks for someone at once; "你哋即刻派人嚟" thanks them for having come.
    rf"|{_AT_ONCE}派"
    # Still leaking, getting stronger, or no drill: "灶已经关了 还在漏气", "味道越来越浓", "this is not a drill".
    r"|在漏气|漏紧气|(?:还|仲)(?:在|喺度)?漏(?:紧)?气|越来越(?:浓|大|重|臭|劲)|越嚟越(?:浓|大|劲|臭)|(?:味|味道)?更(?:大|浓|重|臭|劲)(?:了|咗)"
    r"|(?:还|仲)(?:在|喺度|系)?(?:喷|涌|射|标|漏水|冒水)|(?:喷|涌|射|标)(?:个)?(?:唔停|不停)"
    # Still inside, still strong, or past stopping: "依家仲困喺入面", "阀门关了还是很臭", "总阀也关不住".
    r"|(?:还是|仍然|依然)(?:有|闻到|嗅到)(?:好|很|啲|点|些)?(?:味|气味|味道|煤气味|燃气味|烟)"
    r"|(?:闩|关)(?:咗|了|埋)(?:掣|阀|阀门|总掣|火)(?:都|也)(?:仲|还)(?:听到|闻到|嗅到|有)"
    r"|(?:闩|关)(?:咗|了|埋|掉)(?:还是|仍然|依然|都仲)(?:有|闻到|嗅到)"
    # Worse this time than the time before ("it did this after the last rainstorm as well but this is worse").
    r"|(?<![a-z])this (?:time )?(?:is|one is) (?:much |even |way |a lot )?worse(?![a-z])"
    r"|(?:已经|已)困(?:咗|了)[^,.!?。!?]{0,3}(?:分钟|个钟|粒钟|个小时|好耐|很久)"
    # Flooding as it goes on ("车库又水浸紧"); a fright that asks whether it is a drill ("Is this a drill? There's
    # smoke everywhere").
    r"|水浸紧|(?<!唔)(?<!冇)(?:浸|淹)紧|(?:入|进)紧水|(?<![a-z])is (?:this|it|that) (?:a |just a )?(?:drill|test)\?"
    # Someone who will not wake however often called, or has not woken yet: "排队交费嗰阵晕咗，叫极都唔醒".
    r"|(?<!瞓)(?<!睡)(?:叫|喊|拍|摇)(?:极|咗|了|佢|他|她)?(?:都|也)(?:唔|不)醒|(?:仲|还)(?:未|没|没有)(?:醒|苏醒)"
    r"|(?:仍然|依然|还|仲)(?:困(?!过)|喺入面|在里面)|(?:还是|仍然|依然|仲系|仲)(?:好|很|非常)?(?:臭|浓)"
    r"|总(?:阀|掣|闸)(?:也|都)?(?:关|闩)(?:不住|唔住|唔到|不了)|(?<![a-z])(?:can'?t|cannot) (?:shut|stop|turn) it off"
    r"|(?<![a-z])(?:not a drill|no drill|(?<!or )(?<!or a )(?<!was it a )(?<!is it a )(?<!was it )(?<!is it )"
    r"real (?:smoke|fire)(?![^.!?]{0,12}(?:last|yesterday|ago|week|month)))(?![a-z])"
    # The danger going on now: "carpark flooding now, will my car be ok?" ("lift working now" is over).
    r"|(?<![a-z])(?<!not )(?<!no )(?<!no more )(?<!isn't )(?<!stopped )"
    r"(?:flooding|leaking|burning|pouring|gushing|spraying|smoking|sparking|rising|filling|hissing)"
    r" (?:in |out |up )?(?:right )?now(?![a-z])"
    # The danger back again ("smelling gas AGAIN", "又闻到好大阵煤气味", "the pipe they fixed burst again"), someone
    # sent for now, or the household already out of the flat ("we're outside the flat now", "而家喺走廊等紧").
    r"|(?<![a-z])(?:smell(?:ing|s)? gas|sparking|flooding|spraying|gushing|burst|bursting)"
    r"(?: (?!never|happen|would|will|won't)[\w']+){0,3} again(?![a-z])"
    rf"{_NOT_AGAIN_NOW}"
    r"|^又(?:闻到|嗅到|爆|漏气|冒烟|有烟|困)|(?:而家|依家|现在)(?:喺|在)(?:走廊|楼下|门口|屋外|外面)(?:等紧|等着|等)"
    r"|(?:我们|我哋|大家|全家|一家人?)(?:而家|依家|现在)(?:已经)?(?:喺|在)(?:走廊|门口|屋外)(?![^,.!?。!?]{0,4}(?:管理|办公|等你))"
    # A lift stopped with someone in it as the resident writes, however fine they say they are (round 112: "the lift
    # seems to have stopped with my wife and the pram in it. she says she's fine"; not "the lift got stuck with my son
    # inside last night").
    r"|(?<![a-z])(?:lift|elevator)[^.!?]{0,30}(?:seems to have|has|have|is|'s|are) (?:just )?"
    r"(?:stopped|stuck|got stuck) with (?:my|our|his|her|their|a|the|two|some) [^.!?]{0,40}"
    r"(?:in it|inside|in there)(?![a-z])"
    # Someone inside now, whatever was fixed last week: "我老豆喺入面，门开唔到", "my mum is stuck inside".
    r"|(?<!冇人)(?<!没人)(?<!没有人)(?<!无人)(?:喺|在)(?:入面|里面|里头)[^.!?。!?]{0,8}"
    r"(?:开唔到|打不开|开不了|出唔到|出不来|出不去)"
    # The door first, then who is inside: "部𨋢門開唔到，我阿媽喺入面" (not "我個件困咗喺入面", a parcel).
    r"|(?:开唔到|打不开|开不了)[^。!?]{0,6}(?:(?:我|佢|他|她)(?:的|嘅)?(?:个)?(?:阿妈|阿爸|妈妈?|爸爸?|老豆|老母|仔|女|儿子|女儿"
    r"|老公|老婆|工人|姐姐|屋企人|家人|婆婆|公公|阿嫲|阿爷|细佬|妹妹)|有人|个人)(?:困)?(?:咗|了)?(?:喺|在)(?:入面|里面|里头)"
    r"|(?<![a-z])(?:i|we|he|she|they|(?:my|our|his|her|their) \w+|(?:two|three|four|five|\d) (?:people|of us|kids))"
    r"(?: is| are| am|'s|'re|'m) (?:still )?(?:stuck|trapped)(?![a-z])"
    r"|(?<![a-z])(?:we'?re|we are|i'?m|i am) (?:all )?(?:outside|out of) the (?:flat|unit|house|apartment)"
    r"|(?<![a-z])(?:send|need) (?:someone|somebody|help|a \w+|an \w+|engineering|maintenance|security"
    r"|(?:the )?(?:technician|engineer|plumber|electrician|guard)s?)"
    r" (?:now|asap|urgently|right away|immediately)(?![a-z])"
    r"|(?<![a-z])(?:right now|(?<!moving )(?<!working )(?<!running )(?<!normal )again now"
    r"|(?<!for )(?<!to )(?<!the )(?<!sa )(?<!quick )(?<!your )(?<!ur )(?<!even )(?<!didn't )(?<!not )(?<!never )"
    r"(?<!or )(?<!nor )(?<!no )"
    r"help(?! desk)(?! (?:us |me )?(?:to )?(?:re)?paint| clean)"
    r"|come now|(?:please|pls|plz) come(?! (?:and )?(?:put|fix|check|look|see|change|replace|install|repair|clean|paint"
    r"|take|service|adjust|reinstall|stick|mount))"
    r"|please hurry|pls hurry|hurry up|hurry please|(?<!nothing )happening (?:right )?now"
    r"|(?:afraid|scared) to (?:turn|switch) on (?:the |any )?lights?"
    r"|come quick\w*|asap)(?![a-z])"
    # "Now." said on its own and a plea after it: "gas smell again. same like last month. now. please send someone".
    r"|(?:^|[.!?,] ?)now ?[.!]+ ?(?:please|pls|plz|send|come|help|quick|hurry)(?![a-z])"
)
# "Again now" and "at once" (unless asked for: "请即刻处理", "即刻派人") say it is happening now only when the emergency
# follows them: "而家又水浸" is one, but not "现在又不通电了" after a past fire, nor "嗰次你哋即刻嚟" telling how fast
# help came the last time.
_NOW_IF_FOLLOWED = compile_led(rf"(?:而家|依家|宜家|现在|今日|今天|今晚|今朝|今早|又再)又|又再|{_AT_ONCE}")
# The rules also take "and now" followed by the emergency ("the pit flooded last year and now water is pouring in
# again", and "last year also like this now again!! B1 car park water rising very fast"); the not-emergency cue does
# not, so that "last week's flood, now the ceiling stains" keeps its cue.
_AND_NOW = compile_led(r"(?:(?<![a-z])(?:and|but|well)|,) ?now(?![a-z])|(?<![a-z])now again(?![a-z])")
# "Now" or "just now" (in English too: "the pipe that dripped yesterday now spraying hard") with the danger after it
# in the same sentence, nothing of the past between: "上年煤气喉漏过，而家炉头后面又有嘶嘶声", "师傅上个礼拜先嚟换过，
# 头先入水喉突然爆开". The cue is left as it was.
_NOW_NEAR = compile_led(
    r"而家|依家|宜家|现在|头先|刚才|刚刚|今天|今晚|今次|这次"
    r"|(?<![a-z])(?:just now|this time|tonight|right now)(?![a-z])"
    # (English "now" only before what is going on: "now spraying hard", not "dry now, but …".)
    r"|(?<![a-z])now (?=(?:is |it'?s |it is )?(?!(?:no|some|any|every)thing)[a-z]+ing(?![a-z]))"
)
_SENTENCE_END = compile_plain(r"[.!?。!?]")
# The danger back or still going, told in its own clause: "廚房又有好濃煤氣味", "车库又进水了", "天花还在往下掉".
# A clause, not the sentence: "上次你哋话整好咗" in the next clause is the past of the repair, not of the danger.
_AGAIN_OR_STILL = compile_plain(
    r"又再?(?:有|闻到|嗅到|爆|漏|冒|困|被困|进|入|淹|浸|喷|涌|着|起火|停|卡|跌|掉|冧|塌|崩)"
    r"|又(?:在|喺度)(?:往下|向下)?(?:掉|跌|冧|塌|喷|涌|冒|漏|进水|入水)"
    r"|又(?:好|很|系|是)?(?:大阵|一阵|阵|一股|股|大|浓|重)|又开始|又(?:见到|看到|睇到|闻到|听到)"
    r"|(?:还|仲|仍然?|依然)(?:在|喺度)?(?:往下|向下|不停|继续)?(?:掉|跌|冧|塌|喷|涌|冒|漏|烧|进水|入水|涨|升)"
    # Going on as the resident writes: "水一直往下流", "仲系咁漏落嚟".
    r"|一直(?:在|喺度)?(?:往下|向下)?(?:流|漏|喷|涌|冒|进水|入水)|(?:仲|还)(?:系|是)?(?:咁|这样)(?:漏|流|喷|涌|冒)"
)
_CLAUSE = compile_plain(r"[^,.!?;。!?;]+")
# The past that only names the thing once repaired or reported: "上次修完的那根水管又爆了" is the pipe of the last
# repair bursting now.
_PAST_REPAIRED_THING = compile_plain(
    r"(?:上次|之前|早前|上个?(?:星期|礼拜|周|月)|前几天|前两天|琴日|昨天)[^,.!?。!?的嘅]{0,6}(?:修|整|换|报)"
    r"[^,.!?。!?的嘅]{0,3}(?:的|嘅)"
    # "修好以后又爆了": after the repair, the danger again.
    r"|(?:修|整)(?:好|完)(?:了|咗)?(?:以后|之后|后)"
)
# The same in English, for the rules alone (the cue keeps its own words): going on again as the resident writes,
# "smoke coming out of the meter cupboard again", "water's pouring through the ceiling again" (not "it flooded
# again last week", nor "would never happen again": the verb is the present's, and nothing promised between).
_AGAIN_NOW_EN = compile_led(
    r"(?<![a-z])(?<!not )(?<!no )(?<!never )(?:coming|pouring|gushing|spraying|sparking|smoking|flooding|rising"
    r"|hissing|filling|crackling|throwing|sagging|creaking|leaking|smells?|smelling)"
    r"(?: (?!never|happen|would|will|won't|not(?![a-z]))[\w']+){0,6} again(?![a-z])"
    rf"{_NOT_AGAIN_NOW}"
    r"|(?<![a-z])(?:it|lift|elevator|we|she|he|they)(?:'s|'re| is| are) (?:stuck|trapped) again(?![a-z])"
    r"|(?<![a-z])(?:i|we) (?:can )?(?:smell|hear|see) it again(?![a-z])"
    # Back, or worse now: "burning smell is back in the hallway ... stronger now".
    r"|(?<![a-z])(?:smell|smoke|gas|water|leak|sparks?|sparking|flood\w*|hissing|fumes)(?: [\w']+){0,2}"
    r"(?:'s| is| are|'re) back(?! to normal| in service| on| up)(?![a-z])"
    r"|(?<![a-z])(?:stronger|thicker|worse) now(?![a-z])"
    r"|(?<![a-z])now (?:it'?s |it is )?happening again(?![a-z])|(?<![a-z])happening again (?:right )?now(?![a-z])"
    r"|(?<![a-z])(?:more and more|stronger and stronger|worse and worse|bigger and bigger|higher and higher)(?![a-z])"
    r"|(?<![a-z])getting (?:a bit |a little |much |even |a lot |way )?(?:stronger|thicker|worse|deeper|higher)(?![a-z])"
)


def _says_now(s: str) -> bool:
    """The rules' own test of "it is happening now" (the cue, for the learned score, takes any of the words)."""
    if _NOW.search(s):
        return True
    for now in (*_NOW_IF_FOLLOWED.finditer(s), *_AND_NOW.finditer(s)):
        if any(pattern.search(s, now.start()) for _, _, pattern, _ in _EMERGENCIES):
            return True
    if _AGAIN_NOW_EN.search(s) or _again_or_still_in_a_clause(s):
        return True
    for now in _NOW_NEAR.finditer(s):
        end = _SENTENCE_END.search(s, now.end())
        said = s[now.start() : end.start() if end else len(s)]
        if not _PAST.search(said) and not _COMPLAINT.search(said) and _first_signal(said) is not None:
            return True
    return False


# A danger going on, in the verb's own aspect: "而家真係塌緊" (the ceiling named in the clause before).
# Also sparks or smoke coming out now ("充电桩那边在冒火花"), water rising, rushing in or welling out ("水位一直在涨",
# "雨水直接往车库里灌", "水从墙缝里往外涌"), how deep it is now ("已经到小腿了"), and a lift door that will not open
# with someone inside ("𨋢門開唔到呀我阿媽喺入面").
_PROGRESSIVE = compile_led(
    r"(?:塌|冧|喷|涌|烧|浸|淹)紧(?!张)|正在(?:塌|冧|喷|涌|烧|冒烟|着火)"
    r"|(?<![正现实存自])在(?:冒|喷|涌|烧)(?:火花|火|烟|水|污水|脏水)|一直(?:在|喺度)?(?:涨|升(?!住|起)|灌|涌|喷|冒)"
    r"|往[^,.!?。!?]{0,4}(?:里|内|外)(?:灌|涌|冒|喷)|已经(?:浸)?到(?:咗|了)?(?:小腿|膝盖|膝头|脚踝|脚眼|大腿|腰)"
    r"|开唔到[^,.!?。!?]{0,6}(?:喺|在)(?:入面|里面)"
    # Coming down as the resident writes: "上面还有一大片在往下掉", "仲有石膏不停咁甩落嚟".
    r"|在(?:往下|向下)(?:掉|跌|冧|塌)"
    rf"|{_FABRIC_FALLING}"
    # A gas smell told strong as the resident writes ("煤氣味好勁呀成條走廊都係!!", after "上次你哋話檢查過").
    r"|(?:煤气|燃气|石油气)味(?:好|很|超|非常|劲)(?:劲|浓|重|大|臭|攻鼻)"
    # Hanging over a street as the resident writes: "its swinging out over the street on 21/F".
    r"|(?<![a-z])(?:is|are|it'?s|its|now) (?:swinging|dangling|hanging) (?:out )?over(?![a-z])"
    # By its last hold or loose, about to come down as the resident writes: "is hanging off by one hinge",
    # "仲有啲鬆鬆哋隨時再跌", "一直在晃".
    r"|(?<![a-z])(?:is|are|it'?s|now) (?:swinging|dangling|hanging)(?: off| loose)? (?:by|from|on|in)(?![a-z])"
    r"|随时(?:会)?再?(?:跌|掉|冧|塌)|(?:一直|不停)(?:在)?(?:晃|摇)|摇嚟摇去|晃来晃去"
    r"|(?<![a-z])swinging (?:in the wind|about|around|back and forth|to and fro)(?![a-z])"
)


def _going_on_in_a_clause(s: str) -> bool:
    """A clause of ``s`` with no past of its own tells a danger going on (:data:`_PROGRESSIVE`)."""
    return any(
        _PROGRESSIVE.search(clause) and not _PAST.search(clause) and not _COMPLAINT.search(clause)
        for clause in _CLAUSE.findall(s)
    )


def _again_or_still_in_a_clause(s: str) -> bool:
    """A clause of ``s`` tells the danger back or still going (:data:`_AGAIN_OR_STILL`) with no past of its own."""
    for clause in _CLAUSE.findall(s):
        clause = _PAST_REPAIRED_THING.sub(" ", clause)
        if (
            _AGAIN_OR_STILL.search(clause)
            and not _PAST.search(clause)
            and not _COMPLAINT.search(clause)
            and _first_signal(clause) is not None
        ):
            return True
    return False


def _cancels(cancel: re.Pattern[str], pattern: re.Pattern[str], s: str) -> bool:
    """Whether ``cancel``'s words in ``s`` undo the danger ``pattern`` names there. Words told only of the past
    do not undo a danger the other clauses tell: "上个月天花批荡跌过一次，而家成块天花板塌咗落嚟" (the plaster
    that fell last month, the ceiling down now), "之前报过去水慢，而家成个坑渠倒灌" (a slow drain reported before)."""
    if not cancel.search(s):
        return False
    clauses = _CLAUSE.findall(s)
    past = [_PAST.search(clause) is not None for clause in clauses]
    if not any(past):
        return True
    present = ", ".join(clause for clause, was in zip(clauses, past, strict=True) if not was)
    return not pattern.search(present) or cancel.search(present) is not None


def _first_signal(s: str) -> EmergencySignal | None:
    """The first kind of emergency whose words ``s`` holds and does not cancel, whatever the past around it (or
    the one that outranks it, :data:`_OUTRANKED_BY`)."""
    found: EmergencySignal | None = None
    for index, (kind, category, pattern, cancel) in enumerate(_EMERGENCIES):
        if found is not None and index not in _OUTRANKED_BY[found.kind]:
            continue
        if pattern.search(s) and not (cancel and _cancels(cancel, pattern, s)):
            found = EmergencySignal(kind, category)
            if found.kind not in _OUTRANKED_BY:
                return found
    return found


# Speech transcripts carry fillers ("stuck in the er lift", "上星 即係 期") and split Chinese into words
# ("插苏 烧焦 了 冒 火花"): the rules read them without fillers, joined up again.
_FILLERS = compile_plain(
    r"(?<![a-z])(?:er|erm|um|uh|uhm|hmm|you know|i mean|like)(?![a-z]) ?|(?:[嗯呃喂呀啊]|就是|那个|嗰个|即系) ?"
)
_SPACE_IN_HAN = compile_plain(r"(?<=[\u3400-\u9fff\U00020000-\U0002ffff]) (?=[\u3400-\u9fff\U00020000-\U0002ffff])")


def _without_fillers(normalised: str) -> str:
    return _SPACE_IN_HAN.sub("", _FILLERS.sub("", normalised))


# Words that name an emergency without meaning one, taken out before the patterns run (so a real emergency beside
# them still counts): idioms ("水浸眼眉" is Cantonese for "very urgent", an inbox "flooded with notices", a group
# chat "on fire", the gym "is fire", "热得冒烟", "trapped in a contract", "困在数学题里"), similes ("跟水浸一样",
# "like a flood") and compound nouns that are no fire or flood ("fire hazard", "fire exit", "fire rules",
# "fire assembly point", "flood boards", "flood prevention works"; a fire alarm tested, buzzing or false-triggering).
# A mailbox or letterbox "flooded" alone may be the lobby's own, under water: only "flooded with flyers" is an idiom.
_NOT_LITERAL = compile_led(
    # The fire exit's sign or route ("停車場個火警出口指示燈唔著"), no fire.
    r"火警(?:出口|通道|逃生|平面图|指示)(?:指示)?(?:灯|牌|图|路线)?|"
    # Its assembly point, its panel, the alarm ringing ("火警集合點喺邊度", "火警控制板閃黃燈", "半夜火警响"): smoke or
    # flames told beside them still count.
    r"(?:火警|火灾)(?:疏散)?(?:集合点|集合地点|集合处)|火警(?:控制板|控制面板|面板|系统)"
    r"|火警(?:钟|铃|警报|警钟|警报器)?(?:响|嘟|鸣)(?:紧|咗|了|起|着)?|"
    r"水浸眼眉|(?:热|晒|忙|气|急)(?:得|到)[^,.!?。!?]{0,3}?(?:冒烟|出烟|着火)"
    # A head that smokes from work ("开会开到头要冒烟"); walls that sweat like rain in the humid season.
    # (Not a plug's or a pipe's head: "烤箱的插头 冒烟了 有火星", round 125.)
    r"|(?:(?<!插)(?<!龙)(?<!枪)(?<!喉)(?<!线)头|脑|脑袋)(?:都|也)?(?:快|要|快要|会)?(?:冒烟|出烟)"
    r"|(?:墙|地板|地砖|地|玻璃|窗|天花)[^,.!?。!?]{0,6}(?:流汗|出汗|倒汗|滴汗|返潮)[^,.!?。!?]{0,6}(?:好似|似|像)(?:落雨|下雨)"
    r"|被?困(?:在|喺)(?:数学|作业|功课|题|难题|工作|合约|合同)[^,.!?。!?]{0,6}?(?:出不来|出唔到|出不去)?"
    r"|(?:跟|像|好像|好似|似|同|如)[^,.!?。!?]{0,3}(?:水浸|淹水|发大水|(?:着|著)(?:咗|了)?火|火烧|冒烟|出烟)(?:了|咗)?"
    r"(?:一样|一般|咁|似的)"
    # (Also after a pause: "I'm trapped... in this lease. Kidding.")
    r"|(?<![a-z])(?:trapped(?:\s*(?:\.{2,}|…)\s*|\s+)in (?:a |an |this |the |my |our )?(?:[\w-]+ ){0,2}"
    r"(?:contract|lease|agreement|plan"
    r"|subscription|job|loop|cycle|meeting|traffic)s?"
    r"|(?:inbox|phone|chat|group|whatsapp)s? (?:is |was |are |gets |got |been |being )*flooded"
    r"|flood(?:ed|ing)? (?:with|by) (?:your |the |all |these |those |so many |many |loads of )?(?:[\w-]+ )?"
    r"(?:notices|messages|e-?mails|e-?newsletters|newsletters|calls|complaints|requests|spam|ads|letters|flyers"
    r"|leaflets|notifications|texts|cars|vehicles|visitors|tourists|people|crowds|delivery (?:bikes|vans))"
    r"|被[^,.!?。!?]{0,6}(?:车|人)[^,.!?。!?]{0,2}(?:淹没|塞满|占满)"
    # Nearly trapped, and out again ("差啲喺𨋢度困住", "差点被困电梯"); a fire or a leak feared and then found not to
    # be one ("我以为火烛，原来唔系", "I thought it was a fire but it was the neighbour's barbecue"); news of one
    # elsewhere.
    r"|(?:差点|差啲|差一点|差少少|险些|几乎)(?:就)?(?:被|俾|畀)?[^,.!?。!?]{0,5}?困(?:住|咗|了)?"
    # A long meeting "like being trapped in a lift, haha"; locked out of one's own building.
    r"|(?:好似|好像|像|似|感觉像)[^,.!?。!?]{0,4}困(?:咗|了|住|在|喺)?[^,.!?。!?]{0,8}?(?:咁|一样|似的)?\s?"
    r"(?:哈哈|呵呵|lol|😂|🤣)|(?<![a-z])(?:stuck|trapped|locked) outside(?![a-z])"
    r"|(?:以为|仲以为|还以为)[^,.!?。!?]{0,8}(?:火烛|着火|火警|失火|漏(?:煤|燃)?气|水浸)[^.!?。!?]{0,4}"
    r"(?:原来|结果|点知|谁知|差点|差啲|差一点)"
    r"|(?:新闻|视频|短片|影片|套剧|电视剧|剧集|电影)[^,.!?。!?]{0,12}(?:火灾|大火|火警|水浸|起火|着火|困)"
    r"|['\"‘“]on fire['\"’”]|on fire (?:about|over|today|tonight|lately|lol|haha)"
    r"|on fire,? (?:fixed|fixing|sorted|sorting|solved|solving|cleared|clearing|got|closing|closed)"
    r"|(?:barks?|barking|screams?|screaming|yells?|yelling|shouts?|shouting|runs?|running) (?:as if |as though )?"
    r"(?:the |a |our )?(?:[\w-]+ )?(?:is |was |were )?on fire"
    r"|on fire with (?:all )?(?:the |your |these )?(?:[\w-]+ ){0,2}"
    r"(?:messages|chats?|notifications|comments|posts|e-?mails|notices|sms|texts|alerts|calls|reminders|spam|updates)"
    r"|(?:inbox|phone|chat|group|whatsapp)s? (?:is |was |are )?on fire"
    r"|(?<!there )(?:is|are) (?:['\"‘“]fire['\"’”]|fire(?= *(?:🔥|lol|haha|ngl|tbh)))"
    r"|like a flood|(?:a )?fire waiting to happen|fir(?:e|ed|es|ing) (?:it |them )?up"
    # A smoke alarm or detector is no smoke: beeping for its battery it is a repair, but thick smoke beside one that
    # is going off still counts. A fountain is no burst ("lobby flooding, I think the fountain pipe" still floods), and
    # steam "looks like smoke" (read without the filler "like").
    r"|smoke (?:detector|alarm)s?"
    # The fire alarm's bell, button or break glass is a device: "走廊個火警鐘按鈕玻璃爛咗" (thick smoke beside it still
    # counts).
    r"|火警(?:钟|铃|警钟|警铃|按钮|掣|系统|感应器|侦测器|探测器|探头|闪灯)|消防(?:钟|铃)"
    r"|fire alarm (?:bell|button|call point|panel|glass)s?"
    rf"|喷水池|{_FOUNTAIN}|(?<![a-z])(?:looks?|looking|seems?) (?:like )?(?:smoke|fire)(?![a-z])"
    # A vehicle a flood left behind: "a flooded car been sitting on the ramp a week" (not a flooded car park).
    r"|flooded (?:car|vehicle|van|taxi|lorry|truck|motorbike|motorcycle|scooter)s?(?! ?park)"
    r"|(?:nearly|almost) (?:got |get |gotten |been |was |were )?(?:stuck|trapped)"
    r"|thought (?:it was |there was |that was )?(?:a |something )?(?:fire|burning|gas|flood\w*)"
    r"[^.!?]{0,20}(?:but|turn(?:s|ed) out)"
    r"|thought (?:it was |there was |that was )?(?:an? )?(?:real|actual) "
    r"(?:fire|emergency|flood|gas leak)"
    r"|(?:news|headlines?|article|video) (?:about|of|on) (?:the |that |a |this )?(?:[\w-]+ ){0,4}"
    r"(?:fire|blaze|flood)s?(?: (?:at|in|on) (?:that|another|an?|the) [^.!?]{0,30})?"
    r"|fire[- ](?:retardant|resistant|proof|rated|rating)|(?:fire|flood|water|smoke)[- ]damaged"
    r"|flood (?:receipts?|claims?|insurance|compensation|clean[- ]?up|debris)"
    r"|(?:total|complete|absolute|such a|an? utter) dumpster fire"
    # Sparks between people, and things other than water pouring in: "sparks flew at the AGM", "thank-you cards
    # pouring in for the guard".
    r"|sparks? (?:(?:are|were|was|is|will be|keep) )?fl(?:y|ying|ew|ies) (?:between|(?:at|in) (?:the |our |this )?"
    r"(?:[\w']+ )?(?:agm|meeting|group|chat))"
    r"|(?:cards|messages|questions|complaints|letters|likes|comments|orders|applications|donations|thanks|praise"
    r"|support|calls|e-?mails|replies|requests|votes|entries|bookings) (?:(?:are|were|have been|has been|keep|kept) )?"
    r"(?:pouring|flooding|gushing|flowing) in"
    r"|fire (?:hazards?|risks?|exits?|doors?|escapes?|stair(?:s|case|cases|well|way)?"
    r"|rules?|regulations?|assembly(?: point)?|safety|extinguishers?"
    r"|alarm (?:panels?|systems?|control panels?|break[- ]?glass(?: points?)?|call points?|covers?|buttons?|glass)"
    r"|wardens?|marshals?|fighting (?:courses?|training)|training"
    r"|hoses?|hydrants?|drills?|services?|lanes?|codes?|certificates?|inspections?|prevention|insurance)"
    r"|flood (?:boards?|barriers?|gates?|prevention|defen[cs]es?|risks?|insurance|season|warnings?|lights?|loss(?:es)?"
    r"|debris|mud|clean-?up"
    r"|damage|victims|claims?|compensation)|fire (?:engines?|trucks?|brigade|fighters?|station|department)"
    r"|fire alarms? (?:(?:keeps? |is |was |kept )?(?:false[- ]?trigger\w*|test\w*|buzz\w*|beep\w*)|to go off"
    r"|for a second)"
    r"|(?:sounds? like|testing|test|tested) (?:the |a |our )?fire alarm)(?![a-z])"
)


def _names_a_danger(s: str) -> bool:
    """Any emergency's words in ``s`` taken literally, whatever the past, a denial or a cancelling word says."""
    return any(pattern.search(_literal(s)) for _, _, pattern, _ in _EMERGENCIES)


def _not_literal_gap(m: re.Match[str]) -> str:
    """What a figure of speech or compound noun of :data:`_NOT_LITERAL` leaves: a smoke or fire alarm stays a device
    ("smoke alarm fell from the ceiling" is a fitting that fell, not the ceiling), anything else a gap."""
    return " detector" if m.group(0).startswith(("smoke ", "fire alarm")) else " "


def _literal(s: str) -> str:
    """``s`` without the figures of speech and compound nouns of :data:`_NOT_LITERAL`, nor clauses that suppose
    (:data:`_SUPPOSED`)."""
    return _SUPPOSED.sub(" ", _NOT_LITERAL.sub(_not_literal_gap, s))


# A clause that supposes, up to its end: "万一真系有火警消防车点入嚟?", "如果有人困喺𨋢点算", "if there were a fire
# the engines could not get in". An urgent request in the same message ("请即刻处理" the blocked fire lane) does not
# make the supposed fire happen now; an emergency told outside the clause still counts.
_SUPPOSED = compile_plain(
    r"(?:万一|假如|假设|若果|要是|如果|假使|倘若|假若|如若|若然|一旦)[^,.!?。!?;]{0,30}|[^,.!?。!?;]{1,15}(?:的话|嘅话)"
    # A warning of what a hazard will do: "飞线从窗户拉下来 太危险了 会着火的" (round 115).
    r"|(?<!已经)会(?:着火|起火|失火|烧起来|爆炸)(?:的|嘅|㗎|架|喎)"
    # Only when it comes to that: "你哋係咪要等到有人困死喺入面先至理".
    r"|等到[^,.!?。!?;]{0,16}(?:先至|先|才)"
    # A danger feared from a hazard: "这多危险啊 着火了怎么办", "好危险 火烛点算".
    r"|(?:危险|隐患)[,\s]?(?:着火|起火|失火|火烛|火灾)(?:了|咗)?(?:怎么办|点算|点办|谁负责|边个负责|哪个负责)"
    # Whenever it rains: "一下雨水就漫到路上", "每次落大雨都浸".
    r"|(?:(?<!等)一|每逢|每次|每当)(?:落|下)(?:大|暴)?雨[^,.!?。!?;]{0,12}"
    # Rain coming in by a window that will not shut: "窗鉸鬆咗，關唔埋，落雨入晒水" (not "落緊雨", raining now).
    r"|(?<![紧着])(?:落|下)(?:大|暴)?雨(?:就|都|时|嘅时候|的时候)?(?:入|进)(?:晒)?水"
    # Asked of what may come: "will there be water flooding again in the car park when the typhoon come".
    r"|(?<![a-z])will there be (?:any )?(?:[\w-]+ )?(?:flood\w*|fire|water)[^,.!?;]{0,40}"
    # "If residents ever smell gas in their own flat, should they ring …": what they should do, some day.
    r"|(?<![a-z])if (?:[\w']+ ){1,3}ever [^,.!?;]{0,60}"
    # "If that had been a real fire I'd have been left on the 14th floor" (a drill, round 124).
    r"|(?<![a-z])if (?:that|it|this) (?:had been|was|were|'d been) (?:a )?real [^,.!?;]{0,60}"
    # "who needs help evacuating in a fire", "nobody could get past in a fire".
    r"|(?<![a-z])(?:in|during) (?:a|case of a|case of|the event of a) fire(?![a-z])"
    # What a sign might mean, what a thing might do: "does that mean there's a fire somewhere I can't see?", "is it
    # going to catch fire?", "我担心电动车在家里充电会着火", "着火了怎么跑".
    r"|(?<![a-z])(?:does|would|could|might) (?:that|this|it) mean [^.!?]{0,50}"
    r"|(?<![a-z])(?:is|are|will|could|might) (?:it|that|this|they) (?:going to|gonna)"
    r" (?:catch fire|burn|explode|blow up|flood|fall|collapse)[^.!?]{0,20}"
    r"|(?:担心|担忧|害怕|怕|惊)[^,.!?。!?;]{0,20}(?:会不会|会唔会|会)[^,.!?。!?;]{0,8}"
    r"|(?:着火|起火|失火|火灾|火烛)(?:了|咗)?(?:怎么|点样|点|咋)(?:跑|走|逃|办|算|出去)"
    # "着火了有人帮忙疏散吗", "还怕着火".
    r"|(?:着火|起火|失火|火灾|火烛)(?:了|咗)?(?:的话|嘅话)?[^,.!?。!?]{0,8}(?:疏散|帮|救|逃生)[^,.!?。!?]{0,4}"
    r"(?:吗|冇|呢|未)"
    r"|(?:怕|惊|担心|害怕)(?:会)?(?:着火|起火|失火|火烛|火灾)"
    # A hope that it is not so, a fire waited for: "希望唔好有人困喺入面啦", "是要等下一次着火再装吗".
    r"|希望(?:唔好|不要|别|千祈唔好|千万不要|冇|没有?)[^,.!?。!?;]{0,20}|等(?:到)?(?:下一次|下次|下一回)[^,.!?。!?;]{0,8}"
    # "真着火了消防车都进不来": a fire supposed by its consequence ("if there really were a fire, the engines...").
    r"|真(?:的|系|正)?(?:着火|着了火|着咗火|火灾|失火|火警|有火警?)(?:了|咗)?[,，]?[^,.!?。!?]{0,10}(?:都|就|也)[^,.!?。!?]{0,6}"
    r"(?:进不来|进不去|进唔到|入唔到|入不来|出不去|出唔到|(?:跑|走|逃)(?:不|唔)(?:出去|出|掉|到|甩|切)|来不及|点算|怎么办)"
    r"|真(?:的|系|正)?要?(?:着火|着了火|着咗火|火灾|失火|有火警?)(?:了|咗)?[,，]?[^,.!?。!?]{0,6}"
    r"(?:谁|边个|点算|怎么办|咋|怎么|点样|如何|就好看|就大件事|就麻烦|就惨|就完)"
    # "着了火我们老的跑都跑不了" supposes ("once it catches fire"); "着火了 我们都走不了" is a fire now.
    r"|(?:着|著)(?:了|咗)火[^,.!?。!?]{0,10}(?:都|就|也)[^,.!?。!?]{0,6}"
    r"(?:跑不了|跑不掉|走不了|逃不了|出不去|走唔甩|走唔到|跑唔到|跑唔甩)"
    # Said in jest ("我个仔讲笑话部𨋢困咗佢", "joking that he was trapped") or feared of something that may leak
    # one day ("用咗十几年，惊佢漏煤气"): what is not happening.
    r"|(?:讲笑|玩笑|恶作剧|整蛊|扮)[^,.!?。!?;]{0,20}|(?<![a-z])(?:joking|as a joke|prank\w*|pretend\w*) [^,.!?;]{0,40}"
    # Only thought, and found to be something else: "以為又係煤氣味 … 原來係茶餐廳嘅油煙" (not "以为是保洁拖地留下的，
    # 结果现在大概有一寸深了").
    r"|(?<![还仲])以为[^。!?;]{0,24}原来(?:系|是)"
    r"|(?:惊|怕|担心|担忧)(?:佢|它|会|佢会|它会)(?:漏(?:煤|燃)?气|爆炸|着火|起火|烧着|烧起|火烛)[^,.!?。!?;]{0,10}"
    # A flood feared tonight ("有冇沙包派? 我住地下, 驚今晚水浸") (round 118).
    r"|(?:惊|怕|担心|担忧)(?:今晚|今夜|阵间|等阵|一阵|听日|明天|明日)?(?:会)?(?:又)?(?:水浸|浸水|淹水|水淹|被淹)"
    r"|(?<![a-z])(?:before|or|otherwise) (?:some ?one|somebody|anyone|anybody|people|a kid|kids|children|an? \w+)"
    r" (?:gets? |got |is |are |will be |will get )?(?:stuck|trapped|hurt|injured|electrocuted)(?![a-z])"
    # Asked after something glimpsed: "Is there a gas leak in Tower 6? Saw a Towngas van" (round 119).
    r"|(?<![a-z])is there (?:a |any )?(?:gas leak|fire|flood|leak)[^.!?]{0,40}\?"
    # What an alarm would be worth: "即係真係困𨋢都冇用？" (round 120).
    rf"|真(?:系|的|是)(?:被)?困(?:{_LIFT})?(?:都|也)"
    # Feared before it happens: "is anyone coming before it actually catches fire?".
    r"|(?<![a-z])before (?:it|the \w+|something|anything) (?:actually |really )?(?:catch(?:es)? fire|burns?|bursts?"
    r"|floods?|falls?|collapses?|explodes?)(?![a-z])"
    # What was only thought: "we thought there is a fire" (an alarm that rang).
    r"|(?<![a-z])(?:we|i|they|she|he|everyone|everybody) (?:all )?(?:thought|assumed) (?:that )?"
    r"(?:there (?:is|was|'s)|it (?:was|is)|a |the )[^,.!?;]{0,30}"
    # What may come one day: "given that people may one day be trapped, please repair the alarm".
    r"|(?<![a-z])(?:may|might|could|would|will) (?:one day|someday|some day|in (?:the )?future|eventually)"
    r" (?:be |get )?[^,.!?;]{0,30}"
    # "If I smell gas at night, who should I call?" (after "want to know" too).
    r"|(?<![a-z])if (?:i|we|you) (?:ever )?(?:smell|see|hear|find|notice|get)[^.!?]{0,40}"
    r"(?:who|what|how|where|should|do i|do we|can i|can we)(?![a-z])"
    rf"|(?<![a-z])(?:{_DOUBT}if{_POLITE_IF}|in case|suppose|imagine if|what if)"
    r" (?:at night |one day |later |tonight |suddenly |ever |really )?"
    r"(?:there(?: was| were| is|'s| are| ever)|a|the|someone|somebody|anybody|people|got|get|have|has"
    r"|anyone|we|it|lift|elevator|gas|fire|water|smoke|sparks?|flames?|power|socket|stuck|trapped"
    r"|i|you|u|my|our|smell\w*|flood\w*|grandma|grandpa|mum|mom|dad|kids?|child(?:ren)?|baby|she|he|they)(?![a-z])"
    r"[^,.!?;]{0,40}"
    # "会进水吗", "会掉下来吗": a question about what may happen.
    r"|会(?:不会|唔会)?[^,.!?。!?;]{0,10}(?:吗|么|嘛|咩)|会(?:不会|唔会)(?:再|又)[^,.!?。!?;]{0,10}"
    # Asked as "A not A" ("车库还淹不淹", "仲浸唔浸").
    r"|淹不淹|浸不浸|浸唔浸|漏不漏|漏唔漏"
    # Asked about: "what happens in a real fire?", "what should we do in a flood?".
    r"|(?<![a-z])(?:what|how) (?:happens|would happen|will happen|do (?:we|i|you) do|should (?:we|i) do|to do)"
    r" (?:in|during) (?:a |an )?(?:real |actual |big )?(?:fire|flood|gas leak|emergency|typhoon|power cut)(?![a-z])"
    # How to tell: "how do I know if the gas is leaking?".
    r"|(?<![a-z])how (?:do|can|would|will|should) (?:i|we|you) (?:know|tell|check) (?:if|whether|when)[^.!?]{0,40}"
    # A question about what will or could happen: "will carpark flood in black rain?".
    r"|(?:^|(?<=[.!?] )|(?<= ))(?:will|could|would|might|may|can|(?<!what )(?<!how )(?:does|did))"
    r" (?:the |our |my )?[\w ]{0,20}"
    r"(?:flood|burst|catch fire|leak)\w*"
    r"[^.!?]{0,50}\?"
)


# "No smoke", "冇煤氣味", "not leaking anymore", "唔係水浸": the message denies the danger it names.
_DENIED = compile_led(
    # (Not "好大陣沒氣味", 煤氣味 as a keyboard guesses it, round 120.)
    rf"(?<!大阵)(?<!大股){_NOT}(?:\w+ ){{0,2}}"
    r"(?:smoke|fire|flame|gas|smell|leak\w*|flood\w*|overflow\w*|water|spark\w*|burning"
    r"|(?:one|people|passengers?) (?:inside|stuck|trapped)|烟|火|气味(?!(?:好|很|超|劲|非常)(?:大|浓|重|臭))|煤气|燃气"
    r"|水浸|淹|漏"
    r"|火花|人(?:困|喺入面|在里面)"
    r"|(?:进|入)(?:到)?水)"
    r"|(?<![a-z])nobody (?:is |was )?(?:inside|stuck|trapped)|(?:里面|入面|里头)(?:冇|没有?)人"
    # Nobody hurt yet: "还没人被蛰" (a nest to remove, "nobody's been stung").
    r"|(?:还|仲)?(?:没|冇|未)(?:有)?人(?:被|俾)?(?:蛰|蜇|叮|咬)"
    r"|(?<![a-z])nobody'?s? (?:has )?(?:been )?(?:stung|bitten)"
    # Everyone out of the lift once its doors opened ("门开了我们都出来了").
    r"|(?:门开(?:了|咗)|开(?:了|咗)?门)[^,.!?。!?]{0,4}(?:我们|我哋|大家|人)(?:都|已经?)*出(?:咗|了)?(?:嚟|来)"
    # An empty lift car; nothing coming up or out ("the car is empty", "nothing coming up though").
    r"|(?<![a-z])(?:car|lift|elevator|it)(?: is|'s) empty(?![a-z])"
    r"|(?<![a-z])nothing (?:is )?(?:coming|leaking|overflowing|flooding|spraying)(?![a-z])"
    # Denied after it, as helpers put it: "bau gas gk ada" (smell gas no), "smell of gas none".
    r"|(?<![a-z])smell(?: of)? (?:gas|smoke|burning) (?:no(?! ?one| ?body)|none|nothing)(?![a-z])"
    # Only a little water, said so ("B2有啲水積咗喺地下 … 唔係好多").
    r"|水[^。!?]{0,20}(?:唔系好多|不是很多|唔算多|不算多)"
)


# Everyday things that share a word with an emergency: a stove that will not light, cigarettes, cooking
# fumes, smoke detectors, fire doors and extinguishers, a fountain.
_HARMLESS = compile_led(
    # A thing shut in, not a person: "快遞櫃嘅門開唔到，我個件困咗喺入面" (a parcel in a locker).
    r"(?:件|包裹|快递|货|嘢|东西|钥匙|parcel|package)[^,.!?。!?]{0,3}(?:困|锁|卡)(?:咗|住|了)(?:喺|在)?(?:入面|里面|里头)|"
    # A tap that will not close ("水喉闩唔埋", "水龙头拧不紧"): the rules still flag it if the water overflows.
    r"(?:水喉|龙头|水掣)[^,.!?。!?]{0,4}(?:闩|关|拧|扭)(?:唔|不)(?:埋|紧|实|到)"
    # Water trickling, not pouring: "往外溢水 不大 细细地流".
    r"|(?:细细|慢慢|一点点|少少)(?:地|咁|的)?(?:流|滴|渗)"
    # A car in the way: "有辆车停在地库出口坡道上，挡住了，大家都出不去".
    r"|(?:车|车辆)[^.!?。!?]{0,16}(?:挡住|堵住|阻住|塞住)|(?:挡住|堵住|阻住)[^,.!?。!?]{0,6}(?:出口|入口|车道|坡道)"
    # A lamp blown ("有盞燈爆咗", "光管烧咗").
    r"|(?:灯|光管|灯泡|灯胆|灯管)(?:泡|胆|管)?(?:爆|烧)(?:咗|了|坏)"
    # Paint or skim peeling ("啲油漆甩甩哋，一片片咁跌落嚟"): the rules flag it only with a large piece named.
    r"|(?:油漆|墙皮|批荡)[^,.!?。!?]{0,4}(?:甩|剥|脱|起皮)"
    r"|(?<![a-z])taps? (?:won'?t|doesn'?t|does not|can'?t|cannot) (?:be )?(?:turn(?:ed)? off|close|shut)(?![a-z])"
    # An aircon's drip tray overflowing or dripping ("a/c water tray overflowing, water running down the wall").
    rf"|{_AIRCON}[^.!?。!?]{{0,15}}(?:tray|drip|water|盘|水)[^.!?。!?]{{0,10}}"
    r"(?:overflow\w*|drip\w*|leak\w*|滴|漏|溢)"
    # Little water: "not a lot of water, just steady drops".
    r"|(?<![a-z])(?:not (?:a lot of|much) water|(?:just|only) (?:a few |some |steady |slow )drops?"
    r"|(?:just|only) drops? of water)(?![a-z])"
    rf"|(?:打|点)(?:唔|不)(?:着|著)|{_SMOKE_NOT_FIRE}|火警(?:感应|探测)器|喷水池"
    # A water stain, however large ("天花板有一大块水印"): a slow seep (none of the 212 written and held-out lines that
    # name one is an emergency).
    r"|水印|水渍|水迹|(?<![a-z])water (?:stains?|marks?)(?![a-z])"
    # The garden's watering hose ("东门草坪那的浇水管子破了 水一直流到人行道上").
    r"|(?:浇水|浇花|淋花|淋水|洒水)(?:的|嘅)?(?:管|喉|水管|水喉|龙头)"
    rf"|{_FOUNTAIN}|(?<![a-z])(?:cigarettes?|second[- ]hand smoke|smoke (?:detector|alarm)s?|won'?t light|not lighting"
    r"|(?:someone|somebody|people|neighbou?rs?|guy|man|woman|uncle|tenants?|he|she|they|\d{1,2}[a-h])"
    r" (?:[\w']+ )?(?:smokes|keeps smoking|is smoking|are smoking)"
    r"|fire (?:door|exit|escape|extinguisher|hose|drill|alarm test)s?)(?![a-z])"
)


# Smoke or a smell explained by a harmless source the message names (:data:`_SOURCE_ONLY`, which already leaves out
# a message that says the smell is not that: "唔似烧香", "not like a barbecue"). In the written messages 2 of the 326
# training lines that name a source are emergencies.
_EXPLAINED = compile_plain(_SOURCE_ONLY)


def not_emergency_cue(normalised: str) -> bool:
    """The rules' not-emergency cues: the message is about the past, a test or drill, an "if" question,
    a complaint about handling, compensation or a finished repair (and does not say it is happening again
    now), denies the danger it names, names a harmless source of its smoke or smell, or calls itself a
    complaint. Only the learned emergency score is overridden by these; the rules apply their own."""
    s = _without_fillers(normalised)
    if _NOW.search(s) or _NOW_IF_FOLLOWED.search(s):
        return False
    if _EXPLAINED.search(s):
        return True
    if _PAST.search(s) or _DENIED.search(s) or _COMPLAINT.search(s) or _HARMLESS.search(s):
        return True
    # The danger only supposed: "if the lift gets stuck with my father inside, how fast can you come?" (what is
    # literal leaves supposed clauses out).
    return _SUPPOSED.search(s) is not None and not _names_a_danger(s)


# A clause that tells only of an earlier report or repair ("上次你哋话整好咗", "上周刚报修过的", "I reported it last
# week") dates the report, not the danger: the danger told in the other clauses is judged by them. A clause that
# names the danger itself ("上次水浸过") or complains keeps the past for the whole message.
_REPORTED = compile_led(
    r"报(?:修|过|咗|了|左)|(?:上次|之前|早前|上个?(?:星期|礼拜|周|月))报|反映过|整好|修好|整过|修过|换过|嚟整|来修"
    r"|(?<![a-z])(?:reported|fixed|repaired|came to (?:fix|repair|look)"
    r"|(?:my|our|the) (?:ticket|case|request|report))(?![a-z])"
)


# A clause that says the danger is over ("现在已经修好"), not when an earlier repair was made.
_FIXED_NOW = compile_plain(
    r"(?:现在|而家|依家)[^,.!?。!?]{0,4}(?:修好|整好|搞掂|搞定|弄好|冇事|没事)"
    # "今朝爆喉 師傅已經整好咗" (round 118): done today, not the repair an earlier report was promised.
    r"|^(?![^,.!?。!?]*(?:上次|之前|早前|上个?(?:星期|礼拜|周|月)|去年|旧年|话|说))[^,.!?。!?]*已经(?:修好|整好|搞掂|搞定|弄好)"
)


def _without_past_reports(s: str) -> str:
    return "".join(
        part
        for part in re.split(r"(?<=[,.!?;:。!?;：])", s)
        if not (_PAST.search(part) and _REPORTED.search(part) and not _COMPLAINT.search(part))
        or _names_a_danger(part)
        or _FIXED_NOW.search(part)
    )


# A matter of its own, begun by "另外" or "also, ...": in a message of several matters ("the booking system since last
# week ... Also, probably more urgent, a gas smell") each is judged by its own words.
_NEW_MATTER = compile_led(
    r"(?:^|(?<=[,.!?;。!?;])) ?(?:另外|此外|另一(?:件|样)事|顺便(?:讲|说|问)?|对了|仲有样嘢|还有一件事|仲有一样)"
    r"|(?<![a-z])(?:also,|also now|oh (?:my )?god|omg|oh no|another thing|one more thing|on another note|separately"
    # "Oh and while I am typing this there is an orange glow and smoke" (round 119).
    r"|oh and|while i(?:'m| am) (?:typing|writing)(?: this)?|as i(?: am|'m)? (?:type|typing|write|writing)(?: this)?"
    r"|more urgent(?:ly)?|most urgent(?:ly)?"
    r"|more importantly|p\.?s\.?(?= )|by the way|btw|(?:and )?(?:second|third|fourth)(?:ly)?,|secondly|thirdly|lastly"
    r"|finally,|(?:actually,? )?hang on|oh wait|wait,|actually,)(?![a-z])"
)


def _later_matter_signal(s: str) -> EmergencySignal | None:
    """The signal of a matter begun after the first (:data:`_NEW_MATTER`) with no past nor complaint of its own."""
    starts = [m.start() for m in _NEW_MATTER.finditer(s)]
    for start, end in pairwise([*starts, len(s)]) if starts else ():
        part = s[start:end]
        if not _PAST.search(part) and not _COMPLAINT.search(part) and (signal := _first_signal(part)):
            return signal
    return None


# The past named only to compare: "same problem like two weeks ago the toilet is overflowing", "同上次一样". The rules
# read without fillers, "like" among them: "same problem two weeks ago".
_COMPARED = compile_plain(
    r"(?<![a-z])(?:same (?:problem|thing|issue)(?: as)?|as) (?:the )?"
    r"(?:last time|last (?:week|month|year|night)|before"
    r"|(?:[\w-]+ ){1,2}ago)(?![a-z])"
    r"|(?:同|跟|和|像|好似|比)(?:上次|上一次|之前|上个?月|上个?星期|上个?礼拜|上周|嗰次|那次)(?:嗰次|那次|嗰阵|那回)?"
    r"|[^,.!?]{0,40}(?<![a-z])(?:last (?:week|month|year|time)|before|ago) too(?![a-z])"
    r"|(?<![a-z])same (?:[\w-]+ ){1,2}(?:that|which|as) [^.!?]{0,30}(?:last (?:week|month|year|time|night)|yesterday"
    r"|before|ago)(?![a-z])"
    r"|(?:(?:上次|上一次|之前|上个?月|上个?星期|上个?礼拜|上周|去年|旧年|上年|琴日|寻日|昨日|昨天)(?:[一二三四五六七八九十]{1,2}月份?)?"
    r"|[一二三四五六七八九十]{1,2}月份?)"
    r"[^,.!?。!?]{0,8}(?:也|都)"
    r"[^,.!?。!?]{0,6}(?:试过|这样过|咁过|发生过|出过|有过|摔过|跌过|晕过|系咁样|是这样|系咁|一样)"
    # Once before, as now: "去年冬天就爆过一次".
    r"|(?:上次|上一次|之前|上个?月|上个?星期|上个?礼拜|上周|去年|旧年|上年)[^,.!?。!?]{0,6}(?:也|都|就)"
    r"(?:爆|漏|浸|淹|困|着火|烧|塌|冧)过(?:一|两|几|\d)次"
    # The thing that the past harmed, named as the one now giving way: "还在往下掉 就是上次楼上漏水泡的那块", "it's the
    # spot that got soaked in the typhoon".
    # (The rules read "就是" as a filler: "上次楼上漏水泡的那块" is what they see. Not a place the danger itself struck,
    # "上次天花塌咗嗰度", nor "the night" or "the time": "上次水浸嘅嗰晚" is the past itself.)
    # (嗰位 before a person is that person: "上次喺大堂暈低嗰位師傅而家點呀" asks how he is.)
    # (Nor where the flood itself was: "上次水浸嗰度，啲牆而家發晒霉".)
    r"|(?:上次|上回|之前|早前|那次|嗰次)(?!水浸|淹水|水淹|浸水)[^,.!?。!?;烧焦塌冧爆火]{0,12}(?:(?:的|嘅)(?:那|嗰)?|那|嗰)"
    r"(?:块|旧|度|位(?!师傅|先生|小姐|太太|女士|阿伯|阿婆|伯伯|婆婆|大爷|阿姨|老人|住户|业主|保安|同事)|处|条|片|间)"
    r"(?![^,.!?。!?;]{0,4}(?:时|晚|日|天|次))"
    r"|(?<![a-z])(?:it'?s|it is|that'?s|that is|this is) the (?:same )?"
    r"(?:spot|one|part|bit|area|place|patch|corner|pipe|section)"
    r" (?:that|which) (?:got|was|were) [\w ]{0,20}?(?:in|during|by|after) the (?:[\w-]+ )?"
    r"(?:typhoon|flood|storm|rain|rainstorm|fire|leak)(?![a-z])"
    # Afraid since the last one: "上次火警之后大家已经好惊".
    r"|(?:自从|自)?(?:上次|上回|那次|嗰次)[^,.!?。!?]{0,8}(?:之后|以后|后)[^,.!?。!?]{0,8}"
    r"(?:好惊|惊|好怕|很怕|好担心|很担心|紧张|吓怕|吓亲)"
    # The round-54 aftermath: "same as the typhoon last month", "same like last time", "same section that flooded in
    # September", "same thing happened in the storm", "上次困人也是这部", "上个月困人的就是这部",
    # "上回疏散就是这个味儿".
    r"|(?<![a-z])same (?:as|like) (?:the |last )?[\w-]+(?: [\w-]+){0,2}(?![a-z])"
    r"|(?<![a-z])same (?:[\w-]+ ){1,2}(?:that|which) [^,.!?]{0,40}"
    r"|(?<![a-z])same thing (?:happened|happen|happens)[^,.!?]{0,30}"
    r"|(?:上次|上回|上年|去年|上个?月|上个?(?:星期|礼拜|周)[一二三四五六日天]?)(?:(?!而家|现在|依家)[^,.!?。!?\s]){0,12}"
    r"(?:也|都|就)(?:系|是)[^,.!?。!?\s]{0,4}(?:同一|这|呢|嗰|那)(?:部|个|只|条|种|阵|味)[^,.!?。!?\s]{0,6}"
    # Passive: "the lift that was 'fixed' yesterday has stopped with my helper inside".
    r"|(?<![a-z])(?:that|which) (?:was|were|had been|has been|got)"
    r" ['\"]?(?:fixed|repaired|replaced|serviced|checked)['\"]?"
    r" (?:last (?:week|month|time)|yesterday|this morning|on \w+day|\w+ (?:days|weeks) ago)(?![a-z])"
    r"|(?<![a-z])(?:that |which )?(?:they|you|he|your (?:guy|man|men|technician|electrician|plumber|worker)s?)"
    r" (?:replaced|fixed|repaired|installed|changed|patched)(?: (?:it|them))?"
    r" (?:last (?:week|month|time)|yesterday|on \w+day|\w+ (?:days|weeks) ago)(?![a-z])"
)


# A space between Chinese phrases of a chat message ("天花又塌紧落嚟 上次浸完都冇整好 而家一大旧石屎跌咗落厅")
# ends a clause as a semicolon would (the patterns' windows, which stop at a comma, still see across it). In a
# speech transcript, where a space parts every word or two ("插苏 烧焦 了 冒 火花"), it does not: spaces part
# clauses only where the phrases between them average _CHAT_PHRASE Chinese characters or more.
_HAN_GAP = compile_plain(r"(?<=[\u3400-\u9fff\U00020000-\U0002ffff]) +(?=[\u3400-\u9fff\U00020000-\U0002ffff])")
_CHAT_PHRASE = 5


def _clauses_parted(normalised: str) -> str:
    gaps = len(_HAN_GAP.findall(normalised))
    if not gaps or len(_HAN_CHAR.findall(normalised)) < _CHAT_PHRASE * (gaps + 1):
        return normalised
    return _HAN_GAP.sub("; ", normalised)


# The past asked about as the cause ("闻到很重的燃气味 是不是上次淹水把管子泡坏了"): neither a past of the danger now
# nor a danger of its own ("水費單…係咪因為上個月爆喉漏咗好多水" asks about a bill).
_GUESSED_CAUSE = compile_plain(
    r"(?:是不是|系唔系|系咪|是否|会不会|会唔会)(?:因为|由于)?(?:上次|上回|之前|早前|上个?(?:星期|礼拜|周|月)|前几天"
    r"|琴日|昨天)[^,.!?。!?;]{0,16}"
)


def _as_read(normalised: str) -> str:
    """What the patterns read of a message: without fillers, figures of speech and a past guessed as the cause."""
    return _GUESSED_CAUSE.sub(" ", _NOT_LITERAL.sub(_not_literal_gap, _without_fillers(normalised)))


def emergency_signal(normalised: str) -> EmergencySignal | None:
    """The first emergency signal in a normalised message, or None."""
    said = _as_read(normalised)
    s = _SUPPOSED.sub(" ", said)  # what is supposed is not happening, but "if it was a real leak" is a story
    # The past and the present are told clause by clause; the dangers are read in the words as they run on. Most
    # messages have no chat clauses to part: what is read of them is read once.
    chat = _clauses_parted(normalised)
    parted, parted_s = (said, s) if chat is normalised else (_as_read(chat), None)
    context = _without_past_reports(_COMPARED.sub(" ", parted))
    if not (_PAST.search(context) or _COMPLAINT.search(context)):
        return _first_signal(s)
    parted_s = parted_s if parted_s is not None else _SUPPOSED.sub(" ", parted)
    if not (
        _says_now(s) or (parted != said and _again_or_still_in_a_clause(parted_s)) or _going_on_in_a_clause(parted_s)
    ):
        return _later_matter_signal(s)
    # Told now beside the past. A flood told only in the clauses about the past is the aftermath's background, not the
    # kind of what happens now: "天花成旧石屎跌咗落嚟 … 上次水浸之后已经见到裂 而家真系塌紧" is a ceiling coming down,
    # "有个阿伯跌低 个头流好多血 嗰度自从水浸之后成日都湿" someone hurt. Any other kind named in the past is kept: the
    # socket that sparked last year and smokes now is the electrics'.
    whole = _first_signal(s)
    if whole is not None and whole.kind == "flood":
        present = "".join(c for c in re.split(r"(?<=[,.!?;:。!?;：])", parted) if not _PAST.search(c))
        now = _first_signal(_SUPPOSED.sub(" ", present))
        if now is not None and now.kind != "flood":
            return now
    return whole


# What the veto head (``ModelSettings.emergency_veto_below``) sees of the rules beside the words: which signal
# fired, whether any emergency wording is there at all (before the past, a complaint or a cancelling word silenced
# it), and each of the cues. The head learns from the data how far to trust each in its context.
_KINDS = ("flood", "trapped", "fire", "gas", "electric", "collapse", "injury")
CONTEXT_FEATURES: tuple[str, ...] = (
    "signal",
    *(f"signal:{kind}" for kind in _KINDS),
    "words",
    "past",
    "now",
    "denied",
    "harmless",
    "complaint",
    "question",
)


_EN_WORD = compile_plain(r"[a-z]+(?:'[a-z]+)?")
_HAN_CHAR = compile_plain(r"[\u3400-\u9fff\U00020000-\U0002ffff]")


def message_words(normalised: str) -> float:
    """How much a message says, in words: English words, and Chinese characters two to a word."""
    s = _without_fillers(normalised)
    return len(_EN_WORD.findall(s)) + len(_HAN_CHAR.findall(s)) / 2


def context_features(normalised: str, signal: EmergencySignal | None) -> list[str]:
    """The names in :data:`CONTEXT_FEATURES` that hold for a normalised message whose
    :func:`emergency_signal` is ``signal`` (the caller has it already)."""
    s = _without_fillers(normalised)
    found: list[str] = []
    if signal is not None:
        found += ["signal", f"signal:{signal.kind}"]
    if _names_a_danger(s):
        found.append("words")
    for name, cue in (("past", _PAST), ("denied", _DENIED), ("harmless", _HARMLESS)):
        if cue.search(s):
            found.append(name)
    if _NOW.search(s) or _NOW_IF_FOLLOWED.search(s):
        found.append("now")
    if _COMPLAINT.search(s):
        found.append("complaint")
    if is_question(normalised):
        found.append("question")
    return found


_QUESTION = compile_led(
    r"\?|吗|嘛|呢$|几|多少|点样|点解|点算|怎|什么|咩|乜|边度|边个|边间|哪|有冇|有没有|有无|可唔可以|可不可以|能不能"
    r"|会唔会|会不会|系咪|是不是|是否|请问|想问|问下|问一下|何时|几时"
    r"|^(?:what|when|where|which|who|whom|whose|why|how|can|could|may|do|does|did|is|are|was|will|would|should|shall)\b"
    r"|\b(?:what|when|where|how|which|why|anyone know|is there|are there|can i|could i|may i|do i|do you)\b"
)
# Greetings and thanks are "other" but not questions for the desk, even with a question mark ("hello?").
_SMALL_TALK = compile_plain(
    r"^(?:hi|hello|hey|hallo|哈啰|哈罗|你好|您好|早晨|早安|早上好|晚安|在吗|在吗\?|有冇人(?:呀|啊)?|anyone there"
    r"|hello,? anyone there|thanks?|thank you|多谢|谢谢|唔该|ok|okay|好|收到|bye|拜拜)[\s!?.,~。!?]*$"
)


def is_question(normalised: str) -> bool:
    """True when a message asks something (and is not just a greeting or thanks)."""
    if _SMALL_TALK.match(normalised):
        return False
    return bool(_QUESTION.search(normalised))


def says_complaint(normalised: str) -> bool:
    """The resident calls it a complaint in so many words ("投訴", "I want to complain")."""
    return bool(_COMPLAINT.search(normalised))


# A request to check on someone, with no fault to fix, is `other`: the desk sends a guard to knock (the conventions).
# The model reads many as complaints (a baby crying, a door open, a dog barking) or repairs. The rule takes one strong
# sign (a child crying with no adult; a thud and then silence) or two of: nobody answers the door or the phone, the
# person lives alone, has not been seen for days (newspapers piling up), a door open for hours, a television on for
# days or a smell said not to be gas, a worry that something has happened (or a guard asked to go and knock). A
# lift, an alarm, an intercom or the hotline in the message makes it no such request (the alarm or the hotline
# "nobody answers" is another matter). Over the written, held-out and probe data of round 104: 218 lines matched, all
# labelled `other`, and 6 emergencies (a gas smell, someone fainted), which the emergency reading takes first.
_NO_ANSWER = (
    r"冇人应|没人应|没人答应|冇人答应|冇人开门|没人开门"
    r"|(?:叫|拍|敲|㩒|按)(?:门|钟|门钟|极|咗|了)?(?:都|也)?(?:冇|没有?|无)人(?:应|答应|开|理|回应)"
    r"|(?<![a-z])(?:nobody|no one|no-one|noone)(?: is| was|'s)? (?:answer\w*|respond\w*|home|opens?|opening"
    r"|came to the door)"
    r"|(?<![a-z])(?:not|isn'?t|aren'?t|wasn'?t|doesn'?t|didn'?t|won'?t|hasn'?t|haven'?t) (?:answer\w*|respond\w*"
    r"|open\w* (?:the )?door)"
    r"|电话(?:也|都)?(?:不接|唔听|冇人听|没人接)|(?<![a-z])(?:nobody|no one|no-one)(?: is| was|'s)? around"
    r"|(?:冇|没有?)人(?:喺度|在家|喺屋企)"
)
_LIVES_ALONE = (
    r"独居|一个人住|自己一个(?:人)?住|住自己一个|一个人喺屋企"
    r"|(?<![a-z])(?:lives?|living|stays?|staying) (?:alone|on (?:his|her|their) own|by (?:him|her)self)"
    r"|(?<![a-z])alone(?! in the lift)"
    r"|(?<![a-z])(?:he'?s|she'?s|he is|she is|guy|man|lady|woman)[^.!?]{0,16} on (?:his|her) own(?![a-z])"
)
_NOT_SEEN = (
    r"(?:几|好几|两|三|四|五)(?:日|天)(?:都)?(?:冇|没有?)(?:见|出|出过|出门|出街|见过|见到)|好耐(?:都)?冇(?:见|出)"
    r"|(?:冇|没有?)(?:人)?见过(?:佢|他|她)|(?:报纸|单张|宣传单|信|外卖|快递|牛奶)[^,.!?。!?]{0,6}(?:堆|积)"
    r"|(?<![a-z])(?:hasn'?t|hasnt|haven'?t|not) been (?:seen|out)|(?:一直|都|几日|几天)(?:没|冇)见(?:着|到|过)"
    r"|(?<![a-z])(?:haven'?t|hasn'?t|havent|hasnt|not) seen (?:him|her|them|the \w+)(?: \w+)? (?:for|in|since)"
    r"|(?<![a-z])(?:nobody|no one|no-one) has seen"
    # Deliveries left for days: "503门口的外卖放了两天没人拿".
    r"|(?:外卖|快递|报纸|牛奶|包裹)[^,.!?。!?]{0,6}(?:两|三|几|好几)(?:日|天)(?:都)?(?:冇|没)人(?:拿|攞|收)"
    r"|(?<![a-z])(?:newspapers?|papers|mail|flyers|parcels?|deliveries) (?:are |is )?(?:piling|piled|stacking|stacked)"
)
_DOOR_OPEN_LONG = (
    r"门[^,.!?。!?]{0,4}(?:开|打开)(?:咗|了|着)[^。!?]{0,10}(?:成朝|一上午|一整天|成日|一早上|成个上午|成晚|一晚|一整晚|几个钟)"
    r"|(?:成朝|一上午|一整天|成日|成晚)[^,.!?。!?]{0,6}(?:开|打开)(?:住|着)?(?:度)?门"
    # "门由朝早开到而家", "门从早上一直开着", "個閘成晚冇閂".
    r"|门[^,.!?。!?]{0,4}(?:由|从)(?:朝早|早上|今朝|今早|上午|琴晚|昨晚|寻晚)(?:一直)?(?:开|打开)(?:到|着|住)"
    # (Not locked is the estate's security: "後樓梯道門成日冇鎖".)
    r"|(?<!梯)(?:门|闸)[^,.!?。!?]{0,4}(?:成晚|成日|成朝|一整天|一整晚|一上午)(?:都)?(?:冇|没|未)(?:闩|关)"
    # "對面單位個門成朝都開住", "成朝道門打開咗".
    r"|门[^,.!?。!?]{0,4}(?:成朝|成日|成晚|一上午|一整天|一早上)(?:都)?(?:开|打开)(?:住|着|咗|了)"
    r"|(?:成朝|成日|成晚|一上午|一整天)[^,.!?。!?]{0,3}门[^,.!?。!?]{0,2}(?:开|打开)(?:咗|了|着|住)"
    r"|(?<![a-z])door (?:\w+ )?(?:has been |is |was |been |left |wide )*(?:wide )?open (?:all|since|for)"
)
_LEFT_ON = (
    r"(?:电视|收音机|灯|(?<![a-z])(?:tv|radio|lights?))[^。!?]{0,12}(?:开(?:咗|了|着)|(?<![a-z])on)[^。!?]{0,8}"
    r"(?:两|三|几|好几|2|3)(?:日|天| days)"
    r"|(?:smell|臭味|怪味|味)[^。!?]{0,50}(?:not gas|唔系煤气|不像煤气|不是煤气|唔似煤气)"
    r"|灯一直(?:亮|着)"
    # Dark for days: "對面單位個婆婆幾日冇開燈 成晚黑晒".
    r"|(?:几|好几|两|三)(?:日|天)(?:都)?(?:冇|没有?)(?:开|着|亮)(?:过)?灯"
    r"|(?<![a-z])lights? (?:haven'?t|hasn'?t|have not|has not) been on (?:for|in|since)"
)
# Worried something has happened to them, or asking someone to go and knock: "会不会出事了", "擔心佢哋", "can someone
# go knock", "叫保安上去拍下門" (not "上去拍門又冇人應", a neighbour who will not answer about his dripping aircon).
_WORRIED_FOR = (
    r"(?:会不会|会唔会|系咪|是不是|惊|怕|担心)[^,.!?。!?]{0,4}(?:出(?:咗|了)?事|有事|发生(?:咗|了)?(?:咩|什么)?事)"
    r"|担心(?:佢|他|她)|(?:拍|敲)下门|(?:拍|敲)(?:拍|敲)门"
    r"|(?<![a-z])(?:go|come|someone to)(?: and)? knock(?![a-z])|(?<![a-z])knock on (?:the|their|his|her) door"
    # "can a guard knock", "could a guard check", "send security to check on her".
    r"|(?<![a-z])(?:guard|security|someone|somebody)(?: to)?(?: go| come)?(?: and)? (?:knock|check on)(?![a-z])"
    r"|(?<![a-z])(?:guard|security) (?:to )?check(?:\s*$|[.!?]| please| pls)"
    # "can someone check flat nine B".
    r"|(?<![a-z])(?:someone|somebody|a guard|security) (?:go |come )?check (?:on |flat |unit |the flat|him|her|them)"
)
_CHECK_ON_STRONG = compile_plain(
    r"(?:细路|小孩|婴儿|bb|孩子|小朋友|(?<![a-z])(?:baby|child|kid|toddler))[^。!?]{0,10}(?:喊|哭|crying|screaming)"
    r"[^。!?]{0,20}(?:冇大人|没大人|冇人|没人|(?<![a-z])(?:alone|no adults?|parents? not|nobody))"
    # A small child wandering alone: "a little boy maybe 4 wandering around the lobby alone, no parent in sight".
    r"|(?<![a-z])(?:boy|girl|kid|child|toddler)[^.!?]{0,30}(?:wandering|walking around|running around)[^.!?]{0,30}"
    r"(?:alone|no parents?|no adults?|on (?:his|her) own|by (?:him|her)self)"
    r"|(?:细路|小朋友|小孩|孩子)[^。!?]{0,8}(?:一个人|自己一个)[^。!?]{0,8}(?:周围行|乱走|走来走去|行来行去|游荡|四处走)"
    r"|(?:thud|thump|bang|crash|砰|嘭|好大声|摔东西|撞)[^。!?]{0,40}"
    r"(?:now (?:it'?s )?(?:all )?(?:silence|silent|quiet)|then (?:silence|quiet)"
    r"|now nothing(?: at all)?(?! (?:on|works?|working|happens|else|left|to))"
    r"|突然(?:一点声都)?(?:冇|没)(?:晒)?声|静晒|冇晒声|没声了|一点声音都没有)"
)
_CHECK_ON_SIGNS = tuple(
    compile_plain(p) for p in (_NO_ANSWER, _LIVES_ALONE, _NOT_SEEN, _DOOR_OPEN_LONG, _LEFT_ON, _WORRIED_FOR)
)
_CHECK_ON_DEVICE = compile_plain(
    r"平安钟|平安铃|警铃|警钟|对讲|呼援|电梯|䢂|热线"
    r"|(?<![a-z])(?:alarm|intercom|panic button|emergency button|call button|lift|elevator|hotline|helpline)s?(?![a-z])"
)


def asks_to_check_on_someone(normalised: str) -> bool:
    """The resident asks the desk to check on a neighbour (see _CHECK_ON_STRONG), with no device at fault."""
    if _CHECK_ON_DEVICE.search(normalised):
        return False
    if _CHECK_ON_STRONG.search(normalised):
        return True
    return sum(1 for sign in _CHECK_ON_SIGNS if sign.search(normalised)) >= 2
