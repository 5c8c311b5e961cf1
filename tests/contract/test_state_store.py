"""Contract test for every state store: the same behaviour on Redis and in process."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator

import pytest

from bot.errors import BackendUnavailable
from integrations.state import Claim, StateStore
from integrations.state.keys import KeyBuilder
from integrations.state.memory import MemoryStateStore
from integrations.state.redis import RedisStateStore

REDIS_URL = os.environ.get("ESTATEDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(params=["memory", "redis"])
async def store(request: pytest.FixtureRequest) -> AsyncIterator[StateStore]:
    if request.param == "memory":
        yield MemoryStateStore()
        return
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    s = RedisStateStore.from_url(REDIS_URL, prefix=prefix)
    yield s
    client = s._r
    keys = [k async for k in client.scan_iter(match=f"{prefix}:*")]
    if keys:
        await client.delete(*keys)
    await s.close()


async def test_state_round_trip_and_isolation(store: StateStore) -> None:
    assert await store.load("tg:1") is None
    state = {"flow": "repair", "form": {"photos": ["a", "b"], "text": "漏水 <b>"}, "n": 3}
    await store.save("tg:1", state)
    assert await store.load("tg:1") == state
    assert await store.load("tg:2") is None
    loaded = await store.load("tg:1")
    assert loaded is not None
    loaded["form"]["photos"].append("c")  # a caller mutating its copy changes nothing stored
    assert await store.load("tg:1") == state
    await store.clear("tg:1")
    assert await store.load("tg:1") is None


async def test_claim_is_exclusive_until_released_or_finished(store: StateStore) -> None:
    results = await asyncio.gather(*(store.claim("update:42") for _ in range(10)))
    assert results.count(Claim.NEW) == 1
    assert results.count(Claim.BUSY) == 9
    await store.release("update:42")
    assert await store.claim("update:42") == Claim.NEW
    await store.finish("update:42")
    assert await store.claim("update:42") == Claim.DONE


async def test_lock_serialises_one_chat_but_not_others(store: StateStore) -> None:
    order: list[str] = []

    async def critical(chat: str, name: str) -> None:
        async with store.lock(chat):
            order.append(f"{name}-in")
            await asyncio.sleep(0.05)
            order.append(f"{name}-out")

    await asyncio.gather(critical("tg:7", "a"), critical("tg:7", "b"))
    assert order in (["a-in", "a-out", "b-in", "b-out"], ["b-in", "b-out", "a-in", "a-out"])

    order.clear()
    await asyncio.gather(critical("tg:8", "c"), critical("tg:9", "d"))
    assert order.index("d-in") < order.index("c-out")  # different chats run side by side


async def test_unreachable_redis_is_backend_unavailable() -> None:
    dead = RedisStateStore.from_url("redis://127.0.0.1:1/0", prefix="x")
    with pytest.raises(BackendUnavailable):
        await dead.load("tg:1")
    with pytest.raises(BackendUnavailable):
        await dead.claim("update:1")
    with pytest.raises(BackendUnavailable):
        async with dead.lock("tg:1"):
            pass
    await dead.close()


async def test_counters_count_across_callers(store: StateStore) -> None:
    values = await asyncio.gather(*(store.incr("rr:engineering") for _ in range(10)))
    assert sorted(values) == list(range(1, 11))
    assert await store.incr("rr:security") == 1


def test_keys_come_from_one_builder() -> None:
    keys = KeyBuilder("p")
    assert keys.state("tg:1") == "p:state:tg:1"
    assert keys.lock("tg:1") == "p:lock:tg:1"
    assert keys.claim("update:1") == "p:claim:update:1"
