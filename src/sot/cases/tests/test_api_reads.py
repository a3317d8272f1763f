"""The case API's reads: list, card, history, matter and full identifiers.

Who sees which case is the permission matrix's business (test_permission_matrix.py); here the
callers are the obvious ones.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from rest_framework.authtoken.models import Token

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.cases import services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import (
    Case,
    CaseEvent,
    CaseStatus,
    PartyKind,
)
from sot.cases.services import ParticipantInput
from sot.core import clock
from sot.core.judiciary import CaseCategory, Instance
from sot.core.models import AuditAction, AuditEvent
from sot.core.tests.api_assertions import assert_error
from sot.courts.tests.factories import JudgeFactory

from .api_support import (
    CASES,
    VALID_BIN,
    ids,
    person,
    url,
)
from .factories import CaseFactory, CaseJudgeFactory, ParticipantFactory

# --- list ----------------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


class TestCaseList:
    def test_clerk_sees_their_courts_open_cases_without_identifiers(self, w, client_as):
        iin = valid_iin(5)
        case = w.registered(participants=(ParticipantInput("plaintiff", "Асанов", iin=iin),))
        CaseFactory(court=w.court, is_closed=True)  # closed session: not by role
        CaseFactory(court=w.other_court)  # another court

        response = client_as(w.clerk).get(CASES)

        assert ids(response) == [case.pk]
        row = response.json()["results"][0]
        assert row == {
            "id": case.pk,
            "number": case.number,
            "court": {"code": w.court.code, "name": w.court.name_kk},
            "category": "civil",
            "instance": "first",
            "status": "registered",
            "status_label": row["status_label"],
            "subject": "О взыскании долга",
            "filed_at": row["filed_at"],
            "is_closed": False,
        }
        assert row["status_label"]
        assert datetime.fromisoformat(row["filed_at"]) == case.filed_at
        assert iin not in response.content.decode()
        assert iin[-4:] not in response.content.decode()

    def test_anonymous_is_401(self, api_client):
        assert_error(api_client.get(CASES), 401, "not_authenticated")

    def test_token_authentication(self, w, api_client):
        case = CaseFactory(court=w.court)
        token = Token.objects.create(user=w.clerk)
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        assert ids(api_client.get(CASES)) == [case.pk]

    def test_session_authentication(self, w, api_client):
        case = CaseFactory(court=w.court)
        api_client.force_login(w.clerk)
        assert ids(api_client.get(CASES)) == [case.pk]

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            pytest.param({"status": CaseStatus.DECIDED}, ["decided"], id="status"),
            pytest.param({"category": CaseCategory.CRIMINAL}, ["criminal"], id="category"),
            pytest.param({"instance": Instance.APPEAL}, ["appeal"], id="instance"),
            pytest.param({"year": 2023}, ["old"], id="year"),
            pytest.param({"number": "T1-25-000002"}, ["criminal"], id="number"),
            pytest.param({"number": "T1-25-00000"}, [], id="number-is-exact"),
            pytest.param({"q": "t1-25-00000"}, ["criminal", "civil"], id="q-number-prefix"),
            pytest.param(
                {"is_closed": "false"}, ["appeal", "decided", "criminal", "civil", "old"], id="open"
            ),
            pytest.param({"is_closed": "true"}, [], id="closed"),
        ],
    )
    def test_filters(self, w, client_as, params, expected):
        def case(subject: str, day: int, **kwargs) -> Case:
            filed_at = datetime(2025, 4, day, 12, tzinfo=ZoneInfo("Asia/Almaty"))
            return CaseFactory(court=w.court, subject=subject, filed_at=filed_at, **kwargs)

        case("civil", 1, number="T1-25-000001")
        case("criminal", 2, number="T1-25-000002", category=CaseCategory.CRIMINAL)
        case("decided", 3, status=CaseStatus.DECIDED)
        case("appeal", 4, instance=Instance.APPEAL)
        CaseFactory(
            court=w.court,
            subject="old",
            filed_at=datetime(2023, 6, 1, 12, tzinfo=ZoneInfo("Asia/Almaty")),
        )

        response = client_as(w.clerk).get(CASES, params)

        assert response.status_code == 200, response.content
        # Newest first by default.
        assert [row["subject"] for row in response.json()["results"]] == expected

    def test_court_filter(self, w, client_as):
        here = CaseFactory(court=w.court)
        there = CaseFactory(court=w.other_court)
        analyst = UserFactory(roles=[Role.ANALYST])
        client = client_as(analyst)
        assert ids(client.get(CASES, {"court": w.court.code})) == [here.pk]
        assert ids(client.get(CASES, {"court": w.other_court.code})) == [there.pk]

    @pytest.mark.parametrize(
        ("ordering", "expected"),
        [
            pytest.param("-filed_at", ["d", "b", "c", "a"], id="newest-first"),
            pytest.param("filed_at", ["a", "c", "b", "d"], id="oldest-first"),
            pytest.param("number", ["a", "b", "c", "d"], id="number-unnumbered-last"),
            pytest.param("-number", ["c", "b", "a", "d"], id="number-descending-unnumbered-last"),
        ],
    )
    def test_ordering(self, w, client_as, ordering, expected):
        at = datetime(2025, 3, 1, tzinfo=ZoneInfo("UTC"))
        CaseFactory(court=w.court, subject="a", number="N-1", filed_at=at.replace(day=1))
        CaseFactory(court=w.court, subject="b", number="N-2", filed_at=at.replace(day=3))
        CaseFactory(court=w.court, subject="c", number="N-3", filed_at=at.replace(day=2))
        CaseFactory(court=w.court, subject="d", number=None, filed_at=at.replace(day=4))
        response = client_as(w.clerk).get(CASES, {"ordering": ordering})
        assert [row["subject"] for row in response.json()["results"]] == expected

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            pytest.param({"status": "lost"}, "status", id="unknown-status"),
            pytest.param({"category": "maritime"}, "category", id="unknown-category"),
            pytest.param({"instance": "fourth"}, "instance", id="unknown-instance"),
            pytest.param({"court": "NOPE"}, "court", id="unknown-court"),
            pytest.param({"year": "last"}, "year", id="year-not-a-number"),
            pytest.param({"year": "1200"}, "year", id="year-out-of-range"),
            pytest.param({"is_closed": "perhaps"}, "is_closed", id="is-closed-not-boolean"),
            pytest.param({"ordering": "subject"}, "ordering", id="unknown-ordering"),
            pytest.param({"number": "N" * 33}, "number", id="number-too-long"),
        ],
    )
    def test_bad_filters_are_400(self, w, client_as, params, field):
        response = client_as(w.clerk).get(CASES, params, HTTP_ACCEPT_LANGUAGE="ru")
        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == [field]
        assert response["Content-Language"] == "ru"

    def test_pagination(self, w, client_as):
        CaseFactory.create_batch(3, court=w.court)
        client = client_as(w.clerk)
        page = client.get(CASES, {"page_size": 2}).json()
        assert page["count"] == 3
        assert len(page["results"]) == 2
        assert len(client.get(page["next"]).json()["results"]) == 1

    @pytest.mark.parametrize("role", [Role.CLERK, Role.CITIZEN, Role.ANALYST])
    def test_no_query_per_case(self, w, client_as, django_assert_max_num_queries, role):
        user = UserFactory(roles=[role], court=w.court)
        client = client_as(user)

        def make_cases(n: int) -> None:
            for _ in range(n):
                case = CaseFactory(court=w.court)
                ParticipantFactory(case=case, user=user)
                CaseJudgeFactory(case=case, judge=w.judge)

        make_cases(2)
        with django_assert_max_num_queries(4) as first:  # roles, court, count, page
            assert client.get(CASES).json()["count"] == 2
        with django_assert_max_num_queries(2) as few:  # the caller's roles are cached now
            client.get(CASES)
        make_cases(20)
        with django_assert_max_num_queries(2) as many:
            assert client.get(CASES).json()["count"] == 22
        assert len(many.captured_queries) == len(few.captured_queries)
        assert len(first.captured_queries) >= len(few.captured_queries)


# --- detail --------------------------------------------------------------------------------------


class TestCaseDetail:
    def test_card_masks_identifiers_and_lists_the_bench(self, w, client_as):
        iin = valid_iin(11)
        case = w.file(
            participants=(
                ParticipantInput("plaintiff", "Асанов Асан", iin=iin),
                ParticipantInput(
                    "defendant", "ТОО «Ромашка»", kind=PartyKind.ORGANISATION, bin=VALID_BIN
                ),
            ),
            article="ст. 188 ГК",
            claim_amount=Decimal("150000.50"),
        )
        services.judge_assign(case=case, judge=w.judge, acting_user=w.chair)

        response = client_as(w.clerk).get(url(case))

        assert response.status_code == 200
        body = response.json()
        plaintiff, defendant = body["participants"]
        assert plaintiff["name"] == "Асанов Асан"
        assert plaintiff["role"] == "plaintiff"
        assert plaintiff["kind"] == "person"
        assert plaintiff["masked_iin"] == "••••••••" + iin[-4:]
        assert plaintiff["masked_bin"] == ""
        assert defendant["masked_bin"] == "••••••••" + VALID_BIN[-4:]
        assert defendant["kind"] == "organisation"
        text = response.content.decode()
        assert iin not in text
        assert VALID_BIN not in text
        assert body["bench"] == [
            {
                "judge": w.judge.pk,
                "judge_name": w.judge.full_name,
                "role": "presiding",
                "assigned_at": body["bench"][0]["assigned_at"],
            }
        ]
        assert body["article"] == "ст. 188 ГК"
        assert body["claim_amount"] == "150000.50"
        assert body["is_electronic"] is True
        assert body["lower_case"] is None
        assert body["number"] is None
        assert body["status"] == "filed"
        assert [a["action"] for a in body["allowed_actions"]] == ["register"]
        assert all(a["label"] for a in body["allowed_actions"])

    @pytest.mark.parametrize(
        ("caller", "expected"),
        [
            pytest.param("clerk", ["schedule"], id="clerk"),
            pytest.param("judge", ["schedule", "suspend"], id="judge-on-bench"),
            pytest.param("chair", ["schedule"], id="chair-not-on-bench"),
            pytest.param("party", [], id="party"),
        ],
    )
    def test_allowed_actions_depend_on_the_caller(self, w, client_as, caller, expected):
        case = w.registered()
        services.judge_assign(case=case, judge=w.judge, acting_user=w.chair)
        services.case_transition(case=case, action=CaseAction.ACCEPT, acting_user=w.judge.user)
        ParticipantFactory(case=case, user=w.citizen)
        user = {
            "clerk": w.clerk,
            "judge": w.judge.user,
            "chair": w.chair,
            "party": w.citizen,
        }[caller]

        body = client_as(user).get(url(case)).json()

        assert [a["action"] for a in body["allowed_actions"]] == expected

    def test_lower_case_of_an_appeal(self, w, client_as):
        lower = CaseFactory(court=w.court)
        higher = CaseFactory(
            court=w.regional, instance=Instance.APPEAL, lower_case=lower, matter=lower.matter
        )
        ParticipantFactory(case=lower, user=w.citizen)
        assert client_as(w.citizen).get(url(higher)).json()["lower_case"] == lower.pk

    def test_invisible_and_missing_cases_answer_alike(self, w, client_as):
        hidden = CaseFactory(court=w.other_court)
        client = client_as(w.clerk)

        invisible = client.get(url(hidden))
        missing = client.get(f"{CASES}{hidden.pk + 1000}/")
        huge = client.get(f"{CASES}{2**70}/")

        assert_error(invisible, 404, "not_found")
        assert invisible.json() == missing.json() == huge.json()

    def test_reading_a_closed_case_is_audited(self, w, client_as):
        case = CaseFactory(court=w.court, is_closed=True)
        ParticipantFactory(case=case, user=w.citizen)

        assert client_as(w.citizen).get(url(case)).status_code == 200

        event = AuditEvent.objects.get(action=AuditAction.CASE_CLOSED_READ)
        assert (event.actor, event.object_id) == (w.citizen, str(case.pk))

    def test_query_count_is_bounded(self, w, client_as, django_assert_max_num_queries):
        case = w.file(participants=tuple(person(n) for n in range(10)))
        services.judge_assign(case=case, judge=w.judge, acting_user=w.chair)
        with django_assert_max_num_queries(10):
            assert client_as(w.judge.user).get(url(case)).status_code == 200


# --- history and matter --------------------------------------------------------------------------


class TestCaseHistory:
    def test_events_oldest_first_with_actor_and_label(self, w, client_as):
        start = datetime(2025, 2, 3, 9, tzinfo=ZoneInfo("Asia/Almaty"))
        with clock.frozen(start):
            case = w.file(participants=(person(1),))
        with clock.frozen(start.replace(hour=10)):
            services.case_transition(
                case=case, action=CaseAction.REGISTER, acting_user=w.clerk, note="в срок"
            )

        response = client_as(w.clerk).get(url(case, "history/"))

        assert response.status_code == 200
        events = response.json()["results"]
        assert [e["kind"] for e in events] == ["filed", "participant_added", "registered"]
        registered = events[-1]
        case.refresh_from_db()
        assert registered["payload"] == {
            "from": "filed",
            "to": "registered",
            "note": "в срок",
            "number": case.number,
        }
        assert registered["actor"] == w.clerk.full_name
        assert registered["label"]
        assert datetime.fromisoformat(registered["at"]) == start.replace(hour=10)
        assert valid_iin(1) not in response.content.decode()

    def test_system_events_have_no_actor(self, w, client_as):
        case = CaseFactory(court=w.court)
        CaseEvent.objects.create(case=case, kind="filed")
        assert client_as(w.clerk).get(url(case, "history/")).json()["results"][0]["actor"] is None

    def test_history_of_an_invisible_case_is_404(self, w, client_as):
        case = CaseFactory(court=w.other_court)
        CaseEvent.objects.create(case=case, kind="filed")
        assert_error(client_as(w.clerk).get(url(case, "history/")), 404, "not_found")

    def test_query_count_does_not_grow(self, w, client_as, django_assert_num_queries):
        case = w.file(participants=tuple(person(n) for n in range(2)))
        client = client_as(w.clerk)
        client.get(url(case, "history/"))  # warm the caller's cached roles and court
        with django_assert_num_queries(3) as few:  # the case, count, page with actors
            client.get(url(case, "history/"))
        for n in range(10):
            services.participant_add(case=case, data=person(100 + n), acting_user=w.clerk)
        with django_assert_num_queries(len(few.captured_queries)):
            assert client.get(url(case, "history/")).json()["count"] == 13


class TestCaseMatter:
    def test_lists_the_visible_cases_of_the_matter(self, w, client_as):
        first = CaseFactory(court=w.court)
        appeal = CaseFactory(
            court=w.regional, instance=Instance.APPEAL, lower_case=first, matter=first.matter
        )
        CaseFactory(court=w.court)  # another matter
        ParticipantFactory(case=first, user=w.citizen)

        citizen = client_as(w.citizen).get(url(appeal, "matter/"))
        assert ids(citizen) == [first.pk, appeal.pk]

        # The court's clerk is not involved: only the first-instance case is theirs to see.
        assert ids(client_as(w.clerk).get(url(first, "matter/"))) == [first.pk]
        assert_error(client_as(w.clerk).get(url(appeal, "matter/")), 404, "not_found")


# --- full identifiers ----------------------------------------------------------------------------


class TestParticipantIdentifiers:
    @pytest.fixture
    def case(self, w):
        case = w.file(participants=(person(21),))
        services.judge_assign(case=case, judge=w.judge, acting_user=w.chair)
        return case

    def test_the_bench_reads_the_full_iin_and_it_is_audited(self, w, client_as, case):
        participant = case.participants.get()

        response = client_as(w.judge.user).get(url(case, f"participants/{participant.pk}/iin/"))

        assert response.status_code == 200
        assert response.json() == {
            "id": participant.pk,
            "name": "Person 21",
            "iin": valid_iin(21),
            "bin": "",
        }
        event = AuditEvent.objects.get(action=AuditAction.IIN_READ)
        assert event.actor == w.judge.user
        assert (event.object_type, event.object_id) == ("participant", str(participant.pk))
        assert event.details == {"case": case.pk}

    def test_the_cases_hearing_secretary_reads_it(self, w, client_as, case):
        Case.objects.filter(pk=case.pk).update(clerk=w.clerk)
        participant = case.participants.get()
        response = client_as(w.clerk).get(url(case, f"participants/{participant.pk}/iin/"))
        assert response.json()["iin"] == valid_iin(21)

    @pytest.mark.parametrize("caller", ["court_clerk", "chair", "party"])
    def test_others_who_see_the_case_get_403_and_no_audit_row(self, w, client_as, case, caller):
        Case.objects.filter(pk=case.pk).update(clerk=None)  # the court's clerk, not the case's
        participant = case.participants.get()
        ParticipantFactory(case=case, user=w.citizen)
        user = {"court_clerk": w.clerk, "chair": w.chair, "party": w.citizen}[caller]

        response = client_as(user).get(url(case, f"participants/{participant.pk}/iin/"))

        assert_error(response, 403, "forbidden")
        assert valid_iin(21) not in response.content.decode()
        assert not AuditEvent.objects.filter(action=AuditAction.IIN_READ).exists()

    def test_a_participant_of_another_case_is_404(self, w, client_as, case):
        stranger = ParticipantFactory(case=CaseFactory(court=w.court), iin=valid_iin(22))
        response = client_as(w.judge.user).get(url(case, f"participants/{stranger.pk}/iin/"))
        assert_error(response, 404, "not_found")

    def test_an_invisible_case_is_404(self, w, client_as):
        case = CaseFactory(court=w.other_court)
        participant = ParticipantFactory(case=case, iin=valid_iin(23))
        other_judge = JudgeFactory(court=w.court)
        response = client_as(other_judge.user).get(url(case, f"participants/{participant.pk}/iin/"))
        assert_error(response, 404, "not_found")
        assert not AuditEvent.objects.filter(action=AuditAction.IIN_READ).exists()


# --- recording a paper filing --------------------------------------------------------------------
