"""Case visibility rules (documented in sot.cases.selectors); the API matrix tests every endpoint."""

import pytest

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases import selectors
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.core.errors import NotFound
from sot.core.models import AuditAction, AuditEvent
from sot.courts.tests.factories import CourtFactory, JudgeFactory

pytestmark = pytest.mark.django_db


def test_participant_sees_the_whole_matter_including_closed_instances(court):
    citizen = UserFactory(roles=[Role.CITIZEN])
    first = CaseFactory(court=court, is_closed=True)
    ParticipantFactory(case=first, user=citizen)
    appeal = CaseFactory(court=court.parent, instance="appeal", matter=first.matter, is_closed=True)
    unrelated = CaseFactory(court=court)
    visible = set(selectors.visible_cases(citizen))
    assert visible == {first, appeal}
    assert unrelated not in visible


def test_court_staff_see_open_cases_of_their_court_only(court, clerk):
    own_open = CaseFactory(court=court)
    own_closed = CaseFactory(court=court, is_closed=True)
    other_court = CaseFactory(court=CourtFactory())
    assert set(selectors.visible_cases(clerk)) == {own_open}
    assert own_closed not in selectors.visible_cases(clerk)
    assert other_court not in selectors.visible_cases(clerk)


def test_judge_on_the_bench_sees_the_closed_case(court, judge):
    closed = CaseFactory(court=court, is_closed=True)
    CaseJudgeFactory(case=closed, judge=judge)
    colleague = JudgeFactory(court=court)
    assert closed in selectors.visible_cases(judge.user)
    assert closed not in selectors.visible_cases(colleague.user)


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR])
def test_national_roles_see_open_cases_but_never_closed_ones(role):
    user = UserFactory(roles=[role])
    open_case = CaseFactory()
    closed = CaseFactory(is_closed=True)
    visible = set(selectors.visible_cases(user))
    assert open_case in visible
    assert closed not in visible


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY])
def test_uninvolved_users_see_nothing(role):
    CaseFactory()
    assert not selectors.visible_cases(UserFactory(roles=[role])).exists()


def test_superuser_flag_does_not_open_closed_cases():
    admin = UserFactory(roles=[Role.ADMINISTRATOR], is_superuser=True, is_staff=True)
    closed = CaseFactory(is_closed=True)
    with pytest.raises(NotFound):
        selectors.access_case(admin, closed.pk)


def test_access_gives_the_same_error_for_missing_and_forbidden(court):
    citizen = UserFactory(roles=[Role.CITIZEN])
    hidden = CaseFactory(court=court)
    with pytest.raises(NotFound) as forbidden:
        selectors.access_case(citizen, hidden.pk)
    with pytest.raises(NotFound) as missing:
        selectors.access_case(citizen, hidden.pk + 1000)
    assert forbidden.value.code == missing.value.code
    assert str(forbidden.value) == str(missing.value)


def test_reading_a_closed_case_is_audited(court, judge):
    closed = CaseFactory(court=court, is_closed=True)
    open_case = CaseFactory(court=court)
    CaseJudgeFactory(case=closed, judge=judge)
    selectors.access_case(judge.user, closed.pk)
    selectors.access_case(judge.user, open_case.pk)
    audited = AuditEvent.objects.filter(action=AuditAction.CASE_CLOSED_READ)
    assert list(audited.values_list("object_id", "actor")) == [(str(closed.pk), judge.user.pk)]


def test_my_cases_and_docket(court, judge):
    citizen = UserFactory(roles=[Role.CITIZEN])
    mine = CaseFactory(court=court)
    ParticipantFactory(case=mine, user=citizen)
    on_docket = CaseFactory(court=court, status="scheduled")
    done = [CaseFactory(court=court, status=s) for s in ("decided", "appealed", "enforcement")]
    for case in (on_docket, *done):
        CaseJudgeFactory(case=case, judge=judge)
    assert list(selectors.my_cases(citizen)) == [mine]
    assert list(selectors.judge_docket(judge.user)) == [on_docket]
