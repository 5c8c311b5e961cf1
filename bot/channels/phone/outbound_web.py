"""Webhooks of the calls the bot places (follow-up surveys, fee reminders), on the one aiohttp server.

Like the hotline's (``web.py``), every request's signature is checked first, against the public URL the
provider called; a bad or missing one gets 403 and a log line. ``voice`` and ``answer`` get the provider's
document, ``status`` (the final status callback) gets 204; a dependency that is down gets 503 so the
provider retries.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Protocol

from aiohttp import web

from bot.config import EstateConfig
from bot.domain.residents import Language
from bot.errors import BackendUnavailable
from integrations.telephony.base import CallEvent, Say, VoiceAction, VoiceProvider

log = logging.getLogger(__name__)


class PlacedCalls(Protocol):
    """What runs the bot's own calls: the document of each step, and the final status."""

    async def handle(self, what: str, event: CallEvent, query: Mapping[str, str]) -> list[VoiceAction]: ...

    async def status(self, event: CallEvent, query: Mapping[str, str]) -> None: ...


def spoken(estate: EstateConfig, text: str, language: Language) -> Say:
    """``text`` said in the voice ``[phone]`` configures for ``language``."""
    voice = estate.phone.voices.get(language.value)
    return Say(text) if voice is None else Say(text, language=voice.say_language, voice=voice.voice)


def query_id(query: Mapping[str, str], name: str) -> int | None:
    """The id a callback URL carries (``?survey=12``), or None."""
    raw = query.get(name, "")
    return int(raw) if raw.isdigit() else None


def add_outbound_routes(
    app: web.Application, calls: PlacedCalls, provider: VoiceProvider, *, path: str, public: str = ""
) -> None:
    """Serve ``calls``' webhooks at ``path``/{voice,answer,status}; ``public`` is the public base URL the
    provider calls (signatures are computed over it), empty when requests arrive unproxied."""
    base = public.rstrip("/")

    async def webhook(request: web.Request) -> web.Response:
        params = await request.post()
        form = {k: v for k, v in params.items() if isinstance(v, str)}
        url = base + request.raw_path if base else str(request.url)
        if len(form) != len(params) or not provider.verify(url, form, request.headers):
            log.warning("webhook %s refused: bad or missing signature, from %s", request.path, request.remote)
            return web.Response(status=403, text="forbidden")
        try:
            event = provider.parse(form)
        except ValueError as exc:
            return web.Response(status=400, text=str(exc))
        what = request.match_info["what"]
        try:
            if what == "status":
                await calls.status(event, request.query)
                return web.Response(status=204)
            if what not in ("voice", "answer"):
                return web.Response(status=404, text="unknown")
            actions = await calls.handle(what, event, request.query)
        except BackendUnavailable as exc:
            log.warning("call %s: webhook %s deferred: %s", event.call_id, request.path, exc)
            return web.Response(status=503, text="retry later")
        return web.Response(text=provider.render(actions), content_type=provider.content_type)

    app.router.add_post(path.rstrip("/") + "/{what}", webhook)
