"""Judges' electronic personal records and the personnel reserve (Art. 3 §1.15–17).

The secretariat keeps both; a judge reads their own record.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sot.core.errors import NotFound
from sot.courts.models import Court, Judge
from sot.web.access import signed_in_user

from .. import selectors
from ..access import is_secretariat
from ..forms import JudgeLookupForm, RecordEntryForm, ReserveForm
from ..models import PersonalRecordEntry
from ..services import candidates
from .common import attempt, form_errors, found
from .secretariat import _secretariat


@login_required
@require_GET
def personnel_home(request: HttpRequest) -> HttpResponse:
    """The reserve in force, with a form to include a judge, and a way to open a judge's record."""
    _secretariat(request)
    lookup = JudgeLookupForm(request.GET or None)
    if lookup.is_valid():
        judge = Judge.objects.filter(user__username=lookup.cleaned_data["judge"].strip()).first()
        if judge is not None:
            return redirect("council:personal_record", judge_id=judge.pk)
        lookup.add_error("judge", _("No judge has this user name."))
    context = {
        "reserve": selectors.reserve_in_force(),
        "reserve_form": ReserveForm(),
        "lookup_form": lookup,
    }
    return render(request, "council/personnel.html", context)


@login_required
@require_POST
def reserve_include(request: HttpRequest) -> HttpResponse:
    user = _secretariat(request)
    form = ReserveForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("council:personnel")
    data = form.cleaned_data
    judge = Judge.objects.filter(user__username=data["judge"].strip()).first()
    code = data["court_code"].strip()
    court = Court.objects.filter(code=code).first() if code else None
    if judge is None or (code and court is None):
        form.add_error(None, _("Check the court code and the judges' user names."))
        form_errors(request, form)
        return redirect("council:personnel")
    attempt(
        request,
        lambda: candidates.reserve_include(
            judge=judge,
            post=data["post"],
            court=court,
            included_on=data["included_on"],
            basis=data["basis"],
            acting_user=user,
        ),
        _("The judge is included in the personnel reserve."),
    )
    return redirect("council:personnel")


@login_required
@require_GET
def personal_record(request: HttpRequest, judge_id: int) -> HttpResponse:
    user = signed_in_user(request)
    judge = found(lambda: selectors.access_personal_record(user, judge_id))
    context = {
        "judge": judge,
        "entries": PersonalRecordEntry.objects.filter(judge=judge).order_by("on", "pk"),
        "can_edit": is_secretariat(user),
        "entry_form": RecordEntryForm(),
    }
    return render(request, "council/personal_record.html", context)


@login_required
@require_POST
def personal_record_add(request: HttpRequest, judge_id: int) -> HttpResponse:
    user = _secretariat(request)
    judge = found(lambda: selectors.access_personal_record(user, judge_id))
    form = RecordEntryForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
    else:
        attempt(
            request,
            lambda: candidates.personal_record_add(
                judge=judge, acting_user=user, **form.cleaned_data
            ),
            _("The entry is recorded."),
        )
    return redirect("council:personal_record", judge_id=judge.pk)


@login_required
@require_GET
def my_record(request: HttpRequest) -> HttpResponse:
    """A judge opens their own record from their page."""
    judge = found(lambda: _own_judge(request))
    return redirect("council:personal_record", judge_id=judge.pk)


def _own_judge(request: HttpRequest) -> Judge:
    judge = Judge.objects.filter(user=signed_in_user(request)).first()
    if judge is None:
        raise NotFound()
    return judge
