"""The desk's intake: a confirmed report becomes a stored, routed ticket, and its card reaches staff.

The ticket is committed before anyone is told of it. The staff card is posted afterwards; if that
fails, :meth:`Desk.post_missing_cards` (run periodically) posts it later, so no ticket is left
unseen. Posting is claimed per ticket, so two workers never post one card twice.

One live card per ticket, whatever fails between Telegram accepting the card and the database
saving its message id (see :meth:`Desk._keep_card`): the id is first noted in the state store
(``card-sent:<number>``), then written to the database. A database outage leaves the note, and the
next attempt adopts the message it names instead of posting again; if the state store is down too,
the card just sent is deleted, so the next attempt's card is the only one. What is left is a process
killed in the instant between Telegram's answer and the note (one Redis write): that card stays
orphaned and a second is posted; the Bot API cannot list a chat's messages to find it afterwards.

Telegram refuses an edit that changes nothing ("message is not modified"), so the desk never sends
one: the fingerprint of what a card shows is kept (``card-shown:<chat>:<message>``, and a forum
topic's name in ``card-topic:<chat>:<thread>``) and an unchanged card or topic is not edited.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot import sla
from bot.config import EstateConfig
from bot.domain.lifecycle import Action
from bot.domain.residents import Resident
from bot.domain.tickets import NewTicket, Report, Ticket, TicketEvent, TicketKind, TicketStatus, Urgency
from bot.errors import BackendUnavailable, Conflict
from bot.i18n import Translator
from bot.messaging import ChatUnreachable, MessageGone, MessageSender, Priority, fingerprint
from bot.staff.cards import CardContext, build_card, building_of
from bot.staff.history import history_lines
from dialogs.labels import STATUS_LABELS
from dialogs.replies import Reply
from integrations.registry import ResidentRegistry
from integrations.state import Claim, StateStore
from integrations.tickets import TicketBackend

log = logging.getLogger(__name__)

# Kinds whose reports may be the same matter as another: cards show possible duplicates, incidents gather them.
_WITH_DUPLICATES = (TicketKind.REPAIR, TicketKind.COMPLAINT)

HISTORY_LINES = 15  # the history a transferred ticket brings to its new group: the newest events


def card_claim_key(number: str) -> str:
    """Claimed while one worker posts the ticket's card."""
    return f"card:{number}"


def card_sent_key(number: str) -> str:
    """The card Telegram accepted and the database may not know yet: ``{chat_id, message_id, shown}``."""
    return f"card-sent:{number}"


def card_shown_key(chat_id: int, message_id: int) -> str:
    """The fingerprint of what a card message shows now."""
    return f"card-shown:{chat_id}:{message_id}"


def card_topic_key(chat_id: int, thread_id: int) -> str:
    """The name a ticket's forum topic has now."""
    return f"card-topic:{chat_id}:{thread_id}"


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
        self.corrections: Any = None  # dialogs.understanding.CorrectionSink, set by the composition root
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

    async def card(
        self, ticket: Ticket, menu: str = "", resident: Resident | None = None, similar: list[Ticket] | None = None
    ) -> Reply:
        """The staff card with its buttons: the ticket's facts, masked phone, possible duplicates.

        ``resident``, if the caller has the ticket's resident at hand, is used instead of a registry read;
        ``similar``, the open tickets :meth:`_similar_to` asks for, if the caller read them already.
        """
        if resident is None or resident.id != ticket.resident_id:
            resident = await self.registry.get(ticket.resident_id) if ticket.resident_id else None
        duplicates: tuple[Ticket, ...] = ()
        if ticket.is_open and ticket.kind in _WITH_DUPLICATES:
            if similar is None:
                similar = await self.tickets.similar_open(**self._similar_to(ticket))
            building = building_of(ticket)
            duplicates = tuple(
                t for t in similar if t.id < ticket.id and (ticket.unit_id is not None or building_of(t) == building)
            )
        ctx = CardContext(resident=resident, duplicates=duplicates)
        return build_card(self.estate, ticket, ctx, self.clock(), self._, menu=menu)

    def _similar_to(self, ticket: Ticket) -> dict[str, Any]:
        """What :meth:`TicketBackend.similar_open` is asked for the possible duplicates of ``ticket``."""
        return {
            "kind": ticket.kind,
            "category": ticket.category,
            "since": ticket.created_at - timedelta(hours=self.estate.desk.duplicate_window_hours),
            "unit_id": ticket.unit_id,
            "building": building_of(ticket),
        }

    async def on_new_ticket(self, ticket: Ticket, resident: Resident | None = None) -> None:
        """After a ticket is stored: attach it to an open incident, dispatch it, post its card.

        The open incidents and the card's possible duplicates are read together, in one query.
        """
        similar: list[Ticket] | None = None
        if ticket.kind in _WITH_DUPLICATES and ticket.incident is None:
            if ticket.is_open:
                similar, incidents = await self.tickets.similar_and_incidents(**self._similar_to(ticket))
            else:
                incidents = await self.tickets.open_incidents()
            for incident in incidents:
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
        await self.post_card(ticket, resident, similar)

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

    async def post_card(
        self, ticket: Ticket, resident: Resident | None = None, similar: list[Ticket] | None = None
    ) -> bool:
        """Post the ticket's card to its department's group once. True when the card is (now) posted.

        ``resident`` and ``similar`` as for :meth:`card`, when the caller read them already."""
        if ticket.card_message_id is not None:
            return True
        if self.sender is None:
            return False
        chat_id = self.staff_chat(ticket.department)
        if chat_id is None:
            log.error("no staff chat for ticket %s (department %s)", ticket.number, ticket.department)
            return False
        key = card_claim_key(ticket.number)
        # The claim, and the note of a card an earlier attempt sent but could not record, in one round trip.
        claim, sent = await self.store.claim_reading(key, card_sent_key(ticket.number))
        if claim is not Claim.NEW:
            return False
        # Shielded: a worker stopping (its sweep cancelled) while the card is on its way still saves
        # the id of a card Telegram accepted, rather than leave it for a second card to follow.
        return await asyncio.shield(self._post_claimed(ticket, chat_id, key, resident, similar, sent))

    async def _post_claimed(
        self,
        ticket: Ticket,
        chat_id: int,
        key: str,
        resident: Resident | None,
        similar: list[Ticket] | None,
        sent: dict[str, Any] | None,
    ) -> bool:
        assert self.sender is not None
        try:
            if sent and await self._adopt_sent_card(ticket, chat_id, sent):
                await self.store.finish(key)
                return True
            thread_id = await self._topic(ticket, chat_id)
            card = await self.card(ticket, resident=resident, similar=similar)
            if self.outbox is not None:
                digested = any(e.action == "card_digested" for e in ticket.events)
                emergency = ticket.urgency is Urgency.EMERGENCY
                delivery = await self.outbox.send(
                    chat_id,
                    card,
                    thread_id=thread_id,
                    key=key,
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
            await self._keep_card(ticket.number, chat_id, message_id, card, claim=key)
        except ChatUnreachable:
            await self._give_back(key)
            await self._staff_chat_lost(chat_id, ticket)
            return False
        except (BackendUnavailable, OSError) as exc:
            # Also when only the last step (the claim finished) failed: the card's id is in the
            # database by then, so the next attempt finds the card posted and does nothing.
            await self._give_back(key)
            log.warning("card for %s not posted yet: %s", ticket.number, exc)
            return False
        return True

    async def _give_back(self, key: str) -> None:
        # With the state store down too, the claim lapses by itself (its TTL) and the sweep retries.
        with contextlib.suppress(BackendUnavailable, OSError):
            await self.store.release(key)

    async def _keep_card(
        self, number: str, chat_id: int, message_id: int, card: Reply, *, claim: str | None = None
    ) -> None:
        """Save where a card Telegram accepted went, so exactly one card of the ticket stays live.

        First a note in the state store, then the database. If the database cannot take it, the note
        stays and the next attempt adopts that message (:meth:`_adopt_sent_card`); if neither can, the
        card is deleted again before the error goes up, so the next attempt's card is the only one.
        With ``claim`` (the card's claim), that claim is finished in the same round trip as the last notes.
        """
        shown = fingerprint(card)
        noted = True
        try:
            await self.store.save(card_sent_key(number), {"chat_id": chat_id, "message_id": message_id, "shown": shown})
        except (BackendUnavailable, OSError):
            noted = False
        try:
            await self.tickets.record_card(number, chat_id, message_id, self.clock())
        except (BackendUnavailable, OSError):
            if not noted:
                await self._withdraw(chat_id, message_id, number)
            raise
        if claim is not None:
            await self.store.finish(
                claim, save={card_shown_key(chat_id, message_id): {"shown": shown}}, clear=(card_sent_key(number),)
            )
            return
        await self._note(card_shown_key(chat_id, message_id), {"shown": shown})
        await self._forget(card_sent_key(number))

    async def _adopt_sent_card(self, ticket: Ticket, chat_id: int, note: dict[str, Any]) -> bool:
        """A card posted earlier whose id never reached the database (``note``, saved when Telegram took it):
        record it instead of posting again."""
        sent_chat, message_id = int(note["chat_id"]), int(note["message_id"])
        if sent_chat != chat_id:
            # Posted for a department the ticket has left: take it down; the new group gets its card.
            await self._withdraw(sent_chat, message_id, ticket.number)
            await self.store.clear(card_sent_key(ticket.number))
            return False
        await self.tickets.record_card(ticket.number, chat_id, message_id, self.clock())
        log.info("card of %s was posted before its id could be saved; message %s adopted", ticket.number, message_id)
        if note.get("shown"):
            await self.store.save(card_shown_key(chat_id, message_id), {"shown": note["shown"]})
        await self.store.clear(card_sent_key(ticket.number))
        adopted = await self.tickets.get(ticket.number)
        if adopted is not None:
            await self.refresh_card(adopted)  # it shows the ticket as it was when posted
        return True

    async def _withdraw(self, chat_id: int, message_id: int, number: str) -> None:
        """Delete a card whose id cannot be kept, so it does not stay behind as a second, dead card."""
        assert self.sender is not None
        try:
            await self.sender.delete(chat_id, message_id)
        except (ChatUnreachable, BackendUnavailable, OSError) as exc:
            log.error("card %s of %s could not be saved nor deleted: %s", message_id, number, exc)
            return
        log.warning("card %s of %s deleted again: its id could not be saved", message_id, number)

    async def _topic(self, ticket: Ticket, chat_id: int) -> int | None:
        if ticket.department not in self.estate.desk.forums or self.topics is None:
            return ticket.topic_id
        if self.outbox is not None and self.outbox.congested(chat_id) and ticket.urgency is not Urgency.EMERGENCY:
            return ticket.topic_id  # in a burst, cards go to the group itself rather than spend budget on topics
        if ticket.topic_id is not None:
            return ticket.topic_id
        name = self.topic_name(ticket)
        thread_id = await self.topics.ensure_topic(chat_id, name)
        if thread_id is not None:
            await self.tickets.set_topic(ticket.number, thread_id)
            await self._note(card_topic_key(chat_id, thread_id), {"name": name})
        return thread_id

    def topic_name(self, ticket: Ticket) -> str:
        return f"{ticket.number} · {self._(STATUS_LABELS[ticket.status])} · {ticket.place or '-'}"[:128]

    async def refresh_card(self, ticket: Ticket, menu: str = "") -> None:
        """Edit the card in place (unless it would not change); a card Telegram will no longer edit is posted afresh."""
        if self.sender is None or ticket.card_chat_id is None or ticket.card_message_id is None:
            return
        chat_id, message_id = ticket.card_chat_id, ticket.card_message_id
        card = await self.card(ticket, menu)
        shown_key, shown = card_shown_key(chat_id, message_id), fingerprint(card)
        try:
            if shown != await self._recall(shown_key, "shown"):
                # Noted before the edit goes out: when the outbox folds two waiting edits of the card
                # into the later one, the later note is the one that stays. A failed edit forgets it.
                await self._note(shown_key, {"shown": shown})
                try:
                    await self.sender.edit(chat_id, message_id, card)
                except BaseException:
                    await self._forget(shown_key)
                    raise
        except MessageGone:
            log.info("card of %s can no longer be edited; posting a new one", ticket.number)
            message_id = await self.sender.send(chat_id, card, thread_id=ticket.topic_id)
            await self._keep_card(ticket.number, chat_id, message_id, card)
        except ChatUnreachable:
            await self._staff_chat_lost(chat_id, ticket)
        if ticket.topic_id is not None and self.topics is not None:
            # Telegram refuses a rename to the same name too (TOPIC_NOT_MODIFIED): rename on a change only.
            name, topic_key = self.topic_name(ticket), card_topic_key(chat_id, ticket.topic_id)
            if name != await self._recall(topic_key, "name"):
                if await self.topics.rename_topic(chat_id, ticket.topic_id, name):
                    await self._note(topic_key, {"name": name})

    async def _recall(self, key: str, field: str) -> str | None:
        """What a card or topic shows now, if known (not known when the state store is down: then edit)."""
        try:
            seen = await self.store.load(key)
        except (BackendUnavailable, OSError):
            return None
        return str(seen[field]) if seen and field in seen else None

    async def _note(self, key: str, shown: dict[str, str]) -> None:
        with contextlib.suppress(BackendUnavailable, OSError):
            await self.store.save(key, shown)

    async def _forget(self, key: str) -> None:
        with contextlib.suppress(BackendUnavailable, OSError):
            await self.store.clear(key)

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
        if before.card_message_id is not None:
            # The old card was saved; a note of it left in the state store is stale, not a lost card.
            await self.store.clear(card_sent_key(after.number))
        # Forget the old card and topic so the new department gets its own.
        await self.tickets.clear_card(after.number)
        fresh = await self.tickets.get(after.number)
        if fresh is None:
            return
        await self.store.release(card_claim_key(fresh.number))
        if await self.post_card(fresh):
            posted = await self.tickets.get(fresh.number)
            history = history_lines(self.estate, fresh.events, self._)[-HISTORY_LINES:]
            if posted is not None:
                await self.tell_staff(posted, self._("History") + ":\n" + "\n".join(history))

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
