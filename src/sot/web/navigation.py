"""The main navigation: the same entry points on every page, chosen by the user's roles."""

from __future__ import annotations

from dataclasses import dataclass

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
        return reverse(f"web:{self.url_name}")


MY_CASES = NavItem(
    "my_cases",
    _("My cases"),
    _("Cases in which you take part: their status, hearings and history."),
)
DOCKET = NavItem(
    "docket",
    _("Docket"),
    _("Pending cases on which you sit, the oldest first."),
)
COURT_CASES = NavItem(
    "court_cases",
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
    return items
