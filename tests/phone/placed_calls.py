"""Serving the webhooks of the calls the bot places, behind the fake Twilio's "reverse proxy"."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web

from bot.channels.phone.outbound_web import PlacedCalls, add_outbound_routes
from integrations.telephony.twilio import TwilioVoice
from integrations.telephony_fake import DEFAULT_AUTH_TOKEN, FakeTwilio

PUBLIC = "https://desk.example.com"


@asynccontextmanager
async def serving(twilio: FakeTwilio, calls: PlacedCalls, path: str) -> AsyncIterator[None]:
    """``calls``' webhooks at ``path`` on a local server, reached by the fake Twilio at ``PUBLIC + path``."""
    app = web.Application()
    add_outbound_routes(app, calls, TwilioVoice(DEFAULT_AUTH_TOKEN), path=path, public=PUBLIC)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    twilio.route(PUBLIC + path, f"http://127.0.0.1:{runner.addresses[0][1]}{path}")
    try:
        yield
    finally:
        await runner.cleanup()
