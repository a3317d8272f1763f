"""Court Cabinet pages: my notices (read them, see how each was delivered) and my contact points."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sot.core.errors import NotFound, ValidationFailed
from sot.web.access import signed_in_user

from . import selectors, services
from .forms import ContactPointForm, VerifyForm
from .models import ContactPoint

PAGE_SIZE = 25


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    page = Paginator(selectors.inbox(user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/inbox.html",
        {"page": page, "unread": selectors.unread_count(user), "title": _("My notices")},
    )


@login_required
@require_POST
def notice_read(request: HttpRequest, notice_id: int) -> HttpResponse:
    user = signed_in_user(request)
    try:
        notice = selectors.access_notice(user, notice_id)
    except NotFound as error:
        raise Http404(error.render_message()) from error
    services.notice_mark_read(notice=notice, user=user)
    return redirect(f"{reverse('notifications:inbox')}#notice-{notice.pk}")


@login_required
def contacts(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = ContactPointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            point = services.contact_point_add(user=user, **form.cleaned_data)
        except ValidationFailed as error:
            for message in error.render_fields().get("value", [error.render_message()]):
                form.add_error("value", message)
        else:
            if point.is_verified:
                messages.success(request, _("The address is saved."))
            else:
                messages.success(request, _("We sent a code: enter it below to confirm."))
            return redirect("notifications:contacts")
    return render(
        request,
        "notifications/contacts.html",
        {
            "form": form,
            "points": selectors.contact_points(user),
            "verify_form": VerifyForm(),
            "title": _("My contact details"),
        },
    )


def _point(request: HttpRequest, contact_id: int) -> ContactPoint:
    try:
        return selectors.access_contact_point(signed_in_user(request), contact_id)
    except NotFound as error:
        raise Http404(error.render_message()) from error


@login_required
@require_POST
def contact_verify(request: HttpRequest, contact_id: int) -> HttpResponse:
    point = _point(request, contact_id)
    form = VerifyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the six-digit code."))
        return redirect("notifications:contacts")
    try:
        services.contact_point_verify(point=point, code=form.cleaned_data["code"])
    except ValidationFailed as error:
        for text in error.render_fields().get("code", [error.render_message()]):
            messages.error(request, text)
    else:
        messages.success(request, _("Confirmed: court notices can now reach you here."))
    return redirect("notifications:contacts")


@login_required
@require_POST
def contact_resend(request: HttpRequest, contact_id: int) -> HttpResponse:
    services.contact_point_resend(point=_point(request, contact_id))
    messages.success(request, _("We sent a new code."))
    return redirect("notifications:contacts")


@login_required
@require_POST
def contact_opt_in(request: HttpRequest, contact_id: int) -> HttpResponse:
    point = _point(request, contact_id)
    services.contact_point_set_opt_in(point=point, is_opted_in=request.POST.get("on") == "1")
    return redirect("notifications:contacts")


@login_required
@require_POST
def contact_remove(request: HttpRequest, contact_id: int) -> HttpResponse:
    point = _point(request, contact_id)
    services.contact_point_remove(point=point, user=signed_in_user(request))
    messages.success(request, _("The address is removed."))
    return redirect("notifications:contacts")
