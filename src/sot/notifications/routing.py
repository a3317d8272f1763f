"""Routing: which channels a notice uses, its fallbacks, lead time and who answers for it.

Rules are data (``RoutingRule``, edited in the admin); a kind without a row uses ``DEFAULTS``.
The inbox always gets a copy and needs no rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from .models import Channel, Responsible, RoutingRule

SMS, EMAIL, PUSH, PAPER = Channel.SMS, Channel.EMAIL, Channel.PUSH, Channel.HYBRID_MAIL


@dataclass(frozen=True)
class Route:
    channels: tuple[str, ...]
    fallbacks: tuple[str, ...]
    lead_time: timedelta
    responsible: str
    max_attempts: int = 3
    retry_after: timedelta = timedelta(seconds=30)


_SUMMONS = ((SMS, PUSH), (EMAIL, PAPER))
DEFAULTS: dict[str, Route] = {
    "filing.submitted": Route((EMAIL, PUSH), (), timedelta(0), Responsible.FILING_OFFICE),
    "filing.accepted": Route((EMAIL, PUSH), (SMS,), timedelta(0), Responsible.FILING_OFFICE),
    "filing.returned": Route((EMAIL, PUSH), (SMS, PAPER), timedelta(0), Responsible.FILING_OFFICE),
    "filing.left_without_motion": Route(
        (EMAIL, PUSH), (SMS, PAPER), timedelta(0), Responsible.FILING_OFFICE
    ),
    "act.issued": Route((EMAIL, PUSH), (SMS, PAPER), timedelta(0), Responsible.PRESIDING_JUDGE),
    "act.published": Route((PUSH,), (), timedelta(0), Responsible.COURT_OFFICE),
    # Summons must arrive in time for the person to come: three days ahead by default.
    "hearing.scheduled": Route(*_SUMMONS, timedelta(days=3), Responsible.PRESIDING_JUDGE),
    "hearing.postponed": Route(*_SUMMONS, timedelta(days=1), Responsible.PRESIDING_JUDGE),
    "hearing.cancelled": Route(*_SUMMONS, timedelta(hours=2), Responsible.PRESIDING_JUDGE),
    "hearing.suspended": Route((SMS, PUSH), (EMAIL,), timedelta(0), Responsible.PRESIDING_JUDGE),
    "hearing.resumed": Route((SMS, PUSH), (EMAIL,), timedelta(0), Responsible.PRESIDING_JUDGE),
    # Staff reminders: e-mail, starting this long before the deadline's last day.
    "deadline.approaching": Route(
        (EMAIL, PUSH), (), timedelta(days=3), Responsible.PRESIDING_JUDGE
    ),
}
FALLBACK_ROUTE = Route((EMAIL,), (), timedelta(0), Responsible.COURT_OFFICE)


def route_for(kind: str) -> Route:
    rule = RoutingRule.objects.filter(kind=kind).first()
    if rule is None:
        return DEFAULTS.get(kind, FALLBACK_ROUTE)
    return Route(
        channels=tuple(rule.channels),
        fallbacks=tuple(rule.fallbacks),
        lead_time=rule.lead_time,
        responsible=rule.responsible,
        max_attempts=rule.max_attempts,
        retry_after=rule.retry_after,
    )
