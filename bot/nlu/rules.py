"""Keyword rules, used where a fixed list is more reliable than the classifier: emergencies and questions.

Every pattern runs on :func:`bot.nlu.normalise.normalise` output (Simplified Chinese, lower case), so one
Simplified form also covers Traditional and Cantonese spellings ("爆喉", "困咗喺電梯", "煤氣味").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class EmergencySignal:
    """Why a message is an emergency, and the repair category that signal implies (None: no opinion)."""

    kind: str  # "flood", "trapped", "fire", "gas", "electric"
    category: str | None


_LIFT = r"(?:电梯|升降机|䢂|𨋢|(?:部|架)较|lift|elevator)"  # 𨋢 (Cantonese "lift") is 䢂 after t2s; 较 after 部/架

_BASEMENT = r"(?:地库|地下室|地下层|地下停车场|地下车场|停车场|车场|车库|basement|car ?park|garage)"

# (kind, implied repair category, pattern, pattern that cancels it)
_EMERGENCIES: tuple[tuple[str, str | None, re.Pattern[str], re.Pattern[str] | None], ...] = (
    (
        "flood",
        "plumbing",
        re.compile(
            r"爆(?:过|咗|了)?(?:水)?(?:喉|管)|水管爆|水喉爆|喷水|喷(?:紧|住)?出|射出|水涌|涌出|涌落|涌进|哗哗"
            r"|水浸(?!住)|淹水|往外喷|爆开|爆裂|(?:好似|似|像)(?:落雨|下雨)|(?:pipe|喉|管)\s?爆|water spray\w*"
            r"|water (?:is )?(?:pouring|gushing|flooding|spraying|bursting)|(?:pouring|gushing) (?:water|out|from|in)"
            r"|burst (?:pipe|water)|pipe (?:has )?burst|flood(?:ed|ing)?\b"
            # A basement or car park taking in water: the worst incident the desks have seen.
            rf"|{_BASEMENT}[^.!?。!?]{{0,12}}(?:入(?:晒|哂|咗|紧|左)?水|进(?:了)?水|灌水|在灌|往里灌|好多水|大量水|全是水"
            r"|全系水|泡(?:在)?水|积水(?:好深|很深|越来越|越嚟越)|水(?:越来越|越嚟越)?(?:深|高|多)|淹|浸(?!湿))"
            r"|(?:入晒水|入哂水|水(?:越来越|越嚟越)(?:深|高)|浸到(?:膝头|膝盖|车轮|车辘|脚眼|半架车))"
            r"|(?:filling|filled|fills) (?:up )?with water|under ?water|submerged|knee[- ]deep|ankle[- ]deep"
            r"|water (?:is )?(?:rising|coming in|flowing in)"
        ),
        re.compile(
            r"喷水池|喷泉|fountain|(?:唔系|不是|冇|没有|未至于)水浸|(?<![a-z])(?:not (?:like |a )?flood\w*|no flood\w*"
            r"|just a puddle)"
        ),
    ),
    (
        "trapped",
        "elevator",
        re.compile(
            rf"被困|困(?:咗|住|了|在|喺)?[^,.!?。!?]{{0,6}}{_LIFT}|{_LIFT}[^,.!?。!?]{{0,8}}困"
            rf"|trapped|stuck (?:in|inside) (?:the |a )?{_LIFT}"
            rf"|{_LIFT}[^,.!?]{{0,20}}(?:people|someone) (?:stuck|inside)"
            # Someone inside who cannot get out.
            rf"|{_LIFT}[^.!?。!?]{{0,20}}(?:出唔到|出唔返|出不去|出不来|can't get out|cannot get out)"
            # A lift stopped between floors with someone in it.
            rf"|{_LIFT}[^.!?。!?]{{0,25}}(?:between floors|半路|两层中间|楼中间|层中间|中间停|停(?:咗|了|住)?喺?半空)"
            r"[^.!?。!?]{0,25}(?:inside|in it|入面|里面|里头|有人)"
        ),
        re.compile(r"困难|困扰|困惑"),
    ),
    (
        "fire",
        None,
        re.compile(
            r"着火|著火|(?:着|著)(?:咗|了)火|火警|失火|起火|火灾|烧着|烧著|(?:有|多|大|浓|冒|出|满|黑)烟|烟雾|烟好大"
            r"|\bfire\b(?! (?:door|exit|escape|extinguisher|hose|drill|alarm test|service|lane|safety))|\bsmoke\b"
        ),
        re.compile(
            r"食烟|抽烟|吸烟|烟头|二手烟|烟仔|香烟|烟蒂|油烟|烟雾(?:报警|感应|探测)|烟感|cigarette|smoking"
            r"|second[- ]hand"
            r"|smoke (?:detector|alarm)"
        ),
    ),
    (
        "gas",
        None,
        re.compile(
            r"煤气味|燃气味|石油气味|漏煤气|漏燃气|煤气漏|燃气漏|漏气|gas (?:smell|leak)|smell(?:s|ing)? (?:of )?gas"
            r"|(?:煤气|燃气|石油气) ?smell"
        ),
        None,
    ),
    (
        "electric",
        "electrical",
        re.compile(
            r"电亲|触电|漏电|电击|火花|火光|烧焦|\bspark(?:s|ing|ed)?\b|electric shock|\bshocked\b"
            r"|burning smell|smell of burning"
        ),
        None,
    ),
)


# Past incidents, tests and drills, questions about what to do "if", complaints about how one was handled
# and thanks for a rescue are not emergencies ("投訴上次水浸處理",
# "the flood last week") unless the message also says it is happening now ("而家又水浸", "right now").
_PAST = re.compile(
    r"上次|上一次|上个?(?:星期|礼拜|周|月)|之前|早前|早排|琴日|琴晚|寻日|寻晚|昨天|昨日|昨晚|前日|前天|前晚"
    r"|那天|那次|嗰次|嗰日|当时|上年|去年|旧年|演习|赔偿|保险|损失|误鸣|听讲|听说|想知|发生咩事|发生什么事|已经冇事|冇事啦"
    r"|没事了|整好咗|修好了|恐生|恐怕|以免|怕会"
    r"|索偿"
    r"|跟进|处理|测试|试钟|救咗|救了|救出咗|(?<![a-z])(?:last (?:week|month|year|time|night|weekend)|yesterday"
    r"|previous|earlier|after the|what happened|anything serious|was fixed|been fixed|false alarm"
    r"|last (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|re the|in (?:january|february|march"
    r"|april|may|june|july|august|september|october|november|december)"
    r"|drill|compensat\w*|insurance|claims?|handled|handling|follow[- ]up|(?:alarm|lift|fire) test\w*"
    r"|rescu\w*)(?![a-z])"
    # A question about what to do if it ever happens.
    r"|如果|假如|万一|(?<![a-z])(?:if there(?:'s| is)|what (?:should|do) (?:i|we) do if|in case of"
    r"|what to do if)(?![a-z])"
)
_NOW = re.compile(
    r"(?:而家|依家|宜家|现在|今日|今天|今晚|又再)又|又再|紧出|正在|快啲|快d|快点|快来|快嚟|快派|快叫|救命|马上|即刻|立即"
    r"|(?<![a-z])(?:right now|again now|help|come now|please come)(?![a-z])"
)


# Speech transcripts carry fillers ("stuck in the er lift") and split Chinese into words
# ("插苏 烧焦 了 冒 火花"): the rules read them without fillers, joined up again.
_FILLERS = re.compile(r"(?<![a-z])(?:er|erm|um|uh|uhm|hmm|you know|i mean)(?![a-z]) ?|(?:[嗯呃]|就是|那个|嗰个) ?")
_SPACE_IN_HAN = re.compile(r"(?<=[\u3400-\u9fff\U00020000-\U0002ffff]) (?=[\u3400-\u9fff\U00020000-\U0002ffff])")


def emergency_signal(normalised: str) -> EmergencySignal | None:
    """The first emergency signal in a normalised message, or None."""
    s = _SPACE_IN_HAN.sub("", _FILLERS.sub("", normalised))
    if _PAST.search(s) and not _NOW.search(s):
        return None
    for kind, category, pattern, cancel in _EMERGENCIES:
        if pattern.search(s) and not (cancel and cancel.search(s)):
            return EmergencySignal(kind, category)
    return None


_QUESTION = re.compile(
    r"\?|吗|嘛|呢$|几|多少|点样|点解|点算|怎|什么|咩|乜|边度|边个|边间|哪|有冇|有没有|有无|可唔可以|可不可以|能不能"
    r"|会唔会|会不会|系咪|是不是|是否|请问|想问|问下|问一下|何时|几时"
    r"|^(?:what|when|where|which|who|whom|whose|why|how|can|could|may|do|does|did|is|are|was|will|would|should|shall)\b"
    r"|\b(?:what|when|where|how|which|why|anyone know|is there|are there|can i|could i|may i|do i|do you)\b"
)
# Greetings and thanks are "other" but not questions for the desk, even with a question mark ("hello?").
_SMALL_TALK = re.compile(
    r"^(?:hi|hello|hey|hallo|哈啰|哈罗|你好|您好|早晨|早安|早上好|晚安|在吗|在吗\?|有冇人(?:呀|啊)?|anyone there"
    r"|hello,? anyone there|thanks?|thank you|多谢|谢谢|唔该|ok|okay|好|收到|bye|拜拜)[\s!?.,~。!?]*$"
)


def is_question(normalised: str) -> bool:
    """True when a message asks something (and is not just a greeting or thanks)."""
    if _SMALL_TALK.match(normalised):
        return False
    return bool(_QUESTION.search(normalised))


_COMPLAINT = re.compile(r"投诉|complain")


def says_complaint(normalised: str) -> bool:
    """The resident calls it a complaint in so many words ("投訴", "I want to complain")."""
    return bool(_COMPLAINT.search(normalised))
