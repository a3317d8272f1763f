"""Situational Center pages: the dashboard, the cases behind a number, exports, definitions."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sot.accounts.models import User
from sot.accounts.roles import NATIONAL_READ_ROLES
from sot.core.errors import DomainError, NotFound
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Court, Region
from sot.web.access import signed_in_user

from .dashboard import build_dashboard
from .exports import FORMATS, table_response
from .indicators import GROUPS, INDICATORS, UNIT_LABELS
from .models import Cursor
from .scope import Scope
from .selectors import access_indicator, access_scope, drill_cases, may_view_analytics
from .tables import case_table, indicator_table, region_table

PAGE_SIZE = 50


def _scope(request: HttpRequest) -> tuple[User, Scope]:
    user = signed_in_user(request)
    if not may_view_analytics(user):
        raise PermissionDenied
    try:
        return user, access_scope(user, request.GET.dict())
    except DomainError as error:
        if error.status == 403:
            raise PermissionDenied from error
        if error.status == 404:
            raise Http404(error.render_message()) from error
        raise BadRequest(error.render_message()) from error


def _filters(user: User, scope: Scope) -> dict[str, Any]:
    national = user.has_role(*NATIONAL_READ_ROLES)
    own = user.workplace_court()
    courts = (
        Court.objects.filter(is_active=True).order_by("code")
        if national
        else (Court.objects.filter(pk=own.pk) if own else Court.objects.none())
    )
    return {
        "regions": Region.objects.order_by("code"),
        "courts": courts,
        "categories": CaseCategory.choices,
        "instances": Instance.choices,
        "query": scope.query(),
    }


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user, scope = _scope(request)
    context = {
        "dash": build_dashboard(scope),
        "scope": scope,
        "cursor": Cursor.objects.order_by("updated_at").first(),
        **_filters(user, scope),
    }
    return render(request, "analytics/dashboard.html", context)


@login_required
@require_GET
def drill(request: HttpRequest, code: str) -> HttpResponse:
    user, scope = _scope(request)
    try:
        indicator = access_indicator(code)
        cases = drill_cases(user, scope, indicator)
    except NotFound as error:
        raise Http404(error.render_message()) from error
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        return table_response(f"cases-{code}", *case_table(cases[:10_000]), fmt)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"indicator": indicator, "scope": scope, "page_obj": page, "query": scope.query()}
    return render(request, "analytics/drill.html", context)


@login_required
@require_GET
def export(request: HttpRequest, table: str) -> HttpResponse:
    _user, scope = _scope(request)
    fmt = request.GET.get("format", "csv")
    if fmt not in FORMATS:
        raise Http404(_("Unknown export format."))
    if table == "indicators":
        header, rows = indicator_table(build_dashboard(scope, with_regions=False))
    elif table == "regions":
        header, rows = region_table(build_dashboard(scope))
    else:
        raise Http404(_("Unknown table."))
    return table_response(
        f"{table}-{scope.month_from:%Y%m}-{scope.month_to:%Y%m}", header, rows, fmt
    )


@login_required
@require_GET
def definitions(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if not may_view_analytics(user):
        raise PermissionDenied
    context = {"indicators": INDICATORS, "groups": GROUPS, "units": UNIT_LABELS}
    return render(request, "analytics/definitions.html", context)
