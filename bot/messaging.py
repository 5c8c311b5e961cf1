"""The message sender protocol: how the desk reaches a chat, whatever the channel."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from dialogs.replies import Reply


class ChatUnreachable(Exception):
    """The chat refuses messages for good (bot blocked, removed from the group): do not retry."""


@runtime_checkable
class MessageSender(Protocol):
    async def send(self, chat_id: int, reply: Reply) -> int:
        """Deliver one reply; return the channel's message id. Transient failures are retried inside;
        :class:`ChatUnreachable` when the chat is gone; :class:`bot.errors.BackendUnavailable` when the
        channel is down."""
        ...
