"""The staff commands' answers: ``/queue``, ``/mine``, ``/overdue`` and ``/ticket R-000123`` as neutral replies.

Staff see their own department's tickets; managers see every department's. Each answer stays
within one Telegram message, listing the most urgent first and counting what did not fit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.config import EstateConfig
from bot.domain.residents import mask_phone
from bot.domain.routing import Department, StaffMember
from bot.domain.text import shorten
from bot.domain.tickets import Ticket, Urgency
from bot.i18n import N_, Translator
from bot.sla import Deadline, is_breached, next_deadline
from bot.staff.cards import span, time_left
from bot.staff.history import history_lines
from dialogs.labels import KIND_LABELS, STATUS_LABELS, URGENCY_LABELS, category_label
from dialogs.replies import Reply
from integrations.registry import ResidentRegistry
from integrations.tickets import TicketBackend

if TYPE_CHECKING:
    from bot.desk import Desk

# Telegram's limit is 4096 characters; keep room for the title, markup and the "… and N more" line.
MESSAGE_BUDGET = 3800
# How many open tickets a list reads before sorting; more than this in one queue is a crisis of its own.
LIST_LIMIT = 500
# /ticket shows the whole description (a card shows an excerpt); a longer resolution note is cut here.
RESOLUTION_LIMIT = 1000

# Where a command was asked: a department (or its key), or None (the managers' chat, a private chat).
DepartmentRef = Department | str | None


@dataclass(frozen=True)
class QueryContext:
    """What the staff commands read: the estate, its tickets and residents, and the time."""

    estate: EstateConfig
    tickets: TicketBackend
    registry: ResidentRegistry
    clock: Callable[[], datetime]

    @classmethod
    def from_desk(cls, desk: Desk) -> QueryContext:
        return cls(desk.estate, desk.tickets, desk.registry, desk.clock)

    @property
    def _(self) -> Translator:
        return Translator(Translator.language_of(self.estate.staff_language))


class StaffQueries:
    """The four commands bound to one desk, for the group router: ``await q.queue_reply(member, department)``."""

    def __init__(self, ctx: QueryContext) -> None:
        self.ctx = ctx

    async def queue_reply(self, member: StaffMember, department: DepartmentRef) -> Reply:
        return await queue_reply(self.ctx, member, department)

    async def mine_reply(self, member: StaffMember, department: DepartmentRef) -> Reply:
        return await mine_reply(self.ctx, member, department)

    async def overdue_reply(self, member: StaffMember, department: DepartmentRef) -> Reply:
        return await overdue_reply(self.ctx, member, department)

    async def ticket_reply(self, member: StaffMember, number: str, *, where: DepartmentRef = None) -> Reply:
        return await ticket_reply(self.ctx, member, number, where=where)


def bind(source: Desk | Any) -> StaffQueries:
    """The commands bound to ``source``: a :class:`bot.desk.Desk`, or anything with a ``desk`` (the app)."""
    desk = getattr(source, "desk", source)
    return StaffQueries(QueryContext.from_desk(desk))


class _NotAllowed(Exception):
    """The caller may not see what they asked for; the message is the polite answer."""


# -- display helpers, shared with bot.scheduler -----------------------------------------------------


def local_time(estate: EstateConfig, at: datetime, _: Translator, *, year: bool = False) -> str:
    """``at`` on the estate's clock, as the reader's language writes dates."""
    return _.when(at, estate.timezone, year=year)


def staff_name(estate: EstateConfig, user_id: int | None) -> str:
    if user_id is None:
        return "-"
    found = estate.routing.staff_member(user_id)
    if found is not None:
        return found[1].name
    for manager in estate.desk.managers:
        if manager.user_id == user_id:
            return manager.name
    return str(user_id)


def department_name(estate: EstateConfig, key: str) -> str:
    department = estate.routing.departments.get(key)
    return department.name(estate.staff_language) if department else key


def kind_text(ticket: Ticket, _: Translator) -> str:
    return f"{_(KIND_LABELS[ticket.kind])} · {category_label(_, ticket.kind, ticket.category)}"


def ticket_facts(estate: EstateConfig, ticket: Ticket, now: datetime, _: Translator) -> list[tuple[str, str]]:
    """The facts a manager needs to act on a ticket without opening it."""
    return [
        (_("Kind"), kind_text(ticket, _)),
        (_("Place"), ticket.place or "-"),
        (_("Urgency"), _(URGENCY_LABELS[ticket.urgency])),
        (_("Department"), department_name(estate, ticket.department)),
        (_("Assignee"), staff_name(estate, ticket.assignee)),
        (_("Status"), _(STATUS_LABELS[ticket.status])),
        (_("Age"), span(now - ticket.created_at, _)),
    ]


def is_manager(estate: EstateConfig, member: StaffMember) -> bool:
    return member.role == "manager" or any(m.user_id == member.user_id for m in estate.desk.managers)


def serves(estate: EstateConfig, member: StaffMember, department: str) -> bool:
    dept = estate.routing.departments.get(department)
    return dept is not None and any(s.user_id == member.user_id for s in dept.staff)


# -- the commands ------------------------------------------------------------------------------------


async def queue_reply(ctx: QueryContext, member: StaffMember, department: DepartmentRef) -> Reply:
    """``/queue``: the open tickets of ``department`` (every department for a manager asking with
    None), the most pressing deadline first."""
    _ = ctx._
    try:
        scope = _scope(ctx, member, department)
    except _NotAllowed as refusal:
        return Reply(text=str(refusal))
    tickets = _by_urgency(await ctx.tickets.open_tickets(department=scope, limit=LIST_LIMIT))
    title = _("Queue · {where}: {count} open", where=_where(ctx, scope), count=len(tickets))
    return _listing(ctx, title, tickets, empty=_("No open tickets."), show_department=scope is None)


async def mine_reply(ctx: QueryContext, member: StaffMember, department: DepartmentRef) -> Reply:
    """``/mine``: the open tickets assigned to the caller: of ``department`` when asked in its group, else all."""
    _ = ctx._
    scope = _key(department)
    tickets = _by_urgency(await ctx.tickets.open_tickets(assignee=member.user_id, department=scope, limit=LIST_LIMIT))
    title = _("My tickets: {count} open", count=len(tickets))
    show_department = any(t.department != _key(department) for t in tickets)
    return _listing(ctx, title, tickets, empty=_("Nothing is assigned to you."), show_department=show_department)


async def overdue_reply(ctx: QueryContext, member: StaffMember, department: DepartmentRef) -> Reply:
    """``/overdue``: open tickets past a deadline, in ``department`` (or everywhere for a manager)."""
    _ = ctx._
    try:
        scope = _scope(ctx, member, department)
    except _NotAllowed as refusal:
        return Reply(text=str(refusal))
    now = ctx.clock()
    open_tickets = await ctx.tickets.open_tickets(department=scope, limit=LIST_LIMIT)
    tickets = [t for t in _by_urgency(open_tickets) if is_breached(t, now)]
    title = _("Overdue · {where}: {count}", where=_where(ctx, scope), count=len(tickets))
    return _listing(ctx, title, tickets, empty=_("Nothing is overdue."), show_department=scope is None)


async def ticket_reply(ctx: QueryContext, member: StaffMember, number: str, *, where: DepartmentRef = None) -> Reply:
    """``/ticket R-000123``: one ticket in full, with its history; another department's only for managers.

    Asked in a department's group (``where``), only that department's tickets are shown there, to anyone."""
    _ = ctx._
    ticket = await ctx.tickets.get(number) if number.strip() else None
    if ticket is None:
        return Reply(text=_("No ticket {number}. Write it as /ticket R-000123.", number=number.strip() or "?"))
    if where is not None and ticket.department != _key(where):
        return Reply(
            text=_(
                "{number} belongs to {department}; ask in its group or the managers' chat.",
                number=ticket.number,
                department=department_name(ctx.estate, ticket.department),
            )
        )
    if not is_manager(ctx.estate, member) and not serves(ctx.estate, member, ticket.department):
        return Reply(
            text=_(
                "{number} belongs to {department}; only its staff and managers can see it.",
                number=ticket.number,
                department=department_name(ctx.estate, ticket.department),
            )
        )
    now = ctx.clock()
    estate = ctx.estate
    resident = await ctx.registry.get(ticket.resident_id) if ticket.resident_id else None
    who = "-"
    if resident is not None:
        who = f"{resident.name} ({mask_phone(resident.phone)})"
    elif ticket.contact_phone:
        who = mask_phone(ticket.contact_phone)
    fields = ticket_facts(estate, ticket, now, _)
    fields[1:1] = [(_("Resident"), who)]
    fields.append((_("Received"), local_time(estate, ticket.created_at, _, year=True)))
    if ticket.response_due_at is not None:
        if ticket.first_response_at is not None:
            fields.append((_("First response"), local_time(estate, ticket.first_response_at, _)))
        elif ticket.is_open:
            fields.append((_("Response due"), _due_text(ctx, ticket.response_due_at, now)))
    if ticket.sla_due_at is not None and ticket.is_open:
        fields.append((_("Due"), _due_text(ctx, ticket.sla_due_at, now)))
    if ticket.incident:
        fields.append((_("Incident"), ticket.incident))
    if ticket.merged_into:
        fields.append((_("Merged into"), ticket.merged_into))
    if ticket.resolution_note:
        fields.append((_("Resolution"), shorten(ticket.resolution_note, RESOLUTION_LIMIT)))
    fields.append((_("Description"), ticket.description or "-"))
    icon = "🚨 " if ticket.urgency is Urgency.EMERGENCY else ""
    title = f"{icon}{ticket.number}"
    used = len(title) + sum(len(k) + len(v) + 3 for k, v in fields) + len(_("History")) + 2
    history = history_lines(estate, ticket.events, _)
    # The newest events matter most: when the history is long, the oldest give way.
    newest_first, more = _fit(list(reversed(history)), MESSAGE_BUDGET - used, _, more=N_("… and {count} earlier"))
    kept = ([more] if more else []) + list(reversed(newest_first))
    text = _("History") + ":\n" + "\n".join(kept)
    return Reply(text=text, title=title, fields=tuple(fields))


# -- internals --------------------------------------------------------------------------------------


def _key(department: DepartmentRef) -> str | None:
    return department.key if isinstance(department, Department) else department


def _scope(ctx: QueryContext, member: StaffMember, where: DepartmentRef) -> str | None:
    """The department whose tickets the caller sees (None = all), or :class:`_NotAllowed`."""
    _ = ctx._
    estate = ctx.estate
    department = _key(where)
    if is_manager(estate, member):
        return department
    if department is None:
        found = estate.routing.staff_member(member.user_id)
        if found is None:
            raise _NotAllowed(_("Only the desk's staff can use this command."))
        return found[0].key
    if not serves(estate, member, department):
        raise _NotAllowed(
            _(
                "You are not on the staff of {department}; only its staff and managers can see its tickets.",
                department=department_name(estate, department),
            )
        )
    return department


def _where(ctx: QueryContext, scope: str | None) -> str:
    return ctx._("all departments") if scope is None else department_name(ctx.estate, scope)


def _by_urgency(tickets: Iterable[Ticket]) -> list[Ticket]:
    """The most pressing deadline first; emergencies before others at equal time; no deadline last."""
    far = datetime.max.replace(tzinfo=ZoneInfo("UTC"))

    def key(t: Ticket) -> tuple[datetime, int, int]:
        upcoming = next_deadline(t)
        return (upcoming[1] if upcoming else far, 0 if t.urgency is Urgency.EMERGENCY else 1, t.id)

    return sorted(tickets, key=key)


def _listing(ctx: QueryContext, title: str, tickets: list[Ticket], *, empty: str, show_department: bool) -> Reply:
    if not tickets:
        return Reply(text=empty, title=title)
    _ = ctx._
    now = ctx.clock()
    lines = [_list_line(ctx, t, now, show_department) for t in tickets]
    kept, more = _fit(lines, MESSAGE_BUDGET - len(title), _, more=N_("… and {count} more"))
    return Reply(text="\n".join([*kept, more] if more else kept), title=title)


def _list_line(ctx: QueryContext, ticket: Ticket, now: datetime, show_department: bool) -> str:
    _ = ctx._
    estate = ctx.estate
    icon = "🚨" if ticket.urgency is Urgency.EMERGENCY else ("🔴" if is_breached(ticket, now) else "•")
    parts = [
        f"{icon} {ticket.number}",
        category_label(_, ticket.kind, ticket.category),
        shorten(ticket.place or "-", 40),
        _(STATUS_LABELS[ticket.status]),
        staff_name(estate, ticket.assignee),
    ]
    if show_department:
        parts.append(department_name(estate, ticket.department))
    upcoming = next_deadline(ticket)
    if upcoming is not None:
        which, at = upcoming
        prefix = _("response") + " " if which is Deadline.RESPONSE else ""
        parts.append(prefix + time_left(at, now, _))
    return " · ".join(parts)


def _due_text(ctx: QueryContext, due: datetime, now: datetime) -> str:
    return f"{local_time(ctx.estate, due, ctx._)} · {time_left(due, now, ctx._)}"


def _fit(lines: list[str], budget: int, _: Translator, *, more: str) -> tuple[list[str], str]:
    """As many ``lines`` as fit in ``budget`` characters, and a line counting the rest ("" if none)."""
    reserve = len(_(more, count=len(lines))) + 1
    used = 0
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        if used + len(line) + 1 > budget - (0 if last else reserve):
            return lines[:i], _(more, count=len(lines) - i)
        used += len(line) + 1
    return lines, ""
