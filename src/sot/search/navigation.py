"""Search: entry points in the main navigation (collected by ``sot.web.navigation``)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.web.navigation import NavItem

from .selectors import may_search_internal

PUBLIC_BANK = NavItem(
    "search:public",
    _("Bank of court acts"),
    _("Published court acts in Kazakh and Russian: search by words in any form."),
)
INTERNAL = NavItem(
    "search:internal",
    _("Search of court acts"),
    _("Full texts of the acts you may see, with filters by court, judge and article."),
)


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    items = [PUBLIC_BANK]
    if may_search_internal(user):
        items.append(INTERNAL)
    return items
