"""``estatedesk demo`` in a browser: estatedesk polls the fake Telegram, whose chat UI lets you act as anyone.

One local address serves the Bot API (to the bot) and the chat page (to you). Nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path

from bot.app import Estatedesk, utcnow
from bot.config import EstateConfig, load_config
from bot.demo.harness import Harness, demo_data_path, running
from bot.demo.phone import DEFAULT_HOTLINE, DEMO_TWILIO_TOKEN, DemoPhone, demo_phone_config, temporary_directory
from bot.domain.residents import InvalidPhone, Language, normalise_phone
from bot.errors import BackendUnavailable, ConfigError
from bot.imports import read_table
from bot.scheduler import SweepContext, sweep
from bot.settings import DEMO_TOKEN, load_settings
from bot.web import HEALTH, healthz
from dialogs.understanding import Understander
from integrations.sql.database import Database
from integrations.telegram_fake import FakeTelegram
from integrations.telegram_fake.ui import ChatUI, Person

log = logging.getLogger(__name__)

DEFAULT_PORT = 8080
DEMO_DB = Path("var/demo.sqlite3")
# Resident n (the n-th data row of residents.csv) is Telegram user 7000 + n: 陳太太 Mrs Chan is 7001.
RESIDENT_ID_BASE = 7000
RESIDENTS = "Residents"
_TELEGRAM_LANGUAGE = {Language.ZH_HANT: "zh-hk", Language.ZH_HANS: "zh-cn", Language.EN: "en"}

Tick = Callable[[Estatedesk], Awaitable[object]]


class DemoPortBusy(ConfigError):
    """The demo's port cannot be listened on; the message says which and how to pick another."""


async def post_missing_cards(desk: Estatedesk) -> object:
    return await desk.desk.post_missing_cards()


async def sla_sweep(desk: Estatedesk) -> object:
    """Reminders and escalations that fell due (bot/scheduler.py)."""
    return await sweep(SweepContext.from_desk(desk.desk), desk.clock())


async def periodic_jobs(desk: Estatedesk) -> None:
    """Every job an extension registered with ``Estatedesk.every`` (notices, surveys, reports...), once."""
    for name, _seconds, job in desk.jobs:
        try:
            await job()
        except Exception:
            log.exception("periodic job %s failed on a demo tick", name)


# What runs right after the page moves the demo clock, in this order: the app's periodic work, so the
# demo shows at once what would otherwise wait for the next timer. A new kind of periodic work that is
# not an ``Estatedesk.every`` job adds its tick here.
TICKS: list[Tick] = [post_missing_cards, sla_sweep, periodic_jobs]


class DemoClock:
    """Real time plus an offset that only grows: the page's clock control moves it forward."""

    def __init__(self, base: Callable[[], datetime] = utcnow) -> None:
        self._base = base
        self._offset = timedelta(0)

    def __call__(self) -> datetime:
        return self._base() + self._offset

    def timestamp(self) -> float:
        """The same time as a Unix timestamp, for the fake Telegram's message dates."""
        return self().timestamp()

    @property
    def offset(self) -> timedelta:
        return self._offset

    def shift(self, delta: timedelta) -> None:
        if delta < timedelta(0):
            raise ValueError("the demo clock only moves forward")
        self._offset += delta


class WebDemo:
    """A running browser demo: the fake Telegram with its chat UI, and estatedesk polling it.

    It is the UI's clock control: moving the clock runs :attr:`ticks` against the running desk.
    """

    def __init__(self, fake: FakeTelegram, clock: DemoClock, ticks: list[Tick], people: list[Person]) -> None:
        self.fake = fake
        self.clock = clock
        self.ticks = ticks
        self.people = people
        self._harness: Harness | None = None
        self.phone: DemoPhone | None = None  # the acting person's phone line, when the estate has [phone]

    @property
    def harness(self) -> Harness:
        if self._harness is None:
            raise RuntimeError("estatedesk is not running yet")
        return self._harness

    @property
    def desk(self) -> Estatedesk:
        return self.harness.desk

    @property
    def url(self) -> str:
        """The page's address, e.g. ``http://127.0.0.1:8080/``."""
        return f"{self.fake.url}/"

    async def health(self) -> None:
        if self._harness is None:
            raise BackendUnavailable("starting")
        await self._harness.desk.health()

    def person(self, user_id: int) -> Person:
        return next(p for p in self.people if p.user_id == user_id)

    # ClockControl
    def now(self) -> datetime:
        return self.clock()

    def offset(self) -> timedelta:
        return self.clock.offset

    async def advance(self, delta: timedelta) -> None:
        self.clock.shift(delta)
        log.info("demo clock moved %s forward, now %s", delta, self.clock().isoformat())
        await self.tick()

    async def tick(self) -> None:
        """Run every tick once now; one that fails is logged and the others still run."""
        if self._harness is None:
            return
        for tick in list(self.ticks):
            try:
                await tick(self._harness.desk)
            except Exception:
                log.exception("demo tick %s failed", getattr(tick, "__name__", tick))


def demo_people(estate: EstateConfig, residents_csv: Path | None = None) -> list[Person]:
    """Everyone the page can act as: each resident of the demo file, each department's staff, the managers."""
    people = [person for person, _language in _demo_residents(estate, residents_csv)]
    for department in estate.routing.departments.values():
        for member in department.staff:
            people.append(
                Person(
                    member.user_id,
                    member.name,
                    f"Staff · {department.name('en')}",
                    member.role,
                    home_chat_id=department.chat_id,
                    staff=True,
                )
            )
    for manager in estate.desk.managers:
        home = estate.routing.managers_chat_id
        people.append(Person(manager.user_id, manager.name, "Managers", "manager", home_chat_id=home, staff=True))
    return people


def _demo_residents(estate: EstateConfig, residents_csv: Path | None) -> list[tuple[Person, Language]]:
    """The residents of the demo file with their language; one on several rows (one per unit) is one person,
    numbered by their first row."""
    _header, rows = read_table(residents_csv or demo_data_path("residents.csv"))
    found: dict[str, tuple[int, str, list[str], Language]] = {}
    for row in rows:
        try:
            phone = normalise_phone(row.get("phone"), estate.phone_region)
        except InvalidPhone:
            continue  # the import reports it; nobody to act as
        unit = f"{row.get('building')}-{row.get('unit')}"
        if phone in found:
            found[phone][2].append(unit)
            continue
        name = " ".join(row.get("name").split())
        language = Language.from_code(row.get("language"), Language.ZH_HANT)
        found[phone] = (RESIDENT_ID_BASE + row.line - 1, name, [unit], language)
    return [
        # Telegram's clients send a contact's number as international digits without the "+".
        (Person(user_id, name, RESIDENTS, " · ".join(units), phone=phone.lstrip("+"), home_chat_id=user_id), language)
        for phone, (user_id, name, units, language) in found.items()
    ]


def _add_residents(fake: FakeTelegram, estate: EstateConfig, residents_csv: Path | None = None) -> None:
    """Each demo resident as a Telegram user with a private chat with the bot, not linked to it yet."""
    for person, language in _demo_residents(estate, residents_csv):
        first, _, last = person.name.partition(" ")
        fake.add_user(person.user_id, first, last_name=last or None, language_code=_TELEGRAM_LANGUAGE[language])


@asynccontextmanager
async def serving(
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    database_url: str = f"sqlite:///{DEMO_DB}",
    database: Database | None = None,
    config: str | None = None,
    clock: DemoClock | None = None,
    understander: Understander | None = None,
    nlu: str = "builtin",
    rate_limit: bool | None = None,
    ticks: Iterable[Tick] | None = None,
) -> AsyncIterator[WebDemo]:
    """Serve the fake Telegram and its chat UI on ``host:port`` (0 picks a free port) and run estatedesk on it.

    The demo data is imported on every start (re-runnable); nobody is linked to the bot until they share their
    contact. ``rate_limit`` None follows ``ESTATEDESK_RATE_LIMIT`` (on by default, as in production). Raises
    :class:`DemoPortBusy` when the port cannot be listened on.
    """
    if rate_limit is None:
        rate_limit = load_settings().rate_limit
    async with AsyncExitStack() as stack:
        # The demo estate has its hotline on (the fake Twilio's test account); an operator's file decides itself.
        config = demo_phone_config(config, Path(stack.enter_context(temporary_directory())))
        estate = load_config(config)
        clock = clock or DemoClock()
        fake = FakeTelegram(token=DEMO_TOKEN, clock=clock.timestamp)
        people = demo_people(estate)
        demo = WebDemo(fake, clock, list(TICKS if ticks is None else ticks), people)
        ui = ChatUI(fake, people=people, clock=demo, timezone=estate.timezone, title=f"{estate.name} · estatedesk demo")
        if estate.phone.enabled:
            demo.phone = DemoPhone(ui, people, estate.phone.numbers[0] if estate.phone.numbers else DEFAULT_HOTLINE)
            ui.routes += demo.phone.routes()
        ui.mount()
        # The same /healthz as `estatedesk run`: 503 until the desk is up, then what is down if anything.
        fake.app[HEALTH] = demo.health
        fake.app.router.add_get("/healthz", healthz)
        _add_residents(fake, estate)
        try:
            await stack.enter_async_context(fake.serve(host, port))
        except OSError as exc:
            raise DemoPortBusy(
                f"cannot listen on {host}:{port} ({exc.strerror or exc}); set DEMO_PORT to a free port"
            ) from None
        harness = await stack.enter_async_context(
            running(
                fake=fake,
                database_url=database_url,
                database=database,
                config=config,
                clock=clock,
                understander=understander,
                nlu=nlu,
                rate_limit=rate_limit,
                twilio_auth_token=DEMO_TWILIO_TOKEN,
                # The demo places its calls through its own fake account (DemoPhone.serving), not the settings'.
                outbound=False,
            )
        )
        demo._harness = harness
        if demo.phone is not None:
            await stack.enter_async_context(demo.phone.serving(harness.desk))
        yield demo


def demo_host() -> str:
    """``DEMO_HOST`` from the environment, else 127.0.0.1 (the container image sets 0.0.0.0)."""
    return os.environ.get("DEMO_HOST", "").strip() or "127.0.0.1"


def demo_port() -> int:
    """``DEMO_PORT`` from the environment, else 8080."""
    raw = os.environ.get("DEMO_PORT", "").strip()
    if not raw:
        return DEFAULT_PORT
    if not raw.isascii() or not raw.isdecimal() or not 0 < int(raw) < 65536:
        raise ConfigError(f"DEMO_PORT must be a port number from 1 to 65535, not {raw!r}")
    return int(raw)


async def run_web_demo(*, host: str | None = None, port: int | None = None, fresh: bool = False) -> int:
    """Serve the browser demo until Ctrl-C; prints one line: the address to open."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    if fresh:
        await asyncio.to_thread(DEMO_DB.unlink, missing_ok=True)
    async with serving(host=host or demo_host(), port=demo_port() if port is None else port) as demo:
        url = demo.url.replace("://0.0.0.0:", "://127.0.0.1:").replace("://[::]:", "://[::1]:")
        print(f"estatedesk demo: open {url} in a browser (Ctrl-C stops it)", flush=True)
        await stop.wait()
    return 0
