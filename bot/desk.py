"""The desk's intake: a confirmed report becomes a stored, routed ticket, and its card reaches staff.

The ticket is committed before anyone is told of it. The staff card is posted afterwards; if that
fails, :meth:`Desk.post_missing_cards` (run periodically) posts it later, so no ticket is left
unseen. Posting is claimed per ticket, so two workers never post one card twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot import sla
from bot.config import EstateConfig
from bot.domain.lifecycle import Action
from bot.domain.residents import Resident
from bot.domain.tickets import NewTicket, Report, Ticket, TicketEvent, TicketKind, TicketStatus, Urgency
from bot.errors import BackendUnavailable, Conflict
from bot.i18n import Translator
from bot.messaging import ChatUnreachable, MessageGone, MessageSender, Priority
from bot.staff.cards import CardContext, build_card, building_of
from dialogs.labels import STATUS_LABELS
from dialogs.replies import Reply
from integrations.registry import ResidentRegistry
from integrations.state import Claim, StateStore
from integrations.tickets import TicketBackend

log = logging.getLogger(__name__)


class Desk:
    def __init__(
        self,
        estate: EstateConfig,
        tickets: TicketBackend,
        registry: ResidentRegistry,
        store: StateStore,
        clock: Callable[[], datetime],
        staff_language: str = "en",
    ) -> None:
        self.estate = estate
        self.tickets = tickets
        self.registry = registry
        self.store = store
        self.clock = clock
        self.sender: MessageSender | None = None  # set by the channel at start-up
        self.topics: Any = None  # forum topics (bot.channels.telegram.topics), set by the channel
        self.outbox: Any = None  # the staff groups' outbox (bot.channels.telegram.group_outbox)
        self.news: Any = None  # bot.ticket_news.ResidentNews, set by the composition root
        self.chat_moves: dict[int, int] = {}  # group chat ids migrated to supergroups: old -> new
        self._ = Translator(Translator.language_of(staff_language))

    async def submit(self, report: Report) -> Ticket:
        """Route and store a report. Idempotent on the report's key. Raises BackendUnavailable."""
        now = self.clock()
        routing = self.estate.routing
        department = routing.route_to_department(report.kind, report.category)
        response_due, resolution_due = sla.deadlines(self.estate, report.kind, report.category, report.urgency, now)
        new = NewTicket(
            idempotency_key=report.idempotency_key,
            kind=report.kind,
            category=report.category,
            urgency=report.urgency,
            resident_id=report.resident_id,
            unit_id=report.unit_id,
            place=report.place,
            building=report.building,
            description=report.description,
            department=department.key,
            channel=report.channel,
            sla_due_at=resolution_due,
            response_due_at=response_due,
            created_at=now,
            attachments=report.attachments,
            actor=f"resident:{report.resident_id}" if report.resident_id else "system",
            contact_phone=report.contact_phone,
        )
        ticket = await self.tickets.create(new)
        log.info("ticket %s stored for department %s", ticket.number, department.key)
        return ticket

    # -- staff cards ----------------------------------------------------------------------------
    def staff_chat(self, department_key: str) -> int | None:
        """The department's group chat (after any migration to a supergroup), else the fallback's."""
        routing = self.estate.routing
        department = routing.departments.get(department_key) or routing.departments[routing.fallback]
        chat_id = department.chat_id
        if chat_id is None:
            chat_id = routing.departments[routing.fallback].chat_id
        return self.chat_moves.get(chat_id, chat_id) if chat_id is not None else None

    async def card(self, ticket: Ticket, menu: str = "", resident: Resident | None = None) -> Reply:
        """The staff card with its buttons: the ticket's facts, masked phone, possible duplicates.

        ``resident``, if the caller has the ticket's resident at hand, is used instead of a registry read.
        """
        if resident is None or resident.id != ticket.resident_id:
            resident = await self.registry.get(ticket.resident_id) if ticket.resident_id else None
        duplicates: tuple[Ticket, ...] = ()
        if ticket.is_open and ticket.kind in (TicketKind.REPAIR, TicketKind.COMPLAINT):
            since = ticket.created_at - timedelta(hours=self.estate.desk.duplicate_window_hours)
            building = building_of(ticket)
            similar = await self.tickets.similar_open(
                kind=ticket.kind, category=ticket.category, since=since, unit_id=ticket.unit_id, building=building
            )
            duplicates = tuple(
                t for t in similar if t.id < ticket.id and (ticket.unit_id is not None or building_of(t) == building)
            )
        ctx = CardContext(resident=resident, duplicates=duplicates)
        return build_card(self.estate, ticket, ctx, self.clock(), self._, menu=menu)

    async def on_new_ticket(self, ticket: Ticket, resident: Resident | None = None) -> None:
        """After a ticket is stored: attach it to an open incident, dispatch it, post its card."""
        if ticket.kind in (TicketKind.REPAIR, TicketKind.COMPLAINT) and ticket.incident is None:
            for incident in await self.tickets.open_incidents():
                if (
                    incident.department == ticket.department
                    and incident.category == ticket.category
                    and (not incident.building or incident.building == building_of(ticket))
                ):
                    ticket = await self.tickets.append_event(
                        ticket.number,
                        TicketEvent(self.clock(), "system", Action.INCIDENT.value, {"incident": incident.number}),
                    )
                    break
        ticket = await self.dispatch(ticket)
        await self.post_card(ticket, resident)

    async def dispatch(self, ticket: Ticket) -> Ticket:
        """Assign per the department's dispatch mode (claim: nobody; round-robin; fixed per category)."""
        if ticket.assignee is not None or ticket.status is not TicketStatus.NEW:
            return ticket
        mode = self.estate.desk.dispatch.get(ticket.department, "claim")
        department = self.estate.routing.departments.get(ticket.department)
        target: int | None = None
        if mode == "fixed":
            target = self.estate.desk.fixed.get(ticket.department, {}).get(ticket.category)
        elif mode == "round_robin" and department is not None:
            on_duty = [m for m in department.staff if m.on_duty]
            if on_duty:
                n = await self.store.incr(f"rr:{department.key}")
                target = on_duty[(n - 1) % len(on_duty)].user_id
        if target is None:
            return ticket
        try:
            assigned = await self.tickets.append_event(
                ticket.number,
                TicketEvent(self.clock(), "system", Action.ASSIGNED.value, {"to": target, "by": f"dispatch:{mode}"}),
                expected_version=ticket.version,
            )
        except Conflict:
            return await self.tickets.get(ticket.number) or ticket
        if self.news is not None:
            await self.news.assigned(assigned)
        return assigned

    async def post_card(self, ticket: Ticket, resident: Resident | None = None) -> bool:
        """Post the ticket's card to its department's group once. True when the card is (now) posted."""
        if ticket.card_message_id is not None:
            return True
        if self.sender is None:
            return False
        chat_id = self.staff_chat(ticket.department)
        if chat_id is None:
            log.error("no staff chat for ticket %s (department %s)", ticket.number, ticket.department)
            return False
        key = f"card:{ticket.number}"
        if await self.store.claim(key) is not Claim.NEW:
            return False
        try:
            thread_id = await self._topic(ticket, chat_id)
            card = await self.card(ticket, resident=resident)
            if self.outbox is not None:
                digested = any(e.action == "card_digested" for e in ticket.events)
                emergency = ticket.urgency is Urgency.EMERGENCY
                delivery = await self.outbox.send(
                    chat_id,
                    card,
                    thread_id=thread_id,
                    key=f"card:{ticket.number}",
                    # In a burst a normal card may become a line of a digest; it is posted on its own
                    # later (low priority, never batched again) by the card sweep.
                    priority=Priority.EMERGENCY if emergency else Priority.LOW if digested else Priority.NORMAL,
                    summary=None if digested or emergency else f"{ticket.number} {ticket.category} {ticket.place}",
                )
                if delivery.digest:
                    await self.tickets.append_event(
                        ticket.number,
                        TicketEvent(
                            self.clock(),
                            "system",
                            "card_digested",
                            {"chat_id": chat_id, "message_id": delivery.message_id},
                        ),
                    )
                    await self.store.release(key)
                    return False
                message_id = delivery.message_id
            else:
                message_id = await self.sender.send(chat_id, card, thread_id=thread_id)
            await self.tickets.record_card(ticket.number, chat_id, message_id, self.clock())
        except ChatUnreachable:
            await self.store.release(key)
            await self._staff_chat_lost(chat_id, ticket)
            return False
        except (BackendUnavailable, OSError) as exc:
            await self.store.release(key)
            log.warning("card for %s not posted yet: %s", ticket.number, exc)
            return False
        await self.store.finish(key)
        return True

    async def _topic(self, ticket: Ticket, chat_id: int) -> int | None:
        if ticket.department not in self.estate.desk.forums or self.topics is None:
            return ticket.topic_id
        if self.outbox is not None and self.outbox.congested(chat_id) and ticket.urgency is not Urgency.EMERGENCY:
            return ticket.topic_id  # in a burst, cards go to the group itself rather than spend budget on topics
        if ticket.topic_id is not None:
            return ticket.topic_id
        thread_id = await self.topics.ensure_topic(chat_id, self.topic_name(ticket))
        if thread_id is not None:
            await self.tickets.set_topic(ticket.number, thread_id)
        return thread_id

    def topic_name(self, ticket: Ticket) -> str:
        return f"{ticket.number} · {self._(STATUS_LABELS[ticket.status])} · {ticket.place or '-'}"[:128]

    async def refresh_card(self, ticket: Ticket, menu: str = "") -> None:
        """Edit the card in place; a card Telegram will no longer edit is posted afresh."""
        if self.sender is None or ticket.card_chat_id is None or ticket.card_message_id is None:
            return
        try:
            await self.sender.edit(ticket.card_chat_id, ticket.card_message_id, await self.card(ticket, menu))
        except MessageGone:
            log.info("card of %s can no longer be edited; posting a new one", ticket.number)
            message_id = await self.sender.send(
                ticket.card_chat_id, await self.card(ticket, menu), thread_id=ticket.topic_id
            )
            await self.tickets.set_card(ticket.number, ticket.card_chat_id, message_id)
            await self.tickets.link_message(ticket.card_chat_id, message_id, ticket.number)
        except ChatUnreachable:
            await self._staff_chat_lost(ticket.card_chat_id, ticket)
        if ticket.topic_id is not None and self.topics is not None:
            await self.topics.rename_topic(ticket.card_chat_id, ticket.topic_id, self.topic_name(ticket))

    async def move_card(self, before: Ticket, after: Ticket) -> None:
        """A transfer: the old card says where the ticket went; the new department gets a card with the history."""
        if self.sender is None:
            return
        if before.card_chat_id is not None and before.card_message_id is not None:
            department = self.estate.routing.departments.get(after.department)
            name = department.name(self.estate.staff_language) if department else after.department
            try:
                await self.sender.edit(
                    before.card_chat_id,
                    before.card_message_id,
                    Reply(text=self._("Transferred to {department}.", department=name), title=before.number),
                )
            except (MessageGone, ChatUnreachable):
                pass
        # Forget the old card and topic so the new department gets its own.
        await self.tickets.clear_card(after.number)
        fresh = await self.tickets.get(after.number)
        if fresh is None:
            return
        await self.store.release(f"card:{fresh.number}")
        if await self.post_card(fresh):
            posted = await self.tickets.get(fresh.number)
            history = [
                f"{e.at.astimezone(ZoneInfo(self.estate.timezone)):%m-%d %H:%M} {e.actor} {e.action}"
                for e in fresh.events
            ]
            if posted is not None:
                await self.tell_staff(posted, self._("History") + ":\n" + "\n".join(history[-15:]))

    async def tell_staff(self, ticket: Ticket, text: str, photos: tuple[str, ...] = ()) -> None:
        """Post in the ticket's thread: its topic in a forum, else as a reply to its card."""
        if self.sender is None:
            return
        chat_id = ticket.card_chat_id or self.staff_chat(ticket.department)
        if chat_id is None:
            return
        reply_to = ticket.card_message_id if ticket.topic_id is None else None
        try:
            message_id = await self.sender.send(
                chat_id,
                Reply(text=text, title=ticket.number, photos=photos),
                reply_to=reply_to,
                thread_id=ticket.topic_id,
            )
        except ChatUnreachable:
            await self._staff_chat_lost(chat_id, ticket)
            return
        await self.tickets.link_message(chat_id, message_id, ticket.number)

    async def _staff_chat_lost(self, chat_id: int, ticket: Ticket | None = None) -> None:
        """The bot was removed from a staff group (or it is gone): log, and tell the managers once."""
        log.error(
            "staff chat %s refuses messages%s", chat_id, f"; {ticket.number} waits for its card" if ticket else ""
        )
        managers = self.estate.routing.managers_chat_id
        if self.sender is None or managers is None or managers == chat_id:
            return
        if await self.store.claim(f"chat-lost:{chat_id}") is not Claim.NEW:
            return
        try:
            await self.sender.send(
                managers,
                Reply(
                    self._(
                        "The bot cannot post in staff chat {chat}: it was removed or the chat is gone. "
                        "Tickets wait until it is added back; the card sweep then posts them.",
                        chat=chat_id,
                    ),
                    title="⚠️",
                ),
            )
        except ChatUnreachable:
            log.error("the managers' chat refuses messages too")

    async def post_missing_cards(self, grace: timedelta = timedelta(seconds=20)) -> int:
        """Post cards that were never posted (a crash or an outage between storing and posting)."""
        posted = 0
        for ticket in await self.tickets.without_card(self.clock() - grace):
            if await self.post_card(ticket):
                posted += 1
        return posted
