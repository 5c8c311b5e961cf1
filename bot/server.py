"""The process's web server(s), bound as the settings say, and stopped without losing a turn.

``ESTATEDESK_LISTEN_HOST``/``PORT`` carry the webhook and ``/healthz``; ``/metrics`` goes where
:func:`bot.web.metrics_exposure` decides (token, loopback, or its own ``METRICS_HOST``/``PORT``).

Stopping: the port closes first (Telegram's next attempt goes to another worker or waits), then
requests in flight get ``grace`` seconds, then are cancelled and their cleanup awaited: the
processor gives the update's claim back and Telegram, refused, delivers it again. (aiohttp's own
shutdown waits its timeout twice and cancels a handler without awaiting it, so a turn cut short
could still hold its claim when the state store is closed.)
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler
from telegram import Bot

from bot.channels.telegram.processor import UpdateProcessor
from bot.settings import Settings
from bot.web import init_app, init_metrics_app, metrics_exposure

log = logging.getLogger(__name__)


class InFlight:
    """Requests being handled right now."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[object]] = set()

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            return await handler(request)
        finally:
            self._tasks.discard(task)

    async def finish(self, grace: float) -> None:
        """Give requests in flight ``grace`` s, then cancel the rest and wait for them to unwind."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=grace)
        late = set(self._tasks)
        if late:
            log.warning("%d request(s) still running at shutdown: handed back", len(late))
            for task in late:
                task.cancel()
            await asyncio.wait(late, timeout=1.0)


class WebServer:
    def __init__(
        self,
        settings: Settings,
        processor: UpdateProcessor | None,
        bot: Bot | None,
        health: Callable[[], Awaitable[None]] | None,
        *,
        phone: Any = None,
        voice: Any = None,
        outbound: Any = None,
    ) -> None:
        self.settings = settings
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        self._token = settings.metrics_token.get_secret_value() if settings.metrics_token else None
        self.metrics = metrics_exposure(settings.listen_host, token=self._token, separate_port=settings.metrics_port)
        app = init_app(
            processor,
            bot,
            secret=secret if settings.webhook_url else None,
            path=settings.webhook_path,
            health=health,
            metrics_token=self._token,
            serve_metrics=self.metrics == "main",
            phone=phone,
            voice=voice,
            phone_public_url=settings.phone_public_url or "",
            outbound=outbound,
        )
        self.inflight = InFlight()
        app.middlewares.append(self.inflight.middleware)
        self._runners = [web.AppRunner(app, access_log=None, shutdown_timeout=0.1)]
        self._site: web.TCPSite | None = None

    async def start(self) -> None:
        settings = self.settings
        main = self._runners[0]
        await main.setup()
        self._site = web.TCPSite(main, settings.listen_host, settings.port)
        await self._site.start()
        if self.metrics == "separate":
            assert settings.metrics_port is not None
            runner = web.AppRunner(init_metrics_app(token=self._token), access_log=None, shutdown_timeout=0.1)
            self._runners.append(runner)
            await runner.setup()
            await web.TCPSite(runner, settings.metrics_host, settings.metrics_port).start()
        elif self.metrics == "off":
            log.warning(
                "/metrics is not served: %s is not a loopback address and neither ESTATEDESK_METRICS_TOKEN "
                "nor ESTATEDESK_METRICS_PORT is set",
                settings.listen_host,
            )

    @property
    def ports(self) -> list[int]:
        """The bound ports: the main server's, then the metrics server's if it has one."""
        return [int(runner.addresses[0][1]) for runner in self._runners if runner.addresses]

    async def stop(self, grace: float) -> None:
        if self._site is not None:
            await self._site.stop()
        await self.inflight.finish(grace)
        for runner in self._runners:
            await runner.cleanup()
