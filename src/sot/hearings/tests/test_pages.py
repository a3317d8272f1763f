"""The hearing pages: calendars, the hearing page and its forms, the case panel, the video room."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from sot.cases.models import CaseStatus
from sot.core import clock
from sot.hearings.models import (
    Hearing,
    HearingFormat,
    HearingStatus,
    PostponementReason,
    Suspension,
)
from sot.hearings.services import hearing_schedule

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    def signed_in(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return signed_in


@pytest.fixture
def hearing(w):
    return hearing_schedule(
        case=w.case,
        courtroom=w.room,
        starts_at=at(12, 10),
        ends_at=at(12, 11),
        summoned=[w.plaintiff],
        hearing_format=HearingFormat.VIDEO,
        acting_user=w.clerk,
    )


def schedule_form(w, **overrides) -> dict:
    return {
        "courtroom": w.room.pk,
        "day": "2026-03-12",
        "start": "10:00",
        "end": "11:00",
        "format": "in_person",
        "participants": [str(w.plaintiff.pk)],
        "submission_key": str(uuid.uuid4()),
        **overrides,
    }


class TestSchedulePage:
    def test_the_clerk_schedules_from_the_form(self, w, page):
        client = page(w.clerk)
        assert client.get(f"/hearings/cases/{w.case.pk}/schedule/").status_code == 200
        response = client.post(f"/hearings/cases/{w.case.pk}/schedule/", schedule_form(w))

        hearing = Hearing.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/hearings/{hearing.pk}/"
        assert hearing.starts_at == at(12, 10)  # read in the court's zone

    def test_a_double_submit_schedules_once(self, w, page):
        client = page(w.clerk)
        data = schedule_form(w)
        client.post(f"/hearings/cases/{w.case.pk}/schedule/", data)
        second = client.post(f"/hearings/cases/{w.case.pk}/schedule/", data)

        assert second.status_code == 302
        assert Hearing.objects.count() == 1

    def test_a_clash_is_shown_in_the_users_language_and_nothing_changes(self, w, page, hearing):
        client = page(w.clerk)
        client.cookies["django_language"] = "ru"
        response = client.post(
            f"/hearings/cases/{w.other_case.pk}/schedule/", schedule_form(w, participants=[])
        )

        assert response.status_code == 400
        with translation.override("ru"):
            expected = gettext("The hearing clashes with another booking.")
        assert expected != "The hearing clashes with another booking."  # it is translated
        assert expected in response.content.decode()
        assert Hearing.objects.count() == 1

    def test_a_party_may_not_open_the_form(self, w, page):
        assert page(w.citizen).get(f"/hearings/cases/{w.case.pk}/schedule/").status_code == 403

    def test_a_stranger_gets_404(self, w, page):
        assert page(w.stranger).get(f"/hearings/cases/{w.case.pk}/schedule/").status_code == 404

    def test_the_form_needs_csrf(self, w):
        client = Client(enforce_csrf_checks=True)
        client.force_login(w.clerk)
        response = client.post(f"/hearings/cases/{w.case.pk}/schedule/", schedule_form(w))
        assert response.status_code == 403
        assert not Hearing.objects.exists()


class TestHearingPage:
    def test_the_judge_opens_and_closes(self, w, page, hearing):
        client = page(w.judge.user)
        detail = client.get(f"/hearings/{hearing.pk}/")
        assert detail.status_code == 200
        assert f"/hearings/{hearing.pk}/start/" in detail.content.decode()
        with clock.frozen(at(12, 10, 5)):
            client.post(f"/hearings/{hearing.pk}/start/", {})
        with clock.frozen(at(12, 11)):
            client.post(f"/hearings/{hearing.pk}/end/", {"day": "2026-03-12", "time": "10:55"})
        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.HELD
        assert hearing.actual_end == at(12, 10, 55)

    def test_a_start_before_the_day_is_refused_on_the_page(self, w, page, hearing):
        response = page(w.clerk).post(
            f"/hearings/{hearing.pk}/start/", {"day": "2026-03-10", "time": "08:00"}
        )
        assert response.status_code == 400
        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.SCHEDULED

    def test_a_party_sees_the_hearing_without_actions(self, w, page, hearing):
        response = page(w.citizen).get(f"/hearings/{hearing.pk}/")
        assert response.status_code == 200
        assert f"/hearings/{hearing.pk}/start/" not in response.content.decode()
        assert page(w.citizen).post(f"/hearings/{hearing.pk}/start/", {}).status_code == 403

    def test_a_stranger_gets_404(self, w, page, hearing):
        assert page(w.stranger).get(f"/hearings/{hearing.pk}/").status_code == 404

    def test_postpone_needs_a_reason(self, w, page, hearing):
        form = {"day": "2026-03-19", "start": "10:00", "end": "11:00"}
        refused = page(w.clerk).post(f"/hearings/{hearing.pk}/postpone/", form)
        assert refused.status_code == 400
        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.SCHEDULED

        reason = PostponementReason.objects.get(code="party_illness")
        done = page(w.clerk).post(
            f"/hearings/{hearing.pk}/postpone/", {**form, "reason": reason.pk}
        )
        assert done.status_code == 302
        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.POSTPONED

    def test_the_video_room_is_for_those_involved(self, w, page, hearing):
        url = f"/hearings/video/{hearing.video_room}/"
        assert page(w.citizen).get(url).status_code == 200
        assert page(w.judge.user).get(url).status_code == 200
        assert page(w.stranger).get(url).status_code == 404
        assert page(w.citizen).get("/hearings/video/not-a-room/").status_code == 404


class TestSuspendPages:
    def test_the_judge_suspends_and_resumes_from_the_case_page(self, w, page):
        from sot.hearings.models import SuspensionGround

        client = page(w.judge.user)
        case_page = client.get(f"/cases/{w.case.pk}/").content.decode()
        assert f"/hearings/cases/{w.case.pk}/suspend/" in case_page
        ground = SuspensionGround.objects.get(code="expert_examination")
        client.post(
            f"/hearings/cases/{w.case.pk}/suspend/",
            {"ground": ground.pk, "seen_status": "accepted"},
        )
        w.case.refresh_from_db()
        assert w.case.status == CaseStatus.SUSPENDED
        resumed = client.post(f"/hearings/cases/{w.case.pk}/resume/", {"seen_status": "suspended"})
        assert resumed.status_code == 302
        w.case.refresh_from_db()
        assert w.case.status == CaseStatus.ACCEPTED
        assert Suspension.objects.get().duration is not None

    def test_a_suspension_without_a_ground_changes_nothing(self, w, page):
        response = page(w.judge.user).post(
            f"/hearings/cases/{w.case.pk}/suspend/", {"seen_status": "accepted"}
        )
        assert response.status_code == 400
        w.case.refresh_from_db()
        assert w.case.status == CaseStatus.ACCEPTED

    def test_a_double_resume_resumes_once(self, w, page):
        from sot.hearings.models import SuspensionGround
        from sot.hearings.suspensions import case_suspend

        case_suspend(
            case=w.case,
            ground=SuspensionGround.objects.get(code="party_death"),
            acting_user=w.judge.user,
        )
        client = page(w.judge.user)
        for _ in range(2):
            client.post(f"/hearings/cases/{w.case.pk}/resume/", {"seen_status": "suspended"})
        assert Suspension.objects.filter(resumed_at__isnull=False).count() == 1

    def test_the_clerk_may_not_suspend(self, w, page):
        assert page(w.clerk).get(f"/hearings/cases/{w.case.pk}/suspend/").status_code == 403


class TestCalendars:
    def test_my_calendar_shows_my_hearings_only(self, w, page, hearing, schedule):
        other = schedule(case=w.other_case, courtroom=w.other_room)
        body = page(w.citizen).get("/hearings/", {"start": "2026-03-12"}).content.decode()
        assert f'data-hearing="{hearing.pk}"' in body
        assert f'data-hearing="{other.pk}"' not in body

    def test_day_view(self, w, page, hearing):
        day = page(w.judge.user).get("/hearings/", {"start": "2026-03-13", "view": "day"})
        assert f'data-hearing="{hearing.pk}"' not in day.content.decode()

    def test_the_clerk_gets_the_courts_calendars(self, w, page, hearing):
        body = page(w.clerk).get("/hearings/", {"start": "2026-03-12"}).content.decode()
        assert f"/hearings/judges/{w.judge.pk}/" in body
        assert f"/hearings/courtrooms/{w.room.pk}/" in body
        room = page(w.clerk).get(f"/hearings/courtrooms/{w.room.pk}/", {"start": "2026-03-12"})
        assert f'data-hearing="{hearing.pk}"' in room.content.decode()

    def test_a_party_may_not_open_a_judges_calendar(self, w, page):
        assert page(w.citizen).get(f"/hearings/judges/{w.judge.pk}/").status_code == 404
        assert page(w.citizen).get(f"/hearings/courtrooms/{w.room.pk}/").status_code == 404

    def test_ics_downloads(self, w, page, hearing):
        mine = page(w.citizen).get("/hearings/calendar.ics")
        assert mine["Content-Type"].startswith("text/calendar")
        assert b"BEGIN:VEVENT" in mine.content
        judge = page(w.clerk).get(f"/hearings/judges/{w.judge.pk}/calendar.ics")
        assert judge.status_code == 200
        assert page(w.citizen).get(f"/hearings/judges/{w.judge.pk}/calendar.ics").status_code == 404

    def test_the_navigation_entry(self, w, page):
        assert 'href="/hearings/"' in page(w.clerk).get("/").content.decode()
        assert 'href="/hearings/"' in page(w.citizen).get("/").content.decode()

    def test_anonymous_is_sent_to_sign_in(self, w):
        assert Client().get("/hearings/").status_code == 302


class TestCasePanel:
    def test_the_case_page_lists_the_hearings_with_staff_actions(self, w, page, hearing):
        staff = page(w.clerk).get(f"/cases/{w.case.pk}/").content.decode()
        assert f'data-hearing="{hearing.pk}"' in staff
        assert f"/hearings/cases/{w.case.pk}/schedule/" in staff
        party = page(w.citizen).get(f"/cases/{w.case.pk}/").content.decode()
        assert f'data-hearing="{hearing.pk}"' in party
        assert f"/hearings/cases/{w.case.pk}/schedule/" not in party


def test_the_calendar_page_queries_do_not_grow_with_the_hearings(w, page, schedule):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = page(w.judge.user)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/hearings/", {"start": "2026-03-09"}).status_code == 200
        return len(captured)

    schedule()
    queries()  # warm the per-user caches (roles)
    few = queries()
    for day in (13, 14):
        schedule(starts_at=at(day, 10), ends_at=at(day, 11))
    assert queries() == few
