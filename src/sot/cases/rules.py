"""Who may do what to a case. Reads are filtered in selectors; these answer "may act"."""

from __future__ import annotations

from collections.abc import Iterable

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.courts.models import Court

from .lifecycle import CaseAction
from .models import Case

# Actions only a judge sitting on the case takes; the rest are the court office's.
BENCH_ACTIONS = frozenset(
    {
        CaseAction.ACCEPT,
        CaseAction.RETURN,
        CaseAction.LEAVE_WITHOUT_MOTION,
        CaseAction.DECIDE,
        CaseAction.SUSPEND,
        CaseAction.RESUME,
    }
)


def is_on_bench(user: User, case: Case) -> bool:
    return case.bench.filter(judge__user=user).exists()


def works_in_court(user: User, case: Case) -> bool:
    court = user.workplace_court()
    return court is not None and court.pk == case.court_id


def may_act(user: User, case: Case, action: str) -> bool:
    return action in permitted_actions(user, case, [action])


def permitted_actions(user: User, case: Case, actions: Iterable[str]) -> list[str]:
    """The subset of ``actions`` the user may take on the case (one bench query at most)."""
    if not user.is_authenticated or not user.is_active:
        return []
    wanted = list(actions)
    is_judge = user.has_role(Role.JUDGE, Role.COURT_CHAIR)
    on_bench = is_judge and is_on_bench(user, case)
    # Office work: the court's clerks, its chair, and the judges on the case.
    office = (user.has_role(Role.CLERK, Role.COURT_CHAIR) and works_in_court(user, case)) or (
        user.has_role(Role.JUDGE) and on_bench
    )
    return [a for a in wanted if (on_bench if a in BENCH_ACTIONS else office)]


def may_record_filing(user: User, court: Court) -> bool:
    """A court's clerks and chair record filings made with it on paper."""
    if not user.is_authenticated or not user.has_role(Role.CLERK, Role.COURT_CHAIR):
        return False
    workplace = user.workplace_court()
    return workplace is not None and workplace.pk == court.pk


def may_upload_documents(user: User, case: Case) -> bool:
    """The court office and the judges on the case add documents to the case file."""
    return may_act(user, case, CaseAction.REGISTER) or is_on_bench(user, case)


def may_manage_participants(user: User, case: Case) -> bool:
    return may_act(user, case, CaseAction.REGISTER)


def may_assign_judges(user: User, case: Case) -> bool:
    """Manual assignment is the chair's (automated distribution comes with its own issue)."""
    return user.has_role(Role.COURT_CHAIR) and works_in_court(user, case)


def may_see_full_iin(user: User, case: Case) -> bool:
    """Full IINs are for the bench and the case's clerk; everyone else sees them masked."""
    return is_on_bench(user, case) or (case.clerk_id is not None and case.clerk_id == user.pk)
