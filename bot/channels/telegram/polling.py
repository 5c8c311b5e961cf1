"""Long polling with at-least-once semantics: the offset moves past an update only once it is processed.

PTB's ``Application`` confirms updates on the next ``getUpdates`` whether or not its handlers
succeeded; here an update whose processing was deferred (database or Redis down) is fetched
again after a back-off, while later updates of other chats already processed are skipped by
their claims.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict

from telegram import Update
from telegram.error import NetworkError, TelegramError, TimedOut

from bot.channels.telegram.processor import UpdateProcessor
from bot.errors import BackendUnavailable

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]


async def process_batch(processor: UpdateProcessor, updates: list[Update]) -> int | None:
    """Process a batch: chats in parallel, each chat in order. Returns the first deferred update id."""
    by_chat: defaultdict[int, list[Update]] = defaultdict(list)
    for update in updates:
        chat = update.effective_chat
        by_chat[chat.id if chat else 0].append(update)
    deferred: list[int] = []

    async def run_chat(chat_updates: list[Update]) -> None:
        for update in chat_updates:
            try:
                await processor.process(update)
            except BackendUnavailable as exc:
                log.warning("update %s deferred: %s", update.update_id, exc)
                deferred.append(update.update_id)
                return  # keep the chat's order: later updates wait for this one

    await asyncio.gather(*(run_chat(u) for u in by_chat.values()))
    return min(deferred) if deferred else None


async def poll(processor: UpdateProcessor, stop: asyncio.Event, *, timeout: int = 25) -> None:
    bot = processor.bot
    await bot.delete_webhook()
    offset: int | None = None
    backoff = 1.0
    while not stop.is_set():
        try:
            updates = await bot.get_updates(offset=offset, timeout=timeout, allowed_updates=ALLOWED_UPDATES)
        except (TimedOut, NetworkError) as exc:
            log.warning("getUpdates failed: %s", exc)
            await _wait(stop, backoff)
            backoff = min(backoff * 2, 30)
            continue
        except TelegramError as exc:
            log.error("getUpdates refused: %s", exc)
            await _wait(stop, 5)
            continue
        if not updates:
            backoff = 1.0
            continue
        first_deferred = await process_batch(processor, list(updates))
        if first_deferred is None:
            offset = updates[-1].update_id + 1
            backoff = 1.0
        else:
            offset = first_deferred
            await _wait(stop, backoff)
            backoff = min(backoff * 2, 30)


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        pass
