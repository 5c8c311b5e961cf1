"""Ticket news for a Rasa-originated ticket goes back into its Rasa conversation (a fake of Rasa's HTTP API)."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot.domain.residents import Language
from bot.domain.tickets import Ticket
from bot.i18n import Translator
from dialogs.replies import Reply
from integrations.deadletters import DeadReason
from integrations.rasa.fake import FakeRasaApi
from integrations.rasa.news import MAX_ATTEMPTS_FAILING, RasaApi, RasaNews, Sent
from integrations.sql.deadletters import SqlDeadLetters
from integrations.sql.rasa_news import SqlRasaNews
from tests.helpers import Clock
from tests.rasa.conftest import ActionServer, Conversation, example_intents, free_port
from tests.rasa.test_action_server import fill_repair_form, identify

ZH = Translator(Language.ZH_HANT)
NEWS = Reply("R-000001: work has started.")
RASA_TOKEN = "rasa-auth-token-for-tests"


@pytest.fixture
async def fake_rasa() -> AsyncIterator[tuple[FakeRasaApi, str]]:
    fake = FakeRasaApi(RASA_TOKEN, example_intents())
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


async def ticket_on_a_test_clock(conversation: Conversation) -> tuple[Clock, Ticket]:
    """The desk's test clock, and a ticket opened through the conversation."""
    clock = conversation.server.services.clock
    assert isinstance(clock, Clock)
    ticket = await conversation.server.services.tickets.get(await rasa_ticket(conversation))
    assert ticket is not None
    return clock, ticket


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
    rasa = queue(server, url)
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


def queue(server: ActionServer, url: str, token: str | None = RASA_TOKEN) -> RasaNews:
    """The desk's Rasa news as the composition root wires it: queued in the database, dead letters beside."""
    clock = server.services.clock
    return RasaNews(
        SqlRasaNews(server.db, clock=clock),
        RasaApi(url, token),
        dead_letters=SqlDeadLetters(server.db),
        clock=clock,
    )


async def start_fake(fake: FakeRasaApi, port: int) -> web.AppRunner:
    runner = web.AppRunner(fake.app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner


async def test_staff_act_while_rasa_is_down_and_the_news_arrive_once_in_order(conversation: Conversation) -> None:
    server = conversation.server
    assert server.news is not None and server.staff is not None
    clock = server.services.clock
    assert isinstance(clock, Clock)
    port = free_port()  # nothing listens there yet: Rasa is down
    rasa = queue(server, f"http://127.0.0.1:{port}")
    server.news.elsewhere["rasa"] = rasa.tell
    number = await rasa_ticket(conversation)
    ticket = await server.services.tickets.get(number)
    assert ticket is not None

    # Claim and resolve are answered as usual: the news waits in the database.
    claimed, feedback = await asyncio.wait_for(server.staff.act(ticket, 9101, "claim"), 10)
    assert claimed is not None and feedback.text == f"{number} is yours."
    resolved, feedback = await asyncio.wait_for(server.staff.act(claimed, 9101, "resolve", text="換咗新水喉"), 10)
    assert resolved is not None and resolved.status.value == "resolved"
    store = SqlRasaNews(server.db)
    assert await store.states(conversation.sender_id) == [(number, "pending", 1), (number, "pending", 0)]
    await rasa.close()

    # Rasa comes back, and the bot restarted meanwhile: a new worker's sweep sends what is queued.
    fake = FakeRasaApi(RASA_TOKEN, example_intents(), fail=1)  # its first answer: 503, still starting
    runner = await start_fake(fake, port)
    try:
        later = queue(server, f"http://127.0.0.1:{port}")
        assert await later.sweep() == 0  # not due yet: the back-off after the first failure
        clock.advance(seconds=3)
        assert await later.sweep() == 0 and fake.fail == 0 and fake.triggered == []
        assert await later.sweep() == 0  # backing off again after the 503
        clock.advance(seconds=6)
        # Two workers sweep at once: each news goes once, and in order.
        other = queue(server, f"http://127.0.0.1:{port}")
        assert sum(await asyncio.gather(later.sweep(), other.sweep())) == 2
        statuses = [body["entities"]["status"] for _sender, body in fake.triggered]
        assert statuses == ["assigned", "resolved"]
        assert {sender for sender, _body in fake.triggered} == {conversation.sender_id}
        clock.advance(minutes=10)
        assert await later.sweep() == 0 and len(fake.triggered) == 2
        assert await store.states(conversation.sender_id) == [(number, "sent", 3), (number, "sent", 1)]
        await deliver(conversation, fake)
        assert ZH("{number} is resolved", number=number) in conversation.said()
        await later.close()
        await other.close()
    finally:
        await runner.cleanup()


async def test_too_many_requests_is_retried_not_set_aside(
    conversation: Conversation, fake_rasa: tuple[FakeRasaApi, str]
) -> None:
    fake, url = fake_rasa
    clock, ticket = await ticket_on_a_test_clock(conversation)
    rasa = queue(conversation.server, url)
    fake.fail, fake.fail_status = 1, 429
    assert await rasa.tell(ticket, NEWS) is True
    assert fake.triggered == [] and await SqlDeadLetters(conversation.server.db).count() == 0
    clock.advance(seconds=3)
    assert await rasa.sweep() == 1 and len(fake.triggered) == 1
    await rasa.close()


async def test_news_rasa_fails_on_every_time_is_set_aside_after_bounded_tries_and_the_next_goes_on(
    conversation: Conversation, fake_rasa: tuple[FakeRasaApi, str]
) -> None:
    fake, url = fake_rasa
    clock, ticket = await ticket_on_a_test_clock(conversation)
    rasa = queue(conversation.server, url)
    fake.fail, fake.fail_status = MAX_ATTEMPTS_FAILING, 500
    assert await rasa.tell(ticket, NEWS) is True  # the first try fails
    assert await rasa.tell(ticket, Reply("R-000001: resolved")) is True  # queued behind it
    for _ in range(MAX_ATTEMPTS_FAILING - 2):
        assert await SqlDeadLetters(conversation.server.db).count() == 0  # still retried
        clock.advance(minutes=10)
        assert await rasa.sweep() == 0
    clock.advance(minutes=10)
    assert await rasa.sweep() == 1  # the last try sets it aside; the news behind it goes
    dead = await SqlDeadLetters(conversation.server.db).recent()
    assert len(dead) == 1 and dead[0].reason is DeadReason.REFUSED and "HTTP 500" in dead[0].error
    assert [body["entities"]["message"] for _sender, body in fake.triggered] == ["R-000001: resolved"]
    await rasa.close()


async def test_news_rasa_refuses_for_good_is_a_dead_letter_and_the_next_goes_on(
    conversation: Conversation, fake_rasa: tuple[FakeRasaApi, str]
) -> None:
    fake, url = fake_rasa
    clock, ticket = await ticket_on_a_test_clock(conversation)
    number = ticket.number
    wrong = queue(conversation.server, url, "wrong-token")
    assert await wrong.tell(ticket, NEWS) is True  # queued; Rasa answers 401
    assert fake.refused == 1 and fake.triggered == []
    dead = await SqlDeadLetters(conversation.server.db).recent()
    assert len(dead) == 1 and dead[0].reason is DeadReason.REFUSED and dead[0].update_id is None
    assert "HTTP 401" in dead[0].error
    payload = json.loads(dead[0].payload)
    assert payload["rasa_conversation"] == conversation.sender_id and payload["ticket"] == number
    assert payload["request"]["entities"]["message"] == "R-000001: work has started."
    clock.advance(hours=1)
    assert await wrong.sweep() == 0 and fake.refused == 1  # never tried again
    await wrong.close()

    right = queue(conversation.server, url)
    assert await right.tell(ticket, Reply("R-000001: resolved")) is True
    assert [body["entities"]["message"] for _sender, body in fake.triggered] == ["R-000001: resolved"]
    states = await SqlRasaNews(conversation.server.db).states(conversation.sender_id)
    assert [state for _number, state, _attempts in states] == ["dead", "sent"]
    await right.close()


async def test_a_ticket_naming_no_conversation_queues_nothing(
    conversation: Conversation, fake_rasa: tuple[FakeRasaApi, str]
) -> None:
    _fake, url = fake_rasa
    number = await rasa_ticket(conversation)
    ticket = await conversation.server.services.tickets.get(number)
    assert ticket is not None
    bare = dataclasses.replace(ticket, events=[e for e in ticket.events if e.action != "rasa_conversation"])
    rasa = queue(conversation.server, url)
    assert await rasa.tell(bare, NEWS) is False
    assert await SqlRasaNews(conversation.server.db).states(conversation.sender_id) == []
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


async def test_an_intent_the_domain_lacks_is_refused_for_good(fake_rasa: tuple[FakeRasaApi, str]) -> None:
    fake, url = fake_rasa
    api = RasaApi(url, RASA_TOKEN)
    try:
        outcome, detail = await api.trigger("someone", {"name": "EXTERNAL_not_in_the_domain", "entities": {}})
        assert outcome is Sent.NEVER and "HTTP 404" in detail
        assert fake.triggered == []
    finally:
        await api.close()
