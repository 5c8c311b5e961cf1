"""SLA reminders and escalations end to end: a resident's report through the fake Telegram, the clock moved on."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.demo.harness import Harness
from bot.scheduler import SweepContext, sweep
from tests.helpers import Clock

PETER = 7002
ENGINEERING, MANAGERS = -1001000000002, -1001000000009
HK = ZoneInfo("Asia/Hong_Kong")


def at_hk(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=HK).astimezone(UTC)


def texts(h: Harness, chat_id: int) -> list[str]:
    return [m.text or "" for m in h.fake.bot_messages(chat_id)]


async def press(h: Harness, user_id: int, button: str) -> None:
    message = next(m for m in reversed(h.fake.bot_messages(user_id)) if m.find_button(button))
    await h.act(h.fake.press(user_id, message, button))


async def report_a_broken_lift(h: Harness) -> str:
    h.fake.add_user(PETER, "Peter", language_code="en")
    await h.act(h.fake.send_text(PETER, "/start"))
    await h.act(h.fake.send_contact(PETER, "+852 6123 0001"))
    await h.act(h.fake.send_text(PETER, "/repair"))
    await press(h, PETER, "Elevator")
    await press(h, PETER, "My unit A-1203")
    await h.act(h.fake.send_text(PETER, "Lift door closes on people"))
    await press(h, PETER, "Skip photos")
    await press(h, PETER, "Urgent")
    await press(h, PETER, "Confirm")
    (ticket,) = await h.desk.tickets.open_tickets(department="engineering")
    return ticket.number


async def test_reminder_to_the_group_then_escalations_to_the_managers(harness: Harness, clock: Clock) -> None:
    h = harness
    number = await report_a_broken_lift(h)  # Monday 10:00: urgent elevator, first response within 1 working hour
    ticket = await h.desk.tickets.get(number)
    assert ticket is not None and ticket.response_due_at == at_hk(2, 11) and ticket.sla_due_at == at_hk(2, 18)
    assert len(texts(h, ENGINEERING)) == 1  # the card
    ctx = SweepContext.from_desk(h.desk.desk)
    told_peter = len(h.fake.bot_messages(PETER))

    clock.now = at_hk(2, 10, 45)  # a quarter of the hour left
    assert (await sweep(ctx, clock())).reminders == 1
    card, reminder_message = h.fake.bot_messages(ENGINEERING)
    assert reminder_message.reply_to_message_id == card.message_id  # in the ticket's thread
    reminder = reminder_message.text or ""
    assert reminder.startswith(f"⏰ Reminder: {number}") and "First response due in 15m (Nov 2 11:00)" in reminder
    assert texts(h, MANAGERS) == []
    # The card was refreshed with the reminder: its age and time left are as of now.
    assert "Received: Nov 2 10:00 (45m)" in (card_text := h.fake.bot_messages(ENGINEERING)[0].text or "")
    assert "Response due: Nov 2 11:00 · 15m left" in card_text

    clock.now = at_hk(2, 11, 1)
    assert (await sweep(ctx, clock())).escalations == 1
    (escalation,) = texts(h, MANAGERS)
    assert escalation.startswith(f"🔺 Escalation (level 1): {number}")
    for fact in ("No first response: overdue by 1m", "Elevator", "A-1203", "Urgent", "Engineering", "Age: 1h 1m"):
        assert fact in escalation
    again = await sweep(ctx, clock())
    assert (again.reminders, again.escalations) == (0, 0)

    # The department's group hears it too, in the ticket's thread.
    overdue = h.fake.bot_messages(ENGINEERING)[-1]
    assert overdue.reply_to_message_id == card.message_id
    assert (overdue.text or "").startswith(f"🔺 Overdue: {number}") and "overdue by 1m" in (overdue.text or "")

    clock.now = at_hk(3, 11, 2)  # a day later: the response is still missing, and the 8 h resolution passed
    assert (await sweep(ctx, clock())).escalations == 2
    # Both escalations of the ticket arrive as one message.
    (both,) = texts(h, MANAGERS)[1:]
    assert both.startswith(f"🔺 Escalation (level 2): {number}")
    assert "No first response: overdue by 1d 0h" in both and "Not resolved: overdue by 17h 2m" in both
    # The card, the reminder and two overdue notices: the resolution was never reminded late.
    assert len(texts(h, ENGINEERING)) == 4
    card_text = h.fake.bot_messages(ENGINEERING)[0].text or ""
    assert "Received: Nov 2 10:00 (1d 1h)" in card_text and "Due: Nov 2 18:00 · overdue by 17h 2m" in card_text
    assert len(h.fake.bot_messages(PETER)) == told_peter  # residents never see the desk's internal chasing
    assert not h.errors
