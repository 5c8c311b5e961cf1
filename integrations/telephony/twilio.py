"""Twilio Programmable Voice: signed form-encoded webhooks in, TwiML out (both by the ``twilio`` package)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from twilio.request_validator import RequestValidator, get_signature_algorithm
from twilio.twiml.voice_response import VoiceResponse

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
)

SIGNATURE_HEADER = "X-Twilio-Signature"
SETTINGS_HEADER = "X-Twilio-Webhooks-Signature-Settings"


class TwilioVoice:
    name = "twilio"
    content_type = "text/xml"

    def __init__(self, auth_token: str) -> None:
        if not auth_token:
            raise ValueError("a Twilio auth token is required to check webhook signatures")
        self._validator = RequestValidator(auth_token)

    def verify(self, url: str, params: Mapping[str, str], headers: Mapping[str, str]) -> bool:
        signature = headers.get(SIGNATURE_HEADER, "")
        if not signature:
            return False
        algorithm = get_signature_algorithm(headers.get(SETTINGS_HEADER, ""))
        return bool(self._validator.validate(url, params, signature, algorithm))

    def parse(self, params: Mapping[str, str]) -> CallEvent:
        call_id = params.get("CallSid", "")
        if not call_id:
            raise ValueError("CallSid is missing")
        return CallEvent(
            call_id=call_id,
            caller=params.get("From", ""),
            called=params.get("To", ""),
            status=params.get("CallStatus", ""),
            digits=params.get("Digits", ""),
            speech=params.get("SpeechResult", ""),
            confidence=_float(params.get("Confidence")),
            recording_url=params.get("RecordingUrl", ""),
            recording_duration=_int(params.get("RecordingDuration")),
            dial_status=params.get("DialCallStatus", ""),
            duration=_int(params.get("CallDuration")),
        )

    def render(self, actions: Sequence[VoiceAction]) -> str:
        response = VoiceResponse()
        for action in actions:
            _add(response, action)
        return str(response.to_xml(xml_declaration=True))


def _add(parent: Any, action: VoiceAction) -> None:
    if isinstance(action, Say):
        parent.say(action.text, **_some(voice=action.voice, language=action.language))
    elif isinstance(action, Play):
        parent.play(action.url)
    elif isinstance(action, Pause):
        parent.pause(length=action.seconds)
    elif isinstance(action, Gather):
        inputs = [name for name, on in (("dtmf", action.keys), ("speech", action.speech)) if on]
        gather = parent.gather(
            input=" ".join(inputs),
            action=action.action,
            method="POST",
            timeout=action.timeout,
            **_some(
                num_digits=action.num_digits,
                speech_timeout=action.speech_timeout if action.speech else None,
                language=action.language if action.speech else None,
                hints=", ".join(action.hints) if action.speech and action.hints else None,
                finish_on_key=action.finish_on_key or None,
            ),
        )
        for prompt in action.prompts:
            _add(gather, prompt)
    elif isinstance(action, Record):
        parent.record(
            action=action.action,
            method="POST",
            max_length=action.max_length,
            timeout=action.timeout,
            play_beep=action.play_beep,
            finish_on_key=action.finish_on_key,
        )
    elif isinstance(action, Dial):
        dial = parent.dial(
            action=action.action, method="POST", timeout=action.timeout, **_some(caller_id=action.caller_id)
        )
        dial.number(action.number)
    elif isinstance(action, Redirect):
        parent.redirect(action.url, method="POST")
    elif isinstance(action, Hangup):
        parent.hangup()
    else:  # pragma: no cover - the union is closed
        raise TypeError(f"not a voice action: {action!r}")


def _some(**kwargs: Any) -> dict[str, Any]:
    return {k: v for k, v in kwargs.items() if v not in (None, "")}


def _float(raw: str | None) -> float | None:
    try:
        return float(raw) if raw else None
    except ValueError:
        return None


def _int(raw: str | None) -> int | None:
    try:
        return int(raw) if raw else None
    except ValueError:
        return None
