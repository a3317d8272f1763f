"""Competitions through the services (Art. 16–18)."""

from __future__ import annotations

from datetime import date

import pytest

from sot.core import clock
from sot.core.errors import Conflict, InvalidTransition, ValidationFailed
from sot.council.models import ApplicationStatus, CompetitionStatus, ExperienceKind, Regulation
from sot.council.services import candidates, competitions
from sot.courts.tests.factories import JudgeFactory

from .conftest import at

PUBLISHED = date(2026, 1, 15)


@pytest.fixture
def competition(council, court):
    return competitions.competition_create(
        position="district_judge",
        court=court,
        vacancies=1,
        basis="Ұсыным №1",
        announcement_kk="Хабарландыру",
        announcement_ru="Объявление",
        acting_user=council.secretary.user,
    )


def announce(council, competition, held_on=date(2026, 2, 15)):
    return competitions.competition_announce(
        competition=competition,
        published_on=PUBLISHED,
        held_on=held_on,
        acting_user=council.secretary.user,
    )


def test_art_16_4_held_at_least_one_month_after_publication(council, competition):
    with pytest.raises(ValidationFailed) as raised:
        announce(council, competition, held_on=date(2026, 2, 14))
    assert "held_on" in raised.value.fields
    announced = announce(council, competition, held_on=date(2026, 2, 15))
    # Art. 16 §5: one month to apply.
    assert announced.applications_close_on == date(2026, 2, 15)


def test_art_16_4_published_in_kazakh_and_russian(council, court):
    draft = competitions.competition_create(
        position="district_judge",
        court=court,
        vacancies=1,
        basis="Ұсыным",
        announcement_kk="",
        announcement_ru="Объявление",
        acting_user=council.secretary.user,
    )
    with pytest.raises(ValidationFailed) as raised:
        announce(council, draft)
    assert list(raised.value.fields) == ["announcement_kk"]


def test_art_16_5_applications_within_one_month_and_only_once(council, competition, make_candidate):
    announce(council, competition)
    candidate = make_candidate()
    with clock.frozen(at(date(2026, 2, 16))), pytest.raises(InvalidTransition):
        competitions.application_submit(
            competition=competition, candidate=candidate, acting_user=candidate.user
        )
    with clock.frozen(at(date(2026, 2, 15))):
        first = competitions.application_submit(
            competition=competition, candidate=candidate, acting_user=candidate.user
        )
        again = competitions.application_submit(
            competition=competition, candidate=candidate, acting_user=candidate.user
        )
    assert first.pk == again.pk


def _apply_and_check(council, competition, candidate):
    with clock.frozen(at(date(2026, 1, 20))):
        application = competitions.application_submit(
            competition=competition, candidate=candidate, acting_user=candidate.user
        )
    with clock.frozen(at(date(2026, 2, 16))):
        competitions.competition_close_applications(
            competition=competition, acting_user=council.secretary.user
        )
        return competitions.application_check(
            application=application, acting_user=council.secretary.user
        )


def test_art_17_1_document_check_runs_the_eligibility_rule_on_the_records(
    council, competition, make_candidate
):
    announce(council, competition)
    candidate = make_candidate(magistracy_graduated_on=date(2024, 6, 1))
    candidate.experience.create(
        kind=ExperienceKind.HEARING_SECRETARY, organisation="Сот", started_on=date(2023, 1, 1)
    )
    checked = _apply_and_check(council, competition, candidate)
    assert checked.status == ApplicationStatus.ADMITTED, checked.check_reasons
    competition.refresh_from_db()
    assert competition.lists_published_on == date(2026, 2, 16)


def test_art_17_1_ineligible_applicant_is_not_admitted_with_reasons(
    council, competition, make_candidate
):
    announce(council, competition)
    checked = _apply_and_check(council, competition, make_candidate(higher_legal_education=False))
    assert checked.status == ApplicationStatus.REJECTED
    assert {(r["code"], r["article"]) for r in checked.check_reasons} >= {
        ("no_higher_legal_education", "17.1"),
        ("exam_required", "13.6"),
    }


def test_art_18_11_and_18_12_failed_competition_and_working_day_notice(council, competition):
    announce(council, competition)
    with clock.frozen(at(date(2026, 2, 20))):  # a Friday
        competitions.competition_close_applications(
            competition=competition, acting_user=council.secretary.user
        )
        done = competitions.competition_complete(
            competition=competition, acting_user=council.secretary.user
        )
    assert done.status == CompetitionStatus.FAILED
    assert done.notify_by == date(2026, 3, 6)  # ten working days, weekends skipped
    repeat = competitions.competition_reannounce(
        competition=done, acting_user=council.secretary.user
    )
    assert (repeat.previous_id, repeat.status) == (done.pk, CompetitionStatus.DRAFT)
    with pytest.raises(Conflict):
        competitions.competition_reannounce(competition=done, acting_user=council.secretary.user)


def test_art_18_9_non_judge_winner_needs_special_check_valid_one_year(
    council, competition, make_candidate
):
    candidate = make_candidate()
    application = competition.applications.create(candidate=candidate, submitted_on=PUBLISHED)
    on = date(2026, 3, 1)
    assert competitions.recommendation_blockers(application, on) == ["special_check_required"]
    check = competitions.special_check_record(
        candidate=candidate,
        is_passed=True,
        issued_on=date(2025, 3, 1),
        criminal_case_found=False,
        notes="",
        acting_user=council.secretary.user,
    )
    assert check.valid_until == date(2026, 3, 1)
    assert competitions.recommendation_blockers(application, on) == []
    assert competitions.recommendation_blockers(application, date(2026, 3, 2)) == [
        "special_check_required"
    ]


def test_art_15_3_polygraph_is_advisory_and_does_not_bar(council, competition, make_candidate):
    announce(council, competition)
    candidate = make_candidate(magistracy_graduated_on=date(2024, 6, 1))
    candidate.experience.create(
        kind=ExperienceKind.ARBITRATOR, organisation="Төрелік", started_on=date(2022, 1, 1)
    )
    candidates.polygraph_record(
        candidate=candidate,
        examined_on=date(2026, 1, 5),
        is_favourable=False,
        conclusion="Теріс",
        acting_user=council.secretary.user,
    )
    assert _apply_and_check(council, competition, candidate).status == ApplicationStatus.ADMITTED


def test_art_3_1_15_to_17_personal_record_and_reserve(council):
    judge = JudgeFactory()
    entry = candidates.personal_record_add(
        judge=judge,
        kind="training",
        on=date(2026, 1, 5),
        text="Біліктілікті арттыру",
        acting_user=council.secretary.user,
    )
    assert list(judge.council_record.all()) == [entry]
    candidates.reserve_include(
        judge=judge,
        post="district_chair",
        court=None,
        included_on=date(2026, 1, 5),
        basis="",
        acting_user=council.secretary.user,
    )
    with pytest.raises(ValidationFailed):
        candidates.reserve_include(
            judge=judge,
            post="district_chair",
            court=None,
            included_on=date(2026, 2, 5),
            basis="",
            acting_user=council.secretary.user,
        )


def test_art_16_5_the_regulations_documents_are_checked(council, competition, make_candidate):
    Regulation.objects.create(pk=1, required_documents=["Өтініш", "Диплом көшірмесі"])
    announce(council, competition)
    candidate = make_candidate(magistracy_graduated_on=date(2024, 6, 1))
    candidate.experience.create(
        kind=ExperienceKind.HEARING_SECRETARY, organisation="Сот", started_on=date(2023, 1, 1)
    )
    with clock.frozen(at(date(2026, 1, 20))):
        application = competitions.application_submit(
            competition=competition, candidate=candidate, acting_user=candidate.user
        )
    application.documents.create(
        title="өтініш", sha256="0" * 64, media_type="text/plain", uploaded_at=at(date(2026, 1, 20))
    )
    with clock.frozen(at(date(2026, 2, 16))):
        competitions.competition_close_applications(
            competition=competition, acting_user=council.secretary.user
        )
        checked = competitions.application_check(
            application=application, acting_user=council.secretary.user
        )
    assert checked.status == ApplicationStatus.REJECTED
    assert [(r["code"], r["article"]) for r in checked.check_reasons] == [
        ("document_missing", "16.5")
    ]
