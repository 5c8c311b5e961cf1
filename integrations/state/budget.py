"""Telegram's send budgets shared by every worker: sliding windows with in-flight slots, and a shared pause.

A send *reserves* a slot in each window it counts against (the bot's ~30/s, its chat's window, a pacing
window of its own) and *settles* it when Telegram answered. Telegram counts a message when it arrives,
somewhere between our request and its answer, so a slot is held from the reservation until ``span``
seconds after the answer: however long the request waits in a loaded worker's event loop or on the
network, no window at Telegram holds more than ``limit`` of ours. A slot whose settle never comes (its
worker died) is given up ``HOLD_S`` after its reservation.

:class:`RedisFloodBudget` keeps the windows in Redis sorted sets and decides in one Lua script per
reservation (one round trip, atomic across workers, timed by Redis' own clock so the workers' clocks
need not agree); :class:`MemoryFloodBudget` is the same algorithm in one process (the demo, tests).
"""

from __future__ import annotations

import asyncio
import itertools
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import redis.asyncio as aioredis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.errors import BackendUnavailable
from integrations.state.keys import KeyBuilder

# A reserved slot whose worker never settles it (killed mid-send) is free again after this long.
HOLD_S = 10.0
# While every slot of a full window is still in flight, look again this often.
POLL_S = 0.02
# Added to every span: Telegram's clock and ours tick apart by a few milliseconds.
MARGIN_S = 0.01
_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


@dataclass(frozen=True)
class Window:
    """At most ``limit`` messages in any ``span`` seconds, counted in the shared window ``name``.

    Two windows with one name and different limits share their slots: a notice may take the bot's
    global window only while fewer than 25 of its 30 slots are used, a reply up to all 30."""

    name: str
    limit: int
    span: float


# The bot's overall window (Telegram: about 30 messages a second); every sender counts against it.
OVERALL = Window("overall", 30, 1.0)


@dataclass(frozen=True)
class Slot:
    """One reserved message: settle it once Telegram answered (or the request failed)."""

    member: str
    windows: tuple[str, ...]
    cost: int = 1


class FloodBudget(Protocol):
    async def try_reserve(
        self, windows: Sequence[Window], *, spacing: tuple[str, float] | None = None, cost: int = 1
    ) -> Slot | float:
        """Reserve ``cost`` slots in every window now, or return the seconds to wait before trying again."""
        ...

    async def settle(self, slot: Slot, *, counted: bool) -> None:
        """Telegram answered: the slot now ages from this moment (``counted``), or is freed (it never arrived)."""
        ...

    async def pause(self, seconds: float) -> None:
        """Telegram said 429: no reservation succeeds for ``seconds`` (its flood control is per bot)."""
        ...


async def reserve(
    budget: FloodBudget, windows: Sequence[Window], *, spacing: tuple[str, float] | None = None, cost: int = 1
) -> Slot:
    """Wait until ``windows`` (and ``spacing``: the name of a pace and the seconds between its sends) allow a send."""
    while True:
        got = await budget.try_reserve(windows, spacing=spacing, cost=cost)
        if isinstance(got, Slot):
            return got
        await asyncio.sleep(got)


def _members(base: str, cost: int) -> list[str]:
    return [base] if cost == 1 else [f"{base}/{i}" for i in range(cost)]


@dataclass
class MemoryFloodBudget:
    """The shared budget for one process (no Redis): the same rules, in dictionaries."""

    clock: Callable[[], float] = time.monotonic
    _windows: dict[str, dict[str, float]] = field(default_factory=dict)
    _paces: dict[str, float] = field(default_factory=dict)
    _paused_until: float = 0.0
    _ids: itertools.count[int] = field(default_factory=itertools.count)

    async def try_reserve(
        self, windows: Sequence[Window], *, spacing: tuple[str, float] | None = None, cost: int = 1
    ) -> Slot | float:
        now = self.clock()
        if len(self._windows) > 10_000:  # forget idle chats' windows
            self._windows = {n: h for n, h in self._windows.items() if any(at > now - 120 for at in h.values())}
        wait = self._paused_until - now
        due = self._paces.get(spacing[0], float("-inf")) + spacing[1] if spacing is not None else now
        wait = max(wait, due - now)
        for window in windows:
            span = window.span + MARGIN_S
            held = self._windows.setdefault(window.name, {})
            for member in [m for m, at in held.items() if at <= now - span]:
                del held[member]
            excess = len(held) + cost - window.limit
            if excess > 0:
                at = sorted(held.values())[min(excess, len(held)) - 1] if held else now
                wait = max(wait, POLL_S if at > now else at + span - now)
        if wait > 0:
            return wait
        slot = Slot(f"m{next(self._ids)}", tuple(dict.fromkeys(w.name for w in windows)), cost)
        for name in slot.windows:
            for member in _members(slot.member, cost):
                self._windows[name][member] = now + HOLD_S
        if spacing is not None:
            # Late by less than one spacing: keep to the schedule (see the Lua script).
            self._paces[spacing[0]] = due if now - due < spacing[1] else now
        return slot

    async def settle(self, slot: Slot, *, counted: bool) -> None:
        now = self.clock()
        for name in slot.windows:
            held = self._windows.get(name, {})
            for member in _members(slot.member, slot.cost):
                if member in held:
                    if counted:
                        held[member] = now
                    else:
                        del held[member]

    async def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, self.clock() + seconds)


# KEYS[1] the pause key, KEYS[2] the pace key (may be unused), KEYS[3..] the windows' sorted sets.
# ARGV[1] the member, ARGV[2] the cost, ARGV[3] hold ms, ARGV[4] spacing ms (0: none), ARGV[5] poll ms,
# then per window: limit, span ms. Returns 0 when reserved, else the milliseconds to wait.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cost = tonumber(ARGV[2])
local hold = tonumber(ARGV[3])
local spacing = tonumber(ARGV[4])
local poll = tonumber(ARGV[5])
local wait = 0
local paused = tonumber(redis.call('GET', KEYS[1]) or '0')
if paused > now then wait = paused - now end
local due = tonumber(redis.call('GET', KEYS[2]) or '-1e15') + spacing
if spacing > 0 and due > now then wait = math.max(wait, due - now) end
for i = 3, #KEYS do
  local limit = tonumber(ARGV[2 * i])
  local span = tonumber(ARGV[2 * i + 1])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - span)
  local n = redis.call('ZCARD', KEYS[i])
  local excess = n + cost - limit
  if excess > 0 then
    local idx = math.min(excess, n) - 1
    local w = poll
    if idx >= 0 then
      local at = tonumber(redis.call('ZRANGE', KEYS[i], idx, idx, 'WITHSCORES')[2])
      if at <= now then w = at + span - now end
    end
    if w > wait then wait = w end
  end
end
if wait > 0 then return wait end
for i = 3, #KEYS do
  local span = tonumber(ARGV[2 * i + 1])
  for c = 1, cost do
    local member = ARGV[1]
    if cost > 1 then member = member .. '/' .. (c - 1) end
    redis.call('ZADD', KEYS[i], now + hold, member)
  end
  redis.call('PEXPIRE', KEYS[i], span + hold)
end
if spacing > 0 then
  -- A send that starts a little late (less than one spacing) keeps to the schedule: the pace is the
  -- schedule's, not the sum of every wake-up's lateness. The windows still bound any burst.
  local start = now
  if now - due < spacing then start = due end
  redis.call('SET', KEYS[2], start, 'PX', spacing + 1000)
end
return 0
"""

# KEYS: the windows' sorted sets. ARGV[1] the member, ARGV[2] the cost, ARGV[3] 1 = counted, 0 = free it.
_SETTLE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cost = tonumber(ARGV[2])
for i = 1, #KEYS do
  for c = 1, cost do
    local member = ARGV[1]
    if cost > 1 then member = member .. '/' .. (c - 1) end
    if ARGV[3] == '1' then redis.call('ZADD', KEYS[i], 'XX', now, member)
    else redis.call('ZREM', KEYS[i], member) end
  end
end
return 0
"""

# KEYS[1] the pause key; ARGV[1] milliseconds. Extends the pause, never shortens it.
_PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > current then redis.call('SET', KEYS[1], until_, 'PX', tonumber(ARGV[1]) + 1000) end
return 0
"""


class RedisFloodBudget:
    """The budget in Redis: every worker with the same prefix shares its windows, paces and pauses."""

    def __init__(self, client: aioredis.Redis, keys: KeyBuilder | None = None) -> None:
        self._r = client
        self._keys = keys or KeyBuilder()
        self._reserve = client.register_script(_RESERVE)
        self._settle = client.register_script(_SETTLE)
        self._pause = client.register_script(_PAUSE)
        self._worker = secrets.token_hex(6)
        self._ids = itertools.count()

    async def try_reserve(
        self, windows: Sequence[Window], *, spacing: tuple[str, float] | None = None, cost: int = 1
    ) -> Slot | float:
        member = f"{self._worker}:{next(self._ids)}"
        keys = [self._keys.budget("pause"), self._keys.budget(f"pace:{spacing[0] if spacing else '-'}")]
        args: list[str | int] = [member, cost, _ms(HOLD_S), _ms(spacing[1]) if spacing else 0, _ms(POLL_S)]
        for window in windows:
            keys.append(self._keys.budget(f"window:{window.name}"))
            args += [window.limit, _ms(window.span + MARGIN_S)]
        try:
            wait = int(await self._reserve(keys=keys, args=args))
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc
        if wait > 0:
            return wait / 1000
        return Slot(member, tuple(dict.fromkeys(w.name for w in windows)), cost)

    async def settle(self, slot: Slot, *, counted: bool) -> None:
        keys = [self._keys.budget(f"window:{name}") for name in slot.windows]
        try:
            await self._settle(keys=keys, args=[slot.member, slot.cost, 1 if counted else 0])
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc

    async def pause(self, seconds: float) -> None:
        try:
            await self._pause(keys=[self._keys.budget("pause")], args=[_ms(seconds)])
        except _DOWN as exc:
            raise BackendUnavailable(f"redis: {exc}") from exc


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))
