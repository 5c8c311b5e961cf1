"""Keep outgoing calls within Telegram's limits and retry 429 after ``retry_after``.

Limits (Telegram's FAQ): about 30 messages a second overall, about one a second in a private
chat (we allow a burst of 4 within 4 s, so a reply and its question go out together), 20 a minute
in a group. The windows are per process: with several workers, give each a share (documented
in the README).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

LIMITED_PREFIXES = ("send", "copyMessage", "copyMessages", "forwardMessage", "forwardMessages", "edit")


class SlidingWindow:
    """At most ``limit`` acquisitions in any ``period`` seconds; waiters are served in order."""

    def __init__(self, limit: int, period: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.period = period
        self._clock = clock
        self._times: deque[float] = deque()
        self._lock = asyncio.Lock()

    def delay(self) -> float:
        now = self._clock()
        while self._times and now - self._times[0] >= self.period:
            self._times.popleft()
        if len(self._times) < self.limit:
            return 0.0
        return self.period - (now - self._times[0])

    async def acquire(self) -> None:
        async with self._lock:
            while (wait := self.delay()) > 0:
                await asyncio.sleep(wait)
            self._times.append(self._clock())

    @property
    def idle(self) -> bool:
        return self.delay() == 0.0 and not self._times


def retry_after_seconds(exc: RetryAfter) -> float:
    value: Any = exc.retry_after
    return float(value.total_seconds()) if hasattr(value, "total_seconds") else float(value)


class TelegramRateLimiter(BaseRateLimiter[int]):
    def __init__(
        self,
        overall_per_second: int = 30,
        private_burst: tuple[int, float] = (4, 4.0),
        group_per_minute: int = 20,
        max_retries: int = 3,
    ) -> None:
        self._overall = SlidingWindow(overall_per_second, 1.0)
        self._private = private_burst
        self._group_per_minute = group_per_minute
        self._chats: dict[int | str, SlidingWindow] = {}
        self._max_retries = max_retries
        self._paused_until = 0.0
        self.retries = 0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def _window(self, chat_id: int | str) -> SlidingWindow:
        window = self._chats.get(chat_id)
        if window is None:
            if len(self._chats) > 10_000:
                self._chats = {k: w for k, w in self._chats.items() if not w.idle}
            is_group = isinstance(chat_id, str) or chat_id < 0
            window = SlidingWindow(self._group_per_minute, 60.0) if is_group else SlidingWindow(*self._private)
            self._chats[chat_id] = window
        return window

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        limited = endpoint.startswith(LIMITED_PREFIXES)
        chat_id = data.get("chat_id")
        for attempt in range(self._max_retries + 1):
            pause = self._paused_until - time.monotonic()
            if pause > 0:
                await asyncio.sleep(pause)
            if limited:
                # Editing a question in place (its buttons answered) adds nothing to a private chat's
                # flow of new messages; only new messages count against its window.
                private_edit = endpoint.startswith("edit") and isinstance(chat_id, int) and chat_id > 0
                if chat_id is not None and not private_edit:
                    await self._window(chat_id).acquire()
                await self._overall.acquire()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt >= self._max_retries:
                    raise
                delay = retry_after_seconds(exc)
                self.retries += 1
                log.warning("429 on %s; retrying after %.1f s", endpoint, delay)
                # Telegram's flood control is per bot: hold every request, not only this one.
                self._paused_until = max(self._paused_until, time.monotonic() + delay)
        raise AssertionError("unreachable")
