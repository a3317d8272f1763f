"""Bulk insertion of generated rows: COPY on PostgreSQL, executemany on SQLite.

Rows are plain tuples in the order of the field names a ``Table`` is opened with; values are
``int``, ``str``, ``bool`` or ``None``, with datetimes as ``YYYY-MM-DD HH:MM:SS`` text in UTC
(the connection's zone on PostgreSQL, what Django stores on SQLite), UUIDs as 32 hex digits and
JSON as text. Primary keys are assigned by the generator, so related rows can point at rows not yet
written; sequences are moved past them afterwards.

A model field the generator does not fill (added later by another feature) gets NULL if it is
nullable, its constant default otherwise, so the seeder keeps working as the models grow.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterable, Sequence
from typing import Any, cast

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max

Row = tuple[Any, ...]
BATCH_ROWS = 50_000


def _constant_default(field: models.Field[Any, Any]) -> Any:
    default = field.get_default()
    if isinstance(default, dict | list):
        return json.dumps(default)
    if default is None or isinstance(default, bool | int | float | str):
        return default
    raise TypeError(
        f"{field.model.__name__}.{field.name}: the seeder cannot fill a default of "
        f"type {type(default).__name__}; add the field to the seeder"
    )


class Table:
    """Buffers rows for one model and writes them in batches."""

    def __init__(self, writer: BulkWriter, model: type[models.Model], fields: Sequence[str]):
        self.writer = writer
        self.model = model
        self.name = model._meta.db_table
        given = [cast("models.Field[Any, Any]", model._meta.get_field(name)) for name in fields]
        columns = [str(field.column) for field in given]
        given_names = {field.name for field in given}
        extra: list[Any] = []
        for field in model._meta.concrete_fields:
            if (
                field.name in given_names
                or field.null
                or field.db_default is not models.NOT_PROVIDED
            ):
                continue
            if not field.has_default() and not field.blank:
                raise TypeError(f"{model.__name__}.{field.name} needs a value from the seeder")
            columns.append(str(field.column))
            extra.append(_constant_default(field) if field.has_default() else "")
        self.columns = columns
        self.extra = tuple(extra)
        self.rows: list[Row] = []
        # The hot loops call ``append`` (the list's own method: no Python frame per row) and
        # ``flush_if_full`` now and then; ``add`` does both.
        self.append = self.rows.append
        self.written = 0

    def add(self, row: Row) -> None:
        self.append(row)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush_if_full(self) -> None:
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        rows: Iterable[Row] = self.rows
        if self.extra:
            extra = self.extra
            rows = (row + extra for row in self.rows)
        self.writer.write(self, rows)
        self.written += len(self.rows)
        self.rows = []
        self.append = self.rows.append


class _CopyThread:
    """Runs the COPY statements in a second thread, so PostgreSQL ingests one batch while Python
    generates the next (the two cores work at once). psycopg locks the connection for the length
    of a COPY: a query from the main thread meanwhile waits for it instead of interleaving."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.jobs: queue.Queue[tuple[str, Iterable[Row]] | None] = queue.Queue(maxsize=4)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="sot-seed-copy", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (job := self.jobs.get()) is not None:
            if self.error is not None:
                continue
            sql, rows = job
            try:
                with self.raw.cursor() as cursor, cursor.copy(sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            except BaseException as error:  # re-raised in the main thread
                self.error = error

    def submit(self, sql: str, rows: Iterable[Row]) -> None:
        self.raise_error()
        self.jobs.put((sql, rows))

    def close(self) -> None:
        self.jobs.put(None)
        self.thread.join()
        self.raise_error()

    def raise_error(self) -> None:
        if self.error is not None:
            raise self.error


class BulkWriter:
    """Writes ``Table`` batches through the fastest path the database has."""

    def __init__(self) -> None:
        self.tables: list[Table] = []
        self.is_postgresql = connection.vendor == "postgresql"
        self._copier: _CopyThread | None = None

    def table(self, model: type[models.Model], fields: Sequence[str]) -> Table:
        table = Table(self, model, fields)
        self.tables.append(table)
        return table

    def write(self, table: Table, rows: Iterable[Row]) -> None:
        connection.ensure_connection()
        raw: Any = connection.connection
        columns = ", ".join(connection.ops.quote_name(c) for c in table.columns)
        name = connection.ops.quote_name(table.name)
        if self.is_postgresql:
            if self._copier is None:
                self._copier = _CopyThread(raw)
            self._copier.submit(f"COPY {name} ({columns}) FROM STDIN", rows)
        else:
            marks = ", ".join("?" * len(table.columns))
            raw.executemany(f"INSERT INTO {name} ({columns}) VALUES ({marks})", rows)  # noqa: S608

    def flush(self) -> None:
        """Write every buffered row and wait until the database has them all."""
        for table in self.tables:
            table.flush()
        if self._copier is not None:
            copier, self._copier = self._copier, None
            copier.close()

    def counts(self) -> dict[str, int]:
        return {table.model._meta.label: table.written for table in self.tables}


def next_id(model: type[models.Model]) -> int:
    """The first primary key after every row the table holds."""
    return int(model._default_manager.aggregate(top=Max("pk"))["top"] or 0) + 1


def sequences_reset(models_: Iterable[type[models.Model]]) -> None:
    """Move PostgreSQL's id sequences past the ids the seeder assigned (no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
