from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth.models import Group

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.core.iin import complete_iin


def valid_iin(n: int) -> str:
    """A valid IIN for a person born in the 1980s, distinct for each ``n``."""
    k = n
    while True:
        candidate = complete_iin(f"8{(k // 100000) % 10}0101{3 + k % 2}{k % 10000:04d}")
        if candidate is not None:
            return candidate
        k += 100_000  # changes the third digit: a different prefix each time


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Айгүл"
    last_name = factory.Sequence(lambda n: f"Сапарова{n}")
    password = factory.django.Password("pass-Word-123")

    @factory.post_generation
    def roles(self: Any, create: bool, extracted: list[Role] | None, **kwargs: object) -> None:
        if not create or not extracted:
            return
        for role in extracted:
            self.groups.add(Group.objects.get_or_create(name=str(role))[0])
