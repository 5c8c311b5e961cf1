"""Follow-up survey calls (回訪) end to end: a resolved ticket whose chat survey went unanswered is left for
the phone; the bot calls through the fake Twilio's REST API, the resident keys a rating, the answer lands in
the survey tables as a chat answer would; busy and unanswered calls are retried, then left for staff."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any

import pytest

import tests.e2e.test_surveys as chat
from bot.channels.phone.followup import CallPolicy, FollowUpCalls, build_followup_calls, policy_of
from bot.config import load_config
from bot.domain.surveys import SurveyStatus
from bot.domain.tickets import Ticket, TicketEvent, TicketStatus
from bot.errors import ConfigError
from integrations.sql.notices import SqlNoticeStore
from integrations.sql.surveys import SqlSurveys
from integrations.telephony_fake import FakeCall
from tests.helpers import Clock
from tests.phone.conftest import ENGINEERING, HOTLINE, MRS_CHAN, Line, phone_config
from tests.phone.placed_calls import PUBLIC, serving


@dataclass
class Callback:
    line: Line
    calls: FollowUpCalls
    surveys: SqlSurveys
    number: str
    clock: Clock

    async def sweep(self) -> dict[str, int]:
        return await self.calls.sweep()

    async def ticket(self) -> Ticket:
        ticket = await self.line.desk.tickets.get(self.number)
        assert ticket is not None
        return ticket

    async def next_call(self) -> FakeCall:
        return await self.line.twilio.next_call(to=MRS_CHAN)


async def _callback(line: Line, clock: Clock, **policy: Any) -> AsyncIterator[Callback]:
    h = line.h
    number = await chat.resolved_leak(h)  # 陳太太 (+852 9123 4567) reported it on Telegram
    for hours in (25, 49, 49):  # the chat survey, its reminder, then left for the phone
        clock.advance(hours=hours)
        await chat.run_job(h, "surveys")
    settings = h.desk.settings.model_copy(
        update={"twilio_account_sid": line.twilio.account_sid, "phone_public_url": PUBLIC}
    )
    app = dataclasses.replace(h.desk, settings=settings)
    calls = build_followup_calls(app, policy=CallPolicy(HOTLINE, **policy), api_url=line.twilio.url)
    assert calls is not None
    surveys = calls.surveys
    try:
        async with serving(line.twilio, calls, "/phone/followup"):
            yield Callback(line, calls, surveys, number, clock)
    finally:
        await calls.outbound.close()


@pytest.fixture
async def callback(line: Line, clock: Clock) -> AsyncIterator[Callback]:
    async for item in _callback(line, clock):
        yield item


@pytest.fixture
async def sqlite_callback(sqlite_line: Line, clock: Clock) -> AsyncIterator[Callback]:
    async for item in _callback(sqlite_line, clock, attempts=2, retry_minutes=60):
        yield item


def actions(ticket: Ticket) -> list[str]:
    return [e.action for e in ticket.events]


async def test_an_answered_call_records_the_rating_in_the_survey_tables(callback: Callback) -> None:
    ticket = await callback.ticket()
    assert "followup_phone" in actions(ticket)
    callback.line.twilio.answer(MRS_CHAN, "answered")
    assert await callback.sweep() == {"called": 1, "left": 0, "waiting": 0}
    call = await callback.next_call()
    assert call.direction == "outbound-api" and call.from_ == HOTLINE
    assert call.heard[0].language == "zh-HK" and "滿意" in call.texts[-1] and "按零" in call.texts[-1]
    assert (await callback.sweep())["called"] == 0  # another worker's sweep: the call is under way
    await call.press("4")
    assert "多謝" in call.texts[-1]
    await call.finished()
    survey = await callback.surveys.for_ticket(ticket.id)
    assert survey is not None and survey.status is SurveyStatus.ANSWERED and survey.rating == 4
    ticket = await callback.ticket()
    answered = [e for e in ticket.events if e.action == "survey_answered"]
    assert len(answered) == 1 and answered[0].detail["rating"] == 4
    assert ticket.status is TicketStatus.RESOLVED and actions(ticket).count("followup_call") == 1
    # The provider retries the answer and the status callback: nothing changes twice.
    assert (await callback.line.twilio.replay_last(call, "gather")).ok
    assert (await callback.line.twilio.replay_last(call, "status")).ok
    assert actions(await callback.ticket()).count("survey_answered") == 1
    assert await callback.sweep() == {"called": 0, "left": 0, "waiting": 0}


async def test_not_fixed_reopens_the_ticket_as_in_chat(sqlite_callback: Callback) -> None:
    cb = sqlite_callback
    cb.line.twilio.answer(MRS_CHAN, "answered")
    await cb.sweep()
    call = await cb.next_call()
    await call.press("0")
    assert "重開" in call.texts[-1]
    ticket = await cb.ticket()
    assert ticket.status is not TicketStatus.RESOLVED and "reopened" in actions(ticket)
    assert any("reopened after the follow-up survey" in m.text for m in cb.line.h.fake.bot_messages(ENGINEERING))


async def test_silence_is_asked_once_more_then_the_call_is_retried_later(sqlite_callback: Callback) -> None:
    cb = sqlite_callback
    cb.line.twilio.answer(MRS_CHAN, "answered")
    await cb.sweep()
    call = await cb.next_call()
    await call.silence()
    assert "聽唔清楚" in call.texts[-2] and call.waiting_for == "gather"
    await call.press("7")  # no such rating
    assert "再聯絡" in call.texts[-1]
    await call.finished()
    survey = await cb.surveys.for_ticket((await cb.ticket()).id)
    assert survey is not None and survey.answered_at is None
    assert (await cb.sweep())["called"] == 0  # retried after retry_minutes, not at once
    cb.clock.advance(minutes=61)
    assert (await cb.sweep())["called"] == 1
    call = await cb.next_call()
    await call.press("5")
    assert actions(await cb.ticket()).count("followup_call") == 2


async def test_busy_and_unanswered_calls_are_retried_then_left_for_staff(sqlite_callback: Callback) -> None:
    cb = sqlite_callback  # two attempts, an hour apart
    cb.line.twilio.answer(MRS_CHAN, "busy")
    assert (await cb.sweep())["called"] == 1
    assert (await (await cb.next_call()).finished()).status == "busy"
    cb.clock.advance(minutes=30)
    assert (await cb.sweep())["called"] == 0
    cb.line.twilio.answer(MRS_CHAN, "no-answer")
    cb.clock.advance(minutes=31)
    assert (await cb.sweep())["called"] == 1
    second = await (await cb.next_call()).finished()
    assert second.status == "no-answer"
    cb.clock.advance(hours=2)
    assert await cb.sweep() == {"called": 0, "left": 0, "waiting": 0}
    ticket = await cb.ticket()
    assert actions(ticket).count("followup_call") == 2 and actions(ticket).count("followup_call_unanswered") == 1
    left = next(e for e in ticket.events if e.action == "followup_call_unanswered")
    assert left.detail["reason"] == "no-answer" and left.detail["attempts"] == 2
    assert any("Please call the resident" in m.text and "2" in m.text for m in cb.line.h.fake.bot_messages(ENGINEERING))
    assert len(cb.line.twilio.calls) == 2


async def test_no_calls_in_the_quiet_hours_nor_to_a_resident_who_opted_out(sqlite_callback: Callback) -> None:
    cb = sqlite_callback
    cb.clock.advance(hours=9)  # Saturday 22:00 in Hong Kong
    assert await cb.sweep() == {"called": 0, "left": 0, "waiting": 0}
    assert cb.line.twilio.calls == []
    cb.clock.advance(hours=12)  # Sunday 10:00
    resident = await cb.line.desk.registry.by_phone(MRS_CHAN)
    assert resident is not None
    await SqlNoticeStore(cb.line.desk.db).opt_out(resident.id)
    assert (await cb.sweep())["left"] == 1
    assert cb.line.twilio.calls == []
    assert "followup_call_unanswered" in actions(await cb.ticket())


async def test_forged_follow_up_webhooks_are_refused(sqlite_callback: Callback) -> None:
    cb = sqlite_callback
    cb.line.twilio.answer(MRS_CHAN, "answered")
    await cb.sweep()
    call = await cb.next_call()
    forged = await cb.line.twilio.forge(
        call, params={**call.webhooks[-1].params, "Digits": "1"}, signed_params=call.webhooks[-1].params
    )
    assert forged.status == 403
    await call.press("3")
    survey = await cb.surveys.for_ticket((await cb.ticket()).id)
    assert survey is not None and survey.rating == 3


async def test_no_follow_up_calls_without_a_public_url_for_the_callbacks(sqlite_line: Line) -> None:
    desk = sqlite_line.desk
    settings = desk.settings.model_copy(update={"twilio_account_sid": sqlite_line.twilio.account_sid})
    assert build_followup_calls(dataclasses.replace(desk, settings=settings)) is None


async def test_a_ticket_reopened_meanwhile_is_not_asked_about(sqlite_callback: Callback) -> None:
    cb = sqlite_callback
    ticket = await cb.ticket()
    reopened = TicketEvent(cb.clock(), f"resident:{ticket.resident_id}", "reopened", {"reason": "resident"})
    await cb.line.desk.tickets.append_event(ticket.number, reopened)
    assert await cb.sweep() == {"called": 0, "left": 0, "waiting": 0}
    assert cb.line.twilio.calls == []
    survey = await cb.surveys.for_ticket(ticket.id)
    assert survey is not None and survey.status is SurveyStatus.CANCELLED


async def test_calls_are_placed_only_in_the_calling_hours(sqlite_line: Line, clock: Clock) -> None:
    # [phone] followup_hours = "10:00-12:00": Saturday 13:00 is outside, Sunday 10:30 inside.
    async for cb in _callback(sqlite_line, clock, hours=(time(10, 0), time(12, 0))):
        cb.line.twilio.answer(MRS_CHAN, "answered")
        assert await cb.sweep() == {"called": 0, "left": 0, "waiting": 0}
        assert cb.line.twilio.calls == []
        cb.clock.advance(hours=21, minutes=30)
        assert (await cb.sweep())["called"] == 1
        await (await cb.next_call()).press("5")


def test_the_follow_up_policy_comes_from_the_phone_section(tmp_path: Path) -> None:
    config = load_config(
        phone_config(tmp_path, followup_attempts="5", followup_retry_minutes="30", followup_hours='"22:00-02:00"')
    )
    policy = policy_of(config)
    assert (policy.attempts, policy.retry_minutes, policy.from_number) == (5, 30, HOTLINE)
    assert policy.may_call(time(23, 0)) and policy.may_call(time(1, 59)) and not policy.may_call(time(2, 0))
    for bad in ('"9-20"', '"09:00"', '"10:00-10:00"'):
        with pytest.raises(ConfigError, match="followup_hours"):
            load_config(phone_config(tmp_path, followup_hours=bad))
