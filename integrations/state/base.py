"""The state store protocol: what any worker needs to serve any update of any chat."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable


class Claim(StrEnum):
    """The outcome of claiming an update id."""

    NEW = "new"  # ours to process
    BUSY = "busy"  # another worker is processing it right now
    DONE = "done"  # already processed


class Hold(Protocol):
    """A chat's lock, held, with the states read when it was taken (see :meth:`StateStore.hold`)."""

    async def load(self, chat: str) -> dict[str, Any] | None:
        """The state as this hold sees it: what it saved or cleared itself, else what was read when it was
        taken (or, for a state not named then, what the store holds now). A copy each time."""
        ...

    def save(self, chat: str, state: dict[str, Any], *, ttl: int | None = None) -> None:
        """Write the state when the hold is let go, with the lock's release (one round trip)."""
        ...

    def clear(self, chat: str) -> None:
        """Remove the state when the hold is let go."""
        ...


@runtime_checkable
class StateStore(Protocol):
    """Every method raises :class:`bot.errors.BackendUnavailable` when the store cannot be reached."""

    async def load(self, chat: str) -> dict[str, Any] | None:
        """The chat's dialog state, or None when it has none."""
        ...

    async def save(self, chat: str, state: dict[str, Any], *, ttl: int | None = None) -> None:
        """Store the chat's state; it expires ``ttl`` seconds later (default: ``keys.STATE_TTL_S``)."""
        ...

    async def clear(self, chat: str) -> None: ...

    def lock(self, chat: str) -> AbstractAsyncContextManager[None]:
        """Hold the chat's lock across load → handle → save, so two workers never interleave one chat.

        The lock is a short lease (``keys.LEASE_S``) renewed while it is held: if its holder dies,
        the chat is free again within seconds."""
        ...

    def hold(self, lock: str, *, read: Sequence[str] = ()) -> AbstractAsyncContextManager[Hold]:
        """:meth:`lock` ``lock`` and read the states of ``read`` in the same round trip.

        What the body saves or clears through the hold is written when it is let go, in the round trip
        that releases the lock, all or nothing; also when the body raises after saving (as :meth:`save`
        would have written it at once). A failure to write raises BackendUnavailable from the ``async
        with``, so nothing the body decided reaches anyone before it is stored."""
        ...

    async def claim(self, key: str, *, lease: float = ...) -> Claim:
        """Atomically claim a unit of work (an update id, a card to post) for this worker.

        The claim lapses after ``lease`` seconds (default ``keys.CLAIM_TTL_S``) unless renewed."""
        ...

    async def claim_reading(self, key: str, chat: str, *, lease: float = ...) -> tuple[Claim, dict[str, Any] | None]:
        """:meth:`claim`, and when the claim is new the state saved under ``chat`` (None if none), in one step:
        the work's own note of how far an earlier attempt got (a card sent but not yet recorded)."""
        ...

    async def renew(self, key: str, lease: float) -> bool:
        """Extend this worker's claim to ``lease`` seconds from now; False when it is no longer ours."""
        ...

    async def begin(
        self, key: str, *, lease: float, first: Mapping[str, str], count: str
    ) -> tuple[Claim, dict[str, str]]:
        """:meth:`claim` and, when the claim is NEW, in the same round trip: note the fields of ``first``
        not noted before, :meth:`count` one more ``count`` and read the :meth:`progress` (with both)."""
        ...

    async def finish(
        self, key: str, *, save: Mapping[str, dict[str, Any]] | None = None, clear: Sequence[str] = ()
    ) -> None:
        """Mark a claimed unit done: later claims of it return DONE, and its progress is forgotten.

        In the same step, states in ``save`` are stored (with the default TTL) and those in ``clear``
        removed: what the finished work leaves behind is written with it, in one round trip."""
        ...

    async def release(self, key: str) -> None:
        """Give a claim back after a failure (or forget a finished one), so it can be claimed again.

        A claim another worker holds now (ours lapsed and was taken over) is left alone."""
        ...

    async def progress(self, key: str) -> dict[str, str]:
        """What was noted about a unit of work so far (attempts, steps done), across workers and restarts."""
        ...

    async def note(self, key: str, fields: Mapping[str, str | None]) -> None:
        """Set fields of the unit's progress (``None`` removes one); kept ``keys.PROGRESS_TTL_S``."""
        ...

    async def count(self, key: str, field: str, by: int = 1) -> int:
        """Add ``by`` to a numeric progress field and return its new value."""
        ...

    async def incr(self, key: str) -> int:
        """Add one to a shared counter and return the new value (round-robin dispatch)."""
        ...

    async def ping(self) -> None: ...

    async def durability(self) -> str | None:
        """None if what is stored survives a restart of the store; otherwise why it may not."""
        ...

    async def close(self) -> None: ...
