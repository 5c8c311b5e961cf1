"""Whole calls through the fake Twilio: estatedesk (fake Telegram for staff groups, Redis state, SQLite or
PostgreSQL) with the phone channel on its one web server, and a fake Twilio number pointed at it."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiohttp import web

from bot.config import embedded_config_text
from bot.demo.harness import Harness, running
from bot.web import init_app
from integrations.sql.testing import DATABASE_KINDS, scratch_database
from integrations.telephony_fake import DEFAULT_AUTH_TOKEN, FakeTwilio
from tests.e2e.conftest import REDIS_URL, drop_redis_prefix
from tests.helpers import Clock
from tests.phone.placed_calls import PUBLIC

HOTLINE = "+85221007777"
DUTY = "+85221009999"
DUTY_SECOND = "+85291000000"
DESK = "+85221008888"
MRS_CHAN = "+85291234567"  # 3-502, Cantonese
PETER = "+85261230001"  # A-1203, English
MR_LI = "+85251230002"  # 1-1001 and 2-301, Mandarin
STRANGER = "+85298887777"  # not in the registry

ENGINEERING = -1001000000002
SERVICE_DESK = -1001000000001
MANAGERS = -1001000000009


def phone_config(tmp_path: Path, **overrides: str) -> Path:
    """The demo estate with the hotline on; ``overrides`` replace keys of its ``[phone]`` section (TOML values)."""
    out: list[str] = []
    section = ""
    for line in embedded_config_text().splitlines():
        if line.startswith("["):
            section = line
        key = line.split("=", 1)[0].strip()
        if section == "[phone]" and (key == "enabled" or key in overrides):
            continue
        out.append(line)
        if line == "[phone]":
            out += ["enabled = true", *(f"{k} = {v}" for k, v in overrides.items())]
    path = tmp_path / "estate.toml"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


@dataclass
class Line:
    """A running desk, its phone webhooks served, and the fake Twilio number that reaches them."""

    h: Harness
    twilio: FakeTwilio
    url: str

    @property
    def desk(self):  # type: ignore[no-untyped-def]
        return self.h.desk

    async def settle(self) -> None:
        assert self.desk.phone is not None
        await self.desk.phone.drain()
        await self.desk.processor.drain()

    def group_texts(self, chat_id: int) -> str:
        return "\n".join(m.text or "" for m in self.h.fake.bot_messages(chat_id))


@pytest.fixture
def clock() -> Clock:
    return Clock()  # a Monday, 10:00 in Hong Kong: the desk is open


async def _line(
    kind: str,
    tmp_path: Path,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    *,
    account: bool = False,
    **config: str,
) -> AsyncIterator[Line]:
    """``account``: the desk has the whole Twilio account (SID, REST API at the fake, public URL behind the
    fake's "reverse proxy"), so it places calls and sends texts itself."""
    monkeypatch.setenv("ESTATEDESK_TWILIO_AUTH_TOKEN", DEFAULT_AUTH_TOKEN)
    prefix = f"phone-{uuid.uuid4().hex[:8]}"
    twilio = FakeTwilio(webhook_timeout=5.0)
    async with twilio.serve(), scratch_database(kind, tmp_path) as db:
        if account:
            monkeypatch.setenv("ESTATEDESK_TWILIO_ACCOUNT_SID", twilio.account_sid)
            monkeypatch.setenv("ESTATEDESK_TWILIO_API_URL", twilio.url)
            monkeypatch.setenv("ESTATEDESK_PHONE_PUBLIC_URL", PUBLIC)
        async with running(
            database=db,
            redis_url=REDIS_URL,
            redis_prefix=prefix,
            clock=clock,
            config=str(phone_config(tmp_path, **config)),
        ) as h:
            app = init_app(
                None,
                None,
                secret=None,
                phone=h.desk.phone,
                voice=h.desk.voice,
                phone_public_url=h.desk.settings.phone_public_url or "",
                outbound=h.desk.outbound,
            )
            runner = web.AppRunner(app)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            url = f"http://127.0.0.1:{runner.addresses[0][1]}"
            if account:
                twilio.route(f"{PUBLIC}/phone", f"{url}/phone")
                url = PUBLIC
            twilio.add_number(HOTLINE, voice_url=f"{url}/phone/voice", status_callback=f"{url}/phone/status")
            line = Line(h, twilio, url)
            try:
                yield line
                await line.settle()
            finally:
                await runner.cleanup()
        errors = twilio.take_errors()
    await drop_redis_prefix(prefix)
    assert not errors, f"the telephony provider logged errors: {errors}"


@pytest.fixture(params=DATABASE_KINDS)
async def line(
    request: pytest.FixtureRequest, tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Line]:
    async for item in _line(request.param, tmp_path, clock, monkeypatch):
        yield item


@pytest.fixture
async def sqlite_line(tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Line]:
    async for item in _line("sqlite", tmp_path, clock, monkeypatch):
        yield item
