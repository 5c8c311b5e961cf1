"""Delivering replies through python-telegram-bot, with Telegram's errors translated to ours."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, InputMediaPhoto
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.channels.telegram.ratelimit import retry_after_seconds
from bot.channels.telegram.render import render_markup, render_text
from bot.errors import BackendUnavailable
from bot.messaging import ChatMoved, ChatUnreachable, MessageGone, Priority
from dialogs.replies import Reply

log = logging.getLogger(__name__)

ATTEMPTS = 4

# Telegram's descriptions (lower-cased) for a message or topic that can no longer take an edit or a reply.
_GONE = (
    "message can't be edited",
    "message to edit not found",
    "message_id_invalid",
    "there is no text in the message to edit",
    "message thread not found",
    "topic_deleted",
    "topic_closed",
)
_NOT_MODIFIED = "message is not modified"
_DELETE_GONE = "message to delete not found"


class TelegramSender:
    """Implements :class:`bot.messaging.MessageSender` for Telegram.

    ``on_flood(chat_id, seconds)`` is told of every 429 before the wait, so a queue in front of the
    sender (:class:`bot.channels.telegram.group_outbox.GroupOutbox`) can hold that chat back too.
    """

    def __init__(self, bot: Bot, *, on_flood: Callable[[int, float], None] | None = None) -> None:
        self.bot = bot
        self.on_flood = on_flood

    async def send(
        self,
        chat_id: int,
        reply: Reply,
        *,
        reply_to: int | None = None,
        thread_id: int | None = None,
        priority: Priority = Priority.NORMAL,
    ) -> int:
        # Priority matters only to a queue in front of this sender; here every message goes at once.
        message_id = await self._call(
            chat_id,
            lambda: self.bot.send_message(
                chat_id,
                render_text(reply),
                parse_mode=ParseMode.HTML,
                reply_markup=render_markup(reply),
                message_thread_id=thread_id,
                reply_to_message_id=reply_to,
                # A card deleted meanwhile should not cost the staff the message about it.
                allow_sending_without_reply=True if reply_to is not None else None,
                disable_web_page_preview=True,
            ),
        )
        if reply.photos:
            try:
                await self._send_photos(chat_id, reply.photos, message_id, thread_id)
            except (BackendUnavailable, ChatUnreachable, MessageGone, TelegramError) as exc:
                # The message itself went out: its id must reach the caller, or the caller (a card
                # post, an outbox retry) would send the whole message again.
                log.error("photos under message %s in chat %s not sent: %s", message_id, chat_id, exc)
        return message_id

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        markup = render_markup(reply)
        try:
            await self._call(
                chat_id,
                lambda: self.bot.edit_message_text(
                    render_text(reply),
                    chat_id=chat_id,
                    message_id=message_id,
                    parse_mode=ParseMode.HTML,
                    # Only inline keyboards survive an edit; anything else would be refused.
                    reply_markup=markup if isinstance(markup, InlineKeyboardMarkup) else None,
                    disable_web_page_preview=True,
                ),
            )
        except BadRequest as exc:
            if _NOT_MODIFIED in exc.message.lower():
                return
            raise

    async def delete(self, chat_id: int, message_id: int) -> None:
        try:
            await self._call(chat_id, lambda: self.bot.delete_message(chat_id, message_id))
        except MessageGone:
            return  # deleted already (or too old for a bot to delete): nothing of it is left to see
        except BadRequest as exc:
            if _DELETE_GONE in exc.message.lower():
                return
            raise

    async def _send_photos(self, chat_id: int, photos: tuple[str, ...], reply_to: int, thread_id: int | None) -> None:
        if len(photos) == 1:
            await self._call(
                chat_id,
                lambda: self.bot.send_photo(
                    chat_id, photos[0], reply_to_message_id=reply_to, message_thread_id=thread_id
                ),
            )
            return
        media = [InputMediaPhoto(p) for p in photos[:10]]
        await self._call(
            chat_id,
            lambda: self.bot.send_media_group(
                chat_id, media, reply_to_message_id=reply_to, message_thread_id=thread_id
            ),
        )

    async def _call(self, chat_id: int, make: Callable[[], Awaitable[Any]]) -> int:
        delay = 0.5
        for attempt in range(ATTEMPTS):
            try:
                result = await make()
            except Forbidden as exc:
                raise ChatUnreachable(str(exc)) from exc
            except ChatMigrated as exc:
                raise ChatMoved(chat_id, exc.new_chat_id) from exc
            except BadRequest as exc:
                description = exc.message.lower()
                if "chat not found" in description:
                    raise ChatUnreachable(str(exc)) from exc
                if any(gone in description for gone in _GONE):
                    raise MessageGone(str(exc)) from exc
                raise
            except RetryAfter as exc:
                # The rate limiter already retried; wait once more rather than lose the message.
                seconds = retry_after_seconds(exc)
                if self.on_flood is not None:
                    self.on_flood(chat_id, seconds)
                await asyncio.sleep(seconds)
                continue
            except (TimedOut, NetworkError) as exc:
                if attempt == ATTEMPTS - 1:
                    raise BackendUnavailable(f"telegram: {exc}") from exc
                log.warning("telegram send failed (%s); retry %d", exc, attempt + 1)
                await asyncio.sleep(delay)
                delay *= 2
                continue
            if isinstance(result, (list, tuple)):
                return int(result[0].message_id)
            if isinstance(result, bool):
                return 0
            return int(result.message_id)
        raise BackendUnavailable("telegram: too many retries")
