"""Sections other apps add to the case page, so the page does not import each app's reads.

An app contributes with a module ``<app>/case_panel.py`` defining
``panel(request, user, case) -> CasePanel | None`` (``None``: nothing to show this user). The
view has already checked that the user may see the case; the panel checks anything finer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.http import HttpRequest

from sot.accounts.models import User
from sot.cases.models import Case


@dataclass(frozen=True)
class CasePanel:
    template: str  # rendered with ``panel`` (this object) in its context
    context: dict[str, Any] = field(default_factory=dict)


# Apps whose case_panel.py adds a section, in page order.
PROVIDERS = (
    "sot.distribution.case_panel",
    "sot.deadlines.case_panel",
    "sot.hearings.case_panel",
    "sot.filing.case_panel",
    "sot.acts.case_panel",
    "sot.notifications.case_panel",
)

PanelFunction = Callable[[HttpRequest, User, Case], CasePanel | None]


def _providers() -> list[PanelFunction]:
    found = []
    for module_name in PROVIDERS:
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as missing:
            if missing.name != module_name:
                raise
            continue
        found.append(module.panel)
    return found


def case_panels(request: HttpRequest, user: User, case: Case) -> list[CasePanel]:
    panels = []
    for provider in _providers():
        panel = provider(request, user, case)
        if panel is not None:
            panels.append(panel)
    return panels
