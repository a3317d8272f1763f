"""Search API: query parameters in, hits and facet counts out (explicit fields only)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from sot.acts.models import ActKind, ActLanguage
from sot.core.judiciary import CaseCategory, Instance

from ..engine import MAX_PER_PAGE, SearchParams

MAX_PAGE = 1000
MAX_QUERY = 500


class PublicSearchInputSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=MAX_QUERY, default="")
    court = serializers.CharField(required=False, max_length=8)
    region = serializers.CharField(required=False, max_length=8)
    category = serializers.ChoiceField(required=False, choices=CaseCategory.choices)
    instance = serializers.ChoiceField(required=False, choices=Instance.choices)
    # A string checked against ActKind (not an enum in the schema: other apps have "kind" enums).
    kind = serializers.CharField(
        required=False, max_length=32, help_text="Kind of act: " + ", ".join(ActKind.values)
    )
    article = serializers.CharField(required=False, max_length=64)
    outcome = serializers.CharField(required=False, max_length=32)
    lang = serializers.ChoiceField(required=False, choices=ActLanguage.choices)
    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)
    sort = serializers.ChoiceField(
        required=False,
        choices=[("relevance", _("Relevance")), ("date", _("Date"))],
        default="relevance",
    )
    page = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, default=1)
    per_page = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_PER_PAGE, default=10
    )

    def validate_kind(self, value: str) -> str:
        if value not in ActKind.values:
            raise serializers.ValidationError(_("Unknown kind of act."))
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("date_from"), attrs.get("date_to")
        if start and end and start > end:
            raise serializers.ValidationError(
                {"date_to": _("The end of the period is before its start.")}
            )
        return attrs


class InternalSearchInputSerializer(PublicSearchInputSerializer):
    judge = serializers.IntegerField(required=False, min_value=1)


class SimilarInputSerializer(serializers.Serializer):
    act = serializers.IntegerField(min_value=1)
    limit = serializers.IntegerField(required=False, min_value=1, max_value=20, default=5)


FILTER_NAMES = (
    "court",
    "region",
    "category",
    "instance",
    "kind",
    "article",
    "outcome",
    "lang",
    "judge",
)


def to_params(data: dict[str, Any], *, facets: bool = True) -> SearchParams:
    return SearchParams(
        text=data.get("q", ""),
        filters={
            name: [str(data[name])] for name in FILTER_NAMES if data.get(name) not in (None, "")
        },
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        sort=data.get("sort", "relevance"),
        page=data.get("page", 1),
        per_page=data.get("per_page", 10),
        facets=facets,
    )


class HitSerializer(serializers.Serializer):
    id = serializers.CharField(source="ref", help_text="The source bank's id, else the act number.")
    act = serializers.IntegerField(source="key")
    number = serializers.CharField()
    score = serializers.FloatField()
    snippet = serializers.CharField(
        help_text="HTML: the text is escaped; matched words are wrapped in <mark>."
    )
    court = serializers.CharField(source="fields.court", default="")
    region = serializers.CharField(source="fields.region", default="")
    category = serializers.CharField(source="fields.category", default="")
    instance = serializers.CharField(source="fields.instance", default="")
    kind = serializers.CharField(source="fields.kind", default="")
    outcome = serializers.CharField(source="fields.outcome", default="")
    lang = serializers.CharField(source="fields.lang", default="")
    issued_on = serializers.DateField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    count = serializers.IntegerField()


class SearchResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = HitSerializer(many=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True))


class SimilarResultsSerializer(serializers.Serializer):
    results = HitSerializer(many=True)


def results_data(results: Any) -> dict[str, Any]:
    return {
        "count": results.total,
        "page": results.page,
        "pages": results.pages,
        "results": HitSerializer(results.hits, many=True).data,
        "facets": {
            name: [{"value": value, "count": count} for value, count in values]
            for name, values in results.facets.items()
        },
    }
