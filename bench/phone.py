"""The hotline's webhook latency under concurrent calls, beside a bare aiohttp handler returning fixed TwiML.

Run ``.venv/bin/python bench/phone.py [--calls 400] [--concurrency 50]``; bench/README.md
explains the output. Its last line reads ``p99_ms=41.0 calls_s=180 peer_p99_ms=6.2 concurrent=50``.

Four processes: the load generator (this one, the callers); estatedesk with the phone channel on its one aiohttp
server (state in Redis under a fresh prefix, tickets in a fresh SQLite file or a scratch PostgreSQL schema); the fake
Telegram that the staff cards are posted to; and the peer, a bare aiohttp server answering every POST with one fixed
TwiML document. Every call is the same signed webhooks, as Twilio sends them: the call (greeting and menu); the
caller's words as ``SpeechResult`` (understood by the built-in NLU: a pre-filled repair form); "1" for each remaining
question (their unit, normal urgency, confirm: the ticket is stored and its number read out); and the final status
callback. Between an answer and the caller's next move the caller thinks (``--think-ms``). The load
generator keeps ``--concurrency`` calls in progress; each webhook is timed from POST to the TwiML answer.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import re
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

AUTH_TOKEN = "bench-phone-auth-token-0123456789"
HOTLINE = "+85221007777"
CALLER = "+85261230001"  # Peter Wong, A-1203, English, in the demo estate
WORDS = "the light in my bathroom is broken"
ACTION = re.compile(r'action="([^"]+)"')
PEER_TWIML = (
    '<?xml version="1.0" encoding="UTF-8"?><Response><Gather action="/phone/input?s=1" input="dtmf speech" '
    'language="en-GB" method="POST" numDigits="1" timeout="6"><Say language="en-GB">To report a repair, press 1 '
    'or tell me what is wrong.</Say></Gather><Redirect method="POST">/phone/input?s=1</Redirect></Response>'
)
STEPS = ("voice", "words", "keys", "status")
NUMBER = re.compile(r"([A-Z]), (\d) (\d) (\d), (\d) (\d) (\d)")
KEYS_AT_MOST = 5


# -- the servers ---------------------------------------------------------------------------------------------
def estate_config() -> Path:
    """The embedded demo estate with the hotline switched on, in a temporary file."""
    from bot.config import embedded_config_text

    config = Path(tempfile.mkdtemp()) / "estate.toml"
    config.write_text(embedded_config_text().replace("[phone]\nenabled = false", "[phone]\nenabled = true"), "utf-8")
    return config


def serve_telegram(config: str, ready: Connection) -> None:
    """The fake Telegram in its own process (the staff groups of the estate), so that posting the staff cards
    costs the bot's process what it costs in production: the requests, not the Bot API's work too."""

    async def main() -> None:
        from bot.config import load_config
        from bot.demo.harness import add_chats_of
        from bot.settings import DEMO_TOKEN
        from integrations.telegram_fake import FakeTelegram

        fake = FakeTelegram(token=DEMO_TOKEN)
        add_chats_of(fake, load_config(config))
        async with fake.serve():
            ready.send(fake.url)
            await asyncio.get_running_loop().run_in_executor(None, ready.recv)

    asyncio.run(main())


def serve_estatedesk(
    cards: bool, database_url: str, redis_url: str, prefix: str, config: str, telegram: str, ready: Connection
) -> None:
    import os

    os.environ["ESTATEDESK_TWILIO_AUTH_TOKEN"] = AUTH_TOKEN
    os.environ["ESTATEDESK_LOG_LEVEL"] = "WARNING"
    profile = os.environ.get("BENCH_PHONE_PROFILE")
    run = _estatedesk(cards, database_url, redis_url, prefix, config, telegram, ready)
    if profile:
        import cProfile

        cProfile.runctx("asyncio.run(run)", globals(), locals(), profile)
        return
    asyncio.run(run)


async def _estatedesk(
    cards: bool, database_url: str, redis_url: str, prefix: str, config: str, telegram: str, ready: Connection
) -> None:
    import logging

    from sqlalchemy import text

    from integrations.sql.database import Database

    logging.basicConfig(level=logging.WARNING)
    db = None
    schema = f"bench_phone_{uuid.uuid4().hex[:8]}"
    if database_url.startswith("postgresql"):
        db = Database(database_url, schema=schema)  # a scratch schema, dropped at the end
    try:
        await _serve_estatedesk(cards, database_url, db, redis_url, prefix, config, telegram, ready)
    finally:
        if db is not None:
            await db.dispose()
            admin = Database(database_url)
            async with admin.engine.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            await admin.dispose()


async def _serve_estatedesk(
    cards: bool,
    database_url: str,
    db: Any,
    redis_url: str,
    prefix: str,
    config: str,
    telegram: str,
    ready: Connection,
) -> None:
    from aiohttp import web

    from bot.app import build
    from bot.demo.harness import load_demo_data
    from bot.settings import DEMO_TOKEN, load_settings
    from bot.web import init_app

    settings = load_settings(
        telegram_token=DEMO_TOKEN,
        telegram_api_url=telegram,
        database_url=database_url,
        redis_url=redis_url,
        redis_prefix=prefix,
        config=config,
        rate_limit=False,
    )
    desk = await build(settings, database=db)
    await load_demo_data(desk)
    await desk.start()
    try:
        assert desk.phone is not None
        if not cards:
            desk.phone.after_turn = None  # --cards off: the turn alone, no staff card posted after it
        app = init_app(None, None, secret=None, phone=desk.phone, voice=desk.voice, health=desk.health)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        ready.send(runner.addresses[0][1])
        await asyncio.get_running_loop().run_in_executor(None, ready.recv)  # until the load generator is done
        await desk.phone.drain()
        await runner.cleanup()
    finally:
        await desk.stop()


def serve_peer(ready: Connection) -> None:
    from aiohttp import web

    async def answer(request: web.Request) -> web.Response:
        await request.post()
        return web.Response(text=PEER_TWIML, content_type="text/xml")

    async def main() -> None:
        app = web.Application()
        app.router.add_post("/phone/{what}", answer)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        ready.send(runner.addresses[0][1])
        await asyncio.get_running_loop().run_in_executor(None, ready.recv)
        await runner.cleanup()

    asyncio.run(main())


# -- the load --------------------------------------------------------------------------------------------------
@dataclass
class Result:
    label: str
    times: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in STEPS})
    errors: list[str] = field(default_factory=list)
    numbers: set[str] = field(default_factory=set)
    elapsed: float = 0.0
    calls: int = 0
    live: int = 0  # calls between their first webhook and their status callback
    in_progress: list[int] = field(default_factory=list)  # ``live`` when each webhook was sent

    @property
    def all_times(self) -> list[float]:
        return [t for ts in self.times.values() for t in ts]


def pct(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def drive(label: str, base: str, calls: int, concurrency: int, check: bool, think: float = 0.0) -> Result:
    import aiohttp
    from twilio.request_validator import RequestValidator

    validator = RequestValidator(AUTH_TOKEN)
    result = Result(label)
    gate = asyncio.Semaphore(concurrency)

    async def post(session: aiohttp.ClientSession, path: str, params: dict[str, str], step: str) -> str:
        url = base + path
        headers = {"X-Twilio-Signature": validator.compute_signature(url, params)}
        result.in_progress.append(result.live)
        started = time.perf_counter()
        async with session.post(url, data=params, headers=headers) as response:
            body = await response.text()
            result.times[step].append((time.perf_counter() - started) * 1000)
            if response.status not in (200, 204):
                result.errors.append(f"{step}: HTTP {response.status}")
        if think:
            await asyncio.sleep(think)  # the caller listens to the prompt and answers (not timed)
        return body

    def next_path(body: str) -> str:
        found = ACTION.search(body)
        if not found:
            raise RuntimeError(f"no gather in {body[:200]}")
        return found.group(1).replace("&amp;", "&")

    async def one_call(session: aiohttp.ClientSession) -> None:
        async with gate:
            if think:
                # Calls ring in at random moments, not all in the same millisecond (not timed).
                await asyncio.sleep(random.uniform(0, think))
            sid = "CA" + uuid.uuid4().hex
            params = {"CallSid": sid, "AccountSid": "AC" + "0" * 32, "From": CALLER, "To": HOTLINE}
            result.live += 1
            try:
                body = await post(session, "/phone/voice", {**params, "CallStatus": "ringing"}, "voice")
                body = await post(
                    session,
                    next_path(body),
                    {**params, "CallStatus": "in-progress", "SpeechResult": WORDS, "Confidence": "0.92"},
                    "words",
                )
                found = None
                for _ in range(KEYS_AT_MOST):  # "1" for the first option (my unit, normal urgency, confirm)
                    pressed = {**params, "CallStatus": "in-progress", "Digits": "1"}
                    body = await post(session, next_path(body), pressed, "keys")
                    found = NUMBER.search(body)
                    if found:
                        break
                if found is None:
                    result.errors.append(f"{sid}: no ticket number read out")
                elif check:
                    result.numbers.add(found.group(0))
                await post(
                    session, "/phone/status", {**params, "CallStatus": "completed", "CallDuration": "60"}, "status"
                )
                result.calls += 1
            except Exception as exc:  # a failed call is counted, the run goes on
                result.errors.append(f"{sid}: {exc!r}")
            finally:
                result.live -= 1

    connector = aiohttp.TCPConnector(limit=concurrency * 2)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()
        await asyncio.gather(*(one_call(session) for _ in range(calls)))
        result.elapsed = time.perf_counter() - started
    return result


def start(target: Callable[..., None], *args: Any) -> tuple[BaseProcess, Connection, Any]:
    ctx = multiprocessing.get_context("spawn")
    ours, theirs = ctx.Pipe()
    process = ctx.Process(target=target, args=(*args, theirs), daemon=True)
    process.start()
    if not ours.poll(120):
        process.kill()
        raise SystemExit(f"{target.__name__} did not start")
    return process, ours, ours.recv()  # the port, or the fake Telegram's URL


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=400)
    parser.add_argument("--warmup", type=int, default=20, help="untimed calls first (imports, NLU model, pools)")
    parser.add_argument("--concurrency", type=int, default=50, help="calls in progress at once")
    parser.add_argument(
        "--think-ms",
        type=float,
        default=1500,
        help="between an answer and the caller's next move (listening, speaking); 0: back to back",
    )
    parser.add_argument(
        "--database", default="sqlite", help="sqlite (a fresh file) or a postgresql:// URL (a scratch schema)"
    )
    parser.add_argument(
        "--cards",
        choices=("background", "off"),
        default="background",
        help="staff cards posted in the background as in production (to the fake Telegram in its own process), or not",
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args(argv)

    prefix = f"bench-phone-{uuid.uuid4().hex[:8]}"
    database_url = (
        args.database if args.database.startswith("postgresql") else f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    )
    config = str(estate_config())
    telegram, telegram_pipe, telegram_url = start(serve_telegram, config)
    ours, ours_pipe, ours_port = start(
        serve_estatedesk, args.cards == "background", database_url, args.redis_url, prefix, config, telegram_url
    )
    peer, peer_pipe, peer_port = start(serve_peer)
    try:
        asyncio.run(drive("warmup", f"http://127.0.0.1:{ours_port}", args.warmup, args.concurrency, False))
        asyncio.run(drive("warmup", f"http://127.0.0.1:{peer_port}", args.warmup, args.concurrency, False))
        think = args.think_ms / 1000
        result = asyncio.run(drive("ours", f"http://127.0.0.1:{ours_port}", args.calls, args.concurrency, True, think))
        bare = asyncio.run(drive("peer", f"http://127.0.0.1:{peer_port}", args.calls, args.concurrency, False, think))
    finally:
        ours_pipe.send("stop")
        peer_pipe.send("stop")
        ours.join(60)
        peer.join(10)
        telegram_pipe.send("stop")
        telegram.join(10)
        _drop_prefix(args.redis_url, prefix)

    print(
        f"{args.calls} calls, {args.concurrency} in progress, {args.think_ms:.0f} ms between an answer and the "
        f"caller's next move; tickets in {'PostgreSQL' if args.database.startswith('postgresql') else 'SQLite'}, "
        f"state in Redis; "
        f"{sum(len(t) for t in result.times.values())} webhooks timed"
    )
    print(f"{'webhook':<10} {'ours p50':>9} {'ours p99':>9}")
    for step in STEPS:
        print(f"{step:<10} {pct(result.times[step], 50):>9.1f} {pct(result.times[step], 99):>9.1f}")
    p50, p99 = pct(result.all_times, 50), pct(result.all_times, 99)
    peer_p50, peer_p99 = pct(bare.all_times, 50), pct(bare.all_times, 99)
    print(f"{'all':<10} {p50:>9.1f} {p99:>9.1f}   peer (fixed TwiML): p50 {peer_p50:.1f} p99 {peer_p99:.1f}")
    calls_s = result.calls / result.elapsed if result.elapsed else 0.0
    print(f"ours: {result.calls} calls in {result.elapsed:.1f} s; peer: {bare.calls} calls in {bare.elapsed:.1f} s")
    ok = not result.errors and len(result.numbers) == args.calls
    print(
        f"checks: {len(result.numbers)} distinct ticket numbers read out for {args.calls} calls; "
        f"{len(result.errors)} errors: {'OK' if ok else 'FAILED ' + '; '.join(result.errors[:3])}"
    )
    print(
        f"calls in progress when a webhook was sent: p50 {pct(result.in_progress, 50):.0f}, "
        f"p10 {pct(result.in_progress, 10):.0f}, max {max(result.in_progress, default=0)}"
    )
    print(f"redis prefix {prefix} (deleted)")
    print(f"p99_ms={p99:.1f} calls_s={calls_s:.0f} peer_p99_ms={peer_p99:.1f} concurrent={args.concurrency}")
    return 0 if ok else 1


def _drop_prefix(url: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()


if __name__ == "__main__":
    sys.exit(main())
