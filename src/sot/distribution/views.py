"""Pages: "how was my case's judge chosen", the chair's queue and reassignment, judges' loads."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from sot.accounts.models import User
from sot.cases import selectors as case_selectors
from sot.cases.models import Case
from sot.core.errors import DomainError, Forbidden, NotFound
from sot.courts.models import Court, Judge
from sot.web.access import signed_in_user

from . import selectors, services
from .documents import distribution_document
from .models import ReassignmentReason
from .rules import may_chair_assign, may_reassign


class ReassignForm(forms.Form):
    reason = forms.ChoiceField(label=gettext_lazy("Reason"), choices=ReassignmentReason.choices)
    note = forms.CharField(
        label=gettext_lazy("Ground"), max_length=500, required=False, widget=forms.Textarea
    )


class ChairAssignForm(forms.Form):
    judge = forms.TypedChoiceField(label=gettext_lazy("Judge"), coerce=int, choices=())
    note = forms.CharField(label=gettext_lazy("Why this judge"), max_length=500)


def _judge_field(form: ChairAssignForm) -> forms.TypedChoiceField:
    field = form.fields["judge"]
    assert isinstance(field, forms.TypedChoiceField)
    return field


def _case(user: User, case_id: int, request: HttpRequest) -> Case:
    try:
        return case_selectors.access_case(user, case_id, request=request)
    except NotFound as error:
        raise Http404(error.render_message()) from error


@login_required
@require_GET
def case_distribution(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in_user(request)
    case = _case(user, case_id, request)
    document = distribution_document(case)
    judges = {d["judge"]["id"]: d["judge"]["name"] for d in document["draws"] if d["judge"]}
    return render(
        request,
        "distribution/case.html",
        {
            "case": case,
            "document": document,
            "judges": judges,
            "may_reassign": may_reassign(user, case),
            "reassign_form": ReassignForm(),
        },
    )


@login_required
@require_POST
def case_reassign(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in_user(request)
    case = _case(user, case_id, request)
    form = ReassignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reason from the list."))
        return redirect("distribution:case", case_id=case.pk)
    try:
        services.reassign(
            case=case,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
            acting_user=user,
        )
    except DomainError as error:
        messages.error(request, error.render_message())
    else:
        messages.success(request, _("A new judge was drawn and the draw was logged."))
    return redirect("distribution:case", case_id=case.pk)


@login_required
@require_GET
def chair_queue(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    try:
        entries = list(selectors.chair_queue(user))
    except Forbidden as error:
        raise Http404(error.render_message()) from error
    rows = []
    for entry in entries:
        form = ChairAssignForm(prefix=f"case{entry.case_id}")
        _judge_field(form).choices = selectors.eligible_judges(entry.case)
        rows.append((entry, form))
    return render(request, "distribution/queue.html", {"rows": rows})


@login_required
@require_POST
def chair_assign(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in_user(request)
    case = _case(user, case_id, request)
    if not may_chair_assign(user, case):
        raise Http404()
    form = ChairAssignForm(request.POST, prefix=f"case{case.pk}")
    _judge_field(form).choices = selectors.eligible_judges(case)
    if not form.is_valid():
        messages.error(request, _("Choose an eligible judge and state why."))
        return redirect("distribution:queue")
    try:
        services.chair_assign(
            case=case,
            judge=Judge.objects.get(pk=form.cleaned_data["judge"]),
            note=form.cleaned_data["note"],
            acting_user=user,
        )
    except DomainError as error:
        messages.error(request, error.render_message())
    else:
        messages.success(request, _("The judge was assigned and the choice was logged."))
    return redirect("distribution:queue")


@login_required
@require_GET
def loads(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    code = request.GET.get("court", "").strip()
    court = None
    if code:
        court = Court.objects.filter(code=code).first()
        if court is None:
            raise Http404(_("No court has this code."))
    elif not selectors.may_view_loads(user, None):
        court = user.workplace_court()
    try:
        summary = selectors.judge_loads(user, court)
    except Forbidden as error:
        raise Http404(error.render_message()) from error
    return render(request, "distribution/loads.html", {"court": court, "summary": summary})
