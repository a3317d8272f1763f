"""Monitoring pages: deadlines overdue today, and a court's recorded violations."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sot.core import clock
from sot.core.errors import Forbidden, NotFound
from sot.courts.models import Court
from sot.web.access import signed_in_user

from . import selectors
from .forms import CourtFilterForm, ViolationFilterForm

PAGE_SIZE = 50


def _court(request: HttpRequest, court_id: int | None, *, violations: bool) -> Court | None:
    try:
        return selectors.monitored_court(signed_in_user(request), court_id, violations=violations)
    except Forbidden as error:
        raise PermissionDenied from error
    except NotFound as error:
        raise Http404(error.render_message()) from error


@login_required
@require_GET
def overdue(request: HttpRequest) -> HttpResponse:
    form = CourtFilterForm(request.GET or None)
    court_id = form.cleaned_data["court"] if form.is_valid() else None
    court = _court(request, court_id, violations=False)
    clocks = selectors.overdue_clocks(court)
    page = Paginator(clocks, PAGE_SIZE).get_page(request.GET.get("page"))
    today = clock.today()
    rows = [{"clock": c, "days": (today - c.due).days if c.due else 0} for c in page]
    context: dict[str, Any] = {
        "form": form,
        "court": court,
        "page_obj": page,
        "rows": rows,
        "today": today,
        "is_national": selectors.may_choose_court(signed_in_user(request)),
    }
    return render(request, "deadlines/overdue.html", context)


@login_required
@require_GET
def violations(request: HttpRequest) -> HttpResponse:
    form = ViolationFilterForm(request.GET or None)
    valid = form.is_valid()
    court_id = form.cleaned_data["court"] if valid else None
    kind = form.cleaned_data["kind"] if valid else None
    court = _court(request, court_id, violations=True)
    page = Paginator(selectors.court_violations(court, kind=kind), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context: dict[str, Any] = {
        "form": form,
        "court": court,
        "page_obj": page,
        "is_national": selectors.may_choose_court(signed_in_user(request)),
    }
    return render(request, "deadlines/violations.html", context)
