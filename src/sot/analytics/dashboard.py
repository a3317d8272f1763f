"""What a dashboard, a digest and the annual report show for one scope, built from the aggregates."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from sot.courts.models import Region

from . import metrics as m
from .charts import bar_chart, line_chart
from .figures import Figures, load_many
from .indicators import AGE_BANDS, GROUPS, INDICATORS, Indicator
from .load import LoadFigures, load_figures
from .scope import COURT_LEVEL, JUDGE_LEVEL, REGION_LEVEL, Scope
from .selectors import IndicatorValue, evaluate

GRID_CODES = ("clearance_rate", "disposition_time", "past_deadline", "electronic_share")


@dataclass
class Row:
    indicator: Indicator
    # One value per compared place, in the order of ``Dashboard.places``.
    values: list[IndicatorValue]


@dataclass
class Dashboard:
    scope: Scope
    places: list[Scope]
    groups: list[tuple[str, list[Row]]]
    loads: list[LoadFigures]
    trend: SafeString
    ages: SafeString
    regions: list[tuple[Region, list[IndicatorValue]]] = field(default_factory=list)


def compared_places(scope: Scope) -> list[Scope]:
    """The scope and the wider places it is compared with: judge → court, court → region → country."""
    places = [scope]
    if scope.level == JUDGE_LEVEL and scope.court is not None:
        places.append(scope.with_place(court=scope.court))
    if scope.level in (JUDGE_LEVEL, COURT_LEVEL) and scope.region is not None:
        places.append(scope.with_place(region=scope.region))
    if scope.level in (JUDGE_LEVEL, COURT_LEVEL, REGION_LEVEL):
        places.append(scope.with_place())
    return places


def _load(scopes: list[Scope]) -> list[Figures]:
    # Judge rows and place totals live at different judge levels: one query for each kind.
    judges = [s for s in scopes if s.level == JUDGE_LEVEL]
    others = [s for s in scopes if s.level != JUDGE_LEVEL]
    loaded = {id(s): f for s, f in zip(judges, load_many(judges), strict=True)}
    loaded.update({id(s): f for s, f in zip(others, load_many(others), strict=True)})
    return [loaded[id(s)] for s in scopes]


def trend_chart(figures: Figures, months: int = 12) -> SafeString:
    axis = figures.months(months)
    incoming_metric = m.ASSIGNED if figures.scope.level == JUDGE_LEVEL else m.INCOMING
    incoming = figures.by_month(incoming_metric)
    resolved = figures.by_month(m.RESOLVED)
    title = _("Incoming and resolved cases by month: %(place)s") % {
        "place": figures.scope.place_name()
    }
    return line_chart(
        title,
        axis,
        [
            (_("Incoming cases"), [float(incoming.get(x, 0)) for x in axis]),
            (_("Resolved cases"), [float(resolved.get(x, 0)) for x in axis]),
        ],
    )


def age_chart(value: IndicatorValue) -> SafeString:
    bars = [(str(label), float(v or 0)) for label, v in value.breakdown]
    return bar_chart(_("Pending cases by age"), bars) if bars else SafeString("")


def build_dashboard(scope: Scope, *, with_regions: bool = True) -> Dashboard:
    places = compared_places(scope)
    figures = _load(places)
    by_group: dict[str, list[Row]] = {}
    for indicator in INDICATORS:
        values = [evaluate(indicator, f) for f in figures]
        by_group.setdefault(indicator.group, []).append(Row(indicator, values))
    groups = [(str(GROUPS[g]), rows) for g, rows in by_group.items()]
    over_year = next(
        r for rows in by_group.values() for r in rows if r.indicator.code == "pending_over_year"
    )
    ages = age_chart(over_year.values[0]) if scope.level != JUDGE_LEVEL else SafeString("")
    dashboard = Dashboard(
        scope=scope,
        places=places,
        groups=groups,
        loads=[load_figures(p) for p in places],
        trend=trend_chart(figures[0]),
        ages=ages,
    )
    if with_regions:
        regions = list(Region.objects.order_by("code"))
        base = replace(scope, judge=None)
        region_scopes = [base.with_place(region=r) for r in regions]
        indicators = [i for i in INDICATORS if i.code in GRID_CODES]
        for region, region_figures in zip(regions, load_many(region_scopes), strict=True):
            dashboard.regions.append((region, [evaluate(i, region_figures) for i in indicators]))
    return dashboard


AGE_LABELS = [label for _, _, label in AGE_BANDS]
