"""The composition root: the one place that picks concrete classes from settings and wires them."""

from __future__ import annotations

import asyncio
import importlib
import logging
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.channels.phone import PhoneChannel
from bot.channels.phone.outbound import OutboundPhone
from bot.channels.phone.outbound import install as install_outbound
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
from bot.errors import BackendUnavailable, ConfigError
from bot.messaging import Priority
from bot.scheduler import SWEEP_EVERY_S, SweepContext
from bot.scheduler import sweep as sla_sweep
from bot.settings import Settings
from bot.staff.actions import StaffDesk
from bot.staff.router import GroupRouter
from bot.startup import open_database
from bot.ticket_news import ResidentNews
from dialogs.engine import Engine, Services
from dialogs.main import route
from dialogs.replies import Reply
from dialogs.understanding import MenuOnly, Understander
from integrations.sql.audit import SqlAuditTrail
from integrations.sql.billing import SqlBillingSource
from integrations.sql.corrections import SqlCorrections
from integrations.sql.database import Database
from integrations.sql.deadletters import SqlDeadLetters
from integrations.sql.durable import SqlDurableState
from integrations.sql.registry import SqlResidentRegistry
from integrations.sql.tickets import SqlTicketBackend
from integrations.state import Claim, StateStore
from integrations.state.budget import FloodBudget, MemoryFloodBudget
from integrations.state.durable import DurableState
from integrations.state.memory import MemoryStateStore
from integrations.state.redis import RedisStateStore
from integrations.telephony import VoiceProvider
from integrations.telephony.twilio import TwilioVoice

if TYPE_CHECKING:
    from bot.nlu.dataset import Example
    from integrations.rasa.news import RasaNews

log = logging.getLogger(__name__)

# Staff cards a turn failed to post are posted by a sweep this often (once per period across workers).
CARD_SWEEP_S = 30.0

# Each worker reads the group migrations other workers recorded this often.
CHAT_MOVES_EVERY_S = 60.0

# Modules with an ``install(app)`` that adds commands, buttons and jobs (notices, surveys, reports...).
EXTENSIONS: list[str] = ["bot.surveys", "bot.reports.telegram", "bot.notices.extension"]

# The state-store entry that held group migrations before they moved to the database (migration 0011).
LEGACY_CHAT_MOVES = "chatmoves"

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
    current = asyncio.current_task()
    while True:
        if current is not None and current.cancelling():
            raise asyncio.CancelledError  # the job swallowed the cancel meant for this loop
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


def make_understander(settings: Settings, corrections: Sequence[Example] = ()) -> Understander:
    if settings.nlu == "menu":
        return MenuOnly()
    if settings.nlu == "rasa":
        from integrations.rasa_nlu import RasaUnderstander

        assert settings.rasa_url is not None
        return RasaUnderstander(settings.rasa_url)
    from bot.nlu.model import shipped_understander

    return shipped_understander(corrections, cache=settings.nlu_cache or None)


async def reviewed_corrections(db: Database) -> list[Example]:
    """The reviewed NLU corrections as training examples; none when they cannot be read (logged)."""
    from bot.nlu.corrections import training_examples
    from integrations.sql.corrections import SqlCorrections

    try:
        return training_examples(await SqlCorrections(db).listing(reviewed_only=True))
    except Exception:  # a correction must never stop the desk from starting
        log.exception("NLU corrections not read; starting with the shipped training data only")
        return []


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
    durable: DurableState
    clock: Callable[[], datetime] = utcnow
    outbox: GroupOutbox | None = None
    # Telegram's send budgets, shared by every worker on one Redis (bulk senders take their slots from it).
    budget: FloodBudget = field(default_factory=MemoryFloodBudget)
    router: GroupRouter | None = None
    services: Services | None = None
    phone: PhoneChannel | None = None  # the hotline, when [phone] enabled = true
    voice: VoiceProvider | None = None  # its provider adapter (Twilio)
    outbound: OutboundPhone | None = None  # calls and texts the desk places, when [phone] has an account
    rasa_news: RasaNews | None = None  # ticket news for Rasa conversations, when ESTATEDESK_RASA_API_URL is set
    # Periodic work added by extensions: (name, seconds between runs, async job()).
    jobs: list[tuple[str, float, Callable[[], Awaitable[None]]]] = field(default_factory=list)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def every(self, name: str, seconds: float, job: Callable[[], Awaitable[None]]) -> None:
        """Run ``job`` every ``seconds`` while the desk runs (each job must be safe with several workers)."""
        self.jobs.append((name, seconds, job))

    async def health(self) -> None:
        """For ``/healthz``, which anyone who reaches the port may call: it names what is down, and
        leaves the details (hosts, ports, driver errors) to the log."""
        for name, ping in (("database", self.db.ping), ("state store", self.store.ping)):
            try:
                await ping()
            except BackendUnavailable as exc:
                log.warning("health check: %s", exc)
                raise BackendUnavailable(f"{name} unavailable") from exc

    async def start(self, *, jobs: bool = True) -> None:
        """Start the outbox and, unless ``jobs`` is False, the periodic jobs (sweeps, digest). A test on a
        frozen clock runs them itself: run on the wall clock, a job would act on the frozen clock's time at
        whatever real minute it happens to wake (a weekly digest in the middle of a test about something else)."""
        await self.bot.initialize()
        if self.outbox is not None:
            self.outbox.start()
        lost = await self.store.durability()
        if lost:
            log.warning(
                "the state store may lose data on restart (%s): forms under way would be lost; residents "
                "are told and offered to start again. See README, 'What survives a Redis restart'.",
                lost,
            )
        await self._carry_over_chat_moves()
        self.desk.chat_moves.update(await self.durable.chat_moves())
        try:
            await self.bot.set_my_commands([BotCommand(c, d) for c, d in BOT_COMMANDS])
        except TelegramError as exc:
            log.warning("could not set the command list: %s", exc)
        if not jobs:
            return
        periodic = [("card sweep", CARD_SWEEP_S, self._sweep_cards), *self.jobs]
        periodic.append(("SLA sweep", SWEEP_EVERY_S, self._sweep_sla))
        for name, seconds, job in periodic:
            self._tasks.append(asyncio.create_task(run_every(self.store, name, seconds, job), name=name))
        # Every worker, not one per period: a group's upgrade reaches one worker as an update, and the others
        # must accept the staff's commands in the new chat too.
        self._tasks.append(asyncio.create_task(self._follow_chat_moves(), name="chat moves"))

    async def _follow_chat_moves(self) -> None:
        """Read the recorded group migrations every :data:`CHAT_MOVES_EVERY_S`, into this worker's map."""
        while True:
            await asyncio.sleep(CHAT_MOVES_EVERY_S)
            try:
                self.desk.chat_moves.update(await self.durable.chat_moves())
            except BackendUnavailable as exc:
                log.warning("group migrations not read: %s", exc)

    async def _carry_over_chat_moves(self) -> None:
        """Group migrations were once kept in the state store only: move them to the database."""
        legacy = await self.store.load(LEGACY_CHAT_MOVES)
        if legacy:
            for old, new in legacy.items():
                await self.durable.record_chat_move(int(old), int(new))
            await self.store.clear(LEGACY_CHAT_MOVES)

    async def stop(self, timeout: float = 5.0) -> None:
        """Stop within about ``timeout`` s: what is cut short (card posts, queued group messages) the card
        sweep of the next run posts."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            # A job whose libraries swallow the cancel (asyncio.wait_for does so on Python 3.11 when what it
            # waits for ends at the same moment) would otherwise hold the shutdown for ever.
            _done, stuck = await asyncio.wait(self._tasks, timeout=max(0.1, (deadline - loop.time()) / 4))
            for task in stuck:
                log.warning("periodic job %s did not stop when cancelled; left behind", task.get_name())
        try:
            await asyncio.wait_for(self.processor.drain(), max(0.0, (deadline - loop.time()) / 2))
        except TimeoutError:
            log.warning("card posting cut short at shutdown; the card sweep posts what is missing")
        if self.phone is not None:
            await self.phone.drain()
        if self.outbound is not None:
            await self.outbound.close()
        if self.rasa_news is not None:
            await self.rasa_news.close()
        if self.outbox is not None:
            unsent = await self.outbox.stop(max(0.0, deadline - loop.time()))
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

    async def emergency_to_managers(self, ticket: Ticket) -> None:
        """An emergency call: the managers hear of it at once (the department's group gets the card)."""
        chat_id = self.estate.routing.managers_chat_id
        if chat_id is None or self.desk.sender is None:
            return
        # The description names the caller and what they said; staff cards carry the rest.
        text = f"{ticket.description}\n☎ {ticket.contact_phone or '-'} · {ticket.place or '-'}"
        try:
            await self.desk.sender.send(chat_id, Reply(text, title=f"🚨 {ticket.number}"), priority=Priority.EMERGENCY)
        except Exception:
            log.exception("could not tell the managers of emergency call %s", ticket.number)

    async def ticket_in_writing(self, ticket: Ticket) -> None:
        """A ticket opened by phone: its number also reaches the resident's Telegram chat, if they have one
        (linked to the ticket, so their reply there reaches the staff)."""
        news = self.desk.news
        if news is None or ticket.resident_id is None:
            return
        try:
            resident = await self.registry.get(ticket.resident_id)
            if resident is None or resident.telegram_user_id is None:
                return  # by SMS only with the ticket's news (bot/ticket_news.py), not for the number itself
            await news.tell(
                ticket,
                lambda _: Reply(
                    _("Received. Your ticket number is {number}. We will keep you posted here.", number=ticket.number),
                    title=ticket.number,
                ),
            )
        except Exception:
            log.exception("could not send %s in writing", ticket.number)

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
    outbound: bool = True,
) -> Estatedesk:
    """Wire estatedesk from settings. The database is migrated to the latest schema first.

    ``database`` lets a test hand in a database of its own (a scratch PostgreSQL schema); ``outbound=False``
    leaves out the calls and texts the desk places (the browser demo installs them on its own fake account)."""
    estate = load_config(settings.config)
    db = database
    if db is None:
        db = open_database(settings)
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
        understander=understander
        or make_understander(settings, await reviewed_corrections(db) if settings.nlu == "builtin" else ()),
        corrections=SqlCorrections(db),
        intake=desk,
        clock=clock,
    )
    durable = SqlDurableState(db, clock)
    engine = Engine(services, store, route, forms=durable)
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
        durable=durable,
        clock=clock,
        budget=budget,
    )
    # A group that became a supergroup is followed at its new id by every message to it (the move kept).
    sender = TelegramSender(bot, moves=desk.chat_moves, on_moved=durable.record_chat_move)
    # Staff groups take ~20 messages a minute: their traffic goes through one ordered, batching outbox.
    outbox = GroupOutbox(sender, limit=settings.group_per_minute)
    sender.on_flood = outbox.note_flood
    app.outbox = outbox
    desk.outbox = outbox
    desk.sender = outbox.as_sender
    desk.topics = ForumTopics(bot, outbox)
    news = ResidentNews(estate, tickets, registry, lambda: desk.sender)
    desk.news = news
    if settings.rasa_api_url:
        from integrations.rasa.news import SWEEP_EVERY_S as RASA_NEWS_EVERY_S
        from integrations.rasa.news import RasaApi, RasaNews
        from integrations.sql.rasa_news import SqlRasaNews

        token = settings.rasa_api_token.get_secret_value() if settings.rasa_api_token else None
        # Queued in the database first, then sent (and re-sent by the sweep while Rasa is away).
        app.rasa_news = RasaNews(
            SqlRasaNews(db, clock=clock),
            RasaApi(settings.rasa_api_url, token),
            dead_letters=SqlDeadLetters(db),
            clock=clock,
        )
        news.elsewhere["rasa"] = app.rasa_news.tell
        news.surveys_elsewhere["rasa"] = app.rasa_news.ask_survey
        rasa_news = app.rasa_news

        async def sweep_rasa_news() -> None:
            await rasa_news.sweep()

        app.every("rasa news", RASA_NEWS_EVERY_S, sweep_rasa_news)
    desk.corrections = services.corrections
    staff = StaffDesk(desk, news)
    services.ticket_actions = staff
    router = GroupRouter(staff, bot, durable, queries=make_queries(app), audit=SqlAuditTrail(db))
    app.router = router
    app.services = services
    app.processor = UpdateProcessor(
        bot,
        engine,
        store,
        after_turn=app.post_cards,
        group_handler=router,
        dead_letters=SqlDeadLetters(db),
        private_commands=router.on_private_command,
    )
    if estate.phone.enabled:
        app.phone, app.voice = make_phone(settings, estate, engine, store, app)
    for name in EXTENSIONS:
        # Each extension's install(app) registers its commands, buttons and periodic jobs.
        importlib.import_module(name).install(app)
    if estate.phone.enabled and outbound:
        # Follow-up calls, fee reminder calls and SMS news: only with an account SID and a public URL (None
        # otherwise, with a warning); after the extensions, so the SMS news wraps the news they set up.
        app.outbound = install_outbound(app, api_url=settings.twilio_api_url)
    return app


def make_phone(
    settings: Settings, estate: EstateConfig, engine: Engine, store: StateStore, app: Estatedesk
) -> tuple[PhoneChannel, VoiceProvider]:
    """The hotline: the provider adapter named in ``[phone] provider`` and the channel on the dialog engine."""
    if settings.twilio_auth_token is None:
        raise ConfigError("ESTATEDESK_TWILIO_AUTH_TOKEN is required with [phone] enabled = true")
    voice = TwilioVoice(settings.twilio_auth_token.get_secret_value())
    channel = PhoneChannel(
        engine,
        store,
        base_url=settings.phone_path,
        public_url=settings.phone_public_url or "",
        after_turn=app.post_cards,
        on_emergency=app.emergency_to_managers,
        in_writing=app.ticket_in_writing,
    )
    return channel, voice


def make_queries(app: Estatedesk) -> object | None:
    """The staff queue commands (bot/staff/queries.py), bound to this desk."""
    try:
        from bot.staff import queries
    except ImportError:
        return None
    bind = getattr(queries, "bind", None)
    return bind(app) if bind is not None else None
