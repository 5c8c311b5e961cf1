"""Fixtures shared by the whole test suite."""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import threading
import traceback
import types
from collections.abc import AsyncIterator, Generator
from pathlib import Path

import pytest

from integrations.telegram_fake import FakeTelegram

# sql_database (every test on SQLite and PostgreSQL), sqlite_database, postgres_database.
pytest_plugins = ["integrations.sql.testing"]

# Every desk the suite starts, in this process or as a subprocess in a scratch directory (the demo tests), reads
# the one weights file of the built-in understander, trained once per machine under a lock, instead of
# training its own from its own working directory: a minute or two of CPU each.
os.environ.setdefault("ESTATEDESK_NLU_CACHE", str(Path(__file__).resolve().parents[1] / "var" / "nlu-model.npz"))


# pytest-timeout ends a test stuck for ``timeout`` s (pyproject.toml) with every thread's stack, but on its terminal
# writer, which an xdist worker does not show, and a test stuck inside its event loop would show only the loop
# waiting in select(). At nine tenths of that time, print every thread's stack and what every asyncio task is
# awaiting on the worker's stderr, which reaches the log (ESTATEDESK_TEST_HANG_REPORT_S sets another moment).


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, object, object]:
    limit = float(item.config.getini("timeout") or 0)
    after = float(os.environ.get("ESTATEDESK_TEST_HANG_REPORT_S", 0.9 * limit))
    if after <= 0:
        return (yield)
    timer = threading.Timer(after, _print_tasks, args=(item, after))
    timer.daemon = True
    timer.start()
    try:
        return (yield)
    finally:
        timer.cancel()


def _print_tasks(item: pytest.Item, after: float) -> None:
    """From the timer thread: the stacks of the other threads and of the tasks of every running loop (racy, but
    only for a report). A log may keep only its last lines, so the test's own task comes last, innermost frame
    at the bottom: where the test waits."""
    capman = item.config.pluginmanager.getplugin("capturemanager")
    if capman is not None:
        capman.suspend_global_capture(in_=True)
    try:
        print(f"\n+++ {item.nodeid} still running after {after:.0f} s; threads:", file=sys.stderr)
        names = {thread.ident: thread.name for thread in threading.enumerate()}
        for ident, frame in sys._current_frames().items():
            if ident != threading.get_ident():
                print(f"--- thread {names.get(ident, ident)}", file=sys.stderr)
                traceback.print_stack(frame, file=sys.stderr)
        loops = [o for o in gc.get_objects() if isinstance(o, asyncio.AbstractEventLoop) and o.is_running()]
        tasks = [task for loop in loops for task in asyncio.all_tasks(loop)]
        test_file = str(item.path)
        chains = sorted(((task, _awaiting(task)) for task in tasks), key=lambda tc: test_file in "".join(tc[1]))
        print("+++ asyncio tasks, each down to what it awaits (the test's own last):", file=sys.stderr)
        for task, chain in chains:
            print(f"--- task {task.get_name()}", file=sys.stderr)
            for line in chain:
                print(f"    {line.removeprefix(str(item.config.rootpath) + os.sep)}", file=sys.stderr)
        sys.stderr.flush()
    finally:
        if capman is not None:
            capman.resume_global_capture()  # a test that ends after all is captured as before


def _awaiting(task: asyncio.Task[object]) -> list[str]:
    """The task's coroutine and each coroutine it awaits, one line each, ending with what the innermost awaits.

    ``Task.print_stack`` shows only the outermost frame of a suspended task, not where inside it waits."""
    lines: list[str] = []
    awaited: object = task.get_coro()
    while awaited is not None:
        frame = (
            getattr(awaited, "cr_frame", None)
            or getattr(awaited, "gi_frame", None)
            or getattr(awaited, "ag_frame", None)
        )
        if frame is None:
            # An async generator's __anext__/aclose() (a fixture's teardown) hides the generator it steps.
            inner = [o for o in gc.get_referents(awaited) if isinstance(o, types.AsyncGeneratorType)]
            if inner:
                awaited = inner[0]
                continue
            lines.append(f"awaits {awaited!r}"[:300])
            break
        lines.append(f"{frame.f_code.co_filename}:{frame.f_lineno} in {frame.f_code.co_name}")
        awaited = (
            getattr(awaited, "cr_await", None)
            or getattr(awaited, "gi_yieldfrom", None)
            or getattr(awaited, "ag_await", None)
        )
    return lines


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A started fake Bot API server (token ``DEFAULT_TOKEN``, "123456:TEST") with quick webhook retries."""
    fake = FakeTelegram(webhook_retry_delay=0.05, webhook_max_retry_delay=0.2)
    async with fake.serve():
        yield fake
