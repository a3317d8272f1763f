"""Court working days and timestamps for the generator, as plain integers for speed.

Days are proleptic ordinals (``date.toordinal``); moments are UTC epoch seconds. Courts work
Monday to Friday, 09:00-18:00 local time, and close on the fixed public holidays below (the
moving ones, Kurban ait and decreed transfers, belong to the real calendar in ``deadlines``).
Kazakhstan has kept one zone, UTC+5, since 1 March 2024; before that Almaty and Astana were UTC+6.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta

HOLIDAYS = frozenset(
    {
        (1, 1),
        (1, 2),
        (1, 7),
        (3, 8),
        (3, 21),
        (3, 22),
        (3, 23),
        (5, 1),
        (5, 7),
        (5, 9),
        (7, 6),
        (8, 30),
        (10, 25),
        (12, 16),
    }
)
EPOCH = date(1970, 1, 1).toordinal()
SINGLE_ZONE_FROM = date(2024, 3, 1).toordinal()
DAY = 86_400
OPENS = 9 * 3600
CLOSES = 18 * 3600
_HMS = [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)]


def utc_offset(day: int) -> int:
    """Seconds east of UTC for a court day."""
    return 5 * 3600 if day >= SINGLE_ZONE_FROM else 6 * 3600


class WorkCalendar:
    """Working days between two dates, with O(1) "n working days later"."""

    def __init__(self, first: date, last: date) -> None:
        self.first = first.toordinal()
        self.last = last.toordinal()
        self.workdays: list[int] = []
        self.is_workday: list[bool] = []
        day = first
        while day <= last:
            working = day.weekday() < 5 and (day.month, day.day) not in HOLIDAYS
            self.is_workday.append(working)
            if working:
                self.workdays.append(day.toordinal())
            day += timedelta(days=1)
        self._day_text: dict[int, str] = {}

    def next_index(self, day: int) -> int:
        """The index in ``workdays`` of the first working day on or after ``day``."""
        return bisect_left(self.workdays, day)

    def working_on_or_after(self, day: int) -> int:
        index = self.next_index(day)
        return self.workdays[index] if index < len(self.workdays) else day

    def add(self, day: int, working_days: int) -> int:
        """The working day ``working_days`` after ``day`` (``day`` itself counts as 0)."""
        index = self.next_index(day) + working_days
        if index >= len(self.workdays):
            # Past the calendar's end: only cut off by the as-of date later, so any day will do.
            return self.last + 1 + index - len(self.workdays)
        return self.workdays[index]

    def moment(self, day: int, local_seconds: int) -> int:
        """UTC epoch seconds of a local time of day on ``day``."""
        return (day - EPOCH) * DAY + local_seconds - utc_offset(day)

    def day_of(self, moment: int) -> int:
        """The local day a moment falls on."""
        utc_day = EPOCH + moment // DAY
        return EPOCH + (moment + utc_offset(utc_day)) // DAY

    def text(self, moment: int) -> str:
        """``YYYY-MM-DD HH:MM:SS`` in UTC: what both backends store for an aware datetime."""
        day, seconds = divmod(moment, DAY)
        prefix = self._day_text.get(day)
        if prefix is None:
            prefix = date.fromordinal(EPOCH + day).isoformat()
            self._day_text[day] = prefix
        return f"{prefix} {_HMS[seconds]}"
