"""The demo seed gives the demo accounts contact points and notices in several states."""

from __future__ import annotations

import pytest

from sot.accounts.tests.factories import UserFactory
from sot.notifications.demo import demo_seed
from sot.notifications.models import ContactPoint, Delivery, DeliveryState, Notice

pytestmark = pytest.mark.django_db


def test_demo_seed_is_quick_and_runs_once():
    UserFactory(username="demo.citizen")
    UserFactory(username="demo.judge")

    assert demo_seed() == 3
    assert demo_seed() == 0

    assert ContactPoint.objects.filter(user__username="demo.citizen").count() == 3
    states = set(Delivery.objects.values_list("state", flat=True))
    assert {DeliveryState.DELIVERED, DeliveryState.READ, DeliveryState.FAILED} <= states
    assert Notice.objects.filter(read_at__isnull=False).count() == 1
