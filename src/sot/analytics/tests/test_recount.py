"""The aggregates equal a direct recount over the raw rows, and the incremental path equals a
rebuild (issue 9, "the numbers equal a direct recount over the raw data")."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from sot.cases.models import CaseEvent, CaseEventKind, CaseStatus
from sot.core.judiciary import CaseCategory, Instance

from ..models import Cursor, Fact
from ..scope import COUNTRY_LEVEL, JUDGE_LEVEL, Scope
from ..selectors import indicator_values
from ..services import analytics_rebuild, analytics_update
from .recount import recount
from .world import World, add_cases, build_world

pytestmark = pytest.mark.django_db


def _facts() -> dict[tuple[object, ...], int]:
    return {
        (f.month, f.court_id, f.judge_id, f.category, f.instance, f.metric): f.value
        for f in Fact.objects.exclude(value=0)
    }


def _grow(world: World) -> None:
    """New cases and new events on old ones between two updates."""
    add_cases(world, count=25, seed=99)
    suspended = [c for c in world.cases if c.status == CaseStatus.SUSPENDED][:3]
    for case in suspended:
        at = dt.datetime(2026, 7, 1, 9, tzinfo=dt.UTC)
        CaseEvent.objects.create(case=case, kind=CaseEventKind.RESUMED, at=at)


def _scopes(world: World) -> list[Scope]:
    periods = [
        (dt.date(2025, 1, 1), dt.date(2025, 12, 1)),
        (dt.date(2026, 1, 1), dt.date(2026, 6, 1)),
        (dt.date(2025, 3, 1), dt.date(2025, 3, 1)),
    ]
    scopes = []
    for first, last in periods:
        base = Scope(month_from=first, month_to=last)
        scopes += [
            base,
            base.with_place(region=world.regions[0]),
            base.with_place(court=world.courts[0]),
            base.with_place(court=world.courts[2]),
            replace(base, category=CaseCategory.CIVIL),
            replace(base.with_place(region=world.regions[0]), instance=Instance.APPEAL),
        ]
        for judge in world.judges:
            scopes.append(
                replace(
                    base,
                    level=JUDGE_LEVEL,
                    judge=judge,
                    court=judge.court,
                    region=judge.court.region,
                )
            )
    return scopes


def test_incremental_equals_rebuild_after_several_updates() -> None:
    world = build_world()
    analytics_update()
    _grow(world)
    result = analytics_update()
    assert result.marks["case_events"][0] < result.marks["case_events"][1]
    incremental = _facts()
    analytics_rebuild()
    assert _facts() == incremental
    assert incremental, "the world must produce figures"


def test_update_records_its_high_water_mark_and_is_idempotent() -> None:
    build_world()
    analytics_update()
    top = CaseEvent.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert Cursor.objects.get(source="case_events").last_id == top
    before = _facts()
    analytics_update()  # nothing new: nothing changes
    assert _facts() == before


def test_indicators_equal_a_direct_recount() -> None:
    world = build_world()
    analytics_update()
    _grow(world)
    analytics_update()
    checked = 0
    for scope in _scopes(world):
        expected = recount(scope)
        values = {v.indicator.code: v.value for v in indicator_values(scope)}
        for code, value in expected.items():
            assert values[code] == value, (code, scope.level, scope.place_name(), scope.month_from)
            checked += 1
    assert checked > 300


def test_rebuild_figures_equal_a_direct_recount() -> None:
    world = build_world(seed=3)
    analytics_rebuild()
    scope = Scope(
        level=COUNTRY_LEVEL, month_from=dt.date(2025, 1, 1), month_to=dt.date(2026, 12, 1)
    )
    values = {v.indicator.code: v.value for v in indicator_values(scope)}
    for code, value in recount(scope).items():
        assert values[code] == value, code
    assert values["filed"] == len(world.cases)
