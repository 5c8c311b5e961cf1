"""Two workers, one bot: Telegram's send budgets are shared through Redis, and periodic jobs run once.

The judge is the fake Bot API's own flood control (``integrations/telegram_fake/limits.py``): 30/s
overall, a private chat's burst of 3 refilled at 1/s, a group's window. Two workers with budgets of
their own (per process, as before) break it; two workers on one Redis budget never do, even when a
request waits in a stalled event loop between its reservation and its arrival.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import random
import statistics
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import redis.asyncio as aioredis
from telegram.error import RetryAfter
from telegram.ext import ExtBot

from bot.app import run_every
from bot.channels.telegram.ratelimit import TelegramRateLimiter
from bot.channels.telegram.request import AiohttpRequest
from bot.notices.pacing import SharedPacer
from integrations.state.budget import FloodBudget, MemoryFloodBudget, RedisFloodBudget, Window, reserve
from integrations.state.keys import KeyBuilder
from integrations.state.redis import RedisStateStore
from integrations.telegram_fake import FakeTelegram
from integrations.telegram_fake.limits import FloodControl, FloodLimits

REDIS_URL = os.environ.get("ESTATEDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
TOKEN = "123456:TEST"


@pytest.fixture
async def prefix() -> AsyncIterator[str]:
    name = f"test-{uuid.uuid4().hex[:8]}"
    yield name
    client = aioredis.Redis.from_url(REDIS_URL)
    keys = [k async for k in client.scan_iter(match=f"{name}:*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


def redis_budget(prefix: str) -> tuple[RedisFloodBudget, aioredis.Redis]:
    """A worker's own connection to the shared budget."""
    client = aioredis.Redis.from_url(REDIS_URL)
    return RedisFloodBudget(client, KeyBuilder(prefix)), client


async def send_through_two_bots(fake: FakeTelegram, budgets: tuple[FloodBudget, FloodBudget]) -> list[int]:
    """Two bots (two workers), each with PTB's rate limiter on its budget, send 3 messages to each of 40
    residents from each worker: 240 messages, 6 per chat. Returns the retries the limiters made."""
    chats = [9000 + i for i in range(40)]
    for chat in chats:
        fake.add_user(chat, f"Resident {chat}")
    limiters = [TelegramRateLimiter(budget) for budget in budgets]
    bots: list[ExtBot[None]] = [
        ExtBot(TOKEN, base_url=f"{fake.url}/bot", request=AiohttpRequest(), rate_limiter=limiter)  # type: ignore[arg-type]
        for limiter in limiters
    ]
    for bot in bots:
        await bot.initialize()
    try:

        async def resident(bot: ExtBot[None], chat: int, worker: int) -> None:
            for n in range(3):
                try:
                    await bot.send_message(chat, f"worker {worker} message {n}")
                except RetryAfter:
                    pass  # given up after the limiter's retries: the message is missing below

        await asyncio.gather(*(resident(bot, chat, worker) for worker, bot in enumerate(bots) for chat in chats))
    finally:
        for bot in bots:
            await bot.shutdown()
    return [limiter.retries for limiter in limiters]


async def test_two_workers_on_one_redis_budget_never_meet_a_429(prefix: str) -> None:
    fake = FakeTelegram(token=TOKEN, enforce_limits=True)
    (one, c1), (two, c2) = redis_budget(prefix), redis_budget(prefix)
    async with fake.serve():
        started = time.monotonic()
        retries = await send_through_two_bots(fake, (one, two))
        elapsed = time.monotonic() - started
    await c1.aclose()
    await c2.aclose()
    assert fake.stats.flood_limited == 0
    assert retries == [0, 0]
    for chat in range(9000, 9040):
        assert sorted(m.text for m in fake.bot_messages(chat)) == sorted(
            f"worker {w} message {n}" for w in range(2) for n in range(3)
        )
    # 240 messages at 30/s: the shared budget paces them rather than serialising the workers.
    assert elapsed < 30


async def test_two_workers_with_budgets_of_their_own_break_the_limits() -> None:
    """The control: per-process windows (what each worker had before) let two workers send 60/s."""
    fake = FakeTelegram(token=TOKEN, enforce_limits=True)
    async with fake.serve():
        retries = await send_through_two_bots(fake, (MemoryFloodBudget(), MemoryFloodBudget()))
    assert fake.stats.flood_limited > 0
    assert sum(retries) > 0


@pytest.mark.parametrize("kind", ["memory", "redis"])
async def test_slots_are_held_until_the_answer_so_stalls_cannot_bunch_arrivals(kind: str, prefix: str) -> None:
    """Requests that wait up to 0.3 s (a CPU-starved event loop) between reservation and arrival still
    arrive within every window, as Telegram counts them: on arrival."""
    judge = FloodControl(FloodLimits(overall_per_second=10, private_burst=3))
    clients: list[aioredis.Redis] = []
    if kind == "redis":
        pairs = [redis_budget(prefix), redis_budget(prefix)]
        budgets: list[FloodBudget] = [b for b, _ in pairs]
        clients = [c for _, c in pairs]
    else:
        shared = MemoryFloodBudget()
        budgets = [shared, shared]
    refused: list[int] = []
    rng = random.Random(13)

    async def sender(budget: FloodBudget, chat: int) -> None:
        for _ in range(4):
            slot = await reserve(budget, [Window("overall", 10, 1.0), Window(f"chat:{chat}", 3, 3.0)])
            await asyncio.sleep(rng.uniform(0, 0.3))  # stalled before the request leaves
            if judge.admit(chat, private=True) is not None:
                refused.append(chat)
            await asyncio.sleep(rng.uniform(0, 0.05))  # the answer's way back
            await budget.settle(slot, counted=True)

    try:
        await asyncio.gather(*(sender(budgets[i % 2], 500 + i) for i in range(12)))
    finally:
        for client in clients:
            await client.aclose()
    assert refused == []


async def test_a_429_pauses_every_worker(prefix: str) -> None:
    (one, c1), (two, c2) = redis_budget(prefix), redis_budget(prefix)
    try:
        await one.pause(0.4)
        waited = await two.try_reserve([Window("overall", 30, 1.0)])
        assert isinstance(waited, float) and 0.2 < waited <= 0.4
        started = time.monotonic()
        await reserve(two, [Window("overall", 30, 1.0)])
        assert time.monotonic() - started > 0.2
    finally:
        await c1.aclose()
        await c2.aclose()


async def test_notice_pacers_of_two_workers_share_one_pace(prefix: str) -> None:
    """Two notice senders at 10/s each on one budget: together still 10 a second, spaced apart."""
    (one, c1), (two, c2) = redis_budget(prefix), redis_budget(prefix)
    pacers = [SharedPacer(one, 10), SharedPacer(two, 10)]
    starts: list[float] = []

    async def send(pacer: SharedPacer, n: int) -> None:
        for _ in range(n):
            await pacer.acquire()
            starts.append(time.monotonic())
            await asyncio.sleep(0.01)
            pacer.release()

    try:
        await asyncio.gather(send(pacers[0], 15), send(pacers[1], 15))
        await asyncio.sleep(0.05)
    finally:
        await c1.aclose()
        await c2.aclose()
    starts.sort()
    assert all(sum(1 for t in starts if s <= t < s + 1.0) <= 10 for s in starts)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    # Spaced 1/11 s apart, not in bursts: the median gap is a spacing. The times here are when each sender's
    # event loop resumed after its reservation, not when the budget granted it; on a loaded machine a stalled
    # loop resumes two or three granted senders at once (three within 1/11 s seen with the whole suite running),
    # so no bound is put on the smallest gaps. What Telegram counts, at most 10 a second, holds whatever the
    # stalls: a slot is held until its send is settled, then for a whole span.
    assert statistics.median(gaps) > 0.08


async def test_periodic_jobs_run_once_per_period_across_workers(prefix: str) -> None:
    stores = [RedisStateStore.from_url(REDIS_URL, prefix=prefix) for _ in range(2)]
    runs: list[tuple[int, int]] = []
    period = 0.5

    def job_of(worker: int) -> Any:
        async def job() -> None:
            runs.append((worker, int(time.time() // period)))

        return job

    tasks = [asyncio.create_task(run_every(store, "sweep", period, job_of(i))) for i, store in enumerate(stores)]
    await asyncio.sleep(3.2)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    for store in stores:
        await store.close()
    ticks = [tick for _, tick in runs]
    assert len(ticks) == len(set(ticks))  # never twice in one period
    assert len(ticks) >= 5  # and no period left out (about 6 in 3.2 s)
