"""Repair reports and complaints, from the first question to the stored ticket."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from bot.domain.tickets import TicketKind, TicketStatus, Urgency
from dialogs.engine import Engine
from dialogs.main import route
from integrations.rasa_nlu import RasaUnderstander
from integrations.sql.testing import scratch_sqlite
from integrations.state.memory import MemoryStateStore
from tests.helpers import MR_LI, MRS_CHAN, PETER, ChatDriver, Clock, load_demo_estate, make_services, texts


async def linked(driver: ChatDriver, phone: str) -> ChatDriver:
    await driver.command("start")
    await driver.contact(phone)
    return driver


async def test_repair_report_end_to_end(chan: ChatDriver, engine: Engine) -> None:
    await linked(chan, MRS_CHAN)
    await chan.press("menu:repair")
    assert "水喉 / 漏水" in chan.buttons()
    await chan.press("plumbing")
    assert chan.buttons() == ["我的單位 3-502", "公共地方"]
    await chan.press("我的單位 3-502")
    out = await chan.text("廚房 <b>水龍頭</b> 滴水")
    assert "相片" in texts(out)
    await chan.photo("photo-1")
    out = await chan.photo("photo-2", caption="滴了兩天")
    assert "2/5" in texts(out)
    await chan.press("done")
    await chan.press("normal")
    summary = chan.question()
    fields = dict(summary.fields)
    assert fields["類別"] == "水喉 / 漏水"
    assert fields["地點"] == "3-502"
    assert fields["描述"] == "廚房 <b>水龍頭</b> 滴水\n滴了兩天"
    assert fields["相片"] == "2"
    out = await chan.press("confirm")
    assert "R-000001" in texts(out)
    ticket = await engine.services.tickets.get("R-000001")
    assert ticket is not None
    assert ticket.kind is TicketKind.REPAIR and ticket.category == "plumbing"
    assert ticket.department == "engineering"
    assert ticket.attachments == ("photo-1", "photo-2")
    assert ticket.status is TicketStatus.NEW
    assert ticket.sla_due_at is not None  # plumbing/normal: 48 h
    assert [e.action for e in ticket.events] == ["created"]
    mine = await engine.services.tickets.list_for_resident(ticket.resident_id or 0)
    assert [t.number for t in mine] == ["R-000001"]


async def test_emergency_is_flagged_at_once_with_the_phone_number(peter: ChatDriver, engine: Engine) -> None:
    await linked(peter, PETER)
    await peter.press("menu:repair")
    await peter.press("plumbing")
    await peter.press("My unit A-1203")
    out = await peter.text("Water pouring from the ceiling into the living room!")
    assert "+852 2100 9999" in texts(out)
    await peter.press("skip")  # photos; the urgency question is not asked again
    assert dict(peter.question().fields)["Urgency"] == "Emergency"
    await peter.press("confirm")
    ticket = await engine.services.tickets.get("R-000001")
    assert ticket is not None and ticket.urgency is Urgency.EMERGENCY


async def test_common_area_repair_asks_where(peter: ChatDriver, engine: Engine) -> None:
    await linked(peter, PETER)
    await peter.press("menu:repair")
    await peter.press("common_area")
    out = await peter.text("Block A lobby, the main door")
    assert "describe the problem" in texts(out)
    await peter.text("Door closer broken, door slams")
    await peter.press("skip")
    await peter.press("urgent")
    assert dict(peter.question().fields)["Place"] == "Common area: Block A lobby, the main door"
    await peter.press("confirm")
    ticket = await engine.services.tickets.get("R-000001")
    assert ticket is not None and ticket.unit_id is None and ticket.department == "cleaning"


async def test_two_units_choose_one_and_edit_before_confirming(li: ChatDriver, engine: Engine) -> None:
    await linked(li, MR_LI)
    await li.press("menu:repair")
    await li.press("electrical")
    assert li.buttons() == ["我的房屋 1-1001", "我的房屋 2-301", "公共区域"]
    await li.press("我的房屋 2-301")
    await li.text("厨房插座没电")
    await li.press("skip")
    await li.press("normal")
    await li.press("edit")
    await li.press("edit:description")
    out = await li.text("厨房和客厅的插座都没电")
    assert dict(li.question().fields)["描述"] == "厨房和客厅的插座都没电"
    assert "确认" in li.buttons()
    await li.press("confirm")
    ticket = await engine.services.tickets.get("R-000001")
    assert ticket is not None and ticket.place == "2-301"
    assert out.replies


async def test_cancel_on_the_summary_stores_nothing(peter: ChatDriver, engine: Engine) -> None:
    await linked(peter, PETER)
    await peter.press("menu:complaint")
    await peter.press("noise")
    await peter.text("Drilling upstairs at 11pm every night")
    await peter.press("skip")
    out = await peter.press("cancel")
    assert "Nothing was sent" in texts(out)
    assert await engine.services.tickets.get("C-000001") is None


async def test_complaint_gets_its_own_numbering_and_department(peter: ChatDriver, engine: Engine) -> None:
    await linked(peter, PETER)
    await peter.press("menu:complaint")
    assert "Staff conduct" in peter.buttons()
    await peter.press("noise")
    await peter.text("Renovation noise from 13/F on Sunday morning")
    await peter.press("done")
    out = await peter.press("confirm")
    assert "C-000001" in texts(out)
    ticket = await engine.services.tickets.get("C-000001")
    assert ticket is not None and ticket.department == "security" and ticket.urgency is Urgency.NORMAL


async def test_stale_and_forged_buttons_are_refused_without_losing_the_form(peter: ChatDriver, engine: Engine) -> None:
    await linked(peter, PETER)
    await peter.press("menu:repair")
    old = peter.question()
    await peter.press("elevator")
    out = await peter.press_stale("plumbing", old.token)
    assert out.toast == "This button has expired."
    state = await engine.store.load(peter.chat)
    assert state is not None and state["form"]["category"] == "elevator"
    out = await peter.press_stale("anything", "forged")
    assert out.toast == "This button has expired."


async def test_free_text_outside_a_dialog_becomes_the_description(peter: ChatDriver) -> None:
    await linked(peter, PETER)
    out = await peter.text("The corridor light outside my door keeps flickering")
    assert "use what you wrote as the description" in texts(out)
    await peter.press("menu:repair")
    await peter.press("electrical")
    await peter.press("My unit A-1203")
    await peter.press("skip")
    await peter.press("normal")
    fields = dict(peter.question().fields)
    assert fields["Description"] == "The corridor light outside my door keeps flickering"


async def test_text_in_a_button_step_is_kept_and_stickers_are_answered(peter: ChatDriver) -> None:
    await linked(peter, PETER)
    await peter.press("menu:repair")
    await peter.press("doors")
    await peter.press("My unit A-1203")
    await peter.text("The lock is jammed")
    out = await peter.text("also the handle is loose")  # photo step: text goes to the description
    assert "added that to the description" in texts(out)
    out = await peter.sticker()
    assert "can't read that kind of message" in texts(out)
    await peter.press("skip")
    await peter.press("normal")
    assert dict(peter.question().fields)["Description"] == "The lock is jammed\nalso the handle is loose"


@pytest.mark.parametrize("count", [6])
async def test_at_most_five_photos(peter: ChatDriver, count: int) -> None:
    await linked(peter, PETER)
    await peter.press("menu:repair")
    await peter.press("doors")
    await peter.press("My unit A-1203")
    await peter.text("Gate does not close")
    for i in range(count):
        out = await peter.photo(f"p{i}")
    assert "How urgent" in texts(out)  # five photos end the photo step by themselves
    await peter.press("normal")
    assert dict(peter.question().fields)["Photos"] == "5"


async def test_a_very_long_description_is_kept_to_the_limit(peter: ChatDriver) -> None:
    await linked(peter, PETER)
    await peter.press("menu:complaint")
    await peter.press("other")
    out = await peter.text("x" * 4000)
    assert "first 2000 characters" in texts(out)


async def test_my_tickets_lists_open_tickets(peter: ChatDriver) -> None:
    await linked(peter, PETER)
    out = await peter.command("mytickets")
    assert "no open tickets" in texts(out)
    await peter.press("menu:complaint")
    await peter.press("parking")
    await peter.text("Car parked in my space B1-23")
    await peter.press("skip")
    await peter.press("confirm")
    out = await peter.command("mytickets")
    assert "C-000001" in texts(out) and "Parking" in texts(out) and "Received" in texts(out)


@pytest.mark.parametrize("stale", ["menu:repair", "plumbing"])
async def test_a_stale_button_pressed_again_and_again_repeats_the_question_once(
    stale: str, peter: ChatDriver, engine: Engine
) -> None:
    await linked(peter, PETER)
    menu = peter.question()
    await peter.press("menu:repair")
    categories = peter.question()
    await peter.press("elevator")
    old_token = menu.token if stale.startswith("menu:") else categories.token
    outcomes = [await peter.press_stale(stale, old_token) for _ in range(4)]
    # Every press is answered (a callback answer), but the current question is posted again only once:
    # repeated taps on an old button must not fill the chat with copies of it.
    assert all(out.toast for out in outcomes)
    asked = [reply for out in outcomes for reply in out.replies]
    assert [r.text for r in asked] == ["Where is it?"]  # the first stale press asks once more; no others
    state = await engine.store.load(peter.chat)
    assert state is not None and state["flow"] == "repair" and state["form"]["category"] == "elevator"
    # That question is answerable: the form goes on from where it was.
    place = next(c.value for row in asked[0].choices for c in row if "A-1203" in c.label)
    out = await peter.press_stale(place, asked[0].token)
    assert not out.toast and "describe" in texts(out).lower()


async def test_an_emergency_told_only_by_what_is_sensed_is_flagged_from_the_description(nlu_engine: Engine) -> None:
    # No keyword rule names this (no "gas", "leak", "fire"); the understander's learned score does.
    peter = await linked(ChatDriver(nlu_engine, user_id=5550002, language_code="en"), PETER)
    await peter.press("menu:repair")
    await peter.press("other")
    await peter.press("My unit A-1203")
    out = await peter.text("there is a loud hissing in the kitchen and a rotten egg smell")
    assert "+852 2100 9999" in texts(out)
    await peter.press("skip")
    assert dict(peter.question().fields)["Urgency"] == "Emergency"
    await peter.press("confirm")
    ticket = await nlu_engine.services.tickets.get("R-000001")
    assert ticket is not None and ticket.urgency is Urgency.EMERGENCY


async def test_an_understander_that_cannot_answer_leaves_the_rules_and_keeps_the_description(tmp_path: Path) -> None:
    with socket.socket() as s:  # a port nothing listens on: Rasa is down
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    async with (
        RasaUnderstander(f"http://127.0.0.1:{port}", timeout=2) as rasa,
        scratch_sqlite(tmp_path) as db,
    ):
        await load_demo_estate(db)
        store = MemoryStateStore()
        services, _ = make_services(db, store, Clock(), rasa)
        engine = Engine(services, store, route)
        peter = await linked(ChatDriver(engine, user_id=5550002, language_code="en"), PETER)
        await peter.press("menu:repair")
        await peter.press("other")
        await peter.press("My unit A-1203")
        description = "there is a loud hissing in the kitchen and a rotten egg smell"
        out = await peter.text(description)
        assert "+852 2100 9999" not in texts(out)  # the rules alone do not see this one
        await peter.press("skip")
        assert "Normal" in peter.buttons()  # so the urgency is asked
        await peter.press("urgent")
        await peter.press("confirm")
        ticket = await engine.services.tickets.get("R-000001")
        assert ticket is not None and ticket.description == description and ticket.urgency is Urgency.URGENT
