"""A small court for the hearing tests: a judge, two courtrooms, cases with parties and an advocate.

The clock stands still at ``NOW`` (Tuesday 10 March 2026, 09:00 in Almaty) unless a test moves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.cases.models import Case, CaseStatus, Participant, ParticipantRole
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.core import clock
from sot.courts.models import Court, Judge
from sot.courts.tests.factories import CourtFactory, JudgeFactory, RegionFactory
from sot.hearings.models import Courtroom

ALMATY = ZoneInfo("Asia/Almaty")
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=ALMATY)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in March 2026, Almaty time."""
    return datetime(2026, 3, day, hour, minute, tzinfo=ALMATY)


@dataclass
class World:
    court: Court
    other_court: Court
    clerk: User
    judge: Judge
    other_judge: Judge
    chair: Judge
    room: Courtroom
    other_room: Courtroom
    citizen: User
    lawyer: User
    stranger: User
    case: Case  # accepted; the citizen sues, the lawyer represents them
    other_case: Case  # accepted; the other judge's, the same lawyer represents a party
    closed_case: Case  # accepted, closed session; the judge sits, the citizen is not a party
    plaintiff: Participant
    advocate: Participant
    other_advocate: Participant


@pytest.fixture(autouse=True)
def frozen_now():
    with clock.frozen(NOW):
        yield NOW


@pytest.fixture
def w(db) -> World:
    court = CourtFactory(region=RegionFactory(timezone="Asia/Almaty"))
    other_court = CourtFactory()
    clerk = UserFactory(roles=[Role.CLERK], court=court, last_name="Хатшы")
    judge = JudgeFactory(court=court, user__last_name="Судья")
    other_judge = JudgeFactory(court=court, user__last_name="Басқа")
    chair = JudgeFactory(court=court, user=UserFactory(roles=[Role.JUDGE, Role.COURT_CHAIR]))
    citizen = UserFactory(roles=[Role.CITIZEN], iin=valid_iin(1))
    lawyer = UserFactory(roles=[Role.LAWYER], iin=valid_iin(2), last_name="Адвокат")
    stranger = UserFactory(roles=[Role.CITIZEN], iin=valid_iin(3))

    case = CaseFactory(court=court, status=CaseStatus.ACCEPTED)
    CaseJudgeFactory(case=case, judge=judge)
    plaintiff = ParticipantFactory(case=case, user=citizen, iin=citizen.iin)
    ParticipantFactory(case=case, role=ParticipantRole.DEFENDANT, iin=valid_iin(4))
    advocate = ParticipantFactory(
        case=case, role=ParticipantRole.REPRESENTATIVE, user=lawyer, represents=plaintiff
    )
    other_case = CaseFactory(court=court, status=CaseStatus.ACCEPTED)
    CaseJudgeFactory(case=other_case, judge=other_judge)
    other_plaintiff = ParticipantFactory(case=other_case)
    other_advocate = ParticipantFactory(
        case=other_case,
        role=ParticipantRole.REPRESENTATIVE,
        user=lawyer,
        represents=other_plaintiff,
    )
    closed_case = CaseFactory(court=court, status=CaseStatus.ACCEPTED, is_closed=True)
    CaseJudgeFactory(case=closed_case, judge=judge)
    ParticipantFactory(case=closed_case)
    return World(
        court=court,
        other_court=other_court,
        clerk=clerk,
        judge=judge,
        other_judge=other_judge,
        chair=chair,
        room=Courtroom.objects.create(court=court, number="1"),
        other_room=Courtroom.objects.create(court=court, number="2"),
        citizen=citizen,
        lawyer=lawyer,
        stranger=stranger,
        case=case,
        other_case=other_case,
        closed_case=closed_case,
        plaintiff=plaintiff,
        advocate=advocate,
        other_advocate=other_advocate,
    )


@pytest.fixture
def schedule(w):
    """Schedule a hearing as the clerk, with defaults for everything not given."""
    from sot.hearings.services import hearing_schedule

    def book(**kwargs):
        fields = {
            "case": w.case,
            "courtroom": w.room,
            "starts_at": at(12, 10),
            "ends_at": at(12, 11),
            "acting_user": w.clerk,
        }
        return hearing_schedule(**{**fields, **kwargs})

    return book
