"""Checks on a hearing's time slot: the times themselves, and who else is booked then.

Conflicts are the same judge, the same courtroom, or the same advocate (a representative or
prosecutor, recognised across cases by their account or IIN) in an overlapping hearing that still
holds its slot. Messages give the other booking's times, never its case: a clerk must not learn
through a conflict that a closed case exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sot.cases.models import Participant, ParticipantRole
from sot.core import clock
from sot.courts.models import Judge

from .models import Courtroom, Hearing

# People who appear in many cases and so can be booked twice.
ADVOCATE_ROLES = (ParticipantRole.REPRESENTATIVE, ParticipantRole.PROSECUTOR)
LONGEST_HEARING = timedelta(hours=12)

Errors = dict[str, list[Any]]


def slot_errors(starts_at: datetime | None, ends_at: datetime | None) -> Errors:
    """A slot in the future, ending after it starts, no longer than a working day."""
    errors: Errors = {}
    if starts_at is None or timezone.is_naive(starts_at):
        errors["starts_at"] = [_("Give the start date and time.")]
    if ends_at is None or timezone.is_naive(ends_at):
        errors["ends_at"] = [_("Give the expected end time.")]
    if errors or starts_at is None or ends_at is None:
        return errors
    if starts_at <= clock.now():
        errors["starts_at"] = [_("A hearing cannot be scheduled in the past.")]
    if ends_at <= starts_at:
        errors["ends_at"] = [_("The hearing must end after it starts.")]
    elif ends_at - starts_at > LONGEST_HEARING:
        errors["ends_at"] = [_("A hearing cannot last longer than twelve hours.")]
    return errors


def _span(hearing: Hearing, zone: ZoneInfo) -> dict[str, str]:
    start = timezone.localtime(hearing.starts_at, zone)
    end = timezone.localtime(hearing.ends_at, zone)
    return {"start": f"{start:%d.%m.%Y %H:%M}", "end": f"{end:%H:%M}"}


def conflicts(
    *,
    courtroom: Courtroom,
    judge: Judge,
    starts_at: datetime,
    ends_at: datetime,
    summoned: Sequence[Participant],
    zone: ZoneInfo,
    ignore: Hearing | None = None,
) -> Errors:
    """Field → messages for every booking the slot collides with (empty: the slot is free)."""
    others = Hearing.objects.booked().overlapping(starts_at, ends_at)
    if ignore is not None:
        others = others.exclude(pk=ignore.pk)
    errors: Errors = {}
    clash = others.filter(judge=judge).order_by("starts_at").first()
    if clash is not None:
        errors["judge"] = [
            _("The judge already has a hearing from %(start)s to %(end)s.") % _span(clash, zone)
        ]
    clash = others.filter(courtroom=courtroom).order_by("starts_at").first()
    if clash is not None:
        errors["courtroom"] = [
            _("The courtroom is booked from %(start)s to %(end)s.") % _span(clash, zone)
        ]
    advocates = [p for p in summoned if p.role in ADVOCATE_ROLES and (p.user_id or p.iin)]
    messages = []
    for advocate in advocates:
        same_person = Q(pk=advocate.pk)
        if advocate.user_id:
            same_person |= Q(user_id=advocate.user_id)
        if advocate.iin:
            same_person |= Q(iin=advocate.iin)
        booked = Participant.objects.filter(same_person, role__in=ADVOCATE_ROLES)
        clash = others.filter(summoned__in=booked).order_by("starts_at").first()
        if clash is not None:
            messages.append(
                _("%(name)s is summoned to another hearing from %(start)s to %(end)s.")
                % {"name": advocate.name, **_span(clash, zone)}
            )
    if messages:
        errors["participants"] = messages
    return errors
