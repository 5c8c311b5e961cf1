"""Follow-up survey calls (回訪): the bot calls residents whose survey is left for the phone.

A survey goes to the phone (``SurveyStatus.PHONE``, the card's "call the resident") when the resident has no
Telegram or did not answer the chat survey and its reminder. The sweep here places the call through the
provider's REST API; the resident hears "How satisfied are you, 1 to 5; press 0 if it is not fixed" and the key
goes to :meth:`bot.surveys.followup.FollowUps.rate`, the same answer path as the chat buttons: the same survey
tables and figures, and "not fixed" reopens the ticket as in chat.

No answer, busy, failed, or hung up without answering: the call is tried again after ``retry_minutes``, at
most ``attempts`` times, never in the quiet hours (``[fee_reminders] quiet_start/quiet_end``, estate time)
and never to a resident who opted out of reminders. Then it is left for a person: the ticket's log says so
and the staff thread is told, and the card keeps its "call the resident".

Per survey, the call state lives in the state store (``phfollow:<survey id>``, under its lock), so any worker
can run the sweep or take the webhooks; each webhook is checked against the call the state names, so a
provider's retried or late callback changes nothing twice.

Webhooks (signed like every provider webhook, checked first): ``<path>/followup/voice`` when the call is
answered, ``<path>/followup/answer`` with the key, ``<path>/followup/status`` with the final status; each
URL carries ``?survey=<id>`` (covered by the signature).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.channels.phone.outbound_web import add_outbound_routes, query_id, spoken
from bot.config import EstateConfig
from bot.domain.residents import Language
from bot.domain.surveys import FollowUp, SurveyStatus
from bot.domain.tickets import Ticket, TicketEvent, TicketStatus
from bot.errors import BackendUnavailable
from integrations.registry import ResidentRegistry
from integrations.sql.surveys import SqlSurveys
from integrations.state import StateStore
from integrations.telephony.base import CallEvent, Gather, Hangup, Redirect, Say, VoiceAction, VoiceProvider
from integrations.telephony.rest import Outbound, OutboundRefused, TwilioOutbound
from integrations.tickets import TicketBackend

if TYPE_CHECKING:
    from bot.app import Estatedesk

log = logging.getLogger(__name__)

CALLED = "followup_call"  # detail: survey, attempt, call
LEFT_FOR_STAFF = "followup_call_unanswered"  # detail: survey, attempts, reason
NOT_FIXED_KEY = "0"
# A call whose final status callback never came (lost, or the provider down) counts as unanswered after this.
CALL_LOST_AFTER = timedelta(hours=1)

_TEXTS: dict[str, dict[str, str]] = {
    "intro": {
        Language.ZH_HANT: "你好，呢度係{estate}管理處，想跟進工單{number}嘅維修。",
        Language.ZH_HANS: "您好，这里是{estate}管理处，想跟进工单{number}的维修。",
        Language.EN: "Hello, this is the {estate} management office, following up on repair {number}.",
    },
    "question": {
        Language.ZH_HANT: "你對今次服務有幾滿意？請按一至五，五分最滿意。如果問題仲未解決，請按零。",
        Language.ZH_HANS: "您对这次服务满意吗？请按一至五，五分最满意。如果问题还没有解决，请按零。",
        Language.EN: "How satisfied are you, 1 to 5? 5 is the best. Press 0 if it is not fixed.",
    },
    "sorry": {
        Language.ZH_HANT: "對唔住，聽唔清楚。",
        Language.ZH_HANS: "对不起，没有听清楚。",
        Language.EN: "Sorry, I did not catch that.",
    },
    "thanks": {
        Language.ZH_HANT: "多謝你嘅評分，再見。",
        Language.ZH_HANS: "谢谢您的评分，再见。",
        Language.EN: "Thank you for your rating. Goodbye.",
    },
    "reopened": {
        Language.ZH_HANT: "我哋已經重開工單，會盡快再安排同事跟進。再見。",
        Language.ZH_HANS: "我们已重新打开工单，会尽快再安排同事跟进。再见。",
        Language.EN: "We have reopened the ticket and will send someone again soon. Goodbye.",
    },
    "goodbye": {
        Language.ZH_HANT: "我哋遲啲再聯絡你，再見。",
        Language.ZH_HANS: "我们稍后再联系您，再见。",
        Language.EN: "We will contact you again later. Goodbye.",
    },
    "answered_before": {
        Language.ZH_HANT: "你已經評過分，多謝。再見。",
        Language.ZH_HANS: "您已经评过分，谢谢。再见。",
        Language.EN: "You have already rated this repair, thank you. Goodbye.",
    },
    "staff_left": {
        Language.ZH_HANT: "{number}：自動回訪電話{attempts}次都未接通（{reason}），請同事致電住戶。",
        Language.ZH_HANS: "{number}：自动回访电话{attempts}次都未接通（{reason}），请同事致电住户。",
        Language.EN: "{number}: {attempts} automatic follow-up call(s) not answered ({reason})."
        " Please call the resident.",
    },
}


def _say(key: str, language: Language, **params: Any) -> str:
    texts = _TEXTS[key]
    return (texts.get(language) or texts[Language.EN]).format(**params)


@dataclass(frozen=True)
class CallPolicy:
    """How the bot calls back: from which number, how often, how long it lets the phone ring."""

    from_number: str  # the estate's number the call comes from (one of the provider account's numbers)
    attempts: int = 3
    retry_minutes: int = 120
    ring_seconds: int = 30
    gather_seconds: int = 6
    hours: tuple[time, time] = (time(9, 0), time(20, 0))  # estate-local calling hours ([phone] followup_hours)

    def may_call(self, local: time) -> bool:
        """Whether ``local`` (estate time) is inside the calling hours; a span may run past midnight."""
        start, end = self.hours
        return start <= local < end if start < end else local >= start or local < end

    def __post_init__(self) -> None:
        if self.attempts < 1 or self.retry_minutes < 1 or not 5 <= self.ring_seconds <= 600:
            raise ValueError("follow-up calls: attempts >= 1, retry_minutes >= 1, ring_seconds 5..600")


class Staff(Protocol):
    """The part of ``bot.desk.Desk`` the follow-up calls use."""

    async def refresh_card(self, ticket: Ticket) -> Any: ...

    async def tell_staff(self, ticket: Ticket, text: str) -> Any: ...


class Rater(Protocol):
    """``bot.surveys.followup.FollowUps``: records an answer and acts on it as for a chat answer."""

    async def rate(self, survey_id: int, resident_id: int, rating: int | None, not_fixed: bool) -> str: ...


class FollowUpCalls:
    """Places the follow-up survey calls and answers their webhooks."""

    def __init__(
        self,
        estate: EstateConfig,
        surveys: SqlSurveys,
        rater: Rater,
        tickets: TicketBackend,
        registry: ResidentRegistry,
        store: StateStore,
        staff: Staff,
        outbound: Outbound,
        policy: CallPolicy,
        *,
        public_url: str,
        clock: Callable[[], datetime],
        opted_out: Callable[[int], Awaitable[bool]] | None = None,
    ) -> None:
        self.estate = estate
        self.surveys = surveys
        self.rater = rater
        self.tickets = tickets
        self.registry = registry
        self.store = store
        self.staff = staff
        self.outbound = outbound
        self.policy = policy
        self.public_url = public_url.rstrip("/")  # e.g. https://desk.example.com/phone/followup
        self.clock = clock
        self.opted_out = opted_out
        self.tz = ZoneInfo(estate.timezone)

    # -- the sweep -----------------------------------------------------------------------------
    async def sweep(self) -> dict[str, int]:
        """Call the residents whose surveys are left for the phone and who are due a (next) call."""
        done = {"called": 0, "left": 0, "waiting": 0}
        now = self.clock()
        local = now.astimezone(self.tz).time()
        if self.estate.fee_reminders.quiet(local) or not self.policy.may_call(local):
            return done
        for survey in await self.surveys.with_status(SurveyStatus.PHONE):
            try:
                outcome = await self._maybe_call(survey, now)
            except (BackendUnavailable, OSError) as exc:
                log.warning("survey %s: follow-up call not placed yet: %s", survey.id, exc)
                outcome = "waiting"
            if outcome in done:
                done[outcome] += 1
        return done

    async def _maybe_call(self, survey: FollowUp, now: datetime) -> str | None:
        key = _key(survey.id)
        async with self.store.lock(key):
            state = await self.store.load(key) or {"attempts": 0}
            if state.get("left"):
                return None
            if state.get("call"):
                if now - datetime.fromisoformat(state["called_at"]) < CALL_LOST_AFTER:
                    return "waiting"
                log.warning("survey %s: no final status for call %s; counted as unanswered", survey.id, state["call"])
                state = await self._missed(survey, state, "no status", now)
                if state.get("left"):
                    return "left"
            if state.get("next_at") and now < datetime.fromisoformat(state["next_at"]):
                return "waiting"
            ticket = await self.tickets.get_by_id(survey.ticket_id)
            if ticket is None or ticket.status is not TicketStatus.RESOLVED:
                # Reopened (or gone) since: this resolution is not the one to ask about, as in chat.
                await self.surveys.move(survey.id, SurveyStatus.PHONE, SurveyStatus.CANCELLED, now)
                await self.store.save(key, state | {"left": True, "last": "ticket no longer resolved"})
                return None
            resident = await self.registry.get(survey.resident_id)
            if resident is None or not resident.phone:
                await self._leave(survey, state, "no phone number")
                return "left"
            if self.opted_out is not None and await self.opted_out(resident.id):
                await self._leave(survey, state, "opted out")
                return "left"
            try:
                placed = await self.outbound.place_call(
                    resident.phone,
                    self.policy.from_number,
                    self._url("voice", survey.id),
                    status_callback=self._url("status", survey.id),
                    events=("completed",),
                    ring_seconds=self.policy.ring_seconds,
                )
            except OutboundRefused as exc:
                await self._leave(survey, state, f"refused by the provider ({exc.code})")
                return "left"
            attempt = int(state.get("attempts", 0)) + 1
            state |= {"attempts": attempt, "call": placed.sid, "called_at": now.isoformat(), "next_at": None}
            await self.store.save(key, state)
        await self._log(survey, CALLED, attempt=attempt, call=placed.sid)
        log.info("survey %s: follow-up call %s placed (attempt %s)", survey.id, placed.sid, attempt)
        return "called"

    async def _missed(self, survey: FollowUp, state: dict[str, Any], reason: str, now: datetime) -> dict[str, Any]:
        """The call was not answered (or not to the end): try again later, or leave it for a person."""
        state = state | {"call": None, "last": reason}
        if int(state.get("attempts", 0)) >= self.policy.attempts:
            await self._leave(survey, state, reason)
            return state | {"left": True}
        state["next_at"] = (now + timedelta(minutes=self.policy.retry_minutes)).isoformat()
        await self.store.save(_key(survey.id), state)
        return state

    async def _leave(self, survey: FollowUp, state: dict[str, Any], reason: str) -> None:
        attempts = int(state.get("attempts", 0))
        await self.store.save(_key(survey.id), state | {"left": True, "call": None, "last": reason})
        ticket = await self._log(survey, LEFT_FOR_STAFF, attempts=attempts, reason=reason)
        if ticket is None:
            return
        language = Language.from_code(self.estate.staff_language, Language.EN)
        await self.staff.refresh_card(ticket)
        await self.staff.tell_staff(
            ticket, "📞 " + _say("staff_left", language, number=ticket.number, attempts=attempts, reason=reason)
        )
        log.info("survey %s: follow-up calls left for staff (%s)", survey.id, reason)

    async def _log(self, survey: FollowUp, action: str, **detail: Any) -> Ticket | None:
        ticket = await self.tickets.get_by_id(survey.ticket_id)
        if ticket is None:
            return None
        event = TicketEvent(self.clock(), "system", action, {"survey": survey.id, **detail})
        return await self.tickets.append_event(ticket.number, event)

    # -- the call ------------------------------------------------------------------------------
    async def handle(self, what: str, event: CallEvent, query: Mapping[str, str]) -> list[VoiceAction]:
        """The document for a webhook of a follow-up call (``voice`` or ``answer``)."""
        survey_id = query_id(query, "survey")
        survey = await self.surveys.get(survey_id) if survey_id is not None else None
        state = await self.store.load(_key(survey_id)) if survey is not None and survey_id is not None else None
        if survey is None or state is None or state.get("call") != event.call_id:
            # Not a call this survey is waiting for: a stale or foreign request. End it politely.
            log.warning("follow-up webhook %s for survey %s from call %s: not expected", what, survey_id, event.call_id)
            return [Hangup()]
        resident = await self.registry.get(survey.resident_id)
        language = resident.language if resident is not None else Language.from_code(self.estate.staff_language)
        ticket = await self.tickets.get_by_id(survey.ticket_id)
        number = ticket.number if ticket is not None else ""
        tries = int(query.get("try", "1") or 1)
        if what == "voice":
            intro = _say("intro", language, estate=self.estate.name, number=_spaced(number))
            return self._ask(survey.id, language, [intro], tries)
        if what != "answer":
            return [Hangup()]
        key = event.digits[:1]
        if key in ("1", "2", "3", "4", "5", NOT_FIXED_KEY) and resident is not None:
            not_fixed = key == NOT_FIXED_KEY
            outcome = await self.rater.rate(survey.id, resident.id, None if not_fixed else int(key), not_fixed)
            reply = {"reopened": "reopened", "answered_before": "answered_before"}.get(outcome, "thanks")
            return [self._voice(_say(reply, language), language), Hangup()]
        if tries < 2:
            return self._ask(survey.id, language, [_say("sorry", language)], tries + 1)
        return [self._voice(_say("goodbye", language), language), Hangup()]

    def _ask(self, survey_id: int, language: Language, before: list[str], tries: int) -> list[VoiceAction]:
        """The question; a key goes to ``answer``; silence asks once more, then says goodbye."""
        prompts = tuple(self._voice(text, language) for text in [*before, _say("question", language)])
        gather = Gather(
            action=self._url("answer", survey_id, tries),
            prompts=prompts,
            keys=True,
            speech=False,
            num_digits=1,
            timeout=self.policy.gather_seconds,
        )
        if tries < 2:
            return [gather, Redirect(self._url("answer", survey_id, tries))]
        return [gather, self._voice(_say("goodbye", language), language), Hangup()]

    def _voice(self, text: str, language: Language) -> Say:
        return spoken(self.estate, text, language)

    async def status(self, event: CallEvent, query: Mapping[str, str]) -> None:
        """The call's final status: answered with a rating, or a miss to try again (or leave for staff)."""
        survey_id = query_id(query, "survey")
        if survey_id is None or not event.ended:
            return
        key = _key(survey_id)
        async with self.store.lock(key):
            state = await self.store.load(key)
            if state is None or state.get("call") != event.call_id:
                return  # a retried or late callback: handled already
            survey = await self.surveys.get(survey_id)
            if survey is None:
                return
            if survey.answered_at is not None:
                await self.store.save(key, state | {"call": None, "answered": True})
                return
            reason = event.status if event.status != "completed" else "hung up without answering"
            await self._missed(survey, state, reason, self.clock())

    def _url(self, what: str, survey_id: int, tries: int | None = None) -> str:
        query: dict[str, Any] = {"survey": survey_id}
        if tries is not None:
            query["try"] = tries
        return f"{self.public_url}/{what}?{urlencode(query)}"


def _key(survey_id: int | None) -> str:
    return f"phfollow:{survey_id}"


def _spaced(number: str) -> str:
    """A ticket number read in groups of digits: "R-123456" → "R 123 456"."""
    prefix, _, digits = number.rpartition("-")
    groups = " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))
    return f"{prefix} {groups}".strip()


# -- web ---------------------------------------------------------------------------------------
def add_followup_routes(
    app: web.Application, calls: FollowUpCalls, provider: VoiceProvider, *, path: str, public: str = ""
) -> None:
    """Serve the follow-up calls' webhooks under ``path`` (e.g. ``/phone/followup``); ``public`` is the public
    base URL the provider calls (signatures are computed over it), empty when requests arrive unproxied."""
    add_outbound_routes(app, calls, provider, path=path, public=public)


# -- composition -------------------------------------------------------------------------------
def build_followup_calls(
    app: Estatedesk,
    rater: Rater | None = None,
    *,
    policy: CallPolicy | None = None,
    api_url: str | None = None,
    outbound: Outbound | None = None,
) -> FollowUpCalls | None:
    """The follow-up calls of a desk, or None when it cannot place calls: ``[phone]`` off or without a number,
    or no Twilio account SID, auth token or public URL (the provider needs absolute callback URLs).

    Calls come from the first of ``[phone] numbers``. ``rater`` is the desk's ``FollowUps`` (one is built on
    the same tables when not given); ``outbound`` is the REST client to share, else one is made (``api_url``
    points it elsewhere than api.twilio.com: the fake provider of the demo and the tests).
    """
    outbound = outbound or outbound_client(app, api_url)
    public = callback_base(app)
    if outbound is None or public is None:
        return None
    from bot.surveys.followup import FollowUps
    from integrations.sql.notices import SqlNoticeStore

    estate = app.estate
    surveys = SqlSurveys(app.db)
    if rater is None:
        rater = FollowUps(estate, surveys, app.tickets, app.registry, app.store, app.desk, app.clock)
    return FollowUpCalls(
        estate,
        surveys,
        rater,
        app.tickets,
        app.registry,
        app.store,
        app.desk,
        outbound,
        policy or policy_of(estate),
        public_url=f"{public}/followup",
        clock=app.clock,
        opted_out=SqlNoticeStore(app.db).opted_out,
    )


def policy_of(estate: EstateConfig) -> CallPolicy:
    """The follow-up call policy ``[phone]`` configures (followup_attempts, followup_retry_minutes, followup_hours)."""
    phone = estate.phone
    return CallPolicy(
        from_number=phone.numbers[0],
        attempts=phone.followup_attempts,
        retry_minutes=phone.followup_retry_minutes,
        gather_seconds=phone.gather_timeout_seconds,
        hours=phone.followup_hours,
    )


def callback_base(app: Estatedesk) -> str | None:
    """The public URL of the phone webhooks (``ESTATEDESK_PHONE_PUBLIC_URL`` + ``ESTATEDESK_PHONE_PATH``)."""
    settings = app.settings
    return f"{settings.phone_public_url}{settings.phone_path}" if settings.phone_public_url else None


def outbound_client(app: Estatedesk, api_url: str | None = None) -> TwilioOutbound | None:
    """The REST client for the calls and texts the desk sends, or None when it cannot send any: ``[phone]``
    off or without a number, or no Twilio account SID, auth token or public URL (Twilio needs absolute
    callback URLs)."""
    settings, estate = app.settings, app.estate
    if not estate.phone.enabled or not estate.phone.numbers:
        return None
    token = settings.twilio_auth_token
    if not (settings.twilio_account_sid and token is not None and settings.phone_public_url):
        log.warning(
            "no calls or texts from the desk: ESTATEDESK_TWILIO_ACCOUNT_SID, ESTATEDESK_TWILIO_AUTH_TOKEN and "
            "ESTATEDESK_PHONE_PUBLIC_URL are all needed"
        )
        return None
    return TwilioOutbound(settings.twilio_account_sid, token.get_secret_value(), base_url=api_url)
