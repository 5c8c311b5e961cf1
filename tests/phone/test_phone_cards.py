"""Staff see the phone on the card: ☎ and the masked number, "call back" for a voicemail or an abandoned call,
the caller's recording, and the call-back noted with /note."""

from __future__ import annotations

import tests.e2e.test_surveys as chat
from bot.domain.residents import Language, mask_phone
from bot.i18n import Translator
from bot.staff.history import history_lines
from tests.helpers import Clock
from tests.phone.conftest import ENGINEERING, HOTLINE, MRS_CHAN, PETER, SERVICE_DESK, Line
from tests.phone.test_calls import numbers
from tests.phone.test_sms_news import AMY, phone_report


def card_text(line: Line, chat_id: int, number: str) -> str:
    card = next(m for m in reversed(line.h.fake.bot_messages(chat_id)) if (m.text or "").startswith(f"☎ {number}"))
    return card.text or ""


async def test_a_phoned_in_report_shows_the_phone_and_the_masked_number(sqlite_line: Line) -> None:
    line = sqlite_line
    number = await phone_report(line, MRS_CHAN)
    text = card_text(line, ENGINEERING, number)
    assert mask_phone(MRS_CHAN) in text and MRS_CHAN not in text
    assert "Call back" not in text  # a confirmed report: nothing to call back about


async def test_a_voicemail_card_says_call_back_links_the_recording_and_takes_the_note(
    sqlite_line: Line, clock: Clock
) -> None:
    line = sqlite_line
    clock.advance(hours=12)  # 22:00: voicemail
    call = await line.twilio.call(PETER, HOTLINE)
    await call.press("0")
    await call.record(6)
    await call.finished()
    await line.settle()
    [number] = numbers(call.texts)
    text = card_text(line, SERVICE_DESK, number)
    assert "Call back" in text and mask_phone(PETER) in text and "voicemail" in text.lower()
    assert call.recordings[0].url in text and line.twilio.auth_token not in text
    # The card's Note button: what the staff member writes is the call-back, noted on the card and in the log.
    await chat.press(line.h, AMY, SERVICE_DESK, "Note")
    prompt = line.h.fake.bot_messages(SERVICE_DESK)[-1]
    await line.h.act(
        line.h.fake.send_text(AMY, "called back, plumber booked", chat_id=SERVICE_DESK, reply_to=prompt.message_id)
    )
    await line.settle()
    text = card_text(line, SERVICE_DESK, number)
    assert "Called back" in text and "plumber booked" in text
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None
    lines = history_lines(line.desk.estate, ticket.events, Translator(Language.EN))
    assert any("Voicemail from" in s and mask_phone(PETER) in s for s in lines), lines


async def test_an_abandoned_call_card_says_call_back(sqlite_line: Line) -> None:
    line = sqlite_line
    call = await line.twilio.call(MRS_CHAN, HOTLINE)
    await call.press("1")
    await call.say("浴室天花滴水")
    await call.hangup()
    await call.finished()
    await line.settle()
    card = next(m for m in reversed(line.h.fake.bot_messages(SERVICE_DESK)) if (m.text or "").startswith("☎ "))
    assert "Call back: ☎ " + mask_phone(MRS_CHAN) + " · abandoned call" in (card.text or "")
    assert "Recording" not in (card.text or "")
