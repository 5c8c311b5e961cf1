"""Follow-up surveys (回訪): sent a while after a ticket is resolved, reminded once, then left to a phone call.

The sweep runs in every worker. Each step is claimed in the state store and then moved on in SQL
with a conditional update, so a survey is sent, reminded and marked once, whoever runs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.config import EstateConfig
from bot.domain.lifecycle import Action, InvalidTransition
from bot.domain.surveys import FollowUp, Questionnaire, SurveyEvent, SurveyStatus, needs_action
from bot.domain.tickets import Ticket, TicketEvent, TicketStatus
from bot.errors import BackendUnavailable, Conflict
from bot.i18n import Translator
from bot.messaging import ChatUnreachable, MessageSender
from dialogs.replies import Reply
from dialogs.survey import survey_reply
from integrations.registry import ResidentRegistry
from integrations.sql.surveys import SqlSurveys
from integrations.state import Claim, StateStore
from integrations.tickets import TicketBackend

log = logging.getLogger(__name__)


# An answer is acted on as it is given; the sweep finishes only those left unfinished this long.
FOLLOW_THROUGH_GRACE = timedelta(minutes=2)


def _logged(ticket: Ticket, action: str, survey_id: int) -> bool:
    """Whether the ticket's log has ``action`` for this survey."""
    return any(e.action == action and e.detail.get("survey") == survey_id for e in ticket.events)


def _reopened_for(ticket: Ticket, survey: FollowUp) -> bool:
    """Reopened because of this answer (logs written before reopen events named their survey: by time)."""
    if _logged(ticket, Action.REOPENED.value, survey.id):
        return True
    return survey.answered_at is not None and any(
        e.action == Action.REOPENED.value
        and e.detail.get("reason") == "survey"
        and "survey" not in e.detail
        and e.at >= survey.answered_at
        for e in ticket.events
    )


class FollowUps:
    """Sends follow-up surveys, acts on the answers and keeps questionnaire answers (``SurveyActions``)."""

    def __init__(
        self,
        estate: EstateConfig,
        surveys: SqlSurveys,
        tickets: TicketBackend,
        registry: ResidentRegistry,
        store: StateStore,
        desk: Any,  # bot.desk.Desk: staff cards and threads
        clock: Callable[[], datetime],
    ) -> None:
        self.estate = estate
        self.settings = estate.surveys
        self.surveys = surveys
        self.tickets = tickets
        self.registry = registry
        self.store = store
        self.desk = desk
        self.clock = clock
        self._ = Translator(Translator.language_of(estate.staff_language))

    @property
    def sender(self) -> MessageSender | None:
        sender: MessageSender | None = self.desk.sender
        return sender

    # -- the sweep -----------------------------------------------------------------------------
    async def sweep(self) -> dict[str, int]:
        """Create due surveys, send them, remind once, then mark for a phone call. Counts what it did."""
        done = {"scheduled": 0, "sent": 0, "reminded": 0, "phone": 0, "followed": 0}
        if not self.settings.enabled:
            return done
        now = self.clock()
        delay = timedelta(hours=self.settings.delay_hours)
        done["scheduled"] = await self.surveys.schedule(
            resolved_before=now - delay,
            resolved_after=now - delay - timedelta(days=self.settings.lookback_days),
            due_at=now,
        )
        for survey in await self.surveys.with_status(SurveyStatus.PENDING, before=now):
            done["sent"] += await self._send(survey, reminder=False)
        remind_before = now - timedelta(hours=self.settings.reminder_after_hours)
        for survey in await self.surveys.with_status(SurveyStatus.SENT, before=remind_before):
            done["reminded"] += await self._send(survey, reminder=True)
        phone_before = now - timedelta(hours=self.settings.phone_after_hours)
        for survey in await self.surveys.with_status(SurveyStatus.REMINDED, before=phone_before):
            done["phone"] += await self._to_phone(survey, SurveyStatus.REMINDED, "no answer")
        done["followed"] = await self._finish_answers(now - FOLLOW_THROUGH_GRACE)
        return done

    async def _finish_answers(self, answered_before: datetime) -> int:
        """Answers whose follow-through was cut short (a failing backend, a crash): finish them."""
        finished = 0
        for survey in await self.surveys.unfollowed(answered_before):
            log.warning("survey %s: finishing the follow-through of its answer", survey.id)
            try:
                if await self._follow_once(survey) is not None:
                    finished += 1
            except (BackendUnavailable, OSError) as exc:
                log.warning("survey %s: follow-through still failing: %s", survey.id, exc)
        return finished

    async def _send(self, survey: FollowUp, *, reminder: bool) -> int:
        step = "remind" if reminder else "send"
        key = f"survey:{survey.id}:{step}"
        if await self.store.claim(key) is not Claim.NEW:
            return 0
        before = SurveyStatus.SENT if reminder else SurveyStatus.PENDING
        after = SurveyStatus.REMINDED if reminder else SurveyStatus.SENT
        try:
            ticket = await self.tickets.get_by_id(survey.ticket_id)
            if ticket is None or ticket.status is not TicketStatus.RESOLVED:
                # Reopened (or gone) since: this resolution is not the one to ask about.
                await self.surveys.move(survey.id, before, SurveyStatus.CANCELLED, self.clock())
                await self.store.finish(key)
                return 0
            resident = await self.registry.get(survey.resident_id)
            sender = self.sender
            # A ticket opened on another channel (a Rasa conversation) is asked about there.
            news = getattr(self.desk, "news", None)
            elsewhere = news.surveys_elsewhere.get(ticket.channel) if news is not None else None
            if elsewhere is not None and resident is not None:
                reply = survey_reply(Translator(resident.language), survey.id, ticket.number, reminder=reminder)
                if not await elsewhere(ticket, survey.id, reply):
                    await self.store.finish(key)
                    return await self._to_phone(survey, before, "no chat")
            elif resident is None or resident.telegram_user_id is None or not resident.reachable or sender is None:
                await self.store.finish(key)
                return await self._to_phone(survey, before, "no chat")
            else:
                reply = survey_reply(Translator(resident.language), survey.id, ticket.number, reminder=reminder)
                try:
                    await sender.send(resident.telegram_user_id, reply)
                except ChatUnreachable:
                    await self.store.finish(key)
                    return await self._to_phone(survey, before, "blocked")
            if await self.surveys.move(survey.id, before, after, self.clock()):
                event = SurveyEvent.REMINDED if reminder else SurveyEvent.SENT
                await self._log(ticket, event, survey=survey.id)
        except (BackendUnavailable, OSError) as exc:
            await self.store.release(key)
            log.warning("survey %s not sent yet (%s): %s", survey.id, step, exc)
            return 0
        await self.store.finish(key)
        log.info("survey %s (%s) for ticket %s", survey.id, step, ticket.number)
        return 1

    async def _to_phone(self, survey: FollowUp, before: SurveyStatus, reason: str) -> int:
        """No answer (or no way to ask): the staff card asks for a phone follow-up."""
        if not await self.surveys.move(survey.id, before, SurveyStatus.PHONE, self.clock()):
            return 0
        ticket = await self.tickets.get_by_id(survey.ticket_id)
        if ticket is None:
            return 0
        ticket = await self._log(ticket, SurveyEvent.FOLLOWUP_PHONE, survey=survey.id, reason=reason)
        await self.desk.refresh_card(ticket)
        await self.desk.tell_staff(
            ticket,
            "📞 "
            + self._("{number}: no answer to the follow-up survey. Please call the resident.", number=ticket.number),
        )
        return 1

    async def _log(self, ticket: Ticket, event: SurveyEvent, **detail: Any) -> Ticket:
        return await self.tickets.append_event(ticket.number, TicketEvent(self.clock(), "system", event.value, detail))

    # -- answers (dialogs.survey.SurveyActions) --------------------------------------------------
    async def rate(self, survey_id: int, resident_id: int, rating: int | None, not_fixed: bool) -> str:
        survey = await self.surveys.get(survey_id)
        if survey is None or survey.resident_id != resident_id:
            return "not_found"
        if not await self.surveys.answer(survey_id, rating, not_fixed, self.clock()):
            # Answered before; if acting on that answer was cut short (this may be the same press,
            # redelivered after a failure), finish it now and say what came of it.
            if survey.answered_at is not None and survey.followed_at is None:
                return await self._follow_once(survey) or "answered_before"
            return "answered_before"
        answered = await self.surveys.get(survey_id)
        return await self._follow_once(answered or survey) or "recorded"

    async def _follow_once(self, survey: FollowUp) -> str | None:
        """:meth:`follow_through` unless another worker (or the sweep) is at it right now (then None)."""
        key = f"survey:{survey.id}:follow"
        if await self.store.claim(key) is not Claim.NEW:
            return None
        try:
            return await self.follow_through(survey)
        finally:
            # Released, not finished: what is done is read from the ticket's log, so a later call may look again.
            await self.store.release(key)

    async def follow_through(self, survey: FollowUp) -> str:
        """Act on an answered survey: log it, then reopen or escalate as the answer asks. Idempotent.

        The answer is committed before any of this, and the survey is marked followed after it.
        If the ticket backend fails (or the process dies) part-way, the redelivered press or the
        sweep (answers still unmarked after a grace period) calls this again, and it does what
        the ticket's log does not show yet: the answer, the reopen (its event names the survey),
        the escalation (``survey_escalated``). An escalation can reach the managers twice if the
        process dies between sending it and logging it; it is never lost.
        """
        outcome = await self._act_on(survey)
        await self.surveys.mark_followed(survey.id, self.clock())
        return outcome

    async def _act_on(self, survey: FollowUp) -> str:
        ticket = await self.tickets.get_by_id(survey.ticket_id)
        if ticket is None:
            return "recorded"
        rating, not_fixed = survey.rating, survey.not_fixed
        if not _logged(ticket, SurveyEvent.ANSWERED.value, survey.id):
            ticket = await self.tickets.append_event(
                ticket.number,
                TicketEvent(
                    self.clock(),
                    f"resident:{survey.resident_id}",
                    SurveyEvent.ANSWERED.value,
                    {"survey": survey.id, "rating": rating, "not_fixed": not_fixed},
                ),
            )
        action = needs_action(rating, not_fixed, self.settings)
        _ = self._
        what = _("not fixed") if not_fixed else f"{rating}/5"
        if action == "reopen":
            if _reopened_for(ticket, survey):
                return "reopened"
            if await self._reopen(ticket, survey):
                return "reopened"
            action = "escalate"  # no longer reopenable (closed, merged): a manager decides
        if action == "escalate":
            if not _logged(ticket, SurveyEvent.ESCALATED.value, survey.id):
                await self._tell_managers(
                    ticket,
                    _("Follow-up survey of {number}: the resident answered {what}.", number=ticket.number, what=what),
                )
                await self._log(ticket, SurveyEvent.ESCALATED, survey=survey.id)
            return "escalated"
        await self.desk.refresh_card(ticket)
        return "recorded"

    async def _reopen(self, ticket: Ticket, survey: FollowUp) -> bool:
        rating, not_fixed = survey.rating, survey.not_fixed
        try:
            updated = await self.tickets.append_event(
                ticket.number,
                TicketEvent(
                    self.clock(),
                    f"resident:{survey.resident_id}",
                    Action.REOPENED.value,
                    {"reason": "survey", "survey": survey.id, "rating": rating, "not_fixed": not_fixed},
                ),
                expected_version=ticket.version,
            )
        except (Conflict, InvalidTransition):
            return False
        _ = self._
        what = _("not fixed") if not_fixed else f"{rating}/5"
        await self.desk.refresh_card(updated)
        await self.desk.tell_staff(
            updated,
            "⚠️ " + _("{number} reopened after the follow-up survey: {what}.", number=updated.number, what=what),
        )
        return True

    async def _tell_managers(self, ticket: Ticket, text: str) -> None:
        chat_id = self.estate.routing.managers_chat_id
        sender = self.sender
        if chat_id is None or sender is None:
            log.warning("no managers' chat: %s", text)
            return
        try:
            await sender.send(chat_id, Reply(text=text, title="⚠️ " + ticket.number))
        except ChatUnreachable:
            log.error("the managers' chat refuses messages: %s", text)

    async def comment(self, survey_id: int, resident_id: int, text: str) -> bool:
        survey = await self.surveys.get(survey_id)
        if survey is None or survey.resident_id != resident_id:
            return False
        if not await self.surveys.comment(survey_id, text):
            return False
        ticket = await self.tickets.get_by_id(survey.ticket_id)
        if ticket is None:
            return True
        ticket = await self.tickets.append_event(
            ticket.number,
            TicketEvent(
                self.clock(), f"resident:{resident_id}", SurveyEvent.COMMENT.value, {"survey": survey_id, "text": text}
            ),
        )
        line = "💬 " + self._("Follow-up comment on {number}: {text}", number=ticket.number, text=text)
        # The comment goes where the answer went: the managers for an escalation, else the ticket's thread.
        if needs_action(survey.rating, survey.not_fixed, self.settings) == "escalate":
            await self._tell_managers(ticket, line)
        else:
            await self.desk.tell_staff(ticket, line)
        return True

    # -- questionnaire answers -----------------------------------------------------------------
    async def questionnaire_for(self, recipient_id: int, resident_id: int) -> Questionnaire | None:
        recipient = await self.surveys.recipient(recipient_id)
        if recipient is None or recipient.resident_id != resident_id:
            return None
        return await self.surveys.questionnaire(recipient.questionnaire_id)

    async def record_answer(self, recipient_id: int, position: int, value: str) -> tuple[bool, set[int]]:
        recipient = await self.surveys.recipient(recipient_id)
        if recipient is None:
            return False, set()
        first = await self.surveys.record_answer(recipient, position, value, self.clock())
        return first, await self.surveys.answered_positions(recipient_id)
