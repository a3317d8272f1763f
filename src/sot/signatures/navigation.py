"""Signatures: an entry point for people who sign (a check of their key before filing)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.web.navigation import NavItem

TRY = NavItem(
    "signatures:try",
    _("Check your signature"),
    _("Sign a sample with your key file and see whether Sot accepts it."),
)


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    if isinstance(user, User) and user.is_active and user.iin:
        return [TRY]
    return []
