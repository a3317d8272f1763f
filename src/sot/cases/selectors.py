"""Permission-aware reads of cases. Every list is filtered in the query, never after.

Who sees a case:
- everyone involved in any case of its matter (participants with an account, the judges on the
  bench, the hearing secretary) sees every case of that matter, closed ones included: the history
  of one matter across instances belongs to those who take part in it;
- court staff (clerks, judges, chairs) see the open (not closed-session) cases of their court;
- analysts and administrators see open cases nationwide;
- nobody else sees anything. A closed case is never visible by role alone.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from sot.accounts.models import User
from sot.accounts.roles import COURT_STAFF_ROLES, NATIONAL_READ_ROLES
from sot.core.audit import audit_record
from sot.core.errors import NotFound
from sot.core.models import AuditAction

from .models import Case, CaseEvent, Document, Participant


def involved_matters(user: User) -> Q:
    as_party = Participant.objects.filter(user=user).values("case__matter")
    on_bench = Case.objects.filter(bench__judge__user=user).values("matter")
    as_clerk = Case.objects.filter(clerk=user).values("matter")
    return Q(matter__in=as_party) | Q(matter__in=on_bench) | Q(matter__in=as_clerk)


def case_visibility(user: User) -> Q | None:
    """The filter of the cases ``user`` may see, or ``None`` for none at all."""
    if not user.is_authenticated or not user.is_active:
        return None
    visible = involved_matters(user)
    if user.has_role(*NATIONAL_READ_ROLES):
        visible |= Q(is_closed=False)
    elif user.has_role(*COURT_STAFF_ROLES):
        court = user.workplace_court()
        if court is not None:
            visible |= Q(is_closed=False, court_id=court.pk)
    return visible


def visible_cases(user: User) -> QuerySet[Case]:
    visible = case_visibility(user)
    if visible is None:
        return Case.objects.none()
    return Case.objects.filter(visible)


def access_case(user: User, case_id: int, *, request: HttpRequest | None = None) -> Case:
    """The case if ``user`` may see it; the same ``NotFound`` whether it is missing or not theirs.

    Reading a closed case is a sensitive read and leaves an audit row.
    """
    case = (
        visible_cases(user)
        .select_related("court", "court__region", "lower_case")
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise NotFound()
    if case.is_closed:
        audit_record(
            actor=user,
            action=AuditAction.CASE_CLOSED_READ,
            object_type="case",
            object_id=case.pk,
            request=request,
        )
    return case


def access_case_by_number(user: User, number: str, *, request: HttpRequest | None = None) -> Case:
    case_id = visible_cases(user).filter(number=number).values_list("pk", flat=True).first()
    if case_id is None:
        raise NotFound()
    return access_case(user, case_id, request=request)


def case_events(case: Case) -> QuerySet[CaseEvent]:
    """The timeline of a case the caller already accessed, oldest first."""
    return case.events.select_related("actor").order_by("at", "pk")


def case_documents(case: Case) -> QuerySet[Document]:
    """The documents of a case the caller already accessed, oldest first."""
    return case.documents.select_related("uploaded_by").order_by("uploaded_at", "pk")


def access_participant(case: Case, participant_id: int) -> Participant:
    """A participant of a case the caller already accessed; ``NotFound`` if not of that case.

    The participant's own id grants nothing: whoever may not see the case never gets this far,
    and an id from another case answers like one that does not exist.
    """
    participant = case.participants.filter(pk=participant_id).first()
    if participant is None:
        raise NotFound()
    return participant


def matter_cases(user: User, case: Case) -> QuerySet[Case]:
    """Every case of the same matter (first instance, appeal, cassation) the user may see."""
    return (
        visible_cases(user)
        .filter(matter=case.matter)
        .select_related("court")
        .order_by("filed_at", "pk")
    )


def my_cases(user: User) -> QuerySet[Case]:
    """Cases in which the user takes part (as party, representative or prosecutor)."""
    if not user.is_authenticated:
        return Case.objects.none()
    return (
        Case.objects.filter(pk__in=Participant.objects.filter(user=user).values("case"))
        .select_related("court")
        .order_by("-filed_at", "-pk")
    )


def judge_docket(user: User) -> QuerySet[Case]:
    """Pending cases on which the user sits as a judge, oldest first (they are most urgent).

    A case leaves the docket once decided: after that it is appealed, in force or enforced, and no
    longer waits on this judge.
    """
    if not user.is_authenticated:
        return Case.objects.none()
    return (
        Case.objects.pending()
        .filter(bench__judge__user=user)
        .select_related("court")
        .order_by("filed_at", "pk")
    )
