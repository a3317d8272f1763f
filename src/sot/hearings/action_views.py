"""Hearing pages that change something: schedule, open, close, postpone, suspend, resume.

Every form posts with CSRF. A refused step changes nothing and shows why, in the user's language,
on the same form (answered 400); a double submission is caught by the submission key (schedule) or
by the state the form saw (every other step).
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sot.accounts.models import User
from sot.cases import selectors as case_selectors
from sot.cases.lifecycle import TRANSITIONS, CaseAction
from sot.cases.models import Case
from sot.core.errors import DomainError, NotFound
from sot.web.access import signed_in_user

from . import rules, selectors, services, suspensions
from .forms import MomentForm, PostponeForm, ResumeForm, ScheduleForm, SuspendForm
from .models import Hearing
from .views import hearing_context


def _case(user: User, case_id: int, request: HttpRequest) -> Case:
    try:
        return case_selectors.access_case(user, case_id, request=request)
    except NotFound as error:
        raise Http404(error.render_message()) from error


def _hearing(user: User, hearing_id: int, request: HttpRequest) -> Hearing:
    try:
        return selectors.access_hearing(user, hearing_id, request=request)
    except NotFound as error:
        raise Http404(error.render_message()) from error


def _report(form: forms.Form, error: DomainError) -> None:
    """Put a refused step's reasons on the form: the summary, then each field's messages."""
    form.add_error(None, error.render_message())
    for field_messages in error.render_fields().values():
        for message in field_messages:
            form.add_error(None, message)


def _zone(case: Case) -> ZoneInfo:
    return ZoneInfo(case.court.timezone)


@login_required
@require_http_methods(["GET", "POST"])
def schedule(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in_user(request)
    case = _case(user, case_id, request)
    if not rules.may_schedule(user, case):
        raise PermissionDenied
    form = ScheduleForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        starts_at, ends_at = form.slot(_zone(case))
        ids = {int(pk) for pk in form.cleaned_data["participants"]}
        try:
            hearing = services.hearing_schedule(
                case=case,
                courtroom=form.cleaned_data["courtroom"],
                starts_at=starts_at,
                ends_at=ends_at,
                hearing_format=form.cleaned_data["format"],
                summoned=list(case.participants.filter(pk__in=ids)),
                submission_key=form.cleaned_data["submission_key"],
                acting_user=user,
            )
        except DomainError as error:
            _report(form, error)
        else:
            messages.success(request, _("The hearing is scheduled."))
            return redirect("hearings:detail", hearing_id=hearing.pk)
    context: dict[str, Any] = {
        "case": case,
        "form": form,
        "court_timezone": case.court.timezone,
        "allowed": case.status in TRANSITIONS[CaseAction.SCHEDULE].sources,
    }
    return render(request, "hearings/schedule.html", context, status=400 if form.errors else 200)


def _step(request: HttpRequest, hearing_id: int, step: str) -> HttpResponse:
    user = signed_in_user(request)
    hearing = _hearing(user, hearing_id, request)
    if not rules.may_run(user, hearing):
        raise PermissionDenied
    form = MomentForm(request.POST)
    if form.is_valid():
        moment = form.moment(_zone(hearing.case))
        try:
            if step == "start":
                services.hearing_start(hearing=hearing, started_at=moment, acting_user=user)
                messages.success(request, _("The hearing is open."))
            else:
                services.hearing_end(hearing=hearing, ended_at=moment, acting_user=user)
                messages.success(request, _("The hearing is closed."))
        except DomainError as error:
            _report(form, error)
    if form.errors:
        hearing = _hearing(user, hearing_id, request)
        context = hearing_context(request, user, hearing)
        context["moment_form"] = form
        return render(request, "hearings/detail.html", context, status=400)
    return redirect("hearings:detail", hearing_id=hearing.pk)


@login_required
@require_POST
def start(request: HttpRequest, hearing_id: int) -> HttpResponse:
    return _step(request, hearing_id, "start")


@login_required
@require_POST
def end(request: HttpRequest, hearing_id: int) -> HttpResponse:
    return _step(request, hearing_id, "end")


@login_required
@require_http_methods(["GET", "POST"])
def postpone(request: HttpRequest, hearing_id: int) -> HttpResponse:
    user = signed_in_user(request)
    hearing = _hearing(user, hearing_id, request)
    if not rules.may_run(user, hearing):
        raise PermissionDenied
    form = PostponeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        starts_at, ends_at = form.slot(_zone(hearing.case))
        try:
            postponement = services.hearing_postpone(
                hearing=hearing,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
                new_starts_at=starts_at,
                new_ends_at=ends_at,
                acting_user=user,
            )
        except DomainError as error:
            _report(form, error)
        else:
            messages.success(request, _("The hearing is postponed."))
            return redirect("hearings:detail", hearing_id=postponement.new_hearing_id)
    context = {"hearing": hearing, "case": hearing.case, "form": form}
    return render(request, "hearings/postpone.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def suspend(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in_user(request)
    case = _case(user, case_id, request)
    if not rules.may_suspend(user, case):
        raise PermissionDenied
    form = SuspendForm(request.POST or None, initial={"seen_status": case.status})
    if request.method == "POST" and form.is_valid():
        try:
            suspensions.case_suspend(
                case=case,
                ground=form.cleaned_data["ground"],
                note=form.cleaned_data["note"],
                expected_status=form.cleaned_data["seen_status"],
                acting_user=user,
            )
        except DomainError as error:
            _report(form, error)
        else:
            messages.success(request, _("The proceedings are suspended."))
            return redirect("web:case_detail", case_id=case.pk)
    context = {"case": case, "form": form, "resume_form": None}
    return render(request, "hearings/suspend.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def resume(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in_user(request)
    case = _case(user, case_id, request)
    if not rules.may_suspend(user, case):
        raise PermissionDenied
    form = ResumeForm(request.POST)
    if form.is_valid():
        try:
            suspensions.case_resume(
                case=case,
                note=form.cleaned_data["note"],
                expected_status=form.cleaned_data["seen_status"],
                acting_user=user,
            )
        except DomainError as error:
            messages.error(request, error.render_message())
        else:
            messages.success(request, _("The proceedings are resumed."))
    else:
        messages.error(request, _("The form was incomplete; nothing was changed."))
    return redirect("web:case_detail", case_id=case.pk)
