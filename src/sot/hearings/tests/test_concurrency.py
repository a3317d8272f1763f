"""Concurrent scheduling on PostgreSQL: clerks booking the same advocate or the same courtroom at
the same instant never double-book it — exactly one booking wins, the others get a conflict."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.cases.models import CaseStatus, Participant, ParticipantRole
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.core.errors import Conflict
from sot.courts.tests.factories import CourtFactory, JudgeFactory, RegionFactory
from sot.hearings.models import Courtroom, Hearing
from sot.hearings.services import hearing_schedule

from .conftest import at

THREADS = 6
# Skipped before any database is set up: a transactional test's flush would also empty the
# starter tables the migrations fill, for nothing.
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serializes all writers by locking the file; the race needs PostgreSQL",
)


def race(bookings: list[Callable[[], object]]) -> tuple[int, list[Conflict]]:
    """Run the bookings at once, one thread each: (how many succeeded, the conflicts raised)."""
    barrier = threading.Barrier(len(bookings))
    won: list[object] = []
    conflicts: list[Conflict] = []
    errors: list[BaseException] = []

    def clerk(book: Callable[[], object]) -> None:
        try:
            barrier.wait()
            won.append(book())
        except Conflict as exc:
            conflicts.append(exc)
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=clerk, args=(book,)) for book in bookings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return len(won), conflicts


def court_with_cases(count: int):
    court = CourtFactory(region=RegionFactory(timezone="Asia/Almaty"))
    clerk = UserFactory(roles=[Role.CLERK], court=court)
    cases = []
    for _ in range(count):
        case = CaseFactory(court=court, status=CaseStatus.ACCEPTED)
        CaseJudgeFactory(case=case, judge=JudgeFactory(court=court))
        cases.append(case)
    return court, clerk, cases


@pytest.mark.django_db(transaction=True)
def test_one_advocate_known_only_by_iin_is_booked_once_by_racing_clerks():
    court, clerk, cases = court_with_cases(THREADS)
    # One advocate in every case, with no account: only the IIN says it is the same person.
    # Each case has its own judge and courtroom, so the advocate is the only shared booking.
    iin = valid_iin(41)
    advocates: list[Participant] = []
    for case in cases:
        party = ParticipantFactory(case=case, iin=valid_iin(100 + case.pk))
        advocates.append(
            ParticipantFactory(
                case=case, role=ParticipantRole.REPRESENTATIVE, iin=iin, represents=party
            )
        )
    rooms = [Courtroom.objects.create(court=court, number=str(n)) for n in range(THREADS)]

    def booking(n: int) -> Callable[[], object]:
        # Overlapping, not identical, slots: 10:00–11:00, 10:05–11:05, …
        return lambda: hearing_schedule(
            case=cases[n],
            courtroom=rooms[n],
            starts_at=at(12, 10, 5 * n),
            ends_at=at(12, 11, 5 * n),
            summoned=[advocates[n]],
            acting_user=clerk,
        )

    won, conflicts = race([booking(n) for n in range(THREADS)])

    assert won == 1
    assert len(conflicts) == THREADS - 1
    assert all(set(c.fields) == {"participants"} for c in conflicts)
    assert Hearing.objects.filter(summoned__iin=iin).count() == 1


@pytest.mark.django_db(transaction=True)
def test_one_courtroom_is_booked_once_by_racing_clerks():
    court, clerk, cases = court_with_cases(THREADS)
    room = Courtroom.objects.create(court=court, number="305")

    def booking(n: int) -> Callable[[], object]:
        return lambda: hearing_schedule(
            case=cases[n],
            courtroom=room,
            starts_at=at(12, 14, 5 * n),
            ends_at=at(12, 15, 5 * n),
            acting_user=clerk,
        )

    won, conflicts = race([booking(n) for n in range(THREADS)])

    assert won == 1
    assert len(conflicts) == THREADS - 1
    assert all(set(c.fields) == {"courtroom"} for c in conflicts)
    assert Hearing.objects.filter(courtroom=room).count() == 1
