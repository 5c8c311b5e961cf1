"""Errors of the fake Telegram server: Bot API failures it answers with, and misuse of its simulation API."""

from __future__ import annotations

from typing import Any

from bot.errors import EstatedeskError


class FakeTelegramError(EstatedeskError):
    """Root of everything the fake Telegram server raises on purpose."""


class BotApiError(FakeTelegramError):
    """A Bot API call fails the way Telegram would fail it; the HTTP layer turns it into the error envelope.

    ``description`` is the full text Telegram sends, prefix included ("Bad Request: chat not found").
    """

    def __init__(
        self,
        status: int,
        description: str,
        *,
        retry_after: int | None = None,
        html_body: str | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id
        # Some failures (a 502 from Telegram's nginx) come as an HTML page instead of the JSON envelope.
        self.html_body = html_body

    def envelope(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.status, "description": self.description}
        parameters: dict[str, int] = {}
        if self.retry_after is not None:
            parameters["retry_after"] = self.retry_after
        if self.migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = self.migrate_to_chat_id
        if parameters:
            body["parameters"] = parameters
        return body


def bad_request(reason: str) -> BotApiError:
    """A 400 with Telegram's "Bad Request: " prefix."""
    return BotApiError(400, f"Bad Request: {reason}")


def too_many_requests(retry_after: int) -> BotApiError:
    return BotApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)


class SimulationError(FakeTelegramError):
    """A test asked the fake to do something a real user could not (press a button that is not there)."""


class WaitTimeout(FakeTelegramError, TimeoutError):
    """A condition awaited on the fake did not come true in time; the message says what was seen instead."""
