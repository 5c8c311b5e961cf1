"""The composition root wires the Rasa news queue: its sweep among the desk's jobs, news and surveys routed to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.demo.harness import running
from bot.surveys.followup import FollowUps
from integrations.rasa.fake import FakeRasaApi
from integrations.sql.rasa_news import SqlRasaNews
from integrations.sql.testing import scratch_sqlite
from tests.helpers import Clock
from tests.rasa.test_ticket_news import RASA_TOKEN, fake_rasa

__all__ = ["fake_rasa"]  # the fixture, used here by name


async def test_build_wires_the_rasa_news_queue_and_its_sweep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_rasa: tuple[FakeRasaApi, str]
) -> None:
    fake, url = fake_rasa
    monkeypatch.setenv("ESTATEDESK_RASA_API_URL", url)
    monkeypatch.setenv("ESTATEDESK_RASA_API_TOKEN", RASA_TOKEN)
    clock = Clock()
    async with scratch_sqlite(tmp_path) as db, running(database=db, clock=clock, nlu="menu", outbound=False) as h:
        app = h.desk
        assert app.rasa_news is not None and app.desk.news is not None and app.services is not None
        assert app.desk.news.elsewhere["rasa"] == app.rasa_news.tell
        assert app.desk.news.surveys_elsewhere["rasa"] == app.rasa_news.ask_survey
        assert isinstance(app.services.survey_actions, FollowUps)
        # A request queued while Rasa was away (by another worker, before a restart) goes out with the sweep.
        body = {"name": "EXTERNAL_ticket_news", "entities": {"ticket": "R-000009"}, "output_channel": "latest"}
        await SqlRasaNews(db, clock=clock).add("web-1", "R-000009", body)
        job = next(job for name, _seconds, job in app.jobs if name == "rasa news")
        await job()
        assert fake.triggered == [("web-1", body)]
