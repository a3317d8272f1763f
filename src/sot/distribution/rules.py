"""Who may change a case's judge: the court chair; the presiding judge only by withdrawing."""

from __future__ import annotations

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.cases.models import BenchRole, Case


def is_chair_of(user: User, case: Case) -> bool:
    court = user.workplace_court()
    return user.has_role(Role.COURT_CHAIR) and court is not None and court.pk == case.court_id


def may_reassign(user: User, case: Case) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    presiding = case.bench.filter(role=BenchRole.PRESIDING, judge__user=user).exists()
    return is_chair_of(user, case) or presiding


def may_chair_assign(user: User, case: Case) -> bool:
    return user.is_authenticated and user.is_active and is_chair_of(user, case)
