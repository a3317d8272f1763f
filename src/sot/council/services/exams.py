"""The Qualification Commission's exams: sessions, admission, the three stages (Art. 11–14)."""

from __future__ import annotations

import random
import secrets
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.core import clock
from sot.core.errors import Conflict, Forbidden, InvalidTransition, Message, ValidationFailed

from ..models import (
    Candidate,
    CommissionMember,
    CommissionSeat,
    ExamRegistration,
    ExamSession,
    ExamTicket,
    FieldOfLaw,
    Question,
    RegistrationStatus,
)
from ..records import candidate_facts
from ..rules.exam import exam_admission
from ..rules.periods import add_months, add_years
from ..rules.reasons import render_all
from ..rules.tally import quorum_met
from ..selectors import current_thresholds
from .common import require_secretariat

COMMISSION_TERM_YEARS = 2  # Art. 11 §3
NOTICE_DAYS = 10  # Art. 12 §3, calendar days
REFUSAL_ANSWER_MONTHS = 1  # Art. 14


def commission_member_appoint(
    *, user: User, seat: str, appointed_on: date, acting_user: User
) -> CommissionMember:
    """Art. 11 §2–3: appointed or delegated for two years."""
    require_secretariat(acting_user)
    if seat not in CommissionSeat.values:
        raise ValidationFailed(fields={"seat": [_("Choose the seat.")]})
    return CommissionMember.objects.create(
        user=user,
        seat=seat,
        appointed_on=appointed_on,
        term_ends_on=add_years(appointed_on, COMMISSION_TERM_YEARS),
    )


def commission_in_office(on: date) -> list[CommissionMember]:
    return list(
        CommissionMember.objects.filter(appointed_on__lte=on, term_ends_on__gte=on)
        .exclude(left_on__lte=on)
        .order_by("pk")
    )


def exam_session_schedule(
    *, held_on: date, place: str, notice_sent_on: date, acting_user: User, seed: str = ""
) -> ExamSession:
    """Art. 12 §3: members and invited persons are notified at least ten calendar days ahead."""
    require_secretariat(acting_user)
    errors: dict[str, list[Message]] = {}
    if notice_sent_on > held_on - timedelta(days=NOTICE_DAYS):
        errors["notice_sent_on"] = [
            _("Members must be notified at least ten calendar days before the session.")
        ]
    if not place.strip():
        errors["place"] = [_("State the place.")]
    if errors:
        raise ValidationFailed(fields=errors)
    existing = ExamSession.objects.filter(held_on=held_on, place=place.strip()).first()
    if existing is not None:
        return existing  # a double submit
    return ExamSession.objects.create(
        held_on=held_on,
        place=place.strip(),
        notice_sent_on=notice_sent_on,
        seed=seed or secrets.token_hex(16),
    )


@transaction.atomic
def exam_session_attendance(
    *, session: ExamSession, present: list[CommissionMember], acting_user: User
) -> ExamSession:
    """Art. 12 §2: competent with at least two thirds of all the Commission's members."""
    require_secretariat(acting_user)
    in_office = {member.pk for member in commission_in_office(session.held_on)}
    attending = {member.pk for member in present}
    if not attending <= in_office or not quorum_met(len(attending), len(in_office)):
        raise ValidationFailed(
            fields={
                "present": [_("At least two thirds of the Commission's members must be present.")]
            }
        )
    session.present.set(attending)
    return session


def exam_register(
    *, session: ExamSession, candidate: Candidate, acting_user: User
) -> ExamRegistration:
    """A candidate applies to sit the exam; applying twice returns the same registration."""
    if candidate.user_id != acting_user.pk:
        raise Forbidden()
    if session.is_closed:
        raise InvalidTransition(_("This exam session is closed."))
    try:
        with transaction.atomic():
            registration, _created = ExamRegistration.objects.get_or_create(
                session=session, candidate=candidate, defaults={"applied_on": clock.today()}
            )
    except IntegrityError:
        registration = ExamRegistration.objects.get(session=session, candidate=candidate)
    return registration


def refusal_answer_due(registration: ExamRegistration) -> date:
    """Art. 14: a refusal is answered, with reasons, within a month of the application."""
    return add_months(registration.applied_on, REFUSAL_ANSWER_MONTHS)


@transaction.atomic
def exam_admission_decide(*, registration: ExamRegistration, acting_user: User) -> ExamRegistration:
    """Art. 13 §2–7, Art. 14, with the same rule as ``sot council exam-admission``."""
    require_secretariat(acting_user)
    registration = ExamRegistration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.APPLIED:
        raise InvalidTransition(_("Admission has already been decided."))
    on = registration.session.held_on
    result = exam_admission(candidate_facts(registration.candidate, on), on)
    if not result.admitted:
        registration.status = RegistrationStatus.REFUSED
    elif result.exempt:
        registration.status = RegistrationStatus.EXEMPT
    else:
        registration.status = RegistrationStatus.ADMITTED
    registration.reasons = render_all(result.reasons)
    registration.decided_on = clock.today()
    registration.save()
    return registration


def draw_test(seed: str, candidate_id: int, per_field: int) -> list[int]:
    """Art. 13 §10.1: a random test per candidate from the bank, ``per_field`` questions from each
    field of law. The same seed and candidate always draw the same questions."""
    rng = random.Random(f"{seed}:{candidate_id}")  # noqa: S311 - reproducible draw, not a secret
    drawn: list[int] = []
    for field in FieldOfLaw.values:
        bank = list(
            # Art. 13 §10: only questions of a list the Council approved.
            Question.objects.filter(field_of_law=field, is_active=True, approved_on__isnull=False)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        drawn += sorted(rng.sample(bank, min(per_field, len(bank))))
    return drawn


@transaction.atomic
def exam_test_start(*, registration: ExamRegistration, acting_user: User) -> ExamRegistration:
    registration = (
        ExamRegistration.objects.select_for_update()
        .select_related("session", "candidate")
        .get(pk=registration.pk)
    )
    if registration.candidate.user_id != acting_user.pk:
        raise Forbidden()
    if registration.status != RegistrationStatus.ADMITTED:
        raise InvalidTransition(_("Only admitted candidates sit the test."))
    if not registration.test_questions:
        per_field = current_thresholds().exam_questions_per_field
        registration.test_questions = draw_test(
            registration.session.seed, registration.candidate_id, per_field
        )
        registration.save()
    return registration


@transaction.atomic
def exam_test_submit(
    *, registration: ExamRegistration, answers: dict[str, int], acting_user: User
) -> ExamRegistration:
    """Stage 1 scored: the share of questions answered with the correct option, in whole percent."""
    registration = (
        ExamRegistration.objects.select_for_update()
        .select_related("candidate")
        .get(pk=registration.pk)
    )
    if registration.candidate.user_id != acting_user.pk:
        raise Forbidden()
    if not registration.test_questions or registration.status != RegistrationStatus.ADMITTED:
        raise InvalidTransition(_("The test has not been started."))
    if registration.test_score_percent is not None:
        raise Conflict(_("The test has already been submitted."))
    asked = {str(pk) for pk in registration.test_questions}
    if not set(answers) <= asked:
        raise ValidationFailed(fields={"answers": [_("Answer only the questions of your test.")]})
    correct = dict(
        Question.objects.filter(pk__in=registration.test_questions).values_list(
            "pk", "correct_option"
        )
    )
    right = sum(1 for pk, option in answers.items() if correct.get(int(pk)) == option)
    registration.test_answers = answers
    registration.test_score_percent = right * 100 // len(registration.test_questions)
    registration.save()
    return registration


@transaction.atomic
def exam_stages_record(
    *,
    registration: ExamRegistration,
    ticket: ExamTicket,
    ticket_passed: bool,
    psychological_test_passed: bool,
    acting_user: User,
) -> ExamRegistration:
    """Stages 2 and 3 (Art. 13 §10.2–3) and the result: every stage passed, the test at the
    regulation's pass mark. Valid for four years (Art. 13 §6), retake after one (§7)."""
    require_secretariat(acting_user)
    registration = (
        ExamRegistration.objects.select_for_update()
        .select_related("session")
        .get(pk=registration.pk)
    )
    if registration.status != RegistrationStatus.ADMITTED:
        raise InvalidTransition(_("The result has already been recorded."))
    if registration.test_score_percent is None:
        raise InvalidTransition(_("The computer test comes first."))
    pass_mark = current_thresholds().exam_pass_mark_percent
    registration.ticket = ticket
    registration.ticket_passed = ticket_passed
    registration.psychological_test_passed = psychological_test_passed
    passed = (
        registration.test_score_percent >= pass_mark and ticket_passed and psychological_test_passed
    )
    registration.status = RegistrationStatus.PASSED if passed else RegistrationStatus.FAILED
    registration.result_on = registration.session.held_on
    registration.save()
    return registration


def question_add(
    *,
    field_of_law: str,
    text: str,
    options: list[str],
    correct_option: int,
    is_model: bool,
    acting_user: User,
) -> Question:
    """A question of the computer test's bank (Art. 13 §10); model ones are published (§8)."""
    require_secretariat(acting_user)
    errors: dict[str, list[Message]] = {}
    if field_of_law not in FieldOfLaw.values:
        errors["field_of_law"] = [_("Choose the field of law.")]
    if not text.strip():
        errors["text"] = [_("Write the question.")]
    cleaned = [option.strip() for option in options if option.strip()]
    if len(cleaned) < 2:
        errors["options"] = [_("Give at least two answer options.")]
    elif not 0 <= correct_option < len(cleaned):
        errors["correct_option"] = [_("The correct option must be one of the options.")]
    if errors:
        raise ValidationFailed(fields=errors)
    return Question.objects.create(
        field_of_law=field_of_law,
        text=text.strip(),
        options=cleaned,
        correct_option=correct_option,
        is_model=is_model,
    )


def exam_ticket_create(*, number: int, questions: list[str], acting_user: User) -> ExamTicket:
    """Art. 13 §10: the number of questions in a ticket is set by the Commission (regulation data)."""
    require_secretariat(acting_user)
    cleaned = [question.strip() for question in questions if question.strip()]
    expected = current_thresholds().exam_ticket_questions
    if len(cleaned) != expected:
        raise ValidationFailed(
            _("A ticket has %(count)s questions."),
            fields={"questions": [_("Wrong number of questions.")]},
            params={"count": expected},
        )
    if ExamTicket.objects.filter(number=number).exists():
        raise Conflict(_("A ticket with this number exists."))
    return ExamTicket.objects.create(number=number, questions=cleaned)
