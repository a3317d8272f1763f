"""Working days for the Council's periods (Art. 18 §12), counted in the ``deadlines`` app's
national working-day calendar: public holidays, carried-over days off and working days moved by
decree. The Council sits in Astana for the whole country, so no court's own calendar applies.

Without a calendar (none seeded yet, or one that does not know the year), only Saturdays and
Sundays are skipped, so that completing a competition never fails for want of a calendar."""

from __future__ import annotations

from datetime import date

from sot.core.errors import NotFound
from sot.deadlines.calendars import court_calendar, load_calendar
from sot.deadlines.periods import CalendarOutOfRange

from ..rules.periods import add_working_days


def working_days_after(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself is not counted)."""
    try:
        return load_calendar(court_calendar(None)).add_working_days(start, days).due
    except (NotFound, CalendarOutOfRange):
        return add_working_days(start, days)
