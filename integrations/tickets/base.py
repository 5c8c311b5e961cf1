"""The ticket backend protocol. The built-in SQL backend implements it; so would a helpdesk adapter."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Protocol, runtime_checkable

from bot.domain.tickets import Incident, NewTicket, Ticket, TicketEvent, TicketKind, TicketStatus


@runtime_checkable
class TicketBackend(Protocol):
    """Stores tickets. Every method raises :class:`bot.errors.BackendUnavailable` when the store is down."""

    async def create(self, new: NewTicket) -> Ticket:
        """Store a new ticket with a fresh public number and a ``created`` event.

        Idempotent: a second call with the same ``idempotency_key`` returns the ticket the first
        call stored, unchanged, so a redelivered update never makes a second ticket.
        """
        ...

    async def get(self, number: str) -> Ticket | None:
        """The ticket with this public number (``R-000123``), with its events, or None."""
        ...

    async def get_by_id(self, ticket_id: int) -> Ticket | None:
        """The ticket with this internal id (used in button data), or None."""
        ...

    async def merged_into(self, number: str) -> list[Ticket]:
        """Tickets merged into ``number``."""
        ...

    async def list_for_resident(
        self, resident_id: int, *, open_only: bool = True, statuses: Collection[TicketStatus] | None = None
    ) -> list[Ticket]:
        """The resident's tickets, newest first; only those in ``statuses`` when given (narrowed in the query)."""
        ...

    async def append_event(self, number: str, event: TicketEvent, *, expected_version: int | None = None) -> Ticket:
        """Append to the ticket's log (never rewritten), fold it into the ticket's state with
        :func:`bot.domain.lifecycle.apply`, and return the ticket as it now stands.

        With ``expected_version`` the append happens only if nothing was appended since the caller
        read the ticket; otherwise :class:`bot.errors.Conflict`. A transition the lifecycle does not
        allow raises :class:`bot.domain.lifecycle.InvalidTransition`. Neither writes anything.
        """
        ...

    async def link_message(self, chat_id: int, message_id: int, number: str) -> None:
        """Remember that a chat message (a card, a relay, a notice) is about this ticket."""
        ...

    async def by_message(self, chat_id: int, message_id: int) -> Ticket | None: ...

    async def by_topic(self, chat_id: int, topic_id: int) -> Ticket | None:
        """The ticket whose forum topic ``topic_id`` is, in the group ``chat_id``."""
        ...

    async def open_tickets(
        self, *, department: str | None = None, assignee: int | None = None, limit: int = 200, with_events: bool = True
    ) -> list[Ticket]:
        """Open tickets, due soonest first. ``with_events=False`` leaves out photos and the log (for scans)."""
        ...

    async def similar_open(
        self,
        *,
        kind: TicketKind,
        category: str,
        since: datetime,
        unit_id: int | None = None,
        building: str | None = None,
    ) -> list[Ticket]:
        """Open tickets of the same kind and category since ``since``: same unit; or, with ``building``,
        every common-area ticket (the caller matches the building in the free-text place)."""
        ...

    async def similar_and_incidents(
        self,
        *,
        kind: TicketKind,
        category: str,
        since: datetime,
        unit_id: int | None = None,
        building: str | None = None,
    ) -> tuple[list[Ticket], list[Incident]]:
        """:meth:`similar_open` and :meth:`open_incidents` together, as a new report needs both."""
        ...

    async def set_topic(self, number: str, topic_id: int) -> None: ...

    async def open_incident(
        self, *, title: str, department: str, at: datetime, building: str = "", category: str = ""
    ) -> Incident: ...

    async def incident(self, number: str) -> Incident | None: ...

    async def open_incidents(self) -> list[Incident]: ...

    async def in_incident(self, incident: str) -> list[Ticket]: ...

    async def resolve_incident(self, number: str, at: datetime) -> bool:
        """Mark resolved; False when it already was, so its tickets are resolved once."""
        ...

    async def set_card(self, number: str, chat_id: int, message_id: int) -> None:
        """Remember where the ticket's staff card was posted."""
        ...

    async def record_card(self, number: str, chat_id: int, message_id: int, at: datetime) -> None:
        """The card was posted: remember where, link the message to the ticket, log ``card_posted``."""
        ...

    async def clear_card(self, number: str) -> None:
        """Forget where the card (and topic) was, so the card sweep posts a new one (after a transfer)."""
        ...

    async def without_card(self, created_before: datetime, limit: int = 100) -> list[Ticket]:
        """Tickets whose staff card was never posted (the poster retries these)."""
        ...

    async def close(self) -> None: ...
