"""The demo runs a whole competition with a secret vote (issue 10, "done when")."""

from __future__ import annotations

import pytest
from django.utils import timezone

from sot.core import clock
from sot.council.demo import demo_seed
from sot.council.models import (
    ApplicationStatus,
    CompetitionStatus,
    Decision,
    SecretBallot,
    Vote,
    VoterMark,
)
from sot.council.services import sessions as session_services
from sot.courts.tests.factories import CourtFactory

from .conftest import at

pytestmark = pytest.mark.django_db


def test_demo_competition_from_announcement_to_recommendation_with_a_secret_vote():
    CourtFactory(level="district", kind="district")
    demo = demo_seed()
    assert demo is not None
    competition = demo.competition
    assert competition.status == CompetitionStatus.COMPLETED
    assert demo.winner.status == ApplicationStatus.WON
    statuses = sorted(competition.applications.values_list("status", flat=True))
    assert statuses == ["not_selected", "rejected", "won"]
    votes = Vote.objects.filter(item__competition=competition).order_by("pk")
    assert [(v.is_secret, v.votes_for, v.votes_against, v.required, v.adopted) for v in votes] == [
        (True, 7, 1, 6, True),
        (True, 4, 4, 6, False),
    ]
    # Art. 18 §8 with a secret ballot: choices without members, marks without choices.
    assert SecretBallot.objects.filter(vote__in=votes).count() == 16
    assert VoterMark.objects.filter(vote__in=votes).count() == 16
    assert {f.name for f in SecretBallot._meta.get_fields()} == {"id", "vote", "choice"}
    decision = Decision.objects.get(item__competition=competition)
    assert decision.published_at is not None
    assert decision.is_adopted
    assert competition.applications.filter(notified_on__isnull=True).count() == 0
    # Seeding twice changes nothing.
    again = demo_seed()
    assert again is not None
    assert again.competition.pk == competition.pk


def test_demo_leaves_a_live_secret_vote_waiting_for_the_chair():
    CourtFactory(level="district", kind="district")
    demo_seed()
    live = Vote.objects.get(is_open=True)
    assert live.is_secret
    assert live.voter_marks.count() == 8
    session = live.item.session
    chair = session.present.get(role="chair").user
    with clock.frozen(at(timezone.localdate(session.starts_at))):
        session_services.ballot_cast(vote=live, choice="for", acting_user=chair)
        closed = session_services.vote_close(vote=live, acting_user=chair)
    assert (closed.votes_for, closed.votes_against, closed.required, closed.adopted) == (
        7,
        2,
        6,
        True,
    )
