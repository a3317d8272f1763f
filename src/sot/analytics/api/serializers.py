"""Explicit input and output shapes of the Situational Center API."""

from __future__ import annotations

from rest_framework import serializers


class ScopeFilterSerializer(serializers.Serializer):
    """The place, case kind and period a figure is about (all optional)."""

    region = serializers.CharField(required=False, help_text="region code")
    court = serializers.CharField(required=False, help_text="court code")
    judge = serializers.IntegerField(required=False, help_text="judge id")
    category = serializers.CharField(required=False)
    instance = serializers.CharField(required=False)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)
    # "from" is a Python keyword; the query parameter is still named "from".
    from_ = serializers.RegexField(r"^\d{4}-\d{2}$", required=False)
    to = serializers.RegexField(r"^\d{4}-\d{2}$", required=False)

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields


class DefinitionSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    formula = serializers.CharField()
    unit = serializers.CharField()
    group = serializers.CharField()
    sources = serializers.ListField(child=serializers.CharField())
    is_available = serializers.BooleanField()
    per_judge = serializers.BooleanField()
    has_cases = serializers.BooleanField()


class BreakdownSerializer(serializers.Serializer):
    label = serializers.CharField()  # type: ignore[assignment]  # a field named "label"
    value = serializers.FloatField(allow_null=True)


class ValueSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    unit = serializers.CharField()
    value = serializers.FloatField(allow_null=True, help_text="null means no data, not zero")
    has_data = serializers.BooleanField()
    attention = serializers.CharField(help_text='"", "ok", "warn" or "alert"')
    breakdown = BreakdownSerializer(many=True)


class PlaceSerializer(serializers.Serializer):
    level = serializers.CharField()
    name = serializers.CharField()
    month_from = serializers.DateField()
    month_to = serializers.DateField()


class ValuesSerializer(serializers.Serializer):
    place = PlaceSerializer()
    values = ValueSerializer(many=True)


class LoadSerializer(serializers.Serializer):
    place = PlaceSerializer()
    mean = serializers.FloatField(allow_null=True)
    max_over_mean = serializers.FloatField(allow_null=True)
    gini = serializers.FloatField(allow_null=True)
    total = serializers.FloatField(allow_null=True)
    judges = serializers.DictField(child=serializers.FloatField())


class CaseRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(allow_null=True)
    court = serializers.CharField(source="court.code")
    category = serializers.CharField()
    instance = serializers.CharField()
    status = serializers.CharField()
    filed_at = serializers.DateTimeField()
