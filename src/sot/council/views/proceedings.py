"""Pages for chair vacancies, dismissals (secretariat; the judge reads the report and answers) and
appeals against the Judicial Jury (Art. 19–24)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sot.core.errors import NotFound
from sot.courts.models import Court, Judge
from sot.web.access import signed_in_user

from .. import selectors
from ..forms import ChairVacancyForm, DismissalForm, DismissalReportForm, JuryAppealForm, TextForm
from ..models import ChairVacancy, DismissalCase, JuryAppeal, Session
from ..services import proceedings
from .common import attempt, form_errors, found
from .secretariat import _secretariat


def _require(value: Any) -> Any:
    if value is None:
        raise NotFound()
    return value


@login_required
@require_GET
def proceedings_home(request: HttpRequest) -> HttpResponse:
    user = _secretariat(request)
    context = {
        "vacancies": ChairVacancy.objects.select_related("court").prefetch_related(
            "candidates__judge__user"
        )[:100],
        "dismissals": DismissalCase.objects.select_related("judge__user")[:100],
        "appeals": JuryAppeal.objects.select_related("judge__user")[:100],
        "sessions": selectors.visible_sessions(user).filter(status="planned"),
        "vacancy_form": ChairVacancyForm(),
        "dismissal_form": DismissalForm(),
        "report_form": DismissalReportForm(),
        "text_form": TextForm(),
    }
    return render(request, "council/proceedings.html", context)


def _back() -> HttpResponse:
    return redirect("council:proceedings")


@login_required
@require_POST
def chair_vacancy_submit(request: HttpRequest) -> HttpResponse:
    user = _secretariat(request)
    form = ChairVacancyForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back()
    data = form.cleaned_data
    court = Court.objects.filter(code=data["court_code"].strip()).first()
    names = [line.strip() for line in data["judges"].splitlines() if line.strip()]
    judges = list(Judge.objects.filter(user__username__in=names).select_related("court"))
    if court is None or len(judges) != len(set(names)):
        form.add_error(None, _("Check the court code and the judges' user names."))
        form_errors(request, form)
        return _back()
    attempt(
        request,
        lambda: proceedings.chair_vacancy_submit(
            post=data["post"],
            court=court,
            submitted_on=data["submitted_on"],
            plenary_decision=data["plenary_decision"],
            judges=judges,
            acting_user=user,
        ),
        _("The submission is recorded."),
    )
    return _back()


@login_required
@require_POST
def dismissal_receive(request: HttpRequest) -> HttpResponse:
    user = _secretariat(request)
    form = DismissalForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back()
    data = form.cleaned_data
    judge = Judge.objects.filter(user__username=data["judge"].strip()).first()
    if judge is None:
        form.add_error("judge", _("No judge has this user name."))
        form_errors(request, form)
        return _back()
    attempt(
        request,
        lambda: proceedings.dismissal_receive(
            judge=judge,
            ground=data["ground"],
            received_on=data["received_on"],
            jury_decision=data["jury_decision"],
            acting_user=user,
        ),
        _("The submission is recorded."),
    )
    return _back()


def _session(user: Any, request: HttpRequest) -> Session:
    raw = request.POST.get("session", "")
    session: Session = found(
        lambda: selectors.access_session(user, int(raw)) if raw.isdigit() else _require(None)
    )
    return session


@login_required
@require_POST
def dismissal_act(request: HttpRequest, case_id: int) -> HttpResponse:
    user = _secretariat(request)
    case = found(lambda: _require(DismissalCase.objects.filter(pk=case_id).first()))
    action = request.POST.get("action")
    if action == "report":
        form = DismissalReportForm(request.POST)
        if not form.is_valid():
            form_errors(request, form)
            return _back()
        data = form.cleaned_data
        attempt(
            request,
            lambda: proceedings.dismissal_report(
                case=case,
                circumstances=data["circumstances"],
                conclusion=data["conclusion"],
                proposals=data["proposals"],
                signed_by=data["signed_by"].splitlines(),
                acting_user=user,
            ),
            _("The report is recorded."),
        )
    elif action == "refusal":
        attempt(
            request,
            lambda: proceedings.dismissal_refusal_record(
                case=case, protocol=request.POST.get("text", ""), acting_user=user
            ),
            _("The protocol is recorded."),
        )
    elif action == "schedule":
        session = _session(user, request)
        attempt(
            request,
            lambda: proceedings.dismissal_schedule(case=case, session=session, acting_user=user),
            _("The question is on the agenda."),
        )
    elif action == "decide":
        attempt(
            request,
            lambda: proceedings.dismissal_decide(
                case=case, grounds_cited=request.POST.get("text", ""), acting_user=user
            ),
            _("The decision is recorded."),
        )
    return _back()


@login_required
@require_POST
def vacancy_act(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    user = _secretariat(request)
    vacancy = found(lambda: _require(ChairVacancy.objects.filter(pk=vacancy_id).first()))
    if request.POST.get("action") == "schedule":
        session = _session(user, request)
        attempt(
            request,
            lambda: proceedings.chair_vacancy_schedule(
                vacancy=vacancy, session=session, acting_user=user
            ),
            _("The question is on the agenda."),
        )
    else:
        attempt(
            request,
            lambda: proceedings.chair_vacancy_decide(vacancy=vacancy, acting_user=user),
            _("The decision is recorded."),
        )
    return _back()


@login_required
@require_POST
def appeal_act(request: HttpRequest, appeal_id: int) -> HttpResponse:
    user = _secretariat(request)
    appeal = found(lambda: _require(JuryAppeal.objects.filter(pk=appeal_id).first()))
    if request.POST.get("action") == "schedule":
        session = _session(user, request)
        attempt(
            request,
            lambda: proceedings.jury_appeal_schedule(
                appeal=appeal, session=session, acting_user=user
            ),
            _("The question is on the agenda."),
        )
    else:
        attempt(
            request,
            lambda: proceedings.jury_appeal_decide(appeal=appeal, acting_user=user),
            _("The decision is recorded."),
        )
    return _back()


@login_required
@require_GET
def judge_home(request: HttpRequest) -> HttpResponse:
    """A judge's own proceedings: the report to read and answer (Art. 22), appeals (Art. 24)."""
    user = signed_in_user(request)
    context = {
        "cases": DismissalCase.objects.filter(judge__user=user),
        "appeals": JuryAppeal.objects.filter(judge__user=user),
        "is_judge": Judge.objects.filter(user=user).exists(),
        "appeal_form": JuryAppealForm(),
        "text_form": TextForm(),
    }
    return render(request, "council/judge_home.html", context)


@login_required
@require_POST
def dismissal_read(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in_user(request)
    case = found(
        lambda: _require(DismissalCase.objects.filter(pk=case_id, judge__user=user).first())
    )
    attempt(
        request,
        lambda: proceedings.dismissal_acquaint(
            case=case, explanation=request.POST.get("text", ""), acting_user=user
        ),
        _("Recorded: you have read the report."),
    )
    return redirect("council:judge_home")


@login_required
@require_POST
def appeal_file(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = JuryAppealForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("council:judge_home")
    attempt(
        request,
        lambda: proceedings.jury_appeal_file(acting_user=user, **form.cleaned_data),
        _("Your appeal has been filed."),
    )
    return redirect("council:judge_home")
