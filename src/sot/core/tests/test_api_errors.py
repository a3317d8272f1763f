"""One error body for the whole API, in the request's language; and a schema that documents it all.

Translations (.po) come later, so nothing here depends on translated text: the tests look at the
status, the code, the fields and the response's language, and only check that a message is there.
"""

from __future__ import annotations

import importlib
import json

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import Case
from sot.cases.tests.factories import CaseFactory, ParticipantFactory
from sot.courts.tests.factories import CourtFactory

pytestmark = pytest.mark.django_db

CASE = "/api/v1/cases/{case}/"
HEARINGS = "/api/v1/hearings/"
COUNCIL = "/api/v1/council/"

# Every operation of the API: those that need a signed-in caller, and those open to all.
PROTECTED = [
    ("delete", "/api/v1/auth/token/"),
    ("get", "/api/v1/me/"),
    ("get", "/api/v1/cases/"),
    ("post", "/api/v1/cases/"),
    ("get", CASE),
    ("get", CASE + "history/"),
    ("get", CASE + "matter/"),
    ("post", CASE + "transitions/"),
    ("post", CASE + "participants/"),
    ("get", CASE + "participants/{participant}/iin/"),
    ("post", CASE + "judges/"),
    ("get", CASE + "documents/"),
    ("post", CASE + "documents/"),
    ("get", "/api/v1/distribution/cases/{case}/"),
    ("post", "/api/v1/distribution/cases/{case}/reassign/"),
    ("post", "/api/v1/distribution/cases/{case}/chair-assign/"),
    ("get", "/api/v1/distribution/queue/"),
    ("get", "/api/v1/distribution/loads/"),
    ("get", "/api/v1/deadlines/period/"),
    ("get", "/api/v1/deadlines/overdue/"),
    ("get", "/api/v1/deadlines/violations/"),
    ("get", CASE + "clocks/"),
    ("post", HEARINGS),
    ("get", HEARINGS + "{hearing_id}/"),
    ("post", HEARINGS + "{hearing_id}/start/"),
    ("post", HEARINGS + "{hearing_id}/end/"),
    ("post", HEARINGS + "{hearing_id}/postpone/"),
    ("get", HEARINGS + "{hearing_id}/video/"),
    ("get", HEARINGS + "cases/{case}/"),
    ("post", HEARINGS + "cases/{case}/suspend/"),
    ("post", HEARINGS + "cases/{case}/resume/"),
    ("get", HEARINGS + "cases/{case}/suspensions/"),
    ("get", HEARINGS + "calendar/mine/"),
    ("get", HEARINGS + "calendar/mine.ics"),
    ("get", HEARINGS + "calendar/judges/{judge}/"),
    ("get", HEARINGS + "calendar/judges/{judge}.ics"),
    ("get", HEARINGS + "calendar/courtrooms/{courtroom_id}/"),
    ("get", HEARINGS + "postponement-reasons/"),
    ("get", HEARINGS + "suspension-grounds/"),
    ("get", HEARINGS + "courtrooms/"),
    ("post", COUNCIL + "rules/eligibility/"),
    ("post", COUNCIL + "rules/exam-admission/"),
    ("post", COUNCIL + "rules/tally/"),
    ("post", COUNCIL + "competitions/"),
    ("post", COUNCIL + "competitions/{competition_id}/actions/"),
    ("post", COUNCIL + "competitions/{competition_id}/applications/"),
    ("post", COUNCIL + "applications/{application_id}/documents/"),
    ("get", COUNCIL + "me/"),
    ("post", COUNCIL + "sessions/"),
    ("get", COUNCIL + "sessions/{session_id}/"),
    ("post", COUNCIL + "sessions/{session_id}/agenda/"),
    ("post", COUNCIL + "sessions/{session_id}/open/"),
    ("post", COUNCIL + "sessions/{session_id}/items/{item_id}/nominations/"),
    ("post", COUNCIL + "sessions/{session_id}/items/{item_id}/votes/"),
    ("post", COUNCIL + "votes/{vote_id}/ballots/"),
    ("post", COUNCIL + "votes/{vote_id}/close/"),
    ("post", COUNCIL + "exams/{exam_session_id}/registrations/"),
    ("post", COUNCIL + "me/exams/{registration_id}/test/"),
    ("post", COUNCIL + "me/exams/{registration_id}/answers/"),
    ("post", COUNCIL + "judge/appeals/"),
    ("get", COUNCIL + "competitions/{competition_id}/applications/"),
    ("get", COUNCIL + "judges/{judge_id}/record/"),
    ("post", COUNCIL + "judges/{judge_id}/record/"),
    ("get", COUNCIL + "reserve/"),
    ("post", COUNCIL + "reserve/"),
    ("post", COUNCIL + "candidates/{candidate_id}/special-checks/"),
    ("post", COUNCIL + "candidates/{candidate_id}/conclusions/"),
    ("post", COUNCIL + "candidates/{candidate_id}/polygraph/"),
    ("get", COUNCIL + "commission/"),
    ("post", COUNCIL + "commission/"),
    ("get", COUNCIL + "exam-sessions/"),
    ("post", COUNCIL + "exam-sessions/"),
    ("post", COUNCIL + "exam-sessions/{exam_session_id}/attendance/"),
    ("post", COUNCIL + "exam-registrations/{registration_id}/admission/"),
    ("post", COUNCIL + "exam-registrations/{registration_id}/stages/"),
    ("get", COUNCIL + "chair-vacancies/"),
    ("post", COUNCIL + "chair-vacancies/"),
    ("post", COUNCIL + "chair-vacancies/{vacancy_id}/actions/"),
    ("get", COUNCIL + "dismissals/"),
    ("post", COUNCIL + "dismissals/"),
    ("post", COUNCIL + "dismissals/{dismissal_id}/actions/"),
    ("get", COUNCIL + "appeals/"),
    ("post", COUNCIL + "appeals/{appeal_id}/actions/"),
    ("post", COUNCIL + "sessions/{session_id}/items/{item_id}/appearances/"),
    ("post", COUNCIL + "appearances/{appearance_id}/actions/"),
    ("get", COUNCIL + "question-lists/"),
    ("post", COUNCIL + "question-lists/"),
    ("post", COUNCIL + "question-lists/{list_id}/approve/"),
    ("get", COUNCIL + "competitions/{competition_id}/dispatch/"),
    ("post", COUNCIL + "sessions/{session_id}/chair-candidates/{candidate_id}/votes/"),
]
PUBLIC = [
    ("post", "/api/v1/auth/token/"),
    ("get", "/api/v1/courts/"),
    ("get", "/api/v1/courts/{court}/"),
    ("get", "/api/v1/judges/"),
    ("get", "/api/v1/judges/{judge}/"),
    ("get", "/api/v1/ledger/head/"),
    ("get", "/api/v1/ledger/leaves/{index}/"),
    ("get", "/api/v1/ledger/proof/"),
    ("get", "/api/v1/ledger/consistency/"),
    ("get", "/api/v1/distribution/verify/"),
    ("get", COUNCIL + "competitions/"),
    ("get", COUNCIL + "competitions/{competition_id}/"),
    ("get", COUNCIL + "decisions/"),
    ("get", COUNCIL + "exams/passed/"),
]

# Newer apps list their own operations in ``sot/<app>/api/operations.py`` (PROTECTED, PUBLIC).
for _app in ("filing", "signatures", "notifications", "acts", "search", "analytics"):
    try:
        _ops = importlib.import_module(f"sot.{_app}.api.operations")
    except ModuleNotFoundError as missing:
        if missing.name not in {f"sot.{_app}", f"sot.{_app}.api", f"sot.{_app}.api.operations"}:
            raise
        continue
    PROTECTED += _ops.PROTECTED
    PUBLIC += _ops.PUBLIC


def assert_error_body(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str)
    assert body["error"]["message"]
    assert "%(" not in body["error"]["message"], "placeholders must be filled in"
    return body["error"]


@pytest.fixture
def case():
    case = CaseFactory(status="filed", number=None)
    ParticipantFactory(case=case)
    return case


def fill(path: str, case) -> str:
    return path.format(
        case=case.pk,
        participant=case.participants.get().pk,
        court=case.court.code,
        judge=1,
        hearing_id=1,
        courtroom_id=1,
        competition_id=1,
        application_id=1,
        session_id=1,
        item_id=1,
        vote_id=1,
        exam_session_id=1,
        registration_id=1,
        judge_id=1,
        candidate_id=1,
        vacancy_id=1,
        dismissal_id=1,
        appeal_id=1,
        appearance_id=1,
        list_id=1,
        filing_id=1,
        attachment_id=1,
        document_id=1,
        act_id=1,
        challenge_id=1,
        token="no-such-token",
        notice_id=1,
        contact_id=1,
        code=case.court.code,
    )


@pytest.mark.parametrize(("method", "path"), PROTECTED, ids=[f"{m} {p}" for m, p in PROTECTED])
def test_anonymous_callers_get_401_with_a_token_challenge(api_client, case, method, path):
    response = getattr(api_client, method)(fill(path, case))

    assert_error_body(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize(("method", "path"), PROTECTED, ids=[f"{m} {p}" for m, p in PROTECTED])
def test_a_bad_token_is_401(api_client, case, method, path):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    response = getattr(api_client, method)(fill(path, case))
    assert_error_body(response, 401, "authentication_failed")


def test_every_operation_in_the_schema_is_covered_here():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    documented = {
        (method, path.replace("{case_id}", "{case}"))
        for path, operations in schema["paths"].items()
        for method in operations
    }
    listed = {
        (
            method,
            path.replace("{participant}", "{participant_id}")
            .replace("{court}", "{code}")
            .replace("{judge}", "{judge_id}"),
        )
        for method, path in PROTECTED + PUBLIC
    }
    assert documented == listed


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_errors_come_in_the_requested_language(api_client, language):
    api_client.force_authenticate(UserFactory(roles=[Role.CITIZEN]))

    missing = api_client.get("/api/v1/cases/999999/", HTTP_ACCEPT_LANGUAGE=language)
    invalid = api_client.get("/api/v1/cases/", {"year": "x"}, HTTP_ACCEPT_LANGUAGE=language)

    assert_error_body(missing, 404, "not_found")
    assert_error_body(invalid, 400, "validation_failed")
    assert missing["Content-Language"] == language
    assert invalid["Content-Language"] == language


def test_kazakh_is_the_default_language(api_client):
    response = api_client.get("/api/v1/courts/NOPE/")
    assert_error_body(response, 404, "not_found")
    assert response["Content-Language"] == "kk"


def test_nested_field_errors_are_dotted(api_client):
    court = CourtFactory()
    api_client.force_authenticate(UserFactory(roles=[Role.CLERK], court=court))

    response = api_client.post(
        "/api/v1/cases/",
        {
            "court": court.code,
            "category": "civil",
            "subject": "x",
            "participants": [
                {"role": "plaintiff", "name": "A"},
                {"role": "plaintiff", "name": "B", "iin": "123"},
            ],
        },
        format="json",
    )

    error = assert_error_body(response, 400, "validation_failed")
    assert list(error["fields"]) == ["participants.1.iin"]
    assert all(isinstance(m, str) and m for m in error["fields"]["participants.1.iin"])


def test_domain_errors_render_their_parameters(api_client):
    court = CourtFactory()
    case = CaseFactory(court=court, status="registered")
    api_client.force_authenticate(UserFactory(roles=[Role.CLERK], court=court))

    response = api_client.post(
        f"/api/v1/cases/{case.pk}/transitions/", {"action": "register"}, format="json"
    )

    error = assert_error_body(response, 409, "invalid_transition")
    assert error["fields"] == {}


def test_malformed_json_is_a_parse_error(api_client):
    api_client.force_authenticate(UserFactory(roles=[Role.CLERK], court=CourtFactory()))
    response = api_client.post("/api/v1/cases/", "{", content_type="application/json")
    assert_error_body(response, 400, "parse_error")


def test_an_unsupported_method_is_405(api_client, case):
    api_client.force_authenticate(UserFactory())
    assert_error_body(api_client.put(f"/api/v1/cases/{case.pk}/"), 405, "method_not_allowed")
    assert_error_body(api_client.delete("/api/v1/courts/"), 405, "method_not_allowed")


def test_an_unsupported_body_type_is_415(api_client, case):
    api_client.force_authenticate(UserFactory(roles=[Role.CLERK], court=case.court))
    response = api_client.post(
        f"/api/v1/cases/{case.pk}/transitions/", "action=register", content_type="text/plain"
    )
    assert_error_body(response, 415, "unsupported_media_type")


def test_the_schema_generates_without_warnings(tmp_path):
    target = tmp_path / "schema.json"
    call_command(
        "spectacular",
        "--fail-on-warn",
        "--validate",
        "--format",
        "openapi-json",
        "--file",
        str(target),
    )
    schema = json.loads(target.read_text())
    assert schema["components"]["schemas"]["Error"]["properties"]["error"]
    operations = [op for ops in schema["paths"].values() for op in ops.values()]
    assert len(operations) == len(PROTECTED) + len(PUBLIC)
    for operation in operations:
        assert (
            "200" in operation["responses"]
            or "201" in operation["responses"]
            or ("204" in operation["responses"])
        ), operation["operationId"]


def test_the_schema_and_docs_are_served(api_client):
    schema = api_client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/cases/" in schema.content
    docs = api_client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"/api/schema/" in docs.content


def test_a_body_over_the_upload_limit_is_413(api_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    court = CourtFactory()
    api_client.force_authenticate(UserFactory(roles=[Role.CLERK], court=court))
    before = Case.objects.count()

    response = api_client.post(
        "/api/v1/cases/",
        {"court": court.code, "category": "civil", "subject": "x" * 2048},
        format="json",
    )

    assert_error_body(response, 413, "request_too_large")
    assert Case.objects.count() == before


def test_a_body_under_the_limit_is_read(api_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    api_client.force_authenticate(UserFactory(roles=[Role.CLERK], court=CourtFactory()))
    response = api_client.post("/api/v1/cases/", {"subject": "x" * 100}, format="json")
    assert_error_body(response, 400, "validation_failed")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/nothing-here/"),
        ("get", "/api/v1/nothing-here"),
        ("post", "/api/v1/nothing/here/"),
        ("delete", "/api/v1/cases/not-a-number/"),
        ("get", "/api/v1/courts/ABC/judges/"),
        ("get", "/api/v1/"),
    ],
)
def test_unknown_api_paths_are_404_in_the_error_shape(api_client, method, path):
    response = getattr(api_client, method)(path, HTTP_ACCEPT_LANGUAGE="ru")

    assert_error_body(response, 404, "not_found")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Language"] == "ru"


def test_an_unknown_path_answers_a_post_without_a_csrf_token(api_client):
    api_client.handler.enforce_csrf_checks = True
    api_client.force_login(UserFactory())
    assert_error_body(api_client.post("/api/v1/nothing/", {}), 404, "not_found")


def test_a_known_path_without_its_slash_is_still_redirected(api_client):
    response = api_client.get("/api/v1/courts?level=district")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/courts/?level=district"


def test_pages_outside_the_api_keep_djangos_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")
