"""Concurrent registrations on PostgreSQL: no judge double-booked by stale loads, no log entry
skipped or doubled, every draw verifiable."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from sot.cases import services as case_services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import BenchRole, Case, CaseJudge
from sot.core.judiciary import CaseCategory
from sot.distribution.models import Draw
from sot.distribution.verify import verify_case
from sot.ledger.models import Leaf

THREADS = 6
EACH = 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_stay_balanced_and_logged(country):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serializes all writers by locking the file; the race needs PostgreSQL")
    filed = [
        case_services.case_file(
            court=country.home,
            category=CaseCategory.CRIMINAL,
            subject="race",
            acting_user=country.clerk,
            participants=country.parties(),
        )
        for _ in range(THREADS * EACH)
    ]
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def registrar(worker: int) -> None:
        try:
            barrier.wait()
            for case in filed[worker * EACH : (worker + 1) * EACH]:
                case_services.case_transition(
                    case=case, action=CaseAction.REGISTER, acting_user=country.clerk
                )
        except BaseException as exc:  # reported on the test's thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=registrar, args=(w,)) for w in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    # Each draw read the loads the previous one left: three judges, twelve equal cases, four each.
    counts = sorted(
        CaseJudge.objects.filter(judge=judge, role=BenchRole.PRESIDING).count()
        for judge in country.judges["home"]
    )
    assert counts == [4, 4, 4]
    indexes = list(Leaf.objects.order_by("index").values_list("index", flat=True))
    assert indexes == list(range(len(indexes)))
    assert Draw.objects.count() == THREADS * EACH
    for case in Case.objects.filter(pk__in=[c.pk for c in filed]):
        assert verify_case(case).ok
