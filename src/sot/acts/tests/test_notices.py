"""Signing tells the parties: an act.issued notice for each participant with an account."""

from __future__ import annotations

from typing import Any

from sot.cases.models import CaseEvent, CaseEventKind

from .. import services
from .conftest import World


def test_signing_notifies_the_parties_with_an_act_issued_notice(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    from sot.notifications.models import Notice

    act = services.assistant_draft(
        case=world.case, rule="court_order", lang="ru", acting_user=world.judge.user
    )
    signature, certificate = world.sign(act)
    with django_capture_on_commit_callbacks(execute=False):
        services.act_sign(
            act=act, signature=signature, certificate_pem=certificate, acting_user=world.judge.user
        )
    notices = Notice.objects.filter(kind="act.issued")
    assert {notice.recipient_id for notice in notices} == {world.plaintiff.pk, world.defendant.pk}
    event = CaseEvent.objects.get(case=world.case, kind=CaseEventKind.ACT_SIGNED)
    assert event.payload["act_number"] == act.number
