"""Art. 13 §10: the list of exam questions is approved at a session of the Council; only approved
questions are drawn into tests (and published as model questions, Art. 13 §8)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from sot.core import clock
from sot.core.errors import Forbidden, InvalidTransition, ValidationFailed
from sot.council import selectors
from sot.council.models import FieldOfLaw, Question, QuestionList
from sot.council.services import exams, question_lists, sessions

from .conftest import at

DAY = date(2026, 2, 10)
API = "/api/v1/council/"


@pytest.fixture
def bank(db):
    for field in FieldOfLaw.values:
        for n in range(3):
            Question.objects.create(
                field_of_law=field,
                text=f"{field} {n}",
                options=["a", "b"],
                correct_option=0,
                is_model=n == 0,
            )


def plan(council):
    with clock.frozen(at(DAY - timedelta(days=5))):
        return sessions.session_plan(
            starts_at=at(DAY), place="Астана", is_closed=False, acting_user=council.secretary.user
        )


def submit(council, session):
    with clock.frozen(at(DAY - timedelta(days=5))):
        return question_lists.question_list_submit(
            session=session, acting_user=council.secretary.user
        )


def vote(council, question_list, yes):
    session = question_list.item.session
    with clock.frozen(at(DAY)):
        if session.status == "planned":
            sessions.session_open(
                session=session, present=council.members, acting_user=council.secretary.user
            )
        opened = sessions.vote_open(
            item=question_list.item, question="?", is_secret=False, acting_user=council.chair.user
        )
        for index, seat in enumerate(council.members):
            sessions.ballot_cast(
                vote=opened, choice="for" if index < yes else "against", acting_user=seat.user
            )
        return sessions.vote_close(vote=opened, acting_user=council.chair.user)


def test_art_13_10_questions_not_approved_are_never_drawn_nor_published(council, bank):
    assert exams.draw_test("seed", 1, 2) == []
    assert not selectors.model_questions().exists()


def test_art_13_10_a_council_session_approves_the_list_then_tests_use_it(council, bank):
    question_list = submit(council, plan(council))
    assert question_list.questions.count() == Question.objects.count()
    assert question_list.item.kind == "substantive"
    assert submit(council, question_list.item.session).pk == question_list.pk  # a double submit
    with pytest.raises(InvalidTransition):
        question_lists.question_list_approve(
            question_list=question_list, acting_user=council.secretary.user
        )
    vote(council, question_list, yes=6)  # 6 of 9: two thirds
    with pytest.raises(Forbidden):
        question_lists.question_list_approve(
            question_list=question_list, acting_user=council.chair.user
        )
    approved = question_lists.question_list_approve(
        question_list=question_list, acting_user=council.secretary.user
    )
    assert approved.approved_on == DAY
    assert not Question.objects.filter(approved_on__isnull=True).exists()
    assert len(exams.draw_test("seed", 1, 2)) == 2 * len(FieldOfLaw.values)
    assert selectors.model_questions().count() == len(FieldOfLaw.values)


def test_art_13_10_a_list_the_council_rejects_stays_out_of_the_tests(council, bank):
    question_list = submit(council, plan(council))
    vote(council, question_list, yes=5)  # 5 of 9: short of the qualified majority
    with pytest.raises(InvalidTransition) as raised:
        question_lists.question_list_approve(
            question_list=question_list, acting_user=council.secretary.user
        )
    with translation.override("en"):
        assert "did not approve" in raised.value.render_message()
    assert QuestionList.objects.get().approved_on is None
    assert exams.draw_test("seed", 1, 2) == []


def test_art_13_10_nothing_to_approve_is_refused(council, db):
    with pytest.raises(ValidationFailed):
        submit(council, plan(council))
    assert not QuestionList.objects.exists()


def test_art_13_10_through_the_api_and_the_page(api_client, client, council, bank):
    session = plan(council)
    api_client.force_authenticate(council.members[1].user)
    assert api_client.post(API + "question-lists/", {"session": session.pk}).status_code == 403
    api_client.force_authenticate(council.secretary.user)
    missing = api_client.post(API + "question-lists/", {"session": 999999}, format="json")
    assert missing.status_code == 400
    assert set(missing.json()["error"]["fields"]) == {"session"}
    assert not QuestionList.objects.exists()
    with clock.frozen(at(DAY - timedelta(days=5))):
        created = api_client.post(API + "question-lists/", {"session": session.pk}, format="json")
    assert created.status_code == 201
    list_id = created.json()["id"]
    early = api_client.post(f"{API}question-lists/{list_id}/approve/")
    assert early.status_code == 409
    assert api_client.post(f"{API}question-lists/999999/approve/").status_code == 404
    vote(council, QuestionList.objects.get(pk=list_id), yes=9)
    client.force_login(council.secretary.user)
    page = client.get(reverse("council:exam_sessions"))
    assert f'name="list" value="{list_id}"' in page.content.decode()
    client.post(reverse("council:question_list_act"), {"action": "approve", "list": list_id})
    assert QuestionList.objects.get(pk=list_id).approved_on == DAY
    listed = api_client.get(API + "question-lists/").json()
    assert listed[0]["approved_on"] == "2026-02-10"
