"""A resident talking about an existing ticket: replies, answers to the desk's questions, reopen, nudge.

Replying to any message about a ticket, answering while the desk waits for information, or
pressing "Message" under /mytickets sends the text (and photos) to the ticket's thread in the staff
group. "Not fixed" reopens a resolved ticket within the configured days; "Nudge" chases an
overdue one (催單).
"""

from __future__ import annotations

from bot.domain.callback_data import resident_data
from bot.domain.text import MAX_RELAY, clean_text
from bot.domain.tickets import Ticket, TicketStatus
from dialogs.engine import Turn
from dialogs.events import EventKind
from dialogs.replies import Choice


def _chat_id(turn: Turn) -> int:
    return int(turn.event.chat.split(":", 1)[1])


def _mine(turn: Turn, ticket: Ticket | None) -> bool:
    return ticket is not None and turn.resident is not None and ticket.resident_id == turn.resident.id


async def relay(turn: Turn, ticket: Ticket) -> None:
    _ = turn._
    ev = turn.event
    actions = turn.services.ticket_actions
    if actions is None or turn.resident is None:
        return
    if not ticket.is_open and ticket.status is not TicketStatus.RESOLVED:
        turn.say(_("{number} is closed. For anything new, use the menu.", number=ticket.number))
        return
    text = turn.keep_within(clean_text(ev.text), MAX_RELAY)
    photos = (ev.photo,) if ev.kind is EventKind.PHOTO and ev.photo else ()
    await actions.relay_from_resident(ticket, turn.resident.id, text, photos)
    turn.say(_("Sent to the staff handling {number}.", number=ticket.number))


async def about_a_ticket(turn: Turn) -> bool:
    """Handle text or a photo that is about an existing ticket. True when it was."""
    ev = turn.event
    if turn.resident is None or ev.kind not in (EventKind.TEXT, EventKind.PHOTO):
        return False
    tickets = turn.services.tickets
    if ev.reply_to is not None:
        ticket = await tickets.by_message(_chat_id(turn), ev.reply_to)
        if _mine(turn, ticket):
            assert ticket is not None
            await relay(turn, ticket)
            return True
    if turn.flow is None:
        # Narrowed in the query: a resident's open tickets are not all loaded (with their logs) for every text.
        waiting = await tickets.list_for_resident(turn.resident.id, statuses=(TicketStatus.NEED_INFO,))
        if waiting:
            await relay(turn, waiting[0])
            return True
    return False


async def on_ticket_button(turn: Turn, ticket_id: int, action: str) -> None:
    _ = turn._
    ticket = await turn.services.tickets.get_by_id(ticket_id)
    actions = turn.services.ticket_actions
    if not _mine(turn, ticket) or actions is None or turn.resident is None:
        turn.notify(_("This button has expired."))
        return
    assert ticket is not None
    if action == "reopen":
        outcome = await actions.resident_reopen(ticket, turn.resident.id)
        if outcome == "reopened":
            turn.say(_("{number} is reopened; the staff have been told it is not fixed.", number=ticket.number))
        else:
            turn.notify(
                _("{number} can no longer be reopened here; please report it again.", number=ticket.number), alert=True
            )
        return
    if action == "nudge":
        outcome = await actions.resident_nudge(ticket, turn.resident.id)
        if outcome == "nudged":
            turn.say(_("We have chased {number} with the staff handling it.", number=ticket.number))
        elif outcome == "cooldown":
            turn.notify(_("Already chased recently; the staff have been reminded."), alert=True)
        else:
            turn.notify(_("{number} is not open any more.", number=ticket.number), alert=True)
        return
    if action == "msg":
        turn.start_flow("relay", "text", {"ticket": ticket.id})
        turn.say(_("Write your message about {number}; I will pass it to the staff.", number=ticket.number))
        return
    turn.notify(_("This button has expired."))


async def on_relay_text(turn: Turn) -> None:
    """The "relay" flow: the next text or photo goes to the ticket chosen under /mytickets."""
    ev = turn.event
    ticket = await turn.services.tickets.get_by_id(int(turn.form.get("ticket", 0)))
    if ev.kind not in (EventKind.TEXT, EventKind.PHOTO) or not _mine(turn, ticket):
        turn.end_flow()
        turn.say(turn._("Cancelled. Nothing was sent."))
        return
    assert ticket is not None
    turn.end_flow()
    await relay(turn, ticket)


def ticket_buttons(turn: Turn, tickets: list[Ticket]) -> list[list[Choice]]:
    """Buttons under /mytickets: message the staff about a ticket, nudge an overdue one."""
    _ = turn._
    now = turn.now
    rows: list[list[Choice]] = []
    for t in tickets[:8]:
        row = [Choice(resident_data(t.id, "msg"), _("Message about {number}", number=t.number))]
        if t.sla_due_at is not None and t.sla_due_at < now:
            row.append(Choice(resident_data(t.id, "nudge"), _("Nudge {number}", number=t.number)))
        rows.append(row)
    return rows
