"""Qualification exam admission, exemptions, validity and retakes (Art. 13, 14)."""

from __future__ import annotations

from datetime import date

from sot.council.rules.exam import exam_admission, exam_is_valid, retake_allowed_from
from sot.council.rules.facts import CandidateFacts
from sot.council.rules.periods import add_working_days, add_years

from .facts_support import facts

ON = date(2026, 6, 1)


def admit(on=ON, **changes):
    result = exam_admission(CandidateFacts.parse(facts(**changes)), on)
    return result.admitted, result.exempt, [reason.code for reason in result.reasons]


def test_art_13_admitted_when_nothing_bars():
    assert admit() == (True, False, [])


def test_art_13_2_special_check_comes_first():
    assert admit(special_check_passed=False) == (False, False, ["special_check_required"])


def test_art_13_5_dismissed_for_discrediting_misconduct_is_refused_and_not_exempt():
    admitted, exempt, codes = admit(
        dismissed_for_discrediting=True, magistracy_graduated_on="2025-06-01"
    )
    assert (admitted, exempt, codes) == (False, False, ["dismissed_for_discrediting"])


def test_art_14_citizenship_and_legal_education():
    assert admit(citizen=False, higher_legal_education=False) == (
        False,
        False,
        ["not_citizen", "no_higher_legal_education"],
    )


def test_art_13_7_retake_not_earlier_than_one_year_after_a_failure():
    attempts = [{"date": "2025-06-02", "passed": False}]
    assert admit(exam_attempts=attempts, on=date(2026, 6, 1)) == (
        False,
        False,
        ["retake_too_early"],
    )
    # Exactly one year later is allowed.
    assert admit(exam_attempts=attempts, on=date(2026, 6, 2)) == (True, False, [])
    assert retake_allowed_from(date(2025, 6, 2)) == date(2026, 6, 2)


def test_art_13_7_the_latest_failure_counts():
    attempts = [
        {"date": "2023-01-10", "passed": False},
        {"date": "2025-09-01", "passed": False},
    ]
    assert admit(exam_attempts=attempts)[2] == ["retake_too_early"]


def test_art_13_4_magistracy_exempts_for_exactly_four_years():
    assert admit(magistracy_graduated_on="2022-06-01", on=date(2026, 6, 1)) == (
        True,
        True,
        ["exempt_magistracy"],
    )
    assert admit(magistracy_graduated_on="2022-06-01", on=date(2026, 6, 2)) == (True, False, [])


def test_art_13_3_former_judge_of_five_years_returning_within_four_years_is_exempt():
    former = {"years_served": 5, "left_on": "2022-06-01", "negative_grounds": False}
    assert admit(former_judge=former, on=date(2026, 6, 1)) == (
        True,
        True,
        ["exempt_former_judge"],
    )
    assert admit(former_judge=former, on=date(2026, 6, 2))[1] is False
    assert admit(former_judge={**former, "years_served": 4.9})[1] is False


def test_art_13_3_dismissal_on_negative_grounds_removes_the_exemption():
    former = {"years_served": 12, "left_on": "2025-01-01", "negative_grounds": True}
    assert admit(former_judge=former) == (True, False, [])


def test_art_13_6_result_valid_four_years_including_the_anniversary():
    assert exam_is_valid(date(2020, 2, 29), date(2024, 2, 29))
    assert not exam_is_valid(date(2020, 2, 29), date(2024, 3, 1))
    assert add_years(date(2020, 2, 29), 1) == date(2021, 2, 28)
    assert not exam_is_valid(None, ON)


def test_art_18_12_working_days_skip_weekends():
    # Friday 2026-11-20 + 10 working days = Friday 2026-12-04.
    assert add_working_days(date(2026, 11, 20), 10) == date(2026, 12, 4)
    assert add_working_days(date(2026, 11, 21), 1) == date(2026, 11, 23)
