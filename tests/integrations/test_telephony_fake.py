"""The fake telephony provider, driven against a tiny aiohttp app serving fixed TwiML and checking signatures
with the real ``twilio`` validator."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import pytest
from aiohttp import web
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import Gather, VoiceResponse

from integrations.telephony_fake import DEFAULT_AUTH_TOKEN, FakeTwilio, SimulationError
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
