"""The public court directory: courts and judges. Open to everyone, signed in or not."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.core.api.pagination import Pagination
from sot.core.api.schema import BAD_INPUT, NOT_FOUND
from sot.core.api.views import paginated_response, validated_filters
from sot.courts import selectors

from .filters import court_list_filter, judge_list_filter
from .serializers import (
    CourtDetailOutputSerializer,
    CourtListFilterSerializer,
    CourtListOutputSerializer,
    JudgeListFilterSerializer,
    JudgeOutputSerializer,
)

TAGS = ["courts"]


class CourtListApi(APIView):
    permission_classes = [AllowAny]
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="courts_list",
        parameters=[CourtListFilterSerializer],
        responses={200: CourtListOutputSerializer(many=True), 400: BAD_INPUT},
        summary="Active courts, filtered",
    )
    def get(self, request: Request) -> Response:
        params = validated_filters(CourtListFilterSerializer, request)
        courts = court_list_filter(selectors.directory_courts(), params)
        return paginated_response(self, request, courts, CourtListOutputSerializer)


class CourtDetailApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        operation_id="courts_retrieve",
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH)],
        responses={200: CourtDetailOutputSerializer, 404: NOT_FOUND},
        summary="One court, abolished ones included (old cases refer to them)",
    )
    def get(self, request: Request, code: str) -> Response:
        court = selectors.access_court(code)
        return Response(CourtDetailOutputSerializer(court).data)


class JudgeListApi(APIView):
    permission_classes = [AllowAny]
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="judges_list",
        parameters=[JudgeListFilterSerializer],
        responses={200: JudgeOutputSerializer(many=True), 400: BAD_INPUT},
        summary="Judges (public fields only), filtered",
    )
    def get(self, request: Request) -> Response:
        params = validated_filters(JudgeListFilterSerializer, request)
        judges = judge_list_filter(selectors.directory_judges(), params)
        return paginated_response(self, request, judges, JudgeOutputSerializer)


class JudgeDetailApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        operation_id="judges_retrieve",
        parameters=[OpenApiParameter("judge_id", int, OpenApiParameter.PATH)],
        responses={200: JudgeOutputSerializer, 404: NOT_FOUND},
        summary="One judge (public fields only)",
    )
    def get(self, request: Request, judge_id: int) -> Response:
        judge = selectors.access_judge(judge_id)
        return Response(JudgeOutputSerializer(judge).data)
