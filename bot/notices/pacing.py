"""Pacing bulk sends under Telegram's flood limits: ≈30 messages/s per bot, no 429 even with network jitter."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

from integrations.state.budget import OVERALL, FloodBudget, Slot, Window, reserve

log = logging.getLogger(__name__)


class Pacing(Protocol):
    async def acquire(self) -> None: ...

    def release(self, *, counted: bool = True) -> None: ...

    def pause(self, seconds: float) -> None: ...


class Pacer:
    """At most ``limit`` sends in any ``span`` seconds as Telegram counts them, and a pause for everyone after a 429.

    Telegram counts a message when it arrives, somewhere between our request and its answer. A slot is
    therefore held from the request until ``span`` seconds after the *answer*: whatever the jitter,
    no window at the server can hold more than ``limit`` of ours. The cost is one round trip per window
    (≈1% at 10 ms), against the 1 s pause of a 429. ``spacing`` spreads the sends inside a window.
    """

    def __init__(
        self,
        limit: int = 30,
        span: float = 1.0,
        *,
        margin: float = 0.005,
        spacing: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.span = span + margin
        self.spacing = spacing if spacing is not None else span / (limit + 1)
        self._clock = clock
        self._done: deque[float] = deque()  # answer times of recent sends, oldest first
        self._in_flight = 0
        self._last_start = float("-inf")
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    def pause(self, seconds: float) -> None:
        """Telegram said 429: every send waits (its flood control is per bot, not per chat)."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)

    async def acquire(self) -> None:
        """Wait for a slot; call :meth:`release` with whether the send reached Telegram's counter."""
        async with self._lock:
            while True:
                now = self._clock()
                while self._done and self._done[0] <= now - self.span:
                    self._done.popleft()
                waits = [self._paused_until - now, self._last_start + self.spacing - now]
                if self._in_flight + len(self._done) >= self.limit:
                    waits.append(self._done[0] + self.span - now if self._done else 0.002)
                wait = max(waits)
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            self._in_flight += 1
            self._last_start = now

    def release(self, *, counted: bool = True) -> None:
        self._in_flight -= 1
        if counted:
            self._done.append(self._clock())


class SharedPacer:
    """The :class:`Pacer`'s contract on the bot's shared :class:`~integrations.state.budget.FloodBudget`.

    Notices take a slot of the bot's overall window only while fewer than ``limit`` of its slots are in
    use (the rest stays for replies to residents), spaced ``span / (limit + 1)`` apart across every
    worker; a slot is held until Telegram answered, then ages ``span`` seconds, as in :class:`Pacer`.
    A 429 pauses every sender of every worker.
    """

    def __init__(self, budget: FloodBudget, limit: int = 25, span: float = 1.0, *, name: str = "notices") -> None:
        self.budget = budget
        self.window = Window(OVERALL.name, limit, span)
        self.spacing = (name, span / (limit + 1))
        self._held: deque[Slot] = deque()
        self._tasks: set[asyncio.Task[None]] = set()

    async def acquire(self) -> None:
        self._held.append(await reserve(self.budget, [self.window], spacing=self.spacing))

    def release(self, *, counted: bool = True) -> None:
        # Slots in flight are interchangeable: whichever is settled, the window holds the same count.
        self._spawn(self.budget.settle(self._held.popleft(), counted=counted))

    def pause(self, seconds: float) -> None:
        self._spawn(self.budget.pause(seconds))

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and (exc := task.exception()) is not None:
            # An unsettled slot is given up by itself after the budget's HOLD_S: nothing is lost.
            log.warning("pacing budget not updated: %s", exc)
