"""The case page's deadlines panel, the docket by urgency, the monitoring pages, the CLI."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from sot.cases import services as cases
from sot.cases.lifecycle import CaseAction
from sot.cases.models import CaseStatus
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory
from sot.core import clock
from sot.deadlines.monitor import monitor_run

from .conftest import World, at


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def scheduled(world: World) -> World:
    with clock.frozen(at("2026-03-02")):
        cases.case_transition(case=world.case, action=CaseAction.SCHEDULE, acting_user=world.clerk)
    return world


def test_case_page_shows_the_running_deadline(scheduled: World) -> None:
    with clock.frozen(at("2026-03-03")):
        html = (
            client_for(scheduled.clerk)
            .get(reverse("web:case_detail", args=[scheduled.case.pk]))
            .content.decode()
        )

    assert 'data-rule="cpc-consideration" data-state="running"' in html
    assert "04.05.2026" in html


def test_docket_puts_the_nearest_deadline_first(scheduled: World) -> None:
    older_without_clock = CaseFactory(court=scheduled.court, status=CaseStatus.ACCEPTED)
    CaseJudgeFactory(case=older_without_clock, judge=scheduled.judge)
    older_without_clock.filed_at = scheduled.case.filed_at.replace(year=2020)
    older_without_clock.save(update_fields=["filed_at"])

    html = client_for(scheduled.judge.user).get(reverse("web:docket")).content.decode()

    first = html.index(f'href="/cases/{scheduled.case.pk}/"')
    second = html.index(f'href="/cases/{older_without_clock.pk}/"')
    assert first < second


def test_overdue_page_for_the_courts_clerk(scheduled: World) -> None:
    with clock.frozen(at("2026-05-10")):
        response = client_for(scheduled.clerk).get(reverse("deadlines:overdue"))

    assert response.status_code == 200
    assert f'href="/cases/{scheduled.case.pk}/"' in response.content.decode()


def test_monitoring_pages_are_refused_to_citizens_and_other_courts(scheduled: World) -> None:
    citizen = client_for(scheduled.citizen)
    other = client_for(scheduled.other_clerk)

    assert citizen.get(reverse("deadlines:overdue")).status_code == 403
    assert citizen.get(reverse("deadlines:violations")).status_code == 403
    assert other.get(reverse("deadlines:overdue"), {"court": scheduled.court.pk}).status_code == 404


def test_violations_page_for_the_chair(scheduled: World) -> None:
    with clock.frozen(at("2026-05-05", hour=2)):
        monitor_run()

    html = client_for(scheduled.chair.user).get(reverse("deadlines:violations")).content.decode()

    assert f'href="/cases/{scheduled.case.pk}/"' in html


def test_navigation_offers_the_monitoring_pages_to_analysts(world: World) -> None:
    html = client_for(world.analyst).get(reverse("web:home")).content.decode()

    assert reverse("deadlines:overdue") in html
    assert reverse("deadlines:violations") in html


# --- sot deadline -----------------------------------------------------------------------------


def run(*args: str) -> str:
    out = StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue().strip()


@pytest.mark.django_db
def test_cli_prints_the_due_date_and_json() -> None:
    assert run("--from", "2026-03-06", "--working-days", "1") == "2026-03-10"
    assert json.loads(run("--from", "2026-04-09", "--months", "1", "--json")) == {
        "due": "2026-05-12",
        "skipped": ["2026-05-09", "2026-05-10", "2026-05-11"],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args",
    [
        ("--from", "2026-03-06", "--days", "-3"),
        ("--from", "2014-03-06", "--days", "3"),
        ("--from", "06.03.2026", "--days", "3"),
        ("--from", "2026-03-06", "--days", "3", "--court", "NOPE"),
    ],
)
def test_cli_refuses_bad_input(args) -> None:
    with pytest.raises(CommandError):
        run(*args)
