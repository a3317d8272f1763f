"""Registration triggers the draw, inside the registering transaction."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Model

from sot.cases.models import CaseEvent, CaseEventKind
from sot.courts.models import JudgeStatusPeriod

from .services import change_log, distribute, snapshot


def on_case_event(sender: type[CaseEvent], event: CaseEvent, **kwargs: Any) -> None:
    if event.kind != CaseEventKind.REGISTERED:
        return
    if not settings.SOT_DISTRIBUTION_AUTOMATIC:
        return
    distribute(cases=[event.case], acting_user=event.actor)


def on_status_period_presave(
    sender: type[Model], instance: JudgeStatusPeriod, **kwargs: Any
) -> None:
    """Remember the period as stored, so the change can be logged with before and after."""
    stored = JudgeStatusPeriod.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._distribution_before = snapshot(stored) if stored else None  # type: ignore[attr-defined]


def on_status_period_saved(sender: type[Model], instance: JudgeStatusPeriod, **kwargs: Any) -> None:
    """An absence shrinks pools: every change to a judge's status history is logged like the
    distribution settings (the pool snapshots also list who was absent at each draw)."""
    before = getattr(instance, "_distribution_before", None)
    change_log(instance, before, snapshot(instance), None)


def on_status_period_deleted(
    sender: type[Model], instance: JudgeStatusPeriod, **kwargs: Any
) -> None:
    change_log(instance, snapshot(instance), None, None)
