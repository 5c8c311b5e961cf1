"""Ticket news for a Rasa-originated ticket goes back into its Rasa conversation (a fake of Rasa's HTTP API)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot.domain.residents import Language
from bot.errors import BackendUnavailable
from bot.i18n import Translator
from dialogs.replies import Reply
from integrations.rasa.fake import FakeRasaApi
from integrations.rasa.news import RasaNews
from tests.rasa.conftest import Conversation, free_port
from tests.rasa.test_action_server import fill_repair_form, identify

ZH = Translator(Language.ZH_HANT)
NEWS = Reply("R-000001: work has started.")
RASA_TOKEN = "rasa-auth-token-for-tests"


@pytest.fixture
async def fake_rasa() -> AsyncIterator[tuple[FakeRasaApi, str]]:
    fake = FakeRasaApi(RASA_TOKEN)
    runner = web.AppRunner(fake.app())
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield fake, f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def rasa_ticket(conversation: Conversation) -> str:
    await identify(conversation)
    await fill_repair_form(conversation, "plumbing", "3-502", "廚房水喉漏水")
    await conversation.run("action_estatedesk_submit_repair")
    return str(conversation.slots["ticket_number"])


async def deliver(conversation: Conversation, fake: FakeRasaApi) -> None:
    """What Rasa does with a triggered intent: the rule runs the news action with the intent's entities."""
    sender_id, body = fake.triggered[-1]
    assert sender_id == conversation.sender_id
    entities = [{"entity": k, "value": v} for k, v in body["entities"].items()]
    conversation.user(f"/{body['name']}", body["name"], entities)
    await conversation.run("action_estatedesk_ticket_news")


async def test_claimed_need_info_and_resolved_reach_the_conversation(
    conversation: Conversation, fake_rasa: tuple[FakeRasaApi, str]
) -> None:
    fake, url = fake_rasa
    server = conversation.server
    assert server.news is not None and server.staff is not None
    rasa = RasaNews(url, RASA_TOKEN, delays=(0.01, 0.01))
    server.news.elsewhere["rasa"] = rasa.tell
    number = await rasa_ticket(conversation)
    ticket = await server.services.tickets.get(number)
    assert ticket is not None

    claimed, _feedback = await server.staff.act(ticket, 9101, "claim")
    assert claimed is not None
    _sender, body = fake.triggered[-1]
    assert body["name"] == "EXTERNAL_ticket_news" and body["output_channel"] == "latest"
    assert body["entities"]["ticket"] == number and body["entities"]["status"] == "assigned"
    await deliver(conversation, fake)
    assert ZH("{number}: a colleague is now handling your request.", number=number) in conversation.said()

    asked, _feedback = await server.staff.act(claimed, 9101, "info", text="Which tap is leaking?")
    assert asked is not None and fake.triggered[-1][1]["entities"]["status"] == "need_info"
    await deliver(conversation, fake)
    assert "Which tap is leaking?" in conversation.said()
    assert ZH("{number}: the desk asks", number=number) in conversation.said()
    # The resident's answer comes back through the answer action, into the ticket's log.
    conversation.user("廚房鋅盆下面嗰個", "answer")
    await conversation.run("action_estatedesk_answer")
    assert conversation.said() == ZH("Sent to the staff handling {number}.", number=number)
    answered = await server.services.tickets.get(number)
    assert answered is not None and answered.events[-1].action == "info_received"
    assert answered.events[-1].detail["text"] == "廚房鋅盆下面嗰個"

    # A staff member's reply reaches the conversation in their words.
    assert await server.staff.relay_to_resident(answered, 9101, "師傅下午三點到", ()) is True
    await deliver(conversation, fake)
    assert "師傅下午三點到" in conversation.said()

    answered = await server.services.tickets.get(number)
    assert answered is not None
    resolved, _feedback = await server.staff.act(answered, 9101, "resolve", text="換咗新水喉")
    assert resolved is not None and fake.triggered[-1][1]["entities"]["status"] == "resolved"
    await deliver(conversation, fake)
    assert ZH("{number} is resolved", number=number) in conversation.said() and "換咗新水喉" in conversation.said()
    assert len(fake.triggered) == 4 and fake.refused == 0
    await rasa.close()


async def test_news_is_retried_while_rasa_is_down_and_sent_once(
    conversation: Conversation, fake_rasa: tuple[FakeRasaApi, str]
) -> None:
    fake, url = fake_rasa
    number = await rasa_ticket(conversation)
    ticket = await conversation.server.services.tickets.get(number)
    assert ticket is not None
    rasa = RasaNews(url, RASA_TOKEN, delays=(0.01, 0.01, 0.01))
    fake.fail = 2
    assert await rasa.tell(ticket, NEWS) is True
    assert len(fake.triggered) == 1 and fake.fail == 0
    fake.fail = 10  # down for longer than the retries: the outage goes up, as a Telegram outage does
    with pytest.raises(BackendUnavailable):
        await rasa.tell(ticket, NEWS)
    assert len(fake.triggered) == 1
    await rasa.close()


async def test_a_wrong_token_is_refused_by_rasa_and_not_retried(
    conversation: Conversation, fake_rasa: tuple[FakeRasaApi, str]
) -> None:
    fake, url = fake_rasa
    number = await rasa_ticket(conversation)
    ticket = await conversation.server.services.tickets.get(number)
    assert ticket is not None
    for token in ("wrong", None):
        rasa = RasaNews(url, token, delays=(0.01,))
        assert await rasa.tell(ticket, NEWS) is False
        await rasa.close()
    assert fake.refused == 2 and fake.triggered == []


async def test_rasa_unreachable_is_an_outage(conversation: Conversation) -> None:
    number = await rasa_ticket(conversation)
    ticket = await conversation.server.services.tickets.get(number)
    assert ticket is not None
    rasa = RasaNews(f"http://127.0.0.1:{free_port()}", RASA_TOKEN, delays=(0.01,))
    with pytest.raises(BackendUnavailable):
        await asyncio.wait_for(rasa.tell(ticket, NEWS), 10)
    await rasa.close()


async def test_news_of_a_ticket_is_not_shown_in_another_residents_conversation(
    conversation: Conversation, fake_rasa: tuple[FakeRasaApi, str]
) -> None:
    number = await rasa_ticket(conversation)
    other = Conversation(conversation.server, conversation.session, sender_id="web-other")
    await identify(other, "+852 6123 0001")  # Peter, A-1203
    other.user("/EXTERNAL_ticket_news", "EXTERNAL_ticket_news", [{"entity": "ticket", "value": number}])
    await other.run("action_estatedesk_ticket_news")
    assert other.messages == []
