"""Strict reading of voice TwiML, as Twilio reads it before running a call.

A document is refused whole (before any verb runs) when it is not XML or its root is not ``<Response>``
(12100), or when a verb, attribute, attribute value or nesting is not one Twilio documents for voice (12200).
Twilio itself only *warns* about some schema violations and carries on; the fake refuses them all, so the
bot's TwiML is held to the documented schema and a mistake fails the test instead of behaving oddly live.

Decisions, from Twilio's TwiML reference:

* ``<Sms>`` is deprecated for voice ("to send a text message in response to an incoming phone call, use ...
  the REST API") and ``<Message>`` is messaging TwiML: both are refused in a voice document.
* ``<Gather>`` may contain only ``<Say>``, ``<Play>`` and ``<Pause>``; ``<Dial>`` a number as text or the
  nouns ``<Number>``, ``<Client>``, ``<Sip>``, ``<Conference>``, ``<Queue>``, ``<Sim>``, ``<Application>``,
  never both; ``<Say>`` text or SSML; ``<Hangup>``, ``<Reject>``, ``<Pause>``, ``<Record>`` nothing.
* Verbs that are valid TwiML but that the fake does not emulate (``<Connect>``, ``<Enqueue>``, ``<Pay>`` ...)
  are refused with a message saying so, so that a test never passes on a verb nobody ran.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from integrations.telephony_fake.errors import TwimlError, parse_failure, schema_violation

# Twilio's limit on a TwiML document (error 12400 would be an internal failure; the fake refuses larger ones).
MAX_DOCUMENT_BYTES = 64 * 1024
# <Say> text longer than this is refused by Twilio (13325/13520 family); kept as the documented 4,096.
MAX_SAY_CHARS = 4096

E164 = re.compile(r"^\+[1-9]\d{1,14}$")
_VOICE = re.compile(
    r"^(man|woman|alice|Polly\.[A-Za-z]+(-Neural|-Generative)?|Google\.[a-z]{2,3}-[A-Z]{2}-[A-Za-z0-9]+-[A-Z])$"
)
_DIGITS_TO_PLAY = re.compile(r"^[0-9*#wW]+$")
_KEYS = "0123456789*#"

# Languages <Say> speaks (basic, Polly and Google voices); Cantonese, Mandarin and English included.
SAY_LANGUAGES = frozenset(
    """
    arb ar-AE ca-ES cmn-CN cy-GB da-DK de-AT de-DE en-AU en-CA en-GB en-GB-WLS en-IE en-IN en-NZ en-US en-ZA
    es-ES es-MX es-US fi-FI fr-CA fr-FR hi-IN is-IS it-IT ja-JP ko-KR nb-NO nl-BE nl-NL pl-PL pt-BR pt-PT ro-RO
    ru-RU sv-SE tr-TR yue-CN yue-HK zh-CN zh-HK zh-TW cmn-TW
    """.split()
)
# Languages <Gather> recognises speech in (a locale, never a bare "en": Twilio's warning 13512/13331).
GATHER_LANGUAGES = frozenset(
    """
    af-ZA ar-AE ar-SA cmn-Hans-CN cmn-Hans-HK cmn-Hant-TW yue-Hant-HK zh zh-CN zh-HK zh-TW da-DK de-DE en-AU
    en-CA en-GB en-HK en-IE en-IN en-NZ en-PH en-SG en-US en-ZA es-ES es-MX es-US fi-FI fil-PH fr-CA fr-FR
    hi-IN id-ID it-IT ja-JP ko-KR ms-MY nb-NO nl-NL pl-PL pt-BR pt-PT ru-RU sv-SE th-TH tr-TR vi-VN
    """.split()
)
SSML_TAGS = frozenset(
    {
        "break",
        "emphasis",
        "lang",
        "p",
        "phoneme",
        "prosody",
        "s",
        "say-as",
        "sub",
        "w",
        "amazon:effect",
        "amazon:domain",
    }
)
NOT_EMULATED = frozenset({"Connect", "Enqueue", "Leave", "Pay", "Prompt", "Refer", "Start", "Stop", "Echo", "Queue"})
REFUSED_IN_VOICE = {
    "Sms": "<Sms> is deprecated in voice TwiML; send the text message with the REST API (Messages.json)",
    "Message": "<Message> is messaging TwiML and has no meaning in a voice call; use the REST API to text the caller",
}

Check = Callable[[str], bool]


def _one_of(*values: str) -> Check:
    return lambda v: v in values


def _int(low: int, high: int | None = None) -> Check:
    def check(v: str) -> bool:
        if not re.fullmatch(r"\d+", v):
            return False
        n = int(v)
        return n >= low and (high is None or n <= high)

    return check


def _url(v: str) -> bool:
    """An absolute http(s) URL, or a relative one (resolved against the document's URL)."""
    if not v.strip() or any(c.isspace() for c in v):
        return False
    parts = urlsplit(v)
    return (parts.scheme in ("http", "https") and bool(parts.netloc)) or (not parts.scheme and not parts.netloc)


def _events(*allowed: str) -> Check:
    return lambda v: bool(v.split()) and all(e in allowed for e in v.split())


_BOOL = _one_of("true", "false")
_METHOD = _one_of("GET", "POST")
_ANY: Check = lambda v: True  # noqa: E731 - documented free text (hints, callerId names ...)


def _finish_on_key(v: str) -> bool:
    return v == "" or (len(v) == 1 and v in _KEYS)


def _key_set(v: str) -> bool:
    return v == "" or all(c in _KEYS for c in v)


def _input(v: str) -> bool:
    parts = v.split()
    return bool(parts) and len(set(parts)) == len(parts) and all(p in ("dtmf", "speech") for p in parts)


def _speech_timeout(v: str) -> bool:
    return v == "auto" or _int(0)(v)


_STATUS_EVENTS = _events("initiated", "ringing", "answered", "completed")

ATTRIBUTES: dict[str, dict[str, Check]] = {
    "Response": {},
    "Say": {
        "voice": lambda v: _VOICE.match(v) is not None,
        "language": lambda v: v in SAY_LANGUAGES,
        "loop": _int(0, 1000),
    },
    "Play": {"loop": _int(0, 1000), "digits": lambda v: _DIGITS_TO_PLAY.match(v) is not None},
    "Pause": {"length": _int(0, 600)},
    "Gather": {
        "action": _url,
        "method": _METHOD,
        "timeout": _int(1, 60),
        "finishOnKey": _finish_on_key,
        "numDigits": _int(1, 256),
        "input": _input,
        "speechTimeout": _speech_timeout,
        "maxSpeechTime": _int(1, 60),
        "language": lambda v: v in GATHER_LANGUAGES,
        "hints": _ANY,
        "profanityFilter": _BOOL,
        "speechModel": _one_of(
            "default",
            "numbers_and_commands",
            "phone_call",
            "experimental_conversations",
            "experimental_utterances",
            "googlev2_long",
            "googlev2_short",
            "googlev2_telephony",
            "deepgram_nova-2",
            "deepgram_nova-3",
            "deepgram_nova-3-general",
        ),
        "enhanced": _BOOL,
        "actionOnEmptyResult": _BOOL,
        "partialResultCallback": _url,
        "partialResultCallbackMethod": _METHOD,
        "bargeIn": _BOOL,
        "debug": _BOOL,
    },
    "Record": {
        "action": _url,
        "method": _METHOD,
        "timeout": _int(0),
        "finishOnKey": _key_set,
        "maxLength": _int(1, 14400),
        "playBeep": _BOOL,
        "trim": _one_of("trim-silence", "do-not-trim"),
        "recordingStatusCallback": _url,
        "recordingStatusCallbackMethod": _METHOD,
        "recordingStatusCallbackEvent": _events("in-progress", "completed", "absent"),
        "transcribe": _BOOL,
        "transcribeCallback": _url,
        "storageUrl": _url,
        "storageUrlMethod": _METHOD,
    },
    "Dial": {
        "action": _url,
        "method": _METHOD,
        "timeout": _int(5, 600),
        "hangupOnStar": _BOOL,
        "timeLimit": _int(1, 86400),
        "callerId": _ANY,
        "record": _one_of(
            "do-not-record",
            "record-from-answer",
            "record-from-ringing",
            "record-from-answer-dual",
            "record-from-ringing-dual",
            "true",
            "false",
        ),
        "trim": _one_of("trim-silence", "do-not-trim"),
        "recordingStatusCallback": _url,
        "recordingStatusCallbackMethod": _METHOD,
        "recordingStatusCallbackEvent": _events("in-progress", "completed", "absent"),
        "answerOnBridge": _BOOL,
        "ringTone": _ANY,
        "recordingTrack": _one_of("both", "inbound", "outbound"),
        "sequential": _BOOL,
        "referUrl": _url,
        "referMethod": _METHOD,
        "events": _ANY,
    },
    "Number": {
        "sendDigits": lambda v: _DIGITS_TO_PLAY.match(v) is not None,
        "url": _url,
        "method": _METHOD,
        "statusCallback": _url,
        "statusCallbackEvent": _STATUS_EVENTS,
        "statusCallbackMethod": _METHOD,
        "byoc": _ANY,
        "machineDetection": _one_of("Enable", "DetectMessageEnd"),
        "amdStatusCallback": _url,
        "amdStatusCallbackMethod": _METHOD,
    },
    "Client": {
        "url": _url,
        "method": _METHOD,
        "statusCallback": _url,
        "statusCallbackEvent": _STATUS_EVENTS,
        "statusCallbackMethod": _METHOD,
    },
    "Sip": {
        "username": _ANY,
        "password": _ANY,
        "url": _url,
        "method": _METHOD,
        "statusCallback": _url,
        "statusCallbackEvent": _STATUS_EVENTS,
        "statusCallbackMethod": _METHOD,
    },
    "Conference": {
        "muted": _BOOL,
        "beep": _one_of("true", "false", "onEnter", "onExit"),
        "startConferenceOnEnter": _BOOL,
        "endConferenceOnExit": _BOOL,
        "waitUrl": _url,
        "waitMethod": _METHOD,
        "maxParticipants": _int(2, 250),
        "record": _ANY,
        "region": _ANY,
        "trim": _ANY,
        "statusCallback": _url,
        "statusCallbackEvent": _ANY,
        "statusCallbackMethod": _METHOD,
    },
    "Sim": {},
    "Application": {
        "url": _url,
        "method": _METHOD,
        "statusCallback": _url,
        "statusCallbackEvent": _STATUS_EVENTS,
        "statusCallbackMethod": _METHOD,
        "customerId": _ANY,
        "copyParentTo": _BOOL,
    },
    "Redirect": {"method": _METHOD},
    "Hangup": {},
    "Reject": {"reason": _one_of("rejected", "busy")},
}
# What each element may contain; None means "text only" (no child elements).
CHILDREN: dict[str, frozenset[str]] = {
    "Response": frozenset({"Say", "Play", "Pause", "Gather", "Record", "Dial", "Redirect", "Hangup", "Reject"}),
    "Gather": frozenset({"Say", "Play", "Pause"}),
    "Dial": frozenset({"Number", "Client", "Sip", "Conference", "Queue", "Sim", "Application"}),
}
# Text is required (True), optional (None) or forbidden (False).
TEXT: dict[str, bool | None] = {
    "Response": False,
    "Gather": False,
    "Pause": False,
    "Record": False,
    "Hangup": False,
    "Reject": False,
    "Say": True,
    "Redirect": True,
    "Number": True,
    "Client": None,
    "Sip": True,
    "Conference": True,
    "Sim": True,
    "Application": None,
    "Play": None,
    "Dial": None,
}


@dataclass(frozen=True)
class Schema:
    """What a kind of TwiML document may contain: elements, their attributes, nesting and text."""

    kind: str
    attributes: Mapping[str, Mapping[str, Check]]
    children: Mapping[str, frozenset[str]]
    text: Mapping[str, bool | None]
    refused: Mapping[str, str] = field(default_factory=dict)
    not_emulated: frozenset[str] = frozenset()


VOICE = Schema("voice", ATTRIBUTES, CHILDREN, TEXT, REFUSED_IN_VOICE, NOT_EMULATED)
# Messaging TwiML, the answer to an incoming text: <Message> replies (text, or <Body> and <Media>), <Redirect>.
MESSAGING = Schema(
    "messaging",
    {
        "Response": {},
        "Message": {"to": _ANY, "from": _ANY, "action": _url, "method": _METHOD, "statusCallback": _url},
        "Body": {},
        "Media": {},
        "Redirect": {"method": _METHOD},
    },
    {"Response": frozenset({"Message", "Redirect"}), "Message": frozenset({"Body", "Media"})},
    {"Response": False, "Message": None, "Body": True, "Media": True, "Redirect": True},
    {"Say": "<Say> is voice TwiML; an SMS answer replies with <Message>"},
)


@dataclass(frozen=True)
class Verb:
    """One element of a TwiML document: its name, attributes, text (SSML flattened) and child elements."""

    name: str
    attrs: Mapping[str, str] = field(default_factory=dict)
    text: str = ""
    children: tuple[Verb, ...] = ()

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.attrs.get(name)
        return default if value is None else value == "true"

    def number(self, name: str, default: int) -> int:
        value = self.attrs.get(name)
        return default if value is None else int(value)


def parse(document: str | bytes, schema: Schema = VOICE) -> list[Verb]:
    """The verbs of a TwiML document (voice by default) in order, or :class:`TwimlError` as Twilio would refuse it."""
    raw = document.encode("utf-8") if isinstance(document, str) else document
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise parse_failure(f"document of {len(raw)} bytes exceeds {MAX_DOCUMENT_BYTES}")
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise parse_failure("DOCTYPE and entity declarations are not allowed")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise parse_failure(str(exc)) from None
    if root.tag != "Response":
        raise parse_failure(f"root element must be <Response>, not <{root.tag}>")
    return list(_element(root, None, schema).children)


def _element(el: ET.Element, parent: str | None, schema: Schema) -> Verb:
    name = str(el.tag)
    if name in schema.refused:
        raise schema_violation(schema.refused[name])
    if name in schema.not_emulated:
        raise schema_violation(f"<{name}> is valid TwiML but the fake provider does not emulate it")
    if name not in schema.attributes:
        raise schema_violation(f"unknown {schema.kind} verb or noun <{name}>")
    allowed_here = schema.children.get(parent, frozenset()) if parent else frozenset({"Response"})
    if name not in allowed_here:
        raise schema_violation(f"<{name}> is not allowed inside <{parent or 'the document'}>")
    attrs = dict(el.attrib)
    for attr, value in attrs.items():
        check = schema.attributes[name].get(attr)
        if check is None:
            raise schema_violation(f"<{name}> has no attribute {attr!r}")
        if not check(value):
            raise schema_violation(f"<{name} {attr}={value!r}>: invalid value")
    if name == "Say":
        return _say(el, attrs)
    children = tuple(_element(child, name, schema) for child in el)
    text = _own_text(el)
    rule = schema.text[name]
    if rule is False and text:
        raise schema_violation(f"<{name}> cannot contain text ({text[:40]!r})")
    if name == "Dial":
        if text and children:
            raise schema_violation("<Dial> contains either a number as text or nouns, not both")
        if not text and not children:
            raise schema_violation("<Dial> needs a number or a noun to dial")
        if text and not _dialable(text):
            raise schema_violation(f"<Dial> cannot dial {text!r}")
    elif name == "Play":
        if not text and "digits" not in attrs:
            raise schema_violation("<Play> needs a URL or a digits attribute")
        if text and not _url(text):
            raise schema_violation(f"<Play> URL {text!r} is not a URL")
    elif name in ("Redirect", "Media") and not _url(text):
        raise schema_violation(f"<{name}> needs a URL, got {text!r}")
    elif name == "Message" and bool(text) == bool(children):
        raise schema_violation("<Message> has its text, or <Body>/<Media> elements: one of them")
    elif name == "Number" and not _dialable(text):
        raise schema_violation(f"<Number> {text!r} is not a phone number")
    elif rule is True and not text:
        raise schema_violation(f"<{name}> needs text")
    return Verb(name, attrs, text, children)


def _own_text(el: ET.Element) -> str:
    parts = [el.text or ""] + [child.tail or "" for child in el]
    return "".join(parts).strip()


def _dialable(text: str) -> bool:
    compact = re.sub(r"[\s\-().]", "", text)
    return E164.match(compact) is not None or re.fullmatch(r"\d{3,15}", compact) is not None


def _say(el: ET.Element, attrs: dict[str, str]) -> Verb:
    for node in el.iter():
        if node is not el and str(node.tag) not in SSML_TAGS:
            raise schema_violation(f"<{node.tag}> is not SSML and cannot be inside <Say>")
    text = " ".join("".join(el.itertext()).split())
    if not text:
        raise schema_violation("<Say> needs text to speak")
    if len(text) > MAX_SAY_CHARS:
        raise schema_violation(f"<Say> text of {len(text)} characters exceeds {MAX_SAY_CHARS}")
    return Verb("Say", attrs, text)


__all__ = ["E164", "TwimlError", "Verb", "parse"]
