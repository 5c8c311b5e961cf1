"""The composition root: the one place that picks concrete classes from settings and wires them."""

from __future__ import annotations

import asyncio
import importlib
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.channels.telegram.group_outbox import GroupOutbox
from bot.channels.telegram.processor import UpdateProcessor
from bot.channels.telegram.ratelimit import TelegramRateLimiter, make_budget
from bot.channels.telegram.request import AiohttpRequest
from bot.channels.telegram.sender import TelegramSender
from bot.channels.telegram.topics import ForumTopics
from bot.config import EstateConfig, load_config
from bot.desk import Desk
from bot.domain.residents import Resident
from bot.domain.tickets import Ticket
from bot.errors import BackendUnavailable
from bot.scheduler import SWEEP_EVERY_S, SweepContext
from bot.scheduler import sweep as sla_sweep
from bot.settings import Settings
from bot.staff.actions import StaffDesk
from bot.staff.router import GroupRouter
from bot.ticket_news import ResidentNews
from dialogs.engine import Engine, Services
from dialogs.main import route
from dialogs.understanding import MenuOnly, Understander
from integrations.sql.billing import SqlBillingSource
from integrations.sql.database import Database
from integrations.sql.deadletters import SqlDeadLetters
from integrations.sql.registry import SqlResidentRegistry
from integrations.sql.tickets import SqlTicketBackend
from integrations.state import Claim, StateStore
from integrations.state.budget import FloodBudget, MemoryFloodBudget
from integrations.state.memory import MemoryStateStore
from integrations.state.redis import RedisStateStore

log = logging.getLogger(__name__)

# Staff cards a turn failed to post are posted by a sweep this often (once per period across workers).
CARD_SWEEP_S = 30.0

# Modules with an ``install(app)`` that adds commands, buttons and jobs (notices, surveys, reports...).
EXTENSIONS: list[str] = ["bot.surveys", "bot.reports.telegram", "bot.notices.extension"]

BOT_COMMANDS = [
    ("start", "Start / link your home · 開始"),
    ("repair", "Report a repair · 報修"),
    ("complaint", "File a complaint · 投訴"),
    ("bill", "My bills · 賬單"),
    ("mytickets", "My tickets · 我的工單"),
    ("language", "Language · 語言"),
    ("cancel", "Cancel · 取消"),
    ("help", "Help · 幫助"),
]


async def run_every(store: StateStore, name: str, seconds: float, job: Callable[[], Awaitable[None]]) -> None:
    """Run ``job`` once per period of ``seconds`` across all workers sharing ``store``, until cancelled.

    Periods are counted on the wall clock from the epoch (the same for every worker); each worker
    wakes once per period and the first to claim the period's tick runs the job; the others skip
    it. A worker that dies mid-job leaves the next period to whoever claims it."""
    while True:
        await asyncio.sleep(seconds - time.time() % seconds + random.uniform(0, min(0.2, seconds / 10)))
        tick = f"tick:{name}:{int(time.time() // seconds)}"
        try:
            if await store.claim(tick, lease=max(seconds, 1.0)) is not Claim.NEW:
                continue
            await job()
        except BackendUnavailable as exc:
            log.warning("%s skipped: %s", name, exc)
        except Exception:
            log.exception("%s failed", name)


def utcnow() -> datetime:
    return datetime.now(UTC)


def make_understander(settings: Settings) -> Understander:
    if settings.nlu == "menu":
        return MenuOnly()
    if settings.nlu == "rasa":
        from integrations.rasa_nlu import RasaUnderstander

        assert settings.rasa_url is not None
        return RasaUnderstander(settings.rasa_url)
    from bot.nlu.model import BuiltinUnderstander

    return BuiltinUnderstander()


def make_store(settings: Settings) -> StateStore:
    if settings.redis_url:
        return RedisStateStore.from_url(settings.redis_url, prefix=settings.redis_prefix)
    return MemoryStateStore()


def make_bot(settings: Settings, *, transport: str = "aiohttp", budget: FloodBudget | None = None) -> ExtBot[None]:
    request = AiohttpRequest() if transport == "aiohttp" else HTTPXRequest(connection_pool_size=64)
    updates_request = AiohttpRequest(read_timeout=40.0) if transport == "aiohttp" else HTTPXRequest()
    return ExtBot(
        settings.telegram_token.get_secret_value(),
        base_url=settings.bot_base_url,
        base_file_url=settings.bot_file_url,
        request=request,
        get_updates_request=updates_request,
        rate_limiter=TelegramRateLimiter(budget) if settings.rate_limit else None,  # type: ignore[arg-type]
    )


@dataclass
class Estatedesk:
    settings: Settings
    estate: EstateConfig
    db: Database
    store: StateStore
    registry: SqlResidentRegistry
    tickets: SqlTicketBackend
    billing: SqlBillingSource
    desk: Desk
    engine: Engine
    bot: ExtBot[None]
    processor: UpdateProcessor
    clock: Callable[[], datetime] = utcnow
    outbox: GroupOutbox | None = None
    # Telegram's send budgets, shared by every worker on one Redis (bulk senders take their slots from it).
    budget: FloodBudget = field(default_factory=MemoryFloodBudget)
    router: GroupRouter | None = None
    services: Services | None = None
    # Periodic work added by extensions: (name, seconds between runs, async job()).
    jobs: list[tuple[str, float, Callable[[], Awaitable[None]]]] = field(default_factory=list)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def every(self, name: str, seconds: float, job: Callable[[], Awaitable[None]]) -> None:
        """Run ``job`` every ``seconds`` while the desk runs (each job must be safe with several workers)."""
        self.jobs.append((name, seconds, job))

    async def health(self) -> None:
        await self.db.ping()
        await self.store.ping()

    async def start(self) -> None:
        await self.bot.initialize()
        if self.outbox is not None:
            self.outbox.start()
        moves = await self.store.load("chatmoves") or {}
        self.desk.chat_moves.update({int(old): int(new) for old, new in moves.items()})
        try:
            await self.bot.set_my_commands([BotCommand(c, d) for c, d in BOT_COMMANDS])
        except TelegramError as exc:
            log.warning("could not set the command list: %s", exc)
        jobs = [("card sweep", CARD_SWEEP_S, self._sweep_cards), *self.jobs]
        jobs.append(("SLA sweep", SWEEP_EVERY_S, self._sweep_sla))
        for name, seconds, job in jobs:
            self._tasks.append(asyncio.create_task(run_every(self.store, name, seconds, job)))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.processor.drain()
        if self.outbox is not None:
            unsent = await self.outbox.stop(5.0)
            if unsent:
                log.warning("%d staff-group messages not sent at shutdown; the card sweep re-posts cards", len(unsent))
        await self.bot.shutdown()
        await self.store.close()
        await self.db.dispose()

    async def _sweep_cards(self) -> None:
        await self.desk.post_missing_cards()

    async def _sweep_sla(self) -> None:
        """SLA reminders and escalations (bot/scheduler.py); each message goes out once even if two sweeps overlap."""
        await sla_sweep(SweepContext.from_desk(self.desk), self.clock())

    async def post_cards(self, tickets: list[Ticket], resident: Resident | None = None) -> None:
        """After a turn stored ``tickets``: their cards (``resident``, the sender, spares a registry read)."""
        for ticket in tickets:
            try:
                await self.desk.on_new_ticket(ticket, resident)
            except Exception:
                log.exception("posting the card of %s failed; the sweep will retry", ticket.number)

    async def process(self, update: Update) -> None:
        await self.processor.process(update)


async def build(
    settings: Settings,
    *,
    clock: Callable[[], datetime] = utcnow,
    understander: Understander | None = None,
    transport: str = "aiohttp",
    migrate: bool = True,
    database: Database | None = None,
) -> Estatedesk:
    """Wire estatedesk from settings. The database is migrated to the latest schema first.

    ``database`` lets a test hand in a database of its own (a scratch PostgreSQL schema)."""
    estate = load_config(settings.config)
    db = database
    if db is None:
        url = settings.database_url
        if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        db = Database(url)
    if migrate:
        await db.migrate()
    store = make_store(settings)
    registry = SqlResidentRegistry(db)
    tickets = SqlTicketBackend(db)
    billing = SqlBillingSource(db)
    desk = Desk(estate, tickets, registry, store, clock, staff_language=estate.staff_language)
    services = Services(
        estate=estate,
        registry=registry,
        tickets=tickets,
        billing=billing,
        understander=understander or make_understander(settings),
        intake=desk,
        clock=clock,
    )
    engine = Engine(services, store, route)
    budget = make_budget(store)
    bot = make_bot(settings, transport=transport, budget=budget)
    app = Estatedesk(
        settings,
        estate,
        db,
        store,
        registry,
        tickets,
        billing,
        desk,
        engine,
        bot,
        processor=None,  # type: ignore[arg-type]  # wired just below: it needs the app itself
        clock=clock,
        budget=budget,
    )
    sender = TelegramSender(bot)
    # Staff groups take ~20 messages a minute: their traffic goes through one ordered, batching outbox.
    outbox = GroupOutbox(sender, limit=settings.group_per_minute)
    sender.on_flood = outbox.note_flood
    app.outbox = outbox
    desk.outbox = outbox
    desk.sender = outbox.as_sender
    desk.topics = ForumTopics(bot, outbox)
    news = ResidentNews(estate, tickets, registry, lambda: desk.sender)
    desk.news = news
    staff = StaffDesk(desk, news)
    services.ticket_actions = staff
    router = GroupRouter(staff, bot, store, queries=make_queries(app))
    app.router = router
    app.services = services
    app.processor = UpdateProcessor(
        bot, engine, store, after_turn=app.post_cards, group_handler=router, dead_letters=SqlDeadLetters(db)
    )
    for name in EXTENSIONS:
        # Each extension's install(app) registers its commands, buttons and periodic jobs.
        importlib.import_module(name).install(app)
    return app


def make_queries(app: Estatedesk) -> object | None:
    """The staff queue commands (bot/staff/queries.py), bound to this desk."""
    try:
        from bot.staff import queries
    except ImportError:
        return None
    bind = getattr(queries, "bind", None)
    return bind(app) if bind is not None else None
