"""The case page's hearings section: the case's hearings and suspensions, and the staff's actions."""

from __future__ import annotations

from django.http import HttpRequest

from sot.accounts.models import User
from sot.cases import rules as case_rules
from sot.cases.lifecycle import SUSPENDABLE, TRANSITIONS, CaseAction
from sot.cases.models import Case, CaseStatus
from sot.web.case_panels import CasePanel

from . import selectors


def panel(request: HttpRequest, user: User, case: Case) -> CasePanel | None:
    # The case page has already checked that the user may see the case.
    # One bench check for both questions (the case rules ask the database each time).
    permitted = case_rules.permitted_actions(user, case, [CaseAction.SCHEDULE, CaseAction.SUSPEND])
    may_suspend = CaseAction.SUSPEND in permitted
    return CasePanel(
        template="hearings/_case_panel.html",
        context={
            "case_id": case.pk,
            "status": case.status,
            "hearings": list(selectors.case_hearings(case)),
            "suspensions": list(selectors.case_suspensions(case)),
            "may_schedule": case.status in TRANSITIONS[CaseAction.SCHEDULE].sources
            and CaseAction.SCHEDULE in permitted,
            "may_suspend": may_suspend and case.status in SUSPENDABLE,
            "may_resume": may_suspend and case.status == CaseStatus.SUSPENDED,
        },
    )
