"""Dismissals, chair vacancies and appeals through the pages (Art. 19–24)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from sot.core import clock
from sot.council.models import ChairVacancy, DismissalCase, JuryAppeal
from sot.council.navigation import entry_points
from sot.council.services import sessions
from sot.courts.models import CourtLevel
from sot.courts.tests.factories import CourtFactory, JudgeFactory

from .conftest import at

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 10)


def test_art_21_22_dismissal_report_read_by_the_judge_on_the_page(client, council):
    judge = JudgeFactory()
    secretary = council.secretary.user
    client.force_login(secretary)
    client.post(
        reverse("council:dismissal_receive"),
        {"judge": judge.user.username, "ground": "own_wish", "received_on": "2026-03-01"},
    )
    case = DismissalCase.objects.get()
    client.post(
        reverse("council:dismissal_act", args=[case.pk]),
        {
            "action": "report",
            "circumstances": "a",
            "conclusion": "b",
            "proposals": "c",
            "signed_by": "X\nY",
        },
    )
    case.refresh_from_db()
    assert case.report_signed_by == ["X", "Y"]
    assert client.get(reverse("council:proceedings")).status_code == 200
    client.force_login(judge.user)
    assert any(item.url_name == "council:judge_home" for item in entry_points(judge.user))
    page = client.get(reverse("council:judge_home"))
    assert "X, Y" in page.content.decode()
    client.post(reverse("council:dismissal_read", args=[case.pk]), {"text": "Түсініктеме"})
    case.refresh_from_db()
    assert (case.status, case.explanation) == ("ready", "Түсініктеме")


def test_art_24_appeal_filed_by_the_judge_on_the_page(client):
    judge = JudgeFactory()
    client.force_login(judge.user)
    client.post(
        reverse("council:appeal_file"),
        {"commission": "qualification", "jury_decision": "№ 9", "grounds": "Негізсіз"},
    )
    assert JuryAppeal.objects.get().judge == judge


def test_art_19_chair_vacancy_submitted_on_the_page_and_voted_from_the_session(client, council):
    court = CourtFactory(level=CourtLevel.REGIONAL, kind="regional")
    judges = [JudgeFactory(court=court) for _ in range(2)]
    client.force_login(council.secretary.user)
    client.post(
        reverse("council:chair_vacancy_submit"),
        {
            "post": "regional_chair",
            "court_code": court.code,
            "submitted_on": "2026-03-01",
            "plenary_decision": "№ 4",
            "judges": "\n".join(j.user.username for j in judges),
        },
    )
    vacancy = ChairVacancy.objects.get()
    with clock.frozen(at(DAY)):
        session = sessions.session_plan(
            starts_at=at(DAY), place="Астана", is_closed=False, acting_user=council.secretary.user
        )
    client.post(
        reverse("council:vacancy_act", args=[vacancy.pk]),
        {"action": "schedule", "session": session.pk},
    )
    sessions.session_open(
        session=session, present=council.members, acting_user=council.secretary.user
    )
    client.force_login(council.chair.user)
    page = client.get(reverse("council:session_detail", args=[session.pk]))
    assert judges[0].user.full_name in page.content.decode()
    candidate = vacancy.candidates.first()
    assert candidate is not None
    client.post(
        reverse("council:chair_candidate_vote", args=[session.pk, candidate.pk]),
        {"is_secret": "on"},
    )
    candidate.refresh_from_db()
    assert candidate.vote is not None
    assert candidate.vote.is_secret
