"""Roles are Django groups; these are their names, fixed because code checks them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    LAWYER = "lawyer", _("Lawyer")
    PROSECUTOR = "prosecutor", _("Prosecutor")
    CLERK = "clerk", _("Clerk")
    JUDGE = "judge", _("Judge")
    COURT_CHAIR = "court_chair", _("Court chair")
    ANALYST = "analyst", _("Analyst")
    COUNCIL_MEMBER = "council_member", _("Supreme Judicial Council member")
    COUNCIL_SECRETARY = "council_secretary", _("Supreme Judicial Council secretary")
    ADMINISTRATOR = "administrator", _("Administrator")


# Court staff work inside one court and see that court's open cases.
COURT_STAFF_ROLES = frozenset({Role.CLERK, Role.JUDGE, Role.COURT_CHAIR})
# Roles that see every non-closed case in the country (judicial administration, system admins).
NATIONAL_READ_ROLES = frozenset({Role.ANALYST, Role.ADMINISTRATOR})
