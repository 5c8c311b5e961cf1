"""The desk's outbound phone work wired in one call (bot/channels/phone/outbound.py): jobs, webhooks, SMS news."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.app import Estatedesk
from bot.channels.phone.outbound import install
from bot.channels.phone.sms_news import SmsResidentNews
from bot.domain.tickets import Ticket
from dialogs.replies import Reply
from integrations.telephony.twilio import TwilioVoice
from integrations.telephony_fake import DEFAULT_AUTH_TOKEN
from tests.helpers import Clock
from tests.phone.conftest import MRS_CHAN, Line, _line
from tests.phone.placed_calls import PUBLIC


@pytest.fixture
async def texting_line(tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Line]:
    async for item in _line("sqlite", tmp_path, clock, monkeypatch, sms="true"):
        yield item


def with_account(line: Line, **settings: str) -> Estatedesk:
    update = {"twilio_account_sid": line.twilio.account_sid, "phone_public_url": PUBLIC, **settings}
    return dataclasses.replace(line.desk, settings=line.desk.settings.model_copy(update=update))


async def test_install_schedules_the_calls_mounts_their_webhooks_and_texts_the_news(
    texting_line: Line, clock: Clock
) -> None:
    line = texting_line
    app = with_account(line)
    outbound = install(app, api_url=line.twilio.url)
    assert outbound is not None
    try:
        assert {"phone follow-up calls", "phone fee reminders"} <= {name for name, _, _ in app.jobs}
        assert isinstance(app.desk.news, SmsResidentNews)
        web_app = web.Application()
        outbound.mount(web_app, TwilioVoice(DEFAULT_AUTH_TOKEN), public=PUBLIC)
        runner = web.AppRunner(web_app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        line.twilio.route(f"{PUBLIC}/phone", f"http://127.0.0.1:{runner.addresses[0][1]}/phone")
        try:
            # 3 December: 3-502's fee reminder is due; the job calls 陳太太, who has no Telegram.
            clock.advance(days=31)
            line.twilio.answer(MRS_CHAN, "answered")
            job = next(job for name, _, job in app.jobs if name == "phone fee reminders")
            await job()
            call = await line.twilio.next_call(to=MRS_CHAN)
            assert "港幣1,850元" in " ".join(call.texts)
            await call.hangup()
            await call.finished()
        finally:
            await runner.cleanup()
    finally:
        await outbound.close()


async def test_nothing_is_installed_without_a_public_url(sqlite_line: Line) -> None:
    app = with_account(sqlite_line, phone_public_url="")
    assert install(app) is None
    assert not any(name.startswith("phone ") for name, _, _ in app.jobs)


async def test_the_texting_news_keeps_the_other_channels_news_and_surveys(texting_line: Line) -> None:
    before = texting_line.desk.desk.news
    assert before is not None

    async def tell(ticket: Ticket, reply: Reply) -> bool:
        return True

    async def ask(ticket: Ticket, survey_id: int, reply: Reply) -> bool:
        return True

    before.elsewhere["rasa"] = tell
    before.surveys_elsewhere["rasa"] = ask
    outbound = install(with_account(texting_line))
    assert outbound is not None
    try:
        news = texting_line.desk.desk.news
        assert isinstance(news, SmsResidentNews) and news is not before
        assert news.elsewhere == {"rasa": tell} and news.surveys_elsewhere == {"rasa": ask}
    finally:
        await outbound.close()
