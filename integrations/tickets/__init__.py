"""Ticket backends: where tickets and their event logs are kept."""

from integrations.tickets.base import TicketBackend

__all__ = ["TicketBackend"]
