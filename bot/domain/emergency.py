"""Signals that a report is an emergency: water pouring, gas, fire or smoke, someone trapped, sparks."""

from __future__ import annotations

import re

# Traditional and Simplified forms both listed: this runs before any conversion, on every description.
_SIGNALS = [
    r"爆(水)?喉",
    r"爆(水)?管",
    r"水管爆",
    r"爆咗",
    r"水浸",
    r"淹水",
    r"浸水",
    r"大量(的)?水",
    r"水(一直|不停)?(狂)?(湧|涌|噴|喷)",
    r"困(咗|住|在)?.{0,6}(電梯|电梯|升降機|升降机|lift|elevator)",
    r"(電梯|电梯|升降機|升降机|lift|elevator).{0,8}(被)?困",
    r"被困",
    r"困咗",
    r"煤氣味",
    r"煤气味",
    r"燃氣味",
    r"燃气味",
    r"氣味.{0,3}(煤|燃)",
    r"漏(煤)?氣",
    r"漏(煤)?气",
    r"火警",
    r"着火",
    r"著火",
    r"起火",
    r"失火",
    r"冒煙",
    r"冒烟",
    r"濃煙",
    r"浓烟",
    r"好大煙",
    r"好多煙",
    r"觸電",
    r"触电",
    r"火花",
    r"電線.{0,4}(燒|烧)",
    r"电线.{0,4}烧",
    r"\bwater (is )?(pouring|gushing|flooding|bursting)",
    r"\bflood(ing|ed)?\b",
    r"\bburst (pipe|main)",
    r"\bpipe (has )?burst",
    r"\bgas (smell|leak)",
    r"\bsmell(s|ing)? (of )?gas",
    r"\bfire\b",
    r"\bsmoke\b",
    r"\bsmoking\b(?! area)",
    r"\btrapped\b",
    r"\bstuck in (the )?(lift|elevator)",
    r"\bsparks?\b",
    r"\belectric(al)? shock",
    r"\bemergency\b",
    r"緊急",
    r"紧急",
]
_PATTERN = re.compile("|".join(f"(?:{s})" for s in _SIGNALS), re.IGNORECASE)


def looks_like_emergency(text: str) -> bool:
    return bool(_PATTERN.search(text or ""))
