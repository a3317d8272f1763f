from __future__ import annotations

import factory

from sot.cases.models import (
    BenchRole,
    Case,
    CaseJudge,
    CaseStatus,
    Participant,
    ParticipantRole,
)
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.tests.factories import CourtFactory, JudgeFactory


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    number = factory.Sequence(lambda n: f"T0000-25-{n:06d}")
    court = factory.SubFactory(CourtFactory)
    category = CaseCategory.CIVIL
    instance = Instance.FIRST
    subject = "О взыскании долга"
    status = CaseStatus.REGISTERED


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    case = factory.SubFactory(CaseFactory)
    role = ParticipantRole.PLAINTIFF
    name = factory.Sequence(lambda n: f"Қатысушы {n}")


class CaseJudgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseJudge

    case = factory.SubFactory(CaseFactory)
    judge = factory.SubFactory(JudgeFactory, court=factory.SelfAttribute("..case.court"))
    role = BenchRole.PRESIDING
