"""``sot bench NAME`` finds every app's ``bench_NAME`` command and refuses unknown names."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_lists_the_benchmarks_apps_ship():
    out = StringIO()
    call_command("bench", "--list", stdout=out)
    names = out.getvalue().split()
    assert {"ledger", "distribution", "deadlines"} <= set(names)
    assert "bench" not in names


def test_unknown_benchmark_is_refused_with_the_list():
    with pytest.raises(CommandError, match=r"no benchmark 'nope'.*ledger"):
        call_command("bench", "nope")
