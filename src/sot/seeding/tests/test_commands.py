from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sot.accounts.roles import Role
from sot.cases.models import Case
from sot.seeding.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def _demo() -> str:
    out = io.StringIO()
    call_command("demo", "--no-serve", "--cases-per-year=120", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_demo_seeds_once_and_prints_a_sign_in_per_role():
    first = _demo()
    cases = Case.objects.count()
    assert cases > 0
    second = _demo()
    assert Case.objects.count() == cases
    assert "not seeding again" in second
    for output in (first, second):
        for role in Role:
            username = DEMO_ACCOUNTS[role][0]
            line = next(line for line in output.splitlines() if f" {username} " in line)
            assert DEMO_PASSWORD in line


def test_seed_command_refuses_a_seeded_database_unless_reset():
    err = io.StringIO()
    call_command("seed", "--scale=demo", "--cases-per-year=60", stdout=io.StringIO(), stderr=err)
    first = Case.objects.count()
    with pytest.raises(CommandError, match="--reset"):
        call_command("seed", "--cases-per-year=60", stdout=io.StringIO(), stderr=io.StringIO())
    out = io.StringIO()
    call_command("seed", "--cases-per-year=60", "--reset", "--seed=2", stdout=out, stderr=err)
    assert Case.objects.count() > 0
    assert "cases.Case" in out.getvalue()
    assert first > 0
    assert "cases/s" in err.getvalue() or "cases (" in err.getvalue()
