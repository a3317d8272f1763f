"""The exam through the pages: schedule, register, admit, test, result (Art. 12–13)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.core import clock
from sot.council.models import ExamSession, ExamTicket, FieldOfLaw, Question, SpecialCheck

from .conftest import at

pytestmark = pytest.mark.django_db


def test_exam_pages_are_the_secretariats(client):
    url = reverse("council:exam_sessions")
    assert client.get(url).status_code == 302
    client.force_login(UserFactory(roles=[Role.COUNCIL_MEMBER]))
    assert client.get(url).status_code == 403


def test_art_13_whole_exam_through_the_pages(client, make_candidate):
    for field in FieldOfLaw.values:
        for n in range(3):
            Question.objects.create(
                field_of_law=field,
                text=f"{field} {n}",
                options=["a", "b"],
                correct_option=0,
                approved_on=date(2026, 1, 1),
            )
    ExamTicket.objects.create(number=7, questions=["?"])
    secretary = UserFactory(roles=[Role.COUNCIL_SECRETARY])
    candidate = make_candidate()
    SpecialCheck.objects.create(
        candidate=candidate,
        is_passed=True,
        issued_on=date(2026, 1, 1),
        valid_until=date(2027, 1, 1),
    )
    with clock.frozen(at(date(2026, 3, 1))):
        client.force_login(secretary)
        # Art. 12 §3: nine days' notice is refused, ten accepted.
        client.post(
            reverse("council:exam_schedule"),
            {"held_on": "2026-03-20", "place": "Астана", "notice_sent_on": "2026-03-12"},
        )
        assert not ExamSession.objects.exists()
        client.post(
            reverse("council:exam_schedule"),
            {"held_on": "2026-03-20", "place": "Астана", "notice_sent_on": "2026-03-10"},
        )
        session = ExamSession.objects.get()
        client.force_login(candidate.user)
        assert "Астана" in client.get(reverse("council:candidate_home")).content.decode()
        client.post(reverse("council:exam_register", args=[session.pk]))
        registration = session.registrations.get()
        client.force_login(secretary)
        client.post(
            reverse("council:exam_session_act", args=[session.pk]),
            {"action": "admit", "registration": registration.pk},
        )
        registration.refresh_from_db()
        assert registration.status == "admitted"
        client.force_login(candidate.user)
        client.post(reverse("council:exam_test_start", args=[registration.pk]))
        page = client.get(reverse("council:exam_test", args=[registration.pk]))
        assert page.status_code == 200
        registration.refresh_from_db()
        answers = {f"q{pk}": "0" for pk in registration.test_questions}
        client.post(reverse("council:exam_test_submit", args=[registration.pk]), answers)
        registration.refresh_from_db()
        assert registration.test_score_percent == 100
        # Another user cannot open this candidate's test.
        client.force_login(UserFactory(roles=[Role.CITIZEN]))
        assert client.get(reverse("council:exam_test", args=[registration.pk])).status_code == 404
        client.force_login(secretary)
        client.post(
            reverse("council:exam_session_act", args=[session.pk]),
            {
                "action": "stages",
                "registration": registration.pk,
                "ticket": 7,
                "ticket_passed": "on",
                "psychological_test_passed": "on",
            },
        )
    registration.refresh_from_db()
    assert (registration.status, registration.result_on) == ("passed", date(2026, 3, 20))
