"""Who may open which page. Object-level reads stay in ``sot.cases.selectors``; these gate pages."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from sot.accounts.models import User
from sot.accounts.roles import Role

# Roles whose pages list the cases of the court they work in.
COURT_LIST_ROLES = (Role.CLERK, Role.COURT_CHAIR)
# Roles that sit on cases and so have a docket.
DOCKET_ROLES = (Role.JUDGE, Role.COURT_CHAIR)


def signed_in_user(request: HttpRequest) -> User:
    """The request's user, for views behind ``login_required``."""
    user = request.user
    if not isinstance(user, User):
        # login_required guarantees a signed-in user; anything else is a wiring mistake.
        raise TypeError("this view needs a signed-in Sot user")
    return user


def may_view_docket(user: User | AnonymousUser) -> bool:
    return isinstance(user, User) and user.is_active and user.has_role(*DOCKET_ROLES)


def may_view_court_cases(user: User | AnonymousUser) -> bool:
    return (
        isinstance(user, User)
        and user.is_active
        and user.has_role(*COURT_LIST_ROLES)
        and user.workplace_court() is not None
    )
