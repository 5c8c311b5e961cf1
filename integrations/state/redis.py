"""Dialog state in Redis: JSON per chat, a token lock per chat (SET NX PX, as redis-py's Lock), SET NX claims.

Claims and chat locks held by a turn are short leases renewed while the turn runs (see
``keys.LEASE_S``); a claim's value names the worker that holds it, so a worker whose lease lapsed
can neither renew nor release the claim another worker took over meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import orjson
import redis.asyncio as aioredis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.errors import BackendUnavailable
from integrations.state.base import Claim, Hold
from integrations.state.keys import (
    CLAIM_TTL_S,
    DONE_TTL_S,
    LEASE_RENEW_S,
    LEASE_S,
    LOCK_TIMEOUT_S,
    LOCK_WAIT_S,
    PROGRESS_TTL_S,
    STATE_TTL_S,
    KeyBuilder,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
_LOCK_POLL_S = 0.05  # how often a worker waiting for a chat's lock tries again

# Claim a key only if it is free; report what holds it otherwise. One round trip, atomic.
# ARGV: the holder's value ("busy:<worker>"), the lease in milliseconds. The scripts below that claim begin so.
_CLAIMED = """
local v = redis.call('GET', KEYS[1])
if v then
  if v == 'done' then return {'done'} end
  return {'busy'}
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
"""
_CLAIM = _CLAIMED + "return {'new'}\n"

# _CLAIM, and when new the value of KEYS[2] (a chat's state) too. Returns {'new', state or false} / {'busy'} / {'done'}.
_CLAIM_READING = _CLAIMED + "return {'new', redis.call('GET', KEYS[2])}\n"

# Extend a claim only while this worker holds it.
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""

# claim, then (when new) note the fields of ``first`` not noted yet, count one more attempt, read the progress.
# KEYS: the claim, the progress. ARGV: the holder, the lease (ms), the progress TTL (s), the counted field,
# then pairs of first fields and values. Returns {'new', progress as a flat list} or {'busy'} / {'done'}.
_BEGIN = (
    _CLAIMED
    + """
for i = 5, #ARGV, 2 do redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1]) end
redis.call('HINCRBY', KEYS[2], ARGV[4], 1)
redis.call('EXPIRE', KEYS[2], ARGV[3])
return {'new', redis.call('HGETALL', KEYS[2])}
"""
)

# Take a chat's lock (SET NX PX with this hold's token, as redis-py's Lock does) and, if taken, read states.
# KEYS: the lock, then the states. ARGV: the token, the lease (ms). Returns false, or {1, state or false...}.
_TAKE = """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
local out = {1}
for i = 2, #KEYS do out[i] = redis.call('GET', KEYS[i]) end
return out
"""

# Write a hold's states and release its lock if it is still this hold's. KEYS: the lock, then the states.
# ARGV: the token, then per state its TTL in seconds (0: delete it) and its JSON.
_LET_GO = """
for i = 2, #KEYS do
  local ttl = tonumber(ARGV[2 * i - 2])
  if ttl == 0 then redis.call('DEL', KEYS[i]) else redis.call('SET', KEYS[i], ARGV[2 * i - 1], 'EX', ttl) end
end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0
"""

# Mark a claim done, forget its progress, and write or delete states. KEYS: the claim, the progress, then the
# states. ARGV: how long "done" is kept (s), then per state its TTL in seconds (0: delete it) and its JSON.
_FINISH = """
redis.call('SET', KEYS[1], 'done', 'EX', ARGV[1])
redis.call('DEL', KEYS[2])
for i = 3, #KEYS do
  local ttl = tonumber(ARGV[2 * i - 4])
  if ttl == 0 then redis.call('DEL', KEYS[i]) else redis.call('SET', KEYS[i], ARGV[2 * i - 3], 'EX', ttl) end
end
return 0
"""

# Note fields of an update's progress and keep it PROGRESS_TTL_S more. KEYS: the progress. ARGV: the TTL (s),
# how many fields to forget, those fields, then pairs of fields and values to set.
_NOTE = """
local gone = tonumber(ARGV[2])
for i = 3, 2 + gone do redis.call('HDEL', KEYS[1], ARGV[i]) end
for i = 3 + gone, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 0
"""

# Add to a counter in an update's progress. KEYS: the progress. ARGV: the field, the step, the TTL (s).
_COUNT = """
local value = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return value
"""

# Forget a claim unless another worker holds it now ('busy' alone: written by an older version).
_RELEASE = """
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] or v == 'done' or v == 'busy' then redis.call('DEL', KEYS[1]) end
return 0
"""


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value or "")


class RedisStateStore:
    def __init__(self, client: aioredis.Redis, keys: KeyBuilder | None = None) -> None:
        self._r = client
        self._keys = keys or KeyBuilder()
        self._claim = self._r.register_script(_CLAIM)
        self._claim_reading = self._r.register_script(_CLAIM_READING)
        self._renew = self._r.register_script(_RENEW)
        self._release = self._r.register_script(_RELEASE)
        self._begin = self._r.register_script(_BEGIN)
        self._take = self._r.register_script(_TAKE)
        self._let_go = self._r.register_script(_LET_GO)
        # Scripts rather than MULTI pipelines: one command to pack and one answer to parse, not four or more.
        self._finish = self._r.register_script(_FINISH)
        self._note = self._r.register_script(_NOTE)
        self._count = self._r.register_script(_COUNT)
        self._holder = f"busy:{secrets.token_hex(8)}"  # this worker, in the claims it holds

    @property
    def client(self) -> aioredis.Redis:
        return self._r

    @property
    def keys(self) -> KeyBuilder:
        return self._keys

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

    async def save(self, chat: str, state: dict[str, Any], *, ttl: int | None = None) -> None:
        try:
            await self._r.set(self._keys.state(chat), orjson.dumps(state), ex=ttl or STATE_TTL_S)
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    async def clear(self, chat: str) -> None:
        try:
            await self._r.delete(self._keys.state(chat))
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    @asynccontextmanager
    async def lock(self, chat: str) -> AsyncIterator[None]:
        async with self.hold(chat):
            yield

    @asynccontextmanager
    async def hold(self, lock: str, *, read: Sequence[str] = ()) -> AsyncIterator[Hold]:
        names = [self._keys.lock(lock), *(self._keys.state(chat) for chat in read)]
        token = secrets.token_hex(8)
        loop = asyncio.get_running_loop()
        give_up = loop.time() + LOCK_WAIT_S
        try:
            while not (taken := await self._take(keys=names, args=[token, _ms(LEASE_S)])):
                if loop.time() >= give_up:
                    raise BackendUnavailable(f"chat {lock} is locked by another worker")
                await asyncio.sleep(_LOCK_POLL_S)
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc
        held = _RedisHold(self, dict(zip(read, taken[1:], strict=True)))
        keeper = asyncio.create_task(self._keep_lock(names[0], token, lock))
        try:
            yield held
        finally:
            keeper.cancel()
            writes = held.writes
            keys = [names[0], *(self._keys.state(chat) for chat in writes)]
            args: list[str | int | bytes] = [token]
            for ttl, raw in writes.values():
                args += [ttl, raw]
            try:
                await self._let_go(keys=keys, args=args)
            except _DOWN as exc:
                if writes:
                    raise BackendUnavailable(f"redis: {exc}") from exc
                # Nothing to write: the lock lapses by itself.

    async def _keep_lock(self, name: str, token: str, chat: str) -> None:
        """Renew a held chat lock every LEASE_RENEW_S, for at most LOCK_TIMEOUT_S (a hung turn lets go)."""
        loop = asyncio.get_running_loop()
        until = loop.time() + LOCK_TIMEOUT_S
        while loop.time() < until:
            await asyncio.sleep(LEASE_RENEW_S)
            try:
                if not await self._renew(keys=[name], args=[token, _ms(LEASE_S)]):
                    log.warning("lock of chat %s lapsed while held", chat)
                    return
            except _DOWN as exc:
                log.warning("could not renew the lock of chat %s: %s", chat, exc)

    async def claim(self, key: str, *, lease: float = CLAIM_TTL_S) -> Claim:
        try:
            result = await self._claim(keys=[self._keys.claim(key)], args=[self._holder, _ms(lease)])
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc
        return Claim(_text(result[0]))

    async def claim_reading(
        self, key: str, chat: str, *, lease: float = CLAIM_TTL_S
    ) -> tuple[Claim, dict[str, Any] | None]:
        try:
            result = await self._claim_reading(
                keys=[self._keys.claim(key), self._keys.state(chat)], args=[self._holder, _ms(lease)]
            )
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc
        claim = Claim(_text(result[0]))
        raw = result[1] if claim is Claim.NEW and len(result) > 1 else None
        return claim, orjson.loads(raw) if raw else None

    async def renew(self, key: str, lease: float) -> bool:
        try:
            return bool(await self._renew(keys=[self._keys.claim(key)], args=[self._holder, _ms(lease)]))
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    async def begin(
        self, key: str, *, lease: float, first: Mapping[str, str], count: str
    ) -> tuple[Claim, dict[str, str]]:
        args: list[str | int] = [self._holder, _ms(lease), PROGRESS_TTL_S, count]
        for name, value in first.items():
            args += [name, value]
        try:
            result = await self._begin(keys=[self._keys.claim(key), self._keys.progress(key)], args=args)
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc
        claim = Claim(_text(result[0]))
        if claim is not Claim.NEW:
            return claim, {}
        flat = result[1]
        return claim, {_text(flat[i]): _text(flat[i + 1]) for i in range(0, len(flat), 2)}

    async def finish(
        self, key: str, *, save: Mapping[str, dict[str, Any]] | None = None, clear: Sequence[str] = ()
    ) -> None:
        keys = [self._keys.claim(key), self._keys.progress(key)]
        args: list[str | int | bytes] = [DONE_TTL_S]
        for chat, state in (save or {}).items():
            keys.append(self._keys.state(chat))
            args += [STATE_TTL_S, orjson.dumps(state)]
        for chat in clear:
            keys.append(self._keys.state(chat))
            args += [0, ""]
        try:
            await self._finish(keys=keys, args=args)
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    async def release(self, key: str) -> None:
        try:
            await self._release(keys=[self._keys.claim(key)], args=[self._holder])
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    async def progress(self, key: str) -> dict[str, str]:
        try:
            raw = await self._r.hgetall(self._keys.progress(key))
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc
        return {_text(k): _text(v) for k, v in raw.items()}

    async def note(self, key: str, fields: Mapping[str, str | None]) -> None:
        gone = [f for f, v in fields.items() if v is None]
        args: list[str | int] = [PROGRESS_TTL_S, len(gone), *gone]
        for field, value in fields.items():
            if value is not None:
                args += [field, value]
        try:
            await self._note(keys=[self._keys.progress(key)], args=args)
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    async def count(self, key: str, field: str, by: int = 1) -> int:
        try:
            value = await self._count(keys=[self._keys.progress(key)], args=[field, by, PROGRESS_TTL_S])
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc
        return int(value)

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


def _ms(seconds: float) -> int:
    return max(1, int(seconds * 1000))


class _RedisHold:
    """What :meth:`RedisStateStore.hold` yields: the states read with the lock, the writes to make with its release."""

    def __init__(self, store: RedisStateStore, read: dict[str, bytes | None]) -> None:
        self._store = store
        self._read = read
        self.writes: dict[str, tuple[int, bytes]] = {}  # chat -> (TTL in seconds, 0: clear; JSON)

    async def load(self, chat: str) -> dict[str, Any] | None:
        if chat in self.writes:
            ttl, raw = self.writes[chat]
            return orjson.loads(raw) if ttl else None
        if chat in self._read:
            read = self._read[chat]
            return None if read is None else orjson.loads(read)
        return await self._store.load(chat)

    def save(self, chat: str, state: dict[str, Any], *, ttl: int | None = None) -> None:
        self.writes[chat] = (ttl or STATE_TTL_S, orjson.dumps(state))

    def clear(self, chat: str) -> None:
        self.writes[chat] = (0, b"")
