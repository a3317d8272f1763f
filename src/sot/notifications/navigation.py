"""Notifications: the Court Cabinet's notices page in the main navigation (everyone signed in)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.web.navigation import NavItem

NOTICES = NavItem(
    "notifications:inbox",
    _("My notices"),
    _("Every court notice sent to you, how it was delivered, and your contact details."),
)


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    if isinstance(user, User) and user.is_active:
        return [NOTICES]
    return []
