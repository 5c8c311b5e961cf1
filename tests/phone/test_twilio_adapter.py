"""The Twilio adapter: webhook parameters to neutral call events, neutral actions to TwiML, signatures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from twilio.request_validator import RequestValidator

from bot.channels.phone import speech
from integrations.telephony import Dial, Gather, Hangup, Pause, Play, Record, Redirect, Say, VoiceProvider
from integrations.telephony.twilio import TwilioVoice

TOKEN = "0123456789abcdef0123456789abcdef"
URL = "https://desk.example.org/phone/input?s=3"
PARAMS = {"CallSid": "CA1", "From": "+85291234567", "To": "+85221007777", "CallStatus": "in-progress", "Digits": "1"}


def test_it_is_a_voice_provider() -> None:
    assert isinstance(TwilioVoice(TOKEN), VoiceProvider)


def test_a_signature_over_the_public_url_and_parameters_is_accepted() -> None:
    voice = TwilioVoice(TOKEN)
    signature = RequestValidator(TOKEN).compute_signature(URL, PARAMS)
    assert voice.verify(URL, PARAMS, {"X-Twilio-Signature": signature})
    assert not voice.verify(URL, {**PARAMS, "Digits": "9"}, {"X-Twilio-Signature": signature})
    assert not voice.verify(URL.replace("s=3", "s=4"), PARAMS, {"X-Twilio-Signature": signature})
    assert not voice.verify(URL, PARAMS, {})
    wrong = RequestValidator("another-token").compute_signature(URL, PARAMS)
    assert not voice.verify(URL, PARAMS, {"X-Twilio-Signature": wrong})


def test_sha256_signatures_are_checked_with_the_algorithm_the_request_names() -> None:
    voice = TwilioVoice(TOKEN)
    signature = RequestValidator(TOKEN).compute_signature(URL, PARAMS, "HMAC_SHA256")
    headers = {"X-Twilio-Signature": signature, "X-Twilio-Webhooks-Signature-Settings": "algorithm=HMAC_SHA256"}
    assert voice.verify(URL, PARAMS, headers)
    assert not voice.verify(URL, PARAMS, {"X-Twilio-Signature": signature})


def test_no_token_is_refused_at_start() -> None:
    with pytest.raises(ValueError):
        TwilioVoice("")


def test_webhook_parameters_become_a_call_event() -> None:
    voice = TwilioVoice(TOKEN)
    event = voice.parse(
        {
            **PARAMS,
            "Digits": "",
            "SpeechResult": "三座五零二廚房漏水",
            "Confidence": "0.91",
            "RecordingUrl": "https://api.twilio.com/rec/RE1",
            "RecordingDuration": "7",
            "DialCallStatus": "no-answer",
        }
    )
    assert event.call_id == "CA1" and event.caller == "+85291234567" and event.called == "+85221007777"
    assert event.speech == "三座五零二廚房漏水" and event.confidence == 0.91 and not event.empty
    assert event.recording_duration == 7 and event.dial_status == "no-answer" and not event.ended
    assert voice.parse({**PARAMS, "Digits": "", "CallStatus": "completed", "Confidence": "x"}).empty
    assert voice.parse({**PARAMS, "CallStatus": "completed"}).ended
    with pytest.raises(ValueError):
        voice.parse({"From": "+85291234567"})


def test_voice_actions_render_as_twiml() -> None:
    xml = TwilioVoice(TOKEN).render(
        [
            Say("歡迎", "zh-HK", "Polly.Hiujin"),
            Play("https://example.org/tone.wav"),
            Pause(2),
            Gather("/phone/input?s=1", (Say("報修請按1", "zh-HK"),), language="yue-Hant-HK", hints=("水喉", "電梯")),
            Gather("/phone/input?s=2", (Say("Describe it", "en-GB"),), keys=False, num_digits=None, timeout=7),
            Redirect("/phone/input?s=1"),
            Dial("+85221009999", "/phone/dial?s=1&leg=duty", timeout=25),
            Record("/phone/record?s=1&for=voicemail", max_length=90),
            Hangup(),
        ]
    )
    root = ET.fromstring(xml)
    assert root.tag == "Response"
    assert [e.tag for e in root] == ["Say", "Play", "Pause", "Gather", "Gather", "Redirect", "Dial", "Record", "Hangup"]
    say, _, pause, keys, words, redirect, dial, record, _ = list(root)
    assert say.text == "歡迎" and say.get("language") == "zh-HK" and say.get("voice") == "Polly.Hiujin"
    assert pause.get("length") == "2"
    assert keys.get("input") == "dtmf speech" and keys.get("numDigits") == "1"
    assert keys.get("language") == "yue-Hant-HK" and keys.get("hints") == "水喉, 電梯"
    assert keys.get("action") == "/phone/input?s=1" and keys[0].tag == "Say" and keys[0].text == "報修請按1"
    assert words.get("input") == "speech" and words.get("numDigits") is None and words.get("timeout") == "7"
    assert redirect.text == "/phone/input?s=1"
    assert dial.get("action") == "/phone/dial?s=1&leg=duty" and dial.get("timeout") == "25"
    assert dial[0].tag == "Number" and dial[0].text == "+85221009999"
    assert record.get("maxLength") == "90" and record.get("action") == "/phone/record?s=1&for=voicemail"


def test_ticket_numbers_are_read_in_groups() -> None:
    assert speech.spell_number("R-000123") == "R, 0 0 0, 1 2 3"
    assert speech.spell_number("V-001234") == "V, 0 0 1, 2 3 4"


def test_options_are_matched_by_what_was_said() -> None:
    labels = ["Confirm", "Edit", "Cancel"]
    assert speech.match_option("confirm please", labels) == 0
    assert speech.match_option("Cancel.", labels) == 2
    assert speech.match_option("hmm", labels) is None
    assert speech.match_option("水喉", ["水喉 / 漏水", "電力"]) == 0
    assert speech.spoken_key("two") == "2" and speech.spoken_key("二") == "2" and speech.spoken_key("two flats") is None


def test_languages_are_chosen_by_key_or_by_name() -> None:
    assert speech.language_from("3", "") == "en"
    assert speech.language_from("", "廣東話") == "zh-Hant" and speech.language_from("", "Mandarin please") == "zh-Hans"
    assert speech.language_from("7", "") is None and speech.language_from("", "hello") is None


def test_numbers_read_digit_by_digit_are_written_as_digits() -> None:
    assert speech.written_digits("三座五零二廚房漏水") == "三座502廚房漏水"
    assert speech.written_digits("一直漏水") == "一直漏水"


def test_amounts_and_months_are_spoken_in_each_language() -> None:
    assert speech.spoken_money("Amount due: HK$1,850.50", "en") == "Amount due: 1850 Hong Kong dollars and 50 cents"
    assert speech.spoken_money("HK$-35.00", "zh-Hant") == "負港幣35元"
    assert speech.spoken_money("HK$120.05", "zh-Hans") == "港币120元5分"
    assert speech.spoken_dates("paid up to 2026-09", "en") == "paid up to September 2026"
    assert speech.spoken_dates("2026-10-31", "zh-Hant") == "2026年10月31日"
