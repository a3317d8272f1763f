"""Demo data: a whole competition, from the announcement to the recommendation, with a secret vote.

Runs through the same services the pages use, moving the clock through the months the law
requires (one month of applications, ten days' notice of the exam, …). Seeds once: a second
call finds the demo competition and returns it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.services import user_create
from sot.core import clock
from sot.courts.models import Court, CourtKind, CourtLevel

from .models import (
    Application,
    Candidate,
    Competition,
    CouncilSeat,
    ExamTicket,
    FieldOfLaw,
    GuaranteeKind,
    Question,
    SeatRole,
    Vote,
)
from .rules.eligibility import Position
from .rules.tally import DecisionKind, VoteChoice
from .services import candidates, competitions, exams, question_lists, sessions

DEMO_BASIS = "demo: representation of the Judicial Administration No. 1"
MEMBERS = [
    ("council.m0", "Сапарбаев", "Бақыт", SeatRole.MEMBER),
    ("council.m1", "Нұрланова", "Айжан", SeatRole.MEMBER),
    ("council.m2", "Касымов", "Ерлан", SeatRole.MEMBER),
    ("council.m3", "Смирнова", "Анна", SeatRole.MEMBER),
    ("council.m4", "Жақсыбеков", "Марат", SeatRole.MEMBER),
    ("council.m5", "Омарова", "Салтанат", SeatRole.MEMBER),
    ("council.m6", "Ли", "Виктор", SeatRole.MEMBER),
    ("council.m7", "Бекова", "Динара", SeatRole.MEMBER),
]
APPLICANTS = [
    # username, surname, given name, magistracy graduate
    ("candidate.aliyev", "Әлиев", "Тимур", False),
    ("candidate.serikova", "Серікова", "Мадина", True),
    ("candidate.petrov", "Петров", "Олег", False),
]
LIVE_BASIS = "demo: representation of the Judicial Administration No. 2"


@dataclass(frozen=True)
class DemoCouncil:
    competition: Competition
    winner: Application


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _user(username: str, surname: str, given: str, role: Role) -> User:
    existing = User.objects.filter(username=username).first()
    if existing is not None:
        return existing
    return user_create(
        username=username, password=None, last_name=surname, first_name=given, roles=[role]
    )


def _seats(since: date) -> tuple[CouncilSeat, list[CouncilSeat], User]:
    """Nine voting seats, the chair first, and the secretary.

    The demo member sign-in chairs the Council (a stand-in when the demo accounts are absent), so
    whoever tries the demo can cast the last ballot of the live vote and close it; the demo
    secretary keeps the minutes.
    """
    chair_user = User.objects.filter(username="demo.council").first() or _user(
        "council.chair", "Тоқтаров", "Асхат", Role.COUNCIL_MEMBER
    )
    seats = [
        CouncilSeat.objects.get_or_create(
            user=chair_user, defaults={"role": SeatRole.CHAIR, "since": since}
        )[0]
    ]
    for username, surname, given, role in MEMBERS:
        user = _user(username, surname, given, Role.COUNCIL_MEMBER)
        seats.append(
            CouncilSeat.objects.get_or_create(user=user, defaults={"role": role, "since": since})[0]
        )
    secretary = User.objects.filter(username="demo.secretary").first() or _user(
        "council.secretary", "Петрова", "Ольга", Role.COUNCIL_SECRETARY
    )
    CouncilSeat.objects.get_or_create(
        user=secretary, defaults={"role": SeatRole.SECRETARY, "since": since}
    )
    return seats[0], seats, secretary


def _question_bank() -> None:
    if Question.objects.exists():
        return
    for field in FieldOfLaw.values:
        for n in range(12):
            Question.objects.create(
                field_of_law=field,
                text=f"{FieldOfLaw(field).label}: сұрақ {n + 1} / вопрос {n + 1}",
                options=["А", "Б", "В", "Г"],
                correct_option=n % 4,
                is_model=n < 2,
            )
    for number in (1, 2, 3):
        ExamTicket.objects.create(
            number=number, questions=[f"Практикалық тапсырма {number}.{k}" for k in (1, 2, 3)]
        )


def _candidate(username: str, surname: str, given: str, magistracy: bool, today: date) -> Candidate:
    user = _user(username, surname, given, Role.CITIZEN)
    candidate = candidates.candidate_register(
        user=user,
        born_on=date(today.year - 34, 5, 14),
        is_citizen=True,
        higher_legal_education=username != "candidate.petrov",
        education="ҚазҰУ, заң факультеті",
        degree="master" if magistracy else "none",
        diploma_average=Decimal("4.6") if magistracy else Decimal("4.2"),
        magistracy_graduated_on=today - timedelta(days=400) if magistracy else None,
    )
    if not candidate.experience.exists():
        candidates.experience_add(
            candidate=candidate,
            kind="judge_assistant" if magistracy else "advocate_in_court",
            organisation="Алматы қаласының сотты"
            if magistracy
            else "Алматы қалалық адвокаттар алқасы",
            started_on=date(today.year - 8, 9, 1),
            ended_on=None,
            acting_user=user,
        )
    return candidate


def _approve_questions(
    chair: CouncilSeat, seats: list[CouncilSeat], secretary: User, held: date
) -> None:
    """Art. 13 §10: a session of the Council approves the Commission's list of questions."""
    with clock.frozen(_at(held - timedelta(days=7))):
        session = sessions.session_plan(
            starts_at=_at(held),
            place="Астана, Жоғары Сот Кеңесі",
            is_closed=False,
            acting_user=secretary,
        )
        question_list = question_lists.question_list_submit(session=session, acting_user=secretary)
    with clock.frozen(_at(held)):
        sessions.session_open(session=session, present=seats, acting_user=secretary)
        vote = sessions.vote_open(
            item=question_list.item,
            question=question_list.item.title,
            is_secret=False,
            acting_user=chair.user,
        )
        for seat in seats:
            sessions.ballot_cast(vote=vote, choice=VoteChoice.FOR, acting_user=seat.user)
        sessions.vote_close(vote=vote, acting_user=chair.user)
        question_lists.question_list_approve(question_list=question_list, acting_user=secretary)
        sessions.session_finish(
            session=session,
            minutes="Емтихан сұрақтарының тізбесі бекітілді.",
            acting_user=secretary,
        )


def _exam(candidate: Candidate, secretary: User, members: list[User], today: date) -> None:
    """The candidate passes the qualification exam: admission, test, ticket, psychological test."""
    held_on = today - timedelta(days=300)
    with clock.frozen(_at(held_on - timedelta(days=30))):
        for member in members[:6]:
            exams.commission_member_appoint(
                user=member,
                seat="scholar",
                appointed_on=held_on - timedelta(days=60),
                acting_user=secretary,
            )
        session = exams.exam_session_schedule(
            held_on=held_on,
            place="Астана, Жоғары Сот Кеңесі",
            notice_sent_on=held_on - timedelta(days=20),
            seed="demo-exam-1",
            acting_user=secretary,
        )
        registration = exams.exam_register(
            session=session, candidate=candidate, acting_user=candidate.user
        )
        competitions.special_check_record(
            candidate=candidate,
            is_passed=True,
            issued_on=held_on - timedelta(days=20),
            criminal_case_found=False,
            notes="",
            acting_user=secretary,
        )
        exams.exam_admission_decide(registration=registration, acting_user=secretary)
    with clock.frozen(_at(held_on)):
        exams.exam_session_attendance(
            session=session, present=exams.commission_in_office(held_on), acting_user=secretary
        )
        registration = exams.exam_test_start(registration=registration, acting_user=candidate.user)
        correct = dict(Question.objects.values_list("pk", "correct_option"))
        answers = {str(pk): correct[pk] for pk in registration.test_questions[:-3]}
        exams.exam_test_submit(
            registration=registration, answers=answers, acting_user=candidate.user
        )
        exams.exam_stages_record(
            registration=registration,
            ticket=ExamTicket.objects.order_by("number").first(),  # type: ignore[arg-type]
            ticket_passed=True,
            psychological_test_passed=True,
            acting_user=secretary,
        )
        session.is_closed = True
        session.save()


def demo_seed() -> DemoCouncil | None:
    """Seed the Council's demo; ``None`` when the database has no district court to fill."""
    existing = Competition.objects.filter(basis=DEMO_BASIS).first()
    if existing is not None:
        return DemoCouncil(existing, existing.applications.get(status="won"))
    districts = Court.objects.filter(level=CourtLevel.DISTRICT).order_by("pk")
    court = districts.filter(kind=CourtKind.DISTRICT).first() or districts.first()
    if court is None:
        return None
    with transaction.atomic():
        return _run(court, clock.today())


def _run(court: Court, today: date) -> DemoCouncil:
    chair, seats, secretary = _seats(today - timedelta(days=400))
    _question_bank()
    people = [
        _candidate(username, surname, given, magistracy, today - timedelta(days=320))
        for username, surname, given, magistracy in APPLICANTS
    ]
    aliyev, serikova, _petrov = people
    _approve_questions(chair, seats, secretary, today - timedelta(days=330))
    _exam(aliyev, secretary, [seat.user for seat in seats], today)

    published, held = today - timedelta(days=70), today - timedelta(days=20)
    with clock.frozen(_at(published)):
        competition = competitions.competition_create(
            position=Position.DISTRICT_JUDGE,
            court=court,
            vacancies=1,
            basis=DEMO_BASIS,
            announcement_kk=f"{court} судьясының бос лауазымына конкурс жариялайды.",
            announcement_ru=f"Объявляется конкурс на вакантную должность судьи: {court}.",
            acting_user=secretary,
        )
        competitions.competition_announce(
            competition=competition, published_on=published, held_on=held, acting_user=secretary
        )
    with clock.frozen(_at(published + timedelta(days=5))):
        applications = [
            competitions.application_submit(
                competition=competition, candidate=c, acting_user=c.user
            )
            for c in people
        ]
    with clock.frozen(_at(held - timedelta(days=15))):
        competitions.competition_close_applications(competition=competition, acting_user=secretary)
        applications = [
            competitions.application_check(application=a, acting_user=secretary)
            for a in applications
        ]
    with clock.frozen(_at(held - timedelta(days=7))):
        session = sessions.session_plan(
            starts_at=_at(held),
            place="Астана, Жоғары Сот Кеңесі",
            is_closed=False,
            acting_user=secretary,
        )
        item = sessions.agenda_item_add(
            session=session,
            kind=DecisionKind.COMPETITION,
            title=f"Конкурс: {competition}",
            competition=competition,
            materials_received_on=published,
            acting_user=secretary,
        )
    with clock.frozen(_at(held)):
        # One member is away: 8 of 9 present, above two thirds.
        present = seats[:8]
        sessions.session_open(session=session, present=present, acting_user=secretary)
        for application in applications[:2]:
            nomination = sessions.nomination_add(
                item=item, application=application, acting_user=seats[1].user
            )
            vote = sessions.vote_open(
                item=item,
                question=f"{application.candidate}",
                is_secret=True,
                nomination=nomination,
                acting_user=chair.user,
            )
            votes_for = 7 if application.candidate == aliyev else 4
            for index, seat in enumerate(present):
                choice = VoteChoice.FOR if index < votes_for else VoteChoice.AGAINST
                sessions.ballot_cast(vote=vote, choice=choice, acting_user=seat.user)
            sessions.vote_close(vote=vote, acting_user=chair.user)
        competitions.competition_complete(competition=competition, acting_user=secretary)
        decision = sessions.decision_record(
            item=item,
            form="recommendation",
            reasons=(
                f"{aliyev} конкурс жеңімпазы деп танылсын (қатысқан мүшелердің 8-ден 7 дауысы, "
                "18-баптың 8-тармағы)."
            ),
            acting_user=secretary,
        )
        sessions.decision_sign(decision=decision, acting_user=chair.user)
        sessions.decision_sign(decision=decision, acting_user=secretary)
        sessions.decision_publish(decision=decision, acting_user=secretary)
        sessions.session_finish(
            session=session, minutes="Кеңес отырысының хаттамасы.", acting_user=secretary
        )
    with clock.frozen(_at(held + timedelta(days=3))):
        # Art. 18 §9: the winner is not a judge, so a fresh special check follows the win.
        competitions.special_check_record(
            candidate=aliyev,
            is_passed=True,
            issued_on=held + timedelta(days=3),
            criminal_case_found=False,
            notes="",
            acting_user=secretary,
        )
        competitions.participants_notify(competition=competition, acting_user=secretary)
    for guarantee_kind, name in (
        (GuaranteeKind.JUDGE, "Жұмабаев Е. Б."),
        (GuaranteeKind.NON_JUDGE, "Ахметова Д. С."),
    ):
        candidates.guarantee_add(
            candidate=serikova,
            kind=guarantee_kind,
            guarantor=name,
            given_on=published,
            acting_user=serikova.user,
        )
    _live(court, chair, seats, secretary, serikova, today)
    competition.refresh_from_db()
    return DemoCouncil(competition, competition.applications.get(candidate=aliyev))


def _live(
    court: Court,
    chair: CouncilSeat,
    seats: list[CouncilSeat],
    secretary: User,
    serikova: Candidate,
    today: date,
) -> Vote:
    """A second competition, today: a secret vote that waits only for the chair's ballot."""
    nurpeisova = _candidate(
        "candidate.nurpeisova", "Нұрпейісова", "Жанар", True, today - timedelta(days=320)
    )
    published = today - timedelta(days=45)
    with clock.frozen(_at(published)):
        competition = competitions.competition_create(
            position=Position.DISTRICT_JUDGE,
            court=court,
            vacancies=1,
            basis=LIVE_BASIS,
            announcement_kk=f"{court}: судьяның екінші бос лауазымына конкурс.",
            announcement_ru=f"{court}: конкурс на вторую вакантную должность судьи.",
            acting_user=secretary,
        )
        competitions.competition_announce(
            competition=competition, published_on=published, held_on=today, acting_user=secretary
        )
    with clock.frozen(_at(published + timedelta(days=3))):
        applications = [
            competitions.application_submit(
                competition=competition, candidate=c, acting_user=c.user
            )
            for c in (serikova, nurpeisova)
        ]
    with clock.frozen(_at(today - timedelta(days=10))):
        competitions.competition_close_applications(competition=competition, acting_user=secretary)
        applications = [
            competitions.application_check(application=application, acting_user=secretary)
            for application in applications
        ]
        session = sessions.session_plan(
            starts_at=_at(today),
            place="Астана, Жоғары Сот Кеңесі",
            is_closed=False,
            acting_user=secretary,
        )
        item = sessions.agenda_item_add(
            session=session,
            kind=DecisionKind.COMPETITION,
            title=f"Конкурс: {competition}",
            competition=competition,
            materials_received_on=published,
            acting_user=secretary,
        )
    with clock.frozen(_at(today)):
        sessions.session_open(session=session, present=seats, acting_user=secretary)
        nomination = sessions.nomination_add(
            item=item, application=applications[1], acting_user=seats[1].user
        )
        vote = sessions.vote_open(
            item=item,
            question=str(nurpeisova),
            is_secret=True,
            nomination=nomination,
            acting_user=chair.user,
        )
        for index, seat in enumerate(seats[1:]):
            choice = VoteChoice.FOR if index < 6 else VoteChoice.AGAINST
            sessions.ballot_cast(vote=vote, choice=choice, acting_user=seat.user)
    return vote
