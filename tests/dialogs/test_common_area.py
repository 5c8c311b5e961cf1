"""A report that names a common area or a building is not asked "my unit or common area?" and keeps its building."""

from __future__ import annotations

import pytest

from bot.domain.tickets import Ticket
from dialogs.engine import Engine, Outcome
from tests.helpers import MR_LI, MRS_CHAN, PETER, ChatDriver, texts

SUMMARY_TITLES = {"Your repair report", "您的報修", "您的报修"}


async def linked(engine: Engine, phone: str, language_code: str) -> ChatDriver:
    driver = ChatDriver(engine, user_id=5550200, language_code=language_code)
    await driver.command("start")
    await driver.contact(phone)
    return driver


async def to_summary(driver: ChatDriver, out: Outcome) -> list[str]:
    """Answer every question with its first button up to the summary; the buttons that were offered."""
    offered: list[str] = []
    for _ in range(10):
        question = driver.question()
        if question.title in SUMMARY_TITLES:
            return offered
        offered += driver.buttons()
        await driver.press(question.choices[0][0].value)
    raise AssertionError(f"no summary; last replies: {texts(out)}")


async def confirmed(engine: Engine, driver: ChatDriver) -> Ticket:
    await driver.press("confirm")
    ticket = await engine.services.tickets.get("R-000001")
    assert ticket is not None
    return ticket


async def test_the_lift_in_block_a_is_a_common_area_of_block_a(nlu_engine: Engine) -> None:
    peter = await linked(nlu_engine, PETER, "en")
    out = await peter.text("the lift in block A is stuck")
    offered = await to_summary(peter, out)
    assert not any(label.startswith("My unit") for label in offered)
    assert dict(peter.question().fields)["Place"] == "Common area: Block A Lift"
    ticket = await confirmed(nlu_engine, peter)
    assert (ticket.unit_id, ticket.building, ticket.category) == (None, "A", "elevator")


@pytest.mark.parametrize(
    ("phone", "language_code", "text", "my_unit", "block", "area"),
    [
        (MR_LI, "zh-cn", "2座的电梯坏了", "我的房屋", "2栋", "电梯"),  # Mr Li has two units, in blocks 1 and 2
        (MRS_CHAN, "zh-hk", "第二座大堂燈壞咗", "我的單位", "2座", "大堂"),
    ],
)
async def test_chinese_building_notations(
    nlu_engine: Engine, phone: str, language_code: str, text: str, my_unit: str, block: str, area: str
) -> None:
    driver = await linked(nlu_engine, phone, language_code)
    out = await driver.text(text)
    offered = await to_summary(driver, out)
    assert not any(label.startswith(my_unit) for label in offered)
    ticket = await confirmed(nlu_engine, driver)
    assert (ticket.unit_id, ticket.building) == (None, "2")
    assert block in ticket.place and area in ticket.place


async def test_a_building_without_a_unit_asks_where_in_it_not_my_unit(nlu_engine: Engine) -> None:
    peter = await linked(nlu_engine, PETER, "en")
    out = await peter.text("Block 3 has no power since this morning")
    assert "Where exactly in Block 3?" in texts(out)
    assert not out.replies[-1].choices
    await peter.text("12/F corridor")
    await to_summary(peter, out)
    assert dict(peter.question().fields)["Place"] == "Common area: Block 3 – 12/F corridor"
    ticket = await confirmed(nlu_engine, peter)
    assert (ticket.unit_id, ticket.building) == (None, "3")


async def test_a_common_area_without_a_building_asks_which_building(nlu_engine: Engine) -> None:
    peter = await linked(nlu_engine, PETER, "en")
    out = await peter.text("the refuse room door won't close")
    assert "Which building's Refuse room" in texts(out)
    await peter.text("Tower 2, ground floor")
    await to_summary(peter, out)
    ticket = await confirmed(nlu_engine, peter)
    assert (ticket.unit_id, ticket.building) == (None, "2")
    assert ticket.place == "Common area: Block 2 Refuse room – Tower 2, ground floor"


async def test_a_building_with_words_about_the_home_still_offers_the_unit(nlu_engine: Engine) -> None:
    chan = await linked(nlu_engine, MRS_CHAN, "zh-hk")
    await chan.text("3座 我家廚房漏水")
    assert "我的單位 3-502" in chan.buttons()
    await chan.press("我的單位 3-502")
    await to_summary(chan, Outcome(replies=[]))
    ticket = await confirmed(nlu_engine, chan)
    assert ticket.unit_id is not None and ticket.building == "3"


async def test_the_residents_own_buildings_are_offered_for_a_common_area(nlu_engine: Engine) -> None:
    li = await linked(nlu_engine, MR_LI, "zh-cn")  # units in blocks 1 and 2
    await li.text("电梯又坏了")
    assert li.buttons() == ["1栋电梯", "2栋电梯"]
    token = li.question().token
    assert token is not None
    out = await li.press_stale("building:7", token)  # no such button: asked again, nothing taken
    assert "是哪一栋的电梯" in texts(out)
    await li.press("2栋电梯")
    await to_summary(li, out)
    assert dict(li.question().fields)["地点"] == "公共区域：2栋电梯"
    ticket = await confirmed(nlu_engine, li)
    assert (ticket.unit_id, ticket.building) == (None, "2")
