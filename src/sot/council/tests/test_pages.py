"""The Council's pages: public, candidate, secretariat and members, with who may open what."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.core import clock
from sot.council.demo import demo_seed
from sot.council.models import Competition, Session, Vote
from sot.council.services import sessions as session_services
from sot.courts.tests.factories import CourtFactory

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    CourtFactory()
    return demo_seed()


def test_public_pages_show_announcements_decisions_and_the_passed_list(client, demo):
    index = client.get(reverse("council:public_index"))
    assert index.status_code == 200
    assert str(demo.competition.court.name) in index.content.decode()
    page = client.get(reverse("council:competition", args=[demo.competition.pk]))
    assert demo.winner.candidate.user.full_name in page.content.decode()
    passed = client.get(reverse("council:passed_exam"))
    assert demo.winner.candidate.user.full_name in passed.content.decode()


def test_draft_competition_is_not_public(client, demo):
    draft = Competition.objects.create(
        position="district_judge",
        court=demo.competition.court,
        basis="x",
        announcement_kk="a",
        announcement_ru="b",
    )
    assert client.get(reverse("council:competition", args=[draft.pk])).status_code == 404


def test_candidate_sees_own_status_and_reasons(client, demo):
    client.force_login(demo.winner.candidate.user)
    page = client.get(reverse("council:candidate_home"))
    assert page.status_code == 200
    assert demo.winner.get_status_display() in page.content.decode()


def test_candidate_opens_record_once(client):
    user = UserFactory(roles=[Role.CITIZEN])
    client.force_login(user)
    data = {
        "born_on": "1990-01-01",
        "is_citizen": "on",
        "higher_legal_education": "on",
        "degree": "none",
    }
    client.post(reverse("council:candidate_register"), data)
    client.post(reverse("council:candidate_register"), data)
    assert user.council_candidate.born_on.year == 1990


def test_secretariat_pages_need_the_secretary_role(client, demo):
    urls = [
        reverse("council:secretariat_home"),
        reverse("council:competition_manage", args=[demo.competition.pk]),
    ]
    client.force_login(UserFactory(roles=[Role.CITIZEN]))
    assert [client.get(url).status_code for url in urls] == [403, 403]
    secretary = UserFactory(roles=[Role.COUNCIL_SECRETARY])
    client.force_login(secretary)
    assert [client.get(url).status_code for url in urls] == [200, 200]


def test_session_page_is_for_members_and_secretariat(client, demo):
    session = Session.objects.get(agenda__competition=demo.competition)
    url = reverse("council:session_detail", args=[session.pk])
    client.force_login(UserFactory(roles=[Role.CITIZEN]))
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(roles=[Role.COUNCIL_MEMBER]))
    page = client.get(url)
    assert page.status_code == 200, page.content[:2000]
    assert session.place in page.content.decode()
    # The agenda is rendered: the nominated winner and the counted secret vote.
    assert demo.winner.candidate.user.full_name in page.content.decode()


def test_secret_ballot_page_and_vote_through_the_page(client, demo):
    session = Session.objects.get(agenda__competition=demo.competition)
    item = session.agenda.get()
    chair = session.present.get(role="chair").user
    # Re-open a fresh vote on the same nomination for the test, inside the session's day.
    with clock.frozen(at(timezone.localdate(session.starts_at))):
        Session.objects.filter(pk=session.pk).update(status="open")
        vote = session_services.vote_open(
            item=item,
            question="Тест",
            is_secret=True,
            nomination=item.nominations.first(),
            acting_user=chair,
        )
    seat = session.present.exclude(role="chair").first()
    assert seat is not None
    member = seat.user
    client.force_login(member)
    page = client.get(reverse("council:ballot", args=[vote.pk]))
    assert page.status_code == 200
    client.post(reverse("council:ballot_cast", args=[vote.pk]), {"choice": "for"})
    client.post(reverse("council:ballot_cast", args=[vote.pk]), {"choice": "for"})
    vote = Vote.objects.get(pk=vote.pk)
    assert vote.secret_ballots.count() == 1
    assert vote.voter_marks.filter(seat__user=member).count() == 1


def test_art_18_9_secretariat_records_the_winners_special_check_on_the_page(client, demo):
    secretary = UserFactory(roles=[Role.COUNCIL_SECRETARY])
    client.force_login(secretary)
    url = reverse("council:candidate_record", args=[demo.winner.pk])
    client.post(url, {"record": "special_check", "issued_on": "2026-01-10", "is_passed": "on"})
    client.post(url, {"record": "conclusion", "kind": "public_council", "given_on": "2026-01-10"})
    client.post(url, {"record": "polygraph", "examined_on": "2026-01-10"})
    candidate = demo.winner.candidate
    check = candidate.special_checks.get(issued_on="2026-01-10")
    assert check.valid_until.isoformat() == "2027-01-10"
    assert candidate.conclusions.get().kind == "public_council"
    assert candidate.polygraph_results.get().is_favourable is False
    page = client.get(reverse("council:competition_manage", args=[demo.competition.pk]))
    assert page.status_code == 200
    assert f'id="a{demo.winner.pk}-check-issued_on"' in page.content.decode()
