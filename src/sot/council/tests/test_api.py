"""The Council's API under /api/v1/council/: the rules, public lists, the secretariat's and the
members' operations, with who may call what."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.core import clock
from sot.council.demo import demo_seed
from sot.council.models import (
    Application,
    Candidate,
    Competition,
    ExamRegistration,
    ExamSession,
    FieldOfLaw,
    Question,
    Session,
    SpecialCheck,
)
from sot.council.services import exams
from sot.council.services import sessions as session_services
from sot.courts.tests.factories import CourtFactory, JudgeFactory

from .conftest import at
from .facts_support import facts

pytestmark = pytest.mark.django_db
BASE = "/api/v1/council/"


@pytest.fixture
def demo():
    CourtFactory()
    return demo_seed()


def signed_in(api_client, *roles):
    user = UserFactory(roles=list(roles))
    api_client.force_authenticate(user)
    return user


def test_published_lists_are_public(api_client, demo):
    competitions = api_client.get(BASE + "competitions/")
    assert competitions.status_code == 200
    assert sorted(c["status"] for c in competitions.json()) == ["checking", "completed"]
    detail = api_client.get(f"{BASE}competitions/{demo.competition.pk}/").json()
    assert {a["status"] for a in detail["applicants"]} == {"won", "not_selected", "rejected"}
    decisions = api_client.get(BASE + "decisions/").json()
    assert decisions[0]["is_adopted"] is True
    passed = api_client.get(BASE + "exams/passed/").json()
    assert [p["name"] for p in passed["passed"]] == [demo.winner.candidate.user.full_name]
    assert passed["model_questions"]


def test_rules_need_a_signed_in_caller(api_client):
    response = api_client.post(BASE + "rules/tally/", {"facts": {}}, format="json")
    assert response.status_code == 401


def test_art_18_8_tally_exactly_two_thirds_through_the_api(api_client):
    signed_in(api_client, Role.CITIZEN)
    votes = [{"member": n, "vote": "for" if n <= 6 else "against"} for n in range(1, 10)]
    body = {
        "facts": {
            "kind": "competition",
            "members_total": 9,
            "chair": 1,
            "secretary": None,
            "votes": votes,
            "recused": [],
        }
    }
    answer = api_client.post(BASE + "rules/tally/", body, format="json").json()
    assert answer == {
        "quorum": True,
        "adopted": True,
        "for": 6,
        "against": 3,
        "required": 6,
        "errors": [],
    }


def test_art_17_2_eligibility_through_the_api_and_missing_fact_named(api_client):
    signed_in(api_client, Role.CITIZEN)
    ok = api_client.post(
        BASE + "rules/eligibility/",
        {
            "position": "regional_judge",
            "on": "2026-06-01",
            "facts": facts(legal_experience_years=15, judge_experience_years=5),
        },
        format="json",
    )
    assert ok.json() == {"eligible": True, "reasons": []}
    document = facts()
    del document["guarantee_judge"]
    refused = api_client.post(
        BASE + "rules/eligibility/",
        {"position": "regional_judge", "facts": document},
        format="json",
    )
    assert refused.status_code == 400
    assert list(refused.json()["error"]["fields"]) == ["guarantee_judge"]


def test_art_13_4_exam_admission_through_the_api(api_client):
    signed_in(api_client, Role.CITIZEN)
    answer = api_client.post(
        BASE + "rules/exam-admission/",
        {"on": "2026-06-01", "facts": facts(magistracy_graduated_on="2022-06-01")},
        format="json",
    ).json()
    assert (answer["admitted"], answer["exempt"]) == (True, True)


def test_only_the_secretariat_opens_competitions(api_client, demo):
    body = {
        "position": "regional_judge",
        "court": demo.competition.court.code,
        "vacancies": 1,
        "basis": "Ұсыным",
        "announcement_kk": "Хабарландыру",
        "announcement_ru": "Объявление",
    }
    signed_in(api_client, Role.CITIZEN)
    assert api_client.post(BASE + "competitions/", body, format="json").status_code == 403
    signed_in(api_client, Role.COUNCIL_SECRETARY)
    created = api_client.post(BASE + "competitions/", body, format="json")
    assert created.status_code == 201
    competition = created.json()["id"]
    # Art. 16 §4: announced at least a month before it is held.
    too_soon = api_client.post(
        f"{BASE}competitions/{competition}/actions/",
        {"action": "announce", "published_on": "2026-01-10", "held_on": "2026-02-09"},
        format="json",
    )
    assert too_soon.status_code == 400
    announced = api_client.post(
        f"{BASE}competitions/{competition}/actions/",
        {"action": "announce", "published_on": "2026-01-10", "held_on": "2026-02-10"},
        format="json",
    )
    assert announced.json()["applications_close_on"] == "2026-02-10"


def test_candidate_status_is_the_callers_own(api_client, demo):
    signed_in(api_client, Role.CITIZEN)
    assert api_client.get(BASE + "me/").status_code == 404
    api_client.force_authenticate(demo.winner.candidate.user)
    mine = api_client.get(BASE + "me/").json()
    assert [a["status"] for a in mine["applications"]] == ["won"]
    assert mine["exams"][0]["status"] == "passed"


def test_sessions_and_secret_ballots_for_members_only(api_client, demo):
    session = Session.objects.get(agenda__competition=demo.competition)
    signed_in(api_client, Role.CITIZEN)
    assert api_client.get(f"{BASE}sessions/{session.pk}/").status_code == 404
    item = session.agenda.get()
    chair = session.present.get(role="chair").user
    with clock.frozen(at(timezone.localdate(session.starts_at))):
        Session.objects.filter(pk=session.pk).update(status="open")
        vote = session_services.vote_open(
            item=item,
            question="Тест",
            is_secret=True,
            nomination=item.nominations.first(),
            acting_user=chair,
        )
    assert api_client.post(f"{BASE}votes/{vote.pk}/ballots/", {"choice": "for"}).status_code == 404
    seat = session.present.exclude(role="chair").order_by("pk").first()
    assert seat is not None
    member = seat.user
    api_client.force_authenticate(member)
    assert api_client.get(f"{BASE}sessions/{session.pk}/").status_code == 200
    abstain = api_client.post(f"{BASE}votes/{vote.pk}/ballots/", {"choice": "abstain"})
    assert abstain.status_code == 400
    assert api_client.post(f"{BASE}votes/{vote.pk}/ballots/", {"choice": "for"}).status_code == 204
    assert api_client.post(f"{BASE}votes/{vote.pk}/ballots/", {"choice": "for"}).status_code == 409
    # Closing before every member present has voted is refused (Art. 10 §3).
    api_client.force_authenticate(chair)
    assert api_client.post(f"{BASE}votes/{vote.pk}/close/").status_code == 409


def test_a_whole_session_through_the_api(api_client, council, court):
    """Plan, agenda, quorum, nomination, secret vote, count: Art. 8 §1, 18 §8."""
    competition = Competition.objects.create(
        position="district_judge",
        court=court,
        basis="x",
        announcement_kk="a",
        announcement_ru="b",
        status="checking",
    )
    candidate = Candidate.objects.create(
        user=UserFactory(), born_on=date(1980, 1, 1), is_citizen=True, higher_legal_education=True
    )
    application = Application.objects.create(
        competition=competition, candidate=candidate, submitted_on=date(2026, 1, 5)
    )
    api_client.force_authenticate(candidate.user)
    upload = SimpleUploadedFile("cv.txt", "Өмірбаян".encode(), content_type="text/plain")
    document = api_client.post(
        f"{BASE}applications/{application.pk}/documents/", {"title": "CV", "file": upload}
    )
    assert document.status_code == 201, document.content
    Application.objects.filter(pk=application.pk).update(status="admitted")
    secretary = council.secretary.user
    api_client.force_authenticate(secretary)
    with clock.frozen(at(date(2026, 3, 1))):
        planned = api_client.post(
            BASE + "sessions/",
            {"starts_at": "2026-03-10T10:00:00+05:00", "place": "Астана"},
            format="json",
        )
        assert planned.status_code == 201, planned.content
        session = planned.json()["id"]
        api_client.post(
            f"{BASE}sessions/{session}/agenda/",
            {
                "kind": "competition",
                "title": "Конкурс",
                "competition": competition.pk,
                "materials_received_on": "2026-02-01",
            },
            format="json",
        )
        no_quorum = api_client.post(
            f"{BASE}sessions/{session}/open/",
            {"present": [s.pk for s in council.members[:5]]},
            format="json",
        )
        assert no_quorum.status_code == 400
        opened = api_client.post(
            f"{BASE}sessions/{session}/open/",
            {"present": [s.pk for s in council.members[:6]]},
            format="json",
        )
        assert opened.json()["present"] == 6
        item = opened.json()["agenda"][0]["id"]
        api_client.force_authenticate(council.members[1].user)
        nomination = api_client.post(
            f"{BASE}sessions/{session}/items/{item}/nominations/",
            {"application": application.pk},
            format="json",
        ).json()["id"]
        api_client.force_authenticate(council.chair.user)
        vote = api_client.post(
            f"{BASE}sessions/{session}/items/{item}/votes/",
            {"is_secret": True, "nomination": nomination},
            format="json",
        ).json()["id"]
        for index, seat in enumerate(council.members[:6]):
            api_client.force_authenticate(seat.user)
            choice = "for" if index < 4 else "against"
            assert (
                api_client.post(f"{BASE}votes/{vote}/ballots/", {"choice": choice}).status_code
                == 204
            )
        api_client.force_authenticate(council.chair.user)
        counted = api_client.post(f"{BASE}votes/{vote}/close/").json()
    # Exactly two thirds of the six taking part: 4 of 6.
    assert (counted["votes_for"], counted["required"], counted["adopted"]) == (4, 4, True)


PROTECTED = [
    ("post", "exams/1/registrations/"),
    ("post", "me/exams/1/test/"),
    ("post", "me/exams/1/answers/"),
    ("post", "judge/appeals/"),
    ("post", "rules/eligibility/"),
    ("post", "rules/exam-admission/"),
    ("post", "rules/tally/"),
    ("post", "competitions/"),
    ("post", "competitions/1/actions/"),
    ("post", "competitions/1/applications/"),
    ("post", "applications/1/documents/"),
    ("get", "me/"),
    ("post", "sessions/"),
    ("get", "sessions/1/"),
    ("post", "sessions/1/agenda/"),
    ("post", "sessions/1/open/"),
    ("post", "sessions/1/items/1/nominations/"),
    ("post", "sessions/1/items/1/votes/"),
    ("post", "votes/1/ballots/"),
    ("post", "votes/1/close/"),
]


@pytest.mark.parametrize(("method", "path"), PROTECTED, ids=[f"{m} {p}" for m, p in PROTECTED])
def test_anonymous_callers_get_401_with_a_token_challenge(api_client, method, path):
    response = getattr(api_client, method)(BASE + path)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["error"]["code"] == "not_authenticated"


def test_art_13_exam_through_the_api(api_client, council, make_candidate):
    for field in FieldOfLaw.values:
        Question.objects.create(
            field_of_law=field,
            text=field,
            options=["a", "b"],
            correct_option=1,
            approved_on=date(2026, 1, 1),
        )
    session = ExamSession.objects.create(
        held_on=date(2026, 4, 20), place="Астана", notice_sent_on=date(2026, 4, 1), seed="s"
    )
    candidate = make_candidate()
    SpecialCheck.objects.create(
        candidate=candidate,
        is_passed=True,
        issued_on=date(2026, 1, 1),
        valid_until=date(2027, 1, 1),
    )
    api_client.force_authenticate(candidate.user)
    registered = api_client.post(f"{BASE}exams/{session.pk}/registrations/")
    assert registered.status_code == 201
    registration = registered.json()["id"]
    assert api_client.post(f"{BASE}exams/{session.pk}/registrations/").json()["id"] == registration
    exams.exam_admission_decide(
        registration=ExamRegistration.objects.get(pk=registration),
        acting_user=council.secretary.user,
    )
    test = api_client.post(f"{BASE}me/exams/{registration}/test/").json()
    assert len(test["questions"]) == len(FieldOfLaw.values)
    assert "correct_option" not in test["questions"][0]
    answers = {str(q["id"]): 1 for q in test["questions"]}
    scored = api_client.post(
        f"{BASE}me/exams/{registration}/answers/", {"answers": answers}, format="json"
    )
    assert scored.json()["score_percent"] == 100
    again = api_client.post(
        f"{BASE}me/exams/{registration}/answers/", {"answers": answers}, format="json"
    )
    assert again.status_code == 409
    # Someone else's test is not found.
    api_client.force_authenticate(UserFactory(roles=[Role.CITIZEN]))
    assert api_client.post(f"{BASE}me/exams/{registration}/test/").status_code == 404


def test_art_24_appeal_through_the_api(api_client):
    signed_in(api_client, Role.CITIZEN)
    body = {"commission": "disciplinary", "jury_decision": "№ 2", "grounds": "Негізсіз"}
    assert api_client.post(BASE + "judge/appeals/", body, format="json").status_code == 403
    judge = JudgeFactory()
    api_client.force_authenticate(judge.user)
    filed = api_client.post(BASE + "judge/appeals/", body, format="json")
    assert filed.status_code == 201
    assert filed.json()["status"] == "received"
