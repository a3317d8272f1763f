"""Hearing pages that read: calendars (week or day), a hearing, the video room, iCalendar files.

Thin: reads go through ``selectors``; whatever the user may not see is the same 404 as what does
not exist. The pages that change something are in ``action_views``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sot.accounts.models import User
from sot.core import clock
from sot.core.errors import NotFound
from sot.courts.models import Court
from sot.web.access import signed_in_user

from . import rules, selectors
from .forms import MomentForm
from .icalendar import ics_response
from .models import Courtroom, Hearing, HearingStatus
from .video import video_bridge


@dataclass(frozen=True)
class CalendarDay:
    day: date
    hearings: list[Hearing]


def _not_found(error: NotFound) -> Http404:
    return Http404(error.render_message())


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _period(request: HttpRequest) -> tuple[date, str, int]:
    """The first day and the view ("week" from Monday, or "day") the query string asks for."""
    view = "day" if request.GET.get("view") == "day" else "week"
    try:
        day = date.fromisoformat(request.GET.get("start", ""))
    except ValueError:
        day = clock.today()
    if view == "week":
        day -= timedelta(days=day.weekday())
        return day, view, 7
    return day, view, 1


def _calendar(
    request: HttpRequest, hearings: QuerySet[Hearing], title: str, extra: dict[str, Any]
) -> HttpResponse:
    first, view, days = _period(request)
    start, end = selectors.period_bounds(first, days, _zone())
    rows = list(selectors.in_period(hearings, start, end))
    by_day: dict[date, list[Hearing]] = {first + timedelta(days=n): [] for n in range(days)}
    for hearing in rows:
        local = timezone.localdate(hearing.starts_at, _zone())
        by_day.setdefault(local, []).append(hearing)
    context = {
        "title": title,
        "view": view,
        "first": first,
        "last": first + timedelta(days=days - 1),
        "previous": first - timedelta(days=days),
        "next": first + timedelta(days=days),
        "days": [CalendarDay(day, items) for day, items in by_day.items()],
        "count": len(rows),
        **extra,
    }
    return render(request, "hearings/calendar.html", context)


def _court_links(user: User, court: Court | None) -> dict[str, Any]:
    """Links to the court's judges' and courtrooms' calendars, for its staff."""
    if court is None or not rules.may_view_court_calendars(user, court):
        return {}
    return {
        "court": court,
        "court_judges": court.judges.active().select_related("user").order_by("user__last_name"),
        "court_rooms": Courtroom.objects.filter(court=court, is_active=True).order_by("number"),
    }


@login_required
@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    """The user's own hearings: as a party or representative, and as the judge."""
    user = signed_in_user(request)
    extra = {"ics_url_name": "hearings:my_ics", **_court_links(user, user.workplace_court())}
    return _calendar(request, selectors.my_hearings(user), _("My hearings"), extra)


@login_required
@require_GET
def judge_calendar(request: HttpRequest, judge_id: int) -> HttpResponse:
    user = signed_in_user(request)
    try:
        judge = selectors.access_judge(user, judge_id)
    except NotFound as error:
        raise _not_found(error) from error
    title = _("Hearings of judge %(name)s") % {"name": judge.full_name}
    extra = {"judge": judge, **_court_links(user, judge.court)}
    return _calendar(request, selectors.judge_hearings(user, judge), title, extra)


@login_required
@require_GET
def courtroom_calendar(request: HttpRequest, courtroom_id: int) -> HttpResponse:
    user = signed_in_user(request)
    try:
        room = selectors.access_courtroom(user, courtroom_id)
    except NotFound as error:
        raise _not_found(error) from error
    title = _("Courtroom %(room)s") % {"room": room}
    extra = {"courtroom": room, **_court_links(user, room.court)}
    return _calendar(request, selectors.courtroom_hearings(user, room), title, extra)


def hearing_context(request: HttpRequest, user: User, hearing: Hearing) -> dict[str, Any]:
    """What the hearing page shows, with the actions this user may take."""
    may_run = rules.may_run(user, hearing)
    status = hearing.status
    return {
        "hearing": hearing,
        "case": hearing.case,
        "court_timezone": hearing.case.court.timezone,
        "summoned": list(hearing.summoned.order_by("pk")),
        "events": list(selectors.hearing_events(hearing)),
        "postponement": selectors.hearing_postponement(hearing),
        "may_start": may_run and status == HearingStatus.SCHEDULED,
        "may_end": may_run and status == HearingStatus.IN_PROGRESS,
        "may_postpone": may_run and status in (HearingStatus.SCHEDULED, HearingStatus.IN_PROGRESS),
        "may_enter_video": bool(hearing.video_room) and rules.may_enter_video(user, hearing),
    }


@login_required
@require_GET
def hearing_detail(request: HttpRequest, hearing_id: int) -> HttpResponse:
    user = signed_in_user(request)
    try:
        hearing = selectors.access_hearing(user, hearing_id, request=request)
    except NotFound as error:
        raise _not_found(error) from error
    context = hearing_context(request, user, hearing)
    context["moment_form"] = MomentForm()
    return render(request, "hearings/detail.html", context)


@login_required
@require_GET
def video_room(request: HttpRequest, room: str) -> HttpResponse:
    """The local bridge's room: who is summoned and whether the hearing is open."""
    user = signed_in_user(request)
    try:
        hearing = selectors.access_video_room(user, room)
    except NotFound as error:
        raise _not_found(error) from error
    bridge = video_bridge(hearing.video_backend)
    context = {
        "hearing": hearing,
        "case": hearing.case,
        "court_timezone": hearing.case.court.timezone,
        "summoned": list(hearing.summoned.order_by("pk")),
        "is_moderator": rules.is_moderator(user, hearing),
        "is_local": bridge.name == "local",
        "external_url": ""
        if bridge.name == "local"
        else bridge.join_url(
            room=room,
            user=user,
            starts_at=hearing.starts_at,
            is_moderator=rules.is_moderator(user, hearing),
        ),
    }
    return render(request, "hearings/video_room.html", context)


def _ics_response(
    request: HttpRequest, hearings: QuerySet[Hearing], name: str, filename: str
) -> HttpResponse:
    rows = selectors.with_details(hearings).order_by("starts_at", "pk")
    return ics_response(
        rows, name=name, filename=filename, now=clock.now(), host=request.get_host()
    )


@login_required
@require_GET
def my_ics(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return _ics_response(request, selectors.my_hearings(user), str(user), "hearings.ics")


@login_required
@require_GET
def judge_ics(request: HttpRequest, judge_id: int) -> HttpResponse:
    user = signed_in_user(request)
    try:
        judge = selectors.access_judge(user, judge_id)
    except NotFound as error:
        raise _not_found(error) from error
    hearings = selectors.judge_hearings(user, judge)
    return _ics_response(request, hearings, judge.full_name, f"judge-{judge.pk}.ics")
