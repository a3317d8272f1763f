"""Eligibility per position (Art. 17, 18 §7, 20), on hand-worked cases."""

from __future__ import annotations

from datetime import date

import pytest

from sot.core.errors import ValidationFailed
from sot.council.rules.eligibility import eligibility
from sot.council.rules.facts import CandidateFacts
from sot.council.rules.thresholds import Thresholds

from .facts_support import facts

ON = date(2026, 6, 1)


def check(position, on=ON, thresholds=None, **changes):
    result = eligibility(
        position, CandidateFacts.parse(facts(**changes)), on, thresholds or Thresholds()
    )
    return result.eligible, [reason.code for reason in result.reasons]


def test_art_17_2_regional_judge_exactly_15_and_5_years_is_eligible():
    assert check("regional_judge", legal_experience_years=15, judge_experience_years=5) == (
        True,
        [],
    )


def test_art_17_2_regional_judge_just_under_15_years_is_not():
    eligible, codes = check("regional_judge", legal_experience_years=14.99)
    assert not eligible
    assert codes == ["legal_experience_short"]


def test_art_17_2_regional_judge_needs_5_years_as_judge():
    assert check("regional_judge", judge_experience_years=4) == (False, ["judge_experience_short"])


def test_art_17_2_plenary_conclusion_required_except_for_sitting_judges():
    assert check("regional_judge", plenary_conclusion=False) == (
        False,
        ["plenary_conclusion_missing"],
    )
    assert check("regional_judge", plenary_conclusion=False, is_sitting_judge=True) == (True, [])


def test_art_17_2_two_guarantees_required():
    assert check("regional_judge", guarantee_judge=False, guarantee_non_judge=False) == (
        False,
        ["guarantee_judge_missing", "guarantee_non_judge_missing"],
    )


def test_art_17_3_supreme_judge_exactly_20_10_5_years_is_eligible():
    assert check(
        "supreme_judge",
        legal_experience_years=20,
        judge_experience_years=10,
        regional_judge_experience_years=5,
    ) == (True, [])


def test_art_17_3_supreme_judge_each_length_of_service_is_checked():
    eligible, codes = check(
        "supreme_judge",
        legal_experience_years=19,
        judge_experience_years=9,
        regional_judge_experience_years=4.5,
    )
    assert not eligible
    assert codes == [
        "legal_experience_short",
        "judge_experience_short",
        "regional_judge_experience_short",
    ]


def test_art_17_3_supreme_court_plenary_required_even_for_sitting_judges():
    assert check("supreme_judge", plenary_conclusion=False, is_sitting_judge=True) == (
        False,
        ["plenary_conclusion_missing"],
    )


def test_art_17_1_citizenship_and_legal_education_for_every_position():
    for position in ("district_judge", "district_chair", "regional_judge", "supreme_judge"):
        eligible, codes = check(position, citizen=False, higher_legal_education=False)
        assert not eligible
        assert codes[:2] == ["not_citizen", "no_higher_legal_education"], position


def test_art_17_1_district_judge_age_and_experience_come_from_the_regulation():
    strict = Thresholds(district_judge_min_age=30, district_judge_min_legal_experience_years=5)
    assert check("district_judge", age=29, legal_experience_years=4, thresholds=strict) == (
        False,
        ["too_young", "legal_experience_short"],
    )
    assert check("district_judge", age=30, legal_experience_years=5, thresholds=strict) == (
        True,
        [],
    )


def test_art_13_6_district_judge_exam_valid_exactly_four_years_later():
    # Passed 1 March 2022: the anniversary 1 March 2026 is the last day of validity.
    assert check("district_judge", on=date(2026, 3, 1), exam={"passed_on": "2022-03-01"}) == (
        True,
        [],
    )
    assert check("district_judge", on=date(2026, 3, 2), exam={"passed_on": "2022-03-01"}) == (
        False,
        ["exam_required"],
    )


def test_art_13_3_and_13_4_exemptions_replace_the_exam_for_district_judges():
    assert check("district_judge", exam=None, magistracy_graduated_on="2023-01-10") == (True, [])
    former = {"years_served": 5, "left_on": "2023-05-01", "negative_grounds": False}
    assert check("district_judge", exam=None, former_judge=former) == (True, [])
    assert check("district_judge", exam=None) == (False, ["exam_required"])


def test_art_17_1_sitting_judge_needs_no_new_exam():
    assert check("district_judge", exam=None, is_sitting_judge=True) == (True, [])


def test_art_17_1_district_chair_sitting_judge_or_five_years_as_judge():
    assert check("district_chair", judge_experience_years=5) == (True, [])
    assert check("district_chair", judge_experience_years=4) == (False, ["chair_needs_judge"])
    assert check("district_chair", judge_experience_years=0, is_sitting_judge=True) == (True, [])


def test_art_17_1_district_chair_needs_both_guarantees():
    assert check("district_chair", guarantee_non_judge=False) == (
        False,
        ["guarantee_non_judge_missing"],
    )


def test_art_18_7_district_chair_plenary_conclusion_unless_sitting_judge():
    assert check("district_chair", plenary_conclusion=False) == (
        False,
        ["plenary_conclusion_missing"],
    )
    assert check("district_chair", plenary_conclusion=False, is_sitting_judge=True) == (True, [])


def test_art_20_chair_at_most_two_consecutive_terms():
    assert check("district_chair", is_sitting_judge=True, consecutive_terms_in_post=1) == (
        True,
        [],
    )
    assert check("district_chair", is_sitting_judge=True, consecutive_terms_in_post=2) == (
        False,
        ["consecutive_terms_exceeded"],
    )


def test_art_17_4_district_judge_conclusions_are_advisory_and_do_not_bar():
    assert check("district_judge", plenary_conclusion=False, guarantee_judge=False) == (True, [])


def test_missing_fact_is_an_error_naming_the_field():
    document = facts()
    del document["judge_experience_years"]
    with pytest.raises(ValidationFailed) as raised:
        eligibility("regional_judge", CandidateFacts.parse(document), ON, Thresholds())
    assert list(raised.value.fields) == ["judge_experience_years"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"seniority": 3}, "seniority"),
        ({"citizen": "yes"}, "citizen"),
        ({"age": -1}, "age"),
        ({"legal_experience_years": True}, "legal_experience_years"),
        ({"exam": {"passed": "2024-01-01"}}, "exam.passed"),
        ({"exam": {}}, "exam.passed_on"),
        ({"exam_attempts": [{"date": "2024-13-01", "passed": False}]}, "exam_attempts[0].date"),
        (
            {"former_judge": {"years_served": 5, "left_on": "2020-01-01"}},
            "former_judge.negative_grounds",
        ),
    ],
)
def test_unknown_or_ill_typed_fact_is_an_error_naming_the_field(changes, field):
    with pytest.raises(ValidationFailed) as raised:
        CandidateFacts.parse(facts(**changes))
    assert list(raised.value.fields) == [field]
