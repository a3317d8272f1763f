"""The public bank's API and pages, the internal API's validation, navigation, and the demo."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.courts.tests.factories import CourtFactory
from sot.search import indexing, navigation

from .factories import make_act

pytestmark = pytest.mark.django_db


@pytest.fixture
def acts():
    court = CourtFactory()
    one = make_act(court=court, text="Взыскать алименты <b>на ребёнка</b>.", outcome="granted")
    two = make_act(court=court, text="Взыскать задолженность по алиментам.", outcome="dismissed")
    hidden = make_act(court=court, text="Алименты по закрытому делу.", closed=True)
    indexing.sync_acts([one.pk, two.pk, hidden.pk])
    return one, two, hidden


def test_the_public_api_is_open_to_anonymous_callers_and_lists_hits_and_facets(api_client, acts):
    body = api_client.get("/api/v1/search/public/", {"q": "алиментов"}).json()

    assert body["count"] == 2
    assert body["pages"] == 1
    assert {r["act"] for r in body["results"]} == {acts[0].pk, acts[1].pk}
    hit = next(r for r in body["results"] if r["act"] == acts[0].pk)
    assert "<mark>алименты</mark>" in hit["snippet"]
    assert "&lt;b&gt;" in hit["snippet"]
    assert {f["value"]: f["count"] for f in body["facets"]["outcome"]} == {
        "granted": 1,
        "dismissed": 1,
    }


def test_bad_parameters_are_a_400_with_fields(api_client, acts):
    response = api_client.get(
        "/api/v1/search/public/",
        {"kind": "verdict", "date_from": "2025-02-01", "date_to": "2025-01-01", "per_page": 500},
    )
    assert response.status_code == 400
    assert {"kind", "per_page"} <= set(response.json()["error"]["fields"])


def test_similar_acts_through_the_public_api(api_client, acts):
    body = api_client.get("/api/v1/search/public/similar/", {"act": acts[0].pk}).json()
    assert [r["act"] for r in body["results"]] == [acts[1].pk]
    assert api_client.get("/api/v1/search/public/similar/", {"act": acts[2].pk}).status_code == 404


def test_the_public_page_works_without_signing_in_and_escapes_the_text(client, acts):
    page = client.get(reverse("search:public"), {"q": "алименты"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "<mark>алименты</mark>" in html
    assert "<b>на ребёнка</b>" not in html
    assert "закрытому" not in html
    act_page = client.get(reverse("search:public_act", args=[acts[0].pk]))
    assert act_page.status_code == 200
    assert client.get(reverse("search:public_act", args=[acts[2].pk])).status_code == 404


def test_navigation_offers_the_bank_to_everyone_and_the_internal_search_to_court_staff():
    citizen = UserFactory(roles=[Role.CITIZEN])
    clerk = UserFactory(roles=[Role.CLERK])
    assert [i.url_name for i in navigation.entry_points(citizen)] == ["search:public"]
    assert [i.url_name for i in navigation.entry_points(clerk)] == [
        "search:public",
        "search:internal",
    ]


def test_demo_seed_fills_the_public_bank(api_client):
    from sot.search.demo import demo_seed

    demo_seed()
    demo_seed()  # idempotent: a second run updates, never duplicates
    body = api_client.get("/api/v1/search/public/", {"q": "алименттерін", "per_page": 1}).json()
    assert body["count"] > 0
    assert api_client.get("/api/v1/search/public/", {"per_page": 1}).json()["count"] == 360
