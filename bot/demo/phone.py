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
import dataclasses
import logging
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.app import Estatedesk
from bot.channels.phone.outbound import install
from bot.config import embedded_config_text
from bot.web import init_app
from integrations.telegram_fake.ui import ChatUI, Person
from integrations.telegram_fake.ui.api import UiRequestError, json_body
from integrations.telephony_fake import DEFAULT_AUTH_TOKEN, FakeCall, FakeTelephonyError, FakeTwilio, WaitTimeout

log = logging.getLogger(__name__)

# The fake's fixed test account: the demo's "credentials" (no secret, as DEMO_TOKEN is none).
DEMO_TWILIO_TOKEN = DEFAULT_AUTH_TOKEN
DEFAULT_HOTLINE = "+85221007777"
# Who calls when the page chooses "unknown number": a Hong Kong mobile number nobody in the demo registry has.
UNKNOWN_CALLER = "+85298887777"
# The desk's callbacks for the calls it places need an absolute public URL; the fake Twilio routes this one to
# where the desk's phone webhooks really listen (as a reverse proxy would).
DEMO_PUBLIC_URL = "http://desk.demo.invalid"
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
        # Residents' numbers ring their phone panel: the fake answers for them, the page shows "incoming".
        for person in people:
            if person.phone is not None and not person.staff:
                self.twilio.answer("+" + person.phone.lstrip("+"), "answered")

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
        async with self.twilio.serve():
            # The calls the desk places (follow-up surveys, fee reminders), on the demo's Twilio account; their
            # jobs run on the demo clock's ticks. (The composition root installs them only for an account SID and a
            # public URL, which the demo's settings do not have: the demo installs them here on its fake account.)
            settings = desk.settings.model_copy(
                update={"twilio_account_sid": self.twilio.account_sid, "phone_public_url": DEMO_PUBLIC_URL}
            )
            outbound = install(dataclasses.replace(desk, settings=settings), api_url=self.twilio.url)
            if outbound is not None:
                outbound.mount(app, desk.voice, public=DEMO_PUBLIC_URL)
            runner = web.AppRunner(app, shutdown_timeout=1.0)
            await runner.setup()
            ringing = asyncio.create_task(self._ring())
            try:
                site = web.TCPSite(runner, "127.0.0.1", 0)
                await site.start()
                local = f"http://127.0.0.1:{runner.addresses[0][1]}"
                self.twilio.route(DEMO_PUBLIC_URL, local)
                url = f"{local}{desk.settings.phone_path}"
                self.twilio.add_number(self.hotline, voice_url=f"{url}/voice", status_callback=f"{url}/status")
                self.ready = True
                yield self
            finally:
                self.ready = False
                ringing.cancel()
                await asyncio.gather(ringing, return_exceptions=True)
                for call in self.calls.values():
                    if not call.ended:
                        await call.hangup()
                await runner.cleanup()
                if outbound is not None:
                    await outbound.close()

    async def _ring(self) -> None:
        """Each call the desk places to a resident rings their phone panel (a ``phone`` event, ``incoming``)."""
        by_number = {"+" + p.phone.lstrip("+"): p for p in self.people.values() if p.phone is not None}
        while True:
            try:
                call = await self.twilio.next_call(timeout=3600)
            except WaitTimeout:
                continue
            person = by_number.get(call.to)
            if person is None:
                continue
            current = self.calls.get(person.user_id)
            if current is not None and not current.ended:
                await call.hangup()  # already on the phone: the desk's call is cut off, and retried as unanswered
                continue
            self.calls[person.user_id] = call
            self.ui.broadcast({"event": "phone", "user_id": person.user_id, **call_json(call)})

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
