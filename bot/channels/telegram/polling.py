"""Long polling with at-least-once semantics: the offset moves past an update only once it is processed.

PTB's ``Application`` confirms updates on the next ``getUpdates`` whether or not its handlers
succeeded; here an update whose processing was deferred (database or Redis down) is fetched
again after a back-off, while later updates of other chats already processed are skipped by
their claims.

Stopping (SIGTERM) is prompt: the pending long poll is cancelled at once (Telegram confirms
nothing until the next ``getUpdates`` names an offset, so nothing is lost), no further update is
started, turns in flight get ``grace`` seconds to finish and are then cancelled (their claims are
given back, so they are fetched again), and the offset of what was processed is confirmed.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Awaitable
from typing import TypeVar

from telegram import Bot, Update
from telegram.error import NetworkError, TelegramError, TimedOut

from bot.channels.telegram.processor import UpdateProcessor
from bot.errors import BackendUnavailable

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]

T = TypeVar("T")


async def process_batch(
    processor: UpdateProcessor, updates: list[Update], stop: asyncio.Event | None = None
) -> int | None:
    """Process a batch: chats in parallel, each chat in order. Returns the first deferred update id.

    Once ``stop`` is set no further update is started; those left are deferred (fetched again)."""
    by_chat: defaultdict[int, list[Update]] = defaultdict(list)
    for update in updates:
        chat = update.effective_chat
        by_chat[chat.id if chat else 0].append(update)
    deferred: list[int] = []

    async def run_chat(chat_updates: list[Update]) -> None:
        for update in chat_updates:
            if stop is not None and stop.is_set():
                deferred.append(update.update_id)
                return
            try:
                await processor.process(update)
            except asyncio.CancelledError:
                deferred.append(update.update_id)  # handed back at shutdown: the claim is released
                raise
            except BackendUnavailable as exc:
                log.warning("update %s deferred: %s", update.update_id, exc)
                deferred.append(update.update_id)
                return  # keep the chat's order: later updates wait for this one

    try:
        await asyncio.gather(*(run_chat(u) for u in by_chat.values()))
    except asyncio.CancelledError:
        if stop is None or not stop.is_set():
            raise
        # Cancelled after the grace period of a shutdown: what was not finished is fetched again.
    return min(deferred) if deferred else None


async def poll(processor: UpdateProcessor, stop: asyncio.Event, *, timeout: int = 25, grace: float = 1.0) -> None:
    bot = processor.bot
    await bot.delete_webhook()
    offset: int | None = None
    backoff = 1.0
    while not stop.is_set():
        try:
            fetched = await _unless_stopped(
                bot.get_updates(offset=offset, timeout=timeout, allowed_updates=ALLOWED_UPDATES), stop, 0
            )
            if fetched is None:
                break  # stopping: the long poll was cancelled; Telegram confirmed nothing of it
            updates = fetched
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
        batch = asyncio.create_task(process_batch(processor, list(updates), stop))
        first_deferred = await _finish_within(batch, updates[0].update_id, stop, grace)
        if first_deferred is None:
            offset = updates[-1].update_id + 1
            backoff = 1.0
        else:
            offset = first_deferred
            await _wait(stop, backoff)
            backoff = min(backoff * 2, 30)
    if offset is not None:
        await _confirm(bot, offset)


async def _unless_stopped(aw: Awaitable[T], stop: asyncio.Event, grace: float) -> T | None:
    """``aw``'s result, or None if ``stop`` is set first (``aw`` then gets ``grace`` s, then is cancelled)."""
    task = asyncio.ensure_future(aw)
    stopped = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    except asyncio.CancelledError:
        task.cancel()
        raise
    finally:
        stopped.cancel()
    if not task.done() and grace > 0:
        await asyncio.wait({task}, timeout=grace)
    if not task.done():
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return None
    return task.result()


async def _finish_within(batch: asyncio.Task[int | None], first: int, stop: asyncio.Event, grace: float) -> int | None:
    """The batch's first deferred id; at shutdown it has ``grace`` s, then its turns are handed back."""
    await _unless_stopped(batch, stop, grace)
    if batch.cancelled():
        return first  # cancelled before it ran: all of it is fetched again
    return batch.result()


async def _confirm(bot: Bot, offset: int) -> None:
    """Tell Telegram which updates are done, as the next ``getUpdates`` would, without waiting for one."""
    try:
        await asyncio.wait_for(bot.get_updates(offset=offset, timeout=0, limit=1, allowed_updates=ALLOWED_UPDATES), 0.5)
    except (TelegramError, TimeoutError) as exc:
        log.info("could not confirm updates below %s at shutdown: %s", offset, exc)


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        pass
