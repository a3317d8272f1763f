"""Factories for notifications tests (and other apps' tests that need a reachable person)."""

from __future__ import annotations

import factory

from sot.accounts.tests.factories import UserFactory
from sot.core import clock

from ..models import ContactKind, ContactPoint


class ContactPointFactory(factory.django.DjangoModelFactory):
    """A verified, opted-in e-mail address unless told otherwise."""

    class Meta:
        model = ContactPoint

    user = factory.SubFactory(UserFactory)
    kind = ContactKind.EMAIL
    value = factory.Sequence(lambda n: f"person{n}@example.kz")
    is_opted_in = True
    verified_at = factory.LazyFunction(clock.now)


def phone(n: int) -> str:
    return f"+7701{n:07d}"
