"""A small cross-lingual lexicon: words residents use for each kind of matter, mapped to one concept.

The classifier sees the concepts as extra features, so "漏水", "滴水" and "leaking" all count as
``plumbing`` even when a phrasing never occurred in the training data. Patterns run on normalised text
(Simplified Chinese, lower case); Cantonese forms (坏咗, 冇电, 嘈) are listed beside Mandarin ones.
"""

from __future__ import annotations

import re

from bot.nlu.patterns import compile_plain
from bot.nlu.rules import is_question

_EN = r"(?<![a-z])(?:{})(?![a-z])"


def _concept(zh: str, en: str = "") -> re.Pattern[str]:
    parts = [zh] if zh else []
    if en:
        parts.append(_EN.format(en))
    return compile_plain("|".join(parts))


CONCEPTS: dict[str, re.Pattern[str]] = {
    # What kind of matter it is.
    "broken": _concept(
        r"坏|烂|断|甩|松咗|松了|裂|唔work|失灵|故障|冇反应|没反应|无反应|唔郁|不动|停咗|关唔埋|关不上|开唔到|打不开"
        r"|打唔开"
        r"|开不了|唔着|不亮|唔响|不响|唔到|不到|唔得|不了|跳掣|跳闸|塞|堵|漏|滴|爆咗|爆了|穿咗|穿了|窿|黑晒|黑哂|唔开"
        r"|唔关|坏晒|坏哂|烂晒|用唔到|用不了|整唔好|修不好|出问题|有问题|脱落",
        r"broken|broke|snapped|loose|cracked|not working|doesn't work|does not work|won't|can't|out of order|stuck"
        r"|jammed|faulty|down|dead|no power|not responding|blocked|clogged|leak\w*|drip\w*|flicker\w*|trip\w*|burst"
        r"|busted|bust|kaput|not turning on|won't turn on|hole|packed up|gave up|conked out",
    ),
    "repair_ask": _concept(
        r"报修|报维修|维修|修理|整返|整好|搵人整|要整|来整|上门|师傅|技工|整下|整一整|派人|派个人|搵人嚟|叫人嚟"
        r"|过来看看|来看看|修一下|修下",
        r"fix|repair\w*|technician|plumber|electrician|send someone|come and (?:check|fix)",
    ),
    "complain": _concept(
        r"投诉|太差|好差|很差|极差|态度|冇礼貌|没礼貌|无礼|唔理|不理|没人管|冇人理|冇人管|冇人清|没人清|离谱|过分"
        r"|受不了"
        r"|顶唔顺|还让不让人|搞乜|搞什么|又系|每晚|成日|天天|日日|every night|every day|次次|成个月|好多次|讲咗几次"
        r"|讲过几多次|说了几次|说过多少次|一直都|总是|老是|经常|又嚟|又来"
        r"|又再|冇人理会|没人理会|到底",
        r"complain\w*|complaint|rude|useless|terrible|unacceptable|again|always|keeps?|every|never|nobody|no one"
        r"|each time|fed up|sick of|ridiculous|disgusting|how many times",
    ),
    "bill": _concept(
        r"物业费|管理费|水电费|电费|水费|车位费|费用|交费|缴费|付款|付费|欠费|欠|收据|发票|账单|帐单|查帐|查账|余额"
        r"|充值|预存"
        r"|预交|罚款|滞纳金|催缴|追数|加价|分期|八达通|支付宝|微信支付|信用卡|转账|过数|\$|蚊|港币|块钱|元"
        r"|转数快|入数|入咗数|俾咗钱|畀咗钱|交咗|交了|付了|扣款|自动转账|支票|银行|退返|退款|差饷|电表|电錶|电卡|余额"
        r"|几多钱|地租|入表|水表|度电|几多度|剩几多|还有多少|追数信|律师信|律师函|催款"
        r"|缴费通知|交费通知|收据|按金|押金|自动转帐|自动扣款|银行过户|月结单|单据|收费|多收|收多|双重收费|扣咗两次"
        r"|扣了两次|缴费|续费|交钱",
        r"fees?|bills?|billing|arrears|owe[sd]?|receipt|invoice|payment|pay|paid|balance|credit|charged?|due"
        r"|dollars?|hkd|statement|top up|prepaid|late fee|fps|transfer\w*|cheques?|checks?|refund\w*|deposit|overdue"
        r"|outstanding|direct debit|autopay|bank|reminder letter|amount|lawyer'?s letter|demand letter"
        r"|debt collect\w*|rates|government rent|meter balance|top[- ]?up|units left|kwh|paid twice|double charged"
        r"|overcharged|e-?statement|reference number|payme|octopus|settle|account number|standing order|breakdown"
        r"|send the money|owing|how much",
    ),
    "small_talk": _concept(
        r"^(?:你好|您好|哈啰|哈罗|早晨|早安|早上好|晚安|在吗|有冇人|谢谢|多谢|唔该|唔该晒|收到|好的|好|明白|知道了"
        r"|拜拜|👍|测试)"
        r"|麻烦晒|麻烦你们|辛苦|唔该晒|多谢晒|谢谢你们|谢谢你|感谢|好嘅|好的|冇问题|没问题|明白晒|知道喇|知道了|ok啦"
        r"|好啦|有心|唔使喇|没事了|搞掂",
        r"^(?:hi|hello|hey|good morning|good evening|thanks?|thank you|bye|ok|okay|got it|noted|test)"
        r"|cheers|appreciate|\bty\b|thx|sorted|many thanks|thanks a lot|thank you so much|much appreciated|no problem"
        r"|no worries|all good|that'?s all|good job|well done",
    ),
    "enquiry": _concept(
        r"几点|几时|开门|开放|预约|预订|订|租用|申请|登记|快递|速递|包裹|活动|报名|许可|养狗|养猫|宠物|停水|停电"
        r"|穿梭巴士|巴士"
        r"|电话|号码|手机号|改|转名|变更|搬屋|搬家|押金|文件|材料|请问|想问|经理|业主群|群组|通告|通知|告示|开放时间"
        r"|营业时间|几点关|几点开|访客|访客证|车位证|门禁卡|领取|寄存|失物|遗失|唔见咗",
        r"book|booking|reserve|register|parcel|delivery|event|permit|pets?|allowed|shuttle|bus|opening|office hours"
        r"|phone number|number|update|change|move in|moving|documents?|speak to|manager|human|where|when|what time"
        r"|opening hours|closing|close tonight|open today|notice|circular|lost and found|lost my|visitor pass|guest"
        r"|collect|wrong (?:chat|group|number|person)|(?:pls|please) ignore|call me back|do (?:we|i) need|is it safe"
        r"|can i (?:put|leave|book|use|bring|park|get)|survey|typhoon|whatsapp|key card",
    ),
    # A matter already reported: its status, a visit booked, moved or missed, a report to cancel or close. Such a
    # message names the fault ("is the electrician still coming for my socket?") without reporting it again; the
    # model learns from the data how far this outweighs the fault's words ("the leak is back again" is a repair).
    "followup": _concept(
        r"(?:已经|之前|早前|上次|琴日|昨天|前日|前天|周[一二三四五六日]|礼拜[一二三四五六日天]|星期[一二三四五六日天])"
        r"报(?:咗|了|过|的)?|报(?:咗|了|过)(?!警)|(?:报|反映|投诉)(?:过|的)(?:那|嗰|个|件|单)|报修(?:单|的)|工单|单号"
        r"|维修单|(?<!报)编号|整(?:咗|好)?(?:未|没有?|吗)|修好(?:了)?(?:未|没有?|吗|冇)|搞掂(?:咗)?(?:未|没)"
        r"|几时(?:整|修|嚟|来|上门|开工|搞)|什么时候(?:来|修|开工|上门|处理|派人|能修|能好)|进度"
        r"|有(?:冇|没有?)(?:回复|消息|进展|下文|人跟)|来(?:了)?没有|嚟(?:咗)?未|到(?:咗|了)?(?:未|没有?)|预计"
        r"|排(?:咗|了)?期|约(?:咗|了|好)(?:师傅|时间|几点|听日|明天)?|改期|改(?:个)?时间|改约"
        r"|(?:唔|不)(?:使|用)(?:再)?(?:嚟|来|派人|上门|修|整)|取消|撤(?:销|单|回|咗|了)|关(?:咗|了|掉)?(?:单|工单)"
        r"|结单|销单",
        r"i reported|we reported|(?:she|he|they|my \w+) reported"
        r"|reported (?:it|this|that|the|my|on|last|yesterday|earlier|this morning|on \w+day)"
        r"|(?:i|we) (?:called|rang|phoned|messaged|wrote) (?:about|re|regarding)|my (?:report|request)"
        r"|the (?:report|request)|tickets?|case (?:no|number|#)|ref(?:erence)?(?: no| number|#|:)|job (?:no|number)"
        r"|any update|any news|any progress|status|follow(?:ing)?[- ]up|chasing"
        r"|(?:is|are) (?:he|she|someone|they|the \w+) still coming"
        r"|when (?:is|will|can) (?:someone|somebody|the \w+|he|she|they|you) (?:come|coming|be (?:here|there|coming))"
        r"|has (?:anyone|anybody|someone|the \w+) been|booked|appointment|reschedul\w*|postpone\w*"
        r"|another (?:day|time|slot)|(?:the|my|our) (?:\w+ )?slot|cancel\w*"
        r"|close (?:the|my|this) (?:ticket|case|job|report)"
        r"|(?:don'?t|do not|no need to) (?:send|come)|never (?:came|showed|turned up|called back)"
        r"|(?:didn'?t|did not) (?:come|show|turn up)|no[- ]show",
    ),
    # Repair categories.
    "plumbing": _concept(
        r"漏水|滴水|渗水|漏|塞|堵|冲唔到水|冲不了|水管|水喉|水龙头|龙头|马桶|厕所|坐厕|洗手间|卫生间|浴室|冲凉|花洒"
        r"|去水|下水"
        r"|地漏|渠|热水|水压|冇水|没水|没有水|无水|水箱|水表|洗手盆|洗碗盆|锌盆|盆|喉|热水炉|热水器|煤气炉|去水位"
        r"|坑渠|臭渠|喉管|水掣|水龙头|冲厕|冲水|浴缸|淋浴|反水|倒灌|积水|冇热水|没热水"
        r"|水浸|水渍|出水|冷气机滴水|冷气滴水",
        r"leak\w*|drip\w*|blocked|clog\w*|toilet|sink|taps?|faucet|pipes?|drains?|shower|flush|hot water"
        r"|water pressure|no water|water heater|basin|plumbing|water|geyser|boiler|bathtub|bath|cistern|u-bend|sewage"
        r"|overflow\w*",
    ),
    "electrical": _concept(
        r"停电|冇电|没电|无电|跳掣|跳闸|总闸|电闸|电箱|电表|电源|电线|灯|插座|插苏|插头|开关|掣|风扇|抽油烟机|冷气"
        r"|空调|门钟|门铃|冷气机|分体机|窗口机|抽气扇|排气扇|光管|灯胆|灯泡|电掣|总掣|空开|空气开关"
        r"|黑晒|黑哂|冇电|电饭煲|雪柜|充电"
        r"|电(?!梯|话|费|动|视|钻|单)",
        r"aircon|air con|air-con|a/c|power|lights?|lamps?|sockets?|outlets?|switch\w*|breaker|trip\w*|fuses?|fan"
        r"|electric\w*|doorbell|bulb|wiring|flicker\w*|extractor|exhaust fan|fridge|oven|cooker hood|tube light"
        r"|blackout|outage|smoke (?:detector|alarm)|detector|chirp\w*|battery|meter room|switch room|geyser switch",
    ),
    "elevator": _concept(
        # 电提: 电梯 typed by its sound (diàn tí), not 停电提醒 or 电提供.
        r"电梯|电提(?![供示醒交议出前高到及])|升降机|䢂|(?<!楼)梯(?!级)|(?:部|架|个|嗰部)较(?![好差多少为])|较门|较槽|扶手电梯|手扶电梯",
        r"lifts?|elevators?|escalators?|elevater|elavator|elevtor|lfit",  # the usual misspellings too
    ),  # 𨋢 is 䢂 after t2s
    "doors": _concept(
        r"(?<!电梯)门(?!口|铃|钟|卫)|锁|闸(?!机房)|窗|门禁|趟门|卷闸|把手|铁闸|门较|窗较|门铰|窗铰|铰|门钮|猫眼"
        r"|对讲机|对讲|拍卡|密码锁|门柄|刷卡|道闸",
        r"doors?|gates?|locks?|locked|windows?|barrier|access card|card reader|handle|hinge|keypad|intercom|shutter"
        r"|door closer|latch|deadbolt",
    ),
    "common_area": _concept(
        r"大堂|平台|花园|会所|健身|泳池|游乐场|滑梯|秋千|信箱|扶手|栏杆|围栏|地砖|瓷砖|外墙|天台|长椅|椅子|跑步机"
        r"|公共|走廊|楼梯|楼道"
        r"|小区|大门口|园景|单车架|天井|后楼梯|楼梯间|平台花园|行人路|坡道",
        r"lobby|podium|garden|clubhouse|gym|pool|playground|swing|slide|mailbox|railing|tiles?|rooftop|roof"
        r"|treadmill|bench|corridor|stair\w*|common area|walkway|hallway|courtyard|bike rack|handrail|paving|carpet"
        r"|ramp|notice ?board|fence|ladder|pothole|rubber mat|frayed|letter ?box(?:es)?",
    ),
    # The fabric and fittings of a flat no trade covers (repair "other").
    "structure": _concept(
        r"裂缝|裂痕|裂|霉|批荡|墙身|墙皮|天花板|天花|地板|起拱|发胀|剥落|脱落|石屎|钢筋|渗水|甩灰|油漆|发霉|黑点|白蚁"
        r"|吊柜|橱柜|衣柜|柜门|抽屉|层架|晾衫架|晾衣架|窗帘路轨|踢脚线|地脚线|合页",
        r"cracks?|mou?ld|plaster|ceiling|walls?|floorboards?|peeling|damp\w*|concrete|spalling|termites?|paint"
        r"|cabinets?|cupboards?|wardrobes?|drawers?|shel(?:f|ves)|curtain rail|clothes rack",
    ),
    # Complaint categories.
    "noise": _concept(
        r"嘈|吵|噪|大声|好响|装修|打钻|电钻|钻|唱k|唱歌|音乐|狗吠|吠|跑跳|跳嚟跳去|拖椅|麻将|广场舞|拍门|撞|嘈吵|嘈到"
        r"|吵到|琴|派对|半夜|凌晨|瞓唔到|睡不着|训唔到|震|麻雀|拖凳|拖櫈|拖椅|蹦蹦跳跳|音响",
        r"noise|noisy|loud|drill\w*|music|party|bark\w*|renovat\w*|banging|karaoke|piano|shouting|yelling|stomping"
        r"|thumping|can't sleep|all night|late at night|midnight|jumping|running around|drums?|mahjong|tv|television"
        r"|leaf blower|mow\w*|generator|hums?|humming|revving|engine|football|ball games?|screaming|howl\w*|clack\w*"
        r"|footsteps|dragging|hammer\w*|construction",
    ),
    "neighbour": _concept(
        r"邻居|隔篱|隔壁|楼上|楼下|对面|住户|单位|杂物|烟头|食烟|抽烟|吸烟|狗屎|大小便|晒衣服|堆|冷气机滴水|冷气滴水"
        r"|晾衫|晒衫|滴水落|花盆|抛嘢|高空掷物|占用|霸占|霸住|鞋柜|婴儿车|烟味|二手烟"
        r"|狗|猫",
        r"neighbou?rs?|upstairs|downstairs|next door|cigarette\w*|smoking|dogs?|laundry|flower ?pots?|cats?|pets?"
        r"|shoes|thrown|throwing|flat above|flat below",
    ),
    "staff": _concept(
        r"保安|管理员|职员|客服|前台|清洁|保洁|阿姨|管理处|物业|经理|师傅|态度|冇礼貌|没礼貌|瞓觉|睡觉|玩手机|没人接"
        r"|冇人听|冇人接"
        r"|没人来|冇人嚟|不回复|唔回复|冇回复|冇覆|不理睬|看更|护卫|瞓晒觉|唔喺度|不在岗|答应|约咗又唔嚟|物业公司"
        r"|物业管理|管理公司|保安员|门卫|值班|当值|冇人接电话|没人接电话|打极都唔通|敷衍|推卸"
        r"|推来推去|冇跟进|没跟进|冇人来|冇嚟|没来",
        r"guards?|security guard|staff|receptionist|cleaners?|concierge|handyman|rude|sleeping|hung up|attitude"
        r"|never (?:showed|came|replied)|no one (?:came|answered)|nobody (?:came|answered)|management office"
        r"|management company|front desk|doorman|watchman|no reply|ignored|didn't turn up|not at (?:his|her"
        r"|the) (?:post|desk)|unprofessional|cso|estate office|mgmt|customer service|counter|lifeguard|called back"
        r"|call back|no[- ]show|showed up|never (?:came|come)|pick up the phone|impatient|ignored me|shouted",
    ),
    "cleanliness": _concept(
        r"垃圾|臭|污糟|脏|蟑螂|曱甴|老鼠|蚊|虫|苍蝇|蝇|呕吐|尿|屎|清洁|清理|水渍|浊|落叶|霉味|冇人执|没人清|冇人清"
        r"|冇人倒|没人倒|冇人扫|没人扫|冇人抹|冇清|邋遢|腥|馊|发臭|垃圾房|垃圾桶|满泻"
        r"|溢出|冇执|唔执|鸽|雀屎|鸟屎|狗尿|小便|随地|便溺|拖地|冇拖|没拖|未拖|泥脚印|脚印|污渍",
        r"dirty|filthy|rubbish|garbage|trash|bins?|smells?|stinks?|cockroach\w*|rats?|mice|pests?|poo\w*|urine|leaves"
        r"|flies|vomit|swept|sweep\w*|litter|mess\w*|overflowing|pigeons?|bird droppings|stain\w*|not cleaned"
        r"|hasn't been cleaned|mop\w*|stink\w*|rotting|spider ?webs?|cobwebs?|dust\w*|slim\w*|algae|rotten|wiped"
        r"|unhygienic|toilet paper|refuse room|bin room",
    ),
    "security": _concept(
        r"偷|被盗|盗|贼|陌生|可疑|闯入|撬|外人|缺口|跟住人入|乱逛|不安全|唔安全|冇人睇|闭路电视|随便进出|乜人都入"
        r"|撑住|冇锁|没锁|无人看守|爆格|入屋|偷窃|失窃|偷嘢|偷车|跟尾|尾随|推销|派传单"
        r"|乱按门铃",
        r"stolen|theft|thief|steal\w*|strangers?|suspicious|broke into|break-in|tailgat\w*|unlocked|unsafe|cctv"
        r"|trying door|intruders?|burglar\w*|smashed|vandal\w*|someone took|went missing|被人拎走|拎走咗|被人偷|被偷"
        r"|打烂咗玻璃|propped open|left open|salesm[ae]n|flyers?|loiter\w*|trespass\w*|no guard|door handles|never seen"
        r"|follow\w* (?:me|residents|people|us)|walk in|not (?:a )?residents?|not living here|hanging around"
        r"|anyone can",
    ),
    "parking": _concept(
        r"车位|泊车|泊咗|停车|泊|车|消防通道|车库|地库|霸位|黄线|咪表|电单车|挡住|阻住|乱停|乱泊|违泊",
        r"parking|parked|park|cars?|vehicles?|visitor bay|motorbikes?|vans?|driveway|blocked in|double[- ]parked|taxi"
        r"|lorry|truck|scooter",
    ),
}


REPAIR_CONCEPTS = ("plumbing", "electrical", "elevator", "doors", "common_area", "structure")
COMPLAINT_CONCEPTS = ("noise", "neighbour", "staff", "cleanliness", "security", "parking")


def concepts(normalised: str) -> list[str]:
    """The concepts a normalised message mentions, e.g. ``["broken", "elevator"]``; "question" if it asks."""
    found = [name for name, pattern in CONCEPTS.items() if pattern.search(normalised)]
    if is_question(normalised):
        found.append("question")
    return found
