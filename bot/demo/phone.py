"""The browser demo's phone: the acting person calls the hotline through the local fake Twilio.

The fake Twilio (``integrations/telephony_fake``) runs beside the page on loopback ports of its own: it places
signed calls to the desk's phone webhooks (estatedesk's own web app, ``bot.web.init_app``) and runs the TwiML
they answer. The page drives a call through a small JSON API under ``/ui/api/phone`` and hears what the bot
says as ``phone`` server-sent events (captions). Keys are keys; typed words stand in for speech recognition
(Twilio's ``SpeechResult``).

Nothing here is secret: the demo's Twilio account is the fake's fixed test account, like the demo Telegram token.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.app import Estatedesk
from bot.config import embedded_config_text
from bot.web import init_app
from integrations.telegram_fake.ui import ChatUI, Person
from integrations.telegram_fake.ui.api import UiRequestError, json_body
from integrations.telephony_fake import DEFAULT_AUTH_TOKEN, FakeCall, FakeTelephonyError, FakeTwilio

log = logging.getLogger(__name__)

# The fake's fixed test account: the demo's "credentials" (no secret, as DEMO_TOKEN is none).
DEMO_TWILIO_TOKEN = DEFAULT_AUTH_TOKEN
DEFAULT_HOTLINE = "+85221007777"
# Who calls when the page chooses "unknown number": a Hong Kong mobile number nobody in the demo registry has.
UNKNOWN_CALLER = "+85298887777"
_MAX_SAY = 500  # characters of "speech" a caller can type at once
_KEYS = set("0123456789*#")


def demo_phone_config(config: str | None, directory: Path) -> str:
    """The estate configuration with ``[phone] enabled = true``, written into ``directory``; a configuration
    given by the operator is used as it is (it decides whether the hotline is on)."""
    if config:
        return config
    out: list[str] = []
    section = ""
    for line in embedded_config_text().splitlines():
        if line.startswith("["):
            section = line.strip()
        if section == "[phone]" and line.split("=", 1)[0].strip() == "enabled":
            continue
        out.append(line)
        if line == "[phone]":
            out.append("enabled = true")
    path = directory / "estate.toml"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return str(path)


def call_json(call: FakeCall) -> dict[str, Any]:
    """A call as the page draws it: who, its state, what it waits for, and every caption so far."""
    gather = call.gather
    return {
        "sid": call.sid,
        "from": call.from_,
        "to": call.to,
        "direction": call.direction,
        "status": call.status,
        "ended": call.ended,
        "waiting_for": call.waiting_for,
        # What the open <Gather> listens for ("dtmf speech"), so the page can say "keys only".
        "input": (gather.get("input") or "dtmf") if gather is not None else None,
        "captions": [{"text": s.text, "language": s.language, "voice": s.voice} for s in call.heard],
    }


class DemoPhone:
    """The acting person's phone line: one call at a time per person, on the demo's fake Twilio."""

    def __init__(self, ui: ChatUI, people: list[Person], hotline: str = DEFAULT_HOTLINE) -> None:
        self.ui = ui
        self.people = {p.user_id: p for p in people}
        self.hotline = hotline
        self.twilio = FakeTwilio(webhook_timeout=15.0)
        self.calls: dict[int, FakeCall] = {}
        self._locks: dict[int, asyncio.Lock] = {}
        self.ready = False

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/api/phone", self._get),
            web.post("/api/phone/call", self._call),
            web.post("/api/phone/press", self._press),
            web.post("/api/phone/say", self._say),
            web.post("/api/phone/silence", self._silence),
            web.post("/api/phone/hangup", self._hangup),
        ]

    @asynccontextmanager
    async def serving(self, desk: Estatedesk) -> AsyncIterator[DemoPhone]:
        """Serve the fake Twilio and the desk's phone webhooks on free loopback ports; the hotline rings them."""
        if desk.phone is None or desk.voice is None:
            raise RuntimeError("the demo estate has no [phone] enabled = true")
        app = init_app(
            None,
            None,
            secret=None,
            serve_metrics=False,
            phone=desk.phone,
            voice=desk.voice,
            phone_public_url=desk.settings.phone_public_url or "",
        )
        runner = web.AppRunner(app, shutdown_timeout=1.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            url = f"http://127.0.0.1:{runner.addresses[0][1]}{desk.settings.phone_path}"
            async with self.twilio.serve():
                self.twilio.add_number(self.hotline, voice_url=f"{url}/voice", status_callback=f"{url}/status")
                self.ready = True
                try:
                    yield self
                finally:
                    self.ready = False
                    for call in self.calls.values():
                        if not call.ended:
                            await call.hangup()
        finally:
            await runner.cleanup()

    # --- the API -----------------------------------------------------------------------------------------

    def _person(self, raw: object) -> Person:
        try:
            user_id = int(str(raw))
        except ValueError:
            raise UiRequestError(400, "user_id must be the id of someone the page can act as") from None
        person = self.people.get(user_id)
        if person is None:
            raise UiRequestError(404, f"nobody with user_id {user_id}")
        return person

    def _current(self, person: Person) -> FakeCall:
        call = self.calls.get(person.user_id)
        if call is None or call.ended:
            raise UiRequestError(409, f"{person.name} is not on a call")
        return call

    def _answer(self, person: Person, call: FakeCall) -> web.Response:
        state = {"user_id": person.user_id, **call_json(call)}
        self.ui.broadcast({"event": "phone", **state})
        return web.json_response(state)

    async def _get(self, request: web.Request) -> web.Response:
        person = self._person(request.query.get("user_id", ""))
        call = self.calls.get(person.user_id)
        return web.json_response({"user_id": person.user_id, "call": call_json(call) if call else None})

    async def _move(self, request: web.Request, what: str) -> web.Response:
        if not self.ready:
            raise UiRequestError(503, "the phone line is not up yet")
        body = await json_body(request)
        person = self._person(body.get("user_id"))
        lock = self._locks.setdefault(person.user_id, asyncio.Lock())
        async with lock:  # one move at a time per caller, as with one handset
            try:
                if what == "call":
                    call = await self._dial(person, body)
                else:
                    call = self._current(person)
                    await self._do(call, what, body)
            except FakeTelephonyError as exc:
                # Something a real caller could not do (a key while nothing listens): say so, lose nothing.
                raise UiRequestError(409, str(exc)) from None
            return self._answer(person, call)

    async def _dial(self, person: Person, body: dict[str, Any]) -> FakeCall:
        current = self.calls.get(person.user_id)
        if current is not None and not current.ended:
            raise UiRequestError(409, f"{person.name} is already on a call; hang up first")
        if body.get("unknown") is True or person.phone is None:
            number = UNKNOWN_CALLER
        else:
            number = "+" + person.phone.lstrip("+")
        log.info("demo phone: %s calls the hotline from %s", person.name, number)
        self.calls[person.user_id] = call = await self.twilio.call(number, self.hotline)
        return call

    async def _do(self, call: FakeCall, what: str, body: dict[str, Any]) -> None:
        if what == "press":
            keys = body.get("keys")
            if not isinstance(keys, str) or not keys or not set(keys) <= _KEYS or len(keys) > 20:
                raise UiRequestError(400, "keys must be 1 to 20 of 0-9, * and #")
            await call.press(keys)
        elif what == "say":
            text = body.get("text")
            if not isinstance(text, str) or not text.strip():
                raise UiRequestError(400, "text must be the words the caller says")
            if len(text) > _MAX_SAY:
                raise UiRequestError(400, f"say at most {_MAX_SAY} characters at once")
            await call.say(" ".join(text.split()))
        elif what == "silence":
            await call.silence()
        else:
            await call.hangup()

    async def _call(self, request: web.Request) -> web.Response:
        return await self._move(request, "call")

    async def _press(self, request: web.Request) -> web.Response:
        return await self._move(request, "press")

    async def _say(self, request: web.Request) -> web.Response:
        return await self._move(request, "say")

    async def _silence(self, request: web.Request) -> web.Response:
        return await self._move(request, "silence")

    async def _hangup(self, request: web.Request) -> web.Response:
        return await self._move(request, "hangup")


def temporary_directory() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="estatedesk-demo-")
