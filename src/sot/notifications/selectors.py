"""Reads of notices and contact points, always for one person: another person's are "not found"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet

from sot.core.errors import NotFound

from .models import ContactPoint, Delivery, Notice

if TYPE_CHECKING:
    from sot.accounts.models import User


def inbox(user: User) -> QuerySet[Notice]:
    """The notices addressed to ``user``, newest first, with their deliveries."""
    return (
        Notice.objects.filter(recipient=user)
        .select_related("case")
        .prefetch_related(Prefetch("deliveries", queryset=Delivery.objects.order_by("pk")))
    )


def unread_count(user: User) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).count()


def access_notice(user: User, notice_id: int) -> Notice:
    notice = inbox(user).filter(pk=notice_id).first()
    if notice is None:
        raise NotFound()
    return notice


def contact_points(user: User) -> QuerySet[ContactPoint]:
    return ContactPoint.objects.filter(user=user)


def access_contact_point(user: User, contact_id: int) -> ContactPoint:
    point = contact_points(user).select_related("user").filter(pk=contact_id).first()
    if point is None:
        raise NotFound()
    return point
