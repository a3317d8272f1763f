"""Reads: a case's draws (for whoever may see the case) and the weighted load of judges and courts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.utils import timezone

from sot.accounts.models import User
from sot.accounts.roles import NATIONAL_READ_ROLES, Role
from sot.cases.models import BenchRole, Case, CaseJudge
from sot.core import clock
from sot.core.errors import Forbidden
from sot.courts.models import Court, Judge, JudgeStatus

from .eligibility import OPEN_STATUSES, PoolBuilder, case_contexts, centi
from .models import CategoryRule, ChairQueueEntry, Draw, JudgeWorkload
from .stats import gini, max_over_mean


def case_draws(case: Case) -> QuerySet[Draw]:
    """The draws of a case the caller already accessed, oldest first."""
    return Draw.objects.filter(case=case).select_related("judge__user").order_by("leaf_index")


def chair_queue(user: User) -> QuerySet[ChairQueueEntry]:
    """Open queue entries of the court the user chairs."""
    court = user.workplace_court()
    if court is None or not user.has_role(Role.COURT_CHAIR):
        raise Forbidden()
    return (
        ChairQueueEntry.objects.filter(court=court, resolved_at=None)
        .select_related("case")
        .order_by("queued_at", "pk")
    )


def eligible_judges(case: Case) -> list[tuple[int, str]]:
    """(id, name) of the judges the rules let hear the case today, for the chair's choice."""
    builder = PoolBuilder(timezone.localdate(clock.now()))
    pool = builder.pool(case, case_contexts([case])[case.pk])
    names = {
        j.pk: j.full_name for j in Judge.objects.filter(pk__in=pool.judges).select_related("user")
    }
    return [(j, names[j]) for j in pool.judges]


# -- load --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JudgeLoad:
    judge_id: int
    name: str
    court_id: int
    share: Decimal
    open_cases: int
    weighted: Decimal  # open cases × their category weights
    effective: Decimal  # weighted ÷ share: what the draw compares


@dataclass(frozen=True)
class LoadSummary:
    judges: list[JudgeLoad]
    gini: float
    max_over_mean: float
    mean: float


def may_view_loads(user: User, court: Court | None) -> bool:
    """Chairs see their own court; analysts and administrators every court and the country."""
    if not user.is_authenticated:
        return False
    if user.has_role(*NATIONAL_READ_ROLES):
        return True
    workplace = user.workplace_court()
    return (
        court is not None
        and user.has_role(Role.COURT_CHAIR)
        and workplace is not None
        and workplace.pk == court.pk
    )


def judge_loads(user: User, court: Court | None = None) -> LoadSummary:
    """Each active judge's weighted open load, for one court or (``None``) the whole country."""
    if not may_view_loads(user, court):
        raise Forbidden()
    judges = Judge.objects.filter(status=JudgeStatus.ACTIVE).select_related("user")
    if court is not None:
        judges = judges.filter(court=court)
    by_pk = {j.pk: j for j in judges}
    weights = {(r.category, r.instance): centi(r.weight) for r in CategoryRule.objects.all()}
    shares = dict(JudgeWorkload.objects.filter(judge__in=by_pk).values_list("judge_id", "share"))
    weighted: dict[int, int] = defaultdict(int)
    counts: dict[int, int] = defaultdict(int)
    seats = (
        CaseJudge.objects.filter(
            judge__in=by_pk, role=BenchRole.PRESIDING, case__status__in=OPEN_STATUSES
        )
        .values_list("judge_id", "case__category", "case__instance")
        .annotate(n=Count("pk"))
    )
    for judge_id, category, instance, n in seats:
        weighted[judge_id] += n * weights.get((category, instance), 100)
        counts[judge_id] += n
    rows = []
    for pk, judge in sorted(by_pk.items()):
        share = shares.get(pk, Decimal(1))
        load = Decimal(weighted[pk]) / 100
        rows.append(
            JudgeLoad(
                judge_id=pk,
                name=judge.full_name,
                court_id=judge.court_id,
                share=share,
                open_cases=counts[pk],
                weighted=load,
                effective=(load / share).quantize(Decimal("0.01")),
            )
        )
    effective = [float(r.effective) for r in rows]
    return LoadSummary(
        judges=rows,
        gini=gini(effective),
        max_over_mean=max_over_mean(effective),
        mean=(sum(effective) / len(effective)) if effective else 0.0,
    )
