"""The reference courts loaded by migration 0002: shape of the tree, competences, idempotence."""

from __future__ import annotations

import re
import zoneinfo
from collections import Counter

import pytest
from django.apps import apps as django_apps

from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Court, CourtCompetence, CourtKind, CourtLevel, Region
from sot.courts.reference import (
    load_reference_courts,
    reference_courts,
    reference_regions,
    unload_reference_courts,
)

pytestmark = pytest.mark.django_db

FIRST, APPEAL, CASSATION = Instance.FIRST, Instance.APPEAL, Instance.CASSATION
CIVIL = CaseCategory.CIVIL
ADMINISTRATIVE = CaseCategory.ADMINISTRATIVE
OFFENCE = CaseCategory.ADMINISTRATIVE_OFFENCE
CRIMINAL = CaseCategory.CRIMINAL

# Written out again here, independently of sot.courts.reference, as the specification.
EXPECTED_COMPETENCES = {
    CourtKind.SUPREME: {(CASSATION, c) for c in CaseCategory},
    CourtKind.REGIONAL: {(APPEAL, c) for c in CaseCategory},
    CourtKind.CITY_REGIONAL: {(APPEAL, c) for c in CaseCategory},
    CourtKind.MILITARY: {(APPEAL, CRIMINAL), (APPEAL, OFFENCE), (APPEAL, CIVIL)},
    CourtKind.DISTRICT: {(FIRST, CIVIL), (FIRST, CRIMINAL), (FIRST, OFFENCE)},
    CourtKind.CITY: {(FIRST, CIVIL), (FIRST, CRIMINAL), (FIRST, OFFENCE)},
    CourtKind.ECONOMIC: {(FIRST, CIVIL)},
    CourtKind.ADMINISTRATIVE: {(FIRST, ADMINISTRATIVE), (FIRST, OFFENCE)},
    CourtKind.CRIMINAL: {(FIRST, CRIMINAL)},
    CourtKind.JUVENILE: {(FIRST, CRIMINAL), (FIRST, CIVIL)},
    CourtKind.INVESTIGATIVE: {(FIRST, CRIMINAL)},
    CourtKind.MILITARY_GARRISON: {(FIRST, CRIMINAL), (FIRST, OFFENCE), (FIRST, CIVIL)},
}
SPECIALISED_PER_REGION = (
    CourtKind.ECONOMIC,
    CourtKind.ADMINISTRATIVE,
    CourtKind.CRIMINAL,
    CourtKind.JUVENILE,
    CourtKind.INVESTIGATIVE,
)


def competences_of(court: Court) -> set[tuple[str, str]]:
    return set(court.competences.values_list("instance", "category"))


def table_counts() -> tuple[int, int, int]:
    return Region.objects.count(), Court.objects.count(), CourtCompetence.objects.count()


def test_regions() -> None:
    regions = Region.objects.all()
    assert regions.count() == 20
    assert sorted(r.code for r in regions.filter(is_city=True)) == ["ALA", "AST", "SHY"]
    assert regions.filter(is_city=False).count() == 17
    for region in regions:
        assert region.name_kk
        assert region.name_ru
        assert region.name_en
        zoneinfo.ZoneInfo(region.timezone)
    assert Region.objects.get(code="AST").name_kk == "Астана қаласы"
    assert Region.objects.get(code="ABA").name_kk == "Абай облысы"
    assert Region.objects.get(code="AKT").timezone == "Asia/Aqtobe"
    assert Region.objects.get(code="ZAP").timezone == "Asia/Oral"


def test_exactly_one_supreme_court() -> None:
    supreme = Court.objects.get(level=CourtLevel.SUPREME)
    assert supreme.kind == CourtKind.SUPREME
    assert supreme.code == "9000"
    assert supreme.parent is None
    assert supreme.name_ru == "Верховный Суд Республики Казахстан"
    assert supreme.name_kk == "Қазақстан Республикасының Жоғарғы Соты"
    assert "Достык, 13" in supreme.address_ru
    assert supreme.latitude is not None
    assert supreme.longitude is not None
    assert Court.objects.filter(kind=CourtKind.SUPREME).count() == 1


def test_twenty_one_appeal_level_courts() -> None:
    regional = Court.objects.filter(level=CourtLevel.REGIONAL)
    assert regional.count() == 21
    assert Counter(regional.values_list("kind", flat=True)) == {
        CourtKind.REGIONAL: 17,
        CourtKind.CITY_REGIONAL: 3,
        CourtKind.MILITARY: 1,
    }
    supreme = Court.objects.get(level=CourtLevel.SUPREME)
    for court in regional:
        assert court.name_kk
        assert court.name_ru
        assert court.name_en
        assert court.region_id is not None
        assert court.parent == supreme
        assert not court.is_generated
    # One regional or city court per region, of the matching kind.
    for region in Region.objects.all():
        court = regional.exclude(kind=CourtKind.MILITARY).get(region=region)
        assert court.kind == (CourtKind.CITY_REGIONAL if region.is_city else CourtKind.REGIONAL)
    assert regional.filter(kind=CourtKind.MILITARY, region__code="AST").exists()
    assert regional.get(region__code="AST", kind=CourtKind.CITY_REGIONAL).name_en == (
        "Astana City Court"
    )
    assert regional.get(region__code="ALM").name_ru == "Алматинский областной суд"


def test_district_level_courts_hang_under_regional_courts() -> None:
    district = Court.objects.filter(level=CourtLevel.DISTRICT).select_related("parent")
    assert district.count() == 371
    military = Court.objects.get(kind=CourtKind.MILITARY)
    for court in district:
        assert court.region_id is not None
        assert court.parent is not None
        assert court.parent.level == CourtLevel.REGIONAL
        if court.kind == CourtKind.MILITARY_GARRISON:
            assert court.parent == military
        else:
            assert court.parent.region_id == court.region_id
            assert court.parent.kind != CourtKind.MILITARY
        assert court.name_kk
        assert court.name_ru
        assert court.name_en


def test_specialised_courts_exist() -> None:
    for kind in (*SPECIALISED_PER_REGION, CourtKind.MILITARY_GARRISON):
        assert Court.objects.filter(kind=kind, level=CourtLevel.DISTRICT).exists(), kind
    for region in Region.objects.all():
        kinds = Counter(region.courts.values_list("kind", flat=True))
        for kind in SPECIALISED_PER_REGION:
            assert kinds[kind] == 1, (region.code, kind)
        assert kinds[CourtKind.DISTRICT] + kinds[CourtKind.CITY] >= 4, region.code
    garrisons = Court.objects.filter(kind=CourtKind.MILITARY_GARRISON)
    assert {"AST", "ALA", "SHY", "KAR", "ABA", "AKT"} <= set(
        garrisons.values_list("region__code", flat=True)
    )
    # The real district courts of the two largest cities are there under their names.
    assert set(
        Court.objects.filter(
            region__code="AST", kind=CourtKind.DISTRICT, is_generated=False
        ).values_list("name_en", flat=True)
    ) == {
        f"{name} District Court of Astana"
        for name in ("Esil", "Almaty", "Saryarka", "Baikonyr", "Nura")
    }
    assert (
        Court.objects.filter(
            region__code="ALA", kind=CourtKind.DISTRICT, is_generated=False
        ).count()
        == 8
    )


def test_every_court_hears_what_its_kind_hears() -> None:
    for court in Court.objects.prefetch_related("competences"):
        got = {(c.instance, c.category) for c in court.competences.all()}
        assert got == EXPECTED_COMPETENCES[CourtKind(court.kind)], court.code


def test_competences_by_kind_spot_checks() -> None:
    supreme = Court.objects.get(kind=CourtKind.SUPREME)
    assert competences_of(supreme) == {(CASSATION, c) for c in CaseCategory}
    assert Court.objects.hearing(CIVIL, FIRST).filter(kind=CourtKind.ECONOMIC).count() == 20
    smac = Court.objects.filter(kind=CourtKind.ADMINISTRATIVE)
    assert smac.count() == Court.objects.hearing(ADMINISTRATIVE, FIRST).count() == 20
    for court in Court.objects.filter(kind=CourtKind.INVESTIGATIVE):
        assert competences_of(court) == {(FIRST, CRIMINAL)}
    for court in Court.objects.filter(level=CourtLevel.REGIONAL).exclude(kind=CourtKind.MILITARY):
        assert (APPEAL, ADMINISTRATIVE) in competences_of(court)
    # Only the Supreme Court hears cassation; no first-instance court hears appeals.
    assert list(Court.objects.hearing(CRIMINAL, CASSATION)) == [supreme]
    assert not Court.objects.filter(level=CourtLevel.DISTRICT, competences__instance=APPEAL)


def test_generated_courts_are_marked() -> None:
    generated = Court.objects.filter(is_generated=True)
    assert not Court.objects.filter(is_generated=True).exclude(level=CourtLevel.DISTRICT)
    placeholders = generated.filter(kind=CourtKind.DISTRICT)
    assert placeholders.count() == sum(r.generated_district_courts for r in reference_regions())
    for court in placeholders:
        assert "№" in court.name_kk
        assert "№" in court.name_ru
        assert "No." in court.name_en
        assert court.code[2:] >= "50"
    for court in Court.objects.filter(is_generated=False, level=CourtLevel.DISTRICT):
        assert "№" not in court.name_ru, court.code
        assert court.code[2:] < "50"
    for name in ("Esil District Court of Astana", "Almaly District Court of Almaty"):
        assert Court.objects.get(name_en=name).is_generated is False
    assert Court.objects.filter(kind=CourtKind.MILITARY_GARRISON, is_generated=True).count() == 0
    # The database agrees with the reference list court by court.
    flags = dict(Court.objects.values_list("code", "is_generated"))
    assert flags == {spec.code: spec.is_generated for spec in reference_courts()}


def test_codes_are_short_unique_and_follow_the_region_numbers() -> None:
    codes = [spec.code for spec in reference_courts()]
    assert len(codes) == len(set(codes)) == Court.objects.count()
    numbers = {r.code: f"{r.number:02d}" for r in reference_regions()}
    assert len(set(numbers.values())) == len(numbers)
    for court in Court.objects.select_related("region"):
        assert re.fullmatch(r"\d{4}", court.code), court.code
        if court.kind in (CourtKind.MILITARY, CourtKind.MILITARY_GARRISON):
            assert court.code.startswith("21")
        elif court.kind != CourtKind.SUPREME:
            assert court.region is not None
            assert court.code[:2] == numbers[court.region.code], court.code
    for region in Region.objects.all():
        court = Court.objects.get(code=f"{numbers[region.code]}00")
        assert court.region == region


def test_loading_again_changes_nothing() -> None:
    before = table_counts()
    competences_before = set(CourtCompetence.objects.values_list("pk", flat=True))
    load_reference_courts(django_apps)
    load_reference_courts(django_apps)
    assert table_counts() == before
    assert set(CourtCompetence.objects.values_list("pk", flat=True)) == competences_before


def test_loading_again_repairs_edited_rows() -> None:
    court = Court.objects.get(code="0110")
    court.name_en = "Renamed"
    court.save()
    court.competences.all().delete()
    CourtCompetence.objects.create(court=court, instance=APPEAL, category=CIVIL)
    load_reference_courts(django_apps)
    court.refresh_from_db()
    assert court.name_en == "Esil District Court of Astana"
    assert competences_of(court) == EXPECTED_COMPETENCES[CourtKind.DISTRICT]


def test_unload_removes_only_reference_rows() -> None:
    region = Region.objects.create(code="TST", name_kk="т", name_ru="т", name_en="t")
    own = Court.objects.create(
        code="TST1",
        level=CourtLevel.DISTRICT,
        kind=CourtKind.DISTRICT,
        region=region,
        name_kk="т",
        name_ru="т",
        name_en="t",
    )
    unload_reference_courts(django_apps)
    assert list(Court.objects.all()) == [own]
    assert list(Region.objects.all()) == [region]
    assert not CourtCompetence.objects.exists()
    load_reference_courts(django_apps)
    assert Court.objects.count() == len(reference_courts()) + 1
