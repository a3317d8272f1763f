"""Public pages: announcements, applicants, decisions, the passed-exam list (Art. 10 §5, 13 §8,
16 §4, §6)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sot.core import clock

from .. import selectors
from .common import found


@require_GET
def public_index(request: HttpRequest) -> HttpResponse:
    context = {
        "competitions": selectors.public_competitions()[:50],
        "decisions": selectors.published_decisions()[:50],
    }
    return render(request, "council/public_index.html", context)


@require_GET
def public_competition(request: HttpRequest, competition_id: int) -> HttpResponse:
    competition = found(lambda: selectors.access_competition(request.user, competition_id))
    context = {
        "competition": competition,
        "applicants": selectors.published_applicants(competition),
    }
    return render(request, "council/public_competition.html", context)


@require_GET
def passed_exam(request: HttpRequest) -> HttpResponse:
    context = {
        "passed": selectors.passed_exam_list(clock.today()),
        "questions": selectors.model_questions(),
    }
    return render(request, "council/passed_exam.html", context)
