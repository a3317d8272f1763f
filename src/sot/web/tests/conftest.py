"""A small court world for the page tests: two courts, every role, open and closed cases."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.cases.models import Case, CaseStatus, ParticipantRole
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.courts.models import Court, CourtKind, CourtLevel, Judge
from sot.courts.tests.factories import CourtFactory, JudgeFactory, RegionFactory

PASSWORD = "pass-Word-123"  # the UserFactory's password


@dataclass
class World:
    court: Court
    other_court: Court
    citizen: User
    clerk: User
    judge: Judge
    chair: Judge
    analyst: User
    own: Case  # court A, open, the citizen is a party
    other: Case  # court A, open, someone else's
    closed_own: Case  # court A, closed session, the citizen is a party
    closed_bench: Case  # court A, closed session, the judge sits on it
    closed_clerk: Case  # court A, closed session, the clerk is its hearing secretary
    elsewhere: Case  # court B, open

    def user(self, name: str) -> User | None:
        return {
            "anonymous": None,
            "citizen": self.citizen,
            "clerk": self.clerk,
            "judge": self.judge.user,
            "chair": self.chair.user,
            "analyst": self.analyst,
        }[name]


@pytest.fixture
def world(db: None) -> World:
    regional = CourtFactory(level=CourtLevel.REGIONAL, kind=CourtKind.REGIONAL)
    court = CourtFactory(parent=regional, region=RegionFactory(timezone="Asia/Tokyo"))
    other_court = CourtFactory(parent=regional)
    citizen = UserFactory(roles=[Role.CITIZEN], iin=valid_iin(1))
    clerk = UserFactory(roles=[Role.CLERK], court=court)
    judge = JudgeFactory(court=court)
    chair = JudgeFactory(court=court, user=UserFactory(roles=[Role.JUDGE, Role.COURT_CHAIR]))
    analyst = UserFactory(roles=[Role.ANALYST])

    own = CaseFactory(court=court, status=CaseStatus.REGISTERED)
    ParticipantFactory(case=own, user=citizen, iin=citizen.iin)
    ParticipantFactory(case=own, role=ParticipantRole.DEFENDANT, iin=valid_iin(2))
    CaseJudgeFactory(case=own, judge=judge)
    other = CaseFactory(court=court, status=CaseStatus.SCHEDULED)
    ParticipantFactory(case=other)
    closed_own = CaseFactory(court=court, is_closed=True)
    ParticipantFactory(case=closed_own, user=citizen)
    closed_bench = CaseFactory(court=court, is_closed=True)
    CaseJudgeFactory(case=closed_bench, judge=judge)
    closed_clerk = CaseFactory(court=court, is_closed=True, clerk=clerk)
    elsewhere = CaseFactory(court=other_court)
    return World(
        court=court,
        other_court=other_court,
        citizen=citizen,
        clerk=clerk,
        judge=judge,
        chair=chair,
        analyst=analyst,
        own=own,
        other=other,
        closed_own=closed_own,
        closed_bench=closed_bench,
        closed_clerk=closed_clerk,
        elsewhere=elsewhere,
    )
