"""Court acts: the public "check a court act" page in the main navigation (for everyone)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.web.navigation import NavItem

CHECK = NavItem(
    "acts:check",
    _("Check a court act"),
    _("Enter the code printed on a court act to see that the court issued it."),
)


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    return [CHECK]
