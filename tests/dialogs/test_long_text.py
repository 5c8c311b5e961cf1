"""Text longer than a step keeps is cut, and the resident is told so at every step that cuts it."""

from __future__ import annotations

from bot.domain.text import MAX_DESCRIPTION, MAX_PLACE_DETAIL
from dialogs.engine import Engine
from tests.helpers import MR_LI, PETER, ChatDriver, texts

LONG_LEAK = "Water is leaking from the kitchen pipe under my sink. " * 80  # about 4300 characters
LONG_WORDS = "I would like to say something at length. " * 120  # no intent of its own


async def linked(engine: Engine, phone: str, language_code: str = "en") -> ChatDriver:
    driver = ChatDriver(engine, user_id=5550100, language_code=language_code)
    await driver.command("start")
    await driver.contact(phone)
    return driver


async def test_a_long_first_message_that_starts_a_report_is_announced_as_cut(nlu_engine: Engine) -> None:
    peter = await linked(nlu_engine, PETER)
    out = await peter.text(LONG_LEAK)
    assert f"first {MAX_DESCRIPTION} characters" in texts(out)
    while peter.question().title != "Your repair report":
        await peter.press(peter.question().choices[0][0].value)
    description = dict(peter.question().fields)["Description"]
    assert description == LONG_LEAK.strip()[:MAX_DESCRIPTION].rstrip()  # the summary shows all that is kept
    await peter.press("confirm")
    ticket = await nlu_engine.services.tickets.get("R-000001")
    assert ticket is not None and ticket.description == description


async def test_long_text_kept_for_a_later_form_is_announced_as_cut(nlu_engine: Engine) -> None:
    peter = await linked(nlu_engine, PETER)
    out = await peter.text(LONG_WORDS)
    assert f"first {MAX_DESCRIPTION} characters" in texts(out)


async def test_a_long_common_area_place_is_announced_as_cut(nlu_engine: Engine) -> None:
    peter = await linked(nlu_engine, PETER)
    await peter.press("menu:repair")
    await peter.press("common_area")
    place = "Block A lobby, by the main door, " * 20
    out = await peter.text(place)
    assert f"first {MAX_PLACE_DETAIL} characters" in texts(out)
    await peter.text("Door closer broken")
    await peter.press("skip")
    await peter.press("urgent")
    await peter.press("confirm")
    ticket = await nlu_engine.services.tickets.get("R-000001")
    assert ticket is not None
    assert ticket.place == "Common area: " + place[:MAX_PLACE_DETAIL].rstrip()


async def test_a_long_question_handed_to_the_desk_is_announced_as_cut(nlu_engine: Engine) -> None:
    peter = await linked(nlu_engine, PETER)
    question = "When is the clubhouse open on public holidays? " * 60
    out = await peter.text(question)
    assert f"first {MAX_DESCRIPTION} characters" in texts(out)
    assert "passed your question" in texts(out)
    resident = await nlu_engine.services.registry.by_phone(PETER)
    assert resident is not None
    enquiries = await nlu_engine.services.tickets.list_for_resident(resident.id)
    assert [len(t.description) <= MAX_DESCRIPTION for t in enquiries] == [True]


async def test_the_notice_is_in_the_residents_language(nlu_engine: Engine) -> None:
    li = await linked(nlu_engine, MR_LI, "zh-cn")
    out = await li.text("厨房水管漏水。" * 400)
    assert str(MAX_DESCRIPTION) in texts(out) and "characters" not in texts(out)
