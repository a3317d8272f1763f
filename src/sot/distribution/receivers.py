"""Registration triggers the draw, inside the registering transaction."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from sot.cases.models import CaseEvent, CaseEventKind

from .services import distribute


def on_case_event(sender: type[CaseEvent], event: CaseEvent, **kwargs: Any) -> None:
    if event.kind != CaseEventKind.REGISTERED:
        return
    if not settings.SOT_DISTRIBUTION_AUTOMATIC:
        return
    distribute(cases=[event.case], acting_user=event.actor)
