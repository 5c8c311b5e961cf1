"""Forum topics in staff groups: where a group has topics enabled, each ticket gets its own, named
"R-000123 · Received · 3-502" and renamed as the ticket changes."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.channels.telegram.group_outbox import GroupOutbox
from bot.channels.telegram.ratelimit import retry_after_seconds
from bot.domain.text import shorten
from bot.errors import BackendUnavailable, EstatedeskError
from bot.messaging import ChatMoved, ChatUnreachable, MessageGone, Priority, RateLimited

log = logging.getLogger(__name__)

MAX_TOPIC_NAME = 128  # Telegram's limit for a topic's name
SEPARATOR = " · "


class TopicsUnavailable(EstatedeskError):
    """The group is not a forum, or the bot may not manage its topics: use the card's reply thread."""


def topic_name(number: str, status_label: str, place: str) -> str:
    """``R-000123 · Received · 3-502``, within Telegram's 128 characters (the place is cut first)."""
    place = " ".join(place.split()) or "-"
    head = f"{number}{SEPARATOR}{status_label}{SEPARATOR}"
    if len(head) + len(place) <= MAX_TOPIC_NAME:
        return head + place
    if len(head) <= MAX_TOPIC_NAME - 2:
        return head + shorten(place, MAX_TOPIC_NAME - len(head))
    return shorten(head + place, MAX_TOPIC_NAME)


async def ensure_topic(bot: Bot, chat_id: int, name: str) -> int:
    """Open a topic called ``name`` in the forum group; return its thread id.

    :class:`TopicsUnavailable` when the group has no topics or the bot lacks the right to manage them.
    """
    topic = await _call(chat_id, lambda: bot.create_forum_topic(chat_id, _fit(name)))
    return int(topic.message_thread_id)


async def rename_topic(bot: Bot, chat_id: int, thread_id: int, name: str) -> None:
    """Rename a topic; the same name again is a success. :class:`~bot.messaging.MessageGone` if it was deleted."""
    await _call(chat_id, lambda: bot.edit_forum_topic(chat_id, thread_id, name=_fit(name)))


class ForumTopics:
    """What the desk calls: topic changes budgeted by the group's outbox, failures logged and answered with
    "no topic" so the card's reply thread serves instead."""

    def __init__(self, bot: Bot, outbox: GroupOutbox | None = None) -> None:
        self.bot = bot
        self.outbox = outbox

    async def ensure_topic(self, chat_id: int, name: str, *, priority: Priority = Priority.HIGH) -> int | None:
        """The new topic's thread id, or None when the group cannot have one (logged)."""
        try:
            return await self._budgeted(chat_id, lambda: ensure_topic(self.bot, chat_id, name), priority, None)
        except TopicsUnavailable as exc:
            log.warning("no topic in group %s (%s); the card's reply thread serves", chat_id, exc)
            return None

    async def rename_topic(
        self, chat_id: int, thread_id: int, name: str, *, priority: Priority = Priority.NORMAL
    ) -> bool:
        """Rename (renames still waiting for the same topic coalesce). False when the topic is gone (logged)."""
        try:
            await self._budgeted(
                chat_id, lambda: rename_topic(self.bot, chat_id, thread_id, name), priority, ("topic", thread_id)
            )
        except (MessageGone, TopicsUnavailable) as exc:
            log.warning("topic %s in group %s not renamed: %s", thread_id, chat_id, exc)
            return False
        return True

    async def _budgeted(
        self, chat_id: int, make: Callable[[], Awaitable[Any]], priority: Priority, key: tuple[str, int] | None
    ) -> Any:
        if self.outbox is None:
            return await make()
        return await self.outbox.call(chat_id, make, priority=priority, key=key)


def _fit(name: str) -> str:
    name = " ".join(name.split()) or "-"
    return shorten(name, MAX_TOPIC_NAME)


async def _call(chat_id: int, make: Callable[[], Awaitable[Any]]) -> Any:
    try:
        return await make()
    except Forbidden as exc:
        raise ChatUnreachable(str(exc)) from exc
    except ChatMigrated as exc:
        raise ChatMoved(chat_id, exc.new_chat_id) from exc
    except RetryAfter as exc:
        raise RateLimited(f"telegram: {exc}", retry_after_seconds(exc)) from exc
    except BadRequest as exc:
        description = exc.message.lower()
        if "topic_not_modified" in description:
            return True
        if "chat not found" in description:
            raise ChatUnreachable(str(exc)) from exc
        if any(gone in description for gone in ("topic_id_invalid", "message thread not found", "topic_deleted")):
            raise MessageGone(str(exc)) from exc
        raise TopicsUnavailable(f"telegram: {exc.message}") from exc
    except (TimedOut, NetworkError) as exc:
        raise BackendUnavailable(f"telegram: {exc}") from exc
