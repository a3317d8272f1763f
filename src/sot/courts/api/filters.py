"""Query-string filters of the court directory, applied in the query (never after it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet, Value
from django.db.models.functions import Concat

from sot.core.db import Casefold
from sot.courts.models import Court, CourtCompetence, Judge

# Between the names, so a search cannot match across the end of one and the start of the next.
NAME_SEPARATOR = "\n"


def court_list_filter(queryset: QuerySet[Court], params: Mapping[str, Any]) -> QuerySet[Court]:
    """``params`` is the validated ``CourtListFilterSerializer`` data."""
    if "region" in params:
        queryset = queryset.filter(region=params["region"])
    if "level" in params:
        queryset = queryset.filter(level=params["level"])
    if "kind" in params:
        queryset = queryset.filter(kind=params["kind"])
    competence = {key: params[key] for key in ("category", "instance") if key in params}
    if competence:
        # EXISTS rather than a join: a court hearing a category at two instances appears once.
        queryset = queryset.filter(
            Exists(CourtCompetence.objects.filter(court=OuterRef("pk"), **competence))
        )
    if params.get("q"):
        # Casefold, not icontains: SQLite's LIKE ignores the case of ASCII letters only.
        queryset = queryset.annotate(
            names_folded=Casefold(
                Concat(
                    "name_kk",
                    Value(NAME_SEPARATOR),
                    "name_ru",
                    Value(NAME_SEPARATOR),
                    "name_en",
                )
            )
        ).filter(names_folded__contains=params["q"].casefold())
    return queryset


def judge_list_filter(queryset: QuerySet[Judge], params: Mapping[str, Any]) -> QuerySet[Judge]:
    """``params`` is the validated ``JudgeListFilterSerializer`` data."""
    if "court" in params:
        queryset = queryset.filter(court=params["court"])
    if "category" in params:
        # One specialisation row per (judge, category): the join cannot repeat a judge.
        queryset = queryset.filter(specialisations__category=params["category"])
    if "status" in params:
        queryset = queryset.filter(status=params["status"])
    return queryset
