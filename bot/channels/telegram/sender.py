"""Delivering replies through python-telegram-bot, with Telegram's errors translated to ours."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, MutableMapping
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
# Link previews off, as Bot API 7 spells it (``disable_web_page_preview`` before).
_NO_PREVIEW = {"is_disabled": True}


class TelegramSender:
    """Implements :class:`bot.messaging.MessageSender` for Telegram.

    ``on_flood(chat_id, seconds)`` is told of every 429 before the wait, so a queue in front of the
    sender (:class:`bot.channels.telegram.group_outbox.GroupOutbox`) can hold that chat back too.

    A group upgraded to a supergroup gets a new id, and Telegram refuses every send to the old one, naming the
    new. ``moves`` (old id -> new, shared with the desk: :attr:`bot.desk.Desk.chat_moves`) is followed before
    each call; a send refused so is sent again to the new id, once, and the move added to ``moves`` and passed
    to ``on_moved`` (which keeps it in the database). So every caller, whichever configured id it holds (the
    managers' chat, a department's group), reaches the chat where the people are.
    """

    def __init__(
        self,
        bot: Bot,
        *,
        on_flood: Callable[[int, float], None] | None = None,
        moves: MutableMapping[int, int] | None = None,
        on_moved: Callable[[int, int], Awaitable[None]] | None = None,
    ) -> None:
        self.bot = bot
        self.on_flood = on_flood
        self.moves: MutableMapping[int, int] = {} if moves is None else moves
        self.on_moved = on_moved

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
        chat_id = self.moves.get(chat_id, chat_id)
        data: dict[str, Any] = {
            "chat_id": chat_id,
            "text": render_text(reply),
            "parse_mode": ParseMode.HTML,
            "reply_markup": render_markup(reply),
            "message_thread_id": thread_id,
            "link_preview_options": _NO_PREVIEW,
        }
        if reply_to is not None:
            # A card deleted meanwhile should not cost the staff the message about it.
            data["reply_parameters"] = {"message_id": reply_to, "allow_sending_without_reply": True}
        try:
            message_id = await self._call(chat_id, lambda: post(self.bot, "sendMessage", data))
        except ChatMoved as moved:
            chat_id = data["chat_id"] = await self._follow(moved)
            message_id = await self._call(chat_id, lambda: post(self.bot, "sendMessage", data))
        if reply.photos:
            try:
                await self._send_photos(chat_id, reply.photos, message_id, thread_id)
            except (BackendUnavailable, ChatUnreachable, MessageGone, TelegramError) as exc:
                # The message itself went out: its id must reach the caller, or the caller (a card
                # post, an outbox retry) would send the whole message again.
                log.error("photos under message %s in chat %s not sent: %s", message_id, chat_id, exc)
        return message_id

    async def _follow(self, moved: ChatMoved) -> int:
        """Remember that ``moved.old_chat_id`` is now ``moved.new_chat_id``, once it is kept; the new id."""
        old, new = moved.old_chat_id, moved.new_chat_id
        log.warning("chat %s became supergroup %s: messages for it go there from now on", old, new)
        if self.on_moved is not None:
            try:
                await self.on_moved(old, new)
            except Exception:
                # Not remembered either: the next send is refused again, followed again, and the move kept then.
                log.exception("the move of chat %s to %s could not be recorded", old, new)
                return new
        self.moves[old] = new
        return new

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        chat_id = self.moves.get(chat_id, chat_id)
        markup = render_markup(reply)
        try:
            await self._call(
                chat_id,
                lambda: post(
                    self.bot,
                    "editMessageText",
                    {
                        "chat_id": chat_id,
                        "message_id": message_id,
                        "text": render_text(reply),
                        "parse_mode": ParseMode.HTML,
                        # Only inline keyboards survive an edit; anything else would be refused.
                        "reply_markup": markup if isinstance(markup, InlineKeyboardMarkup) else None,
                        "link_preview_options": _NO_PREVIEW,
                    },
                ),
            )
        except BadRequest as exc:
            if _NOT_MODIFIED in exc.message.lower():
                return
            raise

    async def delete(self, chat_id: int, message_id: int) -> None:
        chat_id = self.moves.get(chat_id, chat_id)
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
            return _message_id(result)
        raise BackendUnavailable("telegram: too many retries")


def _message_id(result: Any) -> int:
    """The id of the (first) message a Bot API call answered with: a ``Message``, its JSON, or a list of either."""
    if isinstance(result, (list, tuple)):
        result = result[0]
    if isinstance(result, bool):
        return 0  # an edit of an inline message answers True
    if isinstance(result, dict):
        return int(result["message_id"])
    return int(result.message_id)


async def post(bot: Bot, endpoint: str, data: dict[str, Any]) -> Any:
    """Call Bot API ``endpoint`` with ``data`` (Bot API parameter names) and return its JSON result as it is.

    ``Bot.send_message`` and its kin parse every answer into a ``Message``: on a webhook turn that was the
    largest part of python-telegram-bot's CPU (``bench/README.md``), yet the desk reads only the message's
    id. ``Bot._post`` is what each of those methods calls once it has built its parameters: it inserts
    ``Defaults``, drops ``None`` values, serialises Telegram objects and passes through ``ExtBot``'s rate
    limiter, and errors come back as the same ``TelegramError`` subclasses. (``Bot.do_api_request``, its
    public face, warns for every method python-telegram-bot knows.) ``tests/telegram/test_sender.py`` pins
    the requests this makes against the fake Bot API's checks.
    """
    return await bot._post(endpoint, data)  # a private method: see above
