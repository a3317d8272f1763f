"""Court Cabinet pages: the guided filing form, the clerk's check, the participant's cabinet."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sot.accounts.models import User
from sot.cases import selectors as case_selectors
from sot.core.errors import DomainError, NotFound

from . import certificate, selectors, services
from .models import Filing, FilingStatus
from .schema import FilingKind, all_kinds, grounds_table, kind_as_dict, localized

T = TypeVar("T")
EXTRA_STEPS = ("attachments", "fee", "review")


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _attempt(call: Callable[[], T]) -> tuple[T | None, DomainError | None]:
    """Run a service; a refusal becomes the error the page shows (nothing was written)."""
    try:
        return call(), None
    except DomainError as error:
        return None, error


def _own_filing(request: HttpRequest, filing_id: int) -> Filing:
    try:
        return selectors.access_own_filing(_user(request), filing_id)
    except NotFound as exc:
        raise Http404 from exc


def _step_titles(kind: FilingKind) -> list[str]:
    return [localized(s.title) for s in kind.steps] + [
        _("Attachments"),
        _("State fee"),
        _("Review and sign"),
    ]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    kinds = [k for k in all_kinds().values() if services.may_file(user, k)]
    return render(
        request,
        "filing/home.html",
        {"filings": selectors.my_filings(user)[:100], "kinds": kinds},
    )


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    filing, error = _attempt(
        lambda: services.draft_create(filer=_user(request), kind_code=request.POST.get("kind", ""))
    )
    if error is not None or filing is None:
        messages.error(request, error.render_message() if error else _("Not found."))
        return redirect("filing:home")
    return redirect("filing:step", filing_id=filing.pk, index=0)


def _posted_form(
    kind: FilingKind, index: int, request: HttpRequest, current: dict[str, Any]
) -> dict[str, Any]:
    form = dict(current)
    for field in kind.steps[index].fields:
        key = f"f-{field.name}"
        if field.type == "bool":
            form[field.name] = key in request.POST
        else:
            form[field.name] = request.POST.get(key, "").strip()
    return form


@login_required
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, filing_id: int, index: int) -> HttpResponse:
    user = _user(request)
    filing = _own_filing(request, filing_id)
    if filing.status not in services.EDITABLE:
        return redirect("filing:detail", filing_id=filing.pk)
    kind = services.kind_for(filing.kind)
    titles = _step_titles(kind)
    if index < 0 or index >= len(titles):
        raise Http404
    error: DomainError | None = None
    form_values = dict(filing.form)
    if request.method == "POST":
        if index < len(kind.steps):
            form_values = _posted_form(kind, index, request, filing.form)
            _saved, error = _attempt(
                lambda: services.draft_update(filing=filing, filer=user, form=form_values)
            )
        elif EXTRA_STEPS[index - len(kind.steps)] == "attachments":
            error = _attachments_post(request, filing, user)
            if error is None and "upload" in request.POST:
                return redirect("filing:step", filing_id=filing.pk, index=index)
        elif EXTRA_STEPS[index - len(kind.steps)] == "fee" and "pay" in request.POST:
            _paid, error = _attempt(lambda: services.payment_make(filing=filing, filer=user))
            if error is None:
                messages.success(request, _("The state fee is paid."))
                return redirect("filing:step", filing_id=filing.pk, index=index)
        elif EXTRA_STEPS[index - len(kind.steps)] == "review":
            _submitted, error = _attempt(
                lambda: services.filing_submit(
                    filing=filing,
                    filer=user,
                    signed=services.Signed(
                        request.POST.get("signature", ""), request.POST.get("certificate", "")
                    ),
                    client_key=request.POST.get("client_key", "")[:64],
                )
            )
            if error is None:
                messages.success(request, _("The filing is submitted."))
                return redirect("filing:detail", filing_id=filing.pk)
        if error is None and index < len(titles) - 1:
            return redirect("filing:step", filing_id=filing.pk, index=index + 1)
    filing.refresh_from_db()
    context: dict[str, Any] = {
        "filing": filing,
        "kind": kind,
        "kind_data": kind_as_dict(kind, may_file=True),
        "titles": titles,
        "index": index,
        "error": error,
        "field_errors": error.render_fields() if error else {},
        "values": form_values,
    }
    if index < len(kind.steps):
        context["fields"] = context["kind_data"]["steps"][index]["fields"]
        context["section"] = "fields"
    else:
        context["section"] = EXTRA_STEPS[index - len(kind.steps)]
        context["attachments"] = filing.attachments.all()
        context["paid"] = services.paid_total(filing)
        context["due"] = max(filing.fee_amount - context["paid"], 0)
        if context["section"] == "review":
            context["payload_b64"] = base64.b64encode(services.bundle_for(filing)).decode()
            context["preview"] = _preview(kind, filing)
    return render(request, "filing/step.html", context, status=400 if error else 200)


def _attachments_post(request: HttpRequest, filing: Filing, user: User) -> DomainError | None:
    if "remove" in request.POST:
        _done, error = _attempt(
            lambda: services.attachment_remove(
                filing=filing, filer=user, attachment_id=int(request.POST["remove"] or 0)
            )
        )
        return error
    upload = request.FILES.get("file")
    if "upload" in request.POST:
        if upload is None:
            return services.ValidationFailed(fields={"file": [_("Choose a file.")]})
        _stored, error = _attempt(
            lambda: services.attachment_add(
                filing=filing, filer=user, slot=request.POST.get("slot", ""), upload=upload
            )
        )
        return error
    return None


def _preview(kind: FilingKind, filing: Filing) -> list[tuple[str, str]]:
    rows = []
    for field in kind.fields:
        value = filing.form.get(field.name)
        if value in (None, "", False):
            continue
        shown = dict((v, localized(lbl)) for v, lbl in field.choices).get(str(value), value)
        if field.type == "bool":
            shown = _("Yes")
        rows.append((localized(field.label), str(shown)))
    return rows


@login_required
def detail(request: HttpRequest, filing_id: int) -> HttpResponse:
    user = _user(request)
    try:
        filing = selectors.access_filing(user, filing_id)
    except NotFound as exc:
        raise Http404 from exc
    kind = services.kind_for(filing.kind)
    outcome = "return" if filing.status == FilingStatus.RETURNED else "leave_without_motion"
    return render(
        request,
        "filing/detail.html",
        {
            "filing": filing,
            "kind": kind,
            "preview": _preview(kind, filing),
            "grounds": [
                (localized(grounds_table()[outcome][g["code"]]["label"]), g["article"])
                for g in filing.grounds
                if g["code"] in grounds_table()[outcome]
            ],
            "may_check": services.may_check(user, filing)
            and filing.status == FilingStatus.SUBMITTED,
            "return_grounds": [
                (code, localized(row["label"]), row["article"])
                for code, row in grounds_table()["return"].items()
            ],
            "lwm_grounds": [
                (code, localized(row["label"]), row["article"])
                for code, row in grounds_table()["leave_without_motion"].items()
            ],
            "editable": filing.filer_id == user.pk and filing.status in services.EDITABLE,
        },
    )


@login_required
@require_POST
def check(request: HttpRequest, filing_id: int) -> HttpResponse:
    user = _user(request)
    try:
        filing = selectors.access_filing(user, filing_id)
    except NotFound as exc:
        raise Http404 from exc
    action = request.POST.get("action")
    grounds = request.POST.getlist("grounds")
    note = request.POST.get("note", "")
    if action == "accept":
        _r, error = _attempt(lambda: services.filing_accept(filing=filing, clerk=user))
    elif action == "return":
        _r, error = _attempt(
            lambda: services.filing_return(filing=filing, clerk=user, grounds=grounds, note=note)
        )
    elif action == "leave_without_motion":
        try:
            cure_by = dt.date.fromisoformat(request.POST.get("cure_by", ""))
        except ValueError:
            messages.error(request, _("Enter a date as YYYY-MM-DD."))
            return redirect("filing:detail", filing_id=filing.pk)
        _r, error = _attempt(
            lambda: services.filing_leave_without_motion(
                filing=filing, clerk=user, grounds=grounds, cure_by=cure_by, note=note
            )
        )
    else:
        raise Http404
    if error is not None:
        fields = "; ".join(m for msgs in error.render_fields().values() for m in msgs)
        messages.error(request, f"{error.render_message()} {fields}".strip())
    else:
        messages.success(request, _("The decision is recorded and the filer is notified."))
    return redirect("filing:detail", filing_id=filing.pk)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    return render(
        request, "filing/queue.html", {"filings": selectors.check_queue(_user(request))[:200]}
    )


@login_required
def cabinet_case(request: HttpRequest, case_id: int) -> HttpResponse:
    user = _user(request)
    try:
        case = case_selectors.access_case(user, case_id, request=request)
    except NotFound as exc:
        raise Http404 from exc
    return render(
        request,
        "filing/cabinet_case.html",
        {
            "case": case,
            "history": selectors.case_history(user, case),
            "documents": case_selectors.case_documents(case),
        },
    )


@login_required
def cabinet(request: HttpRequest) -> HttpResponse:
    return render(
        request, "filing/cabinet.html", {"cases": case_selectors.my_cases(_user(request))[:200]}
    )


@login_required
def document_download(request: HttpRequest, case_id: int, document_id: int) -> HttpResponseBase:
    try:
        document = selectors.access_case_document(
            _user(request), case_id, document_id, request=request
        )
    except NotFound as exc:
        raise Http404 from exc
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.original_name
    )


@login_required
def attachment_download(
    request: HttpRequest, filing_id: int, attachment_id: int
) -> HttpResponseBase:
    try:
        attachment = selectors.access_attachment(
            _user(request), filing_id, attachment_id, request=request
        )
    except NotFound as exc:
        raise Http404 from exc
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )


@login_required
@require_http_methods(["GET", "POST"])
def presence_certificate(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        lang = request.POST.get("lang", "kk")
        if lang not in certificate.LANGUAGES:
            lang = "kk"
        issued = certificate.certificate_issue(user=_user(request), lang=lang)
        response = HttpResponse(issued.pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{issued.record.serial}.pdf"'
        return response
    return render(
        request,
        "filing/certificate.html",
        {"verify_url": reverse("api-filing-certificate-verify")},
    )
