"""The dashboard, drill-down, exports and definitions pages, and who may open them."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import Case

from .world import World

pytestmark = pytest.mark.django_db

YEAR = {"from": "2025-01", "to": "2025-12"}


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_chair_sees_their_court_against_region_and_country(world: World) -> None:
    response = _client(world.chair).get(reverse("analytics:dashboard"), YEAR)
    assert response.status_code == 200
    places = response.context["dash"].places
    court = world.courts[0]
    assert [p.level for p in places] == ["court", "region", "country"]
    assert places[0].court == court
    assert places[1].region == court.region
    assert b'data-indicator="past_deadline"' in response.content


def test_a_chair_may_not_open_another_courts_figures(world: World) -> None:
    other = world.courts[2]
    response = _client(world.chair).get(reverse("analytics:dashboard"), {"court": other.code})
    assert response.status_code == 403


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.JUDGE, Role.CLERK, Role.LAWYER])
def test_other_roles_are_refused(world: World, role: Role) -> None:
    user = UserFactory(roles=[role])
    assert _client(user).get(reverse("analytics:dashboard")).status_code == 403
    url = reverse("analytics:drill", args=["past_deadline"])
    assert _client(user).get(url).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(world: World) -> None:
    response = Client().get(reverse("analytics:dashboard"))
    assert response.status_code == 302
    assert reverse("web:login") in response["Location"]


def test_bad_filters_are_a_clear_400(world: World) -> None:
    response = _client(world.analyst).get(reverse("analytics:dashboard"), {"from": "2025-13"})
    assert response.status_code == 400


def test_drill_down_lists_the_cases_behind_past_deadline(world: World) -> None:
    court = world.courts[0]
    url = reverse("analytics:drill", args=["past_deadline"])
    response = _client(world.chair).get(url, {"court": court.code, **YEAR})
    assert response.status_code == 200
    listed = {c.pk for c in response.context["page_obj"].paginator.object_list}
    expected = set(
        Case.objects.filter(
            court=court,
            violations__kind="deadline_breached",
            violations__detected_at__year=2025,
        ).values_list("pk", flat=True)
    )
    assert listed == expected


def test_a_chairs_region_drill_down_shows_only_cases_they_may_see(world: World) -> None:
    url = reverse("analytics:drill", args=["filed"])
    response = _client(world.chair).get(url, {"region": world.regions[0].code, **YEAR})
    courts = {c.court_id for c in response.context["page_obj"].paginator.object_list}
    assert courts <= {world.courts[0].pk}


def test_analysts_see_any_court_and_drill_anywhere(world: World) -> None:
    client = _client(world.analyst)
    response = client.get(reverse("analytics:dashboard"), {"court": world.courts[2].code})
    assert response.status_code == 200
    url = reverse("analytics:drill", args=["resolved"])
    response = client.get(url, {"region": world.regions[1].code, **YEAR})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count > 0


def test_an_unknown_indicator_is_404(world: World) -> None:
    url = reverse("analytics:drill", args=["no-such-thing"])
    assert _client(world.analyst).get(url).status_code == 404


def test_exports_as_csv_and_xlsx(world: World) -> None:
    client = _client(world.analyst)
    url = reverse("analytics:export", args=["indicators"])
    csv = client.get(url, {"format": "csv", **YEAR})
    assert csv.status_code == 200
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].count(",") >= 3
    xlsx = client.get(reverse("analytics:export", args=["regions"]), {"format": "xlsx"})
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    assert sheet.max_row == 1 + len(world.regions) or sheet.max_row > 1
    drill = client.get(reverse("analytics:drill", args=["filed"]), {"format": "xlsx", **YEAR})
    assert drill.status_code == 200
    rows = list(load_workbook(io.BytesIO(drill.content)).active.iter_rows(values_only=True))
    assert len(rows) - 1 == sum(1 for c in world.cases if c.filed_at.year == 2025)


def test_an_unknown_export_is_404(world: World) -> None:
    client = _client(world.analyst)
    assert client.get(reverse("analytics:export", args=["secrets"])).status_code == 404
    url = reverse("analytics:export", args=["indicators"])
    assert client.get(url, {"format": "exe"}).status_code == 404


def test_indicators_without_a_source_show_no_data_not_zero(world: World) -> None:
    response = _client(world.analyst).get(reverse("analytics:dashboard"), YEAR)
    rows = {r.indicator.code: r for _, rows in response.context["dash"].groups for r in rows}
    assert rows["writs_rejected"].values[0].value is None
    assert rows["complaints"].values[0].value is None
    assert rows["appeal_reversal_rate"].values[0].value is None  # no act outcomes yet


def test_definitions_page_lists_every_indicator(world: World) -> None:
    response = _client(world.analyst).get(reverse("analytics:definitions"))
    assert response.status_code == 200
    assert b"CEPEJ" in response.content


def test_the_dashboard_reads_aggregates_only(world: World, django_assert_max_num_queries) -> None:
    client = _client(world.analyst)
    with django_assert_max_num_queries(40):
        client.get(reverse("analytics:dashboard"), YEAR)
