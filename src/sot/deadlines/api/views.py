"""The deadlines API: calendar arithmetic, a case's clocks, overdue lists and violations."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sot.cases import selectors as case_selectors
from sot.core.api.pagination import Pagination
from sot.core.api.schema import BAD_INPUT, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED
from sot.core.api.views import caller, paginated_response, validated
from sot.deadlines import selectors

from .serializers import (
    ClockOutputSerializer,
    MonitoringFilterSerializer,
    OverdueOutputSerializer,
    PeriodInputSerializer,
    PeriodOutputSerializer,
    ViolationFilterSerializer,
    ViolationOutputSerializer,
)

TAGS = ["deadlines"]
CASE_ID = OpenApiParameter("case_id", int, OpenApiParameter.PATH)
LIST_ERRORS = {400: BAD_INPUT, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND}


class PeriodEndApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="deadlines_period_retrieve",
        parameters=[
            OpenApiParameter("from", str, description="YYYY-MM-DD", required=True),
            OpenApiParameter("unit", str, enum=["days", "working_days", "months"], required=True),
            OpenApiParameter("length", int, required=True),
            OpenApiParameter("court", str, description="A court's code"),
        ],
        responses={200: PeriodOutputSerializer, 400: BAD_INPUT, 401: UNAUTHENTICATED},
        summary="The last day of a procedural period",
    )
    def get(self, request: Request) -> Response:
        """Days and working days count from the day after ``from``; months end on the same date
        (or the month's last day); a last day off moves to the next working day. A date outside
        the calendar's known years, or a negative length, is refused with 400."""
        caller(request)
        params = request.query_params.dict()
        if "from" in params:
            params["start"] = params.pop("from")
        data = validated(PeriodInputSerializer, params)
        due = selectors.period_end(
            start=data["start"],
            unit=data["unit"],
            length=data["length"],
            court_code=data.get("court"),
        )
        return Response(PeriodOutputSerializer({"due": due.due, "skipped": list(due.skipped)}).data)


class CaseClockListApi(APIView):
    @extend_schema(
        tags=TAGS,
        operation_id="cases_clocks_list",
        parameters=[CASE_ID],
        responses={200: ClockOutputSerializer(many=True), 401: UNAUTHENTICATED, 404: NOT_FOUND},
        summary="A case's procedural deadlines",
    )
    def get(self, request: Request, case_id: int) -> Response:
        """Whoever may see the case sees its clocks; anyone else gets the same 404 as for a case
        that does not exist."""
        case = case_selectors.access_case(caller(request), case_id, request=request)
        return Response(ClockOutputSerializer(selectors.case_clocks(case), many=True).data)


class OverdueListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="deadlines_overdue_list",
        parameters=[MonitoringFilterSerializer],
        responses={200: OverdueOutputSerializer(many=True), **LIST_ERRORS},
        summary="Deadlines overdue today, most overdue first",
    )
    def get(self, request: Request) -> Response:
        """The country's (analysts, administrators) or one court's (its staff; national readers
        with ``court``). ``count`` is the number overdue."""
        params = validated(MonitoringFilterSerializer, request.query_params.dict())
        court = selectors.monitored_court(caller(request), params.get("court"))
        return paginated_response(
            self, request, selectors.overdue_clocks(court), OverdueOutputSerializer
        )


class ViolationListApi(APIView):
    pagination_class = Pagination

    @extend_schema(
        tags=TAGS,
        operation_id="deadlines_violations_list",
        parameters=[ViolationFilterSerializer],
        responses={200: ViolationOutputSerializer(many=True), **LIST_ERRORS},
        summary="Recorded violations, newest first",
    )
    def get(self, request: Request) -> Response:
        """A court's violations for its clerks and chair; any court's, or the country's, for
        analysts and administrators."""
        params = validated(ViolationFilterSerializer, request.query_params.dict())
        court = selectors.monitored_court(caller(request), params.get("court"), violations=True)
        violations = selectors.court_violations(court, kind=params.get("kind"))
        return paginated_response(self, request, violations, ViolationOutputSerializer)
