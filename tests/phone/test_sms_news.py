"""Ticket news by SMS: a resident who reported by phone and has no Telegram hears of their ticket by text."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

import tests.e2e.test_surveys as chat
from bot.channels.phone.sms_news import MAX_SMS_CHARS, SmsResidentNews, sms_text
from dialogs.replies import Choice, Reply
from integrations.telephony.rest import TwilioOutbound
from tests.phone.conftest import ENGINEERING, HOTLINE, MRS_CHAN, SERVICE_DESK, STRANGER, Line
from tests.phone.test_calls import numbers

CHRIS = chat.CHRIS  # an engineering technician of the demo estate
AMY = 9001  # the service desk's supervisor


@pytest.fixture
async def texting(sqlite_line: Line) -> AsyncIterator[Line]:
    """The desk's ticket news goes out by SMS (through the fake Twilio) where the chat cannot reach."""
    line = sqlite_line
    app = line.desk
    outbound = TwilioOutbound(line.twilio.account_sid, line.twilio.auth_token, base_url=line.twilio.url)
    news = SmsResidentNews(
        app.estate, app.tickets, app.registry, lambda: app.desk.sender, outbound, from_number=HOTLINE
    )
    app.desk.news = news
    assert app.services is not None
    app.services.ticket_actions.news = news  # type: ignore[attr-defined]
    yield line
    await outbound.close()


async def phone_report(line: Line, caller: str) -> str:
    call = await line.twilio.call(caller, HOTLINE)
    if caller == STRANGER:
        await call.press("1")  # Cantonese
    await call.say("三座五零二廚房漏水")
    await call.press("1")  # normal urgency
    await call.press("1")  # confirm
    found = numbers(call.texts)
    assert len(found) == 1, call.texts
    [number] = found
    await call.hangup()
    await line.settle()
    return number


async def test_a_phone_only_resident_gets_the_news_by_sms(texting: Line) -> None:
    line = texting
    number = await phone_report(line, MRS_CHAN)
    await chat.press(line.h, CHRIS, ENGINEERING, "Claim")
    sms = await line.twilio.next_message(to=MRS_CHAN)
    assert sms.from_ == HOTLINE and number in sms.body and "同事" in sms.body
    await chat.press(line.h, CHRIS, ENGINEERING, "Resolve")
    prompt = line.h.fake.bot_messages(ENGINEERING)[-1]
    await line.h.act(line.h.fake.send_text(CHRIS, "換咗水喉", chat_id=ENGINEERING, reply_to=prompt.message_id))
    resolved = await line.twilio.next_message(to=MRS_CHAN)
    assert number in resolved.body and "換咗水喉" in resolved.body
    assert HOTLINE in resolved.body and "press the button" not in resolved.body  # SMS wording: call us


async def test_a_resident_who_texted_stop_is_not_texted(texting: Line) -> None:
    line = texting
    line.twilio.opt_out(MRS_CHAN)
    await phone_report(line, MRS_CHAN)
    await chat.press(line.h, CHRIS, ENGINEERING, "Claim")
    assert line.twilio.messages == []


async def test_an_unknown_caller_is_texted_at_the_callback_number(texting: Line) -> None:
    line = texting
    number = await phone_report(line, STRANGER)
    await chat.press(line.h, AMY, SERVICE_DESK, "Claim")  # unverified: the service desk sees it first
    sms = await line.twilio.next_message(to=STRANGER)
    assert number in sms.body


def test_sms_text_drops_buttons_and_stays_short() -> None:
    reply = Reply(
        "x" * 2000, title="R-000001", fields=(("Resolution", "done"),), choices=((Choice("r:1:reopen", "Not fixed"),),)
    )
    body = sms_text(reply)
    assert body.startswith("R-000001\n") and "Not fixed" not in body and len(body) <= MAX_SMS_CHARS
