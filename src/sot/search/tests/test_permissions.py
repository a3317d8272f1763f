"""Closed sessions in the internal index: the filter is part of the tantivy query, so an outsider
never gets a closed case's act as a hit, as a snippet, in a facet count or among similar acts.
(Closed sessions: CPC RK art. 19, CrPC RK art. 29 — their acts are not published.)"""

from __future__ import annotations

import pytest
from django.urls import reverse

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.core.errors import Forbidden, NotFound
from sot.core.models import AuditAction, AuditEvent
from sot.courts.tests.factories import CourtFactory, JudgeFactory
from sot.search import indexing, selectors
from sot.search.engine import SearchParams

pytestmark = pytest.mark.django_db

SECRET = "Усыновление ребёнка Тайныбековым удовлетворить."
OPEN = "Иск об усыновлении оставить без рассмотрения."


@pytest.fixture
def world():
    court = CourtFactory()
    closed_case = CaseFactory(court=court, is_closed=True)
    open_case = CaseFactory(court=court)
    bench = CaseJudgeFactory(case=closed_case).judge
    from .factories import make_act

    closed_act = make_act(
        court=court, case=closed_case, text=SECRET, closed=True, judge=bench, outcome="granted"
    )
    open_act = make_act(court=court, case=open_case, text=OPEN, outcome="left")
    indexing.sync_acts([closed_act.pk, open_act.pk])
    return {
        "court": court,
        "closed_case": closed_case,
        "bench": bench,
        "closed_act": closed_act,
        "open_act": open_act,
        "colleague": JudgeFactory(court=court).user,
        "stranger_judge": JudgeFactory().user,
        "analyst": UserFactory(roles=[Role.ANALYST]),
    }


def run(user, text):
    return selectors.internal_search(user, SearchParams(text=text))


def test_a_judge_of_the_same_court_not_on_the_bench_never_sees_the_closed_act(world):
    results = run(world["colleague"], "усыновление")

    assert [hit.key for hit in results.hits] == [str(world["open_act"].pk)]
    assert results.total == 1
    assert all("Тайныбек" not in hit.snippet for hit in results.hits)
    # Facet counts come from the filtered query too: only the open act is counted.
    assert dict(results.facets["outcome"]) == {"left": 1}
    assert sum(count for _, count in results.facets["court"]) == 1


def test_a_word_only_in_the_closed_act_finds_nothing_and_counts_nothing(world):
    results = run(world["colleague"], "Тайныбековым")

    assert results.total == 0
    assert results.hits == []
    assert all(not values for values in results.facets.values())


def test_the_judge_on_the_bench_finds_the_closed_act_and_the_read_is_audited(world):
    results = run(world["bench"].user, "Тайныбековым")

    assert [hit.key for hit in results.hits] == [str(world["closed_act"].pk)]
    assert "<mark>Тайныбековым</mark>" in results.hits[0].snippet
    assert AuditEvent.objects.filter(
        action=AuditAction.CASE_CLOSED_READ,
        object_type="act",
        object_id=str(world["closed_act"].pk),
    ).exists()


def test_analysts_see_open_acts_nationwide_but_not_closed_ones(world):
    assert {h.key for h in run(world["analyst"], "усыновление").hits} == {str(world["open_act"].pk)}


def test_a_judge_of_another_court_sees_nothing_of_this_court(world):
    assert run(world["stranger_judge"], "усыновление").total == 0


def test_parties_and_citizens_have_no_internal_search(world):
    party = UserFactory(roles=[Role.CITIZEN])
    ParticipantFactory(case=world["closed_case"], user=party)
    with pytest.raises(Forbidden):
        run(party, "усыновление")


def test_similar_acts_never_reveal_a_closed_act(world):
    colleague = world["colleague"]
    similar = selectors.internal_similar(colleague, str(world["open_act"].pk))
    assert str(world["closed_act"].pk) not in {hit.key for hit in similar}
    with pytest.raises(NotFound):
        selectors.internal_similar(colleague, str(world["closed_act"].pk))


def test_the_internal_api_filters_by_the_caller(world, api_client):
    api_client.force_authenticate(world["colleague"])
    body = api_client.get("/api/v1/search/internal/", {"q": "Тайныбековым"}).json()
    assert body["count"] == 0
    assert body["results"] == []

    api_client.force_authenticate(UserFactory(roles=[Role.CITIZEN]))
    assert api_client.get("/api/v1/search/internal/", {"q": "x"}).status_code == 403


def test_the_internal_page_is_for_court_staff_only(world, client):
    client.force_login(UserFactory(roles=[Role.CITIZEN]))
    assert client.get(reverse("search:internal")).status_code == 403

    client.force_login(world["colleague"])
    page = client.get(reverse("search:internal"), {"q": "Тайныбековым"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<mark>" not in html
    assert reverse("search:internal_act", args=[world["closed_act"].pk]) not in html


def test_the_judge_filter_of_the_internal_search(world):
    bench = world["bench"]
    mine = selectors.internal_search(
        bench.user, SearchParams(text="усыновление", filters={"judge": [str(bench.pk)]})
    )
    assert [hit.key for hit in mine.hits] == [str(world["closed_act"].pk)]
    other = selectors.internal_search(
        bench.user, SearchParams(text="усыновление", filters={"judge": ["999999"]})
    )
    assert other.total == 0
