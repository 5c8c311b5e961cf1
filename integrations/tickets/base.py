"""The ticket backend protocol. The built-in SQL backend implements it; so would a helpdesk adapter."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, runtime_checkable

from bot.domain.tickets import NewTicket, Ticket, TicketEvent


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

    async def list_for_resident(self, resident_id: int, *, open_only: bool = True) -> list[Ticket]:
        """The resident's tickets, newest first."""
        ...

    async def append_event(self, number: str, event: TicketEvent) -> Ticket:
        """Append to the ticket's log (never rewritten) and return the ticket as it now stands."""
        ...

    async def set_card(self, number: str, chat_id: int, message_id: int) -> None:
        """Remember where the ticket's staff card was posted."""
        ...

    async def without_card(self, created_before: datetime, limit: int = 100) -> list[Ticket]:
        """Tickets whose staff card was never posted (the poster retries these)."""
        ...

    async def close(self) -> None: ...
