"""Remove seeded data: every case and judge, and the seeded accounts.

On PostgreSQL the case and bench tables are emptied with one ``TRUNCATE … CASCADE`` (tables of later
features that point at cases go with them); on SQLite with ``DELETE`` statements, dependents first.
Seeded accounts (see ``users.SEED_EMAIL_DOMAIN``) are then deleted, after their group memberships
and tokens; rows elsewhere that name one of them keep the row and lose the reference when the
column allows it (an audit event of a demo sign-in stays, with no actor). This bypasses the
append-only guard of the logs on purpose: it runs only on synthetic data, on request.
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection, models, transaction

from sot.accounts.models import User
from sot.cases.models import (
    Case,
    CaseEvent,
    CaseJudge,
    CaseNumberSequence,
    Document,
    Participant,
)
from sot.courts.models import Judge, JudgeSpecialisation, JudgeStatusPeriod

from .users import SEED_EMAIL_DOMAIN

SEEDED_TABLES: tuple[type[models.Model], ...] = (
    CaseEvent,
    Participant,
    CaseJudge,
    Document,
    CaseNumberSequence,
    Case,
    JudgeStatusPeriod,
    JudgeSpecialisation,
    Judge,
)


def _dependents(targets: set[type[models.Model]]) -> list[type[models.Model]]:
    """Models (of any app) whose rows point at rows of ``targets``, transitively, dependents first."""
    found: list[type[models.Model]] = []
    frontier = set(targets)
    while frontier:
        new = {
            model
            for model in apps.get_models(include_auto_created=True)
            if model not in targets
            and model not in found
            and any(
                field.is_relation
                and field.many_to_one
                and field.related_model in frontier
                and field.concrete
                for field in model._meta.get_fields()
            )
        }
        found = sorted(new, key=lambda m: m._meta.label) + found
        frontier = new
    return found


def seeded_data_delete() -> None:
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # PostgreSQL refuses to truncate tables with constraint checks still pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            tables = ", ".join(quote(m._meta.db_table) for m in SEEDED_TABLES)
            cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        else:
            for model in [*_dependents(set(SEEDED_TABLES)), *SEEDED_TABLES]:
                cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")  # noqa: S608
        seeded = (
            f"SELECT {quote(User._meta.pk.column)} FROM {quote(User._meta.db_table)} "  # noqa: S608
            f"WHERE {quote('email')} LIKE %s"
        )
        pattern = f"%@{SEED_EMAIL_DOMAIN}"
        for model in apps.get_models(include_auto_created=True):
            if model in SEEDED_TABLES:
                continue
            for field in model._meta.concrete_fields:
                if not (field.is_relation and field.related_model is User):
                    continue
                table, column = quote(model._meta.db_table), quote(str(field.column))
                if field.null:
                    sql = f"UPDATE {table} SET {column} = NULL WHERE {column} IN ({seeded})"  # noqa: S608
                else:
                    sql = f"DELETE FROM {table} WHERE {column} IN ({seeded})"  # noqa: S608
                cursor.execute(sql, [pattern])
        users = quote(User._meta.db_table)
        cursor.execute(f"DELETE FROM {users} WHERE {quote('email')} LIKE %s", [pattern])  # noqa: S608
