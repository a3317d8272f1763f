"""Supreme Judicial Council: entry points in the main navigation (collected by ``sot.web.navigation``)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.web.navigation import NavItem

from .access import is_member, is_secretariat

PUBLIC = NavItem(
    "council:public_index",
    _("Judicial Council"),
    _(
        "Competitions for judgeships, the Council's decisions and the list of those who passed the exam."
    ),
)
CANDIDATE = NavItem(
    "council:candidate_home",
    _("My candidacy"),
    _("Your record as a candidate for a judgeship: applications, documents, exams and status."),
)
SECRETARIAT = NavItem(
    "council:secretariat_home",
    _("Council secretariat"),
    _("Competitions, sessions, agenda and minutes of the Supreme Judicial Council."),
)

MEMBER = NavItem(
    "council:member_home",
    _("Council sessions"),
    _("Materials of the Council's sessions, nominations and votes, including secret ballots."),
)


JUDGE = NavItem(
    "council:judge_home",
    _("My proceedings before the Council"),
    _("Reports of checks to read and answer, and appeals against the Judicial Jury."),
)


def entry_points(user: User | AnonymousUser) -> list[NavItem]:
    if is_secretariat(user) or is_member(user):
        return [SECRETARIAT if is_secretariat(user) else MEMBER, PUBLIC]
    items = [CANDIDATE, PUBLIC]
    if isinstance(user, User) and user.has_role(Role.JUDGE, Role.COURT_CHAIR):
        items.append(JUDGE)
    return items
