"""Who may do what with an act. Reads of whole lists stay in ``selectors``.

Only the bench of the case writes and signs its acts; whoever may see the case (its parties, the
court's staff for open cases; for closed sessions only the bench and the parties) sees its signed
acts. Drafts are the bench's working papers.
"""

from __future__ import annotations

from sot.accounts.models import User
from sot.cases import rules as case_rules
from sot.cases.models import Case
from sot.courts.models import Judge

from .models import Act, ActStatus


def is_bench(user: User, case: Case | None) -> bool:
    return case is not None and user.is_active and case_rules.is_on_bench(user, case)


def may_draft(user: User, case: Case) -> bool:
    return is_bench(user, case) and bench_judge(user) is not None


def may_edit(user: User, act: Act) -> bool:
    return act.status == ActStatus.DRAFT and is_bench(user, act.case)


def may_sign(user: User, act: Act) -> bool:
    judge = bench_judge(user)
    return may_edit(user, act) and judge is not None and bool(user.iin)


def may_see_draft(user: User, act: Act) -> bool:
    return is_bench(user, act.case)


def may_review_publication(user: User, act: Act) -> bool:
    """The bench, and the court's chair (who answers for the court's public bank)."""
    from sot.accounts.roles import Role

    if is_bench(user, act.case):
        return True
    court = user.workplace_court()
    return user.has_role(Role.COURT_CHAIR) and court is not None and court.pk == act.court_id


def bench_judge(user: User) -> Judge | None:
    return Judge.objects.filter(user=user).select_related("court").first()
