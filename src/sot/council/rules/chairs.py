"""Candidates for chair posts put forward by the Chair of the Supreme Court (Art. 19, 20)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .reasons import Reason
from .terms import consecutive_terms_reason

CHAIR_MIN_JUDGE_YEARS = 10  # Art. 19 §2
MIN_ALTERNATIVES = 2  # Art. 19 §1: "on an alternative basis"

REGIONAL_POSTS = frozenset({"regional_chair", "regional_collegium_chair"})
SUPREME_POSTS = frozenset({"supreme_collegium_chair"})


@dataclass(frozen=True)
class ChairCandidateFacts:
    key: int
    is_sitting_judge: bool
    is_supreme_court_judge: bool
    judge_experience_years: Decimal
    consecutive_terms_in_post: int
    in_reserve: bool


def chair_candidate_reasons(post: str, facts: ChairCandidateFacts) -> list[Reason]:
    """Art. 19 §2: regional chairs and collegium chairs from sitting judges or judges of ten years;
    Supreme Court collegium chairs from the Supreme Court's judges. Art. 20: no third term in a row."""
    reasons = []
    if post in REGIONAL_POSTS and not (
        facts.is_sitting_judge or facts.judge_experience_years >= CHAIR_MIN_JUDGE_YEARS
    ):
        reasons.append(
            Reason(
                "chair_needs_judge",
                "19.2",
                _("A sitting judge or at least %(need)s years as a judge is required."),
                {"need": CHAIR_MIN_JUDGE_YEARS},
            )
        )
    if post in SUPREME_POSTS and not facts.is_supreme_court_judge:
        reasons.append(
            Reason(
                "supreme_court_judge_required",
                "19.2",
                _("A collegium chair of the Supreme Court is chosen from its judges."),
            )
        )
    term = consecutive_terms_reason(facts.consecutive_terms_in_post)
    if term:
        reasons.append(term)
    return reasons


def alternative_basis_reason(candidates: int) -> Reason | None:
    """Art. 19 §1: the candidacies are considered on an alternative basis (more than one)."""
    if candidates >= MIN_ALTERNATIVES:
        return None
    return Reason(
        "not_alternative",
        "19.1",
        _("At least %(need)s candidates are considered for a chair post."),
        {"need": MIN_ALTERNATIVES},
    )


def reserve_first(candidates: list[ChairCandidateFacts]) -> list[ChairCandidateFacts]:
    """Art. 19 §2: priority to those in the personnel reserve; otherwise in submission order."""
    return sorted(candidates, key=lambda c: (not c.in_reserve, c.key))
