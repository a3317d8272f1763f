"""Case-insensitive text on both databases: ``Casefold`` and SQLite's ``sot_casefold``."""

from __future__ import annotations

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import CharField, Value

from sot.core.db import Casefold, casefold
from sot.courts.models import Court
from sot.courts.tests.factories import CourtFactory

pytestmark = pytest.mark.django_db

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="an SQLite function")


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        pytest.param("АЛМАТЫ", "алматы", id="russian"),
        pytest.param("ҚАРАҒАНДЫ", "қарағанды", id="kazakh"),
        pytest.param("ӘҒҚҢӨҰҮҺІ", "әғқңөұүһі", id="every-kazakh-letter"),
        pytest.param("Almaty", "almaty", id="ascii"),
    ],
)
def test_casefold_folds_cyrillic_and_kazakh_letters_in_the_database(text, folded):
    CourtFactory(code="TF01", name_ru=text)

    folded_names = Court.objects.filter(code="TF01").annotate(f=Casefold("name_ru"))

    value = folded_names.values_list("f", flat=True).get()

    assert value == folded


def test_casefold_of_null_is_null():
    CourtFactory(code="TF02")
    nulls = Court.objects.filter(code="TF02").annotate(f=Casefold(Value(None, CharField())))
    assert nulls.values_list("f", flat=True).get() is None


def test_casefold_compiles_to_the_databases_function():
    sql = str(Court.objects.annotate(f=Casefold("name_ru")).query)
    expected = "sot_casefold(" if connection.vendor == "sqlite" else "LOWER("
    assert expected in sql


def test_the_python_function_is_none_safe():
    assert casefold(None) is None
    assert casefold("ҚАЗАҚСТАН") == "қазақстан"


@on_sqlite
def test_every_sqlite_connection_has_sot_casefold():
    fresh = connections.create_connection(DEFAULT_DB_ALIAS)  # connection_created fires on open
    try:
        with fresh.cursor() as cursor:
            cursor.execute("SELECT sot_casefold(%s), sot_casefold(NULL)", ["Қарағанды"])
            assert cursor.fetchone() == ("қарағанды", None)
    finally:
        fresh.close()


@on_sqlite
def test_sqlite_like_alone_does_not_fold_cyrillic():
    # Why the function exists: if this ever passes, SQLite has learnt to fold and it can go.
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s LIKE %s", ["Алматы", "алматы"])
        assert cursor.fetchone() == (0,)
