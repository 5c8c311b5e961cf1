"""Contract test for every state store: the same behaviour on Redis and in process."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.errors import BackendUnavailable
from integrations.state import Claim, StateStore
from integrations.state.keys import LEASE_S, KeyBuilder
from integrations.state.memory import MemoryStateStore
from integrations.state.redis import RedisStateStore

ROOT = Path(__file__).resolve().parents[2]
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


async def test_a_lease_lapses_unless_renewed_and_only_its_holder_renews_it(store: StateStore) -> None:
    assert await store.claim("update:7", lease=0.3) == Claim.NEW
    await asyncio.sleep(0.2)
    assert await store.renew("update:7", 0.3)
    await asyncio.sleep(0.2)
    assert await store.claim("update:7", lease=0.3) == Claim.BUSY  # renewed: still held
    await asyncio.sleep(0.4)
    assert await store.claim("update:7", lease=0.3) == Claim.NEW  # not renewed: lapsed, claimed again
    await store.finish("update:7")
    assert not await store.renew("update:7", 5)  # done is not a lease
    assert not await store.renew("update:8", 5)  # nor is nothing
    assert await store.claim("update:7") == Claim.DONE


async def test_a_lapsed_holder_cannot_release_what_another_worker_claimed() -> None:
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    first = RedisStateStore.from_url(REDIS_URL, prefix=prefix)
    second = RedisStateStore.from_url(REDIS_URL, prefix=prefix)
    try:
        assert await first.claim("update:9", lease=0.2) == Claim.NEW
        await asyncio.sleep(0.3)
        assert await second.claim("update:9", lease=5) == Claim.NEW
        assert not await first.renew("update:9", 5)
        await first.release("update:9")  # too late: not its claim any more
        assert await first.claim("update:9") == Claim.BUSY
        await second.finish("update:9")
        await first.release("update:9")  # a finished claim can be forgotten by anyone (re-post a card)
        assert await first.claim("update:9") == Claim.NEW
    finally:
        await first.close()
        await second.close()


async def test_progress_is_noted_counted_and_shared(store: StateStore) -> None:
    assert await store.progress("update:5") == {}
    await store.note("update:5", {"sent": "1", "answered": "1"})
    assert await store.count("update:5", "attempts") == 1
    assert await store.count("update:5", "attempts") == 2
    assert await store.count("update:5", "attempts", -1) == 1
    await store.note("update:5", {"answered": None, "sent": "2"})
    assert await store.progress("update:5") == {"sent": "2", "attempts": "1"}
    assert await store.progress("update:6") == {}
    await store.finish("update:5")  # done: nothing left to resume
    assert await store.progress("update:5") == {}


async def test_a_killed_holders_chat_lock_is_free_within_the_lease() -> None:
    """A worker killed (SIGKILL) while holding a chat's lock stops renewing it: others get the chat in seconds."""
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    alive = RedisStateStore.from_url(REDIS_URL, prefix=prefix)
    holder = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        _HOLDER,
        REDIS_URL,
        prefix,
        stdout=asyncio.subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None
        assert await asyncio.wait_for(holder.stdout.readline(), 30) == b"held\n"
        await asyncio.sleep(LEASE_S + 0.5)
        # Held for longer than one lease: its holder renews it while it lives.
        with pytest.raises(BackendUnavailable):
            async with alive.lock("tg:1"):
                pass
        holder.kill()
        await holder.wait()
        loop = asyncio.get_running_loop()
        started = loop.time()
        async with alive.lock("tg:1"):
            waited = loop.time() - started
        assert waited <= LEASE_S + 0.5
    finally:
        if holder.returncode is None:
            holder.kill()
            await holder.wait()
        keys = [k async for k in alive._r.scan_iter(match=f"{prefix}:*")]
        if keys:
            await alive._r.delete(*keys)
        await alive.close()


_HOLDER = """
import asyncio, sys
from integrations.state.redis import RedisStateStore

async def main():
    store = RedisStateStore.from_url(sys.argv[1], prefix=sys.argv[2])
    async with store.lock("tg:1"):
        print("held", flush=True)
        await asyncio.Event().wait()

asyncio.run(main())
"""
