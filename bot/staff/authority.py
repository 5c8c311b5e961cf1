"""Who may use which staff command or button, in which chat: decided before anything is looked up.

The rules, from the estate file's departments, rosters, managers and managers' chat:

- a department's group: that department's staff, and the managers;
- the managers' chat: the managers only;
- ``/report`` and ``/audit``: managers, in the managers' chat only;
- ``/notice`` and a notice's Confirm / Cancel (``n:``): supervisors and managers;
- any other group, and private chats: nobody.

A department group that became a supergroup keeps its rights under its new id (the desk's chat
moves). A refusal is a :class:`~bot.domain.audit.Refusal`; the router answers it and records it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.config import EstateConfig
from bot.domain.audit import Place, Refusal
from bot.domain.routing import Department, StaffMember

# Commands and button prefixes for the managers' chat alone.
MANAGERS_CHAT_ONLY = frozenset({"report", "audit"})
# ...and for supervisors and managers alone (wherever staff may act).
SUPERVISORS = frozenset({"notice", "n"})
COMPOSER_ROLES = frozenset({"supervisor", "manager"})


@dataclass(frozen=True)
class Decision:
    place: Place
    here: Department | None  # the department whose group the chat is
    member: StaffMember | None  # the person, if on a roster or among the managers
    department: Department | None  # the person's department (None for a manager of the whole desk)
    refusal: Refusal | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None


class Authority:
    def __init__(self, estate: EstateConfig, moves: Mapping[int, int]) -> None:
        self.estate = estate
        self.moves = moves  # old chat id -> new (a group became a supergroup): bot.desk.Desk.chat_moves

    def _configured(self, configured: int | None, chat_id: int) -> bool:
        return configured is not None and chat_id in (configured, self.moves.get(configured))

    def place(self, chat_id: int, private: bool) -> tuple[Place, Department | None]:
        if private:
            return Place.PRIVATE, None
        for department in self.estate.routing.departments.values():
            if self._configured(department.chat_id, chat_id):
                return Place.DEPARTMENT, department
        if self._configured(self.estate.routing.managers_chat_id, chat_id):
            return Place.MANAGERS, None
        return Place.FOREIGN, None

    def member(self, user_id: int) -> tuple[Department | None, StaffMember] | None:
        for manager in self.estate.desk.managers:
            if manager.user_id == user_id:
                return None, manager
        return self.estate.routing.staff_member(user_id)

    def is_manager(self, user_id: int) -> bool:
        found = self.member(user_id)
        return found is not None and (found[0] is None or found[1].role == "manager")

    def decide(self, user_id: int, chat_id: int, private: bool, what: str) -> Decision:
        """May ``user_id`` use ``what`` (a command name, or a button's data prefix) in this chat?"""
        place, here = self.place(chat_id, private)
        found = self.member(user_id)
        department, member = found if found is not None else (None, None)

        def refused(refusal: Refusal) -> Decision:
            return Decision(place, here, member, department, refusal)

        if place in (Place.FOREIGN, Place.PRIVATE):
            return refused(Refusal.WRONG_CHAT)
        if member is None:
            return refused(Refusal.NOT_STAFF)
        manager = self.is_manager(user_id)
        if place is Place.MANAGERS and not manager:
            return refused(Refusal.WRONG_CHAT)
        if place is Place.DEPARTMENT:
            assert here is not None
            if what in MANAGERS_CHAT_ONLY or not (manager or (department is not None and department.key == here.key)):
                return refused(Refusal.WRONG_CHAT)
        if what in SUPERVISORS and not (manager or member.role in COMPOSER_ROLES):
            return refused(Refusal.ROLE)
        return Decision(place, here, member, department)
