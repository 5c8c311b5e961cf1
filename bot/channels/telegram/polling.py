"""Long polling with at-least-once semantics: the offset moves past an update only once it is processed.

PTB's ``Application`` confirms updates on the next ``getUpdates`` whether or not its handlers
succeeded; here an update whose processing was deferred (database or Redis down) is fetched
again after a back-off, while later updates of other chats already processed are skipped by
their claims.

``getUpdates`` is read as raw JSON and each update parsed on its own: PTB's ``get_updates`` parses
the whole batch and raises if one update cannot be read, which would stall polling on it forever.
Such an update is dead-lettered by the processor and the offset moves past it.

Stopping (SIGTERM) is prompt: the pending long poll is cancelled at once (Telegram confirms
nothing until the next ``getUpdates`` names an offset, so nothing is lost), no further update is
started, turns in flight get ``grace`` seconds to finish and are then cancelled (their claims are
given back, so they are fetched again), and the offset of what was processed is confirmed.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections import defaultdict
from collections.abc import Awaitable
from typing import Any, TypeVar

from telegram import Bot, Update
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.warnings import PTBUserWarning

from bot.channels.telegram.processor import DuplicateInProgress, UpdateProcessor
from bot.errors import BackendUnavailable

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
# A chat whose update another (perhaps dead) worker holds is tried again this soon: its claim is a
# lease of a few seconds, not an outage to back off from.
BUSY_RETRY_S = 0.5
# How long a cancelled long poll or batch may take to end at shutdown before it is left behind.
CANCEL_WAIT_S = 1.0

# do_api_request is PTB's public way to get a method's raw result; it suggests get_updates instead.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.getUpdates'", category=PTBUserWarning)

T = TypeVar("T")


def _chat_of(item: dict[str, Any]) -> int:
    """The chat an update belongs to, read from the raw JSON (0 when it has none or cannot be read)."""
    try:
        update = Update.de_json(item, None)
    except Exception:
        return 0
    chat = update.effective_chat if update is not None else None
    return chat.id if chat else 0


async def process_batch(
    processor: UpdateProcessor, updates: list[dict[str, Any]], stop: asyncio.Event | None = None
) -> tuple[int | None, bool]:
    """Process a batch of raw updates: chats in parallel, each chat in order.

    Returns the first deferred update id, and whether every deferral was only a busy claim.
    Once ``stop`` is set no further update is started; those left are deferred (fetched again)."""
    by_chat: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    for item in updates:
        by_chat[_chat_of(item)].append(item)
    deferred: list[int] = []
    outage = False

    async def run_chat(chat_updates: list[dict[str, Any]]) -> None:
        nonlocal outage
        for item in chat_updates:
            if stop is not None and stop.is_set():
                deferred.append(int(item["update_id"]))
                return
            try:
                await processor.receive(item)
            except asyncio.CancelledError:
                deferred.append(int(item["update_id"]))  # handed back at shutdown: the claim is released
                raise
            except BackendUnavailable as exc:
                log.warning("update %s deferred: %s", item.get("update_id"), exc)
                deferred.append(int(item["update_id"]))
                outage = outage or not isinstance(exc, DuplicateInProgress)
                return  # keep the chat's order: later updates wait for this one

    try:
        await asyncio.gather(*(run_chat(u) for u in by_chat.values()))
    except asyncio.CancelledError:
        if stop is None or not stop.is_set():
            raise
        # Cancelled after the grace period of a shutdown: what was not finished is fetched again.
    return (min(deferred) if deferred else None), not outage


async def get_raw_updates(processor: UpdateProcessor, offset: int | None, timeout: int) -> list[dict[str, Any]]:
    kwargs: dict[str, Any] = {"timeout": timeout, "allowed_updates": ALLOWED_UPDATES}
    if offset is not None:
        kwargs["offset"] = offset
    result = await processor.bot.do_api_request("getUpdates", api_kwargs=kwargs, read_timeout=timeout + 10)
    if not isinstance(result, list):
        raise NetworkError(f"getUpdates answered {type(result).__name__}, not a list")
    items = [item for item in result if isinstance(item, dict) and isinstance(item.get("update_id"), int)]
    if len(items) < len(result):
        # Without an update_id an item cannot be claimed, retried or dead-lettered by id: the offset skips it.
        log.error("getUpdates returned %d items without an update_id: %r", len(result) - len(items), result)
    return items


async def poll(processor: UpdateProcessor, stop: asyncio.Event, *, timeout: int = 25, grace: float = 1.0) -> None:
    bot = processor.bot
    await bot.delete_webhook()
    offset: int | None = None
    backoff = 1.0
    while not stop.is_set():
        try:
            fetched = await _unless_stopped(get_raw_updates(processor, offset, timeout), stop, 0)
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
        batch = asyncio.create_task(process_batch(processor, updates, stop))
        first_deferred, only_busy = await _finish_within(batch, int(updates[0]["update_id"]), stop, grace)
        if first_deferred is None:
            offset = max(int(u["update_id"]) for u in updates) + 1
            backoff = 1.0
        elif only_busy:
            offset = first_deferred
            await _wait(stop, BUSY_RETRY_S)
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
        # Bounded: a task whose libraries swallow the cancel (asyncio.wait_for does so on Python 3.11 when what it
        # waits for ends at that moment) must not hold the shutdown; what it had claimed lapses and is redelivered.
        await asyncio.wait({task}, timeout=CANCEL_WAIT_S)
        if not task.done():
            log.warning("a stopped poll or batch did not end when cancelled; left behind")
        return None
    return task.result()


async def _finish_within(
    batch: asyncio.Task[tuple[int | None, bool]], first: int, stop: asyncio.Event, grace: float
) -> tuple[int | None, bool]:
    """The batch's first deferred id; at shutdown it has ``grace`` s, then its turns are handed back."""
    await _unless_stopped(batch, stop, grace)
    if batch.cancelled() or not batch.done():
        return first, True  # cancelled before it ran (or would not end): all of it is fetched again
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
