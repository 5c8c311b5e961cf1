"""Signals that a report is an emergency: water pouring, gas, fire or smoke, someone trapped, sparks,
a ceiling coming down, someone hurt or unconscious.

One list serves both the understander and the report form: :func:`bot.nlu.rules.emergency_signal`, run on
the normalised description (so Traditional, Simplified and Cantonese spellings all match). Past incidents
and complaints about how one was handled are not emergencies; neither is the word "emergency" or "緊急"
on its own (a resident asking for the emergency number) nor a neighbour smoking.
"""

from __future__ import annotations

from bot.nlu.normalise import normalise
from bot.nlu.rules import emergency_signal


def looks_like_emergency(text: str) -> bool:
    return bool(text) and emergency_signal(normalise(text)) is not None
