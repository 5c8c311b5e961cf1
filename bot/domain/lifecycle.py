"""A ticket's lifecycle: which action is allowed in which status, and what it changes.

The event log is the truth; :func:`apply` folds one event into the ticket's state, and a backend
stores the folded state beside the log so queues can be queried. See ``lifecycle.mmd``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.domain.tickets import TicketEvent, TicketStatus


class Action(StrEnum):
    CREATED = "created"
    CLAIMED = "claimed"  # detail: by (user id)
    ASSIGNED = "assigned"  # detail: to, by
    STARTED = "started"  # detail: by
    NEED_INFO = "need_info"  # detail: question, by
    INFO_RECEIVED = "info_received"  # detail: text
    TRANSFERRED = "transferred"  # detail: from, to, by
    RESOLVED = "resolved"  # detail: note, photos, by
    REOPENED = "reopened"  # detail: reason, by
    MERGED = "merged"  # detail: into, by
    CLOSED = "closed"
    CANCELLED = "cancelled"
    NOTE = "note"  # internal, detail: text, by
    RELAYED_OUT = "relayed_out"  # staff → resident, detail: text, by
    RELAYED_IN = "relayed_in"  # resident → staff, detail: text
    NUDGED = "nudged"  # the resident chased the ticket (催單)
    REMINDED = "reminded"  # detail: deadline ("response" | "resolution")
    ESCALATED = "escalated"  # detail: deadline, level
    INCIDENT = "incident"  # detail: incident (number), linked by
    CARD_POSTED = "card_posted"  # detail: chat_id, message_id
    STATUS = "status"  # a plain status change (imports, older data): detail: status


class InvalidTransition(ValueError):
    """The action is not allowed in the ticket's current status; the message says why."""


S = TicketStatus
OPEN = frozenset(s for s in TicketStatus if s.is_open)

# action -> statuses it is allowed from (None = any).
ALLOWED: dict[Action, frozenset[TicketStatus] | None] = {
    Action.CLAIMED: frozenset({S.NEW, S.NEED_INFO}),
    Action.ASSIGNED: OPEN,
    Action.STARTED: frozenset({S.NEW, S.ASSIGNED, S.NEED_INFO}),
    Action.NEED_INFO: frozenset({S.NEW, S.ASSIGNED, S.IN_PROGRESS}),
    Action.INFO_RECEIVED: frozenset({S.NEED_INFO}),
    Action.TRANSFERRED: OPEN,
    Action.RESOLVED: OPEN,
    Action.REOPENED: frozenset({S.RESOLVED}),
    Action.MERGED: OPEN,
    Action.CLOSED: frozenset({S.RESOLVED}),
    Action.CANCELLED: OPEN,
}
# Staff actions that count as the desk's first response to the resident.
RESPONSES = frozenset(
    {Action.CLAIMED, Action.ASSIGNED, Action.STARTED, Action.NEED_INFO, Action.RELAYED_OUT, Action.RESOLVED}
)


@dataclass(frozen=True)
class TicketState:
    """What the log says about a ticket now."""

    status: TicketStatus = TicketStatus.NEW
    department: str = ""
    assignee: int | None = None
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    merged_into: str | None = None
    incident: str | None = None
    reopen_count: int = 0
    resolution_note: str = ""


def apply(state: TicketState, event: TicketEvent) -> TicketState:
    """The state after ``event``; raises :class:`InvalidTransition` for an action not allowed now."""
    try:
        action = Action(event.action)
    except ValueError:
        # An action this version does not know changes nothing it tracks, except a stated status.
        if "status" in event.detail:
            return replace(state, status=S(event.detail["status"]))
        return state
    allowed = ALLOWED.get(action)
    if allowed is not None and state.status not in allowed:
        raise InvalidTransition(f"{action.value} is not possible while the ticket is {state.status.value}")
    d: dict[str, Any] = event.detail
    s = state
    if action in RESPONSES and s.first_response_at is None:
        s = replace(s, first_response_at=event.at)
    if action is Action.CREATED:
        s = replace(s, status=S(d.get("status", S.NEW)), department=d.get("department", s.department))
    elif action is Action.CLAIMED:
        s = replace(s, status=S.ASSIGNED, assignee=int(d["by"]))
    elif action is Action.ASSIGNED:
        status = s.status if s.status in (S.IN_PROGRESS, S.NEED_INFO) else S.ASSIGNED
        s = replace(s, status=status, assignee=int(d["to"]))
    elif action is Action.STARTED:
        s = replace(s, status=S.IN_PROGRESS, assignee=s.assignee or int(d["by"]))
    elif action is Action.NEED_INFO:
        s = replace(s, status=S.NEED_INFO)
    elif action is Action.INFO_RECEIVED:
        s = replace(s, status=S.IN_PROGRESS if s.assignee else S.NEW)
    elif action is Action.TRANSFERRED:
        s = replace(s, status=S.NEW, department=str(d["to"]), assignee=None)
    elif action is Action.RESOLVED:
        s = replace(s, status=S.RESOLVED, resolved_at=event.at, resolution_note=str(d.get("note", "")))
    elif action is Action.REOPENED:
        s = replace(
            s,
            status=S.ASSIGNED if s.assignee else S.NEW,
            resolved_at=None,
            reopen_count=s.reopen_count + 1,
        )
    elif action is Action.MERGED:
        s = replace(s, status=S.CLOSED, merged_into=str(d["into"]))
    elif action is Action.CLOSED:
        s = replace(s, status=S.CLOSED)
    elif action is Action.CANCELLED:
        s = replace(s, status=S.CANCELLED)
    elif action is Action.INCIDENT:
        s = replace(s, incident=str(d["incident"]))
    elif action is Action.STATUS:
        s = replace(s, status=S(d["status"]))
    return s


def replay(events: list[TicketEvent] | tuple[TicketEvent, ...]) -> TicketState:
    state = TicketState()
    for event in events:
        state = apply(state, event)
    return state
