"""The resident's side of follow-up surveys and questionnaires: rate 1-5 or "not fixed", comment, answer questions.

Channel-neutral like the other dialogs: buttons carry long-lived data (``s:<survey>:<value>``,
``q:<recipient>:<question>:<value>``) that names the survey itself, so they work for weeks and
across restarts. See ``survey.mmd`` for the flow.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from typing import Protocol

from bot.domain.callback_data import parse_questionnaire, parse_survey, questionnaire_data, survey_data
from bot.domain.surveys import NOT_FIXED, RATINGS, SKIP, Questionnaire, pick_text
from bot.domain.text import clean_text
from bot.i18n import Translator
from dialogs.engine import Turn
from dialogs.events import EventKind
from dialogs.replies import Choice, Reply

COMMENT_FLOW = "survey_comment"
MAX_COMMENT = 1000


class SurveyActions(Protocol):
    """What the desk does with answers (bot/surveys implements it). Outcomes are short codes."""

    async def rate(self, survey_id: int, resident_id: int, rating: int | None, not_fixed: bool) -> str:
        """ "recorded", "reopened", "escalated", "answered_before" or "not_found"."""
        ...

    async def comment(self, survey_id: int, resident_id: int, text: str) -> bool: ...

    async def questionnaire_for(self, recipient_id: int, resident_id: int) -> Questionnaire | None:
        """The questionnaire this recipient row belongs to, if it is this resident's."""
        ...

    async def record_answer(self, recipient_id: int, position: int, value: str) -> tuple[bool, set[int]]:
        """(first answer to this question?, positions answered so far)."""
        ...


# -- what the resident is sent -------------------------------------------------------------------


def survey_reply(_: Translator, survey_id: int, number: str, *, reminder: bool = False) -> Reply:
    """The follow-up question with 1-5 buttons and "Not fixed"."""
    text = _(
        "Your request {number} was marked as done. How did we handle it? Please rate from 1 (poor) to 5 (excellent).",
        number=number,
    )
    if reminder:
        text = _("A reminder: we would value your opinion.") + "\n" + text
    ratings = tuple(Choice(survey_data(survey_id, r), f"{r}⭐") for r in RATINGS)
    return Reply(
        text=text,
        title=_("Follow-up"),
        choices=(ratings, (Choice(survey_data(survey_id, NOT_FIXED), _("Not fixed")),)),
    )


@cache
def _to_simplified() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def localised(texts: dict[str, str], language: str) -> str:
    """A manager-written text in the resident's language; Simplified is converted from Traditional if missing."""
    if language == "zh-Hans" and not texts.get("zh-Hans") and texts.get("zh-Hant"):
        return str(_to_simplified().convert(texts["zh-Hant"]))  # type: ignore[attr-defined]
    return pick_text(texts, language)


def question_reply(_: Translator, questionnaire: Questionnaire, recipient_id: int, position: int) -> Reply:
    """Question ``position`` of the questionnaire with its answer buttons."""
    lang = _.language.value
    question = questionnaire.questions[position]
    if question.kind == "rating":
        rows: tuple[tuple[Choice, ...], ...] = (
            tuple(Choice(questionnaire_data(recipient_id, position, str(r)), str(r)) for r in RATINGS),
        )
        hint = _("1 = very poor, 5 = excellent")
        text = f"{localised(question.text, lang)}\n{hint}"
    else:
        rows = tuple(
            (Choice(questionnaire_data(recipient_id, position, str(i)), localised(option, lang)[:64]),)
            for i, option in enumerate(question.options)
        )
        text = localised(question.text, lang)
    total = len(questionnaire.questions)
    return Reply(
        text=text,
        title=f"{localised(questionnaire.title, lang)} ({position + 1}/{total})",
        choices=rows,
    )


def questionnaire_intro(_: Translator, questionnaire: Questionnaire, recipient_id: int) -> Reply:
    """The first message of a questionnaire: a line of introduction and its first question."""
    first = question_reply(_, questionnaire, recipient_id, 0)
    intro = _("We would like your opinion on our service: {count} short questions.", count=len(questionnaire.questions))
    return Reply(text=f"{intro}\n\n{first.text}", title=first.title, choices=first.choices)


# -- what the resident presses or types ----------------------------------------------------------


async def on_survey_button(turn: Turn, actions: SurveyActions) -> None:
    """A press of ``s:<survey>:<1-5|nf|skip>``."""
    _ = turn._
    parsed = parse_survey(turn.event.choice)
    if parsed is None or turn.resident is None:
        turn.notify(_("This button has expired."))
        return
    survey_id, value = parsed
    if value == SKIP:
        if turn.flow == COMMENT_FLOW and turn.form.get("survey") == survey_id:
            turn.end_flow()
        turn.say(_("Thank you for your feedback."))
        return
    rating = None if value == NOT_FIXED else int(value)
    outcome = await actions.rate(survey_id, turn.resident.id, rating, value == NOT_FIXED)
    if outcome == "not_found":
        turn.notify(_("This survey is not available any more."), alert=True)
        return
    if outcome == "answered_before":
        turn.notify(_("You have already answered. Thank you!"))
        return
    turn.say(rating_outcome(_, outcome))
    if turn.flow:
        return  # the resident is in the middle of a form: do not take their next words as a comment
    until = turn.now + timedelta(minutes=turn.services.estate.surveys.comment_minutes)
    turn.start_flow(COMMENT_FLOW, "comment", {"survey": survey_id, "until": until.isoformat()})
    turn.say(
        _("Anything you would like to add? Type a comment, or press Skip."),
        choices=((Choice(survey_data(survey_id, SKIP), _("Skip")),),),
    )


def rating_outcome(_: Translator, outcome: str) -> str:
    """What the resident is told once their rating is kept (an outcome of :meth:`SurveyActions.rate`)."""
    if outcome == "reopened":
        return _("We are sorry. We have reopened the matter and staff will contact you.")
    if outcome == "escalated":
        return _("We are sorry. A manager will look into how this was handled.")
    return _("Thank you for your rating.")


async def on_comment(turn: Turn, actions: SurveyActions) -> bool:
    """The turn while a comment is awaited. False when it is not a comment (the caller routes it as usual)."""
    ev = turn.event
    survey_id = turn.form.get("survey")
    until = turn.form.get("until")
    expired = until is None or turn.now > datetime.fromisoformat(until)
    if expired or ev.kind is not EventKind.TEXT or not isinstance(survey_id, int) or turn.resident is None:
        turn.end_flow()
        return False
    text = turn.keep_within(clean_text(ev.text), MAX_COMMENT)
    turn.end_flow()
    if not text:
        return False
    await actions.comment(survey_id, turn.resident.id, text)
    turn.say(turn._("Thank you, your comment has been passed on."))
    return True


async def on_questionnaire_button(turn: Turn, actions: SurveyActions) -> None:
    """A press of ``q:<recipient>:<question>:<value>``: keep the answer, ask the next unanswered question."""
    _ = turn._
    parsed = parse_questionnaire(turn.event.choice)
    questionnaire = None
    if parsed is not None and turn.resident is not None:
        questionnaire = await actions.questionnaire_for(parsed[0], turn.resident.id)
    if parsed is None or questionnaire is None:
        turn.notify(_("This button has expired."))
        return
    recipient_id, position, value = parsed
    if position >= len(questionnaire.questions) or value not in questionnaire.questions[position].values:
        turn.notify(_("This button has expired."))
        return
    first, answered = await actions.record_answer(recipient_id, position, value)
    if not first:
        turn.notify(_("You have already answered this question."))
        return
    remaining = [i for i in range(len(questionnaire.questions)) if i not in answered]
    if remaining:
        turn.replies.append(question_reply(_, questionnaire, recipient_id, remaining[0]))
    else:
        turn.say(_("Thank you! Your answers help us improve our service."))
