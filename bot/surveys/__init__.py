"""Follow-up surveys (回訪) and satisfaction questionnaires (入戶調查): the extension that wires them in.

Listed in ``bot.app.EXTENSIONS``; :func:`install` registers the resident buttons (``s:`` and ``q:``),
the comment flow and the two periodic jobs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.surveys.followup import FollowUps
from bot.surveys.questionnaires import QuestionnaireSender
from dialogs.engine import Turn
from dialogs.survey import COMMENT_FLOW, on_comment, on_questionnaire_button, on_survey_button
from integrations.sql.surveys import SqlSurveys

if TYPE_CHECKING:
    from bot.app import Estatedesk

QUESTIONNAIRE_EVERY_S = 5.0


def install(app: Estatedesk) -> None:
    surveys = SqlSurveys(app.db)
    followups = FollowUps(app.estate, surveys, app.tickets, app.registry, app.store, app.desk, app.clock)
    questionnaires = QuestionnaireSender(surveys, app.store, lambda: app.desk.sender, app.clock, budget=app.budget)
    services = app.services
    assert services is not None

    async def survey_button(turn: Turn) -> None:
        await on_survey_button(turn, followups)

    async def questionnaire_button(turn: Turn) -> None:
        await on_questionnaire_button(turn, followups)

    async def comment(turn: Turn) -> None:
        if not await on_comment(turn, followups):
            from dialogs.main import route  # the flow has ended: the message is handled as any other

            await route(turn)

    async def sweep() -> None:
        await followups.sweep()

    async def send_questionnaires() -> None:
        await questionnaires.send_pending()

    services.buttons["s"] = survey_button
    services.survey_actions = followups
    services.buttons["q"] = questionnaire_button
    services.flows[COMMENT_FLOW] = comment
    app.every("surveys", app.estate.surveys.sweep_seconds, sweep)
    app.every("questionnaires", QUESTIONNAIRE_EVERY_S, send_questionnaires)
