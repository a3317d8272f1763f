"""Writes for accounts: creating users with roles."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sot.core.errors import ValidationFailed
from sot.core.iin import is_valid_iin
from sot.courts.models import Court

from .models import User
from .roles import Role


def roles_ensure() -> dict[str, Group]:
    """Create every role's group if missing; returns them by name."""
    return {role.value: Group.objects.get_or_create(name=role.value)[0] for role in Role}


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    middle_name: str = "",
    iin: str | None = None,
    email: str = "",
    roles: Iterable[Role] = (),
    court: Court | None = None,
    preferred_language: str = "kk",
) -> User:
    if iin is not None and not is_valid_iin(iin):
        raise ValidationFailed(fields={"iin": [_("Not a valid IIN.")]})
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        middle_name=middle_name,
        iin=iin,
        email=email,
        court=court,
        preferred_language=preferred_language,
    )
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save()
    groups = roles_ensure()
    user.groups.set([groups[str(role)] for role in roles])
    return user
