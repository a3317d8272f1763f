from __future__ import annotations

import json
import random
import statistics
from datetime import date, timedelta

import pytest

from sot.core.judiciary import CaseCategory
from sot.seeding.timeline import Force, Timeline, first_instance, transition_payload
from sot.seeding.workdays import DAY, WorkCalendar

from .lifecycle_replay import replay

START = date(2025, 1, 1)
CALENDAR = WorkCalendar(START - timedelta(days=30), START + timedelta(days=4 * 365))
CUTOFF = CALENDAR.moment((START + timedelta(days=2 * 365)).toordinal(), 0)


def _filed(rng: random.Random) -> int:
    return CALENDAR.moment(
        START.toordinal() + rng.randrange(365), rng.randrange(9 * 3600, 17 * 3600)
    )


def _check(timeline: Timeline) -> None:
    triples = [(kind, before, after) for kind, _, before, after in timeline.events]
    status, before_suspension = replay(triples)
    assert status == timeline.status
    assert before_suspension == timeline.before_suspension
    moments = [moment for _, moment, _, _ in timeline.events]
    assert moments == sorted(moments)
    assert all(moment < CUTOFF for moment in moments)
    if timeline.higher is not None:
        assert timeline.higher_filed is not None
        assert timeline.higher_filed > moments[0]
        _check(timeline.higher)


@pytest.mark.parametrize("category", CaseCategory.values)
def test_every_timeline_is_a_lifecycle_path(category):
    rng = random.Random(category)
    for _ in range(1500):
        _check(first_instance(rng, CALENDAR, category, _filed(rng), CUTOFF))


def test_events_happen_in_office_hours_on_working_days():
    rng = random.Random(1)
    for _ in range(300):
        timeline = first_instance(rng, CALENDAR, CaseCategory.CIVIL, _filed(rng), CUTOFF)
        for kind, moment, _, _ in timeline.events:
            day = CALENDAR.day_of(moment)
            assert CALENDAR.working_on_or_after(day) == day, kind
            local = moment + 5 * 3600 - (day - 719163) * DAY
            assert 9 * 3600 <= local < 20 * 3600, kind


def _days_to_decision(category: str) -> float:
    rng = random.Random(7)
    spans = []
    for _ in range(1500):
        filed = _filed(rng)
        timeline = first_instance(rng, CALENDAR, category, filed, CUTOFF)
        if timeline.decided is not None:
            spans.append((timeline.decided - filed) / DAY)
    return statistics.median(spans)


def test_durations_by_category():
    civil = _days_to_decision(CaseCategory.CIVIL)
    criminal = _days_to_decision(CaseCategory.CRIMINAL)
    offence = _days_to_decision(CaseCategory.ADMINISTRATIVE_OFFENCE)
    assert 35 <= civil <= 90  # about two months
    assert criminal > civil
    assert offence < 30


def test_forced_appeal_and_cassation():
    rng = random.Random(2)
    filed = CALENDAR.moment(START.toordinal() + 3, 10 * 3600)
    timeline = first_instance(
        rng, CALENDAR, CaseCategory.CIVIL, filed, CUTOFF, Force(appeal=True, cassation=True)
    )
    _check(timeline)
    assert timeline.higher is not None
    assert timeline.higher.higher is not None
    statuses = [after for *_, after in timeline.events]
    assert "appealed" in statuses
    assert statuses[-1] == "archived"


def test_cut_keeps_the_past_only():
    rng = random.Random(3)
    filed = CALENDAR.moment(START.toordinal() + 10, 10 * 3600)
    cutoff = filed + 20 * DAY
    timeline = first_instance(rng, CALENDAR, CaseCategory.CRIMINAL, filed, cutoff)
    _check(timeline)
    assert timeline.status not in {"archived", "in_force"}
    assert timeline.decided is None or timeline.decided < cutoff


def test_payloads_are_the_services_json():
    assert json.loads(transition_payload("filed", "registered")) == {
        "from": "filed",
        "to": "registered",
    }
