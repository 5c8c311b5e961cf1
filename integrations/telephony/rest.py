"""Outbound telephony: place a call, send a text, through the provider's REST API.

Twilio first, over the real ``twilio.rest.Client`` with its asyncio HTTP client. Failures are sorted at this
boundary: what may pass if tried again (the provider down or overloaded, 429/5xx, the network) is
:class:`~bot.errors.BackendUnavailable`; what the provider refuses for good (a number that is not a number, a
recipient who texted STOP, wrong credentials) is :class:`OutboundRefused` with the provider's error code, so a
caller retries the first kind later and gives up on, or reports, the second.

``base_url`` points the client elsewhere than api.twilio.com (the fake provider in tests and the demo): twilio 9
builds every 2010-04-01 API URL from ``client.api.base_url``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import aiohttp
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.rest import Client

from bot.errors import BackendUnavailable, EstatedeskError

log = logging.getLogger(__name__)

CALL_EVENTS = ("initiated", "ringing", "answered", "completed")
# Twilio's codes for a recipient who opted out of texts (replied STOP).
UNSUBSCRIBED = 21610


class OutboundRefused(EstatedeskError):
    """The provider refused the request for good; ``code`` is its error code (21211 invalid number ...)."""

    def __init__(self, code: int | None, message: str, status: int) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status

    @property
    def unsubscribed(self) -> bool:
        return self.code == UNSUBSCRIBED


@dataclass(frozen=True)
class Placed:
    """What the provider answered to a call or a text: its id and first status (queued, accepted)."""

    sid: str
    status: str


@runtime_checkable
class Outbound(Protocol):
    """What the bot asks of a telephony provider's REST API."""

    async def place_call(
        self,
        to: str,
        from_: str,
        url: str,
        *,
        status_callback: str | None = None,
        events: Sequence[str] = CALL_EVENTS,
        ring_seconds: int = 30,
        machine_detection: bool = False,
    ) -> Placed: ...

    async def send_sms(
        self,
        to: str,
        body: str,
        *,
        from_: str | None = None,
        service: str | None = None,
        status_callback: str | None = None,
    ) -> Placed: ...

    async def hang_up(self, call_sid: str) -> None: ...

    async def close(self) -> None: ...


class TwilioOutbound:
    """:class:`Outbound` over ``twilio.rest.Client``."""

    def __init__(
        self, account_sid: str, auth_token: str, *, base_url: str | None = None, timeout: float = 10.0
    ) -> None:
        if not account_sid or not auth_token:
            raise ValueError("a Twilio account SID and auth token are required for outbound calls and texts")
        self._account_sid = account_sid
        self._auth_token = auth_token
        self._base_url = base_url.rstrip("/") if base_url else None
        self._timeout = timeout
        self._client: Any = None

    def _rest(self) -> Any:
        # Built on first use: the asyncio HTTP client opens its session in the running loop.
        if self._client is None:
            client = Client(
                self._account_sid, self._auth_token, http_client=AsyncTwilioHttpClient(timeout=self._timeout)
            )
            if self._base_url:
                client.api.base_url = self._base_url
            self._client = client
        return self._client

    async def place_call(
        self,
        to: str,
        from_: str,
        url: str,
        *,
        status_callback: str | None = None,
        events: Sequence[str] = CALL_EVENTS,
        ring_seconds: int = 30,
        machine_detection: bool = False,
    ) -> Placed:
        options: dict[str, Any] = {"to": to, "from_": from_, "url": url, "method": "POST", "timeout": ring_seconds}
        if status_callback:
            options |= {
                "status_callback": status_callback,
                "status_callback_event": list(events),
                "status_callback_method": "POST",
            }
        if machine_detection:
            options["machine_detection"] = "Enable"
        call = await self._call(self._rest().calls.create_async(**options), f"call to {to}")
        return Placed(call.sid, call.status)

    async def send_sms(
        self,
        to: str,
        body: str,
        *,
        from_: str | None = None,
        service: str | None = None,
        status_callback: str | None = None,
    ) -> Placed:
        if not (from_ or service):
            raise ValueError("a text needs a From number or a messaging service")
        options: dict[str, Any] = {"to": to, "body": body}
        if from_:
            options["from_"] = from_
        if service:
            options["messaging_service_sid"] = service
        if status_callback:
            options["status_callback"] = status_callback
        message = await self._call(self._rest().messages.create_async(**options), f"text to {to}")
        return Placed(message.sid, message.status)

    async def hang_up(self, call_sid: str) -> None:
        await self._call(self._rest().calls(call_sid).update_async(status="completed"), f"hanging up {call_sid}")

    async def close(self) -> None:
        if self._client is not None:
            await self._client.http_client.close()
            self._client = None

    @staticmethod
    async def _call(request: Any, what: str) -> Any:
        try:
            return await request
        except TwilioRestException as exc:
            if exc.status == 429 or exc.status >= 500:
                raise BackendUnavailable(f"{what}: the provider answered {exc.status} ({exc.code})") from exc
            log.warning("%s refused by the provider: %s %s", what, exc.code, exc.msg)
            raise OutboundRefused(exc.code, str(exc.msg), exc.status) from exc
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise BackendUnavailable(f"{what}: the provider cannot be reached: {exc}") from exc
