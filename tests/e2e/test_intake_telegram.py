"""Residents through the real python-telegram-bot stack and the fake Bot API, on SQLite and PostgreSQL."""

from __future__ import annotations

from bot.demo.harness import Harness
from bot.domain.tickets import TicketStatus, Urgency
from tests.e2e.talk import bot_texts, last_bot, link, press

CHAN, PETER, LI = 7001, 7002, 7003
ENGINEERING, SECURITY = -1001000000002, -1001000000003


async def test_typed_leak_report_becomes_a_ticket_and_a_staff_card(harness: Harness) -> None:
    h = harness
    await link(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    assert "此對話已連結到：3-502" in bot_texts(h, CHAN)
    await h.act(h.fake.send_text(CHAN, "3棟502廚房漏水 <b>好嚴重</b> & 滴到落樓下"))
    # The message named her own unit and a plumbing problem: only photos, urgency, confirm remain.
    assert "相片" in last_bot(h, CHAN).text
    await h.act(h.fake.send_photo(CHAN, caption="廚房"))
    await press(h, CHAN, CHAN, "完成")
    await press(h, CHAN, CHAN, "一般")
    summary = last_bot(h, CHAN).text
    assert "描述：3棟502廚房漏水 <b>好嚴重</b> & 滴到落樓下\n廚房" in summary  # escaped, shown literally
    await press(h, CHAN, CHAN, "確認")
    assert "R-000001" in last_bot(h, CHAN).text

    ticket = await h.desk.tickets.get("R-000001")
    assert ticket is not None
    assert (ticket.category, ticket.department, ticket.place) == ("plumbing", "engineering", "3-502")
    assert len(ticket.attachments) == 1 and ticket.card_chat_id == ENGINEERING
    card = h.fake.bot_messages(ENGINEERING)
    assert card[0].text.startswith("R-000001") and "•••• 4567" in card[0].text
    assert "9123 4567" not in card[0].text  # the phone is masked on the card
    assert card[1].photo_file_ids == list(ticket.attachments)
    assert not h.errors


async def test_emergency_complaint_and_bill_in_english(harness: Harness) -> None:
    h = harness
    await link(h, PETER, "Peter", "+852 6123 0001", "en")
    await h.act(h.fake.send_text(PETER, "There is a strong gas smell in the corridor of block A!"))
    texts = bot_texts(h, PETER)
    assert "+852 2100 9999" in texts
    await h.act(h.fake.send_text(PETER, "/bill"))
    assert "Bills for A-1203" in bot_texts(h, PETER)
    await h.act(h.fake.send_text(PETER, "/complaint"))
    await press(h, PETER, PETER, "Noise")
    await h.act(h.fake.send_text(PETER, "Karaoke from 12/F after midnight"))
    await press(h, PETER, PETER, "Skip photos")
    await press(h, PETER, PETER, "Confirm")
    assert "C-000001" in last_bot(h, PETER).text
    ticket = await h.desk.tickets.get("C-000001")
    assert ticket is not None and ticket.department == "security" and ticket.status is TicketStatus.NEW
    assert h.fake.bot_messages(SECURITY)[0].text.startswith("C-000001")
    await h.act(h.fake.send_text(PETER, "/mytickets"))
    assert "C-000001" in bot_texts(h, PETER)


async def test_forwarded_contact_is_refused(harness: Harness) -> None:
    h = harness
    h.fake.add_user(LI, "Li", language_code="zh-cn")
    await h.act(h.fake.send_text(LI, "/start"))
    await h.act(h.fake.send_contact(LI, "+852 5123 0002", contact_user_id=999))
    assert "这不是您本人的联系方式" in last_bot(h, LI).text
    await h.act(h.fake.send_contact(LI, "+852 5123 0002"))
    assert "1-1001, 2-301" in bot_texts(h, LI)


async def test_a_redelivered_update_is_processed_once(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await link(h, PETER, "Peter", "+852 6123 0001", "en")
    await h.act(h.fake.send_text(PETER, "/repair"))
    await press(h, PETER, PETER, "Elevator")
    await press(h, PETER, PETER, "My unit A-1203")
    await h.act(h.fake.send_text(PETER, "Lift door closes on people"))
    await press(h, PETER, PETER, "Skip photos")
    await press(h, PETER, PETER, "Urgent")
    message = last_bot(h, PETER)
    confirm = await h.act(h.fake.press(PETER, message, "Confirm"))
    before = len(h.fake.bot_messages(PETER))
    await h.act(h.fake.redeliver(confirm))
    assert len(h.fake.bot_messages(PETER)) == before  # nothing said twice
    assert await h.desk.tickets.get("R-000002") is None  # nothing stored twice
    ticket = await h.desk.tickets.get("R-000001")
    assert ticket is not None and ticket.urgency is Urgency.URGENT
    assert len(h.fake.bot_messages(ENGINEERING)) == 1


async def test_stale_button_sticker_and_unknown_command(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await link(h, PETER, "Peter", "+852 6123 0001", "en")
    await h.act(h.fake.send_text(PETER, "/repair"))
    first_question = last_bot(h, PETER)
    await h.act(h.fake.send_text(PETER, "/repair"))  # a new form: the old buttons are stale
    update = await h.act(h.fake.press(PETER, first_question, "Doors and access"))
    assert h.fake.callback_answer(update).answer_text == "This button has expired."
    forged = await h.act(h.fake.press(PETER, last_bot(h, PETER), "t:1:claim", forge=True))
    assert h.fake.callback_answer(forged).answer_text == "This button has expired."
    await h.act(h.fake.send_sticker(PETER))
    assert "can't read that kind of message" in bot_texts(h, PETER)
    await h.act(h.fake.send_text(PETER, "/teleport"))
    assert "/teleport" in bot_texts(h, PETER)
    assert not h.errors


async def test_a_blocked_resident_does_not_break_the_desk(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await link(h, PETER, "Peter", "+852 6123 0001", "en")
    h.fake.block(PETER)
    await h.act(h.fake.send_text(PETER, "/mytickets"))  # replies fail with 403; the update still completes
    assert not any("open tickets" in m.text for m in h.fake.bot_messages(PETER))
    h.fake.unblock(PETER)
    await h.act(h.fake.send_text(PETER, "/help"))
    assert "/repair" in bot_texts(h, PETER)
    assert not h.errors
