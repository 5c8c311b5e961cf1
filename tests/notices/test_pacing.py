"""The Pacer keeps any one-second window under the limit, spreads sends, and pauses everyone after a 429."""

from __future__ import annotations

import asyncio
import time

from bot.notices.pacing import Pacer


async def paced_starts(pacer: Pacer, n: int, rtt: float) -> list[float]:
    starts: list[float] = []

    async def send() -> None:
        await asyncio.sleep(rtt)  # the request travels; Telegram counts it somewhere in here
        pacer.release()

    tasks = []
    for _ in range(n):
        await pacer.acquire()
        starts.append(time.monotonic())
        tasks.append(asyncio.create_task(send()))
    await asyncio.gather(*tasks)
    return starts


async def test_no_window_holds_more_than_the_limit_yet_the_rate_is_close_to_it() -> None:
    starts = await paced_starts(Pacer(10, 0.5), 35, rtt=0.01)
    most = max(sum(1 for t in starts if s <= t < s + 0.5) for s in starts)
    assert most <= 10
    rate = (len(starts) - 1) / (starts[-1] - starts[0])
    # 10 per 0.5 s, less one round trip per window; on a machine loaded by other work the event loop wakes late
    # and the rate falls a little further (15.9 seen with the whole suite running), never above the limit.
    assert 14 <= rate <= 20


async def test_a_429_pauses_every_send() -> None:
    pacer = Pacer(10, 0.5)
    await pacer.acquire()
    pacer.release(counted=False)
    pacer.pause(0.3)
    before = time.monotonic()
    await pacer.acquire()
    assert time.monotonic() - before >= 0.29
