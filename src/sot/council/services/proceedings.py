"""Chair vacancies (Art. 19–20), dismissals (Art. 21–23), appeals against the Judicial Jury (Art. 24)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.core import clock
from sot.core.errors import Forbidden, InvalidTransition, Message, ValidationFailed
from sot.courts.models import Court, CourtLevel, Judge, JudgeStatus

from ..models import (
    JURY_GROUNDS,
    AgendaItem,
    Candidate,
    ChairCandidate,
    ChairVacancy,
    DismissalCase,
    DismissalGround,
    JuryAppeal,
    JuryCommission,
    ProceedingStatus,
    ReserveEntry,
    Session,
    Vote,
)
from ..models.candidates import JUDGE_KINDS
from ..records import consecutive_terms_of, experience_years, years_between
from ..rules.chairs import (
    ChairCandidateFacts,
    alternative_basis_reason,
    chair_candidate_reasons,
    reserve_first,
)
from ..rules.tally import DecisionKind
from .common import require_secretariat
from .sessions import agenda_item_add, vote_open


def _judge_years(judge: Judge, on: date) -> Decimal:
    candidate = Candidate.objects.filter(judge=judge).first()
    if candidate is not None and candidate.experience.exists():
        return experience_years(candidate, on, frozenset(JUDGE_KINDS))
    return years_between(judge.appointed_on, on)


def chair_candidate_facts(
    judge: Judge, court: Court, post: str, on: date, key: int
) -> ChairCandidateFacts:
    sitting = judge.status != JudgeStatus.RETIRED
    return ChairCandidateFacts(
        key=key,
        is_sitting_judge=sitting,
        is_supreme_court_judge=sitting and judge.court.level == CourtLevel.SUPREME,
        judge_experience_years=_judge_years(judge, on),
        consecutive_terms_in_post=consecutive_terms_of(judge.pk, court.pk, post),
        in_reserve=ReserveEntry.objects.filter(
            judge=judge, post=post, included_on__lte=on, excluded_on__isnull=True
        ).exists(),
    )


@transaction.atomic
def chair_vacancy_submit(
    *,
    post: str,
    court: Court,
    submitted_on: date,
    plenary_decision: str,
    judges: list[Judge],
    acting_user: User,
) -> ChairVacancy:
    """Art. 19 §1: the Supreme Court Chair's submission on the plenary's decision, on an alternative
    basis; Art. 19 §2–3 and Art. 20 checked for every candidate; the reserve goes first."""
    require_secretariat(acting_user)
    errors: dict[str, list[Message]] = {}
    alternative = alternative_basis_reason(len(set(judges)))
    if alternative:
        errors["judges"] = [alternative.render()]
    if not plenary_decision.strip():
        errors["plenary_decision"] = [_("Cite the plenary session's decision.")]
    facts = [
        chair_candidate_facts(judge, court, post, submitted_on, index)
        for index, judge in enumerate(judges)
    ]
    for judge, fact in zip(judges, facts, strict=True):
        reasons = chair_candidate_reasons(post, fact)
        if reasons:
            errors.setdefault("judges", []).append(
                f"{judge}: " + " ".join(reason.render() for reason in reasons)
            )
    if errors:
        raise ValidationFailed(fields=errors)
    existing = ChairVacancy.objects.filter(
        post=post, court=court, submitted_on=submitted_on, status=ProceedingStatus.RECEIVED
    ).first()
    if existing is not None:
        return existing  # a double submit
    vacancy = ChairVacancy.objects.create(
        post=post, court=court, submitted_on=submitted_on, plenary_decision=plenary_decision.strip()
    )
    for order, fact in enumerate(reserve_first(facts)):
        ChairCandidate.objects.create(
            vacancy=vacancy, judge=judges[fact.key], order=order, in_reserve=fact.in_reserve
        )
    return vacancy


@transaction.atomic
def chair_vacancy_schedule(
    *, vacancy: ChairVacancy, session: Session, acting_user: User
) -> AgendaItem:
    vacancy = ChairVacancy.objects.select_for_update().get(pk=vacancy.pk)
    if vacancy.item_id is not None:
        raise InvalidTransition(_("It is already on the agenda."))
    item = agenda_item_add(
        session=session,
        kind=DecisionKind.SUBSTANTIVE,
        title=str(vacancy),
        materials_received_on=vacancy.submitted_on,
        acting_user=acting_user,
    )
    vacancy.item = item
    vacancy.status = ProceedingStatus.SCHEDULED
    vacancy.save()
    return item


@transaction.atomic
def chair_candidate_vote_open(
    *, candidate: ChairCandidate, is_secret: bool, acting_user: User
) -> Vote:
    candidate = (
        ChairCandidate.objects.select_for_update()
        .select_related("vacancy", "judge__user")
        .get(pk=candidate.pk)
    )
    item = candidate.vacancy.item
    if item is None:
        raise InvalidTransition(_("Put the vacancy on the agenda first."))
    if candidate.vote_id is not None:
        raise InvalidTransition(_("This candidate has already been put to the vote."))
    vote = vote_open(
        item=item, question=str(candidate.judge), is_secret=is_secret, acting_user=acting_user
    )
    candidate.vote = vote
    candidate.save()
    return vote


@transaction.atomic
def chair_vacancy_decide(*, vacancy: ChairVacancy, acting_user: User) -> ChairCandidate | None:
    """Art. 19 §4: every submitted candidate is considered; the one adopted with most votes is
    recommended (none when no vote is adopted)."""
    require_secretariat(acting_user)
    vacancy = ChairVacancy.objects.select_for_update().get(pk=vacancy.pk)
    candidates = list(vacancy.candidates.select_related("vote"))
    if any(c.vote is None or c.vote.is_open for c in candidates):
        raise InvalidTransition(_("Every candidate submitted must be considered and voted on."))
    vacancy.status = ProceedingStatus.DECIDED
    vacancy.save()
    return recommended_candidate(candidates)


def recommended_candidate(candidates: list[ChairCandidate]) -> ChairCandidate | None:
    """Art. 19 §4: of the candidates whose vote was adopted, the one with most votes for (the
    earlier in the submission on a tie); none when no vote was adopted."""
    adopted = [
        c for c in candidates if c.vote is not None and not c.vote.is_open and c.vote.adopted
    ]
    if not adopted:
        return None
    return max(adopted, key=lambda c: (c.vote.votes_for or 0 if c.vote else 0, -c.order))


def dismissal_receive(
    *, judge: Judge, ground: str, received_on: date, jury_decision: str, acting_user: User
) -> DismissalCase:
    """Art. 21 §1: on the Supreme Court Chair's submission; for misconduct, unfitness or breach of
    the Constitutional Law it rests on a decision of the Judicial Jury."""
    require_secretariat(acting_user)
    if ground not in DismissalGround.values:
        raise ValidationFailed(fields={"ground": [_("Choose the ground.")]})
    if ground in JURY_GROUNDS and not jury_decision.strip():
        raise ValidationFailed(
            fields={"jury_decision": [_("This ground requires a decision of the Judicial Jury.")]}
        )
    case, _created = DismissalCase.objects.get_or_create(
        judge=judge,
        ground=ground,
        submission_received_on=received_on,
        defaults={"jury_decision": jury_decision.strip()},
    )
    return case


@transaction.atomic
def dismissal_report(
    *,
    case: DismissalCase,
    circumstances: str,
    conclusion: str,
    proposals: str,
    signed_by: list[str],
    acting_user: User,
) -> DismissalCase:
    """Art. 21 §3: the report states the circumstances, the conclusion and proposals, signed."""
    require_secretariat(acting_user)
    case = DismissalCase.objects.select_for_update().get(pk=case.pk)
    if case.status != ProceedingStatus.RECEIVED:
        raise InvalidTransition(_("The check has already been reported."))
    errors: dict[str, list[Message]] = {}
    for name, value in (
        ("circumstances", circumstances),
        ("conclusion", conclusion),
        ("proposals", proposals),
    ):
        if not value.strip():
            errors[name] = [_("The report must state this.")]
    if not [name for name in signed_by if name.strip()]:
        errors["signed_by"] = [_("Those who carried out the check sign the report.")]
    if errors:
        raise ValidationFailed(fields=errors)
    case.report_circumstances = circumstances.strip()
    case.report_conclusion = conclusion.strip()
    case.report_proposals = proposals.strip()
    case.report_signed_by = [name.strip() for name in signed_by if name.strip()]
    case.report_on = clock.today()
    case.status = ProceedingStatus.CHECKED
    case.save()
    return case


@transaction.atomic
def dismissal_acquaint(
    *, case: DismissalCase, explanation: str, acting_user: User
) -> DismissalCase:
    """Art. 22 §1: the judge reads the report and materials and may add explanations."""
    case = DismissalCase.objects.select_for_update().select_related("judge").get(pk=case.pk)
    if case.judge.user_id != acting_user.pk:
        raise Forbidden()
    if case.status not in (ProceedingStatus.CHECKED, ProceedingStatus.READY):
        raise InvalidTransition(_("There is no report to read yet."))
    case.acquainted_on = case.acquainted_on or clock.today()
    if explanation.strip():
        case.explanation = explanation.strip()
    case.status = ProceedingStatus.READY
    case.save()
    return case


@transaction.atomic
def dismissal_refusal_record(
    *, case: DismissalCase, protocol: str, acting_user: User
) -> DismissalCase:
    """Art. 22 §2: a judge's refusal to read the report is put in a signed protocol."""
    require_secretariat(acting_user)
    case = DismissalCase.objects.select_for_update().get(pk=case.pk)
    if case.status != ProceedingStatus.CHECKED:
        raise InvalidTransition(_("There is no report to read yet."))
    if not protocol.strip():
        raise ValidationFailed(fields={"protocol": [_("Write the protocol.")]})
    case.refusal_protocol = protocol.strip()
    case.status = ProceedingStatus.READY
    case.save()
    return case


@transaction.atomic
def dismissal_schedule(*, case: DismissalCase, session: Session, acting_user: User) -> AgendaItem:
    """Art. 23 §1: heard after the judge has read the report (or refused to)."""
    case = DismissalCase.objects.select_for_update().select_related("judge__user").get(pk=case.pk)
    if case.status != ProceedingStatus.READY:
        raise InvalidTransition(_("The judge must first be given the report to read."))
    item = agenda_item_add(
        session=session,
        kind=DecisionKind.SUBSTANTIVE,
        title=str(case),
        concerns=case.judge.user,
        materials_received_on=case.submission_received_on,
        acting_user=acting_user,
    )
    case.item = item
    case.status = ProceedingStatus.SCHEDULED
    case.save()
    return item


def _closed_vote(item: AgendaItem | None) -> Vote:
    vote = item.votes.filter(is_open=False).order_by("-pk").first() if item is not None else None
    if vote is None:
        raise InvalidTransition(_("Decide after the vote."))
    return vote


@transaction.atomic
def dismissal_decide(
    *, case: DismissalCase, grounds_cited: str, acting_user: User
) -> DismissalCase:
    """Art. 23 §2: the recommendation (or refusal) states the circumstances, citing the materials;
    Art. 23 §3: a refusal is a ground for the Judicial Jury to cancel and review its decision."""
    require_secretariat(acting_user)
    case = DismissalCase.objects.select_for_update().get(pk=case.pk)
    if case.status != ProceedingStatus.SCHEDULED:
        raise InvalidTransition(_("The question has not been heard."))
    if not grounds_cited.strip():
        raise ValidationFailed(
            fields={"grounds_cited": [_("Cite the circumstances and materials.")]}
        )
    case.recommended = bool(_closed_vote(case.item).adopted)
    case.grounds_cited = grounds_cited.strip()
    case.status = ProceedingStatus.DECIDED
    case.save()
    return case


def jury_review_required(case: DismissalCase) -> bool:
    """Art. 23 §3."""
    return case.recommended is False and case.ground in JURY_GROUNDS


def jury_appeal_file(
    *, commission: str, jury_decision: str, grounds: str, acting_user: User
) -> JuryAppeal:
    """Art. 24 §1: a judge appeals a decision of the Jury's disciplinary or qualification commission."""
    judge = Judge.objects.filter(user=acting_user).first()
    if judge is None:
        raise Forbidden(_("Only a judge appeals a decision of the Judicial Jury."))
    errors: dict[str, list[Message]] = {}
    if commission not in JuryCommission.values:
        errors["commission"] = [_("Choose the commission.")]
    if not jury_decision.strip():
        errors["jury_decision"] = [_("Cite the decision appealed.")]
    if not grounds.strip():
        errors["grounds"] = [_("State the grounds.")]
    if errors:
        raise ValidationFailed(fields=errors)
    appeal, _created = JuryAppeal.objects.get_or_create(
        judge=judge,
        commission=commission,
        jury_decision=jury_decision.strip(),
        defaults={
            "filed_by": acting_user,
            "grounds": grounds.strip(),
            "received_on": clock.today(),
        },
    )
    return appeal


@transaction.atomic
def jury_appeal_schedule(*, appeal: JuryAppeal, session: Session, acting_user: User) -> AgendaItem:
    appeal = JuryAppeal.objects.select_for_update().select_related("judge__user").get(pk=appeal.pk)
    if appeal.status != ProceedingStatus.RECEIVED:
        raise InvalidTransition(_("It is already on the agenda."))
    item = agenda_item_add(
        session=session,
        kind=DecisionKind.SUBSTANTIVE,
        title=str(appeal),
        concerns=appeal.judge.user,
        materials_received_on=appeal.received_on,
        acting_user=acting_user,
    )
    appeal.item = item
    appeal.status = ProceedingStatus.SCHEDULED
    appeal.save()
    return item


@transaction.atomic
def jury_appeal_decide(*, appeal: JuryAppeal, acting_user: User) -> JuryAppeal:
    """Art. 24 §3: the question put is whether the Jury's decision is unfounded; if adopted, the
    Jury is to cancel and review it."""
    require_secretariat(acting_user)
    appeal = JuryAppeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.status != ProceedingStatus.SCHEDULED:
        raise InvalidTransition(_("The question has not been heard."))
    appeal.jury_decision_unfounded = bool(_closed_vote(appeal.item).adopted)
    appeal.status = ProceedingStatus.DECIDED
    appeal.save()
    return appeal
