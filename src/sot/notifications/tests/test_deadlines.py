"""Procedural deadline clocks within the lead time become notices to the presiding judge."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sot.deadlines.models import CaseClock, DeadlineRule
from sot.notifications import monitor
from sot.notifications.models import Notice

pytestmark = pytest.mark.django_db


def _clock(w, due: date) -> CaseClock:
    rule = DeadlineRule.objects.filter(category=w.case.category).order_by("pk").first()
    assert rule is not None, "the deadlines migrations seed starter rules"
    return CaseClock.objects.create(
        case=w.case,
        rule=rule,
        court=w.case.court,
        state="running",
        started_on=due - timedelta(days=30),
        due=due,
    )


def test_a_deadline_within_three_days_is_announced_once(w, frozen_now):
    today = frozen_now.date()
    case_clock = _clock(w, today + timedelta(days=2))

    assert monitor.deadline_notices_create() == 1
    assert monitor.deadline_notices_create() == 0

    notice = Notice.objects.get(kind="deadline.approaching")
    assert notice.recipient == w.judge.user
    assert notice.case == w.case
    assert case_clock.rule.article in notice.body
    assert (today + timedelta(days=2)).strftime("%d.%m.%Y") in notice.body


def test_a_distant_deadline_is_not_announced_yet(w, frozen_now):
    _clock(w, frozen_now.date() + timedelta(days=20))
    assert monitor.deadline_notices_create() == 0
