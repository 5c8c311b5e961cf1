"""Telling residents what happens to their tickets, in their language, as it happens.

Every message about a ticket is linked to it, so a resident who replies to one reaches the staff
handling that ticket. Resident buttons carry ``r:<ticket id>:<action>`` (reopen, nudge, message).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.config import EstateConfig
from bot.domain.callback_data import resident_data
from bot.domain.residents import Resident
from bot.domain.tickets import Ticket
from bot.i18n import Translator
from bot.messaging import ChatUnreachable, MessageSender
from dialogs.replies import Choice, Reply
from integrations.registry import ResidentRegistry
from integrations.tickets import TicketBackend

log = logging.getLogger(__name__)


class ResidentNews:
    def __init__(
        self,
        estate: EstateConfig,
        tickets: TicketBackend,
        registry: ResidentRegistry,
        sender_getter: Callable[[], MessageSender | None],
    ) -> None:
        self.estate = estate
        self.tickets = tickets
        self.registry = registry
        self._sender_getter = sender_getter  # a callable returning the current MessageSender
        # Tickets opened on another channel (Ticket.channel, e.g. "rasa") get their news there instead:
        # channel -> async deliver(ticket, reply in the resident's language) -> delivered.
        self.elsewhere: dict[str, Callable[[Ticket, Reply], Awaitable[bool]]] = {}
        # ... and their follow-up survey: channel -> async ask(ticket, survey id, the question) -> queued or sent.
        self.surveys_elsewhere: dict[str, Callable[[Ticket, int, Reply], Awaitable[bool]]] = {}

    @property
    def sender(self) -> MessageSender | None:
        return self._sender_getter()

    async def _resident(self, ticket: Ticket) -> Resident | None:
        if ticket.resident_id is None:
            return None
        resident = await self.registry.get(ticket.resident_id)
        if resident is None or resident.telegram_user_id is None:
            return None
        return resident

    async def tell(self, ticket: Ticket, build: Callable[[Translator], Reply], *, photos: tuple[str, ...] = ()) -> bool:
        """Send ``build(_)`` (a Reply made in the resident's language) and link it to the ticket."""
        deliver = self.elsewhere.get(ticket.channel)
        if deliver is not None:
            owner = await self.registry.get(ticket.resident_id) if ticket.resident_id is not None else None
            return owner is not None and await deliver(ticket, build(Translator(owner.language)))
        resident = await self._resident(ticket)
        sender = self.sender
        if resident is None or sender is None:
            return False
        _ = Translator(resident.language)
        reply = build(_)
        if photos:
            reply = Reply(**{**reply.__dict__, "photos": photos})
        assert resident.telegram_user_id is not None
        try:
            message_id = await sender.send(resident.telegram_user_id, reply)
        except ChatUnreachable:
            log.info("resident %s blocked the bot; %s not delivered", resident.id, ticket.number)
            return False
        await self.tickets.link_message(resident.telegram_user_id, message_id, ticket.number)
        return True

    def _eta(self, ticket: Ticket, _: Translator) -> str:
        if ticket.sla_due_at is None:
            return ""
        return _.when(ticket.sla_due_at, self.estate.timezone)

    async def assigned(self, ticket: Ticket) -> bool:
        return await self.tell(
            ticket,
            lambda _: Reply(
                _("{number}: a colleague is now handling your request.", number=ticket.number)
                + ("\n" + _("Expected by {when}.", when=self._eta(ticket, _)) if ticket.sla_due_at else ""),
            ),
        )

    async def started(self, ticket: Ticket) -> bool:
        return await self.tell(ticket, lambda _: Reply(_("{number}: work has started.", number=ticket.number)))

    async def need_info(self, ticket: Ticket, question: str) -> bool:
        return await self.tell(
            ticket,
            lambda _: Reply(
                _("Reply to this message to answer; your answer goes straight to the staff handling it."),
                title=_("{number}: the desk asks", number=ticket.number),
                fields=((self.estate.desk.name(_.language.value), question),),
            ),
        )

    async def relayed(self, ticket: Ticket, text: str, photos: tuple[str, ...], signer: str) -> bool:
        return await self.tell(
            ticket,
            lambda _: Reply(text or "", title=f"{ticket.number} · {signer or self.estate.desk.name(_.language.value)}"),
            photos=photos,
        )

    async def resolved(self, ticket: Ticket, note: str, photos: tuple[str, ...] = ()) -> bool:
        days = self.estate.desk.reopen_days

        def build(_: Translator) -> Reply:
            choices: tuple[tuple[Choice, ...], ...] = ()
            text = _("If it is not fixed, press the button below within {days} days.", days=days) if days else ""
            if days:
                choices = ((Choice(resident_data(ticket.id, "reopen"), _("Not fixed")),),)
            return Reply(
                text,
                title=_("{number} is resolved", number=ticket.number),
                fields=((_("Resolution"), note or "-"),),
                choices=choices,
            )

        return await self.tell(ticket, build, photos=photos)

    async def reopened(self, ticket: Ticket) -> bool:
        return await self.tell(
            ticket, lambda _: Reply(_("{number} has been reopened; we are on it again.", number=ticket.number))
        )

    async def transferred(self, ticket: Ticket) -> bool:
        department = self.estate.routing.departments.get(ticket.department)

        def build(_: Translator) -> Reply:
            name = department.name(_.language.value) if department else ticket.department
            return Reply(_("{number} has been passed to {department}.", number=ticket.number, department=name))

        return await self.tell(ticket, build)

    async def merged(self, ticket: Ticket, target: str) -> bool:
        return await self.tell(
            ticket,
            lambda _: Reply(
                _(
                    "{number} is the same matter as {target}, which is already being handled. "
                    "You will hear here when it is done.",
                    number=ticket.number,
                    target=target,
                )
            ),
        )

    async def nudge_received(self, ticket: Ticket) -> bool:
        return await self.tell(
            ticket,
            lambda _: Reply(_("We have chased {number} with the staff handling it.", number=ticket.number)),
        )


def within_reopen_window(ticket: Ticket, days: int, now: datetime) -> bool:
    return ticket.resolved_at is not None and now <= ticket.resolved_at + timedelta(days=days)
