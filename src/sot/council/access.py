"""Who may do what in the Council's work. Lists are filtered in selectors; these answer "may"."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from sot.accounts.models import User
from sot.accounts.roles import Role

from .models import CouncilSeat, SeatRole


def is_secretariat(user: User | AnonymousUser) -> bool:
    """The secretary and the Council's staff (Art. 7) run competitions, sessions and exams."""
    return (
        isinstance(user, User)
        and user.is_active
        and user.has_role(Role.COUNCIL_SECRETARY, Role.ADMINISTRATOR)
    )


def is_member(user: User | AnonymousUser) -> bool:
    return isinstance(user, User) and user.is_active and user.has_role(Role.COUNCIL_MEMBER)


def seats_in_office(on: date) -> Q:
    return Q(since__lte=on) & (Q(until__isnull=True) | Q(until__gte=on))


def voting_seat(user: User, on: date) -> CouncilSeat | None:
    """The user's seat with a vote (chair or member) on ``on``; the secretary has none (Art. 4 §11)."""
    if not is_member(user):
        return None
    return (
        CouncilSeat.objects.filter(seats_in_office(on), user=user)
        .exclude(role=SeatRole.SECRETARY)
        .first()
    )


def voting_seats(on: date) -> list[CouncilSeat]:
    return list(
        CouncilSeat.objects.filter(seats_in_office(on))
        .exclude(role=SeatRole.SECRETARY)
        .select_related("user")
        .order_by("pk")
    )
