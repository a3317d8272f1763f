"""Write audit rows for sensitive reads and security events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from .models import AuditAction, AuditEvent

if TYPE_CHECKING:
    from sot.accounts.models import User


def audit_record(
    *,
    actor: User | AnonymousUser | None,
    action: AuditAction,
    object_type: str,
    object_id: str | int,
    details: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    user = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent.objects.create(
        actor=user,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        details=details or {},
        ip_address=request.META.get("REMOTE_ADDR") if request is not None else None,
    )
