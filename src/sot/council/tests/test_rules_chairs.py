"""Chair candidacies (Art. 19, 20)."""

from __future__ import annotations

from decimal import Decimal

from sot.council.rules.chairs import (
    ChairCandidateFacts,
    alternative_basis_reason,
    chair_candidate_reasons,
    reserve_first,
)


def candidate(key=1, **changes):
    values = {
        "key": key,
        "is_sitting_judge": False,
        "is_supreme_court_judge": False,
        "judge_experience_years": Decimal(10),
        "consecutive_terms_in_post": 0,
        "in_reserve": False,
    }
    values.update(changes)
    return ChairCandidateFacts(**values)


def codes(post, facts):
    return [reason.code for reason in chair_candidate_reasons(post, facts)]


def test_art_19_2_regional_chair_exactly_ten_years_as_judge_or_sitting_judge():
    assert codes("regional_chair", candidate()) == []
    assert codes("regional_chair", candidate(judge_experience_years=Decimal("9.99"))) == [
        "chair_needs_judge"
    ]
    assert (
        codes(
            "regional_collegium_chair",
            candidate(judge_experience_years=Decimal(1), is_sitting_judge=True),
        )
        == []
    )


def test_art_19_2_supreme_collegium_chair_from_supreme_court_judges():
    assert codes("supreme_collegium_chair", candidate(is_sitting_judge=True)) == [
        "supreme_court_judge_required"
    ]
    assert codes("supreme_collegium_chair", candidate(is_supreme_court_judge=True)) == []


def test_art_20_third_consecutive_term_refused_for_every_chair_post():
    for post in ("regional_chair", "regional_collegium_chair", "supreme_collegium_chair"):
        facts = candidate(
            is_sitting_judge=True, is_supreme_court_judge=True, consecutive_terms_in_post=2
        )
        assert codes(post, facts) == ["consecutive_terms_exceeded"], post


def test_art_19_1_alternative_basis_needs_two_candidates():
    reason = alternative_basis_reason(1)
    assert reason is not None
    assert reason.article == "19.1"
    assert alternative_basis_reason(2) is None


def test_art_19_2_reserve_first():
    ordered = reserve_first([candidate(1), candidate(2, in_reserve=True), candidate(3)])
    assert [c.key for c in ordered] == [2, 1, 3]
