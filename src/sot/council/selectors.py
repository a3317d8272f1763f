"""Supreme Judicial Council: reads, each filtered for who asks."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from sot.accounts.models import User
from sot.core.errors import NotFound
from sot.courts.models import Judge

from .access import is_member, is_secretariat
from .models import (
    Application,
    Candidate,
    Competition,
    CompetitionStatus,
    Decision,
    ExamRegistration,
    ListDispatch,
    Question,
    RegistrationStatus,
    Regulation,
    ReserveEntry,
    ResultNotice,
    Session,
    Vote,
)
from .rules.exam import EXAM_VALIDITY_YEARS
from .rules.periods import add_years
from .rules.thresholds import Thresholds

Viewer = User | AnonymousUser


def current_thresholds() -> Thresholds:
    """The regulation's values in force, or the defaults until an administrator saves them."""
    row = Regulation.objects.filter(pk=1).first()
    return row.thresholds() if row is not None else Thresholds()


def required_documents() -> list[str]:
    """Art. 16 §5: the regulation's list of documents for an application (empty until set)."""
    row = Regulation.objects.filter(pk=1).first()
    return [str(title) for title in row.required_documents] if row is not None else []


def public_competitions() -> QuerySet[Competition]:
    """Announced competitions and their results are public (Art. 16 §4, §6, Art. 17 §5)."""
    return (
        Competition.objects.exclude(status=CompetitionStatus.DRAFT)
        .select_related("court")
        .order_by("-published_on", "-pk")
    )


def visible_competitions(user: Viewer) -> QuerySet[Competition]:
    if is_secretariat(user):
        return Competition.objects.select_related("court").order_by("-created_at", "-pk")
    return public_competitions()


def access_competition(user: Viewer, competition_id: int) -> Competition:
    competition = visible_competitions(user).filter(pk=competition_id).first()
    if competition is None:
        raise NotFound()
    return competition


def published_applicants(competition: Competition) -> QuerySet[Application]:
    """Art. 16 §6: the list of applicants is published once acceptance is over."""
    if competition.lists_published_on is None:
        return Application.objects.none()
    return competition.applications.select_related("candidate__user").order_by("pk")


def published_decisions() -> QuerySet[Decision]:
    """Art. 10 §5: decisions are published on public internet resources."""
    return (
        Decision.objects.filter(published_at__isnull=False)
        .select_related("item__session", "item__competition__court")
        .order_by("-decided_on", "-pk")
    )


def passed_exam_list(on: date) -> list[ExamRegistration]:
    """Art. 13 §8: those who passed the exam, while their result is valid (Art. 13 §6)."""
    since = add_years(on, -EXAM_VALIDITY_YEARS)
    return list(
        ExamRegistration.objects.filter(
            status=RegistrationStatus.PASSED, result_on__gte=since, result_on__lte=on
        )
        .select_related("candidate__user")
        .order_by("-result_on", "candidate__user__last_name", "pk")
    )


def model_questions() -> QuerySet[Question]:
    """Art. 13 §8: the model questions are published (the rest of the bank is not), once the
    Council has approved them (§10)."""
    return Question.objects.filter(
        is_model=True, is_active=True, approved_on__isnull=False
    ).order_by("field_of_law", "pk")


def my_candidate(user: User) -> Candidate | None:
    return Candidate.objects.filter(user=user).first()


def access_application(user: Viewer, application_id: int) -> Application:
    query = Application.objects.select_related("competition__court", "candidate__user")
    if not is_secretariat(user):
        if not isinstance(user, User):
            raise NotFound()
        query = query.filter(candidate__user=user)
    application = query.filter(pk=application_id).first()
    if application is None:
        raise NotFound()
    return application


def visible_sessions(user: Viewer) -> QuerySet[Session]:
    """Sessions' working pages (materials, votes) are for the members and the secretariat."""
    if not (is_secretariat(user) or is_member(user)):
        return Session.objects.none()
    return Session.objects.order_by("-starts_at", "-pk")


def access_session(user: Viewer, session_id: int) -> Session:
    session = visible_sessions(user).filter(pk=session_id).first()
    if session is None:
        raise NotFound()
    return session


def access_vote(user: Viewer, vote_id: int) -> Vote:
    vote = (
        Vote.objects.filter(item__session__in=visible_sessions(user), pk=vote_id)
        .select_related("item__session", "nomination__application__candidate__user")
        .first()
    )
    if vote is None:
        raise NotFound()
    return vote


def access_personal_record(user: Viewer, judge_id: int) -> Judge:
    """Art. 3 §1.15: the secretariat keeps the records; a judge may read their own."""
    query = Judge.objects.select_related("user")
    if not is_secretariat(user):
        if not isinstance(user, User):
            raise NotFound()
        query = query.filter(user=user)
    judge = query.filter(pk=judge_id).first()
    if judge is None:
        raise NotFound()
    return judge


def reserve_in_force() -> QuerySet[ReserveEntry]:
    """Art. 3 §1.16–17: those in the personnel reserve and not excluded, by post."""
    return (
        ReserveEntry.objects.filter(excluded_on__isnull=True)
        .select_related("judge__user", "court")
        .order_by("post", "included_on", "pk")
    )


def list_dispatch(competition: Competition) -> ListDispatch | None:
    """Art. 16 §6: where and when the list of applicants was sent, and by whom."""
    return (
        ListDispatch.objects.filter(competition=competition)
        .select_related("sent_by")
        .prefetch_related("courts")
        .first()
    )


def result_notices(competition: Competition) -> QuerySet[ResultNotice]:
    """Art. 18 §12: the notice of the result each participant was sent."""
    return (
        ResultNotice.objects.filter(application__competition=competition)
        .select_related("application__candidate__user", "sent_by")
        .order_by("application__pk")
    )
