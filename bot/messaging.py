"""The message sender protocol: how the desk reaches a chat, whatever the channel."""

from __future__ import annotations

import hashlib
from enum import IntEnum
from typing import Protocol, runtime_checkable

from bot.errors import BackendUnavailable
from dialogs.replies import Reply


def fingerprint(reply: Reply) -> str:
    """What an edit of a message can change: its text and its buttons (photos are messages of their own).

    Two replies with one fingerprint look the same; Telegram refuses an edit between them ("message is
    not modified"), so senders compare fingerprints rather than send it.
    """
    shown = repr((reply.title, reply.text, reply.fields, reply.choices))
    return hashlib.sha256(shown.encode()).hexdigest()[:32]


class ChatUnreachable(Exception):
    """The chat refuses messages for good (bot blocked, removed from the group): do not retry."""


class ChatMoved(ChatUnreachable):
    """The group became a supergroup with a new chat id: send there from now on. The Telegram sender follows the
    move itself (and keeps it); callers see this only where no sender stands between them and the Bot API."""

    def __init__(self, old_chat_id: int, new_chat_id: int) -> None:
        super().__init__(f"chat {old_chat_id} migrated to {new_chat_id}")
        self.old_chat_id = old_chat_id
        self.new_chat_id = new_chat_id


class MessageGone(Exception):
    """The message can no longer be edited (too old, deleted): post a new one instead."""


class RateLimited(BackendUnavailable):
    """The channel asks us to wait ``retry_after`` seconds before writing to this chat again."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Priority(IntEnum):
    """Which of a busy group's waiting messages go first (lower first).

    A sender with no queue may ignore it; :class:`bot.channels.telegram.group_outbox.GroupOutbox` orders by it.
    """

    EMERGENCY = 0  # never batched, may use the headroom kept for emergencies
    HIGH = 1  # answers to a staff action (prompts, relays, card edits): never batched
    NORMAL = 2  # new cards and notices: batched into a digest when the group is over its limit
    LOW = 3  # catch-up (a card re-posted after a digest): never batched, goes when nothing else waits


@runtime_checkable
class MessageSender(Protocol):
    async def send(
        self,
        chat_id: int,
        reply: Reply,
        *,
        reply_to: int | None = None,
        thread_id: int | None = None,
        priority: Priority = Priority.NORMAL,
    ) -> int:
        """Deliver one reply; return the channel's message id. Transient failures are retried inside;
        :class:`ChatUnreachable` when the chat is gone; :class:`bot.errors.BackendUnavailable` when the
        channel is down. ``reply_to`` threads it under a message (sent anyway if that one is gone);
        ``thread_id`` puts it in a forum topic (:class:`MessageGone` if the topic is gone)."""
        ...

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        """Replace the text and buttons of a message we sent. Unchanged content is a success;
        :class:`MessageGone` when the message can no longer be edited (deleted, too old)."""
        ...

    async def delete(self, chat_id: int, message_id: int) -> None:
        """Take down a message we sent. A message already gone is a success; :class:`ChatUnreachable`
        when the chat is gone; :class:`bot.errors.BackendUnavailable` when the channel is down."""
        ...
