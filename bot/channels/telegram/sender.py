"""Delivering replies through python-telegram-bot, with Telegram's errors translated to ours."""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot, InputMediaPhoto
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.channels.telegram.ratelimit import retry_after_seconds
from bot.channels.telegram.render import render_markup, render_text
from bot.errors import BackendUnavailable
from bot.messaging import ChatUnreachable
from dialogs.replies import Reply

log = logging.getLogger(__name__)

ATTEMPTS = 4


class TelegramSender:
    """Implements :class:`bot.messaging.MessageSender` for Telegram."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat_id: int, reply: Reply) -> int:
        message_id = await self._call(
            lambda: self.bot.send_message(
                chat_id,
                render_text(reply),
                parse_mode=ParseMode.HTML,
                reply_markup=render_markup(reply),
                disable_web_page_preview=True,
            )
        )
        if reply.photos:
            await self._send_photos(chat_id, reply.photos, message_id)
        return message_id

    async def _send_photos(self, chat_id: int, photos: tuple[str, ...], reply_to: int) -> None:
        if len(photos) == 1:
            await self._call(lambda: self.bot.send_photo(chat_id, photos[0], reply_to_message_id=reply_to))
            return
        media = [InputMediaPhoto(p) for p in photos[:10]]
        await self._call(lambda: self.bot.send_media_group(chat_id, media, reply_to_message_id=reply_to))

    async def _call(self, make) -> int:  # type: ignore[no-untyped-def]
        delay = 0.5
        for attempt in range(ATTEMPTS):
            try:
                result = await make()
            except Forbidden as exc:
                raise ChatUnreachable(str(exc)) from exc
            except BadRequest as exc:
                if "chat not found" in exc.message.lower():
                    raise ChatUnreachable(str(exc)) from exc
                raise
            except RetryAfter as exc:
                # The rate limiter already retried; wait once more rather than lose the message.
                await asyncio.sleep(retry_after_seconds(exc))
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
            return int(result.message_id)
        raise BackendUnavailable("telegram: too many retries")
