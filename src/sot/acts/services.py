"""Writes on acts. Keyword-only, one transaction each; side effects (signals, notices) on commit.

Life of an act: a draft (from a template or the assistant) → versions as the judge edits →
signed by the judge's key (immutable from then on; PDF rendered, its hash in the transparency
log) → published by the publication rules (``publication.py``). A mistake in a signed act is
corrected by a new act that refers to it (``act_correct``), never by editing.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.cases import services as case_services
from sot.cases.models import Case, CaseEventKind
from sot.core import clock
from sot.core.errors import Conflict, Forbidden, ValidationFailed
from sot.ledger.services import ledger_append
from sot.signatures.models import SignatureStatus
from sot.signatures.services import canonical_bundle, decode_signature, verify_signature

from . import access, signals
from .assistant import RULES, Proposal
from .assistant.record import base_values
from .models import (
    Act,
    ActDocument,
    ActKind,
    ActLanguage,
    ActOrigin,
    ActStatus,
    ActVersion,
)
from .pdf import render_act_pdf
from .templates import _fill, render_text, template_current

MAX_TEXT = 200_000
LEDGER_KIND = "act.pdf"
# Short codes: no 0/O, 1/I/L, so a code read off paper is typed right.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10
# Days from signing to entry into force when nobody appeals (to be reviewed; the case's own
# IN_FORCE event overrides): CPC RK art. 403 (one month for decisions), art. 141 (court order:
# ten working days for objections, taken as 14 calendar days), CrPC RK art. 419 (15 days).
DAYS_TO_FORCE: dict[str, int] = {
    ActKind.COURT_ORDER: 14,
    ActKind.DECISION: 30,
    ActKind.SENTENCE: 15,
    ActKind.RULING: 10,
    ActKind.SANCTION: 3,
    ActKind.RESOLUTION: 10,
    ActKind.PRIVATE_RULING: 10,
    ActKind.APPEAL_RULING: 0,
    ActKind.CASSATION_RESOLUTION: 0,
}


def _lock_case(case: Case) -> Case:
    return Case.objects.select_for_update(of=("self",)).select_related("court").get(pk=case.pk)


def _lock_act(act: Act) -> Act:
    # Lock the act row only (PostgreSQL refuses FOR UPDATE on the nullable side of a join).
    return (
        Act.objects.select_for_update(of=("self",))
        .select_related("court", "case", "judge__user")
        .get(pk=act.pk)
    )


def _next_number(case: Case) -> str:
    # The case row is locked by the caller, so two drafts cannot take the same number.
    base = case.number or f"{case.court.code}-{case.pk}"
    taken = Act.objects.filter(case=case).count()
    return f"{base}/{taken + 1}"


def _require_draft_rights(user: User, case: Case) -> None:
    if not access.may_draft(user, case):
        raise Forbidden(_("Only a judge on the case's bench may draft its acts."))


def _validate_kind_lang(kind: str, lang: str) -> None:
    fields: dict[str, list[Any]] = {}
    if kind not in ActKind.values:
        fields["kind"] = [_("Unknown act kind.")]
    if lang not in ActLanguage.values:
        fields["lang"] = [_("Choose Kazakh or Russian.")]
    if fields:
        raise ValidationFailed(fields=fields)


def _version_add(act: Act, text: str, user: User | None, note: str = "") -> ActVersion:
    last = act.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return ActVersion.objects.create(act=act, number=last + 1, text=text, saved_by=user, note=note)


def _draft(
    *,
    case: Case,
    kind: str,
    lang: str,
    acting_user: User,
    values: dict[str, str],
    origin: str = ActOrigin.MANUAL,
    rule: str = "",
    checks: list[dict[str, Any]] | None = None,
    articles: list[str] | None = None,
    corrects: Act | None = None,
    text: str | None = None,
) -> Act:
    case = _lock_case(case)
    judge = access.bench_judge(acting_user)
    template = template_current(kind, lang)
    number = _next_number(case)
    act = Act.objects.create(
        number=number,
        case=case,
        case_number=case.number or "",
        court=case.court,
        category=case.category,
        instance=case.instance,
        kind=kind,
        lang=lang,
        judge=judge,
        issued_on=clock.today(),
        articles=articles or ([case.article] if case.article else []),
        is_closed=case.is_closed,
        text=text
        if text is not None
        else render_text(template, values, number=case.number or number),
        created_by=acting_user,
        template=template,
        origin=origin,
        assistant_rule=rule,
        checks=checks or [],
        corrects=corrects,
    )
    _version_add(act, act.text, acting_user, note=str(origin))
    return act


@transaction.atomic
def act_draft_create(*, case: Case, kind: str, lang: str, acting_user: User) -> Act:
    """A blank draft from the current template, with what the case record supplies filled in."""
    _validate_kind_lang(kind, lang)
    _require_draft_rights(acting_user, case)
    values = base_values(case, lang, judge_name=acting_user.full_name)
    return _draft(case=case, kind=kind, lang=lang, acting_user=acting_user, values=values)


def assistant_propose(*, case: Case, rule: str, lang: str) -> Proposal:
    chosen = RULES.get(rule)
    if chosen is None:
        raise ValidationFailed(fields={"rule": [_("Unknown assistant rule.")]})
    _validate_kind_lang(chosen.kind, lang)
    return chosen.propose(case, lang)


@transaction.atomic
def assistant_draft(*, case: Case, rule: str, lang: str, acting_user: User) -> Act:
    """A complete draft from the case record, or a refusal listing the preconditions not met.

    The draft is never signed here: the judge reads the checks beside it, edits, signs or rejects.
    """
    _require_draft_rights(acting_user, case)
    proposal = assistant_propose(case=case, rule=rule, lang=lang)
    if not proposal.ready:
        raise ValidationFailed(
            _("The preconditions for this act are not met."),
            fields={
                "rule": [f"{_('Not met:')} {check_text(check.code)}" for check in proposal.failed]
            },
        )
    base = base_values(case, lang, judge_name=acting_user.full_name)
    values = {**base, **{key: _fill(value, base) for key, value in proposal.values.items()}}
    return _draft(
        case=case,
        kind=proposal.kind,
        lang=lang,
        acting_user=acting_user,
        values=values,
        origin=ActOrigin.ASSISTANT,
        rule=proposal.rule,
        checks=[check.as_json() for check in proposal.checks],
        articles=proposal.articles,
    )


def check_text(code: str) -> str:
    from .assistant.rules import MESSAGES

    message = MESSAGES.get(code)
    return str(message.text) if message else code


@transaction.atomic
def act_version_save(
    *, act: Act, text: str, acting_user: User, base_version: int | None = None
) -> ActVersion:
    """Save the judge's edit as a new version. ``base_version`` (the version the editor showed)
    refuses an edit made over someone else's newer save; the same text again is not a new version.
    """
    act = _lock_act(act)
    if not access.may_edit(acting_user, act):
        raise Forbidden(_("Only the bench may edit a draft; a signed act cannot be edited."))
    clean = text.replace("\r\n", "\n").strip()
    if not clean:
        raise ValidationFailed(fields={"text": [_("The act's text cannot be empty.")]})
    if len(clean) > MAX_TEXT:
        raise ValidationFailed(fields={"text": [_("The act's text is too long.")]})
    latest = act.versions.order_by("-number").first()
    if base_version is not None and latest is not None and latest.number != base_version:
        raise Conflict(
            _("Someone saved a newer version; reload the editor and apply your changes again.")
        )
    if latest is not None and latest.text == clean + "\n":
        return latest
    act.text = clean + "\n"
    act.save(update_fields=["text"])
    return _version_add(act, act.text, acting_user)


@transaction.atomic
def act_reject(*, act: Act, acting_user: User) -> Act:
    """The judge turns a draft down (e.g. the assistant's): kept for the record, never signed."""
    act = _lock_act(act)
    if not access.may_edit(acting_user, act):
        raise Forbidden(_("Only the bench may reject a draft; a signed act cannot be rejected."))
    act.status = ActStatus.REJECTED
    act.save(update_fields=["status"])
    return act


def signing_payload(act: Act) -> bytes:
    """What the judge signs: the canonical bundle of the act's identity and full text."""
    form = {
        "act_number": act.number,
        "case_number": act.case_number,
        "court": act.court.code,
        "kind": act.kind,
        "lang": act.lang,
        "text": act.text,
        "text_sha256": hashlib.sha256(act.text.encode("utf-8")).hexdigest(),
    }
    return canonical_bundle(form=form, attachments=[])


def _new_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not Act.objects.filter(short_code=code).exists():
            return code


def _notify_issued(act: Act, event: Any) -> None:
    case = act.case
    assert case is not None
    recipients = [p.user for p in case.participants.select_related("user") if p.user is not None]
    if recipients:
        from sot.notifications.services import notify  # imported late: optional app wiring

        notify(
            kind="act.issued",
            recipients=recipients,
            case=case,
            event=event,
            context={
                "act_number": act.number,
                "act_kind": str(act.get_kind_display()),
                "case_number": act.case_number,
                "court_name": act.court.name_kk if act.lang == "kk" else act.court.name_ru,
            },
        )


@transaction.atomic
def act_sign(*, act: Act, signature: str, certificate_pem: str, acting_user: User) -> Act:
    """Sign a draft with the judge's key; the act becomes immutable.

    The signature must be over ``signing_payload(act)`` by a certificate carrying the judge's own
    IIN. PENDING (e.g. revocation source unreachable) is not signed: the judge tries again later.
    """
    act = _lock_act(act)
    if act.status == ActStatus.SIGNED:
        raise Conflict(_("This act is already signed."))
    if not access.may_sign(acting_user, act):
        raise Forbidden(_("Only a judge on the case's bench may sign its draft acts."))
    raw = decode_signature(signature)
    if raw is None or not certificate_pem.strip():
        raise ValidationFailed(fields={"signature": [_("Sign the act with your key first.")]})
    payload = signing_payload(act)
    verdict = verify_signature(
        payload=payload,
        signature=raw,
        certificate_pem=certificate_pem,
        expected_iin=acting_user.iin or "",
    )
    if verdict.status == SignatureStatus.PENDING:
        raise Conflict(
            _(
                "The signature cannot be checked right now (%(reason)s). Nothing was signed; try again shortly."
            ),
            params={"reason": verdict.message},
        )
    if not verdict.is_valid:
        raise ValidationFailed(verdict.message, fields={"signature": [verdict.message]})
    now = clock.now()
    act.status = ActStatus.SIGNED
    act.signed_at = now
    act.issued_on = clock.today()
    act.signature = base64.b64encode(raw).decode("ascii")
    act.certificate_pem = certificate_pem
    act.signer_name = verdict.subject_name or acting_user.full_name
    act.signed_payload_sha256 = hashlib.sha256(payload).hexdigest()
    act.short_code = _new_code()
    act.enters_force_on = act.issued_on + timedelta(days=DAYS_TO_FORCE.get(act.kind, 30))
    act.judge = access.bench_judge(acting_user)
    act.save()
    pdf = render_act_pdf(act)
    digest = hashlib.sha256(pdf).hexdigest()
    leaf = ledger_append(
        kind=LEDGER_KIND,
        data={
            "act_number": act.number,
            "court": act.court.code,
            "sha256": digest,
            "signed_at": now.isoformat(),
        },
    )
    ActDocument.objects.create(act=act, pdf=pdf, sha256=digest, ledger_index=leaf.index)
    assert act.case is not None
    event = case_services.case_event_record(
        case=act.case,
        kind=CaseEventKind.ACT_SIGNED,
        actor=acting_user,
        payload={
            "act_id": act.pk,
            "act_number": act.number,
            "kind": act.kind,
            "outcome": act.outcome,
            "pdf_sha256": digest,
        },
    )
    _notify_issued(act, event)
    act_id = act.pk
    transaction.on_commit(lambda: signals.act_signed.send(sender=Act, act_id=act_id))
    transaction.on_commit(lambda: _consider_publication(act_id))
    return act


def _consider_publication(act_id: int) -> None:
    from .tasks import publish_act_if_due

    publish_act_if_due.enqueue(act_id=act_id)


@transaction.atomic
def act_correct(*, act: Act, acting_user: User) -> Act:
    """A new draft correcting a signed act: same kind and language, the old text to edit, a link back."""
    if act.status != ActStatus.SIGNED:
        raise Conflict(_("Only a signed act is corrected by a new act; edit the draft instead."))
    if act.case is None:
        raise Conflict(_("This act has no case in Sot."))
    _require_draft_rights(acting_user, act.case)
    correction = _draft(
        case=act.case,
        kind=act.kind,
        lang=act.lang,
        acting_user=acting_user,
        values={},
        corrects=act,
        text=act.text,
    )
    return correction
