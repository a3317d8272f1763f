"""The national calendar's days, from the ``holidays`` package, plus the carry-over rule.

What the package gives for KZ (version 0.109): the public holidays by year (including the changes
of 2022: no First President's Day, 25 October back, one day of Independence), Orthodox Christmas
and the first day of Kurban Ait, and the decreed transfers up to 2025 ("Day off (substituted from
…)": a weekday off in exchange for a Saturday or Sunday worked).

Where it lags: decrees published after the release (transfers of 2026 and later are absent), and
Kurban Ait after 2025, which the package only estimates; both go into ``CalendarOverride`` when the
decree or the announcement appears. The carry-over of a day off that coincides with a holiday is
computed here, not taken from the package, so it follows our rule: the religious holidays (Orthodox
Christmas, Kurban Ait) are not carried over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import holidays

from .models import DayKind

SOURCE = f"holidays {holidays.__version__}"
CARRY_OVER_SOURCE = "carry-over rule"
RELIGIOUS_NAMES = ("Orthodox Christmas", "Eid al-Adha")
ESTIMATED_MARK = "(estimated)"
_SUBSTITUTED = re.compile(r"substituted from (\d{2})/(\d{2})/(\d{4})")
SATURDAY = 5


@dataclass(frozen=True)
class SeedDay:
    date: date
    kind: str
    name: str
    is_religious: bool = False
    is_estimated: bool = False
    source: str = SOURCE


def kazakhstan_days(first_year: int, last_year: int) -> list[SeedDay]:
    """Holidays, decreed transfers and carried-over days off of the years, sorted by date."""
    years = range(first_year, last_year + 1)
    package = holidays.country_holidays("KZ", years=years, observed=False, language="en_US")
    holidays_by_date: dict[date, SeedDay] = {}
    decreed: dict[date, SeedDay] = {}
    for day, name in sorted(package.items()):
        substituted = _SUBSTITUTED.search(name)
        if substituted:
            month, dom, year = (int(part) for part in substituted.groups())
            worked = date(year, month, dom)
            decreed[day] = SeedDay(day, DayKind.DAY_OFF, name)
            if worked.year in years:
                decreed[worked] = SeedDay(worked, DayKind.WORKING, f"Working day instead of {day}")
            continue
        holidays_by_date[day] = SeedDay(
            day,
            DayKind.HOLIDAY,
            name,
            is_religious=any(religious in name for religious in RELIGIOUS_NAMES),
            is_estimated=ESTIMATED_MARK in name,
        )
    # The statute first, then the decrees: a decree may move a carried-over day off itself
    # (2020: Victory Day fell on a Saturday; its day off, Monday 11 May, was moved to Friday 8 May).
    days = dict(holidays_by_date)
    for carried in carried_over(holidays_by_date.values()):
        if carried.date.year in years:
            days[carried.date] = carried
    days.update(decreed)
    return [days[day] for day in sorted(days)]


def carried_over(days: Iterable[SeedDay]) -> list[SeedDay]:
    """Days off carried to the next working day from non-religious holidays on a weekend.

    ``days`` are the statutory holidays only: decreed transfers apply on top of the result.

    Holidays are taken in date order; each carried day off takes the first day after its holiday
    that is a working day and not already taken (two weekend days of Nauryz give two days off).
    """
    by_date = {day.date: day for day in days}
    taken: set[date] = set()

    def is_working(day: date) -> bool:
        return day.weekday() < SATURDAY and day not in by_date and day not in taken

    result = []
    for day in sorted(by_date.values(), key=lambda d: d.date):
        if day.kind != DayKind.HOLIDAY or day.is_religious or day.date.weekday() < SATURDAY:
            continue
        target = day.date + timedelta(days=1)
        while not is_working(target):
            target += timedelta(days=1)
        taken.add(target)
        result.append(
            SeedDay(
                target, DayKind.CARRIED_OVER, f"{day.name} (carried over)", source=CARRY_OVER_SOURCE
            )
        )
    return result
