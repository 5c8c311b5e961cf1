"""At shutdown the poll loop gives up on a batch that will not end, even one that swallows its cancel."""

from __future__ import annotations

import asyncio
import time

from bot.channels.telegram import polling


async def test_a_batch_that_swallows_its_cancel_does_not_hold_the_shutdown() -> None:
    release = asyncio.Event()

    async def stubborn() -> tuple[int | None, bool]:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            await release.wait()  # as a library that catches the cancel and keeps waiting
        return None, False

    stop = asyncio.Event()
    batch = asyncio.create_task(stubborn())
    stop.set()
    started = time.monotonic()
    result = await polling._finish_within(batch, 41, stop, grace=0.1)
    assert result == (41, True)  # all of the batch is fetched again by the next worker
    assert time.monotonic() - started < polling.CANCEL_WAIT_S + 2
    release.set()
    await batch
