"""Period arithmetic over a working-day calendar, as the procedure codes count periods.

- A period in calendar days or working days runs from the day after the starting event: the
  starting day itself is never counted.
- A period in months ends on the same date of the last month, or on that month's last day when
  it has no such date (31 January + 1 month = 28 or 29 February).
- When the last day is not a working day, the period ends on the next working day.

``Calendar`` is an in-memory snapshot (the non-working days of the known years), so a rebuild of
a million clocks does one bisect per period instead of a query.
"""

from __future__ import annotations

import calendar as gregorian
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from sot.core.errors import DomainError, ValidationFailed

from .models import PeriodUnit


class CalendarOutOfRange(DomainError):
    code = "calendar_out_of_range"
    default_message = _("The working-day calendar does not know this date.")


@dataclass(frozen=True)
class Due:
    due: date
    # Non-working days passed over: inside a period of working days, and those the last day
    # was moved across.
    skipped: tuple[date, ...]


class Calendar:
    """Working days of the years ``first_year``..``last_year``; anything outside is refused."""

    def __init__(self, first_year: int, last_year: int, non_working: Iterable[date]) -> None:
        self.first = date(first_year, 1, 1)
        self.last = date(last_year, 12, 31)
        closed = {d.toordinal() for d in non_working if self.first <= d <= self.last}
        self._off = sorted(closed)
        self._off_set = frozenset(closed)
        self._working = [
            day
            for day in range(self.first.toordinal(), self.last.toordinal() + 1)
            if day not in self._off_set
        ]

    # --- single days ------------------------------------------------------------------------

    def check(self, day: date) -> None:
        if not self.first <= day <= self.last:
            raise CalendarOutOfRange(
                _(
                    "The working-day calendar knows the years %(first)s to %(last)s only; "
                    "%(date)s is outside them."
                ),
                params={
                    "first": self.first.year,
                    "last": self.last.year,
                    "date": day.isoformat(),
                },
            )

    def is_working(self, day: date) -> bool:
        self.check(day)
        return day.toordinal() not in self._off_set

    def next_working(self, day: date) -> Due:
        """``day`` itself if it is a working day, else the first working day after it."""
        self.check(day)
        index = bisect_left(self._working, day.toordinal())
        if index == len(self._working):
            self.check(self.last + timedelta(days=1))
        moved_to = self._working[index]
        return Due(date.fromordinal(moved_to), self._off_between(day.toordinal(), moved_to))

    def _off_between(self, first: int, before: int) -> tuple[date, ...]:
        """Non-working days in [first, before), as dates."""
        low = bisect_left(self._off, first)
        high = bisect_left(self._off, before)
        return tuple(date.fromordinal(d) for d in self._off[low:high])

    # --- periods ------------------------------------------------------------------------------

    def add(self, start: date, unit: str, length: int) -> Due:
        """The last day of a period of ``length`` ``unit`` that starts with the event on ``start``."""
        if length < 0:
            raise ValidationFailed(
                fields={"length": [_("A period cannot be negative.")]},
            )
        self.check(start)
        if unit == PeriodUnit.DAYS:
            return self.next_working(self._shifted(start, timedelta(days=length)))
        if unit == PeriodUnit.MONTHS:
            return self.next_working(self._shifted(start, None, months=length))
        if unit == PeriodUnit.WORKING_DAYS:
            return self.add_working_days(start, length)
        raise ValidationFailed(fields={"unit": [_("Unknown unit of a period.")]})

    def add_working_days(self, start: date, length: int) -> Due:
        if length == 0:
            return self.next_working(start)
        first_counted = bisect_right(self._working, start.toordinal())
        index = first_counted + length - 1
        if index >= len(self._working):
            self.check(self.last + timedelta(days=1))
        due = self._working[index]
        return Due(date.fromordinal(due), self._off_between(start.toordinal() + 1, due))

    # --- the fast path for rebuilding many clocks: ordinals in, ordinal out ----------------

    def due_ordinal(self, start: int, unit: str, length: int) -> int:
        """``add(...).due`` as an ordinal, without the list of skipped days."""
        if unit == PeriodUnit.WORKING_DAYS and length > 0:
            self.check(date.fromordinal(start))
            index = bisect_right(self._working, start) + length - 1
            if index >= len(self._working):
                self.check(self.last + timedelta(days=1))
            return self._working[index]
        return self.add(date.fromordinal(start), unit, length).due.toordinal()

    def next_working_ordinal(self, day: int) -> int:
        if not self.first.toordinal() <= day <= self.last.toordinal():
            self.check(date.fromordinal(min(max(day, 1), date.max.toordinal())))
        index = bisect_left(self._working, day)
        if index == len(self._working):
            self.check(self.last + timedelta(days=1))
        return self._working[index]

    def _shifted(self, start: date, delta: timedelta | None, months: int = 0) -> date:
        try:
            if delta is not None:
                return start + delta
            month_index = start.month - 1 + months
            year, month = start.year + month_index // 12, month_index % 12 + 1
            last_day = gregorian.monthrange(year, month)[1]
            return date(year, month, min(start.day, last_day))
        except (OverflowError, ValueError):
            # Beyond year 9999: certainly outside the calendar.
            self.check(date.max)
            raise  # pragma: no cover - check() has raised
