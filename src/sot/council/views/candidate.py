"""The candidate's pages: the record, applications, documents, exam results and status."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sot.accounts.models import User
from sot.core import clock
from sot.web.access import signed_in_user

from .. import selectors
from ..forms import CandidateForm, DocumentForm, ExperienceForm, GuaranteeForm
from ..models import Candidate, CompetitionStatus, ExamSession
from ..services import candidates, competitions
from .common import attempt, form_errors, found


@login_required
@require_GET
def candidate_home(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    candidate = selectors.my_candidate(user)
    context: dict[str, Any] = {
        "candidate": candidate,
        "candidate_form": CandidateForm(),
        "experience_form": ExperienceForm(),
        "guarantee_form": GuaranteeForm(),
        "document_form": DocumentForm(),
        "open_competitions": selectors.public_competitions().filter(
            status=CompetitionStatus.ANNOUNCED
        ),
        "exam_sessions": ExamSession.objects.filter(is_closed=False, held_on__gte=clock.today()),
    }
    if candidate is not None:
        applications = list(
            candidate.applications.select_related("competition__court").prefetch_related(
                "documents"
            )
        )
        context["applications"] = applications
        context["registrations"] = candidate.exam_registrations.select_related("session")
        context["experience"] = candidate.experience.all()
        context["guarantees"] = candidate.guarantees.all()
        context["applied_ids"] = {a.competition_id for a in applications}
    return render(request, "council/candidate_home.html", context)


@login_required
@require_POST
def candidate_register(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = CandidateForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("council:candidate_home")
    data = form.cleaned_data
    attempt(
        request,
        lambda: candidates.candidate_register(
            user=user,
            born_on=data["born_on"],
            is_citizen=data["is_citizen"],
            higher_legal_education=data["higher_legal_education"],
            education=data["education"],
            degree=data["degree"],
            diploma_average=data["diploma_average"],
            magistracy_graduated_on=data["magistracy_graduated_on"],
            has_special_education=data["has_special_education"],
        ),
        _("Your candidate record has been opened."),
    )
    return redirect("council:candidate_home")


def _own_candidate(request: HttpRequest) -> tuple[User, Candidate | None]:
    user = signed_in_user(request)
    candidate = selectors.my_candidate(user)
    return user, candidate


@login_required
@require_POST
def experience_add(request: HttpRequest) -> HttpResponse:
    user, candidate = _own_candidate(request)
    form = ExperienceForm(request.POST)
    if candidate is None or not form.is_valid():
        form_errors(request, form)
        return redirect("council:candidate_home")
    data = form.cleaned_data
    attempt(
        request,
        lambda: candidates.experience_add(candidate=candidate, acting_user=user, **data),
        _("The period of work has been added."),
    )
    return redirect("council:candidate_home")


@login_required
@require_POST
def guarantee_add(request: HttpRequest) -> HttpResponse:
    user, candidate = _own_candidate(request)
    form = GuaranteeForm(request.POST)
    if candidate is None or not form.is_valid():
        form_errors(request, form)
        return redirect("council:candidate_home")
    data = form.cleaned_data
    attempt(
        request,
        lambda: candidates.guarantee_add(candidate=candidate, acting_user=user, **data),
        _("The guarantee has been added."),
    )
    return redirect("council:candidate_home")


@login_required
@require_POST
def apply(request: HttpRequest, competition_id: int) -> HttpResponse:
    user, candidate = _own_candidate(request)
    competition = found(lambda: selectors.access_competition(user, competition_id))
    if candidate is None:
        return redirect("council:candidate_home")
    attempt(
        request,
        lambda: competitions.application_submit(
            competition=competition, candidate=candidate, acting_user=user
        ),
        _("Your application has been submitted."),
    )
    return redirect("council:candidate_home")


@login_required
@require_POST
def document_add(request: HttpRequest, application_id: int) -> HttpResponse:
    user = signed_in_user(request)
    application = found(lambda: selectors.access_application(user, application_id))
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("council:candidate_home")
    attempt(
        request,
        lambda: competitions.application_document_add(
            application=application,
            upload=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
            acting_user=user,
        ),
        _("The document has been attached."),
    )
    return redirect("council:candidate_home")
