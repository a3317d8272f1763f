"""A small seeded world shared by the seeding tests of one module (seeding takes seconds)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date

import pytest

from sot.seeding.pipeline import SeedReport, seed
from sot.seeding.reset import seeded_data_delete
from sot.seeding.scale import tiny_scale

AS_OF = date(2026, 6, 15)


@pytest.fixture(scope="module")
def seeded(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> Iterator[SeedReport]:
    """Seed ~800 first-instance cases over the reference courts; removed after the module."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        report = seed(
            scale=tiny_scale(800), years=1, seed_value=11, as_of=AS_OF, stream=io.StringIO()
        )
        try:
            yield report
        finally:
            seeded_data_delete()
