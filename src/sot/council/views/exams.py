"""Exam pages: the secretariat's sessions and results; the candidate's registration and test
(Art. 11–14)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sot.core import clock
from sot.core.errors import NotFound
from sot.web.access import signed_in_user

from .. import selectors
from ..forms import ExamSessionForm, ExamStagesForm
from ..models import ExamRegistration, ExamSession, ExamTicket, Question, QuestionList
from ..services import exams, question_lists
from .common import attempt, form_errors, found
from .secretariat import _secretariat


def _exam_session(session_id: int) -> ExamSession:
    session = ExamSession.objects.filter(pk=session_id).first()
    if session is None:
        raise NotFound()
    return session


@login_required
@require_GET
def exam_sessions(request: HttpRequest) -> HttpResponse:
    user = _secretariat(request)
    context = {
        "sessions": ExamSession.objects.all()[:100],
        "form": ExamSessionForm(),
        "commission": exams.commission_in_office(clock.today()),
        "awaiting": len(question_lists.questions_awaiting_approval()),
        "question_lists": QuestionList.objects.select_related("item__session").prefetch_related(
            "questions"
        )[:20],
        "council_sessions": selectors.visible_sessions(user).exclude(status="finished"),
    }
    return render(request, "council/exam_sessions.html", context)


@login_required
@require_POST
def question_list_act(request: HttpRequest) -> HttpResponse:
    """Art. 13 §10: put the questions on a Council session's agenda, then record the approval."""
    user = _secretariat(request)
    raw = request.POST.get("session", "")
    if request.POST.get("action") == "submit":
        session = found(
            lambda: selectors.access_session(user, int(raw)) if raw.isdigit() else _missing()
        )
        attempt(
            request,
            lambda: question_lists.question_list_submit(session=session, acting_user=user),
            _("The list of questions is on the agenda."),
        )
    else:
        raw_list = request.POST.get("list", "")
        found_list = (
            QuestionList.objects.filter(pk=int(raw_list)).first() if raw_list.isdigit() else None
        )
        question_list = found(lambda: found_list or _missing())
        attempt(
            request,
            lambda: question_lists.question_list_approve(
                question_list=question_list, acting_user=user
            ),
            _("The approval is recorded: the questions are used in tests."),
        )
    return redirect("council:exam_sessions")


def _missing() -> Any:
    raise NotFound()


@login_required
@require_POST
def exam_session_schedule(request: HttpRequest) -> HttpResponse:
    user = _secretariat(request)
    form = ExamSessionForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("council:exam_sessions")
    attempt(
        request,
        lambda: exams.exam_session_schedule(acting_user=user, **form.cleaned_data),
        _("The exam session has been scheduled."),
    )
    return redirect("council:exam_sessions")


@login_required
@require_GET
def exam_session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    _secretariat(request)
    session = found(lambda: _exam_session(session_id))
    context = {
        "session": session,
        "registrations": session.registrations.select_related("candidate__user", "ticket"),
        "commission": exams.commission_in_office(session.held_on),
        "present": set(session.present.values_list("pk", flat=True)),
        "stages_form": ExamStagesForm(),
    }
    return render(request, "council/exam_session.html", context)


@login_required
@require_POST
def exam_session_act(request: HttpRequest, session_id: int) -> HttpResponse:
    user = _secretariat(request)
    session = found(lambda: _exam_session(session_id))
    action = request.POST.get("action")
    if action == "attendance":
        ids = [int(pk) for pk in request.POST.getlist("present") if pk.isdigit()]
        members = [m for m in exams.commission_in_office(session.held_on) if m.pk in ids]
        attempt(
            request,
            lambda: exams.exam_session_attendance(
                session=session, present=members, acting_user=user
            ),
            _("Attendance recorded."),
        )
    elif action in ("admit", "stages"):
        raw = request.POST.get("registration", "")
        registration = session.registrations.filter(pk=int(raw) if raw.isdigit() else 0).first()
        registration = found(lambda: _require(registration))
        if action == "admit":
            attempt(
                request,
                lambda: exams.exam_admission_decide(registration=registration, acting_user=user),
                _("Admission decided."),
            )
        else:
            _record_stages(request, registration, user)
    return redirect("council:exam_session", session_id=session.pk)


def _require(value: ExamRegistration | None) -> ExamRegistration:
    if value is None:
        raise NotFound()
    return value


def _record_stages(request: HttpRequest, registration: ExamRegistration, user: Any) -> None:
    form = ExamStagesForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return
    ticket = ExamTicket.objects.filter(number=form.cleaned_data["ticket"]).first()
    if ticket is None:
        form.add_error("ticket", _("No ticket has this number."))
        form_errors(request, form)
        return
    attempt(
        request,
        lambda: exams.exam_stages_record(
            registration=registration,
            ticket=ticket,
            ticket_passed=form.cleaned_data["ticket_passed"],
            psychological_test_passed=form.cleaned_data["psychological_test_passed"],
            acting_user=user,
        ),
        _("The result has been recorded."),
    )


def _own_registration(request: HttpRequest, registration_id: int) -> ExamRegistration:
    user = signed_in_user(request)
    registration = (
        ExamRegistration.objects.filter(pk=registration_id, candidate__user=user)
        .select_related("session", "candidate")
        .first()
    )
    if registration is None:
        raise NotFound()
    return registration


@login_required
@require_POST
def exam_register(request: HttpRequest, session_id: int) -> HttpResponse:
    user = signed_in_user(request)
    session = found(lambda: _exam_session(session_id))
    candidate = selectors.my_candidate(user)
    if candidate is not None:
        attempt(
            request,
            lambda: exams.exam_register(session=session, candidate=candidate, acting_user=user),
            _("You are registered for the exam."),
        )
    return redirect("council:candidate_home")


@login_required
@require_POST
def exam_test_start(request: HttpRequest, registration_id: int) -> HttpResponse:
    user = signed_in_user(request)
    registration = found(lambda: _own_registration(request, registration_id))
    attempt(
        request,
        lambda: exams.exam_test_start(registration=registration, acting_user=user),
        _("Your test has been drawn."),
    )
    return redirect("council:exam_test", registration_id=registration.pk)


@login_required
@require_GET
def exam_test(request: HttpRequest, registration_id: int) -> HttpResponse:
    registration = found(lambda: _own_registration(request, registration_id))
    questions = Question.objects.filter(pk__in=registration.test_questions).order_by(
        "field_of_law", "pk"
    )
    return render(
        request, "council/exam_test.html", {"registration": registration, "questions": questions}
    )


@login_required
@require_POST
def exam_test_submit(request: HttpRequest, registration_id: int) -> HttpResponse:
    user = signed_in_user(request)
    registration = found(lambda: _own_registration(request, registration_id))
    answers: dict[str, int] = {}
    for pk in registration.test_questions:
        value = request.POST.get(f"q{pk}", "")
        if value.isdigit():
            answers[str(pk)] = int(value)
    attempt(
        request,
        lambda: exams.exam_test_submit(
            registration=registration, answers=answers, acting_user=user
        ),
        _("Your answers have been submitted."),
    )
    return redirect("council:candidate_home")
