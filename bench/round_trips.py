"""What one round trip of each kind costs the bot's process in CPU, and what the Confirm turn's round trips add up to.

Run ``.venv/bin/python bench/round_trips.py [--calls 3000] [--concurrency 32] [--database URL]``; bench/README.md
("What 6x the echo would take") explains the output. The last line reads
``io_floor_ms=2.31 echo_io_ms=0.30 floor_ratio=7.7``.

``bench/inbound.py`` measures whole turns; this measures their parts. The fake Bot API runs in this process; the
calls are made from a second process whose CPU time is what is measured, ``--concurrency`` at a time, as the
webhook's turns make them. Each kind is measured ``--repeat`` times (alternating with the others) and the median
kept. A turn's own logic (the dialog, the card's text, the webhook's server) is not in these figures: they are the
least a turn that makes these round trips can cost.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REDIS_URL = "redis://127.0.0.1:6379/0"
DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/test"
RESIDENT = 7_000_001

# The round trips of one Confirm press on a repair summary, as bench/inbound.py times it (bench/README.md,
# "Where a turn's CPU goes"): the turn and the staff card posted after it. The echo bot makes one Bot API call.
CONFIRM_TURN = {"bot_api": 4, "redis": 8, "sql": 5}
ECHO_TURN = {"bot_api_ptb": 1}

# A resident's press on the summary's Confirm button as Telegram sends it: the message it was pressed under, with
# its formatting and buttons, comes along (python-telegram-bot parses all of it).
CONFIRM_UPDATE: dict[str, Any] = {
    "update_id": 1,
    "callback_query": {
        "id": "4382",
        "from": {"id": RESIDENT, "is_bot": False, "first_name": "Mei", "language_code": "en"},
        "chat_instance": "-51",
        "data": "c:3:confirm",
        "message": {
            "message_id": 12,
            "date": 1_764_000_000,
            "chat": {"id": RESIDENT, "type": "private", "first_name": "Mei"},
            "from": {"id": 1, "is_bot": True, "first_name": "Desk", "username": "desk_bot"},
            "text": "Please check and confirm\nCategory: Plumbing\nPlace: Tower 3, 12/F, Flat B\n"
            "Description: Bathroom tap drips all day and does not close fully\nUrgency: Normal\nPhotos: none",
            "entities": [
                {"type": "bold", "offset": 0, "length": 24},
                {"type": "bold", "offset": 25, "length": 9},
                {"type": "bold", "offset": 45, "length": 6},
                {"type": "bold", "offset": 77, "length": 12},
            ],
            "reply_markup": {
                "inline_keyboard": [
                    [{"text": "✅ Confirm", "callback_data": "c:3:confirm"}],
                    [
                        {"text": "Category", "callback_data": "c:3:e:category"},
                        {"text": "Place", "callback_data": "c:3:e:place"},
                    ],
                    [
                        {"text": "Description", "callback_data": "c:3:e:description"},
                        {"text": "Urgency", "callback_data": "c:3:e:urgency"},
                    ],
                    [{"text": "✖ Cancel", "callback_data": "c:3:cancel"}],
                ]
            },
        },
    },
}
TEXT_UPDATE: dict[str, Any] = {
    "update_id": 2,
    "message": {
        "message_id": 13,
        "date": 1_764_000_000,
        "chat": {"id": RESIDENT, "type": "private", "first_name": "Mei"},
        "from": {"id": RESIDENT, "is_bot": False, "first_name": "Mei", "language_code": "en"},
        "text": "hello",
    },
}


@dataclass(frozen=True)
class Spec:
    fake_url: str
    redis_url: str
    database_url: str
    calls: int
    concurrency: int
    repeat: int
    loop: str


def measure_process(spec: Spec, results: Connection) -> None:
    """The measured process: every kind of round trip, ``repeat`` rounds, CPU microseconds per call."""
    from bot.logs import configure_logging

    configure_logging("WARNING")
    try:
        if spec.loop == "uvloop":
            import uvloop

            with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
                results.send(runner.run(measure(spec)))
        else:
            results.send(asyncio.run(measure(spec)))
    except BaseException as exc:
        results.send({"error": f"{type(exc).__name__}: {exc}"})
        raise


async def measure(spec: Spec) -> dict[str, list[float]]:
    import asyncpg
    from sqlalchemy import Select, literal_column, select
    from telegram import Update

    from bench.inbound import drop_redis_prefix
    from bot.app import make_bot
    from bot.channels.telegram.sender import post
    from bot.settings import DEMO_TOKEN, load_settings
    from integrations.sql.database import Database
    from integrations.state.redis import RedisStateStore

    settings = load_settings(
        telegram_token=DEMO_TOKEN, telegram_api_url=spec.fake_url, redis_url=spec.redis_url, rate_limit=False
    )
    bot = make_bot(settings)
    await bot.initialize()
    prefix = f"bench-round-trips-{time.time_ns()}"
    store = RedisStateStore.from_url(spec.redis_url, prefix=prefix)
    db = Database(spec.database_url)
    pool = await asyncpg.create_pool(spec.database_url, min_size=spec.concurrency, max_size=spec.concurrency)
    assert pool is not None
    one: Select[Any] = select(literal_column("1"))

    async def bot_api() -> None:
        await post(bot, "sendMessage", {"chat_id": RESIDENT, "text": "Received."})

    async def bot_api_ptb() -> None:
        await bot.send_message(RESIDENT, "Received.")

    async def redis() -> None:
        await store.note("update:1", {"sent": "1"})  # one script call, as each of the turn's Redis round trips

    async def sql() -> None:
        async with db.connect() as conn:
            (await conn.execute(one)).all()

    async def sql_asyncpg() -> None:
        await pool.fetch("SELECT 1")

    async def de_json_confirm() -> None:
        Update.de_json(CONFIRM_UPDATE, bot)

    async def de_json_text() -> None:
        Update.de_json(TEXT_UPDATE, bot)

    kinds: dict[str, Callable[[], Awaitable[None]]] = {
        "bot_api": bot_api,
        "bot_api_ptb": bot_api_ptb,
        "redis": redis,
        "sql": sql,
        "sql_asyncpg": sql_asyncpg,
        "de_json_confirm": de_json_confirm,
        "de_json_text": de_json_text,
    }
    figures: dict[str, list[float]] = {name: [] for name in kinds}
    try:
        for call in kinds.values():  # warm: connections opened, statements prepared, scripts loaded
            await run(call, min(200, spec.calls), spec.concurrency)
        for _ in range(spec.repeat):
            for name, call in kinds.items():
                started = time.process_time()
                await run(call, spec.calls, spec.concurrency)
                figures[name].append((time.process_time() - started) / spec.calls * 1e6)
    finally:
        await pool.close()
        await db.dispose()
        await store.close()
        await drop_redis_prefix(spec.redis_url, prefix)
        await bot.shutdown()
    return figures


async def run(call: Callable[[], Awaitable[None]], calls: int, concurrency: int) -> None:
    left = iter(range(calls))

    async def worker() -> None:
        for _ in left:
            await call()

    await asyncio.gather(*(worker() for _ in range(concurrency)))


async def serve_and_measure(spec: Spec) -> dict[str, list[float]]:
    from bot.settings import DEMO_TOKEN
    from integrations.telegram_fake import FakeTelegram

    fake = FakeTelegram(token=DEMO_TOKEN)
    fake.add_user(RESIDENT, "Mei")
    async with fake.serve():
        spec = replace(spec, fake_url=fake.url)
        context = multiprocessing.get_context("spawn")
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=measure_process, args=(spec, sending), daemon=True)
        process.start()
        try:
            while not receiving.poll():
                if not process.is_alive():
                    raise RuntimeError(f"the measured process ended (exit code {process.exitcode})")
                await asyncio.sleep(0.05)
            answer = receiving.recv()
        finally:
            process.join(10)
    if "error" in answer:
        raise RuntimeError(f"the measured process failed: {answer['error']}")
    figures: dict[str, list[float]] = answer
    return figures


def cost(turn: dict[str, int], per_call_us: dict[str, float]) -> float:
    """Milliseconds of CPU for ``turn``'s round trips at ``per_call_us`` each."""
    return sum(count * per_call_us[kind] for kind, count in turn.items()) / 1000


def report(figures: dict[str, list[float]], out: Callable[[str], None]) -> None:
    medians = {name: statistics.median(values) for name, values in figures.items()}
    out(f"{'kind':<16} {'CPU us/call':>11}  runs (us)")
    for name, values in figures.items():
        out(f"{name:<16} {medians[name]:>11.1f}  {' '.join(f'{v:.0f}' for v in values)}")
    ours = cost({**CONFIRM_TURN, "de_json_confirm": 1}, medians)
    raw_sql = cost({**CONFIRM_TURN, "sql": 0, "sql_asyncpg": CONFIRM_TURN["sql"], "de_json_confirm": 1}, medians)
    echo = cost({**ECHO_TURN, "de_json_text": 1}, medians)
    out("")
    out(
        f"the Confirm turn's round trips ({CONFIRM_TURN['bot_api']} Bot API calls, {CONFIRM_TURN['redis']} Redis, "
        f"{CONFIRM_TURN['sql']} SQL statements) and its update parsed: {ours:.2f} ms ({raw_sql:.2f} ms with asyncpg "
        "in place of SQLAlchemy)"
    )
    out(f"the echo's one Bot API call (PTB parsing the answer) and its update parsed: {echo:.2f} ms")
    out(f"io_floor_ms={ours:.2f} echo_io_ms={echo:.2f} floor_ratio={ours / echo:.1f}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=3000, help="calls of each kind per round")
    parser.add_argument("--concurrency", type=int, default=32, help="calls in flight at once")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of every kind; the median is kept")
    parser.add_argument("--redis-url", default=REDIS_URL)
    parser.add_argument("--database", default=DATABASE_URL, help="a PostgreSQL URL (no table is touched)")
    parser.add_argument("--loop", choices=("uvloop", "asyncio"), default="uvloop")
    args = parser.parse_args(argv)
    if args.calls < 1 or args.concurrency < 1 or args.repeat < 1:
        parser.error("--calls, --concurrency and --repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    spec = Spec("", args.redis_url, args.database, args.calls, args.concurrency, args.repeat, args.loop)
    print(
        f"{args.calls} calls of each kind per round, {args.concurrency} in flight, {args.repeat} rounds "
        f"(median kept), loop {args.loop}; the fake Bot API in this process, the calls in another"
    )
    figures = asyncio.run(serve_and_measure(spec))
    report(figures, print)
    return 0


if __name__ == "__main__":
    sys.exit(main())
