"""Reads of deadlines: calendar arithmetic, a case's clocks, overdue lists and violations.

Object-level rules: a case's clocks go to whoever may see the case (``access_case``); a court's
overdue list and violations to the staff of that court and to national readers (analysts,
administrators); the country's to national readers only.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Min, Q, QuerySet

from sot.accounts.models import User
from sot.accounts.roles import COURT_STAFF_ROLES, NATIONAL_READ_ROLES, Role
from sot.cases.models import Case
from sot.core import clock
from sot.core.errors import Forbidden, NotFound
from sot.courts.models import Court

from .calendars import court_calendar, load_calendar
from .models import CaseClock, ClockState, Violation
from .periods import Due


def period_end(*, start: date, unit: str, length: int, court_code: str | None = None) -> Due:
    """The last day of a period in the national calendar, or in a court's."""
    court_id = None
    if court_code:
        court_id = Court.objects.filter(code=court_code).values_list("pk", flat=True).first()
        if court_id is None:
            raise NotFound()
    return load_calendar(court_calendar(court_id)).add(start, unit, length)


# --- who watches which court --------------------------------------------------------------------

# Staff who see their own court's overdue clocks; those who also see its violations.
OVERDUE_ROLES = tuple(COURT_STAFF_ROLES)
VIOLATION_ROLES = (Role.CLERK, Role.COURT_CHAIR)


def may_monitor(user: User | AnonymousUser, *, violations: bool = False) -> bool:
    """Whether the user has any monitoring page at all (navigation, page gates)."""
    if not isinstance(user, User) or not user.is_active:
        return False
    if user.has_role(*NATIONAL_READ_ROLES):
        return True
    roles = VIOLATION_ROLES if violations else OVERDUE_ROLES
    return user.has_role(*roles) and user.workplace_court() is not None


def monitored_court(user: User, court_id: int | None, *, violations: bool = False) -> Court | None:
    """The court whose lists ``user`` asked for, ``None`` for the whole country.

    National readers (analysts, administrators) choose any court or the country; a court's staff
    get their own court only, and another court's id answers like one that does not exist.
    """
    if not user.is_authenticated or not user.is_active:
        raise Forbidden()
    if user.has_role(*NATIONAL_READ_ROLES):
        if court_id is None:
            return None
        court = Court.objects.select_related("region").filter(pk=court_id).first()
        if court is None:
            raise NotFound()
        return court
    roles = VIOLATION_ROLES if violations else OVERDUE_ROLES
    court = user.workplace_court() if user.has_role(*roles) else None
    if court is None:
        raise Forbidden()
    if court_id is not None and court_id != court.pk:
        raise NotFound()
    return court


# --- overdue today -----------------------------------------------------------------------------


def overdue_clocks(court: Court | None, *, today: date | None = None) -> QuerySet[CaseClock]:
    """Running clocks whose last day has passed, most overdue first (the country, or one court)."""
    clocks = CaseClock.objects.filter(state=ClockState.RUNNING, due__lt=today or clock.today())
    if court is not None:
        clocks = clocks.filter(court=court)
    return clocks.select_related("case", "rule", "court").order_by("due", "pk")


def court_violations(court: Court | None, *, kind: str | None = None) -> QuerySet[Violation]:
    violations = Violation.objects.all()
    if court is not None:
        violations = violations.filter(court=court)
    if kind:
        violations = violations.filter(kind=kind)
    return violations.select_related("case", "court", "responsible").order_by("-detected_at", "-pk")


# --- a case's clocks, the docket's urgency --------------------------------------------------------


def case_clocks(case: Case) -> list[CaseClock]:
    """The clocks of a case the caller already accessed: running and paused first, by due date."""
    order = {ClockState.RUNNING: 0, ClockState.PAUSED: 1, ClockState.STOPPED: 2}
    clocks = list(CaseClock.objects.filter(case=case).select_related("rule"))
    return sorted(clocks, key=lambda c: (order[ClockState(c.state)], c.due or date.max, c.pk))


def by_urgency(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Cases ordered by their nearest running deadline (``next_due``); cases without one last."""
    return cases.annotate(
        next_due=Min("clocks__due", filter=Q(clocks__state=ClockState.RUNNING))
    ).order_by(F("next_due").asc(nulls_last=True), "filed_at", "pk")


def may_choose_court(user: User) -> bool:
    """National readers pick a court (or the country) on the monitoring pages."""
    return user.is_active and user.has_role(*NATIONAL_READ_ROLES)
