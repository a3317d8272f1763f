"""Permission-aware reads of acts: an act is reached through its case's visibility.

Signed acts of a case are visible to whoever may see the case (``sot.cases.selectors``: closed
sessions only to the bench, the secretary and the parties); drafts and rejected drafts only to the
bench. Missing and not-yours are the same ``NotFound``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from sot.accounts.models import User
from sot.cases import selectors as case_selectors
from sot.cases.models import Case
from sot.core.errors import NotFound

from . import access
from .models import Act, ActDocument, ActStatus, ActVersion


def with_details(acts: QuerySet[Act]) -> QuerySet[Act]:
    return acts.select_related("court", "case", "judge__user", "template", "corrects")


def visible_acts(user: User) -> QuerySet[Act]:
    visible = case_selectors.case_visibility(user)
    if visible is None:
        return Act.objects.none()
    cases = Case.objects.filter(visible).values("pk")
    bench_cases = Case.objects.filter(bench__judge__user=user).values("pk")
    return Act.objects.filter(Q(case__in=cases, status=ActStatus.SIGNED) | Q(case__in=bench_cases))


def access_act(user: User, act_id: int, *, request: HttpRequest | None = None) -> Act:
    act = with_details(visible_acts(user)).filter(pk=act_id).first()
    if act is None or act.case_id is None:
        raise NotFound()
    # Through the case accessor, so reading a closed case's act is audited like the case.
    case_selectors.access_case(user, act.case_id, request=request)
    return act


def case_acts(user: User, case: Case) -> QuerySet[Act]:
    """The acts of a case the caller already accessed: signed ones, and drafts for the bench."""
    acts = Act.objects.filter(case=case)
    if not access.is_bench(user, case):
        acts = acts.filter(status=ActStatus.SIGNED)
    return with_details(acts).order_by("-created_at", "-pk")


def act_versions(act: Act) -> QuerySet[ActVersion]:
    return act.versions.select_related("saved_by").order_by("number")


def act_version(act: Act, number: int) -> ActVersion:
    version = act.versions.filter(number=number).first()
    if version is None:
        raise NotFound()
    return version


def act_document(act: Act) -> ActDocument:
    document = ActDocument.objects.filter(act=act).first()
    if document is None:
        raise NotFound()
    return document


@dataclass(frozen=True)
class ActCheck:
    """What the public "check a court act" page shows: no text, no names of parties."""

    act: Act
    document: ActDocument | None
    ledger_size: int | None


def check_by_code(code: str) -> ActCheck:
    """Public: a signed act by the short code printed on its PDF (case-insensitive)."""
    from sot.ledger.selectors import published_size

    clean = code.strip().upper().replace("-", "").replace(" ", "")
    act = (
        Act.objects.select_related("court", "judge__user")
        .filter(short_code=clean, status=ActStatus.SIGNED)
        .first()
        if clean
        else None
    )
    if act is None:
        raise NotFound()
    document = ActDocument.objects.filter(act=act).only("sha256", "ledger_index", "act_id").first()
    return ActCheck(act=act, document=document, ledger_size=published_size())
