"""The party's page and the API: only those who may see the case; chairs and analysts see loads."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import BenchRole, CaseJudge
from sot.core.judiciary import CaseCategory
from sot.distribution.models import CategoryRule, ChairQueueEntry, Draw
from sot.distribution.stats import gini, max_over_mean


def test_party_sees_how_the_judge_was_chosen(country, client):
    case = country.register()
    client.force_login(country.citizen)
    response = client.get(reverse("distribution:case", args=[case.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    judge = Draw.objects.get(case=case).judge
    assert judge is not None
    assert judge.full_name in text
    assert "message--success" in text  # the re-derivation matched


def test_a_stranger_gets_404_on_page_and_api(country, client):
    case = country.register()
    client.force_login(UserFactory(roles=[Role.CITIZEN]))
    assert client.get(reverse("distribution:case", args=[case.pk])).status_code == 404
    assert client.get(reverse("api-distribution-case", args=[case.pk])).status_code == 404


def test_api_returns_entries_proofs_and_checks(country, api_client):
    case = country.register()
    api_client.force_authenticate(country.citizen)
    body = api_client.get(reverse("api-distribution-case", args=[case.pk])).json()
    assert body["verified"] is True
    draw = body["draws"][0]
    assert draw["inclusion_proof"]["leaf_index"] == draw["leaf_index"]
    assert draw["entry"]["result"]["judge"] == draw["judge"]["id"]
    assert body["tree_head"]["tree_size"] > draw["leaf_index"]


def test_case_page_links_to_the_distribution(country, client):
    case = country.register()
    client.force_login(country.citizen)
    text = client.get(reverse("web:case_detail", args=[case.pk])).content.decode()
    assert reverse("distribution:case", args=[case.pk]) in text


def test_chair_reassigns_from_the_page_and_a_bad_reason_changes_nothing(country, client):
    CategoryRule.objects.filter(category=CaseCategory.CRIMINAL, instance="first").update(min_pool=2)
    case = country.register(category=CaseCategory.CRIMINAL)
    before = CaseJudge.objects.get(case=case, role=BenchRole.PRESIDING).judge_id
    client.force_login(country.chair)
    url = reverse("distribution:reassign", args=[case.pk])
    client.post(url, {"reason": "whim", "note": ""})
    assert CaseJudge.objects.get(case=case, role=BenchRole.PRESIDING).judge_id == before
    client.post(url, {"reason": "long_absence", "note": ""})
    assert CaseJudge.objects.get(case=case, role=BenchRole.PRESIDING).judge_id != before


def test_chair_queue_page_and_assignment(country, client):
    CategoryRule.objects.filter(category=CaseCategory.CRIMINAL, instance="first").update(min_pool=9)
    case = country.register(category=CaseCategory.CRIMINAL)
    client.force_login(country.chair)
    page = client.get(reverse("distribution:queue"))
    assert page.status_code == 200
    assert case.number in page.content.decode()
    judge = country.judges["home"][0]
    client.post(
        reverse("distribution:chair_assign", args=[case.pk]),
        {f"case{case.pk}-judge": judge.pk, f"case{case.pk}-note": "free this week"},
    )
    assert ChairQueueEntry.objects.get(case=case).resolved_at is not None
    assert CaseJudge.objects.get(case=case, role=BenchRole.PRESIDING).judge_id == judge.pk


def test_queue_is_for_chairs_only(country, client):
    client.force_login(country.clerk)
    assert client.get(reverse("distribution:queue")).status_code == 404


@pytest.mark.parametrize(
    ("role", "national", "own_court"),
    [("analyst", 200, 200), ("chair", 404, 200), ("clerk", 404, 404)],
)
def test_load_view_access(country, api_client, role, national, own_court):
    user = {
        "analyst": UserFactory(roles=[Role.ANALYST]),
        "chair": country.chair,
        "clerk": country.clerk,
    }[role]
    api_client.force_authenticate(user)
    url = reverse("api-distribution-loads")
    assert api_client.get(url).status_code in ({200} if national == 200 else {403})
    assert api_client.get(url, {"court": country.home.code}).status_code in (
        {200} if own_court == 200 else {403}
    )


def test_load_view_counts_weighted_open_cases(country, api_client):
    for _ in range(3):
        country.register(category=CaseCategory.CRIMINAL)
    api_client.force_authenticate(UserFactory(roles=[Role.ANALYST]))
    body = api_client.get(reverse("api-distribution-loads"), {"court": country.home.code}).json()
    assert sorted(row["open_cases"] for row in body["judges"]) == [1, 1, 1]
    assert body["max_over_mean"] == pytest.approx(1.0)
    assert body["gini"] == pytest.approx(0.0)


def test_gini_and_max_over_mean():
    assert gini([1, 1, 1, 1]) == 0
    assert gini([0, 0, 0, 4]) == pytest.approx(0.75)
    assert max_over_mean([1, 2, 3]) == pytest.approx(1.5)
    assert max_over_mean([]) == 0


def test_anyone_may_verify_an_open_case_by_number(country, api_client):
    case = country.register()
    body = api_client.get(reverse("api-distribution-verify"), {"number": case.number}).json()
    assert body["verified"] is True
    assert body["case_number"] == case.number


def test_a_closed_case_is_not_found_by_the_public_check(country, api_client):
    case = country.register(is_closed=True)
    response = api_client.get(reverse("api-distribution-verify"), {"number": case.number})
    assert response.status_code == 404
    assert api_client.get(reverse("api-distribution-verify")).status_code == 400
