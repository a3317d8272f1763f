"""Indicators recounted straight from the raw rows, written independently of the aggregation code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sot.cases.models import Case, CaseEvent, CaseEventKind
from sot.core import clock
from sot.deadlines.models import Violation
from sot.hearings.models import HearingEvent, HearingEventKind, HearingFormat, Postponement

from ..aggregation import KZ
from ..scope import Scope, add_months, month_end, month_start


def _in_place(case: Case, scope: Scope) -> bool:
    if scope.court is not None and case.court_id != scope.court.pk:
        return False
    if scope.region is not None and case.court.region_id != scope.region.pk:
        return False
    if scope.category and case.category != scope.category:
        return False
    return not (scope.instance and case.instance != scope.instance)


def _period(scope: Scope) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(scope.first_day, dt.time.min, tzinfo=KZ)
    end = dt.datetime.combine(
        month_end(scope.month_to) + dt.timedelta(days=1), dt.time.min, tzinfo=KZ
    )
    return start, end


def _inside(at: dt.datetime | None, bounds: tuple[dt.datetime, dt.datetime]) -> bool:
    return at is not None and bounds[0] <= at < bounds[1]


def _judge_by_event(events: Iterable[CaseEvent]) -> dict[int, int | None]:
    """For each event id: the presiding judge named by the last earlier assignment event."""
    judge: int | None = None
    result: dict[int, int | None] = {}
    for event in sorted(events, key=lambda e: e.pk):
        result[event.pk] = judge
        if event.kind in (CaseEventKind.JUDGE_ASSIGNED, CaseEventKind.JUDGE_REASSIGNED):
            judge = int(event.payload["judge"])
    return result


def recount(scope: Scope) -> dict[str, float | None]:
    """The figures of the scope, from cases, their events, violations and hearings."""
    bounds = _period(scope)
    cases = [c for c in Case.objects.select_related("court") if _in_place(c, scope)]
    ids = {c.pk for c in cases}
    events = list(CaseEvent.objects.filter(case_id__in=ids).order_by("pk"))
    by_case: dict[int, list[CaseEvent]] = {}
    for event in events:
        by_case.setdefault(event.case_id, []).append(event)
    judge_of: dict[int, int | None] = {}
    for case_events in by_case.values():
        judge_of.update(_judge_by_event(case_events))
    judge = scope.judge.pk if scope.judge is not None else None

    def mine(event: CaseEvent) -> bool:
        return judge is None or judge_of[event.pk] == judge

    out: dict[str, float | None] = {}
    filed = [c for c in cases if _inside(c.filed_at, bounds)]
    if judge is None:
        out["filed"] = len(filed)
        out["electronic_share"] = (
            round(100 * sum(c.is_electronic for c in filed) / len(filed), 1) if filed else None
        )
        incoming = sum(_inside(c.registered_at, bounds) for c in cases)
    else:
        incoming = sum(
            1
            for e in events
            if e.kind in (CaseEventKind.JUDGE_ASSIGNED, CaseEventKind.JUDGE_REASSIGNED)
            and int(e.payload["judge"]) == judge
            and _inside(e.at, bounds)
        )
    decided = [
        e for e in events if e.kind == CaseEventKind.DECIDED and _inside(e.at, bounds) and mine(e)
    ]
    out["incoming"] = incoming
    out["resolved"] = len(decided)
    out["clearance_rate"] = round(100 * len(decided) / incoming, 1) if incoming else None
    registered_at = {c.pk: c.registered_at for c in cases}
    if decided:
        days = sum((e.at - registered_at[e.case_id]).total_seconds() for e in decided) / 86400
        out["average_duration"] = round(days / len(decided), 1)
    else:
        out["average_duration"] = None
    end = bounds[1]
    if judge is None:
        pending = sum(
            1
            for c in cases
            if c.registered_at is not None
            and c.registered_at < end
            and (c.decided_at is None or c.decided_at >= end)
        )
    else:
        pending = 0
        for case_events in by_case.values():
            last = _judge_by_event(case_events)
            holder = None
            for event in case_events:
                if event.kind in (CaseEventKind.JUDGE_ASSIGNED, CaseEventKind.JUDGE_REASSIGNED):
                    holder = int(event.payload["judge"])
            is_open = not any(e.kind == CaseEventKind.DECIDED for e in case_events)
            pending += int(is_open and holder == judge)
            del last
    out["pending"] = pending
    out["disposition_time"] = round(pending * scope.days / len(decided), 1) if decided else None
    suspended_now = 0
    for case_events in by_case.values():
        state = 0
        for event in case_events:
            if event.kind == CaseEventKind.SUSPENDED and mine(event):
                state += 1
            elif event.kind == CaseEventKind.RESUMED and mine(event):
                state -= 1
        suspended_now += state
    out["suspended_now"] = suspended_now
    if judge is None:
        cutoff = add_months(month_start(clock.today()), -12)
        out["pending_over_year"] = sum(
            1
            for c in cases
            if c.registered_at is not None
            and c.decided_at is None
            and month_start(c.registered_at.astimezone(KZ).date()) <= cutoff
        )
    violations = Violation.objects.filter(case_id__in=ids, kind="deadline_breached")
    out["past_deadline"] = sum(
        1
        for v in violations
        if _inside(v.detected_at, bounds)
        and (judge is None or v.case.bench.filter(role="presiding", judge_id=judge).exists())
    )
    started = [
        h
        for h in HearingEvent.objects.filter(
            case_id__in=ids, kind__in=[HearingEventKind.STARTED, HearingEventKind.STARTED_LATE]
        ).select_related("hearing")
        if _inside(h.at, bounds) and (judge is None or h.hearing.judge_id == judge)
    ]
    late = sum(h.kind == HearingEventKind.STARTED_LATE for h in started)
    video = sum(h.hearing.format == HearingFormat.VIDEO for h in started)
    out["hearings_late"] = round(100 * late / len(started), 1) if started else None
    out["video_share"] = round(100 * video / len(started), 1) if started else None
    postponed = [
        p
        for p in Postponement.objects.filter(hearing__case_id__in=ids).select_related(
            "reason", "hearing"
        )
        if _inside(p.at, bounds) and (judge is None or p.hearing.judge_id == judge)
    ]
    out["postponements_justified"] = sum(p.reason.is_justified for p in postponed)
    out["postponements_unjustified"] = sum(not p.reason.is_justified for p in postponed)
    return {k: (float(v) if v is not None else None) for k, v in out.items()}
