"""Database functions Sot needs on both of its databases.

SQLite's ``LOWER`` and ``LIKE`` fold ASCII letters only, so "алматы" would never find "Алматы" there.
Every SQLite connection gets ``sot_casefold`` (Python's ``str.casefold``) instead, registered by
``sqlite_functions_register`` on ``connection_created`` (connected in ``CoreConfig.ready``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Func
from django.db.models.sql.compiler import SQLCompiler
from psycopg.types.json import Jsonb

if TYPE_CHECKING:
    from django.db.models.sql.compiler import _AsSqlType


def casefold(value: object) -> str | None:
    """``sot_casefold`` in SQL: NULL stays NULL, like SQL's own string functions."""
    return None if value is None else str(value).casefold()


def sqlite_functions_register(
    sender: type[BaseDatabaseWrapper], connection: BaseDatabaseWrapper, **kwargs: Any
) -> None:
    if connection.vendor != "sqlite":
        return
    # Deterministic: SQLite may then use it in indexes and fold repeated calls.
    connection.connection.create_function("sot_casefold", 1, casefold, deterministic=True)


class Casefold(Func):
    """Case-insensitive text for comparisons: compare it with ``value.casefold()``.

    PostgreSQL's ``LOWER`` follows the collation's character type: under a UTF-8 locale (the
    databases here are C.UTF-8) it folds Cyrillic and Kazakh letters, under the plain "C" locale
    only ASCII. It differs from ``casefold`` for a few letters no court name has (German ß).
    """

    function = "LOWER"
    arity = 1

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> _AsSqlType:
        return self.as_sql(compiler, connection, function="sot_casefold", **extra_context)


def insert_rows(model: type[Any], fields: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert many rows at once: COPY on PostgreSQL, ``bulk_create`` elsewhere.

    For rows that need no primary key back and no ``save()`` logic (log entries, seats). COPY
    skips the ORM's per-row SQL compilation, which costs more than the database's own work for a
    day's distribution (10,000 log entries).
    """
    if not rows:
        return
    if connection.vendor == "postgresql":
        columns = ", ".join(
            connection.ops.quote_name(model._meta.get_field(name).column) for name in fields
        )
        sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row([Jsonb(v) if isinstance(v, dict | list) else v for v in row])
        return
    model.objects.bulk_create(
        [model(**dict(zip(fields, row, strict=True))) for row in rows], batch_size=1000
    )
