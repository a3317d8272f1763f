"""Working-day calendars from the database: seeding the national one, loading any as ``Calendar``.

A day is non-working when an administrator's override says so, else when it is a seeded holiday
or day off, else when it is a Saturday or Sunday and no seeded decree makes it a working day. A
regional calendar adds its own overrides to its parent's days.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sot.core.errors import NotFound

from . import holiday_seed
from .models import CalendarDay, CalendarOverride, CourtCalendar, DayKind, WorkCalendar
from .periods import Calendar

NATIONAL_CODE = "kz"
NATIONAL_NAME = "Қазақстан Республикасы / Республика Казахстан"
SATURDAY = 5


def write_seed(
    calendar_model: Any, day_model: Any, *, first_year: int, last_year: int
) -> tuple[Any, int]:
    """Seed the national calendar's days for the years; keeps administrators' overrides.

    Takes the model classes so a data migration can pass its historical models.
    """
    calendar, created = calendar_model.objects.get_or_create(
        code=NATIONAL_CODE,
        defaults={
            "name": NATIONAL_NAME,
            "is_default": True,
            "first_year": first_year,
            "last_year": last_year,
        },
    )
    if not created:
        calendar.first_year = min(calendar.first_year, first_year)
        calendar.last_year = max(calendar.last_year, last_year)
        calendar.save(update_fields=["first_year", "last_year"])
    seeded = holiday_seed.kazakhstan_days(first_year, last_year)
    day_model.objects.filter(
        calendar=calendar, date__gte=date(first_year, 1, 1), date__lte=date(last_year, 12, 31)
    ).delete()
    day_model.objects.bulk_create(
        [
            day_model(
                calendar=calendar,
                date=day.date,
                kind=day.kind,
                name=day.name,
                is_religious=day.is_religious,
                is_estimated=day.is_estimated,
                source=day.source,
            )
            for day in seeded
        ]
    )
    return calendar, len(seeded)


@transaction.atomic
def calendar_seed(*, first_year: int, last_year: int) -> tuple[WorkCalendar, int]:
    """``sot deadlines calendar-seed``: (re)seed the years from the ``holidays`` package."""
    calendar, count = write_seed(
        WorkCalendar, CalendarDay, first_year=first_year, last_year=last_year
    )
    return calendar, count


def default_calendar() -> WorkCalendar:
    calendar = WorkCalendar.objects.filter(is_default=True).first()
    if calendar is None:
        raise NotFound(
            _("No working-day calendar is set up yet: seed it with “sot deadlines calendar-seed”.")
        )
    return calendar


def court_calendar(court_id: int | None) -> WorkCalendar:
    """The calendar a court counts deadlines in: its own if it has one, else the national one."""
    if court_id is not None:
        own = CourtCalendar.objects.filter(court_id=court_id).select_related("calendar").first()
        if own is not None:
            return own.calendar
    return default_calendar()


def _chain(calendar: WorkCalendar) -> list[WorkCalendar]:
    """The calendar and its ancestors, root first."""
    chain = [calendar]
    parent = calendar.parent
    while parent is not None and len(chain) < 10:  # a bound, in case of a cycle entered by hand
        chain.append(parent)
        parent = parent.parent
    return list(reversed(chain))


def load_calendar(calendar: WorkCalendar) -> Calendar:
    """The calendar as an in-memory ``Calendar`` of its known years (the root's years)."""
    chain = _chain(calendar)
    root = chain[0]
    first, last = date(root.first_year, 1, 1), date(root.last_year, 12, 31)
    working: dict[date, bool] = {}
    day = first
    while day <= last:
        working[day] = day.weekday() < SATURDAY
        day += timedelta(days=1)
    ids = [c.pk for c in chain]
    for seeded in CalendarDay.objects.filter(calendar_id__in=ids, date__gte=first, date__lte=last):
        working[seeded.date] = seeded.kind == DayKind.WORKING
    # Overrides last, ancestors before descendants: the most specific calendar wins.
    order = {pk: index for index, pk in enumerate(ids)}
    overrides = sorted(
        CalendarOverride.objects.filter(calendar_id__in=ids, date__gte=first, date__lte=last),
        key=lambda o: order[o.calendar_id],
    )
    for override in overrides:
        working[override.date] = override.is_working
    return Calendar(
        root.first_year, root.last_year, [d for d, is_work in working.items() if not is_work]
    )


class Calendars:
    """Every calendar loaded at once, for work over many courts (recompute, monitoring).

    Loaded up front, so nothing queries the database while a rebuild streams events from it.
    """

    def __init__(self) -> None:
        self._court_calendar = dict(CourtCalendar.objects.values_list("court_id", "calendar_id"))
        self._default = default_calendar()
        used = {self._default.pk, *self._court_calendar.values()}
        self._by_calendar = {
            calendar.pk: load_calendar(calendar)
            for calendar in WorkCalendar.objects.filter(pk__in=used)
        }

    def for_court(self, court_id: int) -> Calendar:
        return self._by_calendar[self._court_calendar.get(court_id, self._default.pk)]
