"""Run estatedesk against the local fake Telegram Bot API, and act as residents and staff.

Used by the terminal demo and by the end-to-end tests, so the two never drift apart. The bot runs
exactly as in production (PTB's Bot over HTTP, long polling or the webhook server); the harness
only watches which updates have been processed, so a caller can wait for the bot's answer
instead of sleeping.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from aiohttp import web
from telegram import Update

from bot.app import Estatedesk, build, utcnow
from bot.channels.telegram.polling import poll
from bot.config import EstateConfig
from bot.imports import import_billing, import_residents
from bot.settings import DEMO_TOKEN, Settings, load_settings
from bot.web import init_app
from dialogs.understanding import Understander
from integrations.sql.database import Database
from integrations.telegram_fake.server import FakeTelegram

log = logging.getLogger(__name__)

WEBHOOK_SECRET = "demo-webhook-secret"
DEMO_DATA = ("residents.csv", "billing_accounts.csv", "billing_payments.csv")


def demo_data_path(name: str) -> Path:
    return Path(str(resources.files("bot.demo").joinpath("data", name)))


async def load_demo_data(desk: Estatedesk) -> None:
    """Load the demo estate through the same import code a real estate uses (re-runnable)."""
    await import_residents(
        demo_data_path("residents.csv"), desk.registry, region=desk.estate.phone_region, progress=False
    )
    for name in ("billing_accounts.csv", "billing_payments.csv"):
        await import_billing(demo_data_path(name), desk.billing, desk.registry, progress=False)


def add_estate_chats(fake: FakeTelegram, desk: Estatedesk) -> None:
    """Create the staff groups and the managers' chat of the configured estate in the fake."""
    add_chats_of(fake, desk.estate)


def add_chats_of(fake: FakeTelegram, estate: EstateConfig) -> None:
    """The staff groups and the managers' chat of ``estate`` in the fake (also for a fake in its own process)."""
    routing = estate.routing
    managers = [m.user_id for m in estate.desk.managers]
    for manager in estate.desk.managers:
        fake.add_user(manager.user_id, manager.name.split()[0], language_code="en")
    for dept in routing.departments.values():
        if dept.chat_id is not None:
            for member in dept.staff:
                fake.add_user(member.user_id, member.name.split()[0], language_code="en")
            fake.add_group(
                dept.chat_id,
                dept.name("en"),
                forum=dept.key in estate.desk.forums,
                members=[m.user_id for m in dept.staff] + managers,
            )
    if routing.managers_chat_id is not None:
        fake.add_group(routing.managers_chat_id, "Managers", members=managers)


class Harness:
    """A running estatedesk plus the fake it talks to."""

    def __init__(self, fake: FakeTelegram, desk: Estatedesk) -> None:
        self.fake = fake
        self.desk = desk
        self._done: dict[int, asyncio.Event] = {}
        self.errors: list[BaseException] = []
        self.webhook_url = ""
        original = desk.processor.process

        async def tracked(update: Update, **kwargs: Any) -> None:
            try:
                await original(update, **kwargs)
            except BaseException as exc:
                self.errors.append(exc)
                raise
            finally:
                self._event(update.update_id).set()

        desk.processor.process = tracked  # type: ignore[method-assign]

    def _event(self, update_id: int) -> asyncio.Event:
        return self._done.setdefault(update_id, asyncio.Event())

    async def settle(self, update: dict[str, Any] | int, timeout: float = 10.0) -> None:
        """Wait until the bot has processed ``update`` and any card posting it started."""
        update_id = update if isinstance(update, int) else int(update["update_id"])
        await asyncio.wait_for(self._event(update_id).wait(), timeout)
        await self.desk.processor.drain()

    async def act(self, coro: Any, timeout: float = 10.0) -> dict[str, Any]:
        """Perform one user action on the fake (``fake.send_text(...)`` etc.) and wait for the bot."""
        update = await coro
        await self.settle(update, timeout)
        return update


@asynccontextmanager
async def running(
    *,
    database_url: str = "sqlite:///var/estatedesk.sqlite3",
    database: Database | None = None,
    redis_url: str | None = None,
    redis_prefix: str = "estatedesk",
    config: str | None = None,
    clock: Callable[[], datetime] = utcnow,
    understander: Understander | None = None,
    nlu: str = "builtin",
    enforce_limits: bool = False,
    rate_limit: bool = False,
    load_data: bool = True,
    fake: FakeTelegram | None = None,
    mode: str = "polling",
    twilio_auth_token: str | None = None,
    outbound: bool = True,
    jobs: bool | None = None,
) -> AsyncIterator[Harness]:
    """Start a fake Telegram (unless given) and estatedesk against it; stop both on exit."""
    own_fake = fake is None
    fake = fake or FakeTelegram(
        token=DEMO_TOKEN, enforce_limits=enforce_limits, webhook_retry_delay=0.05, webhook_max_retry_delay=0.3
    )
    async with _serving(fake, own_fake):
        settings: Settings = load_settings(
            telegram_token=DEMO_TOKEN,
            telegram_api_url=fake.url,
            database_url=database_url,
            redis_url=redis_url,
            redis_prefix=redis_prefix,
            config=config,
            rate_limit=rate_limit,
            nlu=nlu,
            # The phone channel's token (the browser demo's fake Twilio); None: ESTATEDESK_TWILIO_AUTH_TOKEN.
            **({"twilio_auth_token": twilio_auth_token} if twilio_auth_token is not None else {}),
        )
        desk = await build(settings, clock=clock, understander=understander, database=database, outbound=outbound)
        if load_data:
            await load_demo_data(desk)
        add_estate_chats(fake, desk)
        # The periodic jobs wake on the wall clock: with a test's own clock they would act on its frozen time
        # at whatever real minute they wake, so by default they run only on the real clock (tests call them).
        await desk.start(jobs=clock is utcnow if jobs is None else jobs)
        harness = Harness(fake, desk)
        stop = asyncio.Event()
        task = None
        runner = None
        if mode == "polling":
            task = asyncio.create_task(poll(desk.processor, stop, timeout=1))
        else:
            # Webhook mode as in production: our aiohttp server, Telegram (the fake) POSTs to it.
            app = init_app(desk.processor, desk.bot, secret=WEBHOOK_SECRET, health=desk.health)
            runner = web.AppRunner(app)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = runner.addresses[0][1]
            harness.webhook_url = f"http://127.0.0.1:{port}/telegram/webhook"
            await desk.bot.set_webhook(harness.webhook_url, secret_token=WEBHOOK_SECRET)
        try:
            yield harness
        finally:
            stop.set()
            if task is not None:
                await asyncio.wait_for(task, 10)
            if runner is not None:
                await desk.bot.delete_webhook()
                await runner.cleanup()
            await desk.stop()


@asynccontextmanager
async def _serving(fake: FakeTelegram, start: bool) -> AsyncIterator[None]:
    if start:
        async with fake.serve():
            yield
    else:
        yield
