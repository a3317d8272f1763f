"""Secondary indexes and constraints of the big tables, dropped for a bulk load and rebuilt after.

Building an index once over millions of sorted-in-memory rows is much cheaper than updating it
row by row, and a foreign key checked once for the whole table (``ALTER TABLE … ADD CONSTRAINT``)
is cheaper than one trigger per row. Everything happens inside the seeding transaction, so a failed
run leaves the schema as it was (transactional DDL). Primary keys stay.

PostgreSQL only: on SQLite, a deferred foreign key makes every parent insert look up its children,
and without the index on the child column each lookup scans the table (the demo load went from
15 seconds to more than ten minutes). BENCHMARKS.md has the measurements.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TextIO

from django.db import connection

from sot.cases.models import Case, CaseEvent, CaseJudge, Participant

from .progress import duration_text

BULK_MODELS = (Case, Participant, CaseJudge, CaseEvent)


@dataclass
class Deferred:
    # SQL to run, in order, to put back what was dropped.
    restore: list[str] = field(default_factory=list)


def _postgresql_drop(cursor: object, table: str, deferred: Deferred) -> None:
    run = cursor.execute  # type: ignore[attr-defined]
    fetch = cursor.fetchall  # type: ignore[attr-defined]
    run(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype IN ('f', 'u') ORDER BY contype DESC, conname",
        [table],
    )
    constraints = fetch()
    run(
        "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid "
        "WHERE x.indrelid = %s::regclass AND NOT x.indisprimary "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid) "
        "ORDER BY i.relname",
        [table],
    )
    plain = fetch()
    quoted = connection.ops.quote_name(table)
    for name, definition in constraints:
        run(f"ALTER TABLE {quoted} DROP CONSTRAINT {connection.ops.quote_name(name)}")
        deferred.restore.append(
            f"ALTER TABLE {quoted} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}"
        )
    for name, definition in plain:
        run(f"DROP INDEX {connection.ops.quote_name(name)}")
        deferred.restore.insert(0, definition)


def defer(enabled: bool | None, stream: TextIO) -> Deferred:
    """Drop the big tables' secondary indexes (and, on PostgreSQL, their constraints)."""
    deferred = Deferred()
    if connection.vendor != "postgresql" or enabled is False:
        return deferred
    with connection.cursor() as cursor:
        # Check what an enclosing transaction deferred now: PostgreSQL refuses to alter a table
        # with pending constraint checks.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for model in BULK_MODELS:
            _postgresql_drop(cursor, model._meta.db_table, deferred)
    stream.write(f"deferred {len(deferred.restore)} indexes and constraints until the load ends\n")
    return deferred


def restore(deferred: Deferred, stream: TextIO) -> None:
    if not deferred.restore:
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        for number, sql in enumerate(deferred.restore, start=1):
            started = time.monotonic()
            cursor.execute(sql)
            took = duration_text(time.monotonic() - started)
            stream.write(f"rebuilt {number}/{len(deferred.restore)} in {took}: {sql[:90]}\n")
            stream.flush()
