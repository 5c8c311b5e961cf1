"""The phone channel's routes on the one aiohttp server: the provider's voice webhooks and status callbacks.

Every request's signature is checked first, against the public URL the provider called
(``ESTATEDESK_PHONE_PUBLIC_URL`` + the path and query, so it is right behind a reverse proxy);
a bad or missing one gets 403 and a log line, nothing else. A dependency that is down gets 503.
"""

from __future__ import annotations

import logging
import time

from aiohttp import web

from bot.channels.phone.channel import PhoneChannel
from bot.errors import BackendUnavailable
from integrations.telephony.base import Hangup, VoiceProvider

log = logging.getLogger(__name__)

PHONE = web.AppKey("phone", PhoneChannel)
PROVIDER = web.AppKey("phone_provider", VoiceProvider)
PUBLIC_URL = web.AppKey("phone_public_url", str)

MAX_BODY = 64 * 1024  # a voice webhook is well under 4 kB
WHATS = ("voice", "input", "dial", "record")


def public_url(request: web.Request) -> str:
    base = request.app.get(PUBLIC_URL, "")
    if base:
        return base + request.raw_path
    return str(request.url)


async def webhook(request: web.Request) -> web.Response:
    provider = request.app[PROVIDER]
    if request.content_length is not None and request.content_length > MAX_BODY:
        return web.Response(status=413, text="too large")
    params = await request.post()
    form = {k: v for k, v in params.items() if isinstance(v, str)}
    if len(form) != len(params) or not provider.verify(public_url(request), params, request.headers):  # type: ignore[arg-type]
        log.warning("phone webhook %s refused: bad or missing signature, from %s", request.path, request.remote)
        return web.Response(status=403, text="forbidden")
    what = request.match_info["what"]
    try:
        event = provider.parse(form)
    except ValueError as exc:
        log.warning("phone webhook %s: %s", request.path, exc)
        return web.Response(status=400, text=str(exc))
    channel = request.app[PHONE]
    started = time.perf_counter()
    try:
        if what == "status":
            await channel.status(event)
            return web.Response(status=204)
        if what not in WHATS:
            return web.Response(status=404, text="unknown")
        actions = await channel.handle(what, event, request.query.get("s"), dict(request.query))
    except BackendUnavailable as exc:
        log.warning("call %s: webhook %s deferred: %s", event.call_id, what, exc)
        return web.Response(status=503, text="retry later")
    except Exception:
        # A bug: the caller hears nothing useful from a 500, so end the call cleanly after logging.
        log.exception("call %s: webhook %s failed", event.call_id, what)
        actions = [Hangup()]
    log.debug("call %s: %s answered in %.1f ms", event.call_id, what, (time.perf_counter() - started) * 1000)
    return web.Response(text=provider.render(actions), content_type=provider.content_type)


def add_routes(app: web.Application, channel: PhoneChannel, provider: VoiceProvider, *, public: str = "") -> None:
    app[PHONE] = channel
    app[PROVIDER] = provider
    app[PUBLIC_URL] = public.rstrip("/")
    app.router.add_post(channel.base_url + "/{what}", webhook)
