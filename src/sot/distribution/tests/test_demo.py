from __future__ import annotations

import io

from django.core.management import call_command

from sot.distribution.demo import demo_seed
from sot.distribution.models import Draw
from sot.distribution.verify import verify_case


def test_demo_registers_three_cases_the_live_way_and_they_verify(db):
    call_command(
        "seed", "--scale=demo", "--cases-per-year=60", stdout=io.StringIO(), stderr=io.StringIO()
    )
    cases = demo_seed()
    assert len(cases) == 3
    assert Draw.objects.filter(case__in=cases).count() == 3
    for case in cases:
        assert verify_case(case).ok
    assert demo_seed() == []  # once
