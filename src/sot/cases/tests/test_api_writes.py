"""The case API's writes: filing, transitions, participants and judges; bad input writes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.cases import services
from sot.cases.models import (
    Case,
    CaseEvent,
    CaseStatus,
    Participant,
)
from sot.core.judiciary import CaseCategory, Instance
from sot.core.tests.api_assertions import assert_error
from sot.courts.models import JudgeStatus
from sot.courts.tests.factories import CourtFactory, JudgeFactory

from .api_support import (
    BAD_IIN,
    CASES,
    VALID_BIN,
    filing,
    ids,
    url,
)
from .factories import CaseFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


class TestCaseCreate:
    @pytest.mark.parametrize("caller", ["clerk", "chair"])
    def test_the_courts_office_records_a_paper_filing(self, w, client_as, caller):
        user = w.clerk if caller == "clerk" else w.chair

        response = client_as(user).post(CASES, filing(w.court), format="json")

        assert response.status_code == 201, response.content
        body = response.json()
        case = Case.objects.get(pk=body["id"])
        assert case.is_electronic is False
        assert case.status == CaseStatus.FILED
        assert case.claim_amount == Decimal("250000.00")
        assert body["court"]["code"] == w.court.code
        assert [p["role"] for p in body["participants"]] == ["plaintiff", "defendant"]
        assert valid_iin(31) not in response.content.decode()
        assert Participant.objects.get(case=case, role="plaintiff").iin == valid_iin(31)
        assert [a["action"] for a in body["allowed_actions"]] == ["register"]
        assert list(case.events.values_list("kind", flat=True).order_by("pk")) == [
            "filed",
            "participant_added",
            "participant_added",
        ]
        assert case.events.get(kind="filed").actor == user

    def test_minimal_filing(self, w, client_as):
        response = client_as(w.clerk).post(
            CASES,
            {"court": w.court.code, "category": "criminal", "subject": "Кража"},
            format="json",
        )
        assert response.status_code == 201, response.content
        body = response.json()
        assert (body["instance"], body["is_closed"], body["participants"]) == ("first", False, [])
        assert body["claim_amount"] is None

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            pytest.param({"court": "NOPE"}, "court", id="unknown-court"),
            pytest.param({"court": ""}, "court", id="empty-court"),
            pytest.param({"category": "maritime"}, "category", id="unknown-category"),
            pytest.param({"instance": "fourth"}, "instance", id="unknown-instance"),
            pytest.param({"subject": ""}, "subject", id="no-subject"),
            pytest.param({"claim_amount": "-1"}, "claim_amount", id="negative-claim"),
            pytest.param({"claim_amount": "a lot"}, "claim_amount", id="claim-not-a-number"),
            pytest.param(
                {"participants": [{"role": "plaintiff", "name": "A", "iin": BAD_IIN}]},
                "participants.0.iin",
                id="bad-iin-check-digit",
            ),
            pytest.param(
                {
                    "participants": [
                        {"role": "plaintiff", "name": "A", "iin": valid_iin(1)},
                        {"role": "defendant", "name": "B", "iin": "88010130000١"},
                    ]
                },
                "participants.1.iin",
                id="non-ascii-digit-iin",
            ),
            pytest.param(
                {"participants": [{"role": "plaintiff", "name": "A", "iin": "12345"}]},
                "participants.0.iin",
                id="short-iin",
            ),
            pytest.param(
                {
                    "participants": [
                        {"role": "defendant", "kind": "organisation", "name": "B", "bin": BAD_IIN}
                    ]
                },
                "participants.0.bin",
                id="bad-bin",
            ),
            pytest.param(
                {"participants": [{"role": "plaintiff", "name": "A", "bin": VALID_BIN}]},
                "participants.0.bin",
                id="bin-on-a-person",
            ),
            pytest.param(
                {"participants": [{"role": "judge", "name": "A"}]},
                "participants.0.role",
                id="unknown-participant-role",
            ),
            pytest.param(
                {"participants": [{"role": "plaintiff", "name": ""}]},
                "participants.0.name",
                id="participant-without-name",
            ),
            pytest.param(
                {"participants": "everyone"}, "participants", id="participants-not-a-list"
            ),
        ],
    )
    def test_bad_input_is_400_and_writes_nothing(self, w, client_as, counts, overrides, field):
        before = counts()

        response = client_as(w.clerk).post(
            CASES, filing(w.court, **overrides), format="json", HTTP_ACCEPT_LANGUAGE="en"
        )

        error = assert_error(response, 400, "validation_failed")
        assert field in error["fields"], error
        assert all(isinstance(m, str) and m for m in error["fields"][field])
        assert counts() == before

    def test_a_court_that_does_not_hear_the_category_is_400(self, w, client_as, counts):
        court = CourtFactory(competences=[(Instance.FIRST, CaseCategory.CRIMINAL)])
        clerk = UserFactory(roles=[Role.CLERK], court=court)
        before = counts()

        response = client_as(clerk).post(CASES, filing(court), format="json")

        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == ["court"]
        assert counts() == before

    @pytest.mark.parametrize(
        "caller",
        ["clerk_of_another_court", "citizen", "judge", "analyst", "administrator"],
    )
    def test_only_the_courts_office_may_file(self, w, client_as, counts, caller):
        user = {
            "clerk_of_another_court": UserFactory(roles=[Role.CLERK], court=w.other_court),
            "citizen": w.citizen,
            "judge": w.judge.user,
            "analyst": UserFactory(roles=[Role.ANALYST]),
            "administrator": UserFactory(roles=[Role.ADMINISTRATOR], court=w.court),
        }[caller]
        before = counts()

        response = client_as(user).post(CASES, filing(w.court), format="json")

        assert_error(response, 403, "forbidden")
        assert counts() == before

    def test_a_citizen_with_bad_input_still_gets_403(self, w, client_as):
        response = client_as(w.citizen).post(CASES, {"court": "NOPE"}, format="json")
        assert_error(response, 403, "forbidden")

    def test_anonymous_is_401(self, w, api_client, counts):
        before = counts()
        response = api_client.post(CASES, filing(w.court), format="json")
        assert_error(response, 401, "not_authenticated")
        assert counts() == before

    def test_a_plain_text_body_is_415(self, w, client_as):
        response = client_as(w.clerk).post(CASES, "court=X", content_type="text/plain")
        assert_error(response, 415, "unsupported_media_type")


# --- transitions ---------------------------------------------------------------------------------


class TestCaseTransition:
    def test_register_gives_a_number_and_a_retry_is_409(self, w, client_as):
        case = w.file()
        client = client_as(w.clerk)

        first = client.post(url(case, "transitions/"), {"action": "register"}, format="json")

        assert first.status_code == 200, first.content
        body = first.json()
        assert body["status"] == "registered"
        assert body["number"].startswith(f"{w.court.code}-")
        assert body["allowed_actions"] == []  # the rest is for the bench
        events = CaseEvent.objects.filter(case=case).count()

        again = client.post(url(case, "transitions/"), {"action": "register"}, format="json")

        assert_error(again, 409, "invalid_transition")
        case.refresh_from_db()
        assert case.number == body["number"]
        assert CaseEvent.objects.filter(case=case).count() == events

    def test_the_note_is_kept_in_the_history(self, w, client_as):
        case = w.file()
        client_as(w.clerk).post(
            url(case, "transitions/"), {"action": "register", "note": "по почте"}, format="json"
        )
        assert case.events.get(kind="registered").payload["note"] == "по почте"

    def test_a_move_the_status_does_not_allow_is_409(self, w, client_as):
        case = w.registered()
        services.judge_assign(case=case, judge=w.judge, acting_user=w.chair)

        response = client_as(w.judge.user).post(
            url(case, "transitions/"), {"action": "decide"}, format="json"
        )

        assert_error(response, 409, "invalid_transition")
        case.refresh_from_db()
        assert case.status == CaseStatus.REGISTERED

    def test_a_party_may_not_move_their_case(self, w, client_as):
        case = w.file()
        ParticipantFactory(case=case, user=w.citizen)
        response = client_as(w.citizen).post(
            url(case, "transitions/"), {"action": "register"}, format="json"
        )
        assert_error(response, 403, "forbidden")
        case.refresh_from_db()
        assert case.status == CaseStatus.FILED

    def test_an_invisible_case_is_404(self, w, client_as):
        case = CaseFactory(court=w.other_court, status=CaseStatus.FILED, number=None)
        response = client_as(w.clerk).post(
            url(case, "transitions/"), {"action": "register"}, format="json"
        )
        assert_error(response, 404, "not_found")

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            pytest.param({"action": "teleport"}, "action", id="unknown-action"),
            pytest.param({}, "action", id="no-action"),
            pytest.param({"action": "register", "note": "x" * 2001}, "note", id="note-too-long"),
        ],
    )
    def test_bad_input_is_400(self, w, client_as, data, field):
        case = w.file()
        response = client_as(w.clerk).post(url(case, "transitions/"), data, format="json")
        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == [field]

    def test_appeal_opens_the_higher_case_in_the_same_matter(self, w, client_as):
        case = CaseFactory(court=w.court, status=CaseStatus.DECIDED)
        ParticipantFactory(case=case, user=w.citizen, iin=valid_iin(41))

        response = client_as(w.clerk).post(
            url(case, "transitions/"), {"action": "appeal", "note": "жалоба"}, format="json"
        )

        assert response.status_code == 200, response.content
        assert response.json()["id"] == case.pk
        assert response.json()["status"] == "appealed"
        higher = Case.objects.get(lower_case=case)
        assert (higher.court, higher.instance, higher.matter) == (
            w.regional,
            Instance.APPEAL,
            case.matter,
        )
        assert higher.participants.get().user == w.citizen
        # The party follows the matter up: both instances are on their list.
        matter = client_as(w.citizen).get(url(case, "matter/"))
        assert ids(matter) == [case.pk, higher.pk]

    @pytest.mark.parametrize(
        ("has_appeal_court", "data"),
        [
            pytest.param(False, {"action": "appeal"}, id="no-appeal-court"),
            pytest.param(
                True, {"action": "appeal", "expected_status": "heard"}, id="stale-expected-status"
            ),
        ],
    )
    def test_a_refused_appeal_is_409_and_changes_nothing(
        self, w, client_as, has_appeal_court, data
    ):
        court = w.court if has_appeal_court else CourtFactory(parent=None)
        clerk = w.clerk if has_appeal_court else UserFactory(roles=[Role.CLERK], court=court)
        case = CaseFactory(court=court, status=CaseStatus.DECIDED)
        before = (Case.objects.count(), CaseEvent.objects.count())

        response = client_as(clerk).post(url(case, "transitions/"), data, format="json")

        assert_error(response, 409, "invalid_transition")
        case.refresh_from_db()
        assert case.status == CaseStatus.DECIDED
        assert (Case.objects.count(), CaseEvent.objects.count()) == before

    def test_a_retried_schedule_with_the_expected_status_moves_the_case_once(self, w, client_as):
        # "schedule" is allowed from "scheduled" too: without expected_status a retry would
        # schedule a second hearing.
        case = CaseFactory(court=w.court, status=CaseStatus.ACCEPTED)
        client = client_as(w.clerk)
        data = {"action": "schedule", "expected_status": "accepted"}

        first = client.post(url(case, "transitions/"), data, format="json")
        again = client.post(url(case, "transitions/"), data, format="json")

        assert first.status_code == 200, first.content
        assert first.json()["status"] == "scheduled"
        assert_error(again, 409, "invalid_transition")
        case.refresh_from_db()
        assert case.status == CaseStatus.SCHEDULED
        assert case.events.filter(kind="scheduled").count() == 1

    def test_the_expected_status_is_optional(self, w, client_as):
        case = CaseFactory(court=w.court, status=CaseStatus.SCHEDULED)
        response = client_as(w.clerk).post(
            url(case, "transitions/"), {"action": "schedule"}, format="json"
        )
        assert response.status_code == 200, response.content
        assert case.events.filter(kind="scheduled").count() == 1

    def test_appeal_with_the_current_status_expected(self, w, client_as):
        case = CaseFactory(court=w.court, status=CaseStatus.DECIDED)
        response = client_as(w.clerk).post(
            url(case, "transitions/"),
            {"action": "appeal", "expected_status": "decided"},
            format="json",
        )
        assert response.status_code == 200, response.content
        assert Case.objects.filter(lower_case=case).count() == 1

    def test_an_unknown_expected_status_is_400(self, w, client_as):
        case = w.file()
        response = client_as(w.clerk).post(
            url(case, "transitions/"),
            {"action": "register", "expected_status": "lost"},
            format="json",
        )
        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == ["expected_status"]


# --- participants and bench ----------------------------------------------------------------------


class TestParticipantAdd:
    def test_the_clerk_adds_a_participant(self, w, client_as):
        case = w.file()

        response = client_as(w.clerk).post(
            url(case, "participants/"),
            {"role": "third_party", "name": "Бекова Бибігүл", "iin": valid_iin(51)},
            format="json",
        )

        assert response.status_code == 201, response.content
        body = response.json()
        assert body["masked_iin"].endswith(valid_iin(51)[-4:])
        assert valid_iin(51) not in response.content.decode()
        participant = Participant.objects.get(pk=body["id"])
        assert (participant.case, participant.iin) == (case, valid_iin(51))
        assert case.events.filter(kind="participant_added").count() == 1

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            pytest.param({"role": "plaintiff", "name": "A", "iin": BAD_IIN}, "iin", id="bad-iin"),
            pytest.param({"role": "pilot", "name": "A"}, "role", id="unknown-role"),
            pytest.param({"role": "plaintiff"}, "name", id="no-name"),
            pytest.param(
                {"role": "plaintiff", "name": "A", "kind": "robot"}, "kind", id="unknown-kind"
            ),
        ],
    )
    def test_bad_input_is_400_and_writes_nothing(self, w, client_as, data, field):
        case = w.file()
        before = (Participant.objects.count(), CaseEvent.objects.count())
        response = client_as(w.clerk).post(url(case, "participants/"), data, format="json")
        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == [field]
        assert (Participant.objects.count(), CaseEvent.objects.count()) == before

    def test_a_party_may_not_add_participants(self, w, client_as):
        case = w.file()
        ParticipantFactory(case=case, user=w.citizen)
        response = client_as(w.citizen).post(
            url(case, "participants/"), {"role": "third_party", "name": "A"}, format="json"
        )
        assert_error(response, 403, "forbidden")
        assert case.participants.count() == 1


class TestJudgeAssign:
    def test_the_chair_assigns_a_judge(self, w, client_as):
        case = w.file()

        response = client_as(w.chair).post(
            url(case, "judges/"), {"judge": w.judge.pk, "role": "rapporteur"}, format="json"
        )

        assert response.status_code == 201, response.content
        assert response.json()["judge"] == w.judge.pk
        assert response.json()["judge_name"] == w.judge.full_name
        assert response.json()["role"] == "rapporteur"
        assert case.bench.get().judge == w.judge
        assert case.events.filter(kind="judge_assigned").exists()

    @pytest.mark.parametrize(
        ("judge", "field"),
        [
            pytest.param("other_court", "judge", id="judge-of-another-court"),
            pytest.param("retired", "judge", id="retired-judge"),
            pytest.param("unknown", "judge", id="unknown-judge"),
            pytest.param("not_a_number", "judge", id="judge-not-an-id"),
        ],
    )
    def test_bad_judges_are_400(self, w, client_as, judge, field):
        case = w.file()
        judge_id = {
            "other_court": lambda: JudgeFactory(court=w.other_court).pk,
            "retired": lambda: JudgeFactory(court=w.court, status=JudgeStatus.RETIRED).pk,
            "unknown": lambda: 999_999,
            "not_a_number": lambda: "Судья",
        }[judge]()

        response = client_as(w.chair).post(url(case, "judges/"), {"judge": judge_id})

        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == [field]
        assert not case.bench.exists()

    def test_a_second_seat_for_the_same_judge_is_400(self, w, client_as):
        case = w.file()
        client = client_as(w.chair)
        assert client.post(url(case, "judges/"), {"judge": w.judge.pk}).status_code == 201
        assert_error(
            client.post(url(case, "judges/"), {"judge": w.judge.pk}), 400, "validation_failed"
        )
        assert case.bench.count() == 1

    def test_a_clerk_may_not_assign(self, w, client_as):
        case = w.file()
        response = client_as(w.clerk).post(url(case, "judges/"), {"judge": w.judge.pk})
        assert_error(response, 403, "forbidden")
        assert not case.bench.exists()


# --- documents -----------------------------------------------------------------------------------

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
