"""National case numbers: "<court code>-<yy>-<sequence>", gap-free per court and year.

The sequence row for (court, year) is locked for the rest of the registering transaction, so two
clerks registering at once get consecutive numbers, and a registration that rolls back gives its
number back with it: no gaps, no duplicates.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from sot.courts.models import Court

from .models import CaseNumberSequence


def format_case_number(court_code: str, year: int, sequence: int) -> str:
    return f"{court_code}-{year % 100:02d}-{sequence:06d}"


def case_number_allocate(*, court: Court, year: int) -> str:
    """Take the next number; must run inside the transaction that stores it on the case."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("case numbers are allocated inside the registering transaction")
    row = _locked_sequence(court, year)
    row.last += 1
    row.save(update_fields=["last"])
    return format_case_number(court.code, year, row.last)


def _locked_sequence(court: Court, year: int) -> CaseNumberSequence:
    queryset = CaseNumberSequence.objects.select_for_update()
    row = queryset.filter(court=court, year=year).first()
    if row is not None:
        return row
    try:
        with transaction.atomic():
            return CaseNumberSequence.objects.create(court=court, year=year, last=0)
    except IntegrityError:
        # Another transaction created the row first: wait for its lock like everyone else.
        return queryset.get(court=court, year=year)
