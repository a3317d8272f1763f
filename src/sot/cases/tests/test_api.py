"""The case API, endpoint by endpoint: happy paths, bad input, and that bad input writes nothing.

Who sees which case is the permission matrix's business (test_permission_matrix.py); here the
callers are the obvious ones.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from rest_framework.authtoken.models import Token

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.cases import services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import (
    Case,
    CaseEvent,
    CaseStatus,
    Document,
    Participant,
    ParticipantRole,
    PartyKind,
)
from sot.cases.services import ParticipantInput
from sot.core import clock
from sot.core.iin import complete_iin
from sot.core.judiciary import CaseCategory, Instance
from sot.core.models import AuditAction, AuditEvent
from sot.courts.models import Court, CourtKind, CourtLevel, Judge, JudgeStatus
from sot.courts.tests.factories import CourtFactory, JudgeFactory

from .factories import CaseFactory, CaseJudgeFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

CASES = "/api/v1/cases/"
VALID_BIN = complete_iin("05014000012") or ""  # fifth digit 4: a legal entity
BAD_IIN = "880101300001"  # twelve digits, wrong check digit


def url(case: Case, tail: str = "") -> str:
    return f"{CASES}{case.pk}/{tail}"


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    return error


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@dataclass
class World:
    regional: Court
    court: Court
    other_court: Court
    clerk: User
    chair: User
    judge: Judge
    citizen: User

    def file(self, *, participants: tuple[ParticipantInput, ...] = (), **kwargs) -> Case:
        """A case filed the way the clerk's office files it."""
        fields = {
            "court": self.court,
            "category": CaseCategory.CIVIL,
            "subject": "О взыскании долга",
            "acting_user": self.clerk,
            "participants": participants,
        }
        return services.case_file(**{**fields, **kwargs})

    def registered(self, **kwargs) -> Case:
        case = self.file(**kwargs)
        return services.case_transition(
            case=case, action=CaseAction.REGISTER, acting_user=self.clerk
        )


@pytest.fixture
def w() -> World:
    regional = CourtFactory(level=CourtLevel.REGIONAL, kind=CourtKind.REGIONAL)
    court = CourtFactory(parent=regional, region=regional.region)
    return World(
        regional=regional,
        court=court,
        other_court=CourtFactory(parent=regional),
        clerk=UserFactory(roles=[Role.CLERK], court=court, last_name="Клерк"),
        chair=UserFactory(roles=[Role.COURT_CHAIR], court=court),
        judge=JudgeFactory(court=court, user__last_name="Судья"),
        citizen=UserFactory(roles=[Role.CITIZEN]),
    )


@pytest.fixture
def client_as(api_client):
    def sign_in(user: User):
        api_client.force_authenticate(user=user)
        return api_client

    return sign_in


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def person(n: int, role: str = ParticipantRole.PLAINTIFF, **kwargs) -> ParticipantInput:
    return ParticipantInput(role=role, name=f"Person {n}", iin=valid_iin(n), **kwargs)


# --- list ----------------------------------------------------------------------------------------


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


def filing(for_court: Court, **overrides) -> dict:
    return {
        "court": for_court.code,
        "category": "civil",
        "instance": "first",
        "subject": "О расторжении договора",
        "article": "ст. 401 ГК",
        "claim_amount": "250000.00",
        "participants": [
            {"role": "plaintiff", "name": "Асанов Асан", "iin": valid_iin(31)},
            {
                "role": "defendant",
                "kind": "organisation",
                "name": "ТОО «Ромашка»",
                "bin": VALID_BIN,
            },
        ],
        **overrides,
    }


@pytest.fixture
def counts():
    def snapshot() -> tuple[int, int, int]:
        return Case.objects.count(), CaseEvent.objects.count(), Participant.objects.count()

    return snapshot


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


def upload(name: str, content: bytes) -> io.BytesIO:
    file = io.BytesIO(content)
    file.name = name
    return file


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


class TestDocuments:
    def test_the_clerk_uploads_a_pdf_and_lists_it(self, w, client_as, media):
        case = w.file()
        client = client_as(w.clerk)

        response = client.post(
            url(case, "documents/"),
            {"file": upload("иск.pdf", PDF), "title": "Исковое заявление"},
            format="multipart",
        )

        assert response.status_code == 201, response.content
        body = response.json()
        digest = hashlib.sha256(PDF).hexdigest()
        assert body["sha256"] == digest
        assert body["size"] == len(PDF)
        assert body["content_type"] == "application/pdf"
        assert body["original_name"] == "иск.pdf"
        assert body["title"] == "Исковое заявление"
        assert body["uploaded_by"] == w.clerk.full_name
        assert [p.name for p in stored_files(media)] == [digest]
        assert case.events.filter(kind="document_added").exists()

        listed = client.get(url(case, "documents/"))
        assert listed.status_code == 200
        assert listed.json()["results"] == [body]

    def test_the_judge_on_the_bench_may_upload(self, w, client_as, media):
        case = w.file()
        services.judge_assign(case=case, judge=w.judge, acting_user=w.chair)
        response = client_as(w.judge.user).post(
            url(case, "documents/"), {"file": upload("a.pdf", PDF)}, format="multipart"
        )
        assert response.status_code == 201, response.content
        assert response.json()["title"] == "a.pdf"  # no title: the file's name

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            pytest.param("act.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, id="exe-as-pdf"),
            pytest.param("act.pdf", zip_bytes({"payload.js": b"alert(1)"}), id="zip-as-pdf"),
            pytest.param(
                "act.pdf",
                b"<!DOCTYPE html><html><script>alert(1)</script></html>",
                id="html-as-pdf",
            ),
            pytest.param("act.docx", PDF, id="pdf-as-docx"),
            pytest.param("act.exe", b"MZ\x90\x00" + b"\x00" * 64, id="exe"),
            pytest.param("empty.pdf", b"", id="empty"),
            pytest.param(
                "bomb.docx",
                zip_bytes({"[Content_Types].xml": b"<x/>", "word/document.xml": b"0" * 5_000_000}),
                id="zip-bomb",
            ),
        ],
    )
    def test_disguised_or_unsafe_files_are_400_and_nothing_is_stored(
        self, w, client_as, media, name, content
    ):
        case = w.file()
        events = case.events.count()

        response = client_as(w.clerk).post(
            url(case, "documents/"), {"file": upload(name, content)}, format="multipart"
        )

        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == ["file"]
        assert not Document.objects.exists()
        assert stored_files(media) == []
        assert case.events.count() == events

    def test_an_oversized_file_is_400_and_nothing_is_stored(self, w, client_as, media, settings):
        settings.SOT_DOCUMENT_MAX_BYTES = 1024 * 1024
        case = w.file()
        big = PDF + b"0" * (1024 * 1024)

        response = client_as(w.clerk).post(
            url(case, "documents/"), {"file": upload("big.pdf", big)}, format="multipart"
        )

        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == ["file"]
        assert not Document.objects.exists()
        assert stored_files(media) == []

    def test_no_file_is_400(self, w, client_as, media):
        case = w.file()
        response = client_as(w.clerk).post(
            url(case, "documents/"), {"title": "пусто"}, format="multipart"
        )
        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == ["file"]

    def test_json_is_415(self, w, client_as, media):
        case = w.file()
        response = client_as(w.clerk).post(url(case, "documents/"), {"file": "x"}, format="json")
        assert_error(response, 415, "unsupported_media_type")

    def test_a_party_may_list_but_not_upload(self, w, client_as, media):
        case = w.file()
        ParticipantFactory(case=case, user=w.citizen)
        client = client_as(w.citizen)

        response = client.post(
            url(case, "documents/"), {"file": upload("a.pdf", PDF)}, format="multipart"
        )

        assert_error(response, 403, "forbidden")
        assert not Document.objects.exists()
        assert stored_files(media) == []
        assert client.get(url(case, "documents/")).json()["count"] == 0

    def test_documents_of_an_invisible_case_are_404(self, w, client_as, media):
        case = CaseFactory(court=w.other_court)
        client = client_as(w.clerk)
        assert_error(client.get(url(case, "documents/")), 404, "not_found")
        response = client.post(
            url(case, "documents/"), {"file": upload("a.pdf", PDF)}, format="multipart"
        )
        assert_error(response, 404, "not_found")
        assert stored_files(media) == []
