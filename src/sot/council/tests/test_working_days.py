"""Art. 18 §12: participants are notified within ten working days, counted in the national
working-day calendar of the ``deadlines`` app, or over weekends only when none is configured."""

from __future__ import annotations

from datetime import date

import pytest

from sot.core import clock
from sot.council.services import competitions
from sot.council.services.calendar import working_days_after
from sot.deadlines.models import CalendarDay, DayKind, WorkCalendar

from .conftest import at

FRIDAY = date(2026, 2, 20)


def national():
    """The national calendar the ``deadlines`` migration seeds (2016–2027)."""
    return WorkCalendar.objects.get(is_default=True)


def day_off(calendar, day, kind=DayKind.DAY_OFF):
    CalendarDay.objects.update_or_create(
        calendar=calendar, date=day, defaults={"kind": kind, "name": "test"}
    )


@pytest.mark.django_db
def test_art_18_12_holidays_of_the_national_calendar_are_not_working_days():
    calendar = national()
    for day in (date(2026, 3, 2), date(2026, 3, 3)):
        day_off(calendar, day)
    assert CalendarDay.objects.filter(calendar=calendar, date=date(2026, 3, 9)).exists()
    # Weekends alone would give Friday 6 March; two days off move it past Monday 9 March (the
    # seeded day off for 8 March, a Sunday) to Wednesday 11 March.
    assert working_days_after(FRIDAY, 10) == date(2026, 3, 11)


@pytest.mark.django_db
def test_art_18_12_a_working_saturday_moved_by_decree_counts():
    calendar = national()
    day_off(calendar, date(2026, 2, 28), kind=DayKind.WORKING)
    assert working_days_after(FRIDAY, 10) == date(2026, 3, 5)


@pytest.mark.django_db
def test_art_18_12_weekends_only_without_a_calendar_or_outside_its_years():
    # Outside the calendar's years (2016–2027): weekends only, 1 June 2035 is a Friday.
    assert working_days_after(date(2035, 6, 1), 10) == date(2035, 6, 15)
    WorkCalendar.objects.update(is_default=False)
    day_off(WorkCalendar.objects.get(code="kz"), date(2026, 3, 2))
    assert working_days_after(FRIDAY, 10) == date(2026, 3, 6)


def test_art_18_12_the_competitions_notice_date_uses_the_calendar(council, court):
    calendar = national()
    day_off(calendar, date(2026, 3, 2), kind=DayKind.HOLIDAY)
    competition = competitions.competition_create(
        position="district_judge",
        court=court,
        vacancies=1,
        basis="b",
        announcement_kk="kk",
        announcement_ru="ru",
        acting_user=council.secretary.user,
    )
    competitions.competition_announce(
        competition=competition,
        published_on=date(2026, 1, 15),
        held_on=date(2026, 2, 15),
        acting_user=council.secretary.user,
    )
    with clock.frozen(at(FRIDAY)):
        competitions.competition_close_applications(
            competition=competition, acting_user=council.secretary.user
        )
        done = competitions.competition_complete(
            competition=competition, acting_user=council.secretary.user
        )
    assert done.notify_by == date(2026, 3, 10)  # 2 March off, 9 March off
