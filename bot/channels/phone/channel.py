"""The phone channel: a call's webhooks in, the channel-neutral dialogs in the middle, voice actions out.

See ``call.mmd`` beside this file for the call flow. Each webhook:

1. the provider's signature is checked (``web.py``, before anything else);
2. the call's state (``phcall:<call id>`` in the state store, under the call's lock) says which step
   the call is at; every callback URL carries the step it answers (``?s=N``), so a webhook the
   provider retries is answered again with the document saved for that step and processed once;
3. keys and speech become neutral :class:`~dialogs.events.Inbound` events for the dialog engine
   (state under ``ph:<call id>``), whose :class:`~dialogs.replies.Reply` objects are spoken: choices
   as numbered options, summaries read back, ticket numbers in groups of digits;
4. emergencies (key 9, or words that signal one) skip the form: an emergency ticket is stored at once,
   the call is put through to the duty line, then the second number, then a voicemail;
5. silence or a wrong answer gets one repeat, then the service desk (business hours) or voicemail;
6. the final status callback leaves an "abandoned call" ticket if the caller hung up with a form
   unconfirmed or words not yet stored.

Tickets are stored before the caller hears their number (the engine submits inside the turn).
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from contextvars import ContextVar
from dataclasses import fields
from datetime import datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from bot.channels.phone import speech
from bot.channels.phone.speech import DESK_KEY, EMERGENCY_KEY, MAX_OPTIONS, REPEAT_KEY
from bot.config import EstateConfig
from bot.domain.emergency import looks_like_emergency
from bot.domain.residents import InvalidPhone, Language, Resident, normalise_phone
from bot.domain.text import clean_text, shorten
from bot.domain.tickets import CATEGORIES, Report, Ticket, TicketEvent, TicketKind, Urgency
from bot.i18n import Translator
from bot.staff.cards import PHONE_CALLBACK
from dialogs.engine import Engine, Services
from dialogs.events import EventKind, Inbound
from dialogs.replies import Reply
from dialogs.understanding import says_emergency
from integrations.state import Hold, StateStore
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

log = logging.getLogger(__name__)

CHANNEL = "phone"

# The call's lock, held by the webhook being answered (handle, status), with the call's and its dialog's states.
_HELD: ContextVar[Hold | None] = ContextVar("phone_call_held", default=None)


def _held() -> Hold:
    held = _HELD.get()
    if held is None:
        raise RuntimeError("a call's dialog is reached only under its call's lock (PhoneChannel.handle, status)")
    return held


BILLS_KEY = "3"
MAX_MISSES = 2  # a second miss in a row goes to the desk or voicemail: nobody is left in a loop
MAX_AUTO_TURNS = 4
KEEP_ANSWERS = 4  # documents kept per call for replaying retried webhooks
CALL_STATE_TTL_S = 24 * 3600  # a call's state (phcall:<CallSid>) expires a day after its last webhook
CALLERS_CACHED = 5000  # calls whose caller this worker remembers (oldest forgotten first)
# Replies after which the matter is finished: the caller is asked whether there is anything else.
FINISHED = {"report.received", "report.cancelled", "link.unknown", "bill.statement"}
FORMS = ("repair", "complaint")

AfterTurn = Callable[[list[Ticket], Resident | None], Coroutine[Any, Any, None]]


class PhoneChannel:
    def __init__(
        self,
        engine: Engine,
        store: StateStore,
        *,
        base_url: str = "/phone",
        public_url: str = "",
        after_turn: AfterTurn | None = None,
        on_emergency: Callable[[Ticket], Coroutine[Any, Any, None]] | None = None,
        in_writing: Callable[[Ticket], Coroutine[Any, Any, Any]] | None = None,
    ) -> None:
        self.engine = engine
        self.services: Services = engine.services
        self.store = store
        self.base_url = base_url.rstrip("/")
        # Callback URLs in the documents: absolute under the public URL when one is set (a reverse
        # proxy may add a path prefix), else relative to the document, as the provider resolves them.
        self.callback_url = (public_url.rstrip("/") if public_url else "") + self.base_url
        self.after_turn = after_turn
        self.on_emergency = on_emergency
        self.in_writing = in_writing  # the ticket number also in writing, where the resident can read it
        self._background: set[asyncio.Task[Any]] = set()
        self._callers: OrderedDict[str, tuple[str, Resident | None]] = OrderedDict()
        engine.identify(CHANNEL, self._identify)

    @property
    def estate(self) -> EstateConfig:
        return self.services.estate

    async def _identify(self, event: Inbound) -> Resident | None:
        """The caller, by caller ID. Looked up once per call in this worker (a call lasts minutes and
        makes a dozen turns); another worker taking the call's next webhook looks it up again."""
        if not event.sender_phone:
            return None
        cached = self._callers.get(event.chat)
        if cached is not None and cached[0] == event.sender_phone:
            return cached[1]
        resident = await self.services.registry.by_phone(event.sender_phone)
        self._callers[event.chat] = (event.sender_phone, resident)
        while len(self._callers) > CALLERS_CACHED:
            self._callers.popitem(last=False)
        return resident

    # -- entry points -----------------------------------------------------------------------------
    async def handle(self, what: str, event: CallEvent, step: str | None, query: dict[str, str]) -> list[VoiceAction]:
        """Answer one webhook of a call (``what``: voice, input, dial, record). Returns the actions to render.

        Raises :class:`bot.errors.BackendUnavailable` when state or tickets cannot be reached.
        """
        key, chat = f"phcall:{event.call_id}", f"ph:{event.call_id}"
        # One lock per call, the dialog's (the engine runs inside it): the call's state and the dialog's
        # change together, and a retried webhook waits for the first to finish. Both states are read with
        # the lock and written with its release: two round trips to Redis a webhook.
        async with self.store.hold(chat, read=(key, chat)) as held:
            reset = _HELD.set(held)
            try:
                state = await held.load(key)
                if what == "voice" and step is None:
                    if state is not None:
                        return _replay(state, 0)
                    state = await self._new_call(event)
                    at = 0
                else:
                    if state is None:
                        log.warning("phone webhook %s for unknown call %s", what, event.call_id)
                        return [Hangup()]
                    try:
                        at = int(step or "")
                    except ValueError:
                        at = -1
                    if at != state["step"]:
                        # Retried (or out of order): say again what was said for that step; nothing runs twice.
                        log.info(
                            "call %s: webhook for step %s replayed (now at %s)", event.call_id, step, state["step"]
                        )
                        return _replay(state, at)
                state["step"] = at + 1
                actions = await self._on(what, event, state, query)
                state["answers"][str(at)] = [_dump(a) for a in actions]
                for old in sorted(state["answers"], key=int)[:-KEEP_ANSWERS]:
                    state["answers"].pop(old)
                held.save(key, state, ttl=CALL_STATE_TTL_S)
            finally:
                _HELD.reset(reset)
        return actions

    async def status(self, event: CallEvent) -> None:
        """A status callback. When the call has ended, what was said and not stored becomes a ticket."""
        if not event.ended:
            return
        key, chat = f"phcall:{event.call_id}", f"ph:{event.call_id}"
        async with self.store.hold(chat, read=(key, chat)) as held:
            reset = _HELD.set(held)
            try:
                state = await held.load(key)
                if state is None or state.get("closed"):
                    return
                await self._abandoned(state)
                state["closed"] = True
                state["answers"] = {}
                # Kept a day after the call (a late retried webhook is still answered once), then gone.
                held.save(key, state, ttl=CALL_STATE_TTL_S)
                held.clear(chat)
            finally:
                _HELD.reset(reset)

    async def drain(self) -> None:
        while self._background:
            await asyncio.gather(*list(self._background), return_exceptions=True)

    # -- the call -----------------------------------------------------------------------------------
    async def _new_call(self, event: CallEvent) -> dict[str, Any]:
        try:
            caller = normalise_phone(event.caller, self.estate.phone_region)
        except InvalidPhone:
            caller = ""  # withheld ("anonymous") or unreadable
        resident = await self.services.registry.by_phone(caller) if caller else None
        if caller:
            self._callers[f"ph:{event.call_id}"] = (caller, resident)
        return {
            "call": event.call_id,
            "step": 0,
            "caller": caller,
            "resident": resident.id if resident else None,
            "name": resident.name if resident else "",
            "lang": resident.language.value if resident else None,
            "stage": "",
            "prompt": {},
            "misses": 0,
            "heard": [],
            "tickets": [],
            "answers": {},
        }

    async def _on(self, what: str, event: CallEvent, state: dict[str, Any], query: dict[str, str]) -> list[VoiceAction]:
        if what == "voice":
            return await self._greet(state)
        if what == "dial":
            return await self._after_dial(event, state, query.get("leg", ""))
        if what == "record":
            return await self._after_record(event, state, query.get("for", ""))
        return await self._input(event, state)

    async def _greet(self, state: dict[str, Any]) -> list[VoiceAction]:
        if state["resident"] is not None:
            lang = state["lang"]
            hello = speech.text("greeting_known", lang, name=state["name"], estate=self.estate.name)
            return self._menu(state, [hello])
        if not state["caller"]:
            return self._voicemail(state, [(self.default_language, speech.text("withheld", self.default_language))])
        state["stage"] = "language"
        state["prompt"] = {
            "say": [(code, speech.text("language_menu", code)) for code in (speech.ZH_HANT, speech.ZH_HANS, speech.EN)]
        }
        hello = speech.text("greeting_unknown", self.default_language, estate=self.estate.name)
        state["prompt"]["say"].insert(0, (self.default_language, hello))
        return self._gather(state)

    @property
    def default_language(self) -> str:
        return speech.ZH_HANT

    def _menu(self, state: dict[str, Any], before: list[str], *, stage: str = "menu") -> list[VoiceAction]:
        lang = state["lang"]
        lines = [*before, speech.text("menu", lang)]
        if state["resident"] is not None:
            lines.append(speech.text("menu_bills", lang))
        lines.append(speech.text("menu_desk" if self._desk_open() else "menu_voicemail", lang))
        state["stage"] = stage
        state["prompt"] = {"say": [(lang, line) for line in lines]}
        return self._gather(state)

    # -- input --------------------------------------------------------------------------------------
    async def _input(self, event: CallEvent, state: dict[str, Any]) -> list[VoiceAction]:
        stage = state["stage"]
        said = clean_text(event.speech)
        threshold = self.estate.phone.speech_confidence
        unsure = event.confidence is not None and event.confidence < threshold
        if said and not event.digits and unsure and not looks_like_emergency(said):
            # The recogniser is unsure: treated as not understood (one repeat, then the desk or voicemail),
            # rather than acted on; what it thought it heard stays with the call for the staff. Words of an
            # emergency are acted on even so: a needless transfer to the duty line costs less than a missed one.
            log.info("call %s: speech below confidence %s: not understood", event.call_id, threshold)
            state["heard"].append(shorten(said, 500) + " (?)")
            return await self._miss(state)
        if said:
            state["heard"].append(shorten(said, 500))
            said = speech.written_digits(said)
        key = event.digits[:1] if event.digits else (speech.spoken_key(said) if said else None)
        if stage == "language":
            lang = speech.language_from(event.digits, said)
            if lang is None:
                return await self._miss(state)
            state["lang"] = lang
            state["misses"] = 0
            return self._menu(state, [])
        if event.empty:
            if stage == "after":
                return [self._say(state, speech.text("goodbye", state["lang"])), Hangup()]
            return await self._miss(state)
        if key == EMERGENCY_KEY or (said and await says_emergency(self.services.understander, said, state["lang"])):
            return await self._emergency(state, said if key != EMERGENCY_KEY else "")
        if key == DESK_KEY:
            return self._desk_or_voicemail(state)
        if key == REPEAT_KEY:
            return self._gather(state)
        if stage in ("menu", "after"):
            return await self._menu_input(state, key, said)
        if stage == "bill_unit":
            return await self._bill(state, event.digits)
        if stage == "describe":
            return await self._to_dialog(state, kind=EventKind.TEXT, text=said, miss_if_same=False)
        if stage == "dialog":
            return await self._dialog_input(state, key, said)
        return await self._miss(state)

    async def _menu_input(self, state: dict[str, Any], key: str | None, said: str) -> list[VoiceAction]:
        if key == BILLS_KEY:
            return self._ask_bill_unit(state)
        flow = {"1": "repair", "2": "complaint"}.get(key or "")
        if flow is None and not (said and key is None):
            return await self._miss(state)
        if state["resident"] is None:
            # An unknown caller's words go to the desk with their number (an unverified request).
            if flow is not None:
                state["stage"] = "describe"
                state["misses"] = 0
                state["prompt"] = {"say": [(state["lang"], speech.text("describe", state["lang"]))], "mode": "text"}
                return self._gather(state)
            return await self._to_dialog(state, kind=EventKind.TEXT, text=said, miss_if_same=False)
        if flow is not None:
            return await self._to_dialog(state, kind=EventKind.COMMAND, command=flow, miss_if_same=False)
        return await self._to_dialog(state, kind=EventKind.TEXT, text=said, miss_if_same=False)

    async def _dialog_input(self, state: dict[str, Any], key: str | None, said: str) -> list[VoiceAction]:
        prompt = state["prompt"]
        options: list[list[str]] = prompt.get("options", [])
        if prompt.get("mode") == "choice":
            index: int | None = None
            if key is not None and key.isdigit():
                index = int(key) - 1
                if not 0 <= index < len(options):
                    return await self._miss(state)
            elif said:
                index = speech.match_option(said, [label for _, label in options])
                if index is None:
                    index = await self._understood_option(state, said, [value for value, _ in options])
            if index is not None:
                return await self._to_dialog(
                    state,
                    miss_if_same=False,
                    kind=EventKind.CHOICE,
                    choice=options[index][0],
                    token=prompt.get("token", ""),
                )
            # Not an option: the dialog keeps the words (added to the description), and it counts as a miss.
            return await self._to_dialog(state, kind=EventKind.TEXT, text=said, miss_if_same=True)
        if not said:
            return await self._miss(state)
        return await self._to_dialog(state, kind=EventKind.TEXT, text=said, miss_if_same=False)

    # -- bills --------------------------------------------------------------------------------------
    def _ask_bill_unit(self, state: dict[str, Any]) -> list[VoiceAction]:
        """Caller ID can be spoofed: a bill is read only for a unit of the caller's record that they key in."""
        lang = state["lang"]
        if state["resident"] is None:
            return self._menu(state, [self._bill_refused(lang)], stage="after")
        state["stage"] = "bill_unit"
        state["misses"] = 0
        state["prompt"] = {"say": [(lang, speech.text("bill_unit", lang))], "mode": "keys"}
        return self._gather(state, speech=False, num_digits=None, finish_on_key="#")

    def _bill_refused(self, lang: str) -> str:
        return speech.text("bill_refused", lang, phone=self.estate.phone.desk_phone or self.estate.service_desk_phone)

    async def _bill(self, state: dict[str, Any], digits: str) -> list[VoiceAction]:
        lang = state["lang"]
        resident = await self.services.registry.get(state["resident"]) if state["resident"] else None
        keyed = digits.strip("#*")
        units = [
            link.unit
            for link in (resident.units if resident else ())
            if keyed and keyed in (_digits(link.unit.unit), _digits(link.unit.building + link.unit.unit))
        ]
        if len(units) != 1:
            return self._menu(state, [self._bill_refused(lang)], stage="after")
        state["misses"] = 0
        # The bill dialog shows the statement; with several units it asks which: the keyed one is answered.
        state["bill_unit"] = units[0].id
        return await self._to_dialog(state, miss_if_same=False, kind=EventKind.COMMAND, command="bill")

    async def _understood_option(self, state: dict[str, Any], said: str, values: list[str]) -> int | None:
        """Words that name no option by its label may still mean one ("the lift" for Elevator): ask the NLU."""
        understood = await self.services.understander.understand(said, state["lang"])
        if understood.category and understood.category in values:
            return values.index(understood.category)
        return None

    async def _miss(self, state: dict[str, Any], before: list[str] | None = None) -> list[VoiceAction]:
        state["misses"] += 1
        if state["misses"] >= MAX_MISSES:
            return self._desk_or_voicemail(state)
        lang = state["lang"] or self.default_language
        return [self._say(state, line) for line in (before or [])] + [
            self._say(state, speech.text("sorry", lang)),
            *self._gather(state),
        ]

    # -- dialogs ------------------------------------------------------------------------------------
    async def _to_dialog(self, state: dict[str, Any], *, miss_if_same: bool, **fields: Any) -> list[VoiceAction]:
        previous = state["prompt"].get("key", "")
        replies: list[Reply] = []
        tickets: list[Ticket] = []
        resident: Resident | None = None
        for n in range(MAX_AUTO_TURNS):
            outcome = await self.engine.handle(self._event(state, n, **fields), held=_held())
            replies += outcome.replies
            tickets += outcome.tickets
            resident = outcome.resident or resident
            fields = self._auto_answer(state, outcome.replies) or {}
            if not fields:
                break
        for ticket in tickets:
            state["tickets"].append(ticket.number)
        if tickets:
            self._after(tickets, resident)
            for ticket in tickets:
                if ticket.kind in (TicketKind.REPAIR, TicketKind.COMPLAINT):
                    self._spawn(self.in_writing, ticket)
        spoken = [line for reply in replies for line in self._speak(state, reply, tickets)]
        last = replies[-1] if replies else None
        lang = state["lang"]
        if last is None or last.key in FINISHED or (not last.choices and not last.key):
            state["misses"] = 0
            return self._menu(state, [*spoken, speech.text("anything_else", lang)], stage="after")
        if last.key == "main.menu":
            return self._menu(state, spoken[:-1] if spoken else [])
        if miss_if_same and last.key == previous:
            state["prompt"]["say"] = [(lang, line) for line in spoken]
            return await self._miss(state)
        state["misses"] = 0
        state["stage"] = "dialog"
        options = [[c.value, c.label] for row in last.choices for c in row][:MAX_OPTIONS]
        state["prompt"] = {
            "key": last.key,
            "token": last.token,
            "mode": "choice" if options else "text",
            "options": options,
            "say": [(lang, line) for line in spoken],
        }
        return self._gather(state)

    def _event(self, state: dict[str, Any], n: int, **fields: Any) -> Inbound:
        return Inbound(
            event_id=f"ph:{state['call']}:{state['step']}:{n}",
            channel=CHANNEL,
            chat=f"ph:{state['call']}",
            user_id=0,
            language_code=state["lang"],
            sender_phone=state["caller"],
            **fields,
        )

    def _auto_answer(self, state: dict[str, Any], replies: list[Reply]) -> dict[str, Any] | None:
        """Steps a caller cannot take on the phone are answered by the channel for them."""
        if not replies:
            return None
        last = replies[-1]
        if last.key == "bill.unit" and state.get("bill_unit"):
            return {"kind": EventKind.CHOICE, "choice": f"unit:{state.pop('bill_unit')}", "token": last.token}
        if last.key.endswith(".photos") and last.choices:
            return {"kind": EventKind.CHOICE, "choice": "skip", "token": last.token}  # no photos by phone
        if last.contact_button and state["caller"]:
            # Caller ID is the phone's "share my number": the dialog checks it against the registry.
            return {"kind": EventKind.CONTACT, "contact_phone": state["caller"], "contact_user_id": 0}
        return None

    def _speak(self, state: dict[str, Any], reply: Reply, tickets: list[Ticket]) -> list[str]:
        lang = state["lang"]
        key = reply.key
        if key.endswith(".photos") or key == "bill.unit" or reply.contact_button:
            return []
        if key in ("report.received", "link.unknown"):
            number = (
                reply.title if key == "report.received" and reply.title else (tickets[-1].number if tickets else "")
            )
            return [speech.text(key, lang, number=speech.spell_number(number))]
        if speech.has_text(key):
            return [speech.text(key, lang)]
        if key == "bill.statement":
            lines = [reply.title or ""] + [
                speech.spoken_money(speech.spoken_dates(f"{label}: {value}", lang), lang)
                for label, value in reply.fields
            ]
            return [". ".join(line for line in lines if line)]
        lines = []
        if reply.title and not reply.fields:
            lines.append(reply.title)
        if reply.fields:
            photos = Translator(Language.from_code(lang))("Photos")
            lines.append(
                (reply.title + ". " if reply.title else "")
                + ". ".join(f"{label}: {value}" for label, value in reply.fields if value and label != photos)
            )
        lines.append(reply.text)
        options = [c.label for row in reply.choices for c in row][:MAX_OPTIONS]
        lines += [speech.text("option", lang, label=label, n=i + 1) for i, label in enumerate(options)]
        return lines

    def _after(self, tickets: list[Ticket], resident: Resident | None) -> None:
        if self.after_turn is not None:
            self._track(self.after_turn(tickets, resident))

    def _spawn(self, job: Callable[[Ticket], Coroutine[Any, Any, Any]] | None, ticket: Ticket) -> None:
        if job is not None:
            self._track(job(ticket))

    def _track(self, work: Coroutine[Any, Any, Any]) -> None:
        """Work after the answer (cards, notices): in the background, waited for by :meth:`drain`."""
        task = asyncio.create_task(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # -- emergencies, the desk, voicemail ---------------------------------------------------------------
    async def _emergency(self, state: dict[str, Any], said: str) -> list[VoiceAction]:
        lang = state["lang"] or self.default_language
        resident = await self.services.registry.get(state["resident"]) if state["resident"] else None
        category = "other"
        if said:
            understood = await self.services.understander.understand(said, lang)
            if understood.category in CATEGORIES[TicketKind.REPAIR]:
                category = understood.category
        unit = resident.units[0].unit if resident and len(resident.units) == 1 else None
        heard = "; ".join(state["heard"])
        report = Report(
            idempotency_key=f"ph:{state['call']}:emergency",
            kind=TicketKind.REPAIR,
            category=category,
            urgency=Urgency.EMERGENCY,
            resident_id=resident.id if resident else None,
            unit_id=unit.id if unit else None,
            place=unit.label if unit else "",
            description=shorten(
                f"☎ Emergency call from {state['caller'] or 'a withheld number'}"
                + (f": {heard}" if heard else " (pressed 9)"),
                2000,
            ),
            channel=CHANNEL,
            contact_phone=state["caller"] or None,
        )
        ticket = await self.services.intake.submit(report)
        state["tickets"].append(ticket.number)
        state["emergency"] = ticket.number
        state["stage"] = "emergency"
        self._after([ticket], resident)
        self._spawn(self.on_emergency, ticket)
        self._spawn(self.in_writing, ticket)
        phone = self.estate.phone
        return [
            self._say(state, speech.text("emergency", lang, number=speech.spell_number(ticket.number))),
            Dial(phone.duty_phone, self._url("dial", state, leg="duty"), timeout=phone.dial_timeout_seconds),
        ]

    async def _after_dial(self, event: CallEvent, state: dict[str, Any], leg: str) -> list[VoiceAction]:
        if event.dial_status == "completed":
            return [Hangup()]  # someone answered and the conversation is over
        lang = state["lang"] or self.default_language
        phone = self.estate.phone
        if leg == "duty" and phone.duty_phone_second:
            return [
                self._say(state, speech.text("emergency_retry", lang)),
                Dial(
                    phone.duty_phone_second, self._url("dial", state, leg="duty2"), timeout=phone.dial_timeout_seconds
                ),
            ]
        if leg in ("duty", "duty2"):
            return self._record(state, "emergency", [speech.text("emergency_voicemail", lang)])
        return self._voicemail(state)

    def _desk_open(self, now: datetime | None = None) -> bool:
        cal = self.estate.calendar
        local = (now or self.services.clock()).astimezone(ZoneInfo(cal.timezone))
        return (
            bool(self.estate.phone.desk_phone)
            and local.weekday() in cal.working_days
            and local.date() not in cal.holidays
            and cal.opens <= local.time() < cal.closes
        )

    def _desk_or_voicemail(self, state: dict[str, Any]) -> list[VoiceAction]:
        state["misses"] = 0
        if self._desk_open():
            lang = state["lang"] or self.default_language
            state["stage"] = "desk"
            phone = self.estate.phone
            return [
                self._say(state, speech.text("desk_transfer", lang)),
                Dial(phone.desk_phone, self._url("dial", state, leg="desk"), timeout=phone.dial_timeout_seconds),
            ]
        return self._voicemail(state)

    def _voicemail(self, state: dict[str, Any], before: list[tuple[str, str]] | None = None) -> list[VoiceAction]:
        lang = state["lang"] or self.default_language
        lines = [text for _, text in before] if before else [speech.text("voicemail", lang)]
        return self._record(state, "voicemail", lines)

    def _record(self, state: dict[str, Any], purpose: str, lines: list[str]) -> list[VoiceAction]:
        lang = state["lang"] or self.default_language
        state["stage"] = purpose
        phone = self.estate.phone
        url = self._url("record", state, **{"for": purpose})
        if not phone.recording:
            # No recordings: nothing to wait for; the call-back is noted at once.
            return [Redirect(url)]
        return [
            *(self._say(state, line) for line in lines),
            self._say(state, speech.text("recorded", lang)),
            Record(url, max_length=phone.voicemail_max_seconds),
            Redirect(url),  # nothing recorded: the provider falls through to here
        ]

    async def _after_record(self, event: CallEvent, state: dict[str, Any], purpose: str) -> list[VoiceAction]:
        lang = state["lang"] or self.default_language
        recording = (
            f"recording {event.recording_url} ({event.recording_duration or 0} s)"
            if event.recording_url
            else "no recording"
        )
        if purpose == "emergency" and state.get("emergency"):
            await self.services.tickets.append_event(
                state["emergency"],
                TicketEvent(self.services.clock(), "system", "note", {"text": f"☎ Voicemail: {recording}", "by": 0}),
            )
            number = state["emergency"]
        else:
            ticket = await self._desk_ticket(
                state,
                "voicemail",
                f"📞 Call back {state['caller'] or '(number withheld)'}: voicemail, {recording}.",
                recording=event.recording_url,
            )
            number = ticket.number
        state["stage"] = "done"
        return [self._say(state, speech.text("voicemail_saved", lang, number=speech.spell_number(number))), Hangup()]

    async def _desk_ticket(self, state: dict[str, Any], what: str, first_line: str, *, recording: str = "") -> Ticket:
        """A matter for the desk to follow up by phone (voicemail, abandoned call): a general enquiry, whose
        card says "call back" (a ``phone_callback`` entry in its log) until staff note the call-back."""
        resident = await self.services.registry.get(state["resident"]) if state["resident"] else None
        unit = resident.units[0].unit if resident and len(resident.units) == 1 else None
        understood = await self._understood(state)
        report = Report(
            idempotency_key=f"ph:{state['call']}:{what}",
            kind=TicketKind.ENQUIRY,
            category="general",
            urgency=Urgency.NORMAL,
            resident_id=resident.id if resident else None,
            unit_id=unit.id if unit else None,
            place=unit.label if unit else "",
            description=shorten("\n".join([first_line, *understood]), 2000),
            channel=CHANNEL,
            contact_phone=state["caller"] or None,
        )
        ticket = await self.services.intake.submit(report)
        if not any(e.action == PHONE_CALLBACK for e in ticket.events):
            # The provider's recording URL, not a copy: opening it asks for the account's credentials unless
            # the account serves media without them (Twilio: "Enforce HTTP Auth on Media URLs" off).
            detail = {"reason": what, "number": state["caller"] or "", "recording": recording}
            ticket = await self.services.tickets.append_event(
                ticket.number, TicketEvent(self.services.clock(), "system", PHONE_CALLBACK, detail)
            )
        state["tickets"].append(ticket.number)
        self._after([ticket], resident)
        return ticket

    async def _understood(self, state: dict[str, Any]) -> list[str]:
        lines = []
        dialog = await _held().load(f"ph:{state['call']}") or {}
        form = dialog.get("form") or {}
        if dialog.get("flow") in FORMS:
            parts = [f"{dialog['flow']}"] + [
                f"{k}: {form[k]}" for k in ("category", "urgency", "place_detail", "description") if form.get(k)
            ]
            lines.append("Unconfirmed form: " + "; ".join(parts))
        if state["heard"]:
            lines.append("Heard: " + " / ".join(state["heard"]))
        return lines

    async def _abandoned(self, state: dict[str, Any]) -> None:
        if state.get("stage") in ("voicemail", "emergency", "done"):
            return  # the call's matter is already a ticket, or the recording callback makes it one
        dialog = await _held().load(f"ph:{state['call']}") or {}
        open_form = dialog.get("flow") in FORMS
        unstored_words = bool(state["heard"]) and not state["tickets"]
        if not open_form and not unstored_words:
            return
        await self._desk_ticket(
            state,
            "abandoned",
            f"📞 Abandoned call from {state['caller'] or '(number withheld)'}: hung up before confirming. Call back.",
        )

    # -- rendering helpers --------------------------------------------------------------------------
    def _url(self, what: str, state: dict[str, Any], **query: str) -> str:
        return f"{self.callback_url}/{what}?" + urlencode({"s": state["step"], **query})

    def _say(self, state: dict[str, Any], text: str, lang: str | None = None) -> Say:
        code = lang or state["lang"] or self.default_language
        voice = self.estate.phone.voices.get(code)
        return Say(text, voice.say_language if voice else "", voice.voice if voice else "")

    def _gather(
        self, state: dict[str, Any], *, speech: bool = True, num_digits: int | None = 1, finish_on_key: str = ""
    ) -> list[VoiceAction]:
        """The current prompt as a gather (keys and speech), with the fall-through for silence."""
        prompt = state["prompt"]
        code = state["lang"] or self.default_language
        voice = self.estate.phone.voices.get(code)
        url = self._url("input", state)
        text_mode = prompt.get("mode") == "text"
        return [
            Gather(
                action=url,
                prompts=(*(self._say(state, text, lang) for lang, text in prompt.get("say", [])), Pause(1)),
                num_digits=None if text_mode or prompt.get("mode") == "keys" else num_digits,
                speech=speech and prompt.get("mode") != "keys",
                finish_on_key=finish_on_key or ("#" if prompt.get("mode") == "keys" else ""),
                timeout=self.estate.phone.gather_timeout_seconds,
                language=voice.speech_language if voice else "",
                hints=tuple(label for _, label in prompt.get("options", [])),
            ),
            Redirect(url),
        ]


def _dump(action: VoiceAction) -> dict[str, Any]:
    data: dict[str, Any] = {"type": type(action).__name__}
    for f in fields(action):
        data[f.name] = getattr(action, f.name)
    if isinstance(action, Gather):
        data["prompts"] = [_dump(p) for p in action.prompts]
        data["hints"] = list(action.hints)
    return data


_TYPES: dict[str, type] = {t.__name__: t for t in (Say, Play, Pause, Gather, Record, Dial, Redirect, Hangup)}


def _load(data: dict[str, Any]) -> VoiceAction:
    data = dict(data)
    cls = _TYPES[data.pop("type")]
    if cls is Gather:
        data["prompts"] = tuple(_load(p) for p in data["prompts"])
        data["hints"] = tuple(data["hints"])
    action: VoiceAction = cls(**data)
    return action


def _replay(state: dict[str, Any], step: int) -> list[VoiceAction]:
    saved = state["answers"].get(str(step))
    if saved is None:
        if not state["answers"]:
            return [Hangup()]
        saved = state["answers"][max(state["answers"], key=int)]
    return [_load(a) for a in saved]


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())
