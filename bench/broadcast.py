"""Broadcast benchmark: one notice to 5,000 residents against the fake Telegram enforcing the flood limits.

A sender process is killed (SIGKILL) at ~40% and a fresh one resumes; the fake counts what each chat
received. Last line: ``rate=29.4 limit=30 r429=0 lost=0 dup=0 n=5000``, where rate is messages/s from the
first to the last message received, kill and restart included.

    .venv/bin/python bench/broadcast.py [--n 5000] [--kill-at 0.4] [--postgres] [--redis-url URL]

The senders pace on one send budget in Redis (`--redis-url ""`: each alone, as before the budget was shared).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import redis.asyncio as aioredis
from sqlalchemy import insert, text

ROOT = str(Path(__file__).resolve().parent.parent)
sys.path.insert(0, ROOT)

from bot.domain.notices import Audience, AudienceKind  # noqa: E402
from bot.settings import DEMO_TOKEN  # noqa: E402
from integrations.sql.database import Database  # noqa: E402
from integrations.sql.notices import SqlNoticeStore  # noqa: E402
from integrations.sql.tables import ResidentRecord, ResidentUnitRecord, UnitRecord  # noqa: E402
from integrations.sql.testing import postgres_test_url  # noqa: E402
from integrations.telegram_fake.model import ChangeKind  # noqa: E402
from integrations.telegram_fake.server import FakeTelegram  # noqa: E402

FIRST_CHAT = 700_000_000


async def populate(db: Database, n: int) -> None:
    now = datetime.now(UTC)
    async with db.begin() as s:
        await s.execute(
            insert(UnitRecord), [{"id": i + 1, "estate": "", "building": str(i % 50), "unit": str(i)} for i in range(n)]
        )
        await s.execute(
            insert(ResidentRecord),
            [
                {
                    "id": i + 1,
                    "name": f"R{i}",
                    "phone": f"+8529{i:07d}",
                    "language": ("zh-Hant", "en", "zh-Hans")[i % 3],
                    "telegram_user_id": FIRST_CHAT + i,
                    "reachable": True,
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(n)
            ],
        )
        await s.execute(
            insert(ResidentUnitRecord), [{"resident_id": i + 1, "unit_id": i + 1, "role": "owner"} for i in range(n)]
        )


async def spawn(
    url: str, schema: str, api: str, notice: int, lease: float, *, standby: bool = False, budget: Sequence[str] = ()
) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.notices.worker", "--database-url", url, "--schema", schema,
        "--api-url", api, "--token", DEMO_TOKEN, "--notice", str(notice), "--lease", str(lease),
        *(["--wait-for-go"] if standby else []), *budget,
        stdin=asyncio.subprocess.PIPE if standby else None,
        cwd=ROOT,
    )  # fmt: skip


async def bench(n: int, kill_at: float, postgres: bool, lease: float, cold: bool, redis_url: str) -> int:
    tmp = tempfile.TemporaryDirectory()
    # With Redis the senders pace on one shared budget: the fresh process sees the slots the killed one
    # still holds in Telegram's window. Without, each paces alone (the fresh one knows nothing of them).
    prefix = f"bench-broadcast-{secrets.token_hex(4)}"
    budget = ["--redis-url", redis_url, "--redis-prefix", prefix] if redis_url else []
    schema = ""
    if postgres:
        url = postgres_test_url()
        schema = f"bench_{secrets.token_hex(4)}"
        db = Database(url, schema=schema)
    else:
        url = f"sqlite:///{Path(tmp.name) / 'broadcast.sqlite3'}"
        db = Database(url)
    await db.migrate()
    t0 = time.monotonic()
    await populate(db, n)
    store = SqlNoticeStore(db)
    water = "Water supply will be suspended on 3 Dec, 10:00-14:00."
    notice = await store.create(water, Audience(AudienceKind.EVERYONE))
    await store.confirm(notice.id)
    print(f"setup: {n} residents and their deliveries in {time.monotonic() - t0:.1f} s")

    fake = FakeTelegram(token=DEMO_TOKEN, enforce_limits=True)
    for i in range(n):
        fake.add_user(FIRST_CHAT + i, f"R{i}")
    received: dict[int, int] = {}
    times: list[float] = []
    killed = asyncio.Event()
    worker: asyncio.subprocess.Process | None = None

    def on_change(change: object) -> None:
        if getattr(change, "kind", None) is not ChangeKind.NEW_MESSAGE:
            return
        chat_id = change.chat_id  # type: ignore[attr-defined]
        received[chat_id] = received.get(chat_id, 0) + 1
        times.append(time.monotonic())
        if worker is not None and not killed.is_set() and len(times) >= int(n * kill_at):
            os.kill(worker.pid, signal.SIGKILL)  # a hard kill, mid-flight: this message is not yet answered
            killed.set()

    fake.state.subscribe(on_change)
    async with fake.serve():
        worker = await spawn(url, schema, fake.url, notice.id, lease, budget=budget)
        # The fresh process starts before the kill (a supervisor's standby) unless --cold: Python's start-up
        # (2-5 s of imports on a busy machine) is not what this measures; recovery from the database is.
        fresh = None if cold else await spawn(url, schema, fake.url, notice.id, lease, standby=True, budget=budget)
        exited = asyncio.create_task(worker.wait())
        await asyncio.wait([exited, asyncio.create_task(killed.wait())], return_when=asyncio.FIRST_COMPLETED)
        if not killed.is_set():
            # The sender ended before the kill point: say so instead of waiting forever.
            print(f"the first sender exited with {exited.result()} after {len(times)} messages", file=sys.stderr)
            if fresh is not None:
                fresh.kill()
            return 1
        kill_time = time.monotonic()
        await worker.wait()
        first_after = len(times)
        if fresh is None:
            worker = await spawn(url, schema, fake.url, notice.id, lease, budget=budget)
        else:
            worker = fresh
            assert fresh.stdin is not None
            fresh.stdin.write(b"go\n")
            await fresh.stdin.drain()
        await worker.wait()
        gap = next((t for t in times[first_after:]), kill_time) - kill_time
    progress = await store.progress(notice.id)
    if postgres:
        async with db.begin() as s:
            await s.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    await db.dispose()
    tmp.cleanup()
    if redis_url:
        client = aioredis.Redis.from_url(redis_url)
        keys = [k async for k in client.scan_iter(match=f"{prefix}:*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()

    chats = range(FIRST_CHAT, FIRST_CHAT + n)
    lost = sum(1 for c in chats if received.get(c, 0) == 0)
    dup = sum(1 for c in chats if received.get(c, 0) > 1)
    elapsed = times[-1] - times[0] if len(times) > 1 else 0.0
    rate = (len(times) - 1) / elapsed if elapsed else 0.0
    r429 = fake.stats.too_many_requests
    rows = [
        ("recipients", f"{n}"),
        ("messages received", f"{len(times)}"),
        ("killed after", f"{first_after} messages"),
        ("restart gap (kill → next message)", f"{gap:.2f} s ({'cold start' if cold else 'standby process'})"),
        ("elapsed (first → last message)", f"{elapsed:.1f} s"),
        ("rate", f"{rate:.1f} msg/s ({rate / 30:.1%} of 30/s)"),
        ("429 responses", f"{r429}"),
        ("lost / duplicated", f"{lost} / {dup}"),
        ("rows: sent / unknown / other", f"{progress.sent} / {progress.count(progress_state('unknown'))} / "
         f"{progress.total - progress.sent - progress.count(progress_state('unknown'))}"),
    ]  # fmt: skip
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    print(f"rate={rate:.1f} limit=30 r429={r429} lost={lost} dup={dup} n={n}")
    return 0


def progress_state(name: str):  # type: ignore[no-untyped-def]
    from bot.domain.notices import DeliveryState

    return DeliveryState(name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--kill-at", type=float, default=0.4)
    parser.add_argument("--lease", type=float, default=10.0)
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL (a scratch schema) instead of SQLite")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("ESTATEDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0"),
        help="the senders' shared send budget (%(default)s); '' = each sender paces alone",
    )
    parser.add_argument("--cold", action="store_true", help="start the fresh process only after the kill")
    args = parser.parse_args()
    return asyncio.run(bench(args.n, args.kill_at, args.postgres, args.lease, args.cold, args.redis_url))


if __name__ == "__main__":
    raise SystemExit(main())
