"""Procedural deadlines: entry points in the main navigation (collected by ``sot.web.navigation``)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from sot.accounts.models import User
from sot.web.navigation import NavItem


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    return []
