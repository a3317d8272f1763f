"""The case lifecycle as data: which status each action leads to, and from where.

filed → registered → accepted / returned / left without motion → scheduled → heard → decided →
entered into force → enforcement → archived; a pending case may be suspended and resumed; a decided
case may be appealed, a case in force may go to cassation. Anything not listed is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import CaseEventKind, CaseStatus

S = CaseStatus


class CaseAction(models.TextChoices):
    REGISTER = "register", _("Register")
    ACCEPT = "accept", _("Accept for proceedings")
    RETURN = "return", _("Return")
    LEAVE_WITHOUT_MOTION = "leave_without_motion", _("Leave without motion")
    SCHEDULE = "schedule", _("Schedule a hearing")
    MARK_HEARD = "mark_heard", _("Record the hearing as held")
    DECIDE = "decide", _("Decide")
    APPEAL = "appeal", _("Record an appeal")
    ENTER_INTO_FORCE = "enter_into_force", _("Record entry into force")
    SEND_TO_ENFORCEMENT = "send_to_enforcement", _("Send for enforcement")
    ARCHIVE = "archive", _("Archive")
    SUSPEND = "suspend", _("Suspend")
    RESUME = "resume", _("Resume")


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str | None  # None: back to the status held before suspension
    event: str


# Statuses in which a court is still working on the case and may suspend it.
SUSPENDABLE = frozenset({S.ACCEPTED, S.SCHEDULED, S.HEARD})

TRANSITIONS: dict[str, Transition] = {
    CaseAction.REGISTER: Transition(frozenset({S.FILED}), S.REGISTERED, CaseEventKind.REGISTERED),
    CaseAction.ACCEPT: Transition(
        frozenset({S.REGISTERED, S.LEFT_WITHOUT_MOTION}), S.ACCEPTED, CaseEventKind.ACCEPTED
    ),
    CaseAction.RETURN: Transition(
        frozenset({S.REGISTERED, S.LEFT_WITHOUT_MOTION}), S.RETURNED, CaseEventKind.RETURNED
    ),
    CaseAction.LEAVE_WITHOUT_MOTION: Transition(
        frozenset({S.REGISTERED}), S.LEFT_WITHOUT_MOTION, CaseEventKind.LEFT_WITHOUT_MOTION
    ),
    # A heard case may need another hearing: scheduling again is allowed from "heard".
    CaseAction.SCHEDULE: Transition(
        frozenset({S.ACCEPTED, S.SCHEDULED, S.HEARD}), S.SCHEDULED, CaseEventKind.SCHEDULED
    ),
    CaseAction.MARK_HEARD: Transition(frozenset({S.SCHEDULED}), S.HEARD, CaseEventKind.HEARD),
    CaseAction.DECIDE: Transition(frozenset({S.HEARD}), S.DECIDED, CaseEventKind.DECIDED),
    CaseAction.APPEAL: Transition(
        frozenset({S.DECIDED, S.IN_FORCE}), S.APPEALED, CaseEventKind.APPEALED
    ),
    CaseAction.ENTER_INTO_FORCE: Transition(
        frozenset({S.DECIDED, S.APPEALED}), S.IN_FORCE, CaseEventKind.IN_FORCE
    ),
    CaseAction.SEND_TO_ENFORCEMENT: Transition(
        frozenset({S.IN_FORCE}), S.ENFORCEMENT, CaseEventKind.ENFORCEMENT
    ),
    CaseAction.ARCHIVE: Transition(
        frozenset({S.RETURNED, S.IN_FORCE, S.ENFORCEMENT}), S.ARCHIVED, CaseEventKind.ARCHIVED
    ),
    CaseAction.SUSPEND: Transition(SUSPENDABLE, S.SUSPENDED, CaseEventKind.SUSPENDED),
    CaseAction.RESUME: Transition(frozenset({S.SUSPENDED}), None, CaseEventKind.RESUMED),
}


def allowed_actions(status: str) -> list[str]:
    """The actions possible from a status, in lifecycle order."""
    return [action for action, t in TRANSITIONS.items() if status in t.sources]
