"""Periods counted in years and working days, as the law counts them."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_years(start: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year.

    A period "of four years from the day" ends on this date: the anniversary is its last day.
    """
    year = start.year + years
    day = min(start.day, calendar.monthrange(year, start.month)[1])
    return start.replace(year=year, day=day)


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start``, skipping Saturdays and Sundays only.

    The fallback of ``services.calendar.working_days_after`` when no working-day calendar is
    configured (rules stay free of the database).
    """
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current
