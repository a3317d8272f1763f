"""Facts read from a candidate's records (Art. 17, 18 §4, 20)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from sot.council.models import ChairPost, ChairTerm, ExperienceKind
from sot.council.records import (
    candidate_facts_document,
    consecutive_chair_terms,
    proceedings_years,
    years_between,
)
from sot.courts.tests.factories import CourtFactory, JudgeFactory

pytestmark = pytest.mark.django_db


def test_years_between_counts_calendar_years_exactly():
    assert years_between(date(2011, 6, 1), date(2026, 6, 1)) == 15
    assert years_between(date(2012, 6, 1), date(2027, 6, 1)) == 15
    assert years_between(date(2011, 6, 1), date(2026, 5, 31)) < 15


def test_art_17_2_experience_ending_the_day_before_the_anniversary_is_exactly_15_years(
    make_candidate,
):
    candidate = make_candidate()
    candidate.experience.create(
        kind=ExperienceKind.OTHER_LEGAL,
        organisation="A",
        started_on=date(2006, 6, 1),
        ended_on=date(2016, 5, 31),
    )
    candidate.experience.create(
        kind=ExperienceKind.JUDGE_DISTRICT, organisation="B", started_on=date(2016, 6, 1)
    )
    facts = candidate_facts_document(candidate, date(2021, 5, 31), "regional_judge")
    assert facts["legal_experience_years"] == Decimal(15)
    assert facts["judge_experience_years"] == Decimal(5)


def test_art_18_4_proceedings_experience_counts_only_the_listed_work(make_candidate):
    candidate = make_candidate()
    for kind in (ExperienceKind.ARBITRATOR, ExperienceKind.OTHER_LEGAL):
        candidate.experience.create(
            kind=kind, organisation="X", started_on=date(2020, 1, 1), ended_on=date(2021, 12, 31)
        )
    assert proceedings_years(candidate, date(2026, 1, 1)) == Decimal(2)


def test_art_20_consecutive_terms_in_the_same_post_and_court(make_candidate):
    court, other = CourtFactory(), CourtFactory()
    judge = JudgeFactory(court=court)
    candidate = make_candidate(judge=judge)
    for started, ended, where in (
        (date(2010, 1, 1), date(2014, 12, 31), other),
        (date(2015, 1, 1), date(2019, 12, 31), court),
        (date(2020, 1, 1), date(2024, 12, 31), court),
    ):
        ChairTerm.objects.create(
            judge=judge,
            court=where,
            post=ChairPost.DISTRICT_CHAIR,
            started_on=started,
            ended_on=ended,
        )
    assert consecutive_chair_terms(candidate, court.pk, ChairPost.DISTRICT_CHAIR) == 2
    assert consecutive_chair_terms(candidate, other.pk, ChairPost.DISTRICT_CHAIR) == 0
    facts = candidate_facts_document(candidate, date(2025, 6, 1), "district_chair", court.pk)
    assert facts["consecutive_terms_in_post"] == 2
