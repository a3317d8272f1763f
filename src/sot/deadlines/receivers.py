"""The case event signal's receiver: clocks follow the case's events as they are recorded."""

from __future__ import annotations

from typing import Any

from sot.cases.models import CaseEvent

from .services import clocks_on_case_event


def on_case_event_recorded(sender: type[CaseEvent], event: CaseEvent, **kwargs: Any) -> None:
    clocks_on_case_event(event)
