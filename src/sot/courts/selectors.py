"""Reads of the public court directory: courts and judges, open to everyone."""

from __future__ import annotations

from django.db.models import QuerySet

from sot.core.errors import NotFound

from .models import Court, Judge


def directory_courts() -> QuerySet[Court]:
    """Active courts with what their directory entry shows."""
    return Court.objects.active().select_related("region", "parent").order_by("code")


def access_court(code: str) -> Court:
    """One court by code, abolished ones included (old cases refer to them)."""
    court = (
        Court.objects.select_related("region", "parent")
        .prefetch_related("competences")
        .filter(code=code)
        .first()
    )
    if court is None:
        raise NotFound()
    return court


def directory_judges() -> QuerySet[Judge]:
    """Judges with everything their public card shows, in a fixed number of queries."""
    return (
        Judge.objects.select_related("user", "court")
        .prefetch_related("specialisations")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def access_judge(judge_id: int) -> Judge:
    judge = directory_judges().filter(pk=judge_id).first()
    if judge is None:
        raise NotFound()
    return judge
