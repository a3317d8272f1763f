"""Art. 16 §6: the list of applicants is sent to the regional courts; Art. 18 §12: participants
are notified of the result. Each dispatch and notice is recorded and handed to a sender."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import override_settings
from django.urls import reverse

from sot.core import clock
from sot.core.errors import InvalidTransition
from sot.council.models import Application, ListDispatch, ResultNotice
from sot.council.services import competitions
from sot.courts.models import Court, CourtLevel
from sot.courts.tests.factories import CourtFactory

from .conftest import at

CLOSED = date(2026, 2, 20)
API = "/api/v1/council/"


class RefusingSender:
    name = "refusing"

    def send_list(self, dispatch):
        raise RuntimeError("the channel is down")

    def send_notice(self, notice):
        raise RuntimeError("the channel is down")


class KeepingSender:
    name = "kept"
    sent: list = []

    def send_list(self, dispatch):
        KeepingSender.sent.append(("list", dispatch.pk))

    def send_notice(self, notice):
        KeepingSender.sent.append(("notice", notice.application_id))


@pytest.fixture
def regional_courts(db):
    return [CourtFactory(level=CourtLevel.REGIONAL, kind="regional") for _ in range(2)]


@pytest.fixture
def competition(council, court, make_candidate):
    created = competitions.competition_create(
        position="district_judge",
        court=court,
        vacancies=1,
        basis="b",
        announcement_kk="kk",
        announcement_ru="ru",
        acting_user=council.secretary.user,
    )
    competitions.competition_announce(
        competition=created,
        published_on=date(2026, 1, 15),
        held_on=date(2026, 2, 15),
        acting_user=council.secretary.user,
    )
    with clock.frozen(at(date(2026, 1, 20))):
        for _ in range(2):
            candidate = make_candidate()
            competitions.application_submit(
                competition=created, candidate=candidate, acting_user=candidate.user
            )
    return created


def close(council, competition):
    with clock.frozen(at(CLOSED)):
        return competitions.competition_close_applications(
            competition=competition, acting_user=council.secretary.user
        )


def test_art_16_6_closing_sends_the_list_to_every_regional_court(
    council, competition, regional_courts
):
    close(council, competition)
    dispatch = ListDispatch.objects.get(competition=competition)
    sent_to = set(dispatch.courts.all())
    assert set(regional_courts) <= sent_to
    assert sent_to == set(Court.objects.filter(level=CourtLevel.REGIONAL, is_active=True))
    assert (dispatch.sent_at, dispatch.sent_by, dispatch.channel) == (
        at(CLOSED),
        council.secretary.user,
        "recorded",
    )
    assert len(dispatch.applicants) == 2
    again = competitions.applicants_list_send(
        competition=competition, acting_user=council.secretary.user
    )
    assert again.pk == dispatch.pk
    assert ListDispatch.objects.count() == 1


def test_art_16_6_no_list_before_acceptance_is_over_and_a_refusing_sender_records_nothing(
    council, competition, regional_courts
):
    with pytest.raises(InvalidTransition):
        competitions.applicants_list_send(
            competition=competition, acting_user=council.secretary.user
        )
    with (
        override_settings(SOT_COUNCIL_SENDER="sot.council.tests.test_dispatch.RefusingSender"),
        pytest.raises(RuntimeError),
    ):
        close(council, competition)
    competition.refresh_from_db()
    assert (competition.status, competition.lists_published_on) == ("announced", None)
    assert not ListDispatch.objects.exists()


def complete(council, competition):
    close(council, competition)
    with clock.frozen(at(date(2026, 2, 27))):
        return competitions.competition_complete(
            competition=competition, acting_user=council.secretary.user
        )


def test_art_18_12_each_participant_gets_a_recorded_notice_once(
    council, competition, regional_courts
):
    done = complete(council, competition)
    KeepingSender.sent = []
    with clock.frozen(at(date(2026, 3, 2))):
        count = competitions.participants_notify(
            competition=done, acting_user=council.secretary.user, sender=KeepingSender()
        )
        assert count == 2
        assert (
            competitions.participants_notify(
                competition=done, acting_user=council.secretary.user, sender=KeepingSender()
            )
            == 0
        )
    notices = list(ResultNotice.objects.order_by("application"))
    assert [n.application_id for n in notices] == [a for kind, a in KeepingSender.sent]
    assert {(n.due_on, n.channel, n.sent_by) for n in notices} == {
        (done.notify_by, "kept", council.secretary.user)
    }
    assert set(Application.objects.values_list("notified_on", flat=True)) == {date(2026, 3, 2)}


def test_art_18_12_a_refusing_sender_leaves_nobody_notified(council, competition, regional_courts):
    done = complete(council, competition)
    with pytest.raises(RuntimeError):
        competitions.participants_notify(
            competition=done, acting_user=council.secretary.user, sender=RefusingSender()
        )
    assert not ResultNotice.objects.exists()
    assert not Application.objects.filter(notified_on__isnull=False).exists()


def test_art_16_6_and_18_12_shown_to_the_secretariat_on_the_page_and_the_api(
    client, api_client, council, competition, regional_courts
):
    done = complete(council, competition)
    client.force_login(council.secretary.user)
    client.post(reverse("council:competition_act", args=[done.pk]), {"action": "notify"})
    page = client.get(reverse("council:competition_manage", args=[done.pk])).content.decode()
    assert regional_courts[0].name in page
    assert page.count("<td>" + council.secretary.user.full_name + "</td>") == 2
    api_client.force_authenticate(council.secretary.user)
    body = api_client.get(f"{API}competitions/{done.pk}/dispatch/").json()
    assert {c.code for c in regional_courts} <= set(body["list_dispatch"]["courts"])
    assert len(body["notices"]) == 2
    api_client.force_authenticate(council.members[1].user)
    assert api_client.get(f"{API}competitions/{done.pk}/dispatch/").status_code == 403
    api_client.force_authenticate(council.secretary.user)
    assert api_client.get(f"{API}competitions/999999/dispatch/").status_code == 404
