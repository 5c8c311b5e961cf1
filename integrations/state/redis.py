"""Dialog state in Redis: JSON per chat, redis-py's token lock per chat, SET NX claims."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import orjson
import redis.asyncio as aioredis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import LockError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.errors import BackendUnavailable
from integrations.state.base import Claim
from integrations.state.keys import (
    CLAIM_TTL_S,
    DONE_TTL_S,
    LOCK_TIMEOUT_S,
    LOCK_WAIT_S,
    STATE_TTL_S,
    KeyBuilder,
)

T = TypeVar("T")
_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)

# Claim a key only if it is free; report what holds it otherwise. One round trip, atomic.
_CLAIM = """
local v = redis.call('GET', KEYS[1])
if v then return v end
redis.call('SET', KEYS[1], 'busy', 'EX', ARGV[1])
return 'new'
"""


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value or "")


class RedisStateStore:
    def __init__(self, client: aioredis.Redis, keys: KeyBuilder | None = None) -> None:
        self._r = client
        self._keys = keys or KeyBuilder()
        self._claim = self._r.register_script(_CLAIM)

    @classmethod
    def from_url(cls, url: str, prefix: str = "estatedesk") -> RedisStateStore:
        client = aioredis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=3)
        return cls(client, KeyBuilder(prefix))

    async def load(self, chat: str) -> dict[str, Any] | None:
        try:
            raw = await self._r.get(self._keys.state(chat))
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc
        return None if raw is None else orjson.loads(raw)

    async def save(self, chat: str, state: dict[str, Any]) -> None:
        try:
            await self._r.set(self._keys.state(chat), orjson.dumps(state), ex=STATE_TTL_S)
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    async def clear(self, chat: str) -> None:
        try:
            await self._r.delete(self._keys.state(chat))
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    @asynccontextmanager
    async def lock(self, chat: str) -> AsyncIterator[None]:
        lock = self._r.lock(self._keys.lock(chat), timeout=LOCK_TIMEOUT_S, blocking_timeout=LOCK_WAIT_S)
        try:
            acquired = await lock.acquire()
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc
        if not acquired:
            raise BackendUnavailable(f"chat {chat} is locked by another worker")
        try:
            yield
        finally:
            try:
                await lock.release()
            except LockError:
                # The lock expired while we held it; another worker may own it now. Nothing to undo.
                pass
            except _DOWN:
                pass

    async def claim(self, key: str) -> Claim:
        try:
            result = await self._claim(keys=[self._keys.claim(key)], args=[CLAIM_TTL_S])
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc
        value = result.decode() if isinstance(result, bytes) else str(result)
        return Claim(value)

    async def finish(self, key: str) -> None:
        try:
            await self._r.set(self._keys.claim(key), "done", ex=DONE_TTL_S)
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    async def release(self, key: str) -> None:
        try:
            await self._r.delete(self._keys.claim(key))
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    async def incr(self, key: str) -> int:
        try:
            return int(await self._r.incr(self._keys.counter(key)))
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    async def ping(self) -> None:
        try:
            await self._r.ping()
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    async def durability(self) -> str | None:
        """Whether Redis writes to disk (AOF, or RDB snapshots), from CONFIG GET or, where a managed
        Redis refuses CONFIG, from INFO persistence."""
        try:
            try:
                config = await self._r.config_get("appendonly")
                config.update(await self._r.config_get("save"))
                aof = _text(config.get("appendonly")) == "yes"
                rdb = bool(_text(config.get("save")).strip())
            except ResponseError:
                info = await self._r.info("persistence")
                aof = bool(int(info.get("aof_enabled", 0)))
                rdb = False  # INFO does not say whether snapshots are configured
                if not aof:
                    return "CONFIG GET is refused and INFO persistence shows no append-only file"
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc
        if aof or rdb:
            return None
        return "Redis has neither appendonly nor save configured"

    async def close(self) -> None:
        await self._r.aclose()
