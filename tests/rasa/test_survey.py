"""The follow-up survey of a Rasa-originated ticket: asked in its Rasa conversation, answered through the actions."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.domain.residents import Language
from bot.domain.surveys import SurveyEvent, SurveyStatus
from bot.domain.tickets import TicketStatus
from bot.i18n import Translator
from integrations.rasa.actions import read_score
from integrations.rasa.fake import FakeRasaApi
from integrations.rasa.news import RasaNews
from integrations.sql.surveys import SqlSurveys
from tests.helpers import Clock
from tests.rasa.conftest import Conversation
from tests.rasa.test_action_server import identify
from tests.rasa.test_ticket_news import fake_rasa, queue, rasa_ticket

__all__ = ["fake_rasa"]  # the fixture, used here by name

ZH = Translator(Language.ZH_HANT)


@pytest.fixture
async def surveyed(conversation: Conversation, fake_rasa: tuple[FakeRasaApi, str]) -> AsyncIterator[tuple[str, int]]:
    """A Rasa ticket, resolved a day ago: the survey sweep asks about it in the conversation."""
    fake, url = fake_rasa
    server = conversation.server
    assert server.news is not None and server.staff is not None and server.followups is not None
    rasa: RasaNews = queue(server, url)
    server.news.elsewhere["rasa"] = rasa.tell
    server.news.surveys_elsewhere["rasa"] = rasa.ask_survey
    number = await rasa_ticket(conversation)
    ticket = await server.services.tickets.get(number)
    assert ticket is not None
    claimed, _feedback = await server.staff.act(ticket, 9101, "claim")
    assert claimed is not None
    resolved, _feedback = await server.staff.act(claimed, 9101, "resolve", text="換咗新水喉")
    assert resolved is not None
    clock = server.services.clock
    assert isinstance(clock, Clock)
    clock.advance(hours=25)
    assert (await server.followups.sweep())["sent"] == 1

    sender_id, body = fake.triggered[-1]
    assert sender_id == conversation.sender_id and body["name"] == "EXTERNAL_survey"
    survey = await SqlSurveys(server.db).for_ticket(resolved.id)
    assert survey is not None and survey.status is SurveyStatus.SENT
    assert body["entities"]["ticket"] == number and body["entities"]["survey"] == str(survey.id)
    question = ZH(
        "Your request {number} was marked as done. How did we handle it? Please rate from 1 (poor) to 5 (excellent).",
        number=number,
    )
    assert question in body["entities"]["message"]
    # What Rasa does with it: the rule runs action_estatedesk_survey, then the survey form asks.
    entities = [{"entity": k, "value": v} for k, v in body["entities"].items()]
    conversation.user("/EXTERNAL_survey", "EXTERNAL_survey", entities)
    await conversation.run("action_estatedesk_survey")
    assert conversation.slots["estatedesk_survey"] == str(survey.id) and conversation.messages == []
    conversation.active_loop = {"name": "survey_form"}
    conversation.events.append({"event": "active_loop", "name": "survey_form"})
    await conversation.run("action_ask_survey_score")
    assert question in conversation.said()
    payloads = [b["payload"] for b in conversation.messages[0]["buttons"]]
    assert payloads == [f'/survey_answer{{"survey_score":"{v}"}}' for v in ("1", "2", "3", "4", "5", "nf")]
    try:
        yield number, survey.id
    finally:
        await rasa.close()


async def test_a_survey_is_answered_with_a_score_and_a_comment_once(
    conversation: Conversation, surveyed: tuple[str, int]
) -> None:
    number, survey_id = surveyed
    server = conversation.server
    conversation.user('/survey_answer{"survey_score":"4"}', "survey_answer", [{"entity": "survey_score", "value": "4"}])
    await conversation.run("validate_survey_form", {"survey_score": "4"})
    assert conversation.said() == ZH("Thank you for your rating.")
    answered = await SqlSurveys(server.db).get(survey_id)
    assert answered is not None and answered.rating == 4 and answered.answered_at is not None  # kept at once

    await conversation.run("action_ask_survey_comment")
    assert conversation.said() == ZH("Anything you would like to add? Type a comment, or press Skip.")
    conversation.user("師傅好準時", "inform")
    await conversation.run("validate_survey_form", {"survey_comment": "師傅好準時"})
    conversation.active_loop = {}
    await conversation.run("action_estatedesk_survey_answer")
    assert conversation.said() == ZH("Thank you, your comment has been passed on.")
    assert all(conversation.slots[s] is None for s in ("estatedesk_survey", "survey_score", "survey_comment"))

    # Rasa retries the action (its answer was lost): nothing is kept or logged twice.
    conversation.slots.update(estatedesk_survey=str(survey_id), survey_score="4", survey_comment="師傅好準時")
    await conversation.run("action_estatedesk_survey_answer")
    kept = await SqlSurveys(server.db).get(survey_id)
    assert kept is not None and kept.rating == 4 and kept.comment == "師傅好準時"
    ticket = await server.services.tickets.get(number)
    assert ticket is not None and ticket.status is TicketStatus.RESOLVED
    logged = [e.action for e in ticket.events]
    assert logged.count(SurveyEvent.ANSWERED.value) == 1 and logged.count(SurveyEvent.COMMENT.value) == 1


async def test_not_fixed_typed_in_words_reopens_the_ticket(
    conversation: Conversation, surveyed: tuple[str, int]
) -> None:
    number, survey_id = surveyed
    conversation.user("仲未修好", "inform")
    await conversation.run("validate_survey_form", {"survey_score": "仲未修好"})
    assert conversation.said() == ZH("We are sorry. We have reopened the matter and staff will contact you.")
    assert conversation.slots["survey_score"] == "nf"
    ticket = await conversation.server.services.tickets.get(number)
    assert ticket is not None and ticket.is_open and ticket.events[-1].action == "reopened"
    conversation.user('/survey_answer{"survey_comment":"skip"}', "survey_answer")
    await conversation.run("validate_survey_form", {"survey_comment": '/survey_answer{"survey_comment":"skip"}'})
    await conversation.run("action_estatedesk_survey_answer")
    assert conversation.said() == ZH("Thank you for your feedback.")
    kept = await SqlSurveys(conversation.server.db).get(survey_id)
    assert kept is not None and kept.not_fixed and kept.comment is None


async def test_an_answer_that_is_no_score_is_asked_again(conversation: Conversation, surveyed: tuple[str, int]) -> None:
    _number, survey_id = surveyed
    conversation.user("maybe", "inform")
    result = await conversation.run("validate_survey_form", {"survey_score": "maybe"})
    assert conversation.slots["survey_score"] is None and conversation.messages == []
    assert {"event": "slot", "name": "survey_score", "value": None} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in result["events"]
    ]
    survey = await SqlSurveys(conversation.server.db).get(survey_id)
    assert survey is not None and survey.answered_at is None


async def test_another_residents_conversation_cannot_take_the_survey(
    conversation: Conversation, surveyed: tuple[str, int]
) -> None:
    number, survey_id = surveyed
    other = Conversation(conversation.server, conversation.session, sender_id="web-other")
    await identify(other, "+852 6123 0001")  # Peter, A-1203
    entities = [{"entity": "ticket", "value": number}, {"entity": "survey", "value": str(survey_id)}]
    other.user("/EXTERNAL_survey", "EXTERNAL_survey", entities)
    await other.run("action_estatedesk_survey")
    assert other.slots["estatedesk_survey"] is None and other.messages == []
    # Even with the slot forged, the desk's survey code refuses another resident's survey.
    other.slots["estatedesk_survey"] = str(survey_id)
    other.active_loop = {"name": "survey_form"}
    other.user("5", "inform")
    await other.run("validate_survey_form", {"survey_score": "5"})
    theirs = Translator(Language.from_code(other.slots["language"], Language.EN))
    assert other.said() == theirs("This survey is not available any more.")
    survey = await SqlSurveys(conversation.server.db).get(survey_id)
    assert survey is not None and survey.answered_at is None


@pytest.mark.parametrize(
    ("typed", "score"),
    [
        ("4", "4"),
        ("5⭐", "5"),
        ("５", "5"),
        ("I'd give it 3", "3"),
        ('/survey_answer{"survey_score":"2"}', "2"),
        ("nf", "nf"),
        ("Not fixed", "nf"),
        ("仲未修好", "nf"),
        ("没修好", "nf"),
        ("6", None),
        ("10", None),
        ("", None),
    ],
)
def test_read_score(typed: str, score: str | None) -> None:
    assert read_score(typed) == score
