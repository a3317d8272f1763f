"""``sot deadlines monitor``: record every clock that ran out, as it happens.

Meant for a timer (every few minutes, or hourly): each run records

- a running clock whose last day has passed (deadline breached, or act entered late for the
  act-preparation rules), and
- a clock stopped after its last day (the act entered, or the case decided, too late) when its
  breach was not recorded while it ran,

through ``violation_record``, which records a (kind, source) once: a run repeated, interrupted or
overlapping another records nothing twice. Each run leaves a ``MonitorRun`` row (how far it got);
stopped clocks are looked at from the previous run's day on.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F, Q

from sot.accounts.models import User
from sot.cases.models import BenchRole, Case, CaseJudge
from sot.core import clock

from .models import CaseClock, ClockState, MonitorRun, Responsible, Violation, clock_source
from .violations import violations_record_many

BATCH = 2_000


def day_end(day: date, zone: str) -> datetime:
    """The moment a period whose last day is ``day`` runs out: midnight after it, court time."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=ZoneInfo(zone))


def monitor_run(*, today: date | None = None) -> MonitorRun:
    today = today or clock.today()
    previous = MonitorRun.objects.filter(finished_at__isnull=False).order_by("-through").first()
    run = MonitorRun.objects.create(through=today, started_at=clock.now())
    late_stops = Q(state=ClockState.STOPPED, stopped_on__gt=F("due"))
    if previous is not None:
        late_stops &= Q(stopped_on__gte=previous.through - timedelta(days=1))
    candidates = (
        CaseClock.objects.filter(breach_recorded=False, due__isnull=False)
        .filter(Q(state=ClockState.RUNNING, due__lt=today) | late_stops)
        .select_related("rule", "court__region")
        .only(
            "case_id",
            "court_id",
            "due",
            "started_on",
            "stopped_on",
            "rule__code",
            "rule__article",
            "rule__responsible",
            "rule__violation_kind",
            "court__region__timezone",
        )
        .order_by("pk")
    )
    recorded = 0
    last_pk = 0
    now = clock.now()
    while True:
        batch = list(candidates.filter(pk__gt=last_pk)[:BATCH])
        if not batch:
            break
        last_pk = batch[-1].pk
        responsible = _responsible(batch)
        with transaction.atomic():
            recorded += violations_record_many(
                [_violation(row, responsible.get(row.pk), now) for row in batch]
            )
            CaseClock.objects.filter(pk__in=[c.pk for c in batch]).update(breach_recorded=True)
        run.recorded = recorded
        run.save(update_fields=["recorded"])
    run.finished_at = clock.now()
    run.save(update_fields=["finished_at", "recorded"])
    return run


def _violation(row: CaseClock, responsible: User | None, now: datetime) -> Violation:
    """The (unsaved) violation of a clock that ran out; as ``violation_record`` would build it."""
    zone = row.court.timezone
    assert row.due is not None
    due_at = day_end(row.due, zone)
    details = {
        "due": row.due.isoformat(),
        "article": row.rule.article,
        "started_on": row.started_on.isoformat(),
    }
    detected = now
    if row.stopped_on is not None:
        detected = day_end(row.stopped_on, zone)
        details["stopped_on"] = row.stopped_on.isoformat()
    return Violation(
        kind=row.rule.violation_kind,
        source=clock_source(row.case_id, row.rule.code),
        case_id=row.case_id,
        court_id=row.court_id,
        rule=row.rule.code,
        responsible=responsible,
        due_at=due_at,
        detected_at=detected,
        delay=max(detected - due_at, timedelta(0)),
        details=details,
    )


def _responsible(rows: list[CaseClock]) -> dict[int, User | None]:
    """The user answerable for each clock: the presiding judge, or the hearing secretary."""
    case_ids = {row.case_id for row in rows}
    presiding: dict[int, int] = {}
    first_seated: dict[int, int] = {}
    for case_id, user_id, role in (
        CaseJudge.objects.filter(case_id__in=case_ids)
        .order_by("assigned_at", "pk")
        .values_list("case_id", "judge__user_id", "role")
    ):
        first_seated.setdefault(case_id, user_id)
        if role == BenchRole.PRESIDING:
            presiding.setdefault(case_id, user_id)
    clerks = dict(Case.objects.filter(pk__in=case_ids).values_list("pk", "clerk_id"))
    chosen: dict[int, int | None] = {}
    for row in rows:
        if row.rule.responsible == Responsible.HEARING_SECRETARY:
            chosen[row.pk] = clerks.get(row.case_id)
        else:
            chosen[row.pk] = presiding.get(row.case_id, first_seated.get(row.case_id))
    users = User.objects.in_bulk([pk for pk in chosen.values() if pk is not None])
    return {row_pk: users.get(user_pk) if user_pk else None for row_pk, user_pk in chosen.items()}
