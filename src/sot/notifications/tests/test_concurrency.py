"""Two workers given the same deliveries at the same moment send each one once (PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from sot.notifications import dispatch
from sot.notifications.models import Channel, Delivery, DeliveryState
from sot.notifications.services import notify

from .factories import ContactPointFactory


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_for_the_same_deliveries_send_each_once(w, smtp, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: concurrent claims use row locks (SQLite serialises writers)")
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["notifications"],
        }
    }
    people = [ContactPointFactory().user for _ in range(30)]
    notify(
        kind="filing.submitted",
        recipients=people,
        context={"filing_number": "1", "filing_kind": "x"},
        key="race",
    )
    ids = list(Delivery.objects.filter(channel=Channel.EMAIL).values_list("pk", flat=True))
    assert len(ids) == 30
    barrier = threading.Barrier(2)

    def work() -> None:
        barrier.wait()
        try:
            dispatch.deliver_many(ids)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    keys = [m["X-Sot-Delivery"] for m in smtp.messages]
    assert len(keys) == 30
    assert len(set(keys)) == 30
    assert Delivery.objects.filter(channel=Channel.EMAIL, state=DeliveryState.SENT).count() == 30
