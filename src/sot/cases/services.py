"""Writes on cases. Each function owns its transaction and leaves a case event behind it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.core import clock
from sot.core.errors import Forbidden, InvalidTransition, ValidationFailed
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Court, CourtLevel, Judge, JudgeStatus, Region

from . import documents, rules
from .lifecycle import TRANSITIONS, CaseAction
from .models import (
    BenchRole,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseJudge,
    CaseStatus,
    Document,
    Participant,
    ParticipantRole,
    PartyKind,
    document_upload_path,
)
from .numbering import case_number_allocate
from .signals import case_event_recorded
from .validation import validate_party_identifiers


@dataclass(frozen=True)
class ParticipantInput:
    role: str
    name: str
    kind: str = PartyKind.PERSON
    iin: str = ""
    bin: str = ""
    user: User | None = None
    region: Region | None = None


def _event(
    case: Case,
    kind: str,
    actor: User | None,
    payload: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> CaseEvent:
    event = CaseEvent.objects.create(
        case=case, kind=kind, actor=actor, payload=payload or {}, at=at or clock.now()
    )
    case_event_recorded.send(sender=CaseEvent, event=event)
    return event


def case_event_record(
    *,
    case: Case,
    kind: str,
    actor: User | None,
    payload: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> CaseEvent:
    """Append an event other apps own (a petition filed, an act signed or published) to the case's
    history; receivers of ``case_event_recorded`` see it like any other event."""
    return _event(case, kind, actor, payload, at)


def _lock(case: Case) -> Case:
    """Re-read the case under a row lock so two clerks cannot move it at once."""
    return Case.objects.select_for_update().select_related("court").get(pk=case.pk)


@transaction.atomic
def case_file(
    *,
    court: Court,
    category: str,
    subject: str,
    acting_user: User,
    instance: str = Instance.FIRST,
    article: str = "",
    claim_amount: Decimal | None = None,
    is_closed: bool = False,
    is_electronic: bool = True,
    extraterritorial_requested: bool = False,
    participants: list[ParticipantInput] | tuple[ParticipantInput, ...] = (),
) -> Case:
    """Record a case filed with a court on paper (before registration gives it a number).

    The court's clerks and chair record such filings; the recording clerk becomes the case's
    hearing secretary, so a closed case stays visible to the person who recorded it.
    """
    if not rules.may_record_filing(acting_user, court):
        raise Forbidden()
    errors: dict[str, list[Any]] = {}
    if category not in CaseCategory.values:
        errors["category"] = [_("Unknown case category.")]
    if instance not in Instance.values:
        errors["instance"] = [_("Unknown instance.")]
    if not errors and not court.competences.filter(category=category, instance=instance).exists():
        errors["court"] = [_("This court does not hear cases of this category at this instance.")]
    if claim_amount is not None and claim_amount < 0:
        errors["claim_amount"] = [_("The claim amount cannot be negative.")]
    for index, participant in enumerate(participants):
        for field, messages in _participant_errors(participant).items():
            errors[f"participants.{index}.{field}"] = messages
    if errors:
        raise ValidationFailed(fields=errors)
    case = Case.objects.create(
        court=court,
        category=category,
        instance=instance,
        subject=subject,
        article=article,
        claim_amount=claim_amount,
        is_closed=is_closed,
        is_electronic=is_electronic,
        extraterritorial_requested=extraterritorial_requested,
        filed_at=clock.now(),
        clerk=acting_user if acting_user.has_role(Role.CLERK) else None,
    )
    _event(case, CaseEventKind.FILED, acting_user, {"court": court.code})
    for participant in participants:
        _participant_create(case, participant, acting_user)
    return case


def _participant_errors(participant: ParticipantInput) -> dict[str, list[Any]]:
    errors: dict[str, list[Any]] = {}
    if participant.role not in ParticipantRole.values:
        errors["role"] = [_("Unknown participant role.")]
    if participant.kind not in PartyKind.values:
        errors["kind"] = [_("Unknown kind of party.")]
    if not participant.name.strip():
        errors["name"] = [_("A participant needs a name.")]
    errors.update(validate_party_identifiers(participant.kind, participant.iin, participant.bin))
    return errors


def _participant_create(
    case: Case,
    data: ParticipantInput,
    actor: User | None,
    represents: Participant | None = None,
) -> Participant:
    participant = Participant.objects.create(
        case=case,
        represents=represents,
        role=data.role,
        kind=data.kind,
        name=data.name.strip(),
        iin=data.iin,
        bin=data.bin,
        user=data.user,
        region=data.region,
    )
    _event(
        case,
        CaseEventKind.PARTICIPANT_ADDED,
        actor,
        {"participant": participant.pk, "role": data.role},
    )
    return participant


@transaction.atomic
def participant_add(*, case: Case, data: ParticipantInput, acting_user: User) -> Participant:
    case = _lock(case)
    if not rules.may_manage_participants(acting_user, case):
        raise Forbidden()
    errors = _participant_errors(data)
    if errors:
        raise ValidationFailed(fields=errors)
    return _participant_create(case, data, acting_user)


def case_transition(
    *,
    case: Case,
    action: str,
    acting_user: User,
    note: str = "",
    expected_status: str | None = None,
) -> Case:
    """Move a case along its lifecycle; refuses moves the lifecycle does not allow.

    ``expected_status`` is the status the caller saw: when given and the case has moved since (a
    double-submitted form, a retried request), the move is refused rather than done twice.
    """
    if action == CaseAction.APPEAL:
        raise InvalidTransition(
            _("An appeal is recorded with its own action, which opens the higher-instance case.")
        )
    with transaction.atomic():
        return _transition(case, action, acting_user, note, expected_status)


def _transition(
    case: Case, action: str, acting_user: User, note: str, expected_status: str | None
) -> Case:
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise InvalidTransition(_("Unknown action."))
    case = _lock(case)
    if not rules.may_act(acting_user, case, action):
        raise Forbidden()
    if expected_status is not None and case.status != expected_status:
        raise InvalidTransition(
            _("The case has changed since you opened it; reload it and try again.")
        )
    if case.status not in transition.sources:
        raise InvalidTransition(
            _("A case in status “%(status)s” cannot be moved by “%(action)s”."),
            params={
                "status": CaseStatus(case.status).label,
                "action": CaseAction(action).label,
            },
        )
    previous = case.status
    now = clock.now()
    update_fields = ["status", "status_before_suspension"]
    if transition.target is None:
        case.status = case.status_before_suspension or CaseStatus.ACCEPTED
        case.status_before_suspension = ""
    else:
        case.status = transition.target
        case.status_before_suspension = previous if action == CaseAction.SUSPEND else ""
    if action == CaseAction.REGISTER:
        # The year on the number is the court's local year (a filing at 00:30 on 1 January).
        court_year = timezone.localdate(now, ZoneInfo(case.court.timezone)).year
        case.number = case_number_allocate(court=case.court, year=court_year)
        case.registered_at = now
        update_fields += ["number", "registered_at"]
    elif action == CaseAction.DECIDE:
        case.decided_at = now
        update_fields.append("decided_at")
    case.save(update_fields=update_fields)
    payload: dict[str, Any] = {"from": previous, "to": case.status}
    if note:
        payload["note"] = note
    if case.number and action == CaseAction.REGISTER:
        payload["number"] = case.number
    _event(case, transition.event, acting_user, payload, at=now)
    return case


def _higher_court(case: Case) -> tuple[Court, str]:
    if case.instance == Instance.FIRST:
        parent = case.court.parent
        if parent is None or parent.level != CourtLevel.REGIONAL:
            raise InvalidTransition(_("This court has no appeal court configured."))
        return parent, Instance.APPEAL
    if case.instance == Instance.APPEAL:
        parent = case.court.parent
        supreme = (
            parent
            if parent is not None and parent.level == CourtLevel.SUPREME
            else Court.objects.filter(level=CourtLevel.SUPREME).order_by("pk").first()
        )
        if supreme is None:
            raise InvalidTransition(_("No cassation court is configured."))
        return supreme, Instance.CASSATION
    raise InvalidTransition(_("A court act of the cassation instance cannot be appealed further."))


@transaction.atomic
def case_appeal(
    *, case: Case, acting_user: User, note: str = "", expected_status: str | None = None
) -> Case:
    """Record an appeal (or cassation petition) and open the linked higher-instance case.

    The higher case belongs to the same matter, points at this one, and copies its parties.
    """
    lower = _transition(case, CaseAction.APPEAL, acting_user, note, expected_status)
    court, instance = _higher_court(lower)
    higher = Case.objects.create(
        court=court,
        category=lower.category,
        instance=instance,
        subject=lower.subject,
        article=lower.article,
        claim_amount=lower.claim_amount,
        is_closed=lower.is_closed,
        is_electronic=lower.is_electronic,
        matter=lower.matter,
        lower_case=lower,
        filed_at=clock.now(),
    )
    _event(higher, CaseEventKind.FILED, acting_user, {"lower_case": lower.pk})
    # Parties first, then their representatives, so each "represents" link can be carried over.
    copies: dict[int, Participant] = {}
    for p in lower.participants.order_by(F("represents").asc(nulls_first=True), "pk"):
        copy = _participant_create(
            higher,
            ParticipantInput(
                role=p.role,
                name=p.name,
                kind=p.kind,
                iin=p.iin,
                bin=p.bin,
                user=p.user,
                region=p.region,
            ),
            acting_user,
            represents=copies.get(p.represents_id) if p.represents_id else None,
        )
        copies[p.pk] = copy
    return higher


@transaction.atomic
def judge_assign(
    *, case: Case, judge: Judge, acting_user: User, role: str = BenchRole.PRESIDING
) -> CaseJudge:
    case = _lock(case)
    if not rules.may_assign_judges(acting_user, case):
        raise Forbidden()
    if judge.status != JudgeStatus.ACTIVE:
        raise ValidationFailed(fields={"judge": [_("Only an active judge can be assigned.")]})
    if judge.court_id != case.court_id:
        raise ValidationFailed(fields={"judge": [_("The judge does not sit in this court.")]})
    if not judge.specialisations.filter(category=case.category).exists():
        raise ValidationFailed(
            fields={"judge": [_("The judge is not specialised in this category.")]}
        )
    if role not in BenchRole.values:
        raise ValidationFailed(fields={"role": [_("Unknown bench role.")]})
    if case.bench.filter(judge=judge).exists():
        raise ValidationFailed(fields={"judge": [_("The judge already sits on this case.")]})
    seat = CaseJudge.objects.create(case=case, judge=judge, role=role, assigned_at=clock.now())
    _event(case, CaseEventKind.JUDGE_ASSIGNED, acting_user, {"judge": judge.pk, "role": role})
    return seat


def document_add(*, case: Case, upload: UploadedFile, title: str, acting_user: User) -> Document:
    """Check the upload (size, type by content), hash it and store it by its hash.

    Identical bytes are stored once, however many cases or uploads they belong to.
    """
    if not rules.may_upload_documents(acting_user, case):
        raise Forbidden()  # before reading the file: a stranger's upload costs nothing
    checked = documents.inspect_upload(upload)
    with transaction.atomic():
        case = _lock(case)
        if not rules.may_upload_documents(acting_user, case):
            raise Forbidden()
        document = Document(
            case=case,
            title=title.strip() or checked.original_name,
            original_name=checked.original_name,
            sha256=checked.sha256,
            size=checked.size,
            content_type=checked.content_type,
            uploaded_by=acting_user,
            uploaded_at=clock.now(),
        )
        stored_name = document_upload_path(document, checked.sha256)
        if not document.file.storage.exists(stored_name):
            document.file.save(checked.sha256, upload, save=False)
        document.file.name = stored_name
        document.save()
        _event(
            case,
            CaseEventKind.DOCUMENT_ADDED,
            acting_user,
            {"document": document.pk, "sha256": checked.sha256},
        )
    return document
