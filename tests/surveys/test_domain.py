"""Survey rules and button data: what a low score sets off, what a forged button looks like."""

from __future__ import annotations

import pytest

from bot.domain.callback_data import parse_questionnaire as parse_questionnaire_data
from bot.domain.callback_data import parse_survey as parse_survey_data
from bot.domain.callback_data import questionnaire_data, survey_data
from bot.domain.surveys import Audience, Question, SurveySettings, needs_action, parse_audience


def test_button_data_round_trips_and_stays_short() -> None:
    assert parse_survey_data(survey_data(123456789012, 5)) == (123456789012, "5")
    assert parse_survey_data(survey_data(7, "nf")) == (7, "nf")
    assert parse_questionnaire_data(questionnaire_data(99, 3, "2")) == (99, 3, "2")
    assert len(survey_data(10**18, "skip").encode()) <= 64


@pytest.mark.parametrize("data", ["s:1:6", "s:1:0", "s:x:5", "s:1", "s:1:5:9", "t:1:5", "", "s::5", "s:1:nope"])
def test_forged_or_malformed_survey_data_is_refused(data: str) -> None:
    assert parse_survey_data(data) is None


def test_low_scores_and_not_fixed() -> None:
    reopen = SurveySettings()
    escalate = SurveySettings(on_low_score="escalate", low_score=3)
    assert needs_action(2, False, reopen) == "reopen"
    assert needs_action(3, False, reopen) is None
    assert needs_action(3, False, escalate) == "escalate"
    assert needs_action(None, True, escalate) == "reopen"  # "not fixed" always reopens
    assert needs_action(5, False, escalate) is None


def test_audiences() -> None:
    assert parse_audience("all").everyone
    assert parse_audience("building:3") == Audience(buildings=("3",))
    assert parse_audience("building:3|5, owners") == Audience(buildings=("3", "5"), role="owner")
    assert parse_audience("unit:3-502") == Audience(units=(("3", "502"),))
    with pytest.raises(ValueError, match="unknown audience"):
        parse_audience("floor:3")


def test_question_shapes() -> None:
    assert Question("rating", {"en": "How?"}).values == ("1", "2", "3", "4", "5")
    assert Question("choice", {"en": "Which?"}, ({"en": "a"}, {"en": "b"})).values == ("0", "1")
    with pytest.raises(ValueError):
        Question("choice", {"en": "Which?"}, ({"en": "only one"},))
