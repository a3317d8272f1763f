"""The main navigation: the same entry points on every page, chosen by the user's roles.

Other apps contribute entries through a module ``<app>/navigation.py`` with a function
``entry_points(user) -> list[NavItem]``, listed in ``PROVIDERS``; ``NavItem.url_name`` is a
namespaced URL name (``"hearings:calendar"``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User

from .access import may_view_court_cases, may_view_docket


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str | Promise
    # One line for the home page's entry-point cards.
    description: str | Promise

    @property
    def url(self) -> str:
        return reverse(self.url_name)


MY_CASES = NavItem(
    "web:my_cases",
    _("My cases"),
    _("Cases in which you take part: their status, hearings and history."),
)
DOCKET = NavItem(
    "web:docket",
    _("Docket"),
    _("Pending cases on which you sit, the oldest first."),
)
COURT_CASES = NavItem(
    "web:court_cases",
    _("Court cases"),
    _("Cases of your court, filtered by status and category."),
)


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    """The pages a signed-in user works from, in the order they are shown."""
    if not user.is_authenticated:
        return []
    items = [MY_CASES]
    if may_view_docket(user):
        items.append(DOCKET)
    if may_view_court_cases(user):
        items.append(COURT_CASES)
    for provider in _providers():
        items.extend(provider(user))
    return items


# Apps whose navigation.py adds entry points, in the order their entries are shown.
PROVIDERS = (
    "sot.distribution.navigation",
    "sot.hearings.navigation",
    "sot.deadlines.navigation",
    "sot.council.navigation",
    "sot.signatures.navigation",
    "sot.filing.navigation",
    "sot.notifications.navigation",
    "sot.acts.navigation",
    "sot.search.navigation",
    "sot.analytics.navigation",
)


def _providers() -> list[Callable[[User | AnonymousUser], list[NavItem]]]:
    found = []
    for module_name in PROVIDERS:
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as missing:
            if missing.name != module_name:
                raise  # a broken import inside the module must not pass as "no entries"
            continue
        found.append(module.entry_points)
    return found
