"""An aiohttp transport for python-telegram-bot (a ``BaseRequest`` subclass).

PTB's default httpx transport is the first bottleneck of a busy bot (bench/inbound.py measures
both); aiohttp keeps one pooled session per bot and costs far less per request. Request bodies
and answers are encoded and parsed with orjson rather than the standard library's json (PTB's
documented hooks: :attr:`RequestData.parameters`, :meth:`BaseRequest.parse_json_payload`); the
body is what PTB would send, each non-string parameter a JSON string of its own.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import orjson
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import JSONDict, ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


class AiohttpRequest(BaseRequest):
    __slots__ = ("_connection_pool_size", "_read_timeout", "_session", "_timeouts")

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 10.0,
        write_timeout: float | None = 20.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 5.0,
    ) -> None:
        self._connection_pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._timeouts = {"write": write_timeout, "connect": connect_timeout, "pool": pool_timeout}
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._connection_pool_size, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(connector=connector)

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    @staticmethod
    def parse_json_payload(payload: bytes) -> JSONDict:
        try:
            parsed = orjson.loads(payload)
        except orjson.JSONDecodeError:
            # Not JSON, or not UTF-8: PTB's own parser says so (and logs it) as it would.
            return BaseRequest.parse_json_payload(payload)
        if not isinstance(parsed, dict):
            return BaseRequest.parse_json_payload(payload)
        return parsed

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = self._timeouts["connect"] if isinstance(connect_timeout, DefaultValue) else connect_timeout
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=connect, sock_read=read)
        kwargs: dict[str, Any] = {"timeout": timeout}
        if request_data is not None:
            # ``contains_files`` is set once when PTB builds the request; ``multipart_data`` would walk every
            # parameter for files again on each call, most of which carry none.
            if request_data.contains_files:
                form = aiohttp.FormData()
                for name, value in request_data.json_parameters.items():
                    form.add_field(name, value)
                for name, part in request_data.multipart_data.items():
                    filename, content, *rest = part
                    form.add_field(
                        name,
                        content,
                        filename=filename or name,
                        content_type=rest[0] if rest else "application/octet-stream",
                    )
                kwargs["data"] = form
            else:
                kwargs["data"] = json_payload(request_data)
                kwargs["headers"] = {"Content-Type": "application/json", "User-Agent": self.USER_AGENT}
        try:
            async with self._session.request(method, url, **kwargs) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except asyncio.TimeoutError as exc:  # noqa: UP041 - older aiohttp raise the alias
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{exc.__class__.__name__}: {exc}") from exc


def json_payload(request_data: RequestData) -> bytes:
    """``request_data.json_payload``, encoded with orjson: strings as they are, anything else as a JSON string."""
    return orjson.dumps(
        {
            name: value if isinstance(value, str) else orjson.dumps(value).decode()
            for name, value in request_data.parameters.items()
        }
    )
