"""The working-day calendar and period arithmetic, against dates worked out by hand.

2026: 8 March is a Sunday (day off carried to Monday 9 March); Nauryz 21-23 March falls on
Saturday to Monday (Saturday's and Sunday's days off carried to Tuesday 24 and Wednesday 25);
9 May is a Saturday (carried to Monday 11 May). 2024: the government moved Saturday 4 May's day
off to Wednesday 8 May (working Saturday).
"""

from __future__ import annotations

from datetime import date

import holidays
import pytest

from sot.core.errors import ValidationFailed
from sot.courts.tests.factories import CourtFactory
from sot.deadlines.calendars import court_calendar, default_calendar, load_calendar
from sot.deadlines.holiday_seed import kazakhstan_days
from sot.deadlines.models import CalendarOverride, CourtCalendar, PeriodUnit, WorkCalendar
from sot.deadlines.periods import CalendarOutOfRange

pytestmark = pytest.mark.django_db

D, W, M = PeriodUnit.DAYS, PeriodUnit.WORKING_DAYS, PeriodUnit.MONTHS


@pytest.fixture
def kz():
    return load_calendar(default_calendar())


def iso(*days: date) -> list[str]:
    return [d.isoformat() for d in days]


@pytest.mark.parametrize(
    ("start", "unit", "length", "due"),
    [
        # Nauryz 2026: 21-25 March off (two days carried over from the weekend).
        ("2026-03-20", W, 1, "2026-03-26"),
        ("2026-03-20", D, 1, "2026-03-26"),
        ("2026-03-19", D, 5, "2026-03-26"),
        ("2026-03-25", D, 1, "2026-03-26"),
        # Nauryz 2025: Friday 21 to Sunday 23, carried to Monday 24 and Tuesday 25.
        ("2025-03-20", W, 2, "2025-03-27"),
        # 8 March 2026 is a Sunday: Monday 9 March is off.
        ("2026-03-06", W, 1, "2026-03-10"),
        ("2026-03-06", D, 2, "2026-03-10"),
        # 8 March 2025 is a Saturday: Monday 10 March is off.
        ("2025-02-08", M, 1, "2025-03-11"),
        # 9 May 2026 is a Saturday: Monday 11 May is off; 7 May (Thursday) is a holiday.
        ("2026-05-06", W, 1, "2026-05-08"),
        ("2026-05-06", W, 2, "2026-05-12"),
        ("2026-04-09", M, 1, "2026-05-12"),
        # The decree of 2024: Saturday 4 May worked, Wednesday 8 May off.
        ("2024-05-03", W, 1, "2024-05-04"),
        ("2024-05-06", W, 2, "2024-05-13"),
        # Months: the same date, or the month's last day; then the next working day.
        ("2026-01-31", M, 1, "2026-03-02"),
        ("2024-01-31", M, 1, "2024-02-29"),
        ("2026-06-15", M, 2, "2026-08-17"),
        # Orthodox Christmas on Saturday 7 January 2023 is not carried over (a religious holiday).
        ("2023-01-06", W, 1, "2023-01-09"),
        # A period of zero ends on the starting day, or the next working day after it.
        ("2026-03-21", D, 0, "2026-03-26"),
    ],
)
def test_period_end_matches_the_hand_worked_date(kz, start, unit, length, due) -> None:
    assert kz.add(date.fromisoformat(start), unit, length).due == date.fromisoformat(due)


def test_working_days_list_every_day_off_passed_over(kz) -> None:
    result = kz.add(date(2026, 3, 20), W, 1)

    assert iso(*result.skipped) == [
        "2026-03-21",
        "2026-03-22",
        "2026-03-23",
        "2026-03-24",
        "2026-03-25",
    ]


def test_calendar_days_list_only_the_days_the_end_moved_across(kz) -> None:
    result = kz.add(date(2026, 3, 6), D, 2)

    assert iso(*result.skipped) == ["2026-03-08", "2026-03-09"]


def test_decree_entered_by_an_administrator_moves_a_day_off() -> None:
    """A transfer decreed after the package's release: Saturday 12 December 2026 is worked and
    its day off moves to Friday 18 December."""
    calendar = default_calendar()
    CalendarOverride.objects.create(
        calendar=calendar, date=date(2026, 12, 12), is_working=True, reason="Decree (test)"
    )
    CalendarOverride.objects.create(
        calendar=calendar, date=date(2026, 12, 18), is_working=False, reason="Decree (test)"
    )
    kz = load_calendar(calendar)

    assert kz.add(date(2026, 12, 11), W, 1).due == date(2026, 12, 12)
    assert kz.add(date(2026, 12, 17), W, 1).due == date(2026, 12, 21)
    assert kz.add(date(2026, 12, 17), D, 1).due == date(2026, 12, 21)


def test_a_court_with_its_own_calendar_counts_its_regional_day_off() -> None:
    national = default_calendar()
    regional = WorkCalendar.objects.create(
        code="test-region", name="Regional", parent=national, first_year=2000, last_year=2000
    )
    CalendarOverride.objects.create(
        calendar=regional, date=date(2026, 4, 1), is_working=False, reason="Regional day off"
    )
    court, elsewhere = CourtFactory(), CourtFactory()
    CourtCalendar.objects.create(court=court, calendar=regional)

    own = load_calendar(court_calendar(court.pk))
    other = load_calendar(court_calendar(elsewhere.pk))

    assert own.add(date(2026, 3, 31), W, 1).due == date(2026, 4, 2)
    assert other.add(date(2026, 3, 31), W, 1).due == date(2026, 4, 1)
    # The regional calendar knows the national calendar's years, not its own fields'.
    assert (own.first.year, own.last.year) == (2016, 2027)


def test_a_date_outside_the_known_years_is_refused(kz) -> None:
    with pytest.raises(CalendarOutOfRange) as before:
        kz.add(date(2015, 12, 31), D, 1)
    with pytest.raises(CalendarOutOfRange) as beyond:
        kz.add(date(2027, 12, 20), M, 1)

    assert "2015-12-31" in before.value.render_message()
    assert "2028-01-20" in beyond.value.render_message()


def test_a_negative_period_is_refused(kz) -> None:
    with pytest.raises(ValidationFailed) as error:
        kz.add(date(2026, 3, 2), W, -1)

    assert "length" in error.value.fields


def test_carry_over_rule_agrees_with_the_package_for_every_seeded_year() -> None:
    """Labour rule: a day off that coincides with a (non-religious) holiday moves to the next
    working day. Computed by Sot; the package's own "observed" days are the check."""
    ours = {day.date for day in kazakhstan_days(2016, 2027) if day.kind != "working"}
    package = set(holidays.country_holidays("KZ", years=range(2016, 2028)))

    assert ours == package


def test_a_decree_may_move_a_carried_over_day_off() -> None:
    """2020: Victory Day (Saturday 9 May) carried to Monday 11 May, which the decree moved to
    Friday 8 May."""
    days = {day.date: day.kind for day in kazakhstan_days(2020, 2020)}

    assert days[date(2020, 5, 8)] == "day_off"
    assert days[date(2020, 5, 11)] == "working"


def test_the_seeded_calendar_marks_estimated_religious_dates() -> None:
    estimated = [d for d in kazakhstan_days(2026, 2027) if d.is_estimated]

    assert estimated
    assert all(day.is_religious for day in estimated)


def test_an_administrator_enters_a_decreed_transfer_in_the_admin(client) -> None:
    from django.urls import reverse

    from sot.accounts.tests.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    calendar = default_calendar()

    response = client.post(
        reverse("admin:deadlines_calendaroverride_add"),
        {
            "calendar": calendar.pk,
            "date": "2026-12-18",
            "is_working": "",
            "reason": "Government resolution (test)",
        },
    )

    assert response.status_code == 302
    assert load_calendar(calendar).add(date(2026, 12, 17), W, 1).due == date(2026, 12, 21)
