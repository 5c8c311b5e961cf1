"""The staff card: one message per ticket in its department's group, edited in place on every change.

Buttons carry explicit, short callback data ``t:<ticket id>:<action>[:<argument>]`` (never a cache),
built and read by :mod:`bot.domain.callback_data`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.config import EstateConfig
from bot.domain.callback_data import staff_data
from bot.domain.lifecycle import Action
from bot.domain.residents import Resident, mask_phone
from bot.domain.text import shorten
from bot.domain.tickets import Ticket, TicketStatus, Urgency
from bot.i18n import Translator
from bot.nlu.units import extract_unit
from dialogs.labels import KIND_LABELS, STATUS_LABELS, URGENCY_LABELS, category_label
from dialogs.replies import Choice, Reply

# A card shows an excerpt, so its buttons stay within one screen; /ticket shows the whole text.
CARD_DESCRIPTION_LIMIT = 300
CARD_RESOLUTION_LIMIT = 300


def span(delta: timedelta, _: Translator) -> str:
    """``3h 20m``, ``2d 4h``, ``45m``: a length of time for people (the sign is dropped)."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return _("{days}d {hours}h", days=days, hours=hours)
    if hours:
        return _("{hours}h {minutes}m", hours=hours, minutes=mins)
    return _("{minutes}m", minutes=mins)


def time_left(due: datetime, now: datetime, _: Translator) -> str:
    """ "3h 20m left" or "overdue by 2d 4h"; due this minute is overdue, as :func:`bot.sla.is_breached` has it."""
    delta = due - now
    if delta > timedelta():
        return _("{time} left", time=span(delta, _))
    return _("overdue by {time}", time=span(delta, _))


def excerpt(ticket: Ticket, _: Translator) -> str:
    """The description as a card shows it: the start of a long one, and where to read the rest."""
    text = ticket.description.strip()
    if not text:
        return "-"
    if len(text) <= CARD_DESCRIPTION_LIMIT:
        return text
    return (
        shorten(text, CARD_DESCRIPTION_LIMIT)
        + "\n"
        + _("({count} characters; /ticket {number} shows it all)", count=len(text), number=ticket.number)
    )


@dataclass(frozen=True)
class CardContext:
    """What a card shows beyond the ticket: who, where the resident is, possible duplicates."""

    resident: Resident | None = None
    duplicates: tuple[Ticket, ...] = ()
    show_phone: bool = False  # the staff role allows the full number


def building_of(ticket: Ticket) -> str:
    """The building a ticket is about: its unit's, or the one its common-area place names."""
    if ticket.building:
        return ticket.building
    if ticket.unit_id is not None and "-" in ticket.place:
        return ticket.place.split("-", 1)[0]
    return extract_unit(ticket.place).building or ""


def staff_name(estate: EstateConfig, user_id: int | None) -> str:
    if user_id is None:
        return "-"
    found = estate.routing.staff_member(user_id)
    if found:
        return found[1].name
    for manager in estate.desk.managers:
        if manager.user_id == user_id:
            return manager.name
    return str(user_id)


PHONE_CHANNEL = "phone"  # Ticket.channel of what came in on the hotline (bot/channels/phone)
# A ticket's log: the desk is to call the caller back (a voicemail, an abandoned call); detail: reason,
# number, recording (the provider's URL). A staff note after it is the call-back noted.
PHONE_CALLBACK = "phone_callback"


def phone_fields(estate: EstateConfig, ticket: Ticket, ctx: CardContext, _: Translator) -> list[tuple[str, str]]:
    """The card's phone lines: "call back" (or the call-back noted) and the caller's recording."""
    at = next((i for i in range(len(ticket.events) - 1, -1, -1) if ticket.events[i].action == PHONE_CALLBACK), None)
    if at is None:
        return []
    ask = ticket.events[at].detail
    raw = str(ask.get("number") or "")
    number = "☎ " + ((raw if ctx.show_phone else mask_phone(raw)) if raw else _("number withheld"))
    reason = _("voicemail") if ask.get("reason") == "voicemail" else _("abandoned call")
    noted = [e for e in ticket.events[at + 1 :] if e.action == Action.NOTE.value and e.actor.startswith("staff:")]
    if noted:
        text = shorten(" ".join(str(noted[-1].detail.get("text", "")).split()), CARD_RESOLUTION_LIMIT)
        who = noted[-1].actor.partition(":")[2]
        fields = [(_("Called back"), f"{staff_name(estate, int(who) if who.isdigit() else None)} · {text}")]
    else:
        fields = [(_("Call back"), f"{number} · {reason}")]
    if ask.get("recording"):
        fields.append((_("Recording"), str(ask["recording"])))
    return fields


def build_card(
    estate: EstateConfig, ticket: Ticket, ctx: CardContext, now: datetime, _: Translator, *, menu: str = ""
) -> Reply:
    zone = estate.timezone
    who = "-"
    if ctx.resident is not None:
        phone = ctx.resident.phone if ctx.show_phone else mask_phone(ctx.resident.phone)
        who = f"{ctx.resident.name} ({phone})"
    elif ticket.contact_phone:
        who = ticket.contact_phone if ctx.show_phone else mask_phone(ticket.contact_phone)
    department = estate.routing.departments.get(ticket.department)
    fields: list[tuple[str, str]] = [
        (_("Kind"), f"{_(KIND_LABELS[ticket.kind])} · {category_label(_, ticket.kind, ticket.category)}"),
        (_("Urgency"), _(URGENCY_LABELS[ticket.urgency])),
        (_("Place"), ticket.place or "-"),
        (_("Resident"), who),
        (_("Description"), excerpt(ticket, _)),
        (_("Received"), f"{_.when(ticket.created_at, zone)} ({span(now - ticket.created_at, _)})"),
        (_("Department"), department.name(estate.staff_language) if department else ticket.department),
        (_("Status"), _(STATUS_LABELS[ticket.status])),
        (_("Assignee"), staff_name(estate, ticket.assignee)),
    ]
    if ticket.is_open and ticket.first_response_at is None and ticket.response_due_at is not None:
        due = ticket.response_due_at
        fields.append((_("Response due"), f"{_.when(due, zone)} · {time_left(due, now, _)}"))
    if ticket.is_open and ticket.sla_due_at is not None:
        fields.append((_("Due"), f"{_.when(ticket.sla_due_at, zone)} · {time_left(ticket.sla_due_at, now, _)}"))
    if ticket.attachments:
        fields.append((_("Photos"), str(len(ticket.attachments))))
    if ticket.incident:
        fields.append((_("Incident"), ticket.incident))
    if ticket.merged_into:
        fields.append((_("Merged into"), ticket.merged_into))
    if ticket.resolution_note:
        fields.append((_("Resolution"), shorten(ticket.resolution_note, CARD_RESOLUTION_LIMIT)))
    # Follow-up survey (bot/surveys): the resident's rating, or a phone call owed when they never answered.
    rated = next((e for e in reversed(ticket.events) if e.action == "survey_answered"), None)
    if rated is not None:
        score = _("not fixed") if rated.detail.get("not_fixed") else f"{rated.detail.get('rating')}/5"
        fields.append((_("Follow-up"), score))
    elif any(e.action == "followup_phone" for e in ticket.events):
        fields.append((_("Follow-up"), "📞 " + _("call the resident: no answer to the survey")))
    fields += phone_fields(estate, ticket, ctx, _)
    if ctx.duplicates:
        fields.append((_("Possible duplicate of"), ", ".join(t.number for t in ctx.duplicates[:5])))
    icon = "🚨 " if ticket.urgency is Urgency.EMERGENCY else ""
    if ticket.channel == PHONE_CHANNEL:
        icon += "☎ "  # came in by phone: the number (masked) is on the Resident line
    return Reply(
        text="",
        title=f"{icon}{ticket.number}",
        fields=tuple(fields),
        choices=card_buttons(estate, ticket, ctx, _, menu=menu),
        photos=ticket.attachments,
    )


def card_buttons(
    estate: EstateConfig, ticket: Ticket, ctx: CardContext, _: Translator, *, menu: str = ""
) -> tuple[tuple[Choice, ...], ...]:
    """The card's buttons for the ticket's status; ``menu`` opens a sub-menu (assign, transfer, merge)."""
    t = ticket.id
    back = Choice(staff_data(t, "back"), "‹ " + _("Back"))
    rows: list[tuple[Choice, ...]] = []
    if menu == "assign":
        department = estate.routing.departments.get(ticket.department)
        staff = [m for m in (department.staff if department else ()) if m.user_id != ticket.assignee]
        rows = [(Choice(staff_data(t, "assign", m.user_id), m.name),) for m in staff[:8]]
        return (*rows, (back,))
    if menu == "transfer":
        others = [d for k, d in estate.routing.departments.items() if k != ticket.department]
        rows = [(Choice(staff_data(t, "xfer", d.key), d.name(estate.staff_language)),) for d in others[:8]]
        return (*rows, (back,))
    if menu == "merge":
        rows = [
            (Choice(staff_data(t, "merge", d.id), _("Into {number}", number=d.number)),) for d in ctx.duplicates[:5]
        ]
        return (*rows, (back,))
    s = ticket.status
    if s is TicketStatus.NEW:
        rows.append((Choice(staff_data(t, "claim"), _("Claim")), Choice(staff_data(t, "assign"), _("Assign…"))))
    elif s is TicketStatus.ASSIGNED:
        rows.append((Choice(staff_data(t, "start"), _("Start")), Choice(staff_data(t, "assign"), _("Assign…"))))
    elif s in (TicketStatus.IN_PROGRESS, TicketStatus.NEED_INFO):
        rows.append((Choice(staff_data(t, "assign"), _("Assign…")),))
    if ticket.is_open:
        info = () if s is TicketStatus.NEED_INFO else (Choice(staff_data(t, "info"), _("Need info")),)
        rows.append((*info, Choice(staff_data(t, "xfer"), _("Transfer…"))))
        rows.append((Choice(staff_data(t, "resolve"), _("Resolve")), Choice(staff_data(t, "note"), _("Note"))))
        extra: list[Choice] = []
        if ctx.duplicates:
            extra.append(Choice(staff_data(t, "merge"), _("Merge into…")))
        if ticket.incident:
            extra.append(Choice(staff_data(t, "iresolve"), _("Resolve incident {number}", number=ticket.incident)))
        else:
            extra.append(Choice(staff_data(t, "incident"), _("Open incident")))
        rows.append(tuple(extra))
    elif s is TicketStatus.RESOLVED:
        rows.append((Choice(staff_data(t, "reopen"), _("Reopen")), Choice(staff_data(t, "note"), _("Note"))))
    return tuple(rows)
