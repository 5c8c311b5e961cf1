"""The periodic jobs' loop stops when cancelled, even when a job swallows the cancel meant for it."""

from __future__ import annotations

import asyncio

from bot.app import run_every
from integrations.state.memory import MemoryStateStore


async def test_a_job_that_swallows_its_cancel_does_not_keep_the_loop_running() -> None:
    started = asyncio.Event()
    runs: list[int] = []

    async def job() -> None:
        runs.append(1)
        started.set()
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            if len(runs) > 1:
                raise  # only the first: a failing test must still end
            return  # as a library that turns a cancel into a normal return would

    task = asyncio.create_task(run_every(MemoryStateStore(), "sweep", 0.05, job))
    await asyncio.wait_for(started.wait(), 5)
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=2)
    if task not in done:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert task in done and task.cancelled()
    assert runs == [1]  # not run again after the cancel
