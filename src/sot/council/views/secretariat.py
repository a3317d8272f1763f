"""The secretariat's pages: competitions (announcement, check, result) and sessions (Art. 7, 16–18)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from sot.accounts.models import User
from sot.core import clock
from sot.courts.models import Court
from sot.web.access import signed_in_user

from .. import selectors
from ..access import is_secretariat
from ..forms import (
    AgendaItemForm,
    AnnounceForm,
    CompetitionForm,
    ConclusionForm,
    PolygraphForm,
    SessionForm,
    SpecialCheckForm,
)
from ..models import Competition, ExamSession, Session, SessionStatus
from ..records import ranking_facts
from ..rules.ranking import rank
from ..rules.tally import DecisionKind, enough_sessions
from ..services import candidates, competitions, sessions
from .common import attempt, form_errors, found


def _secretariat(request: HttpRequest) -> User:
    user = signed_in_user(request)
    if not is_secretariat(user):
        raise PermissionDenied
    return user


@login_required
@require_GET
def secretariat_home(request: HttpRequest) -> HttpResponse:
    user = _secretariat(request)
    year = clock.today().year
    held = Session.objects.filter(starts_at__year=year, status=SessionStatus.FINISHED).count()
    exams_held = ExamSession.objects.filter(held_on__year=year, held_on__lte=clock.today()).count()
    context = {
        "year": year,
        "sessions_held": held,
        "exam_sessions_held": exams_held,
        "enough_sessions": enough_sessions(held),
        "enough_exam_sessions": enough_sessions(exams_held),
        "competitions": selectors.visible_competitions(user)[:100],
        "sessions": selectors.visible_sessions(user)[:50],
        "competition_form": CompetitionForm(),
        "session_form": SessionForm(),
    }
    return render(request, "council/secretariat_home.html", context)


@login_required
@require_POST
def competition_create(request: HttpRequest) -> HttpResponse:
    user = _secretariat(request)
    form = CompetitionForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("council:secretariat_home")
    data = form.cleaned_data
    court = Court.objects.filter(code=data["court_code"].strip()).first()
    if court is None:
        form.add_error("court_code", _("No court has this code."))
        form_errors(request, form)
        return redirect("council:secretariat_home")
    created: list[Competition] = []
    attempt(
        request,
        lambda: created.append(
            competitions.competition_create(
                position=data["position"],
                court=court,
                vacancies=data["vacancies"],
                basis=data["basis"],
                announcement_kk=data["announcement_kk"],
                announcement_ru=data["announcement_ru"],
                is_specialised_court=data["is_specialised_court"],
                acting_user=user,
            )
        ),
        _("The competition has been created."),
    )
    if created:
        return redirect("council:competition_manage", competition_id=created[0].pk)
    return redirect("council:secretariat_home")


@login_required
@require_GET
def competition_manage(request: HttpRequest, competition_id: int) -> HttpResponse:
    user = _secretariat(request)
    competition = found(lambda: selectors.access_competition(user, competition_id))
    today = clock.today()
    applications = list(
        competition.applications.select_related("candidate__user").prefetch_related("documents")
    )
    by_key = {a.pk: a for a in applications}
    admitted = [a for a in applications if a.status == "admitted"]
    ranked = [
        by_key[facts.key]
        for facts in rank(
            competition.position,
            [ranking_facts(a, today) for a in admitted],
            competition.is_specialised_court,
        )
    ]
    context = {
        "competition": competition,
        "applications": applications,
        "ranked": ranked,
        "announce_form": AnnounceForm(),
        # One set of forms per applicant, each with its own ids, so labels stay unambiguous.
        "rows": [
            (
                a,
                {
                    "check": SpecialCheckForm(auto_id=f"a{a.pk}-check-%s"),
                    "conclusion": ConclusionForm(auto_id=f"a{a.pk}-conclusion-%s"),
                    "polygraph": PolygraphForm(auto_id=f"a{a.pk}-polygraph-%s"),
                },
            )
            for a in applications
        ],
        "agenda_form": AgendaItemForm(initial={"competition": competition.pk}),
        "sessions": selectors.visible_sessions(user).filter(status="planned"),
        "dispatch": selectors.list_dispatch(competition),
        "notices": selectors.result_notices(competition),
        "winners": [
            (a, competitions.recommendation_blockers(a, today))
            for a in applications
            if a.status == "won"
        ],
    }
    return render(request, "council/competition_manage.html", context)


# Each service takes the competition and the acting user; the message says what was done.
ACTIONS: dict[str, tuple[Callable[..., Any], Promise]] = {
    "close": (
        competitions.competition_close_applications,
        gettext_lazy("Applications closed; the list is published and sent to the regional courts."),
    ),
    "complete": (
        competitions.competition_complete,
        gettext_lazy("The competition's result is recorded."),
    ),
    "notify": (competitions.participants_notify, gettext_lazy("Participants notified.")),
    "send_list": (
        competitions.applicants_list_send,
        gettext_lazy("The list of applicants is sent to the regional courts."),
    ),
    "reannounce": (
        competitions.competition_reannounce,
        gettext_lazy("The competition is announced again as a draft."),
    ),
}


@login_required
@require_POST
def competition_act(request: HttpRequest, competition_id: int) -> HttpResponse:
    user = _secretariat(request)
    competition = found(lambda: selectors.access_competition(user, competition_id))
    action = request.POST.get("action", "")
    if action == "announce":
        form = AnnounceForm(request.POST)
        if not form.is_valid():
            form_errors(request, form)
        else:
            attempt(
                request,
                lambda: competitions.competition_announce(
                    competition=competition, acting_user=user, **form.cleaned_data
                ),
                _("The competition has been announced."),
            )
    elif action == "check":

        def check_all() -> None:
            for application in competition.applications.filter(status="submitted"):
                competitions.application_check(application=application, acting_user=user)

        attempt(request, check_all, _("The applications have been checked."))
    elif action in ACTIONS:
        service, done = ACTIONS[action]
        attempt(request, lambda: service(competition=competition, acting_user=user), str(done))
    return redirect("council:competition_manage", competition_id=competition.pk)


@login_required
@require_POST
def session_plan(request: HttpRequest) -> HttpResponse:
    user = _secretariat(request)
    form = SessionForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("council:secretariat_home")
    data = form.cleaned_data
    planned: list[Session] = []
    attempt(
        request,
        lambda: planned.append(
            sessions.session_plan(
                starts_at=data["starts_at"],
                place=data["place"],
                is_closed=data["is_closed"],
                acting_user=user,
            )
        ),
        _("The session has been planned."),
    )
    if planned:
        return redirect("council:session_detail", session_id=planned[0].pk)
    return redirect("council:secretariat_home")


@login_required
@require_POST
def agenda_competition_add(request: HttpRequest, session_id: int) -> HttpResponse:
    user = _secretariat(request)
    session = found(lambda: selectors.access_session(user, session_id))
    form = AgendaItemForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("council:session_detail", session_id=session.pk)
    competition = found(
        lambda: selectors.access_competition(user, form.cleaned_data["competition"])
    )
    received: date = form.cleaned_data["materials_received_on"]
    attempt(
        request,
        lambda: sessions.agenda_item_add(
            session=session,
            kind=DecisionKind.COMPETITION,
            title=str(competition),
            competition=competition,
            materials_received_on=received,
            acting_user=user,
        ),
        _("The question is on the agenda."),
    )
    return redirect("council:session_detail", session_id=session.pk)


@login_required
@require_POST
def candidate_record_act(request: HttpRequest, application_id: int) -> HttpResponse:
    """The secretariat records a special check, a conclusion or a polygraph result for an applicant
    (Art. 15, 17 §2–4, 18 §9)."""
    user = _secretariat(request)
    application = found(lambda: selectors.access_application(user, application_id))
    candidate = application.candidate
    kind = request.POST.get("record")
    if kind == "special_check":
        check_form = SpecialCheckForm(request.POST)
        if check_form.is_valid():
            attempt(
                request,
                lambda: competitions.special_check_record(
                    candidate=candidate, notes="", acting_user=user, **check_form.cleaned_data
                ),
                _("The special check is recorded."),
            )
        else:
            form_errors(request, check_form)
    elif kind == "conclusion":
        conclusion_form = ConclusionForm(request.POST)
        if conclusion_form.is_valid():
            attempt(
                request,
                lambda: candidates.conclusion_record(
                    candidate=candidate, text="", acting_user=user, **conclusion_form.cleaned_data
                ),
                _("The conclusion is recorded."),
            )
        else:
            form_errors(request, conclusion_form)
    elif kind == "polygraph":
        polygraph_form = PolygraphForm(request.POST)
        if polygraph_form.is_valid():
            attempt(
                request,
                lambda: candidates.polygraph_record(
                    candidate=candidate,
                    conclusion="",
                    acting_user=user,
                    **polygraph_form.cleaned_data,
                ),
                _("The polygraph result is recorded (advisory)."),
            )
        else:
            form_errors(request, polygraph_form)
    return redirect("council:competition_manage", competition_id=application.competition_id)
