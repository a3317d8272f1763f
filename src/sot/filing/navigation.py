"""Court Cabinet: entry points in the main navigation (collected by ``sot.web.navigation``)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.web.navigation import NavItem

CABINET = NavItem(
    "filing:home",
    _("Court Cabinet"),
    _("File claims, petitions and complaints, sign them and follow their check."),
)
QUEUE = NavItem(
    "filing:queue",
    _("Filings to check"),
    _("Electronic filings addressed to your court, waiting for the formal check."),
)

FILER_ROLES = (Role.CITIZEN, Role.LAWYER, Role.PROSECUTOR)
CHECKER_ROLES = (Role.CLERK, Role.COURT_CHAIR)


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    if not isinstance(user, User) or not user.is_active:
        return []
    items = []
    if user.has_role(*FILER_ROLES):
        items.append(CABINET)
    if user.has_role(*CHECKER_ROLES):
        items.append(QUEUE)
    return items
