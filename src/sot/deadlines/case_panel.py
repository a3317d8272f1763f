"""The case page's "Procedural deadlines" section: the case's clocks, for whoever sees the case."""

from __future__ import annotations

from django.http import HttpRequest

from sot.accounts.models import User
from sot.cases.models import Case
from sot.core import clock
from sot.web.case_panels import CasePanel

from .selectors import case_clocks


def panel(request: HttpRequest, user: User, case: Case) -> CasePanel | None:
    clocks = case_clocks(case)
    if not clocks:
        return None
    today = clock.today()
    rows = [
        {
            "clock": c,
            "is_overdue": c.state == "running" and c.due is not None and c.due < today,
            "days_left": (c.due - today).days if c.due is not None else None,
        }
        for c in clocks
    ]
    return CasePanel(template="deadlines/_case_panel.html", context={"rows": rows})
