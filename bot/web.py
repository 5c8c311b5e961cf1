"""The one web server: Telegram's webhook, ``/healthz`` and ``/metrics`` (aiohttp).

``/metrics`` is served deliberately (see :func:`metrics_exposure`): behind a bearer token, on a
loopback-only bind, or on a separate metrics bind; never to the world by accident.

The webhook checks ``X-Telegram-Bot-Api-Secret-Token`` in constant time before reading the body,
processes the update fully, and only then answers 200. If a dependency is down it answers 503,
so Telegram delivers the update again: nothing is acknowledged that was not stored. An update that
can never succeed (unparsable, or failing on every attempt) is stored in the dead-letter table and
acknowledged, so it does not block the updates behind it.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from telegram import Bot

from bot.channels.telegram.processor import UpdateProcessor
from bot.errors import BackendUnavailable

log = logging.getLogger(__name__)

PROCESSOR = web.AppKey("processor", UpdateProcessor)
BOT = web.AppKey("bot", Bot)
SECRET = web.AppKey("secret", bytes)
HEALTH = web.AppKey("health", object)
METRICS_TOKEN = web.AppKey("metrics_token", bytes)

MAX_BODY = 1024 * 1024  # an update is a few kB; refuse anything absurd before reading it


async def webhook(request: web.Request) -> web.Response:
    expected = request.app[SECRET]
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "").encode()
    if not hmac.compare_digest(given, expected):
        log.warning("webhook call with a wrong secret from %s", request.remote)
        return web.Response(status=401, text="unauthorized")
    if request.content_length is not None and request.content_length > MAX_BODY:
        return web.Response(status=413, text="too large")
    body = await request.read()
    try:
        await request.app[PROCESSOR].receive(body)
    except BackendUnavailable as exc:
        log.warning("update deferred: %s", exc)
        return web.Response(status=503, text="retry later")
    except Exception:
        log.exception("update failed")
        return web.Response(status=500, text="error")
    return web.Response(text="ok")


async def healthz(request: web.Request) -> web.Response:
    check = request.app.get(HEALTH)
    try:
        if check is not None:
            await check()  # type: ignore[operator]
    except BackendUnavailable as exc:
        return web.json_response({"ok": False, "error": str(exc)}, status=503)
    return web.json_response({"ok": True})


async def metrics(request: web.Request) -> web.Response:
    token = request.app.get(METRICS_TOKEN)
    if token is not None:
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token):
            return web.Response(status=401, text="unauthorized", headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
    return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the server reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name or an interface: assume it is reachable from outside


def metrics_exposure(listen_host: str, *, token: str | None, separate_port: int | None) -> str:
    """Where ``/metrics`` is served: ``"main"`` (the webhook's server), ``"separate"`` or ``"off"``.

    It shares the main server only when that is safe: a token guards it, or the server binds a
    loopback address. On a public bind without a token it is served only on the separate metrics
    bind if one is configured, otherwise not at all (the process says so at start-up).
    """
    if separate_port is not None:
        return "separate"
    if token or is_loopback(listen_host):
        return "main"
    return "off"


def init_metrics_app(*, token: str | None) -> web.Application:
    """The metrics-only server of ``ESTATEDESK_METRICS_PORT``."""
    app = web.Application(client_max_size=1024)
    if token:
        app[METRICS_TOKEN] = token.encode()
    app.router.add_get("/metrics", metrics)
    return app


def init_app(
    processor: UpdateProcessor | None,
    bot: Bot | None,
    *,
    secret: str | None,
    path: str = "/telegram/webhook",
    health: Any = None,
    metrics_token: str | None = None,
    serve_metrics: bool = True,
    phone: Any = None,
    voice: Any = None,
    phone_public_url: str = "",
    outbound: Any = None,
) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY)
    if health is not None:
        app[HEALTH] = health
    app.router.add_get("/healthz", healthz)
    if serve_metrics:
        if metrics_token:
            app[METRICS_TOKEN] = metrics_token.encode()
        app.router.add_get("/metrics", metrics)
    if processor is not None and bot is not None and secret:
        app[PROCESSOR] = processor
        app[BOT] = bot
        app[SECRET] = secret.encode()
        app.router.add_post(path, webhook)
    if phone is not None and voice is not None:
        # The phone channel's voice webhooks and status callbacks (bot/channels/phone/web.py).
        from bot.channels.phone.web import add_routes

        add_routes(app, phone, voice, public=phone_public_url)
        if outbound is not None:
            # The calls the desk places (follow-up surveys, fee reminders): bot/channels/phone/outbound.py.
            outbound.mount(app, voice, public=phone_public_url)
    return app
