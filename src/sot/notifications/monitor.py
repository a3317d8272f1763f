"""Periodic checks: notices for approaching procedural deadlines, and late notices as violations.

``late_notices_record`` judges every notice whose ``due_by`` has passed once: reached after it (or
not at all) is a ``NOTICE_LATE`` violation for the Situational Center, with the person the routing
rule holds responsible.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F, Q

from sot.core import clock
from sot.deadlines.models import CaseClock, ClockState, ViolationKind
from sot.deadlines.violations import violation_record

from .models import Notice
from .routing import route_for

DEADLINE_KIND = "deadline.approaching"


def _day_start(day: date, zone: str) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(zone))


def deadline_notices_create(*, today: date | None = None) -> int:
    """Tell the presiding judge of each running clock that its last day is within the lead time."""
    from sot.hearings.services import presiding_judge

    from .services import notify

    today = today or clock.today()
    lead_days = max(route_for(DEADLINE_KIND).lead_time.days, 0)
    clocks = (
        CaseClock.objects.filter(
            state=ClockState.RUNNING,
            due__isnull=False,
            due__gte=today,
            due__lte=today + timedelta(days=lead_days),
        )
        .select_related("rule", "case__court")
        .order_by("pk")
    )
    created = 0
    for case_clock in clocks.iterator(chunk_size=500):
        case = case_clock.case
        judge = presiding_judge(case)
        if judge is None or case.number is None:
            continue
        user = judge.user
        lang = user.preferred_language or "kk"
        rule = case_clock.rule
        name = getattr(rule, f"name_{lang}", "") or rule.name_kk
        due = case_clock.due
        assert due is not None  # filtered above
        key = f"deadline:{case.pk}:{rule.code}:{due.isoformat()}"
        if Notice.objects.filter(dedup_key=f"{DEADLINE_KIND}|{key}|{user.pk}").exists():
            continue
        with transaction.atomic():
            notify(
                kind=DEADLINE_KIND,
                recipients=[user],
                case=case,
                context={
                    "case_number": case.number,
                    "deadline_name": name,
                    "article": rule.article,
                    "due_date": f"{due:%d.%m.%Y}",
                },
                due_by=_day_start(due, case.court.timezone),
                key=key,
            )
        created += 1
    return created


def late_notices_record(*, now: datetime | None = None) -> int:
    """Record a violation for each notice not reached by its ``due_by``; returns how many."""
    now = now or clock.now()
    recorded = 0
    due = (
        Notice.objects.filter(timeliness_checked=False, due_by__isnull=False, due_by__lte=now)
        .select_related("case")
        .order_by("due_by", "pk")
    )
    for notice in due.iterator(chunk_size=500):
        assert notice.due_by is not None
        on_time = notice.reached_at is not None and notice.reached_at <= notice.due_by
        with transaction.atomic():
            if not on_time and notice.case is not None:
                _violation, is_new = violation_record(
                    kind=ViolationKind.NOTICE_LATE,
                    source=f"notice:{notice.pk}",
                    case=notice.case,
                    due_at=notice.due_by,
                    detected_at=notice.reached_at or now,
                    rule=f"notice:{notice.kind}",
                    responsible=notice.responsible,
                    details={
                        "notice": notice.pk,
                        "kind": notice.kind,
                        "recipient": notice.recipient_id,
                        "reached_at": notice.reached_at.isoformat() if notice.reached_at else None,
                        "channels": list(
                            notice.deliveries.values_list("channel", "state").order_by("pk")
                        ),
                    },
                )
                recorded += int(is_new)
            Notice.objects.filter(pk=notice.pk).update(timeliness_checked=True)
    return recorded


def undelivered(now: datetime | None = None) -> int:
    """Notices past their due time and still not reached (for the command's summary)."""
    now = now or clock.now()
    return Notice.objects.filter(
        Q(reached_at__isnull=True) | Q(reached_at__gt=F("due_by")), due_by__lte=now
    ).count()
