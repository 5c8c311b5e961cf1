"""Report figures match the hand-checked fixture (tests/reports/fixture.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from bot.reports.figures import GroupBy, GroupFigures, Period, WeekFigures
from integrations.sql.database import Database
from integrations.sql.reports import SqlReports
from tests.reports.fixture import HOUR, NOVEMBER, hk, load_fixture


def counts(g: GroupFigures) -> tuple[int, ...]:
    return (g.received, g.completed, g.on_time, g.reopened, g.surveyed, g.answered, g.satisfied, g.rating_sum)


async def test_november_by_department(sql_database: Database) -> None:
    await load_fixture(sql_database)
    report = await SqlReports(sql_database).report(NOVEMBER, GroupBy.DEPARTMENT)
    t = report.total
    # Received: T1-T9 and T13 = 10 (T10 is October's, T11 December's, T12 a merged duplicate).
    # Completed (first resolution before 1 Dec 00:00 HK): T1 T2 T5 T6 T7 T8 T9 = 7 → 70 %.
    # On time: T1 T5 T6 T8, and T9 with no deadline = 5 of 7 (T2 and T7 late).
    # Reopened: T2 T9 = 2 of 7. Surveyed: T1 T2 T5 T7 T8 T9 = 6 of 7.
    # Answered in November: T1=5 T2=2 T5=4 T9=5 (T8's 3 came on 1 Dec) → 4 answers, 3 satisfied, sum 16.
    assert counts(t) == (10, 7, 5, 2, 6, 4, 3, 16)
    assert t.completion_rate == pytest.approx(0.7)
    assert t.on_time_rate == pytest.approx(5 / 7)
    assert t.followup_rate == pytest.approx(6 / 7)
    assert t.satisfaction_rate == pytest.approx(0.75)
    assert t.average_rating == pytest.approx(4.0)
    assert t.reopen_rate == pytest.approx(2 / 7)
    # First responses (h): T9 1/6, T2 0.5, T8 0.5, T1 1, T5 1, T4 2, T7 2, T3 4, T6 24 → median 1 h.
    assert t.median_response_s == pytest.approx(1 * HOUR)
    # First resolutions (h): T9 1, T5 12, T1 24, T2 24, T6 24, T8 24, T7 48 → median 24 h.
    assert t.median_resolution_s == pytest.approx(24 * HOUR)
    assert report.duplicates == 1
    # Resolved events in November: T1, T2 twice, T5, T6, T7, T8, T9 twice, T10 = 10 (T4's is in December).
    assert report.resolved_in_period == 10
    assert report.complaints == {"noise": 2, "parking": 1}  # T5 T7 noise, T6 parking
    assert report.ratings == {1: 0, 2: 1, 3: 0, 4: 1, 5: 2}

    groups = {g.key: g for g in report.groups}
    assert [g.key for g in report.groups] == ["engineering", "service_desk", "security", "cleaning"]
    # engineering: T1 T2 T3 T4; completed T1 T2; on time T1; reopened T2; surveyed T1 T2; rated 5 and 2.
    assert counts(groups["engineering"]) == (4, 2, 1, 1, 2, 2, 1, 7)
    # responses 1, 0.5, 4, 2 → 1.5 h; resolutions 24, 24 → 24 h.
    assert groups["engineering"].median_response_s == pytest.approx(1.5 * HOUR)
    assert groups["engineering"].median_resolution_s == pytest.approx(24 * HOUR)
    # service_desk: T7 (transferred in), T9, T13; completed T7 T9; on time T9; reopened T9; surveyed both; T9 rated 5.
    assert counts(groups["service_desk"]) == (3, 2, 1, 1, 2, 1, 1, 5)
    # responses 2 h and 10 min → 65 min; resolutions 48 h and 1 h → 24.5 h.
    assert groups["service_desk"].median_response_s == pytest.approx(65 * 60)
    assert groups["service_desk"].median_resolution_s == pytest.approx(24.5 * HOUR)
    # security: T5 T6, both completed on time; T5 surveyed and rated 4.
    assert counts(groups["security"]) == (2, 2, 2, 0, 1, 1, 1, 4)
    assert groups["security"].median_response_s == pytest.approx(12.5 * HOUR)  # 1 h and 24 h
    assert groups["security"].median_resolution_s == pytest.approx(18 * HOUR)  # 12 h and 24 h
    # cleaning: T8, completed on time, surveyed, answered only in December.
    assert counts(groups["cleaning"]) == (1, 1, 1, 0, 1, 0, 0, 0)
    assert groups["cleaning"].satisfaction_rate is None and groups["cleaning"].average_rating is None

    # Weeks start on Monday (HK): 1 Nov is a Sunday, 30 Nov a Monday.
    assert report.weeks == [
        WeekFigures(date(2026, 10, 26), 1, 1),  # T9 received and resolved on 1 Nov
        WeekFigures(date(2026, 11, 2), 4, 4),  # T1 T2 T5 T7; resolved T1 T2 T5 and T7 (Sun 8 Nov)
        WeekFigures(date(2026, 11, 9), 2, 1),  # T3 T6; resolved T6
        WeekFigures(date(2026, 11, 16), 1, 1),  # T8
        WeekFigures(date(2026, 11, 23), 1, 0),  # T4
        WeekFigures(date(2026, 11, 30), 1, 0),  # T13
    ]


async def test_november_by_building_and_category(sql_database: Database) -> None:
    await load_fixture(sql_database)
    reports = SqlReports(sql_database)
    by_building = {g.key: (g.received, g.completed) for g in (await reports.report(NOVEMBER, "building")).groups}
    # 3: T1 T5 T8; A: T2 T9; 1: T3 T7; 2: T4 T13; no unit: T6.
    assert by_building == {"3": (3, 3), "A": (2, 2), "1": (2, 1), "2": (2, 0), "-": (1, 1)}
    by_category = {g.key: (g.received, g.completed) for g in (await reports.report(NOVEMBER, "category")).groups}
    assert by_category == {
        "repair/plumbing": (2, 1),  # T1, T4 (December)
        "complaint/noise": (2, 2),  # T5, T7
        "repair/electrical": (1, 1),
        "repair/elevator": (1, 0),
        "complaint/parking": (1, 1),
        "repair/common_area": (1, 1),
        "enquiry/general": (1, 1),
        "repair/other": (1, 0),
    }


async def test_a_past_period_does_not_change(sql_database: Database) -> None:
    """December's events (T4 resolved, T8 answered, T11 created) are already in the log; more come later."""
    await load_fixture(sql_database)
    reports = SqlReports(sql_database)
    before = await reports.report(NOVEMBER)
    from integrations.sql.tickets import SqlTicketBackend
    from tests.reports.fixture import staff

    tickets = SqlTicketBackend(sql_database)
    t3 = await tickets.get("R-000003")
    assert t3 is not None and t3.description == "T3"
    await tickets.append_event(t3.number, staff("resolved", hk(12, 5), note="late"))
    after = await reports.report(NOVEMBER)
    assert counts(after.total) == counts(before.total) == (10, 7, 5, 2, 6, 4, 3, 16)
    assert after.total.median_resolution_s == before.total.median_resolution_s
    december = await reports.report(Period.month_of(date(2026, 12, 1), "Asia/Hong_Kong"))
    assert december.total.received == 1  # T11
    assert december.resolved_in_period == 2  # T4 on 2 Dec, T3 on 5 Dec


async def test_an_empty_period(sql_database: Database) -> None:
    report = await SqlReports(sql_database).report(NOVEMBER)
    assert counts(report.total) == (0,) * 8
    assert report.total.completion_rate is None and report.total.median_response_s is None
    assert report.groups == [] and len(report.weeks) == 6
    assert report.notices.notices == 0 and report.notices.reach is None


async def test_common_area_reports_count_with_the_building_they_name(sql_database: Database) -> None:
    from bot.domain.tickets import NewTicket, TicketKind, Urgency
    from integrations.sql.tickets import SqlTicketBackend

    await load_fixture(sql_database)
    tickets = SqlTicketBackend(sql_database)
    for n, building in enumerate(["3", "3", "B"]):
        created = await tickets.create(
            NewTicket(
                idempotency_key=f"common-area:{n}",
                kind=TicketKind.REPAIR,
                category="elevator",
                urgency=Urgency.NORMAL,
                resident_id=None,
                unit_id=None,
                place=f"Common area: Block {building} lift",
                building=building,
                description="the lift is stuck",
                department="engineering",
                channel="telegram",
                sla_due_at=None,
                created_at=hk(11, 20),
            )
        )
        assert created.building == building
        stored = await tickets.get(created.number)
        assert stored is not None and stored.building == building
    by_building = {g.key: g.received for g in (await SqlReports(sql_database).report(NOVEMBER, "building")).groups}
    # The fixture's 3: T1 T5 T8 and two lifts in block 3; B: only the lift. No unit and no building: T6.
    assert by_building == {"3": 5, "A": 2, "1": 2, "2": 2, "B": 1, "-": 1}
