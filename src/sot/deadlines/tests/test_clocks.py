"""Clocks on cases follow the case's events: started, paused by suspension, resumed, stopped."""

from __future__ import annotations

from datetime import date

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases import services as cases
from sot.cases.lifecycle import CaseAction
from sot.cases.models import Case, CaseStatus
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory
from sot.core import clock
from sot.core.judiciary import Instance
from sot.deadlines.models import CaseClock, ClockState
from sot.deadlines.recompute import clocks_recompute

from .conftest import World, at


def act(world: World, action: str, day: str) -> Case:
    user = world.judge.user if action in ("suspend", "resume", "decide") else world.clerk
    with clock.frozen(at(day)):
        return cases.case_transition(case=world.case, action=action, acting_user=user)


def consideration(world: World) -> CaseClock:
    return CaseClock.objects.select_related("rule").get(
        case=world.case, rule__code="cpc-consideration"
    )


def test_setting_the_case_for_trial_starts_the_two_month_clock(world: World) -> None:
    """CPC art. 183(2): two months from the end of preparation; 2 May 2026 is a Saturday and
    1 May a holiday, so the period ends on Monday 4 May."""
    act(world, CaseAction.SCHEDULE, "2026-03-02")

    running = consideration(world)
    assert (running.state, running.started_on, running.due) == (
        ClockState.RUNNING,
        date(2026, 3, 2),
        date(2026, 5, 4),
    )


def test_suspension_pauses_the_clock_and_resumption_moves_the_due_date(world: World) -> None:
    """Suspended 10 March, resumed 31 March: 21 days; 2 May + 21 = Saturday 23 May → Monday 25."""
    act(world, CaseAction.SCHEDULE, "2026-03-02")
    act(world, CaseAction.SUSPEND, "2026-03-10")
    paused = consideration(world)
    act(world, CaseAction.RESUME, "2026-03-31")
    resumed = consideration(world)

    assert (paused.state, paused.paused_since) == (ClockState.PAUSED, date(2026, 3, 10))
    assert (resumed.state, resumed.paused_days, resumed.due) == (
        ClockState.RUNNING,
        21,
        date(2026, 5, 25),
    )


def test_the_decision_stops_the_clock_and_starts_the_act_clock(world: World) -> None:
    act(world, CaseAction.SCHEDULE, "2026-03-02")
    act(world, CaseAction.MARK_HEARD, "2026-04-01")
    act(world, CaseAction.DECIDE, "2026-04-02")

    stopped = consideration(world)
    act_clock = CaseClock.objects.get(case=world.case, rule__code="cpc-reasoned-decision")
    assert (stopped.state, stopped.stopped_on) == (ClockState.STOPPED, date(2026, 4, 2))
    # Five working days from Thursday 2 April 2026: 3, 6, 7, 8, 9 April.
    assert (act_clock.state, act_clock.due) == (ClockState.RUNNING, date(2026, 4, 9))


def test_the_appeal_courts_registration_stops_the_sending_clock(world: World) -> None:
    """The first-instance court sends the case (CPC art. 405); the appeal court's two months
    (CPC art. 411) start when it registers the case: 9 April + 2 months = 9 June 2026."""
    case = CaseFactory(court=world.court, status=CaseStatus.DECIDED, clerk=world.clerk)
    CaseJudgeFactory(case=case, judge=world.judge)
    appeal_clerk = UserFactory(roles=[Role.CLERK], court=world.court.parent)
    with clock.frozen(at("2026-04-06")):
        higher = cases.case_appeal(case=case, acting_user=world.clerk)
    sending = CaseClock.objects.get(case=case, rule__code="cpc-send-appeal")
    with clock.frozen(at("2026-04-09")):
        cases.case_transition(case=higher, action=CaseAction.REGISTER, acting_user=appeal_clerk)
    sent = CaseClock.objects.get(case=case, rule__code="cpc-send-appeal")
    appeal_clock = CaseClock.objects.get(case=higher, rule__code="cpc-appeal-consideration")

    assert (sending.state, sending.due) == (ClockState.RUNNING, date(2026, 4, 20))
    assert (sent.state, sent.stopped_on) == (ClockState.STOPPED, date(2026, 4, 9))
    assert (appeal_clock.state, appeal_clock.due) == (ClockState.RUNNING, date(2026, 6, 9))
    assert higher.instance == Instance.APPEAL


def test_recompute_rebuilds_the_same_clocks_from_the_events(world: World) -> None:
    act(world, CaseAction.SCHEDULE, "2026-03-02")
    act(world, CaseAction.SUSPEND, "2026-03-10")
    act(world, CaseAction.RESUME, "2026-03-31")
    before = list(CaseClock.objects.values_list("rule_id", "state", "due", "paused_days"))
    CaseClock.objects.all().delete()

    result = clocks_recompute()

    after = list(CaseClock.objects.values_list("rule_id", "state", "due", "paused_days"))
    assert after == before
    assert (result.cases, result.clocks, result.running) == (1, 1, 1)


def test_a_period_beyond_the_calendar_leaves_the_due_date_unknown(world: World) -> None:
    """The case's work is never blocked by a calendar not yet extended: the due date stays
    unknown until an administrator seeds the year and the clocks are recomputed."""
    act(world, CaseAction.SCHEDULE, "2027-12-01")

    assert consideration(world).due is None


def test_cases_of_categories_without_rules_get_no_clocks(world: World) -> None:
    """No starter rule covers administrative offences (Code of Administrative Offences)."""
    case = CaseFactory(
        court=world.court, category="administrative_offence", status=CaseStatus.ACCEPTED
    )
    CaseJudgeFactory(case=case, judge=world.judge)
    with clock.frozen(at("2026-03-02")):
        cases.case_transition(case=case, action=CaseAction.SCHEDULE, acting_user=world.clerk)

    assert not CaseClock.objects.filter(case=case).exists()
