"""Situational Center: its entry point in the main navigation, for chairs and analysts."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.web.navigation import NavItem

from .selectors import may_view_analytics

DASHBOARD = NavItem(
    "analytics:dashboard",
    _("Situational Center"),
    _("Indicators of the courts: your court against the region and the country."),
)


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    if isinstance(user, User) and user.is_active and may_view_analytics(user):
        return [DASHBOARD]
    return []
