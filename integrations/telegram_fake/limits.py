"""Telegram's flood limits for bots, enforced when the fake is asked to: over them a send gets a 429."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class FloodLimits:
    """The published limits (core.telegram.org/bots/faq): 30 messages/s overall, about 1/s per private chat
    with a short burst allowed, 20/min per group."""

    overall_per_second: int = 30
    private_per_second: float = 1.0
    private_burst: int = 3
    group_per_minute: int = 20


class _Window:
    """At most ``limit`` events in any ``span`` seconds."""

    def __init__(self, limit: int, span: float) -> None:
        self.limit = limit
        self.span = span
        self.events: deque[float] = deque()

    def wait(self, now: float, count: int) -> float:
        while self.events and self.events[0] <= now - self.span:
            self.events.popleft()
        excess = len(self.events) + count - self.limit
        if excess <= 0:
            return 0.0
        if count > self.limit:
            return self.span
        # The send fits once the excess oldest events have left the window.
        return self.events[excess - 1] + self.span - now

    def add(self, now: float, count: int) -> None:
        self.events.extend([now] * count)


class _Bucket:
    """A token bucket: ``burst`` sends at once, refilled at ``rate`` per second."""

    def __init__(self, rate: float, burst: int, now: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = float(burst)
        self.at = now

    def _refill(self, now: float) -> None:
        self.tokens = min(float(self.burst), self.tokens + (now - self.at) * self.rate)
        self.at = now

    def wait(self, now: float, count: int) -> float:
        self._refill(now)
        return 0.0 if self.tokens >= count else (count - self.tokens) / self.rate

    def add(self, now: float, count: int) -> None:
        self._refill(now)
        self.tokens -= count


class FloodControl:
    def __init__(self, limits: FloodLimits | None = None, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits or FloodLimits()
        self._clock = clock
        self._overall = _Window(self.limits.overall_per_second, 1.0)
        self._groups: dict[int, _Window] = {}
        self._private: dict[int, _Bucket] = {}

    def admit(self, chat_id: int, *, private: bool, count: int = 1) -> int | None:
        """Count ``count`` messages to ``chat_id`` and return None, or return the retry_after (s) for a 429.

        A refused send is not counted, as on Telegram.
        """
        now = self._clock()
        if private:
            bucket = self._private.get(chat_id)
            if bucket is None:
                bucket = self._private[chat_id] = _Bucket(
                    self.limits.private_per_second, self.limits.private_burst, now
                )
            chat_wait = bucket.wait(now, count)
        else:
            window = self._groups.setdefault(chat_id, _Window(self.limits.group_per_minute, 60.0))
            chat_wait = window.wait(now, count)
        wait = max(chat_wait, self._overall.wait(now, count))
        if wait > 0:
            return max(1, math.ceil(wait))
        self._overall.add(now, count)
        if private:
            self._private[chat_id].add(now, count)
        else:
            self._groups[chat_id].add(now, count)
        return None
