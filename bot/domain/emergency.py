"""Signals that a report is an emergency: water pouring, gas, fire or smoke, someone trapped, sparks,
a ceiling coming down, someone hurt or unconscious.

These are the keyword rules, :func:`bot.nlu.rules.emergency_signal`, run on the normalised text (so
Traditional, Simplified and Cantonese spellings all match). The report form and the hotline ask
:func:`dialogs.understanding.says_emergency`, which adds the understander's own judgement (the built-in one's
learned score) to these rules and falls back on them alone when the understander cannot answer. Past incidents
and complaints about how one was handled are not emergencies; neither is the word "emergency" or "緊急"
on its own (a resident asking for the emergency number) nor a neighbour smoking.
"""

from __future__ import annotations

from bot.nlu.normalise import normalise
from bot.nlu.rules import emergency_signal


def looks_like_emergency(text: str) -> bool:
    return bool(text) and emergency_signal(normalise(text)) is not None
