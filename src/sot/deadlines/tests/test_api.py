"""The deadlines API: calendar arithmetic, a case's clocks, overdue lists, violations; who sees what."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sot.cases import services as cases
from sot.cases.lifecycle import CaseAction
from sot.cases.tests.factories import CaseFactory
from sot.core import clock
from sot.deadlines.models import CaseClock, Violation
from sot.deadlines.monitor import monitor_run

from .conftest import World, at


@pytest.fixture
def overdue(world: World) -> World:
    with clock.frozen(at("2026-03-02")):
        cases.case_transition(case=world.case, action=CaseAction.SCHEDULE, acting_user=world.clerk)
    return world


def test_period_end(api_client, world: World) -> None:
    api_client.force_authenticate(world.citizen)

    response = api_client.get(
        reverse("api-deadlines-period"), {"from": "2026-03-20", "unit": "working_days", "length": 1}
    )

    assert response.status_code == 200
    assert response.json() == {
        "due": "2026-03-26",
        "skipped": ["2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-03-25"],
    }


@pytest.mark.parametrize(
    ("params", "code", "field"),
    [
        ({"from": "2026-03-20", "unit": "days", "length": -1}, "validation_failed", "length"),
        ({"from": "2031-01-01", "unit": "days", "length": 1}, "calendar_out_of_range", None),
        ({"from": "20.03.2026", "unit": "days", "length": 1}, "validation_failed", "start"),
        ({"from": "2026-03-20", "unit": "weeks", "length": 1}, "validation_failed", "unit"),
    ],
)
def test_period_bad_input_is_refused_with_a_clear_error(
    api_client, world: World, params, code, field
) -> None:
    api_client.force_authenticate(world.citizen)
    with_language = {**params}

    response = api_client.get(
        reverse("api-deadlines-period"), with_language, HTTP_ACCEPT_LANGUAGE="ru"
    )

    body = response.json()["error"]
    assert response.status_code == 400
    assert body["code"] == code
    assert field is None or field in body["fields"]


def test_period_needs_a_signed_in_caller(api_client, world: World) -> None:
    response = api_client.get(
        reverse("api-deadlines-period"), {"from": "2026-03-20", "unit": "days", "length": 1}
    )

    assert response.status_code == 401


def test_case_clocks_for_whoever_sees_the_case_only(api_client, overdue: World) -> None:
    url = reverse("api-case-clocks", args=[overdue.case.pk])
    api_client.force_authenticate(overdue.clerk)
    seen = api_client.get(url)
    api_client.force_authenticate(overdue.other_clerk)
    hidden = api_client.get(url)

    assert seen.status_code == 200
    assert [(c["rule"], c["due"], c["state"]) for c in seen.json()] == [
        ("cpc-consideration", "2026-05-04", "running")
    ]
    assert hidden.status_code == 404


def test_overdue_lists_by_role(api_client, overdue: World) -> None:
    url = reverse("api-deadlines-overdue")
    elsewhere = CaseFactory(court=overdue.other_court)
    CaseClock.objects.create(
        case=elsewhere,
        rule=CaseClock.objects.get().rule,
        court=overdue.other_court,
        state="running",
        started_on="2026-03-02",
        due="2026-05-04",
    )

    def ids(user, **params):
        api_client.force_authenticate(user)
        with clock.frozen(at("2026-05-10")):
            response = api_client.get(url, params)
        return response.status_code, [row["case_id"] for row in response.json().get("results", [])]

    assert ids(overdue.analyst) == (200, [overdue.case.pk, elsewhere.pk])
    assert ids(overdue.analyst, court=overdue.court.pk) == (200, [overdue.case.pk])
    assert ids(overdue.clerk) == (200, [overdue.case.pk])
    assert ids(overdue.judge.user) == (200, [overdue.case.pk])
    assert ids(overdue.clerk, court=overdue.other_court.pk)[0] == 404
    assert ids(overdue.citizen)[0] == 403


def test_violations_by_role(api_client, overdue: World) -> None:
    with clock.frozen(at("2026-05-05", hour=2)):
        monitor_run()
    url = reverse("api-deadlines-violations")

    def status(user, **params):
        api_client.force_authenticate(user)
        response = api_client.get(url, params)
        return response.status_code, response.json()

    chair_status, chair_body = status(overdue.chair.user)
    assert chair_status == 200
    assert [v["rule"] for v in chair_body["results"]] == ["cpc-consideration"]
    assert chair_body["results"][0]["delay_seconds"] == 2 * 3600
    assert status(overdue.analyst, kind="act_entered_late")[1]["count"] == 0
    assert status(overdue.other_clerk)[1]["count"] == 0
    assert status(overdue.judge.user)[0] == 403  # judges read the overdue list, not this one
    assert status(overdue.citizen)[0] == 403
    assert Violation.objects.count() == 1


def test_a_closed_session_case_stays_unnamed_in_lists(api_client, overdue: World) -> None:
    overdue.case.is_closed = True
    overdue.case.save(update_fields=["is_closed"])
    api_client.force_authenticate(overdue.analyst)

    with clock.frozen(at("2026-05-10")):
        response = api_client.get(reverse("api-deadlines-overdue"))

    assert response.json()["results"][0]["case_number"] is None
