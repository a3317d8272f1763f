"""National case numbers: court code, year, sequence; unique and gap-free without races."""

import datetime
import threading

import pytest
from django.db import connection, transaction

from sot.cases import services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import Case, CaseNumberSequence
from sot.cases.numbering import case_number_allocate, format_case_number
from sot.cases.tests.factories import CaseFactory
from sot.core import clock


def test_format():
    assert format_case_number("7511", 2026, 42) == "7511-26-000042"


@pytest.mark.django_db(transaction=True)
def test_allocation_needs_the_registering_transaction(court):
    with pytest.raises(RuntimeError):
        case_number_allocate(court=court, year=2026)


@pytest.mark.django_db
def test_numbers_are_consecutive_per_court_and_year(court, clerk):
    cases = [CaseFactory(court=court, number=None, status="filed") for _ in range(3)]
    moment = datetime.datetime(2026, 5, 4, 10, 0, tzinfo=datetime.UTC)
    with clock.frozen(moment):
        numbers = [
            services.case_transition(case=c, action=CaseAction.REGISTER, acting_user=clerk).number
            for c in cases
        ]
    assert numbers == [format_case_number(court.code, 2026, n) for n in (1, 2, 3)]
    assert CaseNumberSequence.objects.get(court=court, year=2026).last == 3


@pytest.mark.django_db
def test_a_rolled_back_registration_leaves_no_gap(court, clerk):
    first, second = (CaseFactory(court=court, number=None, status="filed") for _ in range(2))

    def register_then_fail() -> None:
        with transaction.atomic():
            services.case_transition(case=first, action=CaseAction.REGISTER, acting_user=clerk)
            raise RuntimeError("the clerk's browser closed")

    with pytest.raises(RuntimeError):
        register_then_fail()
    registered = services.case_transition(
        case=second, action=CaseAction.REGISTER, acting_user=clerk
    )
    assert registered.number is not None
    assert registered.number.endswith("-000001")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks across connections need PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_get_distinct_consecutive_numbers(court, clerk):
    cases = [CaseFactory(court=court, number=None, status="filed") for _ in range(12)]
    barrier = threading.Barrier(len(cases))
    errors: list[BaseException] = []

    def register(case: Case) -> None:
        try:
            barrier.wait()
            services.case_transition(case=case, action=CaseAction.REGISTER, acting_user=clerk)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(c,)) for c in cases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = list(
        Case.objects.filter(court=court).order_by("number").values_list("number", flat=True)
    )
    year = clock.today().year
    assert numbers == [format_case_number(court.code, year, n) for n in range(1, 13)]


@pytest.mark.django_db
def test_the_year_is_the_courts_local_year(court, clerk):
    """Just after midnight on 1 January in the court's zone, the UTC date is still 31 December."""
    court.region.timezone = "Asia/Tokyo"  # UTC+9: far enough east to cross the date line
    court.region.save()
    case = CaseFactory(court=court, number=None, status="filed")
    moment = datetime.datetime(2026, 12, 31, 15, 30, tzinfo=datetime.UTC)  # 00:30 in Tokyo
    with clock.frozen(moment):
        registered = services.case_transition(
            case=case, action=CaseAction.REGISTER, acting_user=clerk
        )
    assert registered.number == format_case_number(court.code, 2027, 1)
