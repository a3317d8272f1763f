"""Sign-in tokens and the caller's own profile."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth import authenticate
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authentication import (
    BaseAuthentication,
    SessionAuthentication,
    TokenAuthentication,
)
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.accounts.models import User
from sot.core.audit import audit_record
from sot.core.errors import DomainError
from sot.core.models import AuditAction
from sot.courts.api.serializers import ErrorSerializer

from .serializers import MeOutputSerializer, TokenCreateInputSerializer, TokenOutputSerializer

TAGS = ["accounts"]
# Token first: DRF answers an anonymous caller with the first class's challenge, and
# SessionAuthentication has none, so in the settings' order (session first) anonymous callers get
# 403 instead of 401. Drop this once REST_FRAMEWORK lists TokenAuthentication first.
AUTHENTICATION: list[type[BaseAuthentication]] = [TokenAuthentication, SessionAuthentication]
UNAUTHENTICATED = OpenApiResponse(ErrorSerializer, description="Not signed in.")


class InvalidCredentials(DomainError):
    code = "invalid_credentials"
    status = 400
    default_message = _("The user name or the password is not correct.")


class TokenCreateApi(APIView):
    # The password is the credential here: a stale token or session must not get in the way.
    authentication_classes: Sequence[type[BaseAuthentication]] = []
    permission_classes: Sequence[type[BasePermission]] = [AllowAny]

    @extend_schema(
        tags=TAGS,
        operation_id="auth_token_create",
        request=TokenCreateInputSerializer,
        responses={
            200: TokenOutputSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Wrong user name or password."),
        },
        auth=[],
        summary="Get an API token",
    )
    def post(self, request: Request) -> Response:
        """Exchange a user name and password for the caller's API token.

        The same token comes back on every sign-in until it is revoked.
        """
        serializer = TokenCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        username: str = serializer.validated_data["username"]
        user = authenticate(
            request._request,  # the backend wants Django's request, not DRF's wrapper
            username=username,
            password=serializer.validated_data["password"],
        )
        if not isinstance(user, User):
            # authenticate() has sent user_login_failed: the accounts app audits it from there.
            raise InvalidCredentials()
        # Writes in a view: accounts has no token service yet (see the API report). The sign-in is
        # audited here because user_logged_in (the accounts app's hook) belongs to session login.
        with transaction.atomic():
            token, _created = Token.objects.get_or_create(user=user)
            audit_record(
                actor=user,
                action=AuditAction.SIGN_IN,
                object_type="user",
                object_id=user.pk,
                details={"via": "api_token"},
                request=request,
            )
        return Response(TokenOutputSerializer({"token": token.key}).data)


class TokenDeleteApi(APIView):
    authentication_classes: Sequence[type[BaseAuthentication]] = AUTHENTICATION
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
        user = request.user
        if not isinstance(user, User):  # IsAuthenticated has refused anonymous callers
            raise NotAuthenticated()
        Token.objects.filter(user=user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenApi(TokenCreateApi, TokenDeleteApi):
    # ``/auth/token/`` carries two operations and URLs route by path, so this class joins them.
    # Each operation keeps its own class (and schema) above; this one only picks their
    # authentication and permissions by method. (No docstring: the schema takes the methods'.)

    def _operation(self) -> type[TokenCreateApi] | type[TokenDeleteApi]:
        method = getattr(getattr(self, "request", None), "method", None)
        return TokenCreateApi if method == "POST" else TokenDeleteApi

    def get_authenticators(self) -> list[BaseAuthentication]:
        return [auth() for auth in self._operation().authentication_classes]

    def get_permissions(self) -> list[BasePermission]:
        return [permission() for permission in self._operation().permission_classes]


class MeDetailApi(APIView):
    authentication_classes = AUTHENTICATION

    @extend_schema(
        tags=TAGS,
        operation_id="me_retrieve",
        responses={200: MeOutputSerializer, 401: UNAUTHENTICATED},
        summary="The signed-in caller",
    )
    def get(self, request: Request) -> Response:
        return Response(MeOutputSerializer(request.user).data)
