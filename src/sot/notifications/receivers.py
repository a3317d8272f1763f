"""Hearing events → notices to the people summoned (or, without a summons list, the case's people).

The receiver runs inside the hearings transaction, so the notices commit with the hearing; their
deliveries start on commit. A fault here is logged and must not undo the hearing itself.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from sot.accounts.models import User
from sot.cases.models import Case
from sot.hearings.models import Hearing, HearingEvent, HearingEventKind

from .routing import route_for

logger = logging.getLogger(__name__)

KIND_BY_EVENT = {
    HearingEventKind.SCHEDULED: "hearing.scheduled",
    HearingEventKind.POSTPONED: "hearing.postponed",
    HearingEventKind.CANCELLED: "hearing.cancelled",
    HearingEventKind.SUSPENDED: "hearing.suspended",
    HearingEventKind.RESUMED: "hearing.resumed",
}


def _local(moment: datetime, case: Case) -> str:
    return f"{timezone.localtime(moment, ZoneInfo(case.court.timezone)):%d.%m.%Y %H:%M}"


def _people(case: Case, hearing: Hearing | None) -> list[User]:
    participants = hearing.summoned.all() if hearing is not None else case.participants.all()
    users = [p.user for p in participants.select_related("user") if p.user is not None]
    if hearing is not None and not users:
        users = [p.user for p in case.participants.select_related("user") if p.user is not None]
    return [u for u in users if u.is_active]


def _court_address(case: Case) -> str:
    return str(getattr(case.court, "address", "") or case.court.name)


def on_hearing_event_recorded(sender: Any, event: HearingEvent, **kwargs: Any) -> None:
    kind = KIND_BY_EVENT.get(HearingEventKind(event.kind)) if event.kind in KIND_BY_EVENT else None
    if kind is None:
        return
    hearing = event.hearing
    # A postponement writes "scheduled" for the new hearing, then "postponed": one notice (postponed).
    if kind == "hearing.scheduled" and hearing is not None and hearing.postponed_from_id:
        return
    try:
        with transaction.atomic():
            _notify(kind, event)
    except Exception:
        logger.exception("notices for hearing event %s not recorded", event.pk)


def _notify(kind: str, event: HearingEvent) -> None:
    from .services import notify

    case = Case.objects.select_related("court").get(pk=event.case_id)
    hearing = event.hearing
    context: dict[str, Any] = {"case_number": case.number or "", "court_name": case.court.name}
    due_by = None
    lead = route_for(kind).lead_time
    if kind == "hearing.scheduled" and hearing is not None:
        context.update(
            starts_at=_local(hearing.starts_at, case),
            courtroom=str(hearing.courtroom.number),
            court_address=_court_address(case),
        )
        due_by = hearing.starts_at - lead
    elif kind == "hearing.postponed" and hearing is not None:
        new = Hearing.objects.select_related("courtroom").get(pk=event.payload["new_hearing"])
        context.update(
            old_starts_at=_local(hearing.starts_at, case),
            starts_at=_local(new.starts_at, case),
            courtroom=str(new.courtroom.number),
        )
        due_by = new.starts_at - lead
    elif kind == "hearing.cancelled" and hearing is not None:
        context.update(old_starts_at=_local(hearing.starts_at, case))
        due_by = hearing.starts_at - lead
    people = _people(case, hearing if kind != "hearing.suspended" else None)
    if not people:
        return
    notify(
        kind=kind,
        recipients=people,
        case=case,
        context=context,
        due_by=due_by,
        hearing_event=event,
    )
