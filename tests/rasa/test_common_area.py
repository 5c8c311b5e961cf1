"""A repair in a common area through the Rasa repair form: the chat's place inference and rules, no flat needed."""

from __future__ import annotations

import pytest

from bot.domain.residents import Language
from bot.i18n import Translator
from dialogs.labels import area_label
from tests.helpers import MR_LI, PETER
from tests.rasa.conftest import Conversation
from tests.rasa.test_action_server import fill_repair_form, identify, tickets_of

ZH = Translator(Language.ZH_HANT)
HANS = Translator(Language.ZH_HANS)
EN = Translator(Language.EN)


async def submitted(conversation: Conversation) -> list[object]:
    await conversation.run("action_estatedesk_submit_repair")
    return await tickets_of(conversation.server, int(conversation.slots["estatedesk_resident"]))


async def test_a_lobby_in_a_named_block_is_the_place_of_the_repair(conversation: Conversation) -> None:
    await identify(conversation)
    await fill_repair_form(conversation, "electrical", "3座大堂", "大堂啲燈閃下閃下")
    place = ZH("Common area: {where}", where=area_label(ZH, "lobby", "3"))
    assert conversation.slots["unit"] == place and conversation.messages == []
    [ticket] = await submitted(conversation)
    assert ticket.unit_id is None and ticket.place == place and ticket.building == "3"  # type: ignore[attr-defined]
    assert conversation.slots["estatedesk_place"] is None  # the next report starts afresh


async def test_a_car_park_without_a_block_keeps_the_residents_words(conversation: Conversation) -> None:
    await identify(conversation, PETER)
    await fill_repair_form(conversation, "doors", "the car park gate", "The car park gate does not open")
    where = f"{area_label(EN, 'car_park', None)} – the car park gate"
    [ticket] = await submitted(conversation)
    assert ticket.place == EN("Common area: {where}", where=where)  # type: ignore[attr-defined]
    assert ticket.unit_id is None and ticket.building == ""  # type: ignore[attr-defined]


async def test_a_block_without_a_unit_is_a_common_area_in_simplified_chinese(conversation: Conversation) -> None:
    await identify(conversation, MR_LI)
    await fill_repair_form(conversation, "electrical", "2栋停电", "2栋走廊没有电")
    [ticket] = await submitted(conversation)
    where = f"{HANS('Block {building}', building='2')} – 2栋停电"
    assert ticket.place == HANS("Common area: {where}", where=where)  # type: ignore[attr-defined]
    assert ticket.building == "2"  # type: ignore[attr-defined]


@pytest.mark.parametrize("words", ["我屋企廚房", "A-1203"])
async def test_the_residents_home_or_another_unit_is_no_common_area(conversation: Conversation, words: str) -> None:
    await identify(conversation)
    await fill_repair_form(conversation, "plumbing", words)
    assert conversation.slots["unit"] is None and conversation.slots["estatedesk_place"] is None
    assert words in conversation.said()  # "You mentioned …, which is not one of your registered units"


async def test_a_complaint_keeps_to_the_residents_units(conversation: Conversation) -> None:
    await identify(conversation)
    conversation.user("我要投訴", "file_complaint")
    conversation.active_loop = {"name": "complaint_form"}
    conversation.user("3座大堂", "inform")
    await conversation.run("validate_complaint_form", {"unit": "3座大堂"})
    assert conversation.slots["unit"] is None and conversation.slots["estatedesk_place"] is None


async def test_a_forged_place_slot_is_not_used_for_a_complaint_nor_without_validation(
    conversation: Conversation,
) -> None:
    await identify(conversation)
    conversation.slots.update(
        category="noise", unit="大堂", description="好嘈", estatedesk_draft="d1", estatedesk_place='{"place": "x"}'
    )
    status, body = await conversation.post(conversation.request("action_estatedesk_submit_complaint"))
    assert status == 400 and body["action_name"] == "action_estatedesk_submit_complaint"
    assert await tickets_of(conversation.server, int(conversation.slots["estatedesk_resident"])) == []
