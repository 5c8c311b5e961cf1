"""The fake telephony provider, driven against a tiny aiohttp app serving fixed TwiML and checking signatures
with the real ``twilio`` validator."""

from __future__ import annotations

import asyncio
import io
import wave
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client
from twilio.twiml.voice_response import Gather, VoiceResponse

from integrations.telephony_fake import DEFAULT_AUTH_TOKEN, FakeTwilio, SimulationError, point_client_at
from integrations.telephony_fake.model import AnswerOutcome
from integrations.telephony_fake.testing import fake_twilio_fixture  # noqa: F401 - the fixture

HOTLINE = "+85230001234"
MEI = "+85291234567"
DUTY = "+85261110000"
PUBLIC = "https://desk.example.com"

Handler = Callable[[dict[str, str]], str]


@dataclass
class TwimlApp:
    """A bot stand-in: one TwiML answer per path, every request's signature checked against the public URL."""

    url: str = ""
    pages: dict[str, Handler | str] = field(default_factory=dict)
    received: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    content_type: str = "text/xml"

    async def handle(self, request: web.Request) -> web.Response:
        form = {k: str(v) for k, v in (await request.post()).items()}
        public = PUBLIC + request.path_qs
        params = form if request.method == "POST" else {}
        if not RequestValidator(DEFAULT_AUTH_TOKEN).validate(
            public, params, request.headers.get("X-Twilio-Signature", "")
        ):
            self.refused.append(request.path)
            return web.Response(status=403)
        self.received.append((request.path, form if request.method == "POST" else dict(request.query)))
        if request.path.startswith("/audio/"):
            return web.Response(body=b"RIFF....WAVE", content_type="audio/x-wav")
        page = self.pages.get(request.path)
        if page is None:
            return web.Response(status=404)
        body = page if isinstance(page, str) else page(form or dict(request.query))
        return web.Response(text=body, content_type=self.content_type)


@pytest.fixture
async def app(fake_twilio: FakeTwilio) -> AsyncIterator[TwimlApp]:
    twiml = TwimlApp()
    web_app = web.Application()
    web_app.router.add_route("*", "/{tail:.*}", twiml.handle)
    runner = web.AppRunner(web_app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    twiml.url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    fake_twilio.route(PUBLIC, twiml.url)
    fake_twilio.add_number(HOTLINE, voice_url=f"{PUBLIC}/voice", status_callback=f"{PUBLIC}/status")
    twiml.pages["/status"] = "<Response/>"
    yield twiml
    await runner.cleanup()


def menu() -> str:
    r = VoiceResponse()
    g = Gather(input="dtmf speech", num_digits=1, action="/menu", language="yue-Hant-HK", timeout=5)
    g.say("報修請按一，或者講低咩問題。", language="zh-HK", voice="Google.yue-HK-Standard-A")
    r.append(g)
    r.say("再見", language="zh-HK")
    return str(r)


async def test_inbound_call_is_signed_and_runs_say_gather_and_ends_with_a_status_callback(
    fake_twilio: FakeTwilio, app: TwimlApp
) -> None:
    app.pages["/voice"] = menu()
    app.pages["/menu"] = lambda form: (
        f'<Response><Say language="en-US">You pressed {form.get("Digits")}</Say><Hangup/></Response>'
    )
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    assert call.waiting_for == "gather"
    assert call.heard[0].text == "報修請按一，或者講低咩問題。"
    assert call.heard[0].language == "zh-HK"
    path, form = app.received[0]
    assert path == "/voice"
    assert form["From"] == MEI and form["To"] == HOTLINE and form["CallStatus"] == "ringing"
    assert form["Direction"] == "inbound" and form["CallSid"] == call.sid and form["ApiVersion"] == "2010-04-01"
    await call.press("1")
    assert call.texts[-1] == "You pressed 1"
    assert call.status == "completed"
    assert app.received[1][0] == "/menu" and app.received[1][1]["Digits"] == "1"
    status_path, status = app.received[-1]
    assert status_path == "/status" and status["CallStatus"] == "completed" and int(status["CallDuration"]) > 0
    assert app.refused == []


async def test_speech_is_sent_as_speech_result_with_confidence(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = menu()
    app.pages["/menu"] = lambda form: f"<Response><Say>{form['SpeechResult']} {form['Confidence']}</Say></Response>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    await call.say("三座五零二廚房漏水", confidence=0.9)
    assert call.texts[-1] == "三座五零二廚房漏水 0.9"
    assert "Digits" not in app.received[1][1]


async def test_silence_falls_through_to_the_next_verb(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = menu()
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    await call.silence()
    assert call.texts[-1] == "再見"
    assert call.status == "completed"
    assert [p for p, _ in app.received] == ["/voice", "/status"]


async def test_hangup_mid_gather_sends_only_the_status_callback(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = menu()
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    await call.hangup()
    assert call.status == "completed"
    assert [p for p, _ in app.received] == ["/voice", "/status"]
    with pytest.raises(SimulationError):
        await call.press("1")


async def test_redirect_resolves_relative_urls(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = "<Response><Redirect>next?step=2</Redirect></Response>"
    app.pages["/next"] = lambda form: "<Response><Say>two</Say></Response>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    assert call.texts == ["two"]
    assert call.webhooks[-1].url == f"{PUBLIC}/next?step=2"
    assert app.refused == []


async def test_invalid_twiml_ends_the_call_with_an_error(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = "<Response><Gather><Dial>+85261110000</Dial></Gather></Response>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    assert call.status == "completed" and call.heard == []
    (error,) = fake_twilio.take_errors()
    assert error.code == 12200 and "Dial" in error.message


# --- more verbs -----------------------------------------------------------------------------------------------


async def test_gather_stops_at_num_digits_or_finish_key_and_sends_finished_on_key(
    fake_twilio: FakeTwilio, app: TwimlApp
) -> None:
    app.pages["/voice"] = '<Response><Gather action="/unit" finishOnKey="#"><Say>Unit?</Say></Gather></Response>'
    app.pages["/unit"] = lambda form: (
        f"<Response><Say>{form['Digits']} {form.get('FinishedOnKey', '-')}</Say></Response>"
    )
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    await call.press("1502#9")
    assert call.texts[-1] == "1502 #"
    app.pages["/voice"] = '<Response><Gather action="/unit" numDigits="2"><Say>Unit?</Say></Gather></Response>'
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    await call.press("123")
    assert call.texts[-1] == "12 -"


async def test_speech_only_gather_ignores_keys_and_action_on_empty_result_posts_without_input(
    fake_twilio: FakeTwilio, app: TwimlApp
) -> None:
    app.pages["/voice"] = (
        '<Response><Gather input="speech" actionOnEmptyResult="true" action="/heard" language="cmn-Hans-CN">'
        '<Say language="zh-CN">请说</Say></Gather><Say>unreachable</Say></Response>'
    )
    app.pages["/heard"] = lambda form: f"<Response><Say>{form.get('SpeechResult', 'nothing')}</Say></Response>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    await call.press("1")
    assert call.texts == ["请说", "nothing"]
    assert "Digits" not in app.received[1][1] and "SpeechResult" not in app.received[1][1]


async def test_record_stores_a_wav_served_with_basic_auth_and_posts_it_to_the_action(
    fake_twilio: FakeTwilio, app: TwimlApp
) -> None:
    app.pages["/voice"] = (
        '<Response><Say>Leave a message</Say><Record action="/voicemail" maxLength="60" finishOnKey="#"/></Response>'
    )
    app.pages["/voicemail"] = "<Response><Say>Thanks</Say><Hangup/></Response>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    assert call.waiting_for == "record"
    await call.record(4, finish_key="#")
    form = app.received[1][1]
    assert form["RecordingDuration"] == "4" and form["Digits"] == "#" and form["RecordingSid"].startswith("RE")
    async with aiohttp.ClientSession() as session:
        async with session.get(form["RecordingUrl"]) as anonymous:
            assert anonymous.status == 401
        auth = {"Authorization": aiohttp.encode_basic_auth(fake_twilio.account_sid, fake_twilio.auth_token)}
        async with session.get(form["RecordingUrl"] + ".wav", headers=auth) as resp:
            assert resp.status == 200
            audio = await resp.read()
    with wave.open(io.BytesIO(audio)) as w:
        assert w.getnframes() / w.getframerate() == pytest.approx(4, abs=0.01)
    assert call.texts[-1] == "Thanks"


async def test_empty_recording_makes_no_request_and_falls_through(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = '<Response><Record action="/voicemail"/><Say>No message</Say></Response>'
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    await call.silence()
    assert call.texts == ["No message"] and call.recordings == []
    assert [p for p, _ in app.received] == ["/voice", "/status"]


async def test_hanging_up_during_record_still_posts_the_action_with_digits_hangup(
    fake_twilio: FakeTwilio, app: TwimlApp
) -> None:
    app.pages["/voice"] = '<Response><Record action="/voicemail"/></Response>'
    app.pages["/voicemail"] = "<Response><Say>ignored</Say></Response>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    await call.record(2, then_hang_up=True)
    assert app.received[1][1]["Digits"] == "hangup"
    assert call.status == "completed" and "ignored" not in call.texts


@pytest.mark.parametrize(
    ("outcome", "status"),
    [("answered", "completed"), ("busy", "busy"), ("no-answer", "no-answer"), ("failed", "failed")],
)
async def test_dial_posts_dial_call_status_to_its_action(
    fake_twilio: FakeTwilio, app: TwimlApp, outcome: AnswerOutcome, status: str
) -> None:
    fake_twilio.answer(DUTY, outcome, ring_seconds=3, talk_seconds=40)
    app.pages["/voice"] = f'<Response><Dial action="/after-dial" timeout="20"><Number>{DUTY}</Number></Dial></Response>'
    app.pages["/after-dial"] = lambda form: f"<Response><Say>{form['DialCallStatus']}</Say></Response>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    assert call.texts == [status]
    assert call.dialed[0].numbers == (DUTY,) and call.dialed[0].status == status
    form = app.received[1][1]
    assert form["DialCallSid"].startswith("CA")
    assert form.get("DialCallDuration") == ("40" if outcome == "answered" else None)


async def test_dial_without_action_continues_and_a_slow_answer_is_no_answer(
    fake_twilio: FakeTwilio, app: TwimlApp
) -> None:
    fake_twilio.answer(DUTY, "answered", ring_seconds=30)
    app.pages["/voice"] = f'<Response><Dial timeout="10">{DUTY}</Dial><Say>Nobody answered</Say></Response>'
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    assert call.dialed[0].status == "no-answer" and call.texts == ["Nobody answered"]


async def test_get_method_sends_parameters_in_the_query_and_signs_the_full_url(
    fake_twilio: FakeTwilio, app: TwimlApp
) -> None:
    app.pages["/voice"] = '<Response><Gather action="/menu?lang=en" method="GET"><Say>Press</Say></Gather></Response>'
    app.pages["/menu"] = lambda query: f"<Response><Say>{query['lang']} {query['Digits']}</Say></Response>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    await call.press("7")
    assert call.texts[-1] == "en 7" and app.refused == []


# --- retries and forgeries ------------------------------------------------------------------------------------


async def test_replay_sends_the_same_request_again_and_forgeries_are_refused(
    fake_twilio: FakeTwilio, app: TwimlApp
) -> None:
    app.pages["/voice"] = menu()
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    first = call.webhooks[-1]
    again = await fake_twilio.replay_last(call, "voice")
    assert again.status == 200 and again.params == first.params
    assert again.headers["I-Twilio-Idempotency-Token"] == first.headers["I-Twilio-Idempotency-Token"]
    assert again.headers["X-Twilio-Signature"] == first.headers["X-Twilio-Signature"]
    assert call.waiting_for == "gather"  # a replay is not run
    wrong = await fake_twilio.forge(call)
    missing = await fake_twilio.forge(call, signature=None)
    tampered = await fake_twilio.forge(call, params={**first.params, "From": DUTY}, signed_params=first.params)
    assert (wrong.status, missing.status, tampered.status) == (403, 403, 403)
    assert app.refused == ["/voice"] * 3


async def test_signature_covers_the_public_url_not_the_local_one(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = "<Response><Say>hi</Say></Response>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    exchange = call.webhooks[0]
    assert exchange.url == f"{PUBLIC}/voice" and exchange.target == f"{app.url}/voice"
    local = RequestValidator(DEFAULT_AUTH_TOKEN).validate(
        exchange.target, exchange.params, exchange.headers["X-Twilio-Signature"]
    )
    assert not local and app.refused == []


# --- what Twilio refuses --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "code"),
    [
        ("not xml at all", 12100),
        ("<Reply><Say>hi</Say></Reply>", 12100),
        ("<Response><Say>hi</Say><Sms>ticket 123</Sms></Response>", 12200),
        ("<Response><Message>ticket 123</Message></Response>", 12200),
        ('<Response><Say colour="red">hi</Say></Response>', 12200),
        ('<Response><Say language="cantonese">hi</Say></Response>', 12200),
        ("<Response><Say></Say></Response>", 12200),
        ('<Response><Gather input="keys"/></Response>', 12200),
        ('<Response><Gather language="en"/></Response>', 12200),
        ('<Response><Gather numDigits="0"/></Response>', 12200),
        ('<Response><Gather timeout="soon"/></Response>', 12200),
        ("<Response><Gather><Record/></Gather></Response>", 12200),
        ("<Response><Gather>press one</Gather></Response>", 12200),
        ("<Response><Dial><Say>hi</Say></Dial></Response>", 12200),
        ("<Response><Dial>+85261110000<Number>+85261110001</Number></Dial></Response>", 12200),
        ("<Response><Dial>call the duty manager</Dial></Response>", 12200),
        ("<Response><Redirect/></Response>", 12200),
        ("<Response><Hangup>now</Hangup></Response>", 12200),
        ('<Response><Reject reason="nope"/></Response>', 12200),
        ('<Response><Play loop="twice">https://example.com/a.mp3</Play></Response>', 12200),
        ('<Response><Pause length="-1"/></Response>', 12200),
        ("<Response><Connect/></Response>", 12200),
        ("<Response><Say>hi</Say><Response/></Response>", 12200),
        ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><Response><Say>&a;</Say></Response>', 12100),
    ],
)
async def test_invalid_documents_are_refused_whole(
    fake_twilio: FakeTwilio, app: TwimlApp, document: str, code: int
) -> None:
    app.pages["/voice"] = document
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    assert call.status == "completed" and call.heard == []
    (error,) = fake_twilio.take_errors()
    assert error.code == code and error.call_sid == call.sid


async def test_failed_webhook_and_wrong_content_type_are_errors(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)  # /voice not served: 404
    assert [e.code for e in fake_twilio.take_errors()] == [11200]
    assert call.ended
    app.pages["/voice"] = "<Response><Say>hi</Say></Response>"
    app.content_type = "application/json"
    await fake_twilio.call(from_=MEI, to=HOTLINE)
    # The status callback answered application/json too, which Twilio does not mind.
    assert [e.code for e in fake_twilio.take_errors()] == [12300]


async def test_a_refused_status_callback_is_an_error(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = "<Response><Say>hi</Say></Response>"
    del app.pages["/status"]
    await fake_twilio.call(from_=MEI, to=HOTLINE)
    assert [e.code for e in fake_twilio.take_errors()] == [15003]


async def test_a_redirect_loop_without_input_is_stopped(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = "<Response><Redirect>/voice</Redirect></Response>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    assert call.ended
    assert "loop" in fake_twilio.take_errors()[0].message


async def test_moves_the_call_is_not_waiting_for_are_refused(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = '<Response><Record action="/x"/></Response>'
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    with pytest.raises(SimulationError):
        await call.press("1")
    with pytest.raises(SimulationError):
        await call.record(2, finish_key="x")
    await call.hangup()


# --- the REST API, through the real twilio client ---------------------------------------------------------------


@pytest.fixture
async def rest(fake_twilio: FakeTwilio, app: TwimlApp) -> AsyncIterator[Any]:
    client = fake_twilio.rest_client()
    yield client
    await client.http_client.close()


async def test_outbound_call_answered_runs_the_url_and_reports_each_status(
    fake_twilio: FakeTwilio, app: TwimlApp, rest: Any
) -> None:
    fake_twilio.answer(MEI, "answered", ring_seconds=4)
    app.pages["/survey"] = (
        '<Response><Gather numDigits="1" action="/score"><Say>How satisfied are you, 1 to 5?</Say></Gather></Response>'
    )
    app.pages["/score"] = lambda form: f"<Response><Say>Thank you for {form['Digits']}</Say><Hangup/></Response>"
    placed = await rest.calls.create_async(
        to=MEI,
        from_=HOTLINE,
        url=f"{PUBLIC}/survey",
        status_callback=f"{PUBLIC}/status",
        status_callback_event=["initiated", "ringing", "answered", "completed"],
        machine_detection="Enable",
    )
    assert placed.sid.startswith("CA") and placed.status == "queued" and placed.direction == "outbound-api"
    call = await fake_twilio.next_call(to=MEI)
    assert call.sid == placed.sid and call.texts == ["How satisfied are you, 1 to 5?"]
    survey_form = app.received[2][1]
    assert survey_form["Direction"] == "outbound-api" and survey_form["AnsweredBy"] == "human"
    await call.press("4")
    assert call.texts[-1] == "Thank you for 4"
    statuses = [form["CallStatus"] for path, form in app.received if path == "/status"]
    assert statuses == ["initiated", "ringing", "in-progress", "completed"]
    fetched = await rest.calls(placed.sid).fetch_async()
    assert fetched.status == "completed" and int(fetched.duration) > 0


@pytest.mark.parametrize("outcome", ["busy", "no-answer", "failed"])
async def test_outbound_call_not_answered_ends_with_that_status(
    fake_twilio: FakeTwilio, app: TwimlApp, rest: Any, outcome: AnswerOutcome
) -> None:
    fake_twilio.answer(MEI, outcome)
    placed = await rest.calls.create_async(
        to=MEI, from_=HOTLINE, url=f"{PUBLIC}/survey", status_callback=f"{PUBLIC}/status"
    )
    call = await fake_twilio.next_call(to=MEI)
    await call.finished()
    assert call.status == outcome and call.heard == []
    assert [(p, f["CallStatus"], f["CallDuration"]) for p, f in app.received] == [("/status", outcome, "0")]
    assert (await rest.calls(placed.sid).fetch_async()).status == outcome


async def test_outbound_call_with_inline_twiml(fake_twilio: FakeTwilio, rest: Any) -> None:
    fake_twilio.answer(MEI, "answered")
    await rest.calls.create_async(
        to=MEI, from_=HOTLINE, twiml='<Response><Say language="zh-HK">你好，管理處提提你交管理費。</Say></Response>'
    )
    call = await (await fake_twilio.next_call(to=MEI)).finished()
    assert call.heard[0].language == "zh-HK" and call.status == "completed"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"to": "91234567"}, 21211),
        ({"from_": "+85299999999"}, 21210),
        ({"url": "not a url"}, 21205),
        ({"url": None}, 21205),
        ({"status_callback_event": ["picked-up"]}, 21626),
    ],
)
async def test_outbound_calls_twilio_refuses(
    fake_twilio: FakeTwilio, rest: Any, kwargs: dict[str, Any], code: int
) -> None:
    args: dict[str, Any] = {"to": MEI, "from_": HOTLINE, "url": f"{PUBLIC}/survey", **kwargs}
    with pytest.raises(TwilioRestException) as refused:
        await rest.calls.create_async(**{k: v for k, v in args.items() if v is not None})
    assert refused.value.code == code and refused.value.status == 400
    assert fake_twilio.calls == []


async def test_rest_api_refuses_a_wrong_auth_token(fake_twilio: FakeTwilio) -> None:
    client = Client(fake_twilio.account_sid, "wrong", http_client=AsyncTwilioHttpClient())
    point_client_at(client, fake_twilio.url)
    try:
        with pytest.raises(TwilioRestException) as refused:
            await client.messages.create_async(to=MEI, from_=HOTLINE, body="hi")
    finally:
        await client.http_client.close()
    assert refused.value.status == 401 and refused.value.code == 20003
    assert fake_twilio.messages == []


async def test_sms_is_sent_with_status_callbacks(fake_twilio: FakeTwilio, app: TwimlApp, rest: Any) -> None:
    sent = await rest.messages.create_async(
        to=MEI, from_=HOTLINE, body="工單 T-2026-0042 已完成。", status_callback=f"{PUBLIC}/sms-status"
    )
    app.pages["/sms-status"] = "<Response/>"
    sms = await fake_twilio.next_message(to=MEI)
    assert sms.sid == sent.sid and sms.body == "工單 T-2026-0042 已完成。" and sent.status == "queued"
    while sms.status != "delivered" or len(sms.transcript) < 2:
        await asyncio.sleep(0.01)
    assert [e.params["MessageStatus"] for e in sms.transcript] == ["sent", "delivered"]
    assert (await rest.messages(sent.sid).fetch_async()).status == "delivered"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"to": "9123 4567"}, 21211),
        ({"body": "x" * 1601}, 21617),
        ({"body": ""}, 21602),
        ({"from_": "+85299999999"}, 21606),
        ({"from_": None}, 21603),
        ({"from_": None, "messaging_service_sid": "MGnope"}, 21701),
        ({"to": "+85298765432"}, 21610),
    ],
)
async def test_messages_twilio_refuses(fake_twilio: FakeTwilio, rest: Any, kwargs: dict[str, Any], code: int) -> None:
    fake_twilio.opt_out("+85298765432")
    args: dict[str, Any] = {"to": MEI, "from_": HOTLINE, "body": "hi", **kwargs}
    with pytest.raises(TwilioRestException) as refused:
        await rest.messages.create_async(**{k: v for k, v in args.items() if v is not None})
    assert refused.value.code == code
    assert fake_twilio.messages == []


async def test_a_body_of_1600_characters_is_accepted(fake_twilio: FakeTwilio, rest: Any) -> None:
    await rest.messages.create_async(to=MEI, from_=HOTLINE, body="x" * 1600)
    assert (await fake_twilio.next_message(to=MEI)).num_segments == 11


# --- media, transcription, texts in ---------------------------------------------------------------------------


async def test_play_fetches_local_audio_and_logs_what_it_cannot_play(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = (
        "<Response><Play>/audio/welcome.wav</Play><Play>/missing.wav</Play><Play>/status</Play>"
        "<Play>https://cdn.example.com/hold.mp3</Play><Say>after</Say></Response>"
    )
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    assert call.played == [f"{PUBLIC}/audio/welcome.wav", "https://cdn.example.com/hold.mp3"]
    assert call.texts == ["after"]  # a Play that fails is skipped, the call goes on
    assert [e.code for e in fake_twilio.take_errors()] == [11200, 12300]


async def test_a_recording_can_be_played_back_and_transcribed(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    app.pages["/voice"] = (
        '<Response><Record action="/recorded" transcribe="true" transcribeCallback="/transcribed"/></Response>'
    )
    app.pages["/recorded"] = lambda form: f"<Response><Play>{form['RecordingUrl']}</Play></Response>"
    app.pages["/transcribed"] = "<Response/>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    await call.record(5, transcript="三座五零二廚房漏水")
    assert call.played == [call.recordings[0].url]
    path, form = app.received[-1]
    assert path == "/transcribed" and form["TranscriptionStatus"] == "completed"
    assert form["TranscriptionText"] == "三座五零二廚房漏水" and form["RecordingSid"] == call.recordings[0].sid


async def test_an_incoming_stop_opts_the_sender_out_and_replies_are_sent(
    fake_twilio: FakeTwilio, app: TwimlApp
) -> None:
    fake_twilio.numbers[HOTLINE].sms_url = f"{PUBLIC}/sms"
    app.pages["/sms"] = lambda form: (
        "<Response/>" if form.get("OptOutType") else f"<Response><Message>Got: {form['Body']}</Message></Response>"
    )
    await fake_twilio.text(MEI, HOTLINE, "hello")
    reply = await fake_twilio.next_message(to=MEI)
    assert reply.body == "Got: hello" and reply.from_ == HOTLINE and reply.direction == "outbound-reply"
    exchange = await fake_twilio.text(MEI, HOTLINE, "stop")
    assert exchange.ok and exchange.params["OptOutType"] == "STOP" and MEI in fake_twilio.opted_out
    rest = fake_twilio.rest_client()
    try:
        with pytest.raises(TwilioRestException) as refused:
            await rest.messages.create_async(to=MEI, from_=HOTLINE, body="news")
        assert refused.value.code == 21610
        await fake_twilio.text(MEI, HOTLINE, "START")
        assert MEI not in fake_twilio.opted_out
        await rest.messages.create_async(to=MEI, from_=HOTLINE, body="news")
    finally:
        await rest.http_client.close()


async def test_an_invalid_sms_answer_is_an_error(fake_twilio: FakeTwilio, app: TwimlApp) -> None:
    fake_twilio.numbers[HOTLINE].sms_url = f"{PUBLIC}/sms"
    app.pages["/sms"] = "<Response><Say>voice in a text?</Say></Response>"
    await fake_twilio.text(MEI, HOTLINE, "hello")
    assert [e.code for e in fake_twilio.take_errors()] == [12200]
    assert fake_twilio.messages == []


@pytest.mark.parametrize(("reason", "status"), [("busy", "busy"), ("rejected", "no-answer")])
async def test_reject_as_the_first_verb_leaves_the_call_unanswered(
    fake_twilio: FakeTwilio, app: TwimlApp, reason: str, status: str
) -> None:
    app.pages["/voice"] = f'<Response><Reject reason="{reason}"/><Say>unreachable</Say></Response>'
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    assert call.status == status and call.heard == []
    assert app.received[-1][0] == "/status" and app.received[-1][1]["CallStatus"] == status
    assert app.received[-1][1]["CallDuration"] == "0"


async def test_a_failing_document_is_followed_by_the_numbers_fallback_url(
    fake_twilio: FakeTwilio, app: TwimlApp
) -> None:
    fake_twilio.add_number(
        HOTLINE, voice_url=f"{PUBLIC}/voice", status_callback=f"{PUBLIC}/status", voice_fallback_url=f"{PUBLIC}/sorry"
    )
    app.pages["/voice"] = menu()
    app.pages["/menu"] = "<Response><Gather><Dial>+85261110000</Dial></Gather></Response>"  # invalid
    app.pages["/sorry"] = lambda form: f"<Response><Say>Sorry ({form['ErrorCode']})</Say></Response>"
    call = await fake_twilio.call(from_=MEI, to=HOTLINE)
    await call.press("1")
    assert call.texts[-1] == "Sorry (12200)" and call.status == "completed"
    fallback = app.received[-2][1]
    assert app.received[-2][0] == "/sorry" and fallback["ErrorUrl"] == f"{PUBLIC}/menu"
    assert [e.code for e in fake_twilio.take_errors()] == [12200]
