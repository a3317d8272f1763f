"""The Situational Center API: every indicator's value and the cases behind it, for a scope.

Figures come from the aggregates only; the case lists go through ``visible_cases``.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.core.api.schema import BAD_INPUT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED
from sot.core.api.views import caller, paginated_response, validated_filters

from ..indicators import GROUPS, INDICATORS
from ..load import load_figures
from ..scope import Scope
from ..selectors import access_indicator, access_scope, drill_cases, indicator_values
from .serializers import (
    CaseRowSerializer,
    DefinitionSerializer,
    LoadSerializer,
    ScopeFilterSerializer,
    ValuesSerializer,
)

TAGS = ["analytics"]
CODE = OpenApiParameter("code", str, OpenApiParameter.PATH, description="indicator code")
ERRORS = {400: BAD_INPUT, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND}


def _scope(request: Request) -> Scope:
    params = validated_filters(ScopeFilterSerializer, request)
    return access_scope(caller(request), {k: str(v) for k, v in params.items()})


def _place(scope: Scope) -> dict[str, Any]:
    return {
        "level": scope.level,
        "name": scope.place_name(),
        "month_from": scope.month_from,
        "month_to": scope.month_to,
    }


class IndicatorListApi(APIView):
    @extend_schema(
        operation_id="analytics_indicators",
        tags=TAGS,
        responses={200: DefinitionSerializer(many=True), 401: UNAUTHENTICATED, 403: FORBIDDEN},
    )
    def get(self, request: Request) -> Response:
        """Every indicator's definition: names, formula, unit, sources."""
        access_scope(caller(request), {"country": "1"})
        data = [
            {
                "code": i.code,
                "name": str(i.name),
                "formula": str(i.formula),
                "unit": i.unit,
                "group": str(GROUPS[i.group]),
                "sources": list(i.sources),
                "is_available": i.is_available,
                "per_judge": i.per_judge,
                "has_cases": bool(i.drill),
            }
            for i in INDICATORS
        ]
        return Response(DefinitionSerializer(data, many=True).data)


class ValueListApi(APIView):
    @extend_schema(
        operation_id="analytics_values",
        tags=TAGS,
        parameters=[ScopeFilterSerializer],
        responses={200: ValuesSerializer, **ERRORS},
    )
    def get(self, request: Request) -> Response:
        """Every indicator's value for a place, case kind and period."""
        scope = _scope(request)
        values = [v.as_dict() for v in indicator_values(scope)]
        return Response(ValuesSerializer({"place": _place(scope), "values": values}).data)


class ValueDetailApi(APIView):
    @extend_schema(
        operation_id="analytics_value",
        tags=TAGS,
        parameters=[CODE, ScopeFilterSerializer],
        responses={200: ValuesSerializer, **ERRORS},
    )
    def get(self, request: Request, code: str) -> Response:
        """One indicator's value for a place, case kind and period."""
        indicator = access_indicator(code)
        scope = _scope(request)
        values = [v.as_dict() for v in indicator_values(scope, [indicator.code])]
        return Response(ValuesSerializer({"place": _place(scope), "values": values}).data)


class ValueCasesApi(APIView):
    @extend_schema(
        operation_id="analytics_value_cases",
        tags=TAGS,
        parameters=[CODE, ScopeFilterSerializer],
        responses={200: CaseRowSerializer(many=True), **ERRORS},
    )
    def get(self, request: Request, code: str) -> Response:
        """The cases behind an indicator's number that the caller may see (drill-down)."""
        indicator = access_indicator(code)
        scope = _scope(request)
        cases = drill_cases(caller(request), scope, indicator)
        return paginated_response(self, request, cases, CaseRowSerializer)


class LoadApi(APIView):
    @extend_schema(
        operation_id="analytics_load",
        tags=TAGS,
        parameters=[ScopeFilterSerializer],
        responses={200: LoadSerializer, **ERRORS},
    )
    def get(self, request: Request) -> Response:
        """Judges' weighted load in a place: mean, max ÷ mean, Gini, each judge's load."""
        scope = _scope(request)
        load = load_figures(scope)
        data = {
            "place": _place(scope),
            "mean": load.mean,
            "max_over_mean": load.max_over_mean,
            "gini": load.gini,
            "total": load.total,
            "judges": {str(k): v for k, v in load.loads.items()},
        }
        return Response(LoadSerializer(data).data)
