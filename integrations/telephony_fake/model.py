"""What the fake telephony provider remembers: what was said, sent, dialled, recorded and texted."""

from __future__ import annotations

import array
import io
import math
import wave
from dataclasses import dataclass, field
from typing import Literal

# How a dialled number (a <Dial> target, or the callee of an outbound REST call) behaves when it rings.
AnswerOutcome = Literal["answered", "busy", "no-answer", "failed"]
ANSWER_OUTCOMES: tuple[str, ...] = ("answered", "busy", "no-answer", "failed")


@dataclass(frozen=True)
class Said:
    """One ``<Say>`` the caller heard, with the language and voice it was spoken in."""

    text: str
    language: str
    voice: str


@dataclass
class Exchange:
    """One HTTP request the provider sent to the application, and what came back.

    ``url`` is the URL the provider believes it called (the one signed); ``target`` is where the request
    really went (differs behind a reverse proxy, see :meth:`FakeTwilio.route`).
    """

    purpose: str  # voice, gather, record, dial, redirect, status, recording-status, message-status, replay, forged
    method: str
    url: str
    target: str
    params: dict[str, str]
    headers: dict[str, str]
    status: int | None = None
    body: str = ""
    content_type: str = ""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class AnswerPlan:
    """How a number answers when called: set by the test with :meth:`FakeTwilio.answer`."""

    outcome: AnswerOutcome = "no-answer"
    ring_seconds: int = 5
    talk_seconds: int = 30
    answered_by: str = "human"  # AnsweredBy with machine detection: human, machine_start, fax, unknown


@dataclass(frozen=True)
class DialAttempt:
    """One ``<Dial>``: the numbers rung, and how it ended (Twilio's DialCallStatus)."""

    numbers: tuple[str, ...]
    status: str
    answered: str | None
    duration: int
    timeout: int
    call_sid: str
    caller_id: str | None


@dataclass
class Recording:
    """A recording made by ``<Record>``, served at :attr:`url` (basic auth) as WAV."""

    sid: str
    account_sid: str
    call_sid: str
    duration: int
    audio: bytes
    url: str
    date_created: str
    source: str = "RecordVerb"


@dataclass
class FakeSms:
    """A text message sent through the Messages REST API."""

    sid: str
    account_sid: str
    to: str
    from_: str | None
    messaging_service_sid: str | None
    body: str
    status: str
    status_callback: str | None
    date_created: str
    error_code: int | None = None
    media_urls: list[str] = field(default_factory=list)
    transcript: list[Exchange] = field(default_factory=list)  # its status callbacks
    direction: str = "outbound-api"  # or "outbound-reply": a <Message> answering an incoming text

    @property
    def num_segments(self) -> int:
        # GSM-7 messages split at 153 characters, UCS-2 (any CJK character) at 67.
        per = 153 if all(ord(c) < 128 for c in self.body) else 67
        single = 160 if per == 153 else 70
        return 1 if len(self.body) <= single else math.ceil(len(self.body) / per)


def tone_wav(seconds: float, *, rate: int = 8000, hz: float = 440.0) -> bytes:
    """A small mono 16-bit WAV of a quiet tone: what the fake stores as a caller's recording."""
    frames = max(1, int(seconds * rate))
    samples = array.array("h", (int(3000 * math.sin(2 * math.pi * hz * i / rate)) for i in range(frames)))
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return buf.getvalue()
