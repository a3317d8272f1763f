"""At most once per channel: a delivery a dead worker left "sending" is never sent again on that
channel; the sweeper marks it interrupted and starts the fallback (ADR 0009)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sot.core import clock
from sot.notifications import dispatch
from sot.notifications.models import Channel, ContactKind, Delivery, DeliveryState
from sot.notifications.services import notify

from .conftest import accepted_context
from .factories import ContactPointFactory, phone

pytestmark = pytest.mark.django_db


def test_a_stale_claim_is_interrupted_and_falls_back_without_resending(
    w, smtp, settings, django_capture_on_commit_callbacks
):
    ContactPointFactory(user=w.lawyer)
    ContactPointFactory(user=w.lawyer, kind=ContactKind.PHONE, value=phone(3))
    # The worker dies after claiming: the task never ran past the claim.
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["notifications"],
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        notice = notify(
            kind="filing.accepted",
            recipients=[w.lawyer],
            case=w.case,
            context=accepted_context(w.case),
            key="k",
        )[0]
    email = notice.deliveries.get(channel=Channel.EMAIL)
    assert dispatch._claim([email]) == [email]

    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["notifications"],
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert dispatch.recover()["interrupted"] == 0  # still within the lease
    with (
        clock.frozen(clock.now() + timedelta(minutes=10)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        result = dispatch.recover()
    assert result["interrupted"] == 1
    email.refresh_from_db()
    assert email.state == DeliveryState.INTERRUPTED
    assert dispatch.deliver_many([email.pk]) == 0
    assert smtp.messages == []
    assert notice.deliveries.get(channel=Channel.SMS).state == DeliveryState.DELIVERED


def test_lost_tasks_are_enqueued_again(w, smtp, settings, django_capture_on_commit_callbacks):
    ContactPointFactory(user=w.lawyer)
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["notifications"],
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            kind="filing.accepted",
            recipients=[w.lawyer],
            case=w.case,
            context=accepted_context(w.case),
            key="k",
        )
    assert smtp.messages == []
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["notifications"],
        }
    }
    assert dispatch.recover()["requeued"] == 1
    assert len(smtp.messages) == 1
    assert Delivery.objects.get(channel=Channel.EMAIL).state == DeliveryState.SENT
