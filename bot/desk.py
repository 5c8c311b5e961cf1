"""The desk's intake: a confirmed report becomes a stored, routed ticket, and its card reaches staff.

The ticket is committed before anyone is told of it. The staff card is posted afterwards; if that
fails, :meth:`Desk.post_missing_cards` (run periodically) posts it later, so no ticket is left
unseen. Posting is claimed per ticket, so two workers never post one card twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot import sla
from bot.config import EstateConfig
from bot.domain.residents import mask_phone
from bot.domain.text import shorten
from bot.domain.tickets import NewTicket, Report, Ticket, TicketEvent, Urgency
from bot.errors import BackendUnavailable
from bot.i18n import Translator
from bot.messaging import ChatUnreachable, MessageSender
from dialogs.labels import KIND_LABELS, STATUS_LABELS, URGENCY_LABELS, category_label
from dialogs.replies import Reply
from integrations.registry import ResidentRegistry
from integrations.state import Claim, StateStore
from integrations.tickets import TicketBackend

log = logging.getLogger(__name__)

CARD_DESCRIPTION_LIMIT = 1500


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
    async def card(self, ticket: Ticket) -> Reply:
        """The plain staff card: the ticket's facts, masked resident phone."""
        _ = self._
        resident = await self.registry.get(ticket.resident_id) if ticket.resident_id else None
        who = "-"
        if resident is not None:
            who = f"{resident.name} ({mask_phone(resident.phone)})"
        elif ticket.contact_phone:
            who = mask_phone(ticket.contact_phone)
        zone = ZoneInfo(self.estate.timezone)
        fields = [
            (_("Kind"), f"{_(KIND_LABELS[ticket.kind])} · {category_label(_, ticket.kind, ticket.category)}"),
            (_("Urgency"), _(URGENCY_LABELS[ticket.urgency])),
            (_("Place"), ticket.place or "-"),
            (_("Resident"), who),
            (_("Description"), shorten(ticket.description, CARD_DESCRIPTION_LIMIT) or "-"),
            (_("Received"), ticket.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")),
        ]
        if ticket.sla_due_at:
            fields.append((_("Due"), ticket.sla_due_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")))
        if ticket.attachments:
            fields.append((_("Photos"), str(len(ticket.attachments))))
        fields.append((_("Status"), _(STATUS_LABELS[ticket.status])))
        icon = "🚨 " if ticket.urgency is Urgency.EMERGENCY else ""
        return Reply(text="", title=f"{icon}{ticket.number}", fields=tuple(fields), photos=ticket.attachments)

    async def post_card(self, ticket: Ticket) -> bool:
        """Post the ticket's card to its department's group once. True when the card is (now) posted."""
        if ticket.card_message_id is not None:
            return True
        if self.sender is None:
            return False
        department = self.estate.routing.departments.get(ticket.department)
        chat_id = department.chat_id if department else None
        if chat_id is None:
            fallback = self.estate.routing.departments[self.estate.routing.fallback]
            chat_id = fallback.chat_id
        if chat_id is None:
            log.error("no staff chat for ticket %s (department %s)", ticket.number, ticket.department)
            return False
        key = f"card:{ticket.number}"
        if await self.store.claim(key) is not Claim.NEW:
            return False
        try:
            message_id = await self.sender.send(chat_id, await self.card(ticket))
            await self.tickets.set_card(ticket.number, chat_id, message_id)
            await self.tickets.append_event(
                ticket.number,
                TicketEvent(self.clock(), "system", "card_posted", {"chat_id": chat_id, "message_id": message_id}),
            )
        except ChatUnreachable:
            await self.store.release(key)
            log.error("staff chat %s refuses messages; ticket %s waits for its card", chat_id, ticket.number)
            return False
        except (BackendUnavailable, OSError) as exc:
            await self.store.release(key)
            log.warning("card for %s not posted yet: %s", ticket.number, exc)
            return False
        await self.store.finish(key)
        return True

    async def post_missing_cards(self, grace: timedelta = timedelta(seconds=20)) -> int:
        """Post cards that were never posted (a crash or an outage between storing and posting)."""
        posted = 0
        for ticket in await self.tickets.without_card(self.clock() - grace):
            if await self.post_card(ticket):
                posted += 1
        return posted
