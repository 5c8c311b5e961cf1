"""Keep outgoing calls within Telegram's limits and retry 429 after ``retry_after``.

Limits (Telegram's FAQ): about 30 messages a second overall, about one a second in a private
chat (we allow a burst of 3 within 3 s, so a reply and its question go out together), 20 a minute
in a group. The windows live in a :class:`~integrations.state.budget.FloodBudget`: in Redis, every
worker of one bot shares them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.errors import BackendUnavailable
from integrations.state import StateStore
from integrations.state.budget import OVERALL, FloodBudget, MemoryFloodBudget, RedisFloodBudget, Slot, Window, reserve
from integrations.state.redis import RedisStateStore

log = logging.getLogger(__name__)

LIMITED_PREFIXES = ("send", "copyMessage", "copyMessages", "forwardMessage", "forwardMessages", "edit")


def retry_after_seconds(exc: RetryAfter) -> float:
    value: Any = exc.retry_after
    return float(value.total_seconds()) if hasattr(value, "total_seconds") else float(value)


def make_budget(store: StateStore) -> FloodBudget:
    """The budget every worker sharing ``store`` shares: in Redis with a Redis store, else in this process."""
    if isinstance(store, RedisStateStore):
        return RedisFloodBudget(store.client, store.keys)
    return MemoryFloodBudget()


class TelegramRateLimiter(BaseRateLimiter[int]):
    """PTB's rate limiter on a :class:`~integrations.state.budget.FloodBudget` shared by every worker.

    Each limited call reserves a slot in the bot's overall window and its chat's window, and settles it
    when Telegram answered (see the budget's module for why a slot is held until then). A 429 pauses
    every worker for its ``retry_after``.
    """

    def __init__(
        self,
        budget: FloodBudget | None = None,
        overall_per_second: int = 30,
        private_burst: tuple[int, float] = (3, 3.0),
        group_per_minute: int = 20,
        max_retries: int = 3,
    ) -> None:
        self.budget: FloodBudget = budget or MemoryFloodBudget()
        self._overall = Window(OVERALL.name, overall_per_second, OVERALL.span)
        # Telegram lets a private chat have a burst of about 3, refilled at 1/s: 3 in any 3 s stays inside it.
        self._private = private_burst
        self._group_per_minute = group_per_minute
        self._max_retries = max_retries
        self.retries = 0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def windows(self, endpoint: str, data: dict[str, Any]) -> list[Window]:
        """The windows a call counts against (none for calls Telegram does not limit)."""
        if not endpoint.startswith(LIMITED_PREFIXES):
            return []
        windows = [self._overall]
        chat_id = data.get("chat_id")
        # Editing a question in place (its buttons answered) adds nothing to a private chat's
        # flow of new messages; only new messages count against its window.
        private = isinstance(chat_id, int) and chat_id > 0
        if chat_id is not None and not (private and endpoint.startswith("edit")):
            if private:
                windows.append(Window(f"chat:{chat_id}", self._private[0], self._private[1]))
            else:
                windows.append(Window(f"chat:{chat_id}", self._group_per_minute, 60.0))
        return windows

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        windows = self.windows(endpoint, data)
        media = data.get("media")
        cost = len(media) if endpoint == "sendMediaGroup" and isinstance(media, list) else 1
        # An album larger than a window (10 photos to a private chat) could never fit: it takes the whole window.
        cost = min(cost, *(w.limit for w in windows)) if windows else cost
        for attempt in range(self._max_retries + 1):
            slot = await reserve(self.budget, windows, cost=cost) if windows else None
            # Counted unless Telegram said 429: a request that failed otherwise (timed out, cancelled,
            # refused) may have reached Telegram's counter, so its slot ages like a sent one.
            counted = True
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                counted = False
                if attempt >= self._max_retries:
                    raise
                delay = retry_after_seconds(exc)
                self.retries += 1
                log.warning("429 on %s; retrying after %.1f s", endpoint, delay)
                # Telegram's flood control is per bot: hold every request of every worker, not only this one.
                await self.budget.pause(delay)
            finally:
                if slot is not None:
                    await self._settle(slot, counted)
        raise AssertionError("unreachable")

    async def _settle(self, slot: Slot, counted: bool) -> None:
        try:
            await self.budget.settle(slot, counted=counted)
        except BackendUnavailable as exc:
            # The slot stays held until the budget gives it up (HOLD_S): safe, only slower.
            log.warning("send budget not updated: %s", exc)
