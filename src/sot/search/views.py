"""Search pages: the public bank (Court Cabinet, open to everyone) and the internal search of
the judge's workspace (court staff; each sees only what they may)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from sot.acts.models import Act
from sot.core.errors import Forbidden, NotFound
from sot.web.access import signed_in_user

from . import selectors
from .forms import InternalSearchForm, SearchForm
from .labels import facet_rows, hit_rows

FACET_TITLES = {
    "court": gettext_lazy("Court"),
    "region": gettext_lazy("Region"),
    "category": gettext_lazy("Category"),
    "instance": gettext_lazy("Instance"),
    "kind": gettext_lazy("Kind of act"),
    "outcome": gettext_lazy("Outcome"),
    "article": gettext_lazy("Article"),
    "lang": gettext_lazy("Language"),
}


def _page(
    request: HttpRequest, form: SearchForm, run: Any, title: str, **extra: Any
) -> HttpResponse:
    results = run(form.params()) if form.is_valid() else None
    query = {k: v for k, v in request.GET.items() if k != "page" and v}
    context = {
        "title": title,
        "form": form,
        "results": results,
        "facets": [
            (name, FACET_TITLES.get(name, name), values)
            for name, values in (facet_rows(results) if results else [])
        ],
        "rows": hit_rows(results) if results else [],
        "first_number": (results.page - 1) * results.per_page + 1 if results else 1,
        "base_query": urlencode(query),
        "query": query,
        **extra,
    }
    return render(request, "search/results.html", context, status=200 if form.is_valid() else 400)


@require_GET
def public_bank(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None) if request.GET else SearchForm({})
    return _page(request, form, selectors.public_search, _("Bank of court acts"), public=True)


@login_required
@require_GET
def internal(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if not selectors.may_search_internal(user):
        raise PermissionDenied
    form = InternalSearchForm(request.GET or None) if request.GET else InternalSearchForm({})
    return _page(
        request,
        form,
        lambda params: selectors.internal_search(user, params, request=request),
        _("Search of court acts"),
        public=False,
    )


@require_GET
def public_act(request: HttpRequest, act_id: int) -> HttpResponse:
    try:
        hit = selectors.public_act(str(act_id))
    except NotFound as error:
        raise Http404 from error
    act = Act.objects.select_related("court").filter(pk=act_id).first()
    if act is None:
        raise Http404
    similar = selectors.public_similar(str(act_id))
    return render(
        request,
        "search/act.html",
        {"hit": hit, "act": act, "text": act.published_text, "similar": similar, "public": True},
    )


@login_required
@require_GET
def internal_similar(request: HttpRequest, act_id: int) -> HttpResponse:
    user = signed_in_user(request)
    try:
        similar = selectors.internal_similar(user, str(act_id), 10, request=request)
    except Forbidden as error:
        raise PermissionDenied from error
    except NotFound as error:
        raise Http404 from error
    act = Act.objects.select_related("court").get(pk=act_id)
    return render(
        request,
        "search/act.html",
        {"act": act, "text": act.text, "similar": similar, "public": False},
    )
