"""Who sees a hearing, by role × (own case, someone else's open case, closed case, other court)."""

from __future__ import annotations

import pytest

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import CaseStatus
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory
from sot.courts.tests.factories import JudgeFactory
from sot.hearings.models import Courtroom

from .conftest import at

pytestmark = pytest.mark.django_db
API = "/api/v1/hearings/"


@pytest.fixture
def hearings(w, schedule):
    elsewhere_judge = JudgeFactory(court=w.other_court)
    elsewhere = CaseFactory(court=w.other_court, status=CaseStatus.ACCEPTED)
    CaseJudgeFactory(case=elsewhere, judge=elsewhere_judge)
    other_clerk = UserFactory(roles=[Role.CLERK], court=w.other_court)
    return {
        "own": schedule(summoned=[w.plaintiff]),
        "other": schedule(case=w.other_case, courtroom=w.other_room),
        "closed": schedule(case=w.closed_case, starts_at=at(12, 14), ends_at=at(12, 15)),
        "elsewhere": schedule(
            case=elsewhere,
            courtroom=Courtroom.objects.create(court=w.other_court, number="1"),
            acting_user=other_clerk,
        ),
    }


# role → the hearings it sees (by the keys above)
MATRIX = {
    "citizen": {"own"},  # a party: own cases only, closed ones included
    "lawyer": {"own", "other"},  # represents a party in both open cases
    "stranger": set(),
    "clerk": {"own", "other"},  # the court's open cases; not the closed one
    "judge": {"own", "other", "closed"},  # court staff, and on the closed case's bench
    "analyst": {"own", "other", "elsewhere"},  # open cases nationwide
}


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_the_detail_endpoint_answers_by_visibility(w, hearings, api_client, role):
    user = {
        "citizen": w.citizen,
        "lawyer": w.lawyer,
        "stranger": w.stranger,
        "clerk": w.clerk,
        "judge": w.judge.user,
        "analyst": UserFactory(roles=[Role.ANALYST]),
    }[role]
    api_client.force_authenticate(user=user)
    seen = {
        key
        for key, hearing in hearings.items()
        if api_client.get(f"{API}{hearing.pk}/").status_code == 200
    }
    assert seen == MATRIX[role]
    for key in set(hearings) - seen:
        assert api_client.get(f"{API}{hearings[key].pk}/").status_code == 404
