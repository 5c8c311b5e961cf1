"""Residents just type (issue 3): the right form starts with what the message says filled in."""

from __future__ import annotations

from bot.demo.harness import Harness
from tests.e2e.talk import last_bot as last
from tests.e2e.talk import link as linked
from tests.e2e.talk import press as press_in

CHAN, PETER, LI = 7001, 7002, 7003


async def test_traditional_chinese_leak_with_own_unit(harness: Harness) -> None:
    h = harness
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    await h.act(h.fake.send_text(CHAN, "3棟502廚房漏水"))
    # Category, place and description come from the message: the next question is photos.
    assert "相片" in last(h, CHAN).text
    await press_in(h, CHAN, CHAN, "略過相片")
    await press_in(h, CHAN, CHAN, "一般")
    summary = last(h, CHAN).text
    assert "類別：水喉 / 漏水" in summary and "地點：3-502" in summary and "描述：3棟502廚房漏水" in summary


async def test_simplified_chinese_elevator_asks_only_what_is_missing(harness: Harness) -> None:
    h = harness
    await linked(h, LI, "李", "+852 5123 0002", "zh-cn")
    await h.act(h.fake.send_text(LI, "电梯又坏了"))
    question = last(h, LI)
    # A lift is a common area: never "my unit?"; which building's lift is asked (theirs offered), the category not.
    assert question.text.startswith("是哪一栋的电梯")
    assert [t for row in question.buttons for t, _ in row] == ["1栋电梯", "2栋电梯"]
    await press_in(h, LI, LI, "2栋电梯")
    assert "照片" in last(h, LI).text


async def test_english_bill_question_shows_the_bill(harness: Harness) -> None:
    h = harness
    await linked(h, PETER, "Peter", "+852 6123 0001", "en")
    await h.act(h.fake.send_text(PETER, "how much management fee do I still owe?"))
    assert any(m.text.startswith("Bills for A-1203") for m in h.fake.bot_messages(PETER))


async def test_a_unit_that_is_not_the_residents_is_questioned_not_used(harness: Harness) -> None:
    h = harness
    await linked(h, PETER, "Peter", "+852 6123 0001", "en")
    await h.act(h.fake.send_text(PETER, "water leaking from ceiling in 12B"))
    question = last(h, PETER)
    assert "You mentioned 12B, which is not one of your registered units" in question.text
    assert [t for row in question.buttons for t, _ in row] == ["A-1203", "Common area"]
    await press_in(h, PETER, PETER, "A-1203")
    await press_in(h, PETER, PETER, "Skip photos")
    await press_in(h, PETER, PETER, "Normal")
    assert "Place: A-1203" in last(h, PETER).text
    # And never someone else's bill.
    await h.act(h.fake.send_text(PETER, "/cancel"))
    await h.act(h.fake.send_text(PETER, "what are the arrears for 3-502?"))
    texts = "\n".join(m.text for m in h.fake.bot_messages(PETER)[-2:])
    assert "I can only show bills for your own units." in texts
    assert "3-502" not in texts.replace("for 3-502?", "")


async def test_switching_matters_mid_form_is_offered(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await linked(h, PETER, "Peter", "+852 6123 0001", "en")
    await h.act(h.fake.send_text(PETER, "/complaint"))
    await h.act(h.fake.send_text(PETER, "actually, the elevator is also broken"))
    assert "Finish it first, or start this new one?" in last(h, PETER).text
    await press_in(h, PETER, PETER, "Start the new one")
    # A repair, category elevator already known; a lift is a common area, so only its building is asked.
    assert "Which building's Lift" in last(h, PETER).text


async def test_a_question_goes_to_the_service_desk(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await linked(h, PETER, "Peter", "+852 6123 0001", "en")
    await h.act(h.fake.send_text(PETER, "Can I book the clubhouse for Saturday?"))
    assert any("Q-000001" in m.text for m in h.fake.bot_messages(PETER))
    ticket = await h.desk.tickets.get("Q-000001")
    assert ticket is not None and ticket.department == "service_desk"
    assert h.fake.bot_messages(-1001000000001)[-1].text.startswith("Q-000001")


async def test_greeting_gets_the_menu(sqlite_harness: Harness) -> None:
    h = sqlite_harness
    await linked(h, CHAN, "陳太太", "+852 9123 4567", "zh-hk")
    await h.act(h.fake.send_text(CHAN, "你好"))
    assert [t for row in last(h, CHAN).buttons for t, _ in row] == ["報修", "我的賬單", "投訴", "我的工單"]
