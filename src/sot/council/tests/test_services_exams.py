"""The qualification exam through the services (Art. 11–14)."""

from __future__ import annotations

from datetime import date

import pytest

from sot.accounts.tests.factories import UserFactory
from sot.core import clock
from sot.core.errors import ValidationFailed
from sot.council.models import ExamTicket, FieldOfLaw, Question, RegistrationStatus, Regulation
from sot.council.services import competitions, exams

from .conftest import at

HELD = date(2026, 4, 20)


@pytest.fixture
def bank(db):
    for field in FieldOfLaw.values:
        for n in range(15):
            Question.objects.create(
                field_of_law=field,
                text=f"{field} {n}",
                options=["a", "b"],
                correct_option=n % 2,
                approved_on=date(2026, 1, 1),
            )
    return ExamTicket.objects.create(number=1, questions=["?"])


@pytest.fixture
def exam_session(council):
    return exams.exam_session_schedule(
        held_on=HELD,
        place="Астана",
        notice_sent_on=date(2026, 4, 10),
        seed="s1",
        acting_user=council.secretary.user,
    )


def test_art_11_3_commission_members_serve_two_years(council):
    member = exams.commission_member_appoint(
        user=UserFactory(),
        seat="scholar",
        appointed_on=date(2026, 1, 1),
        acting_user=council.secretary.user,
    )
    assert member.term_ends_on == date(2028, 1, 1)


def test_art_12_3_members_notified_ten_calendar_days_ahead(council):
    with pytest.raises(ValidationFailed):
        exams.exam_session_schedule(
            held_on=HELD,
            place="Астана",
            notice_sent_on=date(2026, 4, 11),
            acting_user=council.secretary.user,
        )


def test_art_12_2_commission_quorum_two_thirds(council, exam_session):
    members = [
        exams.commission_member_appoint(
            user=UserFactory(),
            seat="scholar",
            appointed_on=date(2026, 1, 1),
            acting_user=council.secretary.user,
        )
        for _ in range(6)
    ]
    with pytest.raises(ValidationFailed):
        exams.exam_session_attendance(
            session=exam_session, present=members[:3], acting_user=council.secretary.user
        )
    exams.exam_session_attendance(
        session=exam_session, present=members[:4], acting_user=council.secretary.user
    )
    assert exam_session.present.count() == 4


def test_art_13_10_random_test_per_candidate_is_reproducible(bank):
    first = exams.draw_test("seed-1", 7, 10)
    assert first == exams.draw_test("seed-1", 7, 10)
    assert first != exams.draw_test("seed-1", 8, 10)
    assert len(first) == 10 * len(FieldOfLaw.values)


def test_art_13_2_admission_only_after_the_special_check(council, exam_session, make_candidate):
    candidate = make_candidate()
    registration = exams.exam_register(
        session=exam_session, candidate=candidate, acting_user=candidate.user
    )
    decided = exams.exam_admission_decide(
        registration=registration, acting_user=council.secretary.user
    )
    assert decided.status == RegistrationStatus.REFUSED
    assert [r["article"] for r in decided.reasons] == ["13.2"]
    # Art. 14: the reasoned answer is due within a month of the application.
    assert exams.refusal_answer_due(decided) == exams.add_months(decided.applied_on, 1)


def test_art_13_10_three_stages_and_the_pass_mark_from_the_regulation(
    council, bank, exam_session, make_candidate
):
    Regulation.objects.create(pk=1, exam_pass_mark_percent=60, exam_questions_per_field=2)
    candidate = make_candidate()
    competitions.special_check_record(
        candidate=candidate,
        is_passed=True,
        issued_on=date(2026, 1, 1),
        criminal_case_found=False,
        notes="",
        acting_user=council.secretary.user,
    )
    with clock.frozen(at(date(2026, 4, 1))):
        registration = exams.exam_register(
            session=exam_session, candidate=candidate, acting_user=candidate.user
        )
    exams.exam_admission_decide(registration=registration, acting_user=council.secretary.user)
    started = exams.exam_test_start(registration=registration, acting_user=candidate.user)
    assert len(started.test_questions) == 2 * len(FieldOfLaw.values)
    correct = dict(Question.objects.values_list("pk", "correct_option"))
    # 6 of 10 right: exactly the pass mark.
    answers = {
        str(pk): correct[pk] if i < 6 else 1 - correct[pk]
        for i, pk in enumerate(started.test_questions)
    }
    scored = exams.exam_test_submit(
        registration=registration, answers=answers, acting_user=candidate.user
    )
    assert scored.test_score_percent == 60
    result = exams.exam_stages_record(
        registration=registration,
        ticket=bank,
        ticket_passed=True,
        psychological_test_passed=True,
        acting_user=council.secretary.user,
    )
    assert (result.status, result.result_on) == (RegistrationStatus.PASSED, HELD)


def test_art_13_10_ticket_has_the_commissions_number_of_questions(council):
    Regulation.objects.create(pk=1, exam_ticket_questions=2)
    with pytest.raises(ValidationFailed):
        exams.exam_ticket_create(
            number=1, questions=["a", "b", "c"], acting_user=council.secretary.user
        )
    ticket = exams.exam_ticket_create(
        number=1, questions=["a", "b"], acting_user=council.secretary.user
    )
    assert ticket.questions == ["a", "b"]


def test_art_13_10_question_bank_entries_are_checked(council):
    with pytest.raises(ValidationFailed) as raised:
        exams.question_add(
            field_of_law="civil",
            text="?",
            options=["a", "b"],
            correct_option=2,
            is_model=False,
            acting_user=council.secretary.user,
        )
    assert list(raised.value.fields) == ["correct_option"]
    question = exams.question_add(
        field_of_law="civil",
        text="?",
        options=["a", " ", "b"],
        correct_option=1,
        is_model=True,
        acting_user=council.secretary.user,
    )
    assert question.options == ["a", "b"]
