from __future__ import annotations

import pytest

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory
from sot.courts.tests.factories import CourtFactory, JudgeFactory


@pytest.fixture
def court(db):
    appeal = CourtFactory(level="regional", kind="regional")
    return CourtFactory(parent=appeal, region=appeal.region)


@pytest.fixture
def clerk(court):
    return UserFactory(roles=[Role.CLERK], court=court)


@pytest.fixture
def judge(court):
    return JudgeFactory(court=court)


@pytest.fixture
def case_on_bench(court, judge):
    case = CaseFactory(court=court, number=None, status="filed")
    CaseJudgeFactory(case=case, judge=judge)
    return case
