"""Whole calls to the hotline through the fake Twilio, from the first ring to the staff group."""

from __future__ import annotations

import re

from bot.domain.tickets import TicketKind, Urgency
from tests.phone.conftest import ENGINEERING, HOTLINE, MRS_CHAN, Line


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
