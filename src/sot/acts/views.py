"""Act pages: the editor (versions, diff, sign, reject, correct), PDF, publication review, and the
public "check a court act" page.

Thin: reads through ``selectors``, writes through ``services``/``publication``. Whatever the user
may not see is the same 404 as what does not exist; a refused step shows why and changes nothing.
"""

from __future__ import annotations

import base64
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sot.accounts.models import User
from sot.cases import selectors as case_selectors
from sot.core.errors import DomainError, NotFound
from sot.web.access import signed_in_user

from . import access, publication, selectors, services
from .assistant.rules import MESSAGES
from .diff import line_diff
from .forms import AssistantForm, CheckForm, EditForm, NewActForm, SignForm, WithdrawForm
from .models import Act

SIGN_WIDGET = "signatures/sign_widget.html"


def _act(user: User, act_id: int, request: HttpRequest) -> Act:
    try:
        return selectors.access_act(user, act_id, request=request)
    except NotFound as error:
        raise Http404(error.render_message()) from error


def _refused(request: HttpRequest, error: DomainError) -> None:
    text = error.render_message()
    details = [msg for msgs in error.render_fields().values() for msg in msgs if msg != text]
    messages.error(request, " ".join([text, *details]))


def _sign_widget_available() -> bool:
    try:
        get_template(SIGN_WIDGET)
    except TemplateDoesNotExist:
        return False
    return True


def checks_for_display(act: Act) -> list[dict[str, Any]]:
    rows = []
    for check in act.checks:
        message = MESSAGES.get(check.get("code", ""))
        rows.append(
            {
                "ok": check.get("ok"),
                "text": message.text if message else check.get("code"),
                "basis": message.basis if message else "",
            }
        )
    return rows


def act_context(request: HttpRequest, user: User, act: Act, **extra: Any) -> dict[str, Any]:
    versions = list(selectors.act_versions(act))
    may_edit = access.may_edit(user, act)
    context = {
        "act": act,
        "case": act.case,
        "versions": versions,
        "checks": checks_for_display(act),
        "may_edit": may_edit,
        "may_sign": access.may_sign(user, act),
        "may_correct": act.is_signed and act.case is not None and access.may_draft(user, act.case),
        "may_review": act.is_signed and access.may_review_publication(user, act),
        "corrections": list(act.corrections.filter(status="signed")) if act.is_signed else [],
        "sign_widget": SIGN_WIDGET if _sign_widget_available() else "",
    }
    if may_edit:
        latest = versions[-1].number if versions else 1
        context["edit_form"] = extra.pop(
            "edit_form", EditForm(initial={"text": act.text, "base_version": latest})
        )
        context["payload_b64"] = base64.b64encode(services.signing_payload(act)).decode("ascii")
    context.update(extra)
    return context


@login_required
@require_GET
def act_detail(request: HttpRequest, act_id: int) -> HttpResponse:
    user = signed_in_user(request)
    act = _act(user, act_id, request)
    return render(request, "acts/detail.html", act_context(request, user, act))


@login_required
@require_POST
def act_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in_user(request)
    case = _case(user, case_id, request)
    form = NewActForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the kind and the language of the act."))
        return redirect("web:case_detail", case.pk)
    try:
        act = services.act_draft_create(
            case=case,
            kind=form.cleaned_data["kind"],
            lang=form.cleaned_data["lang"],
            acting_user=user,
        )
    except DomainError as error:
        _refused(request, error)
        return redirect("web:case_detail", case.pk)
    return redirect("acts:detail", act.pk)


@login_required
@require_POST
def act_assistant(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in_user(request)
    case = _case(user, case_id, request)
    form = AssistantForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a routine act and a language."))
        return redirect("web:case_detail", case.pk)
    try:
        act = services.assistant_draft(
            case=case,
            rule=form.cleaned_data["rule"],
            lang=form.cleaned_data["lang"],
            acting_user=user,
        )
    except DomainError as error:
        _refused(request, error)
        return redirect("web:case_detail", case.pk)
    messages.success(
        request, _("The assistant prepared a draft. Verify the points listed beside it.")
    )
    return redirect("acts:detail", act.pk)


def _case(user: User, case_id: int, request: HttpRequest) -> Any:
    try:
        return case_selectors.access_case(user, case_id, request=request)
    except NotFound as error:
        raise Http404(error.render_message()) from error


@login_required
@require_POST
def act_save(request: HttpRequest, act_id: int) -> HttpResponse:
    user = signed_in_user(request)
    act = _act(user, act_id, request)
    form = EditForm(request.POST)
    if form.is_valid():
        try:
            services.act_version_save(
                act=act,
                text=form.cleaned_data["text"],
                acting_user=user,
                base_version=form.cleaned_data["base_version"],
            )
        except DomainError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Saved as a new version."))
            return redirect("acts:detail", act.pk)
    act.refresh_from_db()
    context = act_context(request, user, act, edit_form=form)
    return render(request, "acts/detail.html", context, status=400)


@login_required
@require_POST
def act_sign(request: HttpRequest, act_id: int) -> HttpResponse:
    user = signed_in_user(request)
    act = _act(user, act_id, request)
    form = SignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Sign the act with your key first."))
        return redirect("acts:detail", act.pk)
    try:
        services.act_sign(
            act=act,
            signature=form.cleaned_data["signature"],
            certificate_pem=form.cleaned_data["certificate"],
            acting_user=user,
        )
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The act is signed. It can no longer be changed."))
    return redirect("acts:detail", act.pk)


@login_required
@require_POST
def act_reject(request: HttpRequest, act_id: int) -> HttpResponse:
    user = signed_in_user(request)
    act = _act(user, act_id, request)
    try:
        services.act_reject(act=act, acting_user=user)
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The draft is rejected."))
    return redirect("acts:detail", act.pk)


@login_required
@require_POST
def act_correct(request: HttpRequest, act_id: int) -> HttpResponse:
    user = signed_in_user(request)
    act = _act(user, act_id, request)
    try:
        correction = services.act_correct(act=act, acting_user=user)
    except DomainError as error:
        _refused(request, error)
        return redirect("acts:detail", act.pk)
    return redirect("acts:detail", correction.pk)


@login_required
@require_GET
def act_diff(request: HttpRequest, act_id: int, old: int, new: int) -> HttpResponse:
    user = signed_in_user(request)
    act = _act(user, act_id, request)
    try:
        before, after = selectors.act_version(act, old), selectors.act_version(act, new)
    except NotFound as error:
        raise Http404(error.render_message()) from error
    rows = line_diff(before.text, after.text)
    return render(
        request, "acts/diff.html", {"act": act, "before": before, "after": after, "rows": rows}
    )


@login_required
@require_GET
def act_pdf(request: HttpRequest, act_id: int) -> HttpResponse:
    user = signed_in_user(request)
    act = _act(user, act_id, request)
    try:
        document = selectors.act_document(act)
    except NotFound as error:
        raise Http404(error.render_message()) from error
    response = HttpResponse(bytes(document.pdf), content_type="application/pdf")
    safe = act.number.replace("/", "_")
    response["Content-Disposition"] = f'inline; filename="act-{safe}.pdf"'
    return response


@login_required
def act_review(request: HttpRequest, act_id: int) -> HttpResponse:
    """The original and the published text side by side, for the bench or the court chair."""
    user = signed_in_user(request)
    act = _act(user, act_id, request)
    if not access.may_review_publication(user, act):
        raise Http404()
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            publication.act_withdraw(act=act, acting_user=user, reason=form.cleaned_data["reason"])
        except DomainError as error:
            _refused(request, error)
        else:
            messages.success(request, _("The act is withdrawn from the public bank."))
        return redirect("acts:review", act.pk)
    preview = act.published_text
    if not preview and act.is_signed and not act.is_closed:
        preview = publication.published_text_for(act)
    decision = publication.publication_decision(act)
    return render(
        request,
        "acts/review.html",
        {"act": act, "preview": preview, "decision": decision, "form": form},
    )


@require_GET
def check(request: HttpRequest, code: str = "") -> HttpResponse:
    """Public, no sign-in: what the code printed on an act proves."""
    form = CheckForm(request.GET or None)
    if not code and form.is_valid():
        return redirect("acts:check_code", form.cleaned_data["code"].strip().upper())
    result = None
    status = 200
    if code:
        try:
            result = selectors.check_by_code(code)
        except NotFound:
            status = 404
    return render(
        request,
        "acts/check.html",
        {"form": form, "code": code, "result": result},
        status=status,
    )
