"""The business calendar: working hours in the estate's time zone, weekends and holidays skipped."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.config import Calendar, load_config
from bot.domain.calendar import BusinessCalendar
from bot.errors import ConfigError

HK = ZoneInfo("Asia/Hong_Kong")
CAL = BusinessCalendar(load_config(None).calendar)  # Mon–Sat 09:00–18:00, Christmas and New Year off


def hk(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=HK)


def as_hk(t: datetime) -> datetime:
    assert t.tzinfo is UTC  # the calendar answers in UTC
    return t.astimezone(HK)


def test_hours_inside_one_working_day() -> None:
    assert as_hk(CAL.add_working_hours(hk(2026, 11, 2, 10), 4)) == hk(2026, 11, 2, 14)  # a Monday


def test_a_full_day_ends_at_closing_not_at_the_next_opening() -> None:
    assert as_hk(CAL.add_working_hours(hk(2026, 11, 2, 9), 9)) == hk(2026, 11, 2, 18)


def test_hours_carry_over_to_the_next_working_day() -> None:
    assert as_hk(CAL.add_working_hours(hk(2026, 11, 2, 16), 4)) == hk(2026, 11, 3, 11)


def test_sunday_is_skipped() -> None:
    # Saturday is a working day in the demo estate; Sunday is not.
    assert as_hk(CAL.add_working_hours(hk(2026, 11, 7, 16), 4)) == hk(2026, 11, 9, 11)


def test_a_start_outside_working_time_begins_at_the_next_opening() -> None:
    assert as_hk(CAL.add_working_hours(hk(2026, 11, 8, 20), 1)) == hk(2026, 11, 9, 10)  # Sunday evening
    assert as_hk(CAL.add_working_hours(hk(2026, 11, 3, 7, 30), 0.5)) == hk(2026, 11, 3, 9, 30)  # before opening
    assert as_hk(CAL.add_working_hours(hk(2026, 11, 3, 22), 2)) == hk(2026, 11, 4, 11)  # after closing


def test_holidays_are_skipped() -> None:
    # Thursday 24 Dec 17:00: one hour that day, then Christmas (Fri) and Boxing Day (Sat), Sunday: Monday.
    assert as_hk(CAL.add_working_hours(hk(2026, 12, 24, 17), 2)) == hk(2026, 12, 28, 10)
    assert CAL.working_hours_between(hk(2026, 12, 24, 17), hk(2026, 12, 28, 10)) == pytest.approx(2)


def test_zero_hours_change_nothing() -> None:
    start = hk(2026, 11, 8, 20)
    assert CAL.add_working_hours(start, 0) == start


def test_working_hours_between_counts_only_working_time() -> None:
    friday_17, monday_10 = hk(2026, 11, 6, 17), hk(2026, 11, 9, 10)
    assert CAL.working_hours_between(friday_17, monday_10) == pytest.approx(1 + 9 + 1)
    assert CAL.working_hours_between(monday_10, friday_17) == pytest.approx(-11)
    assert CAL.working_hours_between(hk(2026, 11, 8, 1), hk(2026, 11, 8, 23)) == 0  # all Sunday


def test_naive_times_and_negative_hours_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        CAL.add_working_hours(datetime(2026, 11, 2, 10), 1)
    with pytest.raises(ValueError, match="negative"):
        CAL.add_working_hours(hk(2026, 11, 2, 10), -1)


def test_a_calendar_without_working_days_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        BusinessCalendar(Calendar("Asia/Hong_Kong", frozenset(), time(9), time(18), frozenset()))


def test_a_daylight_saving_change_counts_real_hours() -> None:
    # London springs forward at 01:00 on Sunday 29 March 2026: 00:30–03:30 local is two real hours.
    cal = BusinessCalendar(Calendar("Europe/London", frozenset(range(7)), time(0, 30), time(3, 30), frozenset()))
    day_start = datetime(2026, 3, 29, 0, 0, tzinfo=UTC)
    assert cal.working_hours_between(day_start, day_start + timedelta(hours=12)) == pytest.approx(2)
    assert cal.add_working_hours(day_start, 2) == datetime(2026, 3, 29, 2, 30, tzinfo=UTC)


def test_the_configured_calendar_is_read() -> None:
    cal = load_config(None).calendar
    assert cal.timezone == "Asia/Hong_Kong" and 6 not in cal.working_days and date(2026, 12, 25) in cal.holidays


# -- properties ------------------------------------------------------------------------------------

instants = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC))
hours = st.floats(min_value=0, max_value=200, allow_nan=False, allow_infinity=False)
SECOND = timedelta(seconds=1)


@settings(max_examples=200, deadline=None)
@given(instants, hours, hours)
def test_adding_more_hours_never_ends_earlier(start: datetime, a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert start <= CAL.add_working_hours(start, low) <= CAL.add_working_hours(start, high)


@settings(max_examples=200, deadline=None)
@given(instants, hours, hours)
def test_adding_is_additive(start: datetime, a: float, b: float) -> None:
    in_two_steps = CAL.add_working_hours(CAL.add_working_hours(start, a), b)
    assert abs(in_two_steps - CAL.add_working_hours(start, a + b)) <= SECOND


@settings(max_examples=200, deadline=None)
@given(instants, hours)
def test_hours_between_is_the_inverse_of_adding(start: datetime, h: float) -> None:
    end = CAL.add_working_hours(start, h)
    assert CAL.working_hours_between(start, end) == pytest.approx(h, abs=1 / 3600)


@settings(max_examples=200, deadline=None)
@given(instants, st.floats(min_value=0.01, max_value=200, allow_nan=False))
def test_a_deadline_falls_in_working_time(start: datetime, h: float) -> None:
    local = CAL.add_working_hours(start, h).astimezone(HK)
    assert CAL.is_working_day(local.date())
    assert time(9) < local.time() <= time(18) or local.time() == time(18)
