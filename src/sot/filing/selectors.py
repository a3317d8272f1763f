"""Reads for the Court Cabinet, each checked against who is asking.

A filer sees their own filings; a court's clerks and chair see the non-draft filings addressed to
their court. Anything else answers ``NotFound``, the same as a filing that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.cases import selectors as case_selectors
from sot.cases.models import Case, Document
from sot.core.audit import audit_record
from sot.core.errors import NotFound
from sot.core.models import AuditAction

from .models import Filing, FilingAttachment, FilingStatus


def my_filings(user: User) -> QuerySet[Filing]:
    return (
        Filing.objects.filter(filer=user)
        .select_related("court", "target_case", "opened_case")
        .order_by("-created_at", "-pk")
    )


def _checker_court_id(user: User) -> int | None:
    if not user.is_active or not user.has_role(Role.CLERK, Role.COURT_CHAIR):
        return None
    court = user.workplace_court()
    return court.pk if court is not None else None


def filing_visibility(user: User) -> Q:
    visible = Q(filer=user)
    court_id = _checker_court_id(user)
    if court_id is not None:
        visible |= Q(court_id=court_id) & ~Q(status=FilingStatus.DRAFT)
    return visible


def access_filing(user: User, filing_id: int) -> Filing:
    if not user.is_authenticated:
        raise NotFound()
    filing = (
        Filing.objects.filter(filing_visibility(user), pk=filing_id)
        .select_related("court", "filer", "target_case", "opened_case")
        .first()
    )
    if filing is None:
        raise NotFound()
    return filing


def access_own_filing(user: User, filing_id: int) -> Filing:
    filing = access_filing(user, filing_id)
    if filing.filer_id != user.pk:
        raise NotFound()
    return filing


def check_queue(user: User) -> QuerySet[Filing]:
    """Filings waiting for the formal check in the clerk's court, the oldest first."""
    court_id = _checker_court_id(user)
    if court_id is None:
        return Filing.objects.none()
    return (
        Filing.objects.filter(court_id=court_id, status=FilingStatus.SUBMITTED)
        .select_related("filer", "court", "target_case")
        .order_by("submitted_at", "pk")
    )


def access_attachment(
    user: User, filing_id: int, attachment_id: int, *, request: HttpRequest | None = None
) -> FilingAttachment:
    filing = access_filing(user, filing_id)
    attachment = filing.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise NotFound()
    if filing.filer_id != user.pk:
        audit_record(
            actor=user,
            action=AuditAction.DOCUMENT_READ,
            object_type="filing.attachment",
            object_id=attachment.pk,
            details={"filing": filing.number},
            request=request,
        )
    return attachment


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    source: str  # "case" (a case event) or "filing" (one of the participant's filings)
    kind: str
    label: str
    details: dict[str, Any]


def case_history(user: User, case: Case) -> list[HistoryEntry]:
    """The case's events and the user's own filings in it, in time order (the whole matter)."""
    from sot.cases.models import CaseEventKind

    labels = dict(CaseEventKind.choices)
    entries = [
        HistoryEntry(
            at=event.at,
            source="case",
            kind=event.kind,
            label=str(labels.get(event.kind, event.kind)),
            details={
                k: v
                for k, v in event.payload.items()
                if k in {"from", "to", "number", "note", "filing", "kind", "outcome"}
            },
        )
        for event in case_selectors.case_events(case)
    ]
    filings = Filing.objects.filter(Q(target_case=case) | Q(opened_case=case), filer=user).exclude(
        status=FilingStatus.DRAFT
    )
    from .schema import kind_get

    for filing in filings:
        kind = kind_get(filing.kind)
        entries.append(
            HistoryEntry(
                at=filing.submitted_at or filing.created_at,
                source="filing",
                kind=filing.kind,
                label=kind.label() if kind else filing.kind,
                details={"filing": filing.number, "status": filing.status},
            )
        )
    entries.sort(key=lambda entry: entry.at)
    return entries


def access_case_document(
    user: User, case_id: int, document_id: int, *, request: HttpRequest | None = None
) -> Document:
    case = case_selectors.access_case(user, case_id, request=request)
    document = case_selectors.case_documents(case).filter(pk=document_id).first()
    if document is None:
        raise NotFound()
    audit_record(
        actor=user,
        action=AuditAction.DOCUMENT_READ,
        object_type="cases.document",
        object_id=document.pk,
        details={"case": case.pk},
        request=request,
    )
    return document


def certificate_cases(user: User) -> QuerySet[Case]:
    """The cases a person takes part in, for the certificate of presence or absence of cases."""
    return case_selectors.my_cases(user)
