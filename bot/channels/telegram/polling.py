"""Long polling with at-least-once semantics: the offset moves past an update only once it is processed.

PTB's ``Application`` confirms updates on the next ``getUpdates`` whether or not its handlers
succeeded; here an update whose processing was deferred (database or Redis down) is fetched
again after a back-off, while later updates of other chats already processed are skipped by
their claims.

``getUpdates`` is read as raw JSON and each update parsed on its own: PTB's ``get_updates`` parses
the whole batch and raises if one update cannot be read, which would stall polling on it forever.
Such an update is dead-lettered by the processor and the offset moves past it.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections import defaultdict
from typing import Any

from telegram import Update
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.warnings import PTBUserWarning

from bot.channels.telegram.processor import DuplicateInProgress, UpdateProcessor
from bot.errors import BackendUnavailable

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
# A chat whose update another (perhaps dead) worker holds is tried again this soon: its claim is a
# lease of a few seconds, not an outage to back off from.
BUSY_RETRY_S = 0.5

# do_api_request is PTB's public way to get a method's raw result; it suggests get_updates instead.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.getUpdates'", category=PTBUserWarning)


def _chat_of(item: dict[str, Any]) -> int:
    """The chat an update belongs to, read from the raw JSON (0 when it has none or cannot be read)."""
    try:
        update = Update.de_json(item, None)
    except Exception:
        return 0
    chat = update.effective_chat if update is not None else None
    return chat.id if chat else 0


async def process_batch(processor: UpdateProcessor, updates: list[dict[str, Any]]) -> tuple[int | None, bool]:
    """Process a batch of raw updates: chats in parallel, each chat in order.

    Returns the first deferred update id, and whether every deferral was only a busy claim."""
    by_chat: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    for item in updates:
        by_chat[_chat_of(item)].append(item)
    deferred: list[int] = []
    outage = False

    async def run_chat(chat_updates: list[dict[str, Any]]) -> None:
        nonlocal outage
        for item in chat_updates:
            try:
                await processor.receive(item)
            except BackendUnavailable as exc:
                log.warning("update %s deferred: %s", item.get("update_id"), exc)
                deferred.append(int(item["update_id"]))
                outage = outage or not isinstance(exc, DuplicateInProgress)
                return  # keep the chat's order: later updates wait for this one

    await asyncio.gather(*(run_chat(u) for u in by_chat.values()))
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


async def poll(processor: UpdateProcessor, stop: asyncio.Event, *, timeout: int = 25) -> None:
    bot = processor.bot
    await bot.delete_webhook()
    offset: int | None = None
    backoff = 1.0
    while not stop.is_set():
        try:
            updates = await get_raw_updates(processor, offset, timeout)
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
        first_deferred, only_busy = await process_batch(processor, updates)
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


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        pass
