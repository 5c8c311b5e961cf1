"""What the hotline says, for the ear: short prompts in Cantonese (zh-Hant), Mandarin (zh-Hans) and English.

Dialog replies carry a stable key ("repair.photos", "report.received"); the phone speaks its own
version of the few whose chat wording assumes a screen, and reads every other reply as it is.
Choices are spoken as numbered options and accepted by digit or by saying them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

ZH_HANT, ZH_HANS, EN = "zh-Hant", "zh-Hans", "en"

# Keys 1-8 are options; 9 is always the emergency line and 0 the service desk (or voicemail); * repeats.
MAX_OPTIONS = 8
EMERGENCY_KEY = "9"
DESK_KEY = "0"
REPEAT_KEY = "*"

_TEXTS: dict[str, dict[str, str]] = {
    "language_menu": {
        ZH_HANT: "廣東話請按1。",
        ZH_HANS: "普通话请按2。",
        EN: "For English, press 3.",
    },
    "greeting_known": {
        ZH_HANT: "{name}你好，歡迎致電{estate}。",
        ZH_HANS: "{name}您好，欢迎致电{estate}。",
        EN: "Hello {name}, welcome to the {estate} hotline.",
    },
    "greeting_unknown": {
        ZH_HANT: "歡迎致電{estate}。",
        ZH_HANS: "欢迎致电{estate}。",
        EN: "Welcome to the {estate} hotline.",
    },
    "menu": {
        ZH_HANT: "報修請按1，或者直接講低有咩問題。投訴請按2。緊急事故請按9。",
        ZH_HANS: "报修请按1，或者直接说出问题。投诉请按2。紧急事故请按9。",
        EN: "To report a repair, press 1 or tell me what is wrong. To make a complaint, press 2. "
        "For an emergency, press 9.",
    },
    "menu_bills": {
        ZH_HANT: "查詢賬單請按3。",
        ZH_HANS: "查询账单请按3。",
        EN: "For your bills, press 3.",
    },
    "bill_unit": {
        ZH_HANT: "為保障你嘅私隱，請用數字鍵輸入你要查詢嘅單位號碼，例如五零二，然後按井字鍵。",
        ZH_HANS: "为保障您的隐私，请用数字键输入要查询的单位号码，例如五零二，然后按井号键。",
        EN: "For your privacy, please key in the flat number of the bill, for example 5 0 2, then the hash key.",
    },
    "bill_refused": {
        ZH_HANT: "呢個單位唔係登記喺你嘅電話號碼之下，所以唔可以喺電話讀出賬單。"
        "請致電客服中心{phone}，或者親臨管理處查詢。",
        ZH_HANS: "这个单位不在您的电话号码名下，所以不能在电话中读出账单。请致电客服中心{phone}，或到管理处查询。",
        EN: "That flat is not registered to the number you are calling from, so its bill cannot be read out. "
        "Please call the service desk on {phone}, or ask at the management office.",
    },
    "menu_desk": {
        ZH_HANT: "客服中心請按0。",
        ZH_HANS: "客服中心请按0。",
        EN: "For the service desk, press 0.",
    },
    "menu_voicemail": {
        ZH_HANT: "留言請按0。",
        ZH_HANS: "留言请按0。",
        EN: "To leave a message, press 0.",
    },
    "anything_else": {
        ZH_HANT: "請問仲有冇其他事？",
        ZH_HANS: "请问还有其他事吗？",
        EN: "Is there anything else?",
    },
    "describe": {
        ZH_HANT: "請講低有咩問題，同埋喺邊度。",
        ZH_HANS: "请说出问题和地点。",
        EN: "Please tell me what is wrong, and where.",
    },
    "sorry": {
        ZH_HANT: "對唔住，聽唔清楚。",
        ZH_HANS: "对不起，没有听清楚。",
        EN: "Sorry, I did not catch that.",
    },
    "option": {
        ZH_HANT: "{label}請按{n}。",
        ZH_HANS: "{label}请按{n}。",
        EN: "For {label}, press {n}.",
    },
    "emergency": {
        ZH_HANT: "而家幫你接駁二十四小時當值同事。緊急工單編號係{number}。",
        ZH_HANS: "现在为您接通二十四小时值班同事。紧急工单编号是{number}。",
        EN: "Putting you through to the 24-hour duty team now. Your emergency ticket is {number}.",
    },
    "emergency_retry": {
        ZH_HANT: "當值同事未能接聽，而家試另一個號碼。",
        ZH_HANS: "值班同事未能接听，现在尝试另一个号码。",
        EN: "The duty line did not answer. Trying another number.",
    },
    "emergency_voicemail": {
        ZH_HANT: "暫時未能接通。請喺嘟一聲之後留低訊息，當值同事會盡快覆你。",
        ZH_HANS: "暂时未能接通。请在提示音后留言，值班同事会尽快回复您。",
        EN: "Nobody could answer. Please leave a message after the tone; the duty team will call you back.",
    },
    "recorded": {
        ZH_HANT: "你嘅留言會被錄音。",
        ZH_HANS: "您的留言将被录音。",
        EN: "Your message will be recorded.",
    },
    "desk_transfer": {
        ZH_HANT: "而家幫你轉駁客服中心。",
        ZH_HANS: "现在为您转接客服中心。",
        EN: "Putting you through to the service desk.",
    },
    "voicemail": {
        ZH_HANT: "客服中心暫時未能接聽。請喺嘟一聲之後留低訊息，我哋會覆電。",
        ZH_HANS: "客服中心暂时未能接听。请在提示音后留言，我们会回电。",
        EN: "The service desk cannot take your call now. Please leave a message after the tone; we will call you back.",
    },
    "voicemail_saved": {
        ZH_HANT: "多謝，你嘅留言已經記錄，編號係{number}。我哋會覆電。",
        ZH_HANS: "谢谢，您的留言已记录，编号是{number}。我们会回电。",
        EN: "Thank you. Your message is recorded as {number}. We will call you back.",
    },
    "callback_noted": {
        ZH_HANT: "我哋已經記低你嘅來電，編號係{number}，會盡快覆電。",
        ZH_HANS: "我们已记录您的来电，编号是{number}，会尽快回电。",
        EN: "We have noted your call as {number} and will call you back.",
    },
    "withheld": {
        ZH_HANT: "你嘅來電號碼已隱藏，我哋無法覆電。請講低你嘅姓名、單位同電話。",
        ZH_HANS: "您的来电号码已隐藏，我们无法回电。请说出您的姓名、单位和电话。",
        EN: "Your number is withheld, so we cannot call you back. Please leave your name, flat and number.",
    },
    "goodbye": {
        ZH_HANT: "多謝致電，再見。",
        ZH_HANS: "谢谢来电，再见。",
        EN: "Thank you for calling. Goodbye.",
    },
    # Ear versions of dialog replies, by the reply's key.
    "report.received": {
        ZH_HANT: "收到。你嘅工單編號係{number}。再講一次：{number}。",
        ZH_HANS: "已收到。您的工单编号是{number}。再说一次：{number}。",
        EN: "Received. Your ticket number is {number}. Again: {number}.",
    },
    "link.unknown": {
        ZH_HANT: "多謝。你嘅號碼未喺住戶紀錄入面，客服中心會打呢個號碼覆你。參考編號係{number}。",
        ZH_HANS: "谢谢。您的号码不在住户记录中，客服中心会拨打这个号码回复您。参考编号是{number}。",
        EN: "Thank you. Your number is not in our resident records, so the service desk will call you "
        "back on this number. Your reference is {number}.",
    },
    "report.emergency": {
        ZH_HANT: "聽落係緊急事故。如果有人有危險，請隨時按9接駁當值同事。",
        ZH_HANS: "听起来是紧急事故。如果有人有危险，请随时按9接通值班同事。",
        EN: "This sounds like an emergency. If anyone is in danger, press 9 at any time for the duty team.",
    },
}


def text(key: str, language: str, **values: object) -> str:
    table = _TEXTS[key]
    return (table.get(language) or table[EN]).format(**values)


def has_text(key: str) -> bool:
    return key in _TEXTS


def spell_number(number: str) -> str:
    """A ticket number for the ear, in groups: ``R-000123`` → ``R, 0 0 0, 1 2 3``."""
    head, _, digits = number.partition("-")
    if not digits:
        return " ".join(number)
    groups = [digits[i : i + 3] for i in range(0, len(digits), 3)]
    return ", ".join([head, *(" ".join(g) for g in groups)])


_LANGUAGE_WORDS = {
    ZH_HANT: ("廣東話", "广东话", "粵語", "粤语", "cantonese"),
    ZH_HANS: ("普通话", "普通話", "國語", "国语", "mandarin", "putonghua"),
    EN: ("english", "英文", "英語", "英语"),
}
_LANGUAGE_KEYS = {"1": ZH_HANT, "2": ZH_HANS, "3": EN}


def language_from(digits: str, speech: str) -> str | None:
    if digits:
        return _LANGUAGE_KEYS.get(digits)
    said = normalise(speech)
    found = [code for code, words in _LANGUAGE_WORDS.items() if any(w in said for w in words)]
    return found[0] if len(found) == 1 else None


_NUMBER_WORDS = {
    "1": ("1", "one", "一", "壹"),
    "2": ("2", "two", "二", "兩", "两", "貳"),
    "3": ("3", "three", "三", "叁"),
    "4": ("4", "four", "四"),
    "5": ("5", "five", "五"),
    "6": ("6", "six", "六"),
    "7": ("7", "seven", "七"),
    "8": ("8", "eight", "八"),
    "9": ("9", "nine", "九"),
    "0": ("0", "zero", "零"),
}
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise(said: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", said).casefold())


def spoken_key(speech: str) -> str | None:
    """A key said instead of pressed ("two", "二", "press 2"): only when that is all that was said."""
    said = normalise(speech).removeprefix("press").removeprefix("按").removeprefix("number")
    for key, words in _NUMBER_WORDS.items():
        if said in words:
            return key
    return None


def match_option(speech: str, labels: Sequence[str]) -> int | None:
    """The index of the one option whose label the caller said (either contains the other), else None."""
    said = normalise(speech)
    if not said:
        return None
    hits = []
    for i, label in enumerate(labels):
        name = normalise(label)
        if name and (name in said or (len(said) >= 2 and said in name)):
            hits.append(i)
    return hits[0] if len(hits) == 1 else None


_SPOKEN_DIGITS = re.compile("[〇零一二三四五六七八九]{2,5}")
_DIGIT_OF = str.maketrans("〇零一二三四五六七八九", "00123456789")


def written_digits(said: str) -> str:
    """Numbers read digit by digit come back from speech recognition as characters ("五零二"); chat users
    type "502". Runs of two to five such digits are written as digits so the understander sees what a
    typed message would say ("三座五零二" → "三座502"); the words themselves are kept in the call's record."""
    return _SPOKEN_DIGITS.sub(lambda m: m.group(0).translate(_DIGIT_OF), said)


# The sign may stand before the symbol ("−HK$35.00", as bot.i18n.format_money writes it) or after it,
# as a hyphen or a true minus sign.
_MONEY = re.compile(r"([-\u2212]?)(HK\$|US\$|S\$|MOP\$|¥)?([-\u2212]?)([\d,]+)\.(\d{2})")
_CURRENCY = {
    "HK$": {ZH_HANT: "港幣", ZH_HANS: "港币", EN: "Hong Kong dollars"},
    "¥": {ZH_HANT: "人民幣", ZH_HANS: "人民币", EN: "yuan"},
    "US$": {ZH_HANT: "美元", ZH_HANS: "美元", EN: "US dollars"},
    "S$": {ZH_HANT: "新加坡元", ZH_HANS: "新加坡元", EN: "Singapore dollars"},
    "MOP$": {ZH_HANT: "澳門元", ZH_HANS: "澳门元", EN: "patacas"},
}
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")


def spoken_money(text: str, language: str) -> str:
    """Amounts as the ear expects them: "HK$1,850.50" → "港幣1850元5角" / "1850 Hong Kong dollars and 50 cents"."""

    def say(m: re.Match[str]) -> str:
        symbol, minus = m.group(2) or "HK$", bool(m.group(1) or m.group(3))
        whole, cents = m.group(4).replace(",", ""), int(m.group(5))
        unit = _CURRENCY.get(symbol, _CURRENCY["HK$"])[language if language in (ZH_HANT, ZH_HANS) else EN]
        if language in (ZH_HANT, ZH_HANS):
            negative = ("負" if language == ZH_HANT else "负") if minus else ""
            jiao, fen = divmod(cents, 10)
            small = (f"{jiao}角" if jiao else "") + (f"{fen}分" if fen else "")
            return f"{negative}{unit}{whole}元{small}"
        words = f"{'minus ' if minus else ''}{whole} {unit}"
        return words + (f" and {cents} cents" if cents else "")

    return _MONEY.sub(say, text)


def spoken_dates(text: str, language: str) -> str:
    """ "2026-09" → "2026年9月" / "September 2026"; "2026-10-31" → "2026年10月31日" / "31 October 2026"."""

    def say(m: re.Match[str]) -> str:
        year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
        if not 1 <= month <= 12:
            return m.group(0)
        if language in (ZH_HANT, ZH_HANS):
            return f"{year}年{month}月" + (f"{int(day)}日" if day else "")
        return (f"{int(day)} " if day else "") + f"{_MONTHS[month - 1]} {year}"

    return _DATE.sub(say, text)
