"""A small cross-lingual lexicon: words residents use for each kind of matter, mapped to one concept.

The classifier sees the concepts as extra features, so "漏水", "滴水" and "leaking" all count as
``plumbing`` even when a phrasing never occurred in the training data. Patterns run on normalised text
(Simplified Chinese, lower case); Cantonese forms (坏咗, 冇电, 嘈) are listed beside Mandarin ones.
"""

from __future__ import annotations

import re

from bot.nlu.rules import is_question

_EN = r"(?<![a-z])(?:{})(?![a-z])"


def _concept(zh: str, en: str = "") -> re.Pattern[str]:
    parts = [zh] if zh else []
    if en:
        parts.append(_EN.format(en))
    return re.compile("|".join(parts))


CONCEPTS: dict[str, re.Pattern[str]] = {
    # What kind of matter it is.
    "broken": _concept(
        r"坏|烂|断|甩|松咗|松了|裂|唔work|失灵|故障|冇反应|没反应|无反应|唔郁|不动|停咗|关唔埋|关不上|开唔到|打不开|打唔开"
        r"|开不了|唔着|不亮|唔响|不响|唔到|不到|唔得|不了|跳掣|跳闸|塞|堵|漏|滴",
        r"broken|broke|snapped|loose|cracked|not working|doesn't work|does not work|won't|can't|out of order|stuck"
        r"|jammed|faulty|down|dead|no power|not responding|blocked|clogged|leak\w*|drip\w*|flicker\w*|trip\w*",
    ),
    "repair_ask": _concept(
        r"报修|报维修|维修|修理|整返|整好|搵人整|要整|来整|上门|师傅|技工",
        r"fix|repair\w*|technician|plumber|electrician|send someone|come and (?:check|fix)",
    ),
    "complain": _concept(
        r"投诉|太差|好差|很差|极差|态度|冇礼貌|没礼貌|无礼|唔理|不理|没人管|冇人理|冇人管|冇人清|没人清|离谱|过分|受不了"
        r"|顶唔顺|还让不让人|搞乜|搞什么|又系|每晚|成日|天天|日日|every night|every day",
        r"complain\w*|complaint|rude|useless|terrible|unacceptable|again|always|keeps?|every",
    ),
    "bill": _concept(
        r"物业费|管理费|水电费|电费|水费|车位费|费用|交费|缴费|付款|付费|欠费|欠|收据|发票|账单|帐单|查帐|查账|余额|充值|预存"
        r"|预交|罚款|滞纳金|催缴|追数|加价|分期|八达通|支付宝|微信支付|信用卡|转账|过数|\$|蚊|港币|块钱|元"
        r"|转数快|入数|入咗数|俾咗钱|畀咗钱|交咗|交了|付了|扣款|自动转账|支票|银行|退返|退款|差饷|电表|电錶|电卡|余额|几多钱",
        r"fees?|bills?|billing|arrears|owe[sd]?|receipt|invoice|payment|pay|paid|balance|credit|charged?|due"
        r"|dollars?|hkd|statement|top up|prepaid|late fee|fps|transfer\w*|cheques?|checks?|refund\w*|deposit|overdue"
        r"|outstanding|direct debit|autopay|bank|reminder letter|amount",
    ),
    "small_talk": _concept(
        r"^(?:你好|您好|哈啰|哈罗|早晨|早安|早上好|晚安|在吗|有冇人|谢谢|多谢|唔该|唔该晒|收到|好的|好|明白|知道了|拜拜|👍|测试)"
        r"|麻烦晒|麻烦你们|辛苦|唔使喇|没事了|搞掂",
        r"^(?:hi|hello|hey|good morning|good evening|thanks?|thank you|bye|ok|okay|got it|noted|test)"
        r"|cheers|appreciate|\bty\b|thx|sorted",
    ),
    "enquiry": _concept(
        r"几点|几时|开门|开放|预约|预订|订|租用|申请|登记|快递|速递|包裹|活动|报名|许可|养狗|养猫|宠物|停水|停电|穿梭巴士|巴士"
        r"|电话|号码|手机号|改|转名|变更|搬屋|搬家|押金|文件|材料|请问|想问|经理",
        r"book|booking|reserve|register|parcel|delivery|event|permit|pets?|allowed|shuttle|bus|opening|office hours"
        r"|phone number|number|update|change|move in|moving|documents?|speak to|manager|human|where|when|what time",
    ),
    # Repair categories.
    "plumbing": _concept(
        r"漏水|滴水|渗水|漏|塞|堵|冲唔到水|冲不了|水管|水喉|水龙头|龙头|马桶|厕所|坐厕|洗手间|卫生间|浴室|冲凉|花洒|去水|下水"
        r"|地漏|渠|热水|水压|冇水|没水|没有水|无水|水箱|水表|洗手盆|洗碗盆|锌盆|盆|喉",
        r"leak\w*|drip\w*|blocked|clog\w*|toilet|sink|taps?|faucet|pipes?|drains?|shower|flush|hot water"
        r"|water pressure|no water|water heater|basin|plumbing|water",
    ),
    "electrical": _concept(
        r"停电|冇电|没电|无电|跳掣|跳闸|总闸|电闸|电箱|电表|电源|电线|灯|插座|插苏|插头|开关|掣|风扇|抽油烟机|冷气|空调|门钟|门铃"
        r"|电(?!梯|话|费|动|视|钻|单)",
        r"aircon|air con|air-con|a/c|power|lights?|lamps?|sockets?|outlets?|switch\w*|breaker|trip\w*|fuses?|fan"
        r"|electric\w*|doorbell|bulb|wiring|flicker\w*",
    ),
    "elevator": _concept(r"电梯|升降机|䢂|(?<!楼)梯(?!级)", r"lifts?|elevators?"),  # 𨋢 is 䢂 after t2s
    "doors": _concept(
        r"(?<!电梯)门(?!口|铃|钟|卫)|锁|闸(?!机房)|窗|门禁|趟门|卷闸|把手",
        r"doors?|gates?|locks?|locked|windows?|barrier|access card|card reader|handle|hinge",
    ),
    "common_area": _concept(
        r"大堂|平台|花园|会所|健身|泳池|游乐场|滑梯|秋千|信箱|扶手|栏杆|围栏|地砖|瓷砖|外墙|天台|长椅|椅子|跑步机|公共|走廊|楼梯|楼道"
        r"|小区",
        r"lobby|podium|garden|clubhouse|gym|pool|playground|swing|slide|mailbox|railing|tiles?|rooftop|roof"
        r"|treadmill|bench|corridor|stair\w*|common area",
    ),
    "structure": _concept(
        r"裂缝|裂痕|裂|霉|批荡|墙身|墙皮|天花板|天花|地板|起拱|发胀|剥落|脱落",
        r"cracks?|mou?ld|plaster|ceiling|walls?|floorboards?|peeling",
    ),
    # Complaint categories.
    "noise": _concept(
        r"嘈|吵|噪|大声|好响|装修|打钻|电钻|钻|唱k|唱歌|音乐|狗吠|吠|跑跳|跳嚟跳去|拖椅|麻将|广场舞",
        r"noise|noisy|loud|drill\w*|music|party|bark\w*|renovat\w*|banging|karaoke",
    ),
    "neighbour": _concept(
        r"邻居|隔篱|隔壁|楼上|楼下|对面|住户|单位|杂物|烟头|食烟|抽烟|吸烟|狗屎|大小便|晒衣服|堆",
        r"neighbou?rs?|upstairs|downstairs|next door|cigarette\w*|smoking|dogs?",
    ),
    "staff": _concept(
        r"保安|管理员|职员|客服|前台|清洁|保洁|阿姨|管理处|物业|经理|师傅|态度|冇礼貌|没礼貌|瞓觉|睡觉|玩手机|没人接|冇人听|冇人接"
        r"|没人来|冇人嚟|不回复|唔回复|冇回复|冇覆|不理睬|看更|护卫|瞓晒觉|唔喺度|不在岗|答应|约咗又唔嚟",
        r"guards?|security guard|staff|receptionist|cleaners?|concierge|handyman|rude|sleeping|hung up|attitude"
        r"|never (?:showed|came|replied)|no one (?:came|answered)|nobody (?:came|answered)",
    ),
    "cleanliness": _concept(
        r"垃圾|臭|污糟|脏|蟑螂|曱甴|老鼠|蚊|虫|苍蝇|蝇|呕吐|尿|屎|清洁|清理|水渍|浊|落叶|霉味|冇人执|没人清|冇人清|冇人倒|没人倒",
        r"dirty|filthy|rubbish|garbage|trash|bins?|smells?|stinks?|cockroach\w*|rats?|mice|pests?|poo\w*|urine|leaves"
        r"|flies|vomit|swept|sweep\w*|litter",
    ),
    "security": _concept(
        r"偷|被盗|盗|贼|陌生|可疑|闯入|撬|外人|缺口|跟住人入|乱逛|不安全|唔安全|冇人睇|闭路电视|随便进出|乜人都入|撑住",
        r"stolen|theft|thief|steal\w*|strangers?|suspicious|broke into|break-in|tailgat\w*|unlocked|unsafe|cctv"
        r"|trying door|intruders?",
    ),
    "parking": _concept(
        r"车位|泊车|泊咗|停车|泊|车|消防通道|车库|地库",
        r"parking|parked|park|cars?|vehicles?|visitor bay|motorbikes?|vans?",
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
