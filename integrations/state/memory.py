"""In-process state store for the embedded demo and single-process runs. Same contract as Redis."""

from __future__ import annotations

import asyncio
import copy
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

from integrations.state.base import Claim, Hold
from integrations.state.keys import CLAIM_TTL_S, DONE_TTL_S, PROGRESS_TTL_S


class MemoryStateStore:
    def __init__(self) -> None:
        self._states: dict[str, dict[str, Any]] = {}
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._claims: dict[str, tuple[Claim, float]] = {}
        self._progress: dict[str, tuple[dict[str, str], float]] = {}
        self._counters: dict[str, int] = {}

    async def load(self, chat: str) -> dict[str, Any] | None:
        state = self._states.get(chat)
        # A copy, so a dialog that fails half-way leaves the stored state untouched (as with Redis).
        return None if state is None else copy.deepcopy(state)

    async def save(self, chat: str, state: dict[str, Any], *, ttl: int | None = None) -> None:
        # One process that lives for hours: state is not expired here (``ttl`` is for the Redis store).
        self._states[chat] = copy.deepcopy(state)

    async def clear(self, chat: str) -> None:
        self._states.pop(chat, None)

    @asynccontextmanager
    async def lock(self, chat: str) -> AsyncIterator[None]:
        # One process: a holder that dies takes the whole store with it, so no lease is needed.
        async with self._locks[chat]:
            yield

    @asynccontextmanager
    async def hold(self, lock: str, *, read: Sequence[str] = ()) -> AsyncIterator[Hold]:
        async with self.lock(lock):
            held = _MemoryHold(self)
            try:
                yield held
            finally:
                for chat, state in held.writes.items():
                    if state is None:
                        await self.clear(chat)
                    else:
                        await self.save(chat, state)

    async def claim_reading(
        self, key: str, chat: str, *, lease: float = CLAIM_TTL_S
    ) -> tuple[Claim, dict[str, Any] | None]:
        claim = await self.claim(key, lease=lease)
        return claim, await self.load(chat) if claim is Claim.NEW else None

    async def claim(self, key: str, *, lease: float = CLAIM_TTL_S) -> Claim:
        now = time.monotonic()
        if len(self._claims) > 50_000:
            self._claims = {k: v for k, v in self._claims.items() if v[1] > now}
        held = self._claims.get(key)
        if held and held[1] > now:
            return held[0]
        self._claims[key] = (Claim.BUSY, now + lease)
        return Claim.NEW

    async def renew(self, key: str, lease: float) -> bool:
        held = self._claims.get(key)
        now = time.monotonic()
        if held is None or held[0] is not Claim.BUSY or held[1] <= now:
            return False
        self._claims[key] = (Claim.BUSY, now + lease)
        return True

    async def begin(
        self, key: str, *, lease: float, first: Mapping[str, str], count: str
    ) -> tuple[Claim, dict[str, str]]:
        claim = await self.claim(key, lease=lease)
        if claim is not Claim.NEW:
            return claim, {}
        noted = await self.progress(key)
        await self.note(key, {name: value for name, value in first.items() if name not in noted})
        await self.count(key, count)
        return claim, await self.progress(key)

    async def finish(
        self, key: str, *, save: Mapping[str, dict[str, Any]] | None = None, clear: Sequence[str] = ()
    ) -> None:
        self._claims[key] = (Claim.DONE, time.monotonic() + DONE_TTL_S)
        self._progress.pop(key, None)
        for chat, state in (save or {}).items():
            await self.save(chat, state)
        for chat in clear:
            await self.clear(chat)

    async def release(self, key: str) -> None:
        self._claims.pop(key, None)

    async def progress(self, key: str) -> dict[str, str]:
        held = self._progress.get(key)
        if held is None or held[1] <= time.monotonic():
            return {}
        return dict(held[0])

    async def note(self, key: str, fields: Mapping[str, str | None]) -> None:
        now = time.monotonic()
        if len(self._progress) > 50_000:
            self._progress = {k: v for k, v in self._progress.items() if v[1] > now}
        current = await self.progress(key)
        for name, value in fields.items():
            if value is None:
                current.pop(name, None)
            else:
                current[name] = value
        self._progress[key] = (current, now + PROGRESS_TTL_S)

    async def count(self, key: str, field: str, by: int = 1) -> int:
        current = await self.progress(key)
        value = int(current.get(field, "0")) + by
        await self.note(key, {field: str(value)})
        return value

    async def incr(self, key: str) -> int:
        self._counters[key] = self._counters.get(key, 0) + 1
        return self._counters[key]

    async def ping(self) -> None:
        return None

    async def durability(self) -> None:
        # Lost with the process, but so is everything it served: one process, no one to tell.
        return None

    async def close(self) -> None:
        return None


class _MemoryHold:
    def __init__(self, store: MemoryStateStore) -> None:
        self._store = store
        self.writes: dict[str, dict[str, Any] | None] = {}  # chat -> state (a copy), None: clear

    async def load(self, chat: str) -> dict[str, Any] | None:
        if chat in self.writes:
            state = self.writes[chat]
            return None if state is None else copy.deepcopy(state)
        return await self._store.load(chat)

    def save(self, chat: str, state: dict[str, Any], *, ttl: int | None = None) -> None:
        self.writes[chat] = copy.deepcopy(state)

    def clear(self, chat: str) -> None:
        self.writes[chat] = None
