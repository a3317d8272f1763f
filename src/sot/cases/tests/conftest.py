from __future__ import annotations

from pathlib import Path

import pytest

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import Case, CaseEvent, Participant
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory
from sot.courts.models import CourtKind, CourtLevel
from sot.courts.tests.factories import CourtFactory, JudgeFactory

from .api_support import World


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


# --- the case API tests' world (see api_support.py) ---


@pytest.fixture
def w() -> World:
    regional = CourtFactory(level=CourtLevel.REGIONAL, kind=CourtKind.REGIONAL)
    court = CourtFactory(parent=regional, region=regional.region)
    return World(
        regional=regional,
        court=court,
        other_court=CourtFactory(parent=regional),
        clerk=UserFactory(roles=[Role.CLERK], court=court, last_name="Клерк"),
        chair=UserFactory(roles=[Role.COURT_CHAIR], court=court),
        judge=JudgeFactory(court=court, user__last_name="Судья"),
        citizen=UserFactory(roles=[Role.CITIZEN]),
    )


@pytest.fixture
def client_as(api_client):
    def sign_in(user: User):
        api_client.force_authenticate(user=user)
        return api_client

    return sign_in


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def counts():
    def snapshot() -> tuple[int, int, int]:
        return Case.objects.count(), CaseEvent.objects.count(), Participant.objects.count()

    return snapshot
