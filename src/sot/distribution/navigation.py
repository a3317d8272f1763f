"""Case distribution: entry points in the main navigation (collected by ``sot.web.navigation``)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.accounts.roles import NATIONAL_READ_ROLES, Role
from sot.web.navigation import NavItem

QUEUE = NavItem(
    "distribution:queue",
    _("Distribution queue"),
    _("Cases the automatic distribution could not place, waiting for you."),
)
LOADS = NavItem(
    "distribution:loads",
    _("Judges' load"),
    _("Each judge's weighted open load, with the Gini coefficient and max/mean."),
)


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    if not isinstance(user, User) or not user.is_active:
        return []
    items = []
    is_chair = user.has_role(Role.COURT_CHAIR) and user.workplace_court() is not None
    if is_chair:
        items.append(QUEUE)
    if is_chair or user.has_role(*NATIONAL_READ_ROLES):
        items.append(LOADS)
    return items
