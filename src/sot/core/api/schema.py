"""Schema parts every app's API shares: the error body and the error responses that carry it.

The body is rendered by ``sot.core.api.errors``; declaring it once here makes every app's schema refer
to the same ``Error`` component.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Stable, for programs: e.g. not_found."))
    message = serializers.CharField(help_text=_("For people, in the request's language."))
    # A declared field (the metaclass moves it out of the class), not ``Serializer.fields``.
    fields = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Messages per field; nested fields are dotted: participants.0.iin."),
    )


class ErrorSerializer(serializers.Serializer):
    """The one error body of the API, rendered by ``sot.core.api.errors``."""

    error = ErrorDetailSerializer()


BAD_INPUT = OpenApiResponse(ErrorSerializer, description="Invalid input; see error.fields.")
UNAUTHENTICATED = OpenApiResponse(ErrorSerializer, description="Not signed in.")
FORBIDDEN = OpenApiResponse(ErrorSerializer, description="The caller may see but not do this.")
NOT_FOUND = OpenApiResponse(
    ErrorSerializer, description="No such record, or not one the caller may see."
)
CONFLICT = OpenApiResponse(
    ErrorSerializer, description="Not possible in the record's current state (invalid_transition)."
)
