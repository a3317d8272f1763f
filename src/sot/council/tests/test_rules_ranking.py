"""Ranking by the Art. 18 priorities, in the law's order."""

from __future__ import annotations

from decimal import Decimal

from sot.council.rules.ranking import RankingFacts, rank


def applicant(key, **changes):
    values = {
        "key": key,
        "magistracy_exam": False,
        "proceedings_years": Decimal(3),
        "exam_score": 80,
        "has_degree": False,
        "competitions_entered": 0,
        "diploma_average": Decimal("4.0"),
        "judge_years": Decimal(0),
    }
    values.update(changes)
    return RankingFacts(**values)


def keys(position, *applicants):
    return [a.key for a in rank(position, list(applicants))]


def test_art_18_2_1_magistracy_exam_comes_first():
    assert keys(
        "district_judge",
        applicant(1, proceedings_years=Decimal(9)),
        applicant(2, magistracy_exam=True),
    ) == [2, 1]


def test_art_18_2_2_then_proceedings_experience_then_exam_score():
    assert keys(
        "district_judge",
        applicant(1, proceedings_years=Decimal(2), exam_score=99),
        applicant(2, proceedings_years=Decimal(5), exam_score=71),
        applicant(3, proceedings_years=Decimal(5), exam_score=90),
    ) == [3, 2, 1]


def test_art_18_2_4_to_6_degree_then_more_than_three_competitions_then_diploma():
    assert keys(
        "district_judge",
        applicant(1, diploma_average=Decimal("4.9")),
        applicant(2, competitions_entered=4),
        applicant(3, competitions_entered=3, diploma_average=Decimal("3.1")),
        applicant(4, has_degree=True),
    ) == [4, 2, 1, 3]


def test_art_18_5_regional_and_supreme_judge_experience_first():
    assert keys(
        "regional_judge",
        applicant(1, judge_years=Decimal(6), has_degree=True),
        applicant(2, judge_years=Decimal(9)),
    ) == [2, 1]


def test_art_18_3_special_education_breaks_ties_for_specialised_courts():
    plain, special = applicant(1), applicant(2, special_education=True)
    assert [a.key for a in rank("district_judge", [plain, special])] == [1, 2]
    assert [a.key for a in rank("district_judge", [plain, special], specialised=True)] == [2, 1]
