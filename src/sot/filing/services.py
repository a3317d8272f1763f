"""Writes on filings: drafts, attachments, payment, submission and the formal check.

Every function is keyword-only and atomic; what is announced to the filer goes through
``sot.notifications.services.notify`` inside the same transaction (delivered on commit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.cases import services as case_services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import Case, CaseEventKind, PartyKind
from sot.cases.services import ParticipantInput
from sot.core import clock
from sot.core.errors import Conflict, Forbidden, NotFound, ValidationFailed
from sot.core.iin import is_valid_bin
from sot.notifications.services import notify
from sot.signatures.models import SignatureStatus

from . import signing
from .attachments import IncomingFile, check_upload, max_attachments, missing_slots, store
from .fees import FeeQuote, UnknownMciYear, fee_quote
from .models import Filing, FilingAttachment, FilingEvent, FilingStatus, Payment
from .payments import payment_gateway
from .schema import FilingKind, grounds_table, kind_get, localized
from .validation import CleanForm, clean_form

EDITABLE = (FilingStatus.DRAFT, FilingStatus.LEFT_WITHOUT_MOTION)
CHECKABLE = (FilingStatus.SUBMITTED,)


# --- helpers -------------------------------------------------------------------------------------


def kind_for(code: str) -> FilingKind:
    kind = kind_get(code)
    if kind is None:
        raise ValidationFailed(fields={"kind": [_("There is no such filing kind.")]})
    return kind


def may_file(user: User, kind: FilingKind) -> bool:
    return user.is_active and bool(user.role_names() & kind.filers)


def _require_filer(user: User, kind: FilingKind) -> None:
    if not may_file(user, kind):
        raise Forbidden(_("You may not make a filing of this kind."))


def _own(filing: Filing, user: User) -> Filing:
    if filing.filer_id != user.pk:
        raise NotFound()
    return filing


def _locked(filing_id: int) -> Filing:
    return Filing.objects.select_for_update().get(pk=filing_id)


def _log(filing: Filing, kind: str, actor: User | None, **payload: Any) -> FilingEvent:
    return FilingEvent.objects.create(
        filing=filing, kind=kind, actor=actor, payload=payload, at=clock.now()
    )


def _quote(kind: FilingKind, clean: CleanForm) -> FeeQuote:
    organisation = False  # filers sign with a personal certificate; organisations come later
    try:
        return fee_quote(kind, clean.data, year=clock.today().year, organisation=organisation)
    except UnknownMciYear as exc:
        raise Conflict(_("The monthly calculation index for this year is not set yet.")) from exc


def _apply(filing: Filing, kind: FilingKind, clean: CleanForm) -> None:
    filing.form = clean.data
    filing.court = clean.court
    filing.target_case = clean.case
    quote = _quote(kind, clean)
    filing.fee_amount = quote.amount
    filing.fee_details = quote.as_dict()


# --- drafts --------------------------------------------------------------------------------------


@transaction.atomic
def draft_create(*, filer: User, kind_code: str, form: dict[str, Any] | None = None) -> Filing:
    kind = kind_for(kind_code)
    _require_filer(filer, kind)
    clean = clean_form(kind, form or {}, filer, complete=False)
    filing = Filing(kind=kind.code, filer=filer)
    _apply(filing, kind, clean)
    filing.save()
    _log(filing, "drafted", filer)
    return filing


@transaction.atomic
def draft_update(*, filing: Filing, filer: User, form: dict[str, Any]) -> Filing:
    """Replace the draft's form (partial forms are fine until submission)."""
    filing = _own(_locked(filing.pk), filer)
    if filing.status not in EDITABLE:
        raise Conflict(_("A submitted filing cannot be changed."))
    kind = kind_for(filing.kind)
    _apply(filing, kind, clean_form(kind, form, filer, complete=False))
    filing.updated_at = clock.now()
    filing.save()
    return filing


def attachment_add(
    *, filing: Filing, filer: User, slot: str, upload: UploadedFile
) -> FilingAttachment:
    _own(filing, filer)
    incoming = check_upload(kind_for(filing.kind), slot, upload)  # before any write
    with transaction.atomic():
        filing = _locked(filing.pk)
        if filing.status not in EDITABLE:
            raise Conflict(_("A submitted filing cannot be changed."))
        if filing.attachments.count() >= max_attachments():
            raise ValidationFailed(fields={"file": [_("Too many attachments.")]})
        attachment = store(filing.pk, incoming)
        filing.updated_at = clock.now()
        filing.save(update_fields=["updated_at"])
    return attachment


@transaction.atomic
def attachment_remove(*, filing: Filing, filer: User, attachment_id: int) -> None:
    filing = _own(_locked(filing.pk), filer)
    if filing.status not in EDITABLE:
        raise Conflict(_("A submitted filing cannot be changed."))
    deleted, _count = filing.attachments.filter(pk=attachment_id).delete()
    if not deleted:
        raise NotFound()


@transaction.atomic
def draft_delete(*, filing: Filing, filer: User) -> None:
    filing = _own(_locked(filing.pk), filer)
    if filing.status != FilingStatus.DRAFT:
        raise Conflict(_("A submitted filing cannot be changed."))
    if filing.payments.exists():
        raise Conflict(_("A paid draft cannot be deleted."))
    filing.delete()


def bundle_for(filing: Filing) -> bytes:
    """The exact bytes the filer signs for this draft now."""
    files = [(a.original_name, a.sha256) for a in filing.attachments.order_by("pk")]
    return signing.bundle_bytes(filing.kind, filing.form, files)


# --- payment -------------------------------------------------------------------------------------


def paid_total(filing: Filing) -> Decimal:
    return sum((p.amount for p in filing.payments.all()), Decimal(0))


@transaction.atomic
def payment_make(
    *, filing: Filing, filer: User, payer_name: str = "", payer_iin: str = ""
) -> Payment:
    """Pay the outstanding fee through the configured gateway and record the receipt."""
    filing = _own(_locked(filing.pk), filer)
    if filing.status not in EDITABLE:
        raise Conflict(_("A submitted filing cannot be changed."))
    due = filing.fee_amount - paid_total(filing)
    if due <= 0:
        raise Conflict(_("Nothing is due for this filing."))
    receipt = payment_gateway().charge(
        amount=due,
        payer_name=payer_name.strip() or filer.full_name,
        payer_iin=payer_iin.strip() or (filer.iin or ""),
        reference=f"filing:{filing.pk}",
    )
    payment = Payment.objects.create(
        filing=filing,
        provider=receipt.provider,
        receipt_number=receipt.receipt_number,
        amount=receipt.amount,
        payer_name=receipt.payer_name,
        payer_iin=receipt.payer_iin,
        paid_at=receipt.paid_at,
    )
    _log(filing, "paid", filer, receipt=receipt.receipt_number, amount=str(receipt.amount))
    return payment


# --- submission ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signed:
    signature_b64: str
    certificate_pem: str


def _check_ready(kind: FilingKind, filing: Filing, slots: set[str]) -> None:
    errors: dict[str, list[Any]] = {}
    missing = missing_slots(kind, slots)
    if missing:
        errors["attachments"] = [
            _("Attach: %(names)s.")
            % {"names": ", ".join(localized(kind.slot(code).label) for code in missing)}  # type: ignore[union-attr]
        ]
    if filing.fee_amount > paid_total(filing):
        errors["fee"] = [_("Pay the state fee before submitting.")]
    if errors:
        raise ValidationFailed(fields=errors)


def _verify(filing: Filing, filer: User, payload: bytes, signed: Signed) -> Any:
    if not filer.iin:
        raise ValidationFailed(_("Your account has no IIN: a filing must be signed by its filer."))
    signature = signing.decode_signature(signed.signature_b64, signed.certificate_pem)
    verdict = signing.verify(payload, signature, signed.certificate_pem, filer.iin)
    if verdict.status == SignatureStatus.INVALID:
        raise signing.refuse(verdict)
    return verdict


def _seal(filing: Filing, payload: bytes, signed: Signed, verdict: Any, key: str | None) -> None:
    """Record the signature and move the filing out of draft (PENDING waits, never counts)."""
    now = clock.now()
    filing.client_key = key or filing.client_key
    filing.bundle_sha256 = signing.bundle_digest(payload)
    filing.signature = signed.signature_b64.strip()
    filing.certificate_pem = signed.certificate_pem
    filing.signature_status = str(verdict.status)
    filing.signature_code = verdict.code
    filing.signer_name = verdict.subject_name
    filing.certificate_sha256 = verdict.certificate_sha256
    filing.status = (
        FilingStatus.SUBMITTED
        if verdict.status == SignatureStatus.VALID
        else FilingStatus.AWAITING_SIGNATURE_CHECK
    )
    filing.submitted_at = now
    filing.updated_at = now
    filing.grounds = []
    filing.cure_by = None
    filing.save()
    if not filing.number:
        filing.number = f"CC-{now.year}-{filing.pk:08d}"
        filing.save(update_fields=["number"])


def _after_submit(filing: Filing, kind: FilingKind) -> Filing:
    _log(filing, "submitted", filing.filer, signature=filing.signature_status)
    if filing.status != FilingStatus.SUBMITTED:
        return filing
    notify(
        kind="filing.submitted",
        recipients=[filing.filer],
        case=filing.target_case,
        context={"filing_number": filing.number, "filing_kind": kind.label(_lang(filing.filer))},
        key=f"filing:{filing.pk}:submitted:{filing.submitted_at.isoformat()}",  # type: ignore[union-attr]
    )
    if kind.routine and kind.target == "existing_case":
        return _accept(filing, kind, None)
    return filing


def _lang(user: User) -> str:
    return user.preferred_language or "kk"


def filing_submit(*, filing: Filing, filer: User, signed: Signed, client_key: str = "") -> Filing:
    """Submit a draft: complete form, required attachments, fee paid, a valid signature.

    Submitting the same draft again (a retried request) returns it unchanged.
    """
    _own(filing, filer)
    kind = kind_for(filing.kind)
    _require_filer(filer, kind)
    with transaction.atomic():
        filing = _locked(filing.pk)
        if filing.status not in EDITABLE:
            if (client_key and filing.client_key == client_key) or not client_key:
                return filing
            raise Conflict(_("This filing has already been submitted."))
        if filing.status == FilingStatus.LEFT_WITHOUT_MOTION and (
            filing.cure_by is None or filing.cure_by < clock.today()
        ):
            raise Conflict(_("The deadline to cure the filing has passed."))
        if client_key:
            other = Filing.objects.filter(filer=filer, client_key=client_key).exclude(pk=filing.pk)
            if other.exists():
                return other.get()
        clean = clean_form(kind, filing.form, filer, complete=True)
        _apply(filing, kind, clean)
        slots = set(filing.attachments.values_list("slot", flat=True))
        _check_ready(kind, filing, slots)
        payload = bundle_for(filing)
        verdict = _verify(filing, filer, payload, signed)
        _seal(filing, payload, signed, verdict, client_key or None)
        return _after_submit(filing, kind)


def filing_submit_direct(
    *,
    filer: User,
    kind_code: str,
    form: dict[str, Any],
    files: Sequence[tuple[str, UploadedFile]],
    signed: Signed,
    client_key: str,
    payer_name: str = "",
) -> tuple[Filing, bool]:
    """One request, one filing (for lawyers' software): returns (filing, created).

    The same ``client_key`` again returns the first filing, even when both requests race:
    the unique (filer, client_key) constraint decides, and the loser reads the winner's row.
    """
    if not client_key or len(client_key) > 64:
        raise ValidationFailed(
            fields={"client_key": [_("Send a client key of 1 to 64 characters.")]}
        )
    existing = Filing.objects.filter(filer=filer, client_key=client_key).first()
    if existing is not None:
        return existing, False
    kind = kind_for(kind_code)
    _require_filer(filer, kind)
    if len(files) > max_attachments():
        raise ValidationFailed(fields={"files": [_("Too many attachments.")]})
    incoming: list[IncomingFile] = [
        check_upload(kind, slot, upload, field=f"files.{index}")
        for index, (slot, upload) in enumerate(files)
    ]
    clean = clean_form(kind, form, filer, complete=True)
    probe = Filing(kind=kind.code, filer=filer)
    _apply(probe, kind, clean)
    _check_missing(kind, {item.slot for item in incoming})
    payload = signing.bundle_bytes(
        kind.code, clean.data, [(i.checked.original_name, i.checked.sha256) for i in incoming]
    )
    verdict = _verify(probe, filer, payload, signed)
    try:
        with transaction.atomic():
            _seal(probe, payload, signed, verdict, client_key)  # one INSERT, then the number
            for item in incoming:
                store(probe.pk, item)
            if probe.fee_amount > 0:
                _pay_inline(probe, filer, payer_name)
            filing = _after_submit(probe, kind)
    except IntegrityError:
        existing = Filing.objects.filter(filer=filer, client_key=client_key).first()
        if existing is None:
            raise
        return existing, False
    return filing, True


def _check_missing(kind: FilingKind, slots: set[str]) -> None:
    missing = missing_slots(kind, slots)
    if missing:
        names = ", ".join(localized(kind.slot(code).label) for code in missing)  # type: ignore[union-attr]
        raise ValidationFailed(fields={"attachments": [_("Attach: %(names)s.") % {"names": names}]})


def _pay_inline(filing: Filing, filer: User, payer_name: str) -> None:
    receipt = payment_gateway().charge(
        amount=filing.fee_amount,
        payer_name=payer_name.strip() or filer.full_name,
        payer_iin=filer.iin or "",
        reference=f"filing:{filing.pk}",
    )
    Payment.objects.create(
        filing=filing,
        provider=receipt.provider,
        receipt_number=receipt.receipt_number,
        amount=receipt.amount,
        payer_name=receipt.payer_name,
        payer_iin=receipt.payer_iin,
        paid_at=receipt.paid_at,
    )


@transaction.atomic
def signature_recheck(*, filing: Filing) -> Filing:
    """Check again a signature that could not be checked at submission (``pending``)."""
    filing = _locked(filing.pk)
    if filing.status != FilingStatus.AWAITING_SIGNATURE_CHECK:
        return filing
    payload = bundle_for(filing)
    signature = signing.decode_signature(filing.signature, filing.certificate_pem)
    verdict = signing.verify(payload, signature, filing.certificate_pem, filing.filer.iin or "")
    filing.signature_status = str(verdict.status)
    filing.signature_code = verdict.code
    if verdict.status == SignatureStatus.VALID:
        filing.status = FilingStatus.SUBMITTED
        filing.save()
        return _after_submit(filing, kind_for(filing.kind))
    if verdict.status == SignatureStatus.INVALID:
        filing.status = FilingStatus.RETURNED
        filing.grounds = [{"code": f"signature_{verdict.code}", "article": ""}]
        filing.decided_at = clock.now()
    filing.save()
    return filing


# --- formal check --------------------------------------------------------------------------------


def may_check(user: User, filing: Filing) -> bool:
    if not user.is_active or not user.has_role(Role.CLERK, Role.COURT_CHAIR):
        return False
    court = user.workplace_court()
    return court is not None and filing.court_id == court.pk


def _checking(filing: Filing, clerk: User) -> Filing:
    filing = _locked(filing.pk)
    if not may_check(clerk, filing):
        raise Forbidden()
    if filing.status not in CHECKABLE:
        raise Conflict(_("This filing is not waiting for a formal check."))
    return filing


def _participants(kind: FilingKind, filing: Filing) -> list[ParticipantInput]:
    filer = filing.filer
    people = [
        ParticipantInput(
            role=kind.filer_role,
            name=filer.full_name or filer.username,
            iin=filer.iin or "",
            user=filer,
        )
    ]
    opponent = kind.opponent
    if opponent is not None and filing.form.get(opponent.name_field):
        number = str(filing.form.get(opponent.iin_field) or "")
        organisation = opponent.kind == PartyKind.ORGANISATION or is_valid_bin(number)
        people.append(
            ParticipantInput(
                role=opponent.role,
                name=filing.form[opponent.name_field],
                kind=PartyKind.ORGANISATION if organisation else PartyKind.PERSON,
                iin="" if organisation else number,
                bin=number if organisation else "",
            )
        )
    return people


def _copy_documents(filing: Filing, case: Case, kind: FilingKind, actor: User) -> None:
    for attachment in filing.attachments.order_by("pk"):
        slot = kind.slot(attachment.slot)
        with default_storage.open(attachment.file.name) as handle:
            upload = UploadedFile(
                file=handle,
                name=attachment.original_name,
                size=attachment.size,
                content_type=attachment.content_type,
            )
            title = f"{filing.number}: {localized(slot.label) if slot else attachment.slot}"
            case_services.document_add(
                case=case, upload=upload, title=title[:300], acting_user=actor
            )


def _open_case(filing: Filing, kind: FilingKind, clerk: User) -> Case:
    form = filing.form
    amount = form.get("claim_amount") or form.get("debt_amount")
    case = case_services.case_file(
        court=filing.court,  # type: ignore[arg-type]
        category=kind.category,
        instance=kind.instance,
        subject=str(form.get("subject") or kind.label(_lang(filing.filer)))[:500],
        acting_user=clerk,
        claim_amount=Decimal(amount) if amount else None,
        is_closed=kind.closed,
        extraterritorial_requested=bool(form.get(kind.extraterritorial_field))
        if kind.extraterritorial_field
        else False,
        participants=_participants(kind, filing),
    )
    return case_services.case_transition(case=case, action=CaseAction.REGISTER, acting_user=clerk)


def _accept(filing: Filing, kind: FilingKind, clerk: User | None) -> Filing:
    if kind.on_accept == "register":
        assert clerk is not None  # new cases are never accepted automatically
        case = _open_case(filing, kind, clerk)
        filing.opened_case = case
        _copy_documents(filing, case, kind, clerk)
    elif kind.on_accept == "appeal":
        assert clerk is not None
        lower = filing.target_case
        assert lower is not None
        # The complaint is lodged with the court that decided; it goes up with the case file.
        _copy_documents(filing, lower, kind, clerk)
        case = case_services.case_appeal(case=lower, acting_user=clerk)
        filing.opened_case = case
    else:
        case = filing.target_case  # type: ignore[assignment]
        if clerk is not None:
            _copy_documents(filing, case, kind, clerk)
    case_services.case_event_record(
        case=case,
        kind=CaseEventKind.PETITION_FILED,
        actor=clerk,
        payload={
            "filing": filing.number,
            "kind": filing.kind,
            "outcome": "accepted",
            "automatic": clerk is None,
        },
    )
    filing.status = FilingStatus.ACCEPTED
    filing.decided_by = clerk
    filing.decided_at = clock.now()
    filing.save()
    _log(filing, "accepted", clerk, case=case.number or "", automatic=clerk is None)
    case.refresh_from_db()
    notify(
        kind="filing.accepted",
        recipients=[filing.filer],
        case=case,
        context={
            "filing_number": filing.number,
            "filing_kind": kind.label(_lang(filing.filer)),
            "case_number": case.number or "",
            "court_name": case.court.name,
        },
        key=f"filing:{filing.pk}:accepted",
    )
    return filing


@transaction.atomic
def filing_accept(*, filing: Filing, clerk: User) -> Filing:
    """Accept: a new case is filed and registered (numbered; distribution assigns the judge)."""
    filing = _checking(filing, clerk)
    return _accept(filing, kind_for(filing.kind), clerk)


def _grounds(outcome: str, codes: Sequence[str], lang: str) -> tuple[list[dict[str, str]], str]:
    table = grounds_table()[outcome]
    unknown = [code for code in codes if code not in table]
    if not codes or unknown:
        raise ValidationFailed(fields={"grounds": [_("Choose the grounds from the list.")]})
    chosen = [{"code": code, "article": table[code]["article"]} for code in dict.fromkeys(codes)]
    with translation.override(lang):
        text = "; ".join(
            f"{localized(table[g['code']]['label'], lang)} ({g['article']})" for g in chosen
        )
    return chosen, text


def _case_outcome_event(filing: Filing, clerk: User, outcome: str) -> None:
    """In a pending case, the check's outcome is part of the case's history too."""
    if filing.target_case is not None:
        case_services.case_event_record(
            case=filing.target_case,
            kind=CaseEventKind.PETITION_FILED,
            actor=clerk,
            payload={
                "filing": filing.number,
                "kind": filing.kind,
                "outcome": outcome,
                "grounds": [g["code"] for g in filing.grounds],
            },
        )


@transaction.atomic
def filing_return(*, filing: Filing, clerk: User, grounds: Sequence[str], note: str = "") -> Filing:
    filing = _checking(filing, clerk)
    kind = kind_for(filing.kind)
    chosen, text = _grounds("return", grounds, _lang(filing.filer))
    filing.status = FilingStatus.RETURNED
    filing.grounds = chosen
    filing.decision_note = note.strip()[:2000]
    filing.decided_by = clerk
    filing.decided_at = clock.now()
    filing.save()
    _log(filing, "returned", clerk, grounds=[g["code"] for g in chosen])
    _case_outcome_event(filing, clerk, "returned")
    notify(
        kind="filing.returned",
        recipients=[filing.filer],
        case=filing.target_case,
        context={
            "filing_number": filing.number,
            "filing_kind": kind.label(_lang(filing.filer)),
            "grounds": text,
        },
        key=f"filing:{filing.pk}:returned",
    )
    return filing


@transaction.atomic
def filing_leave_without_motion(
    *, filing: Filing, clerk: User, grounds: Sequence[str], cure_by: dt.date, note: str = ""
) -> Filing:
    filing = _checking(filing, clerk)
    if cure_by <= clock.today():
        raise ValidationFailed(fields={"cure_by": [_("The deadline must be in the future.")]})
    kind = kind_for(filing.kind)
    chosen, text = _grounds("leave_without_motion", grounds, _lang(filing.filer))
    filing.status = FilingStatus.LEFT_WITHOUT_MOTION
    filing.grounds = chosen
    filing.cure_by = cure_by
    filing.decision_note = note.strip()[:2000]
    filing.decided_by = clerk
    filing.decided_at = clock.now()
    filing.save()
    _log(
        filing,
        "left_without_motion",
        clerk,
        grounds=[g["code"] for g in chosen],
        cure_by=cure_by.isoformat(),
    )
    _case_outcome_event(filing, clerk, "left_without_motion")
    notify(
        kind="filing.left_without_motion",
        recipients=[filing.filer],
        case=filing.target_case,
        context={
            "filing_number": filing.number,
            "filing_kind": kind.label(_lang(filing.filer)),
            "grounds": text,
            "cure_by": cure_by.isoformat(),
        },
        key=f"filing:{filing.pk}:lwm:{filing.decided_at.isoformat()}",
    )
    return filing
