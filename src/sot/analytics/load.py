"""Weighted load per judge and its spread (Gini, max ÷ mean), from the judges' open-case rows.

The same weighting as the distribution (sot.distribution, issue 4): each open case counts its
category weight, and a judge on a partial load counts proportionally (load ÷ share).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from sot.courts.models import Judge, JudgeStatus
from sot.distribution.models import CategoryRule, JudgeWorkload

from . import metrics as m
from .models import ALL_JUDGES, Fact
from .scope import COUNTRY_LEVEL, JUDGE_LEVEL, REGION_LEVEL, Scope


@dataclass(frozen=True)
class LoadFigures:
    # Judge id → effective weighted load (open cases × weight ÷ share).
    loads: dict[int, float]
    mean: float | None
    max_over_mean: float | None
    gini: float | None
    total: float | None


def gini(values: list[float]) -> float | None:
    """Gini coefficient: Σᵢ(2i − n − 1)·xᵢ ÷ (n·Σx) over the values sorted ascending."""
    ordered = sorted(values)
    n, total = len(ordered), sum(ordered)
    if n == 0 or total == 0:
        return None
    weighted = sum((2 * i - n - 1) * x for i, x in enumerate(ordered, start=1))
    return round(weighted / (n * total), 3)


def _judges(scope: Scope) -> dict[int, int]:
    """Active judges of the place → their court."""
    judges = Judge.objects.filter(status=JudgeStatus.ACTIVE)
    if scope.level == JUDGE_LEVEL and scope.judge is not None:
        judges = judges.filter(pk=scope.judge.pk)
    elif scope.level == REGION_LEVEL and scope.region is not None:
        judges = judges.filter(court__region=scope.region)
    elif scope.level != COUNTRY_LEVEL and scope.court is not None:
        judges = judges.filter(court=scope.court)
    return dict(judges.values_list("pk", "court_id"))


def load_figures(scope: Scope) -> LoadFigures:
    judges = _judges(scope)
    weights = {(r.category, r.instance): r.weight for r in CategoryRule.objects.all()}
    shares = dict(JudgeWorkload.objects.filter(judge__in=judges).values_list("judge_id", "share"))
    rows = Fact.objects.filter(metric=m.OPEN, judge_id__gt=ALL_JUDGES, month=m.STOCK_MONTH)
    if scope.level != COUNTRY_LEVEL:
        rows = rows.filter(judge_id__in=judges)
    if scope.category:
        rows = rows.filter(category=scope.category)
    if scope.instance:
        rows = rows.filter(instance=scope.instance)
    weighted: dict[int, Decimal] = defaultdict(Decimal)
    grouped = rows.values_list("judge_id", "category", "instance").annotate(n=Sum("value"))
    for judge_id, category, instance, n in grouped:
        if judge_id in judges:
            weighted[judge_id] += Decimal(n or 0) * weights.get((category, instance), Decimal(1))
    loads = {pk: float(weighted[pk] / shares.get(pk, Decimal(1))) for pk in judges}
    values = list(loads.values())
    if not values:
        return LoadFigures(loads, None, None, None, None)
    mean = sum(values) / len(values)
    return LoadFigures(
        loads=loads,
        mean=round(mean, 1),
        max_over_mean=round(max(values) / mean, 2) if mean else None,
        gini=gini(values),
        total=round(float(sum(weighted.values())), 1),
    )
