"""Kazakhstan's courts as reference data: regions, the court tree and what each court hears.

The facts live in ``data/regions.json`` and ``data/courts.json``. District courts whose real names were
not at hand are generated here, per region, with placeholder names and ``is_generated=True``, so that
the district level has the 371 courts the Supreme Court reports.

Court codes are four digits:

* ``9000`` is the Supreme Court;
* ``NN00`` is the regional (or city) court of region number ``NN`` (01-20, see ``regions.json``);
* ``NN01``-``NN05`` are the region's specialised courts: economic, administrative, criminal,
  juvenile, investigative;
* ``NN10``-``NN49`` are the region's named district and city courts;
* ``NN50`` onwards are its generated district courts;
* ``2100`` is the Military Court and ``21xx`` its garrison courts (their region is where they sit).

The loader runs inside a data migration, so it sees models only through the ``apps`` registry it is
given and writes plain strings, never the model enums, so later changes to them cannot alter history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from django.apps.registry import Apps
from django.db import transaction
from django.db.models import Model

SUPREME_CODE = "9000"
MILITARY_CODE = "2100"
# The first suffix of generated district courts in a region: NN50, NN51, ...
GENERATED_SUFFIX_START = 50

ALL_CATEGORIES = ("civil", "administrative", "administrative_offence", "criminal")

# What each kind of court hears: (instance, category) pairs.
COMPETENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "supreme": tuple(("cassation", category) for category in ALL_CATEGORIES),
    "regional": tuple(("appeal", category) for category in ALL_CATEGORIES),
    "city_regional": tuple(("appeal", category) for category in ALL_CATEGORIES),
    "military": (
        ("appeal", "criminal"),
        ("appeal", "administrative_offence"),
        ("appeal", "civil"),
    ),
    "district": (("first", "civil"), ("first", "criminal"), ("first", "administrative_offence")),
    "city": (("first", "civil"), ("first", "criminal"), ("first", "administrative_offence")),
    "economic": (("first", "civil"),),
    "administrative": (("first", "administrative"), ("first", "administrative_offence")),
    "criminal": (("first", "criminal"),),
    "juvenile": (("first", "criminal"), ("first", "civil")),
    # Investigative judges sanction measures during the pre-trial investigation.
    "investigative": (("first", "criminal"),),
    "military_garrison": (
        ("first", "criminal"),
        ("first", "administrative_offence"),
        ("first", "civil"),
    ),
}

# Parents before children: a court's parent always sits on a higher level.
LEVEL_ORDER = ("supreme", "regional", "district")


@dataclass(frozen=True)
class RegionSpec:
    number: int
    code: str
    name_kk: str
    name_ru: str
    name_en: str
    timezone: str
    is_city: bool
    # The forms used inside court names: "Ақмола облысының", "Акмолинской области", "Akmola Region".
    of_kk: str
    of_ru: str
    of_en: str
    generated_district_courts: int

    def model_fields(self) -> dict[str, Any]:
        return {
            "name_kk": self.name_kk,
            "name_ru": self.name_ru,
            "name_en": self.name_en,
            "timezone": self.timezone,
            "is_city": self.is_city,
        }


@dataclass(frozen=True)
class CourtSpec:
    code: str
    level: str
    kind: str
    parent: str | None
    region: str | None
    name_kk: str
    name_ru: str
    name_en: str
    address_kk: str = ""
    address_ru: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    phone: str = ""
    is_generated: bool = False

    def model_fields(self) -> dict[str, Any]:
        """Every column but the code and the two foreign keys."""
        return {
            "level": self.level,
            "kind": self.kind,
            "name_kk": self.name_kk,
            "name_ru": self.name_ru,
            "name_en": self.name_en,
            "address_kk": self.address_kk,
            "address_ru": self.address_ru,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "phone": self.phone,
            "is_generated": self.is_generated,
            "is_active": True,
        }

    @property
    def competences(self) -> tuple[tuple[str, str], ...]:
        return COMPETENCES[self.kind]


def _read(name: str) -> Any:
    text = resources.files("sot.courts").joinpath("data", name).read_text(encoding="utf-8")
    # Coordinates go into DecimalFields: read them as decimals, not binary floats.
    return json.loads(text, parse_float=Decimal)


@cache
def reference_regions() -> tuple[RegionSpec, ...]:
    return tuple(RegionSpec(**row) for row in _read("regions.json")["regions"])


def _coordinate(value: Decimal | None) -> Decimal | None:
    # The columns keep six decimal places; quantizing makes reloads compare equal.
    return None if value is None else value.quantize(Decimal("0.000001"))


def _listed_court(row: dict[str, Any]) -> CourtSpec:
    fields = dict(row)
    fields["latitude"] = _coordinate(fields.get("latitude"))
    fields["longitude"] = _coordinate(fields.get("longitude"))
    return CourtSpec(**fields)


def _generated_courts(region: RegionSpec) -> list[CourtSpec]:
    """Placeholder district courts for a region; where they sit is not known, so no coordinates."""
    prefix = f"{region.number:02d}"
    return [
        CourtSpec(
            code=f"{prefix}{GENERATED_SUFFIX_START + n - 1:02d}",
            level="district",
            kind="district",
            parent=f"{prefix}00",
            region=region.code,
            name_kk=f"{region.of_kk} №{n} аудандық соты",
            name_ru=f"Районный суд №{n} {region.of_ru}",
            name_en=f"District Court No. {n} of {region.of_en}",
            address_kk=region.name_kk,
            address_ru=region.name_ru,
            is_generated=True,
        )
        for n in range(1, region.generated_district_courts + 1)
    ]


@cache
def reference_courts() -> tuple[CourtSpec, ...]:
    """Every reference court, parents before children."""
    courts = [_listed_court(row) for row in _read("courts.json")["courts"]]
    for region in reference_regions():
        courts.extend(_generated_courts(region))
    return tuple(sorted(courts, key=lambda c: (LEVEL_ORDER.index(c.level), c.code)))


@transaction.atomic
def load_reference_courts(apps: Apps) -> None:
    """Create or update the reference regions, courts and competences; safe to run again.

    Rows are matched by code. A reference court's competences are made exactly those of its kind.
    """
    Region = apps.get_model("courts", "Region")
    Court = apps.get_model("courts", "Court")
    CourtCompetence = apps.get_model("courts", "CourtCompetence")

    regions: dict[str, Model] = {}
    for region_spec in reference_regions():
        regions[region_spec.code], _ = Region.objects.update_or_create(
            code=region_spec.code, defaults=region_spec.model_fields()
        )

    courts: dict[str, Model] = {}
    for spec in reference_courts():
        defaults = spec.model_fields()
        defaults["parent"] = courts[spec.parent] if spec.parent else None
        defaults["region"] = regions[spec.region] if spec.region else None
        courts[spec.code], _ = Court.objects.update_or_create(code=spec.code, defaults=defaults)

    wanted = {
        (courts[spec.code].pk, instance, category)
        for spec in reference_courts()
        for instance, category in spec.competences
    }
    existing = {
        (court_id, instance, category): pk
        for pk, court_id, instance, category in CourtCompetence.objects.filter(
            court__code__in=list(courts)
        ).values_list("pk", "court_id", "instance", "category")
    }
    stale = [pk for key, pk in existing.items() if key not in wanted]
    if stale:
        CourtCompetence.objects.filter(pk__in=stale).delete()
    CourtCompetence.objects.bulk_create(
        [
            CourtCompetence(court_id=court_id, instance=instance, category=category)
            for court_id, instance, category in sorted(wanted - existing.keys())
        ]
    )


@transaction.atomic
def unload_reference_courts(apps: Apps) -> None:
    """Delete the reference courts (children first) and regions, by code.

    Judges, cases or other courts that still point at them make this fail rather than lose data.
    """
    Region = apps.get_model("courts", "Region")
    Court = apps.get_model("courts", "Court")
    CourtCompetence = apps.get_model("courts", "CourtCompetence")

    specs = reference_courts()
    CourtCompetence.objects.filter(court__code__in=[spec.code for spec in specs]).delete()
    for level in reversed(LEVEL_ORDER):
        Court.objects.filter(code__in=[spec.code for spec in specs if spec.level == level]).delete()
    Region.objects.filter(code__in=[region.code for region in reference_regions()]).delete()
