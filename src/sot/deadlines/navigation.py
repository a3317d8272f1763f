"""Procedural deadlines: entry points in the main navigation (collected by ``sot.web.navigation``)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.web.navigation import NavItem

from .selectors import may_monitor

OVERDUE = NavItem(
    "deadlines:overdue",
    _("Overdue deadlines"),
    _("Procedural deadlines that ran out and are still running, the most overdue first."),
)
VIOLATIONS = NavItem(
    "deadlines:violations",
    _("Violations"),
    _("Breached deadlines and court acts entered late, as the monitoring recorded them."),
)


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    items = []
    if may_monitor(user):
        items.append(OVERDUE)
    if may_monitor(user, violations=True):
        items.append(VIOLATIONS)
    return items
