"""The audit trail of refused staff attempts: who tried what, in which chat, and why it was refused.

Staff actions that succeed are events on their ticket (``ticket_events``); a refused attempt may name
no ticket at all (a forged button, a command in a foreign group), so it is kept here, for managers
to read with ``/audit`` in the managers' chat or ``estatedesk audit``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

ATTEMPT_LIMIT = 100  # characters of the command or button data kept


class Place(StrEnum):
    """Where an update came from, as the desk's configuration sees it."""

    DEPARTMENT = "department"  # a department's staff group
    MANAGERS = "managers"  # the managers' chat
    FOREIGN = "foreign"  # any other group
    PRIVATE = "private"  # a private chat with the bot


class Refusal(StrEnum):
    NOT_STAFF = "not_staff"  # on no roster
    WRONG_CHAT = "wrong_chat"  # not a chat configured for this person and this command or button
    ROLE = "role"  # on the roster, but the role may not do this
    FORGED = "forged"  # button data that no button of the bot carries


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    user_id: int
    chat_id: int
    place: Place
    attempt: str  # "/queue", "button t:12:claim"
    refusal: Refusal
    id: int | None = None


def attempt_text(text: str) -> str:
    """What was tried, fit to keep: control characters dropped, cut at :data:`ATTEMPT_LIMIT`."""
    kept = "".join(ch if ch.isprintable() else "?" for ch in text)
    return kept if len(kept) <= ATTEMPT_LIMIT else kept[: ATTEMPT_LIMIT - 1] + "…"


class AuditTrail(Protocol):
    async def record(self, entry: AuditEntry) -> None: ...

    async def recent(self, limit: int = 20) -> list[AuditEntry]:
        """The newest entries, newest first."""
        ...
