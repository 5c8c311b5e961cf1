"""The one web server: Telegram's webhook, ``/healthz`` and ``/metrics`` (aiohttp).

The webhook checks ``X-Telegram-Bot-Api-Secret-Token`` in constant time before reading the body,
processes the update fully, and only then answers 200. If a dependency is down it answers 503,
so Telegram delivers the update again: nothing is acknowledged that was not stored.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

import orjson
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from telegram import Bot, Update

from bot.channels.telegram.processor import UpdateProcessor
from bot.errors import BackendUnavailable

log = logging.getLogger(__name__)

PROCESSOR = web.AppKey("processor", UpdateProcessor)
BOT = web.AppKey("bot", Bot)
SECRET = web.AppKey("secret", bytes)
HEALTH = web.AppKey("health", object)

MAX_BODY = 1024 * 1024  # an update is a few kB; refuse anything absurd before reading it


async def webhook(request: web.Request) -> web.Response:
    expected = request.app[SECRET]
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "").encode()
    if not hmac.compare_digest(given, expected):
        log.warning("webhook call with a wrong secret from %s", request.remote)
        return web.Response(status=401, text="unauthorized")
    if request.content_length is not None and request.content_length > MAX_BODY:
        return web.Response(status=413, text="too large")
    try:
        data: Any = orjson.loads(await request.read())
        update = Update.de_json(data, request.app[BOT])
    except Exception:
        # Malformed: retrying will not help, and Telegram never sends this. Say so and drop it.
        log.warning("webhook body is not a Telegram update")
        return web.Response(status=400, text="bad update")
    if update is None:
        return web.Response(status=400, text="bad update")
    try:
        await request.app[PROCESSOR].process(update)
    except BackendUnavailable as exc:
        log.warning("update %s deferred: %s", update.update_id, exc)
        return web.Response(status=503, text="retry later")
    except Exception:
        log.exception("update %s failed", update.update_id)
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
    return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})


def init_app(
    processor: UpdateProcessor | None,
    bot: Bot | None,
    *,
    secret: str | None,
    path: str = "/telegram/webhook",
    health: Any = None,
    phone: Any = None,
    voice: Any = None,
    phone_public_url: str = "",
) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY)
    if health is not None:
        app[HEALTH] = health
    app.router.add_get("/healthz", healthz)
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
    return app
