"""Suspension and resumption of proceedings (ГПК РК, ст. 272–276): grounds, periods, durations."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sot.cases.lifecycle import CaseAction
from sot.cases.models import CaseEvent, CaseEventKind, CaseStatus
from sot.cases.services import case_transition
from sot.core import clock
from sot.core.errors import Forbidden, InvalidTransition, ValidationFailed
from sot.hearings.models import HearingStatus, Suspension, SuspensionGround
from sot.hearings.suspensions import case_resume, case_suspend

from .conftest import NOW, at

pytestmark = pytest.mark.django_db


def ground(code: str) -> SuspensionGround:
    return SuspensionGround.objects.get(code=code)


def test_suspension_records_the_ground_and_pauses_through_the_case_event(w):
    suspension = case_suspend(
        case=w.case, ground=ground("expert_examination"), acting_user=w.judge.user, note="№ 5"
    )

    w.case.refresh_from_db()
    assert w.case.status == CaseStatus.SUSPENDED
    assert suspension.is_open
    assert suspension.suspended_at == NOW
    event = CaseEvent.objects.get(case=w.case, kind=CaseEventKind.SUSPENDED)
    assert "ГПК РК, ст. 273" in event.payload["note"]
    assert "№ 5" in event.payload["note"]


def test_resumption_closes_the_period_with_its_duration(w):
    case_suspend(case=w.case, ground=ground("defendant_search"), acting_user=w.judge.user)
    with clock.frozen(NOW + timedelta(days=41, hours=3)):
        suspension = case_resume(case=w.case, acting_user=w.judge.user, note="Жауапкер табылды")

    assert suspension.resumed_at == NOW + timedelta(days=41, hours=3)
    assert suspension.duration == timedelta(days=41, hours=3)
    assert suspension.resume_note == "Жауапкер табылды"
    w.case.refresh_from_db()
    assert w.case.status == CaseStatus.ACCEPTED  # back where it was
    assert CaseEvent.objects.filter(case=w.case, kind=CaseEventKind.RESUMED).count() == 1


def test_two_periods_are_two_rows(w):
    for days in (0, 10):
        with clock.frozen(NOW + timedelta(days=days)):
            case_suspend(case=w.case, ground=ground("medical_treatment"), acting_user=w.judge.user)
        with clock.frozen(NOW + timedelta(days=days + 3)):
            case_resume(case=w.case, acting_user=w.judge.user)
    durations = list(Suspension.objects.order_by("pk").values_list("duration", flat=True))
    assert durations == [timedelta(days=3), timedelta(days=3)]


def test_a_suspension_without_a_ground_is_refused(w):
    with pytest.raises(ValidationFailed) as refused:
        case_suspend(case=w.case, ground=None, acting_user=w.judge.user)
    assert "ground" in refused.value.fields
    w.case.refresh_from_db()
    assert w.case.status == CaseStatus.ACCEPTED
    assert not Suspension.objects.exists()


def test_only_the_bench_suspends(w):
    with pytest.raises(Forbidden):
        case_suspend(case=w.case, ground=ground("party_death"), acting_user=w.clerk)
    assert not Suspension.objects.exists()


def test_suspending_twice_is_refused(w):
    case_suspend(case=w.case, ground=ground("party_death"), acting_user=w.judge.user)
    with pytest.raises(InvalidTransition):
        case_suspend(case=w.case, ground=ground("party_death"), acting_user=w.judge.user)
    assert Suspension.objects.count() == 1


def test_resuming_a_case_not_suspended_is_refused(w):
    with pytest.raises(InvalidTransition):
        case_resume(case=w.case, acting_user=w.judge.user)


def test_booked_hearings_are_cancelled_and_cannot_open(w, schedule):
    hearing = schedule()
    case_suspend(case=w.case, ground=ground("related_case"), acting_user=w.judge.user)

    hearing.refresh_from_db()
    assert hearing.status == HearingStatus.CANCELLED
    assert hearing.events.filter(kind="cancelled").exists()
    # The slot is free again for another case.
    schedule(case=w.other_case)


def test_a_suspension_made_from_the_case_page_still_gets_its_duration(w):
    case_transition(case=w.case, action=CaseAction.SUSPEND, acting_user=w.judge.user)
    with clock.frozen(at(20, 9)):
        suspension = case_resume(case=w.case, acting_user=w.judge.user)
    assert suspension.ground is None
    assert suspension.duration == timedelta(days=10)


def test_the_starter_grounds_cite_articles_272_and_273(db):
    bases = set(SuspensionGround.objects.values_list("legal_basis", flat=True))
    assert bases == {"ГПК РК, ст. 272", "ГПК РК, ст. 273"}
    assert ground("party_death").is_mandatory
    assert not ground("expert_examination").is_mandatory
