"""Sign-in tokens and the caller's own profile."""

from __future__ import annotations

from collections.abc import Sequence

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authentication import BaseAuthentication
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle
from rest_framework.views import APIView

from sot.accounts import services
from sot.core.api.schema import UNAUTHENTICATED, ErrorSerializer
from sot.core.api.views import caller, validated

from .serializers import MeOutputSerializer, TokenCreateInputSerializer, TokenOutputSerializer

TAGS = ["accounts"]


class TokenCreateApi(APIView):
    # The password is the credential here: a stale token or session must not get in the way.
    authentication_classes: Sequence[type[BaseAuthentication]] = []
    permission_classes: Sequence[type[BasePermission]] = [AllowAny]
    # Password guessing: attempts per client address, at the rate REST_FRAMEWORK sets.
    throttle_classes: Sequence[type[BaseThrottle]] = [ScopedRateThrottle]
    throttle_scope = "auth_token"

    @extend_schema(
        tags=TAGS,
        operation_id="auth_token_create",
        request=TokenCreateInputSerializer,
        responses={
            200: TokenOutputSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Wrong user name or password."),
            429: OpenApiResponse(
                ErrorSerializer, description="Too many attempts; see the Retry-After header."
            ),
        },
        auth=[],
        summary="Get an API token",
    )
    def post(self, request: Request) -> Response:
        """Exchange a user name and password for the caller's API token.

        The same token comes back on every sign-in until it is revoked.
        """
        data = validated(TokenCreateInputSerializer, request.data)
        token = services.token_issue(
            username=data["username"],
            password=data["password"],
            request=request._request,  # the backend wants Django's request, not DRF's wrapper
        )
        return Response(TokenOutputSerializer({"token": token.key}).data)


class TokenDeleteApi(APIView):
    permission_classes: Sequence[type[BasePermission]] = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        operation_id="auth_token_destroy",
        request=None,
        responses={204: None, 401: UNAUTHENTICATED},
        summary="Revoke the API token",
    )
    def delete(self, request: Request) -> Response:
        """Revoke the caller's API token; the next sign-in issues a new one."""
        services.token_revoke(user=caller(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenApi(TokenCreateApi, TokenDeleteApi):
    # ``/auth/token/`` carries two operations and URLs route by path, so this class joins them.
    # Each operation keeps its own class (and schema) above; this one only picks their
    # authentication, permissions and throttles by method. (No docstring: the schema takes the
    # methods'.)

    def _operation(self) -> type[TokenCreateApi] | type[TokenDeleteApi]:
        method = getattr(getattr(self, "request", None), "method", None)
        return TokenCreateApi if method == "POST" else TokenDeleteApi

    def get_authenticators(self) -> list[BaseAuthentication]:
        return [auth() for auth in self._operation().authentication_classes]

    def get_permissions(self) -> list[BasePermission]:
        return [permission() for permission in self._operation().permission_classes]

    def get_throttles(self) -> list[BaseThrottle]:
        return [throttle() for throttle in self._operation().throttle_classes]


class MeDetailApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="me_retrieve",
        responses={200: MeOutputSerializer, 401: UNAUTHENTICATED},
        summary="The signed-in caller",
    )
    def get(self, request: Request) -> Response:
        return Response(MeOutputSerializer(request.user).data)
