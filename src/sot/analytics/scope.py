"""What a figure is about: a place (country, region, court or judge), case kind and period."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from django.db.models import Q
from django.utils.translation import gettext as _

from sot.core import clock
from sot.core.errors import ValidationFailed
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Court, Judge, Region

from .models import ALL_JUDGES, COUNTRY

COUNTRY_LEVEL, REGION_LEVEL, COURT_LEVEL, JUDGE_LEVEL = "country", "region", "court", "judge"


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Scope:
    level: str = COUNTRY_LEVEL
    region: Region | None = None
    court: Court | None = None
    judge: Judge | None = None
    category: str = ""
    instance: str = ""
    # First days of the first and the last month of the period, both included.
    month_from: dt.date = dt.date(2000, 1, 1)
    month_to: dt.date = dt.date(2000, 1, 1)

    @property
    def fact_court(self) -> int:
        """The ``Fact.court_id`` that holds this place's totals."""
        if self.level == REGION_LEVEL and self.region is not None:
            return -self.region.pk
        if self.court is not None:
            return self.court.pk
        return COUNTRY

    @property
    def fact_judge(self) -> int:
        return self.judge.pk if self.judge is not None else ALL_JUDGES

    @property
    def first_day(self) -> dt.date:
        return self.month_from

    @property
    def last_day(self) -> dt.date:
        """The period's last day, or today when the period runs on into the future."""
        return min(month_end(self.month_to), clock.today())

    @property
    def days(self) -> int:
        return max((self.last_day - self.first_day).days + 1, 1)

    @property
    def months(self) -> int:
        return (
            (self.month_to.year - self.month_from.year) * 12
            + (self.month_to.month - self.month_from.month)
            + 1
        )

    def place_name(self) -> str:
        if self.judge is not None:
            return self.judge.full_name
        if self.court is not None:
            return self.court.name
        if self.region is not None:
            return self.region.name
        return str(_("Kazakhstan"))

    def case_filter(self) -> Q:
        """The cases this scope covers (for drill-down lists)."""
        q = Q()
        if self.judge is not None:
            q &= Q(bench__judge=self.judge, bench__role="presiding")
        elif self.court is not None:
            q &= Q(court=self.court)
        elif self.region is not None:
            q &= Q(court__region=self.region)
        if self.category:
            q &= Q(category=self.category)
        if self.instance:
            q &= Q(instance=self.instance)
        return q

    def with_place(self, *, region: Region | None = None, court: Court | None = None) -> Scope:
        """The same kind and period for another place (a court's region, the country)."""
        if court is not None:
            return replace(self, level=COURT_LEVEL, court=court, region=court.region, judge=None)
        if region is not None:
            return replace(self, level=REGION_LEVEL, region=region, court=None, judge=None)
        return replace(self, level=COUNTRY_LEVEL, region=None, court=None, judge=None)

    def previous_year(self) -> Scope:
        return replace(
            self,
            month_from=add_months(self.month_from, -12),
            month_to=add_months(self.month_to, -12),
        )

    def query(self) -> dict[str, str]:
        """The scope as query parameters (for links that keep the filters)."""
        params = {"from": f"{self.month_from:%Y-%m}", "to": f"{self.month_to:%Y-%m}"}
        if self.judge is not None:
            params["judge"] = str(self.judge.pk)
        elif self.court is not None:
            params["court"] = self.court.code
        elif self.region is not None:
            params["region"] = self.region.code
        if self.category:
            params["category"] = self.category
        if self.instance:
            params["instance"] = self.instance
        return params


def default_period() -> tuple[dt.date, dt.date]:
    """The twelve months up to and including this one."""
    this_month = month_start(clock.today())
    return add_months(this_month, -11), this_month


def _parse_month(value: str, field: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%Y-%m").replace(tzinfo=dt.UTC).date()
    except ValueError:
        raise ValidationFailed(
            _("Enter a month as YYYY-MM."), fields={field: [_("Enter a month as YYYY-MM.")]}
        ) from None


def parse_scope(params: dict[str, str]) -> Scope:
    """A scope from query parameters; bad values raise one clear, translated error."""
    errors: dict[str, list[str]] = {}
    month_from, month_to = default_period()
    if params.get("year"):
        try:
            year = int(params["year"])
            month_from, month_to = dt.date(year, 1, 1), dt.date(year, 12, 1)
        except ValueError:
            errors["year"] = [_("Enter a year.")]
    if params.get("from"):
        month_from = _parse_month(params["from"], "from")
    if params.get("to"):
        month_to = _parse_month(params["to"], "to")
    if month_from > month_to:
        errors["from"] = [_("The period must not end before it begins.")]
    category = params.get("category", "")
    if category and category not in CaseCategory.values:
        errors["category"] = [_("Unknown category.")]
    instance = params.get("instance", "")
    if instance and instance not in Instance.values:
        errors["instance"] = [_("Unknown instance.")]
    scope = Scope(category=category, instance=instance, month_from=month_from, month_to=month_to)
    if params.get("judge"):
        judge = (
            Judge.objects.select_related("court__region")
            .filter(pk=int(params["judge"]) if params["judge"].isdigit() else -1)
            .first()
        )
        if judge is None:
            errors["judge"] = [_("Unknown judge.")]
        else:
            scope = replace(
                scope, level=JUDGE_LEVEL, judge=judge, court=judge.court, region=judge.court.region
            )
    elif params.get("court"):
        court = Court.objects.select_related("region").filter(code=params["court"]).first()
        if court is None:
            errors["court"] = [_("Unknown court.")]
        else:
            scope = scope.with_place(court=court)
    elif params.get("region"):
        region = Region.objects.filter(code=params["region"]).first()
        if region is None:
            errors["region"] = [_("Unknown region.")]
        else:
            scope = scope.with_place(region=region)
    if errors:
        raise ValidationFailed(_("Check the filters."), fields=errors)
    return scope
