"""Errors of the fake telephony provider: the failures Twilio reports, and misuse of the simulation API."""

from __future__ import annotations

from typing import Any

from bot.errors import EstatedeskError


class FakeTelephonyError(EstatedeskError):
    """Root of everything the fake telephony provider raises on purpose."""


class ProviderError(FakeTelephonyError):
    """Something Twilio would log in the account's debugger: an invalid TwiML document (12100 parse failure,
    12200 schema violation), a webhook that failed (11200), a status callback that was refused (15003) ...

    The fake records these on :attr:`FakeTwilio.errors`; a test that does not expect one fails.
    """

    def __init__(self, code: int, message: str, *, call_sid: str | None = None, url: str | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.call_sid = call_sid
        self.url = url

    def __repr__(self) -> str:
        return f"ProviderError({self.code}, {self.message!r}, url={self.url!r})"


class TwimlError(ProviderError):
    """The TwiML document cannot be run: 12100 (not XML / wrong root) or 12200 (schema: verbs, attributes, nesting)."""


def parse_failure(message: str) -> TwimlError:
    return TwimlError(12100, f"Document parse failure: {message}")


def schema_violation(message: str) -> TwimlError:
    return TwimlError(12200, f"Schema validation warning: {message}")


class RestError(FakeTelephonyError):
    """A REST API request refused the way Twilio refuses it; answered as Twilio's JSON error body."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def body(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "more_info": f"https://www.twilio.com/docs/errors/{self.code}",
            "status": self.status,
        }


class SimulationError(FakeTelephonyError):
    """A test asked the fake to do something a real caller could not (press a key on a finished call)."""


class WaitTimeout(FakeTelephonyError, TimeoutError):
    """A condition awaited on the fake did not come true in time; the message says what was seen instead."""
