"""Session pages for members and the secretariat: agenda, materials, nominations, votes (the secret
ballot), decisions and minutes (Art. 6, 8–10, 18 §8)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sot.accounts.models import User
from sot.core.errors import NotFound
from sot.web.access import signed_in_user

from .. import selectors
from ..access import is_member, is_secretariat, voting_seat, voting_seats
from ..forms import AgendaItemForm, BallotForm, DecisionRecordForm, TextForm
from ..models import (
    AgendaItem,
    Appearance,
    ChairCandidate,
    CouncilSeat,
    Decision,
    SeatRole,
    Session,
    Vote,
)
from ..services import appearances, proceedings, sessions
from .common import attempt, form_errors, found


@dataclass
class VoteView:
    vote: Vote
    has_voted: bool


@dataclass
class ItemView:
    item: AgendaItem
    votes: list[VoteView] = field(default_factory=list)
    is_recused: bool = False
    decision: Decision | None = None


def _item_views(session: Session, seat: CouncilSeat | None) -> list[ItemView]:
    views = []
    items = session.agenda.select_related("competition__court").prefetch_related(
        "nominations__application__candidate__user", "recusals__seat__user", "appearances"
    )
    for item in items:
        recused = {r.seat_id for r in item.recusals.all()}
        view = ItemView(item=item, is_recused=seat is not None and seat.pk in recused)
        for vote in item.votes.all():
            voted = False
            if seat is not None:
                marks = vote.voter_marks if vote.is_secret else vote.open_ballots
                voted = marks.filter(seat=seat).exists()
            view.votes.append(VoteView(vote=vote, has_voted=voted))
        view.decision = (
            Decision.objects.filter(item=item).prefetch_related("dissents__seat__user").first()
        )
        views.append(view)
    return views


@login_required
@require_GET
def member_home(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    listed = selectors.visible_sessions(user)
    if not listed.exists() and not (is_secretariat(user) or is_member(user)):
        raise PermissionDenied
    return render(request, "council/member_home.html", {"sessions": listed[:100]})


@login_required
@require_GET
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    user = signed_in_user(request)
    session = found(lambda: selectors.access_session(user, session_id))
    on = timezone.localdate(session.starts_at)
    seat = voting_seat(user, on)
    present = set(session.present.values_list("pk", flat=True))
    my_seat = seat if seat is not None and seat.pk in present else None
    context: dict[str, Any] = {
        "session": session,
        "agenda_items": _item_views(session, my_seat),
        "seat": my_seat,
        "is_chair": my_seat is not None and my_seat.role == SeatRole.CHAIR,
        "is_secretariat": is_secretariat(user),
        "seats": voting_seats(on),
        "present": present,
        "ballot_form": BallotForm(),
        "decision_form": DecisionRecordForm(),
        "text_form": TextForm(),
        "agenda_form": AgendaItemForm(),
        "open_competitions": selectors.visible_competitions(user).filter(status="checking"),
        "can_sign": is_secretariat(user)
        or (my_seat is not None and my_seat.role == SeatRole.CHAIR),
    }
    return render(request, "council/session_detail.html", context)


def _back(session_id: int) -> HttpResponse:
    return redirect("council:session_detail", session_id=session_id)


@login_required
@require_POST
def session_open(request: HttpRequest, session_id: int) -> HttpResponse:
    user = signed_in_user(request)
    session = found(lambda: selectors.access_session(user, session_id))
    ids = [int(pk) for pk in request.POST.getlist("present") if pk.isdigit()]
    present = list(CouncilSeat.objects.filter(pk__in=ids))
    attempt(
        request,
        lambda: sessions.session_open(session=session, present=present, acting_user=user),
        _("The session is open."),
    )
    return _back(session.pk)


def _item(user: User, session_id: int, item_id: int) -> AgendaItem:
    session = found(lambda: selectors.access_session(user, session_id))
    item: AgendaItem = found(
        lambda: _require(session.agenda.filter(pk=item_id).select_related("session").first())
    )
    return item


def _require(value: Any) -> Any:
    if value is None:
        raise NotFound()
    return value


@login_required
@require_POST
def recuse(request: HttpRequest, session_id: int, item_id: int) -> HttpResponse:
    user = signed_in_user(request)
    item = _item(user, session_id, item_id)
    form = TextForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back(session_id)
    attempt(
        request,
        lambda: sessions.recusal_declare(
            item=item, relationship=form.cleaned_data["text"], acting_user=user
        ),
        _("Your recusal is recorded."),
    )
    return _back(session_id)


@login_required
@require_POST
def nominate(request: HttpRequest, session_id: int, item_id: int) -> HttpResponse:
    user = signed_in_user(request)
    item = _item(user, session_id, item_id)
    raw = request.POST.get("application", "")
    application = None
    if item.competition is not None and raw.isdigit():
        application = item.competition.applications.filter(pk=int(raw)).first()
    if application is None:
        return _back(session_id)
    attempt(
        request,
        lambda: sessions.nomination_add(item=item, application=application, acting_user=user),
        _("The candidate is nominated."),
    )
    return _back(session_id)


@login_required
@require_POST
def vote_open(request: HttpRequest, session_id: int, item_id: int) -> HttpResponse:
    user = signed_in_user(request)
    item = _item(user, session_id, item_id)
    nomination = None
    raw = request.POST.get("nomination", "")
    if raw.isdigit():
        nomination = item.nominations.filter(pk=int(raw)).first()
    question = request.POST.get("question", "") or (
        str(nomination.application.candidate) if nomination else ""
    )
    attempt(
        request,
        lambda: sessions.vote_open(
            item=item,
            question=question,
            is_secret=request.POST.get("is_secret") == "on",
            nomination=nomination,
            acting_user=user,
        ),
        _("Voting has started."),
    )
    return _back(session_id)


@login_required
@require_POST
def chair_candidate_vote(request: HttpRequest, session_id: int, candidate_id: int) -> HttpResponse:
    user = signed_in_user(request)
    session = found(lambda: selectors.access_session(user, session_id))
    candidate = found(
        lambda: _require(
            ChairCandidate.objects.filter(pk=candidate_id, vacancy__item__session=session).first()
        )
    )
    attempt(
        request,
        lambda: proceedings.chair_candidate_vote_open(
            candidate=candidate, is_secret=request.POST.get("is_secret") == "on", acting_user=user
        ),
        _("Voting has started."),
    )
    return _back(session.pk)


@login_required
@require_GET
def ballot_page(request: HttpRequest, vote_id: int) -> HttpResponse:
    """The ballot: for or against; in a secret vote nothing on the record shows how you voted."""
    user = signed_in_user(request)
    vote = found(lambda: selectors.access_vote(user, vote_id))
    return render(request, "council/ballot.html", {"vote": vote, "form": BallotForm()})


@login_required
@require_POST
def ballot_cast(request: HttpRequest, vote_id: int) -> HttpResponse:
    user = signed_in_user(request)
    vote = found(lambda: selectors.access_vote(user, vote_id))
    form = BallotForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("council:ballot", vote_id=vote.pk)
    attempt(
        request,
        lambda: sessions.ballot_cast(
            vote=vote, choice=form.cleaned_data["choice"], acting_user=user
        ),
        _("Your vote is recorded."),
    )
    return _back(vote.item.session_id)


@login_required
@require_POST
def session_close_decide(request: HttpRequest, vote_id: int) -> HttpResponse:
    user = signed_in_user(request)
    vote = found(lambda: selectors.access_vote(user, vote_id))
    attempt(
        request,
        lambda: sessions.session_close_decide(vote=vote, acting_user=user),
        _("The vote on a closed session is applied."),
    )
    return _back(vote.item.session_id)


@login_required
@require_POST
def vote_close(request: HttpRequest, vote_id: int) -> HttpResponse:
    user = signed_in_user(request)
    vote = found(lambda: selectors.access_vote(user, vote_id))
    attempt(
        request, lambda: sessions.vote_close(vote=vote, acting_user=user), _("The vote is counted.")
    )
    return _back(vote.item.session_id)


@login_required
@require_POST
def decision_record(request: HttpRequest, session_id: int, item_id: int) -> HttpResponse:
    user = signed_in_user(request)
    item = _item(user, session_id, item_id)
    form = DecisionRecordForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back(session_id)
    attempt(
        request,
        lambda: sessions.decision_record(
            item=item,
            form=form.cleaned_data["form"],
            reasons=form.cleaned_data["reasons"],
            acting_user=user,
        ),
        _("The decision is recorded."),
    )
    return _back(session_id)


def _decision(user: User, session_id: int, item_id: int) -> Decision:
    item = _item(user, session_id, item_id)
    decision: Decision = found(lambda: _require(Decision.objects.filter(item=item).first()))
    return decision


@login_required
@require_POST
def decision_act(request: HttpRequest, session_id: int, item_id: int) -> HttpResponse:
    user = signed_in_user(request)
    decision = _decision(user, session_id, item_id)
    action = request.POST.get("action")
    if action == "sign":
        attempt(
            request,
            lambda: sessions.decision_sign(decision=decision, acting_user=user),
            _("Signed."),
        )
    elif action == "publish":
        attempt(
            request,
            lambda: sessions.decision_publish(decision=decision, acting_user=user),
            _("The decision is published."),
        )
    elif action == "dissent":
        form = TextForm(request.POST)
        if form.is_valid():
            attempt(
                request,
                lambda: sessions.dissent_submit(
                    decision=decision, text=form.cleaned_data["text"], acting_user=user
                ),
                _("Your dissenting opinion is attached to the minutes."),
            )
        else:
            form_errors(request, form)
    return _back(session_id)


@login_required
@require_POST
def session_finish(request: HttpRequest, session_id: int) -> HttpResponse:
    user = signed_in_user(request)
    session = found(lambda: selectors.access_session(user, session_id))
    form = TextForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back(session_id)
    attempt(
        request,
        lambda: sessions.session_finish(
            session=session, minutes=form.cleaned_data["text"], acting_user=user
        ),
        _("The session is closed and its minutes saved."),
    )
    return _back(session_id)


def _date_or_none(raw: str) -> date | None:
    try:
        return parse_date(raw) if raw else None
    except ValueError:
        return None


@login_required
@require_POST
def appearance_act(request: HttpRequest, session_id: int, item_id: int) -> HttpResponse:
    """Art. 9 §3, 10 §1: invite a person on a question, record them present or gone."""
    user = signed_in_user(request)
    if not is_secretariat(user):
        raise PermissionDenied
    item = _item(user, session_id, item_id)
    action = request.POST.get("action")
    if action == "invite":
        raw_date = request.POST.get("notified_on", "")
        notified_on = _date_or_none(raw_date)
        if raw_date and notified_on is None:
            messages.error(request, _("Enter a valid date."))
            return _back(session_id)
        attempt(
            request,
            lambda: appearances.appearance_record(
                item=item,
                name=request.POST.get("name", ""),
                is_concerned=bool(request.POST.get("is_concerned")),
                notified_on=notified_on,
                acting_user=user,
            ),
            _("The person is recorded."),
        )
        return _back(session_id)
    raw = request.POST.get("appearance", "")
    appearance = found(
        lambda: _require(
            Appearance.objects.filter(item=item, pk=int(raw)).first() if raw.isdigit() else None
        )
    )
    if action == "present":
        attempt(
            request,
            lambda: appearances.appearance_present(appearance=appearance, acting_user=user),
            _("Recorded: present at the hearing."),
        )
    elif action == "left":
        attempt(
            request,
            lambda: appearances.appearance_left(appearance=appearance, acting_user=user),
            _("Recorded: left before the decision."),
        )
    return _back(session_id)
