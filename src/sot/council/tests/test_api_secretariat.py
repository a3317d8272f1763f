"""The secretariat's API: personal records and the reserve (Art. 3 §1.15–17), checks and
conclusions (Art. 13 §2, 15, 17), exams (Art. 11–14), chairs (Art. 19–20), dismissals and appeals
(Art. 21–24). Who may call what, the happy paths, and bad input that changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.core import clock
from sot.council.models import (
    ChairPost,
    ChairVacancy,
    CommissionMember,
    Conclusion,
    DismissalCase,
    ExamRegistration,
    ExamSession,
    ExamTicket,
    JuryAppeal,
    PersonalRecordEntry,
    PolygraphResult,
    RegistrationStatus,
    ReserveEntry,
    SpecialCheck,
    Vote,
)
from sot.council.services import competitions, exams, proceedings
from sot.council.services import sessions as session_services
from sot.courts.models import CourtLevel
from sot.courts.tests.factories import CourtFactory, JudgeFactory

from .conftest import at

pytestmark = pytest.mark.django_db
BASE = "/api/v1/council/"
DAY = date(2026, 3, 10)


@pytest.fixture
def secretary(api_client, council):
    api_client.force_authenticate(council.secretary.user)
    return council.secretary.user


def as_member(api_client, council):
    api_client.force_authenticate(council.members[1].user)


def error_fields(response) -> set[str]:
    return set(response.json()["error"]["fields"])


# --- Art. 3 §1.15: electronic personal records ------------------------------------------


def test_art_3_1_15_personal_record_kept_by_the_secretariat_and_read_by_the_judge(
    api_client, secretary
):
    judge = JudgeFactory()
    url = f"{BASE}judges/{judge.pk}/record/"
    entry = {"kind": "training", "on": "2025-06-01", "text": "Курс"}
    assert api_client.post(url, entry, format="json").status_code == 201
    assert api_client.post(url, entry, format="json").status_code == 201  # repeated: one entry
    assert PersonalRecordEntry.objects.filter(judge=judge).count() == 1
    api_client.force_authenticate(judge.user)
    read = api_client.get(url)
    assert read.status_code == 200
    assert [e["kind"] for e in read.json()["entries"]] == ["training"]
    assert api_client.post(url, entry, format="json").status_code == 403


def test_art_3_1_15_another_judges_record_is_not_found_and_a_bad_entry_changes_nothing(
    api_client, secretary
):
    judge, other = JudgeFactory(), JudgeFactory()
    bad = api_client.post(
        f"{BASE}judges/{judge.pk}/record/", {"kind": "gossip", "on": "x"}, format="json"
    )
    assert bad.status_code == 400
    assert error_fields(bad) == {"kind", "on", "text"}
    assert api_client.get(f"{BASE}judges/999999/record/").status_code == 404
    api_client.force_authenticate(judge.user)
    assert api_client.get(f"{BASE}judges/{other.pk}/record/").status_code == 404
    assert not PersonalRecordEntry.objects.exists()


# --- Art. 3 §1.16–17: the personnel reserve ---------------------------------------------


def test_art_3_1_16_reserve_included_once_and_listed(api_client, secretary):
    judge = JudgeFactory()
    body = {"judge": judge.pk, "post": "district_chair", "included_on": "2026-01-10"}
    created = api_client.post(BASE + "reserve/", body, format="json")
    assert created.status_code == 201
    assert created.json()["court"] is None
    again = api_client.post(BASE + "reserve/", body, format="json")
    assert again.status_code == 400
    assert error_fields(again) == {"post"}
    listed = api_client.get(BASE + "reserve/").json()
    assert [(r["judge"], r["post"]) for r in listed] == [(judge.pk, "district_chair")]


def test_art_3_1_16_reserve_refuses_unknown_judge_or_court_and_others(api_client, council):
    judge = JudgeFactory()
    as_member(api_client, council)
    assert api_client.get(BASE + "reserve/").status_code == 403
    api_client.force_authenticate(council.secretary.user)
    for body, field in (
        ({"judge": 999999, "post": "district_chair", "included_on": "2026-01-10"}, "judge"),
        (
            {
                "judge": judge.pk,
                "post": "district_chair",
                "included_on": "2026-01-10",
                "court": "?",
            },
            "court",
        ),
    ):
        response = api_client.post(BASE + "reserve/", body, format="json")
        assert response.status_code == 400
        assert error_fields(response) == {field}
    assert not ReserveEntry.objects.exists()


# --- Art. 13 §2, 15, 17: special checks, conclusions, polygraph -------------------------


def test_art_13_2_15_17_checks_conclusions_and_polygraph_recorded(
    api_client, secretary, make_candidate
):
    candidate = make_candidate()
    url = f"{BASE}candidates/{candidate.pk}/"
    check = api_client.post(
        url + "special-checks/", {"issued_on": "2026-01-10", "is_passed": True}, format="json"
    )
    assert check.status_code == 201
    assert check.json()["valid_until"] == "2027-01-10"
    conclusion = api_client.post(
        url + "conclusions/",
        {"kind": "public_council", "given_on": "2026-01-12", "is_positive": False},
        format="json",
    )
    assert conclusion.status_code == 201
    polygraph = api_client.post(
        url + "polygraph/", {"examined_on": "2026-01-15", "is_favourable": True}, format="json"
    )
    assert polygraph.status_code == 201
    assert SpecialCheck.objects.filter(candidate=candidate).count() == 1
    assert Conclusion.objects.get(candidate=candidate).is_positive is False
    assert PolygraphResult.objects.filter(candidate=candidate).count() == 1


def test_art_15_records_refused_to_others_unknown_candidates_and_bad_input(
    api_client, council, make_candidate
):
    candidate = make_candidate()
    url = f"{BASE}candidates/{candidate.pk}/polygraph/"
    body = {"examined_on": "2026-01-15", "is_favourable": True}
    api_client.force_authenticate(candidate.user)
    assert api_client.post(url, body, format="json").status_code == 403
    api_client.force_authenticate(council.secretary.user)
    assert (
        api_client.post(f"{BASE}candidates/999999/polygraph/", body, format="json").status_code
        == 404
    )
    bad = api_client.post(url, {"examined_on": "soon"}, format="json")
    assert bad.status_code == 400
    assert error_fields(bad) == {"examined_on", "is_favourable"}
    bad_kind = api_client.post(
        f"{BASE}candidates/{candidate.pk}/conclusions/",
        {"kind": "neighbours", "given_on": "2026-01-12", "is_positive": True},
        format="json",
    )
    assert error_fields(bad_kind) == {"kind"}
    assert not PolygraphResult.objects.exists()
    assert not Conclusion.objects.exists()


def test_secretariat_lists_a_competitions_applications_with_candidates(
    api_client, council, court, make_candidate
):
    with clock.frozen(at(date(2026, 1, 5))):
        competition = competitions.competition_create(
            position="district_judge",
            court=court,
            vacancies=1,
            basis="b",
            announcement_kk="kk",
            announcement_ru="ru",
            acting_user=council.secretary.user,
        )
        competitions.competition_announce(
            competition=competition,
            published_on=date(2026, 1, 5),
            held_on=date(2026, 3, 1),
            acting_user=council.secretary.user,
        )
    candidate = make_candidate()
    with clock.frozen(at(date(2026, 1, 10))):
        competitions.application_submit(
            competition=competition, candidate=candidate, acting_user=candidate.user
        )
    url = f"{BASE}competitions/{competition.pk}/applications/"
    api_client.force_authenticate(candidate.user)
    assert api_client.get(url).status_code == 403
    api_client.force_authenticate(council.secretary.user)
    rows = api_client.get(url).json()
    assert [(r["candidate"], r["status"]) for r in rows] == [(candidate.pk, "submitted")]
    assert api_client.get(f"{BASE}competitions/999999/applications/").status_code == 404


# --- Art. 11–14: the Commission and exam sessions ---------------------------------------


def test_art_11_12_commission_session_attendance_admission_and_stages(
    api_client, secretary, make_candidate
):
    for n in range(3):
        UserFactory(username=f"commission{n}")
        appointed = api_client.post(
            BASE + "commission/",
            {"user": f"commission{n}", "seat": "scholar", "appointed_on": "2026-01-01"},
            format="json",
        )
        assert appointed.status_code == 201
    assert appointed.json()["term_ends_on"] == "2028-01-01"
    with clock.frozen(at(date(2026, 4, 1))):
        members = api_client.get(BASE + "commission/").json()
        assert len(members) == 3
        late = api_client.post(
            BASE + "exam-sessions/",
            {"held_on": "2026-04-20", "place": "Астана", "notice_sent_on": "2026-04-11"},
            format="json",
        )
        assert late.status_code == 400  # Art. 12 §2: ten calendar days' notice
        created = api_client.post(
            BASE + "exam-sessions/",
            {"held_on": "2026-04-20", "place": "Астана", "notice_sent_on": "2026-04-10"},
            format="json",
        )
    assert created.status_code == 201
    session_id = created.json()["id"]
    ids = [m["id"] for m in members]
    attendance = f"{BASE}exam-sessions/{session_id}/attendance/"
    short = api_client.post(attendance, {"present": ids[:1]}, format="json")
    assert short.status_code == 400  # 1 of 3: no quorum of two thirds
    unknown = api_client.post(attendance, {"present": [*ids[:2], 999999]}, format="json")
    assert error_fields(unknown) == {"present"}
    assert ExamSession.objects.get(pk=session_id).present.count() == 0
    assert (
        api_client.post(attendance, {"present": ids[:2]}, format="json").json()["present"]
        == (ids[:2])
    )

    candidate = make_candidate()
    registration = exams.exam_register(
        session=ExamSession.objects.get(pk=session_id),
        candidate=candidate,
        acting_user=candidate.user,
    )
    decided = api_client.post(f"{BASE}exam-registrations/{registration.pk}/admission/")
    assert decided.status_code == 200
    assert decided.json()["registrations"][0]["status"] == RegistrationStatus.REFUSED
    ExamTicket.objects.create(number=4, questions=["?"])
    stages = f"{BASE}exam-registrations/{registration.pk}/stages/"
    no_ticket = api_client.post(
        stages, {"ticket": 5, "ticket_passed": True, "psychological_test_passed": True}
    )
    assert no_ticket.status_code == 400
    assert error_fields(no_ticket) == {"ticket"}
    assert ExamRegistration.objects.get(pk=registration.pk).ticket is None


def test_art_13_10_exam_stages_recorded_for_an_admitted_candidate(
    api_client, secretary, council, make_candidate
):
    candidate = make_candidate()
    competitions.special_check_record(
        candidate=candidate,
        is_passed=True,
        issued_on=date(2026, 1, 1),
        criminal_case_found=False,
        notes="",
        acting_user=council.secretary.user,
    )
    session = exams.exam_session_schedule(
        held_on=date(2026, 4, 20),
        place="Астана",
        notice_sent_on=date(2026, 4, 10),
        acting_user=council.secretary.user,
    )
    with clock.frozen(at(date(2026, 4, 1))):
        registration = exams.exam_register(
            session=session, candidate=candidate, acting_user=candidate.user
        )
    admitted = api_client.post(f"{BASE}exam-registrations/{registration.pk}/admission/")
    assert admitted.json()["registrations"][0]["status"] == RegistrationStatus.ADMITTED
    registration.refresh_from_db()
    registration.test_score_percent = 90
    registration.save(update_fields=["test_score_percent"])
    ExamTicket.objects.create(number=4, questions=["?"])
    recorded = api_client.post(
        f"{BASE}exam-registrations/{registration.pk}/stages/",
        {"ticket": 4, "ticket_passed": True, "psychological_test_passed": True},
        format="json",
    )
    assert recorded.status_code == 200
    row = recorded.json()["registrations"][0]
    assert (row["status"], row["ticket"]) == (RegistrationStatus.PASSED, 4)


def test_exam_secretariat_endpoints_refuse_others_and_unknown_objects(api_client, council):
    as_member(api_client, council)
    assert api_client.get(BASE + "exam-sessions/").status_code == 403
    assert api_client.get(BASE + "commission/").status_code == 403
    assert api_client.post(f"{BASE}exam-registrations/1/admission/").status_code == 403
    api_client.force_authenticate(council.secretary.user)
    assert api_client.post(f"{BASE}exam-registrations/999999/admission/").status_code == 404
    assert (
        api_client.post(f"{BASE}exam-sessions/999999/attendance/", {"present": []}).status_code
        == 404
    )
    unknown = api_client.post(
        BASE + "commission/",
        {"user": "nobody-here", "seat": "scholar", "appointed_on": "2026-01-01"},
        format="json",
    )
    assert error_fields(unknown) == {"user"}
    assert not CommissionMember.objects.exists()


# --- Art. 19–20: chair vacancies --------------------------------------------------------


def _open_session(council):
    with clock.frozen(at(DAY)):
        return session_services.session_plan(
            starts_at=at(DAY), place="Астана", is_closed=False, acting_user=council.secretary.user
        )


def test_art_19_chair_vacancy_submitted_scheduled_and_decided_through_the_api(
    api_client, secretary, council
):
    regional = CourtFactory(level=CourtLevel.REGIONAL, kind="regional")
    first, second = JudgeFactory(court=regional), JudgeFactory(court=regional)
    body = {
        "post": ChairPost.REGIONAL_CHAIR,
        "court": regional.code,
        "submitted_on": "2026-03-01",
        "plenary_decision": "№ 5",
        "judges": [first.pk],
    }
    alone = api_client.post(BASE + "chair-vacancies/", body, format="json")
    assert alone.status_code == 400  # Art. 19 §1: an alternative basis
    unknown = api_client.post(
        BASE + "chair-vacancies/", {**body, "judges": [first.pk, 999999]}, format="json"
    )
    assert error_fields(unknown) == {"judges"}
    assert not ChairVacancy.objects.exists()
    created = api_client.post(
        BASE + "chair-vacancies/", {**body, "judges": [first.pk, second.pk]}, format="json"
    )
    assert created.status_code == 201
    vacancy_id = created.json()["id"]
    assert [c["judge"] for c in created.json()["candidates"]] == [first.pk, second.pk]
    url = f"{BASE}chair-vacancies/{vacancy_id}/actions/"
    assert error_fields(api_client.post(url, {"action": "schedule"}, format="json")) == {"session"}
    assert error_fields(api_client.post(url, {"action": "report"}, format="json")) == {"action"}
    session = _open_session(council)
    scheduled = api_client.post(url, {"action": "schedule", "session": session.pk}, format="json")
    assert scheduled.json()["status"] == "scheduled"
    undecided = api_client.post(url, {"action": "decide"}, format="json")
    assert undecided.status_code == 409  # every candidate must be voted on first
    assert [v["id"] for v in api_client.get(BASE + "chair-vacancies/").json()] == [vacancy_id]

    session_services.session_open(
        session=session, present=council.members, acting_user=council.secretary.user
    )
    candidates = [c["id"] for c in created.json()["candidates"]]
    vote_url = f"{BASE}sessions/{session.pk}/chair-candidates/{{}}/votes/"
    assert api_client.post(vote_url.format(candidates[0])).status_code == 403  # the chair's
    api_client.force_authenticate(council.chair.user)
    assert api_client.post(vote_url.format(999999)).status_code == 404
    for candidate_id, yes in zip(candidates, (4, 7), strict=True):
        opened = api_client.post(vote_url.format(candidate_id), {"is_secret": True}, format="json")
        assert opened.status_code == 201
        vote = Vote.objects.get(pk=opened.json()["id"])
        for index, seat in enumerate(council.members):
            session_services.ballot_cast(
                vote=vote, choice="for" if index < yes else "against", acting_user=seat.user
            )
        assert api_client.post(f"{BASE}votes/{vote.pk}/close/").status_code == 200
    again = api_client.post(vote_url.format(candidates[0]), format="json")
    assert again.status_code == 409
    api_client.force_authenticate(council.secretary.user)
    decided = api_client.post(url, {"action": "decide"}, format="json")
    assert (decided.json()["status"], decided.json()["recommended"]) == ("decided", candidates[1])


def test_art_19_chair_vacancies_refuse_others(api_client, council):
    as_member(api_client, council)
    assert api_client.get(BASE + "chair-vacancies/").status_code == 403
    assert (
        api_client.post(f"{BASE}chair-vacancies/1/actions/", {"action": "decide"}).status_code
        == 403
    )
    api_client.force_authenticate(council.secretary.user)
    missing = api_client.post(
        f"{BASE}chair-vacancies/999999/actions/", {"action": "decide"}, format="json"
    )
    assert missing.status_code == 404


# --- Art. 21–24: dismissals and appeals -------------------------------------------------


def test_art_21_22_dismissal_received_reported_refused_and_scheduled(
    api_client, secretary, council
):
    judge = JudgeFactory()
    body = {"judge": judge.pk, "ground": "disciplinary", "received_on": "2026-03-10"}
    no_jury = api_client.post(BASE + "dismissals/", body, format="json")
    assert no_jury.status_code == 400  # Art. 21 §1: a Judicial Jury decision first
    assert not DismissalCase.objects.exists()
    created = api_client.post(
        BASE + "dismissals/", {**body, "jury_decision": "Жюри № 3"}, format="json"
    )
    assert created.status_code == 201
    url = f"{BASE}dismissals/{created.json()['id']}/actions/"
    incomplete = api_client.post(
        url, {"action": "report", "circumstances": "Мән-жай", "proposals": "Ұ"}, format="json"
    )
    assert error_fields(incomplete) == {"conclusion", "signed_by"}
    assert DismissalCase.objects.get().report_on is None
    reported = api_client.post(
        url,
        {
            "action": "report",
            "circumstances": "Мән-жай",
            "conclusion": "Қорытынды",
            "proposals": "Ұсыныс",
            "signed_by": ["Тексеруші"],
        },
        format="json",
    )
    assert reported.json()["status"] == "checked"
    refused = api_client.post(url, {"action": "refusal", "text": "Бас тартты"}, format="json")
    assert refused.json()["status"] == "ready"
    session = _open_session(council)
    scheduled = api_client.post(url, {"action": "schedule", "session": session.pk}, format="json")
    assert scheduled.json()["status"] == "scheduled"
    early = api_client.post(url, {"action": "decide", "text": "Материалдар"}, format="json")
    assert early.status_code in (400, 409)
    assert DismissalCase.objects.get().recommended is None
    assert len(api_client.get(BASE + "dismissals/").json()) == 1


def test_art_24_appeal_listed_scheduled_and_decided_by_the_secretariat(
    api_client, secretary, council
):
    judge = JudgeFactory()
    with clock.frozen(at(DAY)):
        appeal = proceedings.jury_appeal_file(
            commission="disciplinary",
            jury_decision="№ 1",
            grounds="Негізсіз",
            acting_user=judge.user,
        )
    assert [a["id"] for a in api_client.get(BASE + "appeals/").json()] == [appeal.pk]
    url = f"{BASE}appeals/{appeal.pk}/actions/"
    session = _open_session(council)
    scheduled = api_client.post(url, {"action": "schedule", "session": session.pk}, format="json")
    assert scheduled.json()["status"] == "scheduled"
    session_services.session_open(
        session=session, present=council.members, acting_user=council.secretary.user
    )
    appeal.refresh_from_db()
    assert appeal.item is not None
    vote = session_services.vote_open(
        item=appeal.item, question="Негізсіз бе?", is_secret=False, acting_user=council.chair.user
    )
    for index, seat in enumerate(council.members):
        session_services.ballot_cast(
            vote=vote, choice="for" if index < 6 else "against", acting_user=seat.user
        )
    session_services.vote_close(vote=vote, acting_user=council.chair.user)
    decided = api_client.post(url, {"action": "decide"}, format="json")
    assert decided.status_code == 200
    assert decided.json()["jury_decision_unfounded"] is True


def test_art_24_appeals_and_dismissals_refuse_others_and_unknown_ones(api_client, council):
    api_client.force_authenticate(UserFactory(roles=[Role.JUDGE]))
    assert api_client.get(BASE + "appeals/").status_code == 403
    assert api_client.get(BASE + "dismissals/").status_code == 403
    api_client.force_authenticate(council.secretary.user)
    assert (
        api_client.post(f"{BASE}appeals/999999/actions/", {"action": "decide"}).status_code == 404
    )
    assert (
        api_client.post(f"{BASE}dismissals/999999/actions/", {"action": "decide"}).status_code
        == 404
    )
    bad = api_client.post(
        BASE + "dismissals/", {"judge": 999999, "ground": "age", "received_on": "2026-03-10"}
    )
    assert error_fields(bad) == {"judge"}
    assert not JuryAppeal.objects.exists()
    assert not DismissalCase.objects.exists()
