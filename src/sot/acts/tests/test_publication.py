"""Publication rules: when acts reach the public bank, and which never do."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from sot.cases.models import CaseEvent, CaseEventKind
from sot.core import clock
from sot.core.judiciary import CaseCategory

from .. import publication, services, signals
from ..models import Act, PublicationState
from .conftest import World


def _signed(world: World, rule: str = "court_order", **case_changes: Any) -> Act:
    for name, value in case_changes.items():
        setattr(world.case, name, value)
    world.case.save()
    act = services.assistant_draft(
        case=world.case, rule=rule, lang="ru", acting_user=world.judge.user
    )
    signature, certificate = world.sign(act)
    return services.act_sign(
        act=act, signature=signature, certificate_pem=certificate, acting_user=world.judge.user
    )


def test_court_order_waits_until_it_enters_into_force_then_is_published_depersonalized(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    act = _signed(world)
    assert publication.act_publication_apply(act_id=act.pk) == "waiting"
    later = clock.today() + timedelta(days=30)
    received: list[int] = []

    def listener(sender: Any, act_id: int, **kwargs: Any) -> None:
        received.append(act_id)

    signals.act_published.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            counts = publication.publish_due(today=later)
    finally:
        signals.act_published.disconnect(listener)
    assert counts["published"] == 1
    assert received == [act.pk]
    act.refresh_from_db()
    assert act.publication_state == PublicationState.PUBLISHED
    assert act.published_at is not None
    assert "Сейітова" not in act.published_text
    assert "Жұмабеков" not in act.published_text
    assert "Сейітова" in act.text  # the original stays beside it
    assert CaseEvent.objects.filter(case=world.case, kind=CaseEventKind.ACT_PUBLISHED).count() == 1
    assert publication.publish_due(today=later)["published"] == 0  # idempotent


def test_closed_session_acts_are_never_published_cpc_art_19(world: World) -> None:
    """CPC RK art. 19 / CrPC RK art. 29: acts of closed sessions are not published (to be reviewed)."""
    act = _signed(world, is_closed=True)
    assert (
        publication.act_publication_apply(act_id=act.pk, today=clock.today() + timedelta(days=90))
        == "never"
    )
    act.refresh_from_db()
    assert act.published_text == ""
    assert act.published_at is None


def test_acts_concerning_minors_are_never_published(world: World) -> None:
    act = _signed(world)
    Act.objects.filter(pk=act.pk).update(involves_minor=True)
    assert (
        publication.act_publication_apply(act_id=act.pk, today=clock.today() + timedelta(days=90))
        == "never"
    )


@pytest.mark.parametrize("article", ["120", "121-1", "122"])
def test_sexual_offences_are_never_published_cc_arts_120_124(world: World, article: str) -> None:
    """CC RK arts. 120-124 (sexual offences): closed to publication (CrPC RK art. 29; to be reviewed)."""
    act = _signed(world)
    Act.objects.filter(pk=act.pk).update(category=CaseCategory.CRIMINAL)
    world.case.article = article
    world.case.save()
    decision = publication.publication_decision(Act.objects.get(pk=act.pk))
    assert decision.moment == "never"


def test_withdrawal_takes_the_act_out_and_tells_search(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    act = _signed(world)
    publication.publish_due(today=clock.today() + timedelta(days=30))
    act.refresh_from_db()
    received: list[int] = []

    def listener(sender: Any, act_id: int, **kwargs: Any) -> None:
        received.append(act_id)

    signals.act_withdrawn.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            publication.act_withdraw(act=act, acting_user=world.judge.user, reason="missed a name")
    finally:
        signals.act_withdrawn.disconnect(listener)
    act.refresh_from_db()
    assert act.publication_state == PublicationState.WITHDRAWN
    assert act.published_at is None
    assert received == [act.pk]


def test_the_publish_command_fires_the_rules_and_refuses_a_bad_date(world: World) -> None:
    import io
    import json

    from django.core.management import CommandError, call_command

    act = _signed(world)
    out = io.StringIO()
    later = (clock.today() + timedelta(days=30)).isoformat()
    call_command("acts_publish", "--today", later, stdout=out)
    assert json.loads(out.getvalue())["published"] == 1
    assert Act.objects.get(pk=act.pk).published_at is not None
    with pytest.raises(CommandError):
        call_command("acts_publish", "--today", "tomorrow")
