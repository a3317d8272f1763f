"""Input and output shapes of the public court directory: courts and judges (public fields only)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Court, CourtKind, CourtLevel, Judge, JudgeStatus, Region


class RegionOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class CourtRefOutputSerializer(serializers.Serializer):
    """A court as other resources mention it."""

    code = serializers.CharField()
    name = serializers.CharField()


class CourtListOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    level = serializers.ChoiceField(choices=CourtLevel.choices)
    kind = serializers.ChoiceField(choices=CourtKind.choices)
    region_code = serializers.CharField(source="region.code", allow_null=True, default=None)
    parent_code = serializers.CharField(source="parent.code", allow_null=True, default=None)


class CompetenceOutputSerializer(serializers.Serializer):
    instance = serializers.ChoiceField(choices=Instance.choices)
    category = serializers.ChoiceField(choices=CaseCategory.choices)


class CourtDetailOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(help_text=_("In the request's language."))
    name_kk = serializers.CharField()
    name_ru = serializers.CharField()
    name_en = serializers.CharField()
    level = serializers.ChoiceField(choices=CourtLevel.choices)
    kind = serializers.ChoiceField(choices=CourtKind.choices)
    parent_code = serializers.CharField(
        source="parent.code", allow_null=True, default=None, help_text=_("The higher court.")
    )
    region = RegionOutputSerializer(allow_null=True)
    competences = CompetenceOutputSerializer(many=True, source="competences.all")
    address = serializers.CharField()
    latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, coerce_to_string=False, allow_null=True
    )
    longitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, coerce_to_string=False, allow_null=True
    )
    phone = serializers.CharField()
    timezone = serializers.CharField()
    is_generated = serializers.BooleanField(
        help_text=_("True when the name was generated because the real one was not at hand.")
    )
    is_active = serializers.BooleanField()


class CourtListFilterSerializer(serializers.Serializer):
    region = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Region.objects.all(),
        required=False,
        help_text=_("Region code."),
    )
    level = serializers.ChoiceField(choices=CourtLevel.choices, required=False)
    kind = serializers.ChoiceField(choices=CourtKind.choices, required=False)
    category = serializers.ChoiceField(
        choices=CaseCategory.choices,
        required=False,
        help_text=_("Courts that hear this category (with instance: at that instance)."),
    )
    instance = serializers.ChoiceField(
        choices=Instance.choices,
        required=False,
        help_text=_("Courts that hear cases at this instance."),
    )
    q = serializers.CharField(
        required=False,
        max_length=100,
        help_text=_("Part of the name in Kazakh, Russian or English."),
    )


class JudgeOutputSerializer(serializers.Serializer):
    """Public fields only: never the IIN, e-mail, phone or user name of a judge."""

    id = serializers.IntegerField()
    full_name = serializers.CharField()
    court = CourtRefOutputSerializer()
    specialisations = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=JudgeStatus.choices)

    @extend_schema_field(
        serializers.ListField(child=serializers.ChoiceField(choices=CaseCategory.choices))
    )
    def get_specialisations(self, judge: Judge) -> list[str]:
        # Read from the prefetched rows: no query per judge.
        return sorted(s.category for s in judge.specialisations.all())


class JudgeListFilterSerializer(serializers.Serializer):
    court = serializers.SlugRelatedField(
        slug_field="code", queryset=Court.objects.all(), required=False, help_text=_("Court code.")
    )
    category = serializers.ChoiceField(
        choices=CaseCategory.choices, required=False, help_text=_("Specialisation.")
    )
    status = serializers.ChoiceField(choices=JudgeStatus.choices, required=False)
