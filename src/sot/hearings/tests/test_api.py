"""The hearings API: every operation, its permissions, the shared error body, the schema."""

from __future__ import annotations

import uuid

import pytest

from sot.cases.models import CaseStatus
from sot.core import clock
from sot.core.tests.api_assertions import assert_error
from sot.deadlines.models import Violation
from sot.hearings.models import Hearing, HearingFormat, HearingStatus, Suspension

from .conftest import at

pytestmark = pytest.mark.django_db
API = "/api/v1/hearings/"


@pytest.fixture
def client_as(api_client):
    def sign_in(user):
        api_client.force_authenticate(user=user)
        return api_client

    return sign_in


def booking(w, **overrides) -> dict:
    return {
        "case": w.case.pk,
        "courtroom": w.room.pk,
        "starts_at": at(12, 10).isoformat(),
        "ends_at": at(12, 11).isoformat(),
        "participants": [w.plaintiff.pk, w.advocate.pk],
        **overrides,
    }


class TestSchedule:
    def test_the_clerk_schedules(self, w, client_as):
        response = client_as(w.clerk).post(API, booking(w), format="json")

        assert response.status_code == 201, response.content
        body = response.json()
        assert body["judge"]["id"] == w.judge.pk
        assert body["status"] == "scheduled"
        assert {p["id"] for p in body["summoned"]} == {w.plaintiff.pk, w.advocate.pk}
        w.case.refresh_from_db()
        assert w.case.status == CaseStatus.SCHEDULED

    def test_a_repeated_submission_returns_the_same_hearing(self, w, client_as):
        key = str(uuid.uuid4())
        client = client_as(w.clerk)
        first = client.post(API, booking(w, submission_key=key), format="json")
        second = client.post(API, booking(w, submission_key=key), format="json")

        assert (first.status_code, second.status_code) == (201, 200)
        assert first.json()["id"] == second.json()["id"]
        assert Hearing.objects.count() == 1

    def test_a_clash_is_409_with_the_fields(self, w, client_as):
        client = client_as(w.clerk)
        client.post(API, booking(w), format="json")
        response = client.post(
            API, booking(w, case=w.other_case.pk, participants=[w.other_advocate.pk]), format="json"
        )

        error = assert_error(response, 409, "conflict")
        assert set(error["fields"]) == {"courtroom", "participants"}
        assert Hearing.objects.count() == 1

    def test_bad_times_are_400_and_nothing_is_written(self, w, client_as):
        response = client_as(w.clerk).post(
            API, booking(w, ends_at=at(12, 9).isoformat()), format="json"
        )
        error = assert_error(response, 400, "validation_failed")
        assert "ends_at" in error["fields"]
        assert not Hearing.objects.exists()

    def test_a_participant_of_another_case_is_400(self, w, client_as):
        response = client_as(w.clerk).post(
            API, booking(w, participants=[w.other_advocate.pk]), format="json"
        )
        assert_error(response, 400, "validation_failed")
        assert not Hearing.objects.exists()

    def test_a_party_may_not_schedule(self, w, client_as):
        response = client_as(w.citizen).post(API, booking(w), format="json")
        assert_error(response, 403, "forbidden")

    def test_a_stranger_gets_404(self, w, client_as):
        response = client_as(w.stranger).post(API, booking(w), format="json")
        assert_error(response, 404, "not_found")

    def test_anonymous_gets_401(self, w, api_client):
        response = api_client.post(API, booking(w), format="json")
        assert_error(response, 401, "not_authenticated")


@pytest.fixture
def hearing(w):
    from sot.hearings.services import hearing_schedule

    return hearing_schedule(
        case=w.case,
        courtroom=w.room,
        starts_at=at(12, 10),
        ends_at=at(12, 11),
        summoned=[w.plaintiff, w.advocate],
        hearing_format=HearingFormat.VIDEO,
        acting_user=w.clerk,
    )


class TestReads:
    @pytest.mark.parametrize("who", ["clerk", "judge", "citizen", "lawyer"])
    def test_those_involved_see_the_hearing(self, w, client_as, hearing, who):
        user = {"clerk": w.clerk, "judge": w.judge.user, "citizen": w.citizen, "lawyer": w.lawyer}
        response = client_as(user[who]).get(f"{API}{hearing.pk}/")
        assert response.status_code == 200, response.content
        assert response.json()["case"]["id"] == w.case.pk

    def test_a_stranger_gets_404(self, w, client_as, hearing):
        assert_error(client_as(w.stranger).get(f"{API}{hearing.pk}/"), 404, "not_found")
        assert_error(client_as(w.stranger).get(f"{API}999999/"), 404, "not_found")

    def test_the_case_list(self, w, client_as, hearing):
        response = client_as(w.citizen).get(f"{API}cases/{w.case.pk}/")
        assert [row["id"] for row in response.json()["results"]] == [hearing.pk]
        assert_error(client_as(w.stranger).get(f"{API}cases/{w.case.pk}/"), 404, "not_found")

    def test_the_tables(self, w, client_as):
        reasons = client_as(w.citizen).get(f"{API}postponement-reasons/").json()
        assert {"party_illness", "judge_busy"} <= {r["code"] for r in reasons}
        grounds = client_as(w.citizen).get(f"{API}suspension-grounds/").json()
        assert all(g["legal_basis"].startswith("ГПК РК") for g in grounds)

    def test_courtrooms_for_the_courts_staff_only(self, w, client_as):
        rooms = client_as(w.clerk).get(f"{API}courtrooms/", {"court": w.court.pk}).json()
        assert [r["number"] for r in rooms] == ["1", "2"]
        assert client_as(w.citizen).get(f"{API}courtrooms/", {"court": w.court.pk}).json() == []

    def test_the_video_link_is_personal(self, w, client_as, hearing):
        response = client_as(w.citizen).get(f"{API}{hearing.pk}/video/")
        assert response.status_code == 200, response.content
        assert response.json()["join_url"].endswith(f"/hearings/video/{hearing.video_room}/")
        assert_error(client_as(w.stranger).get(f"{API}{hearing.pk}/video/"), 404, "not_found")


class TestSteps:
    def test_start_late_end(self, w, client_as, hearing):
        client = client_as(w.clerk)
        with clock.frozen(at(12, 10, 40)):
            started = client.post(f"{API}{hearing.pk}/start/", {}, format="json")
        assert started.status_code == 200, started.content
        assert started.json()["status"] == "in_progress"
        assert Violation.objects.filter(source=f"hearing:{hearing.pk}").count() == 1
        with clock.frozen(at(12, 11, 30)):
            ended = client.post(f"{API}{hearing.pk}/end/", {}, format="json")
        assert ended.json()["status"] == "held"
        w.case.refresh_from_db()
        assert w.case.status == CaseStatus.HEARD

    def test_start_before_the_day_is_400(self, w, client_as, hearing):
        response = client_as(w.clerk).post(
            f"{API}{hearing.pk}/start/", {"started_at": at(10, 8).isoformat()}, format="json"
        )
        error = assert_error(response, 400, "validation_failed")
        assert "started_at" in error["fields"]
        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.SCHEDULED

    def test_end_before_start_is_409(self, w, client_as, hearing):
        response = client_as(w.clerk).post(f"{API}{hearing.pk}/end/", {}, format="json")
        assert_error(response, 409, "invalid_transition")

    def test_postpone(self, w, client_as, hearing):
        payload = {
            "reason": "party_illness",
            "note": "Анықтама",
            "starts_at": at(19, 10).isoformat(),
            "ends_at": at(19, 11).isoformat(),
        }
        response = client_as(w.judge.user).post(
            f"{API}{hearing.pk}/postpone/", payload, format="json"
        )
        assert response.status_code == 201, response.content
        assert response.json()["postponed_from"] == hearing.pk
        old = client_as(w.citizen).get(f"{API}{hearing.pk}/").json()
        assert old["status"] == "postponed"
        assert old["postponement"]["reason"]["code"] == "party_illness"

    def test_postpone_without_a_reason_is_400(self, w, client_as, hearing):
        payload = {"starts_at": at(19, 10).isoformat(), "ends_at": at(19, 11).isoformat()}
        response = client_as(w.clerk).post(f"{API}{hearing.pk}/postpone/", payload, format="json")
        error = assert_error(response, 400, "validation_failed")
        assert "reason" in error["fields"]
        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.SCHEDULED

    def test_a_party_may_not_start(self, w, client_as, hearing):
        with clock.frozen(at(12, 10)):
            response = client_as(w.citizen).post(f"{API}{hearing.pk}/start/", {}, format="json")
        assert_error(response, 403, "forbidden")

    def test_a_stranger_may_not_start(self, w, client_as, hearing):
        with clock.frozen(at(12, 10)):
            response = client_as(w.stranger).post(f"{API}{hearing.pk}/start/", {}, format="json")
        assert_error(response, 404, "not_found")

    def test_suspend_and_resume(self, w, client_as):
        client = client_as(w.judge.user)
        suspended = client.post(
            f"{API}cases/{w.case.pk}/suspend/",
            {"ground": "expert_examination", "expected_status": "accepted"},
            format="json",
        )
        assert suspended.status_code == 201, suspended.content
        with clock.frozen(at(20, 9)):
            resumed = client.post(f"{API}cases/{w.case.pk}/resume/", {}, format="json")
        assert resumed.json()["duration_seconds"] == 10 * 24 * 3600
        periods = client_as(w.citizen).get(f"{API}cases/{w.case.pk}/suspensions/").json()
        assert periods["results"][0]["ground"]["code"] == "expert_examination"

    def test_suspend_without_a_ground_is_400(self, w, client_as):
        response = client_as(w.judge.user).post(
            f"{API}cases/{w.case.pk}/suspend/", {}, format="json"
        )
        assert "ground" in assert_error(response, 400, "validation_failed")["fields"]
        assert not Suspension.objects.exists()

    def test_the_clerk_may_not_suspend(self, w, client_as):
        response = client_as(w.clerk).post(
            f"{API}cases/{w.case.pk}/suspend/", {"ground": "party_death"}, format="json"
        )
        assert_error(response, 403, "forbidden")


class TestCalendars:
    def test_my_calendar_lists_only_my_cases(self, w, client_as, hearing, schedule):
        other = schedule(
            case=w.other_case, courtroom=w.other_room, starts_at=at(13, 10), ends_at=at(13, 11)
        )
        mine = client_as(w.citizen).get(f"{API}calendar/mine/", {"start": "2026-03-09"}).json()
        assert [row["id"] for row in mine["results"]] == [hearing.pk]
        lawyer = client_as(w.lawyer).get(f"{API}calendar/mine/", {"start": "2026-03-09"}).json()
        assert [row["id"] for row in lawyer["results"]] == [hearing.pk, other.pk]

    def test_the_period_narrows(self, w, client_as, hearing):
        out = client_as(w.citizen).get(f"{API}calendar/mine/", {"start": "2026-03-13", "days": 1})
        assert out.json()["results"] == []

    def test_judge_calendar_for_the_judge_and_the_courts_staff(self, w, client_as, hearing):
        url = f"{API}calendar/judges/{w.judge.pk}/"
        for user in (w.judge.user, w.clerk, w.chair.user):
            assert client_as(user).get(url).json()["count"] == 1
        assert_error(client_as(w.citizen).get(url), 404, "not_found")

    def test_a_closed_cases_hearing_stays_with_bench_and_parties(self, w, client_as, schedule):
        closed = schedule(case=w.closed_case, starts_at=at(12, 14), ends_at=at(12, 15))
        url = f"{API}calendar/judges/{w.judge.pk}/"
        assert [r["id"] for r in client_as(w.judge.user).get(url).json()["results"]] == [closed.pk]
        assert client_as(w.clerk).get(url).json()["results"] == []
        assert_error(client_as(w.clerk).get(f"{API}{closed.pk}/"), 404, "not_found")

    def test_courtroom_calendar(self, w, client_as, hearing):
        url = f"{API}calendar/courtrooms/{w.room.pk}/"
        assert client_as(w.clerk).get(url).json()["count"] == 1
        assert_error(client_as(w.lawyer).get(url), 404, "not_found")

    def test_ics_for_a_participant_and_a_judge(self, w, client_as, hearing):
        mine = client_as(w.citizen).get(f"{API}calendar/mine.ics")
        assert mine.status_code == 200
        assert mine["Content-Type"].startswith("text/calendar")
        assert f"UID:hearing-{hearing.pk}@".encode() in mine.content
        judge = client_as(w.clerk).get(f"{API}calendar/judges/{w.judge.pk}.ics")
        assert b"DTSTART:20260312T050000Z" in judge.content
        assert_error(
            client_as(w.stranger).get(f"{API}calendar/judges/{w.judge.pk}.ics"), 404, "not_found"
        )


def test_the_schema_lists_every_operation(client_as, w):
    schema = client_as(w.clerk).get("/api/schema/", {"format": "json"}).json()
    ours = {p for p in schema["paths"] if p.startswith("/api/v1/hearings/")}
    assert {
        "/api/v1/hearings/",
        "/api/v1/hearings/{hearing_id}/",
        "/api/v1/hearings/{hearing_id}/start/",
        "/api/v1/hearings/{hearing_id}/end/",
        "/api/v1/hearings/{hearing_id}/postpone/",
        "/api/v1/hearings/{hearing_id}/video/",
        "/api/v1/hearings/cases/{case_id}/suspend/",
        "/api/v1/hearings/cases/{case_id}/resume/",
        "/api/v1/hearings/calendar/mine.ics",
        "/api/v1/hearings/calendar/judges/{judge_id}/",
        "/api/v1/hearings/calendar/courtrooms/{courtroom_id}/",
    } <= ours


def test_calendar_queries_do_not_grow_with_the_hearings(w, client_as, schedule):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(w.judge.user)
    url = f"{API}calendar/judges/{w.judge.pk}/"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"start": "2026-03-09", "days": 14}).status_code == 200
        return len(captured)

    schedule(summoned=[w.plaintiff])
    queries()  # warm the per-user caches (roles)
    few = queries()
    for day in (13, 16, 17):
        schedule(starts_at=at(day, 10), ends_at=at(day, 11), summoned=[w.plaintiff, w.advocate])
    assert queries() == few
