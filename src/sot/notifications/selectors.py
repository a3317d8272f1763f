"""Reads of notices, always for one person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from .models import Notice

if TYPE_CHECKING:
    from sot.accounts.models import User


def inbox(user: User) -> QuerySet[Notice]:
    """The notices addressed to ``user``, newest first."""
    return Notice.objects.filter(recipient=user).select_related("case")
