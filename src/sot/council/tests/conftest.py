"""A Council of nine voting members and a secretary, a district court and candidates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

import pytest
from django.utils import timezone

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.council.models import Candidate, CouncilSeat, SeatRole
from sot.courts.tests.factories import CourtFactory

SINCE = date(2020, 1, 1)


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@dataclass
class Council:
    chair: CouncilSeat
    members: list[CouncilSeat]  # the chair first, nine in all
    secretary: CouncilSeat


@pytest.fixture
def council(db) -> Council:
    seats = []
    for index in range(9):
        user = UserFactory(roles=[Role.COUNCIL_MEMBER])
        role = SeatRole.CHAIR if index == 0 else SeatRole.MEMBER
        seats.append(CouncilSeat.objects.create(user=user, role=role, since=SINCE))
    secretary_user = UserFactory(roles=[Role.COUNCIL_SECRETARY])
    secretary = CouncilSeat.objects.create(
        user=secretary_user, role=SeatRole.SECRETARY, since=SINCE
    )
    return Council(chair=seats[0], members=seats, secretary=secretary)


@pytest.fixture
def court(db):
    return CourtFactory()


@pytest.fixture
def make_candidate(db):
    def make(**changes) -> Candidate:
        values = {
            "born_on": date(1985, 5, 1),
            "is_citizen": True,
            "higher_legal_education": True,
        }
        values.update(changes)
        return Candidate.objects.create(user=UserFactory(roles=[Role.CITIZEN]), **values)

    return make
