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


_LIFT = r"(?:电梯|升降机|lift|elevator)"

# (kind, implied repair category, pattern, pattern that cancels it)
_EMERGENCIES: tuple[tuple[str, str | None, re.Pattern[str], re.Pattern[str] | None], ...] = (
    (
        "flood",
        "plumbing",
        re.compile(
            r"爆喉|爆水管|爆水喉|水管爆|水喉爆|喷水|喷出|射出|水涌|涌出|涌落|涌进|哗哗|水浸|淹水"
            r"|water (?:is )?(?:pouring|gushing|flooding|spraying|bursting)|(?:pouring|gushing) (?:water|out|from|in)"
            r"|burst (?:pipe|water)|pipe (?:has )?burst|flood(?:ed|ing)?\b"
        ),
        re.compile(r"喷水池|喷泉|fountain"),
    ),
    (
        "trapped",
        "elevator",
        re.compile(
            rf"被困|困(?:咗|住|了|在|喺)?[^,.!?。!?]{{0,6}}{_LIFT}|{_LIFT}[^,.!?。!?]{{0,8}}困"
            rf"|trapped|stuck (?:in|inside) (?:the |a )?{_LIFT}"
            rf"|{_LIFT}[^,.!?]{{0,20}}(?:people|someone) (?:stuck|inside)"
        ),
        re.compile(r"困难|困扰|困惑"),
    ),
    (
        "fire",
        None,
        re.compile(
            r"着火|火警|失火|起火|火灾|烧着|(?:有|多|大|浓|冒|出|满|黑)烟|烟雾|烟好大"
            r"|\bfire\b(?! (?:door|exit|escape|extinguisher|hose|drill|alarm test|service))|\bsmoke\b"
        ),
        re.compile(r"食烟|抽烟|吸烟|烟头|二手烟|烟仔|香烟|烟蒂|cigarette|smoking|second[- ]hand|smoke detector"),
    ),
    (
        "gas",
        None,
        re.compile(
            r"煤气味|燃气味|石油气味|漏煤气|漏燃气|煤气漏|燃气漏|漏气|gas (?:smell|leak)|smell(?:s|ing)? (?:of )?gas"
        ),
        None,
    ),
    (
        "electric",
        "electrical",
        re.compile(
            r"电亲|触电|漏电|电击|火花|火光|烧焦|\bsparks?\b|electric shock|\bshocked\b|burning smell|smell of burning"
        ),
        None,
    ),
)


def emergency_signal(normalised: str) -> EmergencySignal | None:
    """The first emergency signal in a normalised message, or None."""
    for kind, category, pattern, cancel in _EMERGENCIES:
        if pattern.search(normalised) and not (cancel and cancel.search(normalised)):
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
