"""Who may take part in a competition for a vacancy (Art. 17, 18 §7 and 20)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .exam import exam_is_valid, exemption_reasons
from .facts import CandidateFacts
from .reasons import Reason
from .terms import consecutive_terms_reason
from .thresholds import Thresholds


class Position(models.TextChoices):
    """The vacancies filled by competition (Art. 3 §1.2, Art. 16 §1)."""

    DISTRICT_JUDGE = "district_judge", _("District court judge")
    DISTRICT_CHAIR = "district_chair", _("District court chair")
    REGIONAL_JUDGE = "regional_judge", _("Regional court judge")
    SUPREME_JUDGE = "supreme_judge", _("Supreme Court judge")


REGIONAL_MIN_LEGAL_YEARS = 15  # Art. 17 §2
REGIONAL_MIN_JUDGE_YEARS = 5  # Art. 17 §2
SUPREME_MIN_LEGAL_YEARS = 20  # Art. 17 §3
SUPREME_MIN_JUDGE_YEARS = 10  # Art. 17 §3
SUPREME_MIN_REGIONAL_JUDGE_YEARS = 5  # Art. 17 §3
CHAIR_MIN_JUDGE_YEARS = 5  # Art. 17 §1, second part


@dataclass(frozen=True)
class EligibilityResult:
    eligible: bool
    # The requirements not met; empty when eligible.
    reasons: list[Reason] = field(default_factory=list)


def _years_short(
    code: str, article: str, have: Decimal, need: int, what: str | Promise
) -> Reason | None:
    if have >= need:
        return None
    return Reason(
        code,
        article,
        _("%(what)s: %(have)s years, at least %(need)s required."),
        {"what": what, "have": have, "need": need},
    )


def _base_requirements(facts: CandidateFacts, article: str) -> list[Reason]:
    """Citizenship and higher legal education: the Constitutional Law's requirements (Art. 17)."""
    reasons = []
    if not facts.flag("citizen"):
        reasons.append(
            Reason("not_citizen", article, _("Only citizens of Kazakhstan may become judges."))
        )
    if not facts.flag("higher_legal_education"):
        reasons.append(
            Reason("no_higher_legal_education", article, _("Higher legal education is required."))
        )
    return reasons


def _district_requirements(facts: CandidateFacts, on: date, thresholds: Thresholds) -> list[Reason]:
    """Art. 17 §1: the Constitutional Law's art. 29 §1 for district judges and chairs.

    Age and legal experience come from the regulation data; a candidate who is not a sitting judge
    needs an exam result valid on ``on`` (Art. 13 §6) or an exemption (Art. 13 §3, §4).
    """
    reasons = _base_requirements(facts, "17.1")
    age = facts.count("age")
    if age < thresholds.district_judge_min_age:
        reasons.append(
            Reason(
                "too_young",
                "17.1",
                _("Age %(have)s: at least %(need)s required."),
                {"have": age, "need": thresholds.district_judge_min_age},
            )
        )
    short = _years_short(
        "legal_experience_short",
        "17.1",
        facts.number("legal_experience_years"),
        thresholds.district_judge_min_legal_experience_years,
        _("Legal experience"),
    )
    if short:
        reasons.append(short)
    sitting = facts.flag("is_sitting_judge")
    has_exam = exam_is_valid(facts.exam_passed_on(), on)
    exempt = bool(exemption_reasons(facts, on))
    if not sitting and not has_exam and not exempt:
        reasons.append(
            Reason(
                "exam_required",
                "13.6",
                _("A qualification exam result valid on %(date)s (four years) is required."),
                {"date": on},
            )
        )
    return reasons


def _guarantees(facts: CandidateFacts, article: str) -> list[Reason]:
    """Written guarantees of one judge of a higher court or retired judge, and one non-judge."""
    reasons = []
    if not facts.flag("guarantee_judge"):
        reasons.append(
            Reason(
                "guarantee_judge_missing",
                article,
                _(
                    "A written guarantee from a judge of a higher court or a retired judge is required."
                ),
            )
        )
    if not facts.flag("guarantee_non_judge"):
        reasons.append(
            Reason(
                "guarantee_non_judge_missing",
                article,
                _("A written guarantee from a person who is not a judge is required."),
            )
        )
    return reasons


def _regional_plenary(facts: CandidateFacts, article: str) -> list[Reason]:
    """The regional court plenary's conclusion, which sitting judges do not need."""
    plenary = facts.flag("plenary_conclusion")
    if facts.flag("is_sitting_judge") or plenary:
        return []
    return [
        Reason(
            "plenary_conclusion_missing",
            article,
            _("The conclusion of the regional court's plenary session is required."),
        )
    ]


def district_judge_requirements(
    facts: CandidateFacts, on: date, thresholds: Thresholds
) -> list[Reason]:
    """Art. 17 §1 (first part). The plenary and Public Council conclusions of Art. 17 §4 come
    after applying and are advisory, so they do not bar taking part."""
    return _district_requirements(facts, on, thresholds)


def district_chair_requirements(
    facts: CandidateFacts, on: date, thresholds: Thresholds
) -> list[Reason]:
    """Art. 17 §1 (second part): a sitting judge or five years as a judge, and two guarantees;
    Art. 18 §7: the regional plenary's conclusion unless a sitting judge; Art. 20: at most two
    consecutive terms in the same post."""
    reasons = _district_requirements(facts, on, thresholds)
    judge_years = facts.number("judge_experience_years")
    if not facts.flag("is_sitting_judge") and judge_years < CHAIR_MIN_JUDGE_YEARS:
        reasons.append(
            Reason(
                "chair_needs_judge",
                "17.1",
                _(
                    "A district court chair must be a sitting judge or have at least %(need)s years "
                    "as a judge (has %(have)s)."
                ),
                {"need": CHAIR_MIN_JUDGE_YEARS, "have": judge_years},
            )
        )
    reasons += _guarantees(facts, "17.1")
    reasons += _regional_plenary(facts, "18.7")
    term = consecutive_terms_reason(facts.count("consecutive_terms_in_post"))
    if term:
        reasons.append(term)
    return reasons


def regional_judge_requirements(facts: CandidateFacts, on: date) -> list[Reason]:
    """Art. 17 §2: 15 years of legal experience including 5 as a judge, the regional plenary's
    conclusion (not for sitting judges) and two guarantees."""
    reasons = _base_requirements(facts, "17.2")
    for short in (
        _years_short(
            "legal_experience_short",
            "17.2",
            facts.number("legal_experience_years"),
            REGIONAL_MIN_LEGAL_YEARS,
            _("Legal experience"),
        ),
        _years_short(
            "judge_experience_short",
            "17.2",
            facts.number("judge_experience_years"),
            REGIONAL_MIN_JUDGE_YEARS,
            _("Experience as a judge"),
        ),
    ):
        if short:
            reasons.append(short)
    reasons += _regional_plenary(facts, "17.2")
    reasons += _guarantees(facts, "17.2")
    return reasons


def supreme_judge_requirements(facts: CandidateFacts, on: date) -> list[Reason]:
    """Art. 17 §3: 20 years of legal experience, 10 as a judge of which 5 in a regional court, the
    Supreme Court plenary's conclusion (sitting judges too) and two guarantees."""
    reasons = _base_requirements(facts, "17.3")
    for short in (
        _years_short(
            "legal_experience_short",
            "17.3",
            facts.number("legal_experience_years"),
            SUPREME_MIN_LEGAL_YEARS,
            _("Legal experience"),
        ),
        _years_short(
            "judge_experience_short",
            "17.3",
            facts.number("judge_experience_years"),
            SUPREME_MIN_JUDGE_YEARS,
            _("Experience as a judge"),
        ),
        _years_short(
            "regional_judge_experience_short",
            "17.3",
            facts.number("regional_judge_experience_years"),
            SUPREME_MIN_REGIONAL_JUDGE_YEARS,
            _("Experience as a regional court judge"),
        ),
    ):
        if short:
            reasons.append(short)
    if not facts.flag("plenary_conclusion"):
        reasons.append(
            Reason(
                "plenary_conclusion_missing",
                "17.3",
                _("The conclusion of the Supreme Court's plenary session is required."),
            )
        )
    reasons += _guarantees(facts, "17.3")
    return reasons


def eligibility(
    position: str, facts: CandidateFacts, on: date, thresholds: Thresholds
) -> EligibilityResult:
    """Art. 17: may this person take part in a competition for ``position`` on ``on``?"""
    match position:
        case Position.DISTRICT_JUDGE:
            reasons = district_judge_requirements(facts, on, thresholds)
        case Position.DISTRICT_CHAIR:
            reasons = district_chair_requirements(facts, on, thresholds)
        case Position.REGIONAL_JUDGE:
            reasons = regional_judge_requirements(facts, on)
        case Position.SUPREME_JUDGE:
            reasons = supreme_judge_requirements(facts, on)
        case _:
            raise ValueError(position)
    return EligibilityResult(eligible=not reasons, reasons=reasons)
