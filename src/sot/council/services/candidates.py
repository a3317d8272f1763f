"""Candidates' records: the candidate's own entries and what the secretariat records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.core import clock
from sot.core.errors import Message, ValidationFailed
from sot.courts.models import Court, Judge

from ..models import (
    Candidate,
    ChairPost,
    Conclusion,
    ConclusionKind,
    Experience,
    ExperienceKind,
    Guarantee,
    GuaranteeKind,
    PersonalRecordEntry,
    PolygraphResult,
    RecordEntryKind,
    ReserveEntry,
)
from .common import require_secretariat


def candidate_register(
    *,
    user: User,
    born_on: date,
    is_citizen: bool,
    higher_legal_education: bool,
    education: str = "",
    degree: str = "none",
    diploma_average: Decimal | None = None,
    magistracy_graduated_on: date | None = None,
    has_special_education: bool = False,
) -> Candidate:
    """A person opens their candidate record; once per person (a second call returns it)."""
    errors: dict[str, list[Message]] = {}
    if born_on >= clock.today():
        errors["born_on"] = [_("The date of birth must be in the past.")]
    if diploma_average is not None and not Decimal(0) <= diploma_average <= Decimal(5):
        errors["diploma_average"] = [_("A diploma average is between 0 and 5.")]
    if errors:
        raise ValidationFailed(fields=errors)
    judge = Judge.objects.filter(user=user).first()
    try:
        with transaction.atomic():
            candidate, _created = Candidate.objects.get_or_create(
                user=user,
                defaults={
                    "judge": judge,
                    "born_on": born_on,
                    "is_citizen": is_citizen,
                    "higher_legal_education": higher_legal_education,
                    "education": education,
                    "degree": degree,
                    "diploma_average": diploma_average,
                    "magistracy_graduated_on": magistracy_graduated_on,
                    "has_special_education": has_special_education,
                },
            )
    except IntegrityError:
        candidate = Candidate.objects.get(user=user)
    return candidate


def _own_or_secretariat(candidate: Candidate, user: User) -> None:
    if candidate.user_id != user.pk:
        require_secretariat(user)


def experience_add(
    *,
    candidate: Candidate,
    kind: str,
    organisation: str,
    started_on: date,
    ended_on: date | None,
    acting_user: User,
) -> Experience:
    _own_or_secretariat(candidate, acting_user)
    errors: dict[str, list[Message]] = {}
    if kind not in ExperienceKind.values:
        errors["kind"] = [_("Choose the kind of work.")]
    if not organisation.strip():
        errors["organisation"] = [_("Name the organisation.")]
    if ended_on is not None and ended_on < started_on:
        errors["ended_on"] = [_("The period ends before it starts.")]
    if started_on > clock.today():
        errors["started_on"] = [_("The period starts in the future.")]
    if errors:
        raise ValidationFailed(fields=errors)
    experience, _created = Experience.objects.get_or_create(
        candidate=candidate,
        kind=kind,
        organisation=organisation.strip(),
        started_on=started_on,
        ended_on=ended_on,
    )
    return experience


def guarantee_add(
    *, candidate: Candidate, kind: str, guarantor: str, given_on: date, acting_user: User
) -> Guarantee:
    """Art. 17 §1–3: the written guarantees the candidate presents."""
    _own_or_secretariat(candidate, acting_user)
    if kind not in GuaranteeKind.values or not guarantor.strip():
        raise ValidationFailed(fields={"guarantor": [_("Name the guarantor and their kind.")]})
    guarantee, _created = Guarantee.objects.get_or_create(
        candidate=candidate, kind=kind, guarantor=guarantor.strip(), given_on=given_on
    )
    return guarantee


def conclusion_record(
    *,
    candidate: Candidate,
    kind: str,
    is_positive: bool,
    given_on: date,
    text: str,
    acting_user: User,
) -> Conclusion:
    """Art. 17 §2–4: plenary and Public Council conclusions (advisory; Art. 17 §4)."""
    require_secretariat(acting_user)
    if kind not in ConclusionKind.values:
        raise ValidationFailed(fields={"kind": [_("Choose who gave the conclusion.")]})
    conclusion, _created = Conclusion.objects.get_or_create(
        candidate=candidate,
        kind=kind,
        given_on=given_on,
        defaults={"is_positive": is_positive, "text": text},
    )
    return conclusion


def polygraph_record(
    *,
    candidate: Candidate,
    examined_on: date,
    is_favourable: bool,
    conclusion: str,
    acting_user: User,
) -> PolygraphResult:
    """Art. 15: after a passed exam; the conclusion is advisory and decides nothing by itself."""
    require_secretariat(acting_user)
    result, _created = PolygraphResult.objects.get_or_create(
        candidate=candidate,
        examined_on=examined_on,
        defaults={"is_favourable": is_favourable, "conclusion": conclusion},
    )
    return result


def personal_record_add(
    *, judge: Judge, kind: str, on: date, text: str, acting_user: User
) -> PersonalRecordEntry:
    """Art. 3 §1.15: the electronic personal record of a judge."""
    require_secretariat(acting_user)
    if kind not in RecordEntryKind.values or not text.strip():
        raise ValidationFailed(fields={"text": [_("Choose the kind and describe the entry.")]})
    entry, _created = PersonalRecordEntry.objects.get_or_create(
        judge=judge, kind=kind, on=on, text=text.strip()
    )
    return entry


def reserve_include(
    *,
    judge: Judge,
    post: str,
    court: Court | None,
    included_on: date,
    basis: str,
    acting_user: User,
) -> ReserveEntry:
    """Art. 3 §1.16–17: the personnel reserve for chair posts, formed with the Supreme Court."""
    require_secretariat(acting_user)
    if post not in ChairPost.values:
        raise ValidationFailed(fields={"post": [_("Choose the post.")]})
    if ReserveEntry.objects.filter(judge=judge, post=post, excluded_on__isnull=True).exists():
        raise ValidationFailed(
            fields={"post": [_("The judge is already in the reserve for this post.")]}
        )
    return ReserveEntry.objects.create(
        judge=judge, post=post, court=court, included_on=included_on, basis=basis
    )
