"""The case page's distribution section: who drew the judge, and a link to the proof."""

from __future__ import annotations

from django.http import HttpRequest

from sot.accounts.models import User
from sot.cases.models import Case
from sot.web.case_panels import CasePanel

from .models import Draw


def panel(request: HttpRequest, user: User, case: Case) -> CasePanel | None:
    last = Draw.objects.filter(case=case).order_by("-leaf_index").first()
    if last is None:
        return None
    return CasePanel(template="distribution/_case_panel.html", context={"case": case, "draw": last})
