"""What must survive a restart of Redis, kept in the database instead.

The state store (Redis) may be restarted empty: a managed Redis without persistence, a failover,
a ``FLUSHALL``. Dialog state may then be lost, but the desk must notice it; group migrations and
questions put to staff must not be lost at all (a card posted to a dead chat id, a staff answer
taken for a chat message). They change rarely, so a database row each costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class StaffPrompt:
    """The bot asked a staff member for text (need info, resolution note) and awaits their reply."""

    action: str
    ticket: str  # the ticket's number
    prompt_message_id: int | None
    asked_at: datetime | None = None  # filled in by the store


@runtime_checkable
class DurableState(Protocol):
    """Every method raises :class:`bot.errors.BackendUnavailable` when the database cannot be reached."""

    async def chat_moves(self) -> dict[int, int]:
        """Staff groups that became supergroups: old chat id -> new chat id."""
        ...

    async def record_chat_move(self, old: int, new: int) -> None: ...

    async def staff_prompt(self, chat_id: int, user_id: int) -> StaffPrompt | None: ...

    async def save_staff_prompt(self, chat_id: int, user_id: int, prompt: StaffPrompt) -> None:
        """Remember the prompt; a newer one for the same person in the same chat replaces it."""
        ...

    async def clear_staff_prompt(self, chat_id: int, user_id: int) -> bool:
        """Forget the prompt; True if this call removed it (so two workers never both act on one answer)."""
        ...

    async def open_form(self, chat: str) -> str | None:
        """The flow a chat had under way when last seen, or None."""
        ...

    async def set_open_form(self, chat: str, flow: str | None) -> None:
        """Record the chat's flow under way (None: nothing under way)."""
        ...
