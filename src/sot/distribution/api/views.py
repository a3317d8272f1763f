"""The distribution API: a case's draws with proofs, reassignment, the chair's queue, loads."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.cases import selectors as case_selectors
from sot.cases.models import Case
from sot.core.api.schema import BAD_INPUT, CONFLICT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED
from sot.core.api.views import caller, validated, validated_filters
from sot.core.errors import NotFound
from sot.courts.models import Court

from .. import selectors, services
from ..documents import distribution_document
from ..verify import verify_case
from .serializers import (
    ChairAssignInputSerializer,
    DrawOutputSerializer,
    LoadFilterSerializer,
    LoadSummaryOutputSerializer,
    QueueEntryOutputSerializer,
    ReassignInputSerializer,
    VerifyFilterSerializer,
)

TAGS = ["distribution"]
CASE_ID = OpenApiParameter("case_id", int, OpenApiParameter.PATH)
WRITE_ERRORS = {400: BAD_INPUT, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT}


def _draw_data(draw: Any) -> dict[str, Any]:
    return {"kind": draw.kind, "outcome": draw.outcome, "leaf_index": draw.leaf_index}


class CaseDistributionApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="distribution_case_retrieve",
        parameters=[CASE_ID],
        responses={200: OpenApiTypes.OBJECT, 401: UNAUTHENTICATED, 404: NOT_FOUND},
        summary="How the case's judge was chosen",
    )
    def get(self, request: Request, case_id: int) -> Response:
        """Each draw's log entry (pool, loads, exclusions, randomness, result), its inclusion
        proof against the latest signed tree head, and the server's re-derivation, check by check.
        """
        case = case_selectors.access_case(caller(request), case_id, request=request)
        return Response(distribution_document(case))


class PublicVerifyApi(APIView):
    """Anyone may check an open case's draw: its log entries are public already."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        tags=TAGS,
        operation_id="distribution_verify_retrieve",
        parameters=[VerifyFilterSerializer],
        responses={200: OpenApiTypes.OBJECT, 400: BAD_INPUT, 404: NOT_FOUND},
        summary="Verify a case's judge draw against the log (public)",
    )
    def get(self, request: Request) -> Response:
        """The checks of ``sot distribution verify`` for a case number. A closed-session case
        answers 404 here, as if it did not exist: its parties use the case's own endpoint."""
        number = validated_filters(VerifyFilterSerializer, request)["number"]
        case = Case.objects.filter(number=number, is_closed=False).first()
        if case is None:
            raise NotFound()
        return Response(verify_case(case).as_document())


class ReassignApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="distribution_reassign_create",
        parameters=[CASE_ID],
        request=ReassignInputSerializer,
        responses={201: DrawOutputSerializer, **WRITE_ERRORS},
        summary="Draw a new presiding judge (chair; or the judge's own recusal)",
    )
    def post(self, request: Request, case_id: int) -> Response:
        user = caller(request)
        case = case_selectors.access_case(user, case_id, request=request)
        data = validated(ReassignInputSerializer, request.data)
        draw = services.reassign(
            case=case, reason=data["reason"], note=data["note"], acting_user=user
        )
        return Response(_draw_data(draw), status=status.HTTP_201_CREATED)


class ChairAssignApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="distribution_chair_assign_create",
        parameters=[CASE_ID],
        request=ChairAssignInputSerializer,
        responses={201: DrawOutputSerializer, **WRITE_ERRORS},
        summary="Place a queued case with an eligible judge (court chair)",
    )
    def post(self, request: Request, case_id: int) -> Response:
        user = caller(request)
        case = case_selectors.access_case(user, case_id, request=request)
        data = validated(ChairAssignInputSerializer, request.data)
        draw = services.chair_assign(
            case=case, judge=data["judge"], note=data["note"], acting_user=user
        )
        return Response(_draw_data(draw), status=status.HTTP_201_CREATED)


class ChairQueueApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="distribution_queue_list",
        responses={
            200: QueueEntryOutputSerializer(many=True),
            401: UNAUTHENTICATED,
            403: FORBIDDEN,
        },
        summary="Cases waiting for the court chair",
    )
    def get(self, request: Request) -> Response:
        entries = selectors.chair_queue(caller(request))
        return Response(QueueEntryOutputSerializer(entries, many=True).data)


class LoadApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="distribution_loads_retrieve",
        parameters=[LoadFilterSerializer],
        responses={200: LoadSummaryOutputSerializer, 401: UNAUTHENTICATED, 403: FORBIDDEN},
        summary="Weighted load per judge, with Gini and max/mean",
    )
    def get(self, request: Request) -> Response:
        """For one court (its chair, analysts) or the whole country (analysts)."""
        user = caller(request)
        params = validated_filters(LoadFilterSerializer, request)
        court = None
        if params.get("court"):
            court = Court.objects.filter(code=params["court"]).first()
            if court is None:
                raise NotFound()
        summary = selectors.judge_loads(user, court)
        return Response(LoadSummaryOutputSerializer(summary).data)
