"""Replays event sequences against the lifecycle, as the services would have applied them."""

from __future__ import annotations

from collections.abc import Iterable

from sot.cases.lifecycle import TRANSITIONS
from sot.cases.models import CaseStatus

ACTION_BY_EVENT = {str(t.event): action for action, t in TRANSITIONS.items()}
NOT_TRANSITIONS = {"filed", "judge_assigned", "participant_added", "document_added"}


def replay(events: Iterable[tuple[str, str, str]]) -> tuple[str, str]:
    """(kind, from, to) triples after "filed" → (final status, status before suspension).

    Raises AssertionError at the first move the lifecycle does not allow or whose payload
    disagrees with the status the case was in.
    """
    status, before = str(CaseStatus.FILED), ""
    for kind, payload_from, payload_to in events:
        if kind in NOT_TRANSITIONS:
            continue
        transition = TRANSITIONS[ACTION_BY_EVENT[kind]]
        assert status in transition.sources, f"{kind} from {status}"
        target = transition.target or before or str(CaseStatus.ACCEPTED)
        before = status if kind == "suspended" else ""
        assert (payload_from, payload_to) == (status, target), (kind, payload_from, payload_to)
        status = target
    return status, before
