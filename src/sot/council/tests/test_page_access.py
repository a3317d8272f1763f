"""Who may open each Council page: anonymous, citizen, member, secretary."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.council.models import Competition, Session
from sot.courts.tests.factories import CourtFactory

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(db):
    competition = Competition.objects.create(
        position="district_judge",
        court=CourtFactory(),
        basis="x",
        announcement_kk="a",
        announcement_ru="b",
        status="announced",
        published_on=date(2026, 1, 1),
        applications_close_on=date(2026, 2, 1),
    )
    session = Session.objects.create(starts_at=at(date(2026, 3, 1)), place="Астана")
    return competition, session


# page name, args key, expected status for anonymous, citizen, member, secretary
MATRIX = [
    ("council:public_index", None, (200, 200, 200, 200)),
    ("council:competition", "competition", (200, 200, 200, 200)),
    ("council:passed_exam", None, (200, 200, 200, 200)),
    ("council:candidate_home", None, (302, 200, 200, 200)),
    ("council:secretariat_home", None, (302, 403, 403, 200)),
    ("council:competition_manage", "competition", (302, 403, 403, 200)),
    ("council:member_home", None, (302, 403, 200, 200)),
    ("council:session_detail", "session", (302, 404, 200, 200)),
]


@pytest.mark.parametrize(("name", "arg", "expected"), MATRIX, ids=[m[0] for m in MATRIX])
def test_page_access_matrix(client, records, name, arg, expected):
    competition, session = records
    args = {"competition": [competition.pk], "session": [session.pk], None: []}[arg]
    url = reverse(name, args=args)
    got = [client.get(url).status_code]
    for role in (Role.CITIZEN, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY):
        client.force_login(UserFactory(roles=[role]))
        got.append(client.get(url).status_code)
    assert tuple(got) == expected


def test_writes_refuse_get_and_anonymous_posts(client, records):
    competition, _session = records
    assert client.get(reverse("council:apply", args=[competition.pk])).status_code in (302, 405)
    response = client.post(
        reverse("council:competition_act", args=[competition.pk]), {"action": "close"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))
    client.force_login(UserFactory(roles=[Role.CITIZEN]))
    forbidden = client.post(
        reverse("council:competition_act", args=[competition.pk]), {"action": "close"}
    )
    assert forbidden.status_code == 403
    competition.refresh_from_db()
    assert competition.status == "announced"
