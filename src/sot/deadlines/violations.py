"""Recording violations: one entry point for every app that detects a breach."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction

from sot.accounts.models import User
from sot.cases.models import Case
from sot.core import clock

from .models import Violation


def violation_record(
    *,
    kind: str,
    source: str,
    case: Case,
    due_at: datetime,
    rule: str = "",
    responsible: User | None = None,
    detected_at: datetime | None = None,
    details: dict[str, Any] | None = None,
) -> tuple[Violation, bool]:
    """Record a breach once; returns the row and whether it was new.

    ``source`` names the breached thing (``"clock:123"``, ``"hearing:45"``); recording the same
    (kind, source) again returns the existing row, so a monitoring task may run any number of times.
    """
    detected = detected_at or clock.now()
    existing = Violation.objects.filter(kind=kind, source=source).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            violation = Violation.objects.create(
                kind=kind,
                source=source,
                case=case,
                court_id=case.court_id,
                rule=rule,
                responsible=responsible,
                due_at=due_at,
                detected_at=detected,
                delay=max(detected - due_at, detected - detected),
                details=details or {},
            )
    except IntegrityError:
        # A concurrent run recorded it between the read and the insert.
        return Violation.objects.get(kind=kind, source=source), False
    return violation, True


def violations_record_many(violations: list[Violation]) -> int:
    """Record many breaches at once (the monitor's batches), each (kind, source) once.

    The unsaved rows are filtered against those already recorded and inserted together; a row a
    concurrent run inserted in between is skipped by the unique constraint. Returns how many of
    the given rows were new.
    """
    if not violations:
        return 0
    sources = {v.source for v in violations}
    existing = set(Violation.objects.filter(source__in=sources).values_list("kind", "source"))
    fresh = [v for v in violations if (v.kind, v.source) not in existing]
    with transaction.atomic():
        before = Violation.objects.filter(source__in=sources).count()
        Violation.objects.bulk_create(fresh, ignore_conflicts=True)
        after = Violation.objects.filter(source__in=sources).count()
    return after - before
