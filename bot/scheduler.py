"""The SLA sweep: reminders to department groups before a deadline, escalations to the managers after.

:func:`sweep` is a plain job (``async def job(ctx, ...)``, as arq has them): every worker runs it
every 30 s, and tests call it with a clock of their own. What a ticket is owed comes from its
event log (:func:`bot.sla.owed`); each reminder or escalation is delivered once:

1. ``StateStore.claim("sla:<number>:<deadline>:<due>:<level>")`` — one worker at a time; BUSY
   means another worker is on it right now.
2. Re-read the ticket; if the work is no longer owed (staff responded, another worker recorded
   it), give the claim back.
3. **Send first**, then ``finish`` the claim, then append the ``reminded``/``escalated`` event
   with ``expected_version`` (re-read and retried on a Conflict, never appended twice).

Why this order: a crash or outage before the send loses nothing (the claim expires, the next
sweep sends); a crash after ``finish`` but before the event is repaired by the next sweep, which
finds the claim DONE and records the event without sending again. Only a crash in the instant
between the send and ``finish`` (or a send outlasting the claim's 60 s) can repeat a message:
an escalation said twice beats one never said.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.config import EstateConfig
from bot.domain.tickets import Ticket, TicketEvent, Urgency
from bot.errors import BackendUnavailable, Conflict
from bot.i18n import Translator
from bot.messaging import ChatMoved, ChatUnreachable, MessageGone, MessageSender, Priority
from bot.sla import Deadline, Due, is_recorded, owed, recorded_levels
from bot.staff.queries import local_time, span, ticket_facts
from dialogs.replies import Reply
from integrations.state import Claim, StateStore
from integrations.tickets import TicketBackend

if TYPE_CHECKING:
    from bot.desk import Desk

log = logging.getLogger(__name__)

SWEEP_EVERY_S = 30.0
# Open tickets read per department and sweep; they come due-soonest first, so any cut drops the latest.
SWEEP_LIMIT = 2000
RECORD_ATTEMPTS = 5


@dataclass(frozen=True)
class SweepContext:
    """What the sweep needs: the estate, where tickets live, the once-only claims, and a sender."""

    estate: EstateConfig
    tickets: TicketBackend
    store: StateStore
    sender: MessageSender
    clock: Callable[[], datetime]

    @classmethod
    def from_desk(cls, desk: Desk) -> SweepContext:
        if desk.sender is None:
            raise RuntimeError("the desk has no sender yet: the channel sets it at start-up")
        return cls(desk.estate, desk.tickets, desk.store, desk.sender, desk.clock)

    @property
    def _(self) -> Translator:
        return Translator(Translator.language_of(self.estate.staff_language))


@dataclass
class SweepReport:
    """What one sweep did."""

    tickets: int = 0  # open tickets looked at
    reminders: int = 0  # sent to department groups
    escalations: int = 0  # sent to the managers' chat
    recovered: int = 0  # sent by an earlier sweep that stopped before recording: recorded now
    failed: int = 0  # could not be sent (chat gone, unexpected error): tried again next sweep


async def sweep(ctx: SweepContext, now: datetime) -> SweepReport:
    """Send every reminder and escalation that is owed at ``now`` and not yet sent, once across workers.

    Raises :class:`bot.errors.BackendUnavailable` when the database, Redis or the channel is down;
    whatever was not done is done by a later sweep.
    """
    report = SweepReport()
    for department in ctx.estate.routing.departments:
        for ticket in await ctx.tickets.open_tickets(department=department, limit=SWEEP_LIMIT):
            report.tickets += 1
            for due in owed(ctx.estate, ticket, now):
                await _deliver(ctx, ticket, due, now, report, _still_owed(ctx.estate, due, now))
    if report.reminders or report.escalations or report.recovered or report.failed:
        log.info(
            "SLA sweep: %d tickets, %d reminders, %d escalations, %d recovered, %d failed",
            report.tickets,
            report.reminders,
            report.escalations,
            report.recovered,
            report.failed,
        )
    return report


async def escalate_now(ctx: SweepContext, ticket: Ticket, reason: str) -> bool:
    """Escalate ``ticket`` to the managers' chat at once (a resident's nudge reaching the supervisor).

    ``reason`` is shown as written (already in the staff language). Each call escalates one level
    further; two workers calling for the same reading of the ticket send once. True when sent now.
    """
    now = ctx.clock()
    level = max(recorded_levels(ticket, Deadline.MANUAL, None), default=0) + 1
    due = Due(Deadline.MANUAL, None, level)
    report = SweepReport()
    await _deliver(ctx, ticket, due, now, report, lambda t: not is_recorded(t, due), reason=reason)
    return report.escalations == 1


def _still_owed(estate: EstateConfig, due: Due, now: datetime) -> Callable[[Ticket], bool]:
    return lambda ticket: due in owed(estate, ticket, now)


def claim_key(number: str, due: Due) -> str:
    return f"sla:{number}:{due.claim_key}"


async def _deliver(
    ctx: SweepContext,
    ticket: Ticket,
    due: Due,
    now: datetime,
    report: SweepReport,
    still_owed: Callable[[Ticket], bool],
    reason: str = "",
) -> None:
    key = claim_key(ticket.number, due)
    claim = await ctx.store.claim(key)
    if claim is Claim.BUSY:
        return
    if claim is Claim.DONE:
        # Sent by a worker that stopped before recording it: record it, say nothing again.
        if await _record(ctx, ticket.number, due, now, reason):
            report.recovered += 1
        return
    try:
        fresh = await ctx.tickets.get(ticket.number)
        if fresh is None or not still_owed(fresh):
            await ctx.store.release(key)
            return
        await _send(ctx, fresh, due, now, reason)
    except ChatUnreachable as exc:
        await ctx.store.release(key)
        report.failed += 1
        log.error("%s for %s not delivered, the chat refuses messages: %s", due.action.value, ticket.number, exc)
        return
    except BackendUnavailable:
        await ctx.store.release(key)
        raise
    except Exception:
        await ctx.store.release(key)
        report.failed += 1
        log.exception("%s for %s failed; the next sweep tries again", due.action.value, ticket.number)
        return
    await ctx.store.finish(key)
    if due.level == 0:
        report.reminders += 1
    else:
        report.escalations += 1
    try:
        await _record(ctx, ticket.number, due, now, reason)
    except BackendUnavailable as exc:
        # The claim says it was sent; the next sweep that can reach the database records it.
        log.warning("%s for %s sent but not recorded yet: %s", due.action.value, ticket.number, exc)


async def _record(ctx: SweepContext, number: str, due: Due, now: datetime, reason: str) -> bool:
    """Append the reminder/escalation event unless the log has it; True when this call appended it."""
    detail = due.detail()
    if reason:
        detail["reason"] = reason
    for _attempt in range(RECORD_ATTEMPTS):
        ticket = await ctx.tickets.get(number)
        if ticket is None or is_recorded(ticket, due):
            return False
        try:
            await ctx.tickets.append_event(
                number, TicketEvent(now, "system", due.action.value, detail), expected_version=ticket.version
            )
        except Conflict:
            continue  # staff acted, or another worker recorded it: read again and decide again
        return True
    log.warning("%s for %s not recorded after %d conflicts", due.action.value, number, RECORD_ATTEMPTS)
    return False


# -- messages ---------------------------------------------------------------------------------------


def department_chat(estate: EstateConfig, department: str) -> int | None:
    routing = estate.routing
    dept = routing.departments.get(department)
    if dept is not None and dept.chat_id is not None:
        return dept.chat_id
    return routing.departments[routing.fallback].chat_id


def managers_chat(estate: EstateConfig) -> int | None:
    """Where escalations go: the managers' chat, else the service desk's group (the front desk owns every matter)."""
    routing = estate.routing
    if routing.managers_chat_id is not None:
        return routing.managers_chat_id
    return routing.departments[routing.fallback].chat_id


async def _send(ctx: SweepContext, ticket: Ticket, due: Due, now: datetime, reason: str) -> None:
    estate = ctx.estate
    reply_to = thread_id = None
    if due.level == 0:
        chat_id = department_chat(estate, ticket.department)
        reply = reminder_reply(ctx, ticket, due, now)
        if ticket.card_chat_id == chat_id:
            # In the ticket's thread: its forum topic, else under its card.
            thread_id = ticket.topic_id
            reply_to = ticket.card_message_id if thread_id is None else None
    else:
        chat_id = managers_chat(estate)
        reply = escalation_reply(ctx, ticket, due, now, reason)
    if chat_id is None:
        raise ChatUnreachable(f"no chat configured for {due.action.value}s of {ticket.department}")
    # Normal priority lets a busy group's outbox fold a burst of breaches into a digest.
    priority = Priority.EMERGENCY if ticket.urgency is Urgency.EMERGENCY else Priority.NORMAL
    try:
        await ctx.sender.send(chat_id, reply, reply_to=reply_to, thread_id=thread_id, priority=priority)
    except MessageGone:
        log.info("topic of %s is gone; its %s goes to the group itself", ticket.number, due.action.value)
        await ctx.sender.send(chat_id, reply, priority=priority)
    except ChatMoved as moved:
        log.warning("chat %s moved to %s; %s for %s sent there", chat_id, moved.new_chat_id, due.action, ticket.number)
        await ctx.sender.send(moved.new_chat_id, reply, priority=priority)


def reminder_reply(ctx: SweepContext, ticket: Ticket, due: Due, now: datetime) -> Reply:
    _ = ctx._
    assert due.due_at is not None
    left = span(due.due_at - now, _)
    at = local_time(ctx.estate, due.due_at)
    if due.deadline is Deadline.RESPONSE:
        text = _("First response due in {time} ({at}).", time=left, at=at)
    else:
        text = _("Resolution due in {time} ({at}).", time=left, at=at)
    fields = ticket_facts(ctx.estate, ticket, now, _)
    return Reply(text=text, title=_("⏰ Reminder: {number}", number=ticket.number), fields=tuple(fields))


def escalation_reply(ctx: SweepContext, ticket: Ticket, due: Due, now: datetime, reason: str = "") -> Reply:
    _ = ctx._
    fields = ticket_facts(ctx.estate, ticket, now, _)
    if due.due_at is None:
        text = _("Escalated: {reason}", reason=reason or "-")
        title = _("🔺 Escalation: {number}", number=ticket.number)
    else:
        late = span(now - due.due_at, _)
        if due.deadline is Deadline.RESPONSE:
            text = _("No first response: overdue by {time}.", time=late)
        else:
            text = _("Not resolved: overdue by {time}.", time=late)
        title = _("🔺 Escalation (level {level}): {number}", level=due.level, number=ticket.number)
        fields.append((_("Due"), local_time(ctx.estate, due.due_at)))
    return Reply(text=text, title=title, fields=tuple(fields))
