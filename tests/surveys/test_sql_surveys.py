"""The survey store on SQLite and PostgreSQL: one survey per ticket, first answer wins, per-question results."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.domain.surveys import Question, Questionnaire, SurveyStatus, parse_audience
from bot.domain.tickets import NewTicket, TicketEvent, TicketKind, Urgency
from integrations.sql.database import Database
from integrations.sql.surveys import SqlSurveys
from integrations.sql.tickets import SqlTicketBackend
from tests.helpers import load_demo_estate

NOW = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)


async def resolved_ticket(db: Database, resident_id: int, key: str, at: datetime) -> int:
    tickets = SqlTicketBackend(db)
    ticket = await tickets.create(
        NewTicket(
            key,
            TicketKind.REPAIR,
            "plumbing",
            Urgency.NORMAL,
            resident_id,
            None,
            "3-502",
            "leak",
            "engineering",
            "telegram",
            None,
            at - timedelta(hours=2),
        )
    )
    await tickets.append_event(ticket.number, TicketEvent(at, "staff:1", "resolved", {"note": "done"}))
    return ticket.id


async def test_each_resolved_ticket_gets_one_survey_even_when_workers_race(sql_database: Database) -> None:
    registry = await load_demo_estate(sql_database)
    chan = await registry.by_phone("+85291234567")
    assert chan is not None
    surveys = SqlSurveys(sql_database)
    ticket_id = await resolved_ticket(sql_database, chan.id, "k1", NOW)
    await resolved_ticket(sql_database, chan.id, "k-old", NOW - timedelta(days=30))  # too old to ask about
    window = {"resolved_before": NOW + timedelta(hours=1), "resolved_after": NOW - timedelta(days=14), "due_at": NOW}
    await asyncio.gather(*(surveys.schedule(**window) for _ in range(4)))
    pending = await surveys.with_status(SurveyStatus.PENDING, before=NOW)
    assert [s.ticket_id for s in pending] == [ticket_id]
    survey = pending[0]
    moved = await asyncio.gather(
        *(surveys.move(survey.id, SurveyStatus.PENDING, SurveyStatus.SENT, NOW) for _ in range(3))
    )
    assert sorted(moved) == [False, False, True]

    answers = await asyncio.gather(surveys.answer(survey.id, 5, False, NOW), surveys.answer(survey.id, 1, False, NOW))
    assert sorted(answers) == [False, True]
    assert await surveys.comment(survey.id, "good") and not await surveys.comment(survey.id, "again")
    stored = await surveys.get(survey.id)
    assert stored is not None and stored.status is SurveyStatus.ANSWERED and stored.comment == "good"
    assert not await surveys.move(survey.id, SurveyStatus.SENT, SurveyStatus.REMINDED, NOW)  # answered: no reminder


async def test_questionnaire_audience_and_results(sql_database: Database) -> None:
    registry = await load_demo_estate(sql_database)
    for i, phone in enumerate(("+85291234567", "+85261230001", "+85251230002")):
        resident = await registry.by_phone(phone)
        assert resident is not None
        await registry.link_telegram(resident.id, 5000 + i)
    surveys = SqlSurveys(sql_database)
    qid = await surveys.create_questionnaire(
        Questionnaire(
            {"en": "Q"},
            (Question("rating", {"en": "Clean?"}), Question("choice", {"en": "Best?"}, ({"en": "a"}, {"en": "b"}))),
        ),
        NOW,
    )
    assert {c for _, c, _ in await surveys.audience(parse_audience("building:1"))} == {5002}
    assert {c for _, c, _ in await surveys.audience(parse_audience("tenants"))} == {5002}
    assert {c for _, c, _ in await surveys.audience(parse_audience("unit:A-1203"))} == {5001}
    everyone = await surveys.audience(parse_audience("all"))
    assert await surveys.add_recipients(qid, everyone) == 3
    recipients = await surveys.pending_recipients()
    assert len(recipients) == 3
    for r, rating in zip(recipients, ("5", "4", "4"), strict=True):
        assert await surveys.record_answer(r, 0, rating, NOW)
        assert not await surveys.record_answer(r, 0, "1", NOW)
    await surveys.record_answer(recipients[0], 1, "1", NOW)
    results = await surveys.results(qid)
    assert results[0].counts["4"] == 2 and results[0].answers == 3 and round(results[0].average or 0, 2) == 4.33
    assert results[1].counts == {"0": 0, "1": 1}
