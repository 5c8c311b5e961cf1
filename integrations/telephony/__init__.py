"""Telephony providers behind one small protocol: neutral call events in, neutral voice actions out."""

from integrations.telephony.base import (
    CallEvent,
    Dial,
    Gather,
    Hangup,
    Pause,
    Play,
    Record,
    Redirect,
    Say,
    VoiceAction,
    VoiceProvider,
)

__all__ = [
    "CallEvent",
    "Dial",
    "Gather",
    "Hangup",
    "Pause",
    "Play",
    "Record",
    "Redirect",
    "Say",
    "VoiceAction",
    "VoiceProvider",
]
