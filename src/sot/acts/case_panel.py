"""The case page's court-acts section: the case's acts and, for the bench, drafting forms."""

from __future__ import annotations

from django.http import HttpRequest

from sot.accounts.models import User
from sot.cases.models import Case
from sot.web.case_panels import CasePanel

from . import access, selectors
from .assistant.rules import rules_for
from .models import ActKind, ActLanguage


def panel(request: HttpRequest, user: User, case: Case) -> CasePanel | None:
    # The case page has already checked that the user may see the case.
    may_draft = access.may_draft(user, case)
    return CasePanel(
        template="acts/_case_panel.html",
        context={
            "case_id": case.pk,
            "acts": list(selectors.case_acts(user, case)[:50]),
            "may_draft": may_draft,
            "rules": [(rule.code, rule.title) for rule in rules_for(case)] if may_draft else [],
            "kinds": ActKind.choices,
            "languages": ActLanguage.choices,
        },
    )
