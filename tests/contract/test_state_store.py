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


async def test_a_claim_reads_its_note_when_new_and_only_then(store: StateStore) -> None:
    await store.save("card-sent:R-000002", {"chat_id": -100, "message_id": 9})
    assert await store.claim_reading("card:R-000002", "card-sent:R-000002") == (
        Claim.NEW,
        {"chat_id": -100, "message_id": 9},
    )
    assert await store.claim_reading("card:R-000002", "card-sent:R-000002") == (Claim.BUSY, None)
    await store.finish("card:R-000002")
    assert await store.claim_reading("card:R-000002", "card-sent:R-000002") == (Claim.DONE, None)
    assert await store.claim_reading("card:R-000003", "card-sent:R-000003") == (Claim.NEW, None)  # no note


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


async def test_a_hold_reads_with_its_lock_and_writes_when_let_go(store: StateStore) -> None:
    await store.save("tg:1", {"step": "place"})
    await store.save("tg:3", {"step": "gone"})
    async with store.hold("tg:1", read=["tg:1", "tg:2"]) as held:
        seen = await held.load("tg:1")
        assert seen == {"step": "place"}
        assert await held.load("tg:2") is None
        assert await held.load("tg:3") == {"step": "gone"}  # not read with the lock: read now
        seen["step"] = "changed"  # a copy: the hold's view is unchanged
        assert await held.load("tg:1") == {"step": "place"}
        held.save("tg:1", {"step": "urgency"})
        held.save("tg:2", {"step": "menu"}, ttl=60)
        held.clear("tg:3")
        assert await held.load("tg:1") == {"step": "urgency"}  # its own writes, before they are stored
        assert await held.load("tg:3") is None
        assert await store.load("tg:1") == {"step": "place"}  # nothing written while held
    assert await store.load("tg:1") == {"step": "urgency"}
    assert await store.load("tg:2") == {"step": "menu"}
    assert await store.load("tg:3") is None


async def test_a_hold_that_fails_writes_only_what_it_saved_and_lets_go(store: StateStore) -> None:
    with pytest.raises(RuntimeError):
        async with store.hold("tg:4", read=["tg:4"]):
            raise RuntimeError("the dialog failed before saving")
    assert await store.load("tg:4") is None
    with pytest.raises(RuntimeError):
        async with store.hold("tg:4", read=["tg:4"]) as held:
            held.save("tg:4", {"step": "saved"})
            raise RuntimeError("failed after saving")
    assert await store.load("tg:4") == {"step": "saved"}  # as a save at once would have left it
    async with asyncio.timeout(1):  # the lock was let go both times
        async with store.lock("tg:4"):
            pass


async def test_holds_and_locks_of_one_chat_exclude_each_other(store: StateStore) -> None:
    order: list[str] = []

    async def by_hold(name: str) -> None:
        async with store.hold("tg:5", read=["tg:5"]) as held:
            order.append(f"{name}-in")
            state = await held.load("tg:5") or {"n": 0}
            await asyncio.sleep(0.05)
            held.save("tg:5", {"n": state["n"] + 1})
            order.append(f"{name}-out")

    async def by_lock(name: str) -> None:
        async with store.lock("tg:5"):
            order.append(f"{name}-in")
            await asyncio.sleep(0.05)
            order.append(f"{name}-out")

    await asyncio.gather(by_hold("a"), by_lock("b"), by_hold("c"))
    assert [entry.split("-")[1] for entry in order] == ["in", "out"] * 3
    assert all(order[i].split("-")[0] == order[i + 1].split("-")[0] for i in range(0, 6, 2))
    assert await store.load("tg:5") == {"n": 2}  # no update lost


async def test_begin_claims_counts_and_reads_progress_at_once(store: StateStore) -> None:
    first = {"first_seen": "100.5"}
    claim, progress = await store.begin("update:11", lease=5, first=first, count="attempts")
    assert claim is Claim.NEW
    assert progress == {"first_seen": "100.5", "attempts": "1"}
    assert await store.begin("update:11", lease=5, first=first, count="attempts") == (Claim.BUSY, {})
    await store.note("update:11", {"answered": "1"})
    await store.release("update:11")
    # Delivered again: the first sighting stays the first, the attempts go on.
    claim, progress = await store.begin("update:11", lease=5, first={"first_seen": "200.0"}, count="attempts")
    assert claim is Claim.NEW
    assert progress == {"first_seen": "100.5", "attempts": "2", "answered": "1"}
    await store.finish("update:11")
    assert await store.begin("update:11", lease=5, first=first, count="attempts") == (Claim.DONE, {})
    assert await store.progress("update:11") == {}


async def test_unreachable_redis_is_backend_unavailable() -> None:
    dead = RedisStateStore.from_url("redis://127.0.0.1:1/0", prefix="x")
    with pytest.raises(BackendUnavailable):
        await dead.load("tg:1")
    with pytest.raises(BackendUnavailable):
        await dead.claim("update:1")
    with pytest.raises(BackendUnavailable):
        async with dead.lock("tg:1"):
            pass
    with pytest.raises(BackendUnavailable):
        async with dead.hold("tg:1", read=["tg:1"]):
            pass
    with pytest.raises(BackendUnavailable):
        await dead.begin("update:1", lease=3, first={"first_seen": "1"}, count="attempts")
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


async def test_finishing_writes_and_clears_states_in_the_same_step(store: StateStore) -> None:
    assert await store.claim("card:R-000001") is Claim.NEW
    await store.save("card-sent:R-000001", {"chat_id": -100, "message_id": 7})
    await store.save("card-shown:-100:3", {"shown": "old"})
    await store.finish(
        "card:R-000001", save={"card-shown:-100:7": {"shown": "abc"}}, clear=("card-sent:R-000001", "never-there")
    )
    assert await store.claim("card:R-000001") is Claim.DONE
    assert await store.load("card-shown:-100:7") == {"shown": "abc"}
    assert await store.load("card-sent:R-000001") is None
    assert await store.load("card-shown:-100:3") == {"shown": "old"}  # what was not named stays


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
