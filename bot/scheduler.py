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

What one ticket is owed at once (its response and its resolution deadline both breached) goes as
one message. Many owed to one chat in one sweep (from ``DIGEST_FROM`` tickets) go as digests, one
line per deadline, so a building-wide breach does not flood the managers' chat; each line is still
claimed and recorded on its own ticket.

An escalation goes to the managers, and the department's own group hears that its ticket is overdue
(in the ticket's thread). After each reminder or escalation the ticket's card is refreshed, so it
shows the ticket's age and time left (or overdue) as they are now, not as they were at its last change.

Why this order: a crash or outage before the send loses nothing (the claim expires, the next
sweep sends); a crash after ``finish`` but before the event is repaired by the next sweep, which
finds the claim DONE and records the event without sending again. Only a crash in the instant
between the send and ``finish`` (or a send outlasting the claim's 60 s) can repeat a message:
an escalation said twice beats one never said. The department's copy of an escalation and the card
refresh come after ``finish`` and are not retried: the managers' message is the one that must arrive,
and the card is refreshed again by the next change or the next reminder.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.config import EstateConfig
from bot.domain.text import shorten
from bot.domain.tickets import Ticket, TicketEvent, Urgency
from bot.errors import BackendUnavailable, Conflict
from bot.i18n import Translator
from bot.messaging import ChatUnreachable, MessageGone, MessageSender, Priority
from bot.sla import Deadline, Due, is_recorded, owed, recorded_levels
from bot.staff.queries import department_name, local_time, span, staff_name, ticket_facts
from dialogs.labels import category_label
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
# From this many messages owed to one chat in one sweep, they go as digests of up to DIGEST_LINES lines
# (each line under 200 characters, so a digest stays well inside Telegram's 4096).
DIGEST_FROM = 4
DIGEST_LINES = 15


@dataclass(frozen=True)
class SweepContext:
    """What the sweep needs: the estate, where tickets live, the once-only claims, and a sender."""

    estate: EstateConfig
    tickets: TicketBackend
    store: StateStore
    sender: MessageSender
    clock: Callable[[], datetime]
    # Re-renders a ticket's staff card (:meth:`bot.desk.Desk.refresh_card`); None: cards are left alone.
    refresh_card: Callable[[Ticket], Awaitable[None]] | None = None

    @classmethod
    def from_desk(cls, desk: Desk) -> SweepContext:
        if desk.sender is None:
            raise RuntimeError("the desk has no sender yet: the channel sets it at start-up")
        return cls(desk.estate, desk.tickets, desk.store, desk.sender, desk.clock, desk.refresh_card)

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

    When many are owed to one chat at once (a building-wide outage breaching forty tickets), they
    go as digest messages rather than one message each. Raises
    :class:`bot.errors.BackendUnavailable` when the database, Redis or the channel is down;
    whatever was not done is done by a later sweep.
    """
    report = SweepReport()
    batches: dict[tuple[int | None, bool], list[_Work]] = {}
    for department in ctx.estate.routing.departments:
        # Scanned without their logs; only a ticket something is due on by the clock is read in full
        # (the log says what was sent already). Most open tickets are far from their deadlines.
        for scanned in await ctx.tickets.open_tickets(department=department, limit=SWEEP_LIMIT, with_events=False):
            report.tickets += 1
            if not owed(ctx.estate, scanned, now):
                continue
            ticket = await ctx.tickets.get(scanned.number)
            if ticket is None:
                continue
            for due in owed(ctx.estate, ticket, now):
                work = _Work(ticket, due, _still_owed(ctx.estate, due, now))
                batches.setdefault((target_chat(ctx.estate, ticket, due), due.level == 0), []).append(work)
    for (chat_id, _reminders), works in batches.items():
        per_ticket: dict[str, list[_Work]] = {}
        for work in works:
            per_ticket.setdefault(work.ticket.number, []).append(work)
        if len(per_ticket) < DIGEST_FROM:
            for bundle in per_ticket.values():
                await _deliver(ctx, chat_id, bundle, now, report)  # one message per ticket
            continue
        for chunk in _chunks(works, DIGEST_LINES):
            await _deliver(ctx, chat_id, chunk, now, report)
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
    work = _Work(ticket, due, lambda t: not is_recorded(t, due), reason)
    await _deliver(ctx, target_chat(ctx.estate, ticket, due), [work], now, report)
    return report.escalations == 1


@dataclass(frozen=True)
class _Work:
    """One reminder or escalation to deliver: the ticket as the sweep read it, and what it is owed."""

    ticket: Ticket
    due: Due
    still_owed: Callable[[Ticket], bool]
    reason: str = ""

    @property
    def key(self) -> str:
        return claim_key(self.ticket.number, self.due)


def _still_owed(estate: EstateConfig, due: Due, now: datetime) -> Callable[[Ticket], bool]:
    return lambda ticket: due in owed(estate, ticket, now)


def _chunks(works: list[_Work], size: int) -> list[list[_Work]]:
    return [works[i : i + size] for i in range(0, len(works), size)]


def claim_key(number: str, due: Due) -> str:
    return f"sla:{number}:{due.claim_key}"


async def _deliver(
    ctx: SweepContext, chat_id: int | None, works: list[_Work], now: datetime, report: SweepReport
) -> None:
    """Claim, send (one message, or one digest for several), finish the claims, then record the events."""
    taken: list[tuple[_Work, Ticket]] = []
    try:
        for work in works:
            fresh = await _take(ctx, work, now, report)
            if fresh is not None:
                taken.append((work, fresh))
        if not taken:
            return
        if chat_id is None:
            raise ChatUnreachable(f"no chat configured for the SLA messages of {taken[0][1].department}")
        if len({fresh.number for _work, fresh in taken}) == 1:
            fresh = taken[-1][1]
            await _send(ctx, chat_id, fresh, [work.due for work, _fresh in taken], now, taken[0][0].reason)
        else:
            await _send_digest(ctx, chat_id, [(fresh, work.due) for work, fresh in taken], now)
    except ChatUnreachable as exc:
        await _release(ctx, taken)
        report.failed += len(taken)
        log.error("SLA messages for %s not delivered, chat %s refuses them: %s", _numbers(taken), chat_id, exc)
        return
    except BackendUnavailable:
        await _release(ctx, taken)
        raise
    except Exception:
        await _release(ctx, taken)
        report.failed += len(taken)
        log.exception("SLA messages for %s failed; the next sweep tries again", _numbers(taken))
        return
    for work, _fresh in taken:
        await ctx.store.finish(work.key)
        if work.due.level == 0:
            report.reminders += 1
        else:
            report.escalations += 1
    await _tell_departments(ctx, chat_id, taken, now)
    for work, _fresh in taken:
        try:
            await _record(ctx, work.ticket.number, work.due, now, work.reason)
        except BackendUnavailable as exc:
            # The claim says it was sent; the next sweep that can reach the database records it.
            log.warning("%s for %s sent but not recorded yet: %s", work.due.action.value, work.ticket.number, exc)
    await _refresh_cards(ctx, taken)


async def _tell_departments(
    ctx: SweepContext, sent_to: int | None, taken: list[tuple[_Work, Ticket]], now: datetime
) -> None:
    """The department's own group hears that its tickets are overdue, not only the managers."""
    by_chat: dict[int, dict[str, tuple[Ticket, list[Due]]]] = {}
    for work, fresh in taken:
        if work.due.level == 0 or work.due.deadline is Deadline.MANUAL:
            continue  # reminders went to the group itself; a resident's nudge was posted there already
        chat_id = department_chat(ctx.estate, fresh.department)
        if chat_id is None or chat_id == sent_to:
            continue
        ticket, dues = by_chat.setdefault(chat_id, {}).setdefault(fresh.number, (fresh, []))
        dues.append(work.due)
    for chat_id, tickets in by_chat.items():
        try:
            if len(tickets) == 1:
                ((ticket, dues),) = tickets.values()
                reply_to, thread_id = _thread(ticket, chat_id)
                await _post(ctx, chat_id, overdue_reply(ctx, ticket, dues, now), ticket, reply_to, thread_id)
            else:
                items = [(ticket, due) for ticket, dues in tickets.values() for due in dues]
                await _send_digest(ctx, chat_id, items, now)
        except (BackendUnavailable, ChatUnreachable) as exc:
            # Not retried: the managers have the escalation, and the events must still be recorded.
            log.warning("overdue notice for group %s not sent: %s", chat_id, exc)
        except Exception:
            log.exception("overdue notice for group %s not sent; the managers have the escalation", chat_id)


async def _refresh_cards(ctx: SweepContext, taken: list[tuple[_Work, Ticket]]) -> None:
    """Re-render each ticket's card, so its age and time left (or overdue) are today's."""
    if ctx.refresh_card is None:
        return
    for number in dict.fromkeys(fresh.number for _work, fresh in taken):
        try:
            ticket = await ctx.tickets.get(number)
            if ticket is not None:
                await ctx.refresh_card(ticket)
        except BackendUnavailable as exc:
            log.warning("card of %s not refreshed: %s", number, exc)
        except Exception:
            log.exception("card of %s not refreshed", number)


async def _take(ctx: SweepContext, work: _Work, now: datetime, report: SweepReport) -> Ticket | None:
    """Claim one piece of work; the ticket as it stands now when it is ours to send, else None."""
    claim = await ctx.store.claim(work.key)
    if claim is Claim.BUSY:
        return None
    if claim is Claim.DONE:
        # Sent by a worker that stopped before recording it: record it, say nothing again.
        if await _record(ctx, work.ticket.number, work.due, now, work.reason):
            report.recovered += 1
        return None
    try:
        fresh = await ctx.tickets.get(work.ticket.number)
    except BaseException:
        await ctx.store.release(work.key)
        raise
    if fresh is None or not work.still_owed(fresh):
        await ctx.store.release(work.key)
        return None
    return fresh


async def _release(ctx: SweepContext, taken: list[tuple[_Work, Ticket]]) -> None:
    for work, _fresh in taken:
        await ctx.store.release(work.key)


def _numbers(taken: list[tuple[_Work, Ticket]]) -> str:
    return ", ".join(work.ticket.number for work, _fresh in taken) or "-"


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


def target_chat(estate: EstateConfig, ticket: Ticket, due: Due) -> int | None:
    """Reminders go to the ticket's department group, escalations to the managers."""
    return department_chat(estate, ticket.department) if due.level == 0 else managers_chat(estate)


def _priority(tickets: list[Ticket]) -> Priority:
    # Normal priority lets a busy group's outbox fold a burst of messages into its own digest.
    return Priority.EMERGENCY if any(t.urgency is Urgency.EMERGENCY for t in tickets) else Priority.NORMAL


def _thread(ticket: Ticket, chat_id: int) -> tuple[int | None, int | None]:
    """(reply_to, thread_id) that put a message in the ticket's thread: its topic, else under its card."""
    if ticket.card_chat_id != chat_id:
        return None, None
    if ticket.topic_id is not None:
        return None, ticket.topic_id
    return ticket.card_message_id, None


async def _post(
    ctx: SweepContext, chat_id: int, reply: Reply, ticket: Ticket, reply_to: int | None, thread_id: int | None
) -> None:
    priority = _priority([ticket])
    try:
        await ctx.sender.send(chat_id, reply, reply_to=reply_to, thread_id=thread_id, priority=priority)
    except MessageGone:
        log.info("topic of %s is gone; its SLA message goes to the group itself", ticket.number)
        await ctx.sender.send(chat_id, reply, priority=priority)


async def _send(
    ctx: SweepContext, chat_id: int, ticket: Ticket, dues: Sequence[Due], now: datetime, reason: str
) -> None:
    """One message about one ticket: its reminders (in the ticket's thread) or its escalations."""
    if all(due.level == 0 for due in dues):
        reply_to, thread_id = _thread(ticket, chat_id)
        await _post(ctx, chat_id, reminder_reply(ctx, ticket, dues, now), ticket, reply_to, thread_id)
    else:
        await _post(ctx, chat_id, escalation_reply(ctx, ticket, dues, now, reason), ticket, None, None)


async def _send_digest(ctx: SweepContext, chat_id: int, items: list[tuple[Ticket, Due]], now: datetime) -> None:
    reply = digest_reply(ctx, items, now)
    # A group upgraded to a supergroup is followed by the sender itself (bot.channels.telegram.sender).
    await ctx.sender.send(chat_id, reply, priority=_priority([t for t, _due in items]))


def _late_line(ctx: SweepContext, due: Due, now: datetime) -> str:
    _ = ctx._
    assert due.due_at is not None
    late = span(now - due.due_at, _)
    if due.deadline is Deadline.RESPONSE:
        return _("No first response: overdue by {time}.", time=late)
    return _("Not resolved: overdue by {time}.", time=late)


def _due_fields(ctx: SweepContext, dues: Sequence[Due]) -> list[tuple[str, str]]:
    _ = ctx._
    return [
        (_("Response due") if due.deadline is Deadline.RESPONSE else _("Due"), local_time(ctx.estate, due.due_at, _))
        for due in dues
        if due.due_at is not None
    ]


def reminder_reply(ctx: SweepContext, ticket: Ticket, dues: Sequence[Due], now: datetime) -> Reply:
    _ = ctx._
    lines = []
    for due in dues:
        assert due.due_at is not None
        left = span(due.due_at - now, _)
        at = local_time(ctx.estate, due.due_at, _)
        if due.deadline is Deadline.RESPONSE:
            lines.append(_("First response due in {time} ({at}).", time=left, at=at))
        else:
            lines.append(_("Resolution due in {time} ({at}).", time=left, at=at))
    fields = ticket_facts(ctx.estate, ticket, now, _)
    return Reply(text="\n".join(lines), title=_("⏰ Reminder: {number}", number=ticket.number), fields=tuple(fields))


def escalation_reply(ctx: SweepContext, ticket: Ticket, dues: Sequence[Due], now: datetime, reason: str = "") -> Reply:
    """To the managers: what is overdue on one ticket (its response and resolution together), and its facts."""
    _ = ctx._
    fields = ticket_facts(ctx.estate, ticket, now, _)
    if all(due.due_at is None for due in dues):
        text = _("Escalated: {reason}", reason=reason or "-")
        title = _("🔺 Escalation: {number}", number=ticket.number)
    else:
        text = "\n".join(_late_line(ctx, due, now) for due in dues)
        level = max(due.level for due in dues)
        title = _("🔺 Escalation (level {level}): {number}", level=level, number=ticket.number)
        fields.extend(_due_fields(ctx, dues))
    return Reply(text=text, title=title, fields=tuple(fields))


def overdue_reply(ctx: SweepContext, ticket: Ticket, dues: Sequence[Due], now: datetime) -> Reply:
    """To the ticket's own group: it is overdue, and the managers know."""
    _ = ctx._
    lines = [_late_line(ctx, due, now) for due in dues]
    lines.append(_("Escalated to the managers (level {level}).", level=max(due.level for due in dues)))
    return Reply(text="\n".join(lines), title=_("🔺 Overdue: {number}", number=ticket.number))


def digest_reply(ctx: SweepContext, items: list[tuple[Ticket, Due]], now: datetime) -> Reply:
    """Many reminders or escalations at once, one line each (a sweep sends one kind per digest)."""
    _ = ctx._
    lines = [_digest_line(ctx, ticket, due, now) for ticket, due in items]
    if all(due.level == 0 for _t, due in items):
        title = _("⏰ {count} tickets near their deadlines", count=len(items))
    else:
        title = _("🔺 {count} tickets past their deadlines", count=len(items))
    return Reply(text="\n".join(lines), title=title)


def _digest_line(ctx: SweepContext, ticket: Ticket, due: Due, now: datetime) -> str:
    _ = ctx._
    estate = ctx.estate
    assert due.due_at is not None  # manual escalations are never batched
    when = span(due.due_at - now, _)
    if due.level == 0:
        if due.deadline is Deadline.RESPONSE:
            state = _("first response due in {time}", time=when)
        else:
            state = _("resolution due in {time}", time=when)
        head = f"⏰ {ticket.number}"
    else:
        if due.deadline is Deadline.RESPONSE:
            state = _("no first response, overdue by {time}", time=when)
        else:
            state = _("not resolved, overdue by {time}", time=when)
        head = f"🔺 {ticket.number} ({due.level})"
    icon = "🚨 " if ticket.urgency is Urgency.EMERGENCY else ""
    parts = [
        icon + head,
        category_label(_, ticket.kind, ticket.category),
        shorten(ticket.place or "-", 40),
        department_name(estate, ticket.department),
        staff_name(estate, ticket.assignee),
        state,
    ]
    return " · ".join(parts)
