"""Permission-aware reads of hearings: a hearing is visible exactly when its case is.

So a party sees the hearings of their own cases, court staff those of their court's open cases,
and a closed case's hearings only its bench, hearing secretary and parties (the case selectors'
rules). Calendars narrow that set to a judge, a courtroom or the caller's own hearings; whoever
may not see a calendar gets the same ``NotFound`` as for one that does not exist.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from sot.accounts.models import User
from sot.cases import selectors as case_selectors
from sot.cases.models import Case, Participant
from sot.core.errors import NotFound
from sot.courts.models import Judge

from . import rules
from .models import Courtroom, Hearing, HearingEvent, Postponement, Suspension


def visible_hearings(user: User) -> QuerySet[Hearing]:
    visible = case_selectors.case_visibility(user)
    if visible is None:
        return Hearing.objects.none()
    return Hearing.objects.filter(case__in=Case.objects.filter(visible).values("pk"))


def with_details(hearings: QuerySet[Hearing]) -> QuerySet[Hearing]:
    return hearings.select_related(
        "case__court__region", "courtroom__court", "judge__user", "postponement__reason"
    )


def access_hearing(user: User, hearing_id: int, *, request: HttpRequest | None = None) -> Hearing:
    """The hearing if ``user`` may see its case; one ``NotFound`` for missing and not theirs."""
    hearing = with_details(visible_hearings(user)).filter(pk=hearing_id).first()
    if hearing is None:
        raise NotFound()
    # Through the case accessor, so reading a closed case's hearing is audited like the case.
    case_selectors.access_case(user, hearing.case_id, request=request)
    return hearing


def access_video_room(user: User, room: str) -> Hearing:
    hearing = with_details(visible_hearings(user)).filter(video_room=room).first() if room else None
    if hearing is None or not rules.may_enter_video(user, hearing):
        raise NotFound()
    return hearing


def case_hearings(case: Case) -> QuerySet[Hearing]:
    """The hearings of a case the caller already accessed, in time order."""
    return with_details(Hearing.objects.filter(case=case)).order_by("starts_at", "pk")


def case_suspensions(case: Case) -> QuerySet[Suspension]:
    return case.suspensions.select_related("ground").order_by("suspended_at", "pk")


def hearing_events(hearing: Hearing) -> QuerySet[HearingEvent]:
    return hearing.events.select_related("actor").order_by("at", "pk")


def hearing_postponement(hearing: Hearing) -> Postponement | None:
    return (
        Postponement.objects.select_related("reason", "new_hearing").filter(hearing=hearing).first()
    )


def access_judge(user: User, judge_id: int) -> Judge:
    judge = Judge.objects.select_related("user", "court__region").filter(pk=judge_id).first()
    if judge is None or not rules.may_view_judge_calendar(user, judge):
        raise NotFound()
    return judge


def access_courtroom(user: User, courtroom_id: int) -> Courtroom:
    room = Courtroom.objects.select_related("court__region").filter(pk=courtroom_id).first()
    if room is None or not rules.may_view_court_calendars(user, room.court):
        raise NotFound()
    return room


def court_courtrooms(user: User, court_id: int) -> QuerySet[Courtroom]:
    rooms = Courtroom.objects.filter(court_id=court_id, is_active=True).select_related("court")
    first = rooms.first()
    if first is None or not rules.may_view_court_calendars(user, first.court):
        return Courtroom.objects.none()
    return rooms.order_by("number")


def judge_hearings(user: User, judge: Judge) -> QuerySet[Hearing]:
    return visible_hearings(user).filter(judge=judge)


def courtroom_hearings(user: User, courtroom: Courtroom) -> QuerySet[Hearing]:
    return visible_hearings(user).filter(courtroom=courtroom)


def my_hearings(user: User) -> QuerySet[Hearing]:
    """Hearings of the caller's own cases (as a participant) and those they sit in as judge."""
    if not user.is_authenticated:
        return Hearing.objects.none()
    own_cases = Participant.objects.filter(user=user).values("case")
    return Hearing.objects.filter(Q(case__in=own_cases) | Q(judge__user=user))


def in_period(hearings: QuerySet[Hearing], start: datetime, end: datetime) -> QuerySet[Hearing]:
    return with_details(hearings.filter(starts_at__gte=start, starts_at__lt=end)).order_by(
        "starts_at", "pk"
    )


def period_bounds(day: date, days: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Midnight of ``day`` to midnight ``days`` later, in ``zone``."""
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=days), time.min, tzinfo=zone)
