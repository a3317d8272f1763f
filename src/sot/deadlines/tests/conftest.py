from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import Case, CaseStatus
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory
from sot.courts.models import Court, CourtKind, CourtLevel, Judge
from sot.courts.tests.factories import CourtFactory, JudgeFactory

ALMATY = ZoneInfo("Asia/Almaty")


def at(day: str, hour: int = 11) -> datetime:
    """A moment in the court's working hours on a local date."""
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=ALMATY)


@dataclass
class World:
    court: Court
    other_court: Court
    clerk: User
    judge: Judge
    chair: Judge
    analyst: User
    citizen: User
    other_clerk: User
    case: Case  # civil, accepted, the judge presides, the clerk is its secretary


@pytest.fixture
def world(db: None) -> World:
    regional = CourtFactory(level=CourtLevel.REGIONAL, kind=CourtKind.REGIONAL)
    court = CourtFactory(parent=regional, region=regional.region)
    other_court = CourtFactory(parent=regional, region=regional.region)
    clerk = UserFactory(roles=[Role.CLERK], court=court, email="clerk@example.kz")
    judge = JudgeFactory(court=court)
    chair = JudgeFactory(
        court=court,
        user=UserFactory(
            roles=[Role.JUDGE, Role.COURT_CHAIR], email="chair@example.kz", preferred_language="ru"
        ),
    )
    case = CaseFactory(court=court, status=CaseStatus.ACCEPTED, clerk=clerk)
    CaseJudgeFactory(case=case, judge=judge)
    return World(
        court=court,
        other_court=other_court,
        clerk=clerk,
        judge=judge,
        chair=chair,
        analyst=UserFactory(roles=[Role.ANALYST]),
        citizen=UserFactory(roles=[Role.CITIZEN]),
        other_clerk=UserFactory(roles=[Role.CLERK], court=other_court),
        case=case,
    )
