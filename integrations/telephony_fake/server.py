"""``FakeTwilio``: a local, strict stand-in for Twilio Programmable Voice and Messaging, for tests and demos."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from email.utils import formatdate
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import aiohttp
from aiohttp import web
from twilio.request_validator import RequestValidator

from integrations.telephony_fake.call import FakeCall
from integrations.telephony_fake.errors import ProviderError, SimulationError, TwimlError, WaitTimeout
from integrations.telephony_fake.model import ANSWER_OUTCOMES, AnswerOutcome, AnswerPlan, Exchange, FakeSms, Recording
from integrations.telephony_fake.twiml import E164, MESSAGING, Verb, parse

# Twilio's default opt-out handling for messaging (Advanced Opt-Out keywords).
OPT_OUT_KEYWORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"})
OPT_IN_KEYWORDS = frozenset({"START", "YES", "UNSTOP"})

DEFAULT_ACCOUNT_SID = "AC" + "0" * 31 + "1"
DEFAULT_AUTH_TOKEN = "fake-auth-token-0123456789abcdef"
# Signs forged requests: a token that is not the account's.
_WRONG_TOKEN = "not-the-auth-token"
WRONG_TOKEN = object()
_PURPOSES_REPLAYABLE = ("voice", "gather", "record", "dial", "redirect", "fallback", "status", "recording-status")


class NumberConfig:
    """A phone number of the account, as configured in Twilio's console: where its calls and texts go."""

    def __init__(
        self,
        number: str,
        *,
        voice_url: str,
        voice_method: str = "POST",
        status_callback: str | None = None,
        status_callback_method: str = "POST",
        sms_url: str | None = None,
        sms_method: str = "POST",
        voice_fallback_url: str | None = None,
        voice_fallback_method: str = "POST",
    ) -> None:
        self.number = number
        self.voice_fallback_url = voice_fallback_url
        self.voice_fallback_method = voice_fallback_method
        self.sms_method = sms_method
        self.voice_url = voice_url
        self.voice_method = voice_method
        self.status_callback = status_callback
        self.status_callback_method = status_callback_method
        self.sms_url = sms_url


class FakeTwilio:
    """A fake Twilio account: phone numbers that send signed voice webhooks and run the TwiML they get back,
    and the REST API (``Calls.json``, ``Messages.json``, recordings) at :attr:`url`::

        fake = FakeTwilio()
        async with fake.serve():
            fake.add_number("+85230001234", voice_url=f"{bot_url}/phone/voice",
                            status_callback=f"{bot_url}/phone/status")
            call = await fake.call(from_="+85291234567", to="+85230001234")
            assert call.heard[0].language == "zh-HK"
            await call.press("1")
            await call.say("三座五零二廚房漏水", confidence=0.9)
            await call.hangup()

    Behind a reverse proxy the application checks signatures against its *public* URL: configure the number
    with the public URL and :meth:`route` it to where the application really listens. Whatever Twilio would
    log as an error (invalid TwiML, failed webhook, refused status callback) lands on :attr:`errors`; use
    :meth:`take_errors` when a test expects one, and the ``fake_twilio`` fixture fails a test that left any.
    """

    def __init__(
        self,
        account_sid: str = DEFAULT_ACCOUNT_SID,
        auth_token: str = DEFAULT_AUTH_TOKEN,
        *,
        webhook_timeout: float = 15.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.webhook_timeout = webhook_timeout
        self.clock = clock
        self.validator = RequestValidator(auth_token)
        self.numbers: dict[str, NumberConfig] = {}
        self.routes: list[tuple[str, str]] = []
        self.plans: dict[str, AnswerPlan] = {}
        self.calls: list[FakeCall] = []
        self.messages: list[FakeSms] = []
        self.recordings: dict[str, Recording] = {}
        self.errors: list[ProviderError] = []
        self.opted_out: set[str] = set()
        self.sms_outcomes: dict[str, str] = {}
        self.outages: list[int] = []
        self.url = ""
        self._session: aiohttp.ClientSession | None = None
        self._changed = asyncio.Condition()
        self._tasks: set[asyncio.Task[None]] = set()
        self._taken_messages: set[str] = set()
        from integrations.telephony_fake.rest import make_app

        self.app = make_app(self)

    # --- serving ---------------------------------------------------------------------------------------

    @asynccontextmanager
    async def serve(self, host: str = "127.0.0.1", port: int = 0) -> AsyncIterator[FakeTwilio]:
        """Serve the REST API and recordings in the running loop (``port=0``: a free one); sets :attr:`url`."""
        runner = web.AppRunner(self.app, handler_cancellation=True, shutdown_timeout=1.0)
        await runner.setup()
        self._session = aiohttp.ClientSession()
        try:
            site = web.TCPSite(runner, host, port)
            await site.start()
            self.url = f"http://{host}:{runner.addresses[0][1]}"
            yield self
        finally:
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            await self._session.close()
            self._session = None
            self.url = ""
            await runner.cleanup()

    def rest_client(self, *, timeout: float = 10.0) -> Any:
        """A real ``twilio.rest.Client`` (asyncio HTTP client) talking to this fake instead of api.twilio.com.

        Twilio 9 builds every API URL from its domain's ``base_url`` (``twilio.base.domain.Domain``), so setting
        ``client.api.base_url`` points the Voice and Messaging 2010-04-01 API at the fake with nothing else
        changed: auth, form encoding, paging and error handling are the library's own.
        """
        from twilio.http.async_http_client import AsyncTwilioHttpClient
        from twilio.rest import Client

        client = Client(self.account_sid, self.auth_token, http_client=AsyncTwilioHttpClient(timeout=timeout))
        point_client_at(client, self.url)
        return client

    # --- setting the scene -----------------------------------------------------------------------------

    def add_number(
        self,
        number: str,
        *,
        voice_url: str,
        voice_method: str = "POST",
        status_callback: str | None = None,
        status_callback_method: str = "POST",
        sms_url: str | None = None,
        voice_fallback_url: str | None = None,
    ) -> NumberConfig:
        """Buy a number for the account and point its voice webhook (and optional status callback, SMS
        webhook and voice fallback URL: asked once, with ErrorCode and ErrorUrl, when a document of the call
        cannot be fetched or run) at URLs."""
        if not E164.match(number):
            raise SimulationError(f"{number!r} is not an E.164 number")
        for url in (voice_url, status_callback, sms_url, voice_fallback_url):
            if url is not None and urlsplit(url).scheme not in ("http", "https"):
                raise SimulationError(f"Twilio needs an absolute http(s) URL, not {url!r}")
        config = NumberConfig(
            number,
            voice_url=voice_url,
            voice_method=voice_method,
            status_callback=status_callback,
            status_callback_method=status_callback_method,
            sms_url=sms_url,
            voice_fallback_url=voice_fallback_url,
        )
        self.numbers[number] = config
        return config

    def route(self, public_prefix: str, local_prefix: str) -> None:
        """Send requests for URLs under ``public_prefix`` to ``local_prefix`` (a reverse proxy in between);
        the signature is still computed over the public URL, as Twilio computes it."""
        self.routes.append((public_prefix.rstrip("/"), local_prefix.rstrip("/")))

    def answer(
        self,
        number: str,
        outcome: AnswerOutcome = "answered",
        *,
        ring_seconds: int = 5,
        talk_seconds: int = 30,
        answered_by: str = "human",
    ) -> None:
        """How ``number`` behaves when called (by ``<Dial>`` or an outbound REST call). Unset numbers don't answer."""
        if outcome not in ANSWER_OUTCOMES:
            raise SimulationError(f"outcome must be one of {ANSWER_OUTCOMES}, not {outcome!r}")
        self.plans[number] = AnswerPlan(outcome, ring_seconds, talk_seconds, answered_by)

    def answer_plan(self, number: str) -> AnswerPlan:
        return self.plans.get(number, AnswerPlan())

    def opt_out(self, number: str) -> None:
        """``number`` texted STOP: Twilio refuses further messages to it (21610)."""
        self.opted_out.add(number)

    def sms_outcome(self, number: str, status: str) -> None:
        """How a text to ``number`` ends: ``delivered`` (default), ``undelivered`` or ``failed``."""
        if status not in ("delivered", "undelivered", "failed", "sent"):
            raise SimulationError(f"unknown message status {status!r}")
        self.sms_outcomes[number] = status

    def rest_outage(self, count: int = 1, *, status: int = 503) -> None:
        """The next ``count`` REST requests fail as Twilio fails under load or in an outage: 503 (20503,
        service unavailable), 429 (20429, too many requests) or 500 (20500, internal error)."""
        if status not in (429, 500, 503):
            raise SimulationError(f"an outage answers 429, 500 or 503, not {status}")
        self.outages.extend([status] * count)

    def take_errors(self) -> list[ProviderError]:
        """The errors recorded so far, forgotten: a test that expects errors takes them."""
        taken, self.errors = self.errors, []
        return taken

    # --- calls -----------------------------------------------------------------------------------------

    async def call(self, from_: str, to: str, *, caller_name: str | None = None) -> FakeCall:
        """A caller dials one of the account's numbers; returns when the call waits for them or has ended."""
        if not self.url:
            raise SimulationError("serve() the fake first: recordings and the REST API live on its server")
        config = self.numbers.get(to)
        if config is None:
            raise SimulationError(f"{to} is not a number of this account; add_number() it first")
        if not (E164.match(from_) or from_ in ("anonymous", "+266696687")):
            raise SimulationError(f"caller number {from_!r} is not E.164")
        call = await self._open_call(
            from_,
            to,
            "inbound",
            status_callback=config.status_callback,
            status_callback_method=config.status_callback_method,
            caller_name=caller_name,
            fallback_url=config.voice_fallback_url,
            fallback_method=config.voice_fallback_method,
        )
        await call.start(config.voice_url, config.voice_method)
        return call

    async def text(self, from_: str, to: str, body: str) -> Exchange:
        """Someone texts one of the account's numbers: the message webhook goes to the number's ``sms_url``,
        signed. Twilio's default opt-out keywords apply first (STOP and its synonyms opt the sender out of
        texts from the account, START opts back in; the webhook still comes, with ``OptOutType``). ``<Message>``
        replies in the answer are sent to the sender like REST messages (:meth:`next_message`)."""
        config = self.numbers.get(to)
        if config is None or config.sms_url is None:
            raise SimulationError(f"{to} is not a number of this account with an sms_url")
        if not E164.match(from_):
            raise SimulationError(f"sender {from_!r} is not E.164")
        if not body or len(body) > 1600:
            raise SimulationError("a text has 1 to 1,600 characters")
        keyword = body.strip().upper()
        sid = self._new_sid("SM")
        params = {
            "AccountSid": self.account_sid,
            "ApiVersion": "2010-04-01",
            "MessageSid": sid,
            "SmsSid": sid,
            "SmsMessageSid": sid,
            "SmsStatus": "received",
            "From": from_,
            "To": to,
            "Body": body,
            "NumMedia": "0",
            "NumSegments": "1",
        }
        if keyword in OPT_OUT_KEYWORDS:
            self.opted_out.add(from_)
            params["OptOutType"] = "STOP"
        elif keyword in OPT_IN_KEYWORDS:
            self.opted_out.discard(from_)
            params["OptOutType"] = "START"
        elif keyword in ("HELP", "INFO"):
            params["OptOutType"] = "HELP"
        exchange = await self._deliver("sms", config.sms_url, config.sms_method, params)
        if exchange.error is not None or not exchange.ok:
            self.errors.append(
                ProviderError(11200, f"HTTP retrieval failure: {exchange.status or exchange.error}", url=exchange.url)
            )
            return exchange
        if exchange.body.strip() and exchange.content_type not in ("text/xml", "application/xml"):
            self.errors.append(
                ProviderError(12300, f"Invalid Content-Type {exchange.content_type!r}", url=exchange.url)
            )
            return exchange
        try:
            verbs = parse(exchange.body, MESSAGING) if exchange.body.strip() else []
        except TwimlError as exc:
            exc.url = exchange.url
            self.errors.append(exc)
            return exchange
        for verb in verbs:
            if verb.name == "Message":
                await self._reply(verb, sender=from_, number=to)
            else:
                self.errors.append(ProviderError(0, "<Redirect> in messaging TwiML is not emulated", url=exchange.url))
        return exchange

    async def _reply(self, message: Verb, *, sender: str, number: str) -> None:
        to = message.get("to") or sender
        if to in self.opted_out:
            self.errors.append(ProviderError(21610, f"Attempt to send to unsubscribed recipient {to}"))
            return
        body = message.text or next((c.text for c in message.children if c.name == "Body"), "")
        if len(body) > 1600:
            self.errors.append(ProviderError(21617, "The concatenated message body exceeds the 1600 character limit."))
            return
        sms = FakeSms(
            sid=self._new_sid("SM"),
            account_sid=self.account_sid,
            to=to,
            from_=message.get("from") or number,
            messaging_service_sid=None,
            body=body,
            status="queued",
            status_callback=message.get("statusCallback"),
            date_created=self._rfc2822(),
            media_urls=[c.text for c in message.children if c.name == "Media"],
            direction="outbound-reply",
        )
        await self._add_message(sms)
        self._spawn(self._deliver_message(sms))

    async def next_call(self, to: str | None = None, *, timeout: float = 5.0) -> FakeCall:
        """The oldest outbound call (to ``to``) not yet taken by this method, once it waits or has ended."""

        def ready() -> FakeCall | None:
            for call in self.calls:
                if call.direction != "inbound" and not call._taken and (to is None or call.to == to):
                    return call
            return None

        call = await self._wait_for(
            ready, timeout, lambda: f"no outbound call to {to or 'anyone'}; calls: {self.calls}"
        )
        call._taken = True
        return await call.settled(timeout)

    async def next_message(self, to: str | None = None, *, timeout: float = 5.0) -> FakeSms:
        """The oldest text message (to ``to``) not yet taken by this method."""

        def ready() -> FakeSms | None:
            return next(
                (m for m in self.messages if m.sid not in self._taken_messages and (to is None or m.to == to)), None
            )

        sms: FakeSms = await self._wait_for(
            ready, timeout, lambda: f"no text to {to or 'anyone'}; sent: {self.messages}"
        )
        self._taken_messages.add(sms.sid)
        return sms

    async def replay_last(self, call: FakeCall, purpose: str | None = None) -> Exchange:
        """Deliver the call's last webhook (of ``purpose``) again, as Twilio retries: same URL, parameters,
        signature and ``I-Twilio-Idempotency-Token``. The answer is recorded, not run."""
        for exchange in reversed(call.transcript):
            if exchange.purpose in _PURPOSES_REPLAYABLE and (purpose is None or exchange.purpose == purpose):
                break
        else:
            raise SimulationError(f"{call!r} sent no webhook{' of ' + purpose if purpose else ''} to replay")
        again = await self._deliver(
            "replay",
            exchange.url,
            exchange.method,
            exchange.params,
            token=exchange.headers.get("I-Twilio-Idempotency-Token"),
        )
        call.transcript.append(again)
        return again

    async def forge(
        self,
        call: FakeCall | None = None,
        *,
        url: str | None = None,
        params: Mapping[str, str] | None = None,
        signature: str | object | None = WRONG_TOKEN,
        signed_params: Mapping[str, str] | None = None,
        method: str = "POST",
    ) -> Exchange:
        """Send a request the application must refuse: by default the call's last webhook signed with another
        token. ``signature=None`` sends none; a string is sent as it is; ``signed_params`` signs other
        parameters than the ones sent (a tampered request)."""
        last = call.webhooks[-1] if call is not None and call.webhooks else None
        target_url = url or (last.url if last else None)
        if target_url is None:
            raise SimulationError("forge() needs a call with a webhook, or a url")
        body = dict(params if params is not None else (last.params if last else {}))
        if signature is WRONG_TOKEN:
            sig: str | None = RequestValidator(_WRONG_TOKEN).compute_signature(target_url, body)
        elif signed_params is not None:
            sig = self.validator.compute_signature(target_url, dict(signed_params))
        else:
            sig = signature if isinstance(signature, str) or signature is None else None
        exchange = await self._deliver("forged", target_url, method, body, signature=sig, sign=False)
        if call is not None:
            call.transcript.append(exchange)
        return exchange

    # --- internals shared with calls and the REST API --------------------------------------------------

    def _new_sid(self, prefix: str) -> str:
        return prefix + uuid.uuid4().hex

    def _rfc2822(self, when: float | None = None) -> str:
        return formatdate(self.clock() if when is None else when, usegmt=True)

    def _target(self, url: str) -> str:
        for public, local in self.routes:
            if url == public or url.startswith(public + "/") or url.startswith(public + "?"):
                return local + url[len(public) :]
        return url

    async def _deliver(
        self,
        purpose: str,
        url: str,
        method: str,
        params: Mapping[str, str],
        *,
        token: str | None = None,
        signature: str | None = None,
        sign: bool = True,
    ) -> Exchange:
        """Send one signed webhook as Twilio does: POST a form, or GET with the parameters in the query."""
        if self._session is None:
            raise SimulationError("serve() the fake first")
        params = dict(params)
        if method == "GET":
            parts = urlsplit(url)
            query = "&".join(q for q in (parts.query, urlencode(params)) if q)
            url = urlunsplit(parts._replace(query=query))
            body: dict[str, str] | None = None
            signed: dict[str, str] = {}
        else:
            body, signed = params, params
        headers = {
            "User-Agent": "TwilioProxy/1.1",
            "I-Twilio-Idempotency-Token": token or str(uuid.uuid4()),
        }
        sig = self.validator.compute_signature(url, signed) if sign else signature
        if sig is not None:
            headers["X-Twilio-Signature"] = sig
        target = self._target(url)
        exchange = Exchange(purpose, method, url, target, params, headers)
        try:
            async with self._session.request(
                method,
                target,
                data=body,
                headers=headers,
                allow_redirects=False,
                timeout=aiohttp.ClientTimeout(total=self.webhook_timeout),
            ) as resp:
                exchange.status = resp.status
                exchange.content_type = resp.content_type
                raw = await resp.read()
                try:
                    exchange.body = raw.decode(resp.charset or "utf-8", errors="replace")
                except LookupError:  # a charset Python does not know
                    exchange.body = raw.decode("utf-8", errors="replace")
        except (aiohttp.ClientError, TimeoutError) as exc:
            exchange.error = f"{type(exc).__name__}: {exc}"
        return exchange

    async def _check_media(self, url: str) -> ProviderError | None:
        """Whether ``<Play>`` can play ``url``: the account's own recordings, or audio that a local server
        (the application, routed or not) serves. Hosts elsewhere are not fetched (tests run offline)."""
        own = f"{self.url}/2010-04-01/Accounts/{self.account_sid}/Recordings/"
        if url.startswith(own):
            sid = url[len(own) :].split(".", 1)[0]
            return (
                None if sid in self.recordings else ProviderError(11200, f"HTTP retrieval failure: no recording {sid}")
            )
        if urlsplit(self._target(url)).hostname not in ("127.0.0.1", "localhost", "::1"):
            return None
        # Fetched like any request Twilio makes to the application: signed (over the URL, no parameters).
        exchange = await self._deliver("media", url, "GET", {})
        if exchange.error is not None:
            return ProviderError(11205, f"HTTP connection failure for <Play>: {exchange.error}")
        if not exchange.ok:
            return ProviderError(11200, f"HTTP retrieval failure: <Play> URL answered {exchange.status}")
        if not exchange.content_type.startswith("audio/"):
            return ProviderError(12300, f"Invalid Content-Type {exchange.content_type!r} for <Play>")
        return None

    def _store_recording(self, call: FakeCall, audio: bytes, duration: int) -> Recording:
        sid = self._new_sid("RE")
        rec = Recording(
            sid=sid,
            account_sid=self.account_sid,
            call_sid=call.sid,
            duration=duration,
            audio=audio,
            url=f"{self.url}/2010-04-01/Accounts/{self.account_sid}/Recordings/{sid}",
            date_created=self._rfc2822(),
        )
        self.recordings[sid] = rec
        return rec

    async def _open_call(self, from_: str, to: str, direction: str, **options: Any) -> FakeCall:
        call = FakeCall(self, sid=self._new_sid("CA"), from_=from_, to=to, direction=direction, **options)
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()
        return call

    async def _add_message(self, sms: FakeSms) -> None:
        async with self._changed:
            self.messages.append(sms)
            self._changed.notify_all()

    async def _deliver_message(self, sms: FakeSms) -> None:
        """Move a text through sent to its outcome, with a status callback at each step (Twilio's order)."""
        final = self.sms_outcomes.get(sms.to, "delivered")
        steps = ["failed"] if final == "failed" else ["sent"] if final == "sent" else ["sent", final]
        for status in steps:
            sms.status = status
            sms.error_code = {"failed": 30008, "undelivered": 30003}.get(status)
            if sms.status_callback is None:
                continue
            params = {
                "AccountSid": sms.account_sid,
                "ApiVersion": "2010-04-01",
                "From": sms.from_ or next(iter(self.numbers), ""),
                "To": sms.to,
                "MessageSid": sms.sid,
                "SmsSid": sms.sid,
                "MessageStatus": status,
                "SmsStatus": status,
            }
            if sms.messaging_service_sid:
                params["MessagingServiceSid"] = sms.messaging_service_sid
            if sms.error_code:
                params["ErrorCode"] = str(sms.error_code)
            exchange = await self._deliver("message-status", sms.status_callback, "POST", params)
            sms.transcript.append(exchange)
            if not exchange.ok:
                self.errors.append(
                    ProviderError(
                        15003, f"message status callback answered {exchange.status or exchange.error}", url=exchange.url
                    )
                )
        await self._notify()

    def _call_ended(self, call: FakeCall) -> None:
        self._spawn(self._notify())

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _wait_for(self, find: Callable[[], Any], timeout: float, describe: Callable[[], str]) -> Any:
        async def wait() -> Any:
            async with self._changed:
                while (found := find()) is None:
                    await self._changed.wait()
                return found

        try:
            return await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            raise WaitTimeout(describe()) from None


def point_client_at(client: Any, base_url: str) -> None:
    """Point a ``twilio.rest.Client`` at ``base_url`` for the 2010-04-01 API (calls, messages, recordings)."""
    client.api.base_url = base_url
