"""Facts for the rules, read from a candidate's records (the same rules the CLI runs on files)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sot.courts.models import JudgeStatus

from .models import (
    Application,
    Candidate,
    ChairPost,
    ChairTerm,
    ConclusionKind,
    ExperienceKind,
    GuaranteeKind,
    RegistrationStatus,
)
from .models.candidates import JUDGE_KINDS, PROCEEDINGS_KINDS
from .rules.eligibility import Position
from .rules.facts import CandidateFacts
from .rules.periods import add_years
from .rules.ranking import RankingFacts


def years_between(start: date, end: date) -> Decimal:
    """Whole calendar years from ``start`` to ``end`` plus the days left over / 365."""
    if end <= start:
        return Decimal(0)
    years = end.year - start.year
    if add_years(start, years) > end:
        years -= 1
    left = (end - add_years(start, years)).days
    return Decimal(years) + Decimal(left) / Decimal(365)


def experience_years(
    candidate: Candidate, on: date, kinds: frozenset[str] | None = None
) -> Decimal:
    """Years of work of the given kinds up to ``on``; a period's last day counts as worked."""
    total = Decimal(0)
    for period in candidate.experience.all():
        if kinds is not None and period.kind not in kinds:
            continue
        last = min(period.ended_on or on, on)
        total += years_between(period.started_on, last + timedelta(days=1))
    return total


def proceedings_years(candidate: Candidate, on: date) -> Decimal:
    """Art. 18 §2.2, §4: work directly connected with taking part in court proceedings."""
    return experience_years(candidate, on, frozenset(PROCEEDINGS_KINDS))


def age_on(born_on: date, on: date) -> int:
    return int(years_between(born_on, on))


def consecutive_chair_terms(candidate: Candidate, court_id: int, post: str) -> int:
    if candidate.judge_id is None:
        return 0
    return consecutive_terms_of(candidate.judge_id, court_id, post)


def consecutive_terms_of(judge_id: int, court_id: int, post: str) -> int:
    """Art. 20: the unbroken run of terms in the same post and court that ends with the latest."""
    terms = list(ChairTerm.objects.filter(judge_id=judge_id).order_by("-started_on", "-pk"))
    run = 0
    previous_start: date | None = None
    for term in terms:
        if term.court_id != court_id or term.post != post:
            break
        if previous_start is not None and (
            term.ended_on is None or term.ended_on + timedelta(days=1) < previous_start
        ):
            break
        run += 1
        previous_start = term.started_on
    return run


def candidate_facts_document(
    candidate: Candidate, on: date, position: str | None = None, court_id: int | None = None
) -> dict[str, Any]:
    """The facts document (docs/council.md) for a candidate on ``on``."""
    judge = candidate.judge
    registrations = [
        r
        for r in candidate.exam_registrations.all()
        if r.status in (RegistrationStatus.PASSED, RegistrationStatus.FAILED) and r.result_on
    ]
    passed: list[date] = [
        r.result_on
        for r in registrations
        if r.status == RegistrationStatus.PASSED and r.result_on is not None
    ]
    checks = [c for c in candidate.special_checks.all() if c.issued_on <= on]
    latest_check = max(checks, key=lambda c: (c.issued_on, c.pk), default=None)
    conclusion_kind = (
        ConclusionKind.SUPREME_PLENARY
        if position == Position.SUPREME_JUDGE
        else ConclusionKind.REGIONAL_PLENARY
    )
    conclusions = {c.kind for c in candidate.conclusions.all() if c.given_on <= on}
    guarantees = {g.kind for g in candidate.guarantees.all() if g.given_on <= on}
    former = None
    if candidate.former_judge_years is not None and candidate.former_judge_left_on is not None:
        former = {
            "years_served": candidate.former_judge_years,
            "left_on": candidate.former_judge_left_on,
            "negative_grounds": candidate.former_judge_negative_grounds,
        }
    terms = 0
    if position == Position.DISTRICT_CHAIR and court_id is not None:
        terms = consecutive_chair_terms(candidate, court_id, ChairPost.DISTRICT_CHAIR)
    return {
        "age": age_on(candidate.born_on, on),
        "citizen": candidate.is_citizen,
        "higher_legal_education": candidate.higher_legal_education,
        "legal_experience_years": experience_years(candidate, on),
        "judge_experience_years": experience_years(candidate, on, frozenset(JUDGE_KINDS)),
        "regional_judge_experience_years": experience_years(
            candidate, on, frozenset({ExperienceKind.JUDGE_REGIONAL})
        ),
        "is_sitting_judge": judge is not None and judge.status != JudgeStatus.RETIRED,
        "exam": {"passed_on": max(passed)} if passed else None,
        "exam_attempts": [
            {"date": r.result_on, "passed": r.status == RegistrationStatus.PASSED}
            for r in registrations
        ],
        "magistracy_graduated_on": candidate.magistracy_graduated_on,
        "former_judge": former,
        "dismissed_for_discrediting": candidate.dismissed_for_discrediting,
        "special_check_passed": latest_check is not None
        and latest_check.is_passed
        and on <= latest_check.valid_until,
        "plenary_conclusion": conclusion_kind in conclusions,
        "guarantee_judge": GuaranteeKind.JUDGE in guarantees,
        "guarantee_non_judge": GuaranteeKind.NON_JUDGE in guarantees,
        "consecutive_terms_in_post": terms,
    }


def candidate_facts(
    candidate: Candidate, on: date, position: str | None = None, court_id: int | None = None
) -> CandidateFacts:
    return CandidateFacts.parse(candidate_facts_document(candidate, on, position, court_id))


def ranking_facts(application: Application, on: date) -> RankingFacts:
    """Art. 18 §2, §5: the criteria the ranking orders by, from the applicant's records."""
    candidate = application.candidate
    scores = [
        r.test_score_percent
        for r in candidate.exam_registrations.all()
        if r.status == RegistrationStatus.PASSED and r.test_score_percent is not None
    ]
    return RankingFacts(
        key=application.pk,
        # Art. 18 §2.1: the exam passed in the specialised magistracy, i.e. a magistracy graduate.
        magistracy_exam=candidate.magistracy_graduated_on is not None,
        proceedings_years=proceedings_years(candidate, on),
        exam_score=max(scores) if scores else None,
        has_degree=candidate.degree not in ("none", "master"),
        competitions_entered=candidate.earlier_competitions
        + candidate.applications.exclude(pk=application.pk).filter(submitted_on__lte=on).count(),
        diploma_average=candidate.diploma_average,
        judge_years=experience_years(candidate, on, frozenset(JUDGE_KINDS)),
        special_education=candidate.has_special_education,
    )
