"""Search API: the public bank (anyone) and the internal index (court staff, filtered by what
each user may see)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.core.api.schema import BAD_INPUT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED
from sot.core.api.views import caller, validated_filters

from .. import selectors
from .serializers import (
    HitSerializer,
    InternalSearchInputSerializer,
    PublicSearchInputSerializer,
    SearchResultsSerializer,
    SimilarInputSerializer,
    SimilarResultsSerializer,
    results_data,
    to_params,
)

TAGS = ["search"]


class PublicSearchApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        operation_id="search_public",
        parameters=[PublicSearchInputSerializer],
        responses={200: SearchResultsSerializer, 400: BAD_INPUT},
        summary="Search the public bank of published, depersonalized acts",
    )
    def get(self, request: Request) -> Response:
        data = validated_filters(PublicSearchInputSerializer, request)
        return Response(results_data(selectors.public_search(to_params(data))))


class PublicSimilarApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        operation_id="search_public_similar",
        parameters=[SimilarInputSerializer],
        responses={200: SimilarResultsSerializer, 400: BAD_INPUT, 404: NOT_FOUND},
        summary="Published acts similar to a published act",
    )
    def get(self, request: Request) -> Response:
        data = validated_filters(SimilarInputSerializer, request)
        hits = selectors.public_similar(str(data["act"]), data["limit"])
        return Response({"results": HitSerializer(hits, many=True).data})


class InternalSearchApi(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        operation_id="search_internal",
        parameters=[InternalSearchInputSerializer],
        responses={
            200: SearchResultsSerializer,
            400: BAD_INPUT,
            401: UNAUTHENTICATED,
            403: FORBIDDEN,
        },
        summary="Search the full texts of the acts the caller may see (court staff)",
    )
    def get(self, request: Request) -> Response:
        user = caller(request)
        data = validated_filters(InternalSearchInputSerializer, request)
        results = selectors.internal_search(user, to_params(data), request=request)
        return Response(results_data(results))


class InternalSimilarApi(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        operation_id="search_internal_similar",
        parameters=[SimilarInputSerializer],
        responses={
            200: SimilarResultsSerializer,
            400: BAD_INPUT,
            401: UNAUTHENTICATED,
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        summary="Acts similar to an act, among those the caller may see",
    )
    def get(self, request: Request) -> Response:
        user = caller(request)
        data = validated_filters(SimilarInputSerializer, request)
        hits = selectors.internal_similar(user, str(data["act"]), data["limit"], request=request)
        return Response({"results": HitSerializer(hits, many=True).data})
