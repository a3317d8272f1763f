"""Writes for accounts: creating users with roles, issuing and revoking API tokens."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.models import Token

from sot.core.audit import audit_record
from sot.core.errors import DomainError, ValidationFailed
from sot.core.iin import is_valid_iin
from sot.core.models import AuditAction
from sot.courts.models import Court

from .models import User
from .roles import Role


def roles_ensure() -> dict[str, Group]:
    """Create every role's group if missing; returns them by name."""
    return {role.value: Group.objects.get_or_create(name=role.value)[0] for role in Role}


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    middle_name: str = "",
    iin: str | None = None,
    email: str = "",
    roles: Iterable[Role] = (),
    court: Court | None = None,
    preferred_language: str = "kk",
) -> User:
    if iin is not None and not is_valid_iin(iin):
        raise ValidationFailed(fields={"iin": [_("Not a valid IIN.")]})
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        middle_name=middle_name,
        iin=iin,
        email=email,
        court=court,
        preferred_language=preferred_language,
    )
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save()
    groups = roles_ensure()
    user.groups.set([groups[str(role)] for role in roles])
    return user


class InvalidCredentials(DomainError):
    code = "invalid_credentials"
    status = 400
    default_message = _("The user name or the password is not correct.")


def token_issue(*, username: str, password: str, request: HttpRequest | None) -> Token:
    """The user's API token for a user name and password; the same one until it is revoked.

    A failed attempt is audited by ``sot.accounts.signin_audit`` (``authenticate`` sends
    ``user_login_failed``). A success is audited here: ``user_logged_in``, the hook of session
    sign-ins, is sent by ``login()``, never by ``authenticate``, so nothing else records it.
    """
    user = authenticate(request, username=username, password=password)
    if not isinstance(user, User):
        raise InvalidCredentials()
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
    return token


def token_revoke(*, user: User) -> None:
    """Revoke the user's API token, if any; the next sign-in issues a new one."""
    Token.objects.filter(user=user).delete()
