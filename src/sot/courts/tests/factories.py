from __future__ import annotations

import datetime

import factory

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import (
    Court,
    CourtCompetence,
    CourtKind,
    CourtLevel,
    Judge,
    JudgeSpecialisation,
    JudgeStatus,
    Region,
)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T{n:03d}")
    name_kk = factory.Sequence(lambda n: f"Сынақ облысы {n}")
    name_ru = factory.Sequence(lambda n: f"Тестовая область {n}")
    name_en = factory.Sequence(lambda n: f"Test Region {n}")


class CourtFactory(factory.django.DjangoModelFactory):
    """A first-instance district court hearing civil, criminal and offence cases by default."""

    class Meta:
        model = Court
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"T{n:04d}")
    level = CourtLevel.DISTRICT
    kind = CourtKind.DISTRICT
    region = factory.SubFactory(RegionFactory)
    name_kk = factory.Sequence(lambda n: f"Сынақ аудандық соты {n}")
    name_ru = factory.Sequence(lambda n: f"Тестовый районный суд {n}")
    name_en = factory.Sequence(lambda n: f"Test District Court {n}")
    is_generated = True

    @factory.post_generation
    def competences(self, create: bool, extracted: list[tuple[str, str]] | None, **kw: object):
        if not create:
            return
        pairs = extracted
        if pairs is None:
            instance: str = {
                CourtLevel.DISTRICT: Instance.FIRST,
                CourtLevel.REGIONAL: Instance.APPEAL,
                CourtLevel.SUPREME: Instance.CASSATION,
            }[CourtLevel(self.level)]
            pairs = [(instance, category) for category in CaseCategory.values]
        for instance, category in pairs:
            CourtCompetence.objects.get_or_create(court=self, instance=instance, category=category)


class JudgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Judge
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, roles=[Role.JUDGE])
    court = factory.SubFactory(CourtFactory)
    status = JudgeStatus.ACTIVE
    status_since = datetime.date(2020, 1, 1)
    appointed_on = datetime.date(2015, 6, 1)

    @factory.post_generation
    def specialisations(self, create: bool, extracted: list[str] | None, **kw: object) -> None:
        if not create:
            return
        for category in extracted if extracted is not None else CaseCategory.values:
            JudgeSpecialisation.objects.get_or_create(judge=self, category=category)
