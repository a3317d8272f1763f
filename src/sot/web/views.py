"""Server-rendered pages. Thin: reads go through the case selectors, writes through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sot.accounts.models import User
from sot.cases import selectors, services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import Case
from sot.core import clock
from sot.core.errors import DomainError, NotFound
from sot.deadlines import selectors as deadline_selectors

from .access import may_view_court_cases, may_view_docket, signed_in_user
from .case_context import case_page_context
from .case_panels import case_panels
from .forms import CaseActionForm, CaseFilterForm
from .navigation import entry_points

PAGE_SIZE = 25


def _page(request: HttpRequest, cases: QuerySet[Case]) -> Page[Case]:
    # The court's region gives the zone the filed date is shown in.
    return Paginator(cases.select_related("court__region"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )


def _access(user: User, case_id: int, request: HttpRequest) -> Case:
    """The case through its permission-checked accessor: "missing" and "not yours" are one 404."""
    try:
        return selectors.access_case(user, case_id, request=request)
    except NotFound as error:
        raise Http404(error.render_message()) from error


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"entry_points": entry_points(request.user)})


class SignInView(auth_views.LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """Sign-out by POST only (Django refuses GET), so a link or an image cannot sign anyone out."""


@login_required
@require_GET
def my_cases(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    page = _page(request, selectors.my_cases(user))
    return render(request, "web/my_cases.html", {"page_obj": page})


@login_required
@require_GET
def docket(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if not may_view_docket(user):
        raise PermissionDenied
    # Most urgent first: the nearest running procedural deadline (sot.deadlines), then the oldest.
    page = _page(request, deadline_selectors.by_urgency(selectors.judge_docket(user)))
    return render(request, "web/docket.html", {"page_obj": page, "today": clock.today()})


@login_required
@require_GET
def court_cases(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    court = user.workplace_court()
    if court is None or not may_view_court_cases(user):
        raise PermissionDenied
    form = CaseFilterForm(request.GET or None)
    cases = selectors.visible_cases(user).filter(court=court)
    if form.is_valid():
        if form.cleaned_data["status"]:
            cases = cases.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["category"]:
            cases = cases.filter(category=form.cleaned_data["category"])
    page = _page(request, cases.order_by("-filed_at", "-pk"))
    context: dict[str, Any] = {"page_obj": page, "form": form, "court": court}
    return render(request, "web/court_cases.html", context)


@login_required
@require_GET
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in_user(request)
    case = _access(user, case_id, request)
    context = case_page_context(user, case)
    context["action_form"] = CaseActionForm(initial={"seen_status": case.status})
    context["panels"] = case_panels(request, user, case)
    return render(request, "web/case_detail.html", context)


@login_required
@require_POST
def case_act(request: HttpRequest, case_id: int) -> HttpResponse:
    """Take one lifecycle action; a refused one changes nothing and is reported on the page."""
    user = signed_in_user(request)
    case = _access(user, case_id, request)
    form = CaseActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the actions offered on the case page."))
        return redirect("web:case_detail", case_id=case.pk)
    action: str = form.cleaned_data["action"]
    note: str = form.cleaned_data["note"].strip()
    seen: str = form.cleaned_data["seen_status"]
    try:
        if action == CaseAction.APPEAL:
            services.case_appeal(case=case, acting_user=user, note=note, expected_status=seen)
        else:
            services.case_transition(
                case=case, action=action, acting_user=user, note=note, expected_status=seen
            )
    except DomainError as error:
        messages.error(request, error.render_message())
    else:
        messages.success(request, _("Recorded: %(action)s.") % {"action": CaseAction(action).label})
    return redirect("web:case_detail", case_id=case.pk)
