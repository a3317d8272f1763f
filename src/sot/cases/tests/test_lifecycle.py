"""Case lifecycle: every action moves a case only from the statuses the lifecycle allows."""

import pytest

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases import services
from sot.cases.lifecycle import TRANSITIONS, CaseAction, allowed_actions
from sot.cases.models import Case, CaseEvent, CaseStatus
from sot.cases.rules import BENCH_ACTIONS
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory
from sot.core.errors import Forbidden, InvalidTransition
from sot.courts.tests.factories import CourtFactory

pytestmark = pytest.mark.django_db

HAPPY_PATH = [
    (CaseAction.REGISTER, CaseStatus.REGISTERED),
    (CaseAction.ACCEPT, CaseStatus.ACCEPTED),
    (CaseAction.SCHEDULE, CaseStatus.SCHEDULED),
    (CaseAction.MARK_HEARD, CaseStatus.HEARD),
    (CaseAction.DECIDE, CaseStatus.DECIDED),
    (CaseAction.ENTER_INTO_FORCE, CaseStatus.IN_FORCE),
    (CaseAction.SEND_TO_ENFORCEMENT, CaseStatus.ENFORCEMENT),
    (CaseAction.ARCHIVE, CaseStatus.ARCHIVED),
]


def _actor_for(action, clerk, judge):
    return judge.user if action in BENCH_ACTIONS else clerk


def test_full_lifecycle_writes_one_event_per_transition(case_on_bench, clerk, judge):
    case = case_on_bench
    for action, expected in HAPPY_PATH:
        case = services.case_transition(
            case=case, action=action, acting_user=_actor_for(action, clerk, judge)
        )
        assert case.status == expected
    kinds = list(case.events.order_by("at", "pk").values_list("kind", flat=True))
    assert kinds == [TRANSITIONS[a].event for a, _ in HAPPY_PATH]
    assert case.number is not None
    assert case.registered_at is not None
    assert case.decided_at is not None


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (CaseStatus.FILED, CaseAction.ACCEPT),
        (CaseStatus.FILED, CaseAction.DECIDE),
        (CaseStatus.REGISTERED, CaseAction.DECIDE),
        (CaseStatus.ARCHIVED, CaseAction.SCHEDULE),
        (CaseStatus.DECIDED, CaseAction.SUSPEND),
        (CaseStatus.RETURNED, CaseAction.ACCEPT),
        (CaseStatus.SUSPENDED, CaseAction.SCHEDULE),
    ],
)
def test_invalid_moves_are_refused_and_change_nothing(status, action, court, judge, clerk):
    case = CaseFactory(court=court, status=status)
    CaseJudgeFactory(case=case, judge=judge)
    events_before = CaseEvent.objects.count()
    with pytest.raises(InvalidTransition):
        services.case_transition(
            case=case, action=action, acting_user=_actor_for(action, clerk, judge)
        )
    case.refresh_from_db()
    assert case.status == status
    assert CaseEvent.objects.count() == events_before


def test_unknown_action_is_an_invalid_transition(case_on_bench, clerk):
    with pytest.raises(InvalidTransition):
        services.case_transition(case=case_on_bench, action="teleport", acting_user=clerk)


@pytest.mark.parametrize("status", [CaseStatus.ACCEPTED, CaseStatus.SCHEDULED, CaseStatus.HEARD])
def test_resume_returns_to_the_status_held_before_suspension(status, court, judge):
    case: Case = CaseFactory(court=court, status=status)
    CaseJudgeFactory(case=case, judge=judge)
    case = services.case_transition(case=case, action=CaseAction.SUSPEND, acting_user=judge.user)
    assert case.status == CaseStatus.SUSPENDED
    case = services.case_transition(case=case, action=CaseAction.RESUME, acting_user=judge.user)
    assert case.status == status
    assert case.status_before_suspension == ""


def test_allowed_actions_follow_the_table():
    assert allowed_actions(CaseStatus.REGISTERED) == [
        CaseAction.ACCEPT,
        CaseAction.RETURN,
        CaseAction.LEAVE_WITHOUT_MOTION,
    ]
    assert allowed_actions(CaseStatus.ARCHIVED) == []


def test_bench_actions_need_a_judge_on_the_case(case_on_bench, clerk, judge):
    case = services.case_transition(
        case=case_on_bench, action=CaseAction.REGISTER, acting_user=clerk
    )
    with pytest.raises(Forbidden):
        services.case_transition(case=case, action=CaseAction.ACCEPT, acting_user=clerk)
    case.refresh_from_db()
    assert case.status == CaseStatus.REGISTERED


def test_staff_of_another_court_cannot_act(case_on_bench):
    stranger = UserFactory(roles=[Role.CLERK], court=CourtFactory())
    with pytest.raises(Forbidden):
        services.case_transition(
            case=case_on_bench, action=CaseAction.REGISTER, acting_user=stranger
        )
