"""The public court directory: /api/v1/courts/ and /api/v1/judges/."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.core.judiciary import CaseCategory, Instance
from sot.core.tests.api_assertions import assert_error
from sot.courts.models import CourtKind, CourtLevel, JudgeStatus

from .factories import CourtFactory, JudgeFactory, RegionFactory

pytestmark = pytest.mark.django_db

COURTS = "/api/v1/courts/"
JUDGES = "/api/v1/judges/"


def codes(response) -> list[str]:
    return [row["code"] for row in response.json()["results"]]


@pytest.fixture
def region():
    return RegionFactory()


class TestCourtList:
    def test_anonymous_callers_get_active_courts_sorted_by_code(self, api_client, region):
        b = CourtFactory(code="TB01", region=region)
        a = CourtFactory(code="TA01", region=region)
        CourtFactory(code="TC01", region=region, is_active=False)

        response = api_client.get(COURTS, {"region": region.code})

        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 2
        assert codes(response) == [a.code, b.code]
        assert body["results"][0] == {
            "code": "TA01",
            "name": a.name_kk,  # Kazakh is the default language
            "level": CourtLevel.DISTRICT,
            "kind": CourtKind.DISTRICT,
            "region_code": region.code,
            "parent_code": None,
        }

    def test_is_paginated(self, api_client, region):
        for n in range(3):
            CourtFactory(code=f"TP0{n}", region=region)

        first = api_client.get(COURTS, {"region": region.code, "page_size": 2}).json()
        second = api_client.get(COURTS, {"region": region.code, "page_size": 2, "page": 2}).json()

        assert first["count"] == 3
        assert [c["code"] for c in first["results"]] == ["TP00", "TP01"]
        assert first["next"] is not None
        assert [c["code"] for c in second["results"]] == ["TP02"]
        assert second["next"] is None

    def test_page_out_of_range_is_a_404_in_the_error_shape(self, api_client, region):
        CourtFactory(region=region)
        response = api_client.get(COURTS, {"region": region.code, "page": 9})
        assert_error(response, 404, "not_found")

    def test_name_follows_the_request_language(self, api_client, region):
        court = CourtFactory(region=region, name_en="Test Court", name_ru="Тестовый суд")

        english = api_client.get(COURTS, {"region": region.code}, HTTP_ACCEPT_LANGUAGE="en")
        russian = api_client.get(COURTS, {"region": region.code}, HTTP_ACCEPT_LANGUAGE="ru")

        assert english.json()["results"][0]["name"] == court.name_en
        assert russian.json()["results"][0]["name"] == court.name_ru

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            pytest.param({"level": CourtLevel.REGIONAL}, ["TR01"], id="level"),
            pytest.param({"kind": CourtKind.ECONOMIC}, ["TE01"], id="kind"),
            pytest.param({"category": CaseCategory.CRIMINAL}, ["TD01", "TR01"], id="category"),
            pytest.param({"instance": Instance.APPEAL}, ["TR01"], id="instance"),
            pytest.param(
                {"category": CaseCategory.CIVIL, "instance": Instance.FIRST},
                ["TD01", "TE01"],
                id="category-and-instance",
            ),
            pytest.param(
                {"category": CaseCategory.CRIMINAL, "instance": Instance.APPEAL},
                ["TR01"],
                id="category-at-another-instance",
            ),
            pytest.param({"q": "Economic"}, ["TE01"], id="q-english"),
            pytest.param({"q": "economic"}, ["TE01"], id="q-english-any-case"),
            pytest.param({"q": "Экономический"}, ["TE01"], id="q-russian"),
            pytest.param({"q": "экономикалық"}, ["TE01"], id="q-kazakh"),
            pytest.param({"q": "nothing like it"}, [], id="q-no-match"),
        ],
    )
    def test_filters(self, api_client, region, params, expected):
        CourtFactory(
            code="TD01",
            region=region,
            competences=[
                (Instance.FIRST, CaseCategory.CIVIL),
                (Instance.FIRST, CaseCategory.CRIMINAL),
            ],
        )
        CourtFactory(
            code="TE01",
            region=region,
            kind=CourtKind.ECONOMIC,
            name_kk="Мамандандырылған ауданаралық экономикалық сот",
            name_ru="Специализированный межрайонный Экономический суд",
            name_en="Specialised Inter-District Economic Court",
            competences=[(Instance.FIRST, CaseCategory.CIVIL)],
        )
        CourtFactory(
            code="TR01",
            region=region,
            level=CourtLevel.REGIONAL,
            kind=CourtKind.REGIONAL,
            competences=[
                (Instance.APPEAL, CaseCategory.CIVIL),
                (Instance.APPEAL, CaseCategory.CRIMINAL),
            ],
        )

        response = api_client.get(COURTS, {"region": region.code, **params})

        assert response.status_code == 200
        assert codes(response) == expected

    @pytest.mark.parametrize(
        ("q", "expected"),
        [
            pytest.param("алматы", ["TK01"], id="lower-case-russian"),
            pytest.param("АЛМАТЫ", ["TK01"], id="upper-case-russian"),
            pytest.param("қарағанды", ["TK02"], id="lower-case-kazakh"),
            pytest.param("ҚАРАҒАНДЫ", ["TK02"], id="upper-case-kazakh"),
            pytest.param("өңірлік", ["TK02"], id="kazakh-letters-inside"),
            pytest.param("ALMATY", ["TK01"], id="upper-case-english"),
            pytest.param("сот", ["TK01", "TK02"], id="in-both"),
            pytest.param("соты районный", [], id="not-across-two-names"),
        ],
    )
    def test_q_ignores_the_case_of_cyrillic_and_kazakh_letters(
        self, api_client, region, q, expected
    ):
        # SQLite's LIKE folds ASCII only: the search must fold every letter on both databases.
        CourtFactory(
            code="TK01",
            region=region,
            name_kk="Алматы қаласының аудандық соты",
            name_ru="Районный суд города Алматы",
            name_en="District Court of Almaty",
        )
        CourtFactory(
            code="TK02",
            region=region,
            name_kk="Қарағанды Өңірлік соты",
            name_ru="Карагандинский областной суд",
            name_en="Karaganda Regional Court",
        )

        response = api_client.get(COURTS, {"region": region.code, "q": q})

        assert response.status_code == 200
        assert codes(response) == expected

    def test_region_filter_excludes_other_regions(self, api_client, region):
        CourtFactory(code="TX01", region=region)
        CourtFactory(code="TX02", region=RegionFactory())
        assert codes(api_client.get(COURTS, {"region": region.code})) == ["TX01"]

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            pytest.param({"level": "galactic"}, "level", id="unknown-level"),
            pytest.param({"kind": "martial"}, "kind", id="unknown-kind"),
            pytest.param({"category": "maritime"}, "category", id="unknown-category"),
            pytest.param({"instance": "fourth"}, "instance", id="unknown-instance"),
            pytest.param({"region": "NOPE"}, "region", id="unknown-region"),
            pytest.param({"q": "x" * 101}, "q", id="q-too-long"),
        ],
    )
    def test_bad_filters_are_400_with_the_field_named(self, api_client, params, field):
        response = api_client.get(COURTS, params)
        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == [field]

    def test_query_count_does_not_grow_with_the_page(
        self, api_client, region, django_assert_num_queries
    ):
        parent = CourtFactory(level=CourtLevel.REGIONAL, kind=CourtKind.REGIONAL, region=region)
        for _ in range(3):
            CourtFactory(region=region, parent=parent)
        with django_assert_num_queries(3):  # region lookup, count, page
            small = api_client.get(COURTS, {"region": region.code})
        for _ in range(10):
            CourtFactory(region=region, parent=parent)
        with django_assert_num_queries(3):
            large = api_client.get(COURTS, {"region": region.code})
        assert small.json()["count"] == 4
        assert large.json()["count"] == 14


class TestCourtDetail:
    def test_shows_the_court_card(self, api_client, region):
        parent = CourtFactory(
            code="TR77", level=CourtLevel.REGIONAL, kind=CourtKind.REGIONAL, region=region
        )
        court = CourtFactory(
            code="TD77",
            region=region,
            parent=parent,
            address_kk="Абай даңғылы, 1",
            address_ru="проспект Абая, 1",
            latitude=Decimal("43.238949"),
            longitude=Decimal("76.889709"),
            phone="+7 727 000 00 00",
            is_generated=False,
            competences=[(Instance.FIRST, CaseCategory.CIVIL)],
        )

        response = api_client.get(f"{COURTS}{court.code}/", HTTP_ACCEPT_LANGUAGE="ru")

        assert response.status_code == 200
        body = response.json()
        assert body["code"] == "TD77"
        assert body["parent_code"] == "TR77"
        assert body["name"] == court.name_ru
        assert (body["name_kk"], body["name_ru"], body["name_en"]) == (
            court.name_kk,
            court.name_ru,
            court.name_en,
        )
        assert body["region"] == {"code": region.code, "name": region.name_ru}
        assert body["competences"] == [{"instance": "first", "category": "civil"}]
        assert body["address"] == "проспект Абая, 1"
        assert body["latitude"] == pytest.approx(43.238949)
        assert body["longitude"] == pytest.approx(76.889709)
        assert body["phone"] == "+7 727 000 00 00"
        assert body["is_generated"] is False
        assert body["is_active"] is True
        assert body["timezone"] == region.timezone

    def test_an_abolished_court_is_still_found(self, api_client):
        court = CourtFactory(is_active=False)
        response = api_client.get(f"{COURTS}{court.code}/")
        assert response.status_code == 200
        assert response.json()["is_active"] is False

    def test_court_without_coordinates_or_region(self, api_client):
        court = CourtFactory(region=None)
        body = api_client.get(f"{COURTS}{court.code}/").json()
        assert body["region"] is None
        assert body["latitude"] is None
        assert body["parent_code"] is None

    def test_unknown_court_is_404(self, api_client):
        assert_error(api_client.get(f"{COURTS}NOPE/"), 404, "not_found")


class TestJudges:
    PUBLIC_FIELDS = {"id", "full_name", "court", "specialisations", "status"}

    def make_judge(self, **kwargs):
        user = UserFactory(
            last_name="Әбенова",
            first_name="Гүлнар",
            middle_name="Серікқызы",
            iin=valid_iin(4242),
            email="judge.private@example.kz",
            phone="+77015550101",
            username="judge-login-name",
        )
        return JudgeFactory(user=user, **kwargs)

    def test_list_shows_public_fields_only(self, api_client):
        judge = self.make_judge(specialisations=[CaseCategory.CRIMINAL, CaseCategory.CIVIL])

        response = api_client.get(JUDGES, {"court": judge.court.code})

        assert response.status_code == 200
        [row] = response.json()["results"]
        assert set(row) == self.PUBLIC_FIELDS
        assert row == {
            "id": judge.pk,
            "full_name": "Әбенова Гүлнар Серікқызы",
            "court": {"code": judge.court.code, "name": judge.court.name_kk},
            "specialisations": ["civil", "criminal"],
            "status": "active",
        }
        text = json.dumps(response.json(), ensure_ascii=False)
        for private in (judge.user.iin, "judge.private@example.kz", "+77015550101"):
            assert private not in text
        assert "judge-login-name" not in text

    def test_detail_shows_public_fields_only(self, api_client):
        judge = self.make_judge()

        response = api_client.get(f"{JUDGES}{judge.pk}/")

        assert response.status_code == 200
        assert set(response.json()) == self.PUBLIC_FIELDS
        assert judge.user.iin not in response.content.decode()

    def test_unknown_judge_is_404(self, api_client):
        assert_error(api_client.get(f"{JUDGES}999999/"), 404, "not_found")

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            pytest.param({}, ["civil-active", "criminal-on-leave"], id="court-only"),
            pytest.param({"category": CaseCategory.CRIMINAL}, ["criminal-on-leave"], id="category"),
            pytest.param({"status": JudgeStatus.ACTIVE}, ["civil-active"], id="status"),
            pytest.param(
                {"status": JudgeStatus.RETIRED, "category": CaseCategory.CIVIL}, [], id="none"
            ),
        ],
    )
    def test_filters(self, api_client, params, expected):
        court = CourtFactory()
        JudgeFactory(
            court=court,
            user__last_name="civil-active",
            specialisations=[CaseCategory.CIVIL],
        )
        JudgeFactory(
            court=court,
            user__last_name="criminal-on-leave",
            status=JudgeStatus.ON_LEAVE,
            specialisations=[CaseCategory.CRIMINAL],
        )
        JudgeFactory(user__last_name="elsewhere")  # another court

        response = api_client.get(JUDGES, {"court": court.code, **params})

        assert response.status_code == 200
        assert [row["full_name"].split()[0] for row in response.json()["results"]] == expected

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            pytest.param({"court": "NOPE"}, "court", id="unknown-court"),
            pytest.param({"status": "immortal"}, "status", id="unknown-status"),
            pytest.param({"category": "maritime"}, "category", id="unknown-category"),
        ],
    )
    def test_bad_filters_are_400(self, api_client, params, field):
        error = assert_error(api_client.get(JUDGES, params), 400, "validation_failed")
        assert list(error["fields"]) == [field]

    def test_list_query_count_does_not_grow(self, api_client, django_assert_num_queries):
        court = CourtFactory()
        JudgeFactory.create_batch(2, court=court)
        # court lookup, count, page (with user and court joined), specialisations
        with django_assert_num_queries(4):
            api_client.get(JUDGES, {"court": court.code})
        JudgeFactory.create_batch(8, court=court)
        with django_assert_num_queries(4):
            response = api_client.get(JUDGES, {"court": court.code})
        assert response.json()["count"] == 10
