"""Sign-ins and failed sign-ins go to the audit log (connected in AccountsConfig.ready)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from sot.core.audit import audit_record
from sot.core.models import AuditAction

from .models import User


def on_signed_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    audit_record(
        actor=user,
        action=AuditAction.SIGN_IN,
        object_type="user",
        object_id=user.pk,
        request=request,
    )


def on_sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Only the username is kept: never the password Django has already scrubbed.
    audit_record(
        actor=None,
        action=AuditAction.SIGN_IN_FAILED,
        object_type="user",
        object_id=str(credentials.get("username", ""))[:64],
        request=request,
    )
