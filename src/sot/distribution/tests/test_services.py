"""Reassignment, the chair's queue, logged settings, and all-or-nothing writes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases import services as case_services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import BenchRole, CaseJudge, CaseStatus
from sot.core.errors import Forbidden, InvalidTransition, ValidationFailed
from sot.core.judiciary import CaseCategory
from sot.distribution import services
from sot.distribution.models import (
    CategoryRule,
    ChairQueueEntry,
    ConfigChange,
    Draw,
    DrawKind,
    ReassignmentReason,
    Recusal,
)
from sot.ledger.models import Leaf
from sot.ledger.selectors import published_size


def presiding(case):
    return CaseJudge.objects.filter(case=case, role=BenchRole.PRESIDING).first()


@pytest.fixture
def two_suffice(country):
    """The home court has three judges: a reassignment leaves two, enough under this rule."""
    CategoryRule.objects.filter(category=CaseCategory.CRIMINAL, instance="first").update(min_pool=2)


def test_presiding_judge_may_withdraw(country, two_suffice):
    case = country.register(category=CaseCategory.CRIMINAL)
    seat = presiding(case)
    services.reassign(
        case=case,
        reason=ReassignmentReason.RECUSAL,
        note="Knows the accused",
        acting_user=seat.judge.user,
    )
    assert presiding(case).judge_id != seat.judge_id
    assert Recusal.objects.filter(case=case, judge=seat.judge).exists()


def test_another_judge_may_not_reassign(country):
    case = country.register(category=CaseCategory.CRIMINAL)
    outsider = next(j for j in country.judges["home"] if j.pk != presiding(case).judge_id)
    with pytest.raises(Forbidden):
        services.reassign(
            case=case, reason=ReassignmentReason.RECUSAL, note="x", acting_user=outsider.user
        )


def test_a_recusal_needs_its_ground_and_changes_nothing_without_it(country):
    case = country.register(category=CaseCategory.CRIMINAL)
    seat = presiding(case)
    size = published_size()
    with pytest.raises(ValidationFailed):
        services.reassign(
            case=case, reason=ReassignmentReason.RECUSAL, note="  ", acting_user=country.chair
        )
    assert presiding(case).judge_id == seat.judge_id
    assert published_size() == size
    assert not Recusal.objects.exists()


def test_reassignment_for_long_absence_draws_from_the_others(country, two_suffice):
    case = country.register(category=CaseCategory.CRIMINAL)
    old = presiding(case).judge_id
    draw = services.reassign(
        case=case, reason=ReassignmentReason.LONG_ABSENCE, acting_user=country.chair
    )
    assert draw.kind == DrawKind.REASSIGNMENT
    assert draw.judge_id != old


def test_chair_assigns_a_queued_case_to_an_eligible_judge(country):
    CategoryRule.objects.filter(category=CaseCategory.CRIMINAL, instance="first").update(min_pool=5)
    case = country.register(category=CaseCategory.CRIMINAL)
    judge = country.judges["home"][1]
    outsider = country.judges["c1"][0]

    with pytest.raises(ValidationFailed):
        services.chair_assign(case=case, judge=outsider, note="nearby", acting_user=country.chair)
    with pytest.raises(Forbidden):
        services.chair_assign(case=case, judge=judge, note="x", acting_user=country.clerk)

    draw = services.chair_assign(
        case=case, judge=judge, note="Only judge free this month", acting_user=country.chair
    )
    assert draw.kind == DrawKind.CHAIR
    assert presiding(case).judge_id == judge.pk
    assert ChairQueueEntry.objects.get(case=case).resolved_at is not None
    assert Leaf.objects.get(index=draw.leaf_index).kind == "distribution.draw"
    with pytest.raises(InvalidTransition):
        services.chair_assign(case=case, judge=judge, note="again", acting_user=country.chair)


def test_settings_changes_are_recorded_and_logged(country):
    rule = CategoryRule.objects.get(category=CaseCategory.CIVIL, instance="first")
    rule.min_pool = 5
    change = services.setting_save(obj=rule, acting_user=country.chair)

    assert change.before is not None
    assert change.after is not None
    assert change.before["min_pool"] == "3"
    assert change.after["min_pool"] == "5"
    leaf = Leaf.objects.get(index=change.leaf_index)
    assert leaf.kind == "distribution.config"
    assert b'"min_pool":"5"' in bytes(leaf.data)
    assert ConfigChange.objects.count() == 1


def test_a_bad_setting_is_refused_and_not_logged(country):
    rule = CategoryRule.objects.get(category=CaseCategory.CIVIL, instance="first")
    rule.min_pool = 0
    size = published_size()
    with pytest.raises(ValidationError):
        services.setting_save(obj=rule, acting_user=country.chair)
    assert published_size() == size
    assert not ConfigChange.objects.exists()


def test_a_crash_mid_assignment_leaves_nothing(country, monkeypatch):
    """The registration, its number, the log entries, the seat and the draw record: all or none."""
    case = case_services.case_file(
        court=country.home,
        category=CaseCategory.CIVIL,
        subject="x",
        acting_user=country.clerk,
        participants=country.parties(),
    )
    size = published_size()

    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(services, "_record", crash)
    with pytest.raises(RuntimeError):
        case_services.case_transition(
            case=case, action=CaseAction.REGISTER, acting_user=country.clerk
        )
    case.refresh_from_db()
    assert case.status == CaseStatus.FILED
    assert case.number is None
    assert published_size() == size
    assert Leaf.objects.count() == size
    assert not Draw.objects.exists()
    assert not CaseJudge.objects.exists()


def test_only_a_registered_pending_case_is_distributed(country):
    case = case_services.case_file(
        court=country.home,
        category=CaseCategory.CIVIL,
        subject="x",
        acting_user=country.clerk,
        participants=country.parties(),
    )
    with pytest.raises(InvalidTransition):
        services.distribute(cases=[case])


def test_admin_saves_go_through_the_logged_service(country, client):
    admin = UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True, is_superuser=True)
    client.force_login(admin)
    rule = CategoryRule.objects.get(category=CaseCategory.CRIMINAL, instance="first")
    response = client.post(
        f"/admin/distribution/categoryrule/{rule.pk}/change/",
        {
            "category": rule.category,
            "instance": rule.instance,
            "mode": "court",
            "weight": "2.00",
            "min_pool": 3,
        },
    )
    assert response.status_code == 302
    change = ConfigChange.objects.get()
    assert change.actor == admin
    assert change.after is not None
    assert change.after["weight"] == "2.00"


def test_every_change_to_a_judges_absences_is_logged(country):
    """Shrinking a pool by declaring judges absent leaves a trace, like editing the settings."""
    import datetime

    from sot.courts.models import JudgeStatus, JudgeStatusPeriod

    judge = country.judges["home"][0]
    period = JudgeStatusPeriod.objects.create(
        judge=judge, status=JudgeStatus.ON_LEAVE, starts_on=datetime.date(2026, 3, 1)
    )
    period.ends_on = datetime.date(2026, 3, 20)
    period.save()
    period.delete()

    changes = list(
        ConfigChange.objects.filter(model="courts.JudgeStatusPeriod").order_by("at", "pk")
    )
    assert [(c.before is None, c.after is None) for c in changes] == [
        (True, False),
        (False, False),
        (False, True),
    ]
    assert changes[1].before is not None
    assert changes[1].after is not None
    assert changes[1].before["ends_on"] is None
    assert changes[1].after["ends_on"] == "2026-03-20"
    assert all(Leaf.objects.get(index=c.leaf_index).kind == "distribution.config" for c in changes)


def test_a_case_placed_by_the_chair_can_be_queued_again_after_a_reassignment(country):
    """The queue keeps one row per case: a second trip reopens it instead of failing."""
    CategoryRule.objects.filter(category=CaseCategory.CRIMINAL, instance="first").update(min_pool=3)
    case = country.register(category=CaseCategory.CRIMINAL)
    CategoryRule.objects.filter(category=CaseCategory.CRIMINAL, instance="first").update(min_pool=9)
    draw = services.reassign(
        case=case, reason=ReassignmentReason.LONG_ABSENCE, acting_user=country.chair
    )
    assert draw.outcome == "chair_queue"
    services.chair_assign(
        case=case, judge=country.judges["home"][1], note="free", acting_user=country.chair
    )
    services.reassign(case=case, reason=ReassignmentReason.LONG_ABSENCE, acting_user=country.chair)

    entry = ChairQueueEntry.objects.get(case=case)
    assert entry.resolved_at is None
    assert presiding(case) is None
