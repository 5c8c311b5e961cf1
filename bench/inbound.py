"""Webhook throughput and latency of estatedesk's repair-report turn, beside a bare python-telegram-bot echo bot.

Run ``.venv/bin/python bench/inbound.py [--updates 3000] [--concurrency 32] [--database URL]``; bench/README.md
explains the output. Its last line reads ``ratio=1.12 ours=850/s echo=760/s p99_ms=14.2``.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import multiprocessing
import os
import re
import secrets
import socket
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from bot.app import Estatedesk
    from integrations.telegram_fake import FakeTelegram

# Only the standard library at module level: every child process re-imports this module (spawn), and each role
# imports what it needs itself, so the load generator never pays for the bot's imports.

T = TypeVar("T")

SECRET = "bench-inbound-secret"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/telegram/webhook"
REDIS_URL = "redis://127.0.0.1:6379/0"
# Private chat ids of the simulated residents: a block of ids per configuration, so every chat is fresh.
USER_BLOCK = 1_000_000_000
DESCRIPTION = "Bathroom tap drips all day and does not close fully"
TICKET_NUMBER = re.compile(r"\bR-\d{6}\b")
PRIME_CONCURRENCY = 16


class BenchError(RuntimeError):
    """The benchmark could not run (a process failed, a server is missing); not a slow result."""


@dataclass(frozen=True)
class Configuration:
    bot: str  # "ours" or "echo"
    transport: str  # "aiohttp" or "httpx" (PTB's default HTTPXRequest)

    @property
    def label(self) -> str:
        return f"{self.bot}-{self.transport}"


CONFIGURATIONS = {
    c.label: c
    for c in (
        Configuration("ours", "aiohttp"),
        Configuration("ours", "httpx"),
        Configuration("echo", "httpx"),
        Configuration("echo", "aiohttp"),
    )
}
DEFAULT_CONFIGURATIONS = ("ours-aiohttp", "echo-httpx", "echo-aiohttp")


@dataclass(frozen=True)
class BotSpec:
    """What a bot process needs; pickled to the child."""

    config: Configuration
    fake_url: str
    users: tuple[int, ...]
    loop: str
    database_url: str
    schema: str | None
    redis_url: str
    redis_prefix: str
    echo_server: str
    echo_concurrent_updates: int
    log_level: str
    profile: str | None
    cards: bool
    # This worker's share of the chats: users[i] is the resident numbered first_index + i * stride.
    first_index: int = 0
    stride: int = 1


@dataclass(frozen=True)
class LoadSpec:
    urls: tuple[str, ...]  # the workers' webhooks: update n goes to urls[n % len(urls)], as a round-robin balancer
    updates: tuple[tuple[int, bytes], ...]  # (chat id, update JSON), warm-up first
    warmup: int
    concurrency: int
    reply_timeout: float
    loop: str


@dataclass(frozen=True)
class Sample:
    """One timed update as the load generator saw it. Times are CLOCK_MONOTONIC, comparable across processes."""

    chat_id: int
    sent: float
    answered: float
    status: int  # the webhook's HTTP status; 0 when no response came
    replied: bool  # the reply was seen within the reply timeout


@dataclass
class Row:
    config: Configuration
    loop: str
    samples: int
    completed: int
    rate: float
    e2e_ms: tuple[float, float]  # p50, p99
    hook_ms: tuple[float, float]
    errors: int
    server_errors: int
    cpu_ms: float = 0.0  # bot CPU per update, all workers together
    others_ms: float = 0.0  # the CPU per update of everything else measured: fake Bot API, load, servers
    workers: int = 1
    checks: list[str] = field(default_factory=list)


# --- small helpers ------------------------------------------------------------------------------------------------


# The servers the bot talks to, by their process names: on the same machine they take CPU from the same cores.
SERVER_PROCESSES = {"postgres": "PostgreSQL", "redis-server": "Redis"}


def server_cpu() -> dict[int, tuple[str, float]]:
    """CPU seconds so far (user and system) of each PostgreSQL and Redis server process on this machine, by pid.

    Read from Linux's /proc: empty elsewhere, or when the servers run on another machine."""
    ticks = os.sysconf("SC_CLK_TCK")
    found: dict[int, tuple[str, float]] = {}
    try:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return found
    for pid in pids:
        try:
            with open(f"/proc/{pid}/comm", encoding="utf-8") as comm:
                name = SERVER_PROCESSES.get(comm.read().strip())
            if name is None:
                continue
            with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile, or not ours to read
        found[pid] = (name, (int(fields[11]) + int(fields[12])) / ticks)
    return found


def server_cpu_spent(before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]]) -> dict[str, float]:
    """CPU seconds each server spent between two :func:`server_cpu` readings. A process started in between (a
    PostgreSQL backend for a new connection) counts from zero; one that ended in between is not counted."""
    spent: dict[str, float] = {}
    for pid, (name, seconds) in after.items():
        spent[name] = spent.get(name, 0.0) + seconds - before.get(pid, (name, 0.0))[1]
    return spent


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def speedup_ceiling(bot_ms: float, others_ms: float, workers: int, n_cores: int) -> float:
    """The most ``workers`` bot processes can gain over one when everything shares ``n_cores`` cores: one worker is
    bound by its own core (1000/bot_ms updates/s) or by all of them (1000·cores/(bot_ms+others_ms)), several by
    their cores or by all of them likewise."""
    if bot_ms <= 0:
        return float("nan")
    shared = 1000 * n_cores / (bot_ms + others_ms)
    return min(workers * 1000 / bot_ms, shared) / min(1000 / bot_ms, shared)


def run_loop(coro: Coroutine[Any, Any, T], loop: str) -> T:
    if loop == "uvloop":
        import uvloop

        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(coro)
    return asyncio.run(coro)


def loop_name() -> str:
    module = type(asyncio.get_running_loop()).__module__
    return "uvloop" if module.startswith("uvloop") else "asyncio"


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (``p`` in 0..100) of ``values``; NaN when there are none."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def resident_phone(index: int) -> str:
    """A valid Hong Kong mobile number per index: +852 61xx xxxx."""
    return f"+85261{index:06d}"


def resident_unit(index: int) -> tuple[str, str]:
    """(building, unit) per index: 500 flats a block, e.g. ("3", "12B")."""
    return str(1 + index // 500), f"{(index % 500) // 10 + 1}{'ABCDEFGHJK'[index % 10]}"


# --- the bot under test: estatedesk in webhook mode ----------------------------------------------------------------


# The bot process's profiler (--profile-dir): on only while the load runs, as the CPU figure is measured, so
# start-up, priming and the checks at the end are not in it.
_PROFILER: Any = None


def measuring(on: bool) -> None:
    if _PROFILER is None:
        return
    if on:
        _PROFILER.enable()
    else:
        _PROFILER.disable()


def bot_process(spec: BotSpec, control: Connection) -> None:
    """Entry point of the bot's process: serve until the parent says stop, then report."""
    from bot.logs import configure_logging

    configure_logging(spec.log_level)
    serve = serve_ours if spec.config.bot == "ours" else serve_echo
    try:
        if spec.profile:
            import cProfile

            global _PROFILER
            _PROFILER = cProfile.Profile()
            try:
                run_loop(serve(spec, control), spec.loop)
            finally:
                _PROFILER.disable()
                _PROFILER.dump_stats(spec.profile)
        else:
            run_loop(serve(spec, control), spec.loop)
    except BaseException as exc:
        control.send({"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()})
        raise


async def serve_ours(spec: BotSpec, control: Connection) -> None:
    from aiohttp import web
    from sqlalchemy import func, select

    from bot.app import build
    from bot.settings import DEMO_TOKEN, load_settings
    from bot.web import init_app
    from integrations.sql.database import Database
    from integrations.sql.tables import TicketRecord

    settings = load_settings(
        telegram_token=DEMO_TOKEN,
        telegram_api_url=spec.fake_url,
        redis_url=spec.redis_url,
        redis_prefix=spec.redis_prefix,
        # Telegram's ~30 messages/s would cap any bot at 30 updates/s; the fake enforces nothing either.
        rate_limit=False,
        # Likewise a staff group's ~20 a minute would fold most cards into digests: every card goes out on its own.
        group_per_minute=1_000_000,
    )
    db = Database(spec.database_url, schema=spec.schema)
    desk = await build(settings, transport=spec.config.transport, database=db)
    if not spec.cards:
        desk.processor.after_turn = None  # --cards off: the turn alone, no staff card posted after it
    try:
        await desk.start()
        started = time.monotonic()
        await prime_repair_summaries(desk, spec.users, spec.first_index, spec.stride)
        primed_s = time.monotonic() - started
        app = init_app(desk.processor, desk.bot, secret=SECRET, path=WEBHOOK_PATH, health=desk.health)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        port = runner.addresses[0][1]
        control.send({"url": f"http://127.0.0.1:{port}{WEBHOOK_PATH}", "loop": loop_name(), "primed_s": primed_s})
        cpu_started = time.process_time()
        measuring(True)
        await asyncio.to_thread(control.recv)  # "stop"
        await runner.cleanup()
        await desk.processor.drain()  # staff cards still being posted
        cpu_s = time.process_time() - cpu_started
        measuring(False)
        async with desk.db.session() as session:
            tickets = await session.scalar(select(func.count()).select_from(TicketRecord))
            carded = await session.scalar(
                select(func.count()).select_from(TicketRecord).where(TicketRecord.card_message_id.is_not(None))
            )
    finally:
        await desk.stop()
    control.send({"tickets": tickets, "carded": carded, "cpu_s": cpu_s})


async def prime_repair_summaries(desk: Estatedesk, users: Sequence[int], first_index: int = 0, stride: int = 1) -> None:
    """Bring every chat to the repair summary ("Please check and confirm") without HTTP on the inbound side.

    Residents are upserted into the registry and linked with ``link_telegram``. The first chat is driven through
    the real dialog (/repair, category, place, description, skip photos); its state at the urgency question is
    copied to every other chat with that chat's own unit and draft id. One real engine turn per chat (the
    "Normal" urgency press) then produces the summary, which is sent to the fake like any reply, so the timed
    Confirm press finds its message, buttons and callback query there.
    """
    from bot.channels.telegram.convert import CHANNEL, chat_key
    from bot.domain.residents import Language, Role
    from dialogs.events import EventKind, Inbound
    from integrations.registry import ResidentRow

    rows = []
    for index in range(first_index, first_index + len(users) * stride, stride):
        building, unit = resident_unit(index)
        rows.append(ResidentRow(building, unit, f"Resident {index}", resident_phone(index), Role.OWNER, Language.EN))
    await desk.registry.upsert(rows)
    slots = asyncio.Semaphore(PRIME_CONCURRENCY)
    units: dict[int, tuple[int, str]] = {}

    async def link(index: int, user_id: int) -> None:
        async with slots:
            found = await desk.registry.by_phone(rows[index].phone)
            if found is None:
                raise BenchError(f"resident {rows[index].phone} was not stored by the registry upsert")
            resident = await desk.registry.link_telegram(found.id, user_id)
            units[user_id] = (resident.units[0].unit.id, resident.units[0].unit.label)

    await asyncio.gather(*(link(i, u) for i, u in enumerate(users)))

    def event(user_id: int, step: str, kind: EventKind, **what: Any) -> Inbound:
        return Inbound(
            event_id=f"prime:{user_id}:{step}",
            channel=CHANNEL,
            chat=chat_key(user_id),
            user_id=user_id,
            kind=kind,
            language_code="en",
            first_name="Resident",
            **what,
        )

    first = users[0]
    steps: list[tuple[EventKind, dict[str, Any]]] = [
        (EventKind.COMMAND, {"command": "repair"}),
        (EventKind.CHOICE, {"choice": "plumbing"}),
        (EventKind.CHOICE, {"choice": f"unit:{units[first][0]}"}),
        (EventKind.TEXT, {"text": DESCRIPTION}),
        (EventKind.CHOICE, {"choice": "skip"}),
    ]
    token = ""
    for n, (kind, what) in enumerate(steps):
        if kind is EventKind.CHOICE:
            what = {**what, "token": token}
        outcome = await desk.engine.handle(event(first, str(n), kind, **what))
        token = outcome.replies[-1].token
    template = await desk.store.load(chat_key(first))
    if not template or template.get("step") != "urgency":
        raise BenchError(f"the repair dialog did not reach the urgency question: {template}")
    template = {k: v for k, v in template.items() if k not in ("last_event", "last_replies")}

    async def summarise(user_id: int) -> None:
        async with slots:
            if user_id != first:
                state = copy.deepcopy(template)
                state["form"]["unit_id"] = units[user_id][0]
                state["form"]["draft"] = secrets.token_hex(8)
                await desk.store.save(chat_key(user_id), state)
            outcome = await desk.engine.handle(
                event(user_id, "urgency", EventKind.CHOICE, choice="normal", token=token)
            )
            summary = outcome.replies[-1]
            choices = {c.value for row in summary.choices for c in row}
            if "confirm" not in choices or dict(summary.fields).get("Place") != units[user_id][1]:
                raise BenchError(f"chat {user_id} got no summary of its own unit to confirm: {summary}")
            await desk.processor.sender.send(user_id, summary)

    await asyncio.gather(*(summarise(u) for u in users))


# --- the baseline: a bare python-telegram-bot echo bot -------------------------------------------------------------


async def serve_echo(spec: BotSpec, control: Connection) -> None:
    from telegram import Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    from bot.channels.telegram.request import AiohttpRequest
    from bot.settings import DEMO_TOKEN

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is not None and message.text:
            await message.reply_text(message.text)

    builder = (
        Application.builder()
        .token(DEMO_TOKEN)
        .base_url(f"{spec.fake_url}/bot")
        .base_file_url(f"{spec.fake_url}/file/bot")
        .concurrent_updates(spec.echo_concurrent_updates)
    )
    if spec.config.transport == "aiohttp":
        builder = builder.request(AiohttpRequest()).get_updates_request(AiohttpRequest(read_timeout=40.0))
    if spec.echo_server == "aiohttp":
        builder = builder.updater(None)
    application = builder.build()
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with application:
        runner = None
        if spec.echo_server == "ptb":
            assert application.updater is not None
            port = free_port()
            url = f"http://127.0.0.1:{port}{WEBHOOK_PATH}"
            await application.updater.start_webhook(
                listen="127.0.0.1", port=port, url_path=WEBHOOK_PATH, secret_token=SECRET, webhook_url=url
            )
        else:
            runner, url = await serve_update_queue(application)
        await application.start()
        control.send({"url": url, "loop": loop_name(), "primed_s": 0.0})
        cpu_started = time.process_time()
        measuring(True)
        await asyncio.to_thread(control.recv)  # "stop"
        cpu_s = time.process_time() - cpu_started
        measuring(False)
        if runner is not None:
            await runner.cleanup()
        elif application.updater is not None:
            await application.updater.stop()
        await application.stop()
    control.send({"cpu_s": cpu_s})


async def serve_update_queue(application: Any) -> tuple[Any, str]:
    """PTB's webhook handler on aiohttp instead of tornado (PTB's "custom webhook" pattern).

    Like PTB's own server it checks the secret, parses the update, puts it on ``application.update_queue`` and
    answers 200 before any handler ran.
    """
    import json

    from aiohttp import web
    from telegram import Update

    async def webhook(request: web.Request) -> web.Response:
        if request.headers.get(SECRET_HEADER) != SECRET:
            return web.Response(status=403)
        update = Update.de_json(json.loads(await request.read()), application.bot)
        await application.update_queue.put(update)
        return web.Response()

    app = web.Application()
    app.router.add_post(WEBHOOK_PATH, webhook)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}{WEBHOOK_PATH}"


# --- the load generator ---------------------------------------------------------------------------------------------


def load_process(spec: LoadSpec, notices: Connection, results: Connection) -> None:
    """Entry point of the load generator's process; sends back the timed samples."""
    try:
        started = time.process_time()
        samples = run_loop(drive(spec, notices), spec.loop)
        results.send({"samples": samples, "cpu_s": time.process_time() - started})
    except BaseException as exc:
        results.send({"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()})
        raise


async def drive(spec: LoadSpec, notices: Connection) -> list[Sample]:
    """POST the warm-up, then the timed updates, keeping ``concurrency`` updates in flight.

    An update stays in flight until its webhook call answered and its reply reached the fake (the parent
    tells us by chat id over ``notices``): a bot that acknowledges first cannot pile up unbounded work.
    """
    import aiohttp

    loop = asyncio.get_running_loop()
    waiting: dict[int, asyncio.Future[None]] = {}

    def on_notice() -> None:
        while notices.poll():
            chat_id = int.from_bytes(notices.recv_bytes(), "little", signed=True)
            future = waiting.get(chat_id)
            if future is not None and not future.done():
                future.set_result(None)

    loop.add_reader(notices.fileno(), on_notice)
    headers = {"Content-Type": "application/json", SECRET_HEADER: SECRET}
    timeout = aiohttp.ClientTimeout(total=None, sock_read=60)

    async def batch(session: aiohttp.ClientSession, updates: Sequence[tuple[int, bytes]]) -> list[Sample]:
        slots = asyncio.Semaphore(spec.concurrency)
        samples: list[Sample] = []

        async def one(n: int, chat_id: int, body: bytes) -> None:
            future: asyncio.Future[None] = loop.create_future()
            waiting[chat_id] = future
            status = 0
            try:
                sent = time.monotonic()
                try:
                    async with session.post(spec.urls[n % len(spec.urls)], data=body, headers=headers) as response:
                        await response.read()
                        status = response.status
                except aiohttp.ClientError:
                    pass
                answered = time.monotonic()
                if 200 <= status < 300:
                    try:
                        await asyncio.wait_for(future, spec.reply_timeout)
                    except TimeoutError:
                        pass
                samples.append(Sample(chat_id, sent, answered, status, future.done() and not future.cancelled()))
            finally:
                waiting.pop(chat_id, None)
                slots.release()

        tasks = []
        for n, (chat_id, body) in enumerate(updates):
            await slots.acquire()
            tasks.append(asyncio.create_task(one(n, chat_id, body)))
        await asyncio.gather(*tasks)
        return samples

    connector = aiohttp.TCPConnector(limit=spec.concurrency)
    try:
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
            await batch(session, spec.updates[: spec.warmup])
            return await batch(session, spec.updates[spec.warmup :])
    finally:
        loop.remove_reader(notices.fileno())


# --- the parent: the fake Telegram, the runs, the report ------------------------------------------------------------


@dataclass
class Watch:
    """Timestamps every bot message the fake receives; forwards replies of the chats in play to the load generator.

    A card is a message in a department's group (``card_chats``), named by its first line, the ticket's number,
    so a card posted twice shows. Anything else the bot posts in a group (the scheduler's weekly figures, which
    reach the managers' chat whenever a run spans the hour they are due) is counted apart, in ``others``."""

    new_message: Any  # ChangeKind.NEW_MESSAGE, imported by the parent only
    replies: dict[int, list[tuple[float, str]]] = field(default_factory=lambda: defaultdict(list))
    cards: list[tuple[float, str]] = field(default_factory=list)
    card_chats: set[int] = field(default_factory=set)
    others: int = 0
    expected: set[int] = field(default_factory=set)
    notify: Connection | None = None

    def __call__(self, change: Any) -> None:
        message = change.message
        if change.kind is not self.new_message or message is None or not message.from_bot:
            return
        now = time.monotonic()
        if change.chat_id < 0:
            if change.chat_id in self.card_chats:
                self.cards.append((now, (message.text or "").partition("\n")[0]))
            else:
                self.others += 1
            return
        self.replies[change.chat_id].append((now, message.text or ""))
        if self.notify is not None and change.chat_id in self.expected:
            self.notify.send_bytes(change.chat_id.to_bytes(8, "little", signed=True))


async def receive(conn: Connection, process: BaseProcess, timeout: float) -> Any:
    """The next message from a child process; BenchError if it failed, died or said nothing in time."""

    def wait() -> Any:
        deadline = time.monotonic() + timeout
        while not conn.poll(0.2):
            if not process.is_alive() and not conn.poll():
                raise BenchError(f"{process.name} exited with code {process.exitcode}")
            if time.monotonic() > deadline:
                raise BenchError(f"{process.name} said nothing within {timeout:.0f} s")
        return conn.recv()

    message = await asyncio.to_thread(wait)
    if isinstance(message, dict) and "error" in message:
        raise BenchError(f"{process.name} failed: {message['error']}\n{message.get('trace', '')}")
    return message


def stop_process(process: BaseProcess, timeout: float = 30.0) -> None:
    process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join(5)


@dataclass
class Options:
    updates: int
    warmup: int
    concurrency: int
    configs: tuple[str, ...]
    database: str
    redis_url: str
    loop: str
    echo_server: str
    echo_concurrent_updates: int
    reply_timeout: float
    log_level: str
    profile_dir: str | None
    cards: bool
    workers: int = 1


async def run_configuration(
    options: Options,
    config: Configuration,
    index: int,
    fake: FakeTelegram,
    watch: Watch,
    database_url: str,
    schema: str | None,
    redis_prefix: str,
    workers: int = 1,
) -> Row:
    users = [USER_BLOCK * (index + 1) + n for n in range(options.warmup + options.updates)]
    for user_id in users:
        fake.add_user(user_id, "Resident", language_code="en")
    echo_texts: dict[int, str] = {}
    updates: list[tuple[int, dict[str, Any]]] = []
    if config.bot == "echo":
        for n, user_id in enumerate(users):
            echo_texts[user_id] = f"hello {n}"
            updates.append((user_id, fake.state.user_text(user_id, echo_texts[user_id])))
        fake.state.drop_pending_updates()  # the load generator delivers them, not the fake

    ctx = multiprocessing.get_context("spawn")
    # With several workers each primes its share of the chats; the load generator spreads the updates
    # over them round robin, so a chat's Confirm may reach a worker that did not prime it.
    specs = [
        BotSpec(
            config=config,
            fake_url=fake.url,
            users=tuple(users[w::workers]),
            loop=options.loop,
            database_url=database_url,
            schema=schema,
            redis_url=options.redis_url,
            redis_prefix=redis_prefix,
            echo_server=options.echo_server,
            echo_concurrent_updates=options.echo_concurrent_updates,
            log_level=options.log_level,
            profile=str(Path(options.profile_dir) / f"{config.label}-{w}.prof") if options.profile_dir else None,
            cards=options.cards,
            first_index=w,
            stride=workers,
        )
        for w in range(workers)
    ]
    pipes = [ctx.Pipe() for _ in specs]
    bots = [
        ctx.Process(target=bot_process, args=(spec, child), name=f"bot {config.label} {w}", daemon=True)
        for w, (spec, (_, child)) in enumerate(zip(specs, pipes, strict=True))
    ]
    for bot in bots:
        bot.start()
    load: BaseProcess | None = None
    try:
        readies = [await receive(control, bot, timeout=600) for (control, _), bot in zip(pipes, bots, strict=True)]
        ready = {**readies[0], "primed_s": max(r.get("primed_s", 0.0) for r in readies)}
        if config.bot == "ours":
            for user_id in users:
                summary = next(m for m in reversed(fake.bot_messages(user_id)) if m.find_button("Confirm"))
                updates.append((user_id, fake.state.user_presses(user_id, summary, "Confirm")))
            fake.state.drop_pending_updates()
        bodies = tuple((chat_id, _json(update)) for chat_id, update in updates)

        notices, notify = ctx.Pipe(duplex=False)
        results, child_results = ctx.Pipe(duplex=False)
        load_spec = LoadSpec(
            tuple(r["url"] for r in readies),
            bodies,
            options.warmup,
            options.concurrency,
            options.reply_timeout,
            options.loop,
        )
        watch.expected, watch.notify = set(users), notify
        load = ctx.Process(target=load_process, args=(load_spec, notices, child_results), name="load generator")
        # This process serves the fake Bot API: its CPU while the load runs is the fake's.
        fake_cpu_started, servers_before = time.process_time(), server_cpu()
        load.start()
        loaded = await receive(results, load, timeout=600)
        fake_cpu_s = time.process_time() - fake_cpu_started
        # Read before the workers stop: their pooled connections' backends are still there to be read.
        servers_s = server_cpu_spent(servers_before, server_cpu())
        samples: list[Sample] = loaded["samples"]
        watch.expected, watch.notify = set(), None
        for control, _ in pipes:
            control.send("stop")
        finals = [await receive(control, bot, timeout=120) for (control, _), bot in zip(pipes, bots, strict=True)]
        # One database: each worker counts tickets and cards after its own drain, so the last count (the
        # largest) saw every worker's cards; the CPU is the workers' sum.
        final = {key: max(f[key] for f in finals) for key in finals[0]}
        final["cpu_s"] = sum(f["cpu_s"] for f in finals)
        final["fake_cpu_s"], final["load_cpu_s"], final["servers_s"] = fake_cpu_s, loaded["cpu_s"], servers_s
    finally:
        watch.expected, watch.notify = set(), None
        if load is not None:
            stop_process(load)
        for bot in bots:
            stop_process(bot)
        fake.state.delete_webhook()  # PTB's own server set one; nothing may be delivered to the next bot
    row = summarise(config, ready, final, samples, watch, echo_texts, options)
    row.workers = workers
    return row


def summarise(
    config: Configuration,
    ready: dict[str, Any],
    final: dict[str, Any],
    samples: list[Sample],
    watch: Watch,
    echo_texts: dict[int, str],
    options: Options,
) -> Row:
    e2e: list[float] = []
    hook: list[float] = []
    last_reply = 0.0
    failed = server_errors = 0
    numbers: set[str] = set()
    for sample in samples:
        if sample.status >= 500:
            server_errors += 1
        if 200 <= sample.status < 300:
            hook.append(sample.answered - sample.sent)
        replies = [(at, text) for at, text in watch.replies.get(sample.chat_id, ()) if at >= sample.sent]
        ok = 200 <= sample.status < 300 and len(replies) == 1
        if ok and config.bot == "echo":
            ok = replies[0][1] == echo_texts[sample.chat_id]
        elif ok:
            found = TICKET_NUMBER.search(replies[0][1])
            ok = found is not None and found.group() not in numbers
            if found is not None:
                numbers.add(found.group())
        if not ok:
            failed += 1
            continue
        e2e.append(replies[0][0] - sample.sent)
        last_reply = max(last_reply, replies[0][0])
    start = min((s.sent for s in samples), default=0.0)
    rate = len(e2e) / (last_reply - start) if e2e and last_reply > start else 0.0
    row = Row(
        config=config,
        loop=ready["loop"],
        samples=len(samples),
        completed=len(e2e),
        rate=rate,
        e2e_ms=(percentile(e2e, 50) * 1000, percentile(e2e, 99) * 1000),
        hook_ms=(percentile(hook, 50) * 1000, percentile(hook, 99) * 1000),
        errors=failed + (options.updates - len(samples)),
        server_errors=server_errors,
    )
    verdict = "OK" if row.errors == 0 and len(samples) == options.updates else "FAILED"
    if config.bot == "echo":
        row.checks.append(
            f"{len(e2e)} of {options.updates} timed updates got exactly one reply echoing their text: {verdict}"
        )
    else:
        pressed = options.warmup + options.updates
        tickets, carded = final["tickets"], final["carded"]
        row.checks.append(f"summaries primed in {ready['primed_s']:.1f} s (not timed)")
        row.checks.append(
            f"{len(e2e)} of {options.updates} timed updates got exactly one reply with a ticket number of its own "
            f"({len(numbers)} distinct): {verdict}"
        )
        row.checks.append(
            f"tickets in the database: {tickets} for {pressed} Confirm presses ({options.warmup} warm-up + "
            f"{options.updates} timed): {'OK' if tickets == pressed else 'FAILED'}"
        )
        cards, tickets_carded = len(watch.cards), len({number for _, number in watch.cards})
        others = f"; {watch.others} other group messages (the scheduler's), not cards" if watch.others else ""
        if options.cards:
            last_card = max((at for at, _ in watch.cards), default=None)
            tail = ""
            if last_card is not None and e2e:
                tail = f", the last {last_card - last_reply:.2f} s after the last reply"
            row.checks.append(
                f"staff cards: {cards} reached the staff groups for {tickets_carded} tickets, {carded} recorded on "
                f"tickets{tail}{others}: {'OK' if cards == tickets_carded == carded == pressed else 'FAILED'}"
            )
        else:
            row.checks.append(f"staff cards: off (--cards off), {cards} posted{others}")
        watch.cards.clear()
        watch.others = 0
    row.checks.append(f"5xx answers from the webhook: {server_errors}")
    # CPU of the bot's process per update (warm-up and timed; for ours the staff cards too): the
    # figure to compare when the machine is shared and rates move with other jobs' load.
    handled = options.warmup + options.updates
    row.cpu_ms = final["cpu_s"] * 1000 / handled
    row.checks.append(f"bot process CPU: {row.cpu_ms:.2f} ms per update ({handled} updates)")
    # The other two processes share the machine's cores with the bot: on 2 cores, what they spend per update
    # bounds how much a second bot worker can add.
    row.checks.append(
        f"other processes' CPU: the fake Bot API {final['fake_cpu_s'] * 1000 / handled:.2f} ms, "
        f"the load generator {final['load_cpu_s'] * 1000 / handled:.2f} ms per update"
    )
    servers = {name: seconds * 1000 / handled for name, seconds in sorted(final["servers_s"].items())}
    row.checks.append(
        "servers' CPU: "
        + (
            ", ".join(f"{name} {ms:.2f} ms" for name, ms in servers.items()) + " per update (their processes here)"
            if servers
            else "not measured (no PostgreSQL or Redis process readable on this machine)"
        )
    )
    row.others_ms = (final["fake_cpu_s"] + final["load_cpu_s"]) * 1000 / handled + sum(servers.values())
    return row


def _json(update: dict[str, Any]) -> bytes:
    import orjson

    return orjson.dumps(update)


async def add_staff_groups(fake: FakeTelegram) -> set[int]:
    """The staff groups of the embedded demo estate; the departments' chats (where the desk posts ticket cards)."""
    from bot.config import load_config

    routing = load_config(None).routing
    card_chats: set[int] = set()
    for dept in routing.departments.values():
        if dept.chat_id is not None:
            for member in dept.staff:
                fake.add_user(member.user_id, member.name.split()[0], language_code="en")
            fake.add_group(dept.chat_id, dept.name("en"), members=[m.user_id for m in dept.staff])
            card_chats.add(dept.chat_id)
    if routing.managers_chat_id is not None:
        fake.add_group(routing.managers_chat_id, "Managers", members=[])
    return card_chats


async def drop_redis_prefix(url: str, prefix: str) -> int:
    import redis.asyncio as aioredis

    client = aioredis.Redis.from_url(url)
    try:
        keys = [key async for key in client.scan_iter(match=f"{prefix}:*", count=1000)]
        for start in range(0, len(keys), 1000):
            await client.delete(*keys[start : start + 1000])
        return len(keys)
    finally:
        await client.aclose()


async def drop_schema(url: str, schema: str) -> None:
    from sqlalchemy import text

    from integrations.sql.database import Database

    admin = Database(url)
    try:
        async with admin.engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        await admin.dispose()


async def bench(options: Options, out: Callable[[str], None]) -> list[Row]:
    from bot.settings import DEMO_TOKEN
    from integrations.telegram_fake import ChangeKind, FakeTelegram

    fake = FakeTelegram(token=DEMO_TOKEN)
    watch = Watch(ChangeKind.NEW_MESSAGE)
    fake.state.subscribe(watch)
    watch.card_chats = await add_staff_groups(fake)
    rows: list[Row] = []
    run_id = secrets.token_hex(4)
    async with fake.serve():
        runs = [(name, 1) for name in options.configs]
        if options.workers > 1:
            runs += [(name, options.workers) for name in options.configs if name.startswith("ours")]
        for index, (name, workers) in enumerate(runs):
            config = CONFIGURATIONS[name]
            redis_prefix = f"bench-inbound-{run_id}-{index}"
            schema = None
            with tempfile.TemporaryDirectory(prefix="bench-inbound-") as workdir:
                if options.database == "sqlite":
                    database_url = f"sqlite:///{Path(workdir) / 'estatedesk.sqlite3'}"
                else:
                    database_url, schema = options.database, f"bench_{run_id}_{index}"
                try:
                    rows.append(
                        await run_configuration(
                            options, config, index, fake, watch, database_url, schema, redis_prefix, workers
                        )
                    )
                finally:
                    if config.bot == "ours":
                        await drop_redis_prefix(options.redis_url, redis_prefix)
                        if schema is not None:
                            await drop_schema(database_url, schema)
            if config.bot == "ours":
                where = f"scratch schema {schema}, dropped" if schema else "a fresh file in a temp dir, removed"
                out(
                    f"  {config.label}: database {options.database.split(':')[0]} ({where}); "
                    f"redis prefix {redis_prefix} (deleted)"
                )
    return rows


def report(rows: list[Row], options: Options, out: Callable[[str], None]) -> None:
    header = (
        f"{'configuration':<14} {'transport':<9} {'loop':<7} {'updates/s':>9} {'e2e p50 ms':>10} {'e2e p99 ms':>10} "
        f"{'hook p50 ms':>11} {'hook p99 ms':>11} {'errors':>6}"
    )
    out("")
    out(header)
    for row in rows:
        bot = row.config.bot if row.workers == 1 else f"{row.config.bot} x{row.workers}"
        out(
            f"{bot:<14} {row.config.transport:<9} {row.loop:<7} {row.rate:>9.1f} {row.e2e_ms[0]:>10.1f} "
            f"{row.e2e_ms[1]:>10.1f} {row.hook_ms[0]:>11.1f} {row.hook_ms[1]:>11.1f} {row.errors:>6}"
        )
    out("")
    out("checks:")
    for row in rows:
        label = row.config.label if row.workers == 1 else f"{row.config.label} x{row.workers}"
        for check in row.checks:
            out(f"  {label}: {check}")
    ours = next((r for r in rows if r.config.bot == "ours" and r.workers == 1), None)
    echoes = [r for r in rows if r.config.bot == "echo"]
    if ours is not None and echoes:
        best = max(echoes, key=lambda r: r.rate)
        ratio = ours.rate / best.rate if best.rate else float("nan")
        cpu_ratio = ours.cpu_ms / best.cpu_ms if best.cpu_ms else float("nan")
        line = f"ratio={ratio:.2f} ours={ours.rate:.0f}/s echo={best.rate:.0f}/s p99_ms={ours.e2e_ms[1]:.1f}"
        line += f" cpu_ratio={cpu_ratio:.1f}"
        many = next((r for r in rows if r.config == ours.config and r.workers > 1), None)
        if many is not None:
            speedup = many.rate / ours.rate if ours.rate else float("nan")
            ceiling = speedup_ceiling(ours.cpu_ms, ours.others_ms, many.workers, cores())
            out(
                f"  {many.workers} workers on {cores()} cores: one worker at {ours.cpu_ms:.2f} ms of CPU per update, "
                f"everything else measured at {ours.others_ms:.2f} ms: the most they can gain is {ceiling:.2f}x"
            )
            line += f" workers{many.workers}_speedup={speedup:.2f} workers{many.workers}_ceiling={ceiling:.2f}"
        out(line)


def parse_args(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--updates", type=int, default=3000, help="timed updates per configuration (3000)")
    parser.add_argument("--warmup", type=int, default=200, help="untimed updates first (200)")
    parser.add_argument("--concurrency", type=int, default=32, help="updates in flight at once (32)")
    parser.add_argument(
        "--configs",
        default=",".join(DEFAULT_CONFIGURATIONS),
        help=f"comma-separated, from {', '.join(CONFIGURATIONS)} (default: %(default)s)",
    )
    parser.add_argument(
        "--database", default="sqlite", help="sqlite (a fresh file) or a postgresql:// URL (a scratch schema)"
    )
    parser.add_argument("--redis-url", default=REDIS_URL, help="Redis for our bot's state (%(default)s)")
    parser.add_argument("--loop", choices=("uvloop", "asyncio"), default="uvloop", help="event loop of every process")
    parser.add_argument(
        "--echo-server",
        choices=("auto", "ptb", "aiohttp"),
        default="auto",
        help="the echo bot's webhook server: PTB's own (needs tornado) or aiohttp feeding PTB's update queue; "
        "auto = PTB's own when tornado is installed",
    )
    parser.add_argument(
        "--echo-concurrent-updates", type=int, default=256, help="the echo Application's concurrent_updates (256)"
    )
    parser.add_argument("--reply-timeout", type=float, default=15.0, help="seconds to wait for a reply (15)")
    parser.add_argument("--log-level", default="WARNING", help="the bots' log level (WARNING)")
    parser.add_argument(
        "--cards",
        choices=("background", "off"),
        default="background",
        help="our staff card after each ticket: posted in the background as in production (default), or off",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="also run ours with this many worker processes behind one webhook (round robin), e.g. 2",
    )
    parser.add_argument("--profile-dir", help="write a cProfile of each bot process here (<configuration>.prof)")
    args = parser.parse_args(argv)
    configs = tuple(c.strip() for c in args.configs.split(",") if c.strip())
    unknown = [c for c in configs if c not in CONFIGURATIONS]
    if unknown or not configs:
        parser.error(f"unknown configuration(s) {unknown}; choose from {', '.join(CONFIGURATIONS)}")
    if args.database != "sqlite" and not args.database.startswith(("postgresql://", "postgres://")):
        parser.error("--database is sqlite or a postgresql:// URL")
    if args.updates < 1 or args.warmup < 1 or args.concurrency < 1 or args.workers < 1:
        parser.error("--updates, --warmup and --concurrency must be positive")
    echo_server = args.echo_server
    if echo_server == "auto":
        try:
            import tornado  # noqa: F401
        except ImportError:
            echo_server = "aiohttp"
        else:
            echo_server = "ptb"
    if args.profile_dir:
        Path(args.profile_dir).mkdir(parents=True, exist_ok=True)
    return Options(
        updates=args.updates,
        warmup=args.warmup,
        concurrency=args.concurrency,
        configs=configs,
        database=args.database,
        redis_url=args.redis_url,
        loop=args.loop,
        echo_server=echo_server,
        echo_concurrent_updates=args.echo_concurrent_updates,
        reply_timeout=args.reply_timeout,
        log_level=args.log_level,
        profile_dir=args.profile_dir,
        cards=args.cards == "background",
        workers=args.workers,
    )


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)

    def out(line: str) -> None:
        print(line, flush=True)

    clock = time.get_clock_info("monotonic").implementation
    if "CLOCK_MONOTONIC" not in clock:
        out(f"warning: time.monotonic is {clock}; latencies across processes assume one system-wide clock")
    server = (
        "PTB's own webhook server (tornado)"
        if options.echo_server == "ptb"
        else "aiohttp putting updates on PTB's update_queue (tornado, PTB's own server, is not installed)"
    )
    out("estatedesk inbound webhook benchmark")
    out(
        f"  {options.updates} timed updates per configuration after {options.warmup} warm-up; {options.concurrency} "
        f"in flight (an update leaves when its webhook answered and its reply reached the fake); loop {options.loop}"
    )
    out(
        "  ours: a resident's Confirm press on a filled repair summary, one chat per update: Redis claim, lock and "
        "state; the ticket's SQL insert; answerCallbackQuery, editMessageText, sendMessage; "
        + (
            "the staff card is posted in the background during the run, competing for the same CPU (left in)"
            if options.cards
            else "NO staff card (--cards off)"
        )
    )
    out(
        f"  echo: a PTB Application with one MessageHandler replying the text, concurrent_updates="
        f"{options.echo_concurrent_updates}, webhook: {server}"
    )
    out(
        "  rate_limit=False: Telegram's ~30 messages/s limit would cap any bot at 30 updates/s "
        "(and ours posts every staff card on its own, not 20 a minute per group)"
    )
    out("  e2e = POST sent -> the reply's sendMessage received by the fake; hook = POST sent -> webhook answered")
    rows = run_loop(bench(options, out), options.loop)
    report(rows, options, out)
    failed = any(r.errors or r.server_errors or any(c.endswith("FAILED") for c in r.checks) for r in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
