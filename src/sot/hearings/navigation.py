"""Hearings: entry points in the main navigation (collected by ``sot.web.navigation``)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.web.navigation import NavItem

CALENDAR = NavItem(
    "hearings:calendar",
    _("Hearings calendar"),
    _("Your hearings by week or day, with courtrooms, video links and calendar files."),
)

# Who works with hearings: the bench, the court office, and the people summoned to them.
CALENDAR_ROLES = (
    Role.JUDGE,
    Role.CLERK,
    Role.COURT_CHAIR,
    Role.CITIZEN,
    Role.LAWYER,
    Role.PROSECUTOR,
)


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    if isinstance(user, User) and user.is_active and user.has_role(*CALENDAR_ROLES):
        return [CALENDAR]
    return []
