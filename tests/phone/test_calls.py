"""Whole calls to the hotline through the fake Twilio, from the first ring to the staff group."""

from __future__ import annotations

import re

from bot.domain.tickets import TicketKind, Urgency
from tests.e2e.talk import bot_texts, link
from tests.helpers import Clock
from tests.phone.conftest import (
    DESK,
    DUTY,
    DUTY_SECOND,
    ENGINEERING,
    HOTLINE,
    MANAGERS,
    MR_LI,
    MRS_CHAN,
    PETER,
    SERVICE_DESK,
    STRANGER,
    Line,
)


def numbers(texts: list[str]) -> list[str]:
    """Ticket numbers as the hotline reads them ("R, 0 0 0, 0 0 1"), back in written form."""
    found: list[str] = []
    for text in texts:
        for m in re.finditer(r"([A-Z]), (\d) (\d) (\d), (\d) (\d) (\d)", text):
            number = f"{m.group(1)}-{''.join(m.groups()[1:])}"
            if number not in found:
                found.append(number)
    return found


async def test_known_caller_reports_a_repair_by_keypad(line: Line) -> None:
    call = await line.twilio.call(MRS_CHAN, HOTLINE)
    assert call.heard[0].language == "zh-HK"
    assert "陳太太" in call.texts[0]
    assert call.gather is not None and "speech" in call.gather.get("input")
    await call.press("1")  # report a repair
    assert any("修" in t for t in call.texts)
    await call.press("1")  # plumbing
    await call.press("1")  # my unit 3-502
    await call.say("廚房水龍頭漏水")
    await call.press("1")  # normal urgency
    summary = " ".join(call.texts[-6:])
    assert "廚房水龍頭漏水" in summary and "3-502" in summary
    await call.press("1")  # confirm
    [number] = numbers(call.texts)
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None and ticket.kind is TicketKind.REPAIR
    assert ticket.category == "plumbing" and ticket.channel == "phone"
    assert ticket.description == "廚房水龍頭漏水" and ticket.urgency is Urgency.NORMAL
    await call.silence()  # nothing else
    assert call.ended
    await line.settle()
    assert number in line.group_texts(ENGINEERING)


async def test_a_spoken_report_is_understood_and_prefills_the_form(sqlite_line: Line) -> None:
    line = sqlite_line
    call = await line.twilio.call(MRS_CHAN, HOTLINE)
    assert call.gather is not None and call.gather.get("language") == "yue-Hant-HK"
    await call.say("三座五零二廚房漏水")
    # Category, place and description came from the words: the next question is the urgency.
    assert any("緊急" in t for t in call.texts[-4:]), call.texts
    await call.press("1")
    await call.press("1")  # confirm
    [number] = numbers(call.texts)
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None and ticket.category == "plumbing" and ticket.place == "3-502"
    assert "廚房漏水" in ticket.description
    await call.hangup()


async def test_choices_are_accepted_by_saying_them(sqlite_line: Line) -> None:
    call = await sqlite_line.twilio.call(PETER, HOTLINE)
    assert call.heard[0].language == "en-GB" and "Peter" in call.texts[0]
    await call.press("1")
    await call.say("the lift")  # "Lift" is one of the spoken options
    assert any("Where is it" in t for t in call.texts[-4:]), call.texts[3:]
    await call.say("common area")
    assert call.gather is not None and call.gather.get("numDigits") is None  # a free-text answer is next
    await call.hangup()


async def test_a_caller_with_two_units_chooses_by_keypad(sqlite_line: Line) -> None:
    line = sqlite_line
    call = await line.twilio.call(MR_LI, HOTLINE)
    assert call.heard[0].language == "zh-CN"
    await call.press("2")  # complaint
    await call.press("1")  # noise
    where = call.texts[-4:]
    assert any("1-1001" in t for t in where) and any("2-301" in t for t in where)
    await call.press("2")  # 2-301
    await call.say("楼上每晚装修很吵")
    await call.press("1")  # confirm
    [number] = numbers(call.texts)
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None and ticket.kind is TicketKind.COMPLAINT and ticket.place == "2-301"
    await call.hangup()


async def test_an_unknown_caller_chooses_a_language_and_is_called_back(sqlite_line: Line) -> None:
    line = sqlite_line
    call = await line.twilio.call(STRANGER, HOTLINE)
    assert {s.language for s in call.heard} >= {"zh-HK", "zh-CN", "en-GB"}
    await call.press("3")  # English
    assert call.heard[-1].language == "en-GB"
    await call.press("1")  # a repair
    await call.say("the water heater in flat 2-1108 is broken")
    [number] = numbers(call.texts)
    assert number.startswith("V-")
    assert any("call you back on this number" in t for t in call.texts)
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None and ticket.contact_phone == STRANGER and ticket.resident_id is None
    assert "unverified" in ticket.description and "water heater" in ticket.description
    await call.hangup()
    await line.settle()
    assert number in line.group_texts(SERVICE_DESK)


async def test_silence_gets_one_repeat_then_the_service_desk(sqlite_line: Line) -> None:
    line = sqlite_line
    line.twilio.answer(DESK, "answered")
    call = await line.twilio.call(PETER, HOTLINE)
    menu = call.texts[-1]
    mark = len(call.texts)
    await call.silence()
    again = call.heard_since(mark)
    assert "did not catch" in again[0] and again[-1] == menu
    await call.silence()
    await call.finished()
    assert [d.numbers for d in call.dialed] == [(DESK,)]
    assert call.dialed[0].status == "completed"


async def test_a_wrong_key_then_silence_out_of_hours_goes_to_voicemail(sqlite_line: Line, clock: Clock) -> None:
    line = sqlite_line
    clock.advance(hours=12)  # 22:00 in Hong Kong: the desk is closed
    call = await line.twilio.call(PETER, HOTLINE)
    assert any("leave a message, press 0" in t for t in call.texts)
    mark = len(call.texts)
    await call.press("7")  # not an option
    assert "did not catch" in call.heard_since(mark)[0]
    await call.silence()
    assert call.waiting_for == "record" and not call.dialed
    assert any("recorded" in t for t in call.texts[-3:])
    await call.record(6)
    await call.finished()
    [number] = numbers(call.texts)
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None and ticket.contact_phone == PETER
    assert "Call back" in ticket.description and call.recordings[0].url in ticket.description
    await line.settle()
    assert number in line.group_texts(SERVICE_DESK)


async def test_keyed_emergency_rings_both_duty_numbers_then_takes_a_message(line: Line) -> None:
    call = await line.twilio.call(MRS_CHAN, HOTLINE)
    await call.press("9")
    # The emergency ticket exists before anyone is dialled, and the caller hears its number.
    [number] = numbers(call.texts)
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None and ticket.urgency is Urgency.EMERGENCY and ticket.contact_phone == MRS_CHAN
    assert ticket.place == "3-502"
    assert call.waiting_for == "record"
    assert [d.numbers for d in call.dialed] == [(DUTY,), (DUTY_SECOND,)]
    assert all(d.status == "no-answer" for d in call.dialed)
    await call.record(5)
    await call.finished()
    await line.settle()
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None and any(call.recordings[0].url in str(e.detail) for e in ticket.events)
    assert number in line.group_texts(SERVICE_DESK)  # cause unknown: repair "other" goes to the desk's group
    assert number in line.group_texts(MANAGERS)


async def test_a_spoken_emergency_skips_the_form_and_is_put_through(sqlite_line: Line) -> None:
    line = sqlite_line
    line.twilio.answer(DUTY, "answered")
    call = await line.twilio.call(MRS_CHAN, HOTLINE)
    await call.press("1")
    await call.say("有人困咗喺電梯入面")
    await call.finished()
    assert [d.numbers for d in call.dialed] == [(DUTY,)] and call.dialed[0].status == "completed"
    [number] = numbers(call.texts)
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None and ticket.urgency is Urgency.EMERGENCY and ticket.category == "elevator"
    assert "困" in ticket.description


async def test_hanging_up_mid_form_leaves_an_abandoned_call_for_the_desk(line: Line) -> None:
    call = await line.twilio.call(MRS_CHAN, HOTLINE)
    await call.press("1")
    await call.press("1")
    await call.press("1")
    await call.say("浴室天花滴水")
    await call.hangup()
    await call.finished()
    await line.settle()
    tickets = await line.desk.tickets.list_for_resident(
        (await line.desk.registry.by_phone(MRS_CHAN)).id,
        open_only=True,  # type: ignore[union-attr]
    )
    [ticket] = tickets
    assert ticket.kind is TicketKind.ENQUIRY and "Abandoned call" in ticket.description
    assert "浴室天花滴水" in ticket.description and ticket.contact_phone == MRS_CHAN
    assert ticket.number in line.group_texts(SERVICE_DESK)


async def test_a_call_that_ends_after_its_report_leaves_no_abandoned_entry(sqlite_line: Line) -> None:
    line = sqlite_line
    call = await line.twilio.call(PETER, HOTLINE)
    await call.say("the light in my bathroom is broken")
    while not numbers(call.texts):
        await call.press("1")
    await call.hangup()
    await call.finished()
    await line.settle()
    resident = await line.desk.registry.by_phone(PETER)
    assert resident is not None
    tickets = await line.desk.tickets.list_for_resident(resident.id, open_only=True)
    assert [t.kind for t in tickets] == [TicketKind.REPAIR]


async def test_a_caller_on_telegram_also_gets_the_number_in_writing(sqlite_line: Line) -> None:
    line = sqlite_line
    await link(line.h, 7001, "陳太太", MRS_CHAN, "zh-hk")
    call = await line.twilio.call(MRS_CHAN, HOTLINE)
    await call.say("三座五零二廚房漏水")
    await call.press("1")
    await call.press("1")
    [number] = numbers(call.texts)
    await call.hangup()
    await line.settle()
    assert number in bot_texts(line.h, 7001)


async def test_a_bill_is_read_out_for_the_unit_the_caller_keys_in(sqlite_line: Line) -> None:
    call = await sqlite_line.twilio.call(MRS_CHAN, HOTLINE)
    await call.press("3")
    assert call.gather is not None and call.gather.get("input") == "dtmf" and call.gather.get("finishOnKey") == "#"
    await call.press("502#")
    statement = " ".join(call.texts[-5:])
    # The demo estate's 3-502: fee paid up to 2026-09, HK$1,850.00 due, prepaid water HK$120.50, electricity -35.
    assert "2026年9月" in statement and "港幣1850元" in statement and "港幣120元5角" in statement
    assert "負港幣35元" in statement
    await call.hangup()


async def test_a_bill_is_not_read_for_a_unit_not_on_the_callers_record(sqlite_line: Line) -> None:
    call = await sqlite_line.twilio.call(MRS_CHAN, HOTLINE)
    await call.press("3")
    await call.press("1203#")  # Peter's flat, A-1203
    assert any("not registered" in t or "唔係登記" in t for t in call.texts[-6:])
    assert not any("港幣" in t for t in call.texts)
    await call.hangup()


async def test_an_emergency_told_only_by_what_is_sensed_is_put_through(sqlite_line: Line) -> None:
    # No keyword rule names it (no "gas", "leak", "fire"): the understander's learned score does.
    line = sqlite_line
    line.twilio.answer(DUTY, "answered")
    call = await line.twilio.call(PETER, HOTLINE)
    await call.say("there is a loud hissing in the kitchen and a rotten egg smell")
    await call.finished()
    assert [d.numbers for d in call.dialed] == [(DUTY,)]
    [number] = numbers(call.texts)
    ticket = await line.desk.tickets.get(number)
    assert ticket is not None and ticket.urgency is Urgency.EMERGENCY
