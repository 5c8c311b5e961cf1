"""The estate's business calendar: how much working time lies between two instants, and where N working hours end.

Pure arithmetic on aware datetimes; SLA clocks (:mod:`bot.sla`) count in it, emergencies excepted.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.errors import ConfigError

if TYPE_CHECKING:
    from bot.config import Calendar

# A calendar with a year of holidays ahead still reaches a working day long before this.
_MAX_DAYS = 3660


class BusinessCalendar:
    """Working time in the estate's time zone: working days that are not holidays, from opening to closing."""

    def __init__(self, cal: Calendar) -> None:
        if not cal.working_days:
            raise ConfigError("calendar: at least one working day is needed")
        self.cal = cal
        self.zone = ZoneInfo(cal.timezone)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.cal.working_days and day not in self.cal.holidays

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """The instant at which ``hours`` of working time after ``start`` have passed (aware UTC).

        A start outside working time begins at the next opening. The result may be a closing time
        exactly (9 working hours from 09:00 end at 18:00 that day, not at 09:00 the next), and
        zero hours return ``start`` itself.
        """
        _require_aware(start)
        if hours < 0:
            raise ValueError("hours must not be negative")
        if hours == 0:
            return start.astimezone(UTC)
        # Any positive amount, however small, starts from the next opening: a few hours' worth of
        # microseconds that rounds to nothing must not leave the start outside working time.
        left = timedelta(hours=hours)
        for opens, closes in self._periods_from(start):
            begin = max(opens, start)
            if begin >= closes:
                continue
            if begin + left <= closes:
                return (begin + left).astimezone(UTC)
            left -= closes - begin
        raise ConfigError("calendar: no working day within ten years")

    def working_hours_between(self, a: datetime, b: datetime) -> float:
        """Working hours from ``a`` to ``b``; negative when ``b`` is before ``a``."""
        _require_aware(a, b)
        if b < a:
            return -self.working_hours_between(b, a)
        total = timedelta()
        for opens, closes in self._periods_from(a, days=(b - a).days + 2):
            if opens >= b:
                break
            overlap = min(closes, b) - max(opens, a)
            if overlap > timedelta():
                total += overlap
        return total.total_seconds() / 3600

    def _periods_from(self, start: datetime, days: int = _MAX_DAYS) -> Iterator[tuple[datetime, datetime]]:
        """Working periods (opening, closing) as aware UTC instants, from the local day of ``start`` on."""
        day = start.astimezone(self.zone).date()
        for _ in range(days):
            if self.is_working_day(day):
                # Combining in the zone, then converting, keeps a period right across a DST change.
                opens = datetime.combine(day, self.cal.opens, tzinfo=self.zone).astimezone(UTC)
                closes = datetime.combine(day, self.cal.closes, tzinfo=self.zone).astimezone(UTC)
                yield opens, closes
            day += timedelta(days=1)


def _require_aware(*times: datetime) -> None:
    for t in times:
        if t.utcoffset() is None:
            raise ValueError(f"a timezone-aware datetime is needed, got {t.isoformat()}")
