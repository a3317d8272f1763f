"""Who may do what with hearings. Built on the case rules, so the court office is defined once."""

from __future__ import annotations

from sot.accounts.models import User
from sot.accounts.roles import NATIONAL_READ_ROLES, Role
from sot.cases import rules as case_rules
from sot.cases.lifecycle import CaseAction
from sot.cases.models import Case
from sot.courts.models import Court, Judge

from .models import Hearing


def may_schedule(user: User, case: Case) -> bool:
    """The court's clerks and chair, and the judges on the case."""
    return case_rules.may_act(user, case, CaseAction.SCHEDULE)


def may_run(user: User, hearing: Hearing) -> bool:
    """Open, close and postpone a hearing: the same office that schedules it."""
    return case_rules.may_act(user, hearing.case, CaseAction.MARK_HEARD)


def may_suspend(user: User, case: Case) -> bool:
    """Suspension and resumption are rulings: the judges on the case only."""
    return case_rules.may_act(user, case, CaseAction.SUSPEND)


def may_enter_video(user: User, hearing: Hearing) -> bool:
    """The bench, the court office running the hearing, and the case's participants."""
    if not user.is_authenticated or not user.is_active:
        return False
    if hearing.judge.user_id == user.pk or hearing.case.clerk_id == user.pk:
        return True
    if may_run(user, hearing):
        return True
    return hearing.case.participants.filter(user=user).exists()


def is_moderator(user: User, hearing: Hearing) -> bool:
    return hearing.judge.user_id == user.pk or case_rules.is_on_bench(user, hearing.case)


def may_view_court_calendars(user: User, court: Court) -> bool:
    """A court's staff see its judges' and courtrooms' calendars; analysts and admins every court's."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_role(*NATIONAL_READ_ROLES):
        return True
    workplace = user.workplace_court()
    return (
        user.has_role(Role.CLERK, Role.JUDGE, Role.COURT_CHAIR)
        and workplace is not None
        and workplace.pk == court.pk
    )


def may_view_judge_calendar(user: User, judge: Judge) -> bool:
    return judge.user_id == user.pk or may_view_court_calendars(user, judge.court)
