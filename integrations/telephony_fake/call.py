"""One call through the fake provider: runs the application's TwiML as Twilio does, driven by the test as caller.

The call runs verb by verb until it needs the caller (a ``<Gather>`` or ``<Record>``) or ends; each of the
caller's moves (:meth:`FakeCall.press`, :meth:`~FakeCall.say`, :meth:`~FakeCall.silence`,
:meth:`~FakeCall.record`, :meth:`~FakeCall.hangup`) returns once the call waits again or has ended. Time is
simulated: prompts, pauses, timeouts and rings add to :attr:`FakeCall.duration` without sleeping.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from integrations.telephony_fake.errors import ProviderError, SimulationError, TwimlError, schema_violation
from integrations.telephony_fake.model import AnswerPlan, DialAttempt, Exchange, Recording, Said, tone_wav
from integrations.telephony_fake.twiml import Verb, parse

if TYPE_CHECKING:
    from integrations.telephony_fake.server import FakeTwilio

API_VERSION = "2010-04-01"
DEFAULT_SAY_LANGUAGE = "en-US"
DEFAULT_SAY_VOICE = "man"
DEFAULT_RECORD_FINISH_KEYS = "1234567890*#"
# Documents fetched in a row without the caller being asked anything: a caller would be stuck in a loop.
MAX_DOCUMENTS_WITHOUT_INPUT = 25
_TWIML_TYPES = ("text/xml", "application/xml", "text/html")
# Twilio transcribes recordings of up to two minutes.
MAX_TRANSCRIBED_SECONDS = 120
FINAL_STATUSES = frozenset({"completed", "busy", "no-answer", "failed", "canceled"})


def _speaking_seconds(text: str) -> float:
    # Roughly 12 characters a second in English, 4 Chinese characters a second.
    wide = sum(1 for c in text if ord(c) > 0x2E80)
    return max(1.0, (len(text) - wide) / 12 + wide / 4)


class FakeCall:
    """A phone call in progress or finished. Read :attr:`heard`, :attr:`transcript`, :attr:`status`,
    :attr:`dialed`, :attr:`recordings`, :attr:`errors`; move as the caller with the async methods."""

    def __init__(
        self,
        fake: FakeTwilio,
        *,
        sid: str,
        from_: str,
        to: str,
        direction: str,
        status_callback: str | None = None,
        status_callback_method: str = "POST",
        status_callback_events: frozenset[str] = frozenset({"completed"}),
        caller_name: str | None = None,
        answered_by: str | None = None,
        fallback_url: str | None = None,
        fallback_method: str = "POST",
    ) -> None:
        self._fake = fake
        self.sid = sid
        self.account_sid = fake.account_sid
        self.from_ = from_
        self.to = to
        self.direction = direction
        self.caller_name = caller_name
        self.answered_by = answered_by
        self.status = "queued" if direction.startswith("outbound") else "ringing"
        self.heard: list[Said] = []
        self.played: list[str] = []
        self.transcript: list[Exchange] = []
        self.dialed: list[DialAttempt] = []
        self.recordings: list[Recording] = []
        self.errors: list[ProviderError] = []
        self.duration = 0.0
        self.status_callback = status_callback
        self.status_callback_method = status_callback_method
        self.status_callback_events = status_callback_events
        self._sequence = 0
        self._doc_url = ""
        self._verbs: list[Verb] = []
        self._pos = 0
        self._pending: Verb | None = None
        self._lock = asyncio.Lock()
        self._settled = asyncio.Event()
        self._ended = asyncio.Event()
        self.answered = False
        self._fetched_without_input = 0
        self.fallback_url = fallback_url
        self.fallback_method = fallback_method
        self._fell_back = False
        self._taken = False
        self.created = fake.clock()
        self.ended_at: float | None = None  # handed to a test by FakeTwilio.next_call

    def __repr__(self) -> str:
        return f"<FakeCall {self.sid} {self.from_}->{self.to} {self.status} waiting={self.waiting_for}>"

    # --- reading ---------------------------------------------------------------------------------------

    @property
    def waiting_for(self) -> str | None:
        """``"gather"`` or ``"record"`` while the call waits for the caller; None when running or ended."""
        if self._pending is None or self.ended:
            return None
        return self._pending.name.lower()

    @property
    def gather(self) -> Verb | None:
        """The ``<Gather>`` waiting for input, with its attributes (``input``, ``numDigits``, ``language`` ...)."""
        return self._pending if self._pending is not None and self._pending.name == "Gather" else None

    @property
    def ended(self) -> bool:
        return self.status in FINAL_STATUSES

    @property
    def texts(self) -> list[str]:
        """The texts of :attr:`heard`, in order."""
        return [s.text for s in self.heard]

    @property
    def webhooks(self) -> list[Exchange]:
        """The requests that asked the application for TwiML (not status callbacks, replays or forgeries)."""
        return [
            e for e in self.transcript if e.purpose in ("voice", "gather", "record", "dial", "redirect", "fallback")
        ]

    def heard_since(self, mark: int) -> list[str]:
        return self.texts[mark:]

    async def settled(self, timeout: float = 5.0) -> FakeCall:
        """Wait until the call waits for the caller or has ended (for calls the fake runs in the background)."""
        try:
            await asyncio.wait_for(self._settled.wait(), timeout)
        except TimeoutError:
            raise SimulationError(f"{self!r} did not settle in {timeout}s") from None
        return self

    async def finished(self, timeout: float = 5.0) -> FakeCall:
        """Wait until the call has ended and its status callback was sent."""
        try:
            await asyncio.wait_for(self._ended.wait(), timeout)
        except TimeoutError:
            raise SimulationError(f"{self!r} did not end in {timeout}s; heard {self.texts}") from None
        return self

    # --- the caller's moves ----------------------------------------------------------------------------

    async def press(self, keys: str) -> FakeCall:
        """Press keys on the keypad while a ``<Gather>`` listens: Twilio stops at ``finishOnKey`` (not sent) or at
        ``numDigits``, otherwise submits the keys when its timeout passes. Keys a speech-only Gather ignores
        count as silence."""
        if not keys or any(k not in "0123456789*#" for k in keys):
            raise SimulationError(f"a keypad has no key in {keys!r}")
        async with self._move():
            gather = self._take("Gather")
            if "dtmf" not in (gather.get("input") or "dtmf").split():
                await self._gather_empty(gather, note=f"keys {keys!r} ignored: <Gather input> has no dtmf")
                return self
            finish = gather.get("finishOnKey", "#") or ""
            limit = gather.number("numDigits", 0)
            digits = ""
            finished_on = ""
            for key in keys:
                if finish and key == finish:
                    finished_on = key
                    break
                digits += key
                if limit and len(digits) >= limit:
                    break
            self.duration += len(keys) * 0.5 + (
                0 if finished_on or (limit and len(digits) >= limit) else gather.number("timeout", 5)
            )
            if not digits:
                await self._gather_empty(gather, note=f"only {finished_on!r} pressed")
                return self
            extra = {"Digits": digits}
            if finished_on:
                extra["FinishedOnKey"] = finished_on
            await self._follow(
                "gather", self._resolve(gather.get("action")), gather.get("method", "POST") or "POST", extra
            )
        return self

    async def say(self, text: str, *, confidence: float = 0.9) -> FakeCall:
        """Speak while a ``<Gather>`` listens for speech: the fake stands in for recognition and sends ``text`` as
        SpeechResult with ``confidence``. A Gather without ``speech`` in ``input`` hears silence."""
        if not text.strip():
            raise SimulationError("say() needs words; use silence() for nothing")
        if not 0.0 <= confidence <= 1.0:
            raise SimulationError(f"confidence must be 0..1, not {confidence}")
        async with self._move():
            gather = self._take("Gather")
            if "speech" not in (gather.get("input") or "dtmf").split():
                await self._gather_empty(gather, note=f"speech {text!r} ignored: <Gather input> has no speech")
                return self
            self.duration += _speaking_seconds(text) + 1
            extra = {"SpeechResult": text, "Confidence": f"{confidence:.8f}".rstrip("0").rstrip(".") or "0"}
            await self._follow(
                "gather", self._resolve(gather.get("action")), gather.get("method", "POST") or "POST", extra
            )
        return self

    async def silence(self) -> FakeCall:
        """Say and press nothing. A ``<Gather>`` times out: falls through to the next verb, or with
        ``actionOnEmptyResult="true"`` requests its action without input. A ``<Record>`` gets nothing: Twilio
        makes no request and goes on with the next verb."""
        async with self._move():
            if self._pending is None or self.ended:
                raise SimulationError(f"{self!r} is not waiting for the caller")
            verb = self._pending
            if verb.name == "Gather":
                await self._gather_empty(verb, note="silence")
            else:
                self._pending = None
                self.duration += verb.number("timeout", 5)
                self._note("record", "silence: empty recording, no request, next verb")
                await self._run()
        return self

    async def record(
        self,
        seconds: float = 3.0,
        *,
        audio: bytes | None = None,
        finish_key: str | None = None,
        then_hang_up: bool = False,
        transcript: str | None = None,
    ) -> FakeCall:
        """Speak for ``seconds`` while a ``<Record>`` records (``audio`` is the WAV stored; a tone by default),
        ended by ``finish_key``, by the record's silence timeout, or by hanging up (``then_hang_up``: Twilio
        still requests the action, with Digits=hangup, and ignores the TwiML it gets). With
        ``transcribe="true"`` the ``transcript`` is what Twilio's transcription makes of it (sent to
        ``transcribeCallback`` after the action; no transcript, or a recording over two minutes: failed)."""
        if seconds <= 0:
            raise SimulationError("a recording needs a positive length; use silence() for nothing")
        async with self._move():
            verb = self._take("Record")
            finish_keys = verb.get("finishOnKey", DEFAULT_RECORD_FINISH_KEYS) or ""
            if finish_key is not None and (len(finish_key) != 1 or finish_key not in finish_keys):
                raise SimulationError(f"key {finish_key!r} does not end this <Record> (finishOnKey={finish_keys!r})")
            length = min(seconds, verb.number("maxLength", 3600))
            self.duration += length + (0 if finish_key or then_hang_up else verb.number("timeout", 5))
            rec = self._fake._store_recording(self, audio if audio is not None else tone_wav(length), math.ceil(length))
            self.recordings.append(rec)
            extra = {"RecordingUrl": rec.url, "RecordingSid": rec.sid, "RecordingDuration": str(rec.duration)}
            if finish_key:
                extra["Digits"] = finish_key
            elif then_hang_up:
                extra["Digits"] = "hangup"
            callback = verb.get("recordingStatusCallback")
            if callback:
                await self._recording_status(
                    rec, self._resolve(callback), verb.get("recordingStatusCallbackMethod", "POST") or "POST"
                )
            action = self._resolve(verb.get("action"))
            method = verb.get("method", "POST") or "POST"
            if then_hang_up:
                exchange = await self._send("record", action, method, extra)
                self._check_http(exchange)
                await self._end("completed")
            else:
                await self._follow("record", action, method, extra)
            if verb.flag("transcribe") and verb.get("transcribeCallback"):
                await self._transcription(rec, self._resolve(verb.get("transcribeCallback")), transcript)
        return self

    async def _transcription(self, rec: Recording, url: str, transcript: str | None) -> None:
        ok = transcript is not None and rec.duration <= MAX_TRANSCRIBED_SECONDS
        extra = {
            "TranscriptionSid": self._fake._new_sid("TR"),
            "TranscriptionStatus": "completed" if ok else "failed",
            "TranscriptionText": transcript if ok and transcript is not None else "",
            "RecordingSid": rec.sid,
            "RecordingUrl": rec.url,
        }
        extra["TranscriptionUrl"] = (
            f"{self._fake.url}/2010-04-01/Accounts/{self.account_sid}/Transcriptions/{extra['TranscriptionSid']}"
        )
        exchange = await self._send("transcription", url, "POST", extra)
        if not exchange.ok:
            self._error(
                ProviderError(15003, f"transcription callback answered {exchange.status or exchange.error}"), url
            )

    async def hangup(self) -> FakeCall:
        """The caller hangs up: the call completes and its status callback is sent. No action is requested."""
        async with self._move():
            if self.ended:
                raise SimulationError(f"{self!r} has already ended")
            self._pending = None
            await self._end("completed")
        return self

    # --- running ---------------------------------------------------------------------------------------

    def _move(self) -> _Move:
        return _Move(self)

    def _take(self, verb_name: str) -> Verb:
        pending = self._pending
        if self.ended or pending is None or pending.name != verb_name:
            waiting = self.waiting_for or ("nothing: the call has ended" if self.ended else "nothing")
            raise SimulationError(
                f"{self!r}: no <{verb_name}> is listening (waiting for {waiting}); heard {self.texts[-3:]}"
            )
        self._pending = None
        return pending

    def _resolve(self, url: str | None) -> str:
        return urljoin(self._doc_url, url) if url else self._doc_url

    def _params(self, call_status: str | None = None) -> dict[str, str]:
        params = {
            "AccountSid": self.account_sid,
            "ApiVersion": API_VERSION,
            "CallSid": self.sid,
            "CallStatus": call_status or self.status,
            "Called": self.to,
            "Caller": self.from_,
            "Direction": self.direction,
            "From": self.from_,
            "To": self.to,
        }
        if self.caller_name:
            params["CallerName"] = self.caller_name
        if self.answered_by:
            params["AnsweredBy"] = self.answered_by
        return params

    async def _send(
        self, purpose: str, url: str, method: str, extra: Mapping[str, str], *, call_status: str | None = None
    ) -> Exchange:
        params = self._params(call_status)
        params.update(extra)
        exchange = await self._fake._deliver(purpose, url, method, params)
        self.transcript.append(exchange)
        return exchange

    def _note(self, purpose: str, text: str) -> None:
        self.transcript.append(Exchange(purpose, "", self._doc_url, "", {}, {}, body=text))

    def _error(self, error: ProviderError, url: str | None = None) -> None:
        error.call_sid = self.sid
        error.url = error.url or url or self._doc_url
        self.errors.append(error)
        self._fake.errors.append(error)

    def _check_http(self, exchange: Exchange) -> bool:
        problem = _http_problem(exchange)
        if problem is not None:
            self._error(problem, exchange.url)
        return problem is None

    async def _failed(self, error: ProviderError, url: str) -> None:
        """Twilio logs the error, then asks the number's fallback URL once (with ErrorCode and ErrorUrl), or
        ends the call."""
        self._error(error, url)
        if self.fallback_url is None or self._fell_back:
            await self._end("completed")
            return
        self._fell_back = True
        await self._follow(
            "fallback", self.fallback_url, self.fallback_method, {"ErrorCode": str(error.code), "ErrorUrl": url}
        )

    async def start(self, url: str, method: str) -> None:
        """Answer an inbound call and run the application from the number's voice URL."""
        async with self._move():
            self.answered = True
            await self._follow("voice", url, method, {}, call_status="ringing")

    async def ring_out(
        self,
        plan: AnswerPlan,
        *,
        url: str,
        method: str,
        twiml: str | None,
        timeout: int,
        machine_detection: bool,
    ) -> None:
        """An outbound call placed through the REST API: status events as it is dialled, then either the
        callee answers (the application runs from ``url``, or the inline ``twiml``) or it ends busy,
        unanswered or failed."""
        async with self._move():
            await self._status_event("initiated")
            if plan.outcome != "failed":
                self.status = "ringing"
                await self._status_event("ringing")
            if plan.outcome == "answered" and plan.ring_seconds <= timeout:
                self.answered = True
                if machine_detection:
                    self.answered_by = plan.answered_by
                self.status = "in-progress"
                await self._status_event("answered")
                if twiml is not None:
                    self._doc_url = url
                    await self._load_and_run(twiml, url)
                else:
                    await self._follow("voice", url, method, {})
                return
            await self._end(plan.outcome if plan.outcome != "answered" else "no-answer")

    async def _follow(
        self, purpose: str, url: str, method: str, extra: Mapping[str, str], *, call_status: str | None = None
    ) -> None:
        """Request TwiML and run it; a failed request or an invalid document ends the call with an error."""
        if self._fetched_without_input >= MAX_DOCUMENTS_WITHOUT_INPUT:
            self._error(
                ProviderError(
                    0,
                    f"{MAX_DOCUMENTS_WITHOUT_INPUT} documents in a row without asking the caller anything:"
                    " the caller is stuck in a loop",
                ),
                url,
            )
            await self._end("completed")
            return
        self._fetched_without_input += 1
        exchange = await self._send(purpose, url, method, extra, call_status=call_status)
        if self.status in ("ringing", "queued"):
            self.status = "in-progress"
        problem = _http_problem(exchange)
        if problem is not None:
            await self._failed(problem, url)
            return
        ctype = exchange.content_type
        if ctype.startswith("audio/"):
            self.played.append(url)
            self._verbs, self._pos, self._doc_url = [], 0, url
            await self._run()
            return
        if ctype not in _TWIML_TYPES:
            await self._failed(ProviderError(12300, f"Invalid Content-Type {ctype or '(none)'!r}"), url)
            return
        await self._load_and_run(exchange.body, url)

    async def _load_and_run(self, document: str, url: str) -> None:
        """Run a document from its first verb; an invalid one is refused whole and ends the call."""
        try:
            verbs = parse(document)
        except TwimlError as exc:
            await self._failed(exc, url)
            return
        self._doc_url, self._verbs, self._pos = url, verbs, 0
        await self._run()

    async def _run(self) -> None:
        while not self.ended:
            if self._pos >= len(self._verbs):
                await self._end("completed")  # no more verbs: Twilio hangs up
                return
            verb = self._verbs[self._pos]
            self._pos += 1
            if verb.name == "Say":
                self._say(verb)
            elif verb.name == "Play":
                await self._play(verb)
            elif verb.name == "Pause":
                self.duration += verb.number("length", 1)
            elif verb.name == "Gather":
                for child in verb.children:
                    if child.name == "Say":
                        self._say(child)
                    elif child.name == "Play":
                        await self._play(child)
                    else:
                        self.duration += child.number("length", 1)
                self._pending = verb
                return
            elif verb.name == "Record":
                self._pending = verb
                return
            elif verb.name == "Dial":
                if await self._dial(verb):
                    return
            elif verb.name == "Redirect":
                await self._follow("redirect", self._resolve(verb.text), verb.get("method", "POST") or "POST", {})
                return
            elif verb.name == "Hangup":
                await self._end("completed")
            elif verb.name == "Reject":
                # Rejecting an unanswered call: it never starts; Twilio reports busy for reason="busy", else
                # the call was not answered. Once anything has run, the call is already answered: it hangs up.
                if self.duration == 0 and not self.heard:
                    await self._end("busy" if verb.get("reason") == "busy" else "no-answer")
                else:
                    await self._end("completed")

    def _say(self, verb: Verb) -> None:
        loops = verb.number("loop", 1) or 1
        said = Said(
            verb.text,
            verb.get("language", DEFAULT_SAY_LANGUAGE) or DEFAULT_SAY_LANGUAGE,
            verb.get("voice", DEFAULT_SAY_VOICE) or DEFAULT_SAY_VOICE,
        )
        for _ in range(loops):
            self.heard.append(said)
            self.duration += _speaking_seconds(verb.text)

    async def _play(self, verb: Verb) -> None:
        """Play audio: Twilio fetches the URL first; one it cannot fetch or play is skipped, and logged."""
        if verb.text:
            url = self._resolve(verb.text)
            problem = await self._fake._check_media(url)
            if problem is not None:
                self._error(problem, url)
            else:
                self.played.append(url)
                self.duration += 3 * (verb.number("loop", 1) or 1)
        if verb.get("digits"):
            self.played.append(f"digits:{verb.get('digits')}")

    async def _gather_empty(self, gather: Verb, *, note: str) -> None:
        self.duration += gather.number("timeout", 5)
        if gather.flag("actionOnEmptyResult"):
            self._note("gather", f"{note}: timeout, actionOnEmptyResult")
            await self._follow(
                "gather", self._resolve(gather.get("action")), gather.get("method", "POST") or "POST", {}
            )
        else:
            self._note("gather", f"{note}: timeout, next verb")
            await self._run()

    async def _dial(self, verb: Verb) -> bool:
        """Ring the dialled numbers as the test set them up; True when the call flow moved to another document."""
        timeout = verb.number("timeout", 30)
        caller_id = verb.get("callerId")
        if caller_id and caller_id not in (self.from_, self.to) and caller_id not in self._fake.numbers:
            self._error(
                ProviderError(
                    13214, f"Dial: invalid callerId {caller_id!r} (not a number of this account nor the caller's)"
                )
            )
            await self._end("completed")
            return True
        targets: list[str] = []
        if verb.text:
            targets.append("".join(verb.text.split()))
        for noun in verb.children:
            if noun.name == "Number":
                targets.append("".join(noun.text.split()))
            elif noun.name == "Client":
                targets.append(f"client:{noun.text}")
            elif noun.name == "Sip":
                targets.append(noun.text if noun.text.startswith("sip:") else f"sip:{noun.text}")
            else:
                self._error(
                    schema_violation(f"<Dial><{noun.name}> is valid TwiML but the fake provider does not emulate it")
                )
                await self._end("completed")
                return True
        # All targets ring at once; the first to answer within the timeout takes the call.
        plans = [(target, self._fake.answer_plan(target)) for target in targets]
        answering = sorted(
            (
                (plan.ring_seconds, target, plan)
                for target, plan in plans
                if plan.outcome == "answered" and plan.ring_seconds <= timeout
            ),
            key=lambda t: t[0],
        )
        dial_sid = self._fake._new_sid("CA")
        answered: str | None = None
        talk = 0
        if answering:
            ring, answered, plan = answering[0]
            talk = min(plan.talk_seconds, verb.number("timeLimit", 14400))
            status = "completed"
            self.duration += ring + talk
        else:
            outcomes = {plan.outcome for _, plan in plans}
            if outcomes <= {"busy"}:
                status = "busy"
            elif outcomes <= {"failed"}:
                status = "failed"
            elif outcomes <= {"busy", "failed"}:
                status = "busy"
            else:
                status = "no-answer"
            self.duration += 1 if status in ("busy", "failed") else timeout
        self.dialed.append(DialAttempt(tuple(targets), status, answered, talk, timeout, dial_sid, caller_id))
        action = verb.get("action")
        if not action:
            return False
        extra = {"DialCallStatus": status, "DialCallSid": dial_sid}
        if answered:
            extra["DialCallDuration"] = str(talk)
            extra["DialBridged"] = "true"
        await self._follow("dial", self._resolve(action), verb.get("method", "POST") or "POST", extra)
        return True

    async def _recording_status(self, rec: Recording, url: str, method: str) -> None:
        extra = {
            "RecordingSid": rec.sid,
            "RecordingUrl": rec.url,
            "RecordingStatus": "completed",
            "RecordingDuration": str(rec.duration),
            "RecordingChannels": "1",
            "RecordingSource": rec.source,
            "RecordingStartTime": rec.date_created,
        }
        exchange = await self._send("recording-status", url, method, extra)
        if not exchange.ok:
            self._error(
                ProviderError(15003, f"Recording status callback answered {exchange.status or exchange.error}"), url
            )

    async def _end(self, status: str) -> None:
        if self.ended:
            return
        self.status = status
        self._pending = None
        self.ended_at = self._fake.clock()
        await self._status_event(status)
        self._ended.set()
        self._fake._call_ended(self)

    async def _status_event(self, event: str) -> None:
        """Send the status callback for ``event`` (initiated, ringing, answered, or a final status)."""
        callback_event = "completed" if event in FINAL_STATUSES else event
        if not self.status_callback or callback_event not in self.status_callback_events:
            return
        self._sequence += 1
        extra = {
            "CallbackSource": "call-progress-events",
            "SequenceNumber": str(self._sequence - 1),
            "Timestamp": self._fake._rfc2822(),
        }
        if event in FINAL_STATUSES:
            seconds = math.ceil(self.duration) if event == "completed" and self.answered else 0
            extra["CallDuration"] = str(seconds)
            extra["Duration"] = str(math.ceil(seconds / 60))
        call_status = "in-progress" if event == "answered" else event
        exchange = await self._send(
            "status", self._resolve(self.status_callback), self.status_callback_method, extra, call_status=call_status
        )
        if not exchange.ok:
            self._error(
                ProviderError(15003, f"Call progress: status callback answered {exchange.status or exchange.error}"),
                exchange.url,
            )


def _http_problem(exchange: Exchange) -> ProviderError | None:
    if exchange.error is not None:
        return ProviderError(11205, f"HTTP connection failure: {exchange.error}")
    if not exchange.ok:
        return ProviderError(11200, f"HTTP retrieval failure: status {exchange.status}")
    return None


class _Move:
    """One move of the caller: serialised per call; resets the loop guard; marks the call settled afterwards."""

    def __init__(self, call: FakeCall) -> None:
        self.call = call

    async def __aenter__(self) -> None:
        await self.call._lock.acquire()
        self.call._settled.clear()
        self.call._fetched_without_input = 0

    async def __aexit__(self, *exc: object) -> None:
        self.call._settled.set()
        self.call._lock.release()
