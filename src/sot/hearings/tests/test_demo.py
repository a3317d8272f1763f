"""The demo hearings: made once, through the services, with both kinds of postponement."""

from __future__ import annotations

import pytest

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import CaseStatus
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.courts.tests.factories import CourtFactory, JudgeFactory, RegionFactory
from sot.deadlines.models import Violation
from sot.hearings.demo import demo_seed
from sot.hearings.models import Courtroom, Hearing, HearingFormat, HearingStatus

pytestmark = pytest.mark.django_db


def test_demo_seed_gives_the_demo_court_rooms_and_hearings():
    court = CourtFactory(region=RegionFactory(timezone="Asia/Almaty"))
    judge = JudgeFactory(court=court, user__username="demo.judge")
    UserFactory(username="demo.clerk", roles=[Role.CLERK], court=court)
    for _ in range(5):
        case = CaseFactory(court=court, status=CaseStatus.ACCEPTED)
        CaseJudgeFactory(case=case, judge=judge)
        ParticipantFactory(case=case)

    made = demo_seed()

    assert Courtroom.objects.filter(court=court).count() == 3
    assert made == Hearing.objects.count() == 7  # five booked, two of them postponed and rebooked
    assert Hearing.objects.filter(status=HearingStatus.POSTPONED).count() == 2
    assert Hearing.objects.filter(format=HearingFormat.VIDEO).exclude(video_room="").exists()
    assert Violation.objects.filter(kind="unjustified_postponement").count() == 1
    assert demo_seed() == 0  # once
    assert Hearing.objects.count() == 7


def test_without_the_demo_accounts_nothing_is_made():
    assert demo_seed() == 0
    assert not Courtroom.objects.exists()
