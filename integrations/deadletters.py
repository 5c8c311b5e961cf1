"""Dead letters: updates that can never be processed (and outgoing requests that can never be delivered),
set aside whole so they stop blocking the rest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable


class DeadReason(StrEnum):
    UNPARSABLE = "unparsable"  # not an update python-telegram-bot can read
    FAILED = "failed"  # its turn failed the same way on every attempt
    CRASHED = "crashed"  # the worker died handling it, again and again
    REFUSED = "refused"  # an outgoing request the other side refuses for good (Rasa's trigger_intent: a 4xx)


@dataclass(frozen=True)
class DeadLetter:
    id: int
    update_id: int | None
    reason: DeadReason
    payload: bytes  # the update exactly as received
    error: str
    attempts: int
    first_seen: datetime
    last_seen: datetime


@runtime_checkable
class DeadLetters(Protocol):
    """Raises :class:`bot.errors.BackendUnavailable` when it cannot store: the update is then not acknowledged."""

    async def add(
        self, *, update_id: int | None, reason: DeadReason, payload: bytes, error: str, attempts: int
    ) -> None:
        """Keep a dead update; the same ``update_id`` again adds to its attempts instead of a second row."""
        ...

    async def recent(self, limit: int = 50) -> list[DeadLetter]:
        """The newest first."""
        ...

    async def count(self) -> int: ...
