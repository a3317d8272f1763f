"""Permission-checked reads of the Situational Center: indicator values and the cases behind them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.functional import Promise

from sot.accounts.models import User
from sot.accounts.roles import NATIONAL_READ_ROLES, Role
from sot.cases.models import Case, CaseEvent, CaseEventKind, CaseStatus
from sot.cases.selectors import visible_cases
from sot.core import clock
from sot.core.errors import Forbidden, NotFound
from sot.hearings.models import HearingEvent, HearingEventKind, HearingFormat

from .aggregation import KZ
from .figures import Figures, load_figures
from .indicators import BY_CODE, INDICATORS, UNIT_LABELS, Indicator
from .load import LoadFigures
from .load import load_figures as judge_load_figures
from .scope import (
    COUNTRY_LEVEL,
    JUDGE_LEVEL,
    REGION_LEVEL,
    Scope,
    add_months,
    month_end,
    month_start,
    parse_scope,
)


def may_view_analytics(user: User) -> bool:
    return user.is_authenticated and user.has_role(Role.COURT_CHAIR, *NATIONAL_READ_ROLES)


def may_view_scope(user: User, scope: Scope) -> bool:
    """Analysts see every place; a chair sees the country, any region and their own court."""
    if not may_view_analytics(user):
        return False
    if user.has_role(*NATIONAL_READ_ROLES):
        return True
    if scope.level in (COUNTRY_LEVEL, REGION_LEVEL):
        return True
    own = user.workplace_court()
    return own is not None and scope.court is not None and scope.court.pk == own.pk


def access_scope(user: User, params: dict[str, str]) -> Scope:
    """The scope the query asks for, if the user may see it; a chair's default is their court."""
    if not may_view_analytics(user):
        raise Forbidden()
    params = dict(params)
    own = user.workplace_court()
    place_given = any(params.get(k) for k in ("region", "court", "judge", "country"))
    if not place_given and own is not None and not user.has_role(*NATIONAL_READ_ROLES):
        params["court"] = own.code
    scope = parse_scope(params)
    if not may_view_scope(user, scope):
        raise Forbidden()
    return scope


@dataclass(frozen=True)
class IndicatorValue:
    indicator: Indicator
    value: float | None
    level: str  # "", "ok", "warn", "alert"
    breakdown: list[tuple[Promise | str, float | None]] = field(default_factory=list)

    @property
    def unit_label(self) -> Promise:
        return UNIT_LABELS[self.indicator.unit]

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.indicator.code,
            "name": str(self.indicator.name),
            "unit": self.indicator.unit,
            "value": self.value,
            "has_data": self.value is not None,
            "attention": self.level,
            "breakdown": [{"label": str(label), "value": value} for label, value in self.breakdown],
        }


def evaluate(indicator: Indicator, figures: Figures) -> IndicatorValue:
    scope = figures.scope
    if not indicator.is_available or (scope.judge is not None and not indicator.per_judge):
        return IndicatorValue(indicator, None, "")
    value = indicator.compute(figures)
    level = indicator.threshold.level(value) if indicator.threshold else ""
    breakdown = indicator.breakdown(figures) if indicator.breakdown and value is not None else []
    return IndicatorValue(indicator, value, level, breakdown)


def indicator_values(scope: Scope, codes: list[str] | None = None) -> list[IndicatorValue]:
    """Every indicator (or the named ones) for one scope: one query over the aggregates."""
    figures = load_figures(scope)
    chosen = INDICATORS if codes is None else tuple(BY_CODE[c] for c in codes)
    return [evaluate(indicator, figures) for indicator in chosen]


def load_values(scope: Scope) -> LoadFigures:
    return judge_load_figures(scope)


def access_indicator(code: str) -> Indicator:
    indicator = BY_CODE.get(code)
    if indicator is None:
        raise NotFound()
    return indicator


# ---- drill-down: the cases behind a number -------------------------------------------------


def _bounds(scope: Scope) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(scope.first_day, dt.time.min, tzinfo=KZ)
    end = dt.datetime.combine(
        month_end(scope.month_to) + dt.timedelta(days=1), dt.time.min, tzinfo=KZ
    )
    return start, end


PENDING = [
    CaseStatus.REGISTERED,
    CaseStatus.ACCEPTED,
    CaseStatus.LEFT_WITHOUT_MOTION,
    CaseStatus.SCHEDULED,
    CaseStatus.HEARD,
    CaseStatus.SUSPENDED,
]


def _drill_filter(drill: str, scope: Scope) -> Q:
    start, end = _bounds(scope)
    period = {"gte": start, "lt": end}
    if drill == "filed":
        return Q(filed_at__gte=start, filed_at__lt=end)
    if drill == "filed_electronic":
        return Q(filed_at__gte=start, filed_at__lt=end, is_electronic=True)
    if drill == "incoming":
        if scope.level == JUDGE_LEVEL:
            return Q(bench__assigned_at__gte=start, bench__assigned_at__lt=end)
        return Q(registered_at__gte=start, registered_at__lt=end)
    if drill == "resolved":
        return Q(decided_at__gte=start, decided_at__lt=end)
    if drill == "pending":
        return Q(registered_at__lt=end) & (Q(decided_at__isnull=True) | Q(decided_at__gte=end))
    if drill == "pending_old":
        year_ago = add_months(month_start(clock.today()), -11)
        cutoff = dt.datetime.combine(year_ago, dt.time.min, tzinfo=KZ)
        return Q(status__in=PENDING, registered_at__lt=cutoff)
    if drill.startswith("violation:"):
        kind = drill.split(":", 1)[1]
        return Q(
            violations__kind=kind,
            violations__detected_at__gte=start,
            violations__detected_at__lt=end,
        )
    if drill == "suspended":
        return Q(status=CaseStatus.SUSPENDED)
    if drill == "suspensions":
        ids = CaseEvent.objects.filter(
            kind=CaseEventKind.SUSPENDED, at__gte=start, at__lt=end
        ).values("case_id")
        return Q(pk__in=ids)
    if drill == "hearings_late":
        ids = HearingEvent.objects.filter(
            kind=HearingEventKind.STARTED_LATE, at__gte=start, at__lt=end
        ).values("case_id")
        return Q(pk__in=ids)
    if drill in ("postponed_justified", "postponed_unjustified"):
        return Q(
            hearings__postponement__at__gte=start,
            hearings__postponement__at__lt=end,
            hearings__postponement__reason__is_justified=drill == "postponed_justified",
        )
    if drill == "hearings_video":
        return Q(
            hearings__format=HearingFormat.VIDEO,
            hearings__actual_start__range=(period["gte"], period["lt"]),
        )
    raise NotFound()


def drill_cases(user: User, scope: Scope, indicator: Indicator) -> QuerySet[Case]:
    """The cases behind an indicator's number that this user may see, newest first."""
    if not indicator.drill:
        raise NotFound()
    matching = Case.objects.filter(scope.case_filter() & _drill_filter(indicator.drill, scope))
    return (
        visible_cases(user)
        .filter(pk__in=matching.values("pk"))
        .select_related("court__region")
        .order_by("-filed_at", "-pk")
    )
