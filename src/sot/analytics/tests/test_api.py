"""The Situational Center API: values, drill-down, load, definitions, and who may call them."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.analytics.api.operations import PROTECTED
from sot.analytics.indicators import INDICATORS

from .world import World

pytestmark = pytest.mark.django_db
BASE = "/api/v1/analytics/"
YEAR = {"from": "2025-01", "to": "2025-12"}


def _api(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_every_indicator_has_a_definition(world: World) -> None:
    response = _api(world.analyst).get(BASE + "indicators/")
    assert response.status_code == 200
    assert {d["code"] for d in response.json()} == {i.code for i in INDICATORS}


def test_values_for_a_court_equal_the_dashboard(world: World) -> None:
    court = world.courts[0]
    response = _api(world.chair).get(BASE + "values/", {"court": court.code, **YEAR})
    assert response.status_code == 200
    body = response.json()
    assert body["place"]["level"] == "court"
    by_code = {v["code"]: v for v in body["values"]}
    assert by_code["writs_sent"]["has_data"] is False
    assert by_code["writs_sent"]["value"] is None
    assert by_code["filed"]["value"] == sum(
        1 for c in world.cases if c.court_id == court.pk and c.filed_at.year == 2025
    )


def test_one_value_and_its_cases(world: World) -> None:
    client = _api(world.analyst)
    value = client.get(BASE + "values/resolved/", YEAR).json()["values"][0]
    cases = client.get(BASE + "values/resolved/cases/", {**YEAR, "page_size": "500"}).json()
    assert cases["count"] == value["value"]


def test_load_has_gini_and_max_over_mean(world: World) -> None:
    body = _api(world.analyst).get(BASE + "load/").json()
    assert set(body) >= {"mean", "max_over_mean", "gini", "judges"}
    assert body["gini"] is None or 0 <= body["gini"] <= 1


def test_a_chair_is_refused_another_court(world: World) -> None:
    response = _api(world.chair).get(BASE + "values/", {"court": world.courts[2].code})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_bad_filters_answer_400_with_fields(world: World) -> None:
    response = _api(world.analyst).get(BASE + "values/", {"from": "May", "category": "x"})
    assert response.status_code == 400
    assert "from" in response.json()["error"]["fields"]


def test_unknown_indicator_is_404(world: World) -> None:
    assert _api(world.analyst).get(BASE + "values/nope/").status_code == 404


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_citizens_are_refused_every_operation(world: World, method: str, path: str) -> None:
    citizen = UserFactory(roles=[Role.CITIZEN])
    response = getattr(_api(citizen), method)(path.replace("{code}", "filed"))
    assert response.status_code == 403
