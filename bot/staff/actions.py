"""What staff (and residents, about their tickets) can do to a ticket, checked against the roster.

Each action is one event appended with the ticket's version, so two staff pressing Claim at the
same moment cannot both win: the loser re-reads the ticket and is told who has it. After each
change the card is edited in place and the resident is told, in their language.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot import sla
from bot.domain.callback_data import StaffButton, db_id
from bot.domain.lifecycle import Action, InvalidTransition
from bot.domain.routing import Department, StaffMember
from bot.domain.tickets import Ticket, TicketEvent, TicketStatus
from bot.errors import Conflict
from bot.i18n import Translator
from bot.nlu.corrections import label_for_department
from bot.staff.authority import Authority
from bot.staff.cards import building_of, staff_name
from bot.ticket_news import ResidentNews, within_reopen_window
from dialogs.understanding import Correction

log = logging.getLogger(__name__)

PROMPTED = {"info", "resolve", "note", "iresolve"}  # actions that need a text from the staff member


@dataclass(frozen=True)
class Feedback:
    """The short answer to a button press (Telegram's callback answer)."""

    text: str | None = None
    alert: bool = False
    prompt: str | None = None  # ask the staff member for a text: the prompt to show
    menu: str | None = None  # show this sub-menu on the card
    refused: bool = False  # an attempt on another department's ticket: the router records it


class StaffDesk:
    def __init__(self, desk: Any, news: ResidentNews) -> None:
        self.desk = desk  # bot.desk.Desk
        self.news = news
        self.estate = desk.estate
        self.tickets = desk.tickets
        self.store = desk.store
        self._ = Translator(Translator.language_of(desk.estate.staff_language))
        self.authority = Authority(desk.estate, desk.chat_moves)

    # -- the roster --------------------------------------------------------------------------
    def member(self, user_id: int) -> tuple[Department | None, StaffMember] | None:
        return self.authority.member(user_id)

    def is_manager(self, user_id: int) -> bool:
        return self.authority.is_manager(user_id)

    def may_act(self, user_id: int, ticket: Ticket) -> bool:
        found = self.member(user_id)
        if found is None:
            return False
        department, member = found
        return department is None or member.role == "manager" or department.key == ticket.department

    # -- buttons -----------------------------------------------------------------------------
    async def press(
        self, user_id: int, pressed: StaffButton, chat_id: int | None = None
    ) -> tuple[Ticket | None, Feedback]:
        """A card button, read by :func:`bot.domain.callback_data.parse_staff`; the caller checked the chat."""
        _ = self._
        ticket_id, action, arg = pressed.ticket_id, pressed.action, pressed.arg
        ticket = await self._by_id(ticket_id)
        if ticket is None:
            return None, Feedback(_("This button has expired."))
        if not self.may_act(user_id, ticket):
            log.warning("user %s pressed %s on %s without being on its roster", user_id, action, ticket.number)
            return ticket, Feedback(_("Only staff of this department can do that."), alert=True, refused=True)
        if action == "back":
            return ticket, Feedback(menu="")
        if action in ("assign", "xfer", "merge") and not arg:
            return ticket, Feedback(menu={"assign": "assign", "xfer": "transfer", "merge": "merge"}[action])
        if action in PROMPTED:
            prompts = {
                "info": _("Reply to this message with your question for the resident of {number}."),
                "resolve": _(
                    "Reply to this message with the resolution note for {number} (a photo with a caption is fine)."
                ),
                "note": _("Reply to this message with an internal note for {number} (staff only)."),
                "iresolve": _(
                    "Reply to this message with the resolution note for incident {incident}; "
                    "every linked ticket is resolved."
                ),
            }
            return ticket, Feedback(prompt=prompts[action].format(number=ticket.number, incident=ticket.incident or ""))
        return await self.act(ticket, user_id, action, arg, chat_id=chat_id)

    async def act(
        self,
        ticket: Ticket,
        user_id: int,
        action: str,
        arg: str = "",
        *,
        text: str = "",
        photos: tuple[str, ...] = (),
        chat_id: int | None = None,
    ) -> tuple[Ticket | None, Feedback]:
        """Apply one staff action. Re-reads and re-decides once if someone else acted first."""
        for _attempt in range(2):
            try:
                return await self._act(ticket, user_id, action, arg, text, photos, chat_id)
            except Conflict:
                fresh = await self.tickets.get(ticket.number)
                if fresh is None:
                    return None, Feedback(self._("This button has expired."))
                ticket = fresh
        return ticket, Feedback(self._("Someone else just changed this ticket; please look again."), alert=True)

    async def _learn_from_transfer(self, ticket: Ticket, department: str, actor: str, now: datetime) -> None:
        """A transfer to a department that owns one category says what the ticket really is: keep it."""
        sink = getattr(self.desk, "corrections", None)
        if sink is None or not ticket.description.strip():
            return
        label = label_for_department(self.estate.routing, ticket.kind, department)
        if label is None or (label[0].value, label[1]) == (ticket.kind.value, ticket.category):
            return
        await sink.add(
            Correction(
                text=ticket.description,
                intent=label[0],
                category=label[1],
                source="transfer",
                actor=actor,
                ticket=ticket.number,
                at=now,
            )
        )

    async def _act(
        self,
        ticket: Ticket,
        user_id: int,
        action: str,
        arg: str,
        text: str,
        photos: tuple[str, ...],
        chat_id: int | None,
    ) -> tuple[Ticket | None, Feedback]:
        _ = self._
        now = self.desk.clock()
        actor = f"staff:{user_id}"

        async def append(act: Action, **detail: Any) -> Ticket:
            if chat_id is not None:
                detail["chat"] = chat_id  # from which chat: part of who did what, when
            return await self.tickets.append_event(
                ticket.number, TicketEvent(now, actor, act.value, detail), expected_version=ticket.version
            )

        try:
            if action == "claim":
                if ticket.assignee == user_id:
                    return ticket, Feedback(_("You already have this ticket."))
                if ticket.status is not TicketStatus.NEW and ticket.assignee is not None:
                    return ticket, Feedback(
                        _("Already taken by {name}.", name=staff_name(self.estate, ticket.assignee)), alert=True
                    )
                updated = await append(Action.CLAIMED, by=user_id)
                await self.news.assigned(updated)
                return updated, Feedback(_("{number} is yours.", number=ticket.number))
            if action == "assign":
                colleague = db_id(arg)
                department = self.estate.routing.departments.get(ticket.department)
                if department is None or all(m.user_id != colleague for m in department.staff):
                    return ticket, Feedback(_("That colleague is not in this department."), alert=True)
                if ticket.assignee == colleague:
                    return ticket, Feedback(_("Already assigned to {name}.", name=staff_name(self.estate, colleague)))
                updated = await append(Action.ASSIGNED, to=colleague, by=user_id)
                await self.news.assigned(updated)
                return updated, Feedback(_("Assigned to {name}.", name=staff_name(self.estate, colleague)))
            if action == "start":
                if ticket.status is TicketStatus.IN_PROGRESS:
                    return ticket, Feedback(_("Already in progress."))
                updated = await append(Action.STARTED, by=user_id)
                await self.news.started(updated)
                return updated, Feedback(_("Started."))
            if action == "info":
                updated = await append(Action.NEED_INFO, question=text, by=user_id)
                await self.news.need_info(updated, text)
                return updated, Feedback(_("Question sent to the resident."))
            if action == "xfer":
                if arg not in self.estate.routing.departments or arg == ticket.department:
                    return ticket, Feedback(_("This button has expired."))
                updated = await append(Action.TRANSFERRED, to=arg, by=user_id, **{"from": ticket.department})
                await self._learn_from_transfer(ticket, arg, actor, now)
                await self.desk.move_card(ticket, updated)
                await self.news.transferred(updated)
                return updated, Feedback(_("Transferred."))
            if action == "resolve":
                if not ticket.is_open:
                    return ticket, Feedback(_("Already resolved."))
                updated = await append(Action.RESOLVED, note=text, photos=list(photos), by=user_id)
                await self.news.resolved(updated, text, photos)
                for merged in await self.tickets.merged_into(ticket.number):
                    await self.news.resolved(merged, text, photos)
                return updated, Feedback(_("Resolved; the resident has been told."))
            if action == "reopen":
                updated = await append(
                    Action.REOPENED, reason="staff", by=user_id, **sla.on_reopen(self.estate, ticket, now)
                )
                await self.news.reopened(updated)
                return updated, Feedback(_("Reopened."))
            if action == "note":
                updated = await append(Action.NOTE, text=text, by=user_id)
                return updated, Feedback(_("Note kept (staff only)."))
            if action == "merge":
                merge_id = db_id(arg)
                target = await self._by_id(merge_id) if merge_id is not None else None
                if target is None or not target.is_open or target.number == ticket.number:
                    return ticket, Feedback(_("That ticket can no longer be merged into."), alert=True)
                updated = await append(Action.MERGED, into=target.number, by=user_id)
                await self.news.merged(updated, target.number)
                return updated, Feedback(_("Merged into {number}.", number=target.number))
            if action == "incident":
                building = self._building(ticket)
                incident = await self.tickets.open_incident(
                    title=f"{ticket.category} {building or ticket.place}".strip(),
                    department=ticket.department,
                    at=now,
                    building=building,
                    category=ticket.category,
                )
                updated = await append(Action.INCIDENT, incident=incident.number, by=user_id)
                return updated, Feedback(
                    _("Incident {number} opened; later reports like this attach to it.", number=incident.number)
                )
            if action == "iresolve":
                return await self.resolve_incident(ticket.incident or "", user_id, text, photos), Feedback(
                    _("Incident resolved; every linked resident has been told.")
                )
        except InvalidTransition:
            return ticket, Feedback(
                _("Not possible while the ticket is {status}.", status=ticket.status.value), alert=True
            )
        return ticket, Feedback(_("This button has expired."))

    async def resolve_incident(
        self, number: str, user_id: int, note: str, photos: tuple[str, ...] = ()
    ) -> Ticket | None:
        """Resolve the incident and every open ticket linked to it; each resident hears once."""
        now = self.desk.clock()
        first = await self.tickets.resolve_incident(number, now)
        last: Ticket | None = None
        told: set[int | None] = set()  # one message per resident, however many of their reports it covers
        for ticket in await self.tickets.in_incident(number):
            if not ticket.is_open:
                continue
            try:
                last = await self.tickets.append_event(
                    ticket.number,
                    TicketEvent(now, f"staff:{user_id}", Action.RESOLVED.value, {"note": note, "incident": number}),
                    expected_version=ticket.version,
                )
            except (Conflict, InvalidTransition):
                continue  # resolved meanwhile by someone else: its resident was told then
            for covered in (last, *await self.tickets.merged_into(last.number)):
                if covered.resident_id not in told:
                    told.add(covered.resident_id)
                    await self.news.resolved(covered, note, photos)
            await self.desk.refresh_card(last)
        if not first:
            log.info("incident %s was already resolved", number)
        return last

    # -- residents acting on their tickets ---------------------------------------------------
    async def resident_reopen(self, ticket: Ticket, resident_id: int) -> str:
        _ = self._
        now = self.desk.clock()
        if ticket.resident_id != resident_id:
            return "not_yours"
        if ticket.status is not TicketStatus.RESOLVED or not within_reopen_window(
            ticket, self.estate.desk.reopen_days, now
        ):
            return "too_late"
        try:
            updated = await self.tickets.append_event(
                ticket.number,
                TicketEvent(
                    now,
                    f"resident:{resident_id}",
                    Action.REOPENED.value,
                    {"reason": "not fixed", **sla.on_reopen(self.estate, ticket, now)},
                ),
                expected_version=ticket.version,
            )
        except (Conflict, InvalidTransition):
            return "too_late"
        await self.desk.refresh_card(updated)
        await self.desk.tell_staff(updated, _("{number} reopened by the resident: not fixed.", number=ticket.number))
        return "reopened"

    async def resident_nudge(self, ticket: Ticket, resident_id: int) -> str:
        """催單: ping the assignee; a second nudge while still overdue pings the supervisor too."""
        _ = self._
        now = self.desk.clock()
        if ticket.resident_id != resident_id or not ticket.is_open:
            return "not_open"
        cooldown = timedelta(hours=self.estate.desk.nudge_cooldown_hours)
        nudges = [e for e in ticket.events if e.action == Action.NUDGED.value]
        if nudges and now - nudges[-1].at < cooldown:
            return "cooldown"
        updated = await self.tickets.append_event(
            ticket.number, TicketEvent(now, f"resident:{resident_id}", Action.NUDGED.value, {"count": len(nudges) + 1})
        )
        who = staff_name(self.estate, ticket.assignee) if ticket.assignee else _("the department")
        text = _(
            "The resident is chasing {number} (nudge {count}); {who}, please update them.",
            number=ticket.number,
            count=len(nudges) + 1,
            who=who,
        )
        department = self.estate.routing.departments.get(ticket.department)
        if nudges and department is not None:
            supervisors = [m.name for m in department.staff if m.role == "supervisor"]
            if supervisors:
                text += " " + _("Supervisor: {names}.", names=", ".join(supervisors))
        await self.desk.tell_staff(updated, text)
        return "nudged"

    async def relay_from_resident(self, ticket: Ticket, resident_id: int, text: str, photos: tuple[str, ...]) -> None:
        """A resident's message about a ticket lands in its thread in the group."""
        now = self.desk.clock()
        action = Action.INFO_RECEIVED if ticket.status is TicketStatus.NEED_INFO else Action.RELAYED_IN
        updated = await self.tickets.append_event(
            ticket.number,
            TicketEvent(now, f"resident:{resident_id}", action.value, {"text": text, "photos": list(photos)}),
        )
        await self.desk.tell_staff(updated, "💬 " + self._("Resident: {text}", text=text or "📷"), photos=photos)
        if action is Action.INFO_RECEIVED:
            await self.desk.refresh_card(updated)

    async def relay_to_resident(self, ticket: Ticket, user_id: int, text: str, photos: tuple[str, ...]) -> bool:
        """A staff member's reply goes to the resident as the desk (names hidden unless configured)."""
        now = self.desk.clock()
        signer = ""
        if self.estate.desk.show_staff_names:
            signer = f"{self.estate.desk.name(self.estate.staff_language)} ({staff_name(self.estate, user_id)})"
        delivered = await self.news.relayed(ticket, text, photos, signer)
        await self.tickets.append_event(
            ticket.number,
            TicketEvent(
                now,
                f"staff:{user_id}",
                Action.RELAYED_OUT.value,
                {"text": text, "photos": list(photos), "delivered": delivered},
            ),
        )
        return delivered

    # -- helpers -------------------------------------------------------------------------------
    async def _by_id(self, ticket_id: int) -> Ticket | None:
        return await self.tickets.get_by_id(ticket_id)

    def _building(self, ticket: Ticket) -> str:
        return building_of(ticket)
