"""The desk's outbound phone work as the running desk has it: ``build()`` installs it when ``[phone]`` has an
account, its webhooks are served on the one web server, and its REST calls go to ESTATEDESK_TWILIO_API_URL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

import tests.e2e.test_surveys as chat
from bot.domain.surveys import SurveyStatus
from bot.domain.tickets import TicketStatus
from bot.server import WebServer
from integrations.sql.surveys import SqlSurveys
from integrations.sql.testing import DATABASE_KINDS
from tests.helpers import Clock
from tests.phone.conftest import ENGINEERING, HOTLINE, MRS_CHAN, Line, _line
from tests.phone.test_sms_news import CHRIS, phone_report


@pytest.fixture(params=DATABASE_KINDS)
async def wired(
    request: pytest.FixtureRequest, tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Line]:
    async for item in _line(request.param, tmp_path, clock, monkeypatch, account=True, sms="true"):
        yield item


async def test_resolved_by_staff_texted_then_called_back_and_not_fixed_reopens(wired: Line, clock: Clock) -> None:
    line = wired
    h = line.h
    assert line.desk.outbound is not None
    assert {"phone follow-up calls", "phone fee reminders"} <= {name for name, _, _ in line.desk.jobs}
    # 陳太太 has no Telegram: she reports the leak by phone.
    number = await phone_report(line, MRS_CHAN)
    await chat.press(h, CHRIS, ENGINEERING, "Claim")
    await chat.press(h, CHRIS, ENGINEERING, "Resolve")
    prompt = h.fake.bot_messages(ENGINEERING)[-1]
    await h.act(h.fake.send_text(CHRIS, "換咗水喉", chat_id=ENGINEERING, reply_to=prompt.message_id))
    texts = [m for m in line.twilio.messages if m.to == MRS_CHAN]
    assert texts and texts[-1].from_ == HOTLINE and "換咗水喉" in texts[-1].body and number in texts[-1].body
    # A day later the survey is due; she cannot be asked in a chat, so it falls to the phone...
    clock.advance(hours=25)
    await chat.run_job(h, "surveys")
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None and "followup_phone" in chat.actions(ticket)
    # ...and the desk's own job places the follow-up call through the provider's REST API.
    line.twilio.answer(MRS_CHAN, "answered")
    await chat.run_job(h, "phone follow-up calls")
    call = await line.twilio.next_call(to=MRS_CHAN)
    assert call.direction == "outbound-api" and call.from_ == HOTLINE and "按零" in call.texts[-1]
    await call.press("0")  # not fixed
    assert "重開" in call.texts[-1]
    await call.finished()
    await line.settle()
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None and ticket.status is not TicketStatus.RESOLVED and "reopened" in chat.actions(ticket)
    survey = await SqlSurveys(line.desk.db).for_ticket(ticket.id)
    assert survey is not None and survey.status is SurveyStatus.ANSWERED
    card = next(m for m in reversed(h.fake.bot_messages(ENGINEERING)) if number in (m.text or ""))
    assert "reopened" in card.text.lower() or "重開" in card.text, card.text


async def test_without_an_account_sid_the_desk_places_no_calls(sqlite_line: Line) -> None:
    assert sqlite_line.desk.outbound is None
    assert not any(name.startswith("phone ") for name, _, _ in sqlite_line.desk.jobs)


async def test_the_web_server_serves_the_placed_calls_webhooks(
    tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async for line in _line("sqlite", tmp_path, clock, monkeypatch, account=True):
        desk = line.desk
        server = WebServer(desk.settings, None, None, None, phone=desk.phone, voice=desk.voice, outbound=desk.outbound)
        routes = {r.resource.canonical for r in server._runners[0].app.router.routes() if r.resource is not None}
        assert {"/phone/{what}", "/phone/followup/{what}", "/phone/reminder/{what}"} <= routes, routes
