"""Reads of the aggregates: one grouped query per place gives every figure an indicator needs."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from . import metrics as m
from .models import ALL_JUDGES, COUNTRY, Fact
from .scope import Scope, add_months, month_start

# (metric, month, category, instance) → sum over the place's rows.
Grid = dict[tuple[str, dt.date, str, str], int]


@dataclass
class Figures:
    """The stored sums of one place (and judge) over all months, restricted as the scope says."""

    scope: Scope
    grid: Grid
    # Metric families that have at least one stored row anywhere (sources that deliver data).
    present: frozenset[str] = field(default_factory=frozenset)

    def _cells(
        self, metric: str, category: str = "", instance: str = ""
    ) -> list[tuple[dt.date, int]]:
        category = category or self.scope.category
        instance = instance or self.scope.instance
        return [
            (month, value)
            for (name, month, cat, inst), value in self.grid.items()
            if name == metric
            and (not category or cat == category)
            and (not instance or inst == instance)
        ]

    def period(self, metric: str, category: str = "", instance: str = "") -> int:
        lo, hi = self.scope.month_from, self.scope.month_to
        return sum(v for month, v in self._cells(metric, category, instance) if lo <= month <= hi)

    def until(self, metric: str, last_month: dt.date) -> int:
        return sum(v for month, v in self._cells(metric) if month <= last_month)

    def total(self, metric: str) -> int:
        return sum(v for _, v in self._cells(metric))

    def by_month(self, metric: str) -> dict[dt.date, int]:
        series: dict[dt.date, int] = defaultdict(int)
        for month, value in self._cells(metric):
            series[month] += value
        return series

    def pending_at_end(self, last_month: dt.date) -> int:
        """Cases registered and not decided by the end of ``last_month`` (flows since the start)."""
        if self.scope.judge is not None:
            return self.total(m.OPEN)
        return self.until(m.INCOMING, last_month) - self.until(m.RESOLVED, last_month)

    def pending_by_age(self, today: dt.date) -> dict[int, int]:
        """Open cases now, by whole months since the month they were registered in."""
        incoming = self.by_month(m.INCOMING)
        decided = self.by_month(m.RESOLVED_BY_REGISTRATION)
        this_month = month_start(today)
        ages: dict[int, int] = defaultdict(int)
        for month in set(incoming) | set(decided):
            count = incoming.get(month, 0) - decided.get(month, 0)
            if count:
                ages[(this_month.year - month.year) * 12 + this_month.month - month.month] += count
        return ages

    def suspended_by_age(self, today: dt.date) -> dict[int, int]:
        this_month = month_start(today)
        ages: dict[int, int] = defaultdict(int)
        for month, count in self.by_month(m.SUSPENDED_OPEN).items():
            if count:
                ages[(this_month.year - month.year) * 12 + this_month.month - month.month] += count
        return ages

    def months(self, count: int) -> list[dt.date]:
        """The last ``count`` months of the period, oldest first (for trend charts)."""
        return [add_months(self.scope.month_to, -i) for i in reversed(range(count))]


def present_families() -> frozenset[str]:
    """Which optional metric families have data at all ("no data" differs from zero)."""
    families = set()
    outcomes = [m.act_outcome(o) for o in m.ACT_OUTCOMES]
    if Fact.objects.filter(court_id=COUNTRY, judge_id=ALL_JUDGES, metric__in=outcomes).exists():
        families.add("act")
    return frozenset(families)


def load_figures(scope: Scope) -> Figures:
    """One query over the place's total rows (or the judge's rows)."""
    return load_many([scope])[0]


def load_many(scopes: list[Scope]) -> list[Figures]:
    """The figures of several places of the same judge level in one query (the region grid)."""
    if not scopes:
        return []
    judge = scopes[0].fact_judge
    rows = Fact.objects.filter(court_id__in={s.fact_court for s in scopes}, judge_id=judge)
    if scopes[0].category:
        rows = rows.filter(category=scopes[0].category)
    if scopes[0].instance:
        rows = rows.filter(instance=scopes[0].instance)
    grids: dict[int, Grid] = defaultdict(dict)
    columns = ("court_id", "metric", "month", "category", "instance", "value")
    for court, metric, month, category, instance, value in rows.values_list(*columns):
        grids[court][(metric, month, category, instance)] = int(value)
    present = present_families()
    return [Figures(scope=s, grid=grids[s.fact_court], present=present) for s in scopes]
