"""Helpers every app's API views share, and the answer for paths the API does not have."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import is_valid_path
from django.views.decorators.csrf import csrf_exempt
from rest_framework import serializers
from rest_framework.exceptions import NotAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.core.errors import NotFound

from .errors import error_body
from .pagination import Pagination

if TYPE_CHECKING:
    from sot.accounts.models import User

NOT_FOUND_URL_NAME = "api-not-found"


def caller(request: Request) -> User:
    """The signed-in user (permission classes have already refused anonymous callers)."""
    user = request.user
    if not isinstance(user, get_user_model()):
        raise NotAuthenticated()
    return user


def validated(serializer_class: type[serializers.Serializer], data: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def validated_filters(
    serializer_class: type[serializers.Serializer], request: Request
) -> dict[str, Any]:
    # A plain dict, not the QueryDict: DRF reads a missing boolean in form data as "false".
    return validated(serializer_class, request.query_params.dict())


def paginated_response(
    view: APIView,
    request: Request,
    queryset: QuerySet[Any],
    serializer: type[serializers.Serializer],
) -> Response:
    paginator = Pagination()
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)


@csrf_exempt  # it changes nothing, and a POST must get this answer rather than a CSRF page
def api_not_found(request: HttpRequest, path: str = "") -> HttpResponse:
    """Paths the API does not have: 404 in the API's error body, not Django's HTML page.

    Routed last under ``/api/v1/``, so it matches every path and Django's ``APPEND_SLASH`` never
    sees a miss; a known path written without its slash is redirected here as it would be there.
    """
    if settings.APPEND_SLASH and not request.path_info.endswith("/"):
        match = is_valid_path(f"{request.path_info}/", getattr(request, "urlconf", None))
        if match and match.url_name != NOT_FOUND_URL_NAME:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    error = NotFound()
    return JsonResponse(error_body(error.code, error.render_message()), status=error.status)
