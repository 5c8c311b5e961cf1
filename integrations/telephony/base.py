"""The telephony provider protocol: what the phone channel needs from Twilio, Vonage, Plivo...

A provider adapter does three things and nothing else:

* ``verify``: check that a webhook really comes from the provider (signature over the public URL
  it called and the parameters it sent);
* ``parse``: turn the provider's webhook parameters into a neutral :class:`CallEvent`;
* ``render``: turn neutral voice actions (:class:`Say`, :class:`Gather`, :class:`Dial`...) into the
  provider's document (TwiML for Twilio, an NCCO for Vonage, Plivo XML).

The channel (``bot/channels/phone``) speaks only these types, so another provider is one adapter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class CallEvent:
    """One provider webhook, neutral: the call, who calls, and what the caller just did."""

    call_id: str  # the provider's id of the call (Twilio's CallSid)
    caller: str  # the calling number as the provider gives it (E.164 for real callers)
    called: str  # the number that was called (the estate's hotline)
    status: str  # "ringing", "in-progress", "completed", "busy", "no-answer", "failed", "canceled"
    digits: str = ""  # keys pressed in a gather
    speech: str = ""  # speech recognised in a gather
    confidence: float | None = None
    recording_url: str = ""
    recording_duration: int | None = None
    dial_status: str = ""  # outcome of a transfer: "completed", "busy", "no-answer", "failed", "canceled"
    duration: int | None = None  # seconds, in the final status callback

    @property
    def ended(self) -> bool:
        return self.status in ("completed", "busy", "no-answer", "failed", "canceled")

    @property
    def empty(self) -> bool:
        """Nothing was gathered: silence, or the caller pressed nothing the gather accepted."""
        return not self.digits and not self.speech.strip()


# -- voice actions ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Say:
    text: str
    language: str = ""  # the provider's text-to-speech language tag ("zh-HK", "en-GB")
    voice: str = ""  # the provider's voice name, if one is configured


@dataclass(frozen=True)
class Play:
    url: str


@dataclass(frozen=True)
class Pause:
    seconds: int = 1


@dataclass(frozen=True)
class Gather:
    """Collect keys and/or speech while the prompts play; the result goes to ``action``.

    When nothing is gathered the provider falls through to the next action (put a Redirect there).
    """

    action: str
    prompts: tuple[Say | Play | Pause, ...] = ()
    keys: bool = True
    speech: bool = True
    num_digits: int | None = 1  # None: until "#" or the timeout
    timeout: int = 5  # seconds of silence before giving up
    speech_timeout: str = "auto"
    language: str = ""  # speech-recognition language tag
    hints: tuple[str, ...] = ()
    finish_on_key: str = ""  # a key that ends the input early ("#"); empty: the provider's default


@dataclass(frozen=True)
class Record:
    """Record the caller (voicemail); the recording's URL and duration go to ``action``."""

    action: str
    max_length: int = 120
    timeout: int = 5
    play_beep: bool = True
    finish_on_key: str = "#"


@dataclass(frozen=True)
class Dial:
    """Put the call through to ``number``; the outcome (answered or not) goes to ``action``.

    Fallbacks are a chain: the channel dials the next number when ``action`` reports no answer.
    """

    number: str
    action: str
    timeout: int = 20
    caller_id: str = ""


@dataclass(frozen=True)
class Redirect:
    url: str


@dataclass(frozen=True)
class Hangup:
    pass


VoiceAction = Say | Play | Pause | Gather | Record | Dial | Redirect | Hangup


@runtime_checkable
class VoiceProvider(Protocol):
    name: str
    content_type: str  # of the rendered document

    def verify(self, url: str, params: Mapping[str, str], headers: Mapping[str, str]) -> bool:
        """Whether the request to ``url`` (the public URL the provider called) carries a valid signature."""
        ...

    def parse(self, params: Mapping[str, str]) -> CallEvent:
        """The neutral event of a webhook's parameters. Raises ValueError if required ones are missing."""
        ...

    def render(self, actions: Sequence[VoiceAction]) -> str:
        """The provider's document for these actions, in order."""
        ...
