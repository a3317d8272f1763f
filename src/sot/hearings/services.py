"""Writes on hearings: schedule, open, close, postpone. Each owns its transaction.

Lifecycle moves of the case (scheduled, heard) go through ``sot.cases.services.case_transition``,
which writes the case event; steps the case lifecycle has no event kind for (a hearing opened,
closed, postponed) are recorded in the append-only ``HearingEvent`` log. Late starts and
unjustified postponements are recorded as violations the moment they happen.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.cases.lifecycle import TRANSITIONS, CaseAction
from sot.cases.models import BenchRole, Case, CaseStatus, Participant
from sot.cases.services import case_transition
from sot.core import clock
from sot.core.errors import Conflict, Forbidden, InvalidTransition, ValidationFailed
from sot.courts.models import Judge
from sot.deadlines.models import ViolationKind
from sot.deadlines.violations import violation_record

from . import booking, conf, locks, rules
from .models import (
    Courtroom,
    Hearing,
    HearingEvent,
    HearingEventKind,
    HearingFormat,
    HearingStatus,
    Postponement,
    PostponementReason,
)
from .signals import hearing_event_recorded
from .video import video_bridge

NOT_A_PARTICIPANT = _("Only the case's own participants can be summoned.")


def hearing_event(
    *,
    case: Case,
    kind: str,
    actor: User | None,
    hearing: Hearing | None = None,
    payload: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> HearingEvent:
    event = HearingEvent.objects.create(
        case=case,
        hearing=hearing,
        kind=kind,
        actor=actor,
        payload=payload or {},
        at=at or clock.now(),
    )
    hearing_event_recorded.send(sender=HearingEvent, event=event)
    return event


def presiding_judge(case: Case) -> Judge | None:
    """The presiding judge of the case's bench (else its first judge)."""
    seats = case.bench.select_related("judge__user").order_by("assigned_at", "pk")
    seat = seats.filter(role=BenchRole.PRESIDING).first() or seats.first()
    return seat.judge if seat is not None else None


def _zone(case: Case) -> ZoneInfo:
    return ZoneInfo(case.court.timezone)


def _lock_case(case: Case) -> Case:
    return (
        Case.objects.select_for_update(of=("self",)).select_related("court__region").get(pk=case.pk)
    )


def _lock_hearing(hearing: Hearing) -> Hearing:
    return (
        Hearing.objects.select_for_update(of=("self",))
        .select_related("case__court__region", "judge__user", "courtroom")
        .get(pk=hearing.pk)
    )


def _check_free(
    *,
    case: Case,
    courtroom: Courtroom,
    judge: Judge,
    starts_at: datetime,
    ends_at: datetime,
    summoned: Sequence[Participant],
    ignore: Hearing | None = None,
) -> None:
    # Before reading other bookings: a concurrent booking of the same room, judge or advocate
    # waits here until this one commits, then sees it.
    locks.lock_booking(courtroom, judge, summoned)
    clashes = booking.conflicts(
        courtroom=courtroom,
        judge=judge,
        starts_at=starts_at,
        ends_at=ends_at,
        summoned=summoned,
        zone=_zone(case),
        ignore=ignore,
    )
    if clashes:
        raise Conflict(_("The hearing clashes with another booking."), fields=clashes)


def _booking_errors(
    case: Case, courtroom: Courtroom | None, hearing_format: str, summoned: Sequence[Participant]
) -> dict[str, list[Any]]:
    errors: dict[str, list[Any]] = {}
    if courtroom is None or courtroom.court_id != case.court_id or not courtroom.is_active:
        errors["courtroom"] = [_("Choose a courtroom of the case's court.")]
    elif hearing_format == HearingFormat.VIDEO and not courtroom.has_video:
        errors["courtroom"] = [_("This courtroom is not equipped for video hearings.")]
    if hearing_format not in HearingFormat.values:
        errors["format"] = [_("Unknown hearing format.")]
    if any(p.case_id != case.pk for p in summoned):
        errors["participants"] = [NOT_A_PARTICIPANT]
    return errors


def _video_room(hearing_format: str) -> tuple[str, str]:
    if hearing_format != HearingFormat.VIDEO:
        return "", ""
    bridge = video_bridge()
    return bridge.name, bridge.room_create()


def hearing_schedule(
    *,
    case: Case,
    courtroom: Courtroom | None,
    starts_at: datetime | None,
    ends_at: datetime | None,
    acting_user: User,
    judge: Judge | None = None,
    hearing_format: str = HearingFormat.IN_PERSON,
    summoned: Sequence[Participant] = (),
    submission_key: uuid.UUID | None = None,
) -> Hearing:
    """Book a hearing of ``case``; the case moves to "hearing scheduled" if it is not there yet.

    Sending the same ``submission_key`` again returns the hearing it made instead of a second one.
    """
    if not rules.may_schedule(acting_user, case):
        raise Forbidden()
    with transaction.atomic():
        case = _lock_case(case)
        if submission_key is not None:
            done = Hearing.objects.filter(submission_key=submission_key).first()
            if done is not None:
                if done.case_id != case.pk:
                    raise Conflict(_("This submission was already used for another case."))
                return done
        if case.status not in TRANSITIONS[CaseAction.SCHEDULE].sources:
            raise InvalidTransition(
                _("A hearing cannot be scheduled for a case in status “%(status)s”."),
                params={"status": CaseStatus(case.status).label},
            )
        errors = booking.slot_errors(starts_at, ends_at)
        errors.update(_booking_errors(case, courtroom, hearing_format, summoned))
        if judge is None:
            judge = presiding_judge(case)
        if judge is None or not case.bench.filter(judge=judge).exists():
            errors["judge"] = [_("Assign a judge to the case before scheduling a hearing.")]
        if errors:
            raise ValidationFailed(fields=errors)
        # Narrowing for the type checker: the checks above raised for any of these missing.
        assert courtroom is not None
        assert starts_at is not None
        assert ends_at is not None
        assert judge is not None
        _check_free(
            case=case,
            courtroom=courtroom,
            judge=judge,
            starts_at=starts_at,
            ends_at=ends_at,
            summoned=summoned,
        )
        hearing = _hearing_create(
            case=case,
            courtroom=courtroom,
            judge=judge,
            starts_at=starts_at,
            ends_at=ends_at,
            hearing_format=hearing_format,
            summoned=summoned,
            acting_user=acting_user,
            submission_key=submission_key,
        )
        if case.status != CaseStatus.SCHEDULED:
            local = timezone.localtime(starts_at, _zone(case))
            case_transition(
                case=case,
                action=CaseAction.SCHEDULE,
                acting_user=acting_user,
                note=str(
                    _("Hearing on %(date)s, courtroom %(room)s")
                    % {"date": f"{local:%d.%m.%Y %H:%M}", "room": courtroom.number}
                ),
                expected_status=case.status,
            )
        return hearing


def _hearing_create(
    *,
    case: Case,
    courtroom: Courtroom,
    judge: Judge,
    starts_at: datetime,
    ends_at: datetime,
    hearing_format: str,
    summoned: Sequence[Participant],
    acting_user: User,
    submission_key: uuid.UUID | None = None,
    postponed_from: Hearing | None = None,
) -> Hearing:
    backend, room = _video_room(hearing_format)
    hearing = Hearing.objects.create(
        case=case,
        courtroom=courtroom,
        judge=judge,
        starts_at=starts_at,
        ends_at=ends_at,
        format=hearing_format,
        video_backend=backend,
        video_room=room,
        submission_key=submission_key,
        postponed_from=postponed_from,
        created_by=acting_user,
        created_at=clock.now(),
    )
    hearing.summoned.set(summoned)
    hearing_event(
        case=case,
        hearing=hearing,
        kind=HearingEventKind.SCHEDULED,
        actor=acting_user,
        payload={
            "starts_at": starts_at.isoformat(),
            "ends_at": ends_at.isoformat(),
            "courtroom": courtroom.pk,
            "judge": judge.pk,
            "format": hearing_format,
        },
    )
    return hearing


def _moment(value: datetime | None, field: str) -> datetime:
    """The moment a step happened: now when not given; never in the future, never naive."""
    now = clock.now()
    if value is None:
        return now
    if timezone.is_naive(value):
        raise ValidationFailed(fields={field: [_("Give the time with its time zone.")]})
    if value > now:
        raise ValidationFailed(fields={field: [_("This time is still in the future.")]})
    return value


def _runnable(hearing: Hearing, acting_user: User, *statuses: str) -> Hearing:
    if not rules.may_run(acting_user, hearing):
        raise Forbidden()
    hearing = _lock_hearing(hearing)
    if hearing.status not in statuses:
        raise InvalidTransition(
            _("The hearing is “%(status)s”: it has changed since you opened it."),
            params={"status": HearingStatus(hearing.status).label},
        )
    return hearing


@transaction.atomic
def hearing_start(
    *, hearing: Hearing, acting_user: User, started_at: datetime | None = None
) -> Hearing:
    """Record when the hearing actually opened; past the tolerance it is a late start."""
    hearing = _runnable(hearing, acting_user, HearingStatus.SCHEDULED)
    started = _moment(started_at, "started_at")
    zone = _zone(hearing.case)
    if timezone.localdate(started, zone) < timezone.localdate(hearing.starts_at, zone):
        raise ValidationFailed(
            fields={"started_at": [_("A hearing cannot open before the day it is scheduled for.")]}
        )
    if hearing.case.status == CaseStatus.SUSPENDED:
        raise InvalidTransition(_("The proceedings are suspended: resume them first."))
    hearing.status = HearingStatus.IN_PROGRESS
    hearing.actual_start = started
    hearing.save(update_fields=["status", "actual_start"])
    late_by = started - hearing.starts_at
    tolerance = conf.late_start_tolerance()
    is_late = late_by > tolerance
    hearing_event(
        case=hearing.case,
        hearing=hearing,
        kind=HearingEventKind.STARTED_LATE if is_late else HearingEventKind.STARTED,
        actor=acting_user,
        at=started,
        payload={"late_by_minutes": max(int(late_by.total_seconds() // 60), 0)},
    )
    if is_late:
        violation_record(
            kind=ViolationKind.HEARING_STARTED_LATE,
            source=f"hearing:{hearing.pk}",
            case=hearing.case,
            due_at=hearing.starts_at,
            detected_at=started,
            rule="hearing_start_tolerance",
            responsible=hearing.judge.user,
            details={
                "hearing": hearing.pk,
                "tolerance_minutes": int(tolerance.total_seconds() // 60),
                "late_by_minutes": int(late_by.total_seconds() // 60),
            },
        )
    return hearing


@transaction.atomic
def hearing_end(
    *, hearing: Hearing, acting_user: User, ended_at: datetime | None = None
) -> Hearing:
    """Record when the hearing closed; the case is marked heard when no other hearing is booked."""
    hearing = _runnable(hearing, acting_user, HearingStatus.IN_PROGRESS)
    ended = _moment(ended_at, "ended_at")
    if hearing.actual_start is not None and ended < hearing.actual_start:
        raise ValidationFailed(fields={"ended_at": [_("A hearing cannot close before it opened.")]})
    hearing.status = HearingStatus.HELD
    hearing.actual_end = ended
    hearing.save(update_fields=["status", "actual_end"])
    hearing_event(
        case=hearing.case, hearing=hearing, kind=HearingEventKind.ENDED, actor=acting_user, at=ended
    )
    case = hearing.case
    still_booked = Hearing.objects.booked().filter(case=case).exclude(pk=hearing.pk).exists()
    if case.status in TRANSITIONS[CaseAction.MARK_HEARD].sources and not still_booked:
        case_transition(
            case=case,
            action=CaseAction.MARK_HEARD,
            acting_user=acting_user,
            expected_status=case.status,
        )
    return hearing


@transaction.atomic
def hearing_postpone(
    *,
    hearing: Hearing,
    reason: PostponementReason | None,
    new_starts_at: datetime | None,
    new_ends_at: datetime | None,
    acting_user: User,
    note: str = "",
    new_courtroom: Courtroom | None = None,
) -> Postponement:
    """Put the hearing off to a new time, for a reason from the table.

    The hearing keeps its record (status "postponed") and a new hearing takes the new slot with the
    same judge and summons. A reason the table marks unjustified is recorded as a violation.
    """
    hearing = _runnable(hearing, acting_user, HearingStatus.SCHEDULED, HearingStatus.IN_PROGRESS)
    case = hearing.case
    if case.status == CaseStatus.SUSPENDED:
        raise InvalidTransition(_("The proceedings are suspended: resume them first."))
    errors = booking.slot_errors(new_starts_at, new_ends_at)
    if reason is None or not reason.is_active:
        errors["reason"] = [_("Choose the reason for the postponement.")]
    courtroom = new_courtroom or hearing.courtroom
    summoned = list(hearing.summoned.all())
    errors.update(_booking_errors(case, courtroom, hearing.format, summoned))
    if errors:
        raise ValidationFailed(fields=errors)
    # Narrowing for the type checker: the checks above raised for any of these missing.
    assert reason is not None
    assert new_starts_at is not None
    assert new_ends_at is not None
    _check_free(
        case=case,
        courtroom=courtroom,
        judge=hearing.judge,
        starts_at=new_starts_at,
        ends_at=new_ends_at,
        summoned=summoned,
        ignore=hearing,
    )
    now = clock.now()
    was_open = hearing.status == HearingStatus.IN_PROGRESS
    hearing.status = HearingStatus.POSTPONED
    if was_open:
        hearing.actual_end = now
    hearing.save(update_fields=["status", "actual_end"])
    new_hearing = _hearing_create(
        case=case,
        courtroom=courtroom,
        judge=hearing.judge,
        starts_at=new_starts_at,
        ends_at=new_ends_at,
        hearing_format=hearing.format,
        summoned=summoned,
        acting_user=acting_user,
        postponed_from=hearing,
    )
    postponement = Postponement.objects.create(
        hearing=hearing,
        reason=reason,
        note=note.strip(),
        new_hearing=new_hearing,
        decided_by=acting_user,
        at=now,
    )
    hearing_event(
        case=case,
        hearing=hearing,
        kind=HearingEventKind.POSTPONED,
        actor=acting_user,
        at=now,
        payload={
            "reason": reason.code,
            "is_justified": reason.is_justified,
            "new_hearing": new_hearing.pk,
            "note": postponement.note,
        },
    )
    if not reason.is_justified:
        violation_record(
            kind=ViolationKind.UNJUSTIFIED_POSTPONEMENT,
            source=f"hearing:{hearing.pk}",
            case=case,
            due_at=hearing.starts_at,
            detected_at=now,
            rule=f"postponement:{reason.code}",
            responsible=hearing.judge.user,
            details={"hearing": hearing.pk, "new_hearing": new_hearing.pk, "reason": reason.code},
        )
    return postponement
