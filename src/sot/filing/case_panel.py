"""The case page's Court Cabinet section: the viewer's own filings in this case."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest

from sot.accounts.models import User
from sot.cases.models import Case
from sot.web.case_panels import CasePanel

from .models import Filing, FilingStatus


def panel(request: HttpRequest, user: User, case: Case) -> CasePanel | None:
    filings = list(
        Filing.objects.filter(Q(target_case=case) | Q(opened_case=case), filer=user)
        .exclude(status=FilingStatus.DRAFT)
        .order_by("submitted_at", "pk")
    )
    if not filings:
        return None
    return CasePanel(template="filing/_case_panel.html", context={"case": case, "filings": filings})
