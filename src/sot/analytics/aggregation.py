"""What each source log adds to the aggregates: deltas keyed by ``FactKey``.

Each collector reads one id range ``(after, upto]`` of an append-only log with a grouped query and
returns the changes it makes to ``Fact`` rows. The incremental update and the full rebuild both call
these collectors, over a small range or over the whole log; the tests compare both with a recount
written independently over the raw rows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, TruncMonth

from sot.cases.models import BenchRole, CaseEvent, CaseEventKind, CaseJudge
from sot.deadlines.models import Violation
from sot.hearings.models import HearingEvent, HearingEventKind, HearingFormat

from . import metrics as m
from .models import ALL_JUDGES, COUNTRY

# Kazakhstan has one time zone (UTC+5) since March 2024: months are counted in it.
KZ = ZoneInfo("Asia/Almaty")

# (month, court_id, judge_id, category, instance, metric)
FactKey = tuple[dt.date, int, int, str, str, str]
Deltas = defaultdict[FactKey, int]


def new_deltas() -> Deltas:
    return defaultdict(int)


ASSIGNMENTS = [CaseEventKind.JUDGE_ASSIGNED, CaseEventKind.JUDGE_REASSIGNED]


def judge_as_of_event() -> Subquery:
    """The presiding judge named by the case's last assignment event before this one (or NULL).

    Taken from the append-only log, not from the current bench, so the figure an event adds never
    changes later: the incremental path and a rebuild attribute it to the same judge.
    """
    return Subquery(
        CaseEvent.objects.filter(
            case_id=OuterRef("case_id"), kind__in=ASSIGNMENTS, id__lt=OuterRef("id")
        )
        .filter(payload__role=str(BenchRole.PRESIDING))
        .annotate(named=Cast(KT("payload__judge"), IntegerField()))
        .order_by("-id")
        .values("named")[:1]
    )


def presiding_judge() -> Subquery:
    """The case's presiding judge now (violations are recorded long after any reassignment)."""
    return Subquery(
        CaseJudge.objects.filter(case_id=OuterRef("case_id"), role=BenchRole.PRESIDING)
        .order_by("pk")
        .values("judge_id")[:1]
    )


def _month(value: dt.datetime | dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.astimezone(KZ).date()
    return value.replace(day=1)


def _add(
    deltas: Deltas,
    row: dict[str, Any],
    month: Any,
    metric: str,
    amount: int,
    *,
    judge: int | None = None,
    court_total: bool = True,
) -> None:
    """Add to the court's total row and, when the event has one, to the judge's row."""
    if not amount or month is None:
        return
    key_month = month if metric == m.OPEN else _month(month)
    court, category, instance = row["court"], row["category"], row["instance"]
    if court_total:
        deltas[(key_month, court, ALL_JUDGES, category, instance, metric)] += amount
    judge = row.get("judge") if judge is None else judge
    if judge:
        deltas[(key_month, court, judge, category, instance, metric)] += amount


def _seconds(value: dt.timedelta | None) -> int:
    return int(value.total_seconds()) if value is not None else 0


def _case_events(after: int, upto: int, kinds: Iterable[str]) -> QuerySet[CaseEvent]:
    return CaseEvent.objects.filter(id__gt=after, id__lte=upto, kind__in=list(kinds)).annotate(
        month=TruncMonth("at", tzinfo=KZ),
        court=F("case__court_id"),
        category=F("case__category"),
        instance=F("case__instance"),
        judge=judge_as_of_event(),
    )


DIMENSIONS = ("month", "court", "category", "instance", "judge")


def collect_case_events(after: int, upto: int, deltas: Deltas) -> None:
    """Filings, incoming, resolved, suspensions, appeals and act outcomes from the case log."""
    filed = (
        _case_events(after, upto, [CaseEventKind.FILED])
        .values(*DIMENSIONS, electronic=F("case__is_electronic"))
        .annotate(n=Count("id"))
    )
    for row in filed:
        # Filing and registration come before any judge: court figures only.
        _add(deltas, row, row["month"], m.FILED, row["n"], judge=0)
        if row["electronic"]:
            _add(deltas, row, row["month"], m.FILED_ELECTRONIC, row["n"], judge=0)

    simple = {
        CaseEventKind.REGISTERED: m.INCOMING,
        CaseEventKind.SUSPENDED: m.SUSPENDED,
        CaseEventKind.APPEALED: m.APPEALED,
    }
    for row in (
        _case_events(after, upto, simple).values(*DIMENSIONS, "kind").annotate(n=Count("id"))
    ):
        judge = 0 if row["kind"] == CaseEventKind.REGISTERED else None
        _add(deltas, row, row["month"], simple[row["kind"]], row["n"], judge=judge)
        if row["kind"] == CaseEventKind.SUSPENDED:
            # Open suspensions are kept by the month they began in: their age is known later.
            _add(deltas, row, row["month"], m.SUSPENDED_OPEN, row["n"])

    decided = (
        _case_events(after, upto, [CaseEventKind.DECIDED])
        .values(*DIMENSIONS, registered_month=TruncMonth("case__registered_at", tzinfo=KZ))
        .annotate(
            n=Count("id"),
            duration=Sum(
                ExpressionWrapper(F("at") - F("case__registered_at"), output_field=DurationField())
            ),
        )
    )
    for row in decided:
        _add(deltas, row, row["month"], m.RESOLVED, row["n"])
        _add(deltas, row, row["month"], m.RESOLVED_SECONDS, _seconds(row["duration"]))
        # Pending cases are kept by the month they were registered in: their age is known later.
        _add(deltas, row, row["registered_month"], m.RESOLVED_BY_REGISTRATION, row["n"], judge=0)
        _add(deltas, row, m.STOCK_MONTH, m.OPEN, -row["n"], court_total=False)

    # A judge's workload: cases assigned to them (+1) and taken from the previous judge (−1).
    assigned = (
        _case_events(after, upto, ASSIGNMENTS)
        .filter(payload__role=str(BenchRole.PRESIDING))
        .annotate(new_judge=Cast(KT("payload__judge"), IntegerField()))
        .values(*DIMENSIONS, "new_judge")
        .annotate(n=Count("id"))
    )
    for row in assigned:
        if not row["new_judge"]:
            continue  # an assignment event that names no judge changes no workload
        _add(deltas, row, row["month"], m.ASSIGNED, row["n"], judge=row["new_judge"])
        _add(
            deltas, row, m.STOCK_MONTH, m.OPEN, row["n"], judge=row["new_judge"], court_total=False
        )
        _add(deltas, row, m.STOCK_MONTH, m.OPEN, -row["n"], court_total=False)

    suspended_since = Subquery(
        CaseEvent.objects.filter(
            case_id=OuterRef("case_id"), kind=CaseEventKind.SUSPENDED, at__lte=OuterRef("at")
        )
        .order_by("-at", "-pk")
        .values("at")[:1]
    )
    resumed = (
        _case_events(after, upto, [CaseEventKind.RESUMED])
        .annotate(since=suspended_since)
        .values(*DIMENSIONS, since_month=TruncMonth("since", tzinfo=KZ))
        .annotate(
            n=Count("id"),
            duration=Sum(ExpressionWrapper(F("at") - F("since"), output_field=DurationField())),
        )
    )
    for row in resumed:
        _add(deltas, row, row["month"], m.RESUMED, row["n"])
        _add(deltas, row, row["month"], m.SUSPENSION_SECONDS, _seconds(row["duration"]))
        _add(deltas, row, row["since_month"], m.SUSPENDED_OPEN, -row["n"])

    outcomes = (
        _case_events(after, upto, [CaseEventKind.ACT_SIGNED])
        .filter(payload__outcome__in=list(m.ACT_OUTCOMES))
        .annotate(outcome=KT("payload__outcome"))
        .values(*DIMENSIONS, "outcome")
        .annotate(n=Count("id"))
    )
    for row in outcomes:
        _add(deltas, row, row["month"], m.act_outcome(row["outcome"]), row["n"])


def collect_violations(after: int, upto: int, deltas: Deltas) -> None:
    """Procedural-deadline violations recorded by sot.deadlines, by kind, in the month detected."""
    rows = (
        Violation.objects.filter(id__gt=after, id__lte=upto)
        .annotate(
            month=TruncMonth("detected_at", tzinfo=KZ),
            place=F("court_id"),
            category=F("case__category"),
            instance=F("case__instance"),
            judge=presiding_judge(),
        )
        .values("month", "place", "category", "instance", "judge", "kind")
        .annotate(n=Count("id"), delay=Sum("delay"))
    )
    for row in rows:
        row["court"] = row["place"]
        _add(deltas, row, row["month"], m.violation(row["kind"]), row["n"])
        _add(deltas, row, row["month"], m.violation_seconds(row["kind"]), _seconds(row["delay"]))


def collect_hearing_events(after: int, upto: int, deltas: Deltas) -> None:
    """Hearings held (in person or by video), started late and postponed, from the hearings log."""
    base = HearingEvent.objects.filter(id__gt=after, id__lte=upto, hearing__isnull=False).annotate(
        month=TruncMonth("at", tzinfo=KZ),
        court=F("case__court_id"),
        category=F("case__category"),
        instance=F("case__instance"),
        judge=F("hearing__judge_id"),
    )
    started = (
        base.filter(kind__in=[HearingEventKind.STARTED, HearingEventKind.STARTED_LATE])
        .values(*DIMENSIONS, "kind", video=F("hearing__format"))
        .annotate(n=Count("id"))
    )
    for row in started:
        _add(deltas, row, row["month"], m.HEARINGS_HELD, row["n"])
        if row["video"] == HearingFormat.VIDEO:
            _add(deltas, row, row["month"], m.HEARINGS_VIDEO, row["n"])
        if row["kind"] == HearingEventKind.STARTED_LATE:
            _add(deltas, row, row["month"], m.HEARINGS_LATE, row["n"])
    postponed = (
        base.filter(kind=HearingEventKind.POSTPONED)
        .values(*DIMENSIONS, justified=F("hearing__postponement__reason__is_justified"))
        .annotate(n=Count("id"))
    )
    for row in postponed:
        _add(deltas, row, row["month"], m.POSTPONED, row["n"])
        if row["justified"] is False:
            _add(deltas, row, row["month"], m.POSTPONED_UNJUSTIFIED, row["n"])
        elif row["justified"]:
            _add(deltas, row, row["month"], m.POSTPONED_JUSTIFIED, row["n"])


def add_rollups(deltas: Deltas, region_of: dict[int, int]) -> None:
    """Copy every court total into its region's row (court_id −region) and the country's (0)."""
    for key, value in list(deltas.items()):
        month, court, judge, category, instance, metric = key
        if judge != ALL_JUDGES or court <= 0 or not value:
            continue
        region = region_of.get(court)
        if region:
            deltas[(month, -region, ALL_JUDGES, category, instance, metric)] += value
        deltas[(month, COUNTRY, ALL_JUDGES, category, instance, metric)] += value


# Each source: (cursor name, the log's model, its collector).
SOURCES: tuple[tuple[str, Any, Any], ...] = (
    ("case_events", CaseEvent, collect_case_events),
    ("violations", Violation, collect_violations),
    ("hearing_events", HearingEvent, collect_hearing_events),
)
