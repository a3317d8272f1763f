"""Writes of the Situational Center: fold new log rows into the aggregates, or rebuild them all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Max

from sot.core import clock
from sot.courts.models import Court

from .aggregation import SOURCES, Deltas, FactKey, add_rollups, new_deltas
from .models import Cursor, Fact

# Log rows read per grouped query: bounds memory and keeps each query short.
CHUNK = 1_000_000
WRITE_BATCH = 5_000
KEY_FIELDS = ["month", "court_id", "judge_id", "category", "instance", "metric"]


@dataclass
class UpdateResult:
    # Source name → (previous high-water mark, new high-water mark).
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)
    facts_written: int = 0


def _collect(collect: object, after: int, upto: int, deltas: Deltas) -> None:
    start = after
    while start < upto:
        stop = min(start + CHUNK, upto)
        collect(start, stop, deltas)  # type: ignore[operator]  # a collector from SOURCES
        start = stop


def _facts(items: Iterable[tuple[FactKey, int]]) -> list[Fact]:
    return [
        Fact(
            month=key[0],
            court_id=key[1],
            judge_id=key[2],
            category=key[3],
            instance=key[4],
            metric=key[5],
            value=value,
        )
        for key, value in items
    ]


def _apply(deltas: Deltas) -> int:
    """Add the deltas to the stored rows: read the rows they touch, then upsert the sums."""
    if not deltas:
        return 0
    keys = list(deltas)
    current: dict[FactKey, int] = {}
    months = {k[0] for k in keys}
    courts = {k[1] for k in keys}
    metrics = {k[5] for k in keys}
    touched = Fact.objects.filter(month__in=months, court_id__in=courts, metric__in=metrics)
    for row in touched.values_list(*KEY_FIELDS, "value").iterator(chunk_size=10_000):
        current[row[:6]] = row[6]
    totals = ((key, current.get(key, 0) + delta) for key, delta in deltas.items())
    facts = _facts(totals)
    for start in range(0, len(facts), WRITE_BATCH):
        Fact.objects.bulk_create(
            facts[start : start + WRITE_BATCH],
            update_conflicts=True,
            unique_fields=KEY_FIELDS,
            update_fields=["value"],
        )
    return len(facts)


@transaction.atomic
def analytics_update() -> UpdateResult:
    """Fold every log row past each source's high-water mark into the aggregates.

    The cursor rows are locked first, so two updaters never fold the same rows twice.
    """
    result = UpdateResult()
    for source, model, collect in SOURCES:
        Cursor.objects.get_or_create(source=source)
        cursor = Cursor.objects.select_for_update().get(source=source)
        upto = model.objects.aggregate(top=Max("id"))["top"] or 0
        if upto <= cursor.last_id:
            result.marks[source] = (cursor.last_id, cursor.last_id)
            continue
        deltas = new_deltas()
        _collect(collect, cursor.last_id, upto, deltas)
        add_rollups(deltas, _regions())
        result.facts_written += _apply(deltas)
        result.marks[source] = (cursor.last_id, upto)
        cursor.last_id = upto
        cursor.updated_at = clock.now()
        cursor.save(update_fields=["last_id", "updated_at"])
    return result


def _regions() -> dict[int, int]:
    return dict(Court.objects.values_list("id", "region_id"))


def _clear() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {Fact._meta.db_table}")  # our own table name
    else:
        Fact.objects.all().delete()


@transaction.atomic
def analytics_rebuild() -> UpdateResult:
    """Recompute every aggregate from the whole logs; readers see the old figures until commit."""
    result = UpdateResult()
    list(Cursor.objects.select_for_update().all())
    _clear()
    deltas = new_deltas()
    for source, model, collect in SOURCES:
        upto = model.objects.aggregate(top=Max("id"))["top"] or 0
        _collect(collect, 0, upto, deltas)
        Cursor.objects.update_or_create(
            source=source, defaults={"last_id": upto, "updated_at": clock.now()}
        )
        result.marks[source] = (0, upto)
    add_rollups(deltas, _regions())
    facts = _facts((key, value) for key, value in deltas.items() if value)
    Fact.objects.bulk_create(facts, batch_size=WRITE_BATCH)
    result.facts_written = len(facts)
    return result
