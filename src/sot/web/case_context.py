"""What the case page shows, read through the case selectors and shaped for the template."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from sot.accounts.models import User
from sot.cases import rules, selectors
from sot.cases.lifecycle import CaseAction, allowed_actions
from sot.cases.models import (
    BenchRole,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseStatus,
    ParticipantRole,
    PartyKind,
)
from sot.core.iin import mask_iin


@dataclass(frozen=True)
class PartyRow:
    name: str
    role: str
    kind: str
    # "IIN ••••••••1234" for people (always masked here), "BIN …" for organisations.
    identifier_label: str
    identifier: str
    represents: str


@dataclass(frozen=True)
class BenchRow:
    name: str
    role: str


@dataclass(frozen=True)
class TimelineEntry:
    kind: str
    at: datetime
    label: str
    actor: str
    details: list[str]


@dataclass(frozen=True)
class ActionButton:
    value: str
    label: str | Promise


def _label(choices: type[Any], value: object) -> str:
    """A choice's label, or the raw value when the log holds one the code no longer knows."""
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def parties(case: Case) -> list[PartyRow]:
    rows = []
    for participant in case.participants.select_related("represents").order_by("pk"):
        if participant.kind == PartyKind.ORGANISATION and participant.bin:
            identifier_label, identifier = _("BIN"), participant.bin
        elif participant.iin:
            identifier_label, identifier = _("IIN"), mask_iin(participant.iin)
        else:
            identifier_label, identifier = "", ""
        rows.append(
            PartyRow(
                name=participant.name,
                role=_label(ParticipantRole, participant.role),
                kind=_label(PartyKind, participant.kind),
                identifier_label=identifier_label,
                identifier=identifier,
                represents=participant.represents.name if participant.represents else "",
            )
        )
    return rows


def bench(case: Case) -> list[BenchRow]:
    seats = case.bench.select_related("judge__user").order_by("assigned_at", "pk")
    return [
        BenchRow(name=str(seat.judge.user), role=_label(BenchRole, seat.role)) for seat in seats
    ]


def _event_details(event: CaseEvent) -> list[str]:
    payload = event.payload if isinstance(event.payload, dict) else {}
    details = []
    if "from" in payload and "to" in payload:
        details.append(
            _("Status: %(before)s → %(after)s")
            % {
                "before": _label(CaseStatus, payload["from"]),
                "after": _label(CaseStatus, payload["to"]),
            }
        )
    if event.kind == CaseEventKind.REGISTERED and payload.get("number"):
        details.append(_("Number: %(number)s") % {"number": payload["number"]})
    if event.kind == CaseEventKind.PARTICIPANT_ADDED and payload.get("role"):
        details.append(_label(ParticipantRole, payload["role"]))
    if event.kind == CaseEventKind.JUDGE_ASSIGNED and payload.get("role"):
        details.append(_label(BenchRole, payload["role"]))
    if payload.get("note"):
        details.append(str(payload["note"]))
    return details


def timeline(case: Case) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            kind=event.kind,
            at=event.at,
            label=_label(CaseEventKind, event.kind),
            actor=str(event.actor) if event.actor else _("Sot (automatic)"),
            details=_event_details(event),
        )
        for event in selectors.case_events(case)
    ]


# Taken on the case page's hearings section, which records the hearing, its outcome or the
# suspension's ground with the move; a bare button here would move the case without them.
HEARING_ACTIONS = frozenset(
    {CaseAction.SCHEDULE, CaseAction.MARK_HEARD, CaseAction.SUSPEND, CaseAction.RESUME}
)
PAGE_ACTIONS = [a for a in CaseAction.values if a not in HEARING_ACTIONS]


def available_actions(user: User, case: Case) -> list[ActionButton]:
    """What the lifecycle allows from the case's status and the rules let this user do."""
    offered = [a for a in allowed_actions(case.status) if a not in HEARING_ACTIONS]
    return [
        ActionButton(value=action, label=CaseAction(action).label)
        for action in rules.permitted_actions(user, case, offered)
    ]


def case_page_context(user: User, case: Case) -> dict[str, Any]:
    return {
        "case": case,
        "court_timezone": case.court.timezone,
        "parties": parties(case),
        "bench": bench(case),
        "matter_cases": list(selectors.matter_cases(user, case)),
        "timeline": timeline(case),
        "actions": available_actions(user, case),
    }
