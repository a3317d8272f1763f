"""Suspending and resuming proceedings (Civil Procedure Code of Kazakhstan, articles 272–276).

The case moves through ``case_transition`` (SUSPEND / RESUME), which writes the case events the
deadline clocks pause and resume on; this module adds the ground, the period and its duration.
Hearings still booked when proceedings are suspended are cancelled: none can go ahead.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.cases.lifecycle import CaseAction
from sot.cases.models import Case, CaseEventKind, CaseStatus
from sot.cases.services import case_transition
from sot.core import clock
from sot.core.errors import Forbidden, InvalidTransition, ValidationFailed

from . import rules
from .models import Hearing, HearingEventKind, HearingStatus, Suspension, SuspensionGround
from .services import hearing_event


def _lock(case: Case) -> Case:
    return Case.objects.select_for_update(of=("self",)).select_related("court").get(pk=case.pk)


@transaction.atomic
def case_suspend(
    *,
    case: Case,
    ground: SuspensionGround | None,
    acting_user: User,
    note: str = "",
    expected_status: str | None = None,
) -> Suspension:
    """Suspend the proceedings on a ground from the table; booked hearings are cancelled."""
    if not rules.may_suspend(acting_user, case):
        raise Forbidden()
    if ground is None or not ground.is_active:
        raise ValidationFailed(fields={"ground": [_("Choose the ground for the suspension.")]})
    case = _lock(case)
    note = note.strip()
    record = f"{ground.name} ({ground.legal_basis})"
    case = case_transition(
        case=case,
        action=CaseAction.SUSPEND,
        acting_user=acting_user,
        note=f"{record}. {note}" if note else record,
        expected_status=expected_status,
    )
    now = clock.now()
    suspension = Suspension.objects.create(
        case=case, ground=ground, note=note, suspended_at=now, suspended_by=acting_user
    )
    cancelled = []
    for hearing in Hearing.objects.select_for_update().filter(
        case=case, status=HearingStatus.SCHEDULED
    ):
        hearing.status = HearingStatus.CANCELLED
        hearing.save(update_fields=["status"])
        cancelled.append(hearing.pk)
        hearing_event(
            case=case,
            hearing=hearing,
            kind=HearingEventKind.CANCELLED,
            actor=acting_user,
            at=now,
            payload={"suspension": suspension.pk},
        )
    hearing_event(
        case=case,
        kind=HearingEventKind.SUSPENDED,
        actor=acting_user,
        at=now,
        payload={"ground": ground.code, "suspension": suspension.pk, "cancelled": cancelled},
    )
    return suspension


@transaction.atomic
def case_resume(
    *, case: Case, acting_user: User, note: str = "", expected_status: str | None = None
) -> Suspension:
    """Resume suspended proceedings and close the suspension period with its duration."""
    if not rules.may_suspend(acting_user, case):
        raise Forbidden()
    case = _lock(case)
    if case.status != CaseStatus.SUSPENDED:
        raise InvalidTransition(_("The proceedings are not suspended."))
    suspension = Suspension.objects.filter(case=case, resumed_at__isnull=True).first()
    if suspension is None:
        # Suspended outside this app (the case page's plain action): the period still counts,
        # from the case event that suspended it.
        last = case.events.filter(kind=CaseEventKind.SUSPENDED).order_by("-at", "-pk").first()
        suspension = Suspension.objects.create(
            case=case,
            ground=None,
            suspended_at=last.at if last is not None else clock.now(),
            suspended_by=(last.actor if last is not None else None) or acting_user,
        )
    case_transition(
        case=case,
        action=CaseAction.RESUME,
        acting_user=acting_user,
        note=note.strip(),
        expected_status=expected_status,
    )
    now = clock.now()
    suspension.resumed_at = now
    suspension.resumed_by = acting_user
    suspension.resume_note = note.strip()
    suspension.duration = now - suspension.suspended_at
    suspension.save(update_fields=["resumed_at", "resumed_by", "resume_note", "duration"])
    hearing_event(
        case=case,
        kind=HearingEventKind.RESUMED,
        actor=acting_user,
        at=now,
        payload={
            "suspension": suspension.pk,
            "duration_days": suspension.duration.days,
            "duration_seconds": int(suspension.duration.total_seconds()),
        },
    )
    return suspension
